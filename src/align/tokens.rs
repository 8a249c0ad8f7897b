//! Tokens: every word of both documents found once and interned. Runs of
//! consecutive sentences are tokenized at the same time, each against its
//! own table of spellings, and then merged in document order, so that ids
//! come out as if one pass had read both documents.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::model::{Document, CELL_SEPARATOR};
use crate::parallel::{map_parts, ranges, split_mut};
use crate::segment::redactions;
use crate::text::{lower_word, word_spans};

use super::terms::{Vocabulary, WordId};

/// Sentences per run: fewer are not worth a thread's hand-over, and each
/// run lower-cases its own copy of the common words.
const MIN_SENTENCES_PER_RUN: usize = 64;

/// A word occurrence inside a sentence's `text`. One is kept for every word
/// of both documents until the comparison is scored, so it packs its two
/// flags into the word id: 12 bytes instead of 16.
#[derive(Debug, Clone, Copy)]
pub struct WordAt {
    /// Byte offset in the sentence text.
    pub start: u32,
    /// Byte offset just past the word.
    pub end: u32,
    /// The word id, with `CAPITALISED` and `REDACTED` set as they apply.
    word: u32,
}

/// The bit of `WordAt::word` that marks a capitalised occurrence; word ids
/// stay far below the flags, as inputs are capped well under 2^30 bytes.
const CAPITALISED: u32 = 1 << 31;
/// The bit of `WordAt::word` that marks a word inside a redaction mark.
const REDACTED: u32 = 1 << 30;

impl WordAt {
    fn new(start: usize, end: usize, word: WordId, capitalised: bool, redacted: bool) -> Self {
        debug_assert!(word < REDACTED);
        let flags = if capitalised { CAPITALISED } else { 0 } | if redacted { REDACTED } else { 0 };
        WordAt {
            start: start as u32,
            end: end as u32,
            word: word | flags,
        }
    }

    /// Which word.
    pub fn word(&self) -> WordId {
        self.word & !(CAPITALISED | REDACTED)
    }

    /// Whether it is written with an initial capital.
    pub fn capitalised(&self) -> bool {
        self.word & CAPITALISED != 0
    }

    /// Whether it lies inside a redaction mark ("[REDACTED]", "Harm to
    /// Ongoing Matter"): such words are shown and diffed but are no content,
    /// so they are no terms, no facts and not counted.
    pub fn redacted(&self) -> bool {
        self.word & REDACTED != 0
    }

    /// Whether the word opens what it is written in, in its sentence's
    /// `text` after the word `before` (none for the sentence's first): the
    /// sentence, or a table row's cell ("Date | Agency | Event"), which
    /// capitalises its first word as a sentence does.
    pub fn opens(&self, before: Option<&WordAt>, text: &str) -> bool {
        before.is_none_or(|b| {
            let (from, to) = (b.end as usize, self.start as usize);
            // Most gaps are one space: their length tells at once.
            to.saturating_sub(from) == CELL_SEPARATOR.len()
                && text.as_bytes().get(from..to) == Some(CELL_SEPARATOR.as_bytes())
        })
    }

    /// The same occurrence with its run's own word id swapped for the
    /// shared one, `ids[own]`, the flags kept.
    fn renumbered(self, ids: &[WordId]) -> Self {
        let flags = self.word & (CAPITALISED | REDACTED);
        WordAt {
            word: ids[self.word() as usize] | flags,
            ..self
        }
    }
}

/// One document tokenized: every word occurrence, grouped by sentence.
pub struct DocumentWords {
    /// All word occurrences in document order, in the runs of sentences
    /// they were tokenized in: joining them would hold every word twice.
    runs: Vec<Vec<WordAt>>,
    /// Where the words of each sentence lie, by sentence id.
    sentences: Vec<SentenceWords>,
    /// How many words of each sentence lie outside redaction marks, by sentence id.
    pub counts: Vec<u32>,
    /// Sentence-id range of each paragraph.
    pub(super) paragraph_sentences: Vec<Range<usize>>,
}

/// Where one sentence's words lie: `start..end` of run `run`.
#[derive(Debug, Clone, Default)]
struct SentenceWords {
    run: u32,
    start: u32,
    end: u32,
}

impl DocumentWords {
    /// The words of sentence `id`.
    pub fn of(&self, id: u32) -> &[WordAt] {
        self.sentences
            .get(id as usize)
            .map_or(&[], |s| self.words_of(s))
    }

    fn words_of(&self, s: &SentenceWords) -> &[WordAt] {
        &self.runs[s.run as usize][s.start as usize..s.end as usize]
    }

    /// The words of each sentence, in sentence order.
    pub fn sentences(&self) -> impl ExactSizeIterator<Item = &[WordAt]> {
        self.sentences.iter().map(|s| self.words_of(s))
    }

    /// Number of words of sentence `id` outside redaction marks, still known
    /// after `forget_words`.
    pub fn count(&self, id: u32) -> u32 {
        self.counts.get(id as usize).copied().unwrap_or(0)
    }

    /// Number of words in a paragraph of this document, outside redaction marks.
    pub fn in_paragraph(&self, paragraph: &crate::model::Paragraph) -> u32 {
        paragraph.sentences.iter().map(|s| self.count(s.id)).sum()
    }

    /// Frees the word occurrences, and where each sentence's and
    /// paragraph's lie, once only the counts are needed: the largest part
    /// of the analysis, no longer held while the vectors are aligned (nor
    /// at the end, when the result peaks). `of` finds nothing afterwards.
    pub(super) fn forget_words(&mut self) {
        self.runs = Vec::new();
        self.sentences = Vec::new();
        self.paragraph_sentences = Vec::new();
    }

    /// The tables of `doc`, its words still to be tokenized: what outlives
    /// the runs is allocated here, on the calling thread.
    fn unfilled(doc: &Document) -> Self {
        let mut paragraph_sentences = Vec::with_capacity(doc.paragraphs.len());
        let mut first = 0;
        for paragraph in &doc.paragraphs {
            paragraph_sentences.push(first..first + paragraph.sentences.len());
            first += paragraph.sentences.len();
        }
        DocumentWords {
            runs: Vec::new(),
            sentences: vec![SentenceWords::default(); first],
            counts: vec![0; first],
            paragraph_sentences,
        }
    }

    /// The runs of `doc`'s sentences, whose texts are `texts`, each to
    /// write its part of these tables.
    fn runs<'t, 'o>(&'o mut self, doc: &Document, texts: &'o [&'t str]) -> Vec<Run<'t, 'o>> {
        let parts = ranges(texts.len(), MIN_SENTENCES_PER_RUN);
        // Segmentation counted the words outside redaction marks: each run
        // gets room for its share by length and a sixteenth more, which
        // spares regrowing its vector on another thread.
        let bytes = texts.iter().map(|t| t.len()).sum::<usize>().max(1);
        parts
            .iter()
            .zip(split_mut(&mut self.sentences, &parts, 1))
            .zip(split_mut(&mut self.counts, &parts, 1))
            .enumerate()
            .map(|(run, ((range, sentences), counts))| {
                let texts = &texts[range.clone()];
                let length: usize = texts.iter().map(|t| t.len()).sum();
                let expected = doc.words as usize * length / bytes;
                Run {
                    run: run as u32,
                    texts,
                    words: Vec::with_capacity(expected + expected / 16),
                    sentences,
                    counts,
                }
            })
            .collect()
    }

    /// Takes the words of the document's runs, in order, swapping each
    /// run's own word ids for the shared ones: `ids[run][own]`.
    fn fill(&mut self, runs: Vec<Vec<WordAt>>, ids: Vec<Vec<WordId>>) {
        self.runs = runs;
        for (words, ids) in self.runs.iter_mut().zip(ids) {
            for w in words {
                *w = w.renumbered(&ids);
            }
        }
    }
}

/// A run of consecutive sentences of one document to tokenize, and where
/// its results go.
struct Run<'t, 'o> {
    /// Which run of the document.
    run: u32,
    /// The sentences' texts.
    texts: &'o [&'t str],
    /// The word occurrences, filled in order.
    words: Vec<WordAt>,
    /// Where each sentence's words lie.
    sentences: &'o mut [SentenceWords],
    /// Each sentence's count of words outside redaction marks.
    counts: &'o mut [u32],
}

impl<'t> Run<'t, '_> {
    /// The run's words and its distinct spellings lower-cased, in the order
    /// first met, which the words' ids index.
    fn tokenize(self) -> (Vec<WordAt>, Lowers<'t>) {
        let Run {
            run,
            texts,
            mut words,
            sentences,
            counts,
        } = self;
        let mut by_spelling: FxHashMap<&'t str, WordId> = FxHashMap::default();
        let mut lowers = Lowers::default();
        let mut lower = String::new();
        for ((&text, sentence), count) in texts.iter().zip(sentences).zip(counts) {
            let from = words.len();
            let marks = redactions(text);
            let mut mark = marks.iter().peekable();
            for (start, end) in word_spans(text) {
                while mark.peek().is_some_and(|m| m.end <= start) {
                    mark.next();
                }
                let redacted = mark.peek().is_some_and(|m| m.start < end);
                let raw = &text[start..end];
                let word = *by_spelling.entry(raw).or_insert_with(|| {
                    lower_word(raw, &mut lower);
                    lowers.push(raw, &lower)
                });
                words.push(WordAt::new(
                    start,
                    end,
                    word,
                    raw.starts_with(char::is_uppercase),
                    redacted,
                ));
            }
            *sentence = SentenceWords {
                run,
                start: from as u32,
                end: words.len() as u32,
            };
            *count = words[from..].iter().filter(|w| !w.redacted()).count() as u32;
        }
        (words, lowers)
    }
}

/// The lower-cased forms of a run's distinct spellings, in the order first
/// met. Most spellings are lower-case already and are kept as borrowed;
/// the others' forms share one buffer.
#[derive(Default)]
pub(super) struct Lowers<'t> {
    forms: Vec<Lower<'t>>,
    changed: String,
}

/// One spelling's lower-cased form.
enum Lower<'t> {
    /// The spelling as written.
    Same(&'t str),
    /// This span of `Lowers::changed`.
    Changed(Range<u32>),
}

impl<'t> Lowers<'t> {
    /// Adds the form `lower` of the spelling `raw`, returning its index.
    fn push(&mut self, raw: &'t str, lower: &str) -> WordId {
        let form = if lower == raw {
            Lower::Same(raw)
        } else {
            let start = self.changed.len() as u32;
            self.changed.push_str(lower);
            Lower::Changed(start..self.changed.len() as u32)
        };
        self.forms.push(form);
        (self.forms.len() - 1) as WordId
    }

    /// The forms in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = &str> {
        self.forms.iter().map(|form| match form {
            Lower::Same(raw) => raw,
            Lower::Changed(span) => &self.changed[span.start as usize..span.end as usize],
        })
    }
}

/// Both documents tokenized against one vocabulary, every word occurrence
/// kept: what facts read before `Analysis::new` weighs the terms and frees
/// the occurrences.
pub struct Tokens {
    /// The shared vocabulary, idf weights not yet known.
    pub vocabulary: Vocabulary,
    /// The summary's words, by sentence.
    pub summary_words: DocumentWords,
    /// The report's words, by sentence.
    pub report_words: DocumentWords,
}

impl Tokens {
    /// Tokenizes both documents and interns their words, the summary's
    /// first: the runs of both at the same time, then their words merged
    /// into one vocabulary in order.
    pub fn new(summary: &Document, report: &Document) -> Self {
        let (summary_texts, report_texts) = (sentence_texts(summary), sentence_texts(report));
        let mut summary_words = DocumentWords::unfilled(summary);
        let mut report_words = DocumentWords::unfilled(report);
        let mut runs = summary_words.runs(summary, &summary_texts);
        let summary_runs = runs.len();
        runs.extend(report_words.runs(report, &report_texts));
        let (mut words, lowers): (Vec<_>, Vec<_>) =
            map_parts(runs, Run::tokenize).into_iter().unzip();
        let (vocabulary, mut ids) = Vocabulary::of_runs(lowers.iter().map(Lowers::iter));
        let (report_runs, report_ids) =
            (words.split_off(summary_runs), ids.split_off(summary_runs));
        summary_words.fill(words, ids);
        report_words.fill(report_runs, report_ids);
        Tokens {
            vocabulary,
            summary_words,
            report_words,
        }
    }
}

/// The text of each sentence of `doc`, by sentence id.
pub(super) fn sentence_texts(doc: &Document) -> Vec<&str> {
    doc.paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.text.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    #[test]
    fn spellings_of_one_word_share_its_id_in_both_documents() {
        let summary = segment("The Office’s report.\n");
        let report = segment("THE office filed the report. Office’s reports.\n");
        let tokens = Tokens::new(&summary, &report);
        let vocabulary = &tokens.vocabulary;
        let ids = |words: &DocumentWords, s: u32| -> Vec<WordId> {
            words.of(s).iter().map(WordAt::word).collect()
        };
        let summary_ids = ids(&tokens.summary_words, 0);
        let report_ids = ids(&tokens.report_words, 0);
        assert_eq!(summary_ids[0], report_ids[0], "The / THE");
        assert_eq!(summary_ids[1], report_ids[1], "Office’s / office");
        assert_eq!(summary_ids[2], report_ids[4], "report");
        assert_eq!(ids(&tokens.report_words, 1)[0], summary_ids[1]);
        let lower: Vec<&str> = summary_ids.iter().map(|&id| vocabulary.lower(id)).collect();
        assert_eq!(lower, ["the", "office", "report"]);
        let (mut again, mut spans) = (Vec::new(), Vec::new());
        vocabulary.sentence_words(
            &report.paragraphs[0].sentences[0].text,
            &mut again,
            &mut spans,
        );
        assert_eq!(again, report_ids);
        assert_eq!(spans[0], (0, 3));
        let reports = ids(&tokens.report_words, 1)[1] as usize;
        assert_eq!(
            vocabulary.words[reports].term, vocabulary.words[report_ids[4] as usize].term,
            "reports / report: one stem"
        );
    }

    /// Runs of sentences tokenized apart and merged give every word, term
    /// and occurrence the id one pass over both documents gives.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn ids_do_not_depend_on_how_the_sentences_are_split() {
        use crate::align::split_sample::{on_threads, split_sample};
        use crate::align::TermId;
        let (summary, report) = split_sample();
        let described = |threads: usize| {
            on_threads(threads, || {
                let tokens = Tokens::new(&summary, &report);
                let occurrences = |doc: &DocumentWords| -> Vec<(u32, u32, WordId, bool, bool)> {
                    doc.sentences()
                        .flatten()
                        .map(|w| (w.start, w.end, w.word(), w.capitalised(), w.redacted()))
                        .collect()
                };
                let vocabulary = &tokens.vocabulary;
                (
                    occurrences(&tokens.summary_words),
                    occurrences(&tokens.report_words),
                    tokens.report_words.counts.clone(),
                    (vocabulary.words.iter().enumerate())
                        .map(|(w, info)| (vocabulary.lower(w as WordId).to_string(), info.term))
                        .collect::<Vec<_>>(),
                    (0..vocabulary.terms.len() as TermId)
                        .map(|t| vocabulary.surface(t).to_string())
                        .collect::<Vec<_>>(),
                )
            })
        };
        let whole = described(1);
        // Enough sentences for several runs, and words enough to name.
        assert!(
            whole.2.len() >= 4 * MIN_SENTENCES_PER_RUN,
            "{}",
            whole.2.len()
        );
        assert!(whole.4.len() > 40);
        assert!(described(4) == whole, "four threads and one differ");
    }
}
