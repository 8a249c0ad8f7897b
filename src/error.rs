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
    /// The input is a web page's HTML source: read as text, its tags,
    /// scripts and styles would be compared as words.
    WebPage(Side),
    /// The input is text in a legacy encoding the decoder cannot read
    /// (Shift-JIS, GBK, Windows-1251…): read as Windows-1252 it would be garbage.
    UnknownEncoding(Side),
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
            Error::WebPage(side) => write!(
                f,
                "The {side} is a web page's HTML source, not plain text. Open it in a browser and copy its text, or save the page as plain text, and try again."
            ),
            Error::UnknownEncoding(side) => write!(
                f,
                "The {side} is in a legacy encoding Lacuna cannot read (such as Shift-JIS, GBK or a Cyrillic code page). Save it as UTF-8 and try again."
            ),
            Error::TooLarge { side, bytes, limit } => write!(
                f,
                "The {side} is too large: {}, over the limit of {}.",
                Size(*bytes),
                Size(*limit)
            ),
            Error::InvalidOption(msg) => write!(f, "Invalid option: {msg}."),
        }
    }
}

impl std::error::Error for Error {}

/// A byte count as people read it: "2.5 MB", "800 KB" or "12 bytes", so a
/// small limit set by an embedding page never reads as "0.0 MB".
struct Size(usize);

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = self.0 as f64;
        if bytes >= 1e6 {
            write!(f, "{:.1} MB", bytes / 1e6)
        } else if bytes >= 1e3 {
            write!(f, "{:.0} KB", bytes / 1e3)
        } else {
            write!(f, "{} bytes", self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_the_unit_that_fits() {
        let message = |bytes, limit| {
            Error::TooLarge {
                side: Side::Report,
                bytes,
                limit,
            }
            .to_string()
        };
        assert_eq!(
            message(2_500_000, 64_000_000),
            "The report is too large: 2.5 MB, over the limit of 64.0 MB."
        );
        assert_eq!(
            message(4_200, 1_000),
            "The report is too large: 4 KB, over the limit of 1 KB."
        );
        assert_eq!(
            message(12, 10),
            "The report is too large: 12 bytes, over the limit of 10 bytes."
        );
    }
}
