//! Coverage per report section, so a reader sees which parts the summary skips.

use rustc_hash::FxHashMap;

use crate::align::DocumentWords;
use crate::model::{Document, SectionCoverage, Status};

/// Word-weighted coverage of each section's own body paragraphs, in document order.
pub fn section_coverage(report: &Document, words: &DocumentWords) -> Vec<SectionCoverage> {
    let mut out: Vec<SectionCoverage> = Vec::new();
    let mut covered_words: Vec<f32> = Vec::new();
    // By heading path: a scan of every section per paragraph grew as their
    // product. (The same map type as SectionAffinity's, so no new code in the module.)
    let mut index: FxHashMap<&[String], u32> = FxHashMap::default();
    for p in &report.paragraphs {
        let next = out.len() as u32;
        let at = match *index.entry(&*p.section).or_insert(next) {
            i if i < next => i as usize,
            _ => {
                out.push(SectionCoverage {
                    path: p.section.clone(),
                    first_paragraph: p.id,
                    paragraphs: 0,
                    words: 0,
                    coverage: 0.0,
                    omitted: 0,
                });
                covered_words.push(0.0);
                out.len() - 1
            }
        };
        if !p.kind.is_body() {
            continue;
        }
        let words = words.in_paragraph(p);
        let section = &mut out[at];
        section.paragraphs += 1;
        section.words += words;
        covered_words[at] += words as f32 * p.coverage.unwrap_or(0.0);
        if p.status == Some(Status::Omitted) {
            section.omitted += 1;
        }
    }
    for (section, covered) in out.iter_mut().zip(covered_words) {
        section.coverage = if section.words > 0 {
            covered / section.words as f32
        } else {
            0.0
        };
    }
    out.retain(|s| s.paragraphs > 0);
    out
}
