//! Labels: the short titles a document repeats on lines of their own, such
//! as "Overview", "Evidence" and "Analysis" opening the parts of each
//! section of a report. A label is a heading of its own, never the end of
//! the title above it, and where OCR ran one into the line of the heading
//! after it ("Evidence 1. The Appointment …") or before it ("… Involving
//! Michael Cohen Overview") it is cut off again. A run-in label, a short
//! phrase the document opens paragraphs with ("Intent.", "Obstructive
//! act."), opens a paragraph wherever a line starts with it after a
//! sentence end, however full the line before.

use rustc_hash::FxHashMap;

use super::cues::{ending, numbering, title_case, Ending};
use super::lines::{Layout, Role};

/// Fewest lines a label stands alone on, or opens after a sentence end.
const MIN_REPEATS: usize = 3;
/// Most words in a label.
const MAX_WORDS: usize = 2;
/// Longest label, in bytes.
const MAX_LEN: usize = 30;
/// Most words in a run-in label ("Nexus to an official proceeding.").
const MAX_RUN_IN_WORDS: usize = 5;

/// The labels of one document.
pub struct Labels {
    texts: Vec<String>,
    /// The labels that stand right under a title wherever they stand alone
    /// ("Overview" under each section's heading), and so may close a title
    /// OCR ran them into; a label that follows prose ("Analysis") is left
    /// alone at the end of a title ("3. Cost Analysis").
    closers: Vec<String>,
    /// Run-in labels: short sentence-case phrases the document opens lines
    /// with after a sentence end at least `MIN_REPEATS` times ("Intent.",
    /// "Obstructive act."), each opening a paragraph of a report's analysis.
    run_ins: Vec<String>,
}

impl Labels {
    /// The short capitalised words the body lines of `layout` hold alone at
    /// least `MIN_REPEATS` times, each time before a line that opens with a
    /// capital or a number, as a heading is followed. Text OCR read in
    /// narrow columns holds lone words too ("President"), but runs on from
    /// them into lower case. Not inlined: inlined into `segment` it made the
    /// whole pass some 1.5% more instructions (callgrind, Mueller OCR).
    #[inline(never)]
    pub fn learn(layout: &Layout) -> Self {
        let body: Vec<usize> = (0..layout.lines.len())
            .filter(|&i| layout.lines[i].role == Role::Body)
            .collect();
        let mut seen: FxHashMap<&str, Seen> = FxHashMap::default();
        // In the order the document first shows them, so that which of two
        // labels a line matches never depends on hashing.
        let mut order: Vec<&str> = Vec::new();
        for (k, &i) in body.iter().enumerate() {
            let text = layout.text_of(i);
            let previous = k.checked_sub(1).map(|p| layout.text_of(body[p]));
            // A run-in label counts where it opens a line after a sentence end.
            let key = match run_in_phrase(text) {
                Some(phrase) if previous.is_some_and(|p| ending(p) == Ending::Terminal) => phrase,
                _ if label_shaped(text) && !layout.wrapped_title_tail(i) => text,
                _ => continue,
            };
            let entry = seen.entry(key).or_insert_with(|| {
                order.push(key);
                Seen {
                    alone: 0,
                    heads: true,
                    under_titles: true,
                }
            });
            entry.alone += 1;
            entry.heads = entry.heads
                && body.get(k + 1).is_some_and(|&j| {
                    layout
                        .text_of(j)
                        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                });
            entry.under_titles = entry.under_titles
                && previous.is_some_and(|previous| {
                    (title_case(previous) || numbering(previous).is_some())
                        && ending(previous) == Ending::Open
                });
        }
        let (mut texts, mut closers, mut run_ins) = (Vec::new(), Vec::new(), Vec::new());
        for text in order {
            let s = seen[text];
            // Run-in labels end in a full stop, labels never do.
            if s.alone < MIN_REPEATS {
                continue;
            } else if text.ends_with('.') {
                run_ins.push(text.to_string());
            } else if s.heads {
                texts.push(text.to_string());
                if s.under_titles {
                    closers.push(text.to_string());
                }
            }
        }
        Labels {
            texts,
            closers,
            run_ins,
        }
    }

    /// Whether `line` opens with one of the run-in labels.
    pub fn opens_run_in(&self, line: &str) -> bool {
        !self.run_ins.is_empty()
            && run_in_phrase(line).is_some_and(|phrase| self.run_ins.iter().any(|r| r == phrase))
    }

    /// Whether `line` is one of the labels.
    pub fn is_label(&self, line: &str) -> bool {
        self.texts.iter().any(|t| t == line)
    }

    /// Where the heading number starts after a label that opens `text`
    /// ("Evidence 1. The Appointment …" gives the offset of "1.").
    pub fn before_number(&self, text: &str) -> Option<usize> {
        self.texts.iter().find_map(|label| {
            let rest = text.strip_prefix(label.as_str())?.strip_prefix(' ')?;
            numbering(rest).map(|_| text.len() - rest.len())
        })
    }

    /// Where a label that stands under titles closes `text`, after a space
    /// ("… Michael Cohen Overview").
    pub fn closing(&self, text: &str) -> Option<usize> {
        self.closers.iter().find_map(|label| {
            let head = text.strip_suffix(label.as_str())?.strip_suffix(' ')?;
            (!head.is_empty()).then_some(head.len() + 1)
        })
    }
}

/// What the lines a candidate label stands alone on show.
#[derive(Clone, Copy)]
struct Seen {
    /// How many there are.
    alone: usize,
    /// Whether each is followed by a line opening with a capital or number.
    heads: bool,
    /// Whether each follows a title line.
    under_titles: bool,
}

/// The short phrase a line opens with, after a letter's marker ("a. "), if
/// it reads as a run-in label: a sentence of at most `MAX_RUN_IN_WORDS`
/// words of letters in sentence case ("Obstructive act."), before a capital.
fn run_in_phrase(line: &str) -> Option<&str> {
    let bytes = line.as_bytes();
    let lettered = bytes.len() > 3 && bytes[0].is_ascii_lowercase() && &bytes[1..3] == b". ";
    let text = if lettered { &line[3..] } else { line };
    let bytes = text.as_bytes();
    if !bytes.first()?.is_ascii_uppercase() {
        return None;
    }
    let mut spaces = 0;
    for (i, &b) in bytes.iter().enumerate().skip(1) {
        match b {
            // Lower-case letters, ligatures ("ﬃ") among them.
            b'a'..=b'z' | 0x80.. => {}
            b' ' if spaces + 1 < MAX_RUN_IN_WORDS && bytes[i - 1] != b' ' => spaces += 1,
            b'.' => {
                let capital = bytes.get(i + 2).is_some_and(u8::is_ascii_uppercase);
                return (bytes.get(i + 1) == Some(&b' ') && capital).then(|| &text[..=i]);
            }
            _ => return None,
        }
    }
    None
}

/// Whether `text` looks like a label: one or two capitalised words of letters.
fn label_shaped(text: &str) -> bool {
    if text.len() > MAX_LEN {
        return false;
    }
    let mut words = 0;
    for word in text.split(' ') {
        let mut chars = word.chars();
        let capitalised = chars.next().is_some_and(char::is_uppercase);
        if !capitalised || !chars.all(char::is_lowercase) {
            return false;
        }
        words += 1;
    }
    (1..=MAX_WORDS).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(text: &str) -> Labels {
        Labels::learn(&Layout::new(text))
    }

    const REPORT: &str = "A. The First Matter\nOverview\nThe first matter began in June.\n\
        Evidence\n1. The Meeting\nThe meeting was short.\nAnalysis\nIt was short.\n\
        B. The Second Matter\nOverview\nThe second matter began in July.\n\
        Evidence\n1. The Call\nThe call was long.\nAnalysis\nIt was long.\n\
        C. The Third Matter\nOverview\nThe third matter began in May.\n\
        Evidence 1. The Letter\nThe letter was sent.\nAnalysis\nIt was sent.\n\
        The witness said the\nPresident\nwanted it.\nThe\nPresident\ncalled.\nThen the\nPresident\nleft.\n";

    #[test]
    fn learns_the_titles_a_document_repeats_alone() {
        let labels = labels(REPORT);
        assert!(labels.is_label("Overview"));
        assert!(labels.is_label("Analysis"));
        assert!(!labels.is_label("Evidence"), "only twice alone");
        assert!(!labels.is_label("President"), "runs on into lower case");
    }

    #[test]
    fn learns_the_run_in_labels_opening_paragraphs() {
        let text = "It began.\nIntent. The first intent was plain.\nIt went on.\n\
            a. Intent. The second was not.\nIt ended.\nIntent. The third was mixed.\n\
            It was told to the\nPresident. The President said no.\nOnce more.\n\
            Obstructive act. Only once.\n";
        let labels = labels(text);
        assert!(labels.opens_run_in("Intent. The fourth."));
        assert!(labels.opens_run_in("b. Intent. The fifth."));
        assert!(!labels.opens_run_in("Intent was plain."));
        assert!(!labels.opens_run_in("Obstructive act. Once."), "only once");
        assert!(
            !labels.opens_run_in("President. The next."),
            "never after a sentence end"
        );
    }

    #[test]
    fn finds_a_label_run_into_a_heading() {
        let labels = labels(REPORT);
        assert_eq!(
            labels.closing("K. The President's Conduct Overview"),
            Some(27)
        );
        assert_eq!(labels.closing("Overview"), None);
        assert_eq!(
            labels.closing("4. Cost Analysis"),
            None,
            "Analysis follows prose"
        );
        assert_eq!(labels.before_number("Overview 2. The Call"), Some(9));
        assert_eq!(labels.before_number("Overview of the matter"), None);
    }
}
