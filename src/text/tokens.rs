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

/// Splits `text` into word tokens. Letters and digits form words; an apostrophe
/// or a `.`/`,` between digits stays inside a word ("don't", "3.5", "1,000").
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut prev = c;
        while let Some(&(i, d)) = chars.peek() {
            let joins = d.is_alphanumeric()
                || ((is_apostrophe(d) && prev.is_alphabetic())
                    || ((d == '.' || d == ',') && prev.is_ascii_digit()))
                    && text[i + d.len_utf8()..].chars().next().is_some_and(|n| {
                        if d == '.' || d == ',' {
                            n.is_ascii_digit()
                        } else {
                            n.is_alphabetic()
                        }
                    });
            if !joins {
                break;
            }
            chars.next();
            end = i + d.len_utf8();
            prev = d;
        }
        tokens.push(make_token(text, start, end));
    }
    tokens
}

fn make_token(text: &str, start: usize, end: usize) -> Token {
    let raw = &text[start..end];
    let mut lower: String = raw.nfkc().flat_map(char::to_lowercase).collect();
    lower = lower.replace('’', "'");
    if let Some(stripped) = lower.strip_suffix("'s") {
        lower.truncate(stripped.len());
    }
    let first = raw.chars().next().unwrap_or(' ');
    let class = if first.is_ascii_digit() {
        TokenClass::Number
    } else if is_stopword(&lower) {
        TokenClass::Stop
    } else {
        TokenClass::Word
    };
    Token {
        start,
        end,
        lower,
        capitalised: first.is_uppercase(),
        class,
    }
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
    fn normalises_ligatures() {
        assert_eq!(lowers("ﬁle oﬃce"), ["file", "office"]);
    }
}
