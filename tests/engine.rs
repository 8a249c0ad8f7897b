//! Behaviour of the alignment and omission engine on small, readable cases.

use lacuna::{compare, DiffKind, FactKind, Options, ParagraphKind, Status};

const REPORT: &str = "\
1. Background

The child was seen by the health visitor in March. The family moved house twice during the year.

2. Missed appointments

The mother missed 4 appointments at the clinic between May and July. No one followed up the missed appointments.

3. Lost files

The case file was lost when the team moved offices in August. A handover between social workers was never done.
";

fn sentence_status(result: &lacuna::Comparison, needle: &str) -> Status {
    result
        .report
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .find(|s| s.text.contains(needle))
        .and_then(|s| s.status)
        .unwrap_or_else(|| panic!("no report sentence contains {needle:?}"))
}

#[test]
fn a_summary_that_skips_a_section_leaves_it_omitted() {
    let summary = "The health visitor saw the child in March, and the family moved house twice. \
                   The mother missed four clinic appointments and nobody followed them up.";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    assert_eq!(sentence_status(&result, "health visitor"), Status::Covered);
    assert_ne!(
        sentence_status(&result, "missed 4 appointments"),
        Status::Omitted
    );
    assert_eq!(
        sentence_status(&result, "case file was lost"),
        Status::Omitted
    );
    assert_eq!(sentence_status(&result, "handover"), Status::Omitted);
    let lost = result
        .sections
        .iter()
        .find(|s| s.path.last().is_some_and(|h| h.contains("Lost files")));
    let lost = lost.expect("a section for Lost files");
    assert_eq!(lost.coverage, 0.0);
    assert_eq!(lost.omitted, 1);
    let top = &result.omissions[0];
    assert!(
        top.preview.contains("case file") || top.preview.contains("handover"),
        "{top:?}"
    );
    assert!(top.facts.iter().any(|f| f == "August"), "{top:?}");
}

#[test]
fn every_summary_sentence_links_to_its_source_with_an_explanation() {
    let summary =
        "Nobody followed up the missed appointments. The case file was lost in the office move.";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let sentences: Vec<_> = result
        .summary
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .collect();
    assert_eq!(sentences.len(), 2);
    for (s, source) in sentences
        .iter()
        .zip(["No one followed up", "case file was lost"])
    {
        let best = &s.links[0];
        let linked = result.report.paragraphs[best.paragraph as usize]
            .sentences
            .iter()
            .find(|r| r.id == best.sentence)
            .unwrap();
        assert!(
            linked.text.contains(source),
            "{} linked to {}",
            s.text,
            linked.text
        );
        assert!(!best.terms.is_empty());
        assert_eq!(s.status, Some(Status::Supported), "{}", s.text);
        let diff = best.diff.as_ref().expect("a word diff for the best link");
        assert!(diff.spans.iter().any(|d| d.kind == DiffKind::Kept));
        assert!(diff.spans.iter().any(|d| d.kind == DiffKind::Dropped));
    }
}

#[test]
fn unsupported_summary_claims_are_flagged() {
    let summary =
        "The mother missed 4 appointments. The police prosecuted the landlord for arson in 2011.";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let claim = result
        .summary
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .find(|s| s.text.contains("arson"))
        .unwrap();
    assert_eq!(claim.status, Some(Status::Unsupported));
    assert!(result
        .facts
        .unsupported
        .iter()
        .any(|f| f.kind == FactKind::Date && f.text == "2011"));
    assert_eq!(result.stats.unsupported_sentences, 1);
}

/// A heading makes no claim: a summary's "Key findings" is scored but
/// never flagged unsupported, nor counted among the summary's sentences.
#[test]
fn summary_headings_make_no_claims() {
    let summary = "KEY FINDINGS\n\nThe mother missed 4 appointments. \
                   The police prosecuted the landlord for arson in 2011.\n";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let heading = &result.summary.paragraphs[0];
    assert_eq!(heading.kind, ParagraphKind::Heading);
    assert_eq!(heading.status, None);
    assert!(heading.sentences.iter().all(|s| s.status.is_none()));
    assert!(heading.sentences.iter().all(|s| s.support.is_some()));
    assert_eq!(result.stats.summary_sentences, 2);
    assert_eq!(result.stats.unsupported_sentences, 1);
}

#[test]
fn copying_the_report_covers_everything() {
    let result = compare(REPORT, REPORT, &Options::default()).unwrap();
    for p in &result.report.paragraphs {
        assert_eq!(p.status, Some(Status::Covered), "{}", p.text);
    }
    assert!(result.omissions.is_empty());
    assert!(result.facts.dropped.is_empty());
    assert!(result
        .notices
        .iter()
        .any(|n| n.code == "identical_documents"));
}

/// An empty sum of floats is -0.0 in Rust: a sentence nothing covers must
/// still score (and print as) 0, not -0.
#[test]
fn unmatched_text_scores_positive_zero() {
    let summary = "The health visitor saw the child in March. Cats enjoy sunny windowsills.";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let scores = result
        .report
        .paragraphs
        .iter()
        .flat_map(|p| p.sentences.iter().map(|s| s.coverage).chain([p.coverage]))
        .chain(
            result
                .summary
                .paragraphs
                .iter()
                .flat_map(|p| p.sentences.iter().map(|s| s.support).chain([p.support])),
        )
        .map(|score| score.expect("scored"))
        .collect::<Vec<_>>();
    assert!(scores.contains(&0.0), "{scores:?}");
    assert!(scores.iter().all(|s| s.is_sign_positive()), "{scores:?}");
}

#[test]
fn thresholds_move_the_verdicts() {
    let summary = "The mother missed appointments at the clinic.";
    let strict = Options {
        covered_threshold: 0.95,
        partial_threshold: 0.9,
        ..Options::default()
    };
    let lenient = Options {
        covered_threshold: 0.2,
        partial_threshold: 0.1,
        ..Options::default()
    };
    let status = |o: &Options| {
        sentence_status(
            &compare(summary, REPORT, o).unwrap(),
            "missed 4 appointments",
        )
    };
    assert_eq!(status(&strict), Status::Omitted);
    assert_eq!(status(&lenient), Status::Covered);
}

#[test]
fn links_keep_near_misses_below_the_alignment_threshold() {
    let summary =
        "The family moved and the mother missed appointments while the team moved offices.";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let body = result
        .summary
        .paragraphs
        .iter()
        .find(|p| !p.sentences.is_empty())
        .unwrap();
    assert!(body.links.len() >= 3, "{:?}", body.links);
    assert!(body.links.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn bad_options_and_empty_inputs_are_clear_errors() {
    let bad = Options {
        covered_threshold: 0.2,
        partial_threshold: 0.5,
        ..Options::default()
    };
    let err = compare("a b c", REPORT, &bad).unwrap_err().to_string();
    assert!(err.contains("partial_threshold"), "{err}");
    let err = compare("  \n ", REPORT, &Options::default())
        .unwrap_err()
        .to_string();
    assert!(err.contains("summary is empty"), "{err}");
}

/// Redaction marks stay in the text but are no content: a summary sentence
/// that happens to use the label's words ("an ongoing matter", "harm") must
/// not link to a redacted sentence, and the label's words are neither
/// omission key terms nor dropped facts.
#[test]
fn redaction_marks_are_not_content() {
    let report = "\
1. Contacts

The campaign chairman shared internal polling data with a business associate in Madrid.

2. Redacted

Harm to Ongoing Matter HOM Harm to Ongoing Matter [REDACTED] ■■■■ XXXX.

3. Later

The associate left for Kiev the following week without explaining the trip.
";
    let summary = "The chairman shared polling data with an associate. \
                   Doing so risked harm to an ongoing matter.";
    let result = compare(summary, report, &Options::default()).unwrap();
    let redacted = result
        .report
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .find(|s| s.text.contains("HOM"))
        .expect("the redacted sentence")
        .id;
    for s in result.summary.paragraphs.iter().flat_map(|p| &p.sentences) {
        assert!(
            s.links.iter().all(|l| l.sentence != redacted),
            "{:?} links to the redaction: {:?}",
            s.text,
            s.links
        );
    }
    let label = ["harm", "ongoing", "matter", "hom", "redacted", "xxxx"];
    for o in &result.omissions {
        for t in &o.key_terms {
            assert!(
                !label.contains(&t.to_lowercase().as_str()),
                "key term {t:?} is a redaction label"
            );
        }
    }
    for f in &result.facts.dropped {
        assert!(
            !f.text.contains("Ongoing") && !f.text.contains("HOM"),
            "dropped fact {:?} is a redaction label",
            f.text
        );
    }
}

/// Case names in inline legal citations ("United States v. Aguilar") say
/// which authority is cited, not what the report found: an omitted passage
/// lists its own content words as key terms, not the parties of its citations.
#[test]
fn omission_key_terms_skip_case_names_in_citations() {
    let report = "\
1. Law

Obstruction statutes reach corrupt attempts to impede official proceedings, see United States v. Aguilar, 515 U.S. 593, 599 (1995), and Arthur Andersen LLP v. United States, 544 U.S. 696 (2005). The nexus requirement narrows them. Aguilar, 515 U.S. at 600; Arthur Andersen, 544 U.S. at 707.

2. Facts

The President asked the White House Counsel to have the Special Counsel removed.
";
    let summary =
        "The President asked the White House Counsel to have the Special Counsel removed.";
    let result = compare(summary, report, &Options::default()).unwrap();
    let terms: Vec<String> = result
        .omissions
        .iter()
        .flat_map(|o| o.key_terms.iter().map(|t| t.to_lowercase()))
        .collect();
    let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
    assert!(
        terms.contains(&"obstruction") || terms.contains(&"corrupt"),
        "the passage's own terms are missing: {terms:?}"
    );
    for party in ["united", "states", "aguilar", "arthur", "andersen", "llp"] {
        assert!(
            !terms.contains(&party),
            "{party:?} from a case name is a key term: {terms:?}"
        );
    }
}

#[test]
fn body_text_never_links_to_a_heading() {
    // The summary's heading repeats the report's words; its paragraph is about
    // something else. The report's paragraph on missed appointments is then
    // summarised by nothing, whatever the heading says.
    let summary = "2. Missed appointments\n\nThe case file was lost in the office move, and no handover was done.\n";
    let result = compare(summary, REPORT, &Options::default()).unwrap();
    let heading = result
        .summary
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Heading)
        .expect("the summary's heading is recognised");
    for p in &result.report.paragraphs {
        if p.kind == ParagraphKind::Heading {
            continue;
        }
        assert!(
            p.links.iter().all(|l| l.paragraph != heading.id),
            "{:?} links to the summary heading",
            p.text
        );
        for s in &p.sentences {
            assert!(s.links.iter().all(|l| l.paragraph != heading.id));
        }
    }
    assert_eq!(
        sentence_status(&result, "missed 4 appointments"),
        Status::Omitted
    );
    let own = result
        .report
        .paragraphs
        .iter()
        .find(|p| p.kind == ParagraphKind::Heading && p.text.contains("Missed"))
        .expect("the report's heading is recognised");
    assert_eq!(heading.links[0].paragraph, own.id, "headings still pair up");
}

/// Terms are matched in lower case but shown as the documents write them:
/// names and acronyms keep their capitals, other words are lower case
/// even where a sentence opens with them.
#[test]
fn terms_are_shown_as_the_documents_write_them() {
    let summary = "The FBI told McGahn about the memo.";
    let report = "Memos matter. McGahn said the FBI had the memo on Tuesday.\n\n\
                  Porter kept a second memo in his safe at the office.\n";
    let result = compare(summary, report, &Options::default()).unwrap();
    let link = &result.summary.paragraphs[0].sentences[0].links[0];
    let terms: Vec<&str> = link.terms.iter().collect();
    for term in ["FBI", "McGahn", "memo"] {
        assert!(terms.contains(&term), "{term:?} not in {terms:?}");
    }
    let key_terms: Vec<&str> = result
        .omissions
        .iter()
        .flat_map(|o| o.key_terms.iter().map(String::as_str))
        .collect();
    assert!(key_terms.contains(&"Porter"), "{key_terms:?}");
    assert!(key_terms.contains(&"safe"), "{key_terms:?}");
}
