//! Align: link every summary sentence to the report sentences it draws on, and
//! every paragraph to its nearest paragraphs in the other document.

mod index;
mod links;
mod sections;
mod terms;

pub use links::{link, SentenceMatch};
pub use sections::SectionAffinity;
pub use terms::{Analysis, DocumentWords, WeightedTerms, WordAt};
