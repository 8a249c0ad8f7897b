//! Word tokens: runs of letters and digits, with the apostrophes and decimal
//! points that belong inside them.

use unicode_normalization::UnicodeNormalization;

use super::is_stopword;

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

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Byte ranges of the words of `text`, without allocating. Letters and digits
/// form words; an apostrophe or a `.`/`,` between digits stays inside a word
/// ("don't", "3.5", "1,000").
pub fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.by_ref().find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(i, d)) = chars.peek() {
            let next_after = || text[i + d.len_utf8()..].chars().next();
            let joins = if d.is_alphanumeric() {
                true
            } else if is_apostrophe(d) && prev.is_alphabetic() {
                next_after().is_some_and(char::is_alphabetic)
            } else if (d == '.' || d == ',') && prev.is_ascii_digit() {
                next_after().is_some_and(|n| n.is_ascii_digit())
            } else {
                false
            };
            if !joins {
                break;
            }
            chars.next();
            end = i + d.len_utf8();
            prev = d;
        }
        Some((start, end))
    })
}

/// Writes the matching form of a raw word into `out`: NFKC (only when needed),
/// lower case, typographic apostrophes straightened, possessive "'s" removed.
pub fn lower_word(raw: &str, out: &mut String) {
    out.clear();
    if raw.is_ascii() {
        out.extend(raw.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        for c in raw.nfkc().flat_map(char::to_lowercase) {
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
}
