//! Tables and attachments: a table stands where a paragraph stands (in a
//! part's text or an attachment's body); an attachment written out in full is
//! a small document of its own, printed after the main text from a new page.

use super::{Block, Numbering, Origin};

/// A table: an optional caption, header rows, body rows, and relative
/// column widths. Cells may span rows and columns; a cell covered by a span
/// is not written, as in HTML.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The caption above the table (表题), inline Markdown.
    pub caption: Option<String>,
    /// Relative column widths (`[1, 6, 2]`); empty: every column gets what
    /// its text needs.
    pub widths: Vec<u32>,
    /// Header rows, repeated on each page the table runs onto.
    pub header: Vec<Row>,
    pub rows: Vec<Row>,
    /// Where the table is written; empty for imported tables.
    pub origin: Origin,
}

/// One row of a table: its cells left to right, without those a span from
/// a row above covers.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
}

/// A cell of a table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// Inline Markdown; empty for a blank cell.
    pub text: String,
    /// Rows the cell spans (1 for none).
    pub rows: u32,
    /// Columns the cell spans (1 for none).
    pub cols: u32,
}

impl Cell {
    /// A cell of one row and one column.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            rows: 1,
            cols: 1,
        }
    }
}

impl Row {
    /// A row of plain cells.
    pub fn of<S: Into<String>>(texts: impl IntoIterator<Item = S>) -> Row {
        Row {
            cells: texts.into_iter().map(Cell::new).collect(),
        }
    }
}

/// Where each cell of a table sits once spans are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// How many columns the table has.
    pub columns: usize,
    /// For each row (header rows first), the column each of its cells starts in.
    pub starts: Vec<Vec<usize>>,
}

/// Why a table's rows do not make a rectangle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeError {
    /// The table has no rows, or no cells at all.
    Empty,
    /// A row (counting header rows first) covers `width` columns where the
    /// first row covers `expected`.
    Width {
        row: usize,
        width: usize,
        expected: usize,
    },
    /// A cell spans past the last row or column of the table (or, in the
    /// header, into the body).
    SpanOut { row: usize, cell: usize },
    /// A cell spanning columns runs into a cell spanning rows from above.
    Overlap { row: usize, cell: usize },
    /// A span of zero rows or columns.
    ZeroSpan { row: usize, cell: usize },
    /// `widths` names a different number of columns than the rows have.
    Widths { given: usize, columns: usize },
    /// A cell reaches past [`Table::MAX_COLUMNS`]: its row would be `columns` wide.
    TooWide {
        row: usize,
        cell: usize,
        columns: usize,
    },
    /// The grid has more than [`Table::MAX_PLACES`] places.
    TooLarge { places: usize },
}

impl ShapeError {
    /// For a table past [`Table::MAX_COLUMNS`] or [`Table::MAX_PLACES`], the bound as a
    /// reader is told it.
    pub fn bound(&self) -> Option<String> {
        match self {
            ShapeError::TooWide { .. } => Some(crate::tr!(
                "load-table-bound-columns",
                most = Table::MAX_COLUMNS
            )),
            ShapeError::TooLarge { .. } => Some(crate::tr!(
                "load-table-bound-places",
                most = Table::MAX_PLACES
            )),
            _ => None,
        }
    }
}

impl Table {
    /// The most columns a table may have: what Word and WPS hold in a
    /// table, and more than a page prints legibly.
    pub const MAX_COLUMNS: usize = 63;

    /// The most places a table's grid may have (rows × columns, a merged
    /// cell counted in each place it covers): 10 columns of 10,000 rows.
    /// Spans of a few bytes would otherwise make grids of billions of
    /// places for every view of the table to fill.
    pub const MAX_PLACES: usize = 100_000;

    /// Every row, header rows first.
    pub fn all_rows(&self) -> impl Iterator<Item = &Row> {
        self.header.iter().chain(&self.rows)
    }

    /// Every cell's text, row by row.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.all_rows()
            .flat_map(|r| r.cells.iter().map(|c| c.text.as_str()))
    }

    /// Each row as one line of plain text, its cells set apart by `｜`.
    pub fn plain_rows(&self) -> Vec<String> {
        self.all_rows()
            .map(|r| {
                let cells: Vec<String> = r
                    .cells
                    .iter()
                    .map(|c| crate::text::to_plain(&c.text))
                    .collect();
                cells.join("｜")
            })
            .collect()
    }

    /// Lays the cells out on the grid, checking that every row covers the
    /// same columns, no span runs out of the table or its header, and the
    /// grid is within [`Table::MAX_COLUMNS`] and [`Table::MAX_PLACES`]: nothing expands a
    /// table's spans before this has passed.
    pub fn layout(&self) -> Result<Layout, ShapeError> {
        let rows: Vec<&Row> = self.all_rows().collect();
        if rows.is_empty() || rows.iter().all(|r| r.cells.is_empty()) {
            return Err(ShapeError::Empty);
        }
        // Columns of later rows still covered by a span from above: how many
        // more rows each stays covered.
        let mut covered: Vec<u32> = Vec::new();
        let mut starts = Vec::with_capacity(rows.len());
        let mut columns = None;
        for (r, row) in rows.iter().enumerate() {
            let mut col = 0;
            let mut row_starts = Vec::with_capacity(row.cells.len());
            for (c, cell) in row.cells.iter().enumerate() {
                if cell.rows == 0 || cell.cols == 0 {
                    return Err(ShapeError::ZeroSpan { row: r, cell: c });
                }
                while covered.get(col).is_some_and(|&n| n > 0) {
                    col += 1;
                }
                row_starts.push(col);
                let end = col + cell.cols as usize;
                // Checked before the columns are counted out.
                if end > Table::MAX_COLUMNS {
                    return Err(ShapeError::TooWide {
                        row: r,
                        cell: c,
                        columns: end,
                    });
                }
                if covered.len() < end {
                    covered.resize(end, 0);
                }
                // A cell spanning columns must not run into a span from above.
                if covered[col..end].iter().any(|&n| n > 0) {
                    return Err(ShapeError::Overlap { row: r, cell: c });
                }
                let last_row = r + cell.rows as usize - 1;
                let limit = if r < self.header.len() {
                    self.header.len()
                } else {
                    rows.len()
                };
                if last_row >= limit {
                    return Err(ShapeError::SpanOut { row: r, cell: c });
                }
                for n in &mut covered[col..end] {
                    // This row counts as one of the span's rows.
                    *n = cell.rows;
                }
                col = end;
            }
            // The columns this row covers, from the first: a column left
            // empty before a span from above ends the row there.
            let reach = covered
                .iter()
                .rposition(|&n| n > 0)
                .map_or(col, |last| (last + 1).max(col));
            let width = covered[..reach]
                .iter()
                .position(|&n| n == 0)
                .unwrap_or(reach);
            match columns {
                None => columns = Some(width),
                Some(expected) if expected != width => {
                    return Err(ShapeError::Width {
                        row: r,
                        width,
                        expected,
                    });
                }
                Some(_) => {}
            }
            for n in &mut covered {
                *n = n.saturating_sub(1);
            }
            starts.push(row_starts);
        }
        let columns = columns.unwrap_or(0);
        let places = columns.saturating_mul(rows.len());
        if places > Table::MAX_PLACES {
            return Err(ShapeError::TooLarge { places });
        }
        if !self.widths.is_empty() && self.widths.len() != columns {
            return Err(ShapeError::Widths {
                given: self.widths.len(),
                columns,
            });
        }
        Ok(Layout { columns, starts })
    }

    /// The text in each column of a row, as if spans were not merged: a
    /// cell covered by a span from above or the left reads as the spanning
    /// cell. `None` if the table's shape is broken.
    pub fn grid(&self) -> Option<Vec<Vec<&str>>> {
        let layout = self.layout().ok()?;
        let rows: Vec<&Row> = self.all_rows().collect();
        let mut grid = vec![vec![""; layout.columns]; rows.len()];
        for (r, row) in rows.iter().enumerate() {
            for (cell, &start) in row.cells.iter().zip(&layout.starts[r]) {
                for line in grid.iter_mut().skip(r).take(cell.rows as usize) {
                    for slot in line.iter_mut().skip(start).take(cell.cols as usize) {
                        *slot = &cell.text;
                    }
                }
            }
        }
        Some(grid)
    }
}

/// An attachment written out in full: a small document printed after the
/// main text from a new page under 附件N and its title.
#[derive(Debug, Clone, PartialEq)]
pub struct Attachment {
    /// Its place in the draft's list of attachments (`meta.attachments`),
    /// which holds its title.
    pub index: usize,
    /// How its parts are numbered (its own 一、 （一） from the start).
    pub numbering: Numbering,
    /// Paragraphs, tables and top-level parts in reading order.
    pub body: Vec<Block>,
    /// Where it is written.
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, rows: u32, cols: u32) -> Cell {
        Cell {
            text: text.into(),
            rows,
            cols,
        }
    }

    #[test]
    fn a_merged_lead_unit_covers_the_rows_below_it() {
        let table = Table {
            header: vec![Row::of(["序号", "任务", "牵头单位"])],
            rows: vec![
                Row {
                    cells: vec![cell("1", 1, 1), cell("甲", 1, 1), cell("发改局", 2, 1)],
                },
                Row::of(["2", "乙"]),
                Row::of(["3", "丙", "财政局"]),
            ],
            ..Table::default()
        };
        let layout = table.layout().unwrap();
        assert_eq!(layout.columns, 3);
        assert_eq!(layout.starts[2], [0, 1]);
        let grid = table.grid().unwrap();
        assert_eq!(grid[2], ["2", "乙", "发改局"]);
        assert_eq!(grid[3], ["3", "丙", "财政局"]);
    }

    #[test]
    fn a_span_in_the_middle_pushes_later_cells_right() {
        let table = Table {
            rows: vec![
                Row {
                    cells: vec![cell("a", 1, 1), cell("b", 2, 1), cell("c", 1, 1)],
                },
                Row::of(["d", "e"]),
            ],
            ..Table::default()
        };
        assert_eq!(table.layout().unwrap().starts[1], [0, 2]);
        assert_eq!(table.grid().unwrap()[1], ["d", "b", "e"]);
    }

    #[test]
    fn a_column_left_empty_before_a_span_from_above_is_a_short_row() {
        let table = Table {
            rows: vec![
                Row {
                    cells: vec![cell("a", 1, 1), cell("b", 1, 1), cell("c", 2, 1)],
                },
                Row::of(["d"]),
            ],
            ..Table::default()
        };
        assert_eq!(
            table.layout(),
            Err(ShapeError::Width {
                row: 1,
                width: 1,
                expected: 3
            })
        );
    }

    #[test]
    fn a_grid_past_the_bounds_is_refused_before_it_is_counted_out() {
        let wide = Table {
            rows: vec![Row {
                cells: vec![cell("a", 1, 1), cell("b", 1, u32::MAX)],
            }],
            ..Table::default()
        };
        assert_eq!(
            wide.layout(),
            Err(ShapeError::TooWide {
                row: 0,
                cell: 1,
                columns: 1 + u32::MAX as usize
            })
        );
        let mut rows = vec![Row {
            cells: vec![cell("a", 2_000, 60)],
        }];
        rows.resize(2_000, Row::default());
        let long = Table {
            rows,
            ..Table::default()
        };
        assert_eq!(long.layout(), Err(ShapeError::TooLarge { places: 120_000 }));
    }

    #[test]
    fn broken_shapes_are_named() {
        let short = Table {
            rows: vec![Row::of(["a", "b"]), Row::of(["c"])],
            ..Table::default()
        };
        assert_eq!(
            short.layout(),
            Err(ShapeError::Width {
                row: 1,
                width: 1,
                expected: 2
            })
        );
        let out = Table {
            rows: vec![Row {
                cells: vec![cell("a", 2, 1)],
            }],
            ..Table::default()
        };
        assert_eq!(out.layout(), Err(ShapeError::SpanOut { row: 0, cell: 0 }));
        let header_into_body = Table {
            header: vec![Row {
                cells: vec![cell("a", 2, 1), cell("b", 1, 1)],
            }],
            rows: vec![Row::of(["c"])],
            ..Table::default()
        };
        assert_eq!(
            header_into_body.layout(),
            Err(ShapeError::SpanOut { row: 0, cell: 0 })
        );
        assert_eq!(Table::default().layout(), Err(ShapeError::Empty));
        let widths = Table {
            widths: vec![1, 2, 3],
            rows: vec![Row::of(["a", "b"])],
            ..Table::default()
        };
        assert_eq!(
            widths.layout(),
            Err(ShapeError::Widths {
                given: 3,
                columns: 2
            })
        );
    }
}
