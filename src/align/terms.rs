//! Terms: the vocabulary of both documents' words, the stemmed content
//! words and numbers weighted by how rare they are.

use std::borrow::Cow;
use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};
use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::parallel::map_each;
use crate::spellings::Spellings;
use crate::text::{classify, lower_word, too_short, word_spans, TokenClass};

use super::word_pairs::WordPairs;

/// New words per range of work split over threads when their classes and
/// stems are worked out.
const MIN_WORDS_PER_RANGE: usize = 256;

/// Index of a term (a stem or a number) in the shared vocabulary.
pub type TermId = u32;
/// Index of a distinct lower-cased word in the shared vocabulary.
pub type WordId = u32;
/// Index of a phrase (an ordered pair of adjacent terms, or of adjacent
/// words as written) in the shared vocabulary.
pub type PhraseId = u32;

/// One interned term.
#[derive(Debug, Clone)]
pub struct TermInfo {
    /// The word first seen for it, whose spelling explanations show.
    pub word: WordId,
    /// Inverse sentence frequency across both documents.
    pub idf: f32,
}

/// One distinct lower-cased word (its form is `Vocabulary::lower`).
#[derive(Debug, Clone)]
pub struct WordInfo {
    /// Word, stop word or number.
    pub class: TokenClass,
    /// The term it counts as, if it carries content.
    pub term: Option<TermId>,
}

/// What a new word is, worked out apart from the interning.
struct Described<'a> {
    class: TokenClass,
    /// The key its term is interned by (a stem, a number without commas),
    /// if it carries content.
    key: Option<Cow<'a, str>>,
}

impl Default for Described<'_> {
    /// A stop word, which is no term.
    fn default() -> Self {
        Described {
            class: TokenClass::Stop,
            key: None,
        }
    }
}

impl<'a> Described<'a> {
    fn of(lower: &'a str, stemmer: &Stemmer) -> Self {
        let class = classify(lower);
        let key = match class {
            TokenClass::Stop => None,
            TokenClass::Word if too_short(lower) => None,
            TokenClass::Word => Some(stemmer.stem(lower)),
            TokenClass::Number => Some(Cow::Owned(lower.replace(',', ""))),
        };
        Described { class, key }
    }
}

/// Words, terms and phrases of both documents, so summary and report words
/// meet as equal ids.
pub struct Vocabulary {
    /// Each distinct lower-cased word, for words read again.
    by_lower: WordTable,
    by_pair: FxHashMap<(TermId, TermId), PhraseId>,
    /// The summary's word pairs, numbered before the phrases of terms: only
    /// a pair the summary writes can be shared.
    pub(super) word_pairs: WordPairs,
    /// Every distinct word, indexed by id.
    pub words: Vec<WordInfo>,
    /// The lower-cased form of every word, by id.
    lowers: Spellings,
    /// Every term, indexed by id.
    pub terms: Vec<TermInfo>,
}

/// The id of each distinct lower-cased word, found by its spelling in the
/// vocabulary's `Spellings`: a table of ids holds no second copy of the
/// words, which would cost an allocation each to make and to free.
#[derive(Default)]
struct WordTable(HashTable<WordId>);

impl WordTable {
    /// The id of `lower`, adding it to `spellings` on first sight.
    fn intern(&mut self, spellings: &mut Spellings, lower: &str) -> WordId {
        let hash = FxBuildHasher.hash_one(lower);
        let entry = self.0.entry(
            hash,
            |&id| spellings.get(id) == lower,
            |&id| FxBuildHasher.hash_one(spellings.get(id)),
        );
        match entry {
            Entry::Occupied(found) => *found.get(),
            Entry::Vacant(room) => *room.insert(spellings.push(lower)).get(),
        }
    }

    /// The id of `lower`, if either document writes it.
    fn find(&self, spellings: &Spellings, lower: &str) -> Option<WordId> {
        let hash = FxBuildHasher.hash_one(lower);
        self.0.find(hash, |&id| spellings.get(id) == lower).copied()
    }
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
    /// Distinct phrases (adjacent content-term pairs, and the word pairs the
    /// summary writes, whose ids come first): shared phrases are stronger
    /// evidence than shared words. In the order first met: they are only
    /// ever counted or looked up.
    pub bigrams: Vec<PhraseId>,
}

impl WeightedTerms {
    /// Whether `term` occurs.
    pub fn contains(&self, term: TermId) -> bool {
        self.entries
            .binary_search_by_key(&term, |&(t, _)| t)
            .is_ok()
    }
}

/// Sorts the `(id, value)` pairs of `entries` by id and folds duplicates with `add`.
pub(super) fn merge_entries<T: Copy>(entries: &mut Vec<(TermId, T)>, add: impl Fn(T, T) -> T) {
    entries.sort_unstable_by_key(|&(t, _)| t);
    entries.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = add(kept.1, later.1);
        }
        same
    });
}

impl Vocabulary {
    /// The vocabulary of `runs` of lower-cased words, taken in document
    /// order, and the word id of each run's words: words and terms are
    /// numbered by first occurrence, as if one pass had read them all. The
    /// class and stem of each new word, the costly part, are worked out at
    /// the same time over the threads.
    pub(super) fn of_runs<'a>(
        runs: impl Iterator<Item = impl Iterator<Item = &'a str>>,
    ) -> (Self, Vec<Vec<WordId>>) {
        let mut by_lower = WordTable::default();
        let mut spellings = Spellings::default();
        let ids = runs
            .map(|run| {
                run.map(|lower| by_lower.intern(&mut spellings, lower))
                    .collect()
            })
            .collect();
        let (classes, keys): (Vec<TokenClass>, Vec<Option<Cow<str>>>) = map_each(
            spellings.len(),
            MIN_WORDS_PER_RANGE,
            || Stemmer::create(Algorithm::English),
            |stemmer, i| Described::of(spellings.get(i as WordId), stemmer),
        )
        .into_iter()
        .map(|d| (d.class, d.key))
        .unzip();
        let mut terms = Vec::new();
        let mut by_key: FxHashMap<Cow<str>, TermId> = FxHashMap::default();
        let words = keys
            .into_iter()
            .zip(classes)
            .enumerate()
            .map(|(word, (key, class))| {
                let term = key.map(|key| {
                    let next = terms.len() as TermId;
                    *by_key.entry(key).or_insert_with(|| {
                        terms.push(TermInfo {
                            word: word as WordId,
                            idf: 0.0,
                        });
                        next
                    })
                });
                WordInfo { class, term }
            })
            .collect();
        // The keys borrow the spellings, which the vocabulary now takes.
        drop(by_key);
        let vocabulary = Vocabulary {
            by_lower,
            by_pair: FxHashMap::default(),
            word_pairs: WordPairs::default(),
            words,
            lowers: spellings,
            terms,
        };
        (vocabulary, ids)
    }

    /// The id of the lower-cased word `lower`, if either document writes it.
    pub fn word_id(&self, lower: &str) -> Option<WordId> {
        self.by_lower.find(&self.lowers, lower)
    }

    /// The lower-cased form of `word`.
    pub fn lower(&self, word: WordId) -> &str {
        self.lowers.get(word)
    }

    /// The lower-cased form of `term`'s first word, what it is matched as.
    pub fn surface(&self, term: TermId) -> &str {
        self.lower(self.terms[term as usize].word)
    }

    /// How many of the phrases are word pairs: their ids come first.
    pub fn word_pairs(&self) -> usize {
        self.word_pairs.len()
    }

    /// How many distinct phrases both documents hold.
    pub fn phrases(&self) -> usize {
        self.word_pairs.len() + self.by_pair.len()
    }

    /// The ids and byte spans of the words of `text`, a sentence of either
    /// document, as `Tokens::new` found them: word diffs run after the word
    /// occurrences are freed, and re-read the few sentences they need.
    pub fn sentence_words(
        &self,
        text: &str,
        ids: &mut Vec<WordId>,
        spans: &mut Vec<(usize, usize)>,
    ) {
        ids.clear();
        spans.clear();
        let mut lower = String::new();
        for (start, end) in word_spans(text) {
            lower_word(&text[start..end], &mut lower);
            ids.push(
                self.word_id(&lower)
                    .expect("every sentence's words are in the vocabulary"),
            );
            spans.push((start, end));
        }
    }

    /// The id of the phrase "`first` then `second`", interning it on first sight.
    pub(super) fn phrase(&mut self, first: TermId, second: TermId) -> PhraseId {
        let next = self.phrases() as PhraseId;
        *self.by_pair.entry((first, second)).or_insert(next)
    }
}
