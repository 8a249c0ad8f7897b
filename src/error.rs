//! Errors the core returns as values: every one carries a message a person can act on.

use std::fmt;

/// Which input an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The executive summary.
    Summary,
    /// The full report.
    Report,
    /// A single text given to `segment`.
    Text,
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Side::Summary => "summary",
            Side::Report => "report",
            Side::Text => "text",
        })
    }
}

/// Why a comparison or segmentation could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The input has no words at all.
    Empty(Side),
    /// The input is not text (binary data, a PDF, an image…).
    NotText {
        /// Which input.
        side: Side,
        /// What it looks like instead.
        looks_like: String,
    },
    /// The input is larger than the configured limit.
    TooLarge {
        /// Which input.
        side: Side,
        /// Its size in bytes.
        bytes: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// An option is out of range.
    InvalidOption(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Empty(side) => write!(f, "The {side} is empty: it has no words to compare."),
            Error::NotText { side, looks_like } => write!(
                f,
                "The {side} is not a text file (it looks like {looks_like}). Convert it to plain text first, for example with pdftotext."
            ),
            Error::TooLarge { side, bytes, limit } => write!(
                f,
                "The {side} is too large: {:.1} MB, over the limit of {:.1} MB.",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::InvalidOption(msg) => write!(f, "Invalid option: {msg}."),
        }
    }
}

impl std::error::Error for Error {}
