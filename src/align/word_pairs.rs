//! Word pairs: two adjacent words as written, function words and inflections
//! kept, at least one a content word ("sentenced to", "in prison"). A
//! summary that copies a report's wording shares them, where one that only
//! uses the same words in another construction ("a prison sentence") does
//! not. Only the summary's pairs are numbered; the report's are looked up
//! among them, and most of its pairs, which the summary never writes, are
//! turned away by a filter before any hashing.

use rustc_hash::FxHashMap;

use super::terms::{PhraseId, WordId, WordInfo};
use super::tokens::{DocumentWords, WordAt};

/// Bits of the filter for each pair the summary writes: about one pair in
/// sixteen that the summary does not write passes it.
const FILTER_BITS_PER_PAIR: usize = 16;

/// The summary's word pairs, numbered as phrases from 0.
pub struct WordPairs {
    /// Each pair's phrase id, by `key`.
    by_key: FxHashMap<u64, PhraseId>,
    /// One bit for each hash of a pair's key that some numbered pair has
    /// (a Bloom filter with one hash): a clear bit rules a pair out.
    filter: Vec<u64>,
    /// How far a key's hash is shifted to index a bit of `filter`.
    shift: u32,
}

impl Default for WordPairs {
    /// No pairs: a filter of one word, every bit clear.
    fn default() -> Self {
        WordPairs {
            by_key: FxHashMap::default(),
            filter: vec![0],
            shift: 64 - 6,
        }
    }
}

impl WordPairs {
    /// The word pairs of the `summary`, whose words `words` describes. A
    /// pair written more than once and in more than half of its sentences
    /// ("the President") is the summary's set phrase, no sign of a passage
    /// copied, and is left out; a one-sentence summary has none.
    pub fn of_summary(summary: &DocumentWords, words: &[WordInfo]) -> Self {
        let words_written = summary.sentences().map(<[WordAt]>::len).sum();
        let mut written: FxHashMap<u64, usize> =
            FxHashMap::with_capacity_and_hasher(words_written, Default::default());
        for sentence in summary.sentences() {
            for key in keys(words, sentence) {
                *written.entry(key).or_default() += 2;
            }
        }
        // Each use counts two, against the number of sentences.
        let most = summary.sentences().len().max(3);
        let mut by_key = FxHashMap::with_capacity_and_hasher(written.len(), Default::default());
        for sentence in summary.sentences() {
            for key in keys(words, sentence) {
                if written[&key] <= most {
                    let next = by_key.len() as PhraseId;
                    by_key.entry(key).or_insert(next);
                }
            }
        }
        let bits = (by_key.len() * FILTER_BITS_PER_PAIR)
            .next_power_of_two()
            .max(64);
        let mut pairs = WordPairs {
            filter: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
            by_key,
        };
        for &key in pairs.by_key.keys() {
            let bit = pairs.bit(key);
            pairs.filter[bit / 64] |= 1 << (bit % 64);
        }
        pairs
    }

    /// How many pairs are numbered.
    pub fn len(&self) -> usize {
        self.by_key.len()
    }

    /// The phrase id of the pair "`first` then `second`", if the summary writes it.
    pub fn get(&self, first: WordId, second: WordId) -> Option<PhraseId> {
        let key = key(first, second);
        let bit = self.bit(key);
        if self.filter[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        self.by_key.get(&key).copied()
    }

    /// The bit of `filter` for `key`: the top bits of a multiplicative hash.
    fn bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }
}

/// The key of the pair "`first` then `second`": one hashed word.
fn key(first: WordId, second: WordId) -> u64 {
    u64::from(first) << 32 | u64::from(second)
}

/// The keys of the word pairs of a sentence's `words`: no redacted word,
/// at least one a content word.
fn keys<'a>(words: &'a [WordInfo], sentence: &'a [WordAt]) -> impl Iterator<Item = u64> + 'a {
    let content = |w: &WordAt| words[w.word() as usize].term.is_some();
    sentence.windows(2).filter_map(move |pair| {
        let (a, b) = (&pair[0], &pair[1]);
        let kept = !a.redacted() && !b.redacted() && (content(a) || content(b));
        kept.then(|| key(a.word(), b.word()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Tokens;
    use crate::segment::segment;

    #[test]
    fn only_the_pairs_the_summary_writes_are_found() {
        let summary = segment("He was sentenced to prison. The court met.\n");
        let tokens = Tokens::new(&summary, &segment("A prison sentence.\n"));
        let pairs = WordPairs::of_summary(&tokens.summary_words, &tokens.vocabulary.words);
        let id = |sentence: u32, at: usize| tokens.summary_words.of(sentence)[at].word();
        // Not "he was": two function words.
        assert!(pairs.get(id(0, 2), id(0, 3)).is_some(), "sentenced to");
        assert!(pairs.get(id(0, 3), id(0, 4)).is_some(), "to prison");
        assert!(pairs.get(id(0, 0), id(0, 1)).is_none(), "he was");
        assert!(pairs.get(id(0, 4), id(0, 2)).is_none(), "prison sentenced");
        assert!(WordPairs::default().get(id(0, 2), id(0, 3)).is_none());
    }

    #[test]
    fn a_pair_is_a_set_phrase_only_when_written_again() {
        let pairs_of = |summary: &str| {
            let summary = segment(summary);
            let tokens = Tokens::new(&summary, &segment("A report.\n"));
            let pairs = WordPairs::of_summary(&tokens.summary_words, &tokens.vocabulary.words);
            let first = tokens.summary_words.of(0);
            pairs.get(first[0].word(), first[1].word()).is_some()
        };
        assert!(pairs_of("Schaefer sentenced to prison.\n"), "one sentence");
        assert!(
            !pairs_of("The President spoke. The President left. He returned.\n"),
            "in two of three sentences"
        );
        assert!(pairs_of("The President spoke. He left. He returned.\n"));
    }
}
