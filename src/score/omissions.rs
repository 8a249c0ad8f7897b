//! Omissions: runs of omitted report sentences, weighed by the distinctive
//! content they carry that the summary never mentions.

use std::ops::Range;
use std::sync::Arc;

use super::facts::citation_words;
use crate::align::{Analysis, Casing, Spread, TermId, Tokens, WordId};
use crate::model::{Document, Fact, Omission, Paragraph, Sentence, Status};
use crate::parallel::map_each;
use crate::segment::is_honorific;
use crate::spellings::Spellings;

/// How many key terms each omission lists.
const KEY_TERMS: usize = 6;
/// Characters of preview text per omission.
const PREVIEW_CHARS: usize = 200;
/// Weight of a dropped fact relative to one unit of idf.
const FACT_WEIGHT: f32 = 2.0;
/// Numbers count less than words: in reports many are references (pages, sections, citations).
const NUMBER_DISCOUNT: f32 = 0.3;
/// Terms the summary uses elsewhere count less than terms it never uses.
const SHARED_DISCOUNT: f32 = 0.25;
/// Passages per range of work split over threads.
const MIN_RUNS_PER_RANGE: usize = 16;

/// The terms each report sentence uses only inside legal citations ("United
/// States v. Aguilar"), as (sentence id, term) pairs in order: 8 bytes a
/// term, where a set per sentence cost a hash table each. Taken while the
/// word occurrences are still there: omissions are found after they are
/// freed.
#[derive(Default)]
pub struct CitedOnly {
    pairs: Vec<(u32, TermId)>,
}

impl CitedOnly {
    /// The terms sentence `id` uses only inside citations, in term order:
    /// none for most sentences.
    fn of(&self, id: u32) -> impl Iterator<Item = TermId> + '_ {
        let from = self.pairs.partition_point(|&(s, _)| s < id);
        self.pairs[from..]
            .iter()
            .take_while(move |&&(s, _)| s == id)
            .map(|&(_, term)| term)
    }

    /// Whether sentence `id` uses `term` only inside citations.
    fn contains(&self, id: u32, term: TermId) -> bool {
        self.pairs.binary_search(&(id, term)).is_ok()
    }
}

/// Finds the `CitedOnly` terms of `report`'s sentences.
pub fn cited_only_terms(report: &Document, tokens: &Tokens) -> CitedOnly {
    let mut out = CitedOnly::default();
    // Each content word's term, and 1 if that occurrence is in a citation,
    // else 0: pairs of u32 sort with the sort the facts below already use
    // (each sort is kilobytes of WebAssembly).
    let mut uses: Vec<(TermId, u32)> = Vec::new();
    for s in report.paragraphs.iter().flat_map(|p| &p.sentences) {
        let words = tokens.report_words.of(s.id);
        let cited = citation_words(words, &s.text);
        // Most sentences cite nothing, and have no term to sort out.
        if !cited.contains(&true) {
            continue;
        }
        uses.clear();
        uses.extend(words.iter().zip(cited).filter_map(|(w, in_citation)| {
            let term = tokens.vocabulary.words[w.word() as usize].term?;
            Some((term, u32::from(in_citation)))
        }));
        // By term, uses outside citations first: a term is cited only when
        // its first use is in a citation.
        uses.sort_unstable();
        uses.dedup_by_key(|&mut (term, _)| term);
        out.pairs.extend(
            uses.iter()
                .filter(|&&(_, in_citation)| in_citation == 1)
                .map(|&(term, _)| (s.id, term)),
        );
    }
    out
}

/// How report sentences write the terms they spell otherwise than the
/// term's shown spelling (its first word's in either document, maybe a rare
/// inflection: "texted" for the "text" a legal passage keeps quoting), as
/// (sentence id, term, word) in sentence and word order, the first such
/// word of each term in each sentence (a sentence's few are searched in
/// turn: sorting them would cost a sort's code in the WebAssembly module).
/// Taken while the word occurrences are still there, so an omission's key
/// terms are written as its passage writes them, in the case the documents
/// write them (`shown`, by word id).
pub struct OwnSpellings {
    entries: Vec<(u32, TermId, WordId)>,
    shown: Arc<Spellings>,
}

impl OwnSpellings {
    /// How sentence `id` writes `term`, if not (only) as the term's shown spelling.
    fn of(&self, id: u32, term: TermId) -> Option<WordId> {
        let from = self.entries.partition_point(|&(s, _, _)| s < id);
        self.entries[from..]
            .iter()
            .take_while(|&&(s, _, _)| s == id)
            .find(|&&(_, t, _)| t == term)
            .map(|&(_, _, word)| word)
    }
}

/// Finds the `OwnSpellings` of the report's sentences; `casing` shows the words.
pub fn own_spellings(tokens: &Tokens, casing: &Casing) -> OwnSpellings {
    let vocabulary = &tokens.vocabulary;
    // The term of each word not spelled as its term is shown: the few words
    // that need more than a look-up.
    let other_spelling: Vec<Option<TermId>> = (vocabulary.words.iter().enumerate())
        .map(|(word, info)| {
            info.term
                .filter(|&t| vocabulary.terms[t as usize].word != word as WordId)
        })
        .collect();
    let mut out = OwnSpellings {
        entries: Vec::new(),
        shown: Arc::clone(casing.shown()),
    };
    // The last sentence that wrote each term otherwise: its first word counts.
    let mut last_seen = vec![u32::MAX; vocabulary.terms.len()];
    for (id, words) in (0u32..).zip(tokens.report_words.sentences()) {
        for w in words {
            let word = w.word();
            if let Some(term) = other_spelling[word as usize] {
                if std::mem::replace(&mut last_seen[term as usize], id) != id {
                    out.entries.push((id, term, word));
                }
            }
        }
    }
    out
}

/// Omitted passages of `report`, weightiest first; `dropped` are the
/// report's facts the summary lacks. `spread` is an empty spread over the
/// vocabulary; ranges of passages, weighed at the same time where threads
/// allow, each work on a copy.
pub fn find_omissions(
    report: &Document,
    analysis: &Analysis,
    dropped: &[Fact],
    cited_only: &CitedOnly,
    spellings: &OwnSpellings,
    spread: &Spread,
) -> Vec<Omission> {
    let traits = term_traits(analysis);
    let mut facts_by_sentence: Vec<(u32, u32)> = dropped
        .iter()
        .enumerate()
        .flat_map(|(f, fact)| fact.occurrences.iter().map(move |o| (o.sentence, f as u32)))
        .collect();
    facts_by_sentence.sort_unstable();
    let facts_by_sentence = FactsBySentence {
        pairs: facts_by_sentence,
        facts: dropped,
    };
    // Each run of omitted sentences in body text: its paragraph and sentences.
    let mut runs: Vec<(&Paragraph, Range<usize>)> = Vec::new();
    for p in &report.paragraphs {
        if !p.kind.is_body() {
            continue;
        }
        let mut start = None;
        for (i, s) in p.sentences.iter().enumerate() {
            let omitted = s.status == Some(Status::Omitted);
            if omitted && start.is_none() {
                start = Some(i);
            }
            let end = if omitted { i + 1 } else { i };
            if !omitted || end == p.sentences.len() {
                if let Some(start) = start.take() {
                    runs.push((p, start..end));
                }
            }
        }
    }
    // The term work at the same time where threads allow; the texts after,
    // on this thread, so the result's memory stays where it can be reused.
    let weighed = map_each(
        runs.len(),
        MIN_RUNS_PER_RANGE,
        || spread.clone(),
        |spread, r| {
            let (p, run) = &runs[r];
            weigh_terms(
                &p.sentences[run.clone()],
                analysis,
                spread,
                &traits,
                cited_only,
            )
        },
    );
    let found = Found {
        analysis,
        spellings,
        facts: &facts_by_sentence,
    };
    let mut out: Vec<Omission> = runs
        .iter()
        .zip(weighed)
        .map(|((p, run), terms)| passage(p, run.clone(), terms, &found))
        .collect();
    // Passages are in document order, so ties on weight and start fall back
    // to it, as a stable sort would, without its buffer of whole omissions.
    out.sort_unstable_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then(a.start.cmp(&b.start))
            .then(a.sentences[0].cmp(&b.sentences[0]))
    });
    for (i, o) in out.iter_mut().enumerate() {
        o.rank = i as u32 + 1;
    }
    out
}

/// Which dropped facts occur in each sentence: (sentence, fact index) pairs
/// in order, 8 bytes an occurrence instead of a map of small vectors.
struct FactsBySentence<'a> {
    pairs: Vec<(u32, u32)>,
    facts: &'a [Fact],
}

impl FactsBySentence<'_> {
    /// Texts of the dropped facts in sentence `id`, in fact order.
    fn of(&self, id: u32) -> impl Iterator<Item = &str> {
        let from = self.pairs.partition_point(|&(s, _)| s < id);
        self.pairs[from..]
            .iter()
            .take_while(move |&&(s, _)| s == id)
            .map(|&(_, f)| self.facts[f as usize].text.as_str())
    }
}

/// What the terms of a passage weigh and the ones to show: plain numbers,
/// so ranges of passages can be weighed on other threads.
#[derive(Debug, Default, Clone, Copy)]
struct TermWeight {
    weight: f32,
    key_terms: [TermId; KEY_TERMS],
    key_len: usize,
}

/// What weighing a passage needs to know of a term, worked out once per
/// term rather than at each of its uses in every passage.
#[derive(Debug, Default, Clone, Copy)]
struct TermTraits {
    /// The summary uses it.
    in_summary: bool,
    /// A number, or a code with digits ("s6550" of a page "S6550"): it
    /// counts less, in reports many are references.
    numeric: bool,
    /// Longer than any word: OCR's debris, which weighs nothing.
    debris: bool,
    /// It may be shown as a key term: not a contraction ("we've") or a
    /// person's title ("sen" of "Sen. Lott"), which say nothing on their own.
    shown: bool,
}

/// The [`TermTraits`] of every term of the two documents.
fn term_traits(analysis: &Analysis) -> Vec<TermTraits> {
    let mut traits: Vec<TermTraits> = (0..analysis.vocabulary.terms.len())
        .map(|t| {
            let surface = analysis.vocabulary.surface(t as TermId);
            let numeric = surface.bytes().any(|b| b.is_ascii_digit());
            TermTraits {
                in_summary: false,
                numeric,
                debris: surface.len() > LONGEST_WORD,
                shown: !numeric
                    && surface.chars().count() > 2
                    && !is_contraction(surface)
                    && !is_honorific(surface),
            }
        })
        .collect();
    for s in &analysis.summary_sentences {
        for &(t, _) in &s.entries {
            traits[t as usize].in_summary = true;
        }
    }
    traits
}

/// The [`TermWeight`] of a run of omitted sentences.
fn weigh_terms(
    sentences: &[Sentence],
    analysis: &Analysis,
    spread: &mut Spread,
    traits: &[TermTraits],
    cited_only: &CitedOnly,
) -> TermWeight {
    let passage = spread.sum(
        sentences
            .iter()
            .map(|s| &analysis.report_sentences[s.id as usize]),
    );
    // Terms every sentence of the passage that uses them uses only inside
    // citations: case names say which authority is cited, not what
    // happened. Most passages have none, so this list is short or empty.
    let cited: Vec<TermId> = sentences
        .iter()
        .flat_map(|s| cited_only.of(s.id))
        .filter(|&t| {
            sentences.iter().all(|s| {
                !analysis.report_sentences[s.id as usize].contains(t)
                    || cited_only.contains(s.id, t)
            })
        })
        .collect();
    let mut weight = 0.0;
    let mut fresh: Vec<(u32, f32)> = Vec::new();
    for &(t, w) in passage.entries.iter().filter(|(t, _)| !cited.contains(t)) {
        let term = traits[t as usize];
        if term.debris {
            continue;
        }
        let idf = analysis.vocabulary.terms[t as usize].idf;
        let idf = if term.numeric {
            NUMBER_DISCOUNT * idf
        } else {
            idf
        };
        if term.in_summary {
            weight += SHARED_DISCOUNT * idf;
        } else {
            weight += idf;
            if term.shown {
                fresh.push((t, w));
            }
        }
    }
    fresh.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = TermWeight {
        weight,
        ..TermWeight::default()
    };
    for &(t, _) in fresh.iter().take(KEY_TERMS) {
        out.key_terms[out.key_len] = t;
        out.key_len += 1;
    }
    out
}

/// Longest term, in bytes, that weighs in an omission: longer "words" are
/// OCR's debris (lines of side-by-side columns read as one,
/// "owuhtetahnyeorntehien…"), which would otherwise weigh as the rarest
/// terms of all and rank garbled passages first. English words this long
/// are vanishingly rare ("internationalization" has 20 letters).
const LONGEST_WORD: usize = 20;

/// A pronoun or verb contracted with its auxiliary ("we've", "we'll",
/// "didn't"): it counts as a term, but tells a reader nothing as a key term.
fn is_contraction(surface: &str) -> bool {
    ["'ve", "'ll", "'re", "'d", "'m", "n't"]
        .iter()
        .any(|end| surface.ends_with(end))
}

/// What writing out an omission reads besides its passage.
struct Found<'a> {
    analysis: &'a Analysis,
    spellings: &'a OwnSpellings,
    facts: &'a FactsBySentence<'a>,
}

impl Found<'_> {
    /// How the first of `sentences` that uses `term` writes it.
    fn spelling(&self, sentences: &[&Sentence], term: TermId) -> &str {
        let word = sentences
            .iter()
            .find(|s| self.analysis.report_sentences[s.id as usize].contains(term))
            .and_then(|s| self.spellings.of(s.id, term))
            .unwrap_or(self.analysis.vocabulary.terms[term as usize].word);
        self.spellings.shown.get(word)
    }
}

/// The omission of a run of sentences whose terms weigh `terms`.
fn passage(p: &Paragraph, run: Range<usize>, terms: TermWeight, found: &Found) -> Omission {
    let (analysis, facts_by_sentence) = (found.analysis, found.facts);
    let sentences: Vec<&Sentence> = p.sentences[run].iter().collect();
    let mut weight = terms.weight;
    let mut facts: Vec<String> = Vec::new();
    for s in &sentences {
        for f in facts_by_sentence.of(s.id) {
            if !facts.iter().any(|x| x == f) {
                facts.push(f.to_string());
            }
        }
    }
    weight += FACT_WEIGHT * facts.len() as f32;
    let text: String = sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let preview = match text.char_indices().nth(PREVIEW_CHARS) {
        Some((cut, _)) => format!("{}…", text[..cut].trim_end()),
        None => text.clone(),
    };
    Omission {
        rank: 0,
        weight: (weight * 100.0).round() / 100.0,
        paragraphs: vec![p.id],
        sentences: sentences.iter().map(|s| s.id).collect(),
        start: sentences[0].start,
        end: sentences[sentences.len() - 1].end,
        section: p.section.clone(),
        words: sentences
            .iter()
            .map(|s| analysis.report_words.count(s.id))
            .sum(),
        key_terms: terms.key_terms[..terms.key_len]
            .iter()
            .map(|&t| found.spelling(&sentences, t).to_string())
            .collect(),
        facts,
        preview,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    /// The key terms of the passage made of the report's first paragraph.
    fn key_terms(report: &str) -> Vec<String> {
        let (summary, report) = (segment("Nothing alike here.\n"), segment(report));
        let tokens = Tokens::new(&summary, &report);
        let cited_only = cited_only_terms(&report, &tokens);
        let analysis = Analysis::new(tokens);
        let mut spread = Spread::new(
            analysis.vocabulary.terms.len(),
            analysis.vocabulary.phrases(),
        );
        let traits = term_traits(&analysis);
        let sentences = &report.paragraphs[0].sentences;
        let terms = weigh_terms(sentences, &analysis, &mut spread, &traits, &cited_only);
        terms.key_terms[..terms.key_len]
            .iter()
            .map(|&t| analysis.vocabulary.surface(t).to_string())
            .collect()
    }

    #[test]
    fn citation_parentheticals_codes_contractions_and_debris_are_no_key_terms() {
        let terms = key_terms(
            "Courts agree. Id. at 600 (internal quotation marks omitted); 148 Cong. Rec. \
             S6550 (emphasis added) (Sen. Hatch). We've seen ransom notes \
             owuhtetahnyeorntehienfbthiehtardu.\n",
        );
        assert!(terms.iter().any(|t| t == "ransom"), "{terms:?}");
        for noise in [
            "quotation",
            "marks",
            "omitted",
            "emphasis",
            "s6550",
            "we've",
            "sen",
        ] {
            assert!(!terms.iter().any(|t| t == noise), "{noise} in {terms:?}");
        }
        assert!(terms.iter().all(|t| t.len() <= LONGEST_WORD), "{terms:?}");
    }

    #[test]
    fn a_party_is_a_key_term_only_where_the_passage_names_it_outside_a_citation() {
        let cited = key_terms(
            "Courts agree, see United States v. Aguilar, 515 U.S. 593 (1995). Nobody lied.\n",
        );
        assert!(!cited.iter().any(|t| t == "aguilar"), "{cited:?}");
        let named = key_terms(
            "Courts agree, see United States v. Aguilar, 515 U.S. 593 (1995). Aguilar lied.\n",
        );
        assert!(named.iter().any(|t| t == "aguilar"), "{named:?}");
    }

    #[test]
    fn key_terms_are_spelled_as_their_passage_spells_them() {
        let report = "Hicks texted the reporter twice.\n\n\
                      The statute's text is plain, and its text governs the dispute.\n";
        let result =
            crate::compare("Nothing alike here.\n", report, &Default::default()).expect("compares");
        let terms_of = |opening: &str| -> Vec<String> {
            let o = result
                .omissions
                .iter()
                .find(|o| o.preview.starts_with(opening));
            o.expect("an omission").key_terms.clone()
        };
        assert!(terms_of("Hicks").contains(&"texted".to_string()));
        let statute = terms_of("The statute");
        assert!(statute.contains(&"text".to_string()), "{statute:?}");
        assert!(!statute.contains(&"texted".to_string()), "{statute:?}");
    }
}
