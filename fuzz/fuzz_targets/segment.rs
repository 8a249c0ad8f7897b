//! Arbitrary text through the segmenter: offsets must stay inside the input.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let doc = lacuna::segment(text);
    let units = text.encode_utf16().count() as u32;
    for p in &doc.paragraphs {
        assert!(
            p.start <= p.end && p.end <= units,
            "paragraph {p:?} outside the text"
        );
        for s in &p.sentences {
            assert!(
                s.start <= s.end && s.end <= units,
                "sentence {s:?} outside the text"
            );
        }
    }
});
