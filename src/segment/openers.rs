//! Openers: how much likelier the words a sentence opens with are to open a
//! paragraph than a sentence inside one, learnt from the document.
//!
//! A sentence opening on "He" or "And" goes on from the one before; one
//! opening on a date starts the next entry of a chronology. How strongly
//! depends on the document: a narrative report opens most paragraphs at
//! their date, while a review that numbers its paragraphs dates sentence
//! after sentence inside each. Each document shows its own figures twice
//! over: in the sentences that open after a plain paragraph end (a short
//! last line), and in those that open inside a line, which never open a
//! paragraph. A document with few of either keeps the default figures.

use super::cues::{
    inner_sentence_starts, opens_in_time, opens_mid_paragraph, opens_with_date, YEAR_WITHIN,
};

/// Pseudo-sentences, on each side, that pull the learnt figures towards
/// the defaults: a document needs more examples than this to overrule
/// them, as news copy, whose paragraphs often open on "He said", does.
const PSEUDO: f32 = 100.0;

/// Share of sentences an opener is taken to open at least, so that one
/// the document never shows still weighs as the defaults say.
const LEAST_SHARE: f32 = 0.01;

/// What a sentence's first words say about where it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// A word that goes on from the sentence before ("He", "And", "See").
    MidParagraph,
    /// An opening that dates the sentence to a year ("On March 26, 2017,").
    Dated,
    /// Another opening that places the sentence in time ("Later that day").
    InTime,
}

impl Opener {
    const ALL: [Opener; 3] = [Opener::MidParagraph, Opener::Dated, Opener::InTime];

    /// The opener `text` starts with, if any.
    fn of(text: &str) -> Option<Self> {
        if opens_mid_paragraph(text) {
            Some(Opener::MidParagraph)
        } else if opens_with_date(text) {
            Some(Opener::Dated)
        } else if opens_in_time(text) {
            Some(Opener::InTime)
        } else {
            None
        }
    }

    /// Log odds of a paragraph start a document that shows nothing gets: a
    /// fifth as likely after a word going on, four times as likely before
    /// a date, twice before other words of time.
    fn default_log_odds(self) -> f32 {
        match self {
            Opener::MidParagraph => -1.6,
            Opener::Dated => 1.4,
            Opener::InTime => 0.7,
        }
    }
}

/// The document's learnt log odds for each opener.
#[derive(Debug, Clone)]
pub struct Openers {
    log_odds: [f32; 3],
}

impl Default for Openers {
    fn default() -> Self {
        Openers {
            log_odds: Opener::ALL.map(Opener::default_log_odds),
        }
    }
}

impl Openers {
    /// Learns the figures from `starts`, lines that plainly open a
    /// paragraph, and `lines`, every body line, whose inner sentences open
    /// none. An inner sentence counts only with room for a dated opening
    /// before the line ends, as a line that opens a paragraph has.
    pub fn learn<'a>(
        starts: impl IntoIterator<Item = &'a str>,
        lines: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut at_start = [0usize; 3];
        let mut inside = [0usize; 3];
        let (mut n_start, mut n_inside) = (0usize, 0usize);
        for text in starts {
            n_start += 1;
            if let Some(o) = Opener::of(text) {
                at_start[o as usize] += 1;
            }
        }
        for line in lines {
            for text in inner_sentence_starts(line)
                .filter(|t| t.split_whitespace().nth(YEAR_WITHIN - 1).is_some())
            {
                n_inside += 1;
                if let Some(o) = Opener::of(text) {
                    inside[o as usize] += 1;
                }
            }
        }
        let all = (n_start + n_inside).max(1) as f32;
        let log_odds = Opener::ALL.map(|o| {
            let k = o as usize;
            let (s, i) = (at_start[k] as f32, inside[k] as f32);
            // The opener's share of all sentences, and the share at paragraph
            // starts that the default odds would give it.
            let share = ((s + i) / all).max(LEAST_SHARE);
            let start_share = (share * o.default_log_odds().exp()).min(1.0);
            let start_rate = (s + PSEUDO * start_share) / (n_start as f32 + PSEUDO);
            let inside_rate = (i + PSEUDO * share) / (n_inside as f32 + PSEUDO);
            (start_rate / inside_rate).ln()
        });
        Openers { log_odds }
    }

    /// Log odds that a paragraph opens with line `text`, against the
    /// document's sentences in general: 0 for a line with no opener.
    pub fn log_odds(&self, text: &str) -> f32 {
        Opener::of(text).map_or(0.0, |o| self.log_odds[o as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATED: &str = "On March 26, 2017, the committee met again.";

    /// Openers learnt from `starts` paragraph openings, every `every`-th of
    /// them `opener`, and lines of two sentences, `inside` of them with a
    /// second sentence opening as `opener` does and `plain` with one opening
    /// on no opener, each with room left for a dated opening.
    fn learnt(opener: &str, starts: usize, every: usize, inside: usize, plain: usize) -> Openers {
        let starts: Vec<&str> = (0..starts)
            .map(|k| {
                if k % every == 0 {
                    opener
                } else {
                    "The board met."
                }
            })
            .collect();
        let line = |inner: &str| format!("The board heard the witnesses in turn. {inner} and more");
        let lines: Vec<String> = (0..plain)
            .map(|_| line("The board adjourned until the next day"))
            .chain((0..inside).map(|_| line(opener)))
            .collect();
        Openers::learn(starts, lines.iter().map(String::as_str))
    }

    #[test]
    fn a_document_that_shows_nothing_keeps_the_defaults() {
        let learnt = Openers::learn([], []);
        assert!((learnt.log_odds(DATED) - Opener::Dated.default_log_odds()).abs() < 1e-4);
        assert!((learnt.log_odds("He said so.") + 1.6).abs() < 1e-4);
        assert_eq!(learnt.log_odds("The board met."), 0.0);
    }

    #[test]
    fn a_chronology_weighs_a_date_more_than_the_default() {
        // Half the paragraphs open on a date, one inner sentence in fifty.
        let learnt = learnt(DATED, 200, 2, 10, 490);
        assert!(learnt.log_odds(DATED) > Opener::Dated.default_log_odds() + 0.5);
    }

    #[test]
    fn a_document_dating_every_other_sentence_learns_a_date_tells_little() {
        let learnt = learnt(DATED, 200, 2, 250, 250);
        assert!(learnt.log_odds(DATED).abs() < 0.5, "{:?}", learnt.log_odds);
    }

    #[test]
    fn news_copy_that_opens_paragraphs_on_he_said_unlearns_the_penalty() {
        let he = "He said the board had met twice that week.";
        let learnt = learnt(he, 400, 5, 100, 400);
        assert!(learnt.log_odds(he) > -0.8, "{:?}", learnt.log_odds);
        // An inner sentence too short to show a dated opening is not counted.
        let short = Openers::learn([], ["The board met. On May 3 it sat."]);
        assert!((short.log_odds(DATED) - Opener::Dated.default_log_odds()).abs() < 1e-4);
    }
}
