//! Redactions: the marks a redacted release leaves in the text ("[REDACTED]",
//! "■■■■", "XXXX", FOIA codes such as "(b)(6)", and the labels printed in
//! redaction boxes such as "Harm to Ongoing Matter"). They stay visible in the
//! compared text but carry no content, so scoring skips the words inside them.

use std::ops::Range;

use super::scan::{byte_set, next_in, ByteSet};
use crate::text::{ascii_alnum_end, byte_class, is_alphanumeric, ByteClass};

/// Labels printed inside redaction boxes. Matched case-sensitively, so the
/// ordinary phrase "grand jury" is left alone.
const LABELS: &[&str] = &[
    "Harm to Ongoing Matter",
    "Personal Privacy",
    "Investigative Technique",
    "Grand Jury",
    "HOM",
];

/// Byte ranges of the redaction marks in `text` (typically a paragraph's or
/// sentence's normalised text), sorted and non-overlapping. One pass over
/// the bytes: only a few characters can open a mark.
pub fn redactions(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while let Some(at) = next_in(&OPENERS, bytes, i) {
        i = at;
        let end = match bytes[i] {
            b'[' => bracket_at(text, i),
            b'(' => foia_code_at(bytes, i),
            b'X' => crosses_at(text, i),
            b'H' | b'P' | b'I' | b'G' => label_at(text, i),
            0xE2 => blocks_at(text, i),
            _ => None,
        };
        match end {
            Some(end) => {
                match found.last_mut() {
                    Some(last) if i <= last.end => last.end = last.end.max(end),
                    _ => found.push(i..end),
                }
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The bytes that may open a redaction mark (0xE2 leads every black
/// block), as a table: the scan looks at every byte of the text.
static OPENERS: ByteSet = byte_set(&[b'[', b'(', b'X', b'H', b'P', b'I', b'G', 0xE2]);

/// Words of `text` outside the redaction `marks`, counted as the tokenizer
/// counts them (an apostrophe between letters or a point between digits
/// stays inside a word).
pub fn count_words(text: &str, marks: &[Range<usize>]) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    // The two characters before `i`.
    let (mut before, mut inner) = (' ', ' ');
    let mut mark = marks.iter().peekable();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = byte_class(b);
        if class == ByteClass::Gap {
            (before, inner) = (inner, char::from(b));
            i += 1;
            continue;
        }
        let c = match class {
            ByteClass::Other => text.get(i..).and_then(|s| s.chars().next()).unwrap_or(' '),
            _ => char::from(b),
        };
        let at = i;
        i += c.len_utf8();
        let starts = (class == ByteClass::Alnum || is_alphanumeric(c))
            && !is_alphanumeric(inner)
            && !(matches!(inner, '\'' | '’') && before.is_alphabetic() && c.is_alphabetic())
            && !(matches!(inner, '.' | ',') && before.is_ascii_digit() && c.is_ascii_digit());
        if starts {
            while mark.peek().is_some_and(|m| m.end <= at) {
                mark.next();
            }
            if mark.peek().is_none_or(|m| m.start > at) {
                count += 1;
            }
        }
        (before, inner) = (inner, c);
        if class == ByteClass::Alnum {
            // The rest of an ASCII word starts nothing: skip it whole.
            let from = i;
            i = ascii_alnum_end(bytes, i);
            if i > from {
                let last = char::from(bytes[i - 1]);
                before = if i - from >= 2 {
                    char::from(bytes[i - 2])
                } else {
                    inner
                };
                inner = last;
            }
        }
    }
    count
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// A redaction-box label starting at `at`. Long labels may be glued to OCR
/// debris before them; two-word labels inside a name ("Grand Jury
/// Investigation", "In re: Grand Jury") are left alone.
fn label_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let label = LABELS.iter().find(|l| rest.starts_with(*l))?;
    let end = at + label.len();
    let after = &text[end..];
    if is_word_char(after.chars().next()) {
        return None;
    }
    let glued_ocr = label.len() > 12;
    if is_word_char(text[..at].chars().next_back()) && !glued_ocr {
        return None;
    }
    if label.contains(' ') && label.len() <= 12 {
        let next_word = after.trim_start().chars().next();
        let in_name =
            next_word.is_some_and(char::is_uppercase) || text[..at].trim_end().ends_with("re:");
        if in_name {
            return None;
        }
    }
    Some(end)
}

/// "[REDACTED]", "[Redacted]", "[: Harm to Ongoing Matter]".
fn bracket_at(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    let window = rest.get(..rest.len().min(64)).unwrap_or(rest);
    let close = window.find(']')?;
    let inside = &rest[1..close];
    let redacted = inside
        .as_bytes()
        .windows(6)
        .any(|w| w.eq_ignore_ascii_case(b"redact"))
        || LABELS.iter().any(|l| inside.contains(l));
    redacted.then_some(at + close + 1)
}

/// A run of black blocks ("■■■■", "█ █ █"), at least two of them.
fn blocks_at(text: &str, at: usize) -> Option<usize> {
    let is_block = |c: char| matches!(c, '■' | '█' | '▇' | '▆' | '▬' | '▮' | '◼' | '⬛');
    let mut end = at;
    let mut count = 0;
    for (i, c) in text[at..].char_indices() {
        if is_block(c) {
            count += 1;
            end = at + i + c.len_utf8();
        } else if c != ' ' {
            break;
        }
    }
    (count >= 2).then_some(end)
}

/// "XXXX": a word of at least three X's (lower-case x's may mix in).
fn crosses_at(text: &str, at: usize) -> Option<usize> {
    if is_word_char(text[..at].chars().next_back()) {
        return None;
    }
    let run = text[at..]
        .bytes()
        .take_while(|&b| b == b'X' || b == b'x')
        .count();
    let end = at + run;
    (run >= 3 && !is_word_char(text[end..].chars().next())).then_some(end)
}

/// FOIA exemption codes: "(b)(6)", "(b)(7)(C)".
fn foia_code_at(bytes: &[u8], at: usize) -> Option<usize> {
    if !bytes[at..].starts_with(b"(b)(") {
        return None;
    }
    let mut end = at + 3;
    while bytes.get(end) == Some(&b'(') {
        let ok = bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
            && bytes.get(end + 2) == Some(&b')');
        if !ok {
            break;
        }
        end += 3;
    }
    (end > at + 3).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(text: &str) -> Vec<&str> {
        redactions(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_marks_of_every_kind() {
        assert_eq!(
            marks("Trump told [REDACTED] about ■■■■ ■■ and XXXX on (b)(6), (b)(7)(C)."),
            ["[REDACTED]", "■■■■ ■■", "XXXX", "(b)(6)", "(b)(7)(C)"]
        );
        assert_eq!(
            marks("recalled hearing Harm to Ongoing Matter and HOM and EweHarm to Ongoing Matter."),
            ["Harm to Ongoing Matter", "HOM", "Harm to Ongoing Matter"]
        );
        assert_eq!(
            marks("[: Harm to Ongoing Matter] ok"),
            ["[: Harm to Ongoing Matter]"]
        );
        assert_eq!(
            marks("Manafort, [Redacted] and Personal Privacy."),
            ["[Redacted]", "Personal Privacy"]
        );
    }

    #[test]
    fn leaves_ordinary_words_alone() {
        assert!(marks(
            "a grand jury subpoena; In re: Grand Jury Investigation; the Grand Jury Clause"
        )
        .is_empty());
        assert!(marks("WHOM and HOMER and Xerox and 3 x 4 and [sic] and (b) and ■").is_empty());
    }

    #[test]
    fn counts_words_outside_marks_like_the_tokenizer() {
        let words = |t: &str| count_words(t, &redactions(t));
        assert_eq!(words("Trump’s aide didn't pay $1,000.50 on 3.5."), 7);
        assert_eq!(words("He told [Redacted] and Harm to Ongoing Matter."), 3);
        assert_eq!(words("EweHarm to Ongoing Matter"), 1);
        assert_eq!(words("."), 0);
    }

    #[test]
    fn counts_the_words_the_tokenizer_finds_outside_chinese_and_japanese() {
        for text in [
            "Trump’s aide didn't pay $1,000.50 on 3.5. x’ ’y 7, ,8 a'b'c",
            "naïve café2x «Ünïcode» ß-straße ²³ 1.2.3 ... ',' 'a' é’é",
            "  a  b\tc\n(d)[e]{f}—g–h…i “j” 12,345,678.9 A1b2C3 x.1 1.x",
            "",
            "’",
            "a",
        ] {
            let expected = crate::text::word_spans(text).count();
            assert_eq!(count_words(text, &[]), expected, "{text:?}");
        }
    }

    #[test]
    fn survives_odd_input() {
        for text in ["", "[", "(b)(", "(b)(é", "■", "é[", "XX", "[redacted"] {
            let _ = redactions(text);
        }
    }
}
