//! The JavaScript face of the core: the same functions, errors thrown as JS
//! `Error`s; a comparison and a segmented document handed over as JSON text
//! (`compareJson`, `segmentJson`), small values through serde-wasm-bindgen.

use js_sys::JsString;
use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;

use crate::model::WordDiff;
use crate::options::Options;
use crate::Side;

/// Installs a panic hook so an internal bug surfaces as a readable console
/// error, and the host's NFKC for the core (see `crate::text::nfkc`).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    crate::text::install_nfkc(|text| JsString::from(text).normalize("NFKC").into());
}

fn js_error(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// Reads the options object a caller passed. serde-wasm-bindgen only looks up
/// the fields it knows, so a misspelt setting would be silently ignored:
/// names are checked against `Options::NAMES` first.
fn options_from_js(options: Option<Ts<Options>>) -> Result<Options, JsError> {
    let Some(options) = options else {
        return Ok(Options::default());
    };
    let value = options.js_value();
    if !value.is_object() || value.is_array() {
        return Err(js_error(
            "Invalid options: expected an object of settings, such as { covered_threshold: 0.6 }",
        ));
    }
    let unknown = js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|key| key.as_string())
        .find(|key| !Options::NAMES.contains(&key.as_str()));
    if let Some(unknown) = unknown {
        return Err(js_error(format!(
            "Invalid options: unknown setting \"{unknown}\"; the settings are {}",
            Options::NAMES.join(", ")
        )));
    }
    // Straight through serde-wasm-bindgen: tsify's `to_rust` would wrap the
    // message in Rust type paths.
    serde_wasm_bindgen::from_value(value).map_err(invalid_options)
}

/// serde's message in JavaScript's words: no "Error: " prefix, numbers not f32/u32.
fn invalid_options(e: serde_wasm_bindgen::Error) -> JsError {
    let message = e.to_string();
    let message = message.strip_prefix("Error: ").unwrap_or(&message);
    js_error(format!(
        "Invalid options: {}",
        message
            .replace("expected f32", "expected a number")
            .replace("expected u32", "expected a whole number from 0")
    ))
}

/// Compares a summary with its report (`options` may set any subset of
/// fields), the `Comparison` as JSON text for `JSON.parse`. Writing JSON and
/// parsing it natively is faster than building a long report's result as
/// JavaScript objects through the boundary, and keeps a second serializer
/// of the whole model out of the module (README, "Performance").
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(
    summary: &str,
    report: &str,
    options: Option<Ts<Options>>,
) -> Result<JsString, JsError> {
    let options = options_from_js(options)?;
    let result = crate::compare(summary, report, &options).map_err(js_error)?;
    json_text(&result)
}

/// Rebuilds the paragraphs, headings and sentences of one text, the
/// `Document` as JSON text for `JSON.parse` (as `compareJson`, whose
/// serializer it shares).
#[wasm_bindgen(js_name = segmentJson)]
pub fn segment_json(text: &str) -> Result<JsString, JsError> {
    json_text(&crate::segment(text))
}

/// `value` as ASCII JSON text in a JavaScript string.
fn json_text(value: &impl Serialize) -> Result<JsString, JsError> {
    let mut chunks = JsChunks::default();
    let mut writer = serde_json::Serializer::with_formatter(&mut chunks, AsciiJson);
    value.serialize(&mut writer).map_err(js_error)?;
    chunks.finish().map_err(js_error)
}

/// JSON text written into a JavaScript string a chunk at a time. A long
/// report's JSON is about seven times its size, and the module's memory
/// never shrinks: built whole in the module, the 16-fold Mueller report's
/// text doubled the memory the comparison needed.
#[derive(Default)]
struct JsChunks {
    chunk: Vec<u8>,
    text: Option<JsString>,
}

impl JsChunks {
    /// Appends the chunk so far to the JavaScript string.
    #[cold]
    #[inline(never)]
    fn hand_over(&mut self) -> std::io::Result<()> {
        let chunk = std::str::from_utf8(&self.chunk).map_err(std::io::Error::other)?;
        let chunk = JsString::from(chunk);
        self.text = Some(match self.text.take() {
            Some(text) => text.concat(&chunk),
            None => chunk,
        });
        self.chunk.clear();
        Ok(())
    }

    /// The whole text.
    fn finish(mut self) -> std::io::Result<JsString> {
        self.hand_over()?;
        Ok(self.text.unwrap_or_default())
    }
}

impl std::io::Write for JsChunks {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    /// serde_json writes every piece through this, so it appends directly
    /// rather than through the default loop over `write` (5 ms on the Mueller pair).
    fn write_all(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        if self.chunk.len() + bytes.len() > JSON_CHUNK_BYTES && !self.chunk.is_empty() {
            self.hand_over()?;
        }
        self.chunk.extend_from_slice(bytes);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes of JSON handed to JavaScript at a time: few enough crossings that
/// they cost nothing to speak of, small beside the result itself.
const JSON_CHUNK_BYTES: usize = 256 * 1024;

/// Compact JSON with every character past ASCII written as a `\u` escape.
/// The browser then decodes the text on its ASCII fast path into a string
/// of one byte per character, and `JSON.parse` scans that faster: one
/// curly quote would otherwise make the whole 2.8 MB of the Mueller
/// pair's result a two-byte string (decoding 6.7 → 1.9 ms, parsing
/// 13.4 → 10.7 ms in V8, for 1% more bytes).
struct AsciiJson;

impl serde_json::ser::Formatter for AsciiJson {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut from = 0;
        // The first byte past ASCII after ASCII ones starts a character.
        while let Some(at) = bytes[from..].iter().position(|b| !b.is_ascii()) {
            let at = from + at;
            writer.write_all(&bytes[from..at])?;
            let c = fragment[at..].chars().next().unwrap_or_default();
            for unit in c.encode_utf16(&mut [0; 2]) {
                write!(writer, "\\u{unit:04x}")?;
            }
            from = at + c.len_utf8();
        }
        writer.write_all(&bytes[from..])
    }
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
    crate::decode(bytes, side_named(side)).map_err(js_error)
}

/// Refuses a file of `bytes` over the options' `max_input_bytes`, with the
/// message `compare` would give, before the page reads it.
#[wasm_bindgen(js_name = checkSize)]
pub fn check_size(bytes: f64, side: &str, options: Option<Ts<Options>>) -> Result<(), JsError> {
    options_from_js(options)?
        .check_size(side_named(side), bytes as usize)
        .map_err(js_error)
}

fn side_named(side: &str) -> Side {
    match side {
        "summary" => Side::Summary,
        "report" => Side::Report,
        _ => Side::Text,
    }
}
