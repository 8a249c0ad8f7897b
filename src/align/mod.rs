//! Align: link every summary sentence to the report sentences it draws on, and
//! every paragraph to its nearest paragraphs in the other document.

mod index;
mod links;
mod terms;

pub use links::{link_paragraphs, link_sentences, SentenceMatch};
pub use terms::{Analysis, WeightedTerms};
