//! Lines: the input cut into physical lines, each with the layout facts the
//! later stages read (page, indentation, printed width, blank lines before),
//! because converted text carries its structure in its layout, not its markup.

use super::cues::{all_caps, ending, ends_in_reference, title_case, Ending};
use super::markdown::InlineMark;

/// What a line is to the compared text; later stages refine `Body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Text of the document proper: paragraphs, headings, lists.
    Body,
    /// Page furniture: running header or footer, page number, contents leader.
    Furniture,
    /// The first line of a footnote (it carries the footnote's marker).
    FootnoteStart,
    /// A further line of the footnote above it.
    Footnote,
    /// A piece of a table line: one cell's text on it ([`Line::cell`]).
    Table,
}

/// Where a table line's piece belongs ([`super::tables`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The row, numbered across the document's tables.
    pub row: u32,
    /// The column, from 0 at the left.
    pub column: u32,
    /// Whether the row is the table's header.
    pub header: bool,
}

/// One non-blank physical line.
#[derive(Debug, Clone)]
pub struct Line {
    /// Byte offset of the first non-blank character.
    pub start: usize,
    /// Byte offset just past the last non-blank character.
    pub end: usize,
    /// Leading whitespace, in columns (a tab counts four).
    pub indent: u32,
    /// Approximate printed width, in widths of an average lower-case letter.
    pub width: f32,
    /// Index of the page the line is on (pages end at form feeds).
    pub page: u32,
    /// Whether a blank line separates it from the previous line of its page.
    pub blank_before: bool,
    /// Whether [`super::joined`] cut it from the text line before it, at the
    /// end of the paragraph that line held: a paragraph ends before it.
    pub cut_before: bool,
    /// What the line is to the compared text.
    pub role: Role,
    /// The level of the Markdown heading the line is, if it is one
    /// ([`super::markdown`]).
    pub heading: Option<u8>,
    /// The table cell the line is a piece of, if it is one.
    pub cell: Option<Cell>,
}

/// The lines of a text, grouped into pages.
pub struct Layout<'a> {
    /// The original input.
    pub text: &'a str,
    /// Non-blank lines in input order.
    pub lines: Vec<Line>,
    /// For each page, the range of indices into `lines` it holds.
    pub pages: Vec<std::ops::Range<usize>>,
    /// Whether the text carries TeX ligature codes ([`has_tex_ligatures`]).
    pub tex_ligatures: bool,
    /// Whether the converter broke the printed lines at their note
    /// references as a rule ([`breaks_at_references`]).
    pub reference_breaks: bool,
    /// How the lines' widths are counted.
    pub measure: Measure,
    /// The input's Markdown and HTML inline marks and entities, in order
    /// ([`super::markdown`]): text built from the lines reads each as the
    /// character it stands for, or leaves it out.
    pub inline_marks: Vec<InlineMark>,
}

impl<'a> Layout<'a> {
    /// Cuts `text` into lines at LF, CRLF, CR and form feeds; form feeds also end pages.
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let tex_ligatures = has_tex_ligatures(bytes);
        let mut lines = Vec::new();
        let mut pages = Vec::new();
        let mut page_first = 0;
        let mut blank_before = false;
        let mut start = 0;
        let mut i = 0;
        while i <= bytes.len() {
            i = next_break(bytes, i, tex_ligatures);
            let terminator = bytes.get(i).copied();
            match measure(text, start, i, tex_ligatures) {
                Some(mut line) => {
                    line.page = pages.len() as u32;
                    line.blank_before = blank_before;
                    lines.push(line);
                    blank_before = false;
                }
                None => blank_before = page_first < lines.len(),
            }
            if terminator == Some(b'\x0c') {
                pages.push(page_first..lines.len());
                page_first = lines.len();
                blank_before = false;
            }
            if terminator == Some(b'\r') && bytes.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            i += 1;
            start = i;
        }
        if page_first < lines.len() || pages.is_empty() {
            pages.push(page_first..lines.len());
        }
        let reference_breaks = breaks_at_references(text, &lines);
        let measure = Measure::of(text, &lines);
        if measure != Measure::Printed {
            for line in &mut lines {
                line.width = measure.width(&text[line.start..line.end]);
            }
        }
        Layout {
            text,
            lines,
            pages,
            tex_ligatures,
            reference_breaks,
            measure,
            inline_marks: Vec::new(),
        }
    }

    /// The content of line `i` (empty if out of range).
    pub fn text_of(&self, i: usize) -> &'a str {
        self.lines
            .get(i)
            .and_then(|l| self.text.get(l.start..l.end))
            .unwrap_or("")
    }

    /// Whether line `i` ends the title above it, wrapped at a known column
    /// ("C. The President's Reaction to … of the FBI's Russia" /
    /// "Investigation"): no blank line parts them, the title runs on, and
    /// its line had no room for line `i`. A wrapped title's last word
    /// stands alone as a label or a running header does, and titles end
    /// alike.
    pub fn wrapped_title_tail(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1) else {
            return false;
        };
        let (above, line) = (&self.lines[p], &self.lines[i]);
        let Some(capacity) = self.measure.capacity(above.indent) else {
            return false;
        };
        let title = self.text_of(p);
        above.page == line.page
            && !line.blank_before
            && above.width + self.measure.space() + line.width > capacity
            && ending(title) == Ending::Open
            && (title_case(title) || all_caps(title))
    }

    /// Whether the text was split into pages by form feeds.
    pub fn paged(&self) -> bool {
        self.pages.len() > 1
    }

    /// For each line (by index), its width; in a text that breaks its lines
    /// at references (`reference_breaks`), counting the body lines before it
    /// on its page that end in one: the width of the printed line so far.
    pub fn printed_widths(&self) -> Vec<f32> {
        let mut widths: Vec<f32> = self.lines.iter().map(|l| l.width).collect();
        if !self.reference_breaks {
            return widths;
        }
        let mut previous: Option<usize> = None;
        for (i, line) in self.lines.iter().enumerate() {
            if line.role != Role::Body {
                continue;
            }
            if let Some(p) = previous
                .filter(|&p| self.lines[p].page == line.page && ends_in_reference(self.text_of(p)))
            {
                widths[i] += widths[p] + self.measure.space();
            }
            previous = Some(i);
        }
        widths
    }

    /// The typical width of a wrapped body line, learnt from the lines that
    /// visibly end mid-sentence (the next line goes on in lower case), each
    /// with the pieces of its printed line before it
    /// ([`Self::printed_widths`]); `None` when too few do, i.e. the text is
    /// not hard wrapped.
    pub fn wrap_width(&self) -> Option<f32> {
        const MIN_WRAPS: usize = 6;
        let body: Vec<usize> = (0..self.lines.len())
            .filter(|&i| self.lines[i].role == Role::Body)
            .collect();
        let printed = self.printed_widths();
        let mut wrapped: Vec<f32> = body
            .windows(2)
            .filter(|w| {
                let (a, b) = (w[0], w[1]);
                self.lines[a].page == self.lines[b].page
                    && self.text_of(b).starts_with(char::is_lowercase)
                    && ending(self.text_of(a)) == Ending::Open
            })
            .map(|w| printed[w[0]])
            .collect();
        if wrapped.len() < MIN_WRAPS || wrapped.len() * 50 < body.len() {
            return None;
        }
        wrapped.sort_unstable_by(f32::total_cmp);
        wrapped.get(wrapped.len() / 2).copied()
    }
}

/// Index of the first line break (LF, CR) or page break (form feed) in
/// `bytes` from `from` on, or `bytes.len()`; in a text with `ligatures`,
/// ligature codes are no breaks ([`tex_ligature_at`]).
fn next_break(bytes: &[u8], from: usize, ligatures: bool) -> usize {
    let mut from = from;
    loop {
        let at = bytes
            .get(from..)
            .and_then(|rest| memchr::memchr3(b'\n', b'\r', b'\x0c', rest))
            .map_or(bytes.len(), |k| from + k);
        if ligatures && at < bytes.len() && tex_ligature_at(bytes, at).is_some() {
            from = at + 1;
        } else {
            return at;
        }
    }
}

/// The letters of the ligatures TeX's OT1 text encoding sets at codes 11
/// to 15, by code. Extractors that find no Unicode for a TeX font's glyph
/// (pypdf, on PDFs typeset with Computer Modern) pass the code through:
/// "speci\x0cc" is "specific", "in\ruence" is "influence".
fn tex_ligature(code: u8) -> Option<&'static str> {
    match code {
        0x0B => Some("ff"),
        0x0C => Some("fi"),
        0x0D => Some("fl"),
        0x0E => Some("ffi"),
        0x0F => Some("ffl"),
        _ => None,
    }
}

/// The ligature the byte at `at` stands for, in a text with ligature
/// codes: a [`tex_ligature`] code before a small letter.
pub fn tex_ligature_at(bytes: &[u8], at: usize) -> Option<&'static str> {
    tex_ligature(bytes[at]).filter(|_| bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase))
}

/// Whether `bytes` carry TeX ligature codes: form feeds inside lines before
/// a small letter ("speci\x0cc"), where converters put page breaks only at
/// a line's start, more of them than form feeds at a line's start and more
/// than a stray few. Then the form feeds and carriage returns before a
/// small letter at a line's start are ligatures too ("\x0crst").
fn has_tex_ligatures(bytes: &[u8]) -> bool {
    const MIN_INSIDE: usize = 3;
    let (mut inside, mut at_start) = (0, 0);
    for at in memchr::memchr_iter(b'\x0c', bytes) {
        if at == 0 || matches!(bytes[at - 1], b'\n' | b'\r' | b'\x0c') {
            at_start += 1;
        } else if tex_ligature_at(bytes, at).is_some() {
            inside += 1;
        }
    }
    inside >= MIN_INSIDE && inside > at_start
}

/// Whether the converter broke `text`'s printed lines at their note
/// references as a rule: most references in its `lines` end their line,
/// where no typesetter would place them (`pdftotext -raw` does). Lines are
/// read for references inside them only until those settle it.
fn breaks_at_references(text: &str, lines: &[Line]) -> bool {
    /// Fewest line-final references that show the rule.
    const MIN_BREAKS: usize = 12;
    let content = |l: &Line| text.get(l.start..l.end).unwrap_or("");
    let at_end = lines
        .iter()
        .filter(|l| ends_in_reference(content(l)))
        .count();
    if at_end < MIN_BREAKS {
        return false;
    }
    let mut inside = 0;
    for line in lines {
        let before_last = content(line)
            .rsplit_once(|c: char| c.is_ascii_whitespace())
            .map_or("", |(head, _)| head);
        inside += before_last
            .split_ascii_whitespace()
            .filter(|w| ends_in_reference(w))
            .count();
        if 2 * inside >= at_end {
            return false;
        }
    }
    true
}

/// Measures the line in `text[start..end]`, or `None` if it is blank; in
/// a text with `ligatures`, a ligature code opening the line is its first
/// letters, not white space.
fn measure(text: &str, start: usize, end: usize, ligatures: bool) -> Option<Line> {
    let raw = text.get(start..end)?;
    let trimmed_start = if ligatures {
        let bytes = raw.as_bytes();
        let lead = raw
            .char_indices()
            .find(|&(i, c)| !c.is_whitespace() || tex_ligature_at(bytes, i).is_some())
            .map_or(raw.len(), |(i, _)| i);
        &raw[lead..]
    } else {
        raw.trim_start()
    };
    let content = trimmed_start.trim_end();
    if content.is_empty() {
        return None;
    }
    let lead = &raw[..raw.len() - trimmed_start.len()];
    let indent = lead
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<u32>();
    let first = start + lead.len();
    Some(Line {
        start: first,
        end: first + content.len(),
        indent,
        width: text_width(content),
        page: 0,
        blank_before: false,
        cut_before: false,
        role: Role::Body,
        heading: None,
        cell: None,
    })
}

/// Printed width of a space.
const SPACE: f32 = 0.6;

/// How line widths are counted. A typeset page fills its lines by printed
/// width, which [`text_width`] estimates; text a program wrapped at a column
/// (pandoc, an editor, a mail client) fills them by characters, so counted
/// in characters its full lines are equally full and the word that did not
/// fit shows as such, while printed widths make a line of capitals look
/// overfull and a line of narrow letters short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Printed width, in widths of an average lower-case letter.
    Printed,
    /// Characters, for text wrapped at `column` characters (indentation
    /// included).
    Characters {
        /// The widest a wrapped line may be.
        column: u32,
    },
}

/// Fewest lines ending mid-sentence that show how a text was wrapped.
const MIN_WRAPPED_LINES: usize = 12;
/// Share of the lines ending mid-sentence that, wrapped at a column, may
/// still have had room for the next word (a hand edit, a rewrapped line).
const ROOM_LEFT_SHARE: f32 = 0.03;

impl Measure {
    /// The width of `text`.
    pub fn width(self, text: &str) -> f32 {
        match self {
            Measure::Printed => text_width(text),
            Measure::Characters { .. } => text.chars().count() as f32,
        }
    }

    /// The width of the space between two words.
    pub fn space(self) -> f32 {
        match self {
            Measure::Printed => SPACE,
            Measure::Characters { .. } => 1.0,
        }
    }

    /// The room a line indented `indent` columns had, when the text was
    /// wrapped at a known column.
    pub fn capacity(self, indent: u32) -> Option<f32> {
        match self {
            Measure::Printed => None,
            Measure::Characters { column } => Some(column.saturating_sub(indent).max(1) as f32),
        }
    }

    /// How `lines` of `text` were filled: by characters when a fixed column
    /// (the widest of nearly all lines ending mid-sentence, counting their
    /// indentation) had no room left for the next line's first word on
    /// (nearly) any of them; a typeset page, whose lines hold different
    /// numbers of characters, leaves room on most.
    fn of(text: &str, lines: &[Line]) -> Self {
        let column = |l: &Line| l.indent as usize + text[l.start..l.end].chars().count();
        let wrapped: Vec<(usize, usize)> = lines
            .windows(2)
            .filter(|w| w[0].page == w[1].page && !w[1].blank_before)
            .filter_map(|w| {
                let b = &text[w[1].start..w[1].end];
                let goes_on = b.starts_with(char::is_lowercase)
                    && ending(&text[w[0].start..w[0].end]) == Ending::Open;
                let next_word = || b.split(char::is_whitespace).next().unwrap_or(b);
                goes_on.then(|| (column(&w[0]), next_word().chars().count()))
            })
            .collect();
        if wrapped.len() < MIN_WRAPPED_LINES {
            return Measure::Printed;
        }
        let mut ends: Vec<usize> = wrapped.iter().map(|&(end, _)| end).collect();
        ends.sort_unstable();
        let limit = ends[ends.len() - 1 - ends.len() / 100];
        let within = wrapped.iter().filter(|&&(end, _)| end <= limit);
        let room_left = within
            .clone()
            .filter(|&&(end, word)| end + 1 + word <= limit)
            .count();
        if (room_left as f32) <= ROOM_LEFT_SHARE * within.count() as f32 {
            Measure::Characters {
                column: limit as u32,
            }
        } else {
            Measure::Printed
        }
    }
}

/// Approximate printed width of `text`, in widths of an average lower-case letter.
pub fn text_width(text: &str) -> f32 {
    let mut width = 0.0;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b < 0x80 {
            width += ASCII_WIDTHS[usize::from(b)];
        } else if b >= 0xC0 {
            width += text
                .get(i..)
                .and_then(|s| s.chars().next())
                .map_or(1.0, glyph_width);
        }
    }
    width
}

/// `glyph_width` of every ASCII character, looked up rather than matched.
const ASCII_WIDTHS: [f32; 128] = {
    let mut table = [0.0; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = ascii_width(b as u8);
        b += 1;
    }
    table
};

/// Rough advance width of an ASCII character in a proportional serif font,
/// relative to an average lower-case letter, so that line widths compare
/// like printed ones.
const fn ascii_width(b: u8) -> f32 {
    match b {
        b' ' | b'\t' | b'.' | b',' | b':' | b';' | b'\'' | b'i' | b'j' | b'l' | b't' | b'!'
        | b'|' => 0.6,
        b'f' | b'r' | b's' | b'(' | b')' | b'[' | b']' | b'-' | b'/' | b'I' | b'"' | b'`' => 0.75,
        b'm' | b'M' | b'%' | b'&' => 1.65,
        b'w' | b'W' => 1.55,
        b'a' | b'c' | b'e' | b'z' | b'?' => 0.9,
        b'J' => 0.8,
        b'E' | b'F' | b'L' | b'P' | b'S' | b'T' | b'Z' => 1.2,
        b'A'..=b'Z' => 1.4,
        0x0B..=0x0F => 1.1,
        0..=0x1F | 0x7F => 0.0,
        _ => 1.0,
    }
}

/// Width of a non-ASCII character: quotes are narrow, dashes and ligatures wide.
fn glyph_width(c: char) -> f32 {
    match c {
        '’' | '‘' => 0.6,
        '“' | '”' => 0.75,
        '—' => 1.65,
        'ﬁ' | 'ﬂ' => 1.1,
        'ﬀ' => 1.2,
        'ﬃ' | 'ﬄ' => 1.7,
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_pages_and_blank_gaps() {
        let text = "  one\r\ntwo\r\rthree\x0cFour\n\n";
        let layout = Layout::new(text);
        let texts: Vec<_> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        assert_eq!(texts, ["one", "two", "three", "Four"]);
        assert_eq!(layout.lines[0].indent, 2);
        assert!(layout.lines[2].blank_before && !layout.lines[1].blank_before);
        assert_eq!(layout.pages, [0..3, 3..4]);
        assert!(!layout.lines[3].blank_before, "a page starts without a gap");
    }

    #[test]
    fn ligature_codes_are_letters_not_page_or_line_breaks() {
        let text =
            "the speci\x0cc de\x0cnite\n\x0crst in\ruence of\x0cce\x0cNext page\n\x0cThe end";
        let layout = Layout::new(text);
        let texts: Vec<_> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        assert_eq!(
            texts,
            [
                "the speci\x0cc de\x0cnite",
                "\x0crst in\ruence of\x0cce",
                "Next page",
                "The end"
            ]
        );
        assert_eq!(layout.pages.len(), 3);
        // Without form feeds inside lines, a page may open in lower case
        // and a carriage return ends a line (old Mac files); so with a
        // stray one.
        let layout = Layout::new("one\n\x0ccontinued\rline a\x0cb");
        assert!(!layout.tex_ligatures);
        assert_eq!(layout.pages.len(), 3);
        assert_eq!(layout.lines.len(), 4);
    }

    #[test]
    fn empty_text_has_one_empty_page() {
        let layout = Layout::new("");
        assert!(layout.lines.is_empty());
        assert_eq!(layout.pages.len(), 1);
        assert!(layout.pages[0].is_empty());
    }

    /// Paragraphs wrapped by a program at 72 columns leave no room for the
    /// next word on any line; set in a proportional font, the same
    /// paragraphs hold different numbers of characters a line and are
    /// measured as printed.
    #[test]
    fn text_wrapped_at_a_column_is_measured_in_characters() {
        use super::super::fixtures::{paragraph, wrap, wrap_printed};
        let paragraphs: Vec<String> = (0..12).map(|k| paragraph(k * 5, 5)).collect();
        let text = |wrap: &dyn Fn(&str) -> Vec<String>| {
            paragraphs
                .iter()
                .map(|p| wrap(p).join("\n"))
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        let by_column = text(&|p| wrap(p, 72));
        let layout = Layout::new(&by_column);
        assert!(
            matches!(layout.measure, Measure::Characters { column: 66..=72 }),
            "{:?}",
            layout.measure
        );
        let full = (0..layout.lines.len()).find(|&i| layout.text_of(i).len() == 72);
        assert_eq!(full.map(|i| layout.lines[i].width), Some(72.0));
        let printed = text(&|p| wrap_printed(p, 72.0));
        assert_eq!(Layout::new(&printed).measure, Measure::Printed);
        assert_eq!(
            Layout::new(&paragraphs.join("\n\n")).measure,
            Measure::Printed
        );
    }

    #[test]
    fn wide_letters_weigh_more() {
        let narrow = measure("illicit", 0, 7, false)
            .map(|l| l.width)
            .unwrap_or_default();
        let wide = measure("MWMWMWM", 0, 7, false)
            .map(|l| l.width)
            .unwrap_or_default();
        assert!(wide > 2.0 * narrow);
    }
}
