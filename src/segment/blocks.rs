//! Blocks: a paragraph's lines joined into one normalised text (unwrapped,
//! de-hyphenated, whitespace collapsed, NFKC so ligatures read as letters),
//! with a sparse map back to the original bytes so sentences can be located
//! in the user's own text.

use super::cues::bracketed_references_len;
use super::lines::{tex_ligature_at, Layout};
use super::markdown;
use crate::model::{ParagraphKind, CELL_SEPARATOR};
use crate::text::{month_number, nfkc};

/// Word starts that keep their hyphen at a line break ("self-", "non-").
const HYPHEN_PREFIXES: &[&str] = &[
    "self", "non", "well", "ex", "all", "half", "so", "cross", "quasi", "anti", "multi", "semi",
    "pro", "post", "pre", "co", "vice", "inter", "intra", "mid", "sub",
];

/// A paragraph candidate: its lines, normalised text and role.
#[derive(Debug, Clone)]
pub struct Block {
    /// Indices of its lines in the layout.
    pub lines: Vec<usize>,
    /// Unwrapped, de-hyphenated, NFKC-normalised text.
    pub text: String,
    /// Where runs of `text` came from in the original input, in text order.
    anchors: Vec<Anchor>,
    /// Body, heading, list item or footnote.
    pub kind: ParagraphKind,
    /// Its heading number or list marker, if any.
    pub number: Option<String>,
    /// Its level, when it is a heading that Markdown marks as one.
    pub level: Option<u8>,
    /// Words outside redaction marks (set when the block is classified).
    pub words: usize,
    /// Its byte range in the input, when it is not its lines' whole extent
    /// (a block split off from the middle of a line).
    pub span: Option<(usize, usize)>,
}

/// The start of a run of normalised text and where it came from.
#[derive(Debug, Clone, Copy)]
struct Anchor {
    /// Byte offset in the normalised text.
    text: usize,
    /// Byte offset in the original input.
    source: usize,
    /// End of the source bytes, for runs that were rewritten.
    source_end: usize,
    /// Whether the run is a byte-for-byte copy (so offsets inside it map one to one).
    verbatim: bool,
}

/// How two lines of one paragraph meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seam {
    /// A space, as between words.
    Space,
    /// Nothing: a compound's hyphen or a dash ends the first line.
    Tight,
    /// The first line's end hyphen goes: a word was broken across the lines.
    Mend,
}

impl Block {
    /// Joins the lines `lines` of `layout` into one block of kind `kind`.
    pub fn join(layout: &Layout, lines: Vec<usize>, kind: ParagraphKind) -> Self {
        let capacity = lines
            .iter()
            .map(|&i| layout.text_of(i).len() + 1)
            .sum::<usize>();
        let mut block = Block {
            lines: Vec::new(),
            text: String::with_capacity(capacity),
            anchors: Vec::new(),
            kind,
            number: None,
            level: None,
            words: 0,
            span: None,
        };
        let mut previous: Option<&str> = None;
        let mut column = None;
        let marks = &layout.inline_marks;
        for &i in &lines {
            let line = layout.text_of(i);
            let start = layout.lines.get(i).map_or(0, |l| l.start);
            let cell = layout.lines.get(i).and_then(|l| l.cell).map(|c| c.column);
            if cell != column && previous.is_some() {
                block.push_rewritten(CELL_SEPARATOR, start, start);
                previous = None;
            }
            column = cell;
            let first = marks.partition_point(|m| m.start < start);
            let last = first + marks[first..].partition_point(|m| m.start < start + line.len());
            block.append_line(
                line,
                start,
                previous,
                &marks[first..last],
                layout.tex_ligatures,
            );
            previous = Some(line);
        }
        block.lines = lines;
        block
    }

    /// Appends `other` after a space, as when a heading number joins its title.
    pub fn absorb(&mut self, other: Block) {
        let offset = self.text.len() + 1;
        if let Some(first) = other.anchors.first() {
            self.anchors.push(Anchor {
                text: self.text.len(),
                source: first.source,
                source_end: first.source,
                verbatim: false,
            });
        }
        self.text.push(' ');
        self.text.push_str(&other.text);
        self.anchors
            .extend(other.anchors.into_iter().map(|a| Anchor {
                text: a.text + offset,
                ..a
            }));
        self.lines.extend(other.lines);
        self.words += other.words;
    }

    /// Replaces the block's text with `text`, a reading of the whole of it
    /// (a heading number OCR misread), mapped to the same original bytes.
    pub fn respell(&mut self, text: &str) {
        let (source, source_end) = (self.source_start(0), self.source_end(self.text.len()));
        self.anchors = vec![Anchor {
            text: 0,
            source,
            source_end,
            verbatim: false,
        }];
        self.text = text.to_string();
    }

    /// Inserts a space at each of the sorted normalised byte offsets `cuts`
    /// (inside verbatim runs only; others are skipped), keeping the map to
    /// the original: the space maps to the character after it.
    pub fn insert_spaces(&mut self, cuts: &[usize]) {
        let Some(first) = self.anchors.first() else {
            return;
        };
        let mut text = String::with_capacity(self.text.len() + cuts.len());
        let mut anchors = Vec::with_capacity(self.anchors.len() + 2 * cuts.len());
        text.push_str(self.text.get(..first.text).unwrap_or(""));
        let mut shift = 0;
        let mut next_cut = 0;
        for (k, a) in self.anchors.iter().enumerate() {
            let end = self.anchors.get(k + 1).map_or(self.text.len(), |n| n.text);
            anchors.push(Anchor {
                text: a.text + shift,
                ..*a
            });
            let mut from = a.text;
            while let Some(&cut) = cuts.get(next_cut).filter(|&&c| c < end) {
                next_cut += 1;
                if !a.verbatim || cut <= a.text || !self.text.is_char_boundary(cut) {
                    continue;
                }
                text.push_str(&self.text[from..cut]);
                let source = a.source + (cut - a.text);
                anchors.push(Anchor {
                    text: cut + shift,
                    source,
                    source_end: source,
                    verbatim: false,
                });
                text.push(' ');
                shift += 1;
                anchors.push(Anchor {
                    text: cut + shift,
                    source,
                    source_end: source,
                    verbatim: true,
                });
                from = cut;
            }
            text.push_str(self.text.get(from..end).unwrap_or(""));
        }
        self.text = text;
        self.anchors = anchors;
    }

    /// Splits the block at normalised byte `at` (a word start), keeping the
    /// text before it (trimmed) and returning the rest as a new block; the
    /// line the cut falls in belongs to both. Not inlined: a rare step that
    /// several callers would each copy into the WebAssembly module.
    #[inline(never)]
    pub fn split_off(&mut self, layout: &Layout, at: usize) -> Option<Block> {
        if at == 0 || at >= self.text.len() || !self.text.is_char_boundary(at) {
            return None;
        }
        let cut_source = self.source_start(at);
        let (head_start, head_end_line) = self.extent_in(layout);
        let k = self.anchors.partition_point(|a| a.text <= at);
        let mut tail_anchors = Vec::with_capacity(self.anchors.len() - k + 1);
        if let Some(a) = k.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            tail_anchors.push(Anchor {
                text: 0,
                source: cut_source,
                source_end: if a.verbatim { cut_source } else { a.source_end },
                verbatim: a.verbatim,
            });
        }
        tail_anchors.extend(self.anchors.drain(k..).map(|a| Anchor {
            text: a.text - at,
            ..a
        }));
        let tail_text = self.text.split_off(at);
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        let head_end = self.source_end(self.text.len());
        let cut_line = self
            .lines
            .iter()
            .position(|&i| layout.lines.get(i).is_some_and(|l| l.end > cut_source))
            .unwrap_or(self.lines.len().saturating_sub(1));
        let tail_lines = self.lines[cut_line..].to_vec();
        self.lines.truncate(cut_line + 1);
        self.span = Some((head_start, head_end));
        Some(Block {
            lines: tail_lines,
            text: tail_text,
            anchors: tail_anchors,
            kind: self.kind,
            number: None,
            level: None,
            words: 0,
            span: Some((cut_source, head_end_line)),
        })
    }

    /// The block's byte range in the input: its span, or its lines' extent.
    pub fn extent_in(&self, layout: &Layout) -> (usize, usize) {
        if let Some(span) = self.span {
            return span;
        }
        // A table row's lines go cell by cell, not in input order.
        let lines = || self.lines.iter().filter_map(|&i| layout.lines.get(i));
        let start = lines().map(|l| l.start).min().unwrap_or(0);
        let end = lines().map(|l| l.end).max().unwrap_or(start);
        (start, end)
    }

    /// Original byte offset of the text starting at normalised byte `at`.
    pub fn source_start(&self, at: usize) -> usize {
        let k = self.anchors.partition_point(|a| a.text <= at);
        match k.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            Some(a) if a.verbatim => a.source + (at - a.text),
            Some(a) => a.source,
            None => self.anchors.first().map_or(0, |a| a.source),
        }
    }

    /// Original byte offset just past the text ending at normalised byte `end`.
    pub fn source_end(&self, end: usize) -> usize {
        let k = self.anchors.partition_point(|a| a.text < end);
        match k.checked_sub(1).and_then(|k| self.anchors.get(k)) {
            Some(a) if a.verbatim => a.source + (end - a.text),
            Some(a) => a.source_end,
            None => self.anchors.first().map_or(0, |a| a.source),
        }
    }

    /// Appends `line`, which starts at byte `start` of the input, reading
    /// `marks`, the Markdown and HTML inline marks in it, as they read.
    fn append_line(
        &mut self,
        line: &str,
        start: usize,
        previous: Option<&str>,
        mut marks: &[markdown::InlineMark],
        ligatures: bool,
    ) {
        if let Some(previous) = previous {
            match seam(previous, line) {
                Seam::Space => self.push_rewritten(" ", start, start),
                Seam::Tight => {}
                Seam::Mend => {
                    if self.text.ends_with('-') {
                        self.text.pop();
                    }
                }
            }
        }
        let bytes = line.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if let Some(&mark) = marks.first().filter(|m| m.start <= start + i) {
                match mark.reads {
                    Some(' ') if self.text.is_empty() || self.text.ends_with(' ') => {}
                    Some(c) => {
                        self.push_rewritten(c.encode_utf8(&mut [0; 4]), mark.start, mark.end)
                    }
                    None => {}
                }
                i = mark.end - start;
                marks = &marks[1..];
                continue;
            }
            let limit = marks.first().map_or(bytes.len(), |m| m.start - start);
            let run = plain_run(&bytes[..limit], i);
            if run > 0 {
                self.push_verbatim_str(&line[i..i + run], start + i);
                i += run;
                continue;
            }
            let Some(c) = line[i..].chars().next() else {
                break;
            };
            let at = start + i;
            let end = at + c.len_utf8();
            i += c.len_utf8();
            if c.is_ascii_digit() {
                if let Some(len) = self.glued_reference(&line[at - start..]) {
                    i = at - start + len;
                    continue;
                }
            }
            // A bracketed reference glued to its word ("documents.[20]",
            // "the campaign[3]", Markdown's `[^3]`), as text copied from web
            // pages carries it.
            if c == '[' && !self.text.is_empty() && !self.text.ends_with(' ') {
                let len = bracketed_references_len(&line[at - start..]);
                if len > 0 {
                    i = at - start + len;
                    continue;
                }
            }
            // A ligature's code is a control character, some of them white space.
            if let Some(letters) = ligatures
                .then(|| tex_ligature_at(bytes, at - start))
                .flatten()
            {
                self.push_rewritten(letters, at, end);
            } else if c.is_whitespace() {
                if self.text.is_empty() || self.text.ends_with(' ') {
                    continue;
                }
                if c == ' ' {
                    self.push_verbatim_str(" ", at);
                } else {
                    self.push_rewritten(" ", at, end);
                }
            } else if c.is_ascii() {
                if !c.is_ascii_control() {
                    self.push_verbatim_str(&line[at - start..i], at);
                }
            } else if is_invisible(c) {
                continue;
            } else if is_typographic(c) {
                self.push_verbatim_str(&line[at - start..i], at);
            } else {
                let raw = &line[at - start..i];
                let normal = nfkc(raw);
                if normal == raw {
                    self.push_verbatim_str(raw, at);
                } else {
                    let normal = if normal.trim().is_empty() {
                        " "
                    } else {
                        &normal
                    };
                    if !(normal == " " && self.text.ends_with(' ')) {
                        self.push_rewritten(normal, at, end);
                    }
                }
            }
        }
        while self.text.ends_with(' ') {
            self.text.pop();
        }
    }

    /// The length of a footnote reference glued to the punctuation just
    /// written ("hacks.23 With", "Trump”32 and") at the start of `rest`.
    fn glued_reference(&self, rest: &str) -> Option<usize> {
        let mut written = self.text.chars().rev();
        let punct = written.next()?;
        let before = written.next()?;
        let closes = matches!(
            punct,
            '.' | ',' | ';' | ':' | '!' | '?' | '”' | '’' | '"' | ')' | ']'
        );
        if !closes || before.is_whitespace() {
            return None;
        }
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if before.is_ascii_digit() {
            // A date's last number ("January 6, 2017.68 Following"): a
            // decimal there would be a misprint, and a sentence follows.
            let date = punct == '.' && ends_with_date(&self.text[..self.text.len() - 1]);
            let mut after = rest[digits..].chars();
            let opens = match after.next() {
                None => true,
                Some(' ') => after.next().is_some_and(char::is_uppercase),
                Some(_) => false,
            };
            return (date && digits <= 3 && opens).then_some(digits);
        }
        let word = self.text[..self.text.len() - punct.len_utf8()]
            .rsplit(char::is_whitespace)
            .next()
            .unwrap_or("")
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        if word.contains('.') || word.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        let after = rest[digits..].chars().next();
        let ends = after.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ')'));
        (digits <= 3 && ends).then_some(digits)
    }

    fn push_verbatim_str(&mut self, s: &str, at: usize) {
        let continues = self
            .anchors
            .last()
            .is_some_and(|a| a.verbatim && a.source + (self.text.len() - a.text) == at);
        if !continues {
            self.anchors.push(Anchor {
                text: self.text.len(),
                source: at,
                source_end: at,
                verbatim: true,
            });
        }
        self.text.push_str(s);
    }

    fn push_rewritten(&mut self, s: &str, source: usize, source_end: usize) {
        self.anchors.push(Anchor {
            text: self.text.len(),
            source,
            source_end,
            verbatim: false,
        });
        self.text.push_str(s);
    }
}

/// Whether normalised `text` ends with a date whose last number a note
/// reference may follow after the full stop: "January 6, 2017", "May
/// 2017", "January 27".
fn ends_with_date(text: &str) -> bool {
    let mut words = text.rsplit(' ');
    let last = words.next().unwrap_or("");
    let previous = words.next().unwrap_or("");
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let month = || month_number(&previous.trim_end_matches('.').to_lowercase()).is_some();
    if !number(last) {
        return false;
    }
    match last.len() {
        4 => {
            (last.starts_with("19") || last.starts_with("20"))
                && (month() || previous.strip_suffix(',').is_some_and(number))
        }
        1 | 2 => month() && (1..=31).contains(&last.parse::<u32>().unwrap_or(0)),
        _ => false,
    }
}

/// Length of the run of bytes from `from` that copy straight into the
/// normalised text: printable ASCII, single spaces between words, and
/// digits that cannot be a footnote reference glued to punctuation; not a
/// bracket, which may open a reference or a link.
fn plain_run(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(&b) = bytes.get(j) {
        // Letters and punctuation, most of any text, copy whatever surrounds them.
        if PRINTABLE_NOT_DIGIT[usize::from(b)] {
            j += 1;
            continue;
        }
        let plain = match b {
            b' ' => {
                j > from
                    && !bytes[j - 1].is_ascii_whitespace()
                    && bytes.get(j + 1).is_some_and(|n| !n.is_ascii_whitespace())
            }
            b'0'..=b'9' => {
                j > from
                    && !matches!(
                        bytes[j - 1],
                        b'.' | b',' | b';' | b':' | b'!' | b'?' | b'"' | b')' | b']'
                    )
            }
            // A bracket may open a reference ("[20]") or a Markdown link.
            b'[' => false,
            0x21..=0x7E => true,
            _ => false,
        };
        if !plain {
            break;
        }
        j += 1;
    }
    j - from
}

/// Printable ASCII other than digits and `[`, as a table: `plain_run`
/// looks at every byte of the text.
static PRINTABLE_NOT_DIGIT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0x21;
    while b <= 0x7E {
        table[b] = !(b as u8).is_ascii_digit() && b != b'[' as usize;
        b += 1;
    }
    table
};

/// Characters that carry nothing visible: soft hyphens, zero-width spaces,
/// word joiners, BOMs. The zero-width (non-)joiners stay: they make one
/// emoji of "👩‍👩‍👧" and spell Persian and Indic words.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Curly quotes and dashes, the usual non-ASCII of English prose: already
/// NFKC, so copied without looking up the normalisation tables.
fn is_typographic(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '–' | '—')
}

/// How line `next` joins the line `previous` of the same paragraph.
fn seam(previous: &str, next: &str) -> Seam {
    if previous.ends_with(['—', '/']) || previous.ends_with("--") {
        return Seam::Tight;
    }
    let Some(before) = previous.strip_suffix('-') else {
        return Seam::Space;
    };
    if !before.chars().next_back().is_some_and(char::is_alphabetic) {
        return if before.ends_with(char::is_whitespace) {
            Seam::Space
        } else {
            Seam::Tight
        };
    }
    if !next.starts_with(char::is_lowercase) {
        return Seam::Tight;
    }
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '‘'))
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    if word.contains('-') || HYPHEN_PREFIXES.contains(&lower.as_str()) {
        Seam::Tight
    } else {
        Seam::Mend
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str) -> Block {
        let layout = Layout::new(text);
        Block::join(
            &layout,
            (0..layout.lines.len()).collect(),
            ParagraphKind::Paragraph,
        )
    }

    #[test]
    fn mends_broken_words_and_keeps_compounds() {
        let b = joined("the investi-\ngation of obstruction-of-\njustice and self-\nincrimination in Trump-\nRussia ties");
        assert_eq!(
            b.text,
            "the investigation of obstruction-of-justice and self-incrimination in Trump-Russia ties"
        );
    }

    #[test]
    fn drops_glued_footnote_references() {
        let b = joined(
            "the hacks.23 With Trump”32 and company,16 and 3.5 and 1,000 and No. 5\nand Section II.A.4, at 357 n.11. “Yes.”4 No.",
        );
        assert_eq!(
            b.text,
            "the hacks. With Trump” and company, and 3.5 and 1,000 and No. 5 and Section II.A.4, at 357 n.11. “Yes.” No."
        );
        let bracketed =
            joined("of documents.[20] Soon after,[3][14] the campaign[7] and [2] or [of it].");
        assert_eq!(
            bracketed.text,
            "of documents. Soon after, the campaign and [2] or [of it]."
        );
        let dates = joined(
            "on January 6, 2017.68 Following it, on January 27.185 With\nhim in May 2017.4\nBut 2017.68 is a sum, and so is 27.5 in January 2017.68 euros.",
        );
        assert_eq!(
            dates.text,
            "on January 6, 2017. Following it, on January 27. With him in May 2017. But 2017.68 is a sum, and so is 27.5 in January 2017.68 euros."
        );
    }

    #[test]
    fn normalises_ligatures_and_spaces() {
        let b = joined("the oﬃce  of\tthe\u{a0}Oﬀice\u{ad}s");
        assert_eq!(b.text, "the office of the Offices");
    }

    #[test]
    fn spells_out_tex_ligatures_an_extractor_passed_through() {
        let text = "the speci\x0cc e\x0bect of its o\x0ece \x0cnally in\ruenced the \x0crst";
        let b = joined(text);
        assert_eq!(
            b.text,
            "the specific effect of its office finally influenced the first"
        );
        let fi = text.find('\x0c').unwrap_or_default();
        assert_eq!(b.source_start(9), fi, "\"fi\" maps back to its one code");
    }

    #[test]
    fn typographic_characters_are_already_normal() {
        for c in ['‘', '’', '“', '”', '–', '—'] {
            assert!(is_typographic(c));
            assert_eq!(nfkc(&c.to_string()), c.to_string());
            assert!(!c.is_whitespace() && !is_invisible(c));
        }
    }

    #[test]
    fn keeps_joiners_that_shape_emoji_and_words() {
        let family = "a family 👩\u{200d}👩\u{200d}👧 and می\u{200c}خواهم";
        assert_eq!(joined(family).text, family);
        assert_eq!(joined("zero\u{200b}width\u{2060}").text, "zerowidth");
    }

    #[test]
    fn maps_text_back_to_the_original() {
        let text = "  The oﬃce said\nthat it was investi-\ngating. Done.";
        let b = joined(text);
        for word in ["The", "said", "that", "Done."] {
            let at = b.text.find(word).unwrap_or_default();
            let start = b.source_start(at);
            let end = b.source_end(at + word.len());
            assert_eq!(&text[start..end], word);
        }
        let at = b.text.find("office").unwrap_or_default();
        assert_eq!(&text[b.source_start(at)..b.source_end(at + 6)], "oﬃce");
        let at = b.text.find("investigating").unwrap_or_default();
        assert_eq!(
            &text[b.source_start(at)..b.source_end(at + 14)],
            "investi-\ngating."
        );
    }

    #[test]
    fn absorbs_a_title_after_its_number() {
        let text = "A.\n\nThe Title";
        let layout = Layout::new(text);
        let mut number = Block::join(&layout, vec![0], ParagraphKind::Heading);
        number.absorb(Block::join(&layout, vec![1], ParagraphKind::Heading));
        assert_eq!(number.text, "A. The Title");
        assert_eq!(number.source_end(number.text.len()), text.len());
        assert_eq!(number.source_start(3), 4);
    }
}
