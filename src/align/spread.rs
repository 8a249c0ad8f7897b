//! One vector spread over the whole vocabulary: its overlap with any other
//! vector then costs one pass over that other vector, with no unpredictable
//! branches, instead of a merge of two sorted lists. The same dense arrays
//! add vectors up without sorting their concatenation.

use super::terms::{PhraseId, TermId, WeightedTerms};

/// A dense copy of one loaded vector's weights and phrases; every other slot
/// is zero. Comparisons make one and pass it to every step that needs one;
/// work split over threads clones it empty, one for each part.
#[derive(Clone)]
pub struct Spread {
    weights: Vec<f32>,
    phrases: Vec<bool>,
}

/// How much two vectors have in common.
#[derive(Debug, Clone, Copy)]
pub struct Overlap {
    /// Sum over shared terms of the smaller weight.
    pub weight: f32,
    /// Number of shared phrases.
    pub phrases: usize,
}

/// The smaller of two weights: `f32::min` without its NaN case, which
/// weights never hit and which costs instructions in the overlap loops.
pub fn smaller(a: f32, b: f32) -> f32 {
    if a < b {
        a
    } else {
        b
    }
}

/// Puts `ids`, distinct ids below `universe` for which `set` holds, in
/// increasing order: by sorting when they are few, by reading `set` over
/// the whole universe when they are many (a large section holds a good
/// share of the vocabulary, and sorting it cost more than the scan).
fn in_order(ids: &mut Vec<u32>, universe: usize, set: impl Fn(usize) -> bool) {
    if ids.len() * 8 < universe {
        ids.sort_unstable();
    } else {
        ids.clear();
        ids.extend((0..universe).filter(|&i| set(i)).map(|i| i as u32));
    }
}

impl Spread {
    /// An empty spread over `terms` terms and `phrases` phrases.
    pub fn new(terms: usize, phrases: usize) -> Self {
        Spread {
            weights: vec![0.0; terms],
            phrases: vec![false; phrases],
        }
    }

    /// How many terms the spread covers.
    pub fn terms(&self) -> usize {
        self.weights.len()
    }

    /// How many phrases the spread covers.
    pub fn phrases(&self) -> usize {
        self.phrases.len()
    }

    /// Spreads `v` out; `unload` it before loading another.
    pub fn load(&mut self, v: &WeightedTerms) {
        self.load_terms(v);
        for &p in &v.bigrams {
            self.phrases[p as usize] = true;
        }
    }

    /// Spreads out `v`'s terms alone, where what it shares is counted
    /// elsewhere (by an exact index); `forget` clears them.
    pub fn load_terms(&mut self, v: &WeightedTerms) {
        for &(t, w) in &v.entries {
            self.weights[t as usize] = w;
        }
    }

    /// Zeroes the weights of `v`'s terms: what they explain no longer counts.
    pub fn forget(&mut self, v: &WeightedTerms) {
        for &(t, _) in &v.entries {
            self.weights[t as usize] = 0.0;
        }
    }

    /// Sum of the weights left for `other`'s terms, in `other`'s term order.
    pub fn remaining(&self, other: &WeightedTerms) -> f32 {
        other
            .entries
            .iter()
            .map(|&(t, _)| self.weights[t as usize])
            .sum()
    }

    /// Clears what `load(v)` set (terms forgotten since included).
    pub fn unload(&mut self, v: &WeightedTerms) {
        for &(t, _) in &v.entries {
            self.weights[t as usize] = 0.0;
        }
        for &p in &v.bigrams {
            self.phrases[p as usize] = false;
        }
    }

    /// Sums weighted vectors into one (a section as the sum of its
    /// paragraphs), adding each term's weights in the order of `parts`. Its
    /// phrases are left in the order first met, not sorted: they are only
    /// ever counted or looked up, and a large section's sort was most of
    /// the sum. Uses the spread as its accumulator: call it on an empty
    /// spread, which it leaves empty.
    pub fn sum<'a>(&mut self, parts: impl IntoIterator<Item = &'a WeightedTerms>) -> WeightedTerms {
        self.sum_from(parts, 0)
    }

    /// `sum` leaving out the phrases numbered below `first_phrase` (word
    /// pairs, which section evidence does not read).
    pub fn sum_from<'a>(
        &mut self,
        parts: impl IntoIterator<Item = &'a WeightedTerms>,
        first_phrase: PhraseId,
    ) -> WeightedTerms {
        let mut terms: Vec<TermId> = Vec::new();
        let mut bigrams = Vec::new();
        let mut mass = 0.0;
        for part in parts {
            for &(t, w) in &part.entries {
                let slot = &mut self.weights[t as usize];
                if *slot == 0.0 {
                    terms.push(t);
                }
                *slot += w;
            }
            for &p in part.bigrams.iter().filter(|&&p| p >= first_phrase) {
                let seen = &mut self.phrases[p as usize];
                if !*seen {
                    *seen = true;
                    bigrams.push(p);
                }
            }
            mass += part.mass;
        }
        in_order(&mut terms, self.weights.len(), |t| self.weights[t] != 0.0);
        let entries: Vec<(TermId, f32)> = terms
            .into_iter()
            .map(|t| (t, std::mem::take(&mut self.weights[t as usize])))
            .collect();
        for &p in &bigrams {
            self.phrases[p as usize] = false;
        }
        WeightedTerms {
            total: entries.iter().map(|&(_, w)| w).sum(),
            entries,
            mass,
            bigrams,
        }
    }

    /// The terms of `other` that the loaded vector holds too, in term
    /// order, into `out`: every loaded weight is positive, so a slot that is
    /// not zero marks a shared term. One pass over `other` without a branch
    /// to mispredict, where merging the two sorted lists took one per step.
    pub fn shared_terms(&self, other: &WeightedTerms, out: &mut Vec<TermId>) {
        out.clear();
        out.resize(other.entries.len(), 0);
        let mut len = 0;
        for &(t, _) in &other.entries {
            out[len] = t;
            len += usize::from(self.weights[t as usize] != 0.0);
        }
        out.truncate(len);
    }

    /// What `other` shares with the loaded vector. Sums in `other`'s term
    /// order, which is the order of the shared terms, so the result is the
    /// same whichever of the two vectors is loaded.
    pub fn overlap(&self, other: &WeightedTerms) -> Overlap {
        self.overlap_of(&other.entries, &other.bigrams)
    }

    /// What a vector of `entries` and `phrases` shares with the loaded
    /// vector: `overlap` for a vector whose phrases that cannot be shared
    /// are left out.
    pub fn overlap_of(&self, entries: &[(TermId, f32)], phrases: &[PhraseId]) -> Overlap {
        Overlap {
            weight: entries
                .iter()
                .map(|&(t, w)| smaller(w, self.weights[t as usize]))
                .sum(),
            phrases: phrases
                .iter()
                .filter(|&&p| self.phrases[p as usize])
                .count(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sum_adds_weights_in_term_order_and_holds_each_phrase_once() {
        let vector = |entries: Vec<(TermId, f32)>, bigrams: Vec<u32>| WeightedTerms {
            entries,
            bigrams,
            ..WeightedTerms::default()
        };
        let a = vector(vec![(1, 0.5), (4, 1.0)], vec![7, 2]);
        let b = vector(vec![(0, 2.0), (4, 0.25)], vec![2, 3]);
        let mut spread = Spread::new(5, 8);
        let sum = spread.sum([&a, &b]);
        assert_eq!(sum.entries, [(0, 2.0), (1, 0.5), (4, 1.25)]);
        assert_eq!(sum.total, 3.75);
        let mut bigrams = sum.bigrams.clone();
        bigrams.sort_unstable();
        assert_eq!(bigrams, [2, 3, 7]);
        // The spread is left empty.
        let empty = spread.sum([&a]);
        assert_eq!(empty.entries, a.entries);
        assert_eq!(empty.bigrams.len(), a.bigrams.len());
    }

    #[test]
    fn smaller_is_min_for_weights() {
        let weights = [0.0, 0.25, 1.0, 1.5, 7.0];
        for a in weights {
            for b in weights {
                assert_eq!(smaller(a, b).to_bits(), a.min(b).to_bits(), "{a} {b}");
            }
        }
    }
}
