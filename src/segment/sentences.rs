//! Sentence boundaries in normalised paragraph text.

use std::ops::Range;

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "No", "Nos", "v", "vs", "Inc", "Ltd", "Co",
    "Corp", "e.g", "i.e", "etc", "cf", "para", "paras", "Cir", "U.S", "Id", "Fed", "R", "Gen",
    "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec",
    "p", "pp", "ed", "eds", "al", "Ct", "F", "Supp", "App", "Ch", "Art", "Sec", "Vol",
];

/// Byte ranges of the sentences of `text`, whitespace trimmed, covering all its words.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')' | ']') {
                j += 1;
            }
            let followed_by_space = j < chars.len() && chars[j].1.is_whitespace();
            let next = chars[j..]
                .iter()
                .map(|&(_, c)| c)
                .find(|c| !c.is_whitespace());
            let starts_new =
                next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '‘' | '('));
            if followed_by_space && starts_new && !(c == '.' && is_abbreviation(&text[start..at])) {
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    text.len()
                };
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i = j;
            continue;
        }
        let _ = at;
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        out.push(range.start + lead..range.start + lead + trimmed.len());
    }
}

/// Whether the text before a period ends with an abbreviation or an initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let word = word.trim_start_matches(['"', '“', '‘']);
    let initialism = word
        .split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic));
    if initialism {
        return true;
    }
    ABBREVIATIONS.contains(&word)
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
    }
}
