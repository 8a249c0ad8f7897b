//! Sentence boundaries in normalised paragraph text, tuned for legal and
//! official prose: abbreviations, initials, citations ("745 F.2d 1386, 1393
//! (11th Cir. 1984)"), decimals, quotations, glued footnote references, and
//! tokenised text ("Ms . Kinsman", "shocked . ''").

use std::ops::Range;

use super::scan::{byte_set, next_in, ByteSet};

/// Titles of people ("Sen. Lott"): abbreviations that never end a sentence,
/// as a name follows them; they say who is named, not what was said of them.
const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Hon", "Rev", "St", "Sen", "Sens", "Rep", "Reps",
    "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Adm", "Cmdr", "Maj", "Pres", "Supt", "Det",
];

/// Other abbreviations that never end a sentence: a name or a number follows them.
const TITLES: &[&str] = &[
    "No", "Nos", "v", "vs", "e.g", "i.e", "cf", "Cf", "para", "paras", "Para", "Paras", "p", "pp",
    "Cir", "Fed", "R", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Ct", "F", "Supp", "App", "Ch", "Art", "Arts", "Sec", "Secs", "Vol", "Vols",
    "Const", "Stat", "Pub", "Cl", "cl", "Ed", "ed", "eds", "Exh", "Ex", "Fig", "fig", "Figs",
    "approx", "Dept", "Dep", "Cong", "Rec", "Sess", "Reg", "Regs", "Pt", "pt", "ch", "sec", "art",
    "vol", "nn", "n", "ibid", "Id", "id", "Jud", "Comm", "Assn", "Ass'n", "Ave", "Blvd", "Mt",
    "Ft", "U.S.C", "C.F.R", "Op", "Ops",
];

/// Abbreviations that often end a sentence too: they end one only before a
/// word that typically opens a sentence.
const AMBIGUOUS: &[&str] = &[
    "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "etc", "al", "seq", "LLC", "L.L.C", "Bros", "Esq",
];

/// Words that typically open a sentence, for deciding after an ambiguous abbreviation.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "When",
    "After",
    "Before",
    "As",
    "If",
    "While",
    "Although",
    "Though",
    "Because",
    "However",
    "Then",
    "Later",
    "Also",
    "Both",
    "Each",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "One",
    "Two",
    "Three",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "For",
    "From",
    "By",
    "With",
    "To",
    "Under",
    "Since",
    "Instead",
    "Still",
    "Such",
    "Other",
    "According",
    "During",
    "Meanwhile",
    "Following",
    "See",
    "Id",
    "Here",
];

/// Byte length of the longest abbreviation in `HONORIFICS`, `TITLES` and `AMBIGUOUS`:
/// longer words, most words before a period, skip both look-ups.
const LONGEST_LISTED: usize = longest(AMBIGUOUS, longest(TITLES, longest(HONORIFICS, 0)));

const fn longest(list: &[&str], at_least: usize) -> usize {
    let mut n = at_least;
    let mut k = 0;
    while k < list.len() {
        if list[k].len() > n {
            n = list[k].len();
        }
        k += 1;
    }
    n
}

/// What kind of abbreviation, if any, a word before a period is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbreviation {
    /// Not an abbreviation: the period ends a sentence.
    None,
    /// A title or reference abbreviation (Mr., v., No., Cir.): never a sentence end.
    Title,
    /// An initial or initialism (J., U.S., D.C.) or a word like "Inc." or
    /// "etc.": a sentence end only before a typical sentence opener.
    Ambiguous,
}

/// Classifies the word that `before` (text up to a period) ends with.
pub fn abbreviation(before: &str) -> Abbreviation {
    let before = before.trim_end();
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '"' | '“' | '‘' | '—'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return Abbreviation::None;
    }
    if word.len() <= LONGEST_LISTED {
        if TITLES.contains(&word) || HONORIFICS.contains(&word) {
            return Abbreviation::Title;
        }
        if AMBIGUOUS.contains(&word) {
            return Abbreviation::Ambiguous;
        }
    }
    let initialism = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if initialism && word.chars().next().is_some_and(char::is_uppercase) {
        return Abbreviation::Ambiguous;
    }
    if initialism {
        return Abbreviation::Title;
    }
    Abbreviation::None
}

/// Whether a word, in any case, is a person's title ("sen" of "Sen."):
/// matching may count it, but it tells a reader nothing on its own.
pub fn is_honorific(word: &str) -> bool {
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(word))
}

/// Whether a period after `before` may not end a sentence (any kind of abbreviation).
pub fn is_abbreviation(before: &str) -> bool {
    abbreviation(before) != Abbreviation::None
}

/// Byte ranges of the sentences of `text`, whitespace trimmed, covering all its words.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = next_in(&MAY_END, bytes, i) {
        i = at;
        let c = bytes[i];
        let ideographic = match c {
            0xE3 | 0xEF => text.get(i..).and_then(ideographic_terminal),
            _ => None,
        };
        if let Some(len) = ideographic {
            // Chinese and Japanese end sentences with no space and no capital after.
            let end = skip_closers(text, i + len);
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
            continue;
        }
        let terminal = matches!(c, b'.' | b'!' | b'?')
            || (c == 0xE2 && text.get(i..).is_some_and(|rest| rest.starts_with('…')));
        if !terminal {
            i += 1;
            continue;
        }
        let punct_len = if c < 0x80 { 1 } else { '…'.len_utf8() };
        if let Some(end) = boundary(text, start, i, punct_len) {
            push_trimmed(text, start..end, &mut out);
            start = end;
            i = end;
        } else {
            i += punct_len;
        }
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Sentences of a paragraph that opens with its own `number` ("4.", "II.",
/// "A."): the marker's full stop ends no sentence, so "1. Introduction" is
/// one sentence, not a "1." that links to every other "1.".
pub fn split_numbered(text: &str, number: Option<&str>) -> Vec<Range<usize>> {
    let mut out = split_sentences(text);
    let marker = number
        .filter(|n| text.starts_with(n))
        .map_or(0, |n| n.len() + 1);
    if out.len() > 1 && out[0].end <= marker {
        let first = out.remove(0);
        out[0].start = first.start;
    }
    out
}

/// The bytes that may start a sentence end: ASCII terminals, and the lead
/// bytes of "…" (0xE2) and of the full-width ends (0xE3, 0xEF). A table,
/// as the scan looks at every byte of the text.
static MAY_END: ByteSet = byte_set(&[b'.', b'!', b'?', 0xE2, 0xE3, 0xEF]);

/// If the punctuation at `at` ends a sentence begun at `start`, where the
/// sentence ends (closing quotes and glued footnote numbers included).
fn boundary(text: &str, start: usize, at: usize, punct_len: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let period = bytes[at] == b'.';
    if let Some(end) = run_on_end(text, start, at, punct_len, period) {
        return Some(end);
    }
    let mut end = at + punct_len;
    let glued = bytes
        .get(end)
        .copied()
        .filter(|&b| b == b'.' || b.is_ascii_alphanumeric());
    let after_digit = at > 0 && bytes[at - 1].is_ascii_digit();
    if period && glued.is_some_and(|b| !b.is_ascii_digit() || after_digit) {
        return None;
    }
    end = skip_closers(text, end);
    let digits = bytes[end..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let glued_reference = digits > 0
        && digits <= 3
        && at > 0
        && !bytes[at - 1].is_ascii_digit()
        && bytes
            .get(end + digits)
            .is_none_or(|b| b.is_ascii_whitespace());
    if glued_reference {
        end += digits;
    } else if digits > 0 {
        return None;
    }
    let spaced = text[end..].starts_with(char::is_whitespace);
    let after_space = text[end..].trim_start();
    let closers_after_space = skip_closers(after_space, 0);
    // A closing quote set off by a stray space and run into the next
    // sentence ("proceeding. ”Ballentine's", where spaces were put back
    // after full stops only) closes this one: it can open nothing.
    let closing_only = closers_after_space > 0
        && !after_space[..closers_after_space].contains(['"', '\''])
        && after_space[closers_after_space..].starts_with(char::is_uppercase);
    if closers_after_space > 0 && closers_after_space == after_space.len()
        || after_space[closers_after_space..].starts_with(char::is_whitespace)
        || closing_only
    {
        end = text.len() - after_space.len() + closers_after_space;
        return after_space[closers_after_space..]
            .trim_start()
            .is_empty()
            .then_some(end)
            .or_else(|| {
                opens_sentence(after_space[closers_after_space..].trim_start()).then_some(end)
            });
    }
    if !spaced || after_space.is_empty() {
        return None;
    }
    if !opens_sentence(after_space) {
        return None;
    }
    let before = &text[start..at];
    if period && ellipsis_before(before) {
        return None;
    }
    match (period, abbreviation(before)) {
        (false, _) | (true, Abbreviation::None) => Some(end),
        (true, Abbreviation::Title) => None,
        (true, Abbreviation::Ambiguous) => opens_with_opener(after_space).then_some(end),
    }
}

/// Where a sentence end that runs straight into the next sentence ends
/// ("profit.The firm", "Yemen?CNN", "said.”The"): extractive summaries and
/// text copied from web pages join sentences so. A question or exclamation
/// mark ends one before any capital; a full stop only before a word that
/// goes on in lower case after its capital, and only where the word before
/// ends in two lower-case letters, a percentage or two digits and is no
/// abbreviation, so initials ("J.Smith"), "e.g." and decimals stay whole.
/// `period` says whether the end at `at` is a full stop.
fn run_on_end(
    text: &str,
    start: usize,
    at: usize,
    punct_len: usize,
    period: bool,
) -> Option<usize> {
    let end = skip_closers(text, at + punct_len);
    let mut next = text[end..].chars();
    if !next.next().is_some_and(char::is_uppercase) {
        return None;
    }
    if !period {
        return Some(end);
    }
    if !next.next().is_some_and(char::is_lowercase) {
        return None;
    }
    let before = &text[start..at];
    let mut last = before.chars().rev();
    let word_ends = match (last.next(), last.next()) {
        (Some('%'), _) => true,
        (Some(a), Some(b)) => {
            a.is_lowercase() && b.is_lowercase() || a.is_ascii_digit() && b.is_ascii_digit()
        }
        _ => false,
    };
    (word_ends && abbreviation(before) == Abbreviation::None).then_some(end)
}

/// Whether `next` opens with a word that typically opens a sentence, which
/// an ambiguous abbreviation ends one before.
fn opens_with_opener(next: &str) -> bool {
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    SENTENCE_OPENERS.contains(&word)
}

/// Whether a line that ends in a full stop after `before` ends its
/// sentence, given that the next line opens with `next`: after an initial
/// or an ambiguous abbreviation ("138 S." before "Ct. 1101", "Robert S."
/// before "Mueller") only a typical sentence opener starts a new one, as
/// inside a line.
pub fn period_ends_before(before: &str, next: &str) -> bool {
    abbreviation(before) != Abbreviation::Ambiguous || opens_with_opener(next)
}

/// Length of the full-width sentence end (。！？) that `text` starts with.
fn ideographic_terminal(text: &str) -> Option<usize> {
    text.chars()
        .next()
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .map(char::len_utf8)
}

/// Length of the closing quotes and brackets at the start of `text[from..]`.
fn skip_closers(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    let mut len = 0;
    for c in rest.chars() {
        if matches!(
            c,
            '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '」' | '』' | '）'
        ) {
            len += c.len_utf8();
        } else {
            break;
        }
    }
    from + len
}

/// Whether `text` (after a sentence end) starts like a new sentence: with a
/// capital, also behind opening quotes and brackets.
pub fn opens_sentence(text: &str) -> bool {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some('"' | '“' | '‘' | '\'' | '`' | '(' | '[' | '¿' | '¡') => {
            let rest = chars
                .as_str()
                .trim_start_matches(['`', '\'', '"', '“', '‘', ' ']);
            rest.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        }
        _ => false,
    }
}

/// Whether `before` ends with an elision (". . ." or "..."), which rarely ends a sentence.
fn ellipsis_before(before: &str) -> bool {
    let before = before.trim_end();
    before.ends_with(". .") || before.ends_with("..")
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(range.start + lead..range.start + lead + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn every_listed_abbreviation_is_found() {
        for word in TITLES.iter().chain(HONORIFICS) {
            assert_eq!(
                abbreviation(&format!("see {word}")),
                Abbreviation::Title,
                "{word}"
            );
        }
        for word in AMBIGUOUS {
            assert_eq!(abbreviation(word), Abbreviation::Ambiguous, "{word}");
        }
        assert_eq!(abbreviation("the Messrsx"), Abbreviation::None);
    }

    #[test]
    fn a_paragraphs_number_ends_no_sentence() {
        let text = "4. The visitor came. She left.";
        let split = |number| {
            split_numbered(text, number)
                .into_iter()
                .map(|r| &text[r])
                .collect::<Vec<_>>()
        };
        assert_eq!(split(Some("4")), ["4. The visitor came.", "She left."]);
        assert_eq!(split(None), ["4.", "The visitor came.", "She left."]);
    }

    #[test]
    fn splits_chinese_and_japanese_at_full_width_ends() {
        assert_eq!(
            split("委员会审查了预算。农村诊所的资金大幅下降！是吗？"),
            ["委员会审查了预算。", "农村诊所的资金大幅下降！", "是吗？"]
        );
        assert_eq!(
            split("「報告書を読んだ。」彼は言った。"),
            ["「報告書を読んだ。」", "彼は言った。"]
        );
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        assert_eq!(
            split("Mr. Comey met the U.S. team. He left. “Go,” he said! Then 3.5 p.m. came?"),
            [
                "Mr. Comey met the U.S. team.",
                "He left.",
                "“Go,” he said!",
                "Then 3.5 p.m. came?"
            ]
        );
    }

    #[test]
    fn splits_sentences_run_together_without_a_space() {
        assert_eq!(
            split("Sales rose 2% to $11.1bn.For the year, profit grew 27%.Why?The firm said.\"We won.\"He left!Then?CNN"),
            [
                "Sales rose 2% to $11.1bn.",
                "For the year, profit grew 27%.",
                "Why?",
                "The firm said.\"",
                "We won.\"",
                "He left!",
                "Then?",
                "CNN"
            ]
        );
        assert_eq!(
            split("J.Smith of bbc.co.uk met Mr.Brown, e.g.The Times, at 10.30 in 1999.Then"),
            [
                "J.Smith of bbc.co.uk met Mr.Brown, e.g.The Times, at 10.30 in 1999.",
                "Then"
            ]
        );
    }

    #[test]
    fn keeps_initials_and_citations_together() {
        assert_eq!(
            split(
                "See United States v. Roe, 529 F.2d 629 (4th Cir. 1975). K.T. McFarland declined."
            ),
            [
                "See United States v. Roe, 529 F.2d 629 (4th Cir. 1975).",
                "K.T. McFarland declined."
            ]
        );
        assert_eq!(
            split("Marinello v. United States, 138 S. Ct. 1101, 1106 (2018). See 18 U.S.C. § 1512(c)(2). Id. at 599."),
            [
                "Marinello v. United States, 138 S. Ct. 1101, 1106 (2018).",
                "See 18 U.S.C. § 1512(c)(2).",
                "Id. at 599."
            ]
        );
        assert_eq!(
            split("It was the Act of 2002, Pub. L. 107-204, 116 Stat. 807. It passed."),
            [
                "It was the Act of 2002, Pub. L. 107-204, 116 Stat. 807.",
                "It passed."
            ]
        );
        assert_eq!(
            split("Lobbying Efforts, 13 Op.\nO.L.C. 300 (1989). It held."),
            ["Lobbying Efforts, 13 Op.\nO.L.C. 300 (1989).", "It held."]
        );
    }

    #[test]
    fn decides_ambiguous_abbreviations_by_the_next_word() {
        assert_eq!(
            split("He moved to the U.S. The move was hard. Donald J. Trump and U.S. Attorney Roe met."),
            [
                "He moved to the U.S.",
                "The move was hard.",
                "Donald J. Trump and U.S. Attorney Roe met."
            ]
        );
        assert_eq!(
            split("Acme Inc. The firm grew, e.g. in Paris, i.e. abroad."),
            ["Acme Inc.", "The firm grew, e.g. in Paris, i.e. abroad."]
        );
    }

    #[test]
    fn handles_tokenised_text() {
        assert_eq!(
            split("`` Ms . Kinsman 's false accusations hurt . '' He left ."),
            [
                "`` Ms . Kinsman 's false accusations hurt . ''",
                "He left ."
            ]
        );
        assert_eq!(split("Who ?"), ["Who ?"]);
        assert_eq!(split("."), ["."]);
    }

    #[test]
    fn a_closing_quote_set_off_by_a_space_closes_its_sentence() {
        assert_eq!(
            split("He said it was “a good one. ”The board agreed."),
            ["He said it was “a good one. ”", "The board agreed."]
        );
        assert_eq!(
            split("He said it was \"a good one. \"The board agreed.\""),
            ["He said it was \"a good one.", "\"The board agreed.\""]
        );
    }

    #[test]
    fn keeps_glued_references_and_quotes_with_their_sentence() {
        assert_eq!(
            split("Russia.7 The questions grew.” 8 Then ... more. “Now,” he said."),
            [
                "Russia.7",
                "The questions grew.” 8 Then ... more.",
                "“Now,” he said."
            ]
        );
        assert_eq!(
            split("evidence. . . . Therefore, mens rea."),
            ["evidence. . . . Therefore, mens rea."]
        );
        assert_eq!(
            split("Paragraph 4.12 says so. Yes."),
            ["Paragraph 4.12 says so.", "Yes."]
        );
    }
}
