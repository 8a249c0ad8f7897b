//! The JavaScript face of the core: the same functions, errors thrown as JS
//! `Error`s, results handed over through serde-wasm-bindgen.

use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::model::{Comparison, Document, WordDiff};
use crate::options::Options;
use crate::Side;

/// Installs a panic hook so an internal bug surfaces as a readable console error.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Compares a summary with its report; `options` may set any subset of fields.
#[wasm_bindgen]
pub fn compare(
    summary: &str,
    report: &str,
    options: Option<Ts<Options>>,
) -> Result<Ts<Comparison>, JsError> {
    let options = match options {
        Some(options) => options
            .to_rust()
            .map_err(|e| js_error(format!("Invalid options: {e}")))?,
        None => Options::default(),
    };
    let result = crate::compare(summary, report, &options).map_err(js_error)?;
    result.into_ts().map_err(js_error)
}

/// Rebuilds the paragraphs, headings and sentences of one text.
#[wasm_bindgen]
pub fn segment(text: &str) -> Result<Ts<Document>, JsError> {
    crate::segment(text).into_ts().map_err(js_error)
}

/// Word diff of a report sentence (old) against a summary sentence (new).
#[wasm_bindgen(js_name = wordDiff)]
pub fn word_diff(report_sentence: &str, summary_sentence: &str) -> Result<Ts<WordDiff>, JsError> {
    crate::word_diff(report_sentence, summary_sentence)
        .into_ts()
        .map_err(js_error)
}

/// Decodes file bytes (UTF-8, UTF-16 with BOM, Windows-1252) into text, refusing non-text files.
#[wasm_bindgen]
pub fn decode(bytes: &[u8], side: &str) -> Result<String, JsError> {
    let side = match side {
        "summary" => Side::Summary,
        "report" => Side::Report,
        _ => Side::Text,
    };
    crate::decode(bytes, side).map_err(js_error)
}
