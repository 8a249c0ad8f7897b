//! Shared test support: the development data outside the repo and the gold
//! matching the shared evaluation scripts use, ported to Rust.

#![allow(dead_code)]

use std::collections::HashMap;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::Command;

use lacuna::Document;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// `../shared/data` next to the checkout, or `None` (with a note) on a clone without it.
pub fn data_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: {} not found", dir.display());
        None
    }
}

/// The evaluation's tokens: NFKC, lower case, runs of ASCII letters and digits.
pub fn eval_tokens(text: &str) -> Vec<String> {
    let norm: String = text.nfkc().collect::<String>().to_lowercase();
    norm.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Token-multiset F1 of two token lists.
pub fn token_f1(a: &[String], b: &[String]) -> f64 {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = common as f64 / a.len() as f64;
    let r = common as f64 / b.len() as f64;
    2.0 * p * r / (p + r)
}

/// Finds the gold block a returned text matches best, as eval_mueller.py does.
pub struct GoldIndex<'a> {
    /// The gold blocks, as JSON objects.
    pub blocks: Vec<&'a Value>,
    tokens: Vec<Vec<String>>,
    postings: HashMap<String, Vec<usize>>,
}

impl<'a> GoldIndex<'a> {
    /// Indexes `blocks`.
    pub fn new(blocks: Vec<&'a Value>) -> Self {
        let tokens: Vec<Vec<String>> = blocks
            .iter()
            .map(|b| eval_tokens(b["text"].as_str().unwrap_or("")))
            .collect();
        let mut postings: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, ts) in tokens.iter().enumerate() {
            let mut seen: Vec<&String> = ts.iter().collect();
            seen.sort();
            seen.dedup();
            for w in seen {
                postings.entry(w.clone()).or_default().push(i);
            }
        }
        GoldIndex {
            blocks,
            tokens,
            postings,
        }
    }

    /// The best-matching block and its token F1, if any shares a rare word.
    pub fn best(&self, text: &str) -> Option<(usize, f64)> {
        let ts = eval_tokens(text);
        let mut distinct: Vec<&String> = ts.iter().collect();
        distinct.sort();
        distinct.dedup();
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for w in distinct {
            if let Some(list) = self.postings.get(w) {
                if list.len() < 50 {
                    for &i in list {
                        *votes.entry(i).or_default() += 1;
                    }
                }
            }
        }
        let mut ranked: Vec<(usize, usize)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(20)
            .map(|(i, _)| (i, token_f1(&ts, &self.tokens[i])))
            .fold(None, |best: Option<(usize, f64)>, (i, f)| match best {
                Some((_, bf)) if bf >= f => best,
                _ if f > 0.0 => Some((i, f)),
                _ => best,
            })
    }
}

/// The Mueller gold file.
pub fn mueller_gold(dir: &std::path::Path) -> Value {
    let text =
        std::fs::read_to_string(dir.join("mueller-vol2/gold.json")).expect("gold.json readable");
    serde_json::from_str(&text).expect("gold.json is JSON")
}

/// Reads a text file of the development data.
pub fn read(dir: &std::path::Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The text `pdftotext` (with `args`) reads out of `pdf`; scripts/setup.sh
/// installs it with poppler-utils.
pub fn pdftotext(pdf: &Path, args: &[&str]) -> String {
    let mut all: Vec<&OsStr> = args.iter().map(OsStr::new).collect();
    all.extend([pdf.as_os_str(), OsStr::new("-")]);
    String::from_utf8(run("pdftotext", &all)).expect("pdftotext writes UTF-8")
}

/// The text of `pdf` (all pages, or the first to the last of `pages`) as
/// a PDF viewer built on pdf.js gives it to a reader who selects all and
/// copies: scripts/pdf-copy.mjs, run with the Node.js and the npm packages
/// scripts/setup.sh installs. `form_feeds` parts the pages with form feeds,
/// as the copy does not.
pub fn viewer_copy(pdf: &Path, pages: Option<(u32, u32)>, form_feeds: bool) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pdf-copy.mjs");
    let mut args = vec![script.into_os_string()];
    if form_feeds {
        args.push("--form-feeds".into());
    }
    args.push(pdf.into());
    if let Some((first, last)) = pages {
        args.extend([first.to_string().into(), last.to_string().into()]);
    }
    String::from_utf8(run("node", &args)).expect("the copy is UTF-8")
}

/// A temporary directory for `purpose`'s files, this test process's own.
pub fn scratch_dir(purpose: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lacuna-{purpose}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    dir
}

/// Runs `program` with `args` and returns what it wrote, failing with a
/// hint to the set-up script (which installs every program the tests run).
fn run(program: &str, args: &[impl AsRef<OsStr>]) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        // Tesseract's own threads only slow the pages read side by side.
        .env("OMP_THREAD_LIMIT", "1")
        .output()
        .unwrap_or_else(|e| panic!("{program} did not run ({e}): run scripts/setup.sh"));
    assert!(out.status.success(), "{program} failed: {out:?}");
    out.stdout
}

/// Resolution of the page images OCR reads, in dots per inch: a scan's.
const OCR_DPI: &str = "200";

/// Tesseract's text of the pages of `pdf` (all, or the first to the last
/// of `pages`), rendered to greyscale images at `OCR_DPI` in `dir`, one
/// page after another with form feeds between them as OCR tools leave
/// them. Pages are read on as many threads as there are cores; pdftoppm,
/// pdftotext's sibling, and tesseract come from scripts/setup.sh.
pub fn tesseract(pdf: &Path, pages: Option<(u32, u32)>, dir: &Path, name: &str) -> String {
    let prefix = dir.join(format!("{name}-page"));
    let mut args: Vec<OsString> = ["-r", OCR_DPI, "-gray", "-png"].map(OsString::from).into();
    if let Some((first, last)) = pages {
        args.extend([
            "-f".into(),
            first.to_string().into(),
            "-l".into(),
            last.to_string().into(),
        ]);
    }
    args.extend([pdf.as_os_str().to_owned(), prefix.as_os_str().to_owned()]);
    run("pdftoppm", &args);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("scratch directory readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| {
            let file = p.file_name().and_then(|f| f.to_str()).unwrap_or("");
            file.starts_with(&format!("{name}-page")) && file.ends_with(".png")
        })
        .collect();
    // pdftoppm pads the page numbers to one width, so names sort as pages.
    pages.sort();
    assert!(
        !pages.is_empty(),
        "pdftoppm made no page images of {}",
        pdf.display()
    );
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = pages.len().div_ceil(threads);
    let texts: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = pages
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|page| {
                            let text = run("tesseract", &[page.as_os_str(), "stdout".as_ref()]);
                            String::from_utf8(text).expect("tesseract writes UTF-8")
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("an OCR thread"))
            .collect()
    });
    texts.join("\x0c")
}

/// Paragraph recall and precision of `doc` against `gold` as eval_mueller.py
/// measures them (a match is token F1 >= 0.9), and how many body paragraphs
/// `doc` returned. `LACUNA_SHOW_MISSES=1` prints, under `label`, the
/// returned paragraphs that match none.
pub fn recall_precision(doc: &Document, gold: &GoldIndex, label: &str) -> (f64, f64, usize) {
    let show_misses = std::env::var_os("LACUNA_SHOW_MISSES").is_some();
    let mut matched = vec![false; gold.blocks.len()];
    let mut precise = 0;
    let mut body = 0;
    for p in doc.paragraphs.iter().filter(|p| p.kind.is_body()) {
        body += 1;
        match gold.best(&p.text) {
            Some((i, f1)) if f1 >= 0.9 => {
                precise += 1;
                matched[i] = true;
            }
            _ if show_misses => println!("  {label} unmatched: {:.100}", p.text),
            _ => {}
        }
    }
    let recall = matched.iter().filter(|&&m| m).count() as f64 / gold.blocks.len() as f64;
    (recall, precise as f64 / body.max(1) as f64, body)
}

/// The CNN/DailyMail Points of Correspondence records in `data`.
pub fn poc_instances(data: &Path) -> Vec<Value> {
    std::fs::read_to_string(data.join("poc-cnndm/dev.jsonl"))
        .expect("dev.jsonl readable")
        .lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}
