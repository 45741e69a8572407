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
                crate::tr!(
                    "import-feedback-csv-unreadable",
                    row = row,
                    error = e.to_string()
                ),
                crate::tr!("import-feedback-csv-unreadable-help"),
            )
        })?;
        let expected = *width.get_or_insert(record.len());
        if record.len() != expected {
            return Err(Refusal::new(
                crate::tr!(
                    "import-feedback-csv-width",
                    row = row,
                    column = column_name(expected.min(record.len()) as u32),
                    cells = record.len(),
                    expected = expected
                ),
                crate::tr!("import-feedback-csv-width-help"),
            ));
        }
        for (c, cell) in record.iter().enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            if cells.len() >= MAX_CELLS {
                return Err(Refusal::new(
                    crate::tr!("import-feedback-csv-too-many", max = MAX_CELLS),
                    crate::tr!("import-feedback-csv-too-many-help"),
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
            crate::tr!("import-feedback-not-encoding", encoding = encoding),
            crate::tr!("import-feedback-not-encoding-help"),
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
                crate::tr!("import-feedback-not-table"),
                crate::tr!("import-feedback-not-table-help"),
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
