//! The same inputs give the same result, run after run: nothing in the
//! pipeline may depend on hash-map order, time or addresses. (Native against
//! WASM is tests/e2e/determinism.test.mjs.)

mod common;

use serde_json::Value;

/// The result as JSON without `stats.timings`, the one part that may differ.
fn result_json(summary: &str, report: &str) -> Value {
    let result = lacuna::compare(summary, report, &lacuna::Options::default()).expect("compares");
    let mut json = serde_json::to_value(result).expect("serialises");
    json["stats"]
        .as_object_mut()
        .expect("stats")
        .remove("timings");
    json
}

/// The clean Mueller summary and report, when the data is there.
fn mueller_clean() -> Option<(String, String)> {
    let dir = common::data_dir()?.join("mueller-vol2/clean");
    let read = |name| std::fs::read_to_string(dir.join(name)).expect("example document");
    Some((read("summary.txt"), read("report.txt")))
}

#[test]
fn two_runs_give_identical_json() {
    let Some((summary, report)) = mueller_clean() else {
        return;
    };
    let first = result_json(&summary, &report);
    let second = result_json(&summary, &report);
    assert!(first == second, "two runs on the Mueller example differ");
}

/// Natively the comparison splits its work over the threads of the current
/// rayon pool; with one thread it runs in one piece, as on WASM. The split
/// must never show in the result.
/// (rayon is a native dependency only: `wasm-pack test` compiles this file too.)
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn one_thread_and_several_give_identical_json() {
    let Some((summary, report)) = mueller_clean() else {
        return;
    };
    let on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| result_json(&summary, &report))
    };
    let sequential = on(1);
    for threads in [2, 3] {
        assert!(
            on(threads) == sequential,
            "{threads} threads and one thread differ on the Mueller example"
        );
    }
}
