//! Segment: rebuild a text's paragraphs, headings and sentences, each located
//! in the original input by UTF-16 offsets, whatever the text's origin
//! (clean prose, pdftotext with or without `-layout`, OCR, copy-paste).
//!
//! The stages, in order: [`lines`] cuts the input into physical lines and
//! pages ([`pages`] infers the pages of text without form feeds);
//! [`markdown`] reads the marks of text written as Markdown;
//! [`furniture`] marks running headers, footers, page numbers and
//! contents leaders; [`tables`] cuts table lines into their cells;
//! [`footnotes`] marks the notes at page bottoms; [`joined`] cuts OCR
//! lines that hold two paragraphs' printed lines;
//! [`labels`] finds the short titles a document repeats on lines of their
//! own; [`paragraphs`] regroups the remaining lines into paragraphs, weighing
//! doubtful line ends with the document's own line [`fill`], the words its
//! paragraphs open with ([`openers`]) and its paragraph length rhythm
//! ([`hazard`]); [`blocks`]
//! joins each group into normalised text with a map back to the input;
//! [`headings`] decides kinds, numbers and heading paths; [`sentences`]
//! splits paragraphs into sentences. [`redactions`] finds the redaction marks
//! that scoring must not count as words.

mod blocks;
mod cues;
mod fill;
#[cfg(test)]
mod fixtures;
mod footnotes;
mod furniture;
mod glue;
mod hazard;
mod headings;
mod joined;
mod labels;
mod lines;
mod markdown;
mod openers;
mod pages;
mod paragraphs;
mod redactions;
mod scan;
mod sentences;
mod tables;

use std::sync::Arc;

use blocks::Block;
use lines::Layout;

use crate::model::{Document, Paragraph, Sentence};
use crate::parallel::{in_pool, map_each};
use crate::text::Utf16Cursor;

pub use redactions::redactions;
use sentences::split_numbered;
pub use sentences::{is_honorific, split_sentences};

/// Blocks per run of the work done on each block apart (joining lines,
/// classifying, splitting sentences), which runs at the same time where
/// threads allow: fewer are not worth a thread's hand-over.
const MIN_BLOCKS_PER_RUN: usize = 32;

/// Rebuilds the document structure of `text`.
pub fn segment(text: &str) -> Document {
    in_pool(|| segment_in_pool(text))
}

/// [`segment`], on a thread of the pool.
fn segment_in_pool(text: &str) -> Document {
    let mut layout = Layout::new(text);
    markdown::mark(&mut layout);
    furniture::mark(&mut layout);
    tables::split(&mut layout);
    footnotes::mark(&mut layout);
    let wrap = layout.wrap_width();
    paragraphs::forget_line_spacing(&mut layout, wrap);
    joined::split(&mut layout, wrap);
    let labels = labels::Labels::learn(&layout);
    let groups = paragraphs::group(&layout, &labels);
    let mut blocks = headings::blocks(&layout, groups);
    glue::split(&mut blocks);
    let blocks = headings::split_run_in_titles(&layout, &labels, blocks);
    let blocks = headings::classify(blocks);
    let sections = headings::sections(&blocks);
    build(&layout, blocks, sections)
}

/// Assembles the model's document, converting byte offsets to UTF-16 once for all.
fn build(layout: &Layout, blocks: Vec<Block>, sections: Vec<Arc<[String]>>) -> Document {
    let splits: Vec<Vec<std::ops::Range<usize>>> = map_each(
        blocks.len(),
        MIN_BLOCKS_PER_RUN,
        || (),
        |(), i| split_numbered(&blocks[i].text, blocks[i].number.as_deref()),
    );
    let mut offsets = Utf16Offsets::new(layout.text);
    // In text order (a block's start, its sentences, its end), so that the
    // sort in `resolve` mostly finds them sorted already.
    for (block, split) in blocks.iter().zip(&splits) {
        let (start, end) = extent(layout, block);
        offsets.want(start);
        for r in split {
            offsets.want(block.source_start(r.start));
            offsets.want(block.source_end(r.end));
        }
        offsets.want(end);
    }
    offsets.resolve();
    let mut paragraphs = Vec::with_capacity(blocks.len());
    let mut next_sentence = 0u32;
    let mut words = 0u32;
    for ((block, split), section) in blocks.into_iter().zip(splits).zip(sections) {
        let (start, end) = extent(layout, &block);
        let sentences = split
            .into_iter()
            .map(|r| {
                let sentence = Sentence {
                    id: next_sentence,
                    start: offsets.get(block.source_start(r.start)),
                    end: offsets.get(block.source_end(r.end)),
                    text: block.text.get(r).unwrap_or("").to_string(),
                    coverage: None,
                    support: None,
                    status: None,
                    links: Vec::new(),
                };
                next_sentence += 1;
                sentence
            })
            .collect();
        words += block.words as u32;
        paragraphs.push(Paragraph {
            id: paragraphs.len() as u32,
            kind: block.kind,
            text: block.text,
            start: offsets.get(start),
            end: offsets.get(end),
            section,
            number: block.number,
            sentences,
            links: Vec::new(),
            coverage: None,
            support: None,
            status: None,
        });
    }
    Document { paragraphs, words }
}

/// Byte range of a block in the original input: its first line's start to its last line's end.
fn extent(layout: &Layout, block: &Block) -> (usize, usize) {
    block.extent_in(layout)
}

/// Byte offsets gathered, sorted and converted to UTF-16 in one forward pass.
struct Utf16Offsets<'a> {
    text: &'a str,
    bytes: Vec<usize>,
    units: Vec<u32>,
}

impl<'a> Utf16Offsets<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Offsets {
            text,
            bytes: Vec::new(),
            units: Vec::new(),
        }
    }

    fn want(&mut self, byte: usize) {
        self.bytes.push(byte);
    }

    fn resolve(&mut self) {
        self.bytes.sort_unstable();
        self.bytes.dedup();
        if self.text.is_ascii() {
            self.units = self.bytes.iter().map(|&b| b as u32).collect();
            return;
        }
        let mut cursor = Utf16Cursor::new(self.text);
        self.units = self.bytes.iter().map(|&b| cursor.utf16_at(b)).collect();
    }

    fn get(&self, byte: usize) -> u32 {
        match self.bytes.binary_search(&byte) {
            Ok(i) => self.units.get(i).copied().unwrap_or(0),
            Err(_) => Utf16Cursor::new(self.text).utf16_at(byte),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_into_the_original() {
        let text = "😀 Heading\n\nThe ﬁrst sentence. The second one.\n";
        let doc = segment(text);
        let units: Vec<u16> = text.encode_utf16().collect();
        let slice = |s: u32, e: u32| String::from_utf16_lossy(&units[s as usize..e as usize]);
        let p = &doc.paragraphs[1];
        assert_eq!(slice(p.start, p.end), "The ﬁrst sentence. The second one.");
        assert_eq!(
            slice(p.sentences[1].start, p.sentences[1].end),
            "The second one."
        );
        assert_eq!(p.sentences[0].text, "The first sentence.");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "",
            "\n\n\x0c\x0c",
            "-",
            "é-\nà",
            "A.",
            "(a)",
            "1\n\x0c2\n\x0c3\n",
            "■■ [ ( (b)( ’ “",
            "\u{ad}\u{200b}\u{feff}",
            "ﬁ\r\nﬂ\rﬀ",
        ] {
            let doc = segment(text);
            for p in &doc.paragraphs {
                assert!(p.start <= p.end);
            }
        }
    }
}
