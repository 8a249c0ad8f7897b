//! For tests that the work split over threads gives the output of one
//! pass: documents long enough to be split, and a way to run on a number
//! of threads.

use crate::model::Document;
use crate::segment::segment;

/// A summary and a report of a few hundred short sentences, the report
/// one paragraph each, with repeated words in several spellings, numbers
/// and redactions.
pub fn split_sample() -> (Document, Document) {
    let words = [
        "Comey",
        "the",
        "office",
        "Office’s",
        "reported",
        "reports",
        "1,000",
        "of",
    ];
    let sentences: Vec<String> = (0..400)
        .map(|i| {
            let pick = |k: usize| words[(i * 7 + k * (i % 5 + 1)) % words.len()];
            format!(
                "{} {} {} word{} [REDACTED] {} {}.",
                pick(0),
                pick(1),
                pick(2),
                i % 37,
                pick(3),
                pick(4)
            )
        })
        .collect();
    (
        segment(&sentences[..150].join(" ")),
        segment(&sentences.join("\n\n")),
    )
}

/// `f()` run in a pool of `threads` threads.
pub fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}
