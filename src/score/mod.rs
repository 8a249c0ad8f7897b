//! Score: turn alignment into verdicts a reader can act on — coverage and
//! support, ranked omissions, dropped facts and per-section figures.

mod coverage;
mod facts;
mod omissions;
mod sections;

pub use coverage::{status_of_coverage, status_of_support, term_share};
pub use facts::find_facts;
pub use omissions::{cited_only_terms, find_omissions, own_spellings};
pub use sections::section_coverage;
