//! Footnotes: the notes that converted text leaves at the bottom of each page
//! are marked, so they become footnote paragraphs and never run into the body.
//!
//! A footnote starts with its number, alone on a line (pdftotext) or before
//! its text (OCR, where the number is often garbled: `'8`, `"2`, `2�`). Body
//! lines can start with numbers too ("28 C.F.R. § 600.4"), so only numbers
//! that continue the document's running footnote count are trusted: the
//! longest chain of rising numbers through the pages. A page's footnote zone
//! runs from its first trusted number to the page end.

use rustc_hash::FxHashMap;

use super::cues::{ending, Ending, RAISED_NUMBER_SIGNS};
use super::lines::{Layout, Role};
use crate::text::is_year;

/// Largest jump between consecutive footnote numbers in the chain.
const MAX_STEP: u32 = 15;
/// A count may restart at 1 only after a run of at least this many notes.
const MIN_RESTART: usize = 3;
/// How many earlier candidates a chain link may reach back over.
const LOOKBACK: usize = 80;
/// Marker lines must outweigh other lines by this much for a zone without a trusted number.
const MIN_ZONE_SCORE: i32 = 4;
/// How far the running score may fall below its best before the scan up a page stops.
const GIVE_UP: i32 = 6;
/// A line with this many notes' markers after its sentence ends is a run of
/// notes even if it reads like prose (quotations in notes).
const MANY_INLINE: usize = 3;
/// At most this many inline markers add to a line's weight as a run of notes.
const MAX_INLINE_WEIGHT: usize = 2;
/// Lines this much wider than the wrap width are set in footnote type.
const WIDE: f32 = 1.04;
/// Lines wider than this many wrap widths were never wrapped (OCR paragraphs).
const OVERFULL: f32 = 1.3;
/// Numbered lines narrower than this share of the wrap width may be headings.
const HEADING_WIDTH: f32 = 0.8;
/// Footnote zones may hold at most this share of the body lines; more means
/// the "footnotes" are really numbered paragraphs.
const MAX_SHARE: f32 = 0.65;

/// A footnote marker at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The number, when it reads cleanly.
    pub number: Option<u32>,
    /// Byte length of the marker (garbage around the digits included).
    pub len: usize,
}

/// Reads a footnote marker at the start of `line`: digits, possibly wrapped
/// in OCR debris (quotes, `*`, `?`, `>`, …), either alone, followed by a
/// space and text (`$` counts as a letter: OCR reads a Bates number's S
/// so), run into the note's first word (Tesseract's "259McFarland") or
/// into the date it cites ("2753/1/17"); or, in OCR, a replacement
/// character, `*`, `%`, `TM`, `°`, `®` or `©` standing where the digits
/// were lost.
pub fn marker(line: &str) -> Option<Marker> {
    const DEBRIS: &[char] = &[
        '\'', '"', '‘', '’', '“', '”', '*', '#', '^', '`', '!', '?', '>', '|', '%', '$', '�',
    ];
    let debris = |c: char| DEBRIS.contains(&c) || RAISED_NUMBER_SIGNS.contains(&c);
    // OCR reads a raised note number as "TM" (a trademark sign) too.
    let lead = if line.starts_with("TM ") {
        2
    } else {
        line.len() - line.trim_start_matches(debris).len()
    };
    // At most three characters of debris (a replacement character is three bytes).
    if line[..lead].chars().count() > 3 {
        return None;
    }
    let after_lead = &line[lead..];
    let digits = after_lead.len()
        - after_lead
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    // A raised number run into a numeric date ("2753/1/17 Email": note 275
    // citing 3/1/17): the date's month is the run's last one or two digits.
    let month = glued_month(&after_lead[..digits], &after_lead[digits..]);
    let digits = digits - month;
    let lost_digits = digits == 0
        && (line[..lead].contains(['�', '*', '%', 'T'])
            || line[..lead].contains(RAISED_NUMBER_SIGNS));
    if (digits == 0 && !lost_digits) || digits > 4 {
        return None;
    }
    let after_digits = &after_lead[digits..];
    let tail_debris = after_digits.len() - after_digits.trim_start_matches(debris).len();
    let rest = &after_digits[tail_debris..];
    let len = lead + digits + tail_debris;
    let clean = lead == 0 && tail_debris == 0;
    let number = after_lead[..digits].parse().ok().filter(|_| clean);
    if rest.is_empty() {
        return (digits > 0).then_some(Marker { number, len });
    }
    let mut chars = rest.chars();
    // Tesseract runs a raised note number into the note's first word
    // ("259McFarland 12/22/17 302"): digits, then a capitalised word; or,
    // two digits or more, then any capital ("664RG000061", "206F lynn"),
    // where one digit could be a code's ("3D printing").
    let glued = digits > 0 && {
        let mut word = rest.chars();
        word.next().is_some_and(char::is_uppercase)
            && (digits >= 2 || word.next().is_some_and(char::is_lowercase))
    };
    if glued || month > 0 {
        return Some(Marker { number, len });
    }
    let space = chars.next().is_some_and(char::is_whitespace);
    let text_start = chars.find(|c| !c.is_whitespace());
    let reads_as_text = text_start.is_some_and(|c| {
        c.is_alphabetic()
            || matches!(
                c,
                '"' | '“' | '‘' | '\'' | '@' | '(' | '[' | '_' | '�' | '$'
            )
    });
    (space && (reads_as_text || digits > 0 && opens_with_date(rest.trim_start())))
        .then_some(Marker { number, len })
}

/// How many of the trailing digits of `run` are the month of a numeric date
/// that `rest` goes on ("2753" before "/1/17": 1, the month 3), leaving a
/// note number of at least two digits (a day-first date, "13/1/17", is no
/// note 1 before a month); 0 otherwise. A two-digit month (10–12) is read
/// where it can be one. OCR may set the rest of the date off by a space
/// ("10746 /23/17").
fn glued_month(run: &str, rest: &str) -> usize {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let date_tail = rest.strip_prefix('/').is_some_and(|tail| {
        let mut parts = tail
            .split(char::is_whitespace)
            .next()
            .unwrap_or("")
            .split('/');
        numeric_part(parts.next()) && numeric_part(parts.next()) && parts.next().is_none()
    });
    if run.len() < 3 || !date_tail {
        return 0;
    }
    let month = |k: usize| {
        run.len() >= k + 2
            && !run[run.len() - k..].starts_with('0')
            && run[run.len() - k..]
                .parse::<u32>()
                .is_ok_and(|m| (1..=12).contains(&m))
    };
    [2, 1].into_iter().find(|&k| month(k)).unwrap_or(0)
}

/// Whether `text` opens with a numeric date ("6/23/17 Letter", "1/29/18"):
/// notes citing letters and interviews start that way, prose hardly ever
/// does, so a number before one is a note's marker even though no word follows.
fn opens_with_date(text: &str) -> bool {
    let mut parts = text
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .split('/');
    numeric_part(parts.next()) && numeric_part(parts.next()) && numeric_part(parts.next())
}

/// Whether a part of a numeric date is one to four digits.
fn numeric_part(part: Option<&str>) -> bool {
    part.is_some_and(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
}

/// Marks footnote lines in a paged layout.
pub fn mark(layout: &mut Layout) {
    if !layout.paged() {
        return;
    }
    mark_repeated_marker_runs(layout);
    let candidates = candidates(layout);
    let chain: Vec<usize> = longest_chain(layout, &candidates)
        .into_iter()
        .map(|c| candidates[c].0)
        .collect();
    let wrap = layout.wrap_width();
    let zones: Vec<(usize, usize)> = (0..layout.pages.len())
        .filter_map(|p| zone_start(layout, p, &chain, wrap).map(|z| (p, z)))
        .collect();
    let body_lines = layout.lines.iter().filter(|l| l.role == Role::Body).count();
    let zone_lines: usize = zones
        .iter()
        .map(|&(page, start)| layout.pages[page].end.saturating_sub(start))
        .sum();
    if zone_lines as f32 > MAX_SHARE * body_lines as f32 {
        return;
    }
    let mut unfinished = false;
    let mut previous_page = usize::MAX;
    for (page, start) in zones {
        let start = if unfinished && previous_page + 1 == page {
            carried_over(layout, page, start, wrap)
        } else {
            start
        };
        let mut last = None;
        for i in layout.pages[page].clone().filter(|&i| i >= start) {
            if layout.lines[i].role != Role::Body {
                continue;
            }
            let opens = i == start || marker(layout.text_of(i)).is_some();
            layout.lines[i].role = if opens {
                Role::FootnoteStart
            } else {
                Role::Footnote
            };
            last = Some(i);
        }
        unfinished = last.is_some_and(|i| ending(layout.text_of(i)) != Ending::Terminal);
        previous_page = page;
    }
}

/// Marks the runs of note numbers standing alone in the body, each one
/// more than the last ("904" / "905" / "906"), whose numbers open notes
/// again further on: pdftotext sets a redacted passage's markers apart at
/// the top of the page after it, as well as at its foot. Such lines hold
/// nothing to compare, and a paragraph of them ("904 905 906 907 908") is
/// no body text; left in the body, they would also offer the chain of note
/// numbers a start for the page's notes above its text.
fn mark_repeated_marker_runs(layout: &mut Layout) {
    /// Fewest numbers in a run.
    const MIN_RUN: usize = 2;
    // Called on body lines only (a run's lines stay body lines until all
    // runs are judged).
    let bare = |layout: &Layout, i: usize| -> Option<u32> {
        let text = layout.text_of(i);
        (text.len() <= 4).then(|| text.parse().ok()).flatten()
    };
    let body: Vec<usize> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].role == Role::Body)
        .collect();
    let mut runs = Vec::new();
    let mut k = 0;
    while k < body.len() {
        let mut end = k + 1;
        if let Some(mut number) = bare(layout, body[k]) {
            while let Some(&next_line) = body.get(end) {
                let same_page = layout.lines[next_line].page == layout.lines[body[k]].page;
                match bare(layout, next_line) {
                    Some(next) if same_page && next == number + 1 => number = next,
                    _ => break,
                }
                end += 1;
            }
            if end - k >= MIN_RUN {
                runs.push(k..end);
            }
        }
        k = end;
    }
    if runs.is_empty() {
        return;
    }
    // The last line opening with each note number (read cleanly, so its
    // first character is a digit).
    let mut last_opening: FxHashMap<u32, usize> = FxHashMap::default();
    for &i in &body {
        let text = layout.text_of(i);
        if !text.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Some(n) = marker(text).and_then(|m| m.number) {
            last_opening.insert(n, i);
        }
    }
    for run in runs {
        let lines = &body[run];
        let end = lines[lines.len() - 1];
        let repeated = lines.iter().all(|&i| {
            bare(layout, i).is_some_and(|n| last_opening.get(&n).is_some_and(|&j| j > end))
        });
        if repeated {
            for &i in lines {
                layout.lines[i].role = Role::FootnoteStart;
            }
        }
    }
}

/// Where the footnotes of `page` start: at its first trusted number, or
/// earlier if marker lines (garbled, with smaller numbers, or reading like
/// references) run on above it; on a page without one, where
/// the lines from there to the page end are mostly marker lines (OCR, whose
/// numbers are too garbled to trust).
fn zone_start(layout: &Layout, page: usize, chain: &[usize], wrap: Option<f32>) -> Option<usize> {
    let body: Vec<usize> = layout.pages[page]
        .clone()
        .filter(|&i| layout.lines[i].role == Role::Body)
        .skip(1)
        .collect();
    let trusted = body.iter().position(|i| chain.binary_search(i).is_ok());
    let (scan_to, mut best, mut best_score) = match trusted {
        Some(t) => (t, Some(t), 0),
        None => (body.len(), None, MIN_ZONE_SCORE - 1),
    };
    let first_number = trusted
        .and_then(|t| marker(layout.text_of(body[t])))
        .and_then(|m| m.number)
        .unwrap_or(u32::MAX);
    let wide = |j: usize| {
        wrap.is_some_and(|w| {
            let width = layout.lines[body[j]].width;
            width > WIDE * w && width < OVERFULL * w
        })
    };
    let mut score = 0;
    for k in (0..scan_to).rev() {
        let text = layout.text_of(body[k]);
        let opens = footnote_like(text)
            && marker(text).and_then(|m| m.number).is_none_or(|n| {
                n < first_number || citation_like(text) || same_width(n, first_number)
            });
        let unwrapped = wrap.is_some_and(|w| layout.lines[body[k]].width > OVERFULL * w);
        // A note's prose, set in smaller type and so wider than the body,
        // goes on for many lines at a page's foot: it does not count
        // against the markers above it.
        let in_note_type =
            wide(k) && ((k + 1 < body.len() && wide(k + 1)) || (k > 0 && wide(k - 1)));
        score += if opens && trusted.is_none() && unwrapped && numbered_note(text) {
            MIN_ZONE_SCORE + 2
        } else if opens {
            2 * (1 + inline_markers(text).min(MAX_INLINE_WEIGHT)) as i32
        } else if citation_like(text) {
            1
        } else if in_note_type {
            0
        } else {
            -1
        };
        if opens && score > best_score {
            best_score = score;
            best = Some(k);
        }
        if score < best_score.min(0) - GIVE_UP {
            break;
        }
    }
    best.and_then(|k| body.get(k).copied())
}

/// Whether two numbers have as many digits: a note number above the page's
/// first trusted one but as wide is the likelier an OCR misreading of a
/// smaller one ("344" for "314") than a number in the prose.
fn same_width(a: u32, b: u32) -> bool {
    a.checked_ilog10() == b.checked_ilog10()
}

/// Whether a line opens with a note's number, however garbled ("691",
/// "'089", "105!"), that is no year: on a page whose numbers all fell out of
/// the chain, such a line among the page's last lines, left unwrapped as OCR
/// leaves a note, opens its notes alone.
fn numbered_note(line: &str) -> bool {
    marker(line).is_some_and(|m| {
        let digits: String = line[..m.len].chars().filter(char::is_ascii_digit).collect();
        !digits.is_empty() && !is_year(&digits)
    })
}

/// Whether a line opens with a footnote marker, or (OCR, which runs several
/// notes into one line and may lose the first marker) reads like references
/// and holds further notes' markers after sentence ends.
fn footnote_like(line: &str) -> bool {
    if marker(line).is_some() {
        return true;
    }
    let inline = inline_markers(line);
    inline >= MANY_INLINE || inline >= 2 && citation_like(line)
}

/// How many further notes' markers a line holds after sentence ends (". 33
/// Donald Trump News Conference"): OCR runs a page's notes into one line, so
/// such a line stands for that many notes.
fn inline_markers(line: &str) -> usize {
    line.match_indices(['.', ')', ';'])
        .filter(|&(at, _)| {
            line.get(at + 1..)
                .and_then(|rest| rest.strip_prefix(' '))
                .and_then(marker)
                .is_some()
        })
        .count()
}

/// Whether a line reads like references rather than prose: at least a
/// quarter of its words cite numbers ("Comey 1/28/17 Memorandum, at 3").
fn citation_like(line: &str) -> bool {
    // One pass over the bytes: OCR's long lines are read many times over,
    // and only words with a digit need a closer look.
    let (mut words, mut numeric) = (0, 0);
    let (mut start, mut has_digit) = (0, false);
    let bytes = line.as_bytes();
    for i in 0..=bytes.len() {
        match bytes.get(i) {
            Some(b' ') | None => {
                if i > start {
                    words += 1;
                    numeric += usize::from(has_digit && cites_a_number(&line[start..i]));
                }
                (start, has_digit) = (i + 1, false);
            }
            Some(b) => has_digit |= b.is_ascii_digit(),
        }
    }
    words >= 4 && numeric * 4 >= words
}

/// Whether a word holds a number other than a note's reference raised after
/// its closing punctuation ("investigated.312", "you.”1021"): the last line
/// of a paragraph often carries one, and is no reference for it.
fn cites_a_number(word: &str) -> bool {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let before = word.trim_end_matches(|c: char| c.is_ascii_digit());
    let note_reference = before.len() < word.len()
        && !before.bytes().any(|b| b.is_ascii_digit())
        && before
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_alphanumeric())
        && before.chars().any(char::is_alphabetic);
    !note_reference
}

/// A footnote left unfinished at the foot of the previous page goes on above
/// the first footnote of this one, set in smaller type and so wider than the
/// body: take the wide lines just above (the last of them may be short if
/// it ends the note). A note that ends after one line carried over is a
/// lone line of references between the body's last sentence and the notes,
/// and so is a line opening in lower case right after a sentence end, however
/// wide (OCR runs a note's lines together): no body line goes on there.
/// Across a blank line nothing is carried over: OCR parts the body from the
/// notes so, and its body lines run about as wide as notes. Nor is anything
/// above a zone that opens on a line without a marker: that line, taken for
/// its references, is already the rest of the unfinished note.
fn carried_over(layout: &Layout, page: usize, start: usize, wrap: Option<f32>) -> usize {
    let Some(wrap) = wrap else {
        return start;
    };
    if marker(layout.text_of(start)).is_none() {
        return start;
    }
    // The body lines above the first note, up to a blank line.
    let mut above = Vec::new();
    let mut below = start;
    for i in (layout.pages[page].start..start).rev() {
        if layout.lines[below].blank_before {
            break;
        }
        if layout.lines[i].role == Role::Body {
            above.push(i);
            below = i;
        }
    }
    let wide = |k: usize| {
        above.get(k).is_some_and(|&i| {
            let width = layout.lines[i].width;
            width > WIDE * wrap && width < OVERFULL * wrap
        })
    };
    let ends_note = |k: usize| {
        above
            .get(k)
            .is_some_and(|&i| ending(layout.text_of(i)) == Ending::Terminal)
    };
    let short_end = !wide(0) && wide(1) && ends_note(0);
    let lone_reference = !wide(0)
        && !wide(1)
        && ends_note(0)
        && above
            .first()
            .is_some_and(|&i| citation_like(layout.text_of(i)));
    // A line opening in lower case after a sentence end goes on from no
    // body line: it is the rest of the note, however wide OCR ran it.
    let rest_of_note = above
        .first()
        .is_some_and(|&i| layout.text_of(i).starts_with(char::is_lowercase))
        && ends_note(1);
    if lone_reference || rest_of_note {
        return above[0];
    }
    let mut k = match (wide(0), short_end) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => return start,
    };
    while wide(k + 1) && k + 2 < above.len() {
        k += 1;
    }
    above[k]
}

/// Body lines that start with a clean footnote number and follow some body
/// text on their page, numbered section headings aside: (line index, number).
fn candidates(layout: &Layout) -> Vec<(usize, u32)> {
    let wrap = layout.wrap_width();
    let mut out = Vec::new();
    for range in &layout.pages {
        let mut body_seen = false;
        for i in range.clone() {
            if layout.lines[i].role != Role::Body {
                continue;
            }
            if body_seen {
                let text = layout.text_of(i);
                if let Some((m, n)) = marker(text).and_then(|m| Some((m, m.number?))) {
                    if !numbered_heading(&text[m.len..], layout.lines[i].width, wrap) {
                        out.push((i, n));
                    }
                }
            }
            body_seen = true;
        }
    }
    out
}

/// Whether a numbered line reads as a section heading ("2 Background", "3
/// What the agencies knew") rather than a note: a short line whose words
/// open with a capital and end without a sentence end or references. Reviews
/// number their sections so, and those numbers rise through the pages as
/// notes' numbers do; notes end in a full stop or read as references.
fn numbered_heading(title: &str, width: f32, wrap: Option<f32>) -> bool {
    let title = title.trim_start();
    wrap.is_some_and(|wrap| width < HEADING_WIDTH * wrap)
        && title.starts_with(char::is_uppercase)
        && ending(title) == Ending::Open
        && !citation_like(title)
}

/// Indices of the candidates in the longest run of rising footnote numbers
/// (a number may rise by up to `MAX_STEP` per page passed); a 1 may restart
/// the count after a real run (notes numbered per chapter). Among equal runs the closer
/// predecessor wins, so a footnote is preferred to body text that happens to
/// start with the same number.
fn longest_chain(layout: &Layout, candidates: &[(usize, u32)]) -> Vec<usize> {
    let page_of = |c: usize| layout.lines[candidates[c].0].page;
    let mut score = vec![0usize; candidates.len()];
    let mut previous = vec![usize::MAX; candidates.len()];
    let mut best_so_far: Option<usize> = None;
    for i in 0..candidates.len() {
        let n = candidates[i].1;
        score[i] = 1;
        if let Some(b) = best_so_far.filter(|&b| n == 1 && score[b] >= MIN_RESTART) {
            score[i] = score[b] + 1;
            previous[i] = b;
        }
        for j in i.saturating_sub(LOOKBACK)..i {
            let m = candidates[j].1;
            let pages = page_of(i).saturating_sub(page_of(j));
            let step = MAX_STEP * (1 + pages);
            if m < n && n <= m + step && score[j] + 1 >= score[i] && score[j] + 1 > 1 {
                score[i] = score[j] + 1;
                previous[i] = j;
            }
        }
        if best_so_far.is_none_or(|b| score[i] > score[b]) {
            best_so_far = Some(i);
        }
    }
    let mut chain = Vec::new();
    let mut at = best_so_far.unwrap_or(usize::MAX);
    while at != usize::MAX {
        chain.push(at);
        at = previous[at];
    }
    chain.reverse();
    // A count of one or two notes starts at the start ("1", "2"): in a text
    // without notes, wrapped lines that happen to open with numbers ("16
    // million Yemenis…", "1986 by World Bible…") would otherwise each start
    // a page's notes.
    let opens_count = chain.first().is_some_and(|&c| candidates[c].1 <= MAX_STEP);
    if chain.len() < MIN_RESTART && !opens_count {
        chain.clear();
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{paragraph, wrap};
    use super::*;

    #[test]
    fn reads_clean_and_garbled_markers() {
        let m = |s: &str| marker(s).map(|m| m.number);
        assert_eq!(m("7"), Some(Some(7)));
        assert_eq!(m("45 Dhillon 11/21/17 302, at 10."), Some(Some(45)));
        assert_eq!(m("'8 See, e.g., Meet the Press"), Some(None));
        assert_eq!(m("\"2 See, e.g., @realDonaldTrump"), Some(None));
        assert_eq!(m("2� See id."), Some(None));
        // Debris is counted in characters: a replacement character is three bytes.
        assert_eq!(m("'�7 Hearing on the matter"), Some(None));
        assert_eq!(m("'\"*!7 Hearing on the matter"), None);
        // OCR reads a Bates number's S as a dollar sign.
        assert_eq!(m("12 $MB_000123 (Board Notes)"), Some(Some(12)));
        assert_eq!(m("% Statement of Offense at 2-3"), Some(None));
        // A raised number read as a degree sign, its digits lost.
        assert_eq!(m("° Twitter, Update on Twitter's Review"), Some(None));
        assert_eq!(m("TM Porter 4/13/18 302, at 11"), Some(None));
        assert_eq!(m("TMobile said"), None);
        // Tesseract runs the raised number into the note's first word.
        assert_eq!(m("259McFarland 12/22/17 302, at 17."), Some(Some(259)));
        assert_eq!(m("®71Cohen 9/12/18 302, at 8-9."), Some(None));
        assert_eq!(m("664RG000061 (6/3/16 Email)"), Some(Some(664)));
        assert_eq!(m("206F lynn 11/17/17 302, at 8."), Some(Some(206)));
        assert_eq!(m("3D printing took off"), None);
        assert_eq!(m("4K screens"), None);
        assert_eq!(m("4.12 The health visitor"), None);
        assert_eq!(m("2016, the media reported"), None);
        assert_eq!(m("1) first item"), None);
        assert_eq!(m("302"), Some(Some(302)));
        assert_eq!(m("12345 too long"), None);
        assert_eq!(
            m("1074 6/23/17 Letter, Counsel to Office"),
            Some(Some(1074))
        );
        assert_eq!(m("28 12 witnesses"), None);
        // A raised number run into the numeric date the note cites.
        assert_eq!(m("2753/1/17 Email, Comey to Rybicki"), Some(Some(275)));
        assert_eq!(m("10479/17/18 Letter"), Some(Some(1047)));
        assert_eq!(m("73111/29/18 Letter"), Some(Some(731)));
        assert_eq!(m("10746 /23/17 Letter"), Some(Some(1074)));
        // Tesseract's debris before a raised number.
        assert_eq!(m("?5Cohen 8/7/18 302, at 8"), Some(None));
        assert_eq!(m("%>1Cohen 9/18/18 302, at 6."), Some(None));
        assert_eq!(m("? What then"), None);
        assert_eq!(m("3/1/17 Email"), None);
        assert_eq!(m("12/1/17 Email"), None);
        assert_eq!(m("13/1/17 the health visitor"), None);
    }

    /// Each line of `text` with its role once furniture and notes are marked.
    fn roles(text: &str) -> Vec<(String, Role)> {
        let mut layout = Layout::new(text);
        super::super::furniture::mark(&mut layout);
        mark(&mut layout);
        (0..layout.lines.len())
            .map(|i| (layout.text_of(i).to_string(), layout.lines[i].role))
            .collect()
    }

    /// The role of the line reading `text`, if there is one.
    fn role_of(roles: &[(String, Role)], text: &str) -> Option<Role> {
        roles.iter().find(|(t, _)| t == text).map(|&(_, r)| r)
    }

    /// The role of the first line starting with `prefix`.
    fn role_in(roles: &[(String, Role)], prefix: &str) -> Option<Role> {
        roles
            .iter()
            .find(|(t, _)| t.starts_with(prefix))
            .map(|&(_, r)| r)
    }

    #[test]
    fn a_line_of_run_together_notes_is_a_zone() {
        let notes = "@realDonaldTrump 6/16/15 Tweet. 12 See, e.g., Meet the Press, NBC (Dec. 20, 2015). \
                     13 Interview of the witness, quoted in the paper. 14 Another report of the meeting, as told.";
        let text = [
            first_page(),
            page(2, &[], &[notes]),
            page(
                3,
                &[],
                &[
                    "15 Letter to the editor, May 1.",
                    "16 Brown 2/3/18 302, at 4.",
                ],
            ),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(
            role_in(&roles, "@realDonaldTrump"),
            Some(Role::FootnoteStart)
        );
    }

    #[test]
    fn notes_whose_numbers_run_into_a_date_open_their_zone() {
        // A PDF viewer's copy runs each raised number into the note's text,
        // here the date of the email it cites.
        let text = [
            first_page(),
            page(
                2,
                &[],
                &["10Interview of Brown, at 4.", "11Smith 2/3/18 302, at 5."],
            ),
            page(
                3,
                &[],
                &[
                    "123/1/17 Email, Comey to Rybicki.",
                    "133/2/17 Email, Brown to Smith.",
                ],
            ),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(
            role_of(&roles, "123/1/17 Email, Comey to Rybicki."),
            Some(Role::FootnoteStart)
        );
        assert_eq!(
            role_of(&roles, "133/2/17 Email, Brown to Smith."),
            Some(Role::FootnoteStart)
        );
    }

    #[test]
    fn a_long_note_in_note_type_does_not_hide_the_markers_above_it() {
        // OCR garbled every number on the page, and its last note runs on
        // for many lines set wider than the body.
        let long_note = wrap(&paragraph(40, 9), 84);
        let mut notes = vec!["®3Cohen 9/18/18 302, at 5-6.", "®4Cohen 9/18/18 302, at 6."];
        let last = format!("©5Cohen 11/12/18 302, at 2-3. {}", long_note.join(" "));
        let last = wrap(&last, 84);
        notes.extend(last.iter().map(String::as_str));
        let text = [first_page(), page(2, &[], &notes)].concat();
        let roles = roles(&text);
        assert_eq!(
            role_in(&roles, "®3Cohen"),
            Some(Role::FootnoteStart),
            "{roles:?}"
        );
        assert_eq!(role_in(&roles, "©5Cohen"), Some(Role::FootnoteStart));
    }

    /// A page of wrapped prose (with extra lines) followed by its notes.
    /// Page 1 with notes 1 and 2: the trusted start of the note count.
    #[test]
    fn a_run_of_note_numbers_alone_at_a_page_top_is_no_body_text() {
        // pdftotext sets a redacted passage's note numbers apart at the top
        // of the next page, as well as before their notes at its foot. A
        // run no note repeats ("8" / "9", figures of a table) is left alone.
        let second = page(2, &[], &["3 Brown 2/3/18 302, at 4.", "4 Ibid."]);
        let second = second.replacen("\n\n", "\n\n8\n9\n", 1);
        let third = page(3, &[], &["5 Letter to the editor, May 1.", "6 Ibid."]);
        let third = third.replacen("\n\n", "\n\n5\n\n6\n", 1);
        let text = [first_page(), second, third].concat();
        let roles = roles(&text);
        assert_eq!(role_of(&roles, "5"), Some(Role::FootnoteStart));
        assert_eq!(role_of(&roles, "6"), Some(Role::FootnoteStart));
        assert_eq!(role_in(&roles, "5 Letter"), Some(Role::FootnoteStart));
        assert_eq!(role_of(&roles, "8"), Some(Role::Body));
        assert_eq!(role_of(&roles, "9"), Some(Role::Body));
        let third_page_text = roles
            .iter()
            .rev()
            .find(|(t, _)| t.starts_with("The brewery"));
        assert_eq!(third_page_text.map(|&(_, r)| r), Some(Role::Body));
    }

    fn first_page() -> String {
        page(
            1,
            &[],
            &[
                "1 Smith v. Jones, 12 F.3d 45 (1999).",
                "2 Interview of Brown, at 3.",
            ],
        )
    }

    fn page(n: usize, extra: &[&str], notes: &[&str]) -> String {
        let mut s = String::from("Running header of the report\n\n");
        for line in wrap(&paragraph(n * 5, 6), 72)
            .iter()
            .map(String::as_str)
            .chain(extra.iter().copied())
        {
            s.push_str(line);
            s.push('\n');
        }
        for note in notes {
            s.push_str(note);
            s.push('\n');
        }
        s.push_str(&format!("Page {n}\n\x0c"));
        s
    }

    #[test]
    fn lines_that_happen_to_open_with_numbers_start_no_notes() {
        // OCR of a text without notes: wrapped lines opening with a figure
        // or a year, rising from page to page as note numbers would.
        let text = [
            page(
                1,
                &["16 million Yemenis living in Houthi-held areas lost power."],
                &[],
            ),
            page(
                2,
                &["1986 by World Bible Publishing, he said, and read it."],
                &[],
            ),
            page(
                3,
                &["2013 because it did not feel right, and he survived."],
                &[],
            ),
        ]
        .concat();
        let roles = roles(&text);
        assert!(
            roles
                .iter()
                .all(|(_, r)| *r == Role::Body || *r == Role::Furniture),
            "{roles:?}"
        );
    }

    #[test]
    fn numbered_section_headings_are_no_notes() {
        // An official review: "2 Background" opens a section mid-page and the
        // section numbers rise page by page as note numbers would.
        let section = |n: usize, title: &str, notes: &[&str]| {
            let mut body = vec![format!("{n} {title}")];
            for k in 1..=2 {
                let text = format!("{n}.{k} {}", paragraph(n * 7 + k, 4));
                body.extend(wrap(&text, 72));
            }
            let body: Vec<&str> = body.iter().map(String::as_str).collect();
            page(n, &body, notes)
        };
        let text = [
            section(1, "Introduction", &[]),
            section(2, "Background to the review", &[]),
            section(3, "Chronology of agency involvement", &[]),
            section(
                4,
                "Analysis of practice",
                &["1 Working Together, 2018, at 12."],
            ),
            section(5, "Findings", &["2 Interview of the health visitor, at 3."]),
        ]
        .concat();
        let roles = roles(&text);
        for heading in [
            "2 Background to the review",
            "3 Chronology of agency involvement",
            "4 Analysis of practice",
        ] {
            assert_eq!(role_of(&roles, heading), Some(Role::Body), "{heading}");
        }
        assert_eq!(role_in(&roles, "4.2 "), Some(Role::Body));
        assert_eq!(
            role_in(&roles, "1 Working Together"),
            Some(Role::FootnoteStart)
        );
        assert_eq!(role_in(&roles, "2 Interview"), Some(Role::FootnoteStart));
    }

    #[test]
    fn marks_zones_that_continue_the_footnote_count() {
        let text = [
            page(
                1,
                &["28 C.F.R. § 600.4(a). Because of that description of our jurisdiction, we sought.1"],
                &["1", "Smith v. Jones, 12 F.3d 45 (1999).", "2", "Interview of Brown, at 3."],
            ),
            page(
                2,
                &["More body text."],
                &["3 Memorandum of the board.", "'4 Garbled record of a call."],
            ),
            page(3, &[], &["5 Letter to the editor, May 1."]),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_of(&roles, "1"), Some(Role::FootnoteStart));
        assert_eq!(
            role_of(&roles, "Smith v. Jones, 12 F.3d 45 (1999)."),
            Some(Role::Footnote)
        );
        assert_eq!(role_of(&roles, "2"), Some(Role::FootnoteStart));
        assert_eq!(
            role_of(&roles, "3 Memorandum of the board."),
            Some(Role::FootnoteStart)
        );
        assert_eq!(
            role_of(&roles, "'4 Garbled record of a call."),
            Some(Role::FootnoteStart)
        );
        assert_eq!(
            role_of(&roles, "28 C.F.R. § 600.4(a). Because of that description of our jurisdiction, we sought.1"),
            Some(Role::Body)
        );
        assert_eq!(role_of(&roles, "More body text."), Some(Role::Body));
    }

    #[test]
    fn a_note_carried_over_for_one_line_is_a_note() {
        let text = [
            page(
                1,
                &[],
                &["1 Smith v. Jones, 12 F.3d 45 (1999); see also the board's letter of"],
            ),
            page(
                2,
                &["Priebus 1/18/18 302, at 9; Flynn 11/17/17 302, at 10."],
                &["2 Interview of Brown, at 3."],
            ),
            page(3, &[], &["3 Letter to the editor, May 1."]),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(
            role_of(
                &roles,
                "Priebus 1/18/18 302, at 9; Flynn 11/17/17 302, at 10."
            ),
            Some(Role::FootnoteStart)
        );
    }

    /// A paragraph's short last line with its note's number raised after
    /// the full stop reads like no reference: it is not taken for the rest
    /// of the note left unfinished on the page before.
    #[test]
    fn a_short_last_line_with_a_note_reference_is_body_text() {
        let last = "President, were being investigated.312";
        let text = [
            page(
                1,
                &[],
                &["1 Smith v. Jones, 12 F.3d 45 (1999); see also the board's letter of"],
            ),
            page(2, &[last], &["2 Interview of Brown, at 3."]),
            page(3, &[], &["3 Letter to the editor, May 1."]),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_of(&roles, last), Some(Role::Body));
        assert_eq!(role_in(&roles, "2 Interview"), Some(Role::FootnoteStart));
        assert!(citation_like("Donaldson 11/6/17 302, at 13."));
        assert!(!citation_like("were being investigated.312 and"));
        assert!(citation_like("the Classified-0000140–44 Email to"));
    }

    /// A blank line parts a page's body from its notes (OCR): the body's
    /// last line above it is never a note carried over, however wide.
    #[test]
    fn no_note_is_carried_over_across_a_blank_line() {
        let last =
            "and the board wrote back to them within the week, just as the chair had asked it to.";
        let rest = "the chair, dated May 1 and filed with the minutes of the board's next meeting.";
        let with_page_two = |extra: &[&str]| {
            let text = [
                page(
                    1,
                    &[],
                    &["1 Smith v. Jones, 12 F.3d 45 (1999); see also the board's letter of"],
                ),
                page(2, extra, &["2 Interview of Brown, at 3."]),
                page(3, &[], &["3 Letter to the editor, May 1."]),
            ]
            .concat();
            roles(&text)
        };
        let parted = with_page_two(&[last, ""]);
        assert_eq!(role_of(&parted, last), Some(Role::Body));
        assert_eq!(role_in(&parted, "2 Interview"), Some(Role::FootnoteStart));
        let carried = with_page_two(&[last, "", rest]);
        assert_eq!(role_of(&carried, rest), Some(Role::FootnoteStart));
        assert_eq!(role_of(&carried, last), Some(Role::Body));
    }

    /// The rest of an unfinished note, found by its references, opens the
    /// next page's zone without a marker: the body lines above it, however
    /// wide, are not more of the note.
    #[test]
    fn nothing_is_carried_over_above_a_zone_opening_without_a_marker() {
        let wide =
            "and the board wrote back to them within the week, just as the chair had asked it to";
        let last = "do at the time.";
        let rest = "Brown 2/3/18 302, at 4. 3 Letter of May 1, 2018. 4 Smith 1/2/18 302, at 5.";
        let text = [
            page(
                1,
                &[],
                &["1 Smith v. Jones, 12 F.3d 45 (1999); see also the board's letter of"],
            ),
            page(2, &[wide, last, rest], &["5 Interview of Brown, at 3."]),
            page(3, &[], &["6 Letter to the editor, May 1."]),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_of(&roles, rest), Some(Role::FootnoteStart));
        assert_eq!(role_of(&roles, last), Some(Role::Body));
        assert_eq!(role_of(&roles, wide), Some(Role::Body));
    }

    /// The rest of an unfinished note that OCR ran into one long line,
    /// opening in lower case right after the body's last sentence: no body
    /// line goes on there, so it is the note's.
    #[test]
    fn a_line_opening_in_lower_case_after_a_sentence_end_is_carried_over() {
        let last = "The board met again in the spring.";
        let rest = "the minutes of the meeting, which the chair signed and filed with the board's \
                    other papers the same week, as its rules required of every meeting it held that year.";
        let text = [
            page(
                1,
                &[],
                &["1 Smith v. Jones, 12 F.3d 45 (1999); see also the board's letter of"],
            ),
            page(2, &[last, rest], &["2 Interview of Brown, at 3."]),
            page(3, &[], &["3 Letter to the editor, May 1."]),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_of(&roles, rest), Some(Role::FootnoteStart));
        assert_eq!(role_of(&roles, last), Some(Role::Body));
    }

    #[test]
    fn an_unwrapped_line_with_a_garbled_number_opens_notes() {
        let note = "691 When this Office first interviewed the witness about this topic, he was reluctant to \
                    share what he recalled of the meeting, and he later said that he had not kept notes of it.";
        let year = "2016 release of the documents was discussed at length by the committee, which heard from \
                    the witnesses and the board and then adjourned without a vote on the matter at hand.";
        let text = [
            first_page(),
            page(2, &[], &[note]),
            page(
                3,
                &[],
                &[
                    "3 Letter to the editor, May 1.",
                    "4 Brown 2/3/18 302, at 4.",
                ],
            ),
            page(4, &[], &[year]),
            page(
                5,
                &[],
                &[
                    "5 Letter to the editor, May 1.",
                    "6 Brown 2/3/18 302, at 4.",
                ],
            ),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_in(&roles, "691 When"), Some(Role::FootnoteStart));
        assert_eq!(role_in(&roles, "2016 release"), Some(Role::Body));
    }

    #[test]
    fn a_misread_number_as_wide_as_the_first_opens_a_note() {
        let text = [
            page(
                1,
                &[],
                &[
                    "314 Interview of Brown, at 3.",
                    "315 Letter to the editor, May 1.",
                ],
            ),
            page(
                2,
                &[],
                &[
                    "344 Hearing on the matter before the committee, as told.",
                    "317 Interview of Smith, at 5.",
                ],
            ),
            page(
                3,
                &[],
                &[
                    "318 Interview of Brown, at 3.",
                    "319 Letter to the editor, May 1.",
                ],
            ),
        ]
        .concat();
        let roles = roles(&text);
        assert_eq!(role_in(&roles, "344 Hearing"), Some(Role::FootnoteStart));
    }

    #[test]
    fn numbered_paragraphs_are_not_footnotes() {
        let mut text = String::new();
        for p in 1..=4 {
            text.push_str("Running header of the report\n\nCarried over from the page before.\n");
            for k in 1..=3 {
                let number = (p - 1) * 3 + k;
                for (i, line) in wrap(&paragraph(number * 2, 2), 72).into_iter().enumerate() {
                    if i == 0 {
                        text.push_str(&format!("{number} "));
                    }
                    text.push_str(&line);
                    text.push('\n');
                }
            }
            text.push_str(&format!("{p}\n\x0c"));
        }
        let mut layout = Layout::new(&text);
        super::super::furniture::mark(&mut layout);
        mark(&mut layout);
        assert!(layout
            .lines
            .iter()
            .all(|l| matches!(l.role, Role::Body | Role::Furniture)));
    }
}
