//! An inverted index of weighted terms: finds the likely partners of a vector
//! without scoring every pair, so alignment grows linearly with the documents.

use super::ranked::{keep_best, SentenceMatch};
use super::spread::{smaller, Overlap};
use super::terms::WeightedTerms;

/// Postings per term over a fixed set of vectors, stored end to end (term
/// `t`'s list is `postings[starts[t]..starts[t + 1]]`): one allocation
/// instead of one per term, and lists laid out in term order.
pub struct InvertedIndex {
    starts: Vec<u32>,
    postings: Vec<(u32, f32)>,
    /// Phrase postings, laid out as the term postings; only built for an
    /// index that skips no term (see `exact`).
    phrase_starts: Vec<u32>,
    phrase_postings: Vec<u32>,
    /// Terms in more vectors than this are too common to seed candidates.
    max_postings: usize,
    len: usize,
}

/// A proposed partner and, when the index sees every term, exactly what it
/// shares with the query.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    /// Index of the vector.
    pub id: u32,
    /// What it shares with the query, if the index knows it.
    pub overlap: Option<Overlap>,
}

/// Reusable accumulators, so a search allocates nothing per query.
pub struct Scratch {
    scores: Vec<f32>,
    shared: Vec<f32>,
    phrases: Vec<u32>,
    touched: Vec<u32>,
    found: Vec<SentenceMatch>,
    candidates: Vec<Candidate>,
}

/// Lays out the `(key, value)` pairs of `vectors` by key, each pair tagged
/// with its vector's index: the start of each key's list, and the lists end
/// to end.
fn lay_out<'a, T: Copy + Default, I: Iterator<Item = (u32, T)>>(
    keys: usize,
    vectors: &'a [WeightedTerms],
    pairs: impl Fn(&'a WeightedTerms) -> I,
) -> (Vec<u32>, Vec<(u32, T)>) {
    // Count each key's postings, then place them: `next[k]` is where key
    // `k`'s next posting goes, and ends as the start of `k + 1`.
    let mut next = vec![0u32; keys + 1];
    for v in vectors {
        for (k, _) in pairs(v) {
            next[k as usize + 1] += 1;
        }
    }
    for k in 1..next.len() {
        next[k] += next[k - 1];
    }
    let starts = next.clone();
    let mut lists = vec![(0, T::default()); next[keys] as usize];
    for (i, v) in vectors.iter().enumerate() {
        for (k, value) in pairs(v) {
            let slot = &mut next[k as usize];
            lists[*slot as usize] = (i as u32, value);
            *slot += 1;
        }
    }
    (starts, lists)
}

/// The list of `key` in postings laid out by `lay_out`.
fn list<'a, T>(starts: &[u32], lists: &'a [(u32, T)], key: u32) -> &'a [(u32, T)] {
    match (starts.get(key as usize), starts.get(key as usize + 1)) {
        (Some(&from), Some(&to)) => &lists[from as usize..to as usize],
        _ => &[],
    }
}

impl InvertedIndex {
    /// Indexes `vectors` over a vocabulary of `terms` terms and `phrases` phrases.
    pub fn new(vectors: &[WeightedTerms], terms: usize, phrases: usize) -> Self {
        let (starts, postings) = lay_out(terms, vectors, |v| v.entries.iter().copied());
        let max_postings = (vectors.len() / 10).max(200);
        // No list can be longer than the number of vectors.
        let (phrase_starts, phrase_postings) = if vectors.len() <= max_postings {
            lay_out(phrases, vectors, |v| v.bigrams.iter().map(|&p| (p, ())))
        } else {
            (Vec::new(), Vec::new())
        };
        InvertedIndex {
            starts,
            postings,
            phrase_starts,
            phrase_postings: phrase_postings.into_iter().map(|(i, ())| i).collect(),
            max_postings,
            len: vectors.len(),
        }
    }

    /// Whether a search sees every shared term, and so can tell each
    /// candidate's exact overlap: true when no term's list is too long to
    /// follow, that is when the index holds few vectors (the summary's).
    pub fn exact(&self) -> bool {
        self.len <= self.max_postings
    }

    /// Fresh accumulators for this index.
    pub fn scratch(&self) -> Scratch {
        let exact = if self.exact() { self.len } else { 0 };
        Scratch {
            scores: vec![0.0; self.len],
            shared: vec![0.0; exact],
            phrases: vec![0; exact],
            touched: Vec::new(),
            found: Vec::new(),
            candidates: Vec::new(),
        }
    }

    /// Up to `limit` indexed vectors sharing the most weight with `query`,
    /// by partial dot product over the terms rare enough to be indexed (the
    /// highest first; callers rank them by their exact score). Vectors
    /// that `excluded` marks are never proposed. An exact index also sums
    /// what each shares with the query as it goes, in term order, as
    /// `Spread::overlap` does, so the two agree to the bit.
    pub fn candidates<'s>(
        &self,
        query: &WeightedTerms,
        limit: usize,
        excluded: Option<&[bool]>,
        scratch: &'s mut Scratch,
    ) -> &'s [Candidate] {
        let exact = self.exact();
        let skipped = |doc: u32| excluded.is_some_and(|excluded| excluded[doc as usize]);
        // Each buffer borrowed apart, so the posting loops keep them in registers.
        let Scratch {
            scores,
            shared,
            phrases,
            touched,
            found,
            candidates,
        } = scratch;
        let (scores, shared, phrases) = (&mut scores[..], &mut shared[..], &mut phrases[..]);
        for &(t, w) in &query.entries {
            let list = list(&self.starts, &self.postings, t);
            if list.len() > self.max_postings {
                continue;
            }
            for &(doc, dw) in list {
                let slot = &mut scores[doc as usize];
                if *slot == 0.0 {
                    touched.push(doc);
                }
                *slot += w * dw;
                if exact {
                    shared[doc as usize] += smaller(w, dw);
                }
            }
        }
        if exact {
            for &p in &query.bigrams {
                let from = self.phrase_starts[p as usize] as usize;
                let to = self.phrase_starts[p as usize + 1] as usize;
                for &doc in &self.phrase_postings[from..to] {
                    phrases[doc as usize] += 1;
                }
            }
        }
        found.clear();
        // Excluded vectors are scored with the rest, which costs less than
        // a test for each posting, and dropped here.
        for &d in touched.iter() {
            let score = std::mem::take(&mut scores[d as usize]);
            if !skipped(d) {
                keep_best(found, SentenceMatch { other: d, score }, limit);
            }
        }
        candidates.clear();
        candidates.extend(
            found
                .iter()
                .map(|&SentenceMatch { other: id, .. }| Candidate {
                    id,
                    overlap: exact.then(|| Overlap {
                        weight: shared[id as usize],
                        phrases: phrases[id as usize] as usize,
                    }),
                }),
        );
        if exact {
            for &d in touched.iter() {
                shared[d as usize] = 0.0;
                phrases[d as usize] = 0;
            }
        }
        touched.clear();
        candidates
    }
}
