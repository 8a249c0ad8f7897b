//! Facts: the checkable particulars of a text — numbers, dates, sums, shares,
//! names and quotations — and which of them the other side never mentions.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Document, Fact, FactKind, Facts, Occurrence};
use crate::text::{tokenize, Token, TokenClass, Utf16Cursor};

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

fn month_number(lower: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == lower).map(|i| {
        if i < 12 {
            i as u32 + 1
        } else {
            [1, 2, 3, 4, 6, 7, 8, 9, 9, 10, 11, 12][i - 12]
        }
    })
}

/// A fact found in one sentence, before grouping.
struct Found {
    kind: FactKind,
    key: String,
    text: String,
    occurrence: Occurrence,
}

/// Everything one document mentions, for checking the other side's facts against.
struct Mentions {
    keys: FxHashSet<String>,
    words: FxHashSet<String>,
    /// (month, day) pairs and month-year pairs seen in dates.
    days: FxHashSet<(u32, u32)>,
}

fn is_year(token: &Token) -> bool {
    token.class == TokenClass::Number
        && token.lower.len() == 4
        && (token.lower.starts_with("19") || token.lower.starts_with("20"))
}

fn number_key(lower: &str) -> String {
    lower.replace(',', "")
}

/// Words the document also writes in lower case are ordinary words, not names.
fn lowercase_words(doc: &Document) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for p in &doc.paragraphs {
        for t in tokenize(&p.text) {
            if !t.capitalised {
                out.insert(t.lower);
            }
        }
    }
    out
}

fn extract(doc: &Document) -> (Vec<Found>, Mentions) {
    let common = lowercase_words(doc);
    let mut found = Vec::new();
    let mut mentions = Mentions {
        keys: FxHashSet::default(),
        words: FxHashSet::default(),
        days: FxHashSet::default(),
    };
    for p in &doc.paragraphs {
        for s in &p.sentences {
            let tokens = tokenize(&s.text);
            let mut cursor = Utf16Cursor::new(&s.text);
            let mut push =
                |kind: FactKind, key: String, from: usize, to: usize, cursor: &mut Utf16Cursor| {
                    let start = cursor.utf16_at(from);
                    let end = cursor.utf16_at(to);
                    found.push(Found {
                        kind,
                        key,
                        text: s.text[from..to].to_string(),
                        occurrence: Occurrence {
                            paragraph: p.id,
                            sentence: s.id,
                            start,
                            end,
                        },
                    });
                };
            let mut used = vec![false; tokens.len()];
            let mut i = 0;
            while i < tokens.len() {
                let t = &tokens[i];
                mentions.words.insert(t.lower.clone());
                if let Some(month) = month_number(&t.lower).filter(|_| t.capitalised) {
                    let mut j = i + 1;
                    let mut day = None;
                    let mut year = None;
                    if let Some(d) = tokens
                        .get(j)
                        .filter(|d| d.class == TokenClass::Number && d.lower.len() <= 2)
                    {
                        day = d.lower.parse::<u32>().ok().filter(|d| (1..=31).contains(d));
                        if day.is_some() {
                            j += 1;
                        }
                    }
                    if let Some(y) = tokens.get(j).filter(|y| is_year(y)) {
                        year = Some(y.lower.clone());
                        j += 1;
                    }
                    if day.is_some() || year.is_some() {
                        let key = format!(
                            "date:{month}-{}-{}",
                            day.unwrap_or(0),
                            year.clone().unwrap_or_default()
                        );
                        mentions.days.insert((month, day.unwrap_or(0)));
                        if let Some(y) = &year {
                            mentions.keys.insert(format!("year:{y}"));
                            mentions.words.insert(y.clone());
                        }
                        mentions.keys.insert(key.clone());
                        push(FactKind::Date, key, t.start, tokens[j - 1].end, &mut cursor);
                        used[i..j].fill(true);
                        i = j;
                        continue;
                    }
                }
                if t.class == TokenClass::Number {
                    let after = &s.text[t.end..];
                    let before = &s.text[..t.start];
                    let next = tokens.get(i + 1).map(|n| n.lower.as_str());
                    let (kind, key, from, to) = if after.starts_with('%') {
                        (
                            FactKind::Percent,
                            format!("percent:{}", number_key(&t.lower)),
                            t.start,
                            t.end + 1,
                        )
                    } else if matches!(next, Some("percent") | Some("per")) {
                        let end = if next == Some("per") {
                            tokens.get(i + 2).map_or(t.end, |c| c.end)
                        } else {
                            tokens[i + 1].end
                        };
                        (
                            FactKind::Percent,
                            format!("percent:{}", number_key(&t.lower)),
                            t.start,
                            end,
                        )
                    } else if before.ends_with(['$', '£', '€']) {
                        let scale = next.filter(|n| {
                            matches!(*n, "million" | "billion" | "thousand" | "trillion")
                        });
                        let end = if scale.is_some() {
                            tokens[i + 1].end
                        } else {
                            t.end
                        };
                        let key = format!(
                            "money:{}{}",
                            number_key(&t.lower),
                            scale.map(|s| format!(" {s}")).unwrap_or_default()
                        );
                        (FactKind::Money, key, t.start - 1, end)
                    } else if is_year(t) {
                        (FactKind::Date, format!("year:{}", t.lower), t.start, t.end)
                    } else {
                        (
                            FactKind::Number,
                            format!("number:{}", number_key(&t.lower)),
                            t.start,
                            t.end,
                        )
                    };
                    mentions.keys.insert(key.clone());
                    mentions.words.insert(number_key(&t.lower));
                    push(kind, key, from, to, &mut cursor);
                    used[i] = true;
                    i += 1;
                    continue;
                }
                i += 1;
            }
            for (from, to) in names(&tokens, &used, &common) {
                let key = format!(
                    "name:{}",
                    tokens[from..to]
                        .iter()
                        .map(|t| t.lower.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                );
                mentions.keys.insert(key.clone());
                push(
                    FactKind::Name,
                    key,
                    tokens[from].start,
                    tokens[to - 1].end,
                    &mut cursor,
                );
            }
            for (from, to) in quotes(&s.text) {
                let words: Vec<String> = tokenize(&s.text[from..to])
                    .into_iter()
                    .map(|t| t.lower)
                    .collect();
                if words.len() >= 2 {
                    push(
                        FactKind::Quote,
                        format!("quote:{}", words.join(" ")),
                        from,
                        to,
                        &mut cursor,
                    );
                }
            }
        }
    }
    (found, mentions)
}

/// Runs of capitalised tokens that are not ordinary words, joined by "of", "and", "the".
fn names(tokens: &[Token], used: &[bool], common: &FxHashSet<String>) -> Vec<(usize, usize)> {
    let is_name_word = |t: &Token| {
        t.capitalised
            && t.class == TokenClass::Word
            && month_number(&t.lower).is_none()
            && !common.contains(&t.lower)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if used[i] || !is_name_word(&tokens[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() {
            if !used[end] && is_name_word(&tokens[end]) {
                end += 1;
            } else if matches!(tokens[end].lower.as_str(), "of" | "and" | "the")
                && tokens.get(end + 1).is_some_and(&is_name_word)
            {
                end += 2;
            } else {
                break;
            }
        }
        out.push((start, end));
        i = end;
    }
    out
}

/// Byte ranges of the insides of quotation marks.
fn quotes(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((i + c.len_utf8(), '”')),
            (None, '"') => open = Some((i + 1, '"')),
            (Some((from, close)), c) if c == close => {
                if i > from {
                    out.push((from, i));
                }
                open = None;
            }
            _ => {}
        }
    }
    out
}

fn mentioned(kind: FactKind, key: &str, text_words: &[String], other: &Mentions) -> bool {
    if other.keys.contains(key) {
        return true;
    }
    match kind {
        FactKind::Date => {
            let parts: Vec<&str> = key.trim_start_matches("date:").split('-').collect();
            match parts.as_slice() {
                [month, day, _] => {
                    let month = month.parse().unwrap_or(0);
                    let day = day.parse().unwrap_or(0);
                    day != 0 && other.days.contains(&(month, day))
                }
                _ => key
                    .strip_prefix("year:")
                    .is_some_and(|y| other.words.contains(y)),
            }
        }
        FactKind::Number | FactKind::Money | FactKind::Percent => key
            .split(':')
            .nth(1)
            .and_then(|v| v.split(' ').next())
            .is_some_and(|v| other.words.contains(v)),
        FactKind::Name => text_words.last().is_some_and(|w| other.words.contains(w)),
        FactKind::Quote => {
            let present = text_words
                .iter()
                .filter(|w| other.words.contains(*w))
                .count();
            present * 5 >= text_words.len() * 4
        }
    }
}

fn one_sided(found: Vec<Found>, other: &Mentions) -> Vec<Fact> {
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut facts: Vec<Fact> = Vec::new();
    for f in found {
        let words: Vec<String> = tokenize(&f.text).into_iter().map(|t| t.lower).collect();
        if let Some(&i) = by_key.get(&f.key) {
            facts[i].occurrences.push(f.occurrence);
            continue;
        }
        if mentioned(f.kind, &f.key, &words, other) {
            continue;
        }
        by_key.insert(f.key, facts.len());
        facts.push(Fact {
            kind: f.kind,
            text: f.text,
            occurrences: vec![f.occurrence],
        });
    }
    facts.sort_by(|a, b| {
        b.occurrences
            .len()
            .cmp(&a.occurrences.len())
            .then(a.occurrences[0].sentence.cmp(&b.occurrences[0].sentence))
    });
    facts
}

/// Facts of the report the summary never mentions, and of the summary the report never mentions.
pub fn find_facts(summary: &Document, report: &Document) -> Facts {
    let (summary_found, summary_mentions) = extract(summary);
    let (report_found, report_mentions) = extract(report);
    Facts {
        dropped: one_sided(report_found, &summary_mentions),
        unsupported: one_sided(summary_found, &report_mentions),
    }
}
