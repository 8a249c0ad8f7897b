//! Joined lines: OCR sometimes runs the last printed line of one paragraph
//! and the first printed line of the next into one text line ("… the Logan
//! Act.73 President-Elect Trump called Priebus …"). Such a line is cut back
//! in two before paragraphs are grouped, and the second part opens a
//! paragraph (`Line::cut_before`), however full the first part is.
//!
//! OCR that leaves printed lines joined gives text lines whose widths come
//! near whole multiples of the printed line's width. A line of one and a
//! bit to two printed lines that does not end a sentence holds a short
//! printed line in its middle, and a short printed line ends a paragraph:
//! the cut goes at the sentence end after which exactly one printed line is
//! left (the next paragraph's first line, which runs on into the following
//! text line and opens with a capital or a list marker, "b. As with …"). Where the document indents its first lines, that line must be
//! as short as its first lines are, not full: a full printed line after a
//! sentence end is a middle line that happens to follow one.

use std::ops::RangeInclusive;

use super::cues::{ending, numbering, Ending};
use super::fill::CERTAIN_END;
use super::lines::{Layout, Line, Role};

/// Lines between these many printed-line widths may hold a paragraph end.
const LEAST: f32 = 1.12;
const MOST: f32 = 1.9;
/// Unless the document shows indented first lines, the part after the cut
/// must fill a printed line: between these shares of its width.
const TAIL_LEAST: f32 = 0.8;
const TAIL_MOST: f32 = 1.08;
/// Lines between these shares of the wrap width count as full printed lines.
const FULL_LEAST: f32 = 0.9;
const FULL_MOST: f32 = 1.4;
/// Fewest first lines whose width shows whether paragraphs are indented.
const MIN_FIRST_LINES: usize = 5;
/// First lines at least this share of a printed line shorter than full
/// ones show an indent.
const MIN_INDENT: f32 = 0.02;

/// Cuts body lines that hold the end of one paragraph and the start of the
/// next; `wrap` is the layout's wrap width.
pub fn split(layout: &mut Layout, wrap: Option<f32>) {
    let Some(printed) = wrap.and_then(|wrap| printed_width(layout, wrap)) else {
        return;
    };
    let first = first_line_band(layout, printed);
    let cuts: Vec<Option<usize>> = (0..layout.lines.len())
        .map(|i| cut(layout, i, printed, &first))
        .collect();
    if cuts.iter().all(Option::is_none) {
        return;
    }
    let text = layout.text;
    let mut lines = Vec::with_capacity(layout.lines.len() + 8);
    let mut pages = Vec::with_capacity(layout.pages.len());
    for page in &layout.pages {
        let first = lines.len();
        for i in page.clone() {
            let line = &layout.lines[i];
            match cuts[i] {
                Some(at) => {
                    let head_end = line.start + text[line.start..at].trim_end().len();
                    lines.push(Line {
                        end: head_end,
                        width: layout.measure.width(&text[line.start..head_end]),
                        ..line.clone()
                    });
                    lines.push(Line {
                        start: at,
                        indent: 0,
                        width: layout.measure.width(&text[at..line.end]),
                        blank_before: false,
                        cut_before: true,
                        ..line.clone()
                    });
                }
                None => lines.push(line.clone()),
            }
        }
        pages.push(first..lines.len());
    }
    layout.lines = lines;
    layout.pages = pages;
}

/// The width of a full printed line: the median of the body lines within
/// `FULL_LEAST`..`FULL_MOST` wrap widths.
pub fn printed_width(layout: &Layout, wrap: f32) -> Option<f32> {
    let mut full: Vec<f32> = layout
        .lines
        .iter()
        .filter(|l| l.role == Role::Body)
        .map(|l| l.width)
        .filter(|&w| (FULL_LEAST * wrap..=FULL_MOST * wrap).contains(&w))
        .collect();
    let middle = full.len() / 2;
    (middle < full.len()).then(|| *full.select_nth_unstable_by(middle, f32::total_cmp).1)
}

/// How wide a paragraph's first printed line is, in printed-line widths.
/// Learnt from the lines that open a paragraph after a plainly short
/// sentence-final line and run on into lower case: when their median `f`
/// is an indent short of a full line, from `f` less the indent to halfway
/// to a full line; otherwise (no indent, or too few examples) anything
/// that fills most of a line.
fn first_line_band(layout: &Layout, printed: f32) -> RangeInclusive<f32> {
    let body: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].role == Role::Body)
        .collect();
    let runs_into = |a: usize, b: usize| {
        let (la, lb) = (&layout.lines[a], &layout.lines[b]);
        la.page == lb.page && !lb.blank_before
    };
    let mut widths: Vec<f32> = body
        .windows(3)
        .filter(|w| runs_into(w[0], w[1]) && runs_into(w[1], w[2]))
        .filter(|w| {
            let (a, b) = (layout.text_of(w[0]), layout.text_of(w[1]));
            ending(a) == Ending::Terminal
                && layout.lines[w[0]].width < CERTAIN_END * printed
                && b.starts_with(char::is_uppercase)
                && ending(b) == Ending::Open
                && layout.text_of(w[2]).starts_with(char::is_lowercase)
        })
        .map(|w| layout.lines[w[1]].width / printed)
        .filter(|&share| share <= TAIL_MOST)
        .collect();
    if widths.len() < MIN_FIRST_LINES {
        return TAIL_LEAST..=TAIL_MOST;
    }
    let middle = widths.len() / 2;
    let first = *widths.select_nth_unstable_by(middle, f32::total_cmp).1;
    let indent = 1.0 - first;
    if indent < MIN_INDENT {
        return TAIL_LEAST..=TAIL_MOST;
    }
    (first - indent).max(TAIL_LEAST)..=first + indent / 2.0
}

/// Byte offset where body line `i` should be cut, if it holds a paragraph
/// end; `first` is how wide the part after the cut may be.
fn cut(layout: &Layout, i: usize, printed: f32, first: &RangeInclusive<f32>) -> Option<usize> {
    let line = &layout.lines[i];
    if line.role != Role::Body || !(LEAST * printed..MOST * printed).contains(&line.width) {
        return None;
    }
    let text = layout.text_of(i);
    if ending(text) == Ending::Terminal {
        return None;
    }
    let mut best = None;
    for (k, _) in text.match_indices(' ') {
        let rest = &text[k + 1..];
        if !rest.starts_with(char::is_uppercase) && numbering(rest).is_none() {
            continue;
        }
        let head = &text[..k];
        if ending(head) != Ending::Terminal || !ends_in_a_word(head) {
            continue;
        }
        let tail = layout.measure.width(rest) / printed;
        if first.contains(&tail) {
            best = Some(line.start + k + 1);
        }
    }
    best
}

/// Whether `head`'s last word, before its sentence end, has two lower-case
/// letters: "counts." or "Act.73" do, an initial ("K.T.") does not.
fn ends_in_a_word(head: &str) -> bool {
    let word = head.rsplit(char::is_whitespace).next().unwrap_or("");
    word.chars().filter(|c| c.is_lowercase()).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{paragraph, wrap, wrap_indented, wrapped};
    use super::super::lines::text_width;
    use super::*;

    const WIDTH: usize = 72;

    fn paragraphs() -> Vec<Vec<String>> {
        (0..12).map(|k| wrap(&paragraph(k * 4, 4), WIDTH)).collect()
    }

    /// `paras` as OCR runs them together: each paragraph's last printed
    /// line joined to the next one's first.
    fn run_together(paras: &[Vec<String>]) -> String {
        let mut text = String::new();
        for lines in paras {
            for (j, line) in lines.iter().enumerate() {
                text.push_str(line);
                text.push(if j + 1 == lines.len() { ' ' } else { '\n' });
            }
        }
        text.push('\n');
        text
    }

    /// The split layout of `text`, and how many of `paras` after the first
    /// open a line of their own in it.
    fn split_and_count<'a>(text: &'a str, paras: &[Vec<String>]) -> (Layout<'a>, usize) {
        let mut layout = Layout::new(text);
        let wrap = layout.wrap_width();
        split(&mut layout, wrap);
        let opened = paras[1..]
            .iter()
            .filter(|lines| (0..layout.lines.len()).any(|i| layout.text_of(i) == lines[0]))
            .count();
        (layout, opened)
    }

    #[test]
    fn cuts_a_line_that_ends_one_paragraph_and_opens_the_next() {
        let paras = paragraphs();
        let text = run_together(&paras);
        let (layout, opened) = split_and_count(&text, &paras);
        let texts: Vec<&str> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        assert!(opened * 2 >= paras.len(), "{texts:#?}");
        for (i, line) in layout.lines.iter().enumerate() {
            assert_eq!(&text[line.start..line.end], texts[i]);
            assert_eq!(texts[i], texts[i].trim());
        }
        assert_eq!(layout.pages.len(), 1);
        assert_eq!(layout.pages[0], 0..layout.lines.len());
    }

    /// The next paragraph may open with a list marker ("b. As with …")
    /// rather than a capital.
    #[test]
    fn cuts_before_a_list_marker_opening_the_next_paragraph() {
        let paras: Vec<Vec<String>> = (0..12)
            .map(|k| {
                let marker = char::from(b'a' + k as u8);
                wrap(&format!("{marker}. {}", paragraph(k * 4, 4)), WIDTH)
            })
            .collect();
        let text = run_together(&paras);
        let (layout, opened) = split_and_count(&text, &paras);
        let texts: Vec<&str> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        assert!(opened * 2 >= paras.len(), "{texts:#?}");
    }

    #[test]
    fn leaves_wrapped_lines_alone() {
        let paras: Vec<String> = paragraphs().iter().map(|l| l.join(" ")).collect();
        let text = wrapped(&paras, WIDTH);
        let mut layout = Layout::new(&text);
        let before = layout.lines.len();
        let wrap = layout.wrap_width();
        split(&mut layout, wrap);
        assert_eq!(layout.lines.len(), before);
    }

    /// Paragraphs with indented first lines, where OCR ran some paragraphs'
    /// last line into the next one's first, and broke some middle lines
    /// that end a sentence in two, running the second half into the full
    /// line after it (as wide together as the first kind): only the first
    /// kind is cut.
    #[test]
    fn cuts_before_an_indented_first_line_not_a_full_middle_one() {
        let paras: Vec<Vec<String>> = (0..200)
            .map(|k| wrap_indented(&paragraph(k * 4, 4), WIDTH, 8))
            .collect();
        // Lines wider than any first line count as full.
        let full = paras.iter().map(|l| text_width(&l[0])).fold(0.0, f32::max);
        let mut text = String::new();
        let (mut ends, mut middles) = (Vec::new(), Vec::new());
        for (k, lines) in paras.iter().enumerate() {
            let mut after_join = false;
            for (j, line) in lines.iter().enumerate() {
                let last = j + 1 == lines.len();
                let full_next = lines.get(j + 2).is_some() && text_width(&lines[j + 1]) > full;
                if last && k % 4 == 0 && k + 1 < paras.len() {
                    ends.push(paras[k + 1][0].clone());
                    text.push_str(&format!("{line} "));
                } else if !last && !after_join && line.ends_with('.') && full_next {
                    let half = line[..line.len() / 2].rfind(' ').unwrap_or(0);
                    let (first, second) = line.split_at(half);
                    middles.push(format!("{} {}", second.trim(), lines[j + 1]));
                    text.push_str(&format!("{first}\n{} ", second.trim()));
                    after_join = true;
                    continue;
                } else {
                    text.push_str(&format!("{line}\n"));
                }
                after_join = false;
            }
        }
        assert!(
            middles.len() >= 3,
            "the fixture needs full middle lines joined"
        );
        let mut layout = Layout::new(&text);
        let wrap = layout.wrap_width();
        split(&mut layout, wrap);
        let texts: Vec<&str> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        for joined in &middles {
            assert!(texts.contains(&joined.as_str()), "{joined}");
        }
        let cut = ends.iter().filter(|l| texts.contains(&l.as_str())).count();
        assert!(cut * 2 >= ends.len(), "{cut} of {}", ends.len());
    }
}
