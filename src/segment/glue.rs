//! Glue: words that OCR ran together ("Departmentof", "wasseated") split
//! again, judged by the document's own vocabulary. A run of letters is split
//! in two where the document writes the two halves apart more often than
//! joined ("of the" against "ofthe"); a run the document never writes
//! elsewhere is also split where both halves are common words of the
//! document. Only text that shows such glue often is touched at all. Real words are left alone: a word the
//! document uses as often as its halves' pairing, or more than once, stays.

use rustc_hash::FxHashMap;

use super::blocks::Block;

/// Shortest glued run considered, in letters.
const MIN_GLUED: usize = 4;
/// Longest glued run considered, in letters.
const MAX_GLUED: usize = 40;
/// The halves must be written apart this many times more than joined.
const APART_FACTOR: u32 = 2;
/// Each half of a split must occur at least this often as a word.
const MIN_PART: u32 = 2;
/// Without the pair written apart, each half must be this common.
const COMMON_PART: u32 = 3;
/// Share of words (per mille) split on pair evidence below which the text
/// is not glued and nothing is split (clean text has a few "cannot"s).
const GLUED_TEXT: usize = 2;

/// Splits run-together words in the texts of `blocks`.
pub fn split(blocks: &mut [Block]) {
    let lowered: Vec<String> = blocks.iter().map(|b| b.text.to_ascii_lowercase()).collect();
    let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
    let mut counts: Vec<u32> = Vec::new();
    let mut pairs: FxHashMap<u64, u32> = FxHashMap::default();
    let mut total = 0usize;
    // The splittable words of each block, found in the counting pass so the
    // passes below visit only them: (start, end, word id).
    let mut candidates: Vec<Vec<(usize, usize, u32)>> = Vec::with_capacity(lowered.len());
    for (block, text) in blocks.iter().zip(&lowered) {
        let mut previous: Option<(u32, usize)> = None;
        let mut splittable_words = Vec::new();
        for (start, end) in words(text) {
            let word = &text[start..end];
            let next = ids.len() as u32;
            let id = *ids.entry(word).or_insert(next);
            if id as usize == counts.len() {
                counts.push(0);
            }
            counts[id as usize] += 1;
            total += 1;
            if splittable(&block.text, start, end) {
                splittable_words.push((start, end, id));
            }
            if let Some((p, p_end)) = previous {
                if text.as_bytes()[p_end..start].iter().all(|&b| b == b' ') {
                    *pairs.entry(pair_key(p, id)).or_default() += 1;
                }
            }
            previous = Some((id, end));
        }
        candidates.push(splittable_words);
    }
    let vocab = Vocabulary { ids, counts, pairs };
    // A word's split on pair evidence depends on the word alone: found once
    // per distinct word, not once per occurrence.
    let mut apart: Vec<Option<Option<usize>>> = vec![None; vocab.counts.len()];
    let mut cuts: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    let mut strong = 0usize;
    for ((text, words), cuts) in lowered.iter().zip(&candidates).zip(&mut cuts) {
        for &(start, end, id) in words {
            let split =
                *apart[id as usize].get_or_insert_with(|| vocab.apart_split(&text[start..end]));
            if let Some(at) = split {
                cuts.push(start + at);
                strong += 1;
            }
        }
    }
    if strong == 0 || strong * 1000 < total * GLUED_TEXT {
        return;
    }
    for ((text, words), cuts) in lowered.iter().zip(&candidates).zip(&mut cuts) {
        let mut found = Vec::new();
        for &(start, end, id) in words {
            if vocab.counts[id as usize] > 1 || apart[id as usize].flatten().is_some() {
                continue;
            }
            if let Some(at) = vocab.common_split(&text[start..end]) {
                found.push(start + at);
            }
        }
        cuts.extend(found);
    }
    for (block, mut cuts) in blocks.iter_mut().zip(cuts) {
        if !cuts.is_empty() {
            cuts.sort_unstable();
            block.insert_spaces(&cuts);
        }
    }
}

/// Word counts and adjacent-pair counts of a document.
struct Vocabulary<'a> {
    ids: FxHashMap<&'a str, u32>,
    counts: Vec<u32>,
    /// Times each pair of word ids is written apart, keyed by `pair_key`.
    pairs: FxHashMap<u64, u32>,
}

impl Vocabulary<'_> {
    fn id(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    fn count(&self, word: &str) -> u32 {
        self.id(word).map_or(0, |i| self.counts[i as usize])
    }

    /// The split of `word` whose halves the document writes apart clearly
    /// more often than joined, if any (the most frequent pair wins).
    fn apart_split(&self, word: &str) -> Option<usize> {
        let joined = self.count(word);
        let mut best: Option<(usize, u32)> = None;
        for at in 1..word.len() {
            let (a, b) = word.split_at(at);
            if !part_ok(a) || !part_ok(b) {
                continue;
            }
            // The second half is looked up only if the first is a common
            // word: most split points of most words end at the first lookup.
            let Some(ia) = self.id(a).filter(|&i| self.counts[i as usize] >= MIN_PART) else {
                continue;
            };
            let Some(ib) = self.id(b).filter(|&i| self.counts[i as usize] >= MIN_PART) else {
                continue;
            };
            let apart = self.pairs.get(&pair_key(ia, ib)).copied().unwrap_or(0);
            if apart >= MIN_PART
                && apart >= APART_FACTOR * joined.max(1)
                && best.is_none_or(|(_, n)| apart > n)
            {
                best = Some((at, apart));
            }
        }
        best.map(|(at, _)| at)
    }

    /// The split of `word` into two common words of the document, if one
    /// clearly stands out (the split whose rarer half is most common).
    fn common_split(&self, word: &str) -> Option<usize> {
        let mut best: Option<(usize, u32)> = None;
        for at in 1..word.len() {
            let (a, b) = word.split_at(at);
            if !part_ok(a) || !part_ok(b) {
                continue;
            }
            let score = self.count(a).min(self.count(b));
            if score >= COMMON_PART && best.is_none_or(|(_, n)| score > n) {
                best = Some((at, score));
            }
        }
        best.map(|(at, _)| at)
    }
}

/// One hash key for the word pair (`first`, `second`): one word to hash, not two.
fn pair_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

/// Whether a half may stand as a word: two letters or more, or "a".
fn part_ok(part: &str) -> bool {
    part.len() >= 2 || part == "a"
}

/// The ASCII letter runs of `text`, as byte ranges.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
            i += 1;
        }
        Some((start, i))
    })
}

/// Whether the letter run `text[start..end]` is a word that may be split:
/// of a plausible length, standing alone (not in an address, a code or a
/// number), and not in capitals.
fn splittable(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let len = end - start;
    if !(MIN_GLUED..=MAX_GLUED).contains(&len) {
        return false;
    }
    let before = start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(end).copied();
    let joined = |b: Option<u8>| {
        b.is_some_and(|b| {
            b >= 0x80 || b.is_ascii_digit() || matches!(b, b'/' | b'@' | b'_' | b'\\')
        })
    };
    if joined(before) || joined(after) {
        return false;
    }
    if before == Some(b'.')
        || (after == Some(b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric))
    {
        return false;
    }
    // A capital after the first letter, which every word in capitals of
    // MIN_GLUED letters or more has too.
    !bytes[start + 1..end].iter().any(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::super::lines::Layout;
    use super::*;
    use crate::model::ParagraphKind;

    #[test]
    fn splittable_words_are_plain_lower_case_runs_standing_alone() {
        let text = "ofthe OFTHE OfThe Ofthe x/ofthe ofthe.com the";
        let found: Vec<bool> = words(text)
            .map(|(start, end)| splittable(text, start, end))
            .collect();
        assert_eq!(
            found,
            [true, false, false, true, false, false, false, false, false]
        );
    }

    #[test]
    fn splits_words_the_document_writes_apart() {
        let text = "the Department of Justice said that the Department of State had\n\n\
                    the head of the Departmentof Justice and the head of the office\n\n\
                    the Department of the Interior wasseated at the head of it\n";
        let layout = Layout::new(text);
        let mut blocks: Vec<Block> = (0..layout.lines.len())
            .map(|i| Block::join(&layout, vec![i], ParagraphKind::Paragraph))
            .collect();
        split(&mut blocks);
        assert!(
            blocks[1].text.contains("Department of Justice"),
            "{}",
            blocks[1].text
        );
        let at = blocks[1].text.find("of Justice").unwrap_or_default();
        assert_eq!(
            &text[blocks[1].source_start(at)..blocks[1].source_end(at + 10)],
            "of Justice"
        );
        assert!(blocks[2].text.contains("wasseated"), "{}", blocks[2].text);
    }
}
