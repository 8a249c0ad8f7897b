//! Casing: how the documents write each word. A word they never write in
//! lower case is a name or an acronym; the reader sees terms as the
//! documents write them ("FACA", "McGahn", "Cohen"), not as they are
//! matched ("faca", "mcgahn", "cohen").

use std::sync::Arc;

use crate::model::Document;
use crate::spellings::Spellings;
use crate::text::nfkc;

use super::terms::WordId;
use super::tokens::{sentence_texts, Tokens};

/// How both documents write each distinct word, by word id.
pub struct Casing {
    /// Whether either document writes the word in lower case.
    pub lower_seen: Vec<bool>,
    /// Whether either document capitalises it after a sentence's first word.
    pub capital_inside: Vec<bool>,
    /// Each word as shown: lower-cased if either document writes it so,
    /// else as first written after a sentence's first word, or as first
    /// written where it only opens sentences. Shared with the links,
    /// whose terms name words by id.
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
        let mut lower_seen = vec![false; n];
        let mut capital_inside = vec![false; n];
        let mut first: Vec<Option<Place>> = vec![None; n];
        let docs = [&tokens.summary_words, &tokens.report_words];
        for (doc, words) in docs.into_iter().enumerate() {
            for (sentence, words) in words.sentences().enumerate() {
                for (i, w) in words.iter().enumerate() {
                    let id = w.word() as usize;
                    if !w.capitalised() {
                        lower_seen[id] = true;
                        continue;
                    }
                    let place = Some((doc, sentence, w.start, w.end));
                    if i > 0 && !capital_inside[id] {
                        capital_inside[id] = true;
                        first[id] = place;
                    } else if first[id].is_none() {
                        first[id] = place;
                    }
                }
            }
        }
        let texts = [sentence_texts(summary), sentence_texts(report)];
        let mut shown = Spellings::default();
        let mut written = String::new();
        for (id, place) in first.iter().enumerate() {
            let lower = vocabulary.lower(id as WordId);
            match place {
                &Some((doc, sentence, start, end)) if !lower_seen[id] => {
                    let raw = &texts[doc][sentence][start as usize..end as usize];
                    as_written(lower, raw, &mut written);
                    shown.push(&written);
                }
                _ => {
                    shown.push(lower);
                }
            }
        }
        Casing {
            lower_seen,
            capital_inside,
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
            "Courts read FACA narrowly.\n",
            "McGahn's notes cite the courts. Nonetheless the notes went to McGahn.\n",
        );
        assert_eq!(shown(&casing, &tokens, "faca"), "FACA");
        assert_eq!(shown(&casing, &tokens, "mcgahn"), "McGahn");
        // Written in lower case once: no name, shown so.
        assert_eq!(shown(&casing, &tokens, "courts"), "courts");
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
