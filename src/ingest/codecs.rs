//! The encodings Lacuna reads besides plain UTF-8, decoded by hand: UTF-8
//! behind a byte-order mark, UTF-16 in either byte order and Windows-1252.
//! A general encoding library would bring every Chinese, Japanese and Korean
//! table into the WebAssembly module, a third of the page's download, for
//! encodings Lacuna never reads.

/// An encoding `decode` can read; invalid sequences become U+FFFD.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// Windows-1252, the usual encoding of older Western files.
    Windows1252,
}

/// Windows-1252's bytes 0x80 to 0x9F; every other byte is the Latin-1 character of the same number.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

impl Encoding {
    /// The encoding a byte-order mark at the start of `bytes` announces, and the mark's length.
    pub fn for_bom(bytes: &[u8]) -> Option<(Encoding, usize)> {
        if bytes.starts_with(b"\xef\xbb\xbf") {
            Some((Encoding::Utf8, 3))
        } else if bytes.starts_with(b"\xff\xfe") {
            Some((Encoding::Utf16Le, 2))
        } else if bytes.starts_with(b"\xfe\xff") {
            Some((Encoding::Utf16Be, 2))
        } else {
            None
        }
    }

    /// Decodes `bytes` (without a byte-order mark) into text.
    pub fn decode(self, bytes: &[u8]) -> String {
        match self {
            Encoding::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes),
            Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes),
            Encoding::Windows1252 => bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect(),
        }
    }
}

/// UTF-16 code units read with `unit`; a lone surrogate or odd last byte becomes U+FFFD.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let mut text: String = char::decode_utf16(pairs.map(|p| unit([p[0], p[1]])))
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if odd {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_maps_its_punctuation_and_latin_1() {
        let all: Vec<u8> = (0..=255).collect();
        let text = Encoding::Windows1252.decode(&all);
        assert_eq!(text.chars().count(), 256);
        assert_eq!(
            Encoding::Windows1252.decode(b"\x80\x93x\x94\x9f\xe9\xff"),
            "€“x”Ÿéÿ"
        );
    }

    #[test]
    fn utf16_replaces_lone_surrogates_and_an_odd_byte() {
        assert_eq!(Encoding::Utf16Le.decode(b"h\x00\x3d\xd8\x00\xde"), "h😀");
        assert_eq!(
            Encoding::Utf16Be.decode(b"\xd8\x3dA\x00\x00"),
            "\u{fffd}\u{4100}\u{fffd}"
        );
    }

    #[test]
    fn finds_byte_order_marks() {
        assert_eq!(
            Encoding::for_bom(b"\xef\xbb\xbfx"),
            Some((Encoding::Utf8, 3))
        );
        assert_eq!(
            Encoding::for_bom(b"\xff\xfex"),
            Some((Encoding::Utf16Le, 2))
        );
        assert_eq!(
            Encoding::for_bom(b"\xfe\xffx"),
            Some((Encoding::Utf16Be, 2))
        );
        assert_eq!(Encoding::for_bom(b"plain"), None);
    }
}
