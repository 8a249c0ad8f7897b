//! Segmentation on documents it was never tuned on: CNN/DailyMail articles
//! typeset as reports in three house styles (indented justified serif with a
//! running title, numbered review paragraphs with "Page N of M" footers, a
//! narrow hyphenated column), printed to PDF by Chromium and converted back
//! with `pdftotext` (plain, `-layout` and `-raw`) and as a pdf.js viewer's
//! select-all-and-copy gives them, and the first pages of each read by
//! Tesseract's OCR from page images, as a researcher's files arrive.
//! The paragraphs are known, so recall and precision are measured as for
//! the Mueller report.
//!
//! Needs Chromium, pdftotext, pdftoppm, Tesseract and Node.js with the npm
//! packages (scripts/setup.sh installs them) and the data in ../shared/data (`CHROMIUM` names another
//! Chromium binary).
//! `cargo test --release --test typeset -- --nocapture` prints the figures;
//! `LACUNA_SHOW_MISSES=1` lists the returned paragraphs that match none
//! typeset, `LACUNA_KEEP_TYPESET=1` keeps the HTML and PDFs in the temporary
//! directory.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{
    data_dir, eval_tokens, pdftotext, poc_instances, recall_precision, scratch_dir, tesseract,
    viewer_copy, GoldIndex,
};
use lacuna::model::ParagraphKind;
use lacuna::segment;
use serde_json::{json, Value};

/// One house style: its CSS and how its headings and paragraphs are numbered.
struct Style {
    name: &'static str,
    css: &'static str,
    /// "2." (report) or "2" (review) before a heading; none for the column.
    heading_number: fn(usize) -> String,
    /// "2.3 " before a paragraph, as official reviews number them.
    paragraph_number: bool,
}

const STYLES: [Style; 3] = [
    Style {
        name: "report",
        css: "@page { size: A4; margin: 2.2cm;
                @top-center { content: 'Independent review: final report'; font-size: 9pt }
                @bottom-center { content: counter(page); font-size: 9pt } }
              body { font: 11pt serif; text-align: justify }
              p { margin: 0; text-indent: 2em }
              h2 { font-size: 12pt; margin: 1.2em 0 .4em }",
        heading_number: |n| format!("{n}. "),
        paragraph_number: false,
    },
    Style {
        name: "review",
        css: "@page { size: A4; margin: 2cm;
                @top-left { content: 'OFFICIAL'; font-size: 8pt }
                @top-right { content: 'Serious Case Review: Child T'; font-size: 8pt }
                @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font-size: 8pt } }
              body { font: 10.5pt sans-serif }
              p { margin: 0 0 .7em }
              h2 { font-size: 11pt; margin: 1em 0 .5em }",
        heading_number: |n| format!("{n} "),
        paragraph_number: true,
    },
    Style {
        name: "column",
        css: "@page { size: letter; margin: 2.5cm 5cm 2.5cm 3cm;
                @bottom-center { content: counter(page); font-size: 10pt } }
              body { font: 12pt serif; text-align: justify; hyphens: auto }
              p { margin: 0; text-indent: 1.5em }
              h2 { font-size: 13pt; font-style: italic; font-weight: normal; margin: 1em 0 .3em }",
        heading_number: |_| String::new(),
        paragraph_number: false,
    },
];

/// Recall and precision floors per style, as `pdftotext` reads it, as
/// `pdftotext -layout` and `-raw` do, as a viewer's copy gives it and as Tesseract
/// reads its first pages: what the segmenter reaches today (see the
/// figures printed).
const FLOORS: [(&str, [(f64, f64); 5]); 3] = [
    (
        "report",
        [
            (0.94, 0.945),
            (0.98, 0.985),
            (0.945, 0.945),
            (0.945, 0.945),
            (0.99, 0.99),
        ],
    ),
    (
        "review",
        [
            (0.99, 0.985),
            (0.99, 0.99),
            (0.99, 0.985),
            (0.99, 0.985),
            (0.99, 0.99),
        ],
    ),
    (
        "column",
        [
            (0.95, 0.945),
            (0.99, 0.995),
            (0.94, 0.94),
            (0.94, 0.94),
            (0.98, 0.99),
        ],
    ),
];

/// The three ways researchers run `pdftotext`, by the name the figures use.
const MODES: [(&str, &[&str]); 3] = [
    ("pdftotext", &[]),
    ("-layout", &["-layout"]),
    ("-raw", &["-raw"]),
];

/// Articles per document read by OCR: about 8 pages in each style, which
/// Tesseract reads in about 2 s a page.
const OCR_ARTICLES: usize = 7;

/// Words a title cut short must not end on.
const DANGLING: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "and", "or",
    "but", "his", "her", "its", "their", "is", "was", "are", "were", "has", "have", "had", "be",
    "that", "who", "which", "after", "before", "than", "into", "over",
];

/// Articles per document: about 30 pages in each style.
const ARTICLES: usize = 30;

/// Undoes the data set's Penn-Treebank tokenization: "He said , `` no . ''"
/// becomes "He said, \"no.\"".
fn detokenize(text: &str) -> String {
    let mut out = format!(" {text} ");
    for (from, to) in [
        (" `` ", " \""),
        (" '' ", "\" "),
        (" ,", ","),
        (" .", "."),
        (" ;", ";"),
        (" :", ":"),
        (" ?", "?"),
        (" !", "!"),
        (" %", "%"),
        (" 's ", "'s "),
        (" n't ", "n't "),
        (" 're ", "'re "),
        (" 've ", "'ve "),
        (" 'll ", "'ll "),
        (" 'm ", "'m "),
        (" 'd ", "'d "),
        ("( ", "("),
        (" )", ")"),
        ("$ ", "$"),
        (" -- ", " \u{2013} "),
    ] {
        out = out.replace(from, to);
    }
    out.trim().to_string()
}

/// An article's sentences, detokenized.
fn sentences_of(article: &Value) -> Vec<String> {
    article["article"]
        .as_array()
        .expect("article sentences")
        .iter()
        .map(|s| detokenize(s.as_str().expect("sentence")))
        .collect()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The HTML of `articles` in `style`, and its body paragraphs as typeset.
fn typeset(articles: &[Value], style: &Style) -> (String, Vec<String>) {
    let mut html = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>{}</style></head><body>",
        style.css
    );
    let mut paragraphs = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        // A heading is a phrase: the summary's first clause, at most 8 words.
        let summary = detokenize(article["summary"][0].as_str().expect("summary sentence"));
        let clause = summary
            .split([':', ',', ';'])
            .find(|c| c.split_whitespace().count() >= 2)
            .unwrap_or(&summary);
        let mut title: Vec<&str> = clause
            .trim_end_matches(['.', '!', '?', ' '])
            .split_whitespace()
            .take(8)
            .collect();
        // Cut short, a title still ends on a word that can end one.
        while title.len() > 2 && DANGLING.contains(&title[title.len() - 1].to_lowercase().as_str())
        {
            title.pop();
        }
        html += &format!(
            "<h2>{}{}</h2>",
            (style.heading_number)(a + 1),
            escape(&title.join(" "))
        );
        let sentences = sentences_of(article);
        let (mut at, mut k) = (0, 0);
        while at < sentences.len() {
            let n = 2 + k % 3;
            k += 1;
            let mut text = sentences[at..(at + n).min(sentences.len())].join(" ");
            at += n;
            if style.paragraph_number {
                text = format!("{}.{k} {text}", a + 1);
            }
            html += &format!("<p>{}</p>", escape(&text));
            paragraphs.push(text);
        }
    }
    html += "</body></html>";
    (html, paragraphs)
}

/// Prints `html` to PDF with headless Chromium and returns its path.
fn print(html: &str, dir: &Path, name: &str) -> PathBuf {
    let page = dir.join(format!("{name}.html"));
    let pdf = dir.join(format!("{name}.pdf"));
    std::fs::write(&page, html).expect("temporary HTML written");
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let run = Command::new(&chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        // Its own profile: never handed to a Chromium the user has open.
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap_or_else(|e| panic!("{chromium} did not run ({e}): run scripts/setup.sh"));
    assert!(pdf.is_file(), "Chromium printed no PDF: {run:?}");
    pdf
}

#[test]
fn typeset_reports_come_back_paragraph_by_paragraph() {
    let Some(data) = data_dir() else { return };
    let articles = poc_instances(&data);
    let dir = scratch_dir("typeset");
    let mut failures = Vec::new();
    for (i, (style, (name, floors))) in STYLES.iter().zip(FLOORS).enumerate() {
        assert_eq!(style.name, name);
        let articles = &articles[i * ARTICLES..(i + 1) * ARTICLES];
        let (html, paragraphs) = typeset(articles, style);
        let pdf = print(&html, &dir, style.name);
        let (ocr_html, ocr_paragraphs) = typeset(&articles[..OCR_ARTICLES], style);
        let ocr_name = format!("{name}-ocr");
        let ocr_pdf = print(&ocr_html, &dir, &ocr_name);
        let conversions = MODES
            .iter()
            .map(|(mode, args)| (*mode, pdftotext(&pdf, args), &paragraphs))
            .chain([("copied", viewer_copy(&pdf, None, false), &paragraphs)])
            .chain([(
                "tesseract",
                tesseract(&ocr_pdf, None, &dir, &ocr_name),
                &ocr_paragraphs,
            )]);
        for ((mode, text, paragraphs), (min_recall, min_precision)) in conversions.zip(floors) {
            // The data holds an article once per summary sentence, so a
            // style's articles may repeat one: its paragraphs are one gold
            // paragraph each, which either copy matches.
            let mut seen = HashSet::new();
            let blocks: Vec<Value> = paragraphs
                .iter()
                .filter(|p| eval_tokens(p).len() >= 4 && seen.insert(p.as_str()))
                .map(|p| json!({ "text": p }))
                .collect();
            let gold = GoldIndex::new(blocks.iter().collect());
            let doc = segment(&text);
            let (recall, precision, returned) = recall_precision(&doc, &gold, name);
            println!(
                "{name:>7} {mode:>9}: paragraph recall {recall:.3} precision {precision:.3} ({} paragraphs typeset, {returned} returned)",
                blocks.len(),
            );
            if recall < min_recall || precision < min_precision {
                failures.push(format!(
                    "{name} {mode}: recall {recall:.3} (floor {min_recall}), precision {precision:.3} (floor {min_precision})"
                ));
            }
        }
    }
    if std::env::var_os("LACUNA_KEEP_TYPESET").is_none() {
        std::fs::remove_dir_all(&dir).ok();
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Who acted, for the chronology tables' second column.
const AGENCIES: &[&str] = &[
    "Health visiting",
    "GP surgery",
    "Children's social care",
    "Police",
    "School",
    "Housing association",
    "Hospital emergency department",
];

/// Months for the chronology tables' dates.
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The chronology tables' header row.
const CHRONOLOGY_HEADER: [&str; 3] = ["Date of contact", "Agency involved", "What happened"];

/// Articles in the chronology document: about 12 pages.
const TABLE_ARTICLES: usize = 12;

/// A review whose sections each hold a chronology table (date, agency,
/// event, ruled cells with wrapped lines), as Serious Case Reviews set them
/// out, between paragraphs; returns the HTML, the paragraphs and each row's
/// cells.
fn typeset_chronologies(articles: &[Value]) -> (String, Vec<String>, Vec<[String; 3]>) {
    let mut html = String::from(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><style>
         @page { size: A4; margin: 2cm;
           @bottom-right { content: 'Page ' counter(page) ' of ' counter(pages); font-size: 8pt } }
         body { font: 10.5pt sans-serif } p { margin: 0 0 .7em } h2 { font-size: 11pt }
         table { border-collapse: collapse; width: 100%; margin: 0 0 1em }
         th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left }
         </style></head><body>",
    );
    let (mut paragraphs, mut rows) = (Vec::new(), Vec::new());
    for (a, article) in articles.iter().enumerate() {
        let sentences = sentences_of(article);
        html += &format!("<h2>{} Chronology of part {}</h2>", a + 1, a + 1);
        let opening = format!(
            "{}.1 {}",
            a + 1,
            sentences[..2.min(sentences.len())].join(" ")
        );
        html += &format!("<p>{}</p>", escape(&opening));
        paragraphs.push(opening);
        html += &format!(
            "<table><tr><th style=\"width:16%\">{}</th><th style=\"width:20%\">{}</th><th>{}</th></tr>",
            CHRONOLOGY_HEADER[0], CHRONOLOGY_HEADER[1], CHRONOLOGY_HEADER[2]
        );
        let events = &sentences[2.min(sentences.len())..];
        for (k, chunk) in events.chunks(2).take(8).enumerate() {
            let n = a * 8 + k;
            let row = [
                format!("{} {} {}", 1 + n % 28, MONTHS[n % 12], 2007 + n / 40),
                AGENCIES[n % AGENCIES.len()].to_string(),
                chunk[..chunk.len().min(1 + k % 2)].join(" "),
            ];
            html += &format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                row[0],
                escape(&row[1]),
                escape(&row[2])
            );
            rows.push(row);
        }
        html += "</table>";
        let closing = format!(
            "{}.2 The chronology for this part shows {} contacts with agencies, none of which held the whole picture.",
            a + 1,
            events.chunks(2).take(8).count()
        );
        html += &format!("<p>{}</p>", escape(&closing));
        paragraphs.push(closing);
    }
    html += "</body></html>";
    (html, paragraphs, rows)
}

/// Chronology tables as `pdftotext -layout` reads them come back a row to a
/// paragraph, their cells in order (date, agency, event, however many
/// lines each wraps to), their headers as headers, and no cell is taken
/// for a section title.
#[test]
fn typeset_tables_come_back_row_by_row() {
    let Some(data) = data_dir() else { return };
    let articles = &poc_instances(&data)[3 * ARTICLES..3 * ARTICLES + TABLE_ARTICLES];
    let dir = scratch_dir("tables");
    let (html, paragraphs, rows) = typeset_chronologies(articles);
    let pdf = print(&html, &dir, "chronology");
    let row_texts: Vec<String> = rows.iter().map(|r| r.join(" ")).collect();
    let mut seen = HashSet::new();
    let blocks: Vec<Value> = paragraphs
        .iter()
        .chain(&row_texts)
        .filter(|p| eval_tokens(p).len() >= 4 && seen.insert(p.as_str()))
        .map(|p| json!({ "text": p }))
        .collect();
    let gold = GoldIndex::new(blocks.iter().collect());
    let titles: HashSet<String> = (1..=articles.len())
        .map(|a| format!("{a} Chronology of part {a}"))
        .collect();
    let mut failures = Vec::new();
    for (mode, args) in MODES {
        let doc = segment(&pdftotext(&pdf, args));
        let (recall, precision, returned) = recall_precision(&doc, &gold, mode);
        let in_order = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::TableRow)
            .filter(|p| {
                rows.iter()
                    .any(|r| p.text.starts_with(&format!("{} | {} | ", r[0], r[1])))
            })
            .count();
        let stray_titles = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::Heading && !titles.contains(&p.text))
            .count();
        // Squeezed, a header's cells may read as fewer: its words count.
        let header = eval_tokens(&CHRONOLOGY_HEADER.join(" "));
        let headers = doc
            .paragraphs
            .iter()
            .filter(|p| p.kind == ParagraphKind::TableHeader && eval_tokens(&p.text) == header)
            .count();
        println!(
            "chronology {mode:>9}: paragraph recall {recall:.3} precision {precision:.3} ({} paragraphs and rows typeset, {returned} returned); rows read cell by cell {in_order} of {}; headers {headers} of {}; stray headings {stray_titles}",
            blocks.len(),
            rows.len(),
            articles.len(),
        );
        if mode == "-layout"
            && (recall < 0.95
                || precision < 0.95
                || in_order * 20 < rows.len() * 19
                || headers * 10 < articles.len() * 9
                || stray_titles > 0)
        {
            failures.push(format!(
                "-layout: recall {recall:.3}, precision {precision:.3}, rows in order {in_order} of {}, headers {headers}, stray headings {stray_titles}",
                rows.len()
            ));
        }
    }
    if std::env::var_os("LACUNA_KEEP_TYPESET").is_none() {
        std::fs::remove_dir_all(&dir).ok();
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
