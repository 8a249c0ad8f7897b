//! Casing: how the documents write each word. A word they never write in
//! lower case is a name or an acronym to the facts; the reader sees terms
//! as the documents mostly write them ("FACA", "McGahn", "Cohen"), not as
//! they are matched ("faca", "mcgahn", "cohen").

use std::sync::Arc;

use crate::model::Document;
use crate::spellings::Spellings;
use crate::text::nfkc;

use super::terms::WordId;
use super::tokens::{sentence_texts, Tokens};

/// A word is shown capitalised where the documents capitalise it inside
/// sentences this many times for each time they write it in lower case:
/// nine in ten, so a quoted text message's "russian ambassador" leaves
/// "Russian" a name's spelling, while "witch hunt" beside "Jody Hunt"
/// keeps "hunt" in lower case.
const MOSTLY: u32 = 9;

/// How both documents write each distinct word, by word id.
pub struct Casing {
    /// Whether either document writes the word in lower case (headings,
    /// which capitalise their words, aside).
    pub lower_seen: Vec<bool>,
    /// Whether either document capitalises it after a sentence's first
    /// word (or a table cell's), headings aside.
    pub capital_inside: Vec<bool>,
    /// Each word as shown: as first written after a sentence's first word
    /// if the documents mostly capitalise it there (see `MOSTLY`), as first
    /// written if they only ever open sentences or headings with it, else
    /// lower-cased. Shared with the links, whose terms name words by id.
    shown: Arc<Spellings>,
}

/// Where a word is first written: document (0 summary, 1 report),
/// sentence, and byte range in the sentence's text.
type Place = (usize, usize, u32, u32);

impl Casing {
    /// Reads how `summary` and `report`, tokenized as `tokens`, write their words.
    pub fn new(tokens: &Tokens, summary: &Document, report: &Document) -> Self {
        let vocabulary = &tokens.vocabulary;
        let n = vocabulary.words.len();
        // How often each word is written in lower case, and capitalised
        // after a sentence's first word. Headings capitalise their words,
        // and count only for words written nowhere else; redaction marks
        // ("[Redacted]") are not the documents' writing.
        let mut lower = vec![0u32; n];
        let mut inside = vec![0u32; n];
        let mut first: Vec<Option<Place>> = vec![None; n];
        let mut in_heading: Vec<Option<Place>> = vec![None; n];
        let docs = [
            (&tokens.summary_words, summary),
            (&tokens.report_words, report),
        ];
        let texts = [sentence_texts(summary), sentence_texts(report)];
        for (doc, (words, document)) in docs.into_iter().enumerate() {
            let headings = document
                .paragraphs
                .iter()
                .flat_map(|p| std::iter::repeat_n(p.kind.is_title(), p.sentences.len()));
            for ((sentence, words), heading) in words.sentences().enumerate().zip(headings) {
                for (i, w) in words.iter().enumerate() {
                    let id = w.word() as usize;
                    if w.redacted() {
                        continue;
                    }
                    if heading {
                        in_heading[id].get_or_insert((doc, sentence, w.start, w.end));
                        continue;
                    }
                    if !w.capitalised() {
                        lower[id] += 1;
                        continue;
                    }
                    let place = Some((doc, sentence, w.start, w.end));
                    if !w.opens(i.checked_sub(1).map(|k| &words[k]), texts[doc][sentence]) {
                        if inside[id] == 0 {
                            first[id] = place;
                        }
                        inside[id] += 1;
                    } else if first[id].is_none() {
                        first[id] = place;
                    }
                }
            }
        }
        let mut shown = Spellings::default();
        let mut written = String::new();
        for (id, (place, heading)) in first.iter().zip(&in_heading).enumerate() {
            let matched = vocabulary.lower(id as WordId);
            let place = if lower[id] == 0 {
                place.or(*heading)
            } else {
                *place
            };
            match place {
                Some((doc, sentence, start, end)) if inside[id] >= MOSTLY * lower[id] => {
                    let raw = &texts[doc][sentence][start as usize..end as usize];
                    as_written(matched, raw, &mut written);
                    shown.push(&written);
                }
                _ => {
                    shown.push(matched);
                }
            }
        }
        Casing {
            lower_seen: lower.iter().map(|&n| n > 0).collect(),
            capital_inside: inside.iter().map(|&n| n > 0).collect(),
            shown: Arc::new(shown),
        }
    }

    /// Every word as shown, by word id.
    pub fn shown(&self) -> &Arc<Spellings> {
        &self.shown
    }
}

/// Writes into `out` the matched form `lower` of the word written `raw`,
/// each letter in the case `raw` writes it in ("McGahn's" for "mcgahn").
fn as_written(lower: &str, raw: &str, out: &mut String) {
    out.clear();
    let raw = nfkc(raw);
    let mut cases = raw.chars().map(char::is_uppercase);
    for c in lower.chars() {
        if cases.next() == Some(true) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn casing(summary: &str, report: &str) -> (Casing, Tokens) {
        let (summary, report) = (segment(summary), segment(report));
        let tokens = Tokens::new(&summary, &report);
        (Casing::new(&tokens, &summary, &report), tokens)
    }

    fn shown<'a>(casing: &'a Casing, tokens: &Tokens, lower: &str) -> &'a str {
        let word = tokens
            .vocabulary
            .word_id(lower)
            .expect("a word of the texts");
        casing.shown().get(word)
    }

    #[test]
    fn words_are_shown_as_the_documents_write_them() {
        let (casing, tokens) = casing(
            "A. The Support for FACA\n\nCourts read FACA narrowly. The Russian courts agreed.\n",
            "McGahn's notes cite the courts. Nonetheless the notes went to McGahn. \
             A text read, \"talking to russian ambassador\". The Russian envoy wrote \
             in support. The Russian aide, the Russian chef, the Russian pilot, the Russian \
             clerk, the Russian guard, the Russian driver and the Russian cook came. \
             It held redacted images. A [Redacted], [Redacted], [Redacted], [Redacted], \
             [Redacted], [Redacted], [Redacted], [Redacted] and [Redacted] spoke.\n",
        );
        assert_eq!(shown(&casing, &tokens, "faca"), "FACA");
        // A heading capitalises its words: "support" is written in lower case.
        assert_eq!(shown(&casing, &tokens, "support"), "support");
        assert_eq!(shown(&casing, &tokens, "mcgahn"), "McGahn");
        // Written in lower case more often than capitalised inside sentences.
        assert_eq!(shown(&casing, &tokens, "courts"), "courts");
        // Redaction marks are no writing of the word.
        assert_eq!(shown(&casing, &tokens, "redacted"), "redacted");
        // Nine times capitalised inside sentences for once in lower case.
        assert_eq!(shown(&casing, &tokens, "russian"), "Russian");
        let russian = tokens.vocabulary.word_id("russian").unwrap() as usize;
        assert!(
            casing.lower_seen[russian],
            "a name only if never written in lower case"
        );
        // Only ever opening a sentence: shown as written there.
        assert_eq!(shown(&casing, &tokens, "nonetheless"), "Nonetheless");
        assert_eq!(shown(&casing, &tokens, "notes"), "notes");
        let mcgahn = tokens.vocabulary.word_id("mcgahn").unwrap() as usize;
        assert!(!casing.lower_seen[mcgahn] && casing.capital_inside[mcgahn]);
    }

    #[test]
    fn the_written_case_is_laid_on_the_matched_form() {
        let mut out = String::new();
        as_written("president", "PRESIDENT’S", &mut out);
        assert_eq!(out, "PRESIDENT");
        as_written("office", "Oﬃce", &mut out);
        assert_eq!(out, "Office");
        as_written("u.s.", "U.S.", &mut out);
        assert_eq!(out, "U.S.");
    }
}
