//! Word tokens: runs of letters and digits, with the apostrophes and decimal
//! points that belong inside them.

use super::{is_stopword, nfkc};

/// What a token is, for weighting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenClass {
    /// A content word.
    Word,
    /// A word that carries no content ("the", "which").
    Stop,
    /// A number, possibly with decimal point or thousands separators.
    Number,
}

/// One word of a text, located by byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
    /// Lower-cased NFKC form, possessive "'s" removed.
    pub lower: String,
    /// Whether it starts with a capital letter in the text (names, acronyms).
    pub capitalised: bool,
    /// Word, stop word or number.
    pub class: TokenClass,
}

/// Whether `c` is an apostrophe as typed or as typeset: both join the parts
/// of "didn't" and "President’s".
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// `char::is_alphanumeric`, answered without the Unicode tables for the
/// General Punctuation block (curly quotes, dashes, ellipsis), which holds
/// no letter or digit and is most of the non-ASCII in English text.
pub fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// Chinese and Japanese are written without spaces between words: each
/// ideograph or kana is a token of its own, so a run of them is not one
/// sentence-long "word" that nothing else can match.
fn stands_alone(c: char) -> bool {
    // One comparison settles the Latin, Greek, Cyrillic... letters of most texts.
    c >= '\u{3040}'
        && matches!(c,
            '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
            | '\u{3400}'..='\u{4DBF}' // CJK Extension A
            | '\u{4E00}'..='\u{9FFF}' // CJK Unified Ideographs
            | '\u{F900}'..='\u{FAFF}' // CJK Compatibility Ideographs
            | '\u{20000}'..='\u{3FFFF}' // CJK Extensions B and later
        )
}

/// Byte ranges of the words of `text`, without allocating. Letters and digits
/// form words; an apostrophe or a `.`/`,` between digits stays inside a word
/// ("don't", "3.5", "1,000"); Chinese and Japanese characters stand alone.
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // ASCII punctuation and spaces between words start nothing.
        while bytes
            .get(at)
            .is_some_and(|&b| byte_class(b) == ByteClass::Gap)
        {
            at += 1;
        }
        let first = loop {
            let c = char_at(text, at)?;
            if is_alphanumeric(c) {
                break c;
            }
            at += c.len_utf8();
        };
        let start = at;
        at += first.len_utf8();
        let mut prev = first;
        loop {
            // A run of ASCII letters and digits after an ASCII character
            // joins whole: no rule below applies inside it.
            if prev.is_ascii() {
                let from = at;
                at = ascii_alnum_end(bytes, at);
                if at > from {
                    prev = char::from(bytes[at - 1]);
                }
            }
            let Some(d) = char_at(text, at) else {
                break;
            };
            let after = at + d.len_utf8();
            let joins = if stands_alone(prev) || stands_alone(d) {
                false
            } else if is_alphanumeric(d) {
                true
            } else if is_apostrophe(d) && prev.is_alphabetic() {
                char_at(text, after).is_some_and(char::is_alphabetic)
            } else if (d == '.' || d == ',') && prev.is_ascii_digit() {
                char_at(text, after).is_some_and(|n| n.is_ascii_digit())
            } else {
                false
            };
            if !joins {
                break;
            }
            at = after;
            prev = d;
        }
        Some((start, at))
    })
}

/// What a byte is to word boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ByteClass {
    /// An ASCII byte that is no letter or digit: it never starts a word.
    Gap,
    /// An ASCII letter or digit.
    Alnum,
    /// A byte of a multi-byte character: only the character decides.
    Other,
}

/// The class of byte `b`, looked up rather than tested: the tokenizer and
/// the word count read every byte of both documents.
pub fn byte_class(b: u8) -> ByteClass {
    BYTE_CLASSES[usize::from(b)]
}

/// Where the run of ASCII letters and digits starting at byte `from` ends:
/// inside such a run no word-boundary rule applies, so scans cross it whole.
pub fn ascii_alnum_end(bytes: &[u8], mut from: usize) -> usize {
    while bytes
        .get(from)
        .is_some_and(|&b| byte_class(b) == ByteClass::Alnum)
    {
        from += 1;
    }
    from
}

static BYTE_CLASSES: [ByteClass; 256] = {
    let mut table = [ByteClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            ByteClass::Alnum
        } else {
            ByteClass::Gap
        };
        b += 1;
    }
    table
};

/// The character starting at byte `at` of `text`, if any; ASCII, most of
/// any English text, without UTF-8 decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// Whether a content word is too short to carry meaning: a lone letter, but
/// not a Chinese or Japanese character, which is a word of its own.
pub fn too_short(lower: &str) -> bool {
    let mut chars = lower.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if !stands_alone(c))
}

/// Writes the matching form of a raw word into `out`: NFKC (only when needed),
/// lower case, typographic apostrophes straightened, possessive "'s" removed.
pub fn lower_word(raw: &str, out: &mut String) {
    out.clear();
    if raw.is_ascii() {
        out.push_str(raw);
        out.make_ascii_lowercase();
    } else if raw.chars().all(|c| c.is_ascii() || c == '’') {
        // "President’s": NFKC leaves ASCII and the typographic apostrophe as
        // they are, so skip the normaliser for the commonest non-ASCII words.
        out.extend(raw.chars().map(|c| match c {
            '’' => '\'',
            c => c.to_ascii_lowercase(),
        }));
    } else {
        for c in nfkc(raw).chars().flat_map(char::to_lowercase) {
            out.push(if c == '’' { '\'' } else { c });
        }
    }
    if out.ends_with("'s") {
        out.truncate(out.len() - 2);
    }
}

/// Whether a lower-cased word is a number, a stop word or a content word.
pub fn classify(lower: &str) -> TokenClass {
    if lower.starts_with(|c: char| c.is_ascii_digit()) {
        TokenClass::Number
    } else if is_stopword(lower) {
        TokenClass::Stop
    } else {
        TokenClass::Word
    }
}

/// Splits `text` into word tokens (see [`word_spans`]).
pub fn tokenize(text: &str) -> Vec<Token> {
    word_spans(text)
        .map(|(start, end)| {
            let raw = &text[start..end];
            let mut lower = String::new();
            lower_word(raw, &mut lower);
            Token {
                start,
                end,
                class: classify(&lower),
                capitalised: raw.starts_with(char::is_uppercase),
                lower,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lowers(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.lower).collect()
    }

    #[test]
    fn keeps_apostrophes_decimals_and_thousands_inside_words() {
        assert_eq!(
            lowers("Trump’s aide didn't pay $1,000.50 on 3.5."),
            ["trump", "aide", "didn't", "pay", "1,000.50", "on", "3.5"]
        );
    }

    #[test]
    fn joins_ascii_runs_to_letters_of_any_script() {
        let spans: Vec<_> = word_spans("«naïve2x» 東京abc9 x’y ab’ 7,5,").collect();
        assert_eq!(
            spans,
            [
                (2, 10),
                (13, 16),
                (16, 19),
                (19, 23),
                (24, 29),
                (30, 32),
                (36, 39)
            ]
        );
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'Z', '7', 'é', 'ß', '²', '中', '’', '—', ' '] {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn splits_hyphens_and_punctuation() {
        assert_eq!(
            lowers("obstruction-of-justice (18 U.S.C.)"),
            ["obstruction", "of", "justice", "18", "u", "s", "c"]
        );
    }

    #[test]
    fn classifies_tokens() {
        let t = tokenize("The Office filed 12 reports");
        let classes: Vec<_> = t.iter().map(|t| t.class).collect();
        assert_eq!(
            classes,
            [
                TokenClass::Stop,
                TokenClass::Word,
                TokenClass::Word,
                TokenClass::Number,
                TokenClass::Word
            ]
        );
        assert!(t[1].capitalised && !t[2].capitalised);
    }

    #[test]
    fn normalises_ligatures_and_apostrophes() {
        assert_eq!(lowers("ﬁle oﬃce Comey’s"), ["file", "office", "comey"]);
    }

    #[test]
    fn splits_chinese_and_japanese_into_characters() {
        assert_eq!(lowers("预算下降"), ["预", "算", "下", "降"]);
        assert_eq!(
            lowers("東京の予算 budget"),
            ["東", "京", "の", "予", "算", "budget"]
        );
        // Scripts written with spaces keep whole words.
        assert_eq!(lowers("예산 검토 الميزانية"), ["예산", "검토", "الميزانية"]);
        assert!(too_short("a") && !too_short("预") && !too_short("ab") && !too_short(""));
    }
}
