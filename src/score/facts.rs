//! Facts: the checkable particulars of a text — numbers, dates, sums, shares,
//! names and quotations — and which of them the other side never mentions.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::align::{DocumentWords, Tokens, WordAt, WordId, WordInfo};
use crate::model::{Document, Fact, FactKind, Facts, Occurrence, Paragraph};
use crate::parallel::{map_parts, ranges};
use crate::text::{TokenClass, Utf16Cursor};

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
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
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
/// Share of a quotation's content words the other side must use to count as quoting it.
const QUOTE_OVERLAP: f32 = 0.8;

fn month_number(lower: &str) -> Option<u32> {
    let lower = if lower == "sept" { "sep" } else { lower };
    MONTHS
        .iter()
        .position(|m| *m == lower)
        .or_else(|| MONTH_ABBREVIATIONS.iter().position(|m| *m == lower))
        .map(|i| i as u32 + 1)
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
    /// A plain four-digit number from 1900 to 2099.
    year: bool,
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
            year: plain_number && l.len() == 4 && (l.starts_with("19") || l.starts_with("20")),
        }
    }
}

/// Every distinct word of both documents: its traits, and how it is written
/// (names are the words never written in lower case).
struct Casing {
    traits: Vec<WordTraits>,
    lower_seen: Vec<bool>,
    capital_inside: Vec<bool>,
}

impl Casing {
    fn new(tokens: &Tokens) -> Self {
        let n = tokens.vocabulary.words.len();
        let mut casing = Casing {
            traits: (tokens.vocabulary.words.iter().enumerate())
                .map(|(w, word)| WordTraits::of(tokens.vocabulary.lower(w as WordId), word))
                .collect(),
            lower_seen: vec![false; n],
            capital_inside: vec![false; n],
        };
        for doc in [&tokens.summary_words, &tokens.report_words] {
            for words in doc.sentences() {
                for (i, w) in words.iter().enumerate() {
                    if !w.capitalised() {
                        casing.lower_seen[w.word() as usize] = true;
                    } else if i > 0 {
                        casing.capital_inside[w.word() as usize] = true;
                    }
                }
            }
        }
        casing
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

/// Facts of one document, with the tokens and casing they are read with.
struct Reader<'a> {
    tokens: &'a Tokens,
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
        self.casing.traits[w.word() as usize]
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
        w.capitalised()
            && self.class(w) == TokenClass::Word
            && text[w.start as usize..w.end as usize]
                .chars()
                .nth(1)
                .is_some()
            && !is_citation_abbreviation(text, w)
            && self.traits(w).month.is_none()
            && !self.traits(w).weekday
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

    fn sentence_facts(
        &self,
        words: &[WordAt],
        text: &str,
        paragraph: u32,
        sentence: u32,
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
            if let Some(month) = self.traits(w).month.filter(|_| w.capitalised()) {
                let mut j = i + 1;
                let day = words
                    .get(j)
                    .filter(|d| self.is_plain_number(d) && self.lower(d).len() <= 2)
                    .and_then(|d| self.lower(d).parse::<u32>().ok())
                    .filter(|d| (1..=31).contains(d));
                if day.is_some() {
                    j += 1;
                }
                let year = words
                    .get(j)
                    .filter(|y| self.is_year(y))
                    .map(|y| self.lower(y).to_string());
                if year.is_some() {
                    j += 1;
                }
                let named_month =
                    MONTHS.contains(&self.lower(w)) && (i > 0 || self.lower(w) != "may");
                if day.is_some() || year.is_some() || named_month {
                    let key = format!(
                        "date:{month}-{}-{}",
                        day.unwrap_or(0),
                        year.unwrap_or_default()
                    );
                    push(
                        FactKind::Date,
                        key,
                        w.start as usize,
                        words[j - 1].end as usize,
                        &[],
                    );
                    used[i..j].fill(true);
                    i = j;
                    continue;
                }
            }
            if self.is_plain_number(w) && !is_enumerator(text, w) {
                let value = self.lower(w).replace(',', "");
                let (from, to) = (w.start as usize, w.end as usize);
                let next = words.get(i + 1).map(|n| self.lower(n));
                let (kind, key, from, to) = if text[to..].starts_with('%') {
                    (FactKind::Percent, format!("percent:{value}"), from, to + 1)
                } else if next == Some("percent") {
                    (
                        FactKind::Percent,
                        format!("percent:{value}"),
                        from,
                        words[i + 1].end as usize,
                    )
                } else if text[..from].ends_with(['$', '£', '€']) {
                    let symbol = text[..from].chars().next_back().map_or(1, char::len_utf8);
                    match next.filter(|n| SCALES.contains(n)) {
                        Some(scale) => (
                            FactKind::Money,
                            format!("money:{value} {scale}"),
                            from - symbol,
                            words[i + 1].end as usize,
                        ),
                        None => (FactKind::Money, format!("money:{value}"), from - symbol, to),
                    }
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
        for (from, to) in self.names(words, &used, text) {
            let key = words[from..to]
                .iter()
                .map(|w| self.lower(w))
                .collect::<Vec<_>>()
                .join(" ");
            push(
                FactKind::Name,
                format!("name:{key}"),
                words[from].start as usize,
                words[to - 1].end as usize,
                &[words[to - 1].word()],
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
            let gap = &text[a.end as usize..b.start as usize];
            gap.chars().all(char::is_whitespace) || (gap.trim() == "." && a.end - a.start == 1)
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
                if self.is_name_word(next, text) {
                    end += 1;
                } else if NAME_CONNECTORS.contains(&self.lower(next))
                    && words
                        .get(end + 1)
                        .is_some_and(|after| joined(next, after) && self.is_name_word(after, text))
                {
                    end += 2;
                } else {
                    break;
                }
            }
            let mut start = i;
            let strong = |k: usize| self.is_strong_name_word(&words[k], text, k == 0);
            while start < end
                && !strong(start)
                && (start == 0 || self.casing.lower_seen[words[start].word() as usize])
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

/// "(1)" and "(a)"-style list markers are not facts.
fn is_enumerator(text: &str, w: &WordAt) -> bool {
    text[..w.start as usize].ends_with('(') && text[w.end as usize..].starts_with(')')
}

/// Whether a full stop follows `w` at once: a byte compared, where
/// slicing the text would check two character boundaries first.
fn followed_by_period(text: &str, w: &WordAt) -> bool {
    text.as_bytes().get(w.end as usize) == Some(&b'.')
}

/// A short word with a full stop before a number, as citations write them
/// ("116 Stat. 807", "F. Supp. 2d", "11th Cir. 1984").
fn is_citation_abbreviation(text: &str, w: &WordAt) -> bool {
    // The period after it first: most words have none, and that is one byte to look at.
    if !followed_by_period(text, w) {
        return false;
    }
    let rest = &text[w.end as usize + 1..];
    let raw = &text[w.start as usize..w.end as usize];
    rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
        && raw.chars().count() <= 5
        && raw.chars().all(char::is_alphabetic)
}

/// Marks the words of legal citations that name sources rather than say
/// anything: the parties of case names around "v." ("United States v.
/// Aguilar", "Arthur Andersen LLP v. United States"), short forms before a
/// volume and reporter ("Aguilar, 515 U.S. at 600") and reporter
/// abbreviations ("Cir.", "Supp."). Omissions leave them out of key terms.
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
        let gap = &text[words[k - 1].end as usize..w.start as usize];
        gap.trim() == ","
            && raw(w).bytes().all(|b| b.is_ascii_digit())
            && k + 1 < words.len()
            && capital(k + 1)
            && followed_by_period(text, &words[k + 1])
    };
    for (i, w) in words.iter().enumerate() {
        let versus = followed_by_period(text, w) && matches!(raw(w), "v" | "vs");
        let short_form = !versus && i > 0 && capital(i - 1) && volume(i);
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
/// and years next to reporter abbreviations ("745 F.2d 1386, 1393", "§ 1512")
/// — which are references, not facts of the case.
fn citation_numbers(
    words: &[WordAt],
    text: &str,
    is_number: impl Fn(&WordAt) -> bool,
) -> Vec<bool> {
    let mixed = |w: &WordAt| {
        let raw = &text[w.start as usize..w.end as usize];
        raw.chars().any(|c| c.is_ascii_digit()) && raw.chars().any(char::is_alphabetic)
    };
    let marker = |w: &WordAt| is_citation_abbreviation(text, w) || mixed(w);
    let mut out = vec![false; words.len()];
    for i in 0..words.len() {
        let w = &words[i];
        if !is_number(w) {
            continue;
        }
        let before = text[..w.start as usize].trim_end();
        let section_sign = before.ends_with(['§', '¶']);
        let prev = i.checked_sub(1).map(|p| &words[p]);
        let pin_cite = prev.is_some_and(|p| before.ends_with(',') && out[i - 1] && is_number(p));
        let next_marks = words.get(i + 1).is_some_and(&marker);
        out[i] = section_sign || pin_cite || next_marks || prev.is_some_and(&marker);
    }
    out
}

/// Byte ranges of the insides of quotation marks. Scans bytes, not
/// characters: only `"` and the lead byte of `“`/`”` (E2 80 9C/9D) matter,
/// and this runs over every sentence of both documents.
fn quotations(text: &str) -> Vec<(usize, usize)> {
    const STRAIGHT: u8 = b'"';
    const OPENING: u8 = 0x9C;
    const CLOSING: u8 = 0x9D;
    let mut out = Vec::new();
    // Only these marks open a quotation, and most sentences hold neither:
    // two word-at-a-time searches cost less than the scan below.
    if !text.contains('"') && !text.contains('“') {
        return out;
    }
    let bytes = text.as_bytes();
    // Where the open quotation's inside starts, and the mark that closes it.
    let mut open: Option<(usize, u8)> = None;
    for (i, &b) in bytes.iter().enumerate() {
        let (mark, len) = match b {
            STRAIGHT => (STRAIGHT, 1),
            0xE2 if bytes.get(i + 1) == Some(&0x80) => match bytes.get(i + 2) {
                Some(&m @ (OPENING | CLOSING)) => (m, 3),
                _ => continue,
            },
            _ => continue,
        };
        match open {
            None if mark == OPENING => open = Some((i + len, CLOSING)),
            None if mark == STRAIGHT => open = Some((i + 1, STRAIGHT)),
            Some((from, close)) if mark == close => {
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
        for s in &p.sentences {
            let mut own = words.of(s.id);
            // Redaction labels ("Harm to Ongoing Matter", "HOM") look like names but say nothing.
            if own.iter().any(WordAt::redacted) {
                unredacted.clear();
                unredacted.extend(own.iter().filter(|w| !w.redacted()));
                own = &unredacted;
            }
            reader.sentence_facts(own, &s.text, p.id, s.id, &mut found, findings);
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
        if reader.casing.traits[word].plain_number {
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

fn mentioned(f: &Found, other: &Mentions, findings: &Findings) -> bool {
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
            .all(|&w| other.words[w as usize]),
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

fn one_sided(doc: &Document, found: &[Found], other: &Mentions, findings: &Findings) -> Vec<Fact> {
    let mut by_key: FxHashMap<u32, usize> = FxHashMap::default();
    let mut facts: Vec<Fact> = Vec::new();
    let mut first_at: Vec<u32> = Vec::new();
    let mut cursor_sentence = u32::MAX;
    let mut text = "";
    for f in found {
        if mentioned(f, other, findings) {
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
pub fn find_facts(summary: &Document, report: &Document, tokens: &Tokens) -> Facts {
    let casing = Casing::new(tokens);
    let reader = Reader {
        tokens,
        casing: &casing,
    };
    let mut findings = Findings::default();
    let summary_found = extract(summary, &tokens.summary_words, &reader, &mut findings);
    let report_found = extract(report, &tokens.report_words, &reader, &mut findings);
    let summary_mentions = mentions(&summary_found, &tokens.summary_words, &reader, &findings);
    let report_mentions = mentions(&report_found, &tokens.report_words, &reader, &findings);
    Facts {
        dropped: one_sided(report, &report_found, &summary_mentions, &findings),
        unsupported: one_sided(summary, &summary_found, &report_mentions, &findings),
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

    #[test]
    fn quotations_open_only_at_a_straight_or_opening_mark() {
        fn inside(text: &str) -> Vec<&str> {
            super::quotations(text)
                .into_iter()
                .map(|(from, to)| &text[from..to])
                .collect()
        }
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
    fn flags_summary_facts_the_report_lacks() {
        let (_, unsupported) = facts(
            "The review found 7 missed visits by Dr Okafor.",
            "The review found missed visits by the health visitor.",
        );
        let texts: Vec<&str> = unsupported.iter().map(|(_, t)| t.as_str()).collect();
        assert!(
            texts.contains(&"7") && texts.contains(&"Dr Okafor"),
            "{texts:?}"
        );
    }

    #[test]
    fn citation_numbers_and_abbreviations_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "See United States v. Silverman, 745 F.2d 1386, 1393 (11th Cir. 1984); 116 Stat. 807; 18 U.S.C. § 1512. \
             The witness met 3 officials.",
        );
        let texts: Vec<&str> = dropped.iter().map(|(_, t)| t.as_str()).collect();
        assert!(
            texts.contains(&"3") && texts.contains(&"Silverman"),
            "{texts:?}"
        );
        for noise in ["745", "1386", "1393", "1984", "807", "1512", "Stat", "Cir"] {
            assert!(!texts.contains(&noise), "{noise} in {texts:?}");
        }
    }

    #[test]
    fn sentence_initial_words_and_list_markers_are_not_facts() {
        let (dropped, _) = facts(
            "Nothing.",
            "Referring to the report, the panel listed (1) delays and (2) gaps. Referring back, it closed.",
        );
        assert!(dropped.is_empty(), "{dropped:?}");
    }
}
