//! `lacuna`: the native command line over the same core the browser runs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};
use lacuna::{Comparison, Options, Side};

mod batch;

#[derive(Parser)]
#[command(
    name = "lacuna",
    version,
    about = "Show what an executive summary leaves out of its report."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Align a summary with its report and list what the summary omits.
    Compare {
        /// The executive summary (plain text, any common encoding).
        #[arg(long)]
        summary: PathBuf,
        /// The full report.
        #[arg(long)]
        report: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        #[command(flatten)]
        thresholds: Thresholds,
    },
    /// Compare many pairs listed in a manifest, on every core: one JSON
    /// result per pair and a CSV of headline figures (results.csv) in --out.
    /// Exits non-zero if any pair failed; the others are still compared.
    Batch {
        /// CSV with `summary` and `report` columns (and optionally `id`), or
        /// JSON Lines (.jsonl) of {"summary", "report", "id"}; paths are
        /// relative to the manifest.
        manifest: PathBuf,
        /// Folder for the results (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// Pairs compared at once (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
        #[command(flatten)]
        thresholds: Thresholds,
    },
    /// Print the paragraphs, headings and sentences Lacuna finds in a text.
    Segment {
        /// The text file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
    },
}

/// The verdict thresholds a run may change.
#[derive(Args)]
struct Thresholds {
    /// Coverage at or above which report text counts as covered.
    #[arg(long)]
    covered_threshold: Option<f32>,
    /// Coverage at or above which report text counts as partly covered.
    #[arg(long)]
    partial_threshold: Option<f32>,
}

impl Thresholds {
    fn options(&self) -> Options {
        let mut options = Options::default();
        if let Some(v) = self.covered_threshold {
            options.covered_threshold = v;
        }
        if let Some(v) = self.partial_threshold {
            options.partial_threshold = v;
        }
        options
    }
}

fn read(path: &Path, side: Side) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    lacuna::decode(&bytes, side).map_err(|e| format!("{}: {e}", path.display()))
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), String> {
    // Stdout is line-buffered and serde_json writes in small pieces: without
    // a buffer of its own, every piece is searched for a newline (a seventh of
    // the instructions of a `compare --format json` of the Mueller pair).
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer(&mut out, value).map_err(|e| e.to_string())?;
    writeln!(out).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())
}

fn print_text(result: &Comparison) {
    let s = &result.stats;
    println!(
        "Summary: {} words. Report: {} words (compression {:.1}%).",
        s.summary_words,
        s.report_words,
        s.compression * 100.0
    );
    println!(
        "Coverage of the report: {:.1}% of its {} words of body text. Paragraphs covered {}, partly {}, omitted {}. Unsupported summary sentences: {}.",
        s.coverage * 100.0,
        s.body_words,
        s.covered_paragraphs,
        s.partial_paragraphs,
        s.omitted_paragraphs,
        s.unsupported_sentences
    );
    for notice in &result.notices {
        println!("Note: {}", notice.message);
    }
    println!("\nWeightiest omissions:");
    for o in result.omissions.iter().take(10) {
        println!(
            "{:>3}. [{}] {}\n     key terms: {}",
            o.rank,
            o.section.last().map_or("", String::as_str),
            o.preview,
            o.key_terms.join(", ")
        );
    }
    println!(
        "\nFacts the summary drops ({}):",
        result.facts.dropped.len()
    );
    for f in result.facts.dropped.iter().take(15) {
        println!("  {:?}: {} (×{})", f.kind, f.text, f.occurrences.len());
    }
}

fn run(cli: Cli) -> Result<(), String> {
    match cli.command {
        Command::Compare {
            summary,
            report,
            format,
            thresholds,
        } => {
            let options = thresholds.options();
            let summary = read(&summary, Side::Summary)?;
            let report = read(&report, Side::Report)?;
            let result = lacuna::compare(&summary, &report, &options).map_err(|e| e.to_string())?;
            match format {
                Format::Json => print_json(&result)?,
                Format::Text => print_text(&result),
            }
        }
        Command::Batch {
            manifest,
            out,
            jobs,
            thresholds,
        } => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(jobs.unwrap_or(0))
                .build()
                .map_err(|e| e.to_string())?;
            let failed = pool.install(|| batch::run(&manifest, &out, &thresholds.options()))?;
            if failed > 0 {
                return Err(format!(
                    "{failed} pair(s) failed; see the error column of {}",
                    out.join(batch::FIGURES).display()
                ));
            }
        }
        Command::Segment { file, format } => {
            let text = read(&file, Side::Text)?;
            let doc = lacuna::segment(&text);
            match format {
                Format::Json => print_json(&doc)?,
                Format::Text => {
                    for p in &doc.paragraphs {
                        println!("[{} {:?}] {}", p.id, p.kind, p.text);
                    }
                }
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("lacuna: {message}");
            ExitCode::FAILURE
        }
    }
}
