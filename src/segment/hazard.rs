//! Length: how likely a paragraph is to end after its k-th sentence, learnt
//! from the lengths of the document's own paragraphs.
//!
//! A document keeps to a rhythm: news copy ends its paragraphs after two to
//! four sentences, a legal memorandum runs to many more. Where the line
//! widths leave a seam in doubt (a full line ends a sentence, the next
//! opens one), a paragraph that has so far run to one sentence is less
//! likely to end there than one already as long as the document's longer
//! paragraphs: the hazard, the chance of ending after sentence k given the
//! paragraph reached it, against the document's average chance per sentence.

/// Longest length told apart; longer paragraphs share the last count.
const LONGEST: usize = 40;
/// Pseudo-paragraphs of a geometric length (the same mean, no rhythm) the
/// counts start from, so that lengths no paragraph showed stay possible.
const PSEUDO: f32 = 2.0;
/// Fewest paragraphs for a rhythm to be learnt at all.
const MIN_PARAGRAPHS: usize = 20;
/// Least divergence (Kullback-Leibler, nats per paragraph) of the lengths
/// from rhythmless ones of the same mean for a rhythm to count: news copy
/// typeset as a report diverges by about 0.4, the Mueller report's
/// paragraphs by 0.03 (their lengths vary as chance would have them).
const MIN_RHYTHM: f32 = 0.2;
/// Share of the log odds the length adds: it overlaps with what the fill
/// already weighs (a long paragraph's last line is as full as any other).
const WEIGHT: f32 = 0.5;
/// Bounds on the hazard, so that no count rules out an end or forces one.
const MIN_HAZARD: f32 = 0.005;
const MAX_HAZARD: f32 = 0.995;

/// The document's paragraph-length rhythm.
pub struct Hazard {
    /// Log odds added to a break after the paragraph's k-th sentence (index k).
    log_odds: Vec<f32>,
}

impl Hazard {
    /// Learns the rhythm from paragraph lengths in sentences (zeros are
    /// ignored); `None` when too few paragraphs show one, or their lengths
    /// keep to none.
    pub fn learn(lengths: impl IntoIterator<Item = usize>) -> Option<Self> {
        let mut counts = [0.0f32; LONGEST + 1];
        let (mut paragraphs, mut sentences) = (0usize, 0usize);
        for n in lengths.into_iter().filter(|&n| n > 0) {
            counts[n.min(LONGEST)] += 1.0;
            paragraphs += 1;
            sentences += n;
        }
        if paragraphs < MIN_PARAGRAPHS {
            return None;
        }
        let n = paragraphs as f32;
        let mean_hazard = (n / sentences as f32).clamp(MIN_HAZARD, MAX_HAZARD);
        // Rhythmless lengths of the same mean are geometric: the same
        // hazard at every count.
        let mut geometric = mean_hazard;
        let mut remaining = 1.0f32;
        let mut divergence = 0.0;
        let mut log_odds = vec![0.0; LONGEST + 1];
        for (k, &count) in counts.iter().enumerate().skip(1) {
            // The last count holds the geometric tail, as it holds all longer lengths.
            let rhythmless = if k == LONGEST {
                geometric / mean_hazard
            } else {
                geometric
            };
            if count > 0.0 {
                divergence += count / n * (count / n / rhythmless).ln();
            }
            let share = if k == LONGEST {
                remaining
            } else {
                (count + PSEUDO * geometric) / (n + PSEUDO)
            };
            let hazard = (share / remaining).clamp(MIN_HAZARD, MAX_HAZARD);
            log_odds[k] = WEIGHT * (logit(hazard) - logit(mean_hazard));
            remaining = (remaining - share).max(f32::EPSILON);
            geometric *= 1.0 - mean_hazard;
        }
        (divergence >= MIN_RHYTHM).then_some(Hazard { log_odds })
    }

    /// Log odds to add to a break after a paragraph's `sentences`-th sentence.
    pub fn log_odds(&self, sentences: usize) -> f32 {
        self.log_odds[sentences.clamp(1, LONGEST)]
    }
}

fn logit(p: f32) -> f32 {
    (p / (1.0 - p)).ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs of two, three and four sentences in turn, as news copy runs.
    fn news() -> Hazard {
        Hazard::learn((0..90).map(|k| 2 + k % 3)).expect("enough paragraphs")
    }

    #[test]
    fn a_paragraph_of_one_sentence_seldom_ends_where_none_is_that_short() {
        assert!(news().log_odds(1) < -1.0);
    }

    #[test]
    fn a_paragraph_as_long_as_the_longest_likely_ends() {
        let news = news();
        assert!(news.log_odds(4) > 1.0);
        assert!(news.log_odds(4) > news.log_odds(3));
        assert!(news.log_odds(3) > news.log_odds(2));
    }

    /// Lengths geometric with mean 4, as chance would have them: the hazard
    /// is a quarter at every count, and no rhythm is learnt.
    #[test]
    fn lengths_without_rhythm_teach_none() {
        let lengths = (1..=12).flat_map(|k| {
            let n = (400.0 * 0.25 * 0.75f32.powi(k - 1)).round() as usize;
            std::iter::repeat_n(k as usize, n)
        });
        assert!(Hazard::learn(lengths).is_none());
        // All of one sentence: every paragraph ends at once, as geometric
        // lengths with a hazard of one would.
        assert!(Hazard::learn(std::iter::repeat_n(1, 50)).is_none());
    }

    #[test]
    fn a_short_document_learns_no_rhythm() {
        assert!(Hazard::learn([3, 3, 3, 3]).is_none());
        assert!(Hazard::learn(std::iter::repeat_n(0, 50)).is_none());
    }
}
