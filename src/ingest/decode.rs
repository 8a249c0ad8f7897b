//! Decoding of files of unknown encoding: UTF-8 (with or without BOM), UTF-16
//! (with BOM, or without one when the NULs give it away), UTF-32 with BOM,
//! and Windows-1252 for legacy files that are not UTF-8. Line breaks (CRLF,
//! CR, form feeds) are kept as they are: offsets must point into this text,
//! and the segmenter reads page breaks from the form feeds.

use super::codecs::Encoding;

use crate::error::{Error, Side};

/// Signatures of common non-text files people drop by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"%!PS", "a PostScript document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"RIFF", "an image, audio or video file"),
    (b"PK\x03\x04", "a ZIP archive or Office document"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"SQLite format 3\x00", "a database"),
    (b"\x7fELF", "a program"),
    (b"MZ\x90\x00", "a program"),
    (b"ID3", "an audio file"),
    (b"OggS", "an audio or video file"),
    (b"wOFF", "a font"),
];

/// UTF-32 byte-order marks, checked before UTF-16's (they begin the same).
const UTF32_BOMS: &[(&[u8], bool)] = &[(b"\xff\xfe\x00\x00", true), (b"\x00\x00\xfe\xff", false)];

/// Decodes `bytes` into text, refusing files that are not text.
pub fn decode(bytes: &[u8], side: Side) -> Result<String, Error> {
    let media = bytes.get(4..8) == Some(b"ftyp".as_slice());
    let magic = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic));
    if let Some(what) = magic
        .map(|(_, what)| *what)
        .or(media.then_some("a video or image file"))
    {
        return Err(Error::NotText {
            side,
            looks_like: what.to_string(),
        });
    }
    let utf32 = UTF32_BOMS.iter().find(|(bom, _)| bytes.starts_with(bom));
    let text = match (utf32, Encoding::for_bom(bytes)) {
        (Some(&(bom, little_endian)), _) => decode_utf32(&bytes[bom.len()..], little_endian),
        (None, Some((encoding, bom_len))) => encoding.decode(&bytes[bom_len..]),
        (None, None) => match (looks_like_bomless_utf16(bytes), std::str::from_utf8(bytes)) {
            (Some(encoding), _) => encoding.decode(bytes),
            (None, Ok(text)) => text.to_string(),
            (None, Err(_)) if mostly_utf8(bytes) => String::from_utf8_lossy(bytes).into_owned(),
            (None, Err(_)) => {
                let text = Encoding::Windows1252.decode(bytes);
                if !looks_binary(&text) && other_legacy_encoding(bytes) {
                    return Err(Error::UnknownEncoding(side));
                }
                text
            }
        },
    };
    if looks_binary(&text) {
        return Err(Error::NotText {
            side,
            looks_like: "binary data".to_string(),
        });
    }
    if is_web_page(&text) {
        return Err(Error::WebPage(side));
    }
    Ok(text)
}

/// Whether `text` is an HTML document, as a saved web page is: it opens
/// with a doctype or an `<html>` tag (after an XML declaration, for
/// XHTML). Markdown with some inline HTML, or prose that mentions a tag,
/// opens otherwise.
fn is_web_page(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let end = (0..=start.len().min(1024))
        .rev()
        .find(|&i| start.is_char_boundary(i))
        .unwrap_or(0);
    let head = start[..end].to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with("<?xml") && head.contains("<html"))
}

/// UTF-32 code units, invalid ones replaced by U+FFFD.
fn decode_utf32(bytes: &[u8], little_endian: bool) -> String {
    bytes
        .chunks(4)
        .map(|unit| {
            let mut word = [0u8; 4];
            word[..unit.len()].copy_from_slice(unit);
            let value = if little_endian {
                u32::from_le_bytes(word)
            } else {
                u32::from_be_bytes(word)
            };
            char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// UTF-8 with a few damaged bytes (a truncated download, one pasted
/// Windows-1252 quote) is still UTF-8: many valid multi-byte characters and
/// few invalid bytes. Reading it as Windows-1252 would garble every accent.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    multibyte >= 4 * invalid.max(1)
}

/// Windows-1252 text is mostly ASCII, its accented letters standing alone
/// inside words ("café"). Double-byte encodings (Shift-JIS, GBK, EUC) and
/// code pages of non-Latin scripts (Cyrillic, Greek, Arabic) write whole
/// words in bytes over 0x7F: many of them, mostly next to one another.
fn other_legacy_encoding(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(65_536)];
    let visible = sample.iter().filter(|b| !b.is_ascii_whitespace()).count();
    let high = sample.iter().filter(|&&b| b >= 0x80).count();
    let paired = sample
        .windows(2)
        .filter(|pair| pair[0] >= 0x80 && pair[1] >= 0x80)
        .count();
    high >= 8 && high * 10 >= visible * 3 && paired * 2 >= high
}

/// UTF-16 without a BOM shows as a NUL in every other byte of ASCII text.
fn looks_like_bomless_utf16(bytes: &[u8]) -> Option<Encoding> {
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
        Some(Encoding::Utf16Le)
    } else if even_nuls * 10 >= pairs * 9 && odd_nuls == 0 {
        Some(Encoding::Utf16Be)
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
    fn refuses_other_legacy_encodings_rather_than_garbling_them() {
        // "日本語のテキストです。" in Shift-JIS and "Привет, мир" in Windows-1251.
        let shift_jis = b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x83\x65\x83\x4c\x83\x58\x83\x67\x82\xc5\x82\xb7\x81\x42";
        let cyrillic = b"\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0 \xe8 \xe2\xf1\xe5\xec";
        for bytes in [&shift_jis[..], &cyrillic[..]] {
            let err = decode(bytes, Side::Report).unwrap_err();
            assert!(matches!(err, Error::UnknownEncoding(Side::Report)), "{err}");
            assert!(err.to_string().contains("Save it as UTF-8"), "{err}");
        }
        // Accented Latin text stays Windows-1252, even with many accents.
        assert_eq!(
            ok(b"\xc9t\xe9 \xe0 l'h\xf4tel, d\xe9j\xe0 \xe9t\xe9"),
            "Été à l'hôtel, déjà été"
        );
    }

    #[test]
    fn reads_utf32_with_bom() {
        assert_eq!(ok(b"\xff\xfe\x00\x00h\x00\x00\x00\xe9\x00\x00\x00"), "hé");
        assert_eq!(ok(b"\x00\x00\xfe\xff\x00\x00\x00h\x00\x00\x00\xe9"), "hé");
    }

    #[test]
    fn keeps_mostly_valid_utf8_as_utf8() {
        let mut bytes = "café “quoted” naïve résumé ".as_bytes().to_vec();
        bytes.push(0x93);
        let text = ok(&bytes);
        assert!(text.starts_with("café “quoted” naïve résumé"), "{text}");
    }

    #[test]
    fn refuses_web_pages_but_not_markdown_with_html() {
        for page in [
            "<!DOCTYPE html>\n<html><body><p>Text.</p></body></html>",
            "\n  <html lang=\"en\"><p>Text.</p></html>",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">\n<html>",
        ] {
            assert_eq!(
                decode(page.as_bytes(), Side::Report),
                Err(Error::WebPage(Side::Report)),
                "{page}"
            );
        }
        for text in [
            "# <span id=\"page-0-0\"></span>Review\n\n<p>A paragraph.</p>",
            "The <html> tag opens a page.",
            "<?xml version=\"1.0\"?><report>Text</report>",
        ] {
            assert_eq!(ok(text.as_bytes()), text);
        }
    }

    #[test]
    fn keeps_line_breaks_and_form_feeds() {
        assert_eq!(ok(b"a\r\nb\rc\x0cd\n"), "a\r\nb\rc\x0cd\n");
    }

    #[test]
    fn refuses_pdf_and_binary() {
        let err = decode(b"%PDF-1.7\n...", Side::Report).unwrap_err();
        assert!(err.to_string().contains("PDF"), "{err}");
        let err = decode(&[0u8, 1, 2, 3, 4, 5, 6, 7, 200, 201], Side::Summary).unwrap_err();
        assert!(matches!(err, Error::NotText { .. }), "{err}");
        for (bytes, what) in [
            (&b"\x1f\x8b\x08\x00rest"[..], "gzip"),
            (&b"\x00\x00\x00\x18ftypmp42"[..], "video"),
            (&b"II*\x00\x08\x00"[..], "TIFF"),
        ] {
            let err = decode(bytes, Side::Report).unwrap_err().to_string();
            assert!(err.contains(what), "{err}");
        }
    }
}
