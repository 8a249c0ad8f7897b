//! Markdown: text that a converter wrote as Markdown (pandoc, or the
//! PDF-to-Markdown tools researchers use, such as marker and docling)
//! carries its structure in marks rather than in its layout. The marks that
//! cannot occur in plain prose are read here: heading lines (`## 2.
//! Findings`, or a title underlined with `===` or `---`) give headings and
//! their levels; rules, table delimiter rows, code fences, comments
//! (`<!-- image -->`), marker's page separators and pictures alone on a
//! line are scaffolding, kept out of the compared text as page furniture
//! is; note definitions (`[^4]: …`) are footnotes. Inline links keep their
//! words and lose their address (see [`link`]); emphasis, strike-through
//! and code marks that pair up, inline HTML tags and an autolink's
//! brackets leave the text (see [`inline_marks`]). A full CommonMark
//! parser (pulldown-cmark) would read every text as Markdown, turning the
//! indented lines of `pdftotext -layout` into code and its numbered lines
//! into lists, and costs a tenth of the module's size budget: the
//! line-level marks are all the segmenter needs, and they leave plain text
//! as it was.

use super::blocks::Block;
use super::cues::bracketed_references_len;
use super::lines::{Layout, Role};
use crate::model::ParagraphKind;

/// Deepest heading level Markdown writes.
const MAX_LEVEL: usize = 6;
/// Longest note label read (`[^note-12]`).
const MAX_LABEL: usize = 20;
/// The characters a line of Markdown's marks opens with: rules and
/// underlines, table delimiter rows, fences, comments, pictures, headings,
/// note definitions and quotations.
const MARK_OPENERS: &[char] = &[
    '-', '*', '_', '=', '|', ':', '`', '~', '<', '!', '#', '[', '>', '{',
];

/// A heading line: its level and where its title starts and ends in the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, and so on.
    pub level: u8,
    /// Byte offset of the title in the line.
    pub start: usize,
    /// Byte offset just past the title (before any closing `#`s).
    pub end: usize,
}

/// The heading that `line` (already trimmed) writes with `#` marks: one to
/// six, a space, and a title that opens with no lower-case letter, so that
/// a table's "# of visits" is not one.
pub fn heading(line: &str) -> Option<Heading> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=MAX_LEVEL).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    let title = rest.trim_start_matches([' ', '\t']);
    if title.len() == rest.len() {
        return None;
    }
    let start = line.len() - title.len();
    // A closing run of `#`s after a space is no part of the title.
    let unclosed = title.trim_end_matches('#');
    let title = if unclosed.ends_with([' ', '\t']) || unclosed.is_empty() {
        unclosed.trim_end()
    } else {
        title
    };
    let opens_well = title
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase() && c != '#');
    (opens_well && title.chars().any(char::is_alphanumeric)).then_some(Heading {
        level: hashes as u8,
        start,
        end: start + title.len(),
    })
}

/// The level a setext underline gives the line above it: 1 for `===`, 2
/// for `---`.
fn underline_level(line: &str) -> Option<u8> {
    let first = line.chars().next()?;
    let level = match first {
        '=' => 1,
        '-' => 2,
        _ => return None,
    };
    (line.len() >= 3 && line.trim_end().chars().all(|c| c == first)).then_some(level)
}

/// Whether `line` is Markdown scaffolding that holds no text of the
/// document: a rule or underline (`---`, `* * *`, `===`), a table's
/// delimiter row (`|---|:--:|`), a code fence, a comment, or a picture
/// alone on its line (`![](page_3_picture_1.jpeg)`), or marker's page
/// separator.
pub fn is_scaffolding(line: &str) -> bool {
    let rule = line.chars().next().is_some_and(|first| {
        matches!(first, '-' | '*' | '_' | '=')
            && line.chars().filter(|&c| c == first).count() >= 3
            && line.chars().all(|c| c == first || c == ' ' || c == '\t')
    });
    let delimiter_row = line.contains('-')
        && line.contains('|')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
    let fence = line.starts_with("```") || line.starts_with("~~~");
    let comment = line.starts_with("<!--") && line.ends_with("-->");
    let picture = line
        .strip_prefix('!')
        .and_then(link)
        .is_some_and(|l| l.end == line.len() - 1);
    rule || delimiter_row || fence || comment || picture || is_page_separator(line)
}

/// Whether `line` is the page separator marker writes when asked to
/// paginate its output: the page's number in braces, then dashes
/// (`{3}------…`).
fn is_page_separator(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('{') else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let dashes = &rest[digits..].strip_prefix('}').unwrap_or("");
    digits > 0 && dashes.len() >= 3 && dashes.bytes().all(|b| b == b'-')
}

/// The label of the note that `text` defines (`[^4]: …` gives "4").
pub fn note_label(text: &str) -> Option<&str> {
    let len = note_reference_len(text);
    (len > 0 && text[len..].starts_with(':')).then(|| &text[2..len - 1])
}

/// Length of the note reference `text` opens with (`[^4]`, `[^note]`), or 0.
pub fn note_reference_len(text: &str) -> usize {
    let Some(inner) = text.strip_prefix("[^") else {
        return 0;
    };
    let label = inner.len()
        - inner
            .trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            .len();
    if (1..=MAX_LABEL).contains(&label) && inner[label..].starts_with(']') {
        label + 3
    } else {
        0
    }
}

/// An inline link at the start of a text: `[words](address)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link {
    /// Byte offset just past the link's words (at its `]`).
    words_end: usize,
    /// Byte offset just past the link (after its `)`).
    end: usize,
}

/// The link `text` opens with: words in brackets, then at once an address
/// in parentheses, with no space in it and a `/`, `.`, `#` or `:` as
/// addresses have ("(sic)" after a bracket is no address).
fn link(text: &str) -> Option<Link> {
    let inner = text.strip_prefix('[')?;
    let words_end = 1 + inner.find(']')?;
    if text[1..words_end].contains('[') {
        return None;
    }
    let address = text[words_end..].strip_prefix("](")?;
    let address_len = address.find(')')?;
    let address = &address[..address_len];
    let plausible = !address.is_empty()
        && !address.contains(char::is_whitespace)
        && address.contains(['/', '.', '#', ':']);
    plausible.then_some(Link {
        words_end,
        end: words_end + 2 + address_len + 1,
    })
}

/// Marks the Markdown in `layout`: scaffolding lines become furniture, note
/// definitions footnotes (with their lines up to the next blank line),
/// heading lines get their level, and the inline marks are found. A
/// heading, and a rule, part the lines around them as a blank line does.
pub fn mark(layout: &mut Layout) {
    let mut in_note = false;
    let mut in_quote = false;
    for i in 0..layout.lines.len() {
        let text = layout.text_of(i);
        let (indent, blank_before) = (layout.lines[i].indent, layout.lines[i].blank_before);
        let after_quote = std::mem::take(&mut in_quote);
        let mut parts = false;
        if in_note && !blank_before && layout.lines[i].page == layout.lines[i - 1].page {
            layout.lines[i].role = Role::Footnote;
            continue;
        }
        in_note = false;
        // Most lines are prose: one byte tells them from every mark.
        if !text.starts_with(MARK_OPENERS) {
            continue;
        }
        // A quotation stands apart or runs over several lines: OCR reads
        // a lone note number as ">" now and then.
        let quoted = quote_mark_len(text).filter(|_| {
            let next_quoted = quote_mark_len(layout.text_of(i + 1)).is_some();
            indent <= 3 && (blank_before || after_quote || next_quoted)
        });
        in_quote = quoted.is_some();
        if let Some(len) = quoted {
            // The marks indent the quotation's text, and take its room.
            let line = &mut layout.lines[i];
            line.start += len;
            line.indent += len as u32;
            line.width = layout.measure.width(&layout.text[line.start..line.end]);
        }
        let text = layout.text_of(i);
        if quoted.is_some() && text.is_empty() {
            layout.lines[i].role = Role::Furniture;
            parts = true;
        } else if let Some(level) = underline_level(text).filter(|_| underlines(layout, i)) {
            layout.lines[i - 1].heading = Some(level);
            layout.lines[i].role = Role::Furniture;
            parts = true;
        } else if is_scaffolding(text) {
            layout.lines[i].role = Role::Furniture;
            parts = true;
        } else if let Some(h) = heading(text).filter(|_| indent <= 3) {
            layout.lines[i].heading = Some(h.level);
            layout.lines[i].blank_before = i > 0;
            parts = true;
        } else if note_label(text).is_some() {
            layout.lines[i].role = Role::FootnoteStart;
            in_note = true;
        }
        if parts {
            if let Some(next) = layout.lines.get_mut(i + 1) {
                next.blank_before = true;
            }
        }
    }
    layout.inline_marks = inline_marks(layout);
}

/// A stretch of the input that Markdown or HTML writes for one character
/// or for none: a mark (`**`, a tag, a link's brackets and address, an
/// escape's backslash) or an entity (`&amp;`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InlineMark {
    /// Byte offset of its start in the input.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
    /// What the text reads in its place: nothing for a mark, the character
    /// for an entity, a space for `<br>`.
    pub reads: Option<char>,
}

impl InlineMark {
    /// A mark over `start..end`, which the text leaves out.
    fn silent(start: usize, end: usize) -> Self {
        InlineMark {
            start,
            end,
            reads: None,
        }
    }
}

/// The named HTML entities converters write (docling escapes `&`, `<` and
/// `>`), with the characters they stand for.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("hellip", '…'),
    ("sect", '§'),
    ("para", '¶'),
    ("pound", '£'),
    ("euro", '€'),
    ("copy", '©'),
    ("deg", '°'),
];
/// The characters converters escape with a backslash: Markdown's marks
/// (markdownify's and docling's escapes). Before other characters a
/// backslash is text, as OCR reads one now and then (`\:\7-cr-201`).
const ESCAPED: &[u8] = b"*_`#[]<>|~!(){}+-.=&$";
/// Longest entity read, `&` and `;` included (`&#x1F600;`).
const MAX_ENTITY: usize = 10;

/// The entity `text` opens with, named or numbered (`&amp;`, `&#8217;`,
/// `&#x2019;`): its length and the character it stands for.
fn entity(text: &str) -> Option<(usize, char)> {
    let inner = text.strip_prefix('&')?;
    let window = &inner.as_bytes()[..inner.len().min(MAX_ENTITY - 1)];
    let end = window.iter().position(|&b| b == b';')?;
    let name = &inner[..end];
    let number = |digits: &str, radix: u32| {
        let value = digits.chars().try_fold(0u32, |n, c| {
            n.checked_mul(radix)?.checked_add(c.to_digit(radix)?)
        });
        value
            .filter(|_| !digits.is_empty())
            .and_then(char::from_u32)
            .filter(|c| !c.is_control() || c.is_whitespace())
    };
    let c = match name.strip_prefix('#') {
        Some(hex) if hex.starts_with(['x', 'X']) => number(&hex[1..], 16)?,
        Some(decimal) => number(decimal, 10)?,
        None => ENTITIES.iter().find(|(n, _)| *n == name)?.1,
    };
    Some((end + 2, c))
}

/// Most openers a Markdown paragraph keeps waiting for their closers:
/// writers nest emphasis a few deep, and each closer looks through them.
const MAX_OPEN_MARKS: usize = 16;
/// What may stand before an opening inline mark besides a space: opening
/// brackets and quotes that open nothing else, other marks (`_**both**_`)
/// and a table cell's bar; a straight quote may close a quotation (OCR's
/// `."*4`).
const BEFORE_OPENING: &[char] = &['(', '[', '“', '‘', '*', '_', '~', '|'];
/// What may open the text an inline mark opens besides a letter (or a
/// digit after `**` and `__`: a single `*` before one is a star page,
/// "at *3"): opening brackets and quotes, and other marks (OCR's `'*?` is
/// no emphasis).
const OPENING_TEXT: &[char] = &['(', '[', '"', '“', '‘', '*', '_', '~', '`'];
/// What may follow a closing inline mark besides a space: punctuation,
/// closing brackets and quotes, other marks and a table cell's bar.
const AFTER_CLOSING: &[char] = &[
    '.', ',', ';', ':', '!', '?', ')', ']', '"', '\'', '”', '’', '—', '–', '-', '/', '*', '_', '~',
    '|',
];

/// A run of one inline mark's character (`**`, `_`, `~~`, a backtick), or
/// an HTML start tag, waiting for what closes it.
#[derive(Clone, Copy)]
struct Opener {
    /// Byte offset of the run in the input.
    at: usize,
    len: usize,
    /// The mark's character, or a tag's key (see [`Tag`]).
    byte: u8,
}

/// The byte ranges of the inline marks in `layout`'s lines (see
/// [`Layout::inline_marks`]). A run of `*`, `_` (up to three), `~~` or
/// backticks (up to two) that opens a word pairs with the next run of the
/// same kind that closes one in its Markdown paragraph (lines that no
/// blank line, heading or rule parts), as `**missed**`, `_fourteen_` and
/// `` `code` `` do, lines apart or not. A lone `*` (a note mark, "5 * 3"),
/// an underscore inside a name (`SC_AD_0001`) or an unpaired backtick that
/// OCR read for a quote is text, as Markdown reads them. A link's opening
/// bracket and its `](address)` are marks too (see [`link`]).
fn inline_marks(layout: &Layout) -> Vec<InlineMark> {
    // Most texts hold few of the marks' characters: find them all at once.
    let bytes = layout.text.as_bytes();
    let mut found: Vec<usize> = memchr::memchr3_iter(b'*', b'_', b'`', bytes)
        .chain(memchr::memchr3_iter(b'~', b'<', b'\\', bytes))
        .chain(memchr::memchr2_iter(b'&', b'[', bytes))
        .collect();
    found.sort_unstable();
    let mut marks = Vec::new();
    let mut open: Vec<Opener> = Vec::new();
    let mut i = 0;
    // Where the next run may start: a run's later characters are in it.
    let mut next = 0;
    // The address of the last link: text of no kind.
    let mut address = 0..0;
    for at in found {
        // The line holding `at`, if any: a Markdown paragraph left behind
        // takes its waiting openers with it.
        while layout.lines.get(i).is_some_and(|l| l.end <= at) {
            i += 1;
            if i < layout.lines.len() && parts_before(layout, i) {
                open.clear();
            }
        }
        let Some(line) = layout.lines.get(i) else {
            break;
        };
        if at < next || at < line.start || address.contains(&at) {
            continue;
        }
        let text = layout.text_of(i);
        let at = at - line.start;
        let byte = bytes[line.start + at];
        let from = line.start + at;
        let escaped = text[..at].ends_with('\\');
        let glued = text[..at].ends_with(|c: char| !c.is_whitespace());
        if byte == b'\\' {
            // A backslash escapes the mark after it (`\_`, `\*`, as
            // converters write them), which is then plain text.
            let punctuation = text[at + 1..]
                .bytes()
                .next()
                .is_some_and(|b| ESCAPED.contains(&b));
            if punctuation && !escaped {
                marks.push(InlineMark::silent(from, from + 1));
            }
            continue;
        }
        if byte == b'[' {
            // A link keeps its words and loses its brackets and address;
            // a reference glued to its word ("documents.[20]") is no link.
            let rest = &text[at..];
            let reference = glued && bracketed_references_len(rest) > 0;
            if let Some(found) = link(rest).filter(|_| !reference) {
                marks.push(InlineMark::silent(from, from + 1));
                address = from + found.words_end..from + found.end;
                marks.push(InlineMark::silent(address.start, address.end));
            }
            continue;
        }
        if byte == b'&' && !escaped {
            if let Some((len, c)) = entity(&text[at..]) {
                marks.push(InlineMark {
                    start: from,
                    end: from + len,
                    reads: Some(c),
                });
                next = from + len;
            }
            continue;
        }
        if byte == b'<' && !escaped {
            let rest = &text[at..];
            if let Some(len) = note_number_len(rest).filter(|_| glued) {
                marks.push(InlineMark::silent(from, from + len));
                next = from + len;
            } else if let Some(len) = autolink_len(rest) {
                marks.push(InlineMark::silent(from, from + 1));
                marks.push(InlineMark::silent(from + len - 1, from + len));
                next = from + len;
            } else if let Some(tag) = inline_tag(rest) {
                next = from + tag.len;
                // A tag is a mark once its element is whole: an end tag
                // closes the tag that opened it, in its Markdown paragraph.
                let opener = open.iter().rposition(|o| o.byte == tag.key);
                match opener {
                    _ if tag.is_void() => marks.push(InlineMark {
                        start: from,
                        end: from + tag.len,
                        reads: Some(' '),
                    }),
                    Some(j) if tag.closing => {
                        marks.push(InlineMark::silent(open[j].at, open[j].at + open[j].len));
                        marks.push(InlineMark::silent(from, from + tag.len));
                        open.truncate(j);
                    }
                    None if tag.closing => {}
                    _ => push_opener(
                        &mut open,
                        Opener {
                            at: from,
                            len: tag.len,
                            byte: tag.key,
                        },
                    ),
                }
            }
            continue;
        }
        let len = text.as_bytes()[at..]
            .iter()
            .take_while(|&&b| b == byte)
            .count();
        next = line.start + at + len;
        let fits = match byte {
            b'~' => len == 2,
            b'`' => len <= 2,
            _ => len <= 3,
        };
        if !fits || escaped {
            continue;
        }
        let (before, after) = (
            text[..at].chars().next_back(),
            text[at + len..].chars().next(),
        );
        let run = Opener {
            at: line.start + at,
            len,
            byte,
        };
        let closes = before.is_some_and(|c| !c.is_whitespace())
            && after.is_none_or(|c| c.is_whitespace() || AFTER_CLOSING.contains(&c));
        let opener = open
            .iter()
            .rposition(|o| o.byte == byte && o.len == len)
            .filter(|_| closes);
        if let Some(j) = opener {
            marks.push(InlineMark::silent(open[j].at, open[j].at + len));
            marks.push(InlineMark::silent(run.at, run.at + len));
            open.truncate(j);
        } else if after.is_some_and(|c| {
            c.is_alphabetic() || OPENING_TEXT.contains(&c) || (c.is_numeric() && len > 1)
        }) && before.is_none_or(|c| c.is_whitespace() || BEFORE_OPENING.contains(&c))
        {
            push_opener(&mut open, run);
        }
    }
    marks.sort_unstable_by_key(|m| m.start);
    marks
}

/// Puts `opener` on the `open` stack, forgetting the oldest when it is full.
fn push_opener(open: &mut Vec<Opener>, opener: Opener) {
    if open.len() == MAX_OPEN_MARKS {
        open.remove(0);
    }
    open.push(opener);
}

/// Whether a Markdown paragraph ends before line `i` (not the first):
/// a blank line, a page, a heading, a rule or a note definition parts them.
fn parts_before(layout: &Layout, i: usize) -> bool {
    let (line, above) = (&layout.lines[i], &layout.lines[i - 1]);
    line.blank_before
        || line.page != above.page
        || line.heading.is_some()
        || above.heading.is_some()
        || matches!(line.role, Role::Furniture | Role::FootnoteStart)
}

/// The HTML elements converters write inside paragraphs (marker's
/// `<span id="page-3-0"></span>` anchors, `<sup>`, `<b>`, `<br>`): their
/// tags are marks, their content text. Links and other elements stay
/// text: converters write links as Markdown.
const INLINE_TAGS: &[&str] = &[
    "b", "br", "code", "del", "em", "i", "ins", "mark", "s", "small", "span", "strong", "sub",
    "sup", "u",
];
/// The attributes converters give inline tags: a tag with any other (an
/// event handler, a style) is text a person wrote, and shows as such.
const TAG_ATTRIBUTES: &[&str] = &["id", "class"];
/// Longest inline tag read, attributes and all.
const MAX_TAG: usize = 200;
/// Keys of tags waiting for their end tag start here, clear of the marks'
/// characters.
const TAG_KEY: u8 = 0x80;

/// An inline HTML tag at the start of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    /// Its length in bytes, brackets included.
    len: usize,
    /// `TAG_KEY` plus the element's place in `INLINE_TAGS`.
    key: u8,
    /// Whether it ends its element (`</b>`).
    closing: bool,
}

impl Tag {
    /// Whether the element has no content and no end tag (`<br>`).
    fn is_void(&self) -> bool {
        INLINE_TAGS[usize::from(self.key - TAG_KEY)] == "br"
    }
}

/// The inline HTML tag `text` opens with (`<span id="x">`, `</span>`,
/// `<br/>`), if it is one of `INLINE_TAGS` with no attribute but those
/// of `TAG_ATTRIBUTES`.
fn inline_tag(text: &str) -> Option<Tag> {
    let inner = text.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name = inner.len()
        - inner
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    let index = INLINE_TAGS
        .iter()
        .position(|tag| tag.eq_ignore_ascii_case(&inner[..name]))?;
    let end = inner.get(..MAX_TAG.min(inner.len()))?.find(['>', '<'])?;
    let attributes = &inner[name..end];
    let plain = match attributes.chars().next() {
        None | Some('/') => attributes.len() <= 1,
        Some(c) if c.is_whitespace() => !closing && converters_attributes(attributes),
        Some(_) => false,
    };
    (plain && inner[end..].starts_with('>')).then(|| Tag {
        len: text.len() - inner.len() + end + 1,
        key: TAG_KEY + index as u8,
        closing,
    })
}

/// Whether a tag's `attributes` are all among `TAG_ATTRIBUTES`, with
/// quoted values, as converters write them (` id="page-3-0"`).
fn converters_attributes(attributes: &str) -> bool {
    let mut rest = attributes.trim_start();
    while !rest.is_empty() && rest != "/" {
        let Some((name, value)) = rest.split_once('=') else {
            return false;
        };
        let known = TAG_ATTRIBUTES
            .iter()
            .any(|a| a.eq_ignore_ascii_case(name.trim()));
        let Some(quote) = value.chars().next().filter(|&q| q == '"' || q == '\'') else {
            return false;
        };
        let Some(close) = value[1..].find(quote) else {
            return false;
        };
        if !known {
            return false;
        }
        rest = value[close + 2..].trim_start();
    }
    true
}

/// Length of the note number in superscript `text` opens with
/// (`<sup>12</sup>`, `<sup>*</sup>`), which leaves the text whole as a
/// bracketed reference does.
fn note_number_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix("<sup>")?;
    // A note's label is short: no search of a long line for the end tag.
    let label = inner
        .as_bytes()
        .windows("</sup>".len())
        .take(4)
        .position(|w| w == b"</sup>")?;
    let number = &inner[..label];
    let is_note = (1..=3).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit())
        || matches!(number, "*" | "†" | "‡");
    is_note.then_some("<sup>".len() + label + "</sup>".len())
}

/// Length of the autolink `text` opens with (`<https://example.org/a>`):
/// an address in angle brackets, whose brackets are marks and not text.
fn autolink_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('<')?;
    let end = inner.find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    let address = &inner[..end];
    let scheme = ["http://", "https://", "mailto:", "www."]
        .iter()
        .any(|s| address.starts_with(s));
    (scheme && address.len() > 7 && inner[end..].starts_with('>')).then_some(end + 2)
}

/// Whether line `i` opens in lower case once the Markdown that opens it is
/// read past: a link's bracket or an inline mark ("[health visitor](…)
/// did not follow up" runs a sentence on as "health visitor" would).
pub fn opens_in_lower_case(layout: &Layout, i: usize) -> bool {
    let text = layout.text_of(i);
    if !text.starts_with(['[', '*', '_', '~', '`']) {
        return text.starts_with(char::is_lowercase);
    }
    let start = layout.lines[i].start;
    let marks = &layout.inline_marks;
    let mut at = 0;
    for mark in &marks[marks.partition_point(|m| m.start < start)..] {
        if mark.start != start + at || mark.reads.is_some() {
            break;
        }
        at = mark.end - start;
    }
    text.get(at..)
        .is_some_and(|rest| rest.starts_with(char::is_lowercase))
}

/// Length of the quotation marks `line` opens with (`> `, `> > ` in a
/// quotation within one, as Markdown and e-mail quote), spaces after them
/// included, if it opens with any: a `>` before a space or alone.
fn quote_mark_len(line: &str) -> Option<usize> {
    let rest = line.trim_start_matches(['>', ' ', '\t']);
    let marked = line.starts_with("> ") || line == ">" || line.starts_with(">>");
    marked.then(|| line.len() - rest.len())
}

/// Makes `block` a heading, with its level and its title alone, when its
/// line is a Markdown heading.
pub fn retitle(layout: &Layout, mut block: Block) -> Block {
    let level = block
        .lines
        .first()
        .and_then(|&i| layout.lines.get(i))
        .and_then(|line| line.heading);
    let Some(level) = level else {
        return block;
    };
    if let Some(h) = heading(&block.text) {
        // The closing marks go, then the opening ones.
        block.split_off(layout, h.end);
        if let Some(title) = block.split_off(layout, h.start) {
            block = title;
        }
    }
    block.kind = ParagraphKind::Heading;
    block.level = Some(level);
    block
}

/// Whether line `i` underlines the line above it as a setext heading: that
/// line is a body line of text standing alone (a blank line or nothing
/// before it), with no blank line between.
fn underlines(layout: &Layout, i: usize) -> bool {
    let Some(above) = i.checked_sub(1) else {
        return false;
    };
    let (line, title) = (&layout.lines[i], &layout.lines[above]);
    let alone = above == 0 || title.blank_before || layout.lines[above - 1].heading.is_some();
    !line.blank_before
        && alone
        && title.role == Role::Body
        && title.page == line.page
        && layout.text_of(above).chars().any(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_lines_give_level_and_title() {
        let h = heading("## 2. Key findings ##").unwrap();
        assert_eq!(
            (h.level, &"## 2. Key findings ##"[h.start..h.end]),
            (2, "2. Key findings")
        );
        assert_eq!(heading("###### Deep").map(|h| h.level), Some(6));
        assert_eq!(heading("# C#").map(|h| h.end), Some(4));
        for plain in [
            "####### Seven",
            "#hashtag",
            "# of visits 12",
            "#",
            "## ##",
            "#5 priority",
        ] {
            assert_eq!(heading(plain), None, "{plain}");
        }
    }

    #[test]
    fn scaffolding_holds_no_text() {
        for line in [
            "---",
            "* * *",
            "=====",
            "|---|:---:|",
            "--- | ---",
            "```rust",
            "<!-- image -->",
            "![](_page_3_Picture_1.jpeg)",
            "![Chart of contacts](figures/contacts.png)",
            "{12}------------------------------------------------",
        ] {
            assert!(is_scaffolding(line), "{line}");
        }
        for line in [
            "-- 12 --",
            "| Health | 12 |",
            "- The health visitor missed three appointments.",
            "![Chart](c.png) shows the contacts.",
            "<!-- a comment that goes on",
            "{12} items",
            "{}---",
        ] {
            assert!(!is_scaffolding(line), "{line}");
        }
    }

    #[test]
    fn notes_and_links_are_read_with_their_extent() {
        assert_eq!(note_label("[^4]: Working Together, 2018."), Some("4"));
        assert_eq!(note_label("[^note-1]: See above."), Some("note-1"));
        assert_eq!(note_label("[^4] is not a definition"), None);
        assert_eq!(note_reference_len("[^12] and more"), 5);
        assert_eq!(note_reference_len("[12]"), 0);
        let text = "[statutory guidance](https://www.gov.uk/guidance) for it";
        let l = link(text).unwrap();
        assert_eq!(&text[1..l.words_end], "statutory guidance");
        assert_eq!(&text[l.end..], " for it");
        assert_eq!(link("[the President](sic)"), None);
        assert_eq!(link("[the President] (https://a.b)"), None);
        assert_eq!(link("[a [b](c.d)"), None);
    }

    fn marked(text: &str) -> Vec<(Role, Option<u8>, bool)> {
        let mut layout = Layout::new(text);
        mark(&mut layout);
        layout
            .lines
            .iter()
            .map(|l| (l.role, l.heading, l.blank_before))
            .collect()
    }

    #[test]
    fn marks_headings_scaffolding_and_notes() {
        let text = "Title\n=====\nText after.\n## Part\nMore text.\n\n[^1]: A note\nrunning on.\n\nBody again.\n";
        let lines = marked(text);
        assert_eq!(
            lines,
            vec![
                (Role::Body, Some(1), false),
                (Role::Furniture, None, false),
                (Role::Body, None, true),
                (Role::Body, Some(2), true),
                (Role::Body, None, true),
                (Role::FootnoteStart, None, true),
                (Role::Footnote, None, false),
                (Role::Body, None, true),
            ]
        );
    }

    /// Quotation marks leave the text; a line of them alone parts the
    /// quotation's paragraphs as a blank line does.
    #[test]
    fn quotation_marks_leave_the_text() {
        let text = "He wrote:\n\n> The first line of it\n> runs on here.\n>\n> > Second.\n";
        let mut layout = Layout::new(text);
        mark(&mut layout);
        let texts: Vec<&str> = (0..layout.lines.len()).map(|i| layout.text_of(i)).collect();
        assert_eq!(
            texts,
            [
                "He wrote:",
                "The first line of it",
                "runs on here.",
                "",
                "Second."
            ]
        );
        assert_eq!(layout.lines[2].indent, 2);
        assert_eq!(layout.lines[3].role, Role::Furniture);
        assert!(layout.lines[4].blank_before && !layout.lines[2].blank_before);
        assert_eq!(quote_mark_len("> > a"), Some(4));
        assert_eq!(quote_mark_len("a > b"), None);
        assert_eq!(quote_mark_len(">\" Bannon 10/26/18 302"), None);
        let ocr = "582 Bannon 302, at 2.\n> McGahn 302, at 2.\n584 Porter 302.\n";
        let mut layout = Layout::new(ocr);
        mark(&mut layout);
        assert_eq!(
            layout.text_of(1),
            "> McGahn 302, at 2.",
            "a lone quoted line in running text"
        );
    }

    /// The paragraphs and their sentences' texts, and the input each
    /// paragraph's offsets point at.
    fn read(text: &str) -> Vec<(String, &str)> {
        crate::segment::segment(text)
            .paragraphs
            .iter()
            .map(|p| (p.text.clone(), &text[p.start as usize..p.end as usize]))
            .collect()
    }

    #[test]
    fn paired_inline_marks_leave_the_text() {
        let text = "The review found that **appointments were\nmissed** on _fourteen_ occasions, and that the\n[health visitor](https://example.org/hv) did not `follow up`. See ~~it~~ <https://example.org/r>.\n";
        let got = read(text);
        assert_eq!(got.len(), 1, "a line opening in a link runs on: {got:?}");
        assert_eq!(
            got[0].0,
            "The review found that appointments were missed on fourteen occasions, and that the health visitor did not follow up. See it https://example.org/r."
        );
        assert_eq!(got[0].1, text.trim_end(), "offsets cover the marks");
        // Nested, and opening a line after a wrapped one.
        assert_eq!(read("|**Agency**|_Contacts_|")[0].0, "|Agency|Contacts|");
        let nested =
            "A first line that is long enough to wrap the text\n**_both marks_** close here.\n";
        assert_eq!(
            read(nested)[0].0,
            "A first line that is long enough to wrap the text both marks close here."
        );
    }

    /// marker anchors pages and headings with empty spans, and writes note
    /// numbers in superscript.
    #[test]
    fn inline_html_tags_leave_the_text() {
        let text = "# <span id=\"page-0-0\"></span>Review of Child T\n\n## <span id=\"page-3-0\"></span>1. Introduction\n\nThe review<sup>12</sup> found <b>it</b> set out in [Section 4](#page-12-1).<sup>13</sup>\n\n<span id=\"page-4-0\"></span>The GP did not get it.<br>It was lost.\n";
        let doc = crate::segment::segment(text);
        let got: Vec<(&str, Vec<&str>)> = doc
            .paragraphs
            .iter()
            .map(|p| {
                (
                    p.text.as_str(),
                    p.section.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let path = vec!["Review of Child T", "1. Introduction"];
        assert_eq!(
            got,
            [
                ("Review of Child T", vec!["Review of Child T"]),
                ("1. Introduction", path.clone()),
                ("The review found it set out in Section 4.", path.clone()),
                ("The GP did not get it. It was lost.", path.clone()),
            ]
        );
        assert_eq!(
            read("An <unknown> tag and <sup>a note</sup> stay.")[0].0,
            "An <unknown> tag and a note stay."
        );
        // Tags converters do not write (handlers, links, styles), and tags
        // that close nothing or are never closed, are the writer's text.
        for plain in [
            "If a < b and c > d, then b<c.",
            "A <b onmouseover=\"run()\">bold</b> word.",
            "The memo linked <a href=\"javascript:run()\">the annex</a> here.",
            "A <span style=\"color: red\">red</span> word.",
            "A closing </b> tag and an <i>opening one.",
            "A <span id=unquoted></span> anchor.",
        ] {
            assert_eq!(read(plain)[0].0, plain);
        }
    }

    /// docling escapes `&`, `<`, `>` as entities and underscores with a
    /// backslash; markdownify (marker) escapes asterisks too.
    #[test]
    fn entities_and_escapes_read_as_their_characters() {
        let text = "AT&amp;T reported &lt;5% of SC\\_AD\\_000168 and 5 \\* 3 \\*not emphasis\\*, \\[Redacted\\], &#8220;quoted&#x201D;&nbsp;&sect;3.\n";
        let got = read(text);
        assert_eq!(
            got[0].0,
            "AT&T reported <5% of SC_AD_000168 and 5 * 3 *not emphasis*, [Redacted], “quoted” §3."
        );
        assert_eq!(got[0].1, text.trim_end(), "offsets cover the marks");
        for plain in [
            "AT&T and R&D; &foo; &#0; &#xZZ; &#; &amp no semicolon.",
            "A path C:\\Users\\report and \\\\server\\share stays.",
            "OCR read Gates III, \\:\\7-cr-201 so.",
        ] {
            assert_eq!(read(plain)[0].0, plain);
        }
    }

    #[test]
    fn unpaired_or_unflanked_marks_stay() {
        for text in [
            "Smith* and Jones* were named.",
            "Five * three is 15, and 2 * 4 is 8.",
            "See SC_AD_000168 and file_name_here.",
            "2019 WL 921692, at *3-*4 (D.C. Cir. 2019); id. at *5.",
            "* a list item with a *starred word",
            "OCR read \"loyalty.\"*4 and the matter.'*? as marks.",
            "A `quoted' word, as OCR reads `that' one.",
            "About ~5 people and ~10 more.",
            "A blank line parts **a paragraph\n\nfrom the next** one.",
            "Pipes | around *stars | stay.",
        ] {
            let got: Vec<String> = read(text).into_iter().map(|(t, _)| t).collect();
            let want: Vec<String> = text.split("\n\n").map(|p| p.replace('\n', " ")).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_rule_under_running_text_makes_no_heading() {
        let lines = marked("First line of a paragraph\nthat runs on here.\n---\nNext.\n");
        assert!(lines.iter().all(|&(_, heading, _)| heading.is_none()));
        assert_eq!(lines[2].0, Role::Furniture);
        assert!(lines[3].2, "a rule parts the lines around it");
    }
}
