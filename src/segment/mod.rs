//! Segment: rebuild a text's paragraphs, headings and sentences, each located
//! in the original input by UTF-16 offsets.

mod blocks;
mod sentences;

use crate::model::{Document, Paragraph, ParagraphKind, Sentence};
use crate::text::{tokenize, Utf16Cursor};

pub use sentences::split_sentences;

/// Rebuilds the document structure of `text`.
pub fn segment(text: &str) -> Document {
    let blocks = blocks::blocks(text);
    let mut cursor = Utf16Cursor::new(text);
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut section: Vec<String> = Vec::new();
    let mut next_sentence = 0u32;
    let mut words = 0u32;
    for block in blocks {
        if block.kind == ParagraphKind::Heading {
            section = vec![block.text.clone()];
        }
        let start = cursor.utf16_at(block.source_of(0));
        let end = cursor.utf16_at(block.source_end());
        let mut sentences = Vec::new();
        for range in split_sentences(&block.text) {
            let s_start = cursor.utf16_at(block.source_of(range.start));
            let s_end = cursor.utf16_at(block.source_of_end(range.end));
            sentences.push(Sentence {
                id: next_sentence,
                text: block.text[range].to_string(),
                start: s_start,
                end: s_end,
                coverage: None,
                support: None,
                status: None,
                links: Vec::new(),
            });
            next_sentence += 1;
        }
        words += tokenize(&block.text).len() as u32;
        paragraphs.push(Paragraph {
            id: paragraphs.len() as u32,
            kind: block.kind,
            text: block.text,
            start,
            end,
            section: section.clone(),
            number: None,
            sentences,
            links: Vec::new(),
            coverage: None,
            support: None,
            status: None,
        });
    }
    Document { paragraphs, words }
}
