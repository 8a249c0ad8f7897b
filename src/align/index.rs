//! An inverted index of weighted terms: finds the likely partners of a vector
//! without scoring every pair, so alignment grows linearly with the documents.

use super::terms::WeightedTerms;

/// Postings per term over a fixed set of vectors, stored end to end (term
/// `t`'s list is `postings[starts[t]..starts[t + 1]]`): one allocation
/// instead of one per term, and lists laid out in term order.
pub struct InvertedIndex {
    starts: Vec<u32>,
    postings: Vec<(u32, f32)>,
    /// Terms in more vectors than this are too common to seed candidates.
    max_postings: usize,
    len: usize,
}

/// Reusable accumulators, so a search allocates nothing per query.
pub struct Scratch {
    scores: Vec<f32>,
    touched: Vec<u32>,
    found: Vec<(u32, f32)>,
    ids: Vec<u32>,
}

impl InvertedIndex {
    /// Indexes `vectors` over a vocabulary of `terms` terms.
    pub fn new(vectors: &[WeightedTerms], terms: usize) -> Self {
        // Count each term's postings, then place them: `next[t]` is where
        // term `t`'s next posting goes, and ends as the start of `t + 1`.
        let mut next = vec![0u32; terms + 1];
        for v in vectors {
            for &(t, _) in &v.entries {
                next[t as usize + 1] += 1;
            }
        }
        for t in 1..next.len() {
            next[t] += next[t - 1];
        }
        let starts = next.clone();
        let mut postings = vec![(0, 0.0); next[terms] as usize];
        for (i, v) in vectors.iter().enumerate() {
            for &(t, w) in &v.entries {
                let slot = &mut next[t as usize];
                postings[*slot as usize] = (i as u32, w);
                *slot += 1;
            }
        }
        InvertedIndex {
            starts,
            postings,
            max_postings: (vectors.len() / 10).max(200),
            len: vectors.len(),
        }
    }

    /// Fresh accumulators for this index.
    pub fn scratch(&self) -> Scratch {
        Scratch {
            scores: vec![0.0; self.len],
            touched: Vec::new(),
            found: Vec::new(),
            ids: Vec::new(),
        }
    }

    /// Up to `limit` indexed vectors sharing the most weight with `query`,
    /// by partial dot product over the terms rare enough to be indexed, in
    /// no particular order (callers rank them by their exact score). Vectors
    /// that `excluded` marks are never proposed.
    pub fn candidates<'s>(
        &self,
        query: &WeightedTerms,
        limit: usize,
        excluded: Option<&[bool]>,
        scratch: &'s mut Scratch,
    ) -> &'s [u32] {
        for &(t, w) in &query.entries {
            let (Some(&from), Some(&to)) =
                (self.starts.get(t as usize), self.starts.get(t as usize + 1))
            else {
                continue;
            };
            let list = &self.postings[from as usize..to as usize];
            if list.len() > self.max_postings {
                continue;
            }
            for &(doc, dw) in list {
                if excluded.is_some_and(|excluded| excluded[doc as usize]) {
                    continue;
                }
                let slot = &mut scratch.scores[doc as usize];
                if *slot == 0.0 {
                    scratch.touched.push(doc);
                }
                *slot += w * dw;
            }
        }
        let found = &mut scratch.found;
        found.clear();
        found.extend(
            scratch
                .touched
                .drain(..)
                .map(|d| (d, std::mem::take(&mut scratch.scores[d as usize]))),
        );
        if found.len() > limit {
            found.select_nth_unstable_by(limit, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(limit);
        }
        scratch.ids.clear();
        scratch.ids.extend(found.iter().map(|&(d, _)| d));
        &scratch.ids
    }
}
