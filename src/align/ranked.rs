//! Ranked matches: the scored partners a query keeps, best first, and the
//! bounded insertion that keeps the best few of many candidates.

/// A scored partner in the other document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceMatch {
    /// Sentence or paragraph id in the other document.
    pub other: u32,
    /// Similarity in [0, 1] (for links after the first: the marginal
    /// contribution; for the index's candidates: their partial dot product).
    pub score: f32,
}

/// Whether `a` ranks before `b`: the higher score first, then the lower id.
/// Scores are positive and finite, and ids distinct, so the order is total.
fn ranks_before(a: &SentenceMatch, b: &SentenceMatch) -> bool {
    a.score > b.score || (a.score == b.score && a.other < b.other)
}

/// Inserts `m` into `best`, the at most `cap` best matches seen so far in
/// rank order: the top of many candidates without sorting them all, as
/// most never make it.
pub fn keep_best(best: &mut Vec<SentenceMatch>, m: SentenceMatch, cap: usize) {
    if best.len() == cap {
        if !ranks_before(&m, &best[cap - 1]) {
            return;
        }
        best.pop();
    }
    // Shift the worse ones down from the end: the list is short.
    best.push(m);
    let mut at = best.len() - 1;
    while at > 0 && ranks_before(&m, &best[at - 1]) {
        best[at] = best[at - 1];
        at -= 1;
    }
    best[at] = m;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keep_best_keeps_the_top_of_a_full_sort() {
        // Scores with many ties, ids in a scrambled order.
        let all: Vec<SentenceMatch> = (0..200u32)
            .map(|i| SentenceMatch {
                other: (i * 37) % 200,
                score: ((i * 13) % 7) as f32 / 7.0,
            })
            .collect();
        for cap in [1, 3, 10, 250] {
            let mut best = Vec::new();
            for &m in &all {
                keep_best(&mut best, m, cap);
            }
            let mut sorted = all.clone();
            sorted.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
            sorted.truncate(cap);
            assert_eq!(best, sorted, "cap {cap}");
        }
    }
}
