//! An inverted index of weighted terms: finds the likely partners of a vector
//! without scoring every pair, so alignment grows linearly with the documents.

use super::terms::WeightedTerms;

/// Postings per term over a fixed set of vectors.
pub struct InvertedIndex {
    postings: Vec<Vec<(u32, f32)>>,
    /// Terms in more vectors than this are too common to seed candidates.
    max_postings: usize,
    len: usize,
}

/// Reusable accumulators, so a search allocates nothing per query.
pub struct Scratch {
    scores: Vec<f32>,
    touched: Vec<u32>,
}

impl InvertedIndex {
    /// Indexes `vectors` over a vocabulary of `terms` terms.
    pub fn new(vectors: &[WeightedTerms], terms: usize) -> Self {
        let mut postings: Vec<Vec<(u32, f32)>> = vec![Vec::new(); terms];
        for (i, v) in vectors.iter().enumerate() {
            for &(t, w) in &v.entries {
                postings[t as usize].push((i as u32, w));
            }
        }
        InvertedIndex {
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
        }
    }

    /// Up to `limit` indexed vectors sharing the most weight with `query`,
    /// by partial dot product over the terms rare enough to be indexed.
    pub fn candidates(
        &self,
        query: &WeightedTerms,
        limit: usize,
        scratch: &mut Scratch,
    ) -> Vec<u32> {
        for &(t, w) in &query.entries {
            let Some(list) = self.postings.get(t as usize) else {
                continue;
            };
            if list.len() > self.max_postings {
                continue;
            }
            for &(doc, dw) in list {
                let slot = &mut scratch.scores[doc as usize];
                if *slot == 0.0 {
                    scratch.touched.push(doc);
                }
                *slot += w * dw;
            }
        }
        let mut found: Vec<(u32, f32)> = scratch
            .touched
            .drain(..)
            .map(|d| (d, std::mem::take(&mut scratch.scores[d as usize])))
            .collect();
        if found.len() > limit {
            found.select_nth_unstable_by(limit, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            found.truncate(limit);
        }
        found.sort_unstable_by_key(|&(d, _)| d);
        found.into_iter().map(|(d, _)| d).collect()
    }
}
