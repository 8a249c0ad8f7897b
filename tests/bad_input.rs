//! Hostile and broken input through the command line: every row of the table
//! ends in the exit code and message it names, within a generous time bound,
//! and never in a panic. The same table drives the page in
//! tests/e2e/bad-input.test.mjs.
#![cfg(feature = "cli")]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Far above what any row needs even in a debug build: catches hangs, not slowness.
const TIME_LIMIT: Duration = Duration::from_secs(180);

const SENTENCE: &str = "The committee reviewed the budget and found that funding for rural \
clinics fell sharply over five years. ";
const OTHER: &str = "Inspectors also noted broken pumps at the water plant in March. ";

fn report() -> Vec<u8> {
    format!("{SENTENCE}{OTHER}").repeat(20).into_bytes()
}

fn summary() -> Vec<u8> {
    SENTENCE.as_bytes().to_vec()
}

/// What a row must end in.
enum Expect {
    /// Exit 1 with this in the message on stderr.
    Error(&'static str),
    /// Exit 0 with a notice of this code in the JSON (`None`: any result).
    Result(Option<&'static str>),
}

struct Row {
    name: &'static str,
    summary: Vec<u8>,
    report: Vec<u8>,
    expect: Expect,
}

fn rows() -> Vec<Row> {
    let row = |name, summary, report, expect| Row {
        name,
        summary,
        report,
        expect,
    };
    let with_report = |text: &str| format!("{text} {SENTENCE}").into_bytes();
    vec![
        row(
            "empty summary",
            vec![],
            report(),
            Expect::Error("The summary is empty"),
        ),
        row(
            "whitespace-only report",
            summary(),
            b" \n\t \r\n ".to_vec(),
            Expect::Error("The report is empty"),
        ),
        row(
            "binary summary",
            (0..=255u8).cycle().take(4096).collect(),
            report(),
            Expect::Error("not a text file (it looks like binary data)"),
        ),
        row(
            "PDF given as the report",
            summary(),
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec(),
            Expect::Error("it looks like a PDF document"),
        ),
        row(
            "a saved web page given as the report",
            summary(),
            format!("<!DOCTYPE html>\n<html><head><title>Review</title></head><body><p>{SENTENCE}</p></body></html>\n")
                .into_bytes(),
            Expect::Error("The report is a web page's HTML source"),
        ),
        row(
            "unknown encoding (bytes no supported encoding defines)",
            [0x81u8, 0x8d, 0x8f, 0x90, 0x9d].repeat(100),
            report(),
            Expect::Error("The summary is not a text file"),
        ),
        row(
            "summary longer than its report",
            format!("{SENTENCE}{OTHER}").repeat(40).into_bytes(),
            report(),
            Expect::Result(Some("summary_longer_than_report")),
        ),
        row(
            "identical documents",
            report(),
            report(),
            Expect::Result(Some("identical_documents")),
        ),
        row(
            "no sentence punctuation",
            "the committee reviewed the budget and found that funding fell\n"
                .repeat(30)
                .into_bytes(),
            report(),
            Expect::Result(Some("no_sentence_punctuation")),
        ),
        row(
            "a single 5 MB line",
            summary(),
            "budget clinics funding pumps "
                .repeat(5_000_000 / 29)
                .into_bytes(),
            Expect::Result(None),
        ),
        row(
            "a 1 MB word",
            summary(),
            with_report(&"a".repeat(1_000_000)),
            Expect::Result(None),
        ),
        row(
            "emoji and combining marks",
            "The café 👩‍👩‍👧 reviewed the bu\u{0301}dget 🇺🇸 and found funding fell. ".into(),
            with_report("Cafe\u{0301} 👍🏽 e\u{0301}\u{0323} budget."),
            Expect::Result(None),
        ),
        row(
            "right-to-left text",
            "قامت اللجنة بمراجعة الميزانية. הוועדה בדקה את התקציב.".into(),
            "قامت اللجنة بمراجعة الميزانية. הוועדה בדקה את התקציב. وجدت أن التمويل انخفض."
                .repeat(5)
                .into(),
            Expect::Result(None),
        ),
        row(
            "CJK text without spaces",
            "农村诊所的资金在五年内大幅下降。".into(),
            "委员会审查了预算。农村诊所的资金在五年内大幅下降。水厂的泵坏了。"
                .repeat(5)
                .into(),
            Expect::Result(None),
        ),
        row(
            "control characters",
            "The committee\x01 reviewed\x07 the budget\x1b[31m and found\x0b funding fell. ".into(),
            report(),
            Expect::Result(None),
        ),
        row(
            "NUL bytes in text",
            "The committee reviewed\0 the budget and\0 found funding fell. ".into(),
            report(),
            Expect::Result(None),
        ),
        row(
            "Shift-JIS summary",
            // "日本語のテキストです。" three times.
            b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42"
                .repeat(3),
            report(),
            Expect::Error("The summary is in a legacy encoding"),
        ),
        row(
            "over the 64 MiB size limit",
            summary(),
            vec![b'a'; 64 * 1024 * 1024 + 1],
            Expect::Error("The report is too large"),
        ),
    ]
}

/// A scratch folder for one row's files, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let slug: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let dir =
            std::env::temp_dir().join(format!("lacuna-bad-input-{}-{slug}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Runs `lacuna compare --format json`, killing it past `TIME_LIMIT`.
fn compare(summary: &Path, report: &Path, out_dir: &Path) -> Output {
    // Output goes to files: a pipe could fill up and stall the child while we poll.
    let stdout = out_dir.join("stdout");
    let stderr = out_dir.join("stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_lacuna"))
        .args(["compare", "--format", "json", "--summary"])
        .arg(summary)
        .arg("--report")
        .arg(report)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .expect("the lacuna binary runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for lacuna") {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("did not finish within {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: std::fs::read(stdout).unwrap(),
        stderr: std::fs::read(stderr).unwrap(),
    }
}

fn check(row: &Row) -> Result<(), String> {
    let scratch = Scratch::new(row.name);
    let summary = scratch.file("summary.txt", &row.summary);
    let report = scratch.file("report.txt", &row.report);
    let out = compare(&summary, &report, &scratch.0);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("panicked") {
        return Err(format!("panicked: {stderr}"));
    }
    let code = out.status.code();
    match row.expect {
        Expect::Error(message) => {
            if code != Some(1) || !stderr.contains(message) {
                return Err(format!(
                    "expected exit 1 and {message:?}, got {code:?} and {stderr:?}"
                ));
            }
        }
        Expect::Result(notice) => {
            if code != Some(0) {
                return Err(format!("expected exit 0, got {code:?}: {stderr}"));
            }
            let json: Value = serde_json::from_slice(&out.stdout)
                .map_err(|e| format!("stdout is not JSON: {e}"))?;
            let codes: Vec<&str> = json["notices"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|n| n["code"].as_str())
                .collect();
            if let Some(notice) = notice {
                if !codes.contains(&notice) {
                    return Err(format!("expected notice {notice}, got {codes:?}"));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn every_bad_input_ends_in_a_clear_message_or_a_result() {
    let failures: Vec<String> = rows()
        .iter()
        .filter_map(|row| check(row).err().map(|e| format!("{}: {e}", row.name)))
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn chinese_is_matched_character_by_character() {
    let scratch = Scratch::new("cjk words");
    let summary = scratch.file("summary.txt", "资金大幅下降。".as_bytes());
    let report = scratch.file(
        "report.txt",
        "委员会审查了预算。\n\n农村诊所的资金在五年内大幅下降。\n\n水厂的泵坏了。".as_bytes(),
    );
    let out = compare(&summary, &report, &scratch.0);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = |needle: &str| {
        json["report"]["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["text"].as_str().unwrap().contains(needle))
            .map(|p| p["status"].clone())
    };
    assert_ne!(status("资金"), Some("omitted".into()));
    assert_eq!(status("水厂"), Some("omitted".into()));
}
