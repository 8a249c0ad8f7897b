//! The public Rust API compiled to wasm32 and run in headless Chromium
//! (`wasm-pack test --headless --chrome -- --test wasm`): proves the core,
//! its clock (`web_time`) and its error values work inside a browser.
#![cfg(target_arch = "wasm32")]

use lacuna::{Error, Options, ParagraphKind, Side, Status};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const SUMMARY: &str = "The city's water treatment plant failed its safety inspection \
because the chlorine pumps were broken.\n";

const REPORT: &str = "Water treatment

Inspectors visited the city's water treatment plant in March. The plant failed its safety \
inspection because the chlorine pumps were broken.

Library funding

The public library's budget fell by a third over five years, and two branches in the \
northern districts closed their reading rooms on weekends.
";

/// Body paragraphs of the report whose text contains `needle`.
fn body_paragraph<'a>(result: &'a lacuna::Comparison, needle: &str) -> &'a lacuna::Paragraph {
    result
        .report
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Paragraph && p.text.contains(needle))
        .unwrap_or_else(|| panic!("no report body paragraph contains {needle:?}"))
}

#[wasm_bindgen_test]
fn compare_marks_the_left_out_paragraph_omitted() {
    let result = lacuna::compare(SUMMARY, REPORT, &Options::default()).expect("compare failed");

    let water = body_paragraph(&result, "chlorine pumps");
    let library = body_paragraph(&result, "library's budget");
    assert_eq!(
        library.status,
        Some(Status::Omitted),
        "library: {library:?}"
    );
    assert_ne!(water.status, Some(Status::Omitted), "water: {water:?}");
    assert!(
        water.coverage.unwrap_or(0.0) > library.coverage.unwrap_or(0.0),
        "the summarised paragraph should be better covered than the omitted one"
    );
    assert!(result.stats.omitted_paragraphs >= 1, "{:?}", result.stats);
    // The stage timings come from `web_time`, i.e. `performance.now()` here.
    assert!(result.stats.timings.total_ms >= 0.0);
}

#[wasm_bindgen_test]
fn empty_summary_is_a_clear_error() {
    let err = lacuna::compare(" \n\t ", REPORT, &Options::default()).unwrap_err();
    assert_eq!(err, Error::Empty(Side::Summary));
    let message = err.to_string();
    assert!(
        message.contains("summary is empty"),
        "unclear message: {message}"
    );
}

#[wasm_bindgen_test]
fn out_of_range_option_is_rejected() {
    let options = Options {
        covered_threshold: 1.5,
        ..Options::default()
    };
    let err = lacuna::compare(SUMMARY, REPORT, &options).unwrap_err();
    assert!(matches!(err, Error::InvalidOption(_)), "{err:?}");
    assert!(err.to_string().contains("covered_threshold"), "{err}");
}

#[wasm_bindgen_test]
fn decode_reads_utf16_and_refuses_a_pdf() {
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend("Résumé".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(lacuna::decode(&utf16, Side::Summary).unwrap(), "Résumé");

    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n\0\0\0";
    let err = lacuna::decode(pdf, Side::Report).unwrap_err();
    assert!(
        matches!(
            err,
            Error::NotText {
                side: Side::Report,
                ..
            }
        ),
        "{err:?}"
    );
}

#[wasm_bindgen_test]
fn segment_and_word_diff_run_in_the_browser() {
    let doc = lacuna::segment(REPORT);
    let water = doc
        .paragraphs
        .iter()
        .find(|p| p.text.contains("chlorine pumps"))
        .expect("the water paragraph");
    // Offsets are UTF-16 code units into the input; this input is ASCII.
    let original = &REPORT[water.start as usize..water.end as usize];
    assert!(original.starts_with("Inspectors visited"), "{original:?}");
    assert!(original.ends_with("were broken."), "{original:?}");
    assert!(doc.words > 40, "{} words", doc.words);

    let diff = lacuna::word_diff(
        "The plant failed its safety inspection in March.",
        "The plant failed its inspection.",
    );
    assert!(diff.kept_share > 0.0 && diff.kept_share < 1.0, "{diff:?}");
}

#[wasm_bindgen_test]
fn stays_usable_after_an_error() {
    assert!(lacuna::compare("", REPORT, &Options::default()).is_err());
    assert!(lacuna::decode(b"%PDF-1.7\n", Side::Report).is_err());
    let result =
        lacuna::compare(SUMMARY, REPORT, &Options::default()).expect("compare after an error");
    assert!(result.stats.report_words > 0);
}
