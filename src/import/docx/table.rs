//! A Word table as a draft's table: merged cells (`gridSpan` across,
//! `vMerge` down) become spans, rows repeated on each page (`tblHeader`)
//! the header, and a fixed layout's column widths their ratios. Merges are
//! read as Word draws them: a span no wider than the table's grid, a
//! vertical merge started by the first cell of it that Word finds. The
//! table is kept aside by the reader, an empty line standing for it.

use std::collections::HashMap;

use roxmltree::Node;

use super::{Reader, attr, child, is_w, through_wrappers};
use crate::import::tables::{normalise, relative};
use crate::model::{Cell, Row, ShapeError, Table};

/// One cell as Word writes it.
struct WordCell {
    /// The grid column it starts in.
    column: usize,
    /// Grid columns it spans.
    span: usize,
    /// Whether it is in a vertical merge (`vMerge`), and continues one
    /// (rather than starting it).
    merge: Option<bool>,
    text: String,
}

/// The table's cells as Word lays them out, and what reading it noticed.
pub(super) struct Read {
    /// `None` for a table without cells.
    pub(super) table: Option<Table>,
    pub(super) notes: Vec<String>,
}

/// Reads a table; `cell_text` gives a cell's text (its paragraphs, and the
/// text of tables nested in it). Refused past a table's bounds.
pub(super) fn read<'a, 'i>(
    tbl: Node<'a, 'i>,
    mut cell_text: impl FnMut(Node<'a, 'i>) -> String,
) -> Result<Read, ShapeError> {
    let grid: Vec<u64> = child(&tbl, "tblGrid")
        .map(|g| {
            g.children()
                .filter(|c| is_w(c, "gridCol"))
                .map(|c| attr(&c, "w").and_then(|w| w.parse().ok()).unwrap_or(0))
                .collect()
        })
        .unwrap_or_default();
    let mut notes = Vec::new();
    let mut word_rows = Vec::new();
    for (r, row) in through_wrappers(tbl, "tr").into_iter().enumerate() {
        let header = child(&row, "trPr").is_some_and(|p| child(&p, "tblHeader").is_some());
        // Grid columns the row leaves out before its first cell.
        let before = child(&row, "trPr")
            .and_then(|p| child(&p, "gridBefore"))
            .and_then(|g| attr(&g, "val"))
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
            .min(grid.len());
        let mut column = before;
        let mut cells = Vec::new();
        if before > 0 {
            cells.push(WordCell {
                column: 0,
                span: before,
                merge: None,
                text: String::new(),
            });
        }
        for cell in through_wrappers(row, "tc") {
            let props = child(&cell, "tcPr");
            let asked = props
                .and_then(|p| child(&p, "gridSpan"))
                .and_then(|g| attr(&g, "val"))
                .and_then(|v| v.parse::<u64>().ok())
                .unwrap_or(1)
                .max(1);
            // Past the grid's last column, a span reaches it; a cell
            // beyond the grid (Word widens it) spans one.
            let room = grid.len().saturating_sub(column).max(1) as u64;
            let span = if grid.is_empty() {
                asked
            } else {
                asked.min(room)
            };
            if span < asked {
                notes.push(crate::tr!(
                    "import-docx-span-cut",
                    row = r + 1,
                    asked = asked,
                    columns = grid.len()
                ));
            }
            let merge = props
                .and_then(|p| child(&p, "vMerge"))
                .map(|m| attr(&m, "val").is_none_or(|v| v == "continue"));
            cells.push(WordCell {
                column,
                span: span.min(u32::MAX as u64) as usize,
                merge,
                text: cell_text(cell),
            });
            column = column.saturating_add(span as usize);
        }
        word_rows.push((header, cells));
    }
    let heads = word_rows.iter().take_while(|(header, _)| *header).count();
    let mut header = Vec::new();
    let mut body = Vec::new();
    // Vertical merges open after each row: by grid column, the span of the
    // cell that started it and where that cell is (row, cell).
    let mut open: HashMap<usize, (usize, (usize, usize))> = HashMap::new();
    for (r, (_, cells)) in word_rows.into_iter().enumerate() {
        // A merge does not run from the header into the body.
        if r == heads {
            open.clear();
        }
        let mut still_open = HashMap::new();
        let mut row = Row::default();
        for cell in cells {
            let started = open
                .get(&cell.column)
                .filter(|(span, _)| *span == cell.span);
            if let (Some(true), Some(&(_, at))) = (cell.merge, started) {
                // Covered by the cell above: the merge grows a row.
                let origin = if at.0 < heads {
                    &mut header[at.0]
                } else {
                    &mut body[at.0 - heads]
                };
                let origin: &mut Row = origin;
                origin.cells[at.1].rows = origin.cells[at.1].rows.saturating_add(1);
                still_open.insert(cell.column, (cell.span, at));
                continue;
            }
            if cell.merge.is_some() {
                still_open.insert(cell.column, (cell.span, (r, row.cells.len())));
            }
            row.cells.push(Cell {
                text: cell.text,
                rows: 1,
                cols: cell.span.min(u32::MAX as usize) as u32,
            });
        }
        open = still_open;
        if r < heads {
            header.push(row);
        } else {
            body.push(row);
        }
    }
    let table = normalise(Table {
        widths: widths(tbl, &grid),
        header,
        rows: body,
        ..Table::default()
    })?;
    Ok(Read { table, notes })
}

/// A fixed layout's column widths in their ratios, or none.
fn widths(tbl: Node, grid: &[u64]) -> Vec<u32> {
    let fixed = child(&tbl, "tblPr")
        .and_then(|p| child(&p, "tblLayout"))
        .is_some_and(|l| attr(&l, "type") == Some("fixed"));
    if !fixed || grid.is_empty() || grid.contains(&0) {
        return Vec::new();
    }
    let unit = grid.iter().copied().fold(0, gcd);
    relative(
        grid.iter()
            .map(|w| (w / unit).min(u32::MAX as u64) as u32)
            .collect(),
    )
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

impl Reader {
    /// A table: kept aside, an empty line standing for it in the text.
    pub(super) fn table(&mut self, tbl: Node) {
        let mut nested = 0;
        let read = read(tbl, |cell| {
            let (text, tables) = self.cell_text(cell);
            nested += tables;
            crate::text::from_plain(&text)
        });
        let line = self.lines + 1;
        match read {
            Ok(read) => {
                self.out
                    .warnings
                    .extend(read.notes.into_iter().map(|n| (line, n)));
                if nested > 0 {
                    self.out.warnings.push((
                        line,
                        crate::tr!("import-docx-nested-tables", count = nested),
                    ));
                }
                if let Some(table) = read.table {
                    self.out.tables.push((line, table));
                    self.line("");
                }
            }
            Err(e) => self.too_large = Some(e),
        }
    }

    /// A cell's text, as plain text: its paragraphs, a line each, and the
    /// rows of the tables inside it as lines; and how many such tables.
    fn cell_text(&self, cell: Node) -> (String, usize) {
        let mut lines = Vec::new();
        let mut nested = 0;
        for block in cell.children().filter(Node::is_element) {
            let mut blocks = vec![block];
            if is_w(&block, "sdt") || is_w(&block, "customXml") {
                blocks = through_wrappers(block, "p");
                blocks.extend(through_wrappers(block, "tbl"));
            }
            for b in blocks {
                if is_w(&b, "p") {
                    lines.push(self.runs_text(b));
                } else if is_w(&b, "tbl") {
                    nested += 1;
                    for row in through_wrappers(b, "tr") {
                        let cells: Vec<String> = through_wrappers(row, "tc")
                            .into_iter()
                            .map(|c| {
                                let (text, more) = self.cell_text(c);
                                nested += more;
                                text.replace('\n', " ")
                            })
                            .collect();
                        lines.push(cells.join("｜"));
                    }
                }
            }
        }
        (lines.join("\n"), nested)
    }
}
