//! Glue: words that OCR ran together ("Departmentof", "wasseated") split
//! again, judged by the document's own vocabulary. A run of letters is split
//! in two where the document writes the two halves apart at least as often
//! as joined ("of the" against "ofthe"; OCR runs some pairs together about
//! as often as not, "want to" and "wantto"); a run the document never writes
//! elsewhere is also split where both halves are common words of the
//! document, and a long one into the fewest common words it holds (an
//! extractor that lost a tight line's spaces runs whole phrases together,
//! "andshedeclinedtosay"). Only text that shows such glue often is touched
//! at all. Real words are left alone: a word the document uses more often
//! than its halves' pairing (a real word is written joined far more often
//! than apart), or more than once without the pair written apart, stays.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::blocks::Block;
use super::MIN_BLOCKS_PER_RUN;
use crate::parallel::{halfway, join};

/// Shortest glued run considered, in letters.
const MIN_GLUED: usize = 4;
/// Longest glued run considered, in letters.
const MAX_GLUED: usize = 100;
/// Longest word a glued run is cut into, in letters.
const MAX_PART: usize = 24;
/// Runs of at least this many letters are longer than English words but
/// for a rare few ("counterintelligence"), and those recur.
const LONG_RUN: usize = 20;
/// A run written once is cut into three or more words only from this many
/// letters: shorter ones are as often a rare word ("administered") that
/// OCR debris ("ad", "ed") would cut.
const MIN_PHRASE: usize = 14;
/// The halves must be written apart at least this many times as often as joined.
const APART_FACTOR: u32 = 1;
/// Each half of a split must occur at least this often as a word.
const MIN_PART: u32 = 2;
/// Without the pair written apart, each half must be this common.
const COMMON_PART: u32 = 3;
/// A name is written in lower case less than once in this many times.
const NAME_LOWER_SHARE: u32 = 10;
/// Share of words (per mille) split on pair evidence below which the text
/// is not glued and nothing is split (clean text has a few "cannot"s).
const GLUED_TEXT: usize = 2;

/// Splits run-together words in the texts of `blocks`.
pub fn split(blocks: &mut [Block]) {
    // Words are counted in two halves of the blocks at the same time where
    // threads allow: the pass reads every word of the document.
    let half = halfway(blocks.len(), MIN_BLOCKS_PER_RUN);
    let (front, back) = blocks.split_at(half);
    let (mut counted, back) = join(|| Counted::of(front), || Counted::of(back));
    counted.append(back);
    let Counted {
        vocab,
        total,
        sequence,
        candidates,
    } = counted;
    // Pairs are counted only where they could show a candidate glued: the
    // splits of each distinct candidate into two common words, as (split
    // point, pair key), and the first halves of those splits.
    let mut splits: Vec<(usize, u64)> = Vec::new();
    let mut splits_of: Vec<Option<Range<usize>>> = vec![None; vocab.counts.len()];
    let mut first_halves = vec![false; vocab.counts.len()];
    let mut pairs: FxHashMap<u64, u32> = FxHashMap::default();
    for (block, words) in blocks.iter().zip(candidates.by_block()) {
        for &(start, end, id) in words {
            if splits_of[id as usize].is_none() {
                let from = splits.len();
                let word = &block.text.as_bytes()[start as usize..end as usize];
                for (at, a, b) in vocab.common_halves(word) {
                    let key = pair_key(a, b);
                    splits.push((at, key));
                    pairs.insert(key, 0);
                    first_halves[a as usize] = true;
                }
                splits_of[id as usize] = Some(from..splits.len());
            }
        }
    }
    for pair in sequence.windows(2) {
        let (first, second) = (pair[0] & !APART, pair[1]);
        if second & APART != 0 && first_halves[first as usize] {
            if let Some(n) = pairs.get_mut(&pair_key(first, second & !APART)) {
                *n += 1;
            }
        }
    }
    drop(sequence);
    // A word's split on pair evidence depends on the word alone: found once
    // per distinct word, not once per occurrence. The halves must be
    // written apart clearly more often than joined (the most frequent pair
    // wins).
    let apart: Vec<Option<usize>> = splits_of
        .iter()
        .zip(&vocab.counts)
        .map(|(of, &joined)| {
            let mut best: Option<(usize, u32)> = None;
            for &(at, key) in &splits[of.clone().unwrap_or_default()] {
                let apart = pairs.get(&key).copied().unwrap_or(0);
                if apart >= MIN_PART
                    && (apart >= APART_FACTOR * joined.max(1) || vocab.is_name(key >> 32))
                    && best.is_none_or(|(_, n)| apart > n)
                {
                    best = Some((at, apart));
                }
            }
            best.map(|(at, _)| at)
        })
        .collect();
    // Cuts `text[start..end]` at `at` and, where pair evidence splits
    // either half in turn, there too ("Departmentof|Justice", "some|ofthe").
    let cut_at = |text: &[u8], start: usize, at: usize, end: usize, cuts: &mut Vec<usize>| {
        cuts.push(start + at);
        for (from, to) in [(start, start + at), (start + at, end)] {
            let half = &text[from..to];
            let cut = vocab.ids.get(half).and_then(|i| apart[i as usize]);
            if let Some(at) = cut.filter(|&at| at >= first_split(half)) {
                cuts.push(from + at);
            }
        }
    };
    let mut cuts: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    let mut strong = 0usize;
    for ((block, words), cuts) in blocks.iter().zip(candidates.by_block()).zip(&mut cuts) {
        let text = block.text.as_bytes();
        for &(start, end, id) in words {
            let (start, end) = (start as usize, end as usize);
            if let Some(at) = apart[id as usize].filter(|&at| at >= first_split(&text[start..end]))
            {
                cut_at(text, start, at, end, cuts);
                strong += 1;
            }
        }
    }
    // Phrases run together whole ("andshedeclinedtosay", where a tight
    // line lost its spaces) show glue that pair evidence misses: runs
    // longer than any English word, each written once.
    let long_once = candidates
        .words
        .iter()
        .filter(|&&(start, end, id)| {
            (end - start) as usize >= LONG_RUN && vocab.counts[id as usize] == 1
        })
        .count();
    if (strong + long_once) * 1000 < total * GLUED_TEXT {
        return;
    }
    for ((block, words), cuts) in blocks.iter().zip(candidates.by_block()).zip(&mut cuts) {
        let text = block.text.as_bytes();
        let mut found = Vec::new();
        for &(start, end, id) in words {
            if vocab.counts[id as usize] > 1 || apart[id as usize].is_some() {
                continue;
            }
            let (start, end) = (start as usize, end as usize);
            if let Some(at) = vocab.common_split(&text[start..end]) {
                cut_at(text, start, at, end, &mut found);
            } else if end - start >= MIN_PHRASE {
                found.extend(
                    vocab
                        .common_parts(&text[start..end])
                        .into_iter()
                        .map(|at| start + at),
                );
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

/// The words of a stretch of blocks, counted.
struct Counted {
    vocab: Vocabulary,
    /// How many letter runs, counted or not.
    total: usize,
    /// Every counted word's id in order, with `APART` set where only spaces
    /// part it from the word before.
    sequence: Vec<u32>,
    /// The splittable words found in the counting pass, so the passes after
    /// it visit only them.
    candidates: Candidates,
}

/// The splittable words of blocks, (start, end, word id), block after
/// block in one vector: a vector each, made on another thread, would leave
/// their memory where the comparing thread cannot reuse it.
struct Candidates {
    words: Vec<(u32, u32, u32)>,
    /// Where each block's words end.
    ends: Vec<u32>,
}

impl Candidates {
    /// Adds a splittable word of the current block.
    fn push(&mut self, start: usize, end: usize, id: u32) {
        self.words.push((start as u32, end as u32, id));
    }

    /// Ends the current block's words.
    fn end_block(&mut self) {
        self.ends.push(self.words.len() as u32);
    }

    /// The candidates of each block, in order.
    fn by_block(&self) -> impl Iterator<Item = &[(u32, u32, u32)]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, &end)| &self.words[start as usize..end as usize])
    }
}

impl Counted {
    /// Counts the words of `blocks`.
    fn of(blocks: &[Block]) -> Self {
        let mut counted = Counted {
            vocab: Vocabulary::default(),
            total: 0,
            sequence: Vec::new(),
            candidates: Candidates {
                words: Vec::new(),
                ends: Vec::with_capacity(blocks.len()),
            },
        };
        for block in blocks {
            let text = block.text.as_bytes();
            let mut previous: Option<(bool, usize)> = None;
            for run in letter_runs(text) {
                let (start, end) = (run.start, run.end);
                counted.total += 1;
                // Longer words are neither glued runs nor halves of one: they
                // only part the words around them.
                let in_vocabulary = end - start <= MAX_GLUED;
                if in_vocabulary {
                    let id = counted.vocab.count(&text[start..end], run.packed);
                    if splittable(text, &run) {
                        counted.candidates.push(start, end, id);
                    }
                    let apart = previous.is_some_and(|(previous_counted, p_end)| {
                        previous_counted && text[p_end..start].iter().all(|&b| b == b' ')
                    });
                    counted.sequence.push(if apart { id | APART } else { id });
                }
                previous = Some((in_vocabulary, end));
            }
            counted.candidates.end_block();
        }
        counted
    }

    /// Adds the counts of the blocks after these, renumbering their words.
    fn append(&mut self, next: Counted) {
        let ids = self.vocab.absorb(next.vocab);
        self.total += next.total;
        let renumber = |id: u32| ids[(id & !APART) as usize] | (id & APART);
        self.sequence
            .extend(next.sequence.into_iter().map(renumber));
        let (mine, next) = (&mut self.candidates, next.candidates);
        let shift = mine.words.len() as u32;
        mine.ends.extend(next.ends.iter().map(|&end| end + shift));
        mine.words.extend(
            next.words
                .into_iter()
                .map(|(start, end, id)| (start, end, ids[id as usize])),
        );
    }
}

/// The flag of a word id in the counting pass's sequence for a word only
/// spaces part from the one before; word ids stay far below it.
const APART: u32 = 1 << 31;

/// Letters a word may have and still be packed into one number.
const PACKED_LETTERS: usize = 12;

/// The ids of words of ASCII letters, case ignored. Most words are short
/// enough to be packed exactly into one number (five bits a letter), which
/// hashes and compares faster than text; longer ones are kept lower-cased.
#[derive(Default)]
struct Ids {
    short: FxHashMap<u64, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl Ids {
    /// The id of `word` (at most `MAX_GLUED` letters, packed as `packed`
    /// when it has few enough), a new one if unseen.
    fn intern(&mut self, word: &[u8], packed: u64) -> u32 {
        if word.len() <= PACKED_LETTERS {
            return self.intern_short(packed);
        }
        let mut buffer = [0; MAX_GLUED];
        self.intern_long(lower_case(word, &mut buffer))
    }

    /// The id of the word of few letters packed as `packed`, a new one if unseen.
    fn intern_short(&mut self, packed: u64) -> u32 {
        let next = self.len();
        *self.short.entry(packed).or_insert(next)
    }

    /// The id of the longer word `lower`, a new one if unseen.
    fn intern_long(&mut self, lower: &str) -> u32 {
        if let Some(&id) = self.long.get(lower) {
            return id;
        }
        let next = self.len();
        self.long.insert(lower.into(), next);
        next
    }

    /// How many words have an id.
    fn len(&self) -> u32 {
        (self.short.len() + self.long.len()) as u32
    }

    /// The id of `word`, if seen.
    fn get(&self, word: &[u8]) -> Option<u32> {
        if word.len() <= PACKED_LETTERS {
            let packed = word.iter().fold(0, |key, &b| pack(key, letter(b)));
            return self.short.get(&packed).copied();
        }
        if word.len() > MAX_GLUED {
            return None;
        }
        let mut buffer = [0; MAX_GLUED];
        self.long.get(lower_case(word, &mut buffer)).copied()
    }
}

/// A letter's place in the alphabet (from 1, case ignored) in its low five
/// bits, and `CAPITAL` for a capital; 0 for a byte that is no ASCII letter.
fn letter(b: u8) -> u8 {
    LETTERS[usize::from(b)]
}

/// The flag of `letter` for a capital.
const CAPITAL: u8 = 0x40;

/// `letter` of each byte.
const LETTERS: [u8; 256] = {
    let mut table = [0; 256];
    let mut i = 0;
    while i < 26 {
        table[b'a' as usize + i] = i as u8 + 1;
        table[b'A' as usize + i] = (i as u8 + 1) | CAPITAL;
        i += 1;
    }
    table
};

/// `key` with one more letter (as `letter` gives it) packed in: five bits
/// a letter, so words of up to `PACKED_LETTERS` letters get distinct keys.
fn pack(key: u64, letter: u8) -> u64 {
    key << 5 | u64::from(letter & 0x1f)
}

/// A run of ASCII letters in a text.
struct LetterRun {
    start: usize,
    end: usize,
    /// Its letters as `pack` packs them (exact up to `PACKED_LETTERS` letters).
    packed: u64,
    /// Whether a capital follows its first letter.
    inner_capital: bool,
}

/// The ASCII letter runs of `bytes`, read in one pass.
fn letter_runs(bytes: &[u8]) -> impl Iterator<Item = LetterRun> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && letter(bytes[i]) == 0 {
            i += 1;
        }
        let start = i;
        let mut packed = pack(0, letter(*bytes.get(i)?));
        let mut capitals = 0;
        i += 1;
        while let Some(l) = bytes.get(i).map(|&b| letter(b)).filter(|&l| l != 0) {
            packed = pack(packed, l);
            capitals |= l;
            i += 1;
        }
        Some(LetterRun {
            start,
            end: i,
            packed,
            inner_capital: capitals & CAPITAL != 0,
        })
    })
}

/// `word`, ASCII letters, lower-cased into `buffer`, which holds
/// `MAX_GLUED` letters.
fn lower_case<'b>(word: &[u8], buffer: &'b mut [u8; MAX_GLUED]) -> &'b str {
    let lower = &mut buffer[..word.len()];
    for (to, &b) in lower.iter_mut().zip(word) {
        *to = b.to_ascii_lowercase();
    }
    std::str::from_utf8(lower).unwrap_or_default()
}

/// Word ids and counts of a document.
#[derive(Default)]
struct Vocabulary {
    ids: Ids,
    counts: Vec<u32>,
    /// How often each word is written with a capital first letter.
    capital_first: Vec<u32>,
}

impl Vocabulary {
    /// Counts one more occurrence of `word`, packed as `packed`, and gives its id.
    fn count(&mut self, word: &[u8], packed: u64) -> u32 {
        let id = self.ids.intern(word, packed);
        if id as usize == self.counts.len() {
            self.counts.push(0);
            self.capital_first.push(0);
        }
        self.counts[id as usize] += 1;
        if word[0].is_ascii_uppercase() {
            self.capital_first[id as usize] += 1;
        }
        id
    }

    /// Whether the word `id` is a name: written capitalised nearly always
    /// ("President", not "a president"). OCR runs a name into the word after
    /// it about as often as not ("Cohen recalled", "Cohenrecalled"), so pair
    /// evidence need not outweigh the joined form there; a name that really
    /// ends in a word ("Donaldson") is never written apart.
    fn is_name(&self, id: u64) -> bool {
        let id = id as usize;
        (self.counts[id] - self.capital_first[id]) * NAME_LOWER_SHARE < self.counts[id]
    }

    /// Adds the words and counts of `other`, returning the id here of each
    /// of its ids.
    fn absorb(&mut self, other: Vocabulary) -> Vec<u32> {
        let mut ids = vec![0; other.counts.len()];
        for (packed, id) in other.ids.short {
            ids[id as usize] = self.ids.intern_short(packed);
        }
        for (lower, id) in other.ids.long {
            ids[id as usize] = self.ids.intern_long(&lower);
        }
        self.counts.resize(self.ids.len() as usize, 0);
        self.capital_first.resize(self.ids.len() as usize, 0);
        for ((&id, count), capital) in ids.iter().zip(other.counts).zip(other.capital_first) {
            self.counts[id as usize] += count;
            self.capital_first[id as usize] += capital;
        }
        ids
    }

    /// How often `word` occurs, case ignored.
    fn occurrences(&self, word: &[u8]) -> u32 {
        self.ids.get(word).map_or(0, |i| self.counts[i as usize])
    }

    /// Each split of `word` into two halves that occur at least `MIN_PART`
    /// times as words: (split point, first half's id, second half's id).
    fn common_halves<'w>(&'w self, word: &'w [u8]) -> impl Iterator<Item = (usize, u32, u32)> + 'w {
        let common = |half: &[u8]| {
            self.ids
                .get(half)
                .filter(|&i| self.counts[i as usize] >= MIN_PART)
        };
        (1..word.len()).filter_map(move |at| {
            let (a, b) = word.split_at(at);
            if !part_ok(a) || !part_ok(b) {
                return None;
            }
            // The second half is looked up only if the first is a common
            // word: most split points of most words end at the first lookup.
            let a = common(a)?;
            Some((at, a, common(b)?))
        })
    }

    /// The split of `word` into two common words of the document, if one
    /// clearly stands out (the split whose rarer half is most common).
    fn common_split(&self, word: &[u8]) -> Option<usize> {
        let mut best: Option<(usize, u32)> = None;
        for at in first_split(word)..word.len() {
            let (a, b) = word.split_at(at);
            if !part_ok(a) || !part_ok(b) {
                continue;
            }
            let score = self.occurrences(a).min(self.occurrences(b));
            if score >= COMMON_PART && best.is_none_or(|(_, n)| score > n) {
                best = Some((at, score));
            }
        }
        best.map(|(at, _)| at)
    }

    /// The cuts that part `word` into the fewest common words of the
    /// document, three or more (two are [`Vocabulary::common_split`]'s), the
    /// rarest of them as common as can be; none if no such parting exists.
    /// A line set too tight for its spaces to survive extraction runs whole
    /// phrases together ("andshedeclinedtosayyes").
    fn common_parts(&self, word: &[u8]) -> Vec<usize> {
        // best[i]: (parts, rarest part's count, previous cut) for word[..i].
        let mut best: Vec<Option<(u32, u32, usize)>> = vec![None; word.len() + 1];
        best[0] = Some((0, u32::MAX, 0));
        for end in 1..=word.len() {
            for start in end.saturating_sub(MAX_PART)..end {
                let Some((parts, rarest, _)) = best[start] else {
                    continue;
                };
                let part = &word[start..end];
                if !part_ok(part) {
                    continue;
                }
                let n = self.occurrences(part);
                if n < COMMON_PART {
                    continue;
                }
                let candidate = (parts + 1, rarest.min(n), start);
                let better = best[end].is_none_or(|(p, r, _)| {
                    candidate.0 < p || (candidate.0 == p && candidate.1 > r)
                });
                if better {
                    best[end] = Some(candidate);
                }
            }
        }
        let Some((parts, _, _)) = best[word.len()] else {
            return Vec::new();
        };
        if parts < 3 {
            return Vec::new();
        }
        let mut cuts = Vec::with_capacity(parts as usize - 1);
        let mut at = word.len();
        while let Some((_, _, previous)) = best[at].filter(|_| at > 0) {
            if previous > 0 {
                cuts.push(previous);
            }
            at = previous;
        }
        cuts.reverse();
        cuts
    }
}

/// One hash key for the word pair (`first`, `second`): one word to hash, not two.
fn pair_key(first: u32, second: u32) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

/// The first point `word` may be split at: at its last capital, so a name
/// with a capital inside keeps it ("McGahn|that", as "Mc" is no word of
/// its own) while a name run into the word before it comes apart
/// ("General|Flynn", "Departmentof|Justice").
fn first_split(word: &[u8]) -> usize {
    word.iter()
        .rposition(u8::is_ascii_uppercase)
        .map_or(1, |last| last.max(1))
}

/// Whether a half may stand as a word: two letters or more, or "a".
fn part_ok(part: &[u8]) -> bool {
    part.len() >= 2 || part.eq_ignore_ascii_case(b"a")
}

/// Whether the letter run `run` of `bytes` is a word that may be split:
/// of a plausible length, standing alone (not in an address, a code or a
/// number), and not in capitals.
fn splittable(bytes: &[u8], run: &LetterRun) -> bool {
    let (start, end) = (run.start, run.end);
    if !(MIN_GLUED..=MAX_GLUED).contains(&(end - start)) {
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
    // A capital after the first letter is a name's ("McGahnthat") when
    // lower-case letters follow the last one; a word in capitals has none.
    !run.inner_capital || bytes[end - 1].is_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::super::lines::Layout;
    use super::*;
    use crate::model::ParagraphKind;

    #[test]
    fn splittable_words_are_plain_lower_case_runs_standing_alone() {
        let text = "ofthe OFTHE OfThe Ofthe x/ofthe ofthe.com the";
        let found: Vec<bool> = letter_runs(text.as_bytes())
            .map(|run| splittable(text.as_bytes(), &run))
            .collect();
        assert_eq!(
            found,
            [true, false, true, true, false, false, false, false, false]
        );
    }

    /// Each line of `text` as a paragraph's block.
    fn line_blocks(text: &str) -> Vec<Block> {
        let layout = Layout::new(text);
        (0..layout.lines.len())
            .map(|i| Block::join(&layout, vec![i], ParagraphKind::Paragraph))
            .collect()
    }

    /// The text of each line of `text`, each a paragraph, once split.
    fn split_lines(text: &str) -> Vec<String> {
        let mut blocks = line_blocks(text);
        split(&mut blocks);
        blocks.into_iter().map(|b| b.text).collect()
    }

    /// Asserts that line `at` of `lines` holds `words`.
    fn assert_holds(lines: &[String], at: usize, words: &str) {
        assert!(lines[at].contains(words), "{:?} lacks {words:?}", lines[at]);
    }

    #[test]
    fn splits_words_the_document_writes_apart() {
        let text = "the Department of Justice said that the Department of State had\n\n\
                    the head of the Departmentof Justice and the head of the office\n\n\
                    the Department of the Interior wasseated at the head of it\n";
        let mut blocks = line_blocks(text);
        split(&mut blocks);
        let lines: Vec<String> = blocks.iter().map(|b| b.text.clone()).collect();
        assert_holds(&lines, 1, "Department of Justice");
        let at = blocks[1].text.find("of Justice").unwrap_or_default();
        assert_eq!(
            &text[blocks[1].source_start(at)..blocks[1].source_end(at + 10)],
            "of Justice"
        );
        assert_holds(&lines, 2, "wasseated");
    }

    #[test]
    fn a_phrase_run_together_whole_is_cut_into_its_words() {
        // An extractor lost the spaces of one tight line; the rare word used
        // once ("administered") stays whole however its letters could be cut.
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str("she declined to say whether the request was made or not\n\n");
        }
        text.push_str("and then shedeclinedtosaywhethertherequest was made\n\n");
        text.push_str("the oath was administered to her as the made request was to say\n");
        let lines = split_lines(&text);
        assert_holds(
            &lines,
            4,
            "she declined to say whether the request was made",
        );
        assert_holds(&lines, 5, "administered");
    }

    /// OCR runs a name into the next word about as often as not: the pair
    /// written apart twice is evidence enough, capitals inside the name
    /// are kept, and a name that ends in a word but is never written apart
    /// stays whole.
    #[test]
    fn names_run_into_the_next_word_are_split() {
        let text = "Cohen recalled the call and Cohenrecalled the date\n\n\
                    Cohen recalled more and Cohenrecalled it and Cohenrecalled again\n\n\
                    McGahn said no and McGahnsaid yes and McGahn said maybe\n\n\
                    Donaldson wrote to her son and Donaldson wrote to the Donald team\n\n\
                    Donald met his son and the Departmentof Justice and the office of the\n\n\
                    the Department of State and the Department of the Interior\n";
        let all = split_lines(text).join(" ");
        assert!(!all.contains("Cohenrecalled"), "{all}");
        assert!(!all.contains("McGahnsaid"), "{all}");
        assert!(all.contains("Donaldson wrote"), "{all}");
    }

    /// A name OCR ran into the word before it splits at the name's capital
    /// where the document writes the two apart, and a half that is itself
    /// glued splits too; a name with a capital inside whose first part is
    /// no word of the document keeps it.
    #[test]
    fn a_name_run_into_the_word_before_it_is_split_at_its_capital() {
        let text = "the General Flynn case and the General Flynn file and

                    the talks between GeneralFlynn and the envoy had ended

                    the Department of Justice and the Departmentof Justice and

                    the Departmentof Justice and the Department of Justice said

                    the DepartmentofJustice wrote to McGahn and McGahn wrote back
";
        let lines = split_lines(text);
        assert_holds(&lines, 1, "between General Flynn and");
        assert_holds(
            &lines,
            4,
            "the Department of Justice wrote to McGahn and McGahn",
        );
    }

    /// OCR runs some pairs together about as often as not ("want to",
    /// "wantto"): written apart as often as joined, they are split; a word
    /// written joined more often than apart ("into", "in to") stays.
    #[test]
    fn a_pair_written_apart_as_often_as_joined_is_split() {
        let text = "they want to go and we want to stay\n\n\
                    then I wantto leave and you wantto stay\n\n\
                    she went into the room and into the hall and into the yard\n\n\
                    he gave in to them and gave in to us\n\n\
                    the Departmentof Justice and the Department of Justice\n";
        let lines = split_lines(text);
        assert_eq!(lines[1], "then I want to leave and you want to stay");
        assert_holds(&lines, 2, "went into the room");
    }

    /// A run written once, cut into two common words of the document, is
    /// cut again where one of them is itself a pair the document writes
    /// apart ("some|ofthe" gives "some of the").
    #[test]
    fn a_half_of_a_run_written_once_is_split_in_turn() {
        let text = "the head of the office and some of the staff and the end of the day\n\n\
                    the rest of the team and the side of the road and the top of the hill\n\n\
                    the chair ofthe board and the heads ofthe staff and the end ofthe year\n\n\
                    some of them and some people and some others\n\n\
                    the chair wrote to someofthe staff at once\n";
        let lines = split_lines(text);
        assert_holds(&lines, 4, "wrote to some of the staff");
        assert_holds(&lines, 2, "the chair of the board");
    }

    #[test]
    fn words_counted_in_halves_add_up_to_the_whole() {
        let text = "the Departmentof Justice and the Department of State\n\n\
                    an extraordinarilylongrunofletters stands apart from the rest\n\n\
                    the head of the Department of Justice wasseated at the Department\n";
        let blocks = line_blocks(text);
        let whole = Counted::of(&blocks);
        let mut halves = Counted::of(&blocks[..1]);
        halves.append(Counted::of(&blocks[1..]));
        // Ids may be numbered differently; what each stands for may not.
        let read = |c: &Counted| {
            let seq: Vec<(u32, bool)> = c
                .sequence
                .iter()
                .map(|&id| (c.vocab.counts[(id & !APART) as usize], id & APART != 0))
                .collect();
            let candidates: Vec<Vec<(u32, u32, u32)>> = c
                .candidates
                .by_block()
                .map(|words| {
                    let counts = words
                        .iter()
                        .map(|&(s, e, id)| (s, e, c.vocab.counts[id as usize]));
                    counts.collect()
                })
                .collect();
            (c.total, seq, candidates)
        };
        assert_eq!(read(&halves), read(&whole));
        for word in [
            "the",
            "department",
            "departmentof",
            "extraordinarilylongrunofletters",
        ] {
            assert_eq!(
                halves.vocab.occurrences(word.as_bytes()),
                whole.vocab.occurrences(word.as_bytes()),
                "{word}"
            );
        }
        assert_eq!(whole.vocab.occurrences(b"department"), 3);
    }
}
