//! `lacuna batch`: many summary–report pairs from a manifest, compared on
//! every core, one JSON result per pair and a CSV of headline figures, so a
//! researcher can run a corpus in one command. A pair that fails (a missing
//! file, a PDF, an empty text) is reported and the run goes on.

use std::collections::HashSet;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use lacuna::{Comparison, Options, Side};
use rayon::prelude::*;
use serde::Deserialize;

use crate::read;

/// Name of the figures file written beside the per-pair results.
pub const FIGURES: &str = "results.csv";

/// One line of a manifest: the two files, relative to the manifest, and an optional name.
#[derive(Debug, Deserialize)]
struct Entry {
    summary: PathBuf,
    report: PathBuf,
    #[serde(default)]
    id: Option<String>,
}

/// A pair to compare, with the name its result is filed under.
struct Pair {
    id: String,
    summary: PathBuf,
    report: PathBuf,
}

/// Headline figures of one pair, or why it failed: one row of the figures file.
#[derive(Debug, Default, serde::Serialize)]
struct Row {
    id: String,
    summary_words: Option<u32>,
    report_words: Option<u32>,
    body_words: Option<u32>,
    coverage: Option<f32>,
    omitted_paragraphs: Option<u32>,
    dropped_facts: Option<usize>,
    unsupported_sentences: Option<u32>,
    ms: Option<u64>,
    error: String,
}

/// Reads a manifest: CSV with `summary` and `report` columns (and optionally
/// `id`), or JSON Lines (`.jsonl`, `.ndjson`) of objects with the same keys.
fn read_manifest(path: &Path) -> Result<Vec<Entry>, String> {
    let file = File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let at = |line: usize, e: &dyn std::fmt::Display| format!("{}:{line}: {e}", path.display());
    let jsonl = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("jsonl" | "ndjson")
    );
    if jsonl {
        let mut entries = Vec::new();
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| at(i + 1, &e))?;
            if !line.trim().is_empty() {
                entries.push(serde_json::from_str(&line).map_err(|e| at(i + 1, &e))?);
            }
        }
        Ok(entries)
    } else {
        csv::ReaderBuilder::new()
            .trim(csv::Trim::All)
            .from_reader(file)
            .deserialize()
            .enumerate()
            // Line 1 is the header.
            .map(|(i, entry)| entry.map_err(|e| at(i + 2, &e)))
            .collect()
    }
}

/// A name safe as a file name: letters, digits, `-`, `_` and `.` kept, the rest `_`.
fn file_safe(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    match safe.trim_matches('.') {
        "" => "pair".to_string(),
        s => s.to_string(),
    }
}

/// Pairs with paths resolved against the manifest's folder and unique ids
/// (given, or the report's file name; a repeated one gets its pair's number).
fn pairs(entries: Vec<Entry>, base: &Path) -> Vec<Pair> {
    let mut seen = HashSet::new();
    entries
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            let named =
                e.id.as_deref()
                    .or(e.report.file_stem().and_then(|s| s.to_str()));
            let mut id = file_safe(named.unwrap_or("pair"));
            if !seen.insert(id.clone()) {
                id = format!("{id}-{}", i + 1);
                seen.insert(id.clone());
            }
            Pair {
                id,
                summary: base.join(e.summary),
                report: base.join(e.report),
            }
        })
        .collect()
}

/// Compares one pair and writes its result to `out/<id>.json`.
fn compare_pair(pair: &Pair, options: &Options, out: &Path) -> Result<Comparison, String> {
    let summary = read(&pair.summary, Side::Summary)?;
    let report = read(&pair.report, Side::Report)?;
    let result = lacuna::compare(&summary, &report, options).map_err(|e| e.to_string())?;
    let path = out.join(format!("{}.json", pair.id));
    let file = File::create(&path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut writer = BufWriter::new(file);
    serde_json::to_writer(&mut writer, &result)
        .map_err(|e| e.to_string())
        .and_then(|()| writer.flush().map_err(|e| e.to_string()))
        .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(result)
}

fn row(pair: &Pair, outcome: Result<Comparison, String>, started: Instant) -> Row {
    let ms = Some(started.elapsed().as_millis() as u64);
    match outcome {
        Ok(result) => {
            let s = &result.stats;
            Row {
                id: pair.id.clone(),
                summary_words: Some(s.summary_words),
                report_words: Some(s.report_words),
                body_words: Some(s.body_words),
                coverage: Some(s.coverage),
                omitted_paragraphs: Some(s.omitted_paragraphs),
                dropped_facts: Some(result.facts.dropped.len()),
                unsupported_sentences: Some(s.unsupported_sentences),
                ms,
                error: String::new(),
            }
        }
        Err(error) => Row {
            id: pair.id.clone(),
            ms,
            error,
            ..Row::default()
        },
    }
}

/// A progress bar on stderr; drawn only when stderr is a terminal.
fn progress(len: usize) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} pairs, {elapsed} elapsed, ~{eta} left")
    {
        bar.set_style(style);
    }
    bar
}

/// Runs a batch; returns how many pairs failed.
pub fn run(manifest: &Path, out: &Path, options: &Options) -> Result<usize, String> {
    options.validate().map_err(|e| e.to_string())?;
    let base = manifest.parent().unwrap_or(Path::new("."));
    let pairs = pairs(read_manifest(manifest)?, base);
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let bar = progress(pairs.len());
    let rows: Vec<Row> = pairs
        .par_iter()
        .map(|pair| {
            let started = Instant::now();
            let outcome = compare_pair(pair, options, out);
            if let Err(e) = &outcome {
                bar.suspend(|| eprintln!("lacuna: {}: {e}", pair.id));
            }
            bar.inc(1);
            row(pair, outcome, started)
        })
        .collect();
    bar.finish_and_clear();
    let figures = out.join(FIGURES);
    let mut writer = csv::Writer::from_path(&figures)
        .map_err(|e| format!("cannot write {}: {e}", figures.display()))?;
    for r in &rows {
        writer
            .serialize(r)
            .map_err(|e| format!("cannot write {}: {e}", figures.display()))?;
    }
    writer
        .flush()
        .map_err(|e| format!("cannot write {}: {e}", figures.display()))?;
    let failed = rows.iter().filter(|r| !r.error.is_empty()).count();
    eprintln!(
        "lacuna: compared {} of {} pairs into {} ({failed} failed); figures in {}",
        rows.len() - failed,
        rows.len(),
        out.display(),
        figures.display()
    );
    Ok(failed)
}
