//! 意见反馈表 in: the CSV or XLSX table an office collects comments in, read
//! by its Chinese column headers (序号, 单位, 条款, 意见内容, 处理情况, 理由 …)
//! into comments, each with the row it came from.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::model::{Date, Disposition};

/// One comment as the table has it: text cells, not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRow {
    /// The row in the table (1 is the header).
    pub row: usize,
    pub id: Option<String>,
    pub from: String,
    pub received: Option<Date>,
    /// The parts it is about, as written (several separated by 、 or ；).
    pub on: Vec<String>,
    pub text: String,
    pub disposition: Disposition,
    pub reason: Option<String>,
    pub note: Option<String>,
}

/// A table read: its comments and the headers it did not know.
#[derive(Debug, Clone, Default)]
pub struct Feedback {
    pub rows: Vec<FeedbackRow>,
    pub unknown_headers: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Column {
    Id,
    From,
    Received,
    On,
    Text,
    Disposition,
    Reason,
    Note,
}

/// The headers offices write, by column.
const HEADERS: [(Column, &[&str]); 8] = [
    (Column::Id, &["序号", "编号", "id"]),
    (
        Column::From,
        &[
            "单位",
            "提出单位",
            "反馈单位",
            "意见提出单位",
            "提出单位（个人）",
            "提出人",
            "来源",
            "from",
        ],
    ),
    (
        Column::Received,
        &["日期", "收到日期", "反馈日期", "反馈时间", "received"],
    ),
    (
        Column::On,
        &[
            "条款",
            "章节",
            "条款/章节",
            "涉及条款",
            "对应条款",
            "条目",
            "部分",
            "on",
        ],
    ),
    (
        Column::Text,
        &[
            "意见内容",
            "意见",
            "修改意见",
            "具体意见",
            "意见建议",
            "text",
        ],
    ),
    (
        Column::Disposition,
        &[
            "处理情况",
            "采纳情况",
            "是否采纳",
            "处理意见",
            "disposition",
        ],
    ),
    (
        Column::Reason,
        &["理由", "理由及说明", "未采纳理由", "说明", "reason"],
    ),
    (Column::Note, &["备注", "note"]),
];

fn column_of(header: &str) -> Option<Column> {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(&h)))
        .map(|(c, _)| *c)
}

/// Reads a feedback table: `.csv` (UTF-8 or GB18030) or `.xlsx` (its first sheet).
pub fn read_feedback(path: &Path) -> Result<Feedback, Diagnostic> {
    let bytes = crate::load::read_regular(path)
        .map_err(|why| Diagnostic::error(path, 0, 0, format!("cannot read the file: {why}")))?;
    let table = if bytes.starts_with(b"PK\x03\x04") {
        xlsx_rows(path, bytes)?
    } else {
        csv_rows(path, &bytes)?
    };
    from_table(path, &table)
}

fn csv_rows(path: &Path, bytes: &[u8]) -> Result<Vec<Vec<String>>, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.to_string(),
        Err(_) => {
            let (t, errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
            if errors {
                return Err(Diagnostic::error(
                    path,
                    0,
                    0,
                    "this is neither UTF-8 nor GB18030 text",
                )
                .help("save the table as CSV (UTF-8) or as an Excel workbook (.xlsx)"));
            }
            t.into_owned()
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as u32);
            let (column, message) = match e.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => (
                    // The first cell past the header's last.
                    *expected_len as u32 + 1,
                    format!("this row has {len} cells where the header row has {expected_len}"),
                ),
                _ => (0, format!("the CSV cannot be read here: {e}")),
            };
            Diagnostic::error(path, line, column, message)
                .help("check the quotes and commas of this row: a cell holding a comma or a line break must be in double quotes")
        })?;
        rows.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(rows)
}

fn xlsx_rows(path: &Path, bytes: Vec<u8>) -> Result<Vec<Vec<String>>, Diagnostic> {
    use calamine::Reader;
    let broken = |e: String| {
        Diagnostic::error(path, 0, 0, format!("this workbook cannot be read: {e}"))
            .help("save it again from Excel or WPS as an Excel workbook (.xlsx), or as CSV")
    };
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e| broken(e.to_string()))?;
    let range = book
        .worksheet_range_at(0)
        .ok_or_else(|| broken("it has no sheet".into()))?
        .map_err(|e| broken(e.to_string()))?;
    Ok(range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    calamine::Data::DateTime(d) => excel_date(d.as_f64()),
                    other => other.to_string().trim().to_string(),
                })
                .collect()
        })
        .collect())
}

/// An Excel date serial (days since 1899-12-30) as 2021-09-13.
fn excel_date(serial: f64) -> String {
    let (y, m, d) = Date::civil_from_days(serial.floor() as i64 - 25_569); // 1970-01-01
    format!("{y:04}-{m:02}-{d:02}")
}

fn from_table(path: &Path, table: &[Vec<String>]) -> Result<Feedback, Diagnostic> {
    let Some(header_index) = table
        .iter()
        .position(|r| r.iter().any(|c| column_of(c).is_some()))
    else {
        return Err(Diagnostic::error(path, 1, 0, "no column header this table has is one gongwen knows")
            .help("the first row must name the columns: 序号, 单位, 条款, 意见内容, 处理情况, 理由 (备注, 日期 optional)"));
    };
    let header = &table[header_index];
    let columns: Vec<Option<Column>> = header.iter().map(|h| column_of(h)).collect();
    let unknown_headers = header
        .iter()
        .zip(&columns)
        .filter(|(h, c)| c.is_none() && !h.is_empty())
        .map(|(h, _)| h.clone())
        .collect();
    for (needed, name) in [
        (Column::From, "单位"),
        (Column::Text, "意见内容"),
        (Column::Disposition, "处理情况"),
        (Column::On, "条款"),
    ] {
        if !columns.contains(&Some(needed)) {
            return Err(Diagnostic::error(
                path,
                header_index as u32 + 1,
                0,
                format!(
                    "the table has no {name} column (its headers: {})",
                    header.join("、")
                ),
            )
            .help("name the columns 序号, 单位, 条款, 意见内容, 处理情况, 理由 in the first row"));
        }
    }
    let mut rows = Vec::new();
    for (i, cells) in table.iter().enumerate().skip(header_index + 1) {
        let row = i + 1;
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        let get = |col: Column| -> Option<(usize, String)> {
            let at = columns.iter().position(|c| *c == Some(col))?;
            let v = cells.get(at)?.trim();
            (!v.is_empty()).then(|| (at + 1, v.to_string()))
        };
        let missing = |name: &str, col: Column| {
            let at = columns
                .iter()
                .position(|c| *c == Some(col))
                .map_or(0, |a| a + 1);
            Diagnostic::error(
                path,
                row as u32,
                at as u32,
                format!("row {row} has no {name}"),
            )
            .help("fill the cell, or delete the row")
        };
        let (_, from) = get(Column::From).ok_or_else(|| missing("单位", Column::From))?;
        let (_, text) = get(Column::Text).ok_or_else(|| missing("意见内容", Column::Text))?;
        let (_, on) = get(Column::On).ok_or_else(|| missing("条款", Column::On))?;
        let (dcol, written) =
            get(Column::Disposition).ok_or_else(|| missing("处理情况", Column::Disposition))?;
        let disposition = Disposition::parse(&written).ok_or_else(|| {
            Diagnostic::error(
                path,
                row as u32,
                dcol as u32,
                format!("`{written}` is not a disposition"),
            )
            .help("write 采纳, 部分采纳, 未采纳, 已有规定 or 不涉及")
        })?;
        let received = match get(Column::Received) {
            Some((col, d)) => Some(Date::parse(&d).ok_or_else(|| {
                Diagnostic::error(path, row as u32, col as u32, format!("`{d}` is not a date"))
                    .help("write the date as 2021-09-01 or 2021年9月1日")
            })?),
            None => None,
        };
        rows.push(FeedbackRow {
            row,
            id: get(Column::Id).map(|(_, v)| v),
            from,
            received,
            on: on
                .split(['、', '；', ';', '，', ','])
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            text,
            disposition,
            reason: get(Column::Reason).map(|(_, v)| v),
            note: get(Column::Note).map(|(_, v)| v),
        });
    }
    Ok(Feedback {
        rows,
        unknown_headers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_calendar_dates() {
        assert_eq!(excel_date(44452.0), "2021-09-13");
        assert_eq!(excel_date(25569.0), "1970-01-01");
    }
}
