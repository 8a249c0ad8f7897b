//! Tables: a chronology or a list of figures read line by line runs a
//! row's cells into each other and the first line of a multi-line row into
//! its second ("3 March Health visiting The health visitor called …" /
//! "2007 Nobody answered …"), and its header ("Date Agency Event") passes
//! for a section title. Tables come as `pdftotext -layout` sets them, in
//! aligned columns; as Markdown writes them, between bars; and as a word
//! processor or a spreadsheet pastes them, cells parted by tabs. Each
//! table line is cut into its cells' pieces (lines of their own,
//! [`Role::Table`]), and each row's pieces are read cell by cell
//! ([`Cell`]), so a row becomes one paragraph whose cells read in order.
//!
//! A column is told by the white space between columns: positions that are
//! blank on every line of the table and fall in a gap of two or more spaces
//! on at least two of them (a single space between a long cell and the
//! next column is enough where both columns hold cells on other lines). A
//! row begins on a line that fills at least as many cells as the row
//! before began with, where every cell opens anew: the cell above it is
//! empty or ends on no word that runs on, and the new one opens with a
//! capital or a digit. Two columns of list markers and their items are a
//! hanging list, and titles with their page numbers are a table of
//! contents: neither is read as a table.

use super::cues::{numbering, runs_on};
use super::lines::{Cell, Layout, Line, Role};
use super::markdown;

/// Most words of a header's cell.
const TITLE_WORDS: usize = 4;
/// Fewest rows, a header's included, that make a table.
const MIN_ROWS: usize = 3;
/// Fewest lines with cells in two columns that make a table.
const MIN_ROWS_OF_CELLS: usize = 3;
/// Fewest of those lines whose gap is wider than prose spacing.
const MIN_WIDE_GAPS: usize = 2;
/// Widest gap of prose (justified text spaces its words out to this).
const PROSE_GAP: usize = 2;

/// Widest line, in bytes, that a table's line may be: wider ones are prose
/// run together, and the columns a table is measured in stay few.
const MAX_TABLE_WIDTH: usize = 400;
/// A gap as wide as [`PROSE_GAP`].
const GAP: &str = "  ";

/// Cuts the tables of `layout` into cells, each a line of its own.
pub fn split(layout: &mut Layout) {
    let mut tables: Vec<Table> = Vec::new();
    // Most texts hold no bar, or no gap anywhere: one search each tells.
    let text = layout.text;
    let (bars, tabs, gaps) = (text.contains('|'), text.contains('\t'), text.contains(GAP));
    let mut i = 0;
    while (bars || tabs || gaps) && i < layout.lines.len() {
        let table = bars
            .then(|| markdown_table(layout, i))
            .flatten()
            .or_else(|| tabs.then(|| tab_table(layout, i)).flatten());
        let (table, end) = match table {
            Some(table) => (Some(table), i + 1),
            None if gaps => layout_table(layout, i),
            None => (None, i + 1),
        };
        match table {
            Some(table) => {
                i = table.lines.end;
                tables.push(table);
            }
            None => i = end,
        }
    }
    if tables.is_empty() {
        return;
    }
    let mut lines = Vec::with_capacity(layout.lines.len() + 8 * tables.len());
    // Where each old line's pieces begin among the new lines, for the pages.
    let mut moved = Vec::with_capacity(layout.lines.len() + 1);
    let mut tables = tables.into_iter().peekable();
    let mut row = 0u32;
    let mut i = 0;
    while i < layout.lines.len() {
        let Some(table) = tables.next_if(|t| t.lines.start == i) else {
            moved.push(lines.len());
            lines.push(layout.lines[i].clone());
            i += 1;
            continue;
        };
        let first_row = row;
        for (k, j) in table.lines.clone().enumerate() {
            moved.push(lines.len());
            let line = &layout.lines[j];
            if table.cells[k].iter().all(Option::is_none) {
                // A Markdown table's delimiter row, or a page's furniture
                // between two parts of a table.
                lines.push(line.clone());
                continue;
            }
            if table.row_starts[k] && k > 0 {
                row += 1;
            }
            let mut blank_before = line.blank_before;
            for (column, piece) in table.cells[k].iter().enumerate() {
                let Some(&(start, end)) = piece.as_ref() else {
                    continue;
                };
                lines.push(Line {
                    start,
                    end,
                    indent: 0,
                    width: layout.measure.width(&text[start..end]),
                    blank_before,
                    cut_before: false,
                    role: Role::Table,
                    cell: Some(Cell {
                        row,
                        column: column as u32,
                        header: table.header && row == first_row,
                    }),
                    ..line.clone()
                });
                blank_before = false;
            }
        }
        row += 1;
        i = table.lines.end;
    }
    moved.push(lines.len());
    for page in &mut layout.pages {
        *page = moved[page.start]..moved[page.end];
    }
    layout.lines = lines;
}

/// The lines of the table row whose first piece is line `i`, cell by cell
/// (each cell's pieces top to bottom), or `None` if line `i` is no row's
/// first piece.
pub fn row_at(layout: &Layout, i: usize) -> Option<Vec<usize>> {
    let row = layout.lines[i].cell?.row;
    let in_row = |j: &usize| layout.lines[*j].cell.is_some_and(|c| c.row == row);
    let around = |j: &usize| layout.lines[*j].role == Role::Furniture || in_row(j);
    if (0..i)
        .rev()
        .find(|j| !around(j) || in_row(j))
        .is_some_and(|j| in_row(&j))
    {
        return None;
    }
    let mut lines: Vec<usize> = (i..layout.lines.len())
        .take_while(|j| around(j))
        .filter(|j| in_row(j))
        .collect();
    lines.sort_by_key(|&j| (layout.lines[j].cell.map_or(0, |c| c.column), j));
    Some(lines)
}

/// A table found: its lines, each line's cells (byte ranges, `None` where
/// the line leaves a column empty) and which lines begin a row.
struct Table {
    lines: std::ops::Range<usize>,
    cells: Vec<Vec<Option<(usize, usize)>>>,
    row_starts: Vec<bool>,
    /// Whether the first row is a header.
    header: bool,
}

/// Whether line `i` may belong to a table: body text, no heading.
fn tabular(layout: &Layout, i: usize) -> bool {
    let line = &layout.lines[i];
    line.role == Role::Body && line.heading.is_none()
}

/// The Markdown table whose header is line `i`: the header, the delimiter
/// row under it, and the rows of bars that follow; each line is a row.
fn markdown_table(layout: &Layout, i: usize) -> Option<Table> {
    let delimiter = layout.lines.get(i + 1)?;
    let header = layout.text_of(i);
    // The cheap tests first: most lines are followed by no delimiter row.
    if delimiter.role != Role::Furniture
        || delimiter.blank_before
        || !tabular(layout, i)
        || !header.contains('|')
        || !markdown::is_scaffolding(layout.text_of(i + 1))
        || !layout.text_of(i + 1).contains('|')
    {
        return None;
    }
    let mut end = i + 2;
    while end < layout.lines.len()
        && tabular(layout, end)
        // Scaffolding parts the line after it from it, as a blank line would.
        && (end == i + 2 || !layout.lines[end].blank_before)
        && layout.lines[end].page == layout.lines[i].page
        && layout.text_of(end).contains('|')
    {
        end += 1;
    }
    let mut cells = Vec::new();
    let mut row_starts = Vec::new();
    for j in i..end {
        let line = &layout.lines[j];
        if line.role == Role::Furniture {
            cells.push(Vec::new());
            row_starts.push(false);
            continue;
        }
        cells.push(bar_cells(layout.text, line.start, line.end));
        row_starts.push(true);
    }
    Some(Table {
        lines: i..end,
        cells,
        row_starts,
        header: true,
    })
}

/// The table pasted from a word processor or a spreadsheet that starts at
/// line `i`: lines whose cells tabs part, a row a line, unless it is a
/// list ("1.<tab>The health visitor …") or a contents page.
fn tab_table(layout: &Layout, i: usize) -> Option<Table> {
    let tabbed = |j: usize| tabular(layout, j) && layout.text_of(j).contains('\t');
    if !tabbed(i) {
        return None;
    }
    let mut end = i + 1;
    while end < layout.lines.len()
        && tabbed(end)
        && !layout.lines[end].blank_before
        && layout.lines[end].page == layout.lines[i].page
    {
        end += 1;
    }
    if end - i < MIN_ROWS {
        return None;
    }
    let cells: Vec<Vec<Option<(usize, usize)>>> = (i..end)
        .map(|j| tab_cells(layout.text, layout.lines[j].start, layout.lines[j].end))
        .collect();
    if list_or_contents(&cells, layout.text) {
        return None;
    }
    let row_starts = vec![true; cells.len()];
    let header = has_header(&cells, &row_starts, layout.text);
    Some(Table {
        lines: i..end,
        cells,
        row_starts,
        header,
    })
}

/// The bytes of `cell`, which starts at byte `at`, without the white space
/// around it; `None` if it is blank.
fn trimmed(cell: &str, at: usize) -> Option<(usize, usize)> {
    let lead = cell.len() - cell.trim_start().len();
    let text = cell.trim();
    (!text.is_empty()).then(|| (at + lead, at + lead + text.len()))
}

/// The cells of a row in `text[start..end]` that tabs part, trimmed.
fn tab_cells(text: &str, start: usize, end: usize) -> Vec<Option<(usize, usize)>> {
    let mut from = start;
    text[start..end]
        .split('\t')
        .map(|cell| {
            let at = from;
            from += cell.len() + 1;
            trimmed(cell, at)
        })
        .collect()
}

/// The cells of a Markdown table row in `text[start..end]`: the text
/// between its bars (a bar escaped or inside code is text), trimmed, with
/// the bars that open and close the row left out.
fn bar_cells(text: &str, start: usize, end: usize) -> Vec<Option<(usize, usize)>> {
    let row = &text[start..end];
    let bytes = row.as_bytes();
    let mut bars = Vec::new();
    let mut code = false;
    for (k, &b) in bytes.iter().enumerate() {
        match b {
            b'`' => code = !code,
            b'|' if !code && (k == 0 || bytes[k - 1] != b'\\') => bars.push(k),
            _ => {}
        }
    }
    let mut edges = Vec::with_capacity(bars.len() + 2);
    if bars.first() != Some(&0) {
        edges.push(None);
    }
    edges.extend(bars.iter().map(|&k| Some(k)));
    if bars.last() != Some(&(row.len() - 1)) {
        edges.push(None);
    }
    edges
        .windows(2)
        .map(|pair| {
            let from = pair[0].map_or(0, |k| k + 1);
            let to = pair[1].unwrap_or(row.len());
            trimmed(&row[from..to], start + from)
        })
        .collect()
}

/// A word of a line: its character columns, counted from the start of the
/// physical line, and its bytes in the input.
#[derive(Debug, Clone, Copy)]
struct Word {
    from: u32,
    to: u32,
    start: u32,
    end: u32,
}

/// One line's words by column, and the gaps between them wider than prose
/// spacing.
#[derive(Default)]
struct Columns {
    words: Vec<Word>,
    /// Column ranges of the gaps inside the line wider than prose spacing.
    gaps: Vec<(usize, usize)>,
}

impl Columns {
    /// The words and gaps of line `i`, its indent counted in.
    fn of(layout: &Layout, i: usize) -> Self {
        let line = &layout.lines[i];
        let mut words: Vec<Word> = Vec::new();
        let mut gaps = Vec::new();
        let mut column = line.indent;
        let mut in_word = false;
        for (k, c) in layout.text_of(i).char_indices() {
            if c == ' ' || c == '\t' {
                column += 1;
                in_word = false;
                continue;
            }
            let at = (line.start + k) as u32;
            match words.last_mut() {
                Some(word) if in_word => {
                    word.to = column + 1;
                    word.end = at + c.len_utf8() as u32;
                }
                last => {
                    if let Some(after) = last
                        .map(|w| w.to)
                        .filter(|&to| column - to >= PROSE_GAP as u32)
                    {
                        gaps.push((after as usize, column as usize));
                    }
                    words.push(Word {
                        from: column,
                        to: column + 1,
                        start: at,
                        end: at + c.len_utf8() as u32,
                    });
                }
            }
            in_word = true;
            column += 1;
        }
        Columns { words, gaps }
    }

    /// One column past the line's last character.
    fn width(&self) -> usize {
        self.words.last().map_or(0, |w| w.to as usize)
    }

    /// The widest gap inside the line, in columns (0 if there is none).
    fn widest_gap(&self) -> usize {
        self.gaps.iter().map(|g| g.1 - g.0).max().unwrap_or(0)
    }
}

/// The table column `word` belongs to: how many separators end at or
/// before its first character.
fn column_of(word: &Word, separators: &[(usize, usize)]) -> usize {
    separators.partition_point(|s| s.1 <= word.from as usize)
}

/// The table of `pdftotext -layout` text that starts at line `i`, if one
/// does, and the line where the run of lines looked at ends: no table
/// starts inside it.
fn layout_table(layout: &Layout, i: usize) -> (Option<Table>, usize) {
    let text = layout.text_of(i);
    if !tabular(layout, i) || text.len() > MAX_TABLE_WIDTH || !text.contains(GAP) {
        return (None, i + 1);
    }
    let first = Columns::of(layout, i);
    if first.gaps.is_empty() {
        return (None, i + 1);
    }
    let mut grid = Grid::default();
    grid.add(&first);
    let mut rows = vec![first];
    let mut end = i + 1;
    while end < layout.lines.len() {
        // A table runs on over a page break, past the page's furniture.
        if layout.lines[end].role == Role::Furniture {
            rows.push(Columns::default());
            end += 1;
            continue;
        }
        if !tabular(layout, end) || layout.text_of(end).len() > MAX_TABLE_WIDTH {
            break;
        }
        let next = Columns::of(layout, end);
        if layout.lines[end].blank_before && next.gaps.is_empty() {
            break;
        }
        let mut grown = grid.clone();
        grown.add(&next);
        if !grown.may_grow() {
            break;
        }
        grid = grown;
        rows.push(next);
        end += 1;
    }
    while rows.last().is_some_and(|r| r.words.is_empty()) {
        rows.pop();
        end -= 1;
    }
    (table_of(layout, i, &rows, &confirmed(&grid, &rows)), end)
}

/// The table the lines from `i` make, cut into columns at `separators`,
/// unless they are too few, hold no words, or are a list or contents.
fn table_of(
    layout: &Layout,
    i: usize,
    rows: &[Columns],
    separators: &[(usize, usize)],
) -> Option<Table> {
    let with_gaps = rows.iter().filter(|r| !r.gaps.is_empty()).count();
    let wide = rows.iter().filter(|r| r.widest_gap() > PROSE_GAP).count();
    if with_gaps < MIN_ROWS_OF_CELLS || wide < MIN_WIDE_GAPS {
        return None;
    }
    let cells: Vec<Vec<Option<(usize, usize)>>> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| match k {
            0 => cut_header(r, separators),
            _ => cut(r, separators),
        })
        .collect();
    let filled = |row: &[Option<(usize, usize)>]| row.iter().flatten().count();
    let text_of = |cell: Option<(usize, usize)>| cell_text(layout.text, cell);
    // Stray note numbers in columns are no table: rows hold words.
    let worded = |row: &[Option<(usize, usize)>]| {
        row.iter()
            .any(|&c| text_of(c).contains(char::is_alphabetic))
    };
    if cells
        .iter()
        .filter(|row| filled(row) >= 2 && worded(row))
        .count()
        < MIN_ROWS_OF_CELLS
    {
        return None;
    }
    if list_or_contents(&cells, layout.text) {
        return None;
    }
    let mut row_starts = vec![true];
    let mut opened = filled(&cells[0]);
    let mut above = 0;
    for k in 1..cells.len() {
        if filled(&cells[k]) == 0 {
            row_starts.push(false);
            continue;
        }
        let starts = layout.lines[i + k].blank_before
            || (cells[k][0].is_some()
                && filled(&cells[k]) >= opened
                && cells[k].iter().enumerate().all(|(c, cell)| {
                    cell.is_none() || opens_cell(text_of(cells[above][c]), text_of(*cell))
                }));
        if starts {
            opened = filled(&cells[k]);
        }
        row_starts.push(starts);
        above = k;
    }
    // Prose set around redaction boxes shows columns too, but its lines run
    // on from each other: one or two long rows.
    if row_starts.iter().filter(|&&s| s).count() < MIN_ROWS {
        return None;
    }
    let header = has_header(&cells, &row_starts, layout.text);
    Some(Table {
        lines: i..i + rows.len(),
        cells,
        row_starts,
        header,
    })
}

/// Which columns the lines of a table so far fill, and on how many of them
/// each column falls in a wide gap. The first line, which may be a
/// header, does not count as filling: a header squeezed into its cells
/// runs across the columns below it ("Agency involved What happened" over
/// an event column that starts at "happened"), or sets its title off
/// where the cells below have none ("Missed appointments" over figures).
#[derive(Clone, Default)]
struct Grid {
    filled: Vec<bool>,
    gapped: Vec<u8>,
    /// Lines added, and those of them with a wide gap.
    lines: usize,
    gapped_lines: u8,
}

impl Grid {
    fn add(&mut self, row: &Columns) {
        let width = row.width();
        if width > self.filled.len() {
            self.filled.resize(width, false);
            self.gapped.resize(width, 0);
        }
        if self.lines > 0 {
            for word in &row.words {
                self.filled[word.from as usize..word.to as usize].fill(true);
            }
        }
        for &(from, to) in &row.gaps {
            for g in &mut self.gapped[from..to] {
                *g = g.saturating_add(1);
            }
        }
        self.lines += 1;
        if !row.gaps.is_empty() {
            self.gapped_lines = self.gapped_lines.saturating_add(1);
        }
    }

    /// The column ranges between the table's columns: columns blank on
    /// every line below the header that fall in a wide gap on two lines
    /// (or on the only one).
    fn separators(&self) -> Vec<(usize, usize)> {
        self.blank_columns(self.gapped_lines.min(2))
    }

    /// Whether some column is still blank on every line below the header
    /// and in a wide gap on one: while it is, the lines may yet be a
    /// table (a row that runs long closes its gap to one space, and later
    /// rows show the gap again); prose across the page ends it.
    fn may_grow(&self) -> bool {
        !self.blank_columns(1).is_empty()
    }

    /// Column ranges blank on every line below the header that fall in a
    /// wide gap on `needed` lines.
    fn blank_columns(&self, needed: u8) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for column in 0..self.filled.len() {
            if self.filled[column] || self.gapped[column] < needed {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 == column => last.1 += 1,
                _ => out.push((column, column + 1)),
            }
        }
        out
    }
}

/// The grid's separators without those one column wide that part a
/// column only one line fills ("Missed | appointments" over a column of
/// figures): one space between two words of a cell, where the other
/// lines happen to leave both blank. One space does part real columns
/// where a cell runs long ("13 September Housing").
fn confirmed(grid: &Grid, rows: &[Columns]) -> Vec<(usize, usize)> {
    let mut separators = grid.separators();
    // The first line, a header perhaps, is left out here as in the grid.
    let body = rows.get(1..).unwrap_or_default();
    let needed = body.len().min(2);
    loop {
        let mut lines = vec![0usize; separators.len() + 1];
        for row in body {
            let mut last = None;
            for word in &row.words {
                let c = column_of(word, &separators);
                if last != Some(c) {
                    lines[c] += 1;
                    last = Some(c);
                }
            }
        }
        let weak = separators
            .iter()
            .enumerate()
            .position(|(k, s)| s.1 - s.0 == 1 && (lines[k] < needed || lines[k + 1] < needed));
        match weak {
            Some(k) => {
                separators.remove(k);
            }
            None => return separators,
        }
    }
}

/// A line's cells between `separators`: the byte range of each column's
/// characters, `None` where the column is empty.
fn cut(row: &Columns, separators: &[(usize, usize)]) -> Vec<Option<(usize, usize)>> {
    let mut cells = vec![None; separators.len() + 1];
    for word in &row.words {
        extend(&mut cells[column_of(word, separators)], word);
    }
    cells
}

/// The cells of a table's first line: as [`cut`] gives them, unless the
/// line runs across a separator, as a header does; then each of its runs
/// of words (parted by wide gaps) goes to the column it overlaps most, or
/// else to the nearest.
fn cut_header(row: &Columns, separators: &[(usize, usize)]) -> Vec<Option<(usize, usize)>> {
    let crosses = row.words.iter().any(|word| {
        separators
            .get(column_of(word, separators))
            .is_some_and(|s| s.0 < word.to as usize)
    });
    if !crosses {
        return cut(row, separators);
    }
    let spans: Vec<(usize, usize)> = (0..=separators.len())
        .map(|c| {
            let from = c.checked_sub(1).map_or(0, |k| separators[k].1);
            (from, separators.get(c).map_or(usize::MAX, |s| s.0))
        })
        .collect();
    let mut cells = vec![None; separators.len() + 1];
    for run in row
        .words
        .chunk_by(|a, b| ((b.from - a.to) as usize) < PROSE_GAP)
    {
        let (Some(first), Some(last)) = (run.first(), run.last()) else {
            continue;
        };
        let (from, to) = (first.from as usize, last.to as usize);
        // Overlap first, then nearness (a squeezed header may overlap none).
        let fit = |&(a, b): &(usize, usize)| {
            let overlap = to.min(b).saturating_sub(from.max(a));
            let distance = a.saturating_sub(to) + from.saturating_sub(b);
            (overlap, std::cmp::Reverse(distance))
        };
        let c = (0..spans.len())
            .rev()
            .max_by_key(|&c| fit(&spans[c]))
            .unwrap_or(0);
        extend(&mut cells[c], first);
        extend(&mut cells[c], last);
    }
    cells
}

/// Widens `cell` to cover `word`, which follows what it covers.
fn extend(cell: &mut Option<(usize, usize)>, word: &Word) {
    let (start, end) = (word.start as usize, word.end as usize);
    *cell = Some(cell.map_or((start, end), |(s, _)| (s, end)));
}

/// Whether a cell reading `text` opens a new row below a cell reading
/// `above`: the one above is empty or whole (it ends on no comma, dash,
/// hyphen or word such as "the" that runs on), and this one opens as a
/// cell does, with a capital or a digit.
fn opens_cell(above: &str, text: &str) -> bool {
    if above.is_empty() {
        return true;
    }
    let opens = text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "(\"“‘'£$€".contains(c));
    opens && !runs_on(above) && !above.ends_with('-')
}

/// The text of `cell`, a byte range of `text` ("" for an empty cell).
fn cell_text(text: &str, cell: Option<(usize, usize)>) -> &str {
    cell.map_or("", |(start, end)| &text[start..end])
}

/// Whether the first row of a table's `cells` (lines of `text`, rows
/// beginning at `row_starts`) is its header: cells of a few words, no
/// figures and no sentence end, where a later row has one of these.
fn has_header(cells: &[Vec<Option<(usize, usize)>>], row_starts: &[bool], text: &str) -> bool {
    let titles = |cell: &(usize, usize)| {
        let title = cell_text(text, Some(*cell));
        title.split_whitespace().count() <= TITLE_WORDS
            && !title.contains(|c: char| c.is_ascii_digit())
            && !title.ends_with(['.', '!', '?'])
    };
    let first_row = row_starts[1..]
        .iter()
        .position(|&s| s)
        .map_or(cells.len(), |k| k + 1);
    let (head, rest) = cells.split_at(first_row);
    head.iter().all(|line| line.iter().flatten().all(titles))
        && head
            .first()
            .is_some_and(|line| line.iter().flatten().count() >= 2)
        && !rest.iter().flatten().flatten().all(titles)
}

/// Whether two columns of `cells` (of `text`) are list markers and their
/// items (a hanging list), or titles and their page numbers (a contents
/// page).
fn list_or_contents(cells: &[Vec<Option<(usize, usize)>>], text: &str) -> bool {
    if cells.iter().any(|row| row.len() != 2) {
        return false;
    }
    let column = |c: usize| cells.iter().map(move |row| cell_text(text, row[c]));
    let markers = column(0).all(|t| t.is_empty() || numbering(t).is_some_and(|n| n.len == t.len()));
    markers || column(1).all(|t| t.is_empty() || page_number(t))
}

/// Whether a cell is a page number, as a contents page gives them.
fn page_number(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 4
        && (text.bytes().all(|b| b.is_ascii_digit())
            || text.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')))
}

#[cfg(test)]
mod tests {
    use crate::model::ParagraphKind;
    use crate::segment::fixtures::kinds_and_texts;
    use crate::segment::segment;

    fn rows(text: &str) -> Vec<String> {
        kinds_and_texts(text)
            .into_iter()
            .filter(|(k, _)| *k == ParagraphKind::TableRow)
            .map(|(_, t)| t)
            .collect()
    }

    const CHRONOLOGY: &str = "\
4.1 The table sets out the contacts between agencies and the family.

   Date         Agency                                           Event
3 March     Health visiting The health visitor called at the home for the planned new birth visit.
2007                        Nobody answered the door and no further visit was arranged for six
                            weeks.
12 April    GP surgery        Child P was seen by the GP with bruising to the face. The mother
2007                          said he had fallen against a fireplace.
19 April    Children's        A referral was received from the GP. The case was allocated to a
2007        social care       newly qualified social worker, who visited the next day.
2 June      Police            Police attended after a neighbour reported shouting. No crime was
2007                          recorded.

4.2 No agency held the whole picture.
";

    #[test]
    fn layout_rows_read_cell_by_cell() {
        assert_eq!(
            kinds_and_texts(CHRONOLOGY)[1],
            (ParagraphKind::TableHeader, "Date | Agency | Event".into())
        );
        assert_eq!(
            rows(CHRONOLOGY),
            [
                "3 March 2007 | Health visiting | The health visitor called at the home for the planned new birth visit. Nobody answered the door and no further visit was arranged for six weeks.",
                "12 April 2007 | GP surgery | Child P was seen by the GP with bruising to the face. The mother said he had fallen against a fireplace.",
                "19 April 2007 | Children's social care | A referral was received from the GP. The case was allocated to a newly qualified social worker, who visited the next day.",
                "2 June 2007 | Police | Police attended after a neighbour reported shouting. No crime was recorded.",
            ]
        );
        let doc = segment(CHRONOLOGY);
        let last = doc.paragraphs.last().expect("a closing paragraph");
        assert_eq!(last.text, "4.2 No agency held the whole picture.");
        // A sentence inside one cell is located in the user's text.
        let row = &doc.paragraphs[2];
        let second = &row.sentences[1];
        assert_eq!(
            second.text,
            "Nobody answered the door and no further visit was arranged for six weeks."
        );
        let found = &CHRONOLOGY[second.start as usize..second.end as usize];
        assert!(
            found.starts_with("Nobody") && found.ends_with("weeks."),
            "{found}"
        );
    }

    #[test]
    fn one_space_parts_columns_only_where_both_hold_cells() {
        let text = "   Agency                         Contacts      Missed appointments
   Health visiting                      12                        3
   Police                                4                        0
   Children's social care               27                        9
";
        assert_eq!(
            kinds_and_texts(text),
            [
                (
                    ParagraphKind::TableHeader,
                    "Agency | Contacts | Missed appointments".into()
                ),
                (ParagraphKind::TableRow, "Health visiting | 12 | 3".into()),
                (ParagraphKind::TableRow, "Police | 4 | 0".into()),
                (
                    ParagraphKind::TableRow,
                    "Children's social care | 27 | 9".into()
                ),
            ]
        );
    }

    #[test]
    fn lists_contents_and_redacted_prose_are_no_tables() {
        let list = "\
(a)    The health visitor did not follow up the missed appointments, and
       the file was not handed over when she left.
(b)    The GP did not share the bruising with the social worker.
(c)    Police records were not checked.
";
        let contents = "\
   1. Introduction                                        3
   2. Background                                          5
   3. Chronology                                          9
";
        let redacted = "\
release of hacked documents, he spoke to Trump                          ; Manafort
recalled that Trump responded that Manafort should                            keep
Trump updated. Deputy campaign manager Rick Gates said that Manafort was
getting pressure about                             information and that Manafort
instructed Gates                            status updates on upcoming releases.
";
        for text in [list, contents, redacted] {
            assert!(rows(text).is_empty(), "{:#?}", kinds_and_texts(text));
        }
    }

    #[test]
    fn a_row_runs_on_over_a_page_break() {
        let text = "\
 Date            Agency               Event
 1 March         Police               Officers attended after a neighbour reported
 2008                                 shouting. No crime was recorded.
 9 May           Health visiting      The health visitor called twice and found
 2008                                 nobody at home. A Justice Department program
                                      called Community Oriented Policing

                                                                   Page 7 of 9
\x0c                                     Services was not told of the visits.

The review found that no agency held the whole picture.
";
        assert_eq!(
            rows(text)[1],
            "9 May 2008 | Health visiting | The health visitor called twice and found nobody at home. A Justice Department program called Community Oriented Policing Services was not told of the visits."
        );
    }

    #[test]
    fn pasted_rows_are_parted_by_tabs() {
        let table = "The table shows the contacts.\n\nAgency\tContacts\tOutcome\nHealth visiting\t12\tMissed three\nPolice\t4\t\nSchool\t2\tReferred.\n";
        assert_eq!(
            kinds_and_texts(table)[1..],
            [
                (
                    ParagraphKind::TableHeader,
                    "Agency | Contacts | Outcome".into()
                ),
                (
                    ParagraphKind::TableRow,
                    "Health visiting | 12 | Missed three".into()
                ),
                (ParagraphKind::TableRow, "Police | 4".into()),
                (ParagraphKind::TableRow, "School | 2 | Referred.".into()),
            ]
        );
        let list = "1.\tThe health visitor did not follow up.\n2.\tThe file was lost.\n3.\tNo handover was done.\n";
        assert!(rows(list).is_empty(), "{:#?}", kinds_and_texts(list));
    }

    #[test]
    fn markdown_rows_lose_their_bars() {
        let text = "\
The table shows the contacts.

| Agency | Contacts | Note |
|--------|---------:|------|
| Health visiting | 12 | `a|b` stays |
| Police | 4 | one \\| two |

The health visitor did not follow up.
";
        assert_eq!(
            kinds_and_texts(text),
            [
                (
                    ParagraphKind::Paragraph,
                    "The table shows the contacts.".into()
                ),
                (
                    ParagraphKind::TableHeader,
                    "Agency | Contacts | Note".into()
                ),
                (
                    ParagraphKind::TableRow,
                    "Health visiting | 12 | a|b stays".into()
                ),
                (ParagraphKind::TableRow, "Police | 4 | one | two".into()),
                (
                    ParagraphKind::Paragraph,
                    "The health visitor did not follow up.".into()
                ),
            ]
        );
    }
}
