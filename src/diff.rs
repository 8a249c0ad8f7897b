//! Word diff of a linked pair: what of the report sentence the summary kept,
//! what it dropped and what it added, as ranges the page can highlight.

use similar::{capture_diff_slices, Algorithm, DiffOp};

use crate::model::{DiffKind, DiffSpan, TextRange, WordDiff};
use crate::text::{tokenize, Token, Utf16Cursor};

fn range(tokens: &[Token], from: usize, len: usize, cursor: &mut Utf16Cursor) -> Option<TextRange> {
    if len == 0 {
        return None;
    }
    Some(TextRange {
        start: cursor.utf16_at(tokens[from].start),
        end: cursor.utf16_at(tokens[from + len - 1].end),
    })
}

/// Diffs the words of `report` (old) against `summary` (new), ignoring case and punctuation.
pub fn word_diff(report: &str, summary: &str) -> WordDiff {
    let old = tokenize(report);
    let new = tokenize(summary);
    let old_words: Vec<&str> = old.iter().map(|t| t.lower.as_str()).collect();
    let new_words: Vec<&str> = new.iter().map(|t| t.lower.as_str()).collect();
    let mut old_cursor = Utf16Cursor::new(report);
    let mut new_cursor = Utf16Cursor::new(summary);
    let mut spans = Vec::new();
    let mut kept = 0;
    for op in capture_diff_slices(Algorithm::Patience, &old_words, &new_words) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                kept += len;
                spans.push(DiffSpan {
                    kind: DiffKind::Kept,
                    report: range(&old, old_index, len, &mut old_cursor),
                    summary: range(&new, new_index, len, &mut new_cursor),
                });
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => spans.push(DiffSpan {
                kind: DiffKind::Dropped,
                report: range(&old, old_index, old_len, &mut old_cursor),
                summary: None,
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => spans.push(DiffSpan {
                kind: DiffKind::Added,
                report: None,
                summary: range(&new, new_index, new_len, &mut new_cursor),
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                spans.push(DiffSpan {
                    kind: DiffKind::Dropped,
                    report: range(&old, old_index, old_len, &mut old_cursor),
                    summary: None,
                });
                spans.push(DiffSpan {
                    kind: DiffKind::Added,
                    report: None,
                    summary: range(&new, new_index, new_len, &mut new_cursor),
                });
            }
        }
    }
    WordDiff {
        spans,
        kept_share: if old.is_empty() {
            0.0
        } else {
            kept as f32 / old.len() as f32
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(
        diff: &WordDiff,
        kind: DiffKind,
        report: &'a str,
        summary: &'a str,
    ) -> Vec<&'a str> {
        diff.spans
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| match kind {
                DiffKind::Added => {
                    let r = s.summary.unwrap();
                    &summary[r.start as usize..r.end as usize]
                }
                _ => {
                    let r = s.report.unwrap();
                    &report[r.start as usize..r.end as usize]
                }
            })
            .collect()
    }

    #[test]
    fn reports_kept_dropped_and_added_words() {
        let report = "The President asked Comey for loyalty at a private dinner.";
        let summary = "The President demanded loyalty at a dinner.";
        let diff = word_diff(report, summary);
        assert_eq!(
            texts(&diff, DiffKind::Kept, report, summary),
            ["The President", "loyalty at a", "dinner"]
        );
        assert_eq!(
            texts(&diff, DiffKind::Dropped, report, summary),
            ["asked Comey for", "private"]
        );
        assert_eq!(texts(&diff, DiffKind::Added, report, summary), ["demanded"]);
        assert!((diff.kept_share - 6.0 / 10.0).abs() < 1e-6);
    }

    #[test]
    fn identical_sentences_keep_everything() {
        let diff = word_diff("Same words here.", "same words here");
        assert_eq!(diff.spans.len(), 1);
        assert_eq!(diff.kept_share, 1.0);
    }
}
