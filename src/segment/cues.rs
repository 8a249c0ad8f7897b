//! Cues: what the wording of a line says about its role (how it ends, whether
//! it opens with a heading number or list marker, whether it reads like a
//! title), shared by paragraph and heading detection.

use super::markdown::note_reference_len;
use super::sentences::{abbreviation, is_abbreviation, period_ends_before, Abbreviation};
use crate::text::is_year;

/// How a line ends, as far as paragraph breaks are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A sentence ends here (`.`, `!`, `?`, possibly closed by quotes or brackets).
    Terminal,
    /// A colon: a list or quotation may follow.
    Colon,
    /// A word broken by a hyphen at the line end.
    Hyphen,
    /// Anything else: the sentence runs on.
    Open,
}

/// The signs OCR reads a raised note number as ("research.°", "®71Cohen"):
/// a note's reference or marker, never text.
pub const RAISED_NUMBER_SIGNS: [char; 3] = ['°', '®', '©'];

/// How `line` ends. Footnote references glued to the end ("said.”23",
/// "documents.[20]" as copied from web pages, OCR's
/// "Russia.'*", "so.%�", "research.°" (OCR reads raised digits as °, ® or
/// ©) and "back.�TM", a raised number read as a trademark
/// sign, or a garbled one after a space, "remains ... 8�") are looked
/// through; an abbreviation's period does not end a sentence.
pub fn ending(line: &str) -> Ending {
    let closing = |c: char| {
        c.is_ascii_digit()
            || matches!(
                c,
                '"' | '”'
                    | '’'
                    | '\''
                    | ')'
                    | ']'
                    | '*'
                    | '�'
                    | '`'
                    | '»'
                    | '†'
                    | '‡'
                    | '>'
                    | '%'
                    | '^'
            )
            || RAISED_NUMBER_SIGNS.contains(&c)
    };
    let mut stripped = without_bracketed_references(line).trim_end_matches(closing);
    // A reference OCR garbled and set off by a space ("remains ... 8�").
    if !line[stripped.len()..].bytes().all(|b| b.is_ascii_digit()) {
        stripped = stripped.trim_end_matches(' ').trim_end_matches(closing);
    }
    if let Some(before) = stripped.strip_suffix("TM") {
        if before.ends_with(|c: char| closing(c) || matches!(c, '.' | '!' | '?')) {
            stripped = before.trim_end_matches(closing);
        }
    }
    let Some(last) = stripped.chars().next_back() else {
        return Ending::Open;
    };
    match last {
        '!' | '?' | '…' => Ending::Terminal,
        '.' => {
            let before = &stripped[..stripped.len() - 1];
            let closed = stripped.len() < line.len();
            if !closed && abbreviation(before) == Abbreviation::Title {
                Ending::Open
            } else {
                Ending::Terminal
            }
        }
        ':' => Ending::Colon,
        '-' if line.ends_with('-') => {
            let word_before = stripped[..stripped.len() - 1]
                .chars()
                .next_back()
                .is_some_and(char::is_alphabetic);
            if word_before {
                Ending::Hyphen
            } else {
                Ending::Open
            }
        }
        _ => Ending::Open,
    }
}

/// `line` without the bracketed references that end it ("documents.[20]",
/// "said.[3][4]", Markdown's `said.[^3]`), as text copied from web pages
/// and wikis carries them.
fn without_bracketed_references(line: &str) -> &str {
    let mut rest = line;
    while rest.ends_with(']') {
        match rest.rfind('[') {
            Some(open) if bracketed_references_len(&rest[open..]) == rest.len() - open => {
                rest = &rest[..open];
            }
            _ => break,
        }
    }
    rest
}

/// Length of the bracketed references `text` opens with ("[20]",
/// "[3][4]", Markdown's `[^3]`), which the compared text leaves out as it leaves out
/// references glued to a word: see [`without_bracketed_references`].
pub fn bracketed_references_len(text: &str) -> usize {
    let mut len = 0;
    while let Some(inner) = text[len..].strip_prefix('[') {
        let note = note_reference_len(&text[len..]);
        if note > 0 {
            len += note;
            continue;
        }
        let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&digits) || !inner[digits..].starts_with(']') {
            break;
        }
        len += digits + 2;
    }
    len
}

/// Whether `line` ends in a full stop after an initial or an ambiguous
/// abbreviation ("United States, 138 S.") that ends no sentence before
/// `next`, the next line, as it opens with a word that seldom opens one
/// ("Ct. 1101"): the sentence runs on.
pub fn runs_on_after_abbreviation(line: &str, next: &str) -> bool {
    line.strip_suffix('.')
        .is_some_and(|before| !period_ends_before(before, next))
}

/// Words that cannot end a paragraph: a line ending on one runs on.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
    "but", "nor", "that", "which", "who", "whom", "whose", "as", "than", "is", "are", "was",
    "were", "be", "been", "his", "her", "its", "their", "our", "my", "your", "this", "these",
    "those", "into", "onto", "upon", "about", "between", "if", "whether", "not", "no",
];

/// Whether `line` ends in a footnote reference: one to four digits set
/// right after closing punctuation ("documents.19", "so.”7", "§ 1001.152").
pub fn ends_in_reference(line: &str) -> bool {
    let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=4).contains(&digits)
        && line[..line.len() - digits]
            .ends_with(['.', ',', ';', ':', '!', '?', '”', '’', '"', ')', ']'])
}

/// Whether `line` ends on a comma, semicolon, dash or word that cannot end a paragraph.
pub fn runs_on(line: &str) -> bool {
    // A spaced hyphen or a double one stands for a dash ("Whoever corruptly -").
    if line.ends_with([',', ';', '&', '—', '–']) || line.ends_with(" -") || line.ends_with("--")
    {
        return true;
    }
    let last = line
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is_one_of(last, FUNCTION_WORDS)
}

/// The letters `line` opens with, up to its first other character.
fn first_word(line: &str) -> &str {
    line.split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// Whether `word`, in any case, is one of `list` (lower-case ASCII words).
fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words that open a sentence going on from the one before (a conjunction,
/// a pronoun taking up what was said, a citation signal) and so seldom open
/// a paragraph.
const MID_OPENERS: &[&str] = &[
    "and", "or", "nor", "he", "she", "it", "they", "him", "them", "his", "its", "their", "these",
    "those", "such", "see", "id", "ibid", "cf",
];

/// Words that open a sentence placing it in time, as narrative paragraphs
/// often begin ("On 3 May", "Later that day", "Following the review").
const TIME_OPENERS: &[&str] = &[
    "on",
    "in",
    "during",
    "after",
    "following",
    "later",
    "before",
    "shortly",
    "since",
    "when",
];

/// Whether `line` opens with a lower-case word that a title would
/// capitalise ("interests. See 1 Samuel Johnson, A Dictionary …"): the tail
/// of a sentence, not a title's line, however many capitals follow.
pub fn opens_in_prose(line: &str) -> bool {
    let word = first_word(line);
    word.starts_with(|c: char| c.is_lowercase()) && !is_small_word(word)
}

/// Whether `line` opens with a word that places it in time.
pub fn opens_in_time(line: &str) -> bool {
    is_one_of(first_word(line), TIME_OPENERS)
}

/// Words that lead into a date as well as the time openers do ("Also on
/// May 10, 2017", "By January 2016", "Beginning in February 2016").
const DATE_LEADS: &[&str] = &[
    "also",
    "by",
    "between",
    "beginning",
    "around",
    "until",
    "through",
];

/// How many words an opening that dates its sentence may run to, its year
/// the last ("On the evening of May 11, 2017,").
pub const YEAR_WITHIN: usize = 7;

/// Whether `line` opens by dating its sentence to a year ("On March 26,
/// 2017, the", "In the fall of 2015,"): a chronology opens its paragraphs
/// so, each at its next date, far more often than it dates a sentence
/// inside one.
pub fn opens_with_date(line: &str) -> bool {
    (opens_in_time(line) || is_one_of(first_word(line), DATE_LEADS))
        && line
            .split_whitespace()
            .take(YEAR_WITHIN)
            .any(|word| is_year(word.trim_end_matches([',', '.', ';', ':', ')'])))
}

/// Whether `line` opens with a word that seldom opens a paragraph, or with
/// a number that is no list marker (a citation running on: "425, 443 (1977).").
pub fn opens_mid_paragraph(line: &str) -> bool {
    if line.starts_with(|c: char| c.is_ascii_digit()) {
        return numbering(line).is_none();
    }
    is_one_of(first_word(line), MID_OPENERS)
}

/// The numbering style of a heading number or list marker; styles, not
/// values, decide how headings nest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// I. II. III.
    UpperRoman,
    /// A. B. C.
    UpperLetter,
    /// 1. 2. 3.
    Arabic,
    /// 3.4 or 3.4.1: the number of parts.
    Decimal(u8),
    /// a. b. c.
    LowerLetter,
    /// i. ii. iii.
    LowerRoman,
    /// (a) or a)
    ParenLetter,
    /// (i) or i)
    ParenRoman,
    /// (1) or 1)
    ParenArabic,
    /// (A) or A)
    ParenUpper,
    /// • – * and friends.
    Bullet,
}

/// A number or marker opening a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbering {
    /// Its style.
    pub style: Style,
    /// Byte length of the marker itself.
    pub len: usize,
    /// The first character of its value (a letter or roman numeral), for
    /// telling "I." after "H." from roman one.
    pub first: char,
}

/// The heading number or list marker at the start of `line`, if it is
/// followed by a space or ends the line.
pub fn numbering(line: &str) -> Option<Numbering> {
    as_printed(line).or_else(|| misread_roman(line))
}

/// A roman heading number as OCR misreads it before a title in capitals:
/// a lower-case l for I ("Ill. LEGAL DEFENSES"), a comma for the full stop
/// ("II, FACTUAL RESULTS"). The capitals after it make it a heading, not a
/// word ("Ill.", Illinois) or a list.
fn misread_roman(line: &str) -> Option<Numbering> {
    let token_len = line.find(['.', ','])?;
    let token = &line[..token_len];
    let title = line[token_len + 1..].strip_prefix(' ')?;
    let first = token
        .chars()
        .next()
        .filter(|c| matches!(c, 'I' | 'V' | 'X'))?;
    let roman = token.len() <= 5 && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'l'));
    let misread = token.contains('l') || line[token_len..].starts_with(',');
    (roman && misread && all_caps(title) && title.split_whitespace().nth(1).is_some()).then_some(
        Numbering {
            style: Style::UpperRoman,
            len: token_len + 1,
            first,
        },
    )
}

/// The heading letter that OCR read as itself twice, once in capitals and
/// once in lower case ("Cc" for "C."), when that is all of `line`: only
/// letters whose small form is their capital's shape, where a full stop
/// beside them is read as the small letter.
pub fn misread_letter(line: &str) -> Option<char> {
    let [capital, small] = *line.as_bytes() else {
        return None;
    };
    (b"COSVWXZ".contains(&capital) && small == capital.to_ascii_lowercase())
        .then_some(char::from(capital))
}

/// The marker as `numbering` reads it when nothing was misread.
fn as_printed(line: &str) -> Option<Numbering> {
    let first = line.chars().next()?;
    if matches!(
        first,
        '•' | '◦' | '▪' | '●' | '■' | '□' | '‣' | '⁃' | '-' | '–' | '*' | '·'
    ) {
        let rest = &line[first.len_utf8()..];
        return rest.starts_with([' ', '\t']).then_some(Numbering {
            style: Style::Bullet,
            len: first.len_utf8(),
            first,
        });
    }
    let (inner, open) = match line.strip_prefix('(') {
        Some(rest) => (rest, 1),
        None => (line, 0),
    };
    let token_len = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(inner.len());
    let token = &inner[..token_len];
    let after = &inner[token_len..];
    let (value, closer) = if open == 1 || after.starts_with(')') {
        (token, after.strip_prefix(')')?)
    } else {
        (token.strip_suffix('.').unwrap_or(token), after)
    };
    let dotted = open == 0 && !after.starts_with(')') && token.ends_with('.');
    let len = line.len() - closer.len();
    if !(closer.is_empty() || closer.starts_with(char::is_whitespace)) || value.is_empty() {
        return None;
    }
    let parens = open == 1 || after.starts_with(')');
    let style = style_of(value, parens, dotted)?;
    Some(Numbering {
        style,
        len,
        first: value.chars().next()?,
    })
}

fn style_of(value: &str, parens: bool, dotted: bool) -> Option<Style> {
    let is_roman = |s: &str, set: &str| s.len() <= 5 && s.chars().all(|c| set.contains(c));
    let letter = value.len() == 1 && value.chars().all(|c| c.is_ascii_alphabetic());
    if value.contains('.') {
        let parts: Vec<&str> = value.split('.').collect();
        let numeric = parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        return (numeric && !parens && parts.len() <= 6)
            .then_some(Style::Decimal(parts.len() as u8));
    }
    if value.len() <= 3 && value.bytes().all(|b| b.is_ascii_digit()) {
        return match (parens, dotted) {
            (true, _) => Some(Style::ParenArabic),
            (false, true) => Some(Style::Arabic),
            _ => None,
        };
    }
    if !(parens || dotted) {
        return None;
    }
    let upper_roman = is_roman(value, "IVXLC");
    let lower_roman = is_roman(value, "ivxlc");
    match (parens, letter, upper_roman, lower_roman) {
        (true, _, _, true) if value != "c" || !letter => Some(Style::ParenRoman),
        (true, true, _, _) if value.chars().all(|c| c.is_ascii_lowercase()) => {
            Some(Style::ParenLetter)
        }
        (true, true, _, _) => Some(Style::ParenUpper),
        (false, _, true, _) => Some(Style::UpperRoman),
        (false, true, _, _) if value.chars().all(|c| c.is_ascii_uppercase()) => {
            Some(Style::UpperLetter)
        }
        (false, _, _, true) if !letter => Some(Style::LowerRoman),
        (false, true, _, _) => Some(Style::LowerLetter),
        _ => None,
    }
}

/// Small words a title leaves in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for", "from",
    "with", "as", "vs", "v", "via", "per", "into", "onto", "upon", "that", "than", "is", "are",
    "was", "be", "its", "his", "her", "their", "he", "she", "it", "not", "about", "between",
    "under", "over", "after", "before", "during", "within", "without", "towards", "toward",
    "against", "up", "out", "off", "whether", "who", "what", "when", "where", "why", "how",
    "which", "has", "have", "had", "did", "do", "does",
];

/// Whether `word` (lower case) is one a title leaves in lower case, or two
/// such that OCR ran together ("ina", "ofthe").
pub fn is_small_word(word: &str) -> bool {
    let small = |w: &str| TITLE_SMALL_WORDS.contains(&w);
    small(word)
        || word.starts_with(|c: char| c.is_ascii_lowercase())
            && TITLE_SMALL_WORDS
                .iter()
                .any(|first| word.strip_prefix(first).is_some_and(small))
}

/// Whether `text` reads like a title: every word that is not a small word
/// starts with a capital (or is not a word), and it does not read like a
/// sentence ("Results of the Investigation", "Support for Trump").
pub fn title_case(text: &str) -> bool {
    let mut words = 0;
    let mut capitalised = 0;
    let mut lower = 0;
    let mut letters = false;
    for word in text.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next() else {
            continue;
        };
        words += 1;
        letters |= first.is_alphabetic();
        if first.is_uppercase() || first.is_numeric() {
            capitalised += 1;
        } else if !TITLE_SMALL_WORDS.contains(&word) {
            lower += 1;
            if lower > 2 {
                return false;
            }
        }
    }
    words > 0 && capitalised > 0 && letters && lower * 5 <= capitalised.max(1) && lower <= 2
}

/// Whether the letters of `text` are all capitals (at least three of them).
pub fn all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 3
}

/// Whether `text` holds a sentence boundary before its end (". T", also
/// through closing quotes and brackets: "attorney.\" As", OCR's "2016.% At").
pub fn has_inner_sentence_end(text: &str) -> bool {
    inner_sentence_ends(text).next().is_some()
}

/// How many sentences `line` ends: those ending inside it, and its own
/// sentence end; a paragraph's length in sentences is the sum over its lines.
pub fn sentence_ends(line: &str) -> usize {
    inner_sentence_ends(line).count() + usize::from(ending(line) == Ending::Terminal)
}

/// The text from each sentence that opens inside `text` on: its sentences
/// after the first, each running to the end of `text`.
pub fn inner_sentence_starts(text: &str) -> impl Iterator<Item = &str> + '_ {
    inner_sentence_ends(text).filter_map(|i| text[i + 1..].split_once(' ').map(|(_, rest)| rest))
}

/// Byte offsets of the sentence boundaries inside `text` (see
/// [`has_inner_sentence_end`]).
fn inner_sentence_ends(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    let ends_at = move |i: usize| {
        let rest = &bytes[i + 1..];
        // Closing quotes and brackets, ASCII or not (”, ’, OCR's �).
        let closing = rest
            .iter()
            .take_while(|&&c| matches!(c, b'"' | b'\'' | b')' | b']' | b'*' | b'%') || c >= 0x80)
            .count();
        rest.get(closing) == Some(&b' ')
            && rest.get(closing + 1).is_some_and(u8::is_ascii_uppercase)
            && !is_abbreviation(&text[..i])
    };
    memchr::memchr3_iter(b'.', b'!', b'?', bytes).filter(move |&i| ends_at(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initial_ends_a_sentence_only_before_an_opener() {
        let line = "as the court held in Marinello v. United States, 138 S.";
        assert!(runs_on_after_abbreviation(line, "Ct. 1101, 1106 (2018)."));
        assert!(!runs_on_after_abbreviation(line, "The court went on."));
        assert!(!runs_on_after_abbreviation("the end of it.", "Ct. 1101"));
        assert!(runs_on_after_abbreviation(
            "the firm of Smith & Co.",
            "Mueller said"
        ));
        assert!(!runs_on_after_abbreviation(
            "the firm of Smith & Co.”",
            "Mueller said"
        ));
    }

    #[test]
    fn a_line_opening_in_a_lower_case_word_opens_in_prose() {
        assert!(opens_in_prose(
            "interests. See A Dictionary of the English Language"
        ));
        assert!(!opens_in_prose(
            "of the Special Counsel and Related Matters"
        ));
        assert!(!opens_in_prose("The Appointment of the Special Counsel"));
    }

    #[test]
    fn reads_line_endings() {
        assert_eq!(ending("the end of it."), Ending::Terminal);
        assert_eq!(ending("said so.”23"), Ending::Terminal);
        assert_eq!(ending("of documents.[20]"), Ending::Terminal);
        assert_eq!(ending("soon after.[3][14]"), Ending::Terminal);
        assert_eq!(ending("as in the table [2]"), Ending::Open);
        assert_eq!(ending("see item [2024]"), Ending::Open);
        assert_eq!(ending("Russia.'*"), Ending::Terminal);
        assert_eq!(ending("if he did so.%�"), Ending::Terminal);
        assert_eq!(ending("pay for opposition research.°"), Ending::Terminal);
        assert_eq!(ending("as the court held.®©"), Ending::Terminal);
        assert_eq!(ending("heated to 40°"), Ending::Open);
        assert_eq!(ending("the President had his back.�TM"), Ending::Terminal);
        assert_eq!(ending("or Crooked's office?\"!�TM"), Ending::Terminal);
        assert_eq!(ending("cash from the ATM"), Ending::Open);
        assert_eq!(ending("rose by 5%"), Ending::Open);
        assert_eq!(ending("the report of the U.S."), Ending::Terminal);
        assert_eq!(ending("United States v."), Ending::Open);
        assert_eq!(ending("the Sarbanes-Oxley Act of 2002, Pub."), Ending::Open);
        assert_eq!(ending("as follows:"), Ending::Colon);
        assert_eq!(ending("investi-"), Ending::Hyphen);
        assert_eq!(ending("and 1-"), Ending::Open);
        assert_eq!(ending("Cintolo,"), Ending::Open);
        assert_eq!(ending("and that is all ... 7�"), Ending::Terminal);
        assert_eq!(ending("the count rose to 12"), Ending::Open);
        assert_eq!(ending("at 9. 32"), Ending::Open);
    }

    #[test]
    fn small_words_ocr_ran_together_stay_small() {
        assert!(is_small_word("ina") && is_small_word("ofthe"));
        assert!(!is_small_word("report") && !is_small_word("inside"));
    }

    #[test]
    fn some_openers_go_on_from_the_sentence_before() {
        assert!(opens_mid_paragraph("See, e.g., United States v. Edlind"));
        assert!(opens_mid_paragraph("He said he would."));
        assert!(opens_mid_paragraph("425, 443 (1977). Even when"));
        assert!(!opens_mid_paragraph("1. The first item"));
        assert!(!opens_mid_paragraph("On October 7, 2016, the press"));
        assert!(!opens_mid_paragraph("Seeking advice, the board"));
        assert!(!opens_mid_paragraph("Hence the review"));
        assert!(opens_in_time("On 3 May 2019, the board met."));
        assert!(opens_in_time("Later that day, she called."));
        assert!(!opens_in_time("Online records show"));
    }

    #[test]
    fn an_opening_that_dates_its_sentence_to_a_year() {
        assert!(opens_with_date("On March 26, 2017, the day after the call"));
        assert!(opens_with_date(
            "In the fall of 2015, Trump signed a letter"
        ));
        assert!(opens_with_date("Also on June 13, 2017, the counsel wrote"));
        assert!(opens_with_date(
            "By January 2016, Cohen had become frustrated"
        ));
        assert!(!opens_with_date(
            "On March 30 and April 11, against the advice"
        ));
        assert!(!opens_with_date("The July 19, 2017 events provide further"));
        assert!(!opens_with_date(
            "In view of those permissible applications of the 1970 statute"
        ));
        assert!(!opens_with_date("In 3000 pages the report sets out"));
    }

    #[test]
    fn inner_sentences_run_from_their_first_word_to_the_end() {
        let starts: Vec<&str> =
            inner_sentence_starts("They met. Then they left.” After that, no.").collect();
        assert_eq!(
            starts,
            ["Then they left.” After that, no.", "After that, no."]
        );
    }

    #[test]
    fn function_words_run_on() {
        assert!(runs_on("whether many people in the"));
        assert!(runs_on("Flynn, Manafort,"));
        assert!(!runs_on("Support for Trump"));
    }

    #[test]
    fn reads_numbering_styles() {
        let style = |s: &str| numbering(s).map(|n| (n.style, n.len));
        assert_eq!(style("II. Factual Results"), Some((Style::UpperRoman, 3)));
        assert_eq!(style("A."), Some((Style::UpperLetter, 2)));
        assert_eq!(style("3. The Press"), Some((Style::Arabic, 2)));
        assert_eq!(style("3.4.1 Scope"), Some((Style::Decimal(3), 5)));
        assert_eq!(
            style("4.12 The health visitor"),
            Some((Style::Decimal(2), 4))
        );
        assert_eq!(style("(a) The President"), Some((Style::ParenLetter, 3)));
        assert_eq!(style("(iv) fourth"), Some((Style::ParenRoman, 4)));
        assert_eq!(style("(2) otherwise"), Some((Style::ParenArabic, 3)));
        assert_eq!(style("b) second"), Some((Style::ParenLetter, 2)));
        assert_eq!(style("• point"), Some((Style::Bullet, 3)));
        assert_eq!(style("a. first"), Some((Style::LowerLetter, 2)));
        assert_eq!(style("1 ."), None);
        assert_eq!(style("2016 was"), None);
        assert_eq!(style("U.S. Const."), None);
        assert_eq!(style("(2014) (internal"), None);
        assert_eq!(style("-based"), None);
        assert_eq!(style("Id. at 4"), None);
    }

    #[test]
    fn reads_roman_numbers_ocr_misread_before_capitals() {
        let style = |s: &str| numbering(s).map(|n| (n.style, n.len, n.first));
        let roman = |len, first| Some((Style::UpperRoman, len, first));
        assert_eq!(
            style("Ill. LEGAL DEFENSES TO THE APPLICATION"),
            roman(4, 'I')
        );
        assert_eq!(
            style("II, FACTUAL RESULTS OF THE INVESTIGATION"),
            roman(3, 'I')
        );
        assert_eq!(style("Vl, THE EVIDENCE"), roman(3, 'V'));
        assert_eq!(style("Ill. Supreme Court Rule 23"), None);
        assert_eq!(style("Ill. App. 3d 1024"), None);
        assert_eq!(style("II, who FILED it"), None);
        assert_eq!(style("II, CONCLUSION"), None);
        assert_eq!(style("l, THE FIRST PART"), None);
    }

    #[test]
    fn recognises_titles() {
        assert!(title_case(
            "The Campaign’s Response to Reports About Russian"
        ));
        assert!(title_case("Support for Trump"));
        assert!(title_case("Overview"));
        assert!(!title_case(
            "the witness said or wrote previously contradicts his testimony"
        ));
        assert!(!title_case("Shocked and appalled by what we saw"));
        assert!(all_caps("FACTUAL RESULTS OF THE INVESTIGATION"));
        assert!(!all_caps("U.S"));
    }

    #[test]
    fn finds_sentence_ends_inside_a_text() {
        assert!(has_inner_sentence_end("They met. Then they left"));
        assert!(has_inner_sentence_end("to the board.\" As described"));
        assert!(has_inner_sentence_end("on June 9, 2016.% At the meeting"));
        assert!(!has_inner_sentence_end("Letters of the U.S. Department"));
        assert!(!has_inner_sentence_end("They met."));
    }

    #[test]
    fn a_line_counts_the_sentences_it_ends() {
        assert_eq!(sentence_ends("They met. Then they left."), 2);
        assert_eq!(sentence_ends("he said.\" As Mr. Smith put it, the"), 1);
        assert_eq!(sentence_ends("the board of the U.S. Department"), 0);
    }
}
