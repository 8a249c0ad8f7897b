//! Alignment quality on the development data: prints the figures the engine
//! issue targets and fails when they regress.
//!
//! Data lives outside the repo in ../shared/data; each test says so and
//! passes vacuously when it is absent (a fresh clone without the data).

mod common;

use common::{data_dir, mueller_gold, poc_instances, read, GoldIndex};
use lacuna::{compare, Options, ParagraphKind, Status};
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .expect("array")
        .iter()
        .map(|s| s.as_str().expect("string").to_string())
        .collect()
}

/// Points of Correspondence: does the designated summary sentence's paragraph
/// ranking find the two article sentences it was fused from?
#[test]
fn poc_fusion_sources_are_ranked_first() {
    let Some(dir) = data_dir() else { return };
    let instances = poc_instances(&dir);
    let (mut hit1, mut recall2, mut recall3) = (0.0, 0.0, 0.0);
    let mut missegmented = 0;
    for inst in &instances {
        let summary = strings(&inst["summary"]);
        let article = strings(&inst["article"]);
        let gold: Vec<u32> = inst["gold"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| g.as_u64().unwrap() as u32)
            .collect();
        let target = inst["summary_gold"].as_u64().unwrap() as usize;
        let result = compare(
            &(summary.join("\n\n") + "\n"),
            &(article.join("\n\n") + "\n"),
            &Options::default(),
        )
        .expect("compares");
        let body = |kind: ParagraphKind| kind != ParagraphKind::Heading;
        let report: Vec<_> = result
            .report
            .paragraphs
            .iter()
            .filter(|p| body(p.kind))
            .collect();
        let summ: Vec<_> = result
            .summary
            .paragraphs
            .iter()
            .filter(|p| body(p.kind))
            .collect();
        if report.len() != article.len() || summ.len() != summary.len() {
            missegmented += 1;
            continue;
        }
        let index_of = |id: u32| report.iter().position(|p| p.id == id).map(|i| i as u32);
        let ranked: Vec<u32> = summ[target]
            .links
            .iter()
            .filter_map(|l| index_of(l.paragraph))
            .collect();
        let found =
            |k: usize| ranked.iter().take(k).filter(|r| gold.contains(r)).count() as f64 / 2.0;
        hit1 += f64::from(ranked.first().is_some_and(|r| gold.contains(r)));
        recall2 += found(2);
        recall3 += found(3);
    }
    let n = instances.len() as f64;
    let (hit1, recall2, recall3) = (hit1 / n, recall2 / n, recall3 / n);
    println!("poc n={n} hit@1 {hit1:.3} recall@2 {recall2:.3} recall@3 {recall3:.3} (missegmented: {missegmented})");
    // The targets are hit@1 0.95 and recall@2 0.85; lexical alignment
    // reaches about 0.946 and 0.86 here. These floors guard what is achieved.
    println!("poc targets: hit@1 0.95, recall@2 0.85 (plain TF-IDF: 0.915, 0.771)");
    assert!(hit1 >= 0.945, "hit@1 {hit1:.3} regressed below 0.945");
    assert!(
        recall2 >= 0.855,
        "recall@2 {recall2:.3} regressed below 0.855"
    );
}

/// A summary made only of copied report sentences must mark exactly those
/// covered and everything else omitted.
fn extractive_f1(pairs: &[(String, String, Vec<String>)]) -> f64 {
    let norm = |t: &str| {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for (summary, report, _) in pairs {
        let result = compare(summary, report, &Options::default()).expect("compares");
        let summ = norm(summary);
        for p in &result.report.paragraphs {
            for s in &p.sentences {
                let t = norm(&s.text);
                if t.len() < 20 {
                    continue;
                }
                let copied = summ.contains(&t);
                let omitted = s.status == Some(Status::Omitted);
                match (omitted, copied) {
                    (true, false) => tp += 1,
                    (true, true) => fp += 1,
                    (false, false) => fn_ += 1,
                    (false, true) => {}
                }
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fn_).max(1) as f64;
    2.0 * precision * recall / (precision + recall).max(1e-9)
}

/// Builds extractive summaries from news articles: every third sentence, BBC
/// style (sentences run together after full stops), from raw-looking text.
#[test]
fn extractive_summary_marks_exactly_the_copied_sentences() {
    let Some(dir) = data_dir() else { return };
    let detok = |s: &str| {
        s.replace(" .", ".")
            .replace(" ,", ",")
            .replace(" 's", "'s")
            .replace(" n't", "n't")
            .replace("`` ", "\"")
            .replace(" ''", "\"")
            .replace(" ?", "?")
            .replace(" !", "!")
            .replace(" ;", ";")
            .replace(" :", ":")
    };
    let pairs: Vec<(String, String, Vec<String>)> = poc_instances(&dir)
        .iter()
        .take(120)
        .map(|inst| {
            let article: Vec<String> = strings(&inst["article"]).iter().map(|s| detok(s)).collect();
            let picked: Vec<String> = article
                .iter()
                .enumerate()
                .filter(|(i, s)| i % 3 == 0 && s.len() > 40)
                .map(|(_, s)| s.clone())
                .collect();
            let paragraphs: Vec<String> = article.chunks(2).map(|c| c.join(" ")).collect();
            let summary = picked.concat().replace('.', ". ");
            (summary, paragraphs.join("\n\n"), picked)
        })
        .collect();
    let f1 = extractive_f1(&pairs);
    println!(
        "extractive omitted-label F1 {f1:.3} over {} articles",
        pairs.len()
    );
    assert!(f1 >= 0.98, "omitted-label F1 {f1:.3} below 0.98");
}

/// Gold paragraphs of the Mueller pair: report body paragraphs (run-in labels
/// of fewer than 4 words left out) and summary paragraphs with a gold section.
struct SectionGold<'a> {
    report: GoldIndex<'a>,
    summary: GoldIndex<'a>,
}

impl<'a> SectionGold<'a> {
    fn new(gold: &'a Value) -> Self {
        let blocks = |side: &str| gold[side].as_array().unwrap().iter();
        SectionGold {
            report: GoldIndex::new(
                blocks("report")
                    .filter(|b| {
                        b["kind"] == "para"
                            && common::eval_tokens(b["text"].as_str().unwrap()).len() >= 4
                    })
                    .collect(),
            ),
            summary: GoldIndex::new(
                blocks("summary")
                    .filter(|b| b["kind"] == "para" && b["gold_section"].is_string())
                    .collect(),
            ),
        }
    }

    /// Share of summary paragraphs whose best-linked report paragraph lies in
    /// their gold section (or a subsection of it), printing the misses; and
    /// the other way round, share of report paragraphs (in a section the
    /// summary condenses) whose best-linked summary paragraph is the one
    /// condensing that section.
    fn accuracy(&self, label: &str, summary: &str, report: &str) -> (f64, f64) {
        let result = compare(summary, report, &Options::default()).expect("compares");
        let (mut ok, mut total) = (0, 0);
        for p in &result.summary.paragraphs {
            if p.kind == ParagraphKind::Heading {
                continue;
            }
            let Some((j, f)) = self.summary.best(&p.text) else {
                continue;
            };
            if f < 0.5 {
                continue;
            }
            let want = self.summary.blocks[j]["gold_section"].as_str().unwrap();
            total += 1;
            let Some(top) = p.links.iter().max_by(|a, b| a.score.total_cmp(&b.score)) else {
                continue;
            };
            let linked = &result.report.paragraphs[top.paragraph as usize].text;
            let got = match self.report.best(linked) {
                Some((k, f)) if f >= 0.3 => self.report.blocks[k]["section"].as_str().unwrap_or(""),
                _ => "",
            };
            if got == want || got.starts_with(&format!("{want}.")) {
                ok += 1;
            } else {
                println!(
                    "  {label}: wanted {want}, linked {got}: {}",
                    &p.text[..p.text.len().min(70)]
                );
            }
        }
        let accuracy = ok as f64 / total.max(1) as f64;
        println!("{label}: section accuracy {ok}/{total} = {accuracy:.3}");
        let condensed: Vec<&str> = self
            .summary
            .blocks
            .iter()
            .map(|b| b["gold_section"].as_str().unwrap())
            .collect();
        let (mut back, mut back_total) = (0, 0);
        for p in &result.report.paragraphs {
            if matches!(p.kind, ParagraphKind::Heading | ParagraphKind::Footnote) {
                continue;
            }
            let (Some(top), Some((k, f))) = (p.links.first(), self.report.best(&p.text)) else {
                continue;
            };
            let section = self.report.blocks[k]["section"].as_str().unwrap_or("");
            let Some(want) = condensed
                .iter()
                .filter(|&&c| section == c || section.starts_with(&format!("{c}.")))
                .max_by_key(|c| c.len())
            else {
                continue;
            };
            if f < 0.9 {
                continue;
            }
            back_total += 1;
            let linked = &result.summary.paragraphs[top.paragraph as usize].text;
            if let Some((j, f)) = self.summary.best(linked) {
                back += usize::from(f >= 0.5 && condensed[j] == *want);
            }
        }
        let backward = back as f64 / back_total.max(1) as f64;
        println!("{label}: report paragraphs linked to their section's summary paragraph {back}/{back_total} = {backward:.3}");
        (accuracy, backward)
    }
}

/// Mueller Volume II: does each summary paragraph's best-linked report
/// paragraph lie in the section the summary's own headings say it summarises?
#[test]
fn summary_paragraphs_link_into_their_sections() {
    let Some(dir) = data_dir() else { return };
    let gold = mueller_gold(&dir);
    let judge = SectionGold::new(&gold);
    let (mut worst, mut worst_back): (f64, f64) = (1.0, 1.0);
    for variant in ["clean", "pdftotext", "ocr"] {
        let summary = read(&dir, &format!("mueller-vol2/{variant}/summary.txt"));
        let report = read(&dir, &format!("mueller-vol2/{variant}/report.txt"));
        let (forward, backward) = judge.accuracy(variant, &summary, &report);
        worst = worst.min(forward);
        worst_back = worst_back.min(backward);
    }
    // The target: 0.95 on each variant. All three reach 1.0 (OCR since
    // its "Ill." is read as section III), but one paragraph in 20 is 0.05, so a
    // floor of 1.0 would only measure luck.
    assert!(
        worst >= 0.95,
        "section accuracy {worst:.3} below 0.95 on some variant"
    );
    assert!(
        worst_back >= 0.8,
        "report-to-summary section accuracy {worst_back:.3} below 0.8 on some variant"
    );
}

/// The same on reshaped copies of the clean pair, a stand-in for unseen
/// reports: links must not lean on the summary mirroring the report's
/// headings or order, nor on one particular depth of report headings.
#[test]
fn section_links_survive_reshaped_documents() {
    let Some(dir) = data_dir() else { return };
    let gold = mueller_gold(&dir);
    let judge = SectionGold::new(&gold);
    let blocks = |side: &str| gold[side].as_array().unwrap().clone();
    let join = |blocks: &[Value]| {
        blocks
            .iter()
            .map(|b| b["text"].as_str().unwrap())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let (summary, report) = (blocks("summary"), blocks("report"));
    let heading = |b: &Value| b["kind"] == "heading";
    let depth = |b: &Value| b["path"].as_array().map_or(0, Vec::len);
    // The summary's paragraphs without its headings, last first.
    let mut bare: Vec<Value> = summary.iter().filter(|b| !heading(b)).cloned().collect();
    bare.reverse();
    // The report with only its top two heading levels.
    let shallow: Vec<Value> = report
        .iter()
        .filter(|b| !heading(b) || depth(b) <= 2)
        .cloned()
        .collect();
    let mut worst: f64 = 1.0;
    for (label, s, r) in [
        ("summary headings dropped, order reversed", &bare, &report),
        ("report headings below level 2 dropped", &summary, &shallow),
    ] {
        worst = worst.min(judge.accuracy(label, &join(s), &join(r)).0);
    }
    assert!(
        worst >= 1.0,
        "section accuracy {worst:.3} below 1.0 on a reshaped pair"
    );
}

/// Dropped facts are what the body says and the summary does not: no
/// fact from the notes (the report's citations and interview forms), and few
/// bare numbers, which in a legal report are mostly citation pages and
/// note references. Prints the count of each kind per variant.
#[test]
fn dropped_facts_come_from_the_body_not_its_references() {
    let Some(dir) = data_dir() else { return };
    for variant in ["clean", "pdftotext", "ocr"] {
        let summary = read(&dir, &format!("mueller-vol2/{variant}/summary.txt"));
        let report = read(&dir, &format!("mueller-vol2/{variant}/report.txt"));
        let result = compare(&summary, &report, &Options::default()).expect("compares");
        let paragraphs = &result.report.paragraphs;
        let mut counts = std::collections::BTreeMap::new();
        for fact in &result.facts.dropped {
            *counts.entry(format!("{:?}", fact.kind)).or_insert(0) += 1;
            for o in &fact.occurrences {
                let kind = paragraphs[o.paragraph as usize].kind;
                assert_ne!(
                    kind,
                    ParagraphKind::Footnote,
                    "{variant}: {:?} from a note",
                    fact.text
                );
            }
        }
        println!("{variant}: dropped facts by kind {counts:?}");
        let numbers = counts.get("Number").copied().unwrap_or(0);
        assert!(
            numbers <= 70,
            "{variant}: {numbers} dropped numbers, most of them references"
        );
    }
}

/// The share of the report the summary covers is a share of the body text:
/// the figure quoted with it counts no notes. The `pdftotext` report's notes
/// are a quarter of its words, yet its body text is as long as the clean
/// report's, which has none.
#[test]
fn coverage_is_a_share_of_the_body_text_not_the_notes() {
    let Some(dir) = data_dir() else { return };
    let stats = |variant: &str| {
        let summary = read(&dir, &format!("mueller-vol2/{variant}/summary.txt"));
        let report = read(&dir, &format!("mueller-vol2/{variant}/report.txt"));
        compare(&summary, &report, &Options::default())
            .expect("compares")
            .stats
    };
    let (clean, converted) = (stats("clean"), stats("pdftotext"));
    println!(
        "body words: clean {} of {}, pdftotext {} of {}",
        clean.body_words, clean.report_words, converted.body_words, converted.report_words
    );
    assert!(clean.body_words <= clean.report_words);
    assert!(
        (converted.body_words as f64) < 0.8 * converted.report_words as f64,
        "the notes counted as body text"
    );
    let apart = converted.body_words.abs_diff(clean.body_words) as f64;
    assert!(
        apart < 0.03 * clean.body_words as f64,
        "body text of {} and {} words",
        clean.body_words,
        converted.body_words
    );
}
