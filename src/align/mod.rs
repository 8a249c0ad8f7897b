//! Align: link every summary sentence to the report sentences it draws on, and
//! every paragraph to its nearest paragraphs in the other document.

mod index;
mod links;
mod ranked;
mod sections;
mod spread;
mod terms;
mod tokens;

pub use links::{link, Headings, Links, Prior};
pub use ranked::SentenceMatch;
pub use sections::SectionAffinity;
pub use spread::Spread;
pub use terms::{Analysis, TermId, Vocabulary, WeightedTerms, WordInfo};
pub use tokens::{DocumentWords, Tokens, WordAt};
