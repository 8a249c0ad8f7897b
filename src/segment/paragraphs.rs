//! Paragraphs: body lines regrouped into paragraphs and footnote lines into
//! footnotes, whatever the input's kind (wrapped lines, blank-line blocks,
//! one paragraph per line, double-spaced OCR).
//!
//! Between two consecutive body lines the decision is made from how the
//! first ends (sentence end, colon, hyphen, or running on), how full it is
//! against the typical wrap width around it, whether the next starts in
//! lower case, with a list marker, or indented, and whether a blank line or a
//! page break lies between. The wrap width is learnt from the document's own
//! lines that visibly end mid-sentence; text with no such lines is not hard
//! wrapped, and there every line break ends a paragraph unless the next line
//! plainly continues the sentence.

use super::cues::{
    all_caps, ending, ends_in_reference, numbering, opens_in_prose, runs_on,
    runs_on_after_abbreviation, sentence_ends, title_case, Ending, Style,
};
use super::fill::{Fill, NextLine, Seam, CERTAIN_END};
use super::hazard::Hazard;
use super::labels::Labels;
use super::lines::{Layout, Role};
use super::markdown::opens_in_lower_case;
use super::openers::Openers;
use super::sentences::opens_sentence;
use super::tables;
use crate::model::ParagraphKind;

/// Fewest blank-line seams on a page for its blank lines to be taken for line spacing.
const MIN_SPACED: usize = 4;
/// A line at most this share of the local wrap width ends its paragraph early.
const SHORT: f32 = 0.88;
/// A line not ending a sentence and this short ends its paragraph (a
/// heading), when it opened the paragraph and a line at least
/// `FULL_ENOUGH` wide follows.
const SHORT_LINE: f32 = 0.5;
const FULL_ENOUGH: f32 = 0.75;
/// Longest second piece of a line broken at a footnote reference, in a text
/// that breaks lines there only now and then.
const SHORT_PIECE: f32 = 0.8;
/// Pieces of one printed line fill at most this many local wrap widths
/// (the raised numbers are set small, and justified lines stretch), and
/// at least `FULL_PIECES` where they end it.
const PIECES_FIT: f32 = 1.07;
const FULL_PIECES: f32 = 0.9;
/// A paragraph this many times longer (in lines) than the document's median
/// paragraph was probably run together from several.
const OVERLONG: f32 = 3.0;
/// A line wider than this many wrap widths was never wrapped (OCR paragraph lines).
const OVERFULL: f32 = 1.4;
/// The last printed line of an overfull line fills up to this share of a
/// printed line (justified lines stretch).
const TAIL_MOST: f32 = 1.08;
/// Fewest overfull lines running on into lower case with a full last
/// printed line that show OCR ran printed lines together mid-paragraph.
const MIN_JOINED: usize = 5;
/// Lines this many body lines either side give the local wrap width.
const NEIGHBOURS: usize = 8;
/// A line narrower than this share of the local wrap width, with at least
/// `FRAGMENT_COMPANY` as narrow among the `FRAGMENT_REACH` body lines either
/// side, is a fragment of text OCR read in narrow columns (set beside a
/// redaction box or a picture), not a heading.
const FRAGMENT: f32 = 0.35;
const FRAGMENT_REACH: usize = 2;
const FRAGMENT_COMPANY: usize = 2;

/// Lines that make up one paragraph, footnote or table row, in reading
/// order (a table row's cell by cell).
#[derive(Debug, Clone)]
pub struct Group {
    /// Indices into the layout's lines.
    pub lines: Vec<usize>,
    /// A paragraph (headings and list items are told later), a footnote or a table row.
    pub kind: ParagraphKind,
}

/// Blank lines on a page where they part most body lines, and most of the
/// lines they part run on mid-sentence, are the OCR's line spacing (pages
/// set around redaction boxes), not paragraph ends: they are forgotten, so
/// the line's ending and fill decide there as on a wrapped page. Text with
/// one paragraph per blank-line block is untouched: its blocks end sentences.
/// `wrap` is the layout's wrap width, which line spacing does not change.
pub fn forget_line_spacing(layout: &mut Layout, wrap: Option<f32>) {
    for page in layout.pages.clone() {
        let body: Vec<usize> = page
            .filter(|&i| layout.lines[i].role == Role::Body)
            .collect();
        let seams = body.len().saturating_sub(1);
        let gapped: Vec<usize> = body
            .windows(2)
            .filter(|w| layout.lines[w[1]].blank_before)
            .map(|w| w[0])
            .collect();
        let open = gapped
            .iter()
            .filter(|&&a| runs_mid_sentence(layout.text_of(a)))
            .count();
        if gapped.len() >= MIN_SPACED && gapped.len() * 2 >= seams && open * 2 >= gapped.len() {
            for w in body.windows(2) {
                let wrapped = wrap.is_some_and(|wrap| layout.lines[w[0]].width < OVERFULL * wrap);
                if wrapped || ending(layout.text_of(w[0])) != Ending::Terminal {
                    layout.lines[w[1]].blank_before = false;
                }
            }
        }
    }
}

/// Whether `line`, before a blank line, tells of line spacing: it stops
/// mid-sentence. A line closing on a bracket does not tell, as redaction
/// marks close so ("… structure. [Redacted]") and hide where the sentence
/// ends: a text of one block per line with many such keeps its blank lines.
fn runs_mid_sentence(line: &str) -> bool {
    ending(line) != Ending::Terminal && !line.trim_end().ends_with(']')
}

/// Groups the body lines of `layout` into paragraphs and its footnote lines
/// into footnotes, ordered by first line; a line holding one of the
/// document's `labels` opens a paragraph of its own. Doubtful seams are
/// first weighed by the line widths alone; the paragraphs this gives teach
/// the document's paragraph-length rhythm, and where there is one the lines
/// are grouped again with it (see [`super::hazard`]).
pub fn group(layout: &Layout, labels: &Labels) -> Vec<Group> {
    let body: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].role == Role::Body)
        .collect();
    let widths = Widths::learn(layout, &body);
    let grouping = Grouping {
        layout,
        labels,
        widths: &widths,
        body: &body,
    };
    let (groups, doubts) = grouping.run(None);
    if doubts.is_empty() {
        return split_overlong(groups, &doubts, |i| widths.printed_lines(layout, i));
    }
    let lengths = groups
        .iter()
        .filter(|g| g.kind == ParagraphKind::Paragraph && g.lines.len() > 1)
        .map(|g| {
            g.lines
                .iter()
                .map(|&i| sentence_ends(layout.text_of(i)))
                .sum()
        });
    let (groups, doubts) = match Hazard::learn(lengths) {
        Some(hazard) => grouping.run(Some(&hazard)),
        None => (groups, doubts),
    };
    split_overlong(groups, &doubts, |i| widths.printed_lines(layout, i))
}

/// What one pass over the lines groups them with.
struct Grouping<'a> {
    layout: &'a Layout<'a>,
    labels: &'a Labels,
    widths: &'a Widths,
    /// Indices of the body lines, in order.
    body: &'a [usize],
}

impl Grouping<'_> {
    /// Groups the lines, weighing doubtful seams with the paragraph-length
    /// `hazard` if given; returns the groups and the doubtful seams (by the
    /// line after them) with their log odds of a break, broken or not.
    fn run(&self, hazard: Option<&Hazard>) -> (Vec<Group>, Vec<(usize, f32)>) {
        let layout = self.layout;
        let mut groups: Vec<Group> = Vec::new();
        let mut paragraph: Option<usize> = None;
        let mut footnote: Option<usize> = None;
        let mut next_body = 0;
        let mut doubts: Vec<(usize, f32)> = Vec::new();
        // Sentences the current paragraph has ended so far, counted only
        // where a hazard will read them.
        let mut sentences = 0;
        for (i, line) in layout.lines.iter().enumerate() {
            match line.role {
                Role::Furniture => {}
                Role::Table => {
                    if let Some(lines) = tables::row_at(layout, i) {
                        let header = line.cell.is_some_and(|c| c.header);
                        groups.push(Group {
                            lines,
                            kind: if header {
                                ParagraphKind::TableHeader
                            } else {
                                ParagraphKind::TableRow
                            },
                        });
                        paragraph = None;
                    }
                }
                Role::FootnoteStart | Role::Footnote => match footnote {
                    Some(g) if line.role == Role::Footnote => groups[g].lines.push(i),
                    _ => {
                        footnote = Some(groups.len());
                        groups.push(Group {
                            lines: vec![i],
                            kind: ParagraphKind::Footnote,
                        });
                    }
                },
                Role::Body => {
                    next_body += 1;
                    let after = self.body.get(next_body).copied();
                    let previous = paragraph.and_then(|g| groups[g].lines.last().copied());
                    let opens = paragraph.is_some_and(|g| groups[g].lines.len() == 1);
                    let text = layout.text_of(i);
                    let verdict = match previous {
                        // A Markdown heading stands alone.
                        Some(a) if line.heading.is_some() || layout.lines[a].heading.is_some() => {
                            Verdict::Break
                        }
                        Some(a)
                            if self.labels.opens_run_in(text)
                                && ending(layout.text_of(a)) == Ending::Terminal =>
                        {
                            Verdict::Break
                        }
                        Some(a) if !self.labels.is_label(text) => {
                            self.widths.verdict(layout, a, i, after, opens)
                        }
                        _ => Verdict::Break,
                    };
                    let verdict = match verdict {
                        Verdict::Doubtful(odds) => {
                            let odds = odds + hazard.map_or(0.0, |h| h.log_odds(sentences));
                            doubts.push((i, odds));
                            // The likelier reading wins.
                            Verdict::from(odds <= 0.0)
                        }
                        verdict => verdict,
                    };
                    let ends = if hazard.is_some() {
                        sentence_ends(text)
                    } else {
                        0
                    };
                    match (paragraph, verdict) {
                        (Some(g), Verdict::Join) => {
                            groups[g].lines.push(i);
                            sentences += ends;
                        }
                        _ => {
                            paragraph = Some(groups.len());
                            groups.push(Group {
                                lines: vec![i],
                                kind: ParagraphKind::Paragraph,
                            });
                            sentences = ends;
                        }
                    }
                }
            }
        }
        (groups, doubts)
    }
}

/// What the document's line widths say.
struct Widths {
    /// Typical width of a wrapped line, if the text is hard wrapped.
    wrap: Option<f32>,
    /// Local wrap width around each line (by line index; 0 where unknown).
    local: Vec<f32>,
    /// Whether paragraphs open with an indented first line the text kept
    /// (`pdftotext -layout`), which then decides breaks after any sentence
    /// end but a plainly short line.
    indents: bool,
    /// How full lines are in this document at paragraph ends and in the middle.
    fill: Fill,
    /// How the document's paragraphs open, against its other sentences.
    openers: Openers,
    /// Which lines are column fragments (by line index; see `FRAGMENT`).
    fragments: Vec<bool>,
    /// Width of the earlier pieces of each line's printed line (by line
    /// index; 0 where the line opens its printed line): see [`pieces`].
    pieces: Vec<f32>,
    /// Width of a printed line where OCR runs whole printed lines into one
    /// text line mid-paragraph (see [`joined_printed_width`]).
    joined: Option<f32>,
}

impl Widths {
    fn learn(layout: &Layout, body: &[usize]) -> Self {
        let mut local = vec![0.0; layout.lines.len()];
        let Some(wrap) = layout.wrap_width() else {
            return Widths {
                wrap: None,
                local,
                indents: false,
                fill: Fill::learn(&[]),
                openers: Openers::default(),
                fragments: Vec::new(),
                pieces: Vec::new(),
                joined: None,
            };
        };
        // Printed lines, where pieces broken at references fit one.
        let printed = layout.printed_widths();
        let width = |j: usize| {
            Some(printed[j])
                .filter(|&w| w <= PIECES_FIT * wrap)
                .unwrap_or(layout.lines[j].width)
        };
        for (k, &i) in body.iter().enumerate() {
            // Text wrapped at a column gives every line its room.
            if let Some(capacity) = layout.measure.capacity(layout.lines[i].indent) {
                local[i] = capacity;
                continue;
            }
            let lo = k.saturating_sub(NEIGHBOURS);
            let hi = (k + NEIGHBOURS + 1).min(body.len());
            let mut top = [0.0f32; 3];
            for &j in &body[lo..hi] {
                let w = width(j);
                if w > OVERFULL * wrap {
                    continue;
                }
                if w > top[2] {
                    top[2] = w;
                    top.sort_unstable_by(|a, b| b.total_cmp(a));
                }
            }
            let third = if top[2] > 0.0 { top[2] } else { top[0] };
            local[i] = if third >= 0.5 * wrap { third } else { wrap };
        }
        let fragments = fragments(layout, body, &local);
        let pieces = pieces(layout, body, &local);
        let mut widths = Widths {
            wrap: Some(wrap),
            local,
            indents: first_line_indents(layout, body),
            fill: Fill::learn(&[]),
            openers: Openers::default(),
            fragments,
            pieces,
            joined: joined_printed_width(layout, body, wrap),
        };
        let (next_lines, seams): (Vec<usize>, Vec<Seam>) = widths.seams(layout, body).unzip();
        widths.fill = Fill::learn(&seams);
        // The lines after plain paragraph ends open paragraphs.
        let starts = next_lines
            .iter()
            .zip(&seams)
            .filter(|(_, s)| s.plain_end())
            .map(|(&b, _)| layout.text_of(b));
        widths.openers = Openers::learn(starts, body.iter().map(|&i| layout.text_of(i)));
        widths
    }

    /// The local wrap width at line `a`.
    fn capacity(&self, a: usize) -> f32 {
        self.local
            .get(a)
            .copied()
            .filter(|&c| c > 0.0)
            .or(self.wrap)
            .unwrap_or(1.0)
    }

    /// How many printed lines body line `i` stands for: one, unless OCR ran
    /// several into it (wider than `OVERFULL` wrap widths) or it is a column
    /// fragment, a piece of one.
    fn printed_lines(&self, layout: &Layout, i: usize) -> f32 {
        let share = layout.lines[i].width / self.capacity(i);
        if share > OVERFULL || self.fragment(i) {
            share
        } else {
            1.0
        }
    }

    /// Whether line `a` is a column fragment (see `FRAGMENT`).
    fn fragment(&self, a: usize) -> bool {
        self.fragments.get(a).copied().unwrap_or(false)
    }

    /// Width of the earlier pieces of line `a`'s printed line (see [`pieces`]).
    fn piece_offset(&self, a: usize) -> f32 {
        self.pieces.get(a).copied().unwrap_or(0.0)
    }

    /// Printed width up to the end of line `a`: its own and that of the
    /// earlier pieces of its printed line.
    fn printed_width(&self, layout: &Layout, a: usize) -> f32 {
        self.piece_offset(a) + layout.lines[a].width
    }

    /// How full line `a` is counting the first word of line `b`, in local wrap widths.
    fn room(&self, layout: &Layout, a: usize, b: usize) -> f32 {
        (self.printed_width(layout, a) + after_space(layout, b)) / self.capacity(a)
    }

    /// [`room`](Self::room) of a line `a` wider than a printed line
    /// `printed` wide, whose printed lines OCR ran together: that of its
    /// last printed line.
    fn last_room(&self, layout: &Layout, a: usize, b: usize, printed: f32) -> f32 {
        last_printed_line(layout.lines[a].width, printed) + after_space(layout, b) / printed
    }

    /// The room of line `b` against the body line after it, unless a blank line parts them.
    fn next_room(&self, layout: &Layout, b: usize, after: Option<usize>) -> Option<f32> {
        after
            .filter(|&c| !gapped(layout, b, c))
            .map(|c| self.room(layout, b, c))
    }

    /// The width of line `b` in local wrap widths, when a body line follows
    /// it without a blank line (as `next_room`).
    fn next_width(&self, layout: &Layout, b: usize, after: Option<usize>) -> Option<f32> {
        after
            .filter(|&c| !gapped(layout, b, c))
            .map(|_| layout.lines[b].width / self.capacity(b))
    }

    /// Whether body line `b`, after a sentence end, is a heading line: short,
    /// ending no sentence and not running on, in title case or capitals,
    /// with a line at least `FULL_ENOUGH` wide opening on a capital after
    /// it. Such a line can be neither a paragraph's last line (it ends no
    /// sentence) nor a wrapped middle one (it is short), whatever the
    /// document's line fill says of short lines.
    fn heading_between(&self, layout: &Layout, b: usize, after: Option<usize>) -> bool {
        let tb = layout.text_of(b);
        let capacity = self.capacity(b);
        let Some(c) = after else {
            return false;
        };
        layout.lines[b].width < SHORT_LINE * capacity
            && ending(tb) == Ending::Open
            && !runs_on(tb)
            && (title_case(tb) || all_caps(tb))
            && layout.lines[c].width >= FULL_ENOUGH * capacity
            && layout.text_of(c).starts_with(char::is_uppercase)
    }

    /// Whether body line `b` plainly ends its paragraph: it ends a sentence
    /// with room to spare, and the body line `after` it, no blank line
    /// between, opens one.
    fn plainly_ends(&self, layout: &Layout, b: usize, after: Option<usize>) -> bool {
        after.is_some_and(|c| {
            !gapped(layout, b, c)
                && sentence_ends_between(layout, b, c)
                && self.room(layout, b, c) < CERTAIN_END
        })
    }

    /// Every seam between body lines that no blank line parts, each with
    /// the line after it: what the document's line fill and the way its
    /// paragraphs open are learnt from.
    fn seams<'a>(
        &'a self,
        layout: &'a Layout,
        body: &'a [usize],
    ) -> impl Iterator<Item = (usize, Seam)> + 'a {
        let goes_on = |a: usize, b: usize| {
            ending(layout.text_of(a)) == Ending::Open && opens_in_lower_case(layout, b)
        };
        body.windows(2)
            .enumerate()
            .filter(|(_, w)| !gapped(layout, w[0], w[1]))
            .map(move |(k, w)| {
                let (a, b) = (w[0], w[1]);
                let after = body.get(k + 2).copied();
                let mut seam = Seam {
                    room: self.room(layout, a, b),
                    next_room: self.next_room(layout, b, after),
                    next_width: self.next_width(layout, b, after),
                    goes_on: goes_on(a, b),
                    sentence_end: sentence_ends_between(layout, a, b),
                    next_goes_on: after.is_some_and(|c| goes_on(b, c)),
                    next_ends: false,
                };
                // Only the lines after plain ends and middle lines are counted.
                seam.next_ends =
                    (seam.plain_end() || seam.goes_on) && self.plainly_ends(layout, b, after);
                (b, seam)
            })
    }

    /// Whether body line `b` continues the paragraph whose last line is `a`;
    /// `after` is the body line following `b`; `opens` says `a` is the first
    /// line of its paragraph (a short one may then be a heading).
    fn verdict(
        &self,
        layout: &Layout,
        a: usize,
        b: usize,
        after: Option<usize>,
        opens: bool,
    ) -> Verdict {
        let (la, lb) = (&layout.lines[a], &layout.lines[b]);
        let (ta, tb) = (layout.text_of(a), layout.text_of(b));
        let end = ending(ta);
        let b_lower = opens_in_lower_case(layout, b);
        let gap = gapped(layout, a, b);
        if self.wrap.is_none() {
            return Verdict::from(
                !gap && (end == Ending::Hyphen || (end == Ending::Open && b_lower)),
            );
        }
        if gap {
            let number_only = numbering(ta).is_some_and(|n| n.len == ta.len());
            return Verdict::from(end == Ending::Open && !number_only && (b_lower || runs_on(ta)));
        }
        if end == Ending::Hyphen || self.piece_offset(b) > 0.0 {
            return Verdict::Join;
        }
        let capacity = self.capacity(a);
        let printed = self.printed_width(layout, a);
        let ratio = printed / capacity;
        if starts_item(tb) && (end != Ending::Open || ratio < SHORT) {
            return Verdict::Break;
        }
        // A numbered title wider than the wrap width around it was never
        // wrapped (OCR prints headings on one line, however long); nor was
        // one that opens its paragraph and fills its line when a full line
        // of prose, not the title's own tail, follows.
        let before_prose =
            || opens && lb.width >= FULL_ENOUGH * capacity && !title_case(tb) && !all_caps(tb);
        let unwrapped_title = end == Ending::Open
            && numbering(ta).is_some()
            && tb.starts_with(char::is_uppercase)
            && (ratio > 1.0 || before_prose())
            && (title_case(ta) || all_caps(ta))
            && !runs_on(ta);
        if unwrapped_title {
            return Verdict::Break;
        }
        // The next line carries the sentence on: it opens in lower case, or
        // after an abbreviation that ends no sentence before it ("138 S.").
        let carries_on = b_lower || runs_on_after_abbreviation(ta, tb);
        // Of printed lines OCR ran together, the last one tells a sentence
        // end from a paragraph end; where it does not, any sentence end
        // after a line never wrapped is one.
        let joined = self
            .joined
            .filter(|&printed| la.width > TAIL_MOST * printed && end == Ending::Terminal);
        let room = match joined {
            Some(printed) if !carries_on => {
                let room = self.last_room(layout, a, b, printed);
                if room < CERTAIN_END {
                    return Verdict::Break;
                }
                room
            }
            _ if la.width > OVERFULL * capacity => {
                return Verdict::from(
                    carries_on || !matches!(end, Ending::Terminal | Ending::Colon),
                )
            }
            _ => self.room(layout, a, b),
        };
        match end {
            _ if carries_on && end != Ending::Colon => Verdict::Join,
            Ending::Terminal if self.heading_between(layout, b, after) => Verdict::Break,
            Ending::Terminal if self.indents => Verdict::from(
                room >= CERTAIN_END
                    && lb.indent <= la.indent + 1
                    && !(opens && indented_like(layout, a, b, after)),
            ),
            Ending::Terminal => {
                let next = NextLine {
                    width: self.next_width(layout, b, after),
                    ends: self.plainly_ends(layout, b, after),
                };
                let mut odds = self.fill.log_odds(room, next, opens);
                odds += self.openers.log_odds(tb);
                Verdict::Doubtful(odds)
            }
            Ending::Colon => {
                Verdict::from(!tb.starts_with(char::is_uppercase) && (b_lower || ratio >= SHORT))
            }
            Ending::Open | Ending::Hyphen => {
                let before_full_line = opens && lb.width >= FULL_ENOUGH * capacity;
                // A first line before a full one was not wrapped if it is
                // short of half a line; or still short with the next word,
                // before a line opening a sentence (not ", and" after a
                // redaction's gap); or short and numbered.
                let heading_like = (title_case(ta) && !opens_in_prose(ta))
                    || all_caps(ta)
                    || (before_full_line
                        && (ratio < SHORT_LINE
                            || (room < SHORT && opens_sentence(tb))
                            || (ratio < SHORT && numbering(ta).is_some())));
                // Column fragments run on into each other.
                let fragments = self.fragment(a) && self.fragment(b);
                if room >= 1.0 || runs_on(ta) || !heading_like || fragments {
                    return Verdict::Join;
                }
                Verdict::from(ratio >= 0.45 && title_case(tb))
            }
        }
    }
}

/// The width of a printed line when OCR runs whole printed lines into one
/// text line even inside paragraphs, as the DOJ's OCR does: then the lines
/// wider than `OVERFULL` wrap widths that plainly run on (into lower case)
/// mostly end on a full printed line, their widths near whole multiples of
/// it, and the last printed line of such a text line tells a paragraph end
/// as any line's fill does. Text that prints each paragraph on one line
/// has no such run-on lines.
fn joined_printed_width(layout: &Layout, body: &[usize], wrap: f32) -> Option<f32> {
    let printed = super::joined::printed_width(layout, wrap)?;
    let (mut seams, mut full) = (0, 0);
    for w in body.windows(2) {
        let (la, lb) = (&layout.lines[w[0]], &layout.lines[w[1]]);
        if la.width <= OVERFULL * wrap
            || la.page != lb.page
            || gapped(layout, w[0], w[1])
            || !layout.text_of(w[1]).starts_with(char::is_lowercase)
        {
            continue;
        }
        seams += 1;
        let last = last_printed_line(la.width, printed);
        full += usize::from((CERTAIN_END..=TAIL_MOST).contains(&last));
    }
    (full >= MIN_JOINED && 2 * full >= seams).then_some(printed)
}

/// Width of a space and line `b`'s first word: what a line before it
/// lacked room for, if it was wrapped.
fn after_space(layout: &Layout, b: usize) -> f32 {
    let next_word = layout
        .text_of(b)
        .split_whitespace()
        .next()
        .map_or(0.0, |word| layout.measure.width(word));
    layout.measure.space() + next_word
}

/// How full the last of the printed lines in a text line `width` wide is,
/// in widths of a `printed` line.
fn last_printed_line(width: f32, printed: f32) -> f32 {
    let lines = width / printed;
    lines - (lines - TAIL_MOST).ceil().max(0.0)
}

/// Whether a blank line parts lines `a` and `b` of one page, or a paragraph
/// end that OCR ran into one line (see [`super::joined`]).
fn gapped(layout: &Layout, a: usize, b: usize) -> bool {
    let lb = &layout.lines[b];
    (lb.blank_before || lb.cut_before) && layout.lines[a].page == lb.page
}

/// What the seam between two body lines is.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Verdict {
    /// A paragraph ends between them.
    Break,
    /// The paragraph goes on.
    Join,
    /// A full line ended a sentence and the next starts a new one: the log
    /// odds of a break, which the paragraph's length so far may still tip.
    Doubtful(f32),
}

impl From<bool> for Verdict {
    fn from(joins: bool) -> Self {
        if joins {
            Verdict::Join
        } else {
            Verdict::Break
        }
    }
}

/// Paragraphs far longer than the document's typical paragraph were most
/// likely run together at a doubtful seam: cut them at their most doubtful
/// seams until no part is over-long. Length is counted in printed lines
/// (`printed` says how many a line stands for), not text lines: OCR runs
/// some printed lines into one text line and reads text set beside a box
/// as a run of short fragments, either of which would miscount it.
fn split_overlong(
    groups: Vec<Group>,
    doubts: &[(usize, f32)],
    printed: impl Fn(usize) -> f32,
) -> Vec<Group> {
    let size = |g: &Group| g.lines.iter().map(|&i| printed(i)).sum::<f32>();
    let mut sizes: Vec<f32> = groups
        .iter()
        .filter(|g| g.kind == ParagraphKind::Paragraph && g.lines.len() > 1)
        .map(size)
        .collect();
    sizes.sort_unstable_by(f32::total_cmp);
    let Some(&median) = sizes.get(sizes.len() / 2) else {
        return groups;
    };
    if doubts.is_empty() || median < 3.0 {
        return groups;
    }
    let limit = median * OVERLONG;
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let mut pending = vec![group];
        while let Some(g) = pending.pop() {
            let cut = (g.kind == ParagraphKind::Paragraph && size(&g) > limit)
                .then(|| {
                    g.lines
                        .iter()
                        .enumerate()
                        .skip(2)
                        .take(g.lines.len().saturating_sub(3))
                        .filter_map(|(k, line)| {
                            let d = doubts.binary_search_by_key(line, |&(l, _)| l).ok()?;
                            Some((k, doubts[d].1))
                        })
                        .max_by(|x, y| x.1.total_cmp(&y.1))
                })
                .flatten();
            match cut {
                Some((k, _)) => {
                    let mut head = g;
                    let tail = head.lines.split_off(k);
                    pending.push(Group {
                        lines: tail,
                        kind: ParagraphKind::Paragraph,
                    });
                    pending.push(head);
                }
                None => out.push(g),
            }
        }
    }
    out
}

/// For each line (by index), the width of the earlier pieces of its printed
/// line: some converters break the printed line after each raised footnote
/// reference ("documents.19" / "On July 22, 2016, the day before the"),
/// leaving pieces that together fill one line, and no paragraph can end
/// between them. A text that breaks there as a rule (most of its references
/// end their line, `Layout::reference_breaks`) joins every piece that still
/// fits the line;
/// elsewhere a sentence-final reference is taken for such a break only when
/// a shorter piece running on fills the line with it.
fn pieces(layout: &Layout, body: &[usize], local: &[f32]) -> Vec<f32> {
    let mut pieces = vec![0.0; layout.lines.len()];
    let as_a_rule = layout.reference_breaks;
    for w in body.windows(2) {
        let (a, b) = (w[0], w[1]);
        let (la, lb) = (&layout.lines[a], &layout.lines[b]);
        let (ta, tb) = (layout.text_of(a), layout.text_of(b));
        if la.page != lb.page
            || gapped(layout, a, b)
            || !ends_in_reference(ta)
            || numbering(tb).is_some()
        {
            continue;
        }
        let capacity = local[a];
        let before = pieces[a] + la.width + layout.measure.space();
        let fill = (before + lb.width) / capacity;
        let one_line = if as_a_rule {
            // A title ("Background") is a piece only where it ends the
            // printed line ("Vice Presidential Candidate Mike") or leads to
            // the next reference: one after a short last line is a heading.
            let title_like = (title_case(tb) || all_caps(tb)) && !runs_on(tb);
            fill <= PIECES_FIT && (!title_like || fill >= FULL_PIECES || ends_in_reference(tb))
        } else {
            ending(ta) == Ending::Terminal
                && pieces[a] + la.width + after_space(layout, b) < capacity
                && lb.width < SHORT_PIECE * capacity
                && ending(tb) == Ending::Open
                && (FULL_PIECES..=PIECES_FIT).contains(&fill)
        };
        if one_line {
            pieces[b] = before;
        }
    }
    pieces
}

/// Which lines (by line index) are column fragments: narrower than
/// `FRAGMENT` local wrap widths, with at least `FRAGMENT_COMPANY` body lines
/// as narrow within `FRAGMENT_REACH` either side. OCR of text set in narrow
/// columns beside a box gives runs of such lines ("the Code", "Sessions",
/// "President"), which end no sentence yet are no headings: a fuller line
/// follows a heading, a fragment runs on into another.
fn fragments(layout: &Layout, body: &[usize], local: &[f32]) -> Vec<bool> {
    let narrow: Vec<bool> = body
        .iter()
        .map(|&i| layout.lines[i].width < FRAGMENT * local[i])
        .collect();
    let mut out = vec![false; layout.lines.len()];
    for (k, &i) in body.iter().enumerate() {
        if !narrow[k] {
            continue;
        }
        let lo = k.saturating_sub(FRAGMENT_REACH);
        let hi = (k + FRAGMENT_REACH + 1).min(body.len());
        let company = (lo..hi).filter(|&j| j != k && narrow[j]).count();
        out[i] = company >= FRAGMENT_COMPANY;
    }
    out
}

/// Whether the text keeps first-line indents: many lines sit a few columns
/// further in than both the line before and the line after them.
fn first_line_indents(layout: &Layout, body: &[usize]) -> bool {
    let indented = body
        .windows(3)
        .filter(|w| {
            let [a, b, c] = [w[0], w[1], w[2]].map(|i| layout.lines[i].indent);
            b >= a + 2 && b <= a + 8 && c == a
        })
        .count();
    indented >= 5 && indented * 40 >= body.len()
}

/// Whether body line `b` is indented as line `a` is, and the body line
/// `after` it goes back to the margin: where `a` opens its paragraph, `b`
/// opens one as `a` did, which was one line long (a quotation set in from
/// the margin goes on at its indent).
fn indented_like(layout: &Layout, a: usize, b: usize, after: Option<usize>) -> bool {
    let indent = layout.lines[a].indent;
    indent >= 2
        && layout.lines[b].indent == indent
        && after.is_some_and(|c| layout.lines[c].indent + 2 <= indent)
}

/// Whether a sentence ends at the end of line `a` and line `b` opens the
/// next (not a list item).
fn sentence_ends_between(layout: &Layout, a: usize, b: usize) -> bool {
    let tb = layout.text_of(b);
    tb.starts_with(char::is_uppercase)
        && ending(layout.text_of(a)) == Ending::Terminal
        && !starts_item(tb)
}

/// Whether line `b` opens a list item or numbered paragraph (an inline
/// enumeration such as "(1) this; (2) that" does not count).
fn starts_item(line: &str) -> bool {
    let Some(n) = numbering(line) else {
        return false;
    };
    let inline = matches!(
        n.style,
        Style::ParenArabic | Style::ParenLetter | Style::ParenRoman | Style::ParenUpper
    ) && line[n.len..].contains(" (");
    !inline
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{paragraph, sentence, wrap, wrap_indented, wrap_printed, wrapped};
    use super::super::lines::text_width;
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        grouped_texts(&Layout::new(text))
    }

    fn group(layout: &Layout) -> Vec<Group> {
        super::group(layout, &Labels::learn(layout))
    }

    /// The text of each group of lines `group` makes of `layout`.
    fn grouped_texts(layout: &Layout) -> Vec<String> {
        texts_of(layout, &group(layout))
    }

    /// The text of each of `groups`, its lines joined.
    fn texts_of(layout: &Layout, groups: &[Group]) -> Vec<String> {
        groups
            .iter()
            .map(|g| {
                g.lines
                    .iter()
                    .map(|&i| layout.text_of(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    /// Paragraphs whose wrapped last line is clearly short, as most are.
    fn sample_paragraphs(n: usize) -> Vec<String> {
        (0..40)
            .map(|k| paragraph(k * 3, 2 + k % 3))
            .filter(|p| {
                wrap(p, WIDTH)
                    .last()
                    .is_some_and(|l| l.len() < WIDTH * 2 / 3)
            })
            .take(n)
            .collect()
    }

    const WIDTH: usize = 72;

    #[test]
    fn unwraps_hard_wrapped_paragraphs() {
        let paras = sample_paragraphs(6);
        let mut with_heading = paras.clone();
        with_heading.insert(3, "Background to the review".to_string());
        assert_eq!(paragraphs(&wrapped(&with_heading, WIDTH)), with_heading);
    }

    #[test]
    fn a_numbered_sentence_case_heading_over_half_a_line_stands_alone() {
        let paras = sample_paragraphs(6);
        let heading = "3. What the agencies knew about the family";
        assert!(heading.len() * 2 > WIDTH && heading.len() < WIDTH * 3 / 4);
        let mut with_heading = paras.clone();
        with_heading.insert(3, heading.to_string());
        assert_eq!(paragraphs(&wrapped(&with_heading, WIDTH)), with_heading);
    }

    /// An unnumbered title in sentence case, over half a line but still
    /// short of a full one with the next word added, was not wrapped: it
    /// stands alone, also before a line that opens on a bracket ("(CNN)
    /// Whether …"). A line as short before one that goes on with a comma
    /// (the words between removed, as a redaction leaves them) is no title.
    #[test]
    fn an_unwrapped_sentence_case_title_stands_alone() {
        let paras = sample_paragraphs(6);
        let heading = "Hospital gowns have gotten a face-lift with help";
        assert!(heading.len() * 2 > WIDTH && heading.len() < WIDTH * 3 / 4);
        for (opening, stands_alone) in [("", true), ("(CNN) ", true), (", and ", false)] {
            let mut with_heading = paras.clone();
            with_heading[3].insert_str(0, opening);
            with_heading.insert(3, heading.to_string());
            let found = paragraphs(&wrapped(&with_heading, WIDTH));
            let next = &with_heading[4][..40];
            let alone = found
                .windows(2)
                .any(|w| w[0] == heading && w[1].starts_with(next));
            let run_on = found
                .iter()
                .any(|p| p.starts_with(&format!("{heading} {next}")));
            assert_eq!((alone, run_on), (stands_alone, !stands_alone), "{found:#?}");
        }
    }

    /// `paras` with a note reference after every sentence, wrapped at
    /// `WIDTH`, each printed line then broken after its references as
    /// `pdftotext -raw` breaks it.
    fn broken_at_references(paras: &[String]) -> (Vec<String>, String) {
        let mut note = 0;
        let referenced: Vec<String> = paras
            .iter()
            .map(|p| {
                let sentences = p.split_inclusive(". ").map(|s| {
                    note += 1;
                    match s.trim_end().strip_suffix('.') {
                        Some(sentence) => format!("{sentence}.{note}"),
                        None => s.trim_end().to_string(),
                    }
                });
                sentences.collect::<Vec<_>>().join(" ")
            })
            .collect();
        let mut lines = Vec::new();
        for line in referenced.iter().flat_map(|p| wrap(p, WIDTH)) {
            let mut piece = String::new();
            for word in line.split_whitespace() {
                if !piece.is_empty() {
                    piece.push(' ');
                }
                piece.push_str(word);
                if ends_in_reference(word) {
                    lines.push(std::mem::take(&mut piece));
                }
            }
            if !piece.is_empty() {
                lines.push(piece);
            }
        }
        (referenced, lines.join("\n") + "\n")
    }

    /// Paragraphs whose last line, with its reference, is too long to share
    /// a printed line with the next paragraph's first: a last line of a
    /// word or two beside a full line is the one case widths cannot decide.
    fn referenced_paragraphs(n: usize) -> Vec<String> {
        sample_paragraphs(40)
            .into_iter()
            .filter(|p| wrap(p, WIDTH).last().is_some_and(|l| l.len() > WIDTH / 4))
            .take(n)
            .collect()
    }

    #[test]
    fn a_line_broken_after_each_note_reference_is_put_back_together() {
        let (paras, text) = broken_at_references(&referenced_paragraphs(8));
        assert!(text.lines().count() > wrapped(&paras, WIDTH).lines().count());
        assert_eq!(paragraphs(&text), paras);
    }

    #[test]
    fn a_title_after_a_paragraph_ending_in_a_reference_stands_alone() {
        let mut paras = referenced_paragraphs(8);
        paras.insert(4, "Background".to_string());
        let (referenced, text) = broken_at_references(&paras);
        assert_eq!(referenced[4], "Background");
        assert_eq!(paragraphs(&text), referenced);
    }

    #[test]
    fn a_paragraph_ending_on_a_full_line_ends_before_an_indented_one() {
        let paras: Vec<String> = (0..60).map(|k| paragraph(k * 4, 3 + k % 3)).collect();
        let lines: Vec<Vec<String>> = paras.iter().map(|p| wrap_indented(p, WIDTH, 5)).collect();
        let ending_full: Vec<&String> = paras
            .iter()
            .zip(&lines)
            .take(paras.len() - 1)
            .filter(|(_, l)| l.len() > 1 && l.last().is_some_and(|t| t.len() + 8 > WIDTH))
            .map(|(p, _)| p)
            .collect();
        assert!(
            ending_full.len() >= 2,
            "the fixture needs paragraphs ending full"
        );
        let text: String = lines.iter().flatten().map(|l| format!("{l}\n")).collect();
        let found = paragraphs(&text);
        for p in ending_full {
            assert!(found.iter().any(|f| p.ends_with(f.as_str())), "{p}");
        }
    }

    /// Lines of `text` as justified type sets them, with the first indented
    /// by four spaces: up to `width` characters, but a line that ends a
    /// sentence once it is nine tenths full ends there (the spaces stretch).
    fn set_indented(text: &str, width: usize) -> Vec<String> {
        let mut lines = vec![String::from("    ")];
        for word in text.split_whitespace() {
            let line = lines.last_mut().expect("one line");
            let full = line.len() * 10 >= width * 9 && line.ends_with('.');
            if line.trim().is_empty() {
                line.push_str(word);
            } else if full || line.len() + 1 + word.len() > width {
                lines.push(word.to_string());
            } else {
                line.push(' ');
                line.push_str(word);
            }
        }
        lines
    }

    #[test]
    fn an_unindented_line_after_a_nearly_full_one_goes_on_when_paragraphs_indent() {
        let paras: Vec<String> = (0..30).map(|k| paragraph(k * 5, 4 + k % 3)).collect();
        let lines: Vec<Vec<String>> = paras.iter().map(|p| set_indented(p, WIDTH)).collect();
        let early = lines
            .iter()
            .flat_map(|l| &l[..l.len() - 1])
            .filter(|l| l.ends_with('.') && l.trim().len() < WIDTH - 4)
            .count();
        assert!(early >= 3, "the fixture needs lines ending early");
        let text: String = lines.iter().flatten().map(|l| format!("{l}\n")).collect();
        assert_eq!(paragraphs(&text), paras);
    }

    /// Middle lines that happen to end a sentence, as full as middle lines
    /// are, in text whose dropped first-line indents leave first lines
    /// short: nineteen paragraphs in twenty come back whole (the target), and
    /// hardly any is cut in two.
    #[test]
    fn a_full_line_ending_a_sentence_mid_paragraph_goes_on() {
        let paras: Vec<String> = (0..60).map(|k| paragraph(k * 4, 3 + k % 3)).collect();
        let lines: Vec<Vec<String>> = paras.iter().map(|p| wrap_indented(p, WIDTH, 5)).collect();
        let inner_ends = lines
            .iter()
            .flat_map(|l| &l[..l.len() - 1])
            .filter(|l| l.ends_with('.'))
            .count();
        assert!(inner_ends >= 3, "the fixture needs lines ending a sentence");
        let text: String = lines.iter().flatten().map(|l| format!("{l}\n")).collect();
        let found = paragraphs(&text);
        let whole = paras.iter().filter(|p| found.contains(p)).count();
        assert!(whole * 20 >= paras.len() * 19, "{whole} of {}", paras.len());
        assert!(found.len() <= paras.len() + 1, "{found:#?}");
    }

    /// News copy: paragraphs of two sentences, most of whose sentence-final
    /// line ends close a paragraph. Where one more sentence takes a short
    /// last line of its own after a full line ending a sentence, that line
    /// is the paragraph's last, not a paragraph of one line, which the
    /// document's plain paragraph ends show to be rare.
    #[test]
    fn a_short_last_line_after_a_full_sentence_end_stays_in_its_paragraph() {
        const LAST: &str = "Nobody objected.";
        let mut paras: Vec<String> = (0..80).map(|k| paragraph(k * 2, 2)).collect();
        let mut lengthened = 0;
        for p in paras.iter_mut() {
            let lines = wrap(p, WIDTH);
            let last = lines.last().expect("a line");
            if lines.len() > 1 && last.len() + 1 + "Nobody".len() > WIDTH && lengthened < 6 {
                p.push(' ');
                p.push_str(LAST);
                lengthened += 1;
            }
        }
        assert_eq!(lengthened, 6, "the fixture needs full last lines");
        let found = paragraphs(&wrapped(&paras, WIDTH));
        assert!(!found.iter().any(|p| p == LAST), "{found:#?}");
    }

    /// A full line that ends a sentence goes on, unless the joined-line cut
    /// put a paragraph end after it.
    #[test]
    fn a_paragraph_opens_where_a_joined_line_was_cut() {
        let paras: Vec<String> = (0..12).map(|k| paragraph(k * 4, 4)).collect();
        let text = wrapped(&paras, WIDTH);
        let mut layout = Layout::new(&text);
        let inner = (1..layout.lines.len() - 1)
            .find(|&i| {
                let (a, b) = (layout.text_of(i - 1), layout.text_of(i));
                a.ends_with('.') && a.len() + 4 >= WIDTH && !paras.iter().any(|p| p.starts_with(b))
            })
            .expect("a full middle line ending a sentence");
        let starts =
            |layout: &Layout| -> Vec<usize> { group(layout).iter().map(|g| g.lines[0]).collect() };
        assert!(!starts(&layout).contains(&inner));
        layout.lines[inner].cut_before = true;
        assert!(starts(&layout).contains(&inner));
    }

    /// OCR that runs whole printed lines into one text line, inside
    /// paragraphs too, ends such a text line on a full printed line: a
    /// sentence that ends there does not end the paragraph, while one that
    /// ends a short last printed line does, however wide the text line.
    #[test]
    fn printed_lines_ocr_ran_together_end_a_paragraph_only_when_short() {
        const WIDE: f32 = 100.0;
        let paras: Vec<String> = (0..400)
            .map(|k| paragraph(k * 5, 3 + k % 3))
            .filter(|p| {
                let lines = wrap_printed(p, WIDE);
                lines
                    .last()
                    .is_some_and(|l| (0.2..0.5).contains(&(text_width(l) / WIDE)))
            })
            .take(60)
            .collect();
        let mut text = String::new();
        let mut full_sentence_ends = 0;
        for (k, p) in paras.iter().enumerate() {
            let lines = wrap_printed(p, WIDE);
            let mut at = 0;
            for run in (k..).map(|j| [1, 1, 2, 1, 1, 3][j % 6]) {
                let end = (at + run).min(lines.len());
                let joined = lines[at..end].join(" ");
                full_sentence_ends += usize::from(end < lines.len() && joined.ends_with('.'));
                text.push_str(&joined);
                text.push('\n');
                at = end;
                if at == lines.len() {
                    break;
                }
            }
        }
        assert!(full_sentence_ends >= 5, "the text shows the case");
        assert_eq!(paragraphs(&text), paras);
    }

    /// A paragraph OCR read partly as a run of column fragments has far
    /// more text lines than printed ones: it is not over-long, and is not
    /// cut at a full line that happens to end a sentence.
    #[test]
    fn column_fragments_do_not_make_a_paragraph_overlong() {
        let whole = (0..200)
            .map(|k| paragraph(k * 3, 4))
            .find(|p| {
                let lines = wrap(p, WIDTH);
                lines.len() > 3
                    && lines[1..lines.len() - 1]
                        .iter()
                        .any(|l| l.ends_with('.') && l.len() + 4 >= WIDTH)
            })
            .expect("a paragraph with a full inner line ending a sentence");
        let mut lines = wrap(&whole, WIDTH);
        let fragments = [
            "the code",
            "of rules",
            "which he",
            "had read",
            "in the",
            "office of",
            "the chair",
            "and the",
            "minutes",
            "of the",
        ];
        lines.splice(1..1, fragments.iter().map(|f| f.to_string()));
        let paras = sample_paragraphs(8);
        let mut text = wrapped(&paras[..4], WIDTH);
        text.extend(lines.iter().map(|l| format!("{l}\n")));
        text.push_str(&wrapped(&paras[4..], WIDTH));
        let found = paragraphs(&text);
        assert!(found.contains(&lines.join(" ")), "{found:#?}");
    }

    /// A label the document repeats alone ("Overview") after a title line
    /// is a heading of its own, not the end of the title.
    #[test]
    fn a_repeated_label_does_not_end_the_title_above_it() {
        let paras = sample_paragraphs(6);
        let mut text = String::new();
        for (k, p) in paras.iter().enumerate() {
            text.push_str(&format!(
                "{}. Further Efforts by the Committee to Review Part {k}\nOverview\n",
                k + 1
            ));
            text.push_str(&wrapped(std::slice::from_ref(p), WIDTH));
        }
        let found = paragraphs(&text);
        assert_eq!(
            found.iter().filter(|p| *p == "Overview").count(),
            6,
            "{found:#?}"
        );
    }

    /// A one-word heading after a paragraph whose last line ends a sentence
    /// on a full line: the line fill alone would read it as going on.
    #[test]
    fn a_short_title_line_between_a_sentence_end_and_a_full_line_is_its_own() {
        let full_ending = (0..200)
            .map(|k| paragraph(k, 3))
            .find(|p| {
                let lines = wrap(p, WIDTH);
                lines.len() > 1 && lines.last().is_some_and(|l| l.len() + 3 >= WIDTH)
            })
            .expect("a paragraph ending on a full line");
        let mut paras = sample_paragraphs(6);
        paras.insert(3, full_ending.clone());
        paras.insert(4, "Analysis".to_string());
        let found = paragraphs(&wrapped(&paras, WIDTH));
        assert!(found.contains(&full_ending), "{found:#?}");
        assert!(found.contains(&"Analysis".to_string()), "{found:#?}");
    }

    /// A paragraph opening with a run-in label the document repeats
    /// ("Intent.") opens there, even after a full line ending a sentence.
    #[test]
    fn a_run_in_label_opens_a_paragraph_after_a_full_line() {
        let full_endings: Vec<String> = (0..400)
            .map(|k| paragraph(k, 3))
            .filter(|p| {
                let lines = wrap(p, WIDTH);
                lines.len() > 1 && lines.last().is_some_and(|l| l.len() + 3 >= WIDTH)
            })
            .take(3)
            .collect();
        assert_eq!(full_endings.len(), 3, "the fixture needs full last lines");
        let mut paras = sample_paragraphs(6);
        for (k, full) in full_endings.iter().enumerate() {
            paras.insert(2 * k + 1, full.clone());
            paras.insert(2 * k + 2, format!("Intent. {}", paragraph(50 + k, 3)));
        }
        let found = paragraphs(&wrapped(&paras, WIDTH));
        for full in &full_endings {
            assert!(found.contains(full), "{found:#?}");
        }
    }

    /// Adds `lines` to `text` as they are, one a line, unwrapped.
    fn push_lines(text: &mut String, lines: &[&str]) {
        for line in lines {
            text.push_str(line);
            text.push('\n');
        }
    }

    /// `paras` wrapped at `WIDTH`, except `title`, left on one line as OCR
    /// prints headings however long.
    fn wrapped_but(paras: &[String], title: &str) -> String {
        paras
            .iter()
            .flat_map(|p| {
                if p == title {
                    vec![p.clone()]
                } else {
                    wrap(p, WIDTH)
                }
            })
            .map(|l| l + "\n")
            .collect()
    }

    #[test]
    fn a_numbered_title_wider_than_the_wrap_width_ends_before_a_capital() {
        let title = "2. Further Efforts by the Committee to Review the Budget Covered by the Spring Minutes";
        assert!(title.len() > WIDTH);
        let mut paras = sample_paragraphs(6);
        paras.insert(3, title.to_string());
        assert_eq!(paragraphs(&wrapped_but(&paras, title)), paras);
    }

    /// OCR of text set in narrow columns beside a box: a run of short lines
    /// ending no sentence, some a single capitalised word, inside one
    /// paragraph; a short heading before a full line still stands alone.
    #[test]
    fn a_run_of_column_fragments_stays_in_its_paragraph() {
        let paras = sample_paragraphs(6);
        let fragments = [
            "Sessions had read the language in",
            "the Code",
            "Sessions",
            "of Federal",
            "President",
            "regulations, and thought that it did not apply to him.",
        ];
        let mut text = wrapped(&paras[..3], WIDTH);
        text.push_str("Analysis\n");
        text.push_str(&wrapped(&paras[3..4], WIDTH));
        push_lines(&mut text, &fragments);
        text.push_str(&wrapped(&paras[4..], WIDTH));
        let found = paragraphs(&text);
        assert!(found.contains(&fragments.join(" ")), "{found:#?}");
        assert!(found.contains(&"Analysis".to_string()), "{found:#?}");
        assert!(found.contains(&paras[3]), "{found:#?}");
    }

    /// A numbered title that fills its line stands alone before a full line
    /// of prose (OCR keeps titles on one line), as does one OCR left longer
    /// than any wrapped line; a title wrapped onto a second line in title
    /// case stays whole.
    #[test]
    fn a_full_numbered_title_ends_before_prose() {
        let title = "2. Further Efforts by the Committee to Review the Budget and Minutes";
        assert!(title.len() + 8 > WIDTH && title.len() <= WIDTH);
        let paras = sample_paragraphs(6);
        let mut alone = paras.clone();
        alone.insert(3, title.to_string());
        assert_eq!(paragraphs(&wrapped(&alone, WIDTH)), alone);
        let wrapped_title = format!("{title} Covered by the Spring Review");
        let mut whole = paras.clone();
        whole.insert(3, wrapped_title);
        assert_eq!(paragraphs(&wrapped(&whole, WIDTH)), whole);
        let long = "1. Incoming Regional Auditor Discusses the Budget for the Coming Year with the Harbour Pilot and the Council";
        assert!(long.len() as f32 > OVERFULL * WIDTH as f32);
        let mut unwrapped = paras.clone();
        unwrapped.insert(3, long.to_string());
        assert_eq!(paragraphs(&wrapped_but(&unwrapped, long)), unwrapped);
    }

    /// A line that ends in an initial ("138 S.") before a line that opens
    /// with no sentence opener ("Ct. 1101") runs on, however short it is.
    #[test]
    fn a_line_ending_in_an_initial_runs_on_before_a_citation() {
        let paras = sample_paragraphs(6);
        let cited = "It was so held in Marinello v. United States, 138 S. \
            Ct. 1101, 1106 (2018), and the appeal failed on the same ground.";
        let mut text = wrapped(&paras[..3], WIDTH);
        text.push_str("It was so held in Marinello v. United States, 138 S.\n");
        text.push_str("Ct. 1101, 1106 (2018), and the appeal failed on the same ground.\n");
        text.push_str(&wrapped(&paras[3..], WIDTH));
        let found = paragraphs(&text);
        assert!(found.iter().any(|p| p == cited), "{found:#?}");
    }

    /// So does a line OCR left longer than any wrapped line, which otherwise
    /// ends its paragraph wherever it ends a sentence.
    #[test]
    fn an_unwrapped_line_ending_in_an_initial_runs_on() {
        let paras = sample_paragraphs(6);
        let long = "The panel weighed the burden on the office against the need for it, as the \
            court had done in Nixon v. Fitzgerald, 457 U.S.";
        assert!(long.len() as f32 > OVERFULL * WIDTH as f32);
        let rest = "731, 753 (1982), and found the burden slight.";
        let mut text = wrapped(&paras[..3], WIDTH);
        text.push_str(&format!("{long}\n{rest}\n"));
        text.push_str(&wrapped(&paras[3..], WIDTH));
        let found = paragraphs(&text);
        assert!(found.contains(&format!("{long} {rest}")), "{found:#?}");
    }

    /// A short line of capitals that opens in lower case ("interests. See
    /// … Language 763") is a sentence's tail, not a title: it runs on.
    #[test]
    fn a_capitalised_line_opening_in_lower_case_runs_on() {
        let paras = sample_paragraphs(6);
        let lines = [
            "The panel took the word as the standard account of the period had it",
            "read. See Samuel Johnson, A Dictionary of the Language 763",
            "(1755) for the meaning of the word.",
        ];
        let mut text = wrapped(&paras[..3], WIDTH);
        push_lines(&mut text, &lines);
        text.push_str(&wrapped(&paras[3..], WIDTH));
        let found = paragraphs(&text);
        assert!(found.contains(&lines.join(" ")), "{found:#?}");
    }

    #[test]
    fn a_line_closing_on_redaction_marks_tells_of_no_line_spacing() {
        assert!(runs_mid_sentence("the President asked him to"));
        assert!(!runs_mid_sentence("a more detailed structure. [Redacted]"));
        assert!(!runs_mid_sentence("[Redacted] [Redacted]"));
        assert!(!runs_mid_sentence("It ended there."));
    }

    #[test]
    fn keeps_one_paragraph_per_blank_line_block_when_unwrapped() {
        let text =
            "`` Ms . Kinsman 's false accusations . ''\n\nShocked .\n\nWho ?\n\n.\n\nhe said .\n";
        assert_eq!(paragraphs(text).len(), 5);
    }

    /// A page of wrapped paragraphs, then a page set line by line with blank
    /// lines between (OCR around a redaction box), then a one-paragraph-per-line page.
    fn spaced_pages() -> String {
        let mut text = wrapped(&sample_paragraphs(6), WIDTH);
        text.push_str("7\n\x0c");
        let spaced = wrap(&paragraph(60, 4), WIDTH);
        for line in &spaced {
            text.push_str(line);
            text.push_str("\n\n");
        }
        text.push_str("8\n\x0c");
        for k in 0..3 {
            text.push_str(&paragraph(80 + 5 * k, 4));
            text.push_str("\n\n");
        }
        text
    }

    #[test]
    fn forgets_the_blank_lines_of_a_double_spaced_page() {
        let text = spaced_pages();
        let mut layout = Layout::new(&text);
        super::super::furniture::mark(&mut layout);
        let wrap = layout.wrap_width();
        forget_line_spacing(&mut layout, wrap);
        let texts = grouped_texts(&layout);
        assert!(texts.contains(&paragraph(60, 4)), "{texts:#?}");
        for k in 0..3 {
            assert!(texts.contains(&paragraph(80 + 5 * k, 4)), "{texts:#?}");
        }
    }

    #[test]
    fn joins_double_spaced_lines_that_run_on() {
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str("The Campaign said the matter was settled, and it went on about\n\n");
            text.push_str("the way things were done in the office at the time of the\n\n");
            text.push_str("events described in the report.\n\n");
        }
        assert_eq!(paragraphs(&text).len(), 4);
    }

    #[test]
    fn splits_list_items_but_not_inline_enumerations() {
        let mut text = wrapped(&sample_paragraphs(4), WIDTH);
        text.push_str("There are three elements of the offence in the statute that we read:\n");
        text.push_str("(1) an obstructive act; (2) a nexus between the act and an official\n");
        text.push_str("proceeding; and (3) a corrupt intent. We then turn to each of them.\n");
        text.push_str("The events were these:\n(a) the first event, on a Monday in June;\n");
        text.push_str("(b) the second event, on the Friday after it.\n");
        let paras = paragraphs(&text);
        assert!(paras
            .iter()
            .any(|p| p.starts_with("There are three") && p.contains("(3)")));
        assert!(paras.iter().any(|p| p.starts_with("(a)")));
        assert!(paras.iter().any(|p| p.starts_with("(b)")));
    }

    /// News copy: paragraphs of two, three and four sentences in turn,
    /// wrapped with no indent, so that where a paragraph's last line is full
    /// the widths cannot show its end: the rhythm shows more of them, and
    /// cuts fewer paragraphs short.
    #[test]
    fn a_paragraph_as_long_as_the_documents_rhythm_ends_on_a_full_line() {
        let paras: Vec<String> = (0..90).map(|k| paragraph(k * 4, 2 + k % 3)).collect();
        let text = wrapped(&paras, WIDTH);
        let layout = Layout::new(&text);
        let body: Vec<usize> = (0..layout.lines.len()).collect();
        let widths = Widths::learn(&layout, &body);
        let labels = Labels::learn(&layout);
        let grouping = Grouping {
            layout: &layout,
            labels: &labels,
            widths: &widths,
            body: &body,
        };
        let right = |found: &[String]| found.iter().filter(|f| paras.contains(f)).count();
        let by_widths = texts_of(&layout, &grouping.run(None).0);
        let with_rhythm = grouped_texts(&layout);
        let wrong = |found: &[String]| found.len() - right(found);
        assert!(right(&with_rhythm) > right(&by_widths));
        assert!(wrong(&with_rhythm) < wrong(&by_widths));
    }

    /// `pdftotext -layout` keeps first-line indents. A one-line paragraph
    /// that fills its line ends before the next indented line when the line
    /// after that goes back to the margin; a quotation set in, whose lines
    /// all keep the indent, goes on.
    #[test]
    fn a_full_one_line_paragraph_ends_before_an_indented_line() {
        const INDENT: &str = "      ";
        let set = |p: &str| -> String {
            let mut lines = wrap_indented(p, WIDTH, INDENT.len());
            lines[0].insert_str(0, INDENT);
            lines.iter().map(|l| format!("{l}\n")).collect()
        };
        let one_line = (0..200)
            .map(sentence)
            .find(|s| (WIDTH - 14..=WIDTH - INDENT.len()).contains(&s.len()))
            .expect("a sentence nearly as long as an indented line");
        let quotation = paragraph(300, 3);
        let paras: Vec<String> = (0..8).map(|k| paragraph(k * 4, 3)).collect();
        let mut text: String = paras[..4].iter().map(|p| set(p)).collect();
        text += &set(&one_line);
        text += &paras[4..6].iter().map(|p| set(p)).collect::<String>();
        for line in wrap(&quotation, WIDTH - INDENT.len()) {
            text += &format!("{INDENT}{line}\n");
        }
        text += &paras[6..].iter().map(|p| set(p)).collect::<String>();
        let found = paragraphs(&text);
        assert!(found.contains(&one_line), "{found:#?}");
        assert!(found.contains(&paras[4]), "{found:#?}");
        assert!(found.contains(&quotation), "{found:#?}");
    }
}
