//! Blocks: runs of non-blank lines joined into one normalised paragraph text,
//! with a map back to the original byte offsets.

use unicode_normalization::UnicodeNormalization;

use crate::model::ParagraphKind;

/// A paragraph candidate: normalised text plus where each of its bytes came from.
pub struct Block {
    /// Unwrapped, de-hyphenated, NFKC-normalised text.
    pub text: String,
    /// For each byte of `text`, the byte offset in the original input it came from.
    source: Vec<usize>,
    /// Byte offset just past the block's last character in the original input.
    source_end: usize,
    /// Paragraph or heading.
    pub kind: ParagraphKind,
}

impl Block {
    /// Original byte offset of normalised byte `i`.
    pub fn source_of(&self, i: usize) -> usize {
        self.source.get(i).copied().unwrap_or(self.source_end)
    }

    /// Original byte offset just past normalised byte `i - 1` (an exclusive end).
    pub fn source_of_end(&self, end: usize) -> usize {
        if end >= self.text.len() {
            return self.source_end;
        }
        let last = self.text[..end]
            .chars()
            .next_back()
            .map_or(0, char::len_utf8);
        self.source_of(end - last) + 1
    }

    /// Byte offset just past the block in the original input.
    pub fn source_end(&self) -> usize {
        self.source_end
    }
}

/// Splits `text` into lines, each as a byte range without its line break.
fn lines(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' | b'\x0c' => {
                lines.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                lines.push((start, i));
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        lines.push((start, bytes.len()));
    }
    lines
}

/// Groups lines separated by blank lines into blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Vec<(usize, usize)> = Vec::new();
    for (start, end) in lines(text) {
        if text[start..end].trim().is_empty() {
            if !current.is_empty() {
                out.push(join(text, &current));
                current.clear();
            }
        } else {
            current.push((start, end));
        }
    }
    if !current.is_empty() {
        out.push(join(text, &current));
    }
    out
}

/// Joins wrapped lines, mending words hyphenated across a line break.
fn join(text: &str, lines: &[(usize, usize)]) -> Block {
    let mut out = String::new();
    let mut source = Vec::new();
    let mut source_end = 0;
    for (n, &(start, end)) in lines.iter().enumerate() {
        let line = &text[start..end];
        let lead = line.len() - line.trim_start().len();
        let line = line.trim();
        let line_start = start + lead;
        if n > 0 && !out.is_empty() {
            let hyphenated = out.ends_with('-')
                && out[..out.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && line.chars().next().is_some_and(char::is_lowercase);
            if hyphenated {
                out.pop();
                source.pop();
            } else if !out.ends_with('-') {
                out.push(' ');
                source.push(line_start);
            }
        }
        for (i, c) in line.char_indices() {
            let at = line_start + i;
            if c.is_whitespace() {
                if !out.ends_with(' ') {
                    out.push(' ');
                    source.push(at);
                }
                continue;
            }
            for n in std::iter::once(c).nfkc() {
                let before = out.len();
                out.push(n);
                source.extend(std::iter::repeat_n(at, out.len() - before));
            }
        }
        source_end = line_start + line.len();
    }
    let kind = if lines.len() == 1 && is_heading_line(&out) {
        ParagraphKind::Heading
    } else {
        ParagraphKind::Paragraph
    };
    Block {
        text: out,
        source,
        source_end,
        kind,
    }
}

/// A short single line that does not end like a sentence reads as a heading.
fn is_heading_line(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let ends_sentence = line.ends_with(['.', '!', '?', ';', ',', ':', '"', '”']);
    words <= 12 && !ends_sentence && line.chars().next().is_some_and(|c| !c.is_lowercase())
}
