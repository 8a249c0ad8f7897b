//! Word diff of a linked pair: what of the report sentence the summary kept,
//! what it dropped and what it added, as ranges the page can highlight.

use rustc_hash::FxHashMap;
use std::ops::Range;

use similar::algorithms::{lcs, Capture, Compact, DiffHook, Replace};
use similar::DiffOp;

use crate::model::{DiffKind, DiffSpan, TextRange, WordDiff};
use crate::text::{tokenize, Token, TokenClass, Utf16Cursor};

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
    words: &Range<usize>,
    cursor: &mut Utf16Cursor,
) -> Option<TextRange> {
    (!words.is_empty()).then(|| TextRange {
        start: cursor.utf16_at(side.spans[words.start].0),
        end: cursor.utf16_at(side.spans[words.end - 1].1),
    })
}

/// The most cells the LCS table of one pair may have (4 MB): far above any
/// real sentence pair (the Mueller pair's largest is 225 by 58 words), far
/// below what would exhaust a browser tab's memory when segmentation finds
/// no sentence ends in a long text.
const MAX_TABLE_CELLS: usize = 1 << 20;

/// The compacted LCS ops of two key lists. When the part between their
/// common beginning and end would need a table over [`MAX_TABLE_CELLS`],
/// that part is reported as replaced whole: a diff that is not minimal
/// rather than one that takes the page down.
fn lcs_ops<K: Eq + std::hash::Hash>(old: &[K], new: &[K]) -> Vec<DiffOp> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let (old_rest, new_rest) = (&old[prefix..], &new[prefix..]);
    let suffix = old_rest
        .iter()
        .rev()
        .zip(new_rest.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (old_mid, new_mid) = (old_rest.len() - suffix, new_rest.len() - suffix);
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    let Ok(()) = if old_mid.saturating_mul(new_mid) <= MAX_TABLE_CELLS {
        lcs::diff(&mut hook, old, 0..old.len(), new, 0..new.len())
    } else {
        hook.equal(0, 0, prefix)
            .and_then(|()| hook.delete(prefix, old_mid, prefix))
            .and_then(|()| hook.insert(prefix + old_mid, prefix, new_mid))
            .and_then(|()| hook.equal(prefix + old_mid, prefix + new_mid, suffix))
            .and_then(|()| hook.finish())
    };
    hook.into_inner().into_inner().into_ops()
}

/// A stretch of the word diff: words both sentences share, or words of one
/// replaced by words of the other (either range may be empty).
#[derive(Debug)]
struct Stretch {
    kept: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The longest common subsequence of two key lists as stretches, with shared
/// runs of function words only between two changes dissolved into them.
///
/// The LCS table keeps every word the summary kept, and its cost is the
/// product of the sentence lengths: Myers (alone or under Patience) costs
/// the sum times the number of edits, which for a summary sentence and the
/// longer report sentence it condenses is several times more. An optimal
/// match also pairs up stray "the", "of" and "that" across rewritten text,
/// which tells a reader nothing; dissolving those runs reads as a person
/// would mark the change, while names, numbers and other content words
/// stay kept wherever they occur.
fn stretches<K: Eq + std::hash::Hash>(
    old: &[K],
    new: &[K],
    is_content: impl Fn(&K) -> bool,
) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::new();
    for op in lcs_ops(old, new) {
        let kept = matches!(op, DiffOp::Equal { .. });
        let (old_range, new_range) = (op.old_range(), op.new_range());
        if !kept {
            if let [.., before, filler] = out.as_slice() {
                if !before.kept && filler.kept && !old[filler.old.clone()].iter().any(&is_content) {
                    out.pop();
                    let before = out.last_mut().expect("a change precedes the filler");
                    before.old.end = old_range.end;
                    before.new.end = new_range.end;
                    continue;
                }
            }
        }
        out.push(Stretch {
            kept,
            old: old_range,
            new: new_range,
        });
    }
    out
}

/// Diffs the words of `report` (old) against those of `summary` (new);
/// `is_content` tells content words from function words.
pub fn diff_words<K: Eq + std::hash::Hash>(
    report: &DiffSide<K>,
    summary: &DiffSide<K>,
    is_content: impl Fn(&K) -> bool,
) -> WordDiff {
    let mut old_cursor = Utf16Cursor::new(report.text);
    let mut new_cursor = Utf16Cursor::new(summary.text);
    let mut spans = Vec::new();
    let mut kept = 0;
    for stretch in stretches(report.keys, summary.keys, is_content) {
        let old = range(report, &stretch.old, &mut old_cursor);
        let new = range(summary, &stretch.new, &mut new_cursor);
        if stretch.kept {
            kept += stretch.old.len();
            spans.push(DiffSpan {
                kind: DiffKind::Kept,
                report: old,
                summary: new,
            });
            continue;
        }
        if old.is_some() {
            spans.push(DiffSpan {
                kind: DiffKind::Dropped,
                report: old,
                summary: None,
            });
        }
        if new.is_some() {
            spans.push(DiffSpan {
                kind: DiffKind::Added,
                report: None,
                summary: new,
            });
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
    fn keys<'a>(
        tokens: &'a [Token],
        ids: &mut FxHashMap<&'a str, u32>,
        content: &mut Vec<bool>,
    ) -> Vec<u32> {
        tokens
            .iter()
            .map(|t| {
                let next = content.len() as u32;
                *ids.entry(t.lower.as_str()).or_insert_with(|| {
                    content.push(t.class != TokenClass::Stop);
                    next
                })
            })
            .collect()
    }
    let (mut ids, mut content) = (FxHashMap::default(), Vec::new());
    let old_keys = keys(&old, &mut ids, &mut content);
    let new_keys = keys(&new, &mut ids, &mut content);
    let spans = |tokens: &[Token]| tokens.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>();
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
        |&id| content[id as usize],
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
    fn function_words_between_changes_are_not_kept() {
        let report = "The President asked Priebus to have McFarland draft an email.";
        let summary = "The President sought to have Deputy Advisor McFarland draft a letter.";
        let diff = word_diff(report, summary);
        // "to have" is common to both but sits between two changes: it is
        // part of the rewrite, not something the summary kept.
        assert_eq!(
            texts(&diff, DiffKind::Kept, report, summary),
            ["The President", "McFarland draft"]
        );
        assert_eq!(
            texts(&diff, DiffKind::Dropped, report, summary),
            ["asked Priebus to have", "an email"]
        );
        assert_eq!(
            texts(&diff, DiffKind::Added, report, summary),
            ["sought to have Deputy Advisor", "a letter"]
        );
    }

    #[test]
    fn function_words_at_either_end_stay_kept() {
        let report = "The inquiry found that the files were lost.";
        let summary = "The review said files were lost.";
        let diff = word_diff(report, summary);
        assert_eq!(
            texts(&diff, DiffKind::Kept, report, summary),
            ["The", "files were lost"]
        );
    }

    #[test]
    fn a_pair_too_long_for_the_table_keeps_its_common_ends() {
        let words = |stem: &str, n: usize| (0..n).map(|i| format!("{stem}{i}")).collect::<Vec<_>>();
        let report = [
            "Opening words",
            &words("old", 1100).join(" "),
            "closing words.",
        ]
        .join(" ");
        let summary = [
            "Opening words",
            &words("new", 1000).join(" "),
            "closing words.",
        ]
        .join(" ");
        let diff = word_diff(&report, &summary);
        assert_eq!(
            texts(&diff, DiffKind::Kept, &report, &summary),
            ["Opening words", "closing words"]
        );
        assert_eq!(diff.spans.len(), 4);
        assert!((diff.kept_share - 4.0 / 1104.0).abs() < 1e-6);
    }

    #[test]
    fn identical_sentences_keep_everything() {
        let diff = word_diff("Same words here.", "same words here");
        assert_eq!(diff.spans.len(), 1);
        assert_eq!(diff.kept_share, 1.0);
    }
}
