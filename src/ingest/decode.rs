//! Decoding of files of unknown encoding: UTF-8 (with or without BOM), UTF-16
//! with BOM, and Windows-1252 for legacy files that are not valid UTF-8.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::error::{Error, Side};

/// Signatures of common non-text files people drop by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x7fELF", "a program"),
];

/// Decodes `bytes` into text, refusing files that are not text.
pub fn decode(bytes: &[u8], side: Side) -> Result<String, Error> {
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(Error::NotText {
            side,
            looks_like: (*what).to_string(),
        });
    }
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
            text.into_owned()
        }
        None => match (looks_like_bomless_utf16(bytes), std::str::from_utf8(bytes)) {
            (Some(encoding), _) => encoding.decode_without_bom_handling(bytes).0.into_owned(),
            (None, Ok(text)) => text.to_string(),
            (None, Err(_)) => WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    };
    if looks_binary(&text) {
        return Err(Error::NotText {
            side,
            looks_like: "binary data".to_string(),
        });
    }
    Ok(text)
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text.
fn looks_like_bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    if odd_nuls * 10 >= pairs * 9 && even_nuls == 0 {
        Some(UTF_16LE)
    } else if even_nuls * 10 >= pairs * 9 && odd_nuls == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Text has few control characters; binary data has many.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(65_536) {
        total += 1;
        if c == '\0' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) {
            control += 1;
        }
    }
    total > 0 && control * 10 > total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> String {
        decode(bytes, Side::Text).expect("decodes")
    }

    #[test]
    fn reads_utf8_with_and_without_bom() {
        assert_eq!(ok("café".as_bytes()), "café");
        assert_eq!(ok(b"\xef\xbb\xbfcaf\xc3\xa9"), "café");
    }

    #[test]
    fn reads_utf16_with_bom_in_both_byte_orders() {
        assert_eq!(ok(b"\xff\xfec\x00a\x00f\x00\xe9\x00"), "café");
        assert_eq!(ok(b"\xfe\xff\x00c\x00a\x00f\x00\xe9"), "café");
    }

    #[test]
    fn reads_utf16_without_bom() {
        assert_eq!(ok(b"H\x00e\x00l\x00l\x00o\x00"), "Hello");
    }

    #[test]
    fn falls_back_to_windows_1252() {
        assert_eq!(ok(b"\x93quoted\x94 caf\xe9"), "“quoted” café");
    }

    #[test]
    fn refuses_pdf_and_binary() {
        let err = decode(b"%PDF-1.7\n...", Side::Report).unwrap_err();
        assert!(err.to_string().contains("PDF"), "{err}");
        let err = decode(&[0u8, 1, 2, 3, 4, 5, 6, 7, 200, 201], Side::Summary).unwrap_err();
        assert!(matches!(err, Error::NotText { .. }), "{err}");
    }
}
