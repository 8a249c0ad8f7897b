//! An arbitrary pair of texts (split at the first NUL, or halfway) through the
//! whole pipeline: a comparison or an error value, never a panic.
#![no_main]

use lacuna::Options;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (summary, report) = match text.split_once('\0') {
        Some(pair) => pair,
        None => text.split_at(text.floor_char_boundary(text.len() / 2)),
    };
    let _ = lacuna::compare(summary, report, &Options::default());
});
