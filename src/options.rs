//! Tunable settings of a comparison, with defaults that suit official reports.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Side};

#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

/// The language of the documents: decides stemming and stop words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// English (the default).
    #[default]
    En,
}

/// Settings of one comparison. Every field has a default, so callers set only what they change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(default)]
pub struct Options {
    /// Coverage at or above which report text counts as covered.
    pub covered_threshold: f32,
    /// Coverage at or above which report text counts as partly covered (below it: omitted).
    pub partial_threshold: f32,
    /// Support at or above which summary text counts as supported.
    pub supported_threshold: f32,
    /// Support at or above which summary text counts as partly supported (below it: unsupported).
    pub unsupported_threshold: f32,
    /// How many paragraph links each paragraph keeps, near misses included.
    pub paragraph_links: u32,
    /// How many sentence links each sentence keeps.
    pub sentence_links: u32,
    /// Largest accepted input, in bytes of UTF-8, per document: protects the browser.
    pub max_input_bytes: u32,
    /// Language of both documents.
    pub language: Language,
}

impl Options {
    /// The settings' names as callers write them (the fields' serde names),
    /// for telling a misspelt setting from one left out: serde-wasm-bindgen
    /// reads only the fields it knows, so it cannot refuse unknown ones.
    pub const NAMES: [&'static str; 8] = [
        "covered_threshold",
        "partial_threshold",
        "supported_threshold",
        "unsupported_threshold",
        "paragraph_links",
        "sentence_links",
        "max_input_bytes",
        "language",
    ];
}

impl Default for Options {
    fn default() -> Self {
        Options {
            covered_threshold: 0.5,
            partial_threshold: 0.25,
            supported_threshold: 0.5,
            unsupported_threshold: 0.25,
            paragraph_links: 3,
            sentence_links: 3,
            max_input_bytes: 64 * 1024 * 1024,
            language: Language::En,
        }
    }
}

impl Options {
    /// Refuses an input of `bytes` over `max_input_bytes`. A page calls it with
    /// a file's size before reading the file, so a huge file never reaches memory.
    pub fn check_size(&self, side: Side, bytes: usize) -> Result<(), Error> {
        let limit = self.max_input_bytes as usize;
        if bytes > limit {
            return Err(Error::TooLarge { side, bytes, limit });
        }
        Ok(())
    }

    /// Rejects settings that would make the verdicts meaningless.
    pub fn validate(&self) -> Result<(), Error> {
        let unit = |name: &str, v: f32| {
            if (0.0..=1.0).contains(&v) {
                Ok(())
            } else {
                // The value is not repeated: formatting an f32 would pull
                // float printing into the WebAssembly module for this alone.
                Err(Error::InvalidOption(format!(
                    "{name} must be between 0 and 1"
                )))
            }
        };
        unit("covered_threshold", self.covered_threshold)?;
        unit("partial_threshold", self.partial_threshold)?;
        unit("supported_threshold", self.supported_threshold)?;
        unit("unsupported_threshold", self.unsupported_threshold)?;
        if self.partial_threshold > self.covered_threshold {
            return Err(Error::InvalidOption(
                "partial_threshold must not exceed covered_threshold".into(),
            ));
        }
        if self.unsupported_threshold > self.supported_threshold {
            return Err(Error::InvalidOption(
                "unsupported_threshold must not exceed supported_threshold".into(),
            ));
        }
        if self.max_input_bytes == 0 {
            return Err(Error::InvalidOption(
                "max_input_bytes must be greater than 0".into(),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serialized_fields() {
        let value = serde_json::to_value(Options::default()).expect("options serialize");
        let mut fields: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut names = Options::NAMES.to_vec();
        names.sort_unstable();
        fields.sort_unstable();
        assert_eq!(names, fields);
    }
}
