//! The pipeline: segment both texts, align them, score what the summary
//! leaves out, and diff the linked pairs, timing each stage.

use std::sync::Arc;

use web_time::Instant;

use crate::align::{
    link, Analysis, Casing, Headings, Links, Prior, SectionAffinity, SentenceMatch, Spread, Tokens,
    Vocabulary, WeightedTerms,
};
use crate::diff::{diff_words, DiffSide};
use crate::error::{Error, Side};
use crate::model::{
    Comparison, Document, LinkTerms, Notice, Paragraph, ParagraphKind, ParagraphLink, Sentence,
    SentenceLink, Stats, Status, Timings, WordDiff,
};
use crate::options::Options;
use crate::parallel::{in_pool, join, map_each};
use crate::score::{
    cited_only_terms, find_facts, find_omissions, own_spellings, section_coverage,
    status_of_coverage, status_of_support, term_share,
};
use crate::segment::segment;
use crate::spellings::Spellings;
use crate::text::TokenClass;

/// A link weaker than this never counts as alignment, only as a near miss.
const LINK_FLOOR: f32 = 0.1;
/// Secondary sources must score at least this share of the best link.
const RELATIVE_FLOOR: f32 = 0.5;
/// Sentences per range of work split over threads: fewer are not worth a
/// thread's hand-over.
const MIN_SENTENCES_PER_RANGE: usize = 16;

fn check_input(text: &str, side: Side, options: &Options) -> Result<(), Error> {
    options.check_size(side, text.len())?;
    if !text.chars().any(char::is_alphanumeric) {
        return Err(Error::Empty(side));
    }
    Ok(())
}

fn ms(since: Instant) -> f32 {
    since.elapsed().as_secs_f32() * 1000.0
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

/// Which paragraphs and sentences of a document are headings, for
/// [`Headings`]: body text never links to a heading.
struct HeadingFlags {
    paragraphs: Vec<bool>,
    sentences: Vec<bool>,
}

impl HeadingFlags {
    fn of(doc: &Document, sentence_paragraph: &[u32]) -> Self {
        let paragraphs: Vec<bool> = doc.paragraphs.iter().map(|p| p.kind.is_title()).collect();
        let sentences = sentence_paragraph
            .iter()
            .map(|&p| paragraphs[p as usize])
            .collect();
        HeadingFlags {
            paragraphs,
            sentences,
        }
    }
}

/// Which report sentences each summary sentence really draws on.
fn aligned(links: &[SentenceMatch]) -> impl Iterator<Item = &SentenceMatch> {
    let best = links.first().map_or(0.0, |m| m.score);
    links
        .iter()
        .filter(move |m| m.score >= LINK_FLOOR && m.score >= RELATIVE_FLOOR * best)
}

/// Compares `summary` with the `report` it summarises.
pub fn compare(summary: &str, report: &str, options: &Options) -> Result<Comparison, Error> {
    in_pool(|| compare_in_pool(summary, report, options))
}

/// [`compare`], on a thread of the pool.
fn compare_in_pool(summary: &str, report: &str, options: &Options) -> Result<Comparison, Error> {
    options.validate()?;
    check_input(summary, Side::Summary, options)?;
    check_input(report, Side::Report, options)?;
    let total = Instant::now();

    let started = Instant::now();
    // The report on this thread: its document is most of the result.
    let (mut report_doc, mut summary_doc) = join(|| segment(report), || segment(summary));
    let segment_ms = ms(started);

    let started = Instant::now();
    let tokens = Tokens::new(&summary_doc, &report_doc);
    let tokens_ms = ms(started);

    // Facts and the words' casing are the only readers of the word
    // occurrences (12 bytes a word) besides the vectors: find them first,
    // so the occurrences are freed before the vectors are built and aligned.
    let started = Instant::now();
    let casing = Casing::new(&tokens, &summary_doc, &report_doc);
    let (facts, (cited_only, spellings)) = join(
        || find_facts(&summary_doc, &report_doc, &tokens, &casing),
        || {
            (
                cited_only_terms(&report_doc, &tokens),
                own_spellings(&tokens, &casing),
            )
        },
    );
    let facts_ms = ms(started);

    let started = Instant::now();
    let mut analysis = Analysis::new(tokens);
    let mut spread = Spread::new(
        analysis.vocabulary.terms.len(),
        analysis.vocabulary.phrases(),
    );
    let summary_headings = HeadingFlags::of(&summary_doc, &analysis.summary_sentence_paragraph);
    let report_headings = HeadingFlags::of(&report_doc, &analysis.report_sentence_paragraph);
    let keep = options.sentence_links as usize;
    let summary_links = link(
        &analysis.summary_sentences,
        &analysis.report_sentences,
        &spread,
        keep,
        None,
        Headings {
            queries: &summary_headings.sentences,
            targets: &report_headings.sentences,
        },
    );
    let report_links = link(
        &analysis.report_sentences,
        &analysis.summary_sentences,
        &spread,
        keep,
        None,
        Headings {
            queries: &report_headings.sentences,
            targets: &summary_headings.sentences,
        },
    );
    let keep = options.paragraph_links as usize;
    let affinity = SectionAffinity::new(
        &report_doc,
        &analysis.report_paragraphs,
        &analysis.summary_paragraphs,
        &spread,
        analysis.vocabulary.word_pairs(),
    );
    let sectioned = !affinity.is_empty();
    let summary_prior = |summary: usize, report: u32| affinity.get(report, summary);
    let report_prior = |report: usize, summary: u32| affinity.get(report as u32, summary as usize);
    let summary_paragraph_links = link(
        &analysis.summary_paragraphs,
        &analysis.report_paragraphs,
        &spread,
        keep,
        sectioned.then_some(&summary_prior as Prior),
        Headings {
            queries: &summary_headings.paragraphs,
            targets: &report_headings.paragraphs,
        },
    );
    let report_paragraph_links = link(
        &analysis.report_paragraphs,
        &analysis.summary_paragraphs,
        &spread,
        keep,
        sectioned.then_some(&report_prior as Prior),
        Headings {
            queries: &report_headings.paragraphs,
            targets: &summary_headings.paragraphs,
        },
    );
    // Only alignment reads paragraph vectors: free them before the result grows.
    drop(affinity);
    analysis.summary_paragraphs = Vec::new();
    analysis.report_paragraphs = Vec::new();
    let align_ms = tokens_ms + ms(started);

    let started = Instant::now();
    let mut sources_of_report: Vec<Vec<u32>> = vec![Vec::new(); analysis.report_sentences.len()];
    for (s, links) in summary_links.iter().enumerate() {
        for m in aligned(links) {
            sources_of_report[m.other as usize].push(s as u32);
        }
    }
    let report_coverage: Vec<f32> = sources_of_report
        .iter()
        .enumerate()
        .map(|(r, sources)| {
            term_share(
                &analysis.report_sentences[r],
                &sources
                    .iter()
                    .map(|&s| &analysis.summary_sentences[s as usize])
                    .collect::<Vec<_>>(),
                &analysis,
            )
        })
        .collect();
    drop(sources_of_report);
    let summary_support: Vec<f32> = summary_links
        .iter()
        .enumerate()
        .map(|(s, links)| {
            term_share(
                &analysis.summary_sentences[s],
                &aligned(links)
                    .map(|m| &analysis.report_sentences[m.other as usize])
                    .collect::<Vec<_>>(),
                &analysis,
            )
        })
        .collect();
    fill_scores(
        &mut report_doc,
        &analysis.report_sentences,
        &report_coverage,
        |sentence, _, score| {
            sentence.coverage = Some(round3(score));
            sentence.status = Some(status_of_coverage(score, options));
        },
        |paragraph, score| {
            paragraph.coverage = Some(round3(score));
            paragraph.status = Some(status_of_coverage(score, options));
        },
    );
    fill_scores(
        &mut summary_doc,
        &analysis.summary_sentences,
        &summary_support,
        // A heading makes no claim: it is scored, but never called unsupported.
        |sentence, kind, score| {
            sentence.support = Some(round3(score));
            sentence.status = (!kind.is_title()).then(|| status_of_support(score, options));
        },
        |paragraph, score| {
            paragraph.support = Some(round3(score));
            paragraph.status =
                (!paragraph.kind.is_title()).then(|| status_of_support(score, options));
        },
    );
    drop((report_coverage, summary_support));
    // Omissions read only the verdicts: find them before the links are
    // written, so their working memory and the links never peak together.
    let omissions = find_omissions(
        &report_doc,
        &analysis,
        &facts.dropped,
        &cited_only,
        &spellings,
        &spread,
    );
    drop((cited_only, spellings));
    // Each side's own vectors are freed as its links are written, so the
    // links reuse their memory; the summary's are few, and the report's
    // links read them afterwards, so the summary's side works on a copy.
    let mut report_vectors = std::mem::take(&mut analysis.report_sentences);
    let summary_written = write_links(
        SideView {
            own: analysis.summary_sentences.clone(),
            other: &report_vectors,
            other_sentence_paragraph: &analysis.report_sentence_paragraph,
            sentence_links: &summary_links,
            paragraph_links: summary_paragraph_links,
        },
        &analysis,
        casing.shown(),
        &mut spread,
    );
    // The report's links are written on this thread (where the vectors they
    // free were allocated) while the word diffs, which read only the texts
    // and the summary's links, run beside them.
    let (report_written, (diffs, diff_ms)) = join(
        || {
            write_links(
                SideView {
                    own: std::mem::take(&mut report_vectors),
                    other: &analysis.summary_sentences,
                    other_sentence_paragraph: &analysis.summary_sentence_paragraph,
                    sentence_links: &report_links,
                    paragraph_links: report_paragraph_links,
                },
                &analysis,
                casing.shown(),
                &mut spread,
            )
        },
        || {
            let started = Instant::now();
            let diffs = word_diffs(
                &summary_doc,
                &report_doc,
                &analysis.vocabulary,
                &summary_links,
            );
            (diffs, ms(started))
        },
    );
    drop((summary_links, report_links));
    summary_written.place(&mut summary_doc, diffs);
    report_written.place(&mut report_doc, Vec::new());
    let sections = section_coverage(&report_doc, &analysis.report_words);
    // Less the diffs, which ran beside the writing of the report's links.
    let score_ms = (facts_ms + ms(started) - diff_ms).max(0.0);

    let stats = stats(
        &summary_doc,
        &report_doc,
        &analysis,
        Timings {
            segment_ms,
            align_ms,
            score_ms,
            diff_ms,
            total_ms: ms(total),
        },
    );
    let notices = notices(&summary_doc, &report_doc, summary, report);
    Ok(Comparison {
        summary: summary_doc,
        report: report_doc,
        omissions,
        facts,
        sections,
        stats,
        notices,
    })
}

/// Word diffs of each summary sentence's links, in link order (`None` for
/// links too weak to show one), each range of sentences reusing its own
/// key and span buffers throughout.
fn word_diffs(
    summary: &Document,
    report: &Document,
    vocabulary: &Vocabulary,
    summary_links: &Links,
) -> Vec<Vec<Option<WordDiff>>> {
    fn texts(doc: &Document) -> Vec<&str> {
        doc.paragraphs
            .iter()
            .flat_map(|p| p.sentences.iter().map(|s| s.text.as_str()))
            .collect()
    }
    let (summary_texts, report_texts) = (texts(summary), texts(report));
    let buffers = || ((Vec::new(), Vec::new()), (Vec::new(), Vec::new()));
    map_each(
        summary_texts.len(),
        MIN_SENTENCES_PER_RANGE,
        buffers,
        |((new_keys, new_spans), (old_keys, old_spans)), s| {
            vocabulary.sentence_words(summary_texts[s], new_keys, new_spans);
            summary_links
                .of(s)
                .iter()
                .map(|m| {
                    // The same rounded score the link shows decides whether it gets a diff.
                    (round3(m.score) >= LINK_FLOOR).then(|| {
                        vocabulary.sentence_words(
                            report_texts[m.other as usize],
                            old_keys,
                            old_spans,
                        );
                        diff_words(
                            &DiffSide {
                                keys: old_keys,
                                spans: old_spans,
                                text: report_texts[m.other as usize],
                            },
                            &DiffSide {
                                keys: new_keys,
                                spans: new_spans,
                                text: summary_texts[s],
                            },
                            |&w| vocabulary.words[w as usize].class != TokenClass::Stop,
                        )
                    })
                })
                .collect()
        },
    )
}

/// One document's side of the alignment, as `write_links` needs it; it
/// frees the `own` vectors as it goes.
struct SideView<'a> {
    own: Vec<WeightedTerms>,
    other: &'a [WeightedTerms],
    other_sentence_paragraph: &'a [u32],
    sentence_links: &'a Links,
    paragraph_links: Links,
}

/// Writes scores and verdicts into one document's sentences and paragraphs
/// (a paragraph's score is its sentences' weighted by content mass).
fn fill_scores(
    doc: &mut Document,
    own: &[WeightedTerms],
    scores: &[f32],
    set_sentence: impl Fn(&mut Sentence, ParagraphKind, f32),
    set_paragraph: impl Fn(&mut Paragraph, f32),
) {
    for p in &mut doc.paragraphs {
        let mut weighted = 0.0;
        let mut mass = 0.0;
        for s in &mut p.sentences {
            let id = s.id as usize;
            let score = scores[id];
            set_sentence(s, p.kind, score);
            weighted += own[id].mass * score;
            mass += own[id].mass;
        }
        set_paragraph(p, if mass > 0.0 { weighted / mass } else { 0.0 });
    }
}

/// One document's links, by sentence and by paragraph id, written apart
/// from the document so that other work can read it meanwhile.
struct WrittenLinks {
    sentences: Vec<Vec<SentenceLink>>,
    paragraphs: Vec<Vec<ParagraphLink>>,
}

/// The links of one document's sentences and paragraphs, with the terms that
/// explain them, named as `shown` writes their words. `spread` is empty,
/// and is left so.
fn write_links(
    mut view: SideView,
    analysis: &Analysis,
    shown: &Arc<Spellings>,
    spread: &mut Spread,
) -> WrittenLinks {
    // The terms each link shares, one buffer for all.
    let mut shared: Vec<u32> = Vec::new();
    let sentences = (0..view.own.len())
        .map(|id| {
            let own = std::mem::take(&mut view.own[id]);
            spread.load(&own);
            let links = view
                .sentence_links
                .of(id)
                .iter()
                .map(|m| {
                    let theirs = &view.other[m.other as usize];
                    spread.shared_terms(theirs, &mut shared);
                    shared.sort_by(|&a, &b| {
                        let (a_idf, b_idf) = (
                            analysis.vocabulary.terms[a as usize].idf,
                            analysis.vocabulary.terms[b as usize].idf,
                        );
                        b_idf.total_cmp(&a_idf).then(a.cmp(&b))
                    });
                    SentenceLink {
                        paragraph: view.other_sentence_paragraph[m.other as usize],
                        sentence: m.other,
                        score: round3(m.score),
                        terms: LinkTerms::new(
                            shown,
                            shared
                                .iter()
                                .map(|&t| analysis.vocabulary.terms[t as usize].word),
                        ),
                        diff: None,
                    }
                })
                .collect();
            spread.unload(&own);
            links
        })
        .collect();
    let paragraphs = view
        .paragraph_links
        .iter()
        .map(|links| {
            links
                .iter()
                .map(|m| ParagraphLink {
                    paragraph: m.other,
                    score: round3(m.score),
                })
                .collect()
        })
        .collect();
    WrittenLinks {
        sentences,
        paragraphs,
    }
}

impl WrittenLinks {
    /// Moves the links into `doc`, with each sentence's word diffs
    /// (`diffs[sentence][link]`; none for a sentence past its end).
    fn place(mut self, doc: &mut Document, mut diffs: Vec<Vec<Option<WordDiff>>>) {
        for p in &mut doc.paragraphs {
            p.links = std::mem::take(&mut self.paragraphs[p.id as usize]);
            for s in &mut p.sentences {
                s.links = std::mem::take(&mut self.sentences[s.id as usize]);
                if let Some(diffs) = diffs.get_mut(s.id as usize) {
                    for (link, diff) in s.links.iter_mut().zip(diffs.drain(..)) {
                        link.diff = diff.map(Box::new);
                    }
                }
            }
        }
    }
}

fn body(doc: &Document) -> impl Iterator<Item = &Paragraph> {
    doc.paragraphs.iter().filter(|p| p.kind.is_body())
}

/// Headline figures of a finished comparison.
fn stats(summary: &Document, report: &Document, analysis: &Analysis, timings: Timings) -> Stats {
    let count = |status: Status| body(report).filter(|p| p.status == Some(status)).count() as u32;
    let mut covered_words = 0.0;
    let mut body_words = 0u32;
    for p in body(report) {
        let words = analysis.report_words.in_paragraph(p);
        covered_words += words as f32 * p.coverage.unwrap_or(0.0);
        body_words += words;
    }
    Stats {
        summary_words: summary.words,
        report_words: report.words,
        compression: if report.words > 0 {
            round3(summary.words as f32 / report.words as f32)
        } else {
            0.0
        },
        body_words,
        coverage: if body_words > 0 {
            round3(covered_words / body_words as f32)
        } else {
            0.0
        },
        covered_paragraphs: count(Status::Covered),
        partial_paragraphs: count(Status::Partial),
        omitted_paragraphs: count(Status::Omitted),
        summary_sentences: body(summary).map(|p| p.sentences.len() as u32).sum(),
        unsupported_sentences: body(summary)
            .flat_map(|p| &p.sentences)
            .filter(|s| s.status == Some(Status::Unsupported))
            .count() as u32,
        timings,
    }
}

/// What the reader should know about these inputs before trusting the figures.
fn notices(
    summary: &Document,
    report: &Document,
    summary_text: &str,
    report_text: &str,
) -> Vec<Notice> {
    let mut out = Vec::new();
    let mut note = |code: &str, message: String| {
        out.push(Notice {
            code: code.to_string(),
            message,
        })
    };
    if summary_text.trim() == report_text.trim() {
        note(
            "identical_documents",
            "The summary and the report are the same text, so everything is covered.".into(),
        );
    } else if summary.words > report.words {
        note(
            "summary_longer_than_report",
            format!(
                "The summary ({} words) is longer than the report ({} words): check that the two were not swapped.",
                summary.words, report.words
            ),
        );
    }
    for (doc, name) in [(summary, "summary"), (report, "report")] {
        let sentences: usize = doc.paragraphs.iter().map(|p| p.sentences.len()).sum();
        if doc.words >= 200 && sentences <= 1 {
            note(
                "no_sentence_punctuation",
                format!("The {name} has no sentence punctuation, so it is compared as one long sentence."),
            );
        }
    }
    out
}
