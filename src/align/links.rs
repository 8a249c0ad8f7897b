//! Links: scored partners for each sentence and paragraph of one document
//! among those of the other.
//!
//! Similarity is a weighted Dice overlap of tf-idf terms plus a bonus for
//! shared phrases (adjacent term pairs, and adjacent words as written):
//! summaries copy phrases, not just words. Links after the first are
//! re-ranked by what they add that earlier links did not explain, because a
//! summary sentence often fuses two or three report sentences and the second
//! source shares fewer words than a mere paraphrase of the first.

use super::index::InvertedIndex;
use super::ranked::{keep_best, SentenceMatch};
use super::spread::{Overlap, Spread};
use super::terms::WeightedTerms;
use crate::parallel::{map_parts, ranges, split_mut};

/// How many candidates the index proposes for exact scoring, per link kept.
const CANDIDATES_PER_LINK: usize = 8;
/// Only this many of the best-scored candidates compete in re-ranking.
const RERANK_POOL: usize = 10;
/// Weight of shared phrases relative to shared words.
const PHRASE_WEIGHT: f32 = 0.6;
/// In re-ranking, weight of plain similarity against newly explained content.
const SIMILARITY_SHARE: f32 = 0.4;

/// Similarity of a query and a target vector in [0, 1] from what they share:
/// 1 for identical terms and phrases.
pub fn similarity(query: &WeightedTerms, target: &WeightedTerms, shared: Overlap) -> f32 {
    similarity_over(query, query.bigrams.len(), target, shared)
}

/// [`similarity`] counting only `phrases` of the query's phrases, those the
/// comparison looks at (section evidence leaves word pairs out).
pub fn similarity_over(
    query: &WeightedTerms,
    phrases: usize,
    target: &WeightedTerms,
    shared: Overlap,
) -> f32 {
    let total = query.total + target.total;
    if total == 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared.weight / total;
    (dice + PHRASE_WEIGHT * share(shared.phrases, phrases)) / (1.0 + PHRASE_WEIGHT)
}

/// How much of a query's content a target contains, in [0, 1]: the share of
/// the query's term weight and of its `phrases` phrases found in it, 1 when
/// the target holds everything the query says. Unlike [`similarity`] it
/// ignores what else the target holds, so a section's subsection can be
/// compared with the section.
pub fn recall(query: &WeightedTerms, phrases: usize, shared: Overlap) -> f32 {
    if query.total == 0.0 {
        return 0.0;
    }
    (shared.weight / query.total + PHRASE_WEIGHT * share(shared.phrases, phrases))
        / (1.0 + PHRASE_WEIGHT)
}

/// `shared` of `all` phrases as a share, 0 when there are none.
fn share(shared: usize, all: usize) -> f32 {
    if all == 0 {
        0.0
    } else {
        shared as f32 / all as f32
    }
}

/// Every query's links, best first, stored end to end (query `q`'s are
/// `matches[ends[q - 1]..ends[q]]`): one allocation instead of a vector per
/// sentence, which a long report holds until the result is written.
#[derive(Debug, Default)]
pub struct Links {
    matches: Vec<SentenceMatch>,
    ends: Vec<u32>,
}

impl Links {
    /// The links of query `q`, best first.
    pub fn of(&self, q: usize) -> &[SentenceMatch] {
        let start = if q == 0 { 0 } else { self.ends[q - 1] as usize };
        &self.matches[start..self.ends[q] as usize]
    }

    /// Each query's links, in query order.
    pub fn iter(&self) -> impl Iterator<Item = &[SentenceMatch]> {
        (0..self.ends.len()).map(|q| self.of(q))
    }
}

/// Appends to `out` the `keep` best of `rest` (best first, as `keep_best`
/// leaves them), ordered so that each link after the first adds the most
/// query content the earlier links left unexplained. `spread` holds the
/// query, and loses each chosen link's terms: what is left is the
/// unexplained content.
fn rerank_by_new_content(
    query: &WeightedTerms,
    spread: &mut Spread,
    targets: &[WeightedTerms],
    rest: &mut Vec<SentenceMatch>,
    keep: usize,
    out: &mut Vec<SentenceMatch>,
) {
    if rest.len() <= 1 || query.total == 0.0 {
        out.extend(rest.iter().take(keep));
        return;
    }
    let first = rest.remove(0);
    spread.forget(&targets[first.other as usize]);
    out.push(first);
    let mut kept = 1;
    while !rest.is_empty() && kept < keep {
        let marginal = |m: &SentenceMatch| {
            let new = spread.remaining(&targets[m.other as usize]);
            SIMILARITY_SHARE * m.score + (1.0 - SIMILARITY_SHARE) * new / query.total
        };
        let (at, score) =
            rest.iter()
                .map(marginal)
                .enumerate()
                .fold(
                    (0, f32::MIN),
                    |best, (i, s)| if s > best.1 { (i, s) } else { best },
                );
        let next = rest.remove(at);
        spread.forget(&targets[next.other as usize]);
        let ceiling = out.last().map_or(1.0, |m| m.score);
        out.push(SentenceMatch {
            other: next.other,
            score: score.min(ceiling),
        });
        kept += 1;
    }
}

/// Outside evidence that query `q` and target `t` belong together, in [0, 1];
/// shared by the threads that link ranges of queries.
pub type Prior<'a> = &'a (dyn Fn(usize, u32) -> f32 + Sync);

/// Share of a link's score that comes from the prior, when there is one.
const PRIOR_SHARE: f32 = 0.5;

/// Which queries and targets belong to headings. Body text links only to
/// body text: a heading makes no claim for a paragraph to condense, so a
/// report paragraph whose best match is a summary heading ("Constitutional
/// defenses.") would be reported as summarised when nothing summarises it.
/// Headings may link to anything, their counterpart heading first.
#[derive(Clone, Copy)]
pub struct Headings<'a> {
    /// Whether each query is (part of) a heading.
    pub queries: &'a [bool],
    /// Whether each target is (part of) a heading.
    pub targets: &'a [bool],
}

/// Queries per range of work: fewer are not worth their own scratch space.
const MIN_QUERIES_PER_RANGE: usize = 32;

/// The `keep` best partners among `targets` of each query, best first,
/// optionally blending in a prior (e.g. how well the target's section matches).
/// `spread` is an empty spread over the vocabulary of both. Ranges of
/// queries are linked at the same time where threads allow, each with its
/// own copy of `spread` and its own slots of the result, which the calling
/// thread allocates (so the links' memory is reused as in a serial run).
/// Each query's links depend on nothing but the query, so the split never
/// changes them.
pub fn link(
    queries: &[WeightedTerms],
    targets: &[WeightedTerms],
    spread: &Spread,
    keep: usize,
    prior: Option<Prior>,
    headings: Headings,
) -> Links {
    let index = InvertedIndex::new(targets, spread.terms(), spread.phrases());
    let blank = SentenceMatch {
        other: 0,
        score: 0.0,
    };
    let mut matches = vec![blank; queries.len() * keep];
    let mut ends = vec![0u32; queries.len()];
    let split = ranges(queries.len(), MIN_QUERIES_PER_RANGE);
    let parts = split
        .iter()
        .cloned()
        .zip(split_mut(&mut matches, &split, keep))
        .zip(split_mut(&mut ends, &split, 1))
        .map(|((range, slots), ends)| (range, slots, ends));
    let filled = map_parts(parts.collect(), |(range, slots, ends)| {
        let mut spread = spread.clone();
        let mut scratch = index.scratch();
        let mut found: Vec<SentenceMatch> = Vec::new();
        let mut chosen: Vec<SentenceMatch> = Vec::with_capacity(keep);
        let pool = RERANK_POOL.max(keep);
        let mut filled = 0;
        for (qi, end) in range.zip(ends) {
            let q = &queries[qi];
            // An exact index counts the shared phrases: the spread only
            // needs the query's terms.
            if index.exact() {
                spread.load_terms(q);
            } else {
                spread.load(q);
            }
            found.clear();
            let candidates = index.candidates(
                q,
                keep.max(1) * CANDIDATES_PER_LINK,
                (!headings.queries[qi]).then_some(headings.targets),
                &mut scratch,
            );
            for c in candidates {
                let (other, target) = (c.id, &targets[c.id as usize]);
                let shared = c.overlap.unwrap_or_else(|| spread.overlap(target));
                let own = similarity(q, target, shared);
                let score = match prior {
                    Some(prior) => (1.0 - PRIOR_SHARE) * own + PRIOR_SHARE * prior(qi, other),
                    None => own,
                };
                if score > 0.0 {
                    keep_best(&mut found, SentenceMatch { other, score }, pool);
                }
            }
            chosen.clear();
            rerank_by_new_content(q, &mut spread, targets, &mut found, keep, &mut chosen);
            slots[filled..filled + chosen.len()].copy_from_slice(&chosen);
            filled += chosen.len();
            *end = filled as u32;
            if index.exact() {
                spread.forget(q);
            } else {
                spread.unload(q);
            }
        }
        filled
    });
    // Close the gaps each range left after its links, in place.
    let mut len = 0;
    let mut start = 0;
    let mut query = 0;
    for (range, filled) in split.into_iter().zip(filled) {
        matches.copy_within(start..start + filled, len);
        for end in &mut ends[query..query + range.len()] {
            *end += len as u32;
        }
        len += filled;
        start += range.len() * keep;
        query += range.len();
    }
    matches.truncate(len);
    matches.shrink_to_fit();
    Links { matches, ends }
}
