//! Lacuna lines up an executive summary against the full report it summarises
//! and shows what the summary leaves out.
//!
//! The pipeline reads like the folder layout: [`ingest`] decodes bytes,
//! [`segment`] rebuilds paragraphs and sentences, `align` links summary and
//! report sentences, `score` turns links into coverage, omissions and facts,
//! and [`diff`] shows word by word what a summary sentence kept of its source.
//! Everything returns the serde types of [`model`], which the CLI prints as
//! JSON and the WASM module hands to JavaScript.

mod align;
mod compare;
pub mod diff;
mod error;
pub mod ingest;
pub mod model;
mod options;
mod parallel;
mod score;
pub mod segment;
mod spellings;
mod text;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use compare::compare;
pub use diff::word_diff;
pub use error::{Error, Side};
pub use ingest::decode;
pub use model::*;
pub use options::{Language, Options};
pub use segment::{redactions, segment};
