//! Fill: whether a full line that ends a sentence also ends its paragraph,
//! judged from how full the document's own lines are.
//!
//! A wrapped line inside a paragraph is full: the next word did not fit.
//! A paragraph's last line is full only by chance. Width estimates from
//! characters are rough, justified lines vary, and typeset paragraphs often
//! indent their first line, so each document teaches its own figures: the
//! "room" of a line (its width plus the next word's, against the local wrap
//! width) is learnt from lines the paragraph plainly goes on after (the next
//! line starts in lower case), and the room of first lines from those that
//! plainly follow a paragraph end. The next line's own width tells an
//! indented first line from a middle one even where the indent itself was
//! dropped (default `pdftotext`): its width, unlike its room, does not
//! depend on how long the word after it is. A doubtful seam is then weighed
//! as odds: how often a sentence-final line end closes a paragraph in this
//! document, times how likely the line's room and the next line's width are
//! for a paragraph end against a middle. A line that plainly ends its own
//! paragraph after such a seam weighs too: were the seam a break, that line
//! would be a paragraph of one line, which most documents seldom set.

/// Histogram bin width, in shares of the wrap width.
const BIN: f32 = 0.01;
/// Number of bins: rooms from 0 to 1.6 wrap widths.
const BINS: usize = 160;
/// Smoothing of the histograms, in bins (Gaussian standard deviation).
const SMOOTH: f32 = 2.0;
/// Pseudo-samples of the default shape each density starts from, so a
/// short document with few examples falls back on it.
const PSEUDO: f32 = 10.0;
/// Where a middle line's room lies by default, and how spread.
const DEFAULT_ROOM: f32 = 1.05;
const DEFAULT_SPREAD: f32 = 0.05;
/// Share of rooms that follow no pattern (odd lines, mismeasured widths).
const STRAY: f32 = 0.02;
/// Density of rooms spread evenly over all bins.
const EVEN: f32 = 1.0 / (BINS as f32 * BIN);
/// A last line's room is spread evenly between these (its own fill from
/// empty to full, plus the next word); beyond, it falls off.
const LAST_MIN: f32 = 0.1;
const LAST_MAX: f32 = 1.1;
const LAST_TAIL: f32 = 0.03;
/// A sentence-final line with less room than this plainly ends its paragraph.
pub const CERTAIN_END: f32 = 0.85;
/// Pseudo-seams, half of them paragraph ends, the share of ends starts
/// from, so a short document does not decide it from a handful of lines.
const PRIOR_PSEUDO: f32 = 20.0;
/// Bounds on the share of sentence-final line ends that close a paragraph.
const MIN_PRIOR: f32 = 0.05;
const MAX_PRIOR: f32 = 0.95;
/// Pseudo-lines, ending their paragraph at the document's pooled rate, that
/// the shares of one-line paragraphs and of last lines after a middle line
/// each start from.
const LONE_PSEUDO: f32 = 10.0;

/// What one seam between body lines shows, for learning.
#[derive(Debug, Clone, Copy)]
pub struct Seam {
    /// Room of the line before the seam.
    pub room: f32,
    /// Room of the line after the seam, when it goes on to a further line.
    pub next_room: Option<f32>,
    /// Width of the line after the seam, in local wrap widths, when it goes
    /// on to a further line.
    pub next_width: Option<f32>,
    /// The paragraph plainly goes on: the line runs on into lower case.
    pub goes_on: bool,
    /// The line ends a sentence and the next starts with a capital.
    pub sentence_end: bool,
    /// The paragraph plainly goes on after the next line too.
    pub next_goes_on: bool,
    /// The next line plainly ends its paragraph: it ends a sentence with
    /// room to spare, and a line opening one follows.
    pub next_ends: bool,
}

impl Seam {
    /// A paragraph plainly ends here: a sentence ends on a line with plainly
    /// room to spare, and the next line opens one.
    pub fn plain_end(&self) -> bool {
        self.sentence_end && self.room < CERTAIN_END
    }
}

/// The document's learnt figures.
pub struct Fill {
    /// Room of middle lines, before the seam.
    middle: Density,
    /// Room of first lines that follow a plain paragraph end.
    first: Density,
    /// Width of middle lines that follow a middle line.
    middle_width: Density,
    /// Width of first lines that follow a plain paragraph end.
    first_width: Density,
    /// Log odds that a sentence-final line end closes its paragraph.
    prior: f32,
    /// Log odds that a line plainly ending its paragraph is the whole of
    /// it, against its being the last line after a middle one.
    lone: f32,
}

/// What the line after a doubtful seam shows.
#[derive(Debug, Clone, Copy)]
pub struct NextLine {
    /// Its width in local wrap widths, when it goes on to a further line.
    pub width: Option<f32>,
    /// It plainly ends its paragraph (see [`Seam::next_ends`]).
    pub ends: bool,
}

impl Fill {
    /// Learns the figures from every seam of the document.
    pub fn learn(seams: &[Seam]) -> Self {
        let mut middle = Density::new();
        let mut first = Density::new();
        let mut middle_width = Density::new();
        let mut first_width = Density::new();
        let (mut sentence_ends, mut plain_ends) = (0usize, 0usize);
        // Lines after plain ends, and after middle lines, and how many of
        // each plainly end their paragraph.
        let (mut firsts, mut lone_firsts) = (0usize, 0usize);
        let (mut middles, mut last_middles) = (0usize, 0usize);
        for s in seams {
            if s.plain_end() {
                firsts += 1;
                lone_firsts += usize::from(s.next_ends);
            } else if s.goes_on {
                middles += 1;
                last_middles += usize::from(s.next_ends);
            }
            if s.goes_on {
                middle.add(s.room);
            }
            let plain_end = s.plain_end();
            if let (Some(room), Some(width)) = (s.next_room, s.next_width) {
                if s.next_goes_on && s.goes_on {
                    middle_width.add(width);
                } else if s.next_goes_on && plain_end {
                    first.add(room);
                    first_width.add(width);
                }
            }
            if s.sentence_end {
                sentence_ends += 1;
                plain_ends += usize::from(s.plain_end());
            }
        }
        let share_below = (CERTAIN_END - LAST_MIN) / (LAST_MAX - LAST_MIN);
        let ends = plain_ends as f32 / share_below + PRIOR_PSEUDO / 2.0;
        let prior = (ends / (sentence_ends as f32 + PRIOR_PSEUDO)).clamp(MIN_PRIOR, MAX_PRIOR);
        Fill {
            middle: middle.finish(),
            first: first.finish(),
            middle_width: middle_width.finish(),
            first_width: first_width.finish(),
            prior: (prior / (1.0 - prior)).ln(),
            lone: lone_log_odds([firsts, lone_firsts], [middles, last_middles]),
        }
    }

    /// Log odds that a paragraph ends after a sentence-final line with
    /// `room`, before the `next` line; `opens` says the line is its
    /// paragraph's first, so that if the paragraph goes on it is as full as
    /// first lines are, not middle ones.
    pub fn log_odds(&self, room: f32, next: NextLine, opens: bool) -> f32 {
        let spread = LAST_MAX - LAST_MIN;
        // Past a full line the last line's density falls off, but no lower
        // than the stray rooms every density keeps: OCR mismeasures last
        // lines as it does middle ones.
        let last = if room <= LAST_MAX {
            1.0 / spread
        } else {
            ((-(room - LAST_MAX) / LAST_TAIL).exp() / spread).max(STRAY * EVEN)
        };
        let going_on = if opens { &self.first } else { &self.middle };
        let ends = (last / going_on.at(room)).ln();
        let opens = next.width.map_or(0.0, |w| {
            (self.first_width.at(w) / self.middle_width.at(w)).ln()
        });
        let lone = if next.ends { self.lone } else { 0.0 };
        self.prior + ends + opens + lone
    }
}

/// Log odds that a line is a paragraph of its own, from how many of the
/// `[lines, ending]` after plain ends, and of those after middle lines,
/// plainly end their paragraph. Both shares start from `LONE_PSEUDO`
/// lines at the rate of the two together, so few examples say little.
fn lone_log_odds(firsts: [usize; 2], middles: [usize; 2]) -> f32 {
    let lines = (firsts[0] + middles[0]) as f32;
    if lines == 0.0 {
        return 0.0;
    }
    let pooled = (firsts[1] + middles[1]) as f32 / lines;
    let share =
        |[n, ending]: [usize; 2]| (ending as f32 + LONE_PSEUDO * pooled) / (n as f32 + LONE_PSEUDO);
    let (lone, last) = (share(firsts), share(middles));
    if lone > 0.0 && last > 0.0 {
        (lone / last).ln()
    } else {
        0.0
    }
}

/// A smoothed histogram of rooms, started from the default middle shape.
struct Density {
    counts: Vec<f32>,
    total: f32,
}

impl Density {
    fn new() -> Self {
        let mut counts = vec![0.0; BINS];
        for (k, c) in counts.iter_mut().enumerate() {
            let x = (k as f32 + 0.5) * BIN;
            let z = (x - DEFAULT_ROOM) / DEFAULT_SPREAD;
            *c = PSEUDO * BIN * (-0.5 * z * z).exp()
                / (DEFAULT_SPREAD * (2.0 * std::f32::consts::PI).sqrt());
        }
        let total = counts.iter().sum();
        Density { counts, total }
    }

    fn add(&mut self, room: f32) {
        let k = ((room / BIN) as usize).min(BINS - 1);
        self.counts[k] += 1.0;
        self.total += 1.0;
    }

    /// Smooths the counts and turns them into a density with a small floor.
    fn finish(self) -> Self {
        let reach = (3.0 * SMOOTH) as usize;
        let kernel: Vec<f32> = (0..=reach)
            .map(|d| (-0.5 * (d as f32 / SMOOTH).powi(2)).exp())
            .collect();
        let norm: f32 = kernel[0] + 2.0 * kernel[1..].iter().sum::<f32>();
        let counts = (0..BINS)
            .map(|k| {
                let lo = k.saturating_sub(reach);
                let hi = (k + reach).min(BINS - 1);
                (lo..=hi)
                    .map(|j| self.counts[j] * kernel[k.abs_diff(j)])
                    .sum::<f32>()
                    / norm
            })
            .collect();
        Density {
            counts,
            total: self.total,
        }
    }

    /// Density at `room` (per unit of room), mixed with a little of an even
    /// spread so that rooms no example showed weigh as unknown, not impossible.
    fn at(&self, room: f32) -> f32 {
        let k = ((room.max(0.0) / BIN) as usize).min(BINS - 1);
        (1.0 - STRAY) * self.counts[k] / self.total / BIN + STRAY * EVEN
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The share of the wrap width the next line's following word adds to its room.
    const NEXT_WORD: f32 = 0.08;

    fn next(width: Option<f32>) -> NextLine {
        NextLine { width, ends: false }
    }

    fn seam(room: f32, next_room: f32, goes_on: bool, sentence_end: bool) -> Seam {
        Seam {
            room,
            next_room: Some(next_room),
            next_width: Some(next_room - NEXT_WORD),
            goes_on,
            sentence_end,
            next_goes_on: true,
            next_ends: false,
        }
    }

    /// A document whose middle lines have room about 1.05 (width 0.97) and
    /// whose first lines, indented, about 0.95 (width 0.87); a quarter of
    /// sentence-final line ends close a paragraph, most of them on a short line.
    fn learnt() -> Fill {
        let mut seams = Vec::new();
        for k in 0..400 {
            let jitter = (k % 7) as f32 * 0.01 - 0.03;
            seams.push(seam(1.05 + jitter, 1.05 - jitter, true, false));
            if k % 4 == 0 {
                seams.push(seam(0.3 + (k % 5) as f32 * 0.1, 0.95 + jitter, false, true));
            }
            if k % 6 == 0 {
                seams.push(seam(1.05 + jitter, 1.05 + jitter, false, true));
            }
        }
        Fill::learn(&seams)
    }

    #[test]
    fn a_short_sentence_final_line_ends_its_paragraph() {
        assert!(learnt().log_odds(0.8, next(Some(0.97)), false) > 0.0);
    }

    #[test]
    fn a_full_line_before_a_full_width_line_goes_on() {
        assert!(learnt().log_odds(1.06, next(Some(0.98)), false) < 0.0);
    }

    #[test]
    fn an_indented_next_line_tips_a_full_line_into_an_end() {
        let fill = learnt();
        assert!(
            fill.log_odds(1.0, next(Some(0.87)), false)
                > fill.log_odds(1.0, next(Some(0.98)), false)
        );
        assert!(fill.log_odds(1.0, next(Some(0.87)), false) > 0.0);
    }

    #[test]
    fn an_indented_first_line_is_full_for_a_first_line() {
        let fill = learnt();
        assert!(
            fill.log_odds(0.95, next(Some(0.97)), true)
                < fill.log_odds(0.95, next(Some(0.97)), false)
        );
        assert!(fill.log_odds(0.95, next(Some(0.97)), true) < 0.0);
    }

    /// First lines a few letters short of middle ones, their rooms spread
    /// alike by the words after them: the width still tells them apart.
    #[test]
    fn the_next_lines_width_tells_a_first_line_whatever_word_follows() {
        let mut seams = Vec::new();
        for k in 0..400 {
            let word = (k % 9) as f32 * 0.02;
            let middle = |width: f32| Seam {
                room: 1.05,
                next_room: Some(1.0 + word),
                next_width: Some(width),
                goes_on: true,
                sentence_end: false,
                next_goes_on: true,
                next_ends: false,
            };
            seams.push(middle(0.97 - word / 4.0));
            if k % 3 == 0 {
                seams.push(Seam {
                    room: 0.5,
                    sentence_end: true,
                    goes_on: false,
                    ..middle(0.9 - word / 4.0)
                });
            }
        }
        let fill = Fill::learn(&seams);
        assert!(fill.log_odds(1.05, next(Some(0.89)), false) > 1.0);
        assert!(fill.log_odds(1.05, next(Some(0.97)), false) < -1.0);
    }

    /// A line measured wider than any middle line of the document (OCR
    /// mismeasures lines) is no likelier a middle one than a last one: its
    /// fill says nothing, and weighs less against an end than a full line's.
    #[test]
    fn a_room_past_every_line_says_nothing() {
        let fill = learnt();
        let past = fill.log_odds(1.5, next(None), false);
        assert!((past - fill.log_odds(1.55, next(None), false)).abs() < 1e-4);
        assert!(past > fill.log_odds(1.1, next(None), false));
    }

    /// Where a quarter of the lines after a middle line end their
    /// paragraph but hardly any first line does, a break before a line
    /// that plainly ends its paragraph would leave a rare one-line
    /// paragraph: the odds of the break fall.
    #[test]
    fn a_plainly_last_next_line_seldom_stands_alone() {
        let mut seams = Vec::new();
        for k in 0..400 {
            seams.push(Seam {
                next_ends: k % 4 == 0,
                ..seam(1.05, 1.05, true, false)
            });
            if k % 2 == 0 {
                seams.push(Seam {
                    next_ends: k % 100 == 0,
                    ..seam(0.5, 0.95, false, true)
                });
            }
        }
        let fill = Fill::learn(&seams);
        let ends = |ends| fill.log_odds(1.0, NextLine { width: None, ends }, false);
        assert!(
            ends(true) < ends(false) - 1.5,
            "{} {}",
            ends(true),
            ends(false)
        );
        // Without examples the next line's end says nothing.
        let fill = Fill::learn(&[]);
        let ends = |ends| fill.log_odds(1.0, NextLine { width: None, ends }, false);
        assert_eq!(ends(true), ends(false));
    }

    #[test]
    fn without_examples_the_next_line_says_nothing() {
        let fill = Fill::learn(&[]);
        assert!(
            (fill.log_odds(1.0, next(Some(0.9)), false) - fill.log_odds(1.0, next(None), false))
                .abs()
                < 1e-4
        );
    }
}
