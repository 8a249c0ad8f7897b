//! Text primitives shared by the pipeline: word tokens with stems, stop words,
//! and UTF-16 offsets for JavaScript.

mod calendar;
mod nfkc;
mod stopwords;
mod tokens;
mod utf16;

pub use calendar::{is_year, month_number, MONTHS};
#[cfg(target_arch = "wasm32")]
pub use nfkc::install_nfkc;
pub use nfkc::nfkc;
pub use stopwords::is_stopword;
pub use tokens::{
    ascii_alnum_end, byte_class, classify, is_alphanumeric, is_apostrophe, lower_word, tokenize,
    too_short, word_spans, ByteClass, Token, TokenClass,
};
pub use utf16::Utf16Cursor;
