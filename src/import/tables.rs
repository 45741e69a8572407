//! Tables in an imported text: Markdown pipe tables and HTML `<table>`s
//! (with `rowspan` and `colspan`) are taken out of the text before its lines
//! are read, each replaced by a placeholder line, and put back as tables
//! where the placeholder lands in the part tree.

use std::collections::HashSet;
use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::html;
use super::lines::Dropped;
use crate::diagnostic::Diagnostic;
use crate::model::{Block, Cell, Part, Row, ShapeError, Table};

static DELIMITER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$").unwrap());

/// The tables taken out of a text, each standing in it as a placeholder
/// line: a mark, then the table's number. The mark is a private-use
/// character the text does not hold, so no line of the text reads as a
/// placeholder, however it was joined or trimmed.
#[derive(Debug, Clone)]
pub struct Tables {
    mark: char,
    list: Vec<Table>,
}

impl Tables {
    /// No tables yet, for a text.
    pub fn for_text(text: &str) -> Tables {
        let held: HashSet<char> = text
            .chars()
            .filter(|c| matches!(*c as u32, 0xE000..=0xF8FF | 0xF0000..=0x10FFFD))
            .collect();
        // Some 137,000 candidates: a text holding every one of them is
        // 540 KB of nothing but private-use characters.
        let mark = ('\u{E000}'..='\u{F8FF}')
            .rev()
            .chain('\u{F0000}'..='\u{10FFFD}')
            .find(|c| !held.contains(c))
            .unwrap_or('\u{F8FF}');
        Tables {
            mark,
            list: Vec::new(),
        }
    }

    /// No tables, for a text that holds none: no line reads as one.
    pub fn none() -> Tables {
        Tables {
            mark: '\u{F8FF}',
            list: Vec::new(),
        }
    }

    /// Adds a table; returns its placeholder line.
    pub fn place(&mut self, table: Table) -> String {
        self.list.push(table);
        format!("{}{}", self.mark, self.list.len() - 1)
    }

    /// The table a placeholder line stands for.
    pub fn placed(&self, text: &str) -> Option<&Table> {
        let n: usize = text.strip_prefix(self.mark)?.parse().ok()?;
        self.list.get(n)
    }
}

/// What makes a table too large to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Excess {
    /// Past a table's bounds ([`ShapeError::TooWide`], [`ShapeError::TooLarge`]).
    Shape(ShapeError),
    /// HTML nested this many levels deep.
    Nesting(usize),
}

/// A table too large to import, and the line it starts on (none for a
/// Word file's, whose lines are not the reader's).
#[derive(Debug, Clone)]
pub struct TooLarge {
    pub line: Option<usize>,
    pub excess: Excess,
}

impl TooLarge {
    /// What is wrong.
    pub fn message(&self) -> String {
        let table = match self.line {
            Some(line) => crate::tr!("import-table-on-line", line = line),
            None => crate::tr!("import-table-in-word"),
        };
        match &self.excess {
            Excess::Shape(ShapeError::TooWide { columns, .. }) => crate::tr!(
                "import-table-too-wide",
                table = table,
                columns = *columns,
                max = Table::MAX_COLUMNS
            ),
            Excess::Shape(ShapeError::TooLarge { places }) => crate::tr!(
                "import-table-too-large",
                table = table,
                places = *places,
                max = Table::MAX_PLACES
            ),
            Excess::Shape(_) => crate::tr!("import-table-unlaid", table = table),
            Excess::Nesting(depth) => crate::tr!(
                "import-table-nesting",
                table = table,
                depth = *depth,
                max = html::MAX_DEPTH
            ),
        }
    }

    /// What to do about it.
    pub fn help(&self) -> String {
        match self.excess {
            Excess::Shape(_) => crate::tr!("import-table-too-large-help"),
            Excess::Nesting(_) => crate::tr!("import-table-nesting-help"),
        }
    }

    /// The error for the file at `path`.
    pub fn diagnostic(&self, path: &Path) -> Diagnostic {
        Diagnostic::error(path, self.line.unwrap_or(0) as u32, 0, self.message()).help(self.help())
    }
}

/// The text with its tables taken out, the tables, and the tables that
/// held no cell (left out, as a reader sees nothing of them).
pub fn extract(text: &str) -> Result<(String, Tables, Vec<Dropped>), TooLarge> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut tables = Tables::for_text(text);
    let mut dropped = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        // A pipe table: a header line, a delimiter line, then rows.
        // (GFM: the delimiter row has as many cells as the header.)
        if line.contains('|')
            && lines.get(i + 1).is_some_and(|next| {
                DELIMITER.is_match(next.trim())
                    && next.contains('-')
                    && pipe_cells(next).len() == pipe_cells(line).len()
            })
        {
            let mut end = i + 2;
            while end < lines.len() && lines[end].trim().contains('|') {
                end += 1;
            }
            let at = |error| TooLarge {
                line: Some(i + 1),
                excess: Excess::Shape(error),
            };
            if let Some(table) = pipe_table(&lines[i..end]).map_err(at)? {
                placeholder(&mut out, tables.place(table), end - i);
                i = end;
                continue;
            }
        }
        // An HTML table, to its closing tag.
        if line.to_ascii_lowercase().starts_with("<table") {
            let close =
                (i..lines.len()).find(|&j| lines[j].to_ascii_lowercase().contains("</table>"));
            if let Some(end) = close {
                let html = lines[i..=end].join("\n");
                let at = |excess| TooLarge {
                    line: Some(i + 1),
                    excess,
                };
                let depth = html::depth(&html);
                if depth > html::MAX_DEPTH {
                    return Err(at(Excess::Nesting(depth)));
                }
                match html::table(&html).map_err(|e| at(Excess::Shape(e)))? {
                    Some(table) => placeholder(&mut out, tables.place(table), end + 1 - i),
                    None => {
                        dropped.push(Dropped {
                            number: i + 1,
                            reason: "table without cells",
                        });
                        placeholder(&mut out, String::new(), end + 1 - i);
                    }
                }
                i = end + 1;
                continue;
            }
        }
        out.push(lines[i].to_string());
        i += 1;
    }
    Ok((out.join("\n"), tables, dropped))
}

/// Writes the line that stands for a table that took `count` lines, then
/// blank lines for the rest, so later lines keep their numbers.
fn placeholder(out: &mut Vec<String>, line: String, count: usize) {
    out.push(line);
    for _ in 1..count {
        out.push(String::new());
    }
}

/// The cells of a pipe-table line: split at `|` not escaped, outer pipes dropped.
fn pipe_cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line
        .strip_suffix('|')
        .filter(|l| !l.ends_with('\\'))
        .unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '|' if !escaped => cells.push(std::mem::take(&mut cell)),
            '|' => {
                cell.pop();
                cell.push('|');
            }
            _ => cell.push(c),
        }
        escaped = c == '\\' && !escaped;
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

fn pipe_table(lines: &[&str]) -> Result<Option<Table>, ShapeError> {
    let header = pipe_cells(lines[0]);
    if header.len() > Table::MAX_COLUMNS {
        return Err(ShapeError::TooWide {
            row: 0,
            cell: Table::MAX_COLUMNS,
            columns: header.len(),
        });
    }
    // As GFM reads a row: cells past the header's are dropped, missing ones
    // empty (filled in by `normalise`).
    let width = header.len();
    // Markdown's `[[…]]` is text, a draft's a reference by id.
    let cells = |line: &str| {
        let mut cells = pipe_cells(line);
        cells.truncate(width);
        Row::of(cells.iter().map(|c| crate::text::links::escape_links(c)))
    };
    normalise(Table {
        header: vec![cells(lines[0])],
        rows: lines[2..].iter().map(|l| cells(l)).collect(),
        ..Table::default()
    })
}

/// A table as a browser draws it, in the shape a draft holds: row spans
/// cut at the end of the header or the table, column spans where they
/// would run into a span from above, and short rows filled with empty
/// cells; widths that do not fit the columns left out. The size is checked
/// against the bounds of a table before any row is filled. `None` for a
/// table without cells.
pub(super) fn normalise(mut table: Table) -> Result<Option<Table>, ShapeError> {
    let header = table.header.len();
    let total = header + table.rows.len();
    // Columns still covered by a span from above: for how many more rows.
    let mut covered: Vec<u32> = Vec::new();
    // For each row, the places its cells and spans from above take.
    let mut taken = Vec::with_capacity(total);
    let rows = table.header.iter_mut().chain(table.rows.iter_mut());
    for (r, row) in rows.enumerate() {
        let limit = if r < header { header } else { total };
        let mut col = 0;
        for c in 0..row.cells.len() {
            while covered.get(col).is_some_and(|&n| n > 0) {
                col += 1;
            }
            let free = covered
                .get(col..)
                .and_then(|rest| rest.iter().position(|&n| n > 0))
                .unwrap_or(usize::MAX);
            let cell = &mut row.cells[c];
            cell.rows = cell.rows.clamp(1, (limit - r) as u32);
            cell.cols = (cell.cols.max(1) as usize).min(free) as u32;
            let end = col + cell.cols as usize;
            if end > Table::MAX_COLUMNS {
                // The whole row's width, counted without placing it.
                let rest: usize = row.cells[c + 1..].iter().map(|c| c.cols as usize).sum();
                return Err(ShapeError::TooWide {
                    row: r,
                    cell: c,
                    columns: end.saturating_add(rest),
                });
            }
            if covered.len() < end {
                covered.resize(end, 0);
            }
            covered[col..end].fill(cell.rows);
            col = end;
        }
        taken.push(covered.iter().filter(|&&n| n > 0).count());
        for n in &mut covered {
            *n = n.saturating_sub(1);
        }
    }
    // Every row reaches no further than the columns counted so far.
    let columns = covered.len();
    let places = columns.saturating_mul(total);
    if places > Table::MAX_PLACES {
        return Err(ShapeError::TooLarge { places });
    }
    let rows = table.header.iter_mut().chain(table.rows.iter_mut());
    for (row, taken) in rows.zip(taken) {
        // Filled from the first free column on, as the layout places cells.
        row.cells.extend((taken..columns).map(|_| Cell::new("")));
    }
    if table.widths.len() != columns {
        table.widths.clear();
    }
    match table.layout() {
        Ok(_) => Ok(Some(table)),
        Err(ShapeError::Empty) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Widths as a draft keeps them: whole numbers from 1, the largest at most
/// 100 (twips from Word become their ratio); none if any is 0.
pub(super) fn relative(widths: Vec<u32>) -> Vec<u32> {
    let most = widths.iter().copied().max().unwrap_or(0);
    if widths.contains(&0) {
        return Vec::new();
    }
    if most <= 100 {
        return widths;
    }
    widths
        .iter()
        .map(|&w| ((u64::from(w) * 100 + u64::from(most) / 2) / u64::from(most)).max(1) as u32)
        .collect()
}

/// Puts each table back where its placeholder paragraph landed.
pub fn restore(parts: &mut [Part], tables: &Tables) {
    super::visit_parts(parts, &mut |part| {
        for block in &mut part.body {
            if let Block::Para(p) = block
                && let Some(table) = tables.placed(p)
            {
                *block = Block::Table(table.clone());
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pipe_table_keeps_escaped_pipes_and_pads_short_rows() {
        let (text, tables, _) =
            extract("前文。\n\n| 序号 | 任务 |\n|---|:---:|\n| 1 | 甲 \\| 乙 |\n| 2 |\n\n后文。")
                .unwrap();
        assert_eq!(tables.list.len(), 1);
        let grid = tables.list[0].grid().unwrap();
        assert_eq!(grid[1], ["1", "甲 | 乙"]);
        assert_eq!(grid[2], ["2", ""]);
        // The line count is kept: 后文 is still on line 8.
        assert_eq!(text.split('\n').nth(7), Some("后文。"));
        assert!(tables.placed(text.split('\n').nth(2).unwrap()).is_some());
    }

    #[test]
    fn a_short_html_row_is_padded_and_a_mismatched_delimiter_is_no_table() {
        let (_, tables, _) =
            extract("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>").unwrap();
        assert_eq!(tables.list[0].grid().unwrap()[1], ["c", ""]);
        let (text, tables, _) = extract("甲|乙\n---\n").unwrap();
        assert!(tables.list.is_empty());
        assert!(text.starts_with("甲|乙"));
    }

    #[test]
    fn spans_are_cut_as_a_browser_draws_them_and_sizes_checked_before_filling() {
        // A span into a span from above stops short of it; a row span past
        // the table's end stops at it.
        let (_, tables, _) = extract(
            "<table><tr><td>a</td><td rowspan=\"9\">b</td><td>c</td></tr><tr><td colspan=\"3\">d</td></tr></table>",
        )
        .unwrap();
        let grid = tables.list[0].grid().unwrap();
        assert_eq!(grid, [["a", "b", "c"], ["d", "b", ""]]);
        // A row span from 1,000 narrow rows and a wide first row: refused
        // by its places, before a row is filled.
        let rows = "<tr><td>x</td></tr>".repeat(1_700);
        let error = extract(&format!(
            "甲\n<table><tr><td colspan=\"60\">w</td></tr>{rows}</table>"
        ))
        .unwrap_err();
        assert_eq!(error.line, Some(2));
        assert_eq!(
            error.excess,
            Excess::Shape(ShapeError::TooLarge { places: 102_060 })
        );
        // A table without a cell shows nothing: it is left out.
        let (text, tables, dropped) = extract("甲\n<table><tr></tr></table>\n乙").unwrap();
        assert!(tables.list.is_empty());
        assert_eq!(text, "甲\n\n乙");
        assert_eq!(dropped[0].number, 2);
    }

    #[test]
    fn no_line_of_a_text_reads_as_a_placeholder() {
        // The text holds the first mark a placeholder would take.
        let text = "\u{F8FF}0\n| a |\n|---|\n| b |";
        let (out, tables, _) = extract(text).unwrap();
        let lines: Vec<&str> = out.split('\n').collect();
        assert!(tables.placed(lines[0]).is_none());
        assert!(tables.placed(lines[1]).is_some());
    }

    #[test]
    fn an_html_table_keeps_its_spans_and_header() {
        let html = "<table><caption>分工</caption><thead><tr><th>序号</th><th>任务</th><th>牵头单位</th></tr></thead>\n<tbody><tr><td>1</td><td>甲</td><td rowspan=\"2\">发改局</td></tr>\n<tr><td>2</td><td>乙<br>丙</td></tr></tbody></table>";
        let (_, tables, _) = extract(html).unwrap();
        let t = &tables.list[0];
        assert_eq!(t.caption.as_deref(), Some("分工"));
        assert_eq!(t.header.len(), 1);
        assert_eq!(t.rows[0].cells[2].rows, 2);
        assert_eq!(t.grid().unwrap()[2], ["2", "乙\n丙", "发改局"]);
    }
}
