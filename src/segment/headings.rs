//! Headings: which blocks are headings, list items or numbered paragraphs,
//! and the heading path each block sits under.
//!
//! Numbered headings ("II.", "A.", "3.4.1", "(a)") read as headings when the
//! words after the number read like a title, or are a short unpunctuated
//! line before longer text ("2. Missed appointments"); the same number
//! before running prose makes a numbered paragraph ("4.12 The health
//! visitor…"). Unnumbered headings are all-capital lines, title-case lines,
//! a document's opening title line, and run-in headings ("Obstructive act."
//! alone before a paragraph; never with digits, brackets or quotes, as
//! citations have). Short lines count as headings only where the context
//! says so: run-in and sentence-case headings only in documents whose
//! paragraphs are long, and only before a longer paragraph (a run-in
//! heading before a long one), so that text written one short sentence per
//! paragraph never loses a sentence to a heading.
//!
//! A numbered title that runs into the prose after it, on its own line or
//! wrapped over two, is split from it.
//!
//! Nesting follows numbering styles in the order the document introduces
//! them (I. > A. > 1. > a. > (i) in the usual case); unnumbered headings nest
//! under the nearest numbered one, run-in headings deepest.

use std::sync::Arc;

use super::blocks::Block;
use super::cues::{
    all_caps, ending, has_inner_sentence_end, is_small_word, misread_letter, numbering, runs_on,
    title_case, Ending, Numbering, Style,
};
use super::labels::Labels;
use super::lines::Layout;
use super::markdown;
use super::paragraphs::Group;
use super::redactions::{count_words, redactions};
use super::sentences::opens_sentence;
use super::MIN_BLOCKS_PER_RUN;
use crate::model::ParagraphKind;
use crate::parallel::{flat_map, map_each};
use crate::text::{is_apostrophe, is_stopword, nfkc};

/// Paragraphs this long (in words) make a document "long-paragraph" prose.
const LONG_PARAGRAPH: usize = 40;
/// Longest numbered heading, in words.
const MAX_NUMBERED_HEADING: usize = 40;
/// Longest unnumbered heading, in words.
const MAX_HEADING: usize = 20;
/// Longest run-in or sentence-case heading, in words.
const MAX_SHORT_HEADING: usize = 12;
/// A sentence-case heading stands before a paragraph of at least twice its
/// words, and of at least twice this many.
const MIN_BODY: usize = 10;
/// Fewest labels set on lines of their own that show a document sets its
/// labels so (see [`Context::labelled`]).
const MIN_SET_OFF_LABELS: usize = 3;
/// Words that make a line state something rather than name it: auxiliary
/// and reporting verbs, and the pronouns a clause opens with. "The
/// President's termination of Comey." names a section; "But that was not
/// all." says something.
const STATEMENT_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "do", "does", "did",
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "said", "says",
    "not", "i", "we", "he", "she", "they", "it", "you",
];
/// The [`STATEMENT_WORDS`] that are also infinitives after "to".
const INFINITIVES: &[&str] = &["be", "have", "do"];
/// Words that open a clause inside a name ("Efforts to have McGahn deny
/// that …"): after a content word, [`names_only`] reads no further.
const COMPLEMENTISERS: &[&str] = &["that", "whether", "which", "who"];

/// Joins each body group that is only a heading number ("A." on its own
/// line, as pdftotext prints headings, or "Cc" as OCR misreads it) to the
/// group after it, and turns groups into blocks.
pub fn blocks(layout: &Layout, groups: Vec<Group>) -> Vec<Block> {
    let joined = flat_map(groups, MIN_BLOCKS_PER_RUN, |group, out| {
        out.push(markdown::retitle(
            layout,
            Block::join(layout, group.lines, group.kind),
        ));
    });
    let mut out: Vec<Block> = Vec::with_capacity(joined.len());
    let mut pending_number: Option<Block> = None;
    for mut block in joined {
        if block.kind == ParagraphKind::Footnote || is_table(block.kind) {
            out.push(block);
            continue;
        }
        if let Some(mut number) = pending_number.take() {
            number.absorb(block);
            out.push(number);
            continue;
        }
        if let Some(letter) = misread_letter(&block.text) {
            let mut number = String::from(letter);
            number.push('.');
            block.respell(&number);
        }
        if is_bare_number(&block.text) {
            pending_number = Some(block);
        } else {
            out.push(block);
        }
    }
    out.extend(pending_number);
    out
}

/// Whether a block is a table's row or header, which tables read: no
/// heading, list item or number to tell.
fn is_table(kind: ParagraphKind) -> bool {
    matches!(kind, ParagraphKind::TableRow | ParagraphKind::TableHeader)
}

/// Articles and short prepositions: a title writes them in lower case, so
/// capitalised inside a title's run they open a sentence.
const SENTENCE_OPENERS: &[&str] = &["The", "A", "An", "On", "In", "At", "By", "As"];

fn is_sentence_opener(word: &str) -> bool {
    SENTENCE_OPENERS.contains(&word)
}

/// Shortest sentence that a run-in title may be split from, in words.
const MIN_RUN_ON_SENTENCE: usize = 8;
/// Letters a title set in capitals has at least, so that two acronyms
/// ("US UN") opening a sentence are no title.
const MIN_CAPITAL_LETTERS: usize = 8;

/// Splits a numbered heading printed on the same line as the first sentence
/// after it ("2. The Campaign Reacts to Reports On June 14, 2016, a firm
/// ..."): the title runs in title case up to a capitalised small word ("On",
/// "The", "Within") that a title would write in lower case, the last such
/// before the first lower-case word that is not a small word. Headings OCR
/// ran into a neighbouring line are cut apart first (`ocr_run_in_cuts`).
pub fn split_run_in_titles(layout: &Layout, labels: &Labels, blocks: Vec<Block>) -> Vec<Block> {
    let paragraph_styles = paragraph_styles(&blocks);
    let next = next_body(&blocks);
    let labelled = sets_off_labels(&blocks, &next, |i| words_outside_marks(&blocks[i]));
    // Which blocks end on a label before a long paragraph: only a
    // labelled document asks, and only of blocks that end on a label.
    let label_ends: Vec<bool> = blocks
        .iter()
        .zip(&next)
        .map(|(block, j)| {
            labelled
                && trailing_label(layout, block).is_some()
                && j.is_some_and(|j| words_outside_marks(&blocks[j]) >= LONG_PARAGRAPH)
        })
        .collect();
    let blocks: Vec<(Block, bool)> = blocks.into_iter().zip(label_ends).collect();
    flat_map(blocks, MIN_BLOCKS_PER_RUN, |(mut block, label_end), out| {
        let cuts = ocr_run_in_cuts(layout, labels, &block);
        let mut tails = Vec::new();
        for &at in cuts.iter().rev() {
            tails.extend(block.split_off(layout, at));
        }
        let last = tails.len();
        for (k, mut piece) in std::iter::once(block)
            .chain(tails.into_iter().rev())
            .enumerate()
        {
            // Only the block's last piece ends on its last line.
            let label_end = label_end && k == last;
            let cut = (piece.kind == ParagraphKind::Paragraph)
                .then(|| {
                    let numbered_paragraph =
                        numbering(&piece.text).is_some_and(|n| paragraph_styles.contains(&n.style));
                    (!numbered_paragraph)
                        .then(|| run_in_title_end(&piece.text))
                        .flatten()
                        .or_else(|| title_lines_end(layout, &piece))
                        .or_else(|| capitals_title_end(&piece.text))
                        .or_else(|| label_end.then(|| trailing_label(layout, &piece)).flatten())
                })
                .flatten();
            let tail = cut.and_then(|at| piece.split_off(layout, at));
            out.push(piece);
            out.extend(tail);
        }
    })
}

/// Fewest numbered paragraphs of one style that show the document numbers
/// its paragraphs so.
const MIN_NUMBERED_PARAGRAPHS: usize = 5;
/// A style numbers paragraphs when its blocks of several sentences open in
/// prose this many times as often as with a run-in title.
const PARAGRAPH_MAJORITY: usize = 10;

/// The numbering styles the document gives its paragraphs ("4.12 The
/// health visitor …"): those whose blocks of several sentences open in
/// prose far more often than with a title. A block so numbered that opens
/// like a title ("5.1 Kabul, Afghanistan (CNN) The flag is …") is a
/// paragraph like its siblings, not a heading run into one.
fn paragraph_styles(blocks: &[Block]) -> Vec<Style> {
    let mut counts: Vec<(Style, usize, usize)> = Vec::new();
    for block in blocks.iter().filter(|b| b.kind == ParagraphKind::Paragraph) {
        let Some(n) = numbering(&block.text) else {
            continue;
        };
        if !has_inner_sentence_end(&block.text) {
            continue;
        }
        let titled = run_in_title_end(&block.text).is_some();
        match counts.iter_mut().find(|c| c.0 == n.style) {
            Some(c) => {
                c.1 += usize::from(!titled);
                c.2 += usize::from(titled);
            }
            None => counts.push((n.style, usize::from(!titled), usize::from(titled))),
        }
    }
    counts
        .into_iter()
        .filter(|&(_, prose, titled)| {
            prose >= MIN_NUMBERED_PARAGRAPHS && prose >= PARAGRAPH_MAJORITY * titled
        })
        .map(|(style, _, _)| style)
        .collect()
}

/// Where to cut `block`, in increasing order, around each of the
/// document's labels that OCR ran into a heading's line, one opening a line
/// before a heading number ("Evidence 1. The Appointment …") or closing a
/// title ("K. The President's Conduct Involving Michael Cohen Overview"),
/// and around a numbered title OCR ran onto the end of a paragraph's last
/// line (see `trailing_title`).
fn ocr_run_in_cuts(layout: &Layout, labels: &Labels, block: &Block) -> Vec<usize> {
    let mut cuts = Vec::new();
    if block.kind != ParagraphKind::Paragraph {
        return cuts;
    }
    for &i in &block.lines {
        let line = layout.text_of(i);
        let Some(number) = labels.before_number(line) else {
            continue;
        };
        let label = line[..number].trim_end();
        if let Some(at) = text_offset(block, label, layout.lines[i].start) {
            let rest = &block.text[at + label.len()..];
            cuts.extend([at, block.text.len() - rest.trim_start().len()]);
        }
    }
    if let Some(at) = labels.closing(&block.text) {
        let title = block.text[..at].trim_end();
        let titled = numbering(title).is_some() || title_case(title);
        if titled && ending(title) == Ending::Open && !has_inner_sentence_end(title) {
            cuts.push(at);
        }
    }
    for (k, &i) in block.lines.iter().enumerate() {
        let line = layout.text_of(i);
        let Some(at) = trailing_title(line) else {
            continue;
        };
        let number = line[at..].split(' ').next().unwrap_or("");
        let Some(title) = text_offset(block, number, layout.lines[i].start + at) else {
            continue;
        };
        cuts.push(title);
        if let Some(&next) = block.lines.get(k + 1) {
            cuts.extend(line_start_in(layout, block, next));
        }
    }
    cuts.retain(|&at| at > 0);
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// Where in `line` a numbered title starts that OCR ran onto the end of a
/// paragraph's last line, after its closing sentence ("… talk to the New
/// York Times.7 4. The Media Reports on the June 9, 2016 Meeting"): the
/// title runs in title case to the line's end, which a paragraph's wrapped
/// line never does.
fn trailing_title(line: &str) -> Option<usize> {
    let last = line.rsplit(' ').next()?;
    if !last.starts_with(char::is_uppercase) {
        return None;
    }
    let bytes = line.as_bytes();
    // The title's number follows a space after a sentence's end, within the
    // words a title may have.
    let mut starts: Vec<usize> = line
        .rmatch_indices(' ')
        .take(MAX_NUMBERED_HEADING + 1)
        .map(|(space, _)| space + 1)
        .filter(|&at| {
            at >= 2
                && (bytes[at].is_ascii_digit() || bytes[at].is_ascii_uppercase())
                && !bytes[at - 2].is_ascii_alphabetic()
                && bytes[at - 2] != b','
        })
        .collect();
    starts.reverse();
    starts.into_iter().find(|&at| {
        heading_title_start(&line[at..]).is_some_and(|start| {
            let title = &line[at + start..];
            (2..=MAX_NUMBERED_HEADING).contains(&words_in(title))
                && title_case(title)
                && !runs_on(title)
                && !has_inner_sentence_end(title)
                && ending(line[..at].trim_end()) == Ending::Terminal
        })
    })
}

/// The offset in `block`'s text where its layout line `line` starts.
fn line_start_in(layout: &Layout, block: &Block, line: usize) -> Option<usize> {
    let word = layout.text_of(line).split(' ').next().unwrap_or("");
    // The block's text is normalised: "Eﬀorts" reads "Efforts" there.
    text_offset(block, &nfkc(word), layout.lines.get(line)?.start)
}

/// The offset in `block`'s text of `needle` where it starts at original
/// byte `source`.
fn text_offset(block: &Block, needle: &str, source: usize) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    block
        .text
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| block.source_start(at) == source)
}

/// Where the sentence after a run-in numbered title starts, if it does.
/// Failing a small word that opens it, the sentence opens on the last
/// capitalised word before the first lower-case one ("… of Section
/// 1512(c)(2) Courts have not limited …"), unless a small word stands before
/// it, as a title never ends on one ("… Apply to the Conductin this …"),
/// and only after a title of four words or more with a small word in it.
fn run_in_title_end(text: &str) -> Option<usize> {
    let rest_start = heading_title_start(text)?;
    let mut candidate = None;
    let mut capitalised = None;
    let mut after_small = false;
    for (index, (at, word)) in words_at(text, rest_start).enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.starts_with(char::is_lowercase) && !is_small_word(bare) {
            break;
        }
        let whole = index >= 2 && bare.len() == word.len();
        if whole && is_sentence_opener(bare) {
            candidate = Some(at);
        }
        if bare.starts_with(char::is_uppercase) {
            capitalised = (whole && !after_small).then_some(at);
        }
        // A lower-case word that got this far is a small one.
        after_small = bare.starts_with(char::is_lowercase);
    }
    let cut = |at: usize, opener: bool| {
        let title = text[rest_start..at].trim_end();
        let sentence = &text[at..];
        // Without a small word opening the sentence, a short capitalised run
        // may be a name that opens it ("13.14 NCAA President Mark Emmert said
        // …"): a title then has four words or more, one of them small (and
        // not its first, "3.1 The Local Safeguarding Children Board met").
        let titled = opener
            || (words_in(title) >= 4
                && title
                    .split_whitespace()
                    .skip(1)
                    .any(|w| is_small_word(&w.to_lowercase())));
        (titled
            && title_case(title)
            && plain_title(title)
            && words_in(sentence) >= MIN_RUN_ON_SENTENCE
            && has_inner_sentence_end(sentence) | sentence.ends_with(['.', '"', '”']))
        .then_some(at)
    };
    // A small word capitalised inside a title that capitalises every word
    // ("… Communications With The Campaign While he was …") is no opener
    // where the title would end on a small word: the capitalised word last
    // before the prose may still open the sentence.
    candidate
        .and_then(|at| cut(at, true))
        .or_else(|| capitalised.and_then(|at| cut(at, false)))
}

/// Where the sentence after a title set in capitals starts, when OCR ran
/// the two into one line ("RUSSIAN HACKING OPERATIONS At the same time
/// that …"): two words or more in capitals, then a capitalised word in
/// lower case that opens a sentence of some length. A sentence may open
/// with one acronym ("FBI agents …"), hardly with a run of them before a
/// capitalised word.
fn capitals_title_end(text: &str) -> Option<usize> {
    let mut capitals = 0;
    let mut letters = 0;
    for (at, word) in words_at(text, 0) {
        let cased = word.chars().filter(|c| c.is_alphabetic());
        if cased.clone().all(char::is_uppercase) {
            capitals += 1;
            letters += cased.count();
            continue;
        }
        let mut chars = word.chars();
        let opens = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        let title = text[..at].trim_end();
        let sentence = &text[at..];
        return (opens
            && capitals >= 2
            && letters >= MIN_CAPITAL_LETTERS
            && plain_title(title)
            && words_in(sentence) >= MIN_RUN_ON_SENTENCE
            && (has_inner_sentence_end(sentence) || ending(sentence) == Ending::Terminal))
            .then_some(at);
    }
    None
}

/// Where prose starts after a numbered title wrapped over the block's first
/// lines ("II. Factual Results of the Obstruction Investiga-" / "tion" /
/// "This section of the report details..."), when the paragraph break after
/// the title was lost: the title lines read as a title, the next line opens
/// a sentence that does not.
fn title_lines_end(layout: &Layout, block: &Block) -> Option<usize> {
    let text = block.text.as_str();
    let rest_start = heading_title_start(text)?;
    block.lines.iter().skip(1).take(2).find_map(|&line| {
        let at = line_start_in(layout, block, line)?;
        let title = text.get(rest_start..at)?.trim_end();
        let sentence = &text[at..];
        let first_words: String = sentence
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        ((title_case(title) || all_caps(title))
            && plain_title(title)
            && sentence.starts_with(char::is_uppercase)
            && !title_case(&first_words)
            && words_in(sentence) >= MIN_RUN_ON_SENTENCE)
            .then_some(at)
    })
}

/// Whether `text` is a heading number whose title was redacted ("3. [Harm
/// to Ongoing Matter]"): the section is there, its name withheld.
fn redacted_heading(text: &str) -> bool {
    heading_title_start(text).is_some_and(|start| start < text.len())
}

/// Where the title after a heading-style number ("II.", "B.", "3.", "3.4",
/// and deeper in an outline "a.", "iii.") starts in `text`, if `text` opens
/// with one.
fn heading_title_start(text: &str) -> Option<usize> {
    let n = numbering(text)?;
    matches!(
        n.style,
        Style::UpperRoman
            | Style::UpperLetter
            | Style::Arabic
            | Style::Decimal(_)
            | Style::LowerLetter
            | Style::LowerRoman
    )
    .then(|| text.len() - text[n.len..].trim_start().len())
}

/// Whether `title` (cased as a title) ends as a title does: no closing
/// punctuation, no word it runs on with, one sentence, not too long.
fn plain_title(title: &str) -> bool {
    !title.is_empty()
        && ending(title) == Ending::Open
        && !runs_on(title)
        && !has_inner_sentence_end(title)
        && words_in(title) <= MAX_NUMBERED_HEADING
}

/// The whitespace-separated words of `text` from byte `from`, with their offsets.
fn words_at(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    std::iter::from_fn(move || {
        let rest = text.get(at..)?;
        let skip = rest.len() - rest.trim_start().len();
        let start = at + skip;
        let len = text[start..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - start);
        if len == 0 {
            return None;
        }
        at = start + len;
        Some((start, &text[start..start + len]))
    })
}

fn is_bare_number(text: &str) -> bool {
    numbering(text).is_some_and(|n| n.len == text.len() && n.style != Style::Bullet)
}

/// Counts words: runs of letters or digits.
fn words_in(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let word_byte = if b < 0x80 {
            b.is_ascii_alphanumeric()
        } else if b >= 0xC0 {
            text.get(i..)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_alphanumeric)
        } else {
            in_word
        };
        count += usize::from(word_byte && !in_word);
        in_word = word_byte;
    }
    count
}

/// Decides each block's kind and number. A block of redaction marks alone
/// ("[Redacted]", "Harm to Ongoing Matter") or without a letter (stray
/// reference numbers around a redaction) is never a heading; in prose of
/// long paragraphs it joins the paragraph before it, whose text it interrupts.
pub fn classify(blocks: Vec<Block>) -> Vec<Block> {
    let mut blocks = blocks;
    // Each block's words outside redaction marks and whether it is
    // contentless, at the same time where threads allow.
    let weighed: Vec<(usize, bool)> = map_each(
        blocks.len(),
        MIN_BLOCKS_PER_RUN,
        || (),
        |(), i| {
            let text = &blocks[i].text;
            let marks = redactions(text);
            let words = count_words(text, &marks);
            let letters = text.chars().any(char::is_alphabetic);
            // OCR leaves debris between the labels of a redacted block
            // ("Harm to Ongoing Matter fagHarm to Ongoing Matter"): fewer
            // stray words than marks is still marks alone.
            let marks_alone = !marks.is_empty() && (words <= 1 || words < marks.len());
            (words, marks_alone || !letters)
        },
    );
    let mut contentless = Vec::with_capacity(blocks.len());
    for (block, (words, only)) in blocks.iter_mut().zip(weighed) {
        block.words = words;
        contentless.push(only);
    }
    let counts: Vec<usize> = blocks.iter().map(|b| b.words).collect();
    let mut lengths: Vec<usize> = blocks
        .iter()
        .zip(&counts)
        .filter(|(b, &n)| b.kind == ParagraphKind::Paragraph && n >= 5)
        .map(|(_, &n)| n)
        .collect();
    lengths.sort_unstable();
    let long_doc = lengths
        .get(lengths.len() / 2)
        .is_some_and(|&m| m >= LONG_PARAGRAPH);
    let next = next_body(&blocks);
    let next_words: Vec<usize> = next.iter().map(|j| j.map_or(0, |j| counts[j])).collect();
    let mut heads_next: Vec<Option<String>> = next
        .iter()
        .zip(&blocks)
        .map(|(j, block)| j.and_then(|j| parent_number(&block.text, &blocks[j].text)))
        .collect();
    let body_count = blocks
        .iter()
        .filter(|b| b.kind != ParagraphKind::Footnote)
        .count();
    let numbered = blocks
        .iter()
        .filter(|b| {
            b.kind != ParagraphKind::Footnote
                && numbering(&b.text).is_some_and(|n| n.style != Style::Bullet)
        })
        .nth(1)
        .is_some();
    let labelled = sets_off_labels(&blocks, &next, |i| counts[i]);
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut seen_body = false;
    for (i, mut block) in blocks.into_iter().enumerate() {
        if block.kind == ParagraphKind::Footnote {
            block.number = match markdown::note_label(&block.text) {
                Some(label) => Some(label.to_string()),
                None => super::footnotes::marker(&block.text)
                    .filter(|m| m.len < block.text.len() || m.number.is_some())
                    .map(|m| marker_text(&block.text[..m.len])),
            };
            out.push(block);
            continue;
        }
        if is_table(block.kind) {
            seen_body = true;
            out.push(block);
            continue;
        }
        let context = Context {
            long_doc,
            numbered,
            labelled,
            first: !seen_body && body_count > 1,
            words: counts[i],
            next_words: next_words[i],
            heads_next: heads_next[i].take(),
        };
        seen_body = true;
        // Markdown marks its headings; a redacted title is marks alone.
        if block.level.is_some() || (contentless[i] && redacted_heading(&block.text)) {
            block.number = numbering(&block.text).map(|n| marker_text(&block.text[..n.len]));
            block.kind = ParagraphKind::Heading;
            out.push(block);
            continue;
        }
        if contentless[i] {
            let previous = out
                .iter_mut()
                .rev()
                .find(|b| b.kind != ParagraphKind::Footnote)
                .filter(|b| matches!(b.kind, ParagraphKind::Paragraph | ParagraphKind::ListItem));
            match previous {
                Some(previous) if long_doc => previous.absorb(block),
                _ => out.push(block),
            }
            continue;
        }
        let (kind, number) = kind_of(&block, &context);
        block.kind = kind;
        block.number = number;
        out.push(block);
    }
    out
}

/// What a block's neighbours say about it.
struct Context {
    /// The document's paragraphs are typically long.
    long_doc: bool,
    /// The document numbers its sections or paragraphs (twice or more), as
    /// legal and official texts that set run-in labels on lines of their
    /// own ("Obstructive act.") do; news copy does not, and there a short
    /// line that ends a sentence is a paragraph ("More about that later.").
    numbered: bool,
    /// The document sets at least `MIN_SET_OFF_LABELS` labels that only
    /// name (no [`STATEMENT_WORDS`]) on lines of their own before long
    /// paragraphs, as an executive summary heads its paragraphs ("The
    /// President's termination of Comey.") without numbering them.
    labelled: bool,
    /// The block opens the document (and more follow).
    first: bool,
    /// Words in the block.
    words: usize,
    /// Words in the next non-footnote block.
    next_words: usize,
    /// The bare section number the block opens with, when the next
    /// non-footnote block is numbered below it ("26 This week" before
    /// "26.1 Istanbul …").
    heads_next: Option<String>,
}

/// The bare number `text` opens with ("26" of "26 This week") when `next`
/// is numbered below it ("26.1 …"): official reviews number their section
/// headings so, and a heading's number is its paragraphs' first part,
/// whatever its title says or however short the paragraph after it.
fn parent_number(text: &str, next: &str) -> Option<String> {
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number = &text[..digits];
    let below = next
        .strip_prefix(number)
        .and_then(|rest| rest.strip_prefix('.'))
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    (digits > 0 && text[digits..].starts_with(' ') && below).then(|| number.to_string())
}

/// The index of the next block that is no footnote, for each block: the
/// text a block heads or runs on into.
fn next_body(blocks: &[Block]) -> Vec<Option<usize>> {
    let mut next = vec![None; blocks.len()];
    let mut following = None;
    for i in (0..blocks.len()).rev() {
        next[i] = following;
        if blocks[i].kind != ParagraphKind::Footnote {
            following = Some(i);
        }
    }
    next
}

/// A block's words outside redaction marks.
fn words_outside_marks(block: &Block) -> usize {
    count_words(&block.text, &redactions(&block.text))
}

/// Whether the document sets labels on lines of their own (see
/// [`Context::labelled`]), given the next body block of each block and a
/// block's words (asked only of the few blocks of one or two lines and
/// of the blocks after them).
fn sets_off_labels(
    blocks: &[Block],
    next: &[Option<usize>],
    words: impl Fn(usize) -> usize,
) -> bool {
    (0..blocks.len())
        .filter(|&i| {
            let block = &blocks[i];
            // The cheap tests first: OCR sets whole paragraphs on one line.
            block.kind == ParagraphKind::Paragraph
                && label_line(block)
                && names_only(&block.text)
                && next[i].is_some_and(|j| short_before_long(words(i), words(j)))
        })
        .nth(MIN_SET_OFF_LABELS - 1)
        .is_some()
}

/// Whether `block` is one or two lines shaped like a run-in label set on a
/// line of its own ("Obstructive act.").
fn label_line(block: &Block) -> bool {
    block.lines.len() <= 2 && label_shaped(&block.text)
}

/// Whether a label of `words` words is short and heads a long paragraph of
/// `next_words`: the labels that show a document sets labels off, and the
/// numbered ones. Once a document sets labels off, a label may name its
/// matter at more length (see [`heads_body`]).
fn short_before_long(words: usize, next_words: usize) -> bool {
    words <= MAX_SHORT_HEADING && next_words >= LONG_PARAGRAPH
}

/// Whether a line of `words` words may head a body of `next_words`: a
/// paragraph of at least twice its words, and of at least twice
/// [`MIN_BODY`].
fn heads_body(words: usize, next_words: usize) -> bool {
    next_words >= 2 * words.max(MIN_BODY)
}

/// Whether `text` is one sentence that ends in a full stop and holds no
/// figures, brackets or quotations, as a run-in label is.
fn label_shaped(text: &str) -> bool {
    ending(text) == Ending::Terminal
        && text.ends_with('.')
        && !text.ends_with(" .")
        && !text.contains(|c: char| c.is_ascii_digit() || matches!(c, '(' | ';' | '"' | '“'))
        && !has_inner_sentence_end(text)
}

/// Where a label that a labelled document set on the block's last line
/// starts ("… trigger a Saturday Night Massacre." / "Efforts to curtail
/// the review."), when the paragraph break before it was lost: pdftotext
/// runs a label that opens a page into the paragraph that closed the
/// page before.
fn trailing_label(layout: &Layout, block: &Block) -> Option<usize> {
    let &last = block.lines.last()?;
    let is_label = |line: &str| {
        opens_sentence(line)
            && words_in(line) <= MAX_SHORT_HEADING
            && label_shaped(line)
            && names_only(line)
    };
    // The line as printed first: most blocks' last lines are no label, and
    // finding a line in the block's text costs a search.
    if block.lines.len() < 2 || !is_label(layout.text_of(last)) {
        return None;
    }
    let at = line_start_in(layout, block, last)?;
    let (head, label) = (block.text[..at].trim_end(), &block.text[at..]);
    (ending(head) == Ending::Terminal && is_label(label)).then_some(at)
}

/// Whether `text` only names something: none of the words of its main
/// clause is one of the [`STATEMENT_WORDS`] a clause needs, whole or
/// contracted ("It's", "didn't"). An infinitive ("Efforts to have the
/// Attorney General take control.") names an aim, and a clause that a
/// complementiser opens after a content word ("Efforts to have McGahn deny
/// that the President had ordered …") says what is named: neither states
/// anything. After a function word the same "that" is a subject ("But that
/// was not all.").
fn names_only(text: &str) -> bool {
    let is = |word: &str, list: &[&str]| list.iter().any(|s| word.eq_ignore_ascii_case(s));
    let mut previous: Option<&str> = None;
    for word in text
        .split(|c: char| !c.is_alphabetic() && !is_apostrophe(c))
        .filter(|word| !word.is_empty())
    {
        let (head, tail) = word.split_once(is_apostrophe).unwrap_or((word, ""));
        if is(head, COMPLEMENTISERS) && previous.is_some_and(|p| !is_stopword(&p.to_lowercase())) {
            return true;
        }
        let infinitive =
            previous.is_some_and(|p| p.eq_ignore_ascii_case("to")) && is(head, INFINITIVES);
        if tail == "t" || (!infinitive && is(head, STATEMENT_WORDS)) {
            return false;
        }
        previous = Some(head);
    }
    true
}

fn kind_of(block: &Block, context: &Context) -> (ParagraphKind, Option<String>) {
    let text = block.text.as_str();
    let n_words = context.words;
    if let Some(n) = numbering(text) {
        let number = Some(marker_text(&text[..n.len]));
        let rest = text[n.len..].trim_start();
        if n.style == Style::Bullet {
            return (ParagraphKind::ListItem, number);
        }
        let sentence_case_title = block.lines.len() <= 2
            && words_in(rest) <= MAX_SHORT_HEADING
            && ending(rest) == Ending::Open
            && !runs_on(rest)
            && opens_sentence(rest)
            && context.next_words > words_in(rest);
        if numbered_title(rest) || sentence_case_title {
            return (ParagraphKind::Heading, number);
        }
        let kind = match n.style {
            Style::UpperRoman | Style::UpperLetter | Style::Arabic | Style::Decimal(_) => {
                ParagraphKind::Paragraph
            }
            _ => ParagraphKind::ListItem,
        };
        return (kind, number);
    }
    let end = ending(text);
    let lines = block.lines.len();
    let starts_upper = opens_sentence(text) || text.starts_with(char::is_numeric);
    let open_end = end == Ending::Open && !runs_on(text) && !text.ends_with([')', '"', '”', '\'']);
    let heading = if !starts_upper || lines > 3 || n_words == 0 {
        false
    } else if open_end && n_words <= MAX_HEADING && (all_caps(text) || title_case(text)) {
        true
    } else if open_end && n_words <= MAX_SHORT_HEADING && lines == 1 {
        context.first
            || context.heads_next.is_some()
            || (context.long_doc && heads_body(n_words, context.next_words))
    } else {
        context.long_doc
            && ((context.numbered
                && short_before_long(n_words, context.next_words)
                && label_line(block))
                || (context.labelled
                    && n_words <= MAX_HEADING
                    && heads_body(n_words, context.next_words)
                    && label_line(block)
                    && names_only(text)))
    };
    if heading {
        (ParagraphKind::Heading, context.heads_next.clone())
    } else {
        (ParagraphKind::Paragraph, None)
    }
}

/// Whether the words after a heading number read as a heading title.
fn numbered_title(rest: &str) -> bool {
    let n_words = words_in(rest);
    if n_words == 0 || n_words > MAX_NUMBERED_HEADING || has_inner_sentence_end(rest) {
        return false;
    }
    let titled = title_case(rest) || all_caps(rest);
    match ending(rest) {
        Ending::Open => titled && !runs_on(rest) || (all_caps(rest) && n_words <= MAX_HEADING),
        Ending::Terminal => titled && n_words <= MAX_SHORT_HEADING && rest.ends_with('.'),
        Ending::Colon | Ending::Hyphen => false,
    }
}

/// A marker as the model reports it: "A." gives "A", "(a)" stays "(a)".
fn marker_text(marker: &str) -> String {
    let marker = marker.trim();
    marker.strip_suffix('.').unwrap_or(marker).to_string()
}

/// One open heading on the path.
struct Open {
    key: Key,
    text: String,
}

/// What decides a heading's depth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    /// A numbering style, with the first character of the last value seen.
    Numbered(Style, char),
    /// The document's opening title.
    Title,
    /// An unnumbered heading line in capitals.
    Caps,
    /// An unnumbered heading line in title or sentence case.
    Line,
    /// A run-in heading ending with a period.
    RunIn,
    /// A heading Markdown marks, with its level.
    Marked(u8),
}

impl Key {
    fn same_level(self, other: Key) -> bool {
        match (self, other) {
            (Key::Numbered(a, _), Key::Numbered(b, _)) => a == b,
            _ => self == other,
        }
    }
}

/// The heading path of every block, outermost first; a heading's own path ends with itself.
pub fn sections(blocks: &[Block]) -> Vec<Arc<[String]>> {
    let mut stack: Vec<Open> = Vec::new();
    let mut out = Vec::with_capacity(blocks.len());
    let mut first_body = true;
    let levels_tell = levels_tell_depth(blocks);
    // The paragraphs under one heading share its path.
    let mut path: Arc<[String]> = Arc::new([]);
    for block in blocks {
        if block.kind == ParagraphKind::Heading {
            let key = key_of(block, levels_tell, first_body, &stack);
            place(&mut stack, key, block.text.clone());
            path = stack.iter().map(|o| o.text.clone()).collect();
        }
        if block.kind != ParagraphKind::Footnote {
            first_body = false;
        }
        out.push(Arc::clone(&path));
    }
    out
}

/// Whether the Markdown levels of `blocks` tell their headings' depth: not
/// when every marked heading after the first (the document's title, say)
/// has the same level, as converters that flatten the outline write them
/// (docling marks every section `##`). Then the titles' numbers and forms
/// nest them, as in plain text.
fn levels_tell_depth(blocks: &[Block]) -> bool {
    let mut levels = blocks.iter().filter_map(|b| b.level).skip(1);
    levels
        .next()
        .is_some_and(|first| levels.any(|level| level != first))
}

/// What decides the depth of heading `block`; `levels_tell` says whether
/// its Markdown level does, if it has one.
fn key_of(block: &Block, levels_tell: bool, first: bool, stack: &[Open]) -> Key {
    if let Some(level) = block.level.filter(|_| levels_tell) {
        return Key::Marked(level);
    }
    if let Some(n) = numbering(&block.text) {
        let marker = block.text.get(..n.len).unwrap_or("");
        return Key::Numbered(resolve(n, marker, stack), n.first);
    }
    if first {
        Key::Title
    } else if all_caps(&block.text) {
        Key::Caps
    } else if block.text.ends_with('.') {
        Key::RunIn
    } else {
        Key::Line
    }
}

/// Tells roman numerals from letters: "I." after "H." is a letter, "C."
/// after "B." too; a lone "I." or "(i)" is a numeral, as is "V." while a
/// roman level is open.
fn resolve(n: Numbering, marker: &str, stack: &[Open]) -> Style {
    let (roman, letter, one) = match n.style {
        Style::UpperRoman => (Style::UpperRoman, Style::UpperLetter, 'I'),
        Style::LowerRoman => (Style::LowerRoman, Style::LowerLetter, 'i'),
        Style::ParenRoman => (Style::ParenRoman, Style::ParenLetter, 'i'),
        style => return style,
    };
    if marker.chars().filter(char::is_ascii_alphanumeric).count() > 1 {
        return roman;
    }
    let last_of = |style: Style| {
        stack.iter().rev().find_map(|o| match o.key {
            Key::Numbered(s, c) if s == style => Some(c),
            _ => None,
        })
    };
    let follows_letter = last_of(letter)
        .and_then(|c| char::from_u32(u32::from(c) + 1))
        .is_some_and(|next| next.eq_ignore_ascii_case(&n.first));
    if follows_letter {
        letter
    } else if n.first == one || last_of(roman).is_some() {
        roman
    } else {
        letter
    }
}

/// Puts a heading with `key` on the path, closing the headings it ends.
fn place(stack: &mut Vec<Open>, key: Key, text: String) {
    if key == Key::Title {
        stack.clear();
        stack.push(Open { key, text });
        return;
    }
    let under_title = usize::from(stack.first().is_some_and(|o| o.key == Key::Title));
    let floor = stack
        .iter()
        .rposition(|o| matches!(o.key, Key::Numbered(..) | Key::Marked(..)))
        .map_or(under_title, |p| p + 1);
    let same =
        |from: usize, stack: &[Open]| (from..stack.len()).find(|&i| stack[i].key.same_level(key));
    let cut = match key {
        // A marked level closes the deeper and equal marked levels and
        // every unmarked heading under them.
        Key::Marked(level) => stack
            .iter()
            .position(|o| match o.key {
                Key::Marked(open) => open >= level,
                Key::Title => false,
                _ => true,
            })
            .unwrap_or(stack.len()),
        Key::Numbered(..) => same(0, stack).unwrap_or(floor),
        _ => same(floor, stack).unwrap_or(stack.len()),
    };
    stack.truncate(cut);
    stack.push(Open { key, text });
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::kinds_and_texts;
    use super::*;

    fn segmented(text: &str) -> Vec<(ParagraphKind, String, Vec<String>)> {
        let mut layout = Layout::new(text);
        super::super::furniture::mark(&mut layout);
        super::super::footnotes::mark(&mut layout);
        let labels = Labels::learn(&layout);
        let groups = super::super::paragraphs::group(&layout, &labels);
        let blocks = classify(split_run_in_titles(
            &layout,
            &labels,
            blocks(&layout, groups),
        ));
        let paths = sections(&blocks);
        blocks
            .into_iter()
            .zip(paths)
            .map(|(b, p)| (b.kind, b.text, p.to_vec()))
            .collect()
    }

    fn long() -> String {
        format!("The {}end.", "word ".repeat(58))
    }

    /// OCR runs a label the document repeats alone into the heading line
    /// before it ("C. The Third Matter Overview") or after it ("Evidence 1.
    /// The Letter …"): the label stands alone again, and the numbered title
    /// is cut from the sentence that follows it on its line.
    #[test]
    fn labels_run_into_heading_lines_stand_alone() {
        let body = long();
        let mut text = String::new();
        for (letter, title) in [("A", "First"), ("B", "Second"), ("D", "Fourth")] {
            text.push_str(&format!(
                "{letter}. The {title} Matter\n\nOverview\n\n{body}\n\nEvidence\n\n1. The Meeting\n\n{body}\n\n"
            ));
        }
        text.push_str(&format!(
            "C. The Third Matter Overview\n\n{body}\n\nEvidence 1. The Letter of the Chair On May 17, \
             2017, the chair wrote to the council about the budget for the coming year.\n\n{body}\n"
        ));
        let found = kinds_and_texts(&text);
        let count = |(kind, text): (ParagraphKind, &str)| {
            found.iter().filter(|f| f.0 == kind && f.1 == text).count()
        };
        assert_eq!(count((ParagraphKind::Heading, "Overview")), 4, "{found:#?}");
        assert_eq!(count((ParagraphKind::Heading, "Evidence")), 4, "{found:#?}");
        assert_eq!(count((ParagraphKind::Heading, "C. The Third Matter")), 1);
        assert_eq!(
            count((ParagraphKind::Heading, "1. The Letter of the Chair")),
            1
        );
        assert!(found
            .iter()
            .any(|(k, t)| *k == ParagraphKind::Paragraph && t.starts_with("On May 17, 2017")));
    }

    /// OCR ran a numbered title onto the end of the last line of the
    /// paragraph before it: the title stands alone between the paragraphs.
    #[test]
    fn a_title_run_onto_a_paragraphs_last_line_stands_alone() {
        let body = long();
        let text = format!(
            "{body}\n\nThe second paragraph went on for a while and ended in a line.\n\
             It said the council had met.4 2. The Media Reports on the Meeting\n\
             Before the council met again, the press published its story about the budget.\n\n\
             {body}\n"
        );
        let found = kinds_and_texts(&text);
        assert!(
            found.contains(&(
                ParagraphKind::Heading,
                "2. The Media Reports on the Meeting".to_string()
            )),
            "{found:#?}"
        );
        assert!(found
            .iter()
            .any(|(k, t)| *k == ParagraphKind::Paragraph && t.starts_with("Before the council")));
        assert!(trailing_title("Doc. 14. At the sentencing, our Office further").is_none());
        assert!(trailing_title("in 2016. 3. Payments to the Committee").is_some());
    }

    #[test]
    fn nests_numbered_and_unnumbered_headings() {
        let body = long();
        let text = format!(
            "I. Background\n\nA. Legal Framework\n\n{body}\n\nObstructive act.\n\n{body}\n\n\
             B. Evidence Gathered\n\n1. The First Event\n\nOverview\n\n{body}\n\n\
             H. Eighth Letter\n\nI. Ninth Letter\n\n{body}\n\nII. Factual Results\n\n{body}\n"
        );
        let doc = segmented(&text);
        let path_of = |start: &str| {
            doc.iter()
                .find(|(_, t, _)| t.starts_with(start))
                .map(|(_, _, p)| p.join(" > "))
                .unwrap_or_default()
        };
        assert_eq!(
            path_of("Obstructive"),
            "I. Background > A. Legal Framework > Obstructive act."
        );
        assert_eq!(
            path_of("Overview"),
            "I. Background > B. Evidence Gathered > 1. The First Event > Overview"
        );
        assert_eq!(path_of("I. Ninth"), "I. Background > I. Ninth Letter");
        assert_eq!(path_of("II."), "II. Factual Results");
        let headings = doc
            .iter()
            .filter(|(k, _, _)| *k == ParagraphKind::Heading)
            .count();
        assert_eq!(headings, 9);
    }

    /// An executive summary heads its paragraphs with labels on lines of
    /// their own and numbers nothing: three such labels that only name
    /// show the style, and a short line that states something stays a
    /// paragraph.
    #[test]
    fn labels_set_off_before_long_paragraphs_are_headings() {
        let body = long();
        let labels = [
            "The President’s termination of Comey.",
            "Conduct involving the council and its chair.",
            "Efforts to curtail the review.",
        ];
        let statement = "But that was not all.";
        let text = |labels: &[&str]| {
            let mut text = String::new();
            for label in labels.iter().chain([&statement]) {
                text.push_str(&format!("{label}\n\n{body}\n\n"));
            }
            text
        };
        let kind_of = |found: &[(ParagraphKind, String)], line: &str| {
            found.iter().find(|(_, t)| t == line).map(|(k, _)| *k)
        };
        let found = kinds_and_texts(&text(&labels));
        for label in labels {
            assert_eq!(
                kind_of(&found, label),
                Some(ParagraphKind::Heading),
                "{found:#?}"
            );
        }
        assert_eq!(kind_of(&found, statement), Some(ParagraphKind::Paragraph));
        // Two labels are no style yet.
        let found = kinds_and_texts(&text(&labels[..2]));
        assert_eq!(kind_of(&found, labels[0]), Some(ParagraphKind::Paragraph));
    }

    /// Once short labels show that a document sets labels off, a label may
    /// be longer, hold an infinitive or a clause saying what it names, and
    /// head a paragraph shorter than the long ones that showed the style;
    /// a short line that states something, if only by a contraction, is
    /// still a paragraph.
    #[test]
    fn a_labelled_document_sets_off_longer_labels_before_shorter_paragraphs() {
        let body = long();
        let short = "We did not make a decision about these facts, but the evidence \
                     we obtained supports several general statements about the conduct.";
        let mut text = String::new();
        for label in [
            "The President’s termination of Comey.",
            "Conduct involving the council and its chair.",
            "Efforts to curtail the review.",
        ] {
            text.push_str(&format!("{label}\n\n{body}\n\n"));
        }
        let infinitive = "Further efforts to have the mayor take control of the review.";
        let clause = "Efforts to have the chair deny that the council had ordered him \
                      to have the auditor removed.";
        let before_short = "Overarching factual issues.";
        let contracted = ["It's actually very brave.", "Others weren't so sure."];
        text.push_str(&format!(
            "{infinitive}\n\n{body}\n\n{clause}\n\n{body}\n\n\
             {before_short}\n\n{short}\n\n{body}\n\n"
        ));
        for line in contracted {
            text.push_str(&format!("{line}\n\n{short}\n\n{body}\n\n"));
        }
        let found = kinds_and_texts(&text);
        let kind_of = |line: &str| found.iter().find(|(_, t)| t == line).map(|(k, _)| *k);
        for label in [infinitive, clause, before_short] {
            assert_eq!(kind_of(label), Some(ParagraphKind::Heading), "{found:#?}");
        }
        for line in contracted {
            assert_eq!(kind_of(line), Some(ParagraphKind::Paragraph), "{line}");
        }
    }

    /// A label on a block's last line, after a sentence end, is cut off:
    /// pdftotext runs a label that opens a page into the paragraph that
    /// closed the page before. Its ligature ("Eﬀorts") reads normalised in
    /// the block.
    #[test]
    fn a_label_on_a_blocks_last_line_is_cut_off() {
        let text = "The chair said that the committee had met twice to review the budget\n\
                    and that the auditor approved the minutes of the spring meeting then.\n\n\
                    Eﬀorts to curtail the review.\n\n\
                    But the council was not told of it.\n\n\
                    The auditor added that the meeting went on until\n";
        let layout = Layout::new(text);
        let labels = Labels::learn(&layout);
        let blocks = blocks(&layout, super::super::paragraphs::group(&layout, &labels));
        assert_eq!(blocks.len(), 4);
        let run_on = |a: &Block, b: &Block| {
            let mut a = a.clone();
            a.absorb(b.clone());
            a
        };
        let labelled = run_on(&blocks[0], &blocks[1]);
        let at = trailing_label(&layout, &labelled).expect("a label");
        assert_eq!(&labelled.text[at..], "Efforts to curtail the review.");
        // A sentence that states something is no label.
        assert_eq!(
            trailing_label(&layout, &run_on(&blocks[0], &blocks[2])),
            None
        );
        // Nor is a line after one that goes on.
        assert_eq!(
            trailing_label(&layout, &run_on(&blocks[3], &blocks[1])),
            None
        );
    }

    #[test]
    fn numbered_paragraphs_and_list_items() {
        let text = "4.12 The health visitor saw the family twice and noted no concerns at all.\n\n\
                    (a) the first point of the list;\n\n• a bullet point\n\n\
                    3.4.1 Scope of the Review\n";
        let doc = segmented(text);
        let kinds: Vec<_> = doc.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Paragraph,
                ParagraphKind::ListItem,
                ParagraphKind::ListItem,
                ParagraphKind::Heading
            ]
        );
    }

    #[test]
    fn a_quoted_lead_in_ending_in_a_dash_is_no_heading() {
        let body = long();
        for dash in [" -", "--", " —"] {
            let text = format!(
                "1. The Statute\n\nSection 1512(c) provides:\n\n(c) Whoever corruptly{dash}\n\n\
                 (1) alters, destroys, or conceals a record; or\n\n\
                 shall be fined under this title.\n\n2. Its History\n\n{body}\n"
            );
            let doc = segmented(&text);
            let (kind, _, path) = doc
                .iter()
                .find(|(_, t, _)| t.starts_with("(c)"))
                .expect("the lead-in");
            assert_ne!(*kind, ParagraphKind::Heading, "{dash:?}");
            assert_eq!(path, &["1. The Statute"], "{dash:?}");
            let (_, _, after) = doc.iter().find(|(_, t, _)| t.starts_with("2.")).unwrap();
            assert_eq!(after, &["2. Its History"], "{dash:?}");
        }
    }

    #[test]
    fn a_wrapped_numbered_title_run_into_prose_is_split_at_its_line_end() {
        use super::super::fixtures::{paragraph, wrapped};
        let before: Vec<String> = (0..6).map(|k| paragraph(k * 8, 8)).collect();
        let after: Vec<String> = (6..9).map(|k| paragraph(k * 8, 8)).collect();
        let text = format!(
            "I. Background\n\n{}\nII.      Factual Results of the Obstruction Investiga-\n         tion\n{}",
            wrapped(&before, 80),
            wrapped(&after, 80)
        );
        let doc = segmented(&text);
        let heading = doc
            .iter()
            .find(|(_, t, _)| t.starts_with("II."))
            .expect("the title");
        assert_eq!(heading.0, ParagraphKind::Heading, "{:.80}", heading.1);
        assert_eq!(
            heading.1,
            "II. Factual Results of the Obstruction Investigation"
        );
        let first = &after[0][..30];
        let (kind, _, path) = doc
            .iter()
            .find(|(_, t, _)| t.starts_with(first))
            .expect("the prose");
        assert_eq!(*kind, ParagraphKind::Paragraph);
        assert_eq!(
            path,
            &["II. Factual Results of the Obstruction Investigation"]
        );
    }

    /// Redaction labels with OCR debris glued between them are marks alone:
    /// no heading, and in prose of long paragraphs part of the one before.
    #[test]
    fn redaction_labels_with_ocr_debris_are_marks_alone() {
        let body = long();
        let marks = "Harm to Ongoing Matter fagHarm to Ongoing Matter BggHarm to Ongoing Matter";
        let text =
            format!("A. Conduct Towards Witnesses\n\n{body}\n\n{marks}\n\n{body}\n\n{body}\n");
        let doc = segmented(&text);
        assert!(
            doc.iter()
                .all(|(kind, t, _)| *kind != ParagraphKind::Heading || t.starts_with("A.")),
            "{doc:#?}"
        );
        assert!(
            doc.iter()
                .any(|(_, t, _)| t.starts_with("The") && t.ends_with(marks)),
            "{doc:#?}"
        );
    }

    #[test]
    fn a_numbered_heading_with_its_title_redacted_opens_its_section() {
        let body = long();
        let text = format!(
            "J. Conduct Towards Witnesses\n\n2. Conduct Directed at Paul Manafort\n\n{body}\n\n\
             3. [Harm to Ongoing Matter]\n\n[Redacted]\n\n4. Conduct Directed at Others\n\n{body}\n"
        );
        let doc = segmented(&text);
        let redacted = doc
            .iter()
            .find(|(_, t, _)| t.starts_with("3."))
            .expect("the redacted heading");
        assert_eq!(redacted.0, ParagraphKind::Heading);
        assert!(
            !doc.iter()
                .any(|(_, t, _)| t.starts_with("The") && t.contains("[Harm")),
            "the redacted heading stays out of the paragraph before it"
        );
        let (_, _, path) = doc
            .iter()
            .find(|(_, t, _)| t == "[Redacted]")
            .expect("the redacted text");
        assert_eq!(
            path.last().map(String::as_str),
            Some("3. [Harm to Ongoing Matter]")
        );
    }

    #[test]
    fn short_sentences_stay_paragraphs_in_short_paragraph_text() {
        let text = "`` Ms . Kinsman 's false accusations were shocking . ''\n\nShocked .\n\nWho ?\n\n\
                    TRANSCRIPT .\n\n1 .\n\n.\n\nSocial media .\n\nIt was a long day for all of them .\n";
        let doc = segmented(text);
        assert_eq!(doc.len(), 8);
        assert!(
            doc.iter().all(|(k, _, _)| *k == ParagraphKind::Paragraph),
            "{doc:#?}"
        );
    }

    #[test]
    fn a_sentence_case_heading_before_a_shorter_paragraph() {
        // Long-paragraph prose; the section after the heading opens with a
        // paragraph of 24 words, short of a long one but thrice the heading's.
        let body = long();
        let opening = "The photographer walked for months through the forest and looked up at the                        branches of the tallest trees around him every single day.";
        let text = format!(
            "{body}

{body}

He took photos of the trees

{opening}

{body}

             A line that ends with no stop

Too short to follow it.

{body}
"
        );
        let doc = segmented(&text);
        let kind_of = |start: &str| {
            doc.iter()
                .find(|(_, t, _)| t.starts_with(start))
                .map(|d| d.0)
        };
        assert_eq!(kind_of("He took photos"), Some(ParagraphKind::Heading));
        assert_eq!(kind_of("A line that ends"), Some(ParagraphKind::Paragraph));
    }

    #[test]
    fn a_short_sentence_in_unnumbered_prose_is_a_paragraph() {
        let body = long();
        let label = |numbers: &str| {
            let text = format!("{numbers}{body}\n\nMore about that in a moment.\n\n{body}\n");
            segmented(&text)
                .into_iter()
                .find(|(_, t, _)| t.starts_with("More about"))
                .map(|d| d.0)
        };
        assert_eq!(label(""), Some(ParagraphKind::Paragraph));
        assert_eq!(
            label("1. Facts\n\n2. Analysis\n\n"),
            Some(ParagraphKind::Heading)
        );
    }

    #[test]
    fn a_title_in_capitals_run_into_its_paragraph_stands_alone() {
        let text = format!(
            "RUSSIAN HACKING OPERATIONS At the same time that the operation began, the \
             government employed a second form of interference.\n\n{}\n\nFBI CIA \
             Officers met the team on the first day and agreed on the plan.\n",
            long()
        );
        let doc = segmented(&text);
        assert_eq!(doc[0].0, ParagraphKind::Heading);
        assert_eq!(doc[0].1, "RUSSIAN HACKING OPERATIONS");
        assert!(doc[1].1.starts_with("At the same time"));
        assert_eq!(doc[1].2, ["RUSSIAN HACKING OPERATIONS"]);
        assert!(doc
            .iter()
            .any(|(k, t, _)| *k == ParagraphKind::Paragraph && t.starts_with("FBI CIA")));
    }

    /// A plain-text export wraps long headings at the text's column like
    /// its prose: the title's last word, alone on the next line and the
    /// same under several titles ("Investigation"), is no label and no
    /// heading of its own, and the line before it is no title that was
    /// never wrapped, however wide its capitals would print.
    #[test]
    fn a_title_wrapped_at_the_texts_column_stays_whole() {
        use super::super::fixtures::{paragraph, wrap};
        let titles = [
            "A. The Committee's Reaction to Public Confirmation of the Harbour Investigation",
            "B. The Harbour Pilot Asks the Chair to Lift the Cloud Over the Investigation",
            "C. The Efforts of the Tramway Company to Curtail the Special Auditor's Investigation",
        ];
        let mut text = String::new();
        for (k, title) in titles.iter().enumerate() {
            let title = wrap(title, 72);
            assert_eq!(title.len(), 2);
            text.push_str(&format!("{}\n\n", title.join("\n")));
            for j in 0..3 {
                text.push_str(&format!(
                    "{}\n\n",
                    wrap(&paragraph(k * 20 + j * 6, 6), 72).join("\n")
                ));
            }
        }
        let headings: Vec<String> = kinds_and_texts(&text)
            .into_iter()
            .filter(|(kind, _)| *kind == ParagraphKind::Heading)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(headings, titles);
    }

    /// A converter that flattens the outline marks every section `##`: the
    /// titles' numbers nest them, as in plain text, and an unnumbered one
    /// stands under the numbered heading before it. Levels that differ
    /// still decide.
    #[test]
    fn a_flat_markdown_outline_nests_by_the_titles_numbers() {
        let body = "The pilots met twice. They agreed on the new timetable.";
        let titles = [
            "# Annual Review",
            "## I. The Harbour",
            "## A. The Pilots",
            "## Overview",
            "## B. The Quay",
            "## II. The Town",
        ];
        let paths = |titles: &[&str]| -> Vec<Vec<String>> {
            let text: String = titles
                .iter()
                .map(|t| format!("{t}\n\n{body}\n\n"))
                .collect();
            crate::segment::segment(&text)
                .paragraphs
                .iter()
                .filter(|p| p.kind == ParagraphKind::Heading)
                .map(|p| p.section.to_vec())
                .collect()
        };
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let (title, one, a) = ("Annual Review", "I. The Harbour", "A. The Pilots");
        assert_eq!(
            paths(&titles),
            [
                path(&[title]),
                path(&[title, one]),
                path(&[title, one, a]),
                path(&[title, one, a, "Overview"]),
                path(&[title, one, "B. The Quay"]),
                path(&[title, "II. The Town"]),
            ]
        );
        // Marked levels that differ decide: "A." then closes "I.", its equal.
        let mut levelled = titles;
        levelled[3] = "### Overview";
        let levelled = paths(&levelled);
        assert_eq!(levelled[2], path(&[title, a]));
        assert_eq!(levelled[3], path(&[title, a, "Overview"]));
    }

    #[test]
    fn a_news_title_is_a_heading() {
        let text = "Ad sales boost Time Warner profit\n\nQuarterly profits at US media giant TimeWarner jumped 76% to $1.13bn.\n\nThe firm said so.\n";
        let doc = segmented(text);
        assert_eq!(doc[0].0, ParagraphKind::Heading);
        assert_eq!(doc[1].2, ["Ad sales boost Time Warner profit"]);
        assert!(doc[1..]
            .iter()
            .all(|(k, _, _)| *k == ParagraphKind::Paragraph));
    }

    /// Official reviews number a section "26 This week" and its paragraphs
    /// "26.1 …": the bare number heads the paragraphs numbered below it
    /// however short the first of them is; a short line before a short
    /// paragraph numbered below another number stays a paragraph.
    #[test]
    fn a_bare_number_heads_the_paragraphs_numbered_below_it() {
        let body = long();
        let text = format!(
            "25 Earlier news\n\n25.1 {body}\n\n26 This week\n\n\
             26.1 Istanbul (CNN) The questions were tinged with fear.\n\n26.2 {body}\n\n\
             12 Other news\n\n26.3 The end came quickly.\n\n26.4 {body}\n"
        );
        let doc = crate::segment::segment(&text);
        let find = |start: &str| doc.paragraphs.iter().find(|p| p.text.starts_with(start));
        let heading = find("26 This week").map(|p| (p.kind, p.number.clone()));
        assert_eq!(heading, Some((ParagraphKind::Heading, Some("26".into()))));
        let section = find("26.1 Istanbul").map(|p| p.section.last().cloned());
        assert_eq!(section, Some(Some("26 This week".into())));
        assert_eq!(
            find("12 Other").map(|p| p.kind),
            Some(ParagraphKind::Paragraph)
        );
    }

    /// Where a document numbers its paragraphs, one that opens like a
    /// title ("2.1 Kabul, Afghanistan (CNN) The flag …") is a paragraph
    /// like its siblings, not a heading run into its first sentence.
    #[test]
    fn a_numbered_paragraph_opening_like_a_title_stays_whole() {
        let sentences = "The review met twice. It read the files again.";
        let mut text = String::from("1 Background\n\n");
        for k in 1..=12 {
            text.push_str(&format!("1.{k} {sentences}\n\n"));
        }
        text.push_str("2 Fighters\n\n2.1 Kabul, Afghanistan (CNN) The flag is crude, handmade, but the message is clear. Fighters pledged allegiance.\n\n");
        text.push_str(&format!("2.2 {sentences}\n"));
        let doc = crate::segment::segment(&text);
        let kabul = doc.paragraphs.iter().find(|p| p.text.starts_with("2.1"));
        let found = kabul.map(|p| (p.kind, p.text.ends_with("allegiance."), p.section.last()));
        let section = "2 Fighters".to_string();
        assert_eq!(
            found,
            Some((ParagraphKind::Paragraph, true, Some(&section)))
        );
    }

    /// A title may open with a quoted name ("\"The Muppets\" might return"):
    /// the quotation mark does not hide its capital.
    #[test]
    fn a_title_opening_with_a_quotation_mark_is_a_heading() {
        let body = long();
        for title in [
            "29. \"The Muppets\" might return to television",
            "“Furious 7” pays tribute to its star",
        ] {
            let numbered = title.starts_with('2');
            let before = if numbered { "28. Earlier news" } else { "" };
            let doc = segmented(&format!("{before}\n\n{body}\n\n{title}\n\n{body}\n"));
            let found = doc.iter().find(|(_, t, _)| t == title);
            assert_eq!(found.map(|d| d.0), Some(ParagraphKind::Heading), "{doc:#?}");
            assert_eq!(
                doc.last().map(|d| d.2.last().cloned()),
                Some(Some(title.into()))
            );
        }
    }

    #[test]
    fn a_run_in_title_ends_before_the_capitalised_word_opening_the_sentence() {
        let text = "3. Judicial Rulings Support a Broad Reading of Rule 12(b)(6) Courts have \
                    not read the rule narrowly in any case we found.";
        assert_eq!(run_in_title_end(text), text.find("Courts"));
        let joined = "4. Other Rules Might Apply to the Casesin this Court Regardless whether \
                      the rule covers all cases, others may apply.";
        assert_eq!(run_in_title_end(joined), None);
        let named = "13.14 Union Leader Mary Jones said the strike would go on until the \
                     pay offer was raised again.";
        assert_eq!(run_in_title_end(named), None);
        let ran_together = "3. The Board Criticizes the Mayor ina Local Radio Interview Within \
                            hours of the vote, the mayor answered on the same station.";
        assert_eq!(run_in_title_end(ran_together), ran_together.find("Within"));
        // The sentences after it end inside closing quotes.
        let quoted = "1. The Board Learns About the Letters Concerning the May 9 Meeting In \
                      mid-June the chair wrote to \"the members of the board.\" As described \
                      above, they met on \"the first Monday.\"% At the meeting they voted";
        assert_eq!(run_in_title_end(quoted), quoted.find("In mid"));
        // A title capitalising every word, small ones too.
        let every_word = "e. Communications With The Campaign While he was talking to \
                          his contacts, the advisor met them twice.";
        assert_eq!(run_in_title_end(every_word), every_word.find("While"));
        let name = "3.1 The Local Safeguarding Children Board met twice and asked for \
                    the review.";
        assert_eq!(run_in_title_end(name), None);
        // Titles numbered in lower-case letters and roman numerals, deeper
        // in the outline, run in too.
        for lower in [
            "b. Origins of and Early Campaign Work In January 2016, Page began \
             volunteering for the campaign on an informal basis.",
            "iii. Difficulties in Valuing the Promised Information The Office would \
             also have found it hard to prove what the documents were worth.",
        ] {
            let sentence = lower.find(" In January").or(lower.find(" The Office"));
            assert_eq!(
                run_in_title_end(lower),
                sentence.map(|at| at + 1),
                "{lower}"
            );
        }
    }

    #[test]
    fn a_heading_letter_misread_by_ocr_numbers_its_section() {
        let body = long();
        let text = format!("B. The Second Matter\n\n{body}\n\nCc\n\nThe Third Matter\n\n{body}\n");
        let doc = segmented(&text);
        let heading = doc.iter().find(|(_, t, _)| t.contains("Third"));
        assert_eq!(
            heading.map(|(k, t, _)| (*k, t.as_str())),
            Some((ParagraphKind::Heading, "C. The Third Matter"))
        );
        assert_eq!(
            doc.last().map(|d| d.2.clone()),
            Some(vec!["C. The Third Matter".to_string()])
        );
        assert_eq!(misread_letter("Ss"), Some('S'));
        assert_eq!(misread_letter("Ca"), None);
        assert_eq!(misread_letter("Aa"), None);
    }

    #[test]
    fn bare_numbers_join_their_titles() {
        let body = long();
        let text = format!("A.\n\nThe Campaign’s Response to Reports\n\n{body}\n");
        let doc = segmented(&text);
        assert_eq!(doc[0].0, ParagraphKind::Heading);
        assert_eq!(doc[0].1, "A. The Campaign’s Response to Reports");
    }
}
