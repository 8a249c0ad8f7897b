//! `lacuna batch` end to end through the built binary: CSV and JSON Lines
//! manifests, one JSON result per pair, the figures CSV, and failing pairs
//! reported without stopping the run.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use lacuna::{Comparison, Options};

const REPORT: &str = "\
1. Background

The child was seen by the health visitor in March. The family moved house twice during the year.

2. Lost files

The case file was lost when the team moved offices in August. A handover between social workers was never done.
";

const SUMMARY: &str =
    "The health visitor saw the child in March, and the family moved house twice.";

fn batch(manifest: &Path, out: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lacuna"))
        .arg("batch")
        .arg(manifest)
        .arg("--out")
        .arg(out)
        .output()
        .expect("the lacuna binary runs")
}

/// The figures file as header and rows of fields.
fn figures(out: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(out.join("results.csv")).expect("results.csv");
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// The result filed under `id`, its timings zeroed (they differ from run to run).
fn result(out: &Path, id: &str) -> Comparison {
    let text = fs::read_to_string(out.join(format!("{id}.json"))).expect("a result per pair");
    let mut result: Comparison = serde_json::from_str(&text).expect("the result is a Comparison");
    result.stats.timings = Default::default();
    result
}

#[test]
fn a_csv_batch_compares_the_good_pairs_and_reports_the_bad_ones() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    fs::create_dir(&docs).unwrap();
    fs::write(docs.join("summary.txt"), SUMMARY).unwrap();
    fs::write(docs.join("report.txt"), REPORT).unwrap();
    fs::write(docs.join("empty.txt"), "  \n").unwrap();
    fs::write(docs.join("scan.pdf"), b"%PDF-1.7\n%\xe2\xe3\n").unwrap();
    let manifest = dir.path().join("pairs.csv");
    fs::write(
        &manifest,
        "summary,report,id\n\
         docs/summary.txt,docs/report.txt,case-1\n\
         docs/summary.txt,docs/missing.txt,gone\n\
         docs/summary.txt,docs/scan.pdf,scan\n\
         docs/empty.txt,docs/report.txt,blank\n\
         docs/summary.txt,docs/report.txt,\n",
    )
    .unwrap();
    let out = dir.path().join("out");

    let run = batch(&manifest, &out);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "a failed pair makes the run fail");
    for id in ["gone", "scan", "blank"] {
        assert!(
            stderr.contains(&format!("lacuna: {id}: ")),
            "{id} in {stderr}"
        );
    }

    let (header, rows) = figures(&out);
    assert_eq!(header[0], "id");
    assert!(header.iter().any(|h| h == "coverage") && header.last().unwrap() == "error");
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["case-1", "gone", "scan", "blank", "report"]);
    let error = header.len() - 1;
    for row in &rows {
        let failed = matches!(row[0].as_str(), "gone" | "scan" | "blank");
        assert_eq!(!row[error].is_empty(), failed, "{row:?}");
        assert_eq!(out.join(format!("{}.json", row[0])).exists(), !failed);
    }
    assert!(rows[2][error].contains("PDF"), "{:?}", rows[2]);
    assert!(rows[3][error].contains("empty"), "{:?}", rows[3]);

    let first = result(&out, "case-1");
    let mut expected = lacuna::compare(SUMMARY, REPORT, &Options::default()).unwrap();
    expected.stats.timings = Default::default();
    assert_eq!(first, expected, "the batch gives what compare gives");
    assert!(first.stats.omitted_paragraphs >= 1, "{:?}", first.stats);
    assert_eq!(result(&out, "report"), first, "same pair, same result");
    let column = |name: &str| &rows[0][header.iter().position(|h| h == name).unwrap()];
    let coverage: f32 = column("coverage").parse().unwrap();
    assert_eq!(coverage, first.stats.coverage);
    let body_words: u32 = column("body_words").parse().unwrap();
    assert_eq!(body_words, first.stats.body_words);
}

#[test]
fn a_jsonl_batch_that_succeeds_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.txt"), SUMMARY).unwrap();
    fs::write(dir.path().join("r.txt"), REPORT).unwrap();
    let manifest = dir.path().join("pairs.jsonl");
    fs::write(
        &manifest,
        "{\"summary\": \"s.txt\", \"report\": \"r.txt\", \"id\": \"first\"}\n\n\
         {\"summary\": \"s.txt\", \"report\": \"r.txt\", \"id\": \"first\"}\n",
    )
    .unwrap();
    let out = dir.path().join("results");

    let run = batch(&manifest, &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let (_, rows) = figures(&out);
    let ids: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(ids, ["first", "first-2"], "repeated ids are made unique");
    assert_eq!(result(&out, "first"), result(&out, "first-2"));
}

#[test]
fn an_unreadable_manifest_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("pairs.csv");
    fs::write(&manifest, "summary,report\nonly-one-column\n").unwrap();
    let run = batch(&manifest, &dir.path().join("out"));
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("pairs.csv:2"), "{stderr}");
}
