//! Terms: the stemmed content words and numbers of each sentence, interned
//! once for both documents and weighted by how rare they are.

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use crate::model::Document;
use crate::text::{tokenize, TokenClass};

/// Index of a term in the shared vocabulary.
pub type TermId = u32;

/// What kind of evidence a term is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A content word, stemmed.
    Word,
    /// A number, kept verbatim.
    Number,
}

/// One interned term.
#[derive(Debug, Clone)]
pub struct TermInfo {
    /// The first spelling seen, lower-cased, for explanations.
    pub surface: String,
    /// Inverse sentence frequency across both documents.
    pub idf: f32,
}

/// The terms of both documents, so summary and report words meet as equal ids.
pub struct Vocabulary {
    stemmer: Stemmer,
    by_word: FxHashMap<String, TermId>,
    by_stem: FxHashMap<String, TermId>,
    /// Every term, indexed by id.
    pub terms: Vec<TermInfo>,
}

/// Sparse term weights, sorted by term id: a sentence or paragraph as a vector.
#[derive(Debug, Clone, Default)]
pub struct WeightedTerms {
    /// (term, weight) sorted by term.
    pub entries: Vec<(TermId, f32)>,
    /// Euclidean norm of the weights.
    pub norm: f32,
    /// Sum of the idf of the distinct terms: the sentence's content mass.
    pub mass: f32,
}

impl WeightedTerms {
    /// Weight of `term`, or 0.
    pub fn get(&self, term: TermId) -> f32 {
        self.entries
            .binary_search_by_key(&term, |&(t, _)| t)
            .map_or(0.0, |i| self.entries[i].1)
    }

    /// Whether `term` occurs.
    pub fn contains(&self, term: TermId) -> bool {
        self.entries
            .binary_search_by_key(&term, |&(t, _)| t)
            .is_ok()
    }

    /// Terms both vectors share, in term order.
    pub fn shared<'a>(&'a self, other: &'a WeightedTerms) -> impl Iterator<Item = TermId> + 'a {
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < self.entries.len() && j < other.entries.len() {
                let (a, b) = (self.entries[i].0, other.entries[j].0);
                match a.cmp(&b) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        i += 1;
                        j += 1;
                        return Some(a);
                    }
                }
            }
            None
        })
    }

    /// Cosine similarity of two vectors.
    pub fn cosine(&self, other: &WeightedTerms) -> f32 {
        if self.norm == 0.0 || other.norm == 0.0 {
            return 0.0;
        }
        let dot: f32 = self.shared(other).map(|t| self.get(t) * other.get(t)).sum();
        dot / (self.norm * other.norm)
    }
}

/// One document's sentences as term lists, before weighting.
struct DocumentTerms {
    /// Term occurrence counts of each sentence, by sentence id.
    sentences: Vec<Vec<(TermId, u32)>>,
    /// Sentence-id range of each paragraph.
    paragraph_sentences: Vec<std::ops::Range<usize>>,
}

/// Both documents analysed against one vocabulary, with tf-idf vectors ready.
pub struct Analysis {
    /// The shared vocabulary with idf weights.
    pub vocabulary: Vocabulary,
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

impl Vocabulary {
    fn new() -> Self {
        Vocabulary {
            stemmer: Stemmer::create(Algorithm::English),
            by_word: FxHashMap::default(),
            by_stem: FxHashMap::default(),
            terms: Vec::new(),
        }
    }

    /// The term id of a lower-cased word, interning it on first sight.
    fn intern(&mut self, lower: &str, kind: TermKind) -> TermId {
        if let Some(&id) = self.by_word.get(lower) {
            return id;
        }
        let key = match kind {
            TermKind::Word => self.stemmer.stem(lower).into_owned(),
            TermKind::Number => lower.replace(',', ""),
        };
        let next = self.terms.len() as TermId;
        let id = *self.by_stem.entry(key).or_insert(next);
        if id == next {
            self.terms.push(TermInfo {
                surface: lower.to_string(),
                idf: 0.0,
            });
        }
        self.by_word.insert(lower.to_string(), id);
        id
    }

    fn document(&mut self, doc: &Document) -> DocumentTerms {
        let mut sentences = Vec::new();
        let mut paragraph_sentences = Vec::with_capacity(doc.paragraphs.len());
        for paragraph in &doc.paragraphs {
            let first = sentences.len();
            for sentence in &paragraph.sentences {
                let mut counts: Vec<(TermId, u32)> = Vec::new();
                for token in tokenize(&sentence.text) {
                    let kind = match token.class {
                        TokenClass::Stop => continue,
                        TokenClass::Number => TermKind::Number,
                        TokenClass::Word if token.lower.chars().count() < 2 => continue,
                        TokenClass::Word => TermKind::Word,
                    };
                    counts.push((self.intern(&token.lower, kind), 1));
                }
                counts.sort_unstable_by_key(|&(t, _)| t);
                counts.dedup_by(|b, a| {
                    if a.0 == b.0 {
                        a.1 += b.1;
                        true
                    } else {
                        false
                    }
                });
                sentences.push(counts);
            }
            paragraph_sentences.push(first..sentences.len());
        }
        DocumentTerms {
            sentences,
            paragraph_sentences,
        }
    }
}

fn weigh(counts: &[(TermId, u32)], vocabulary: &Vocabulary) -> WeightedTerms {
    let entries: Vec<(TermId, f32)> = counts
        .iter()
        .map(|&(t, n)| {
            (
                t,
                (1.0 + (n as f32).ln()) * vocabulary.terms[t as usize].idf,
            )
        })
        .collect();
    let norm = entries.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
    let mass = counts
        .iter()
        .map(|&(t, _)| vocabulary.terms[t as usize].idf)
        .sum();
    WeightedTerms {
        entries,
        norm,
        mass,
    }
}

fn merge_counts(parts: &[Vec<(TermId, u32)>]) -> Vec<(TermId, u32)> {
    let mut all: Vec<(TermId, u32)> = parts.iter().flatten().copied().collect();
    all.sort_unstable_by_key(|&(t, _)| t);
    all.dedup_by(|b, a| {
        if a.0 == b.0 {
            a.1 += b.1;
            true
        } else {
            false
        }
    });
    all
}

impl Analysis {
    /// Analyses both documents: interns terms, weighs them by inverse sentence
    /// frequency over both, and builds sentence and paragraph vectors.
    pub fn new(summary: &Document, report: &Document) -> Self {
        let mut vocabulary = Vocabulary::new();
        let summary_terms = vocabulary.document(summary);
        let report_terms = vocabulary.document(report);
        let mut df = vec![0u32; vocabulary.terms.len()];
        for sentence in summary_terms
            .sentences
            .iter()
            .chain(&report_terms.sentences)
        {
            for &(t, _) in sentence {
                df[t as usize] += 1;
            }
        }
        let n = (summary_terms.sentences.len() + report_terms.sentences.len()) as f32;
        for (info, &df) in vocabulary.terms.iter_mut().zip(&df) {
            info.idf = (1.0 + n / df.max(1) as f32).ln();
        }
        let sentence_vectors = |terms: &DocumentTerms| -> Vec<WeightedTerms> {
            terms
                .sentences
                .iter()
                .map(|c| weigh(c, &vocabulary))
                .collect()
        };
        let paragraph_vectors = |terms: &DocumentTerms| -> Vec<WeightedTerms> {
            terms
                .paragraph_sentences
                .iter()
                .map(|r| weigh(&merge_counts(&terms.sentences[r.clone()]), &vocabulary))
                .collect()
        };
        let sentence_paragraph = |terms: &DocumentTerms| -> Vec<u32> {
            let mut out = vec![0; terms.sentences.len()];
            for (p, range) in terms.paragraph_sentences.iter().enumerate() {
                out[range.clone()].fill(p as u32);
            }
            out
        };
        Analysis {
            summary_sentences: sentence_vectors(&summary_terms),
            report_sentences: sentence_vectors(&report_terms),
            summary_paragraphs: paragraph_vectors(&summary_terms),
            report_paragraphs: paragraph_vectors(&report_terms),
            summary_sentence_paragraph: sentence_paragraph(&summary_terms),
            report_sentence_paragraph: sentence_paragraph(&report_terms),
            vocabulary,
        }
    }
}
