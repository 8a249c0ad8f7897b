//! Terms: every word of both documents tokenized once and interned, the
//! stemmed content words and numbers weighted by how rare they are.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::model::Document;
use crate::segment::redactions;
use crate::text::{classify, lower_word, too_short, word_spans, TokenClass};

/// Index of a term (a stem or a number) in the shared vocabulary.
pub type TermId = u32;
/// Index of a distinct lower-cased word in the shared vocabulary.
pub type WordId = u32;
/// Index of a phrase (an ordered pair of adjacent terms) in the shared vocabulary.
pub type PhraseId = u32;

/// One interned term.
#[derive(Debug, Clone)]
pub struct TermInfo {
    /// The first spelling seen, lower-cased, for explanations; shared, as
    /// every link that lists the term hands out a reference, not a copy.
    pub surface: Arc<String>,
    /// Inverse sentence frequency across both documents.
    pub idf: f32,
}

/// One distinct lower-cased word.
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// The lower-cased form.
    pub lower: String,
    /// Word, stop word or number.
    pub class: TokenClass,
    /// The term it counts as, if it carries content.
    pub term: Option<TermId>,
}

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
}

/// Words, terms and phrases of both documents, so summary and report words
/// meet as equal ids.
pub struct Vocabulary {
    /// Each spelling as written ("The", "the", "Comey’s"), so that repeated
    /// words are found without lower-casing them again: one entry per
    /// distinct spelling, not per occurrence.
    by_spelling: FxHashMap<Box<str>, WordId>,
    by_pair: FxHashMap<(TermId, TermId), PhraseId>,
    /// Every distinct word, indexed by id.
    pub words: Vec<WordInfo>,
    /// Every term, indexed by id.
    pub terms: Vec<TermInfo>,
}

/// Sparse term weights, sorted by term id: a sentence or paragraph as a vector.
#[derive(Debug, Clone, Default)]
pub struct WeightedTerms {
    /// (term, weight) sorted by term.
    pub entries: Vec<(TermId, f32)>,
    /// Sum of the idf of the distinct terms: the sentence's content mass.
    pub mass: f32,
    /// Sum of the weights, for overlap ratios.
    pub total: f32,
    /// Distinct phrases (adjacent content-term pairs): shared phrases are
    /// stronger evidence than shared words. Sorted, except in a sum of
    /// vectors (`Spread::sum`), whose phrases are only counted or looked up.
    pub bigrams: Vec<PhraseId>,
}

impl WeightedTerms {
    /// Whether `term` occurs.
    pub fn contains(&self, term: TermId) -> bool {
        self.entries
            .binary_search_by_key(&term, |&(t, _)| t)
            .is_ok()
    }

    /// Terms both vectors share with both weights, in term order.
    pub fn shared<'a>(
        &'a self,
        other: &'a WeightedTerms,
    ) -> impl Iterator<Item = (TermId, f32, f32)> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < self.entries.len() && j < other.entries.len() {
                let ((a, wa), (b, wb)) = (self.entries[i], other.entries[j]);
                match a.cmp(&b) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some((a, wa, wb));
                    }
                }
            }
            None
        })
    }
}

/// Sorts the `(id, value)` pairs of `entries` by id and folds duplicates with `add`.
fn merge_entries<T: Copy>(entries: &mut Vec<(TermId, T)>, add: impl Fn(T, T) -> T) {
    entries.sort_unstable_by_key(|&(t, _)| t);
    entries.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = add(kept.1, later.1);
        }
        same
    });
}

/// One document tokenized: every word occurrence, grouped by sentence.
pub struct DocumentWords {
    /// All word occurrences in document order.
    pub words: Vec<WordAt>,
    /// The range of `words` of each sentence, by sentence id.
    pub sentences: Vec<Range<usize>>,
    /// How many words of each sentence lie outside redaction marks, by sentence id.
    pub counts: Vec<u32>,
    /// Sentence-id range of each paragraph.
    paragraph_sentences: Vec<Range<usize>>,
}

impl DocumentWords {
    /// The words of sentence `id`.
    pub fn of(&self, id: u32) -> &[WordAt] {
        self.sentences
            .get(id as usize)
            .map_or(&[], |r| &self.words[r.clone()])
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
    fn forget_words(&mut self) {
        self.words = Vec::new();
        self.sentences = Vec::new();
        self.paragraph_sentences = Vec::new();
    }
}

/// One document's sentence vectors before weighting: each entry holds the
/// term's occurrence count, which `weigh` turns into its weight in place, so
/// the counts never take memory beside the vectors.
struct DocumentTerms {
    /// Sentence vectors of counts, by sentence id.
    sentences: Vec<WeightedTerms>,
    /// Sentence-id range of each paragraph.
    paragraph_sentences: Vec<Range<usize>>,
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
    /// Tokenizes both documents and interns their words.
    pub fn new(summary: &Document, report: &Document) -> Self {
        let mut vocabulary = Vocabulary::new();
        let mut interner = Interner::new();
        let summary_words = vocabulary.document(summary, &mut interner);
        let report_words = vocabulary.document(report, &mut interner);
        Tokens {
            vocabulary,
            summary_words,
            report_words,
        }
    }
}

/// Both documents analysed against one vocabulary, with weighted vectors
/// ready; of the words, only the counts are left.
pub struct Analysis {
    /// The shared vocabulary with idf weights.
    pub vocabulary: Vocabulary,
    /// The report's word counts, by sentence.
    pub report_words: DocumentWords,
    /// Summary sentence vectors, by sentence id.
    pub summary_sentences: Vec<WeightedTerms>,
    /// Report sentence vectors, by sentence id.
    pub report_sentences: Vec<WeightedTerms>,
    /// Summary paragraph vectors, by paragraph id.
    pub summary_paragraphs: Vec<WeightedTerms>,
    /// Report paragraph vectors, by paragraph id.
    pub report_paragraphs: Vec<WeightedTerms>,
    /// Paragraph of each summary sentence.
    pub summary_sentence_paragraph: Vec<u32>,
    /// Paragraph of each report sentence.
    pub report_sentence_paragraph: Vec<u32>,
}

/// What interning a new spelling needs, kept only while both documents are
/// tokenized: later look-ups go by spelling, so these indexes are freed
/// before the documents are aligned.
struct Interner {
    stemmer: Stemmer,
    by_lower: FxHashMap<String, WordId>,
    by_key: FxHashMap<String, TermId>,
}

impl Interner {
    fn new() -> Self {
        Interner {
            stemmer: Stemmer::create(Algorithm::English),
            by_lower: FxHashMap::default(),
            by_key: FxHashMap::default(),
        }
    }
}

impl Vocabulary {
    fn new() -> Self {
        Vocabulary {
            by_spelling: FxHashMap::default(),
            by_pair: FxHashMap::default(),
            words: Vec::new(),
            terms: Vec::new(),
        }
    }

    /// How many distinct phrases both documents hold.
    pub fn phrases(&self) -> usize {
        self.by_pair.len()
    }

    /// The id of a word as written, lower-casing and interning it on first sight.
    fn spelling(&mut self, raw: &str, lower: &mut String, interner: &mut Interner) -> WordId {
        if let Some(&id) = self.by_spelling.get(raw) {
            return id;
        }
        lower_word(raw, lower);
        let id = self.intern(lower, interner);
        self.by_spelling.insert(raw.into(), id);
        id
    }

    /// The id of a lower-cased word, interning it (and its term) on first sight.
    fn intern(&mut self, lower: &str, interner: &mut Interner) -> WordId {
        if let Some(&id) = interner.by_lower.get(lower) {
            return id;
        }
        let class = classify(lower);
        let key = match class {
            TokenClass::Stop => None,
            TokenClass::Word if too_short(lower) => None,
            TokenClass::Word => Some(interner.stemmer.stem(lower)),
            TokenClass::Number => Some(Cow::Owned(lower.replace(',', ""))),
        };
        let term = key.map(|key| {
            // Most stems are met before: copied only when new.
            if let Some(&id) = interner.by_key.get(key.as_ref()) {
                return id;
            }
            let id = self.terms.len() as TermId;
            interner.by_key.insert(key.into_owned(), id);
            self.terms.push(TermInfo {
                surface: Arc::new(lower.to_string()),
                idf: 0.0,
            });
            id
        });
        let id = self.words.len() as WordId;
        self.words.push(WordInfo {
            lower: lower.to_string(),
            class,
            term,
        });
        interner.by_lower.insert(lower.to_string(), id);
        id
    }

    /// The ids and byte spans of the words of `text`, a sentence of either
    /// document, as `document` found them: word diffs run after the word
    /// occurrences are freed, and re-read the few sentences they need.
    pub fn sentence_words(
        &self,
        text: &str,
        ids: &mut Vec<WordId>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        ids.clear();
        spans.clear();
        for (start, end) in word_spans(text) {
            ids.push(self.by_spelling[&text[start..end]]);
            spans.push((start, end));
        }
    }

    /// The id of the phrase "`first` then `second`", interning it on first sight.
    fn phrase(&mut self, first: TermId, second: TermId) -> PhraseId {
        let next = self.by_pair.len() as PhraseId;
        *self.by_pair.entry((first, second)).or_insert(next)
    }

    /// Tokenizes `doc`, interning its words.
    fn document(&mut self, doc: &Document, interner: &mut Interner) -> DocumentWords {
        // Segmentation counted the words outside redaction marks: room for
        // them and a sixteenth more spares the regrowth of the largest vector.
        let expected = doc.words as usize;
        let mut words = Vec::with_capacity(expected + expected / 16);
        let sentences = doc.paragraphs.iter().map(|p| p.sentences.len()).sum();
        let mut word_ranges = Vec::with_capacity(sentences);
        let mut counts = Vec::with_capacity(sentences);
        let mut paragraph_sentences = Vec::with_capacity(doc.paragraphs.len());
        let mut lower = String::new();
        for paragraph in &doc.paragraphs {
            let first = word_ranges.len();
            for sentence in &paragraph.sentences {
                let from = words.len();
                let marks = redactions(&sentence.text);
                let mut mark = marks.iter().peekable();
                for (start, end) in word_spans(&sentence.text) {
                    while mark.peek().is_some_and(|m| m.end <= start) {
                        mark.next();
                    }
                    let redacted = mark.peek().is_some_and(|m| m.start < end);
                    let raw = &sentence.text[start..end];
                    let word = self.spelling(raw, &mut lower, interner);
                    words.push(WordAt::new(
                        start,
                        end,
                        word,
                        raw.starts_with(char::is_uppercase),
                        redacted,
                    ));
                }
                word_ranges.push(from..words.len());
                counts.push(words[from..].iter().filter(|w| !w.redacted()).count() as u32);
            }
            paragraph_sentences.push(first..word_ranges.len());
        }
        DocumentWords {
            words,
            sentences: word_ranges,
            counts,
            paragraph_sentences,
        }
    }

    /// The count vectors of `doc`'s sentences: their content terms and the
    /// phrases of adjacent ones (not across a redaction), interning phrases.
    fn terms(&mut self, doc: &DocumentWords) -> DocumentTerms {
        let mut sentences = Vec::with_capacity(doc.sentences.len());
        let mut sequence: Vec<TermId> = Vec::new();
        let mut term_counts: Vec<(TermId, f32)> = Vec::new();
        let mut phrases: Vec<PhraseId> = Vec::new();
        for range in &doc.sentences {
            phrases.clear();
            sequence.clear();
            // The term before, if no redaction lies between: phrases do not span one.
            let mut previous: Option<TermId> = None;
            for w in &doc.words[range.clone()] {
                if w.redacted() {
                    previous = None;
                    continue;
                }
                if let Some(term) = self.words[w.word() as usize].term {
                    if let Some(first) = previous {
                        let phrase = self.phrase(first, term);
                        phrases.push(phrase);
                    }
                    previous = Some(term);
                    sequence.push(term);
                }
            }
            phrases.sort_unstable();
            phrases.dedup();
            term_counts.clear();
            term_counts.extend(sequence.iter().map(|&t| (t, 1.0)));
            merge_entries(&mut term_counts, |a, b| a + b);
            sentences.push(WeightedTerms {
                entries: term_counts.clone(),
                bigrams: phrases.clone(),
                ..WeightedTerms::default()
            });
        }
        DocumentTerms {
            sentences,
            paragraph_sentences: doc.paragraph_sentences.clone(),
        }
    }
}

/// Turns a vector of term counts into tf-idf weights, in place.
fn weigh(mut v: WeightedTerms, vocabulary: &Vocabulary) -> WeightedTerms {
    v.mass = v
        .entries
        .iter()
        .map(|&(t, _)| vocabulary.terms[t as usize].idf)
        .sum();
    for (t, w) in &mut v.entries {
        *w = (1.0 + w.ln()) * vocabulary.terms[*t as usize].idf;
    }
    v.total = v.entries.iter().map(|&(_, w)| w).sum();
    v
}

impl DocumentTerms {
    /// Paragraph vectors (their sentences' counts added up), weighed; call
    /// before the sentences are weighed.
    fn paragraph_vectors(&self, vocabulary: &Vocabulary) -> Vec<WeightedTerms> {
        let mut counts: Vec<(TermId, f32)> = Vec::new();
        let mut phrases: Vec<PhraseId> = Vec::new();
        self.paragraph_sentences
            .iter()
            .map(|r| {
                counts.clear();
                phrases.clear();
                for s in &self.sentences[r.clone()] {
                    counts.extend_from_slice(&s.entries);
                    phrases.extend_from_slice(&s.bigrams);
                }
                merge_entries(&mut counts, |a, b| a + b);
                phrases.sort_unstable();
                phrases.dedup();
                weigh(
                    WeightedTerms {
                        entries: counts.clone(),
                        bigrams: phrases.clone(),
                        ..WeightedTerms::default()
                    },
                    vocabulary,
                )
            })
            .collect()
    }

    /// The sentence vectors, weighed.
    fn sentence_vectors(self, vocabulary: &Vocabulary) -> Vec<WeightedTerms> {
        self.sentences
            .into_iter()
            .map(|v| weigh(v, vocabulary))
            .collect()
    }

    fn sentence_paragraph(&self) -> Vec<u32> {
        let mut out = vec![0; self.sentences.len()];
        for (p, range) in self.paragraph_sentences.iter().enumerate() {
            out[range.clone()].fill(p as u32);
        }
        out
    }
}

impl Analysis {
    /// Builds sentence and paragraph vectors from both documents' tokens,
    /// terms weighed by inverse sentence frequency over both, and frees the
    /// word occurrences.
    pub fn new(tokens: Tokens) -> Self {
        let Tokens {
            mut vocabulary,
            summary_words,
            mut report_words,
        } = tokens;
        let summary_terms = vocabulary.terms(&summary_words);
        drop(summary_words);
        let report_terms = vocabulary.terms(&report_words);
        report_words.forget_words();
        let mut df = vec![0u32; vocabulary.terms.len()];
        for v in summary_terms
            .sentences
            .iter()
            .chain(&report_terms.sentences)
        {
            for &(t, _) in &v.entries {
                df[t as usize] += 1;
            }
        }
        let n = (summary_terms.sentences.len() + report_terms.sentences.len()) as f32;
        for (info, &df) in vocabulary.terms.iter_mut().zip(&df) {
            info.idf = (1.0 + n / df.max(1) as f32).ln();
        }
        Analysis {
            summary_paragraphs: summary_terms.paragraph_vectors(&vocabulary),
            report_paragraphs: report_terms.paragraph_vectors(&vocabulary),
            summary_sentence_paragraph: summary_terms.sentence_paragraph(),
            report_sentence_paragraph: report_terms.sentence_paragraph(),
            summary_sentences: summary_terms.sentence_vectors(&vocabulary),
            report_sentences: report_terms.sentence_vectors(&vocabulary),
            report_words,
            vocabulary,
        }
    }
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
        let lower: Vec<&str> = summary_ids
            .iter()
            .map(|&id| vocabulary.words[id as usize].lower.as_str())
            .collect();
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
}
