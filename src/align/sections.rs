//! Section evidence: a summary paragraph usually condenses one report section,
//! so how well it matches a paragraph's enclosing sections is evidence for a
//! link beyond the paragraph's own words (a section's opening paragraph
//! otherwise outscores the section it introduces).

use rustc_hash::FxHashMap;

use super::links::similarity;
use super::spread::Spread;
use super::terms::WeightedTerms;
use crate::model::Document;

/// Beyond this many section-query pairs the evidence is skipped: bounded work on odd inputs.
const MAX_PAIRS: usize = 4_000_000;

/// Similarity of each query to each section subtree of one document.
pub struct SectionAffinity {
    /// Section subtrees (heading-path prefixes) containing each paragraph.
    paragraph_sections: Vec<Vec<u32>>,
    /// `scores[section * queries + query]`.
    scores: Vec<f32>,
    queries: usize,
}

impl SectionAffinity {
    /// Scores `queries` against every section subtree of `doc`, whose
    /// paragraph vectors are `paragraphs`; `spread` covers the vocabulary and
    /// is left empty.
    pub fn new(
        doc: &Document,
        paragraphs: &[WeightedTerms],
        queries: &[WeightedTerms],
        spread: &mut Spread,
    ) -> Self {
        let mut ids: FxHashMap<&[String], u32> = FxHashMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut paragraph_sections = Vec::with_capacity(doc.paragraphs.len());
        for (i, p) in doc.paragraphs.iter().enumerate() {
            let mut own = Vec::with_capacity(p.section.len());
            for depth in 1..=p.section.len() {
                let next = members.len() as u32;
                let id = *ids.entry(&p.section[..depth]).or_insert(next);
                if id == next {
                    members.push(Vec::new());
                }
                members[id as usize].push(i);
                own.push(id);
            }
            paragraph_sections.push(own);
        }
        if members.len().saturating_mul(queries.len()) > MAX_PAIRS {
            return SectionAffinity {
                paragraph_sections: vec![Vec::new(); doc.paragraphs.len()],
                scores: Vec::new(),
                queries: queries.len(),
            };
        }
        let mut scores = Vec::with_capacity(members.len() * queries.len());
        for list in &members {
            let section = spread.sum(list.iter().map(|&i| &paragraphs[i]));
            // Sections are far larger than queries: spread the section, walk the queries.
            spread.load(&section);
            scores.extend(
                queries
                    .iter()
                    .map(|q| similarity(q, &section, spread.overlap(q))),
            );
            spread.unload(&section);
        }
        SectionAffinity {
            paragraph_sections,
            scores,
            queries: queries.len(),
        }
    }

    /// Whether there is any section evidence: a document without headings
    /// (or too large to score) has none, and blending in a prior that is zero
    /// everywhere would only shrink every link's score.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// How well `query` matches the best-matching section that contains `paragraph`.
    pub fn get(&self, paragraph: u32, query: usize) -> f32 {
        self.paragraph_sections
            .get(paragraph as usize)
            .into_iter()
            .flatten()
            .map(|&s| self.scores[s as usize * self.queries + query])
            .fold(0.0, f32::max)
    }
}
