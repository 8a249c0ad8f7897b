//! Section evidence: a summary paragraph usually condenses one report section,
//! so how well it matches a paragraph's enclosing sections is evidence for a
//! link beyond the paragraph's own words (a section's opening paragraph
//! otherwise outscores the section it introduces).
//!
//! A parent section's evidence is not spread evenly over its subtree: when one
//! subsection already contains most of what the query says, the query
//! condenses that subsection, and the parent's evidence shifts to it. The
//! parent's own opening paragraphs, which restate all its subsections, and the
//! other subsections then no longer borrow the parent's match.

use rustc_hash::FxHashMap;

use super::links::{recall, similarity_over};
use super::spread::Spread;
use super::terms::{PhraseId, WeightedTerms};
use crate::model::Document;
use crate::parallel::{map_parts, ranges, split_mut};

/// Beyond this many section-query pairs the evidence is skipped: bounded work on odd inputs.
const MAX_PAIRS: usize = 4_000_000;
/// A parent's evidence starts to shift to its best subsection once that
/// subsection holds more than this share of the query content the parent
/// holds, and has shifted entirely when it holds all of it.
const SHIFT_FROM: f32 = 0.5;
/// Sections per range of work split over threads.
const MIN_SECTIONS_PER_RANGE: usize = 4;

/// Similarity of each query to each section subtree of one document.
pub struct SectionAffinity {
    /// Section subtrees (heading-path prefixes) containing each paragraph, outermost first.
    paragraph_sections: Vec<Vec<u32>>,
    /// `scores[section * queries + query]`.
    scores: Vec<f32>,
    /// `shifts[section * queries + query]`: the subsection that explains the
    /// query best and the share of the section's evidence that goes to it alone.
    shifts: Vec<(u32, f32)>,
    queries: usize,
}

impl SectionAffinity {
    /// Scores `queries` against every section subtree of `doc`, whose
    /// paragraph vectors are `paragraphs`; `spread` is an empty spread over
    /// the vocabulary, which each range of sections, scored at the same time
    /// where threads allow, copies. Phrases numbered below `word_pairs` are
    /// word pairs, which are left out: they tell which sentence copies
    /// which, where a section's evidence is its topic, which its terms and
    /// their phrases carry.
    pub fn new(
        doc: &Document,
        paragraphs: &[WeightedTerms],
        queries: &[WeightedTerms],
        spread: &Spread,
        word_pairs: usize,
    ) -> Self {
        let mut ids: FxHashMap<&[String], u32> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut parents: Vec<Option<u32>> = Vec::new();
        let mut paragraph_sections = Vec::with_capacity(doc.paragraphs.len());
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let mut own: Vec<u32> = Vec::with_capacity(p.section.len());
            for depth in 1..=p.section.len() {
                let next = members.len() as u32;
                let id = *ids.entry(&p.section[..depth]).or_insert(next);
                if id == next {
                    members.push(Vec::new());
                    parents.push(own.last().copied());
                }
                members[id as usize].push(i);
                own.push(id);
            }
            paragraph_sections.push(own);
        }
        let n = queries.len();
        if members.len().saturating_mul(n) > MAX_PAIRS {
            return SectionAffinity {
                paragraph_sections: vec![Vec::new(); doc.paragraphs.len()],
                scores: Vec::new(),
                shifts: Vec::new(),
                queries: n,
            };
        }
        // Only phrases of terms that the document writes can be shared: each
        // query's, found once with the number of its phrases of terms,
        // spare the walk over the others for every section.
        let of_terms = |p: PhraseId| p as usize >= word_pairs;
        let mut written = vec![false; spread.phrases()];
        for p in paragraphs {
            for &phrase in p.bigrams.iter().filter(|&&p| of_terms(p)) {
                written[phrase as usize] = true;
            }
        }
        let shareable: Vec<(Vec<PhraseId>, usize)> = queries
            .iter()
            .map(|q| {
                let mut phrases = 0;
                let mut shareable = Vec::new();
                for &p in q.bigrams.iter().filter(|&&p| of_terms(p)) {
                    phrases += 1;
                    if written[p as usize] {
                        shareable.push(p);
                    }
                }
                (shareable, phrases)
            })
            .collect();
        drop(written);
        let mut scores = vec![0.0; members.len() * n];
        let mut explained = vec![0.0; members.len() * n];
        let split = ranges(members.len(), MIN_SECTIONS_PER_RANGE);
        let parts = split
            .iter()
            .cloned()
            .zip(split_mut(&mut scores, &split, n))
            .zip(split_mut(&mut explained, &split, n));
        map_parts(parts.collect(), |((range, scores), explained)| {
            let mut spread = spread.clone();
            let rows = scores
                .chunks_mut(n.max(1))
                .zip(explained.chunks_mut(n.max(1)));
            for (list, (scores, explained)) in members[range].iter().zip(rows) {
                let parts = list.iter().map(|&i| &paragraphs[i]);
                let section = spread.sum_from(parts, word_pairs as PhraseId);
                // Sections are far larger than queries: spread the section, walk the queries.
                spread.load(&section);
                let each = queries.iter().zip(&shareable);
                for (((q, (shareable, phrases)), score), explained) in
                    each.zip(scores).zip(explained)
                {
                    let shared = spread.overlap_of(&q.entries, shareable);
                    *score = similarity_over(q, *phrases, &section, shared);
                    *explained = recall(q, *phrases, shared);
                }
                spread.unload(&section);
            }
        });
        // Each section's best-explaining subsection per query.
        let mut shifts = vec![(u32::MAX, 0.0); members.len() * n];
        for (child, parent) in parents.iter().enumerate() {
            let Some(parent) = *parent else { continue };
            let (child_row, parent_row) = (child * n, parent as usize * n);
            for q in 0..n {
                let best = &mut shifts[parent_row + q];
                if best.0 == u32::MAX || explained[child_row + q] > best.1 {
                    *best = (child as u32, explained[child_row + q]);
                }
            }
        }
        for (at, shift) in shifts.iter_mut().enumerate() {
            let held = explained[at];
            shift.1 = if shift.0 == u32::MAX || held == 0.0 {
                0.0
            } else {
                ((shift.1 / held - SHIFT_FROM) / (1.0 - SHIFT_FROM)).clamp(0.0, 1.0)
            };
        }
        SectionAffinity {
            paragraph_sections,
            scores,
            shifts,
            queries: n,
        }
    }

    /// Whether there is any section evidence: a document without headings
    /// (or too large to score) has none, and blending in a prior that is zero
    /// everywhere would only shrink every link's score.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// How well `query` matches the best-matching section that contains
    /// `paragraph`, counting of a section's match only the share that has
    /// not shifted to a subsection the paragraph lies outside of.
    pub fn get(&self, paragraph: u32, query: usize) -> f32 {
        let Some(sections) = self.paragraph_sections.get(paragraph as usize) else {
            return 0.0;
        };
        sections
            .iter()
            .enumerate()
            .map(|(depth, &s)| {
                let at = s as usize * self.queries + query;
                let (child, share) = self.shifts[at];
                let inside = sections.get(depth + 1) == Some(&child);
                self.scores[at] * if inside { 1.0 } else { 1.0 - share }
            })
            .fold(0.0, f32::max)
    }
}
