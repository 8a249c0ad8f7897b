//! Coverage and support: how much of one sentence's content another side conveys.

use crate::align::{Analysis, WeightedTerms};
use crate::model::Status;
use crate::options::Options;

/// Share of `target`'s content mass (idf of its distinct terms) found in any of `sources`.
pub fn term_share(target: &WeightedTerms, sources: &[&WeightedTerms], analysis: &Analysis) -> f32 {
    if target.mass == 0.0 {
        return 0.0;
    }
    // From +0.0: `sum()` starts at -0.0, so a sentence nothing covers would
    // score -0.0 (and print as "-0.0"); adding to +0.0 changes no other sum.
    let found = target
        .entries
        .iter()
        .filter(|&&(t, _)| sources.iter().any(|s| s.contains(t)))
        .map(|&(t, _)| analysis.vocabulary.terms[t as usize].idf)
        .fold(0.0, |found, idf| found + idf);
    (found / target.mass).min(1.0)
}

/// Verdict on report text from its coverage.
pub fn status_of_coverage(coverage: f32, options: &Options) -> Status {
    if coverage >= options.covered_threshold {
        Status::Covered
    } else if coverage >= options.partial_threshold {
        Status::Partial
    } else {
        Status::Omitted
    }
}

/// Verdict on summary text from its support.
pub fn status_of_support(support: f32, options: &Options) -> Status {
    if support >= options.supported_threshold {
        Status::Supported
    } else if support >= options.unsupported_threshold {
        Status::Partial
    } else {
        Status::Unsupported
    }
}
