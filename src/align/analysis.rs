//! Analysis: the sentences and paragraphs of both documents as vectors of
//! terms weighed by how rare they are. Counting the terms and weighing the
//! vectors are split over the threads in ranges of sentences and of
//! paragraphs; numbering the phrases by first occurrence is the one serial
//! pass, which also allocates the vectors, on the calling thread, as they
//! outlive the step.

use std::ops::Range;

use crate::parallel::{map_two, ranges, split_mut};

use super::terms::{merge_entries, PhraseId, TermId, Vocabulary, WeightedTerms, WordId};
use super::tokens::{DocumentWords, Tokens, WordAt};
use super::word_pairs::WordPairs;

/// Sentences per range of counting: fewer are not worth a thread's hand-over.
const MIN_SENTENCES_PER_RANGE: usize = 64;
/// Paragraphs per range of weighing.
const MIN_PARAGRAPHS_PER_RANGE: usize = 16;
/// Ends a stretch of a term sequence that phrases may span: a sentence, or
/// its terms before a redaction.
const BREAK: TermId = TermId::MAX;

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
        vocabulary.word_pairs = WordPairs::of_summary(&summary_words, &vocabulary.words);
        let summary_paragraph_sentences = summary_words.paragraph_sentences.clone();
        let report_paragraph_sentences = report_words.paragraph_sentences.clone();
        let (summary_counted, report_counted) = map_two(
            Counted::parts(&summary_words),
            Counted::parts(&report_words),
            |(room, words, range)| room.count(&vocabulary, range.map(|s| words.of(s as u32))),
        );
        let (summary_count, report_count) = (summary_words.counts.len(), report_words.counts.len());
        drop(summary_words);
        report_words.forget_words();
        let mut df = vec![0u32; vocabulary.terms.len()];
        let mut summary_sentences =
            Counted::sentences(summary_counted, summary_count, &mut vocabulary, &mut df);
        let mut report_sentences =
            Counted::sentences(report_counted, report_count, &mut vocabulary, &mut df);
        let n = (summary_count + report_count) as f32;
        for (info, &df) in vocabulary.terms.iter_mut().zip(&df) {
            info.idf = (1.0 + n / df.max(1) as f32).ln();
        }
        let idf: Vec<f32> = vocabulary.terms.iter().map(|t| t.idf).collect();
        let phrases = vocabulary.phrases();
        let (summary_weighed, report_weighed) = map_two(
            Weighing::parts(&summary_paragraph_sentences, &mut summary_sentences),
            Weighing::parts(&report_paragraph_sentences, &mut report_sentences),
            |part| part.weigh(&idf, phrases),
        );
        Analysis {
            summary_paragraphs: paragraph_vectors(summary_weighed),
            report_paragraphs: paragraph_vectors(report_weighed),
            summary_sentence_paragraph: sentence_paragraph(&summary_paragraph_sentences),
            report_sentence_paragraph: sentence_paragraph(&report_paragraph_sentences),
            summary_sentences,
            report_sentences,
            report_words,
            vocabulary,
        }
    }
}

/// The paragraph of each sentence, from each paragraph's sentence range.
fn sentence_paragraph(paragraph_sentences: &[Range<usize>]) -> Vec<u32> {
    let mut out = vec![0; paragraph_sentences.last().map_or(0, |r| r.end)];
    for (p, range) in paragraph_sentences.iter().enumerate() {
        out[range.clone()].fill(p as u32);
    }
    out
}

/// The terms of a range of consecutive sentences, counted: what numbering
/// the phrases and building the vectors take.
struct Counted {
    /// Each sentence's term counts, sorted by term, one sentence after another.
    counts: Vec<(TermId, f32)>,
    /// Each sentence's content terms in order, every stretch that phrases
    /// may span (not across a redaction) ended by `BREAK`.
    sequence: Vec<TermId>,
    /// Each sentence's word pairs that the summary writes, as phrase ids.
    word_pairs: Vec<PhraseId>,
    /// Where each sentence's counts, sequence and word pairs end.
    ends: Vec<(u32, u32, u32)>,
}

impl Counted {
    /// The ranges of `doc`'s sentences counted at the same time, each with
    /// room for its counts allocated on the calling thread (where it is
    /// freed): about half of English words are content words, so room for
    /// five eighths of them and a break after each sentence seldom grows.
    fn parts(doc: &DocumentWords) -> Vec<(Self, &DocumentWords, Range<usize>)> {
        let sentences = ranges(doc.counts.len(), MIN_SENTENCES_PER_RANGE);
        sentences
            .into_iter()
            .map(|range| {
                let words: usize = range.clone().map(|s| doc.of(s as u32).len()).sum();
                let terms = words * 5 / 8;
                let room = Counted {
                    counts: Vec::with_capacity(terms),
                    sequence: Vec::with_capacity(terms + range.len()),
                    word_pairs: Vec::with_capacity(words / 4),
                    ends: Vec::with_capacity(range.len()),
                };
                (room, doc, range)
            })
            .collect()
    }

    /// Counts the terms of `sentences` into this room.
    fn count<'w>(
        mut self,
        vocabulary: &Vocabulary,
        sentences: impl Iterator<Item = &'w [WordAt]>,
    ) -> Self {
        let out = &mut self;
        let mut counts: Vec<(TermId, f32)> = Vec::new();
        for words in sentences {
            counts.clear();
            // Whether a term since the last break may open a phrase.
            let mut open = false;
            // The word before, unless redacted: it may open a word pair.
            let mut previous: Option<WordId> = None;
            for w in words {
                let word = (!w.redacted()).then(|| w.word());
                if let (Some(first), Some(second)) = (previous, word) {
                    if let Some(pair) = vocabulary.word_pairs.get(first, second) {
                        out.word_pairs.push(pair);
                    }
                }
                previous = word;
                if w.redacted() {
                    if open {
                        out.sequence.push(BREAK);
                        open = false;
                    }
                    continue;
                }
                if let Some(term) = vocabulary.words[w.word() as usize].term {
                    out.sequence.push(term);
                    counts.push((term, 1.0));
                    open = true;
                }
            }
            out.sequence.push(BREAK);
            merge_entries(&mut counts, |a, b| a + b);
            out.counts.extend_from_slice(&counts);
            out.ends.push((
                out.counts.len() as u32,
                out.sequence.len() as u32,
                out.word_pairs.len() as u32,
            ));
        }
        self
    }

    /// One document's sentence vectors of counts, from its `ranges` in
    /// order, numbering phrases on first sight (each sentence's are left in
    /// the order met, repeats too: `Weighing` drops them), and counting each term's
    /// sentences into `df`.
    fn sentences(
        ranges: Vec<Counted>,
        sentences: usize,
        vocabulary: &mut Vocabulary,
        df: &mut [u32],
    ) -> Vec<WeightedTerms> {
        let mut out = Vec::with_capacity(sentences);
        for range in ranges {
            let (mut counts_from, mut sequence_from, mut pairs_from) = (0, 0, 0);
            for &(counts_end, sequence_end, pairs_end) in &range.ends {
                let (counts_end, sequence_end, pairs_end) = (
                    counts_end as usize,
                    sequence_end as usize,
                    pairs_end as usize,
                );
                let counts = &range.counts[counts_from..counts_end];
                for &(t, _) in counts {
                    df[t as usize] += 1;
                }
                let pairs = range.sequence[sequence_from..sequence_end]
                    .windows(2)
                    .filter(|pair| pair[0] != BREAK && pair[1] != BREAK);
                let word_pairs = &range.word_pairs[pairs_from..pairs_end];
                let mut bigrams = Vec::with_capacity(pairs.clone().count() + word_pairs.len());
                bigrams.extend_from_slice(word_pairs);
                bigrams.extend(pairs.map(|pair| vocabulary.phrase(pair[0], pair[1])));
                out.push(WeightedTerms {
                    entries: counts.to_vec(),
                    bigrams,
                    ..WeightedTerms::default()
                });
                (counts_from, sequence_from, pairs_from) = (counts_end, sequence_end, pairs_end);
            }
        }
        out
    }
}

/// A range of paragraphs of one document to weigh, their sentences'
/// vectors of counts, and room for the paragraphs' vectors.
struct Weighing<'a> {
    /// Each paragraph's sentence-id range.
    paragraph_sentences: &'a [Range<usize>],
    /// The id of `sentences[0]`.
    first_sentence: usize,
    /// The vectors of the paragraphs' sentences.
    sentences: &'a mut [WeightedTerms],
    /// The paragraphs' vectors, weighed, one after another: the room is
    /// allocated on the calling thread, as `paragraph_vectors` copies them
    /// out there.
    paragraphs: Packed,
}

/// Vectors one after another.
struct Packed {
    entries: Vec<(TermId, f32)>,
    bigrams: Vec<PhraseId>,
    /// Where each vector's entries and bigrams end, and its mass and total.
    ends: Vec<(u32, u32, f32, f32)>,
}

impl<'a> Weighing<'a> {
    /// The ranges of paragraphs weighed at the same time, given each
    /// paragraph's sentence range and the sentences' vectors.
    fn parts(
        paragraph_sentences: &'a [Range<usize>],
        sentences: &'a mut [WeightedTerms],
    ) -> Vec<Self> {
        let paragraphs = ranges(paragraph_sentences.len(), MIN_PARAGRAPHS_PER_RANGE);
        let first = |p: usize| {
            paragraph_sentences
                .get(p)
                .map_or(sentences.len(), |r| r.start)
        };
        let sentence_ranges: Vec<Range<usize>> = paragraphs
            .iter()
            .map(|r| first(r.start)..first(r.end))
            .collect();
        let slices = split_mut(sentences, &sentence_ranges, 1);
        paragraphs
            .into_iter()
            .zip(sentence_ranges)
            .zip(slices)
            .map(|((paragraphs, sentence_range), sentences)| {
                // A paragraph holds at most its sentences' terms and phrases.
                let entries = sentences.iter().map(|s| s.entries.len()).sum();
                let bigrams = sentences.iter().map(|s| s.bigrams.len()).sum();
                Weighing {
                    paragraph_sentences: &paragraph_sentences[paragraphs.clone()],
                    first_sentence: sentence_range.start,
                    sentences,
                    paragraphs: Packed {
                        entries: Vec::with_capacity(entries),
                        bigrams: Vec::with_capacity(bigrams),
                        ends: Vec::with_capacity(paragraphs.len()),
                    },
                }
            })
            .collect()
    }

    /// Keeps each of a sentence's phrases once, adds up each paragraph's
    /// vector of counts from its sentences' and weighs it, then weighs the
    /// sentences. `phrases` is how many phrases the vocabulary holds.
    fn weigh(self, idf: &[f32], phrases: usize) -> Packed {
        let Weighing {
            paragraph_sentences,
            first_sentence,
            sentences,
            mut paragraphs,
        } = self;
        let mut counts: Vec<(TermId, f32)> = Vec::new();
        // Phrases are only ever counted or looked up, never merged: marking
        // them seen keeps each once, in the order first met, for less than
        // sorting them cost.
        let mut seen = vec![false; phrases];
        let mut phrases: Vec<PhraseId> = Vec::new();
        for range in paragraph_sentences {
            let sentences =
                &mut sentences[range.start - first_sentence..range.end - first_sentence];
            counts.clear();
            phrases.clear();
            for s in sentences.iter_mut() {
                s.bigrams
                    .retain(|&p| !std::mem::replace(&mut seen[p as usize], true));
                for &p in &s.bigrams {
                    seen[p as usize] = false;
                }
                counts.extend_from_slice(&s.entries);
            }
            for s in sentences.iter() {
                for &p in &s.bigrams {
                    if !std::mem::replace(&mut seen[p as usize], true) {
                        phrases.push(p);
                    }
                }
            }
            for &p in &phrases {
                seen[p as usize] = false;
            }
            merge_entries(&mut counts, |a, b| a + b);
            let (mass, total) = weigh(&mut counts, idf);
            paragraphs.entries.extend_from_slice(&counts);
            paragraphs.bigrams.extend_from_slice(&phrases);
            paragraphs.ends.push((
                paragraphs.entries.len() as u32,
                paragraphs.bigrams.len() as u32,
                mass,
                total,
            ));
            for s in sentences {
                (s.mass, s.total) = weigh(&mut s.entries, idf);
            }
        }
        paragraphs
    }
}

/// Turns term counts into tf-idf weights in place: the vector's mass (the
/// sum of its terms' idf) and total (the sum of its weights).
fn weigh(entries: &mut [(TermId, f32)], idf: &[f32]) -> (f32, f32) {
    let mass = entries.iter().map(|&(t, _)| idf[t as usize]).sum();
    for (t, w) in entries.iter_mut() {
        *w = (1.0 + w.ln()) * idf[*t as usize];
    }
    (mass, entries.iter().map(|&(_, w)| w).sum())
}

/// One document's paragraph vectors, copied out of the weighed ranges.
fn paragraph_vectors(ranges: Vec<Packed>) -> Vec<WeightedTerms> {
    let mut out = Vec::with_capacity(ranges.iter().map(|p| p.ends.len()).sum());
    for packed in ranges {
        let (mut entries_from, mut bigrams_from) = (0, 0);
        for &(entries_end, bigrams_end, mass, total) in &packed.ends {
            let (entries_end, bigrams_end) = (entries_end as usize, bigrams_end as usize);
            out.push(WeightedTerms {
                entries: packed.entries[entries_from..entries_end].to_vec(),
                bigrams: packed.bigrams[bigrams_from..bigrams_end].to_vec(),
                mass,
                total,
            });
            (entries_from, bigrams_from) = (entries_end, bigrams_end);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::align::split_sample::{on_threads, split_sample};
    use crate::segment::segment;

    /// A report sentence that keeps the summary's wording shares its word
    /// pairs as phrases; one that uses the same words in another
    /// construction shares none, and neither does a pair the summary writes
    /// in most of its sentences.
    #[test]
    fn word_pairs_the_summary_writes_are_shared_phrases() {
        let summary = segment(
            "The court sentenced him to prison. The court heard the case. The court closed.\n",
        );
        let report = segment(
            "The judge sentenced him to prison for life. A prison sentence followed him.\n",
        );
        let analysis = Analysis::new(Tokens::new(&summary, &report));
        let first = &analysis.summary_sentences[0].bigrams;
        let shared = |r: usize| {
            let phrases = &analysis.report_sentences[r].bigrams;
            phrases.iter().filter(|p| first.contains(p)).count()
        };
        // "sentenced him" and "to prison", and the terms "sentenc prison";
        // not "the court" (in every summary sentence) nor "him to".
        assert_eq!(shared(0), 3);
        assert_eq!(shared(1), 0);
        // court–sentenc, sentenc–prison; court sentenced, sentenced him, to prison.
        assert_eq!(first.len(), 5, "{first:?}");
    }

    /// Counting and weighing in ranges give the vectors one pass gives, with
    /// phrases numbered alike.
    #[test]
    fn vectors_do_not_depend_on_how_the_work_is_split() {
        let (summary, report) = split_sample();
        let vectors = |threads: usize| {
            on_threads(threads, || {
                let analysis = Analysis::new(Tokens::new(&summary, &report));
                let each = |vectors: &[WeightedTerms]| -> Vec<_> {
                    vectors
                        .iter()
                        .map(|v| (v.entries.clone(), v.bigrams.clone(), v.mass, v.total))
                        .collect()
                };
                (
                    each(&analysis.summary_sentences),
                    each(&analysis.report_sentences),
                    each(&analysis.summary_paragraphs),
                    each(&analysis.report_paragraphs),
                    analysis.report_sentence_paragraph.clone(),
                    analysis.vocabulary.phrases(),
                )
            })
        };
        let whole = vectors(1);
        // Enough paragraphs and sentences for several ranges, and phrases.
        assert!(whole.3.len() >= 4 * MIN_PARAGRAPHS_PER_RANGE);
        assert!(whole.1.len() >= 4 * MIN_SENTENCES_PER_RANGE);
        assert!(whole.5 > 20, "{}", whole.5);
        assert!(vectors(4) == whole, "four threads and one differ");
    }
}
