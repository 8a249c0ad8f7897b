//! Facts: the checkable particulars of a text — numbers, dates, sums, shares,
//! names and quotations — and which of them the other side never mentions.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::{Casing, DocumentWords, Tokens, WordAt, WordId, WordInfo};
use crate::model::{Document, Fact, FactKind, Facts, Occurrence, Paragraph, ParagraphKind};
use crate::parallel::{map_parts, ranges};
use crate::text::{is_year, month_number, TokenClass, Utf16Cursor, MONTHS};

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const SCALES: &[&str] = &["thousand", "million", "billion", "trillion", "m", "bn", "k"];
/// Lower-case words that may join the capitalised words of one name.
const NAME_CONNECTORS: &[&str] = &["of", "and", "the", "for", "de", "van", "von"];
/// First words of the parentheticals of legal citations that say how a
/// source is quoted or cited rather than what it says.
const CITATION_SIGNALS: &[&str] = &["quoting", "citing", "collecting", "cleaned", "internal"];
/// Last words of the parentheticals that say what was done to a quotation.
const QUOTATION_EDITS: &[&str] = &["omitted", "added", "original"];
/// Share of a quotation's content words the other side must use to count as quoting it.
const QUOTE_OVERLAP: f32 = 0.8;
/// A word of this many letters or more is no name's word ("Pricewaterhouse
/// Coopers" written as one has 22): it is OCR's debris of lines read into
/// each other ("TthreumpprogTroewsesrofMtohsosceowefpfroojretcst").
const LONGEST_NAME_WORD: usize = 25;

/// The day a word names, written as a number with or without its ordinal
/// suffix: "3", "03", "3rd", "31st".
fn day_of_month(lower: &str) -> Option<u32> {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    let ordinal = match day {
        11..=13 => "th",
        _ if day % 10 == 1 => "st",
        _ if day % 10 == 2 => "nd",
        _ if day % 10 == 3 => "rd",
        _ => "th",
    };
    ((1..=31).contains(&day) && (suffix.is_empty() || suffix == ordinal)).then_some(day)
}

/// What one distinct word can be, worked out once per word rather than at each occurrence.
#[derive(Debug, Clone, Copy, Default)]
struct WordTraits {
    /// Its month (1 to 12), if it names one.
    month: Option<u32>,
    /// Whether it names a day of the week.
    weekday: bool,
    /// Digits with at most separators and a decimal point.
    plain_number: bool,
    /// A plain number that reads as a year (see [`is_year`]).
    year: bool,
    /// The day of a month it can be: 1 to 31 in at most two digits, an
    /// ordinal suffix allowed ("3", "3rd", "21st").
    day: Option<u32>,
    /// Whether it holds a digit, which no name does ("S6549", "3d").
    digit: bool,
    /// Whether it is a company's legal form ("LLC", "Inc"), which names no
    /// one on its own and which a summary drops from the name it ends.
    legal_form: bool,
}

impl WordTraits {
    fn of(l: &str, word: &WordInfo) -> Self {
        let plain_number = word.class == TokenClass::Number
            && l.chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
        WordTraits {
            month: month_number(l),
            weekday: WEEKDAYS.contains(&l),
            plain_number,
            year: plain_number && is_year(l),
            day: day_of_month(l),
            digit: l.bytes().any(|b| b.is_ascii_digit()),
            legal_form: LEGAL_FORMS.contains(&l),
        }
    }
}

/// A fact found in one sentence, before grouping: 40 bytes, its key and
/// evidence held by the `Findings` of both documents.
struct Found {
    kind: FactKind,
    /// Index of its key ("date:3-4-2017") in `Findings::keys`.
    key: u32,
    from: usize,
    to: usize,
    paragraph: u32,
    sentence: u32,
    /// Words that must appear on the other side for the fact to count as
    /// mentioned: a range of `Findings::evidence`.
    evidence: Range<u32>,
}

/// What the facts of both documents are keyed by and need as evidence,
/// stored once: a long report repeats the same dates, numbers and names
/// thousands of times, and a string and a vector per fact add up.
#[derive(Default)]
struct Findings {
    /// Every distinct key, by id.
    keys: Vec<String>,
    ids: FxHashMap<String, u32>,
    /// Every fact's evidence words, end to end.
    evidence: Vec<u32>,
}

impl Findings {
    fn key(&self, f: &Found) -> &str {
        &self.keys[f.key as usize]
    }

    fn evidence(&self, f: &Found) -> &[u32] {
        &self.evidence[f.evidence.start as usize..f.evidence.end as usize]
    }

    fn intern(&mut self, key: String) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.keys.len() as u32;
        self.keys.push(key.clone());
        self.ids.insert(key, id);
        id
    }
}

/// What one side mentions, to check the other side's facts against.
struct Mentions {
    /// Whether each key (by id) is among this side's facts.
    keys: Vec<bool>,
    words: Vec<bool>,
    numbers: FxHashSet<String>,
    days: FxHashSet<(u32, u32)>,
}

/// Facts of one document, with the tokens, word traits and casing they
/// are read with (names are the words never written in lower case).
struct Reader<'a> {
    tokens: &'a Tokens,
    traits: Vec<WordTraits>,
    casing: &'a Casing,
}

impl Reader<'_> {
    fn lower(&self, w: &WordAt) -> &str {
        self.tokens.vocabulary.lower(w.word())
    }

    fn class(&self, w: &WordAt) -> TokenClass {
        self.tokens.vocabulary.words[w.word() as usize].class
    }

    fn traits(&self, w: &WordAt) -> WordTraits {
        self.traits[w.word() as usize]
    }

    fn is_plain_number(&self, w: &WordAt) -> bool {
        self.traits(w).plain_number
    }

    fn is_year(&self, w: &WordAt) -> bool {
        self.traits(w).year
    }

    /// A capitalised content word that can be part of a name.
    fn is_name_word(&self, w: &WordAt, text: &str) -> bool {
        // Most words fail the first test: the word's text is sliced after it.
        if !w.capitalised() || self.class(w) != TokenClass::Word {
            return false;
        }
        let raw = &text[w.start as usize..w.end as usize];
        let traits = self.traits(w);
        raw.chars().nth(1).is_some()
            && raw.chars().nth(LONGEST_NAME_WORD - 1).is_none()
            && !traits.digit
            && !traits.legal_form
            && traits.month.is_none()
            && !traits.weekday
            && !is_roman_numeral(raw)
            && !is_citation_abbreviation(text, w)
    }

    /// A name word that shows a name on its own: an acronym, or a word the
    /// documents never write in lower case (and, at a sentence start, also
    /// capitalise elsewhere).
    fn is_strong_name_word(&self, w: &WordAt, text: &str, first: bool) -> bool {
        let raw = &text[w.start as usize..w.end as usize];
        let acronym = raw
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        let id = w.word() as usize;
        acronym
            || (!self.casing.lower_seen[id]
                && (!first || self.casing.capital_inside[id])
                && raw.chars().count() > 3)
    }

    /// The date written in numbers that opens at the plain number
    /// `words[i]` ("10/13/17", "14/06/2017", or a financial year "2007/08"),
    /// as a [`Reader::date_at`] gives it: one fact, not three numbers. Which
    /// part is the day depends on the country, so it matches only as written.
    fn numeric_date_at(
        &self,
        words: &[WordAt],
        text: &str,
        i: usize,
    ) -> Option<(String, usize, usize)> {
        let part = |k: usize, lengths: &[usize]| {
            words.get(k).is_some_and(|w| {
                self.is_plain_number(w)
                    && lengths.contains(&self.lower(w).len())
                    && (k == i || gap(text, &words[k - 1], w) == "/")
            })
        };
        // A financial or school year ("2007/08", "2019/2020"), as UK
        // reports date budgets: one year, not a year and a number.
        if self.is_year(&words[i]) && part(i + 1, &[2, 4]) {
            let year: u32 = self.lower(&words[i]).parse().unwrap_or(0);
            let next = self.lower(&words[i + 1]);
            let consecutive = match next.parse::<u32>() {
                Ok(n) if next.len() == 2 => (year + 1) % 100 == n,
                Ok(n) => year + 1 == n,
                Err(_) => false,
            };
            if consecutive {
                let (from, to) = (words[i].start as usize, words[i + 1].end as usize);
                return Some((format!("year:{}", &text[from..to]), i + 2, to));
            }
        }
        if !(part(i, &[1, 2]) && part(i + 1, &[1, 2]) && part(i + 2, &[2, 4])) {
            return None;
        }
        let (from, to) = (words[i].start as usize, words[i + 2].end as usize);
        Some((format!("numeric-date:{}", &text[from..to]), i + 3, to))
    }

    /// The time of day that opens at the plain number `words[i]` ("4:43
    /// p.m.", "12 pm", "22:15"), as a [`Reader::date_at`] gives it. A number alone before "a.m."/"p.m." or a colon
    /// and two digits is an hour, not a count.
    fn time_at(&self, words: &[WordAt], text: &str, i: usize) -> Option<(String, usize, usize)> {
        let w = &words[i];
        let hour = self.lower(w);
        if hour.len() > 2 || hour.parse::<u32>().ok()? > 24 {
            return None;
        }
        let gap = |a: &WordAt, b: &WordAt| gap(text, a, b);
        let mut end = i + 1;
        let minutes = words
            .get(end)
            .filter(|m| gap(w, m) == ":" && self.lower(m).len() == 2 && self.is_plain_number(m))
            .map(|m| self.lower(m));
        end += usize::from(minutes.is_some());
        let spaced = |k: usize| words.get(k).filter(|x| gap(&words[k - 1], x) == " ");
        let (meridiem, words_in_it) = match spaced(end).map(|x| self.lower(x)) {
            Some(m @ ("am" | "pm")) => (m.to_string(), 1),
            Some(half @ ("a" | "p"))
                if words
                    .get(end + 1)
                    .is_some_and(|m| gap(&words[end], m) == "." && self.lower(m) == "m") =>
            {
                (format!("{half}m"), 2)
            }
            _ => (String::new(), 0),
        };
        if minutes.is_none() && words_in_it == 0 {
            return None;
        }
        end += words_in_it;
        let mut to = words[end - 1].end as usize;
        if words_in_it == 2 && text[to..].starts_with('.') {
            to += 1;
        }
        let key = format!("time:{hour}:{}{meridiem}", minutes.unwrap_or("00"));
        Some((key, end, to))
    }

    /// The date that opens at `words[i]`, as its key, the index of the word
    /// after it and the byte it ends at: day first as British and official texts write it ("3
    /// May 2006", "21st June"), month first as American ones do ("March 3,
    /// 2009", "March 2009"), or a month named in full (not a sentence's
    /// opening "May", which is likelier the verb).
    fn date_at(&self, words: &[WordAt], text: &str, i: usize) -> Option<(String, usize, usize)> {
        let month_at = |k: usize| {
            words
                .get(k)
                .filter(|m| m.capitalised())
                .and_then(|m| self.traits(m).month)
        };
        let w = &words[i];
        let day_first = self.traits(w).day.filter(|_| {
            words
                .get(i + 1)
                .is_some_and(|m| gap(text, w, m).chars().all(char::is_whitespace))
                && month_at(i + 1).is_some()
        });
        let (month, day, mut end) = match day_first {
            Some(day) => (month_at(i + 1)?, Some(day), i + 2),
            None => {
                let month = month_at(i)?;
                let day = words.get(i + 1).and_then(|d| self.traits(d).day);
                let named = MONTHS.contains(&self.lower(w)) && (i > 0 || self.lower(w) != "may");
                let year_next = words.get(i + 1).is_some_and(|y| self.is_year(y));
                if day.is_none() && !year_next && !named {
                    return None;
                }
                (month, day, i + 1 + usize::from(day.is_some()))
            }
        };
        let year = words
            .get(end)
            .filter(|y| self.is_year(y))
            .map(|y| self.lower(y).to_string());
        if year.is_some() {
            end += 1;
        }
        let key = format!(
            "date:{month}-{}-{}",
            day.unwrap_or(0),
            year.unwrap_or_default()
        );
        Some((key, end, words[end - 1].end as usize))
    }

    /// The facts of the `words` of one sentence, at (paragraph, sentence);
    /// names only where `names` says its capitals can mark them.
    fn sentence_facts(
        &self,
        words: &[WordAt],
        text: &str,
        names: bool,
        (paragraph, sentence): (u32, u32),
        out: &mut Vec<Found>,
        findings: &mut Findings,
    ) {
        let mut push = |kind, key: String, from: usize, to: usize, evidence: &[u32]| {
            let start = findings.evidence.len() as u32;
            findings.evidence.extend_from_slice(evidence);
            out.push(Found {
                kind,
                key: findings.intern(key),
                from,
                to,
                paragraph,
                sentence,
                evidence: start..findings.evidence.len() as u32,
            })
        };
        let mut used = citation_numbers(words, text, |w| self.is_plain_number(w));
        let mut i = 0;
        while i < words.len() {
            let w = &words[i];
            if used[i] {
                i += 1;
                continue;
            }
            // Numeric dates and times open only at a number.
            let number = self.is_plain_number(w);
            let date = number
                .then(|| {
                    self.numeric_date_at(words, text, i)
                        .or_else(|| self.time_at(words, text, i))
                })
                .flatten()
                .or_else(|| self.date_at(words, text, i));
            if let Some((key, end, to)) = date {
                push(FactKind::Date, key, w.start as usize, to, &[]);
                used[i..end].fill(true);
                i = end;
                continue;
            }
            // A number run into its scale ("£2.5m", "£1.5bn"), as UK
            // reports write sums.
            let scaled = (!number && self.traits(w).digit)
                .then(|| scaled_number(self.lower(w)))
                .flatten();
            if (number || scaled.is_some())
                && !is_enumerator(text, w)
                && !is_note_reference(text, w)
            {
                let (value, glued_scale) = match scaled {
                    Some((value, scale)) => (value, Some(scale)),
                    None => (self.lower(w), None),
                };
                let value = value.replace(',', "");
                let (from, to) = (w.start as usize, w.end as usize);
                let next = words.get(i + 1).map(|n| self.lower(n));
                let after_next = words.get(i + 2).map(|n| self.lower(n));
                let (kind, key, from, to) = if text[to..].starts_with('%') {
                    (FactKind::Percent, format!("percent:{value}"), from, to + 1)
                } else if next == Some("percent") {
                    (
                        FactKind::Percent,
                        format!("percent:{value}"),
                        from,
                        words[i + 1].end as usize,
                    )
                } else if next == Some("per") && after_next == Some("cent") {
                    (
                        FactKind::Percent,
                        format!("percent:{value}"),
                        from,
                        words[i + 2].end as usize,
                    )
                } else if text[..from].ends_with(['$', '£', '€']) {
                    let symbol = text[..from].chars().next_back().map_or(1, char::len_utf8);
                    // The scale run in, or written as the next word.
                    let (scale, to) = match (glued_scale, next.filter(|n| SCALES.contains(n))) {
                        (Some(scale), _) => (Some(scale), to),
                        (None, Some(scale)) => (Some(scale), words[i + 1].end as usize),
                        (None, None) => (None, to),
                    };
                    let key = match scale {
                        Some(scale) => format!("money:{value} {}", scale_name(scale)),
                        None => format!("money:{value}"),
                    };
                    (FactKind::Money, key, from - symbol, to)
                } else if let Some(scale) = glued_scale {
                    (
                        FactKind::Number,
                        format!("number:{value} {}", scale_name(scale)),
                        from,
                        to,
                    )
                } else if self.is_year(w) {
                    (FactKind::Date, format!("year:{value}"), from, to)
                } else {
                    (FactKind::Number, format!("number:{value}"), from, to)
                };
                push(kind, key, from, to, &[]);
                used[i] = true;
            }
            i += 1;
        }
        let found_names = if names {
            // A case's parties name an authority, not someone the report
            // tells of ("United States v. Aguilar", "Aguilar, 515 U.S. at
            // 600"): names are read outside citations only.
            if may_cite_a_case(text) {
                for (used, cited) in used.iter_mut().zip(citation_words(words, text)) {
                    *used |= cited;
                }
            }
            self.names(words, &used, text)
        } else {
            Vec::new()
        };
        for (from, to) in found_names {
            let key = words[from..to]
                .iter()
                .map(|w| self.lower(w))
                .collect::<Vec<_>>()
                .join(" ");
            let last = &text[words[to - 1].start as usize..words[to - 1].end as usize];
            let possessive = ["'s", "’s"]
                .iter()
                .find(|s| last.ends_with(*s))
                .map_or(0, |s| s.len());
            // A name is mentioned by its last word ("Flynn" for "Michael
            // Flynn"), a letter only with the word before it ("Child T").
            let evidence: Vec<WordId> = if is_anonymised_letter(last) {
                words[from..to].iter().map(WordAt::word).collect()
            } else {
                vec![words[to - 1].word()]
            };
            push(
                FactKind::Name,
                format!("name:{key}"),
                words[from].start as usize,
                words[to - 1].end as usize - possessive,
                &evidence,
            );
        }
        for (from, to) in quotations(text) {
            let inside: Vec<u32> = words
                .iter()
                .filter(|w| w.start as usize >= from && w.end as usize <= to)
                .filter(|w| self.class(w) != TokenClass::Stop)
                .map(WordAt::word)
                .collect();
            if inside.len() >= 2 {
                let key = inside.iter().map(|&w| self.tokens.vocabulary.lower(w));
                push(
                    FactKind::Quote,
                    format!("quote:{}", key.collect::<Vec<_>>().join(" ")),
                    from,
                    to,
                    &inside,
                );
            }
        }
    }

    /// Runs of capitalised words (joined by spaces or connectors such as "of")
    /// holding at least one strong name word, as word-index ranges.
    fn names(&self, words: &[WordAt], used: &[bool], text: &str) -> Vec<(usize, usize)> {
        let joined = |a: &WordAt, b: &WordAt| {
            let gap = gap(text, a, b);
            gap.chars().all(char::is_whitespace)
                || gap == "-"
                || (gap.trim() == "." && a.end - a.start == 1)
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if used[i] || !self.is_name_word(&words[i], text) {
                i += 1;
                continue;
            }
            let mut end = i + 1;
            while let Some(next) = words.get(end) {
                if !joined(&words[end - 1], next) || used[end] {
                    break;
                }
                // "and" joins the parts of an institution's name ("Department of
                // Health and Human Services"), not two people ("Priebus and Bannon").
                let connects = match self.lower(next) {
                    "and" => (i..end).any(|k| matches!(self.lower(&words[k]), "of" | "for")),
                    word => NAME_CONNECTORS.contains(&word),
                };
                if self.is_name_word(next, text) {
                    end += 1;
                } else if connects
                    && words
                        .get(end + 1)
                        .is_some_and(|after| joined(next, after) && self.is_name_word(after, text))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            // A letter that stands for a person ("Child T", "Baby P", "Ms
            // X"), as reviews anonymise the people they name: it names with
            // the word before it, and is the whole name's evidence.
            let letter = words.get(end).filter(|next| {
                !used[end]
                    && gap(text, &words[end - 1], next) == " "
                    && is_anonymised_letter(&text[next.start as usize..next.end as usize])
                    && !text[next.end as usize..].starts_with('.')
                    && !DESIGNATIONS.contains(&self.lower(&words[end - 1]))
            });
            if letter.is_some() {
                out.push((end - 1, end + 1));
                i = end + 1;
                continue;
            }
            let mut start = i;
            let opens = |k: usize| words[k].opens(k.checked_sub(1).map(|j| &words[j]), text);
            let strong = |k: usize| self.is_strong_name_word(&words[k], text, opens(k));
            // Never down to the tail of a hyphenated title ("President-Elect").
            while start < end
                && !strong(start)
                && (opens(start) || self.casing.lower_seen[words[start].word() as usize])
                && !(start + 1 < end && gap(text, &words[start], &words[start + 1]) == "-")
            {
                start += 1;
            }
            if (start..end).any(strong) {
                out.push((start, end));
            }
            i = end;
        }
        out
    }
}

/// Words a letter designates a part or kind after ("Appendix B", "Plan B"),
/// not a person.
const DESIGNATIONS: &[&str] = &[
    "annex",
    "appendix",
    "article",
    "category",
    "chapter",
    "class",
    "clause",
    "exhibit",
    "figure",
    "grade",
    "group",
    "level",
    "option",
    "paragraph",
    "part",
    "phase",
    "plan",
    "schedule",
    "section",
    "table",
    "tier",
    "type",
    "vitamin",
    "volume",
];

/// A capital letter alone that can stand for a person ("T" of "Child T"):
/// not "I", the pronoun.
fn is_anonymised_letter(raw: &str) -> bool {
    raw.len() == 1 && raw.bytes().all(|b| b.is_ascii_uppercase()) && raw != "I"
}

/// Scales written short, and their names.
const SHORT_SCALES: [(&str, &str); 3] = [("m", "million"), ("bn", "billion"), ("k", "thousand")];

/// A number and the scale run into it ("2.5m", "1.5bn", "300k", in any
/// case): its digits and the scale, or `None` for other words with digits.
fn scaled_number(word: &str) -> Option<(&str, &str)> {
    let value = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let scale = &word[value.len()..];
    let numeric = value.starts_with(|c: char| c.is_ascii_digit())
        && value
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    let known = SHORT_SCALES
        .iter()
        .any(|(short, _)| scale.eq_ignore_ascii_case(short));
    (numeric && known).then_some((value, scale))
}

/// A scale's name however it is written, so "£2.5m" and "£2.5 million" are
/// one sum.
fn scale_name(scale: &str) -> &str {
    SHORT_SCALES
        .iter()
        .find(|(short, _)| *short == scale)
        .map_or(scale, |(_, name)| name)
}

/// Companies' legal forms, lower-cased.
const LEGAL_FORMS: &[&str] = &["co", "corp", "inc", "llc", "llp", "lp", "ltd", "plc"];

/// A number of two or more capital Roman numerals of the kind that number
/// parts and titles ("Section III", "Tit. XI"): a designation, not a name.
fn is_roman_numeral(raw: &str) -> bool {
    raw.len() >= 2 && raw.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
}

/// Whether a sentence is written all in capitals (two words or more), so
/// its capitals say nothing of names.
fn shouted(text: &str) -> bool {
    !text.chars().any(char::is_lowercase)
        && text
            .split_whitespace()
            .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .nth(1)
            .is_some()
}

/// A note's reference number glued to the end of a sentence, as OCR leaves
/// it when it garbles the raised digits ("true.'*4", "loyalty.\"7"); the
/// segmenter drops the clean ones ("election.90") from the text.
fn is_note_reference(text: &str, w: &WordAt) -> bool {
    let before = &text[..w.start as usize];
    let word = before.trim_end_matches(|c: char| !c.is_whitespace() && !c.is_alphanumeric());
    !word.is_empty() && before[word.len()..].contains(['.', '?', '!'])
}

/// "(1)" and "(a)"-style list markers are not facts.
fn is_enumerator(text: &str, w: &WordAt) -> bool {
    text[..w.start as usize].ends_with('(') && text[w.end as usize..].starts_with(')')
}

/// The text between two words of a sentence.
fn gap<'t>(text: &'t str, a: &WordAt, b: &WordAt) -> &'t str {
    &text[a.end as usize..b.start as usize]
}

/// Whether a full stop follows `w` at once: a byte compared, where
/// slicing the text would check two character boundaries first.
fn followed_by_period(text: &str, w: &WordAt) -> bool {
    text.as_bytes().get(w.end as usize) == Some(&b'.')
}

/// A short word closed by a full stop that a citation's number follows,
/// itself or after up to three more abbreviations: a reporter or code ("F.2d
/// 1386" read from its "F", "S. Ct. 1101", "U.S.C. § 1512", "515 U.S. at
/// 600"), not an initialism prose goes on from ("100 U.S. troops"). A code's
/// three initials ("U.S.C.", "C.F.R.") cite whatever follows them ("5
/// U.S.C. App.").
fn is_citation_abbreviation(text: &str, w: &WordAt) -> bool {
    // The period after it first: most words have none, and that is one byte to look at.
    if !followed_by_period(text, w) {
        return false;
    }
    let raw = &text[w.start as usize..w.end as usize];
    let after = &text[w.end as usize + 1..];
    raw.chars().count() <= 5
        && raw.chars().all(char::is_alphabetic)
        && (is_code(raw, after) || {
            let rest = past_abbreviations(after);
            let page = rest.strip_prefix("at ").unwrap_or(rest);
            is_page(page)
        })
}

/// Whether the capital `first`, then `after` it and its full stop, spell a
/// code's three initials, each closed by a full stop ("U" and "S.C. …").
fn is_code(first: &str, after: &str) -> bool {
    let capital_then_stop = |at: usize| {
        after.as_bytes().get(at).is_some_and(u8::is_ascii_uppercase)
            && after.as_bytes().get(at + 1) == Some(&b'.')
    };
    first.len() == 1
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && capital_then_stop(0)
        && capital_then_stop(2)
}

/// Whether `text` opens with what a citation's reporter points to: a page
/// or section ("1386", "§ 1512"), a part of a code ("Part 600" of "28
/// C.F.R. Part 600"), or a page a letter marks ("S6550" of the Senate's
/// pages in "148 Cong. Rec. S6550").
fn is_page(text: &str) -> bool {
    let text = text.strip_prefix("Part ").unwrap_or(text);
    let mut bytes = text.bytes();
    match bytes.next() {
        Some(b'0'..=b'9') => true,
        Some(b'A'..=b'Z') => bytes.next().is_some_and(|b| b.is_ascii_digit()),
        _ => text.starts_with('§'),
    }
}

/// `rest` past up to three abbreviations that continue a citation's
/// reporter ("S." of "U.S.C.", "Ct." of "S. Ct.", "O.L.C." of "Op. O.L.C.").
fn past_abbreviations(mut rest: &str) -> &str {
    for _ in 0..3 {
        let word = rest.trim_start();
        let letters = word.len()
            - word
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        match word[letters..].strip_prefix('.') {
            Some(after)
                if (1..=5).contains(&letters)
                    && word.starts_with(|c: char| c.is_ascii_uppercase()) =>
            {
                rest = after
            }
            _ => break,
        }
    }
    rest.trim_start()
}

/// Whether `text` may hold what [`citation_words`] finds a case's parties
/// or a parenthetical by: "v.", a bracket, or a short form's volume after a
/// comma ("Aguilar, 515 U.S."). Most sentences hold none of them, and their
/// names need no search for citations.
fn may_cite_a_case(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Searches for single characters, which run eight bytes at a time.
    let versus = || {
        text.match_indices('.')
            .any(|(at, _)| bytes[..at].ends_with(b" v") || bytes[..at].ends_with(b" vs"))
    };
    let volume = || {
        text.match_indices(',').any(|(at, _)| {
            bytes.get(at + 1) == Some(&b' ') && bytes.get(at + 2).is_some_and(u8::is_ascii_digit)
        })
    };
    text.contains('(') || versus() || volume()
}

/// Marks the words of legal citations that name sources rather than say
/// anything: the parties of case names around "v." ("United States v.
/// Aguilar", "Arthur Andersen LLP v. United States"), short forms before a
/// volume and reporter ("Aguilar, 515 U.S. at 600"), reporter
/// abbreviations ("Cir.", "Supp.") and parentheticals on quoting ("(internal
/// quotation marks omitted)"). Omissions leave them out of key terms.
pub(super) fn citation_words(words: &[WordAt], text: &str) -> Vec<bool> {
    let raw = |w: &WordAt| &text[w.start as usize..w.end as usize];
    let capital = |k: usize| raw(&words[k]).starts_with(char::is_uppercase);
    let connector = |k: usize| {
        NAME_CONNECTORS
            .iter()
            .any(|c| raw(&words[k]).eq_ignore_ascii_case(c))
    };
    let mut out: Vec<bool> = words
        .iter()
        .map(|w| is_citation_abbreviation(text, w))
        .collect();
    // Whether words[k] is a reporter volume: "Aguilar, 515 U.S." or "Shaw, 137 S. Ct.".
    let volume = |k: usize| {
        let w = &words[k];
        // Most words are no number: the cheapest test first.
        raw(w).bytes().all(|b| b.is_ascii_digit())
            && gap(text, &words[k - 1], w).trim() == ","
            && k + 1 < words.len()
            && capital(k + 1)
            && followed_by_period(text, &words[k + 1])
    };
    // A parenthetical that says how a source is quoted or cited: opened by
    // a signal ("(quoting Aguilar, …)", "(citing …)") or closed by what was
    // done to the quotation ("(internal quotation marks omitted)",
    // "(emphasis added)").
    // Most sentences hold no bracket at all.
    let mut k = if text.contains('(') { 0 } else { words.len() };
    while k < words.len() {
        if !text[..words[k].start as usize].trim_end().ends_with('(') {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < words.len() && !gap(text, &words[end - 1], &words[end]).contains(')') {
            end += 1;
        }
        let is = |w: &WordAt, list: &[&str]| list.iter().any(|l| raw(w).eq_ignore_ascii_case(l));
        if is(&words[k], CITATION_SIGNALS) || is(&words[end - 1], QUOTATION_EDITS) {
            out[k..end].fill(true);
        }
        k = end;
    }
    for (i, w) in words.iter().enumerate() {
        let versus = followed_by_period(text, w) && matches!(raw(w), "v" | "vs");
        let short_form = !versus && i > 0 && volume(i) && capital(i - 1);
        if !short_form
            && (!versus || i == 0 || i + 1 == words.len() || !capital(i - 1) || !capital(i + 1))
        {
            continue;
        }
        out[i] |= versus;
        // Each party: capitalised words, with connectors ("of") between them.
        let mut k = i;
        while k > 0 && (capital(k - 1) || (connector(k - 1) && k >= 2 && capital(k - 2))) {
            k -= 1;
            out[k] = true;
        }
        if short_form {
            continue;
        }
        let mut k = i + 1;
        while k < words.len()
            && (capital(k) || (connector(k) && k + 1 < words.len() && capital(k + 1)))
        {
            out[k] = true;
            k += 1;
        }
    }
    out
}

/// Marks the numbers that belong to legal citations — volumes, pages, sections
/// and years next to reporter abbreviations ("745 F.2d 1386, 1393", "§ 1512",
/// "§§ 509, 515(a), 531") — which are references, not facts of the case,
/// and the "Part" of a code's part ("28 C.F.R. Part 600"), which is no name.
fn citation_numbers(
    words: &[WordAt],
    text: &str,
    is_number: impl Fn(&WordAt) -> bool,
) -> Vec<bool> {
    // A reporter ("F.2d") or a page's code ("S6550"), not a sum ("£2.5m").
    let mixed = |w: &WordAt| {
        let raw = &text[w.start as usize..w.end as usize];
        raw.chars().any(|c| c.is_ascii_digit())
            && raw.chars().any(char::is_alphabetic)
            && scaled_number(raw).is_none()
    };
    let marker = |w: &WordAt| is_citation_abbreviation(text, w) || mixed(w);
    // A word a pin cite's "at" follows: a reporter ("515 U.S. at 600",
    // "781 F.3d at 445") or "Id.", "id.".
    let reporter = |w: &WordAt| {
        let raw = &text[w.start as usize..w.end as usize];
        mixed(w)
            || raw.eq_ignore_ascii_case("id")
            || (followed_by_period(text, w)
                && raw.len() <= 5
                && raw.starts_with(|c: char| c.is_ascii_uppercase())
                && raw.chars().all(char::is_alphabetic))
    };
    let mut out = vec![false; words.len()];
    for i in 0..words.len() {
        let w = &words[i];
        if !is_number(w) {
            continue;
        }
        let before = text[..w.start as usize].trim_end();
        let section_sign = before.ends_with(['§', '¶']);
        // The word before, past a subsection ("515" of "515(a), 531").
        let subsection = i >= 2
            && gap(text, &words[i - 2], &words[i - 1]) == "("
            && gap(text, &words[i - 1], w).starts_with(')');
        let earlier = i.checked_sub(if subsection { 2 } else { 1 });
        // Further pages of a citation: "1386, 1393", "601–602", and sections
        // "509, 515(a), 531".
        let pin_cite = earlier
            .is_some_and(|p| before.ends_with([',', '–', '-']) && out[p] && is_number(&words[p]));
        let prev = i.checked_sub(1).map(|p| &words[p]);
        let at_page = before.ends_with(" at") && i >= 2 && reporter(&words[i - 2]);
        // A part of a code: "28 C.F.R. Part 600".
        let part = before.ends_with(" Part") && i >= 2 && marker(&words[i - 2]);
        if part {
            out[i - 1] = true;
        }
        let next_marks = words.get(i + 1).is_some_and(&marker);
        out[i] =
            section_sign || pin_cite || at_page || part || next_marks || prev.is_some_and(&marker);
    }
    out
}

/// Byte ranges of the insides of quotation marks. Scans bytes, not
/// characters: only `"` and the lead byte of `“`/`”` (E2 80 9C/9D) matter,
/// and this runs over every sentence of both documents. A mark opens or
/// closes by its neighbours ([`Mark`]), as OCR and typewritten text write
/// every mark straight and converted text may print an opening mark as a
/// closing one. A mark that closes with nothing open (a quotation running
/// on from the sentence before) opens nothing, and one that opens inside
/// an open quotation starts it again (the earlier mark was stray).
fn quotations(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // Only these marks open a quotation, and most sentences hold neither:
    // two word-at-a-time searches cost less than the scan below.
    if !text.contains('"') && !text.contains('“') && !text.contains('”') {
        return out;
    }
    let bytes = text.as_bytes();
    // Where the open quotation's inside starts.
    let mut open: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate() {
        let (shape, len) = match b {
            b'"' => (Mark::Stray, 1),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(0x9C) => (Mark::Opening, 3),
                Some(0x9D) => (Mark::Closing, 3),
                _ => continue,
            },
            _ => continue,
        };
        match (Mark::read(bytes, i, len, shape), open) {
            (Mark::Opening, _) => open = Some(i + len),
            (Mark::Closing, Some(from)) => {
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

/// What a quotation mark does in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Opens a quotation.
    Opening,
    /// Closes one.
    Closing,
    /// Neither: a straight mark between spaces.
    Stray,
}

impl Mark {
    /// How the mark of `len` bytes at byte `at` of `bytes` reads: a mark
    /// right after a word or punctuation closes, one at the start or after
    /// a space or opening bracket and before a word opens. A curly mark
    /// keeps its `shape` unless its neighbours plainly read the other way
    /// ("said, ”I took": the edition printed every mark as a closing one).
    fn read(bytes: &[u8], at: usize, len: usize, shape: Mark) -> Mark {
        let after_word = at
            .checked_sub(1)
            .is_some_and(|i| !bytes[i].is_ascii_whitespace() && !b"([{".contains(&bytes[i]));
        let before_word = bytes
            .get(at + len)
            .is_some_and(|b| !b.is_ascii_whitespace());
        match (after_word, before_word) {
            (false, true) => Mark::Opening,
            (true, false) => Mark::Closing,
            (true, true) if shape == Mark::Stray => Mark::Closing,
            _ => shape,
        }
    }
}

/// The facts of `doc`, their keys and evidence added to `findings`: ranges
/// of paragraphs are read at the same time where threads allow, each into
/// its own findings, merged in order, so keys and evidence come out as one
/// pass leaves them.
fn extract(
    doc: &Document,
    words: &DocumentWords,
    reader: &Reader,
    findings: &mut Findings,
) -> Vec<Found> {
    let parts = map_parts(
        ranges(doc.paragraphs.len(), MIN_PARAGRAPHS_PER_RANGE),
        |range| {
            let mut own = Findings::default();
            let found = extract_range(&doc.paragraphs[range], words, reader, &mut own);
            (found, own)
        },
    );
    let mut out = Vec::with_capacity(parts.iter().map(|(found, _)| found.len()).sum());
    for (found, own) in parts {
        let shift = findings.evidence.len() as u32;
        findings.evidence.extend_from_slice(&own.evidence);
        let keys: Vec<u32> = own
            .keys
            .into_iter()
            .map(|key| findings.intern(key))
            .collect();
        out.extend(found.into_iter().map(|f| Found {
            key: keys[f.key as usize],
            evidence: f.evidence.start + shift..f.evidence.end + shift,
            ..f
        }));
    }
    out
}

/// Paragraphs per range of fact finding: fewer are not worth a thread's hand-over.
const MIN_PARAGRAPHS_PER_RANGE: usize = 16;

/// The facts of `paragraphs`, their keys and evidence added to `findings`.
fn extract_range(
    paragraphs: &[Paragraph],
    words: &DocumentWords,
    reader: &Reader,
    findings: &mut Findings,
) -> Vec<Found> {
    let mut found = Vec::new();
    let mut unredacted: Vec<WordAt> = Vec::new();
    for p in paragraphs {
        for (k, s) in p.sentences.iter().enumerate() {
            let mut own = words.of(s.id);
            // Redaction labels ("Harm to Ongoing Matter", "HOM") look like names but say nothing.
            if own.iter().any(WordAt::redacted) {
                unredacted.clear();
                unredacted.extend(own.iter().filter(|w| !w.redacted()));
                own = &unredacted;
            }
            // A paragraph's own number ("4.12", "III.", a note's "23") places it; it is no fact.
            if let Some(number) = p
                .number
                .as_deref()
                .filter(|n| k == 0 && s.text.starts_with(n))
            {
                let marker = own
                    .iter()
                    .take_while(|w| (w.start as usize) < number.len())
                    .count();
                own = &own[marker..];
            }
            // A heading's or a shouted line's capitals are its style, not names.
            let names = !p.kind.is_title() && !shouted(&s.text);
            reader.sentence_facts(own, &s.text, names, (p.id, s.id), &mut found, findings);
        }
    }
    found
}

/// What one side mentions: its facts (`found`) and its words.
fn mentions(
    found: &[Found],
    words: &DocumentWords,
    reader: &Reader,
    findings: &Findings,
) -> Mentions {
    let vocabulary = &reader.tokens.vocabulary;
    let mut keys = vec![false; findings.keys.len()];
    for f in found {
        keys[f.key as usize] = true;
    }
    let mut mentions = Mentions {
        keys,
        words: vec![false; vocabulary.words.len()],
        numbers: FxHashSet::default(),
        days: FxHashSet::default(),
    };
    for w in words.sentences().flatten().filter(|w| !w.redacted()) {
        mentions.words[w.word() as usize] = true;
    }
    for (word, _) in mentions.words.iter().enumerate().filter(|(_, &seen)| seen) {
        if reader.traits[word].plain_number {
            mentions
                .numbers
                .insert(vocabulary.lower(word as WordId).replace(',', ""));
        }
    }
    for f in found {
        if let Some(date) = findings.key(f).strip_prefix("date:") {
            let mut parts = date.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
            if let (Some(month), Some(day)) = (parts.next(), parts.next()) {
                mentions.days.insert((month, day));
                mentions.days.insert((month, 0));
            }
        }
    }
    mentions
}

/// Letters a name must keep, and a word glued to it must have, for OCR's
/// glue to be read apart ("Comeytestified").
const GLUED_NAME: usize = 3;
const GLUED_WORD: usize = 4;

/// Whether the name word `word` is a name the other side writes with a word
/// it writes in lower case run onto it, as OCR glues them ("Comeytestified"
/// for "Comey testified"): the other side mentions the name.
fn glued_name(word: WordId, other: &Mentions, reader: &Reader) -> bool {
    let vocabulary = &reader.tokens.vocabulary;
    let lower = vocabulary.lower(word);
    let written = |part: &str| {
        vocabulary
            .word_id(part)
            .filter(|&id| other.words[id as usize])
    };
    (GLUED_NAME..lower.len().saturating_sub(GLUED_WORD - 1))
        .filter(|&at| lower.is_char_boundary(at))
        .any(|at| {
            let name = written(&lower[..at]);
            let glued = written(&lower[at..]);
            name.is_some_and(|id| !reader.casing.lower_seen[id as usize])
                && glued.is_some_and(|id| reader.casing.lower_seen[id as usize])
        })
}

fn mentioned(f: &Found, other: &Mentions, findings: &Findings, reader: &Reader) -> bool {
    if other.keys[f.key as usize] {
        return true;
    }
    let value = findings.key(f).split_once(':').map_or("", |(_, v)| v);
    match f.kind {
        FactKind::Date => match value.split('-').collect::<Vec<_>>().as_slice() {
            [month, day, year] => {
                let (month, day) = (month.parse().unwrap_or(0), day.parse().unwrap_or(0));
                other.days.contains(&(month, day))
                    && (day != 0 || year.is_empty() || other.numbers.contains(*year))
            }
            _ => other.numbers.contains(value),
        },
        FactKind::Number | FactKind::Money | FactKind::Percent => other
            .numbers
            .contains(value.split(' ').next().unwrap_or(value)),
        FactKind::Name => findings
            .evidence(f)
            .iter()
            .all(|&w| other.words[w as usize] || glued_name(w, other, reader)),
        FactKind::Quote => {
            let evidence = findings.evidence(f);
            let present = evidence
                .iter()
                .filter(|&&w| other.words[w as usize])
                .count();
            present as f32 >= QUOTE_OVERLAP * evidence.len() as f32
        }
    }
}

fn one_sided(
    doc: &Document,
    found: &[Found],
    other: &Mentions,
    findings: &Findings,
    reader: &Reader,
) -> Vec<Fact> {
    let mut by_key: FxHashMap<u32, usize> = FxHashMap::default();
    let mut facts: Vec<Fact> = Vec::new();
    let mut first_at: Vec<u32> = Vec::new();
    let mut cursor_sentence = u32::MAX;
    let mut text = "";
    for f in found {
        // Notes are read for what the other side mentions, but a fact only
        // they hold is a reference, not one the other side leaves out.
        let in_note = doc.paragraphs[f.paragraph as usize].kind == ParagraphKind::Footnote;
        if in_note || mentioned(f, other, findings, reader) {
            continue;
        }
        if f.sentence != cursor_sentence {
            cursor_sentence = f.sentence;
            text = doc.paragraphs[f.paragraph as usize]
                .sentences
                .iter()
                .find(|s| s.id == f.sentence)
                .map_or("", |s| s.text.as_str());
        }
        let mut cursor = Utf16Cursor::new(text);
        let occurrence = Occurrence {
            paragraph: f.paragraph,
            sentence: f.sentence,
            start: cursor.utf16_at(f.from),
            end: cursor.utf16_at(f.to),
        };
        match by_key.get(&f.key) {
            Some(&i) => facts[i].occurrences.push(occurrence),
            None => {
                by_key.insert(f.key, facts.len());
                first_at.push(f.sentence);
                facts.push(Fact {
                    kind: f.kind,
                    text: text.get(f.from..f.to).unwrap_or_default().to_string(),
                    occurrences: vec![occurrence],
                });
            }
        }
    }
    let mut order: Vec<usize> = (0..facts.len()).collect();
    order.sort_by(|&a, &b| {
        facts[b]
            .occurrences
            .len()
            .cmp(&facts[a].occurrences.len())
            .then(first_at[a].cmp(&first_at[b]))
    });
    let mut slots: Vec<Option<Fact>> = facts.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Facts of the report the summary never mentions, and of the summary the report never mentions.
pub fn find_facts(
    summary: &Document,
    report: &Document,
    tokens: &Tokens,
    casing: &Casing,
) -> Facts {
    let vocabulary = &tokens.vocabulary;
    let reader = Reader {
        tokens,
        traits: (vocabulary.words.iter().enumerate())
            .map(|(w, word)| WordTraits::of(vocabulary.lower(w as WordId), word))
            .collect(),
        casing,
    };
    let mut findings = Findings::default();
    let summary_found = extract(summary, &tokens.summary_words, &reader, &mut findings);
    let report_found = extract(report, &tokens.report_words, &reader, &mut findings);
    let summary_mentions = mentions(&summary_found, &tokens.summary_words, &reader, &findings);
    let report_mentions = mentions(&report_found, &tokens.report_words, &reader, &findings);
    Facts {
        dropped: one_sided(report, &report_found, &summary_mentions, &findings, &reader),
        unsupported: one_sided(
            summary,
            &summary_found,
            &report_mentions,
            &findings,
            &reader,
        ),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::FactKind;
    use crate::{compare, Options};

    type Listed = Vec<(FactKind, String)>;

    fn facts(summary: &str, report: &str) -> (Listed, Listed) {
        let result = compare(summary, report, &Options::default()).expect("compares");
        let list =
            |facts: &[crate::model::Fact]| facts.iter().map(|f| (f.kind, f.text.clone())).collect();
        (list(&result.facts.dropped), list(&result.facts.unsupported))
    }

    /// The texts of listed facts.
    fn texts(listed: &[(FactKind, String)]) -> Vec<&str> {
        listed.iter().map(|(_, t)| t.as_str()).collect()
    }

    /// The insides of the quotations `quotations` finds in `text`.
    fn inside(text: &str) -> Vec<&str> {
        super::quotations(text)
            .into_iter()
            .map(|(from, to)| &text[from..to])
            .collect()
    }

    #[test]
    fn quotations_are_the_insides_of_paired_marks() {
        assert_eq!(
            inside("He said “no deal” and \"never\"."),
            ["no deal", "never"]
        );
        assert_eq!(inside("He said \"no deal\"."), ["no deal"]);
        assert_eq!(inside("He said “no deal”."), ["no deal"]);
        assert_eq!(
            inside("A closing mark alone” opens nothing."),
            Vec::<&str>::new()
        );
        assert_eq!(inside("No marks at all."), Vec::<&str>::new());
    }

    #[test]
    fn quotation_marks_open_and_close_by_their_neighbours() {
        // An opening mark printed as a closing one.
        assert_eq!(
            inside("Sessions said, ”I took control” that day."),
            ["I took control"]
        );
        // OCR's straight marks: the first closes a quotation opened in the
        // sentence before, and pairs with nothing.
        assert_eq!(
            inside("would release the material.\" Priebus added that \"this is a spin job.\""),
            ["this is a spin job."]
        );
        // A stray mark, and an opening mark whose quotation never closed.
        assert_eq!(
            inside("A \" stray mark and \"never closed, then \"quoted\" words."),
            ["quoted"]
        );
    }

    #[test]
    fn finds_dropped_numbers_dates_money_and_names() {
        let report = "On March 3, 2009 the health visitor Maria Ward missed 4 appointments. \
                      The council spent $2.5 million, 12% more than planned. Ward left the United States.";
        let summary = "The health visitor missed appointments. Ward left.";
        let (dropped, unsupported) = facts(summary, report);
        for want in [
            (FactKind::Date, "March 3, 2009"),
            (FactKind::Number, "4"),
            (FactKind::Money, "$2.5 million"),
            (FactKind::Percent, "12%"),
            (FactKind::Name, "United States"),
        ] {
            assert!(
                dropped.iter().any(|(k, t)| *k == want.0 && t == want.1),
                "missing {want:?} in {dropped:?}"
            );
        }
        assert!(unsupported.is_empty(), "{unsupported:?}");
    }

    #[test]
    fn a_run_of_letters_longer_than_any_name_is_no_name() {
        let report = "Hicks met PricewaterhouseCoopers and TthreumpprogTroewsesrofMtohsosceowefp.";
        let (dropped, _) = facts("Hicks met them.", report);
        assert_eq!(texts(&dropped), ["PricewaterhouseCoopers"]);
    }

    #[test]
    fn a_name_mentioned_by_surname_is_not_dropped() {
        let (dropped, _) = facts(
            "Flynn resigned in February.",
            "National Security Advisor Michael Flynn resigned on February 13, 2017.",
        );
        assert!(
            !dropped.iter().any(|(_, t)| t.contains("Flynn")),
            "{dropped:?}"
        );
        assert!(
            dropped.iter().any(|(k, _)| *k == FactKind::Date),
            "{dropped:?}"
        );
    }

    #[test]
    fn a_name_ocr_glued_to_a_word_is_the_name() {
        let report = "In May, Comey testified. The baker voted in the field.";
        let (_, unsupported) = facts(
            "In May, Comeytestified. Voters in Bakersfield agreed.",
            report,
        );
        // "Comey" is a name the report writes, "testified" a word it writes
        // in lower case; "baker" is no name.
        assert_eq!(texts(&unsupported), ["Bakersfield"]);
    }

    #[test]
    fn flags_summary_facts_the_report_lacks() {
        let (_, unsupported) = facts(
            "The review found 7 missed visits by Dr Okafor.",
            "The review found missed visits by the health visitor.",
        );
        let texts = texts(&unsupported);
        assert!(
            texts.contains(&"7") && texts.contains(&"Dr Okafor"),
            "{texts:?}"
        );
    }

    /// Citations' numbers and abbreviations are no facts, and neither are
    /// the parties of the cases they cite, unless the report names them
    /// in its own words too.
    #[test]
    fn citation_numbers_abbreviations_and_parties_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "See United States v. Silverman, 745 F.2d 1386, 1393 (11th Cir. 1984); 116 Stat. 807; 18 U.S.C. § 1512. \
             The witness met 3 officials. See Aguilar, 515 U.S. at 600; Fenwick v. Wade, 410 U.S. 113 (1973). \
             The court heard Fenwick twice.",
        );
        let texts = texts(&dropped);
        assert!(
            texts.contains(&"3") && texts.contains(&"Fenwick"),
            "{texts:?}"
        );
        for noise in [
            "745",
            "1386",
            "1393",
            "1984",
            "807",
            "1512",
            "Stat",
            "Cir",
            "United States",
            "Silverman",
            "Aguilar",
            "Wade",
        ] {
            assert!(!texts.contains(&noise), "{noise} in {texts:?}");
        }
    }

    #[test]
    fn letters_that_stand_for_people_name_them() {
        let report = "The health visitor saw Child T twice; Ms X moved away. Baby P was seen \
                      by Dr Okafor, as Appendix B and Plan B record.";
        let (dropped, _) = facts("Nothing alike here.", report);
        let names = texts(&dropped);
        for name in ["Child T", "Ms X", "Baby P", "Dr Okafor"] {
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
        for part in ["Appendix B", "Plan B"] {
            assert!(!names.contains(&part), "{part} in {names:?}");
        }
        let (dropped, _) = facts("Child T and Baby P were seen; X moved.", report);
        let names = texts(&dropped);
        assert!(names.contains(&"Ms X"), "{names:?}");
        assert!(
            !names.contains(&"Child T") && !names.contains(&"Baby P"),
            "{names:?}"
        );
    }

    #[test]
    fn financial_years_are_one_date() {
        let (dropped, _) = facts(
            "Nothing alike here.",
            "The budget for 2007/08 fell; 2019/2020 rose; 2010/05 is no year.",
        );
        assert_eq!(texts(&dropped), ["2007/08", "2019/2020", "2010", "05"]);
        assert!(dropped[..2].iter().all(|(k, _)| *k == FactKind::Date));
    }

    #[test]
    fn nineteenth_century_years_are_dates() {
        let (dropped, _) = facts(
            "Nothing alike here.",
            "The statutes can be traced to at least 1831; the review counted 1750 files.",
        );
        assert_eq!(
            dropped,
            [
                (FactKind::Date, "1831".to_string()),
                (FactKind::Number, "1750".to_string())
            ]
        );
    }

    #[test]
    fn sums_and_shares_are_read_as_uk_reports_write_them() {
        let report =
            "The council spent £2.5m, 12 per cent more than planned; £1.5bn was set aside.";
        let (dropped, _) = facts("Nothing alike here.", report);
        assert_eq!(texts(&dropped), ["£2.5m", "12 per cent", "£1.5bn"]);
        assert_eq!(
            dropped.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            [FactKind::Money, FactKind::Percent, FactKind::Money]
        );
        let (dropped, unsupported) =
            facts("It spent £2.5 million, 12% more, and £1.5 billion.", report);
        assert!(dropped.is_empty(), "{dropped:?}");
        assert!(unsupported.is_empty(), "{unsupported:?}");
    }

    #[test]
    fn record_pages_numerals_and_legal_forms_are_no_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "See 148 Cong. Rec. S6545 (Sen. Lott). Title XI of Section III binds Encino Motorcars, LLC \
             and Arthur Andersen LLP.",
        );
        let texts = texts(&dropped);
        for name in ["Lott", "Encino Motorcars", "Arthur Andersen"] {
            assert!(texts.contains(&name), "{name} not in {texts:?}");
        }
        for noise in ["148", "Cong", "XI", "III", "LLC", "Arthur Andersen LLP"] {
            assert!(!texts.contains(&noise), "{noise} in {texts:?}");
        }
    }

    #[test]
    fn dates_are_read_day_first_and_month_first_alike() {
        let report = "The GP saw the child on 11 December 2006, on 3rd May and on 17 May. \
                      The nurse called at 4:43 p.m. and again at 9 pm. The form is dated 10/13/17.";
        let (dropped, _) = facts("The GP saw him on December 11, 2006.", report);
        let texts = texts(&dropped);
        assert_eq!(
            texts,
            ["3rd May", "17 May", "4:43 p.m.", "9 pm", "10/13/17"]
        );
        assert!(dropped.iter().all(|(k, _)| *k == FactKind::Date));
    }

    #[test]
    fn paragraph_numbers_headings_and_capitals_are_not_facts() {
        let report = "3. BACKGROUND TO THE REVIEW\n\n\
                      3.1 The Local Safeguarding Children Board met twice. \
                      NO FURTHER ACTION WAS TAKEN.\n\n\
                      3.2 Priebus and Bannon met Eisenberg’s team and the President-Elect.";
        let (dropped, _) = facts("Nothing.", report);
        let texts = texts(&dropped);
        assert_eq!(
            texts,
            [
                "Local Safeguarding Children Board",
                "Priebus",
                "Bannon",
                "Eisenberg",
                "President-Elect"
            ]
        );
    }

    #[test]
    fn pin_cites_and_page_ranges_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "See Aguilar, 515 U.S. at 600; id. at 601–602; 138 S. Ct. 1101, 1106; \
             28 C.F.R. § 600.4. The army sent 100 U.S. troops. See 18 U.S.C. §§ 509, \
             515(a), 531; 27 C.F.R. Part 700; 13 Op. O.L.C. 300 (1989); 5 U.S.C. App.",
        );
        let texts = texts(&dropped);
        assert!(texts.contains(&"100"), "{texts:?}");
        for noise in [
            "515", "600", "601", "602", "138", "1101", "1106", "28", "509", "531", "27", "700",
            "13", "300", "5",
        ] {
            assert!(!texts.contains(&noise), "{noise} in {texts:?}");
        }
    }

    #[test]
    fn note_references_ocr_left_glued_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "The officials knew it was not true.'*4 They met 12 times. He said \"no.\"7",
        );
        let texts = texts(&dropped);
        assert_eq!(texts, ["12"]);
    }

    #[test]
    fn sentence_initial_words_and_list_markers_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "Referring to the report, the panel listed (1) delays and (2) gaps. Referring back, it closed.",
        );
        assert!(dropped.is_empty(), "{dropped:?}");
    }

    #[test]
    fn a_table_cells_first_word_is_no_name() {
        let report = "   Agency                         Outcome         Actions
   Health visiting                Missed          Recorded in the file by the team
   Police                         Attended        Not recorded in the file by anyone
   Housing association            Closed          Passed to the school nurse
";
        let (dropped, _) = facts("Nothing.", report);
        assert!(dropped.is_empty(), "{dropped:?}");
    }
}
