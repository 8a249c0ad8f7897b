//! Joined lines: OCR sometimes runs the last printed line of one paragraph
//! and the first printed line of the next into one text line ("… the Logan
//! Act.73 President-Elect Trump called Priebus …"). Such a line is cut back
//! in two before paragraphs are grouped, so the paragraph end inside it can
//! be seen.
//!
//! OCR that leaves printed lines joined gives text lines whose widths come
//! near whole multiples of the printed line's width. A line of one and a
//! bit to two printed lines that does not end a sentence holds a short
//! printed line in its middle, and a short printed line ends a paragraph:
//! the cut goes at the sentence end after which exactly one full printed
//! line is left (the next paragraph's first line, which runs on into the
//! following text line).

use super::cues::{ending, Ending};
use super::lines::{text_width, Layout, Line, Role};

/// Lines between these many printed-line widths may hold a paragraph end.
const LEAST: f32 = 1.12;
const MOST: f32 = 1.9;
/// The part after the cut must fill a printed line: between these shares of its width.
const TAIL_LEAST: f32 = 0.8;
const TAIL_MOST: f32 = 1.08;
/// Lines between these shares of the wrap width count as full printed lines.
const FULL_LEAST: f32 = 0.9;
const FULL_MOST: f32 = 1.4;

/// Cuts body lines that hold the end of one paragraph and the start of the
/// next; `wrap` is the layout's wrap width.
pub fn split(layout: &mut Layout, wrap: Option<f32>) {
    let Some(printed) = wrap.and_then(|wrap| printed_width(layout, wrap)) else {
        return;
    };
    let cuts: Vec<Option<usize>> = (0..layout.lines.len())
        .map(|i| cut(layout, i, printed))
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
                        width: text_width(&text[line.start..head_end]),
                        ..line.clone()
                    });
                    lines.push(Line {
                        start: at,
                        indent: 0,
                        width: text_width(&text[at..line.end]),
                        blank_before: false,
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
fn printed_width(layout: &Layout, wrap: f32) -> Option<f32> {
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

/// Byte offset where body line `i` should be cut, if it holds a paragraph end.
fn cut(layout: &Layout, i: usize, printed: f32) -> Option<usize> {
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
        if !rest.starts_with(char::is_uppercase) {
            continue;
        }
        let head = &text[..k];
        if ending(head) != Ending::Terminal || !ends_in_a_word(head) {
            continue;
        }
        let tail = text_width(rest) / printed;
        if (TAIL_LEAST..=TAIL_MOST).contains(&tail) {
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
    use super::super::fixtures::{paragraph, wrap, wrapped};
    use super::*;

    const WIDTH: usize = 72;

    fn paragraphs() -> Vec<Vec<String>> {
        (0..12).map(|k| wrap(&paragraph(k * 4, 4), WIDTH)).collect()
    }

    #[test]
    fn cuts_a_line_that_ends_one_paragraph_and_opens_the_next() {
        let paras = paragraphs();
        // OCR joins each paragraph's last printed line to the next one's first.
        let mut text = String::new();
        for lines in &paras {
            for (j, line) in lines.iter().enumerate() {
                text.push_str(line);
                text.push(if j + 1 == lines.len() { ' ' } else { '\n' });
            }
        }
        text.push('\n');
        let mut layout = Layout::new(&text);
        let wrap = layout.wrap_width();
        split(&mut layout, wrap);
        let texts: Vec<&str> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        let opened = paras[1..]
            .iter()
            .filter(|lines| texts.contains(&lines[0].as_str()))
            .count();
        assert!(opened * 2 >= paras.len(), "{texts:#?}");
        for (i, line) in layout.lines.iter().enumerate() {
            assert_eq!(&text[line.start..line.end], texts[i]);
            assert_eq!(texts[i], texts[i].trim());
        }
        assert_eq!(layout.pages.len(), 1);
        assert_eq!(layout.pages[0], 0..layout.lines.len());
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
}
