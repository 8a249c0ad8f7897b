//! Align: link every summary sentence to the report sentences it draws on, and
//! every paragraph to its nearest paragraphs in the other document.

mod analysis;
mod casing;
mod index;
mod links;
mod ranked;
mod sections;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod split_sample;
mod spread;
mod terms;
mod tokens;
mod word_pairs;

pub use analysis::Analysis;
pub use casing::Casing;
pub use links::{link, Headings, Links, Prior};
pub use ranked::SentenceMatch;
pub use sections::SectionAffinity;
pub use spread::Spread;
pub use terms::{TermId, Vocabulary, WeightedTerms, WordId, WordInfo};
pub use tokens::{DocumentWords, Tokens, WordAt};
