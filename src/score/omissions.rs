//! Omissions: runs of omitted report sentences, weighed by the distinctive
//! content they carry that the summary never mentions.

use rustc_hash::FxHashSet;

use super::facts::citation_words;
use crate::align::{Analysis, Spread, TermId, Tokens};
use crate::model::{Document, Fact, Omission, ParagraphKind, Status};

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
    /// Whether sentence `id` uses `term` only inside citations.
    fn contains(&self, id: u32, term: TermId) -> bool {
        self.pairs.binary_search(&(id, term)).is_ok()
    }
}

/// Finds the `CitedOnly` terms of `report`'s sentences.
pub fn cited_only_terms(report: &Document, tokens: &Tokens) -> CitedOnly {
    let mut out = CitedOnly::default();
    // Each content word's term, and whether that occurrence is in a citation.
    let mut uses: Vec<(TermId, bool)> = Vec::new();
    for s in report.paragraphs.iter().flat_map(|p| &p.sentences) {
        let words = tokens.report_words.of(s.id);
        uses.clear();
        uses.extend(words.iter().zip(citation_words(words, &s.text)).filter_map(
            |(w, in_citation)| {
                let term = tokens.vocabulary.words[w.word() as usize].term?;
                Some((term, in_citation))
            },
        ));
        // By term, uses outside citations first: a term is cited only when
        // its first use is in a citation.
        uses.sort_unstable();
        uses.dedup_by_key(|&mut (term, _)| term);
        out.pairs.extend(
            uses.iter()
                .filter(|&&(_, in_citation)| in_citation)
                .map(|&(term, _)| (s.id, term)),
        );
    }
    out
}

/// Omitted passages of `report`, weightiest first; `dropped` are the
/// report's facts the summary lacks. `spread` (empty, left empty) covers the
/// vocabulary.
pub fn find_omissions(
    report: &Document,
    analysis: &Analysis,
    dropped: &[Fact],
    cited_only: &CitedOnly,
    spread: &mut Spread,
) -> Vec<Omission> {
    let in_summary: FxHashSet<u32> = analysis
        .summary_sentences
        .iter()
        .flat_map(|s| s.entries.iter().map(|&(t, _)| t))
        .collect();
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
    let mut out = Vec::new();
    for p in &report.paragraphs {
        if !matches!(p.kind, ParagraphKind::Paragraph | ParagraphKind::ListItem) {
            continue;
        }
        let mut run: Vec<usize> = Vec::new();
        for (i, s) in p.sentences.iter().enumerate() {
            if s.status == Some(Status::Omitted) {
                run.push(i);
            }
            let run_ends = s.status != Some(Status::Omitted) || i + 1 == p.sentences.len();
            if run_ends && !run.is_empty() {
                out.push(passage(
                    p,
                    &run,
                    analysis,
                    spread,
                    &in_summary,
                    &facts_by_sentence,
                    cited_only,
                ));
                run.clear();
            }
        }
    }
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

fn passage(
    p: &crate::model::Paragraph,
    run: &[usize],
    analysis: &Analysis,
    spread: &mut Spread,
    in_summary: &FxHashSet<u32>,
    facts_by_sentence: &FactsBySentence,
    cited_only: &CitedOnly,
) -> Omission {
    let sentences: Vec<&crate::model::Sentence> = run.iter().map(|&i| &p.sentences[i]).collect();
    let passage = spread.sum(
        sentences
            .iter()
            .map(|s| &analysis.report_sentences[s.id as usize]),
    );
    // Terms used outside citations: case names say which authority is cited, not what happened.
    let mut uncited: FxHashSet<u32> = FxHashSet::default();
    for s in &sentences {
        let terms = analysis.report_sentences[s.id as usize].entries.iter();
        uncited.extend(
            terms
                .map(|&(t, _)| t)
                .filter(|&t| !cited_only.contains(s.id, t)),
        );
    }
    let mut weight = 0.0;
    let mut fresh: Vec<(u32, f32)> = Vec::new();
    for &(t, w) in passage.entries.iter().filter(|(t, _)| uncited.contains(t)) {
        let term = &analysis.vocabulary.terms[t as usize];
        let numeric = term.surface.starts_with(|c: char| c.is_ascii_digit());
        let idf = if numeric {
            NUMBER_DISCOUNT * term.idf
        } else {
            term.idf
        };
        if in_summary.contains(&t) {
            weight += SHARED_DISCOUNT * idf;
        } else {
            weight += idf;
            if !numeric && term.surface.chars().count() > 2 {
                fresh.push((t, w));
            }
        }
    }
    fresh.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
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
        key_terms: fresh
            .iter()
            .take(KEY_TERMS)
            .map(|&(t, _)| analysis.vocabulary.terms[t as usize].surface.to_string())
            .collect(),
        facts,
        preview,
    }
}
