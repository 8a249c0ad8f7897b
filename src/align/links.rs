//! Links: scored partners for each sentence and paragraph of one document
//! among those of the other.

use super::index::InvertedIndex;
use super::terms::WeightedTerms;

/// A scored partner in the other document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceMatch {
    /// Sentence or paragraph id in the other document.
    pub other: u32,
    /// Similarity in [0, 1].
    pub score: f32,
}

/// How many candidates the index proposes for exact scoring, per link kept.
const CANDIDATES_PER_LINK: usize = 16;

fn best_matches(
    queries: &[WeightedTerms],
    targets: &[WeightedTerms],
    terms: usize,
    keep: usize,
    score: impl Fn(&WeightedTerms, &WeightedTerms) -> f32,
) -> Vec<Vec<SentenceMatch>> {
    let index = InvertedIndex::new(targets, terms);
    let mut scratch = index.scratch();
    queries
        .iter()
        .map(|q| {
            let mut found: Vec<SentenceMatch> = index
                .candidates(q, keep.max(1) * CANDIDATES_PER_LINK, &mut scratch)
                .into_iter()
                .map(|other| SentenceMatch {
                    other,
                    score: score(q, &targets[other as usize]),
                })
                .filter(|m| m.score > 0.0)
                .collect();
            found.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.other.cmp(&b.other)));
            found.truncate(keep);
            found
        })
        .collect()
}

/// The `keep` most similar target sentences of each query sentence.
pub fn link_sentences(
    queries: &[WeightedTerms],
    targets: &[WeightedTerms],
    terms: usize,
    keep: usize,
) -> Vec<Vec<SentenceMatch>> {
    best_matches(queries, targets, terms, keep, WeightedTerms::cosine)
}

/// The `keep` most similar target paragraphs of each query paragraph.
pub fn link_paragraphs(
    queries: &[WeightedTerms],
    targets: &[WeightedTerms],
    terms: usize,
    keep: usize,
) -> Vec<Vec<SentenceMatch>> {
    best_matches(queries, targets, terms, keep, WeightedTerms::cosine)
}
