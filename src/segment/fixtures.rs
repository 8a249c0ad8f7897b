//! Test fixtures: converted-looking text (wrapped lines, pages with headers,
//! page numbers and footnotes) built from known paragraphs, so unit tests
//! can check that the segmenter gets the paragraphs back.

use crate::model::ParagraphKind;

const SUBJECTS: &[&str] = &[
    "The committee",
    "A regional auditor",
    "Several witnesses",
    "The harbour pilot",
    "Two engineers",
    "The chair",
    "A spokesman",
    "Local farmers",
    "The museum",
    "Volunteers",
    "The tramway company",
    "Inspectors",
    "The brewery",
    "A choir",
];
const VERBS: &[&str] = &[
    "reviewed",
    "described",
    "questioned",
    "catalogued",
    "published",
    "inspected",
    "repaired",
    "recorded",
    "disputed",
    "summarised",
    "approved",
    "postponed",
    "examined",
    "photographed",
];
const OBJECTS: &[&str] = &[
    "the minutes of the spring meeting",
    "the budget for the coming year",
    "the bridge joints near the quay",
    "ledgers from the shipping office",
    "maps drawn by an unknown surveyor",
    "the revised winter timetable",
    "damp plaster in the classrooms",
    "the dredging schedule",
    "hedgerows along the embankment",
    "letters from affected families",
    "the chapel windows",
    "the drought figures",
    "the telescope on the hill",
    "records lost during the move",
];
const ENDINGS: &[&str] = &[
    "before the deadline",
    "after a long delay",
    "with borrowed equipment",
    "despite objections",
    "for the second time",
    "in the northern district",
    "at the request of the council",
    "without further comment",
];

/// Sentence number `i`: different words for different numbers, as prose has.
pub fn sentence(i: usize) -> String {
    let pick = |list: &[&str], salt: usize| {
        let h = (i.wrapping_mul(2_654_435_761) ^ salt.wrapping_mul(40_503)) >> 7;
        list[h % list.len()].to_string()
    };
    format!(
        "{} {} {} {}.",
        pick(SUBJECTS, 1),
        pick(VERBS, 2),
        pick(OBJECTS, 3),
        pick(ENDINGS, 4)
    )
}

/// A paragraph of `n` sentences starting at sentence `k`.
pub fn paragraph(k: usize, n: usize) -> String {
    (k..k + n).map(sentence).collect::<Vec<_>>().join(" ")
}

/// Lines of `text` filled greedily up to `width` characters, as a printed
/// page wraps them.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_while(text, |line| line.len() <= width)
}

/// Lines of `text` filled greedily up to `width` printed widths (see
/// `text_width`), as a page set in a proportional font wraps them.
pub fn wrap_printed(text: &str, width: f32) -> Vec<String> {
    wrap_while(text, |line| super::lines::text_width(line) <= width)
}

/// Lines of `text`, each taking words while `fits` accepts it.
fn wrap_while(text: &str, fits: impl Fn(&str) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if line.is_empty() {
            line.push_str(word);
            continue;
        }
        let longer = format!("{line} {word}");
        if fits(&longer) {
            line = longer;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of `text` wrapped at `width`, the first at `width - indent`, as
/// pdftotext prints an indented paragraph (the indent itself dropped).
pub fn wrap_indented(text: &str, width: usize, indent: usize) -> Vec<String> {
    let mut lines = wrap(text, width - indent);
    let rest = lines.split_off(1.min(lines.len())).join(" ");
    lines.extend(wrap(&rest, width));
    lines
}

/// Paragraphs wrapped at `width` and joined with single line breaks, the way
/// pdftotext prints them.
pub fn wrapped(paragraphs: &[String], width: usize) -> String {
    paragraphs
        .iter()
        .flat_map(|p| wrap(p, width))
        .map(|l| l + "\n")
        .collect()
}

/// The kind and text of each paragraph the whole segmenter finds in `text`.
pub fn kinds_and_texts(text: &str) -> Vec<(ParagraphKind, String)> {
    crate::segment::segment(text)
        .paragraphs
        .into_iter()
        .map(|p| (p.kind, p.text))
        .collect()
}
