//! The result model: one set of serde types behind the CLI's JSON, the WASM
//! API and the TypeScript definitions, so the three can never drift apart.
//!
//! Offsets conventions, chosen so a browser can slice JavaScript strings
//! directly:
//! - `start`/`end` on paragraphs, sentences and omissions are UTF-16 code
//!   units into the *original* input text (after decoding), so the page can
//!   highlight the user's own text;
//! - ranges inside a sentence (diff spans, fact occurrences) are UTF-16 code
//!   units into that sentence's normalised `text`.
//!
//! Ids are indices: a paragraph's `id` is its index in `paragraphs`, a
//! sentence's `id` is its index in document order across all paragraphs.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::spellings::Spellings;

#[cfg(target_arch = "wasm32")]
use tsify::Tsify;

/// The whole answer to "what does this summary leave out of this report?".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Comparison {
    /// The summary, segmented, each sentence scored by how well the report supports it.
    pub summary: Document,
    /// The report, segmented, each sentence scored by how well the summary covers it.
    pub report: Document,
    /// Contiguous omitted passages of the report, weightiest first.
    pub omissions: Vec<Omission>,
    /// Checkable facts that one side has and the other lacks.
    pub facts: Facts,
    /// Coverage of each report section (heading path), in document order.
    pub sections: Vec<SectionCoverage>,
    /// Headline figures and timings.
    pub stats: Stats,
    /// Things the reader should know about the inputs (e.g. a summary longer than its report).
    pub notices: Vec<Notice>,
}

/// One input text, rebuilt into its true paragraphs and sentences (also what `segment` returns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Document {
    /// Paragraphs in reading order, page furniture removed.
    pub paragraphs: Vec<Paragraph>,
    /// Number of words in the compared text (headings and footnotes included).
    pub words: u32,
}

/// What role a block plays in the document; only body text counts towards coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    /// Body text.
    Paragraph,
    /// A section or run-in heading.
    Heading,
    /// An item of a bulleted, lettered or numbered list.
    ListItem,
    /// A footnote or endnote: kept for reference, never counted as body text.
    Footnote,
    /// A row of a table, its cells read in order and parted by [`CELL_SEPARATOR`].
    TableRow,
    /// A table's header row ("Date | Agency | Event"): it names the
    /// columns and, like a heading, makes no claim.
    TableHeader,
}

impl ParagraphKind {
    /// Whether the kind holds the document's body text, which coverage,
    /// omissions and sections weigh: not headings, which make no claim,
    /// nor notes, which cite.
    pub fn is_body(self) -> bool {
        matches!(
            self,
            ParagraphKind::Paragraph | ParagraphKind::ListItem | ParagraphKind::TableRow
        )
    }

    /// Whether the kind titles what follows (a heading, a table's header
    /// row): it makes no claim a summary could leave out or a report
    /// support, capitalises its words as titles do, and names no one.
    pub fn is_title(self) -> bool {
        matches!(self, ParagraphKind::Heading | ParagraphKind::TableHeader)
    }
}

/// What parts a table row's cells in its `text` ("3 March 2007 | Police |
/// Officers attended."), as Markdown parts them.
pub const CELL_SEPARATOR: &str = " | ";

/// A verdict on one sentence or paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Report text that the summary conveys.
    Covered,
    /// Report text the summary conveys in part, or summary text the report supports in part.
    Partial,
    /// Report text the summary leaves out.
    Omitted,
    /// Summary text the report says too.
    Supported,
    /// Summary text the report does not seem to say.
    Unsupported,
}

/// A paragraph-level block of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Paragraph {
    /// Index of this paragraph within its document.
    pub id: u32,
    /// Body, heading, list item or footnote.
    pub kind: ParagraphKind,
    /// The paragraph's text, unwrapped, de-hyphenated and NFKC-normalised.
    pub text: String,
    /// UTF-16 offset of the paragraph's first character in the original input.
    pub start: u32,
    /// UTF-16 offset just past the paragraph's last character in the original input.
    pub end: u32,
    /// Heading path this paragraph sits under, outermost first; one list
    /// shared by all the paragraphs of a section (a plain array in JSON).
    pub section: Arc<[String]>,
    /// The paragraph's own number or list marker ("4.12", "(a)"), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub number: Option<String>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
    /// Most similar paragraphs of the other document, best first (near misses included).
    pub links: Vec<ParagraphLink>,
    /// Report only: share of this paragraph's content the summary conveys, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub coverage: Option<f32>,
    /// Summary only: share of this paragraph's content the report supports, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub support: Option<f32>,
    /// Verdict from `coverage` (report) or `support` (summary); absent before
    /// comparison and on summary headings, which make no claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<Status>,
}

/// One sentence of a paragraph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Sentence {
    /// Index of this sentence in document order.
    pub id: u32,
    /// The sentence's normalised text.
    pub text: String,
    /// UTF-16 offset of the sentence's first character in the original input.
    pub start: u32,
    /// UTF-16 offset just past the sentence's last character in the original input.
    pub end: u32,
    /// Report only: how much of this sentence the summary conveys, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub coverage: Option<f32>,
    /// Summary only: how much of this sentence the report supports, in [0, 1].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub support: Option<f32>,
    /// Verdict from `coverage` or `support`; absent before comparison and on
    /// summary headings, which make no claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub status: Option<Status>,
    /// Sentences of the other document this one is aligned with, best first.
    pub links: Vec<SentenceLink>,
}

/// A paragraph of the other document, with how similar it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct ParagraphLink {
    /// Id of the paragraph in the other document.
    pub paragraph: u32,
    /// Similarity in [0, 1].
    pub score: f32,
}

/// An aligned sentence of the other document, with the evidence for the link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct SentenceLink {
    /// Id of the paragraph (in the other document) holding the linked sentence.
    pub paragraph: u32,
    /// Id of the linked sentence in the other document.
    pub sentence: u32,
    /// Alignment strength in [0, 1].
    pub score: f32,
    /// The terms both sentences share, weightiest first: why they were linked.
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string[]"))]
    pub terms: LinkTerms,
    /// Summary side only: what of the report sentence the summary kept, dropped and added.
    // Boxed, as most links (all of the report's) have none: 8 bytes a link
    // instead of 32, with the same JSON and TypeScript.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub diff: Option<Box<WordDiff>>,
}

/// The terms a link lists, a plain array of strings in JSON. A long report
/// lists the same terms in hundreds of thousands of links, so a link holds
/// their indices in one table of spellings that every link of a comparison
/// shares: no allocation, and one reference count, per link.
#[derive(Clone)]
pub struct LinkTerms {
    spellings: Arc<Spellings>,
    ids: [u32; LinkTerms::MAX],
    len: u8,
}

impl LinkTerms {
    /// How many terms a link lists at most.
    pub const MAX: usize = 8;

    /// The first `MAX` of `ids`, indices into `spellings`.
    pub(crate) fn new(spellings: &Arc<Spellings>, ids: impl IntoIterator<Item = u32>) -> Self {
        let mut terms = LinkTerms {
            spellings: Arc::clone(spellings),
            ids: [0; LinkTerms::MAX],
            len: 0,
        };
        for (slot, id) in terms.ids.iter_mut().zip(ids) {
            *slot = id;
            terms.len += 1;
        }
        terms
    }

    /// The terms, weightiest first.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> {
        self.ids[..self.len as usize]
            .iter()
            .map(|&id| self.spellings.get(id))
    }

    /// Whether the link lists no term.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl std::fmt::Debug for LinkTerms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl PartialEq for LinkTerms {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Serialize for LinkTerms {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for LinkTerms {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let terms = Vec::<String>::deserialize(deserializer)?;
        if terms.len() > LinkTerms::MAX {
            let expected = format!("at most {} terms", LinkTerms::MAX);
            return Err(serde::de::Error::invalid_length(
                terms.len(),
                &expected.as_str(),
            ));
        }
        let mut spellings = Spellings::default();
        let ids: Vec<u32> = terms.iter().map(|t| spellings.push(t)).collect();
        Ok(LinkTerms::new(&Arc::new(spellings), ids))
    }
}

/// A word-level diff between a report sentence and the summary sentence drawing on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct WordDiff {
    /// Spans in reading order of the merged text: kept, dropped and added runs of words.
    pub spans: Vec<DiffSpan>,
    /// Share of the report sentence's words the summary kept, in [0, 1].
    pub kept_share: f32,
}

/// What happened to a run of words between report and summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// In both the report sentence and the summary sentence.
    Kept,
    /// In the report sentence only.
    Dropped,
    /// In the summary sentence only.
    Added,
}

/// A run of words in a word diff, located in one or both sentence texts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct DiffSpan {
    /// Kept, dropped or added.
    pub kind: DiffKind,
    /// Where the run is in the report sentence's text (kept and dropped runs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub report: Option<TextRange>,
    /// Where the run is in the summary sentence's text (kept and added runs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(target_arch = "wasm32", tsify(optional))]
    pub summary: Option<TextRange>,
}

/// A half-open range of UTF-16 code units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct TextRange {
    /// First code unit.
    pub start: u32,
    /// One past the last code unit.
    pub end: u32,
}

/// A run of omitted report text, ranked by how much distinctive content it carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Omission {
    /// 1-based rank: 1 is the weightiest omission.
    pub rank: u32,
    /// Distinctive content carried (rare terms, names, numbers, dates, quotes); comparable within one result.
    pub weight: f32,
    /// Ids of the report paragraphs the passage touches.
    pub paragraphs: Vec<u32>,
    /// Ids of the omitted report sentences, in order.
    pub sentences: Vec<u32>,
    /// UTF-16 offset of the passage's start in the original report.
    pub start: u32,
    /// UTF-16 offset of the passage's end in the original report.
    pub end: u32,
    /// Heading path of the passage's first paragraph.
    pub section: Arc<[String]>,
    /// Number of words in the passage.
    pub words: u32,
    /// The terms that make the passage weighty, weightiest first.
    pub key_terms: Vec<String>,
    /// Facts (numbers, dates, names, quotes) in the passage that the summary never mentions.
    pub facts: Vec<String>,
    /// The opening of the passage, for lists.
    pub preview: String,
}

/// Facts present on one side only.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Facts {
    /// Facts in the report that the summary never mentions, weightiest first.
    pub dropped: Vec<Fact>,
    /// Facts in the summary that the report never mentions: worth checking.
    pub unsupported: Vec<Fact>,
}

/// The kinds of checkable fact Lacuna tracks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
#[serde(rename_all = "snake_case")]
pub enum FactKind {
    /// A plain number ("14", "three hundred" is not tracked).
    Number,
    /// A calendar date, a month and year, or a time of day.
    Date,
    /// A sum of money.
    Money,
    /// A percentage.
    Percent,
    /// A capitalised name: person, organisation or place.
    Name,
    /// Words in quotation marks.
    Quote,
}

/// One fact and every place it occurs on its side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Fact {
    /// Number, date, money, percent, name or quote.
    pub kind: FactKind,
    /// The fact as first written.
    pub text: String,
    /// Where it occurs, in document order.
    pub occurrences: Vec<Occurrence>,
}

/// Where a fact occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Occurrence {
    /// Paragraph id.
    pub paragraph: u32,
    /// Sentence id.
    pub sentence: u32,
    /// UTF-16 offset of the fact in the sentence's `text`.
    pub start: u32,
    /// UTF-16 offset just past the fact in the sentence's `text`.
    pub end: u32,
}

/// Coverage of one report section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct SectionCoverage {
    /// Heading path of the section, outermost first (empty for text before any heading).
    pub path: Arc<[String]>,
    /// Id of the section's first paragraph.
    pub first_paragraph: u32,
    /// Body paragraphs in the section (not counting its subsections).
    pub paragraphs: u32,
    /// Body words in the section.
    pub words: u32,
    /// Word-weighted coverage of the section's body text, in [0, 1].
    pub coverage: f32,
    /// Body paragraphs in the section marked omitted.
    pub omitted: u32,
}

/// Headline figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Stats {
    /// Words in the summary.
    pub summary_words: u32,
    /// Words in the report.
    pub report_words: u32,
    /// Summary words per report word.
    pub compression: f32,
    /// Words of the report's body text (paragraphs and list items, not
    /// headings, notes or redaction marks): what `coverage` is a share of,
    /// so that a figure quoted with it does not count the notes.
    pub body_words: u32,
    /// Word-weighted coverage of the report's body text, in [0, 1].
    pub coverage: f32,
    /// Report body paragraphs by status.
    pub covered_paragraphs: u32,
    /// Report body paragraphs partly covered.
    pub partial_paragraphs: u32,
    /// Report body paragraphs left out.
    pub omitted_paragraphs: u32,
    /// Sentences of the summary's body text (not headings or notes): the
    /// claims that `unsupported_sentences` counts among.
    pub summary_sentences: u32,
    /// Summary body sentences the report does not seem to support.
    pub unsupported_sentences: u32,
    /// Where the time went, in milliseconds.
    pub timings: Timings,
}

/// Milliseconds spent in each stage of one comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Timings {
    /// Decoding checks and segmentation of both texts.
    pub segment_ms: f32,
    /// Indexing and sentence/paragraph alignment.
    pub align_ms: f32,
    /// Coverage, omissions, facts and sections.
    pub score_ms: f32,
    /// Word diffs of linked pairs.
    pub diff_ms: f32,
    /// The whole comparison.
    pub total_ms: f32,
}

/// Something about the inputs worth telling the reader; the comparison still ran.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(Tsify))]
pub struct Notice {
    /// Stable machine-readable code, e.g. `summary_longer_than_report`.
    pub code: String,
    /// A sentence for people.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_terms_are_plain_strings_in_json() {
        let mut spellings = Spellings::default();
        let ids: Vec<u32> = ["obstruction", "comey", "flynn"]
            .iter()
            .map(|s| spellings.push(s))
            .collect();
        let terms = LinkTerms::new(&Arc::new(spellings), [ids[2], ids[0]]);
        let json = serde_json::to_string(&terms).unwrap();
        assert_eq!(json, r#"["flynn","obstruction"]"#);
        let back: LinkTerms = serde_json::from_str(&json).unwrap();
        assert_eq!(back, terms);
        assert_eq!(format!("{back:?}"), r#"["flynn", "obstruction"]"#);
        let many = LinkTerms::new(&terms.spellings, (0..3).cycle().take(10));
        assert_eq!(many.iter().len(), LinkTerms::MAX);
        let nine = serde_json::to_string(&["a"; 9]).unwrap();
        let error = serde_json::from_str::<LinkTerms>(&nine).unwrap_err();
        assert!(error.to_string().contains("at most 8 terms"), "{error}");
    }
}
