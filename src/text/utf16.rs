//! Byte offsets (what Rust slices by) to UTF-16 code units (what JavaScript slices by).

/// Converts byte offsets of one text to UTF-16 offsets in a single forward pass
/// when offsets arrive in increasing order, which is how the segmenter emits them.
pub struct Utf16Cursor<'a> {
    text: &'a str,
    byte: usize,
    utf16: usize,
}

impl<'a> Utf16Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Cursor {
            text,
            byte: 0,
            utf16: 0,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, rounded down to a char boundary).
    pub fn utf16_at(&mut self, byte: usize) -> u32 {
        let mut byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        if byte < self.byte {
            self.byte = 0;
            self.utf16 = 0;
        }
        self.utf16 += utf16_len(&self.text.as_bytes()[self.byte..byte]);
        self.byte = byte;
        self.utf16 as u32
    }
}

/// UTF-16 code units of the whole characters in UTF-8 `bytes`, counted on
/// the bytes without decoding: one per lead byte, one more per four-byte
/// character (a surrogate pair). Eight bytes of ASCII, most of any text,
/// count eight at once.
fn utf16_len(bytes: &[u8]) -> usize {
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut units = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        units += if word & HIGHS == 0 {
            8
        } else {
            units_of(chunk)
        };
    }
    units + units_of(chunks.remainder())
}

/// `utf16_len` byte by byte.
fn units_of(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(b >= 0xF0))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_surrogate_pairs_as_two_units() {
        let text = "a😀b€c";
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.utf16_at(0), 0);
        assert_eq!(cursor.utf16_at(1), 1);
        assert_eq!(cursor.utf16_at(5), 3);
        assert_eq!(cursor.utf16_at(6), 4);
        assert_eq!(cursor.utf16_at(text.len()), 6);
        assert_eq!(cursor.utf16_at(1), 1, "going back restarts the count");
    }

    #[test]
    fn counts_every_split_of_mixed_text_alike() {
        let text = "plain ASCII then é, €, 😀 and ’quotes’ over several chunks";
        let units: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| text[..i].encode_utf16().count())
            .collect();
        for (k, (i, _)) in text.char_indices().enumerate() {
            let mut cursor = Utf16Cursor::new(text);
            assert_eq!(cursor.utf16_at(i) as usize, units[k], "at {i}");
            assert_eq!(
                utf16_len(&text.as_bytes()[i..]),
                text[i..].encode_utf16().count()
            );
        }
    }

    #[test]
    fn rounds_inside_a_character_down() {
        let mut cursor = Utf16Cursor::new("é");
        assert_eq!(cursor.utf16_at(1), 0);
    }
}
