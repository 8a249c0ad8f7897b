//! Byte scans: the stages that look at every byte of a text for a few
//! bytes that matter (marks, sentence ends) share one fast search.

/// A set of bytes, as a table indexed by byte.
pub type ByteSet = [bool; 256];

/// The set of `members`, built at compile time.
pub const fn byte_set(members: &[u8]) -> ByteSet {
    let mut set = [false; 256];
    let mut k = 0;
    while k < members.len() {
        set[members[k] as usize] = true;
        k += 1;
    }
    set
}

/// Index of the first byte of `bytes` from `from` on that is in `set`.
/// Eight bytes are looked up at a time without a branch between them, as
/// most chunks of prose hold none.
pub fn next_in(set: &ByteSet, bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        if chunk
            .iter()
            .fold(false, |any, &b| any | set[usize::from(b)])
        {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| set[usize::from(b)])
        .map(|k| i + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_member_whatever_its_place_in_a_chunk() {
        let set = byte_set(&[b'[', b'X', 0xE2]);
        let bytes = "a quiet line of prose, then Harm ■ and [x] (b) X.".as_bytes();
        for from in 0..=bytes.len() + 1 {
            let expected = bytes
                .get(from..)
                .and_then(|rest| rest.iter().position(|&b| matches!(b, b'[' | b'X' | 0xE2)))
                .map(|k| from + k);
            assert_eq!(next_in(&set, bytes, from), expected, "from {from}");
        }
    }
}
