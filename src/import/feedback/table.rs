//! A table as its reader found it, before any column has a meaning: the rows
//! that hold something, each cell where a spreadsheet shows it (row 7,
//! column D), and the limits no real 意见反馈表 comes near.

use std::sync::Arc;

/// The most cells holding something one table may have: 100,000 comments
/// of ten columns. A real 意见反馈表 has hundreds of rows, rarely thousands.
pub const MAX_CELLS: usize = 1_000_000;

/// The most one part of a workbook (its sheet, its shared strings …) may
/// unpack to. A sheet of 1,000 comments is about 0.5 MB, its strings 1 MB.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// The most characters Excel keeps in one cell: a longer text cannot come
/// from Excel or WPS, and one shared by many cells would be copied for each.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The last row and column Excel has (XFD1048576), 1-based.
pub const LAST_ROW: u32 = 1_048_576;
pub const LAST_COLUMN: u32 = 16_384;

/// What a cell holds, as a reader of the table sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text (numbers and dates as the sheet shows them).
    Text(Arc<str>),
    /// A formula Excel has not calculated: the file keeps no value for it.
    Uncalculated,
    /// An error Excel shows in place of a value (#REF!, #N/A …).
    Error(String),
}

/// A row that holds something.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// As the spreadsheet numbers it, from 1.
    pub number: u32,
    /// Its cells by column (0 for A), in order, none empty.
    pub cells: Vec<(u32, Cell)>,
}

impl Row {
    /// The cell in `column` (0 for A), if it holds something.
    pub fn get(&self, column: u32) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&column, |(c, _)| *c)
            .ok()
            .map(|i| &self.cells[i].1)
    }
}

/// Cells merged into one, as Excel shows them: the first cell's value over
/// the whole area. Rows and columns from 1, as the sheet numbers them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub first_row: u32,
    pub last_row: u32,
    pub first_column: u32,
    pub last_column: u32,
}

/// A table read from a CSV or a sheet.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The rows that hold something, in order.
    pub rows: Vec<Row>,
    pub merges: Vec<Merge>,
    /// What reading it did that the office should know (sheets not read).
    pub notes: Vec<String>,
}

impl Table {
    /// Groups `(row, column, cell)` triples (1-based row, 0-based column)
    /// into rows; a cell given twice keeps its last value.
    pub fn from_cells(mut cells: Vec<(u32, u32, Cell)>) -> Table {
        cells.sort_by_key(|(r, c, _)| (*r, *c));
        let mut rows: Vec<Row> = Vec::new();
        for (r, c, cell) in cells {
            match rows.last_mut() {
                Some(row) if row.number == r => match row.cells.last_mut() {
                    Some(last) if last.0 == c => last.1 = cell,
                    _ => row.cells.push((c, cell)),
                },
                _ => rows.push(Row {
                    number: r,
                    cells: vec![(c, cell)],
                }),
            }
        }
        Table {
            rows,
            ..Table::default()
        }
    }
}

/// A column's letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(column: u32) -> String {
    let mut n = column as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// A cell's name as Excel shows it: C3.
pub fn cell_name(row: u32, column: u32) -> String {
    format!("{}{row}", column_name(column))
}

/// Reads a cell reference (`C3`, `$C$3`) as its 1-based row and 0-based
/// column; `None` if it is not one, or names a cell Excel cannot have.
pub fn parse_cell(reference: &str) -> Option<(u32, u32)> {
    let r = reference.trim();
    let r = r.strip_prefix('$').unwrap_or(r);
    let split = r.find(|c: char| !c.is_ascii_alphabetic())?;
    let (letters, digits) = r.split_at(split);
    let digits = digits.strip_prefix('$').unwrap_or(digits);
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
        return None;
    }
    let mut column: u32 = 0;
    for b in letters.bytes() {
        column = column * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    let row: u32 = digits.parse().ok()?;
    ((1..=LAST_ROW).contains(&row) && (1..=LAST_COLUMN).contains(&column))
        .then_some((row, column - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(16_383), "XFD");
        for c in [0, 25, 26, 701, 702, 16_383] {
            assert_eq!(parse_cell(&cell_name(7, c)), Some((7, c)));
        }
    }

    #[test]
    fn a_cell_excel_cannot_have_is_no_cell() {
        assert_eq!(parse_cell("XFD1048576"), Some((1_048_576, 16_383)));
        assert_eq!(parse_cell("$B$3"), Some((3, 1)));
        for bad in ["XFE1", "A1048577", "A0", "AAAA1", "A", "12", "A1B", ""] {
            assert_eq!(parse_cell(bad), None, "{bad}");
        }
    }

    #[test]
    fn cells_given_out_of_order_make_ordered_rows() {
        let t = |s: &str| Cell::Text(s.into());
        let table = Table::from_cells(vec![
            (3, 1, t("b3")),
            (1, 0, t("a1")),
            (3, 0, t("a3")),
            (3, 1, t("again")),
        ]);
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.rows[1].number, 3);
        assert_eq!(table.rows[1].get(1), Some(&t("again")));
        assert_eq!(table.rows[1].get(2), None);
    }
}
