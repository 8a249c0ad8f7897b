//! Word diff of a linked pair: what of the report sentence the summary kept,
//! what it dropped and what it added, as ranges the page can highlight.

use rustc_hash::FxHashMap;
use similar::algorithms::{patience, Capture, Compact, Replace};
use similar::DiffOp;

use crate::model::{DiffKind, DiffSpan, TextRange, WordDiff};
use crate::text::{tokenize, Utf16Cursor};

/// One side of a diff: comparable word keys, their byte spans, and the text they index.
pub struct DiffSide<'a, K> {
    /// What makes two words equal (lower-cased form or interned id).
    pub keys: &'a [K],
    /// Byte range of each word in `text`.
    pub spans: &'a [(usize, usize)],
    /// The sentence text.
    pub text: &'a str,
}

fn range<K>(
    side: &DiffSide<K>,
    from: usize,
    len: usize,
    cursor: &mut Utf16Cursor,
) -> Option<TextRange> {
    (len > 0).then(|| TextRange {
        start: cursor.utf16_at(side.spans[from].0),
        end: cursor.utf16_at(side.spans[from + len - 1].1),
    })
}

/// The Patience diff of two key lists as compacted ops. What
/// `similar::capture_diff_slices(Algorithm::Patience, ..)` does, but calling
/// the algorithm directly: the dispatch on `Algorithm` compiles every one of
/// `similar`'s algorithms into the WebAssembly module.
fn patience_ops<K: Eq + std::hash::Hash + Ord>(old: &[K], new: &[K]) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = patience::diff(&mut hook, old, 0..old.len(), new, 0..new.len());
    hook.into_inner().into_inner().into_ops()
}

/// Diffs the words of `report` (old) against those of `summary` (new).
pub fn diff_words<K: Eq + std::hash::Hash + Ord>(
    report: &DiffSide<K>,
    summary: &DiffSide<K>,
) -> WordDiff {
    let mut old_cursor = Utf16Cursor::new(report.text);
    let mut new_cursor = Utf16Cursor::new(summary.text);
    let mut spans = Vec::new();
    let mut kept = 0;
    let mut push = |kind, old: Option<(usize, usize)>, new: Option<(usize, usize)>| {
        spans.push(DiffSpan {
            kind,
            report: old.and_then(|(i, n)| range(report, i, n, &mut old_cursor)),
            summary: new.and_then(|(i, n)| range(summary, i, n, &mut new_cursor)),
        })
    };
    for op in patience_ops(report.keys, summary.keys) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                kept += len;
                push(
                    DiffKind::Kept,
                    Some((old_index, len)),
                    Some((new_index, len)),
                );
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(DiffKind::Dropped, Some((old_index, old_len)), None),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(DiffKind::Added, None, Some((new_index, new_len))),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(DiffKind::Dropped, Some((old_index, old_len)), None);
                push(DiffKind::Added, None, Some((new_index, new_len)));
            }
        }
    }
    WordDiff {
        spans,
        kept_share: if report.keys.is_empty() {
            0.0
        } else {
            kept as f32 / report.keys.len() as f32
        },
    }
}

/// Diffs the words of a report sentence (old) against a summary sentence
/// (new), ignoring case and punctuation.
pub fn word_diff(report: &str, summary: &str) -> WordDiff {
    let old = tokenize(report);
    let new = tokenize(summary);
    // Lower-cased forms as ids, so this shares `diff_words::<u32>` with the
    // comparison instead of compiling the diff algorithms a second time for
    // strings (the diff looks only at which keys are equal, so it is unchanged).
    fn keys<'a>(tokens: &'a [crate::text::Token], ids: &mut FxHashMap<&'a str, u32>) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let next = ids.len() as u32;
                *ids.entry(t.lower.as_str()).or_insert(next)
            })
            .collect()
    }
    let mut ids = FxHashMap::default();
    let spans =
        |tokens: &[crate::text::Token]| tokens.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>();
    let (old_keys, new_keys) = (keys(&old, &mut ids), keys(&new, &mut ids));
    let (old_spans, new_spans) = (spans(&old), spans(&new));
    diff_words(
        &DiffSide {
            keys: &old_keys,
            spans: &old_spans,
            text: report,
        },
        &DiffSide {
            keys: &new_keys,
            spans: &new_spans,
            text: summary,
        },
    )
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
