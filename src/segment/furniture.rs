//! Page furniture: running headers and footers, page numbers and contents
//! leaders are marked so they never reach the compared text.
//!
//! Headers are found statistically, not by wording: a line near the top or
//! bottom of a page is furniture when most of its letter trigrams recur at
//! that page edge on several pages and seldom occur in the body, so OCR that
//! garbles a header differently on every page still matches. Text without
//! form feeds gets its pages back from [`pages`] first.

use rustc_hash::FxHashMap;

use super::footnotes::marker;
use super::lines::{Layout, Role};
use super::pages;

/// How many lines at the top and at the bottom of a page can be furniture
/// (the top zone wins where a short page has fewer lines).
const TOP_ZONE: usize = 4;
const BOTTOM_ZONE: usize = 3;
/// How many pages either side are compared with.
const WINDOW: usize = 5;
/// Share of a line's trigrams that must be edge trigrams for it to be a
/// header; footers must do better, as footnotes that cite the same sources
/// also recur at page bottoms.
const EDGE_SHARE: f32 = 0.3;
const FOOTER_SHARE: f32 = 0.5;
/// Trigram statistics need this many times more text than the page edges hold.
const BODY_TO_EDGE: usize = 3;
/// Lines with fewer trigrams are judged by exact repetition instead.
const MIN_TRIGRAMS: usize = 8;
/// Lines longer than this (in characters) are body text, never headers.
const MAX_HEADER_CHARS: usize = 160;

/// Marks every furniture line of `layout`.
pub fn mark(layout: &mut Layout) {
    mark_contents_leaders(layout);
    if !layout.paged() {
        pages::infer(layout);
    }
    if layout.paged() {
        mark_page_numbers(layout);
        mark_running_lines(layout);
    }
}

/// A page-number line's number, when the line is nothing but a page number
/// ("12", "- 12 -", "Page 12", "Page 12 of 40", "12/40", "xii").
pub fn page_number(line: &str) -> Option<u32> {
    let line = line.trim_matches(|c: char| matches!(c, '-' | '–' | '—' | ' ' | '|'));
    let lower = line.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("page")
        .map_or(lower.as_str(), str::trim_start);
    let number_end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let (digits, tail) = rest.split_at(number_end);
    if !digits.is_empty() && digits.len() <= 4 {
        let tail = tail.trim_start();
        let total = tail
            .strip_prefix("of")
            .or_else(|| tail.strip_prefix('/'))
            .map(str::trim);
        let tail_ok = tail.is_empty() || total.is_some_and(|t| is_digits(t, 4));
        return tail_ok.then(|| digits.parse().ok()).flatten();
    }
    (rest == lower && roman_value(rest).is_some()).then_some(0)
}

/// The value of a lower-case roman numeral up to 100 written the canonical
/// way ("xii", "xiv"), so that words like "civil" or "mix" are not numerals.
fn roman_value(s: &str) -> Option<u32> {
    const NUMERALS: [(&str, u32); 9] = [
        ("c", 100),
        ("xc", 90),
        ("l", 50),
        ("xl", 40),
        ("x", 10),
        ("ix", 9),
        ("v", 5),
        ("iv", 4),
        ("i", 1),
    ];
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let mut rest = s;
    let mut value = 0;
    for (numeral, v) in NUMERALS {
        let mut repeats = 0;
        while let Some(after) = rest.strip_prefix(numeral) {
            rest = after;
            value += v;
            repeats += 1;
            if repeats > 3 || (repeats > 1 && numeral.len() == 2) {
                return None;
            }
        }
    }
    (rest.is_empty() && value <= 100).then_some(value)
}

fn is_digits(s: &str, max: usize) -> bool {
    !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
}

/// Contents lines: a title, a leader of dots and a page number.
fn mark_contents_leaders(layout: &mut Layout) {
    for i in 0..layout.lines.len() {
        if is_contents_leader(layout.text_of(i)) {
            layout.lines[i].role = Role::Furniture;
        }
    }
}

fn is_contents_leader(line: &str) -> bool {
    let Some(body) = line.strip_suffix(|c: char| c.is_ascii_digit() || "ivxlc".contains(c)) else {
        return false;
    };
    let body = body.trim_end_matches(|c: char| c.is_ascii_digit() || "ivxlc".contains(c));
    let body = body.trim_end();
    let mut dots = 0;
    for c in body.chars().rev() {
        match c {
            '.' | '·' => dots += 1,
            '…' => dots += 3,
            ' ' => {}
            _ => break,
        }
    }
    dots >= 4 && body.len() < line.len()
}

/// Page numbers at the top or bottom edge of a page. Bare numbers must agree
/// with the page count (a steady offset), so footnote markers are left alone.
fn mark_page_numbers(layout: &mut Layout) {
    let mut found: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for (p, range) in layout.pages.iter().enumerate() {
        let body: Vec<usize> = range
            .clone()
            .filter(|&i| layout.lines[i].role == Role::Body)
            .collect();
        let edges = body.iter().take(2).chain(body.iter().rev().take(2));
        for &i in edges {
            let text = layout.text_of(i);
            if let Some(n) = page_number(text) {
                let bare = text.bytes().all(|b| b.is_ascii_digit());
                found.push((p, i, bare.then_some(n)));
            }
        }
    }
    let mut offsets: Vec<i64> = found
        .iter()
        .filter_map(|&(p, _, n)| n.map(|n| i64::from(n) - p as i64))
        .collect();
    offsets.sort_unstable();
    let mode = mode_of(&offsets);
    for (p, i, n) in found {
        let keep = match (n, mode) {
            (None, _) => true,
            (Some(n), Some((offset, support))) if support >= 2 => {
                (i64::from(n) - p as i64 - offset).abs() <= 1
            }
            _ => {
                let range = &layout.pages[p];
                i + 1 == range.end || i == range.start
            }
        };
        if keep {
            layout.lines[i].role = Role::Furniture;
        }
    }
}

/// The most frequent value of a sorted slice, with its count.
fn mode_of(sorted: &[i64]) -> Option<(i64, usize)> {
    let mut best: Option<(i64, usize)> = None;
    let mut i = 0;
    while i < sorted.len() {
        let j = sorted[i..].iter().take_while(|&&v| v == sorted[i]).count() + i;
        if best.is_none_or(|(_, n)| j - i > n) {
            best = Some((sorted[i], j - i));
        }
        i = j;
    }
    best
}

/// A line near a page edge, fingerprinted for comparison with other pages.
struct EdgeLine {
    line: usize,
    /// Position counted from its page edge (0 = first or last line).
    position: usize,
    /// Letters and digits, case kept, digit runs folded to one `#`.
    key: String,
    /// Sorted, distinct trigram hashes of `key`.
    trigrams: Vec<u32>,
}

/// How often a trigram occurs at page edges and elsewhere.
#[derive(Default, Clone, Copy)]
struct Occurrences {
    /// Pages whose top (or bottom) zone holds it.
    edge_pages: u32,
    /// Estimated number of other lines that hold it.
    elsewhere: u32,
    /// The last line counted, so each line counts once.
    last_line: u32,
}

/// Marks running headers (`top`) and footers: lines near a page edge made
/// mostly of trigrams that recur at that edge on several pages and occur
/// mostly there, not in the body; a line opening with a footnote marker is
/// never a footer. Lines too short to judge by trigrams, and
/// all lines of a text whose pages are too short to tell edge from body,
/// must recur exactly, at the same place, on several nearby pages.
fn mark_running_lines(layout: &mut Layout) {
    for top in [true, false] {
        let zones: Vec<Vec<EdgeLine>> = (0..layout.pages.len())
            .map(|p| edge_lines(layout, p, top))
            .collect();
        let needed = if layout.pages.len() >= 6 { 3 } else { 2 };
        let occurrences = count_occurrences(layout, &zones, needed);
        let edge_chars: usize = zones.iter().flatten().map(|e| e.key.len()).sum();
        let statistics = layout.text.len() >= BODY_TO_EDGE * edge_chars;
        let edge_trigram = |t: &u32| {
            occurrences
                .get(t)
                .is_some_and(|o| o.elsewhere <= o.edge_pages)
        };
        let footnote = |edge: &EdgeLine| !top && marker(layout.text_of(edge.line)).is_some();
        let mut furniture: Vec<(usize, &EdgeLine)> = Vec::new();
        for (p, zone) in zones.iter().enumerate() {
            let mut seen: Vec<&str> = Vec::new();
            for edge in zone {
                if seen.contains(&edge.key.as_str()) {
                    continue;
                }
                let share = if top { EDGE_SHARE } else { FOOTER_SHARE };
                let recurring = if footnote(edge) {
                    false
                } else if statistics && edge.trigrams.len() >= MIN_TRIGRAMS {
                    let shared = edge.trigrams.iter().filter(|t| edge_trigram(t)).count();
                    shared as f32 >= share * edge.trigrams.len() as f32
                } else {
                    let lo = p.saturating_sub(WINDOW);
                    let hi = (p + WINDOW + 1).min(zones.len());
                    (lo..hi)
                        .filter(|&q| q != p && repeats_exactly(edge, &zones[q]))
                        .count()
                        >= needed as usize
                };
                if recurring {
                    furniture.push((p, edge));
                    seen.push(&edge.key);
                }
            }
        }
        let garbled = garbled_running_lines(&zones, &furniture, footnote);
        for i in furniture.iter().map(|(_, edge)| edge.line).chain(garbled) {
            layout.lines[i].role = Role::Furniture;
        }
    }
}

/// Share of a running line's trigrams that a line at the same place on a
/// nearby page must hold to be that line with garbage run into it.
const GARBLED_HOLDS: f32 = 0.6;

/// The edge lines of pages where no running line was found (`found`, by
/// page) that hold most of one found at about the same place on a nearby
/// page: OCR runs the rest of a header's garbled words into it ("…
/// Attorney-WorkPreduet // PreMay-Centi teMaterileted-tFen d-R-Crd"), and
/// what it adds is no header's, so too few of its trigrams recur. A page
/// with its running line found keeps the rest of its edge: a title that
/// repeats the header is the page's own. A `footnote` is never furniture.
fn garbled_running_lines(
    zones: &[Vec<EdgeLine>],
    found: &[(usize, &EdgeLine)],
    footnote: impl Fn(&EdgeLine) -> bool,
) -> Vec<usize> {
    let holds = |edge: &EdgeLine, header: &EdgeLine| {
        let shared = header
            .trigrams
            .iter()
            .filter(|t| edge.trigrams.binary_search(t).is_ok())
            .count();
        shared as f32 >= GARBLED_HOLDS * header.trigrams.len() as f32
    };
    let mut out = Vec::new();
    for (p, zone) in zones.iter().enumerate() {
        if found.iter().any(|&(q, _)| q == p) {
            continue;
        }
        let near = found.iter().filter(|&&(q, header)| {
            q.abs_diff(p) <= WINDOW && header.trigrams.len() >= MIN_TRIGRAMS
        });
        out.extend(
            zone.iter()
                .filter(|edge| {
                    !footnote(edge)
                        && near.clone().any(|&(_, header)| {
                            header.position.abs_diff(edge.position) <= 1 && holds(edge, header)
                        })
                })
                .map(|edge| edge.line),
        );
    }
    out
}

/// Counts, for the trigrams found at the edge of at least `needed` pages,
/// those pages and (from a sample of the lines, about 60 KB of text) how
/// many lines away from the edge hold them.
fn count_occurrences(
    layout: &Layout,
    zones: &[Vec<EdgeLine>],
    needed: u32,
) -> FxHashMap<u32, Occurrences> {
    const SAMPLE_BYTES: usize = 60_000;
    let mut occurrences: FxHashMap<u32, Occurrences> = FxHashMap::default();
    let mut page_trigrams: Vec<u32> = Vec::new();
    let mut at_edge = vec![false; layout.lines.len()];
    for zone in zones {
        page_trigrams.clear();
        for edge in zone {
            page_trigrams.extend_from_slice(&edge.trigrams);
            at_edge[edge.line] = true;
        }
        page_trigrams.sort_unstable();
        page_trigrams.dedup();
        for &t in &page_trigrams {
            occurrences.entry(t).or_default().edge_pages += 1;
        }
    }
    occurrences.retain(|_, o| o.edge_pages >= needed);
    if occurrences.is_empty() {
        return occurrences;
    }
    let stride = (layout.text.len() / SAMPLE_BYTES).max(1);
    for i in (0..layout.lines.len()).step_by(stride) {
        if at_edge[i] {
            continue;
        }
        let line = i as u32 + 1;
        for_each_trigram(layout.text_of(i), |t| {
            if let Some(o) = occurrences.get_mut(&t) {
                if o.last_line != line {
                    o.elsewhere += stride as u32;
                    o.last_line = line;
                }
            }
        });
    }
    occurrences
}

fn edge_lines(layout: &Layout, page: usize, top: bool) -> Vec<EdgeLine> {
    let range = layout.pages[page].clone();
    let body: Vec<usize> = range
        .filter(|&i| layout.lines[i].role == Role::Body)
        .collect();
    let picked: Vec<usize> = if top {
        zone(layout, body.iter(), TOP_ZONE)
    } else {
        let bottom = BOTTOM_ZONE.min(body.len().saturating_sub(TOP_ZONE));
        zone(layout, body.iter().rev(), bottom)
    };
    picked
        .into_iter()
        .enumerate()
        .filter_map(|(position, line)| {
            let text = layout.text_of(line);
            if text.len() > MAX_HEADER_CHARS {
                return None;
            }
            let key = fold(text);
            if key.is_empty() {
                return None;
            }
            let mut trigrams = Vec::with_capacity(key.len());
            for_each_trigram(text, |t| trigrams.push(t));
            trigrams.sort_unstable();
            trigrams.dedup();
            Some(EdgeLine {
                line,
                position,
                key,
                trigrams,
            })
        })
        .collect()
}

/// The first `size` lines of `lines` from a page edge, not counting lines
/// of a few characters ("3.", "A."): pdftotext puts a heading's number
/// before the running header it reads after it, which would push the
/// header's last line out of the zone.
fn zone<'a>(layout: &Layout, lines: impl Iterator<Item = &'a usize>, size: usize) -> Vec<usize> {
    let mut counted = 0;
    lines
        .take_while(|&&i| {
            let full = counted < size;
            counted += usize::from(layout.text_of(i).trim().len() > SHORT_EDGE_LINE);
            full
        })
        .copied()
        .collect()
}

/// Lines this long or shorter (in bytes) do not count towards a page edge's zone.
const SHORT_EDGE_LINE: usize = 4;

/// Whether `zone` holds a line equal to `edge` at about the same position.
fn repeats_exactly(edge: &EdgeLine, zone: &[EdgeLine]) -> bool {
    zone.iter()
        .any(|other| other.position.abs_diff(edge.position) <= 1 && other.key == edge.key)
}

/// Letters and digits of `line`, case kept, each run of digits folded to `#`
/// so that "Page 3" and "Page 14" compare equal.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars().filter(|c| c.is_alphanumeric()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Calls `f` with the hash of every trigram of `fold(line)`, without building it.
pub(super) fn for_each_trigram(line: &str, mut f: impl FnMut(u32)) {
    let mut window = [0u32; 3];
    let mut filled = 0;
    let mut in_digits = false;
    for c in line.chars().filter(|c| c.is_alphanumeric()) {
        let digit = c.is_ascii_digit();
        if digit && in_digits {
            continue;
        }
        in_digits = digit;
        window = [
            window[1],
            window[2],
            if digit { u32::from('#') } else { u32::from(c) },
        ];
        filled += 1;
        if filled >= 3 {
            f(window
                .iter()
                .fold(2_166_136_261u32, |h, &c| (h ^ c).wrapping_mul(16_777_619)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{paragraph, wrap};
    use super::*;

    fn roles(text: &str) -> Vec<(String, Role)> {
        let mut layout = Layout::new(text);
        mark(&mut layout);
        (0..layout.lines.len())
            .map(|i| (layout.text_of(i).to_string(), layout.lines[i].role))
            .collect()
    }

    fn furniture(text: &str) -> Vec<String> {
        roles(text)
            .into_iter()
            .filter(|(_, r)| *r == Role::Furniture)
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn reads_page_numbers() {
        assert_eq!(page_number("12"), Some(12));
        assert_eq!(page_number("- 12 -"), Some(12));
        assert_eq!(page_number("Page 3 of 40"), Some(3));
        assert_eq!(page_number("xii"), Some(0));
        assert_eq!(page_number("12 Angry Men"), None);
        assert_eq!(page_number("4.12"), None);
        assert_eq!(page_number("civil"), None);
        assert_eq!(page_number("mix"), None);
        assert_eq!(page_number("xiv"), Some(0));
    }

    #[test]
    fn finds_contents_leaders() {
        assert!(is_contents_leader("Introduction .......... 4"));
        assert!(is_contents_leader("A. Background . . . . . . . 12"));
        assert!(!is_contents_leader("evidence. . . . Therefore, mens rea"));
        assert!(!is_contents_leader("In 2019."));
    }

    /// Page `n`: a header, distinct wrapped prose, a page number.
    fn page(n: usize, header: &str) -> String {
        let body: String = wrap(&paragraph(n * 12, 12), 72)
            .into_iter()
            .map(|l| l + "\n")
            .collect();
        format!("{header}\n\n{body}{n}\n\x0c")
    }

    #[test]
    fn removes_headers_garbled_differently_on_each_page() {
        let headers = [
            "U.S. Department of Justice Attorney Work Product",
            "U.S. Departmentof Justice Attorney-Werk Preduet",
            "U.S. Department of Justice AttorneyWork Product",
            "U.S. Depa rtment of Justice Attorney Work Produet",
            "U.S. Department of Justlce Attorney Work Product",
        ];
        let text: String = (1..=12).map(|n| page(n, headers[n % 5])).collect();
        let found = furniture(&text);
        for h in headers {
            assert!(found.iter().any(|f| f == h), "{h} missed: {found:?}");
        }
        for n in 1..=12 {
            assert!(found.contains(&n.to_string()), "page number {n}");
        }
        assert_eq!(found.len(), 24, "{found:?}");
    }

    #[test]
    fn a_header_with_garbage_run_into_it_is_still_the_header() {
        // The body names the header's words too, so only its garbled
        // spellings tell it from the body.
        let header = "U.S. Department of Justice Attorney-WorkPreduet // Protected";
        let garbled = [
            "U.S. Departmentof Justice Attorney-WorkPreduet // PreMay-Centi \
             teMaterileted-tFen d-R-Crd itt e P62} r",
            "U.S. Departmentof Justice Attorney-WorkPreduet // PrMay-Contei \
             oMaterilteet Fed Re -Crint d P62) tFen-Cbd",
        ];
        let text: String = (1..=8)
            .map(|n| {
                let page = page(n, if n % 4 == 0 { garbled[n / 8] } else { header });
                let cited = "The Department of Justice told the Attorney General of the \
                             U.S. that the product was protected.\n";
                // Mid-page, away from both edges.
                let (top, rest) = page.split_at(page.match_indices('\n').nth(6).unwrap().0 + 1);
                format!("{top}{}{rest}", cited.repeat(3))
            })
            .collect();
        let found = furniture(&text);
        for g in garbled {
            assert!(found.iter().any(|f| f == g), "{g} missed: {found:?}");
        }
        assert_eq!(
            found.iter().filter(|f| *f == header).count(),
            6,
            "{found:?}"
        );
        assert_eq!(found.len(), 16, "headers and page numbers only: {found:?}");
    }

    #[test]
    fn a_heading_number_printed_before_the_header_leaves_it_whole() {
        let header = "III.\nOpen Source Report Volume II\nLEGAL DEFENSES TO THE APPLICATION OF THE STATUTES TO THE\nPRESIDENT";
        let text: String = (1..=12)
            .map(|n| {
                let page = page(n, header);
                // pdftotext reads a heading's number before the header.
                if n % 4 == 0 {
                    page.replacen("III.\n", "III.\n3.\n", 1)
                } else {
                    page
                }
            })
            .collect();
        let found = furniture(&text);
        let presidents = found.iter().filter(|f| *f == "PRESIDENT").count();
        assert_eq!(presidents, 12, "{found:?}");
        assert!(!found.contains(&"3.".to_string()));
    }

    #[test]
    fn a_heading_repeating_the_header_in_other_case_stays() {
        let mut text: String = (1..=4)
            .map(|n| page(n, "RESULTS OF THE INVESTIGATION"))
            .collect();
        text.push_str("RESULTS OF THE INVESTIGATION\n\nResults of the Investigation\n");
        text.push_str(&page(5, "").replacen("\n\n", "", 1));
        let found = furniture(&text);
        assert!(!found.contains(&"Results of the Investigation".to_string()));
        assert_eq!(found.iter().filter(|f| f.starts_with("RESULTS")).count(), 5);
    }

    #[test]
    fn pages_come_back_from_page_numbers_without_form_feeds() {
        let mut text = String::new();
        let words = [
            "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
        ];
        for n in 1..=4 {
            for k in 0..12 {
                let a = words[(n * 3 + k) % 7];
                let b = words[(n + k * 5) % 7];
                text.push_str(&format!("The {a} of {b} went {a}{b} on line {k}.\n"));
            }
            text.push_str(&format!("{n}\n"));
        }
        let found = furniture(&text);
        assert_eq!(found, ["1", "2", "3", "4"]);
    }

    #[test]
    fn short_unpaged_text_has_no_furniture() {
        assert!(furniture("Title\n\n1 .\n\nShocked .\n\n2\n").is_empty());
    }
}
