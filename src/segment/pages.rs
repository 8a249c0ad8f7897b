//! Pages: text copied out of a PDF viewer has no form feeds, yet running
//! headers, page numbers and the footnotes at page bottoms are found page by
//! page, and a paragraph broken by a page must be rejoined. So page ends are
//! inferred from anchors the pages leave behind: a run of page numbers that
//! count up, or failing that a running header or footer recurring at regular
//! distances. The later stages then read the inferred pages as they read
//! pages cut at form feeds.

use std::cmp::Reverse;

use rustc_hash::FxHashMap;

use super::furniture::{for_each_trigram, page_number};
use super::lines::{Layout, Role};

/// Consecutive page numbers at least this many lines apart seed the run
/// (footnote markers come closer than pages do); closer ones, as on a short
/// last page of a chapter, are only taken to extend it. Running lines must
/// recur at least this far apart.
const MIN_PAGE_LINES: usize = 10;
/// Or at least this many bytes apart: OCR that runs each paragraph into one
/// line leaves few lines on a page.
const MIN_PAGE_BYTES: usize = 1500;
/// How many earlier candidates a link of the run may reach back over.
const LOOKBACK: usize = 40;
/// The next page number is looked for within this many median page lengths.
const REACH: usize = 3;
/// The count may skip this many numbers less one where OCR lost them or
/// glued them to the page's last line.
const MAX_STEP: u32 = 2;
/// A run needs this many anchors to be trusted.
const MIN_ANCHORS: usize = 3;
/// A running line recurs at most this many lines apart: no printed page
/// holds more lines. A paragraph's last line that a report repeats in a
/// few sections far apart ("obstruction of justice:") recurs regularly too.
const MAX_PAGE_LINES: usize = 200;
/// Running lines longer than this (in bytes) are body text.
const MAX_RUNNING_BYTES: usize = 160;
/// Running lines need this many letters, so short labels ("Id.") do not count.
const MIN_RUNNING_LETTERS: usize = 8;

/// Cuts an unpaged layout into the pages its anchors show. The page numbers
/// stay body lines: each now sits at a page edge, where furniture marking
/// finds them with the others.
pub fn infer(layout: &mut Layout) {
    if let Some(run) = page_number_run(layout) {
        let starts = page_starts(layout, &run);
        let starts = with_lost_pages(layout, &run, &starts);
        split(layout, &starts);
    } else if let Some(starts) = running_line_starts(layout) {
        split(layout, &starts);
    }
}

/// Where the pages after the page numbers of `run` start: after the number,
/// unless the line after it is no running line but the lines just above it
/// are (they recur above at least half the numbers): a running header over
/// page numbers at the top of the page, which starts before the header.
fn page_starts(layout: &Layout, run: &[(usize, u32)]) -> Vec<usize> {
    const HEADER_LINES: usize = 3;
    let key = |line: Option<usize>| line.and_then(|i| letter_key(layout.text_of(i), 1));
    let counts = |offset: isize| {
        let mut counts: FxHashMap<u64, usize> = FxHashMap::default();
        for &(line, _) in run {
            if let Some(k) = key(line.checked_add_signed(offset)) {
                *counts.entry(k).or_default() += 1;
            }
        }
        counts
    };
    let recurs = |counts: &FxHashMap<u64, usize>, line: Option<usize>| {
        key(line).is_some_and(|k| counts.get(&k).is_some_and(|&n| n * 2 >= run.len()))
    };
    let under = counts(1);
    let over: Vec<_> = (1..=HEADER_LINES as isize).map(|d| counts(-d)).collect();
    run.iter()
        .map(|&(line, _)| {
            if recurs(&under, Some(line + 1)) {
                return line + 1;
            }
            let header = (1..=HEADER_LINES)
                .take_while(|&d| recurs(&over[d - 1], line.checked_sub(d)))
                .count();
            if header > 0 {
                line - header
            } else {
                line + 1
            }
        })
        .collect()
}

/// `starts` with the starts of the pages whose numbers OCR lost, misread
/// ("4l") or glued to the page's last line ("… at 9. 32"): where the count
/// skips one number between two anchors, the page between them opens at the
/// line most like the lines the other pages open with (their running
/// header, however garbled), when one is about as alike as they are to each other.
fn with_lost_pages(layout: &Layout, run: &[(usize, u32)], starts: &[usize]) -> Vec<usize> {
    let openings = Openings::learn(layout, starts);
    let mut out = Vec::with_capacity(starts.len() + 8);
    for (k, &start) in starts.iter().enumerate() {
        out.push(start);
        let (Some(&next), Some(&(_, n)), Some(&(_, m))) =
            (starts.get(k + 1), run.get(k), run.get(k + 1))
        else {
            continue;
        };
        if m == n + 2 {
            out.extend(openings.likeliest(layout, start + 1..next));
        }
    }
    out
}

/// What the lines that open pages share: for each letter trigram, how many
/// of them hold it.
struct Openings {
    /// Trigram hash to the number of opening lines that hold it.
    counts: FxHashMap<u32, u32>,
    /// How many opening lines were counted.
    lines: u32,
    /// The median score of the opening lines themselves.
    typical: f32,
}

impl Openings {
    fn learn(layout: &Layout, starts: &[usize]) -> Self {
        let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
        let mut lines = 0;
        let mut seen = Vec::new();
        for &start in starts {
            if distinct_trigrams(layout, start, &mut seen) {
                lines += 1;
                for &t in &seen {
                    *counts.entry(t).or_default() += 1;
                }
            }
        }
        let mut openings = Openings {
            counts,
            lines,
            typical: 0.0,
        };
        let mut scores: Vec<f32> = starts
            .iter()
            .filter_map(|&start| openings.score(layout, start, &mut seen))
            .collect();
        let middle = scores.len() / 2;
        if middle < scores.len() {
            openings.typical = *scores.select_nth_unstable_by(middle, f32::total_cmp).1;
        }
        openings
    }

    /// How much line `i` looks like a page opening: the trigrams it shares
    /// with at least half the opening lines, each weighed by the share of
    /// them that hold it; `None` for lines that cannot be running lines.
    fn score(&self, layout: &Layout, i: usize, seen: &mut Vec<u32>) -> Option<f32> {
        if !distinct_trigrams(layout, i, seen) {
            return None;
        }
        let lines = self.lines as f32;
        Some(
            seen.iter()
                .filter_map(|t| self.counts.get(t))
                .filter(|&&n| n * 2 >= self.lines)
                .map(|&n| n as f32 / lines)
                .sum(),
        )
    }

    /// The line in `range` most like a page opening, if it scores at least
    /// half what opening lines typically do.
    fn likeliest(&self, layout: &Layout, range: std::ops::Range<usize>) -> Option<usize> {
        if self.typical < MIN_RUNNING_LETTERS as f32 {
            return None;
        }
        let mut seen = Vec::new();
        range
            .filter_map(|i| Some((i, self.score(layout, i, &mut seen)?)))
            .filter(|&(_, score)| score * 2.0 >= self.typical)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(i, _)| i)
    }
}

/// Fills `seen` with the distinct trigrams of body line `i`, when it is
/// short enough to be a running line.
fn distinct_trigrams(layout: &Layout, i: usize, seen: &mut Vec<u32>) -> bool {
    seen.clear();
    let Some(line) = layout.lines.get(i) else {
        return false;
    };
    if line.role != Role::Body || line.end - line.start > MAX_RUNNING_BYTES {
        return false;
    }
    for_each_trigram(layout.text_of(i), |t| seen.push(t));
    seen.sort_unstable();
    seen.dedup();
    true
}

/// Sets the pages of `layout` to begin at `starts` (ascending line indices;
/// any out of order are dropped).
fn split(layout: &mut Layout, starts: &[usize]) {
    let mut pages = Vec::with_capacity(starts.len() + 1);
    let mut first = 0;
    for &start in starts {
        if start > first && start < layout.lines.len() {
            pages.push(first..start);
            first = start;
        }
    }
    pages.push(first..layout.lines.len());
    for (p, range) in pages.iter().enumerate() {
        for line in &mut layout.lines[range.clone()] {
            line.page = p as u32;
        }
        if let Some(line) = layout.lines.get_mut(range.start) {
            line.blank_before = false;
        }
    }
    layout.pages = pages;
}

/// The median distance between consecutive anchors at `positions`, when it
/// is at least `min_median` and most distances are within a factor of three
/// of it (pages are about equally long).
fn regular_spacing(
    positions: impl Iterator<Item = usize> + Clone,
    min_median: usize,
) -> Option<usize> {
    let mut gaps: Vec<usize> = positions
        .clone()
        .zip(positions.skip(1))
        .map(|(a, b)| b - a)
        .collect();
    if gaps.len() + 1 < MIN_ANCHORS {
        return None;
    }
    gaps.sort_unstable();
    let median = gaps[gaps.len() / 2];
    let irregular = gaps
        .iter()
        .filter(|&&g| g * 3 < median || g > median * 3)
        .count();
    (median >= min_median && irregular * 5 <= gaps.len()).then_some(median)
}

/// The page numbers of the text with their lines: the longest evenly spaced
/// run of numbers counting up, extended at both ends to the numbers that
/// continue it.
fn page_number_run(layout: &Layout) -> Option<Vec<(usize, u32)>> {
    let candidates: Vec<(usize, u32)> = (0..layout.lines.len())
        .filter(|&i| layout.lines[i].role == Role::Body)
        .filter_map(|i| {
            let n = page_number(layout.text_of(i))?;
            (n > 0).then_some((i, n))
        })
        .collect();
    let run = longest_run(layout, &candidates);
    let median = regular_spacing(run.iter().map(|&(line, _)| layout.lines[line].start), 0)?;
    Some(extend(layout, &candidates, &run, median * REACH))
}

/// The longest chain of candidates whose numbers go up by one, at least
/// `MIN_PAGE_LINES` or `MIN_PAGE_BYTES` apart.
fn longest_run(layout: &Layout, candidates: &[(usize, u32)]) -> Vec<(usize, u32)> {
    let far_apart = |a: usize, b: usize| {
        b >= a + MIN_PAGE_LINES || layout.lines[b].start >= layout.lines[a].end + MIN_PAGE_BYTES
    };
    let mut length = vec![1usize; candidates.len()];
    let mut previous = vec![usize::MAX; candidates.len()];
    for i in 0..candidates.len() {
        let (line, n) = candidates[i];
        for j in i.saturating_sub(LOOKBACK)..i {
            let (line_j, n_j) = candidates[j];
            if n_j + 1 == n && far_apart(line_j, line) && length[j] + 1 > length[i] {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        }
    }
    let Some(mut at) = (0..candidates.len()).max_by_key(|&i| length[i]) else {
        return Vec::new();
    };
    let mut run = vec![candidates[at]];
    while let Some(&p) = previous.get(at) {
        if p == usize::MAX {
            break;
        }
        run.push(candidates[p]);
        at = p;
    }
    run.reverse();
    run
}

/// `run` with each number re-chosen among the candidates of the same value
/// between its neighbours, and continued before and after with the numbers
/// that follow the count within `reach` bytes (a page number may be missing). Where a footnote marker reads
/// like the page number, the one whose neighbouring lines recur most next to
/// other candidates (the running header after it, say) wins, and between
/// equals the later one: notes come above the page number at a page's foot.
fn extend(
    layout: &Layout,
    candidates: &[(usize, u32)],
    run: &[(usize, u32)],
    reach: usize,
) -> Vec<(usize, u32)> {
    let affinity = Affinity::learn(layout, candidates);
    // The best candidate numbered `value` on lines `lo..hi`.
    let pick = |value: u32, lo: usize, hi: usize| {
        let from = candidates.partition_point(|c| c.0 < lo);
        let to = candidates.partition_point(|c| c.0 < hi);
        candidates[from..to.max(from)]
            .iter()
            .filter(|c| c.1 == value)
            .max_by_key(|c| (affinity.of(layout, c.0), c.0))
            .copied()
    };
    let mut out = Vec::with_capacity(run.len());
    let lines = &layout.lines;
    // The page numbered `value - step` (or `value + step`) before (or after) line `at`.
    let step_back = |at: usize, value: u32, step: u32| {
        let lo = lines.partition_point(|l| l.start + reach * (step as usize) < lines[at].start);
        pick(value.checked_sub(step)?, lo, at)
    };
    let step_on = |at: usize, value: u32, step: u32| {
        let hi = lines.partition_point(|l| l.start <= lines[at].start + reach * (step as usize));
        pick(value + step, at + 1, hi)
    };
    let (mut hi, mut value) = run[0];
    while let Some(c) = (1..=MAX_STEP).find_map(|step| step_back(hi, value, step)) {
        out.push(c);
        (hi, value) = c;
    }
    out.reverse();
    for (k, &member) in run.iter().enumerate() {
        let lo = out.last().map_or(0, |&(line, _)| line + 1);
        let hi = run.get(k + 1).map_or(layout.lines.len(), |&(line, _)| line);
        out.push(pick(member.1, lo, hi).unwrap_or(member));
    }
    let (mut lo, mut value) = out[out.len() - 1];
    while let Some(c) = (1..=MAX_STEP).find_map(|step| step_on(lo, value, step)) {
        out.push(c);
        (lo, value) = c;
    }
    out
}

/// How often each line before and after a candidate page number recurs next
/// to the other candidates (letters only): next to page numbers the running
/// header or footer recurs, next to footnote markers the notes differ.
struct Affinity {
    before: FxHashMap<u64, u32>,
    after: FxHashMap<u64, u32>,
}

impl Affinity {
    fn learn(layout: &Layout, candidates: &[(usize, u32)]) -> Self {
        let mut before: FxHashMap<u64, u32> = FxHashMap::default();
        let mut after: FxHashMap<u64, u32> = FxHashMap::default();
        for &(line, _) in candidates {
            let (b, a) = neighbours(layout, line);
            if let Some(b) = b {
                *before.entry(b).or_default() += 1;
            }
            if let Some(a) = a {
                *after.entry(a).or_default() += 1;
            }
        }
        Affinity { before, after }
    }

    /// The affinity of candidate `line`: how many other candidates share its neighbours.
    fn of(&self, layout: &Layout, line: usize) -> u32 {
        let (b, a) = neighbours(layout, line);
        let count = |map: &FxHashMap<u64, u32>, key: Option<u64>| {
            key.and_then(|k| map.get(&k))
                .map_or(0, |&n| n.saturating_sub(1))
        };
        count(&self.before, b) + count(&self.after, a)
    }
}

/// The letter keys of the lines before and after `line`.
fn neighbours(layout: &Layout, line: usize) -> (Option<u64>, Option<u64>) {
    let key = |i: usize| letter_key(layout.text_of(i), 1);
    (line.checked_sub(1).and_then(key), key(line + 1))
}

/// A hash of the letters of `line`, lower-cased, digits and punctuation
/// ignored, so "Page 3 of 40" and "Page 4 of 40" hash alike; `None` when it
/// has fewer than `min_letters`.
fn letter_key(line: &str, min_letters: usize) -> Option<u64> {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    let mut letters = 0;
    for c in line.chars().filter(|c| c.is_alphabetic()) {
        for l in c.to_lowercase() {
            hash = (hash ^ u64::from(l)).wrapping_mul(0x100_0000_01b3);
        }
        letters += 1;
    }
    (letters >= min_letters).then_some(hash)
}

/// Where pages start, from the line that recurs most often at regular
/// distances in wrapped text: before each occurrence when it is a header,
/// after it when it is a footer (it is a header when it comes sooner after
/// the text's start than it ends before the text's end).
fn running_line_starts(layout: &Layout) -> Option<Vec<usize>> {
    layout.wrap_width()?;
    let mut occurrences: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    for (i, line) in layout.lines.iter().enumerate() {
        let running = line.role == Role::Body
            && line.heading.is_none()
            && line.end - line.start <= MAX_RUNNING_BYTES
            && !layout.wrapped_title_tail(i);
        if !running {
            continue;
        }
        if let Some(key) = letter_key(layout.text_of(i), MIN_RUNNING_LETTERS) {
            occurrences.entry(key).or_default().push(i);
        }
    }
    let total = layout.lines.len();
    let lines = occurrences
        .into_values()
        .filter(|lines| {
            regular_spacing(lines.iter().copied(), MIN_PAGE_LINES)
                .is_some_and(|page| page <= MAX_PAGE_LINES && spans_text(lines, page, total))
        })
        .max_by_key(|lines| (lines.len(), Reverse(lines[0])))?;
    let first = lines[0];
    let last = lines[lines.len() - 1];
    let header = first <= layout.lines.len() - 1 - last;
    Some(
        lines
            .into_iter()
            .map(|line| if header { line } else { line + 1 })
            .collect(),
    )
}

/// Whether a line recurring at the sorted line indices `lines`, about
/// `page` lines apart, runs through a text of `total` lines as a running
/// header or footer does, from near its start to near its end: a section
/// label that every chapter repeats ("Overview") stops short of one.
fn spans_text(lines: &[usize], page: usize, total: usize) -> bool {
    let reach = REACH * page;
    let (first, last) = (lines[0], lines[lines.len() - 1]);
    first <= reach && total - 1 - last <= reach
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{kinds_and_texts, paragraph, sentence, wrap};
    use super::super::furniture;
    use super::*;
    use crate::model::ParagraphKind;

    const HEADER: &str = "Quarterly Review of the Harbour Board";

    /// A report of paragraphs wrapped at `width` and cut into pages of
    /// `sizes` lines, each under a running header and over the notes `notes`
    /// gives it and, when `numbered` says so, its page number; every page
    /// ends with a form feed.
    fn report(
        sizes: &[usize],
        width: usize,
        numbered: impl Fn(usize) -> bool,
        notes: impl Fn(usize) -> Vec<String>,
    ) -> String {
        let mut body = (0..20).flat_map(|k| wrap(&paragraph(k * 7, 7), width));
        let mut text = String::new();
        for (p, &size) in sizes.iter().enumerate() {
            let n = p + 1;
            text.push_str(HEADER);
            text.push_str("\n\n");
            for line in body.by_ref().take(size).chain(notes(n)) {
                text.push_str(&line);
                text.push('\n');
            }
            if numbered(n) {
                text.push_str(&format!("{n}\n"));
            }
            text.push('\x0c');
        }
        text
    }

    /// The lines of each page after furniture marking.
    fn pages_of(text: &str) -> Vec<Vec<String>> {
        let mut layout = Layout::new(text);
        furniture::mark(&mut layout);
        layout
            .pages
            .iter()
            .map(|r| r.clone().map(|i| layout.text_of(i).to_string()).collect())
            .collect()
    }

    fn assert_pages_come_back(text: &str) {
        let pasted = text.replace('\x0c', "");
        assert_eq!(pages_of(&pasted), pages_of(text));
    }

    /// A line that recurs at even distances longer than any page (a
    /// sentence several sections repeat) cuts no pages.
    #[test]
    fn a_line_recurring_further_apart_than_a_page_makes_no_pages() {
        let mut text = String::new();
        for k in 0..4 {
            text.push_str("as the committee set out in its findings:\n");
            for line in (0..45).flat_map(|j| wrap(&paragraph(k * 300 + j * 7, 7), 72)) {
                text.push_str(&line);
                text.push('\n');
            }
        }
        assert_eq!(pages_of(&text).len(), 1);
    }

    /// A label that the first sections repeat at about even distances is
    /// no running header: the text runs on far past its last use.
    #[test]
    fn a_label_repeated_by_the_first_sections_makes_no_pages() {
        let mut text = String::new();
        for k in 0..12 {
            if k < 6 {
                text.push_str("Overview of the Matter\n\n");
            }
            for line in wrap(&paragraph(k * 9, 9), 72) {
                text.push_str(&line);
                text.push('\n');
            }
            text.push('\n');
        }
        assert_eq!(pages_of(&text).len(), 1);
    }

    #[test]
    fn a_short_page_still_ends_at_its_number() {
        let text = report(&[14, 14, 3, 14, 14], 72, |_| true, |_| Vec::new());
        assert_eq!(pages_of(&text).len(), 5);
        assert_pages_come_back(&text);
    }

    #[test]
    fn a_note_numbered_like_its_page_ends_no_page() {
        let text = report(
            &[12; 6],
            72,
            |_| true,
            |n| {
                if n == 3 {
                    vec!["3".into(), "Letter from the harbour master, at 4.".into()]
                } else {
                    Vec::new()
                }
            },
        );
        assert_pages_come_back(&text);
    }

    #[test]
    fn pages_of_a_few_long_lines_come_back() {
        let text = report(&[3; 6], 700, |_| true, |_| Vec::new());
        assert_eq!(pages_of(&text).len(), 6);
        assert_pages_come_back(&text);
    }

    /// A page whose number was lost: the count goes on past it, and the
    /// page still ends where it did, before the next running header.
    #[test]
    fn a_page_whose_number_was_lost_ends_before_the_next_header() {
        let text = report(&[12; 8], 72, |n| n != 5, |_| Vec::new());
        assert_pages_come_back(&text);
        let pages = pages_of(&text.replace('\x0c', ""));
        let ends: Vec<&str> = pages
            .iter()
            .filter_map(|p| p.last())
            .map(String::as_str)
            .collect();
        assert_eq!(ends.len(), 8);
        assert_eq!(ends[3..6], ["4", ends[4], "6"]);
        assert!(ends[4].len() > 20, "{ends:?}");
    }

    /// OCR glued a page's number to its last line ("… in the district. 3"):
    /// no line reads as the number, yet the page ends there.
    #[test]
    fn a_page_number_glued_to_the_last_line_still_ends_its_page() {
        let text = report(&[12; 7], 72, |n| n != 3, |_| Vec::new());
        let mut pages: Vec<String> = text.split_inclusive('\x0c').map(String::from).collect();
        let third = &mut pages[2];
        third.insert_str(third.len() - "\n\x0c".len(), " 3");
        assert_pages_come_back(&pages.concat());
    }

    #[test]
    fn running_headers_cut_pages_without_numbers() {
        let text = report(&[14; 6], 72, |_| false, |_| Vec::new());
        assert_pages_come_back(&text);
        let pages = pages_of(&text.replace('\x0c', ""));
        assert_eq!(pages.len(), 6);
        assert!(pages.iter().all(|p| p[0] == HEADER));
    }

    #[test]
    fn unwrapped_text_with_a_recurring_line_stays_one_page() {
        let mut text = String::new();
        for k in 0..8 {
            for i in 0..11 {
                text.push_str(&paragraph(k * 11 + i, 1));
                text.push_str("\n\n");
            }
            text.push_str("Analysis of the evidence\n\n");
        }
        assert_eq!(Layout::new(&text).pages.len(), 1);
        assert_eq!(pages_of(&text).len(), 1);
    }

    #[test]
    fn page_numbers_under_the_header_give_the_paragraphs_of_paged_text() {
        let mut body = (0..20).flat_map(|k| wrap(&paragraph(k * 7, 7), 72));
        let mut text = String::new();
        for n in 1..=6 {
            text.push_str(&format!("{HEADER}\nPage {n} of 6\n\n"));
            for line in body.by_ref().take(13) {
                text.push_str(&line);
                text.push('\n');
            }
            text.push('\x0c');
        }
        let paged = kinds_and_texts(&text);
        assert!(paged.iter().all(|(_, t)| !t.contains("Harbour Board")));
        assert_eq!(kinds_and_texts(&text.replace('\x0c', "")), paged);
    }

    #[test]
    fn pasted_text_gives_the_paragraphs_and_notes_of_paged_text() {
        let text = report(
            &[13, 12, 4, 12, 13, 12],
            72,
            |_| true,
            |n| vec![format!("{n}"), sentence(500 + n)],
        );
        let paged = kinds_and_texts(&text);
        assert!(paged.iter().any(|(k, _)| *k == ParagraphKind::Footnote));
        assert_eq!(kinds_and_texts(&text.replace('\x0c', "")), paged);
    }
}
