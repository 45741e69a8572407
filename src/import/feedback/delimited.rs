//! A table saved as text: CSV as Excel and WPS write it — UTF-8 (with or
//! without its mark), GB18030 (what Chinese Windows saves as "CSV"), or
//! UTF-16 with its mark (Excel's "Unicode text") — its cells separated by
//! commas, tabs or semicolons, whichever makes a header row gongwen knows.

use std::borrow::Cow;
use std::sync::Arc;

use super::Refusal;
use super::table::{Cell, MAX_CELLS, Table, column_name};

/// The separators tried, the first preferred when several fit as well.
const SEPARATORS: [u8; 3] = [b',', b'\t', b';'];

/// How many rows are looked at for the header when choosing the separator.
const SNIFFED_ROWS: usize = 20;

/// Reads a text table.
pub fn read(bytes: &[u8], known: impl Fn(&str) -> bool) -> Result<Table, Refusal> {
    let text = decode(bytes)?;
    let separator = separator(&text, known);
    let mut reader = reader(&text, separator);
    let mut cells = Vec::new();
    let mut width = None;
    for (i, record) in reader.records().enumerate() {
        let row = i as u32 + 1;
        let record = record.map_err(|e| {
            Refusal::new(
                format!("row {row}: the table cannot be read here: {e}"),
                "check the quotes of this row: a cell holding a comma or a line break must be in double quotes",
            )
        })?;
        let expected = *width.get_or_insert(record.len());
        if record.len() != expected {
            return Err(Refusal::new(
                format!(
                    "row {row}, column {}: this row has {} cells where the first row has {expected}",
                    column_name(expected.min(record.len()) as u32),
                    record.len()
                ),
                "check the quotes and separators of this row: a cell holding a comma or a line break must be in double quotes",
            ));
        }
        for (c, cell) in record.iter().enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            if cells.len() >= MAX_CELLS {
                return Err(Refusal::new(
                    format!(
                        "the table holds more than {MAX_CELLS} cells with something in them; gongwen reads at most {MAX_CELLS}"
                    ),
                    "a 意见反馈表 is far smaller: check that the file holds only the table of comments",
                ));
            }
            cells.push((row, c as u32, Cell::Text(Arc::from(cell))));
        }
    }
    Ok(Table::from_cells(cells))
}

fn reader(text: &str, separator: u8) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes())
}

/// The separator whose first rows hold the most headers gongwen knows.
fn separator(text: &str, known: impl Fn(&str) -> bool) -> u8 {
    let mut best = (0, SEPARATORS[0]);
    for separator in SEPARATORS {
        let found = reader(text, separator)
            .records()
            .take(SNIFFED_ROWS)
            .map_while(Result::ok)
            .map(|r| r.iter().filter(|c| known(c)).count())
            .max()
            .unwrap_or(0);
        if found > best.0 {
            best = (found, separator);
        }
    }
    best.1
}

/// The text of the file, in whichever of the encodings offices save it is in.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, Refusal> {
    let unreadable = |encoding: &str| {
        Refusal::new(
            format!("this file says it is {encoding} text, but it is not"),
            "save the table again as CSV UTF-8, or as an Excel workbook (.xlsx)",
        )
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return std::str::from_utf8(rest)
            .map(Cow::Borrowed)
            .map_err(|_| unreadable("UTF-8"));
    }
    for (mark, encoding) in [
        (&b"\xFF\xFE"[..], encoding_rs::UTF_16LE),
        (&b"\xFE\xFF"[..], encoding_rs::UTF_16BE),
    ] {
        if let Some(rest) = bytes.strip_prefix(mark) {
            return encoding
                .decode_without_bom_handling_and_without_replacement(rest)
                .ok_or_else(|| unreadable("UTF-16"));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| {
            Refusal::new(
                "this is not a table gongwen can read: it is neither an Excel workbook nor text in UTF-8, UTF-16 or GB18030",
                "save the table as an Excel workbook (.xlsx) or as CSV UTF-8",
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(c: &str) -> bool {
        ["序号", "单位", "意见内容"].contains(&c)
    }

    #[test]
    fn the_separator_is_the_one_that_makes_the_header() {
        assert_eq!(separator("序号;单位;意见内容\n1;a;b", known), b';');
        assert_eq!(separator("序号\t单位\t意见内容\n1\ta,b\tc", known), b'\t');
        assert_eq!(separator("序号,单位\n1,a", known), b',');
        assert_eq!(separator("甲;乙\n", known), b',');
    }

    #[test]
    fn utf16_with_its_mark_is_read() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("序号\t单位".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes).unwrap(), "序号\t单位");
    }

    #[test]
    fn cells_are_placed_by_row_and_column() {
        let table = read("序号,单位\n\n1,\n,区教育局".as_bytes(), known).unwrap();
        let rows: Vec<u32> = table.rows.iter().map(|r| r.number).collect();
        assert_eq!(rows, [1, 2, 3]);
        assert_eq!(table.rows[2].get(1), Some(&Cell::Text("区教育局".into())));
    }
}
