//! Benchmarks of the core on the Mueller report, Volume II (the example the
//! page ships in `www/examples/`, 400 KB): the whole comparison, the same
//! report repeated 16 times (6.4 MB, to show growth is linear), and
//! segmentation alone. After criterion's figures it prints the stage timings
//! of one comparison and the growth ratio of the 16-fold report.
//!
//! `cargo bench --bench compare`, or `bash scripts/bench.sh` for these and
//! the browser's figures together.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, Throughput};
use lacuna::{compare, segment, Comparison, Options};

/// How many copies of the report the growth benchmark compares against.
const REPEATS: usize = 16;

fn example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("www/examples/mueller-vol2")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The report `n` times over, as one long report.
fn repeated(report: &str, n: usize) -> String {
    vec![report; n].join("\n\n")
}

fn run(summary: &str, report: &str) -> Comparison {
    compare(summary, report, &Options::default()).expect("the example compares")
}

fn benches(c: &mut Criterion, summary: &str, report: &str, big: &str) {
    let mut group = c.benchmark_group("mueller");
    group.throughput(Throughput::Bytes(report.len() as u64));
    group.bench_function("compare", |b| {
        b.iter(|| run(black_box(summary), black_box(report)))
    });
    group.bench_function("segment report", |b| b.iter(|| segment(black_box(report))));
    group.finish();

    let mut group = c.benchmark_group("mueller x16");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .measurement_time(Duration::from_secs(15))
        .throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("compare", |b| {
        b.iter(|| run(black_box(summary), black_box(big)))
    });
    group.finish();
}

/// Median wall-clock milliseconds of `runs` comparisons, and the last result.
fn median_ms(summary: &str, report: &str, runs: usize) -> (f64, Comparison) {
    let mut times = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(run(summary, report));
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    (times[runs / 2], last.expect("at least one run"))
}

/// Prints where one comparison's time goes and how it grows with the report.
fn growth(summary: &str, report: &str, big: &str) {
    let (one, result) = median_ms(summary, report, 21);
    let t = &result.stats.timings;
    println!(
        "\nmueller: median {one:.1} ms per comparison (segment {:.1}, align {:.1}, score {:.1}, diff {:.1} ms in the last run)",
        t.segment_ms, t.align_ms, t.score_ms, t.diff_ms
    );
    let (many, _) = median_ms(summary, big, 5);
    println!(
        "mueller x{REPEATS} ({:.1} MB): median {many:.1} ms per comparison: growth {:.1}x for {REPEATS}x the text (linear is {REPEATS}x)",
        big.len() as f64 / 1e6,
        many / one
    );
}

fn main() {
    let summary = example("summary.txt");
    let report = example("report.txt");
    let big = repeated(&report, REPEATS);
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion, &summary, &report, &big);
    criterion.final_summary();
    growth(&summary, &report, &big);
}
