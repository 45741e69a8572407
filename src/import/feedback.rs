//! 意见反馈表 in: the CSV or XLSX table an office collects comments in, read
//! by its Chinese column headers (序号, 单位, 条款, 意见内容, 处理情况, 理由 …)
//! into comments, each with the row it came from. Every problem is named by
//! the table's row and column, as the office sees them in Excel or WPS:
//! `row 7, column 意见内容 (D)`.

mod columns;
mod delimited;
mod table;
mod xlsx;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::model::comment_columns::CommentField;
use crate::model::{Date, Disposition};
use columns::{Columns, Place, header_columns};
use table::{Cell, Row, Table, cell_name};
pub use table::{MAX_CELLS, MAX_PART_BYTES};

/// One comment as the table has it: text cells, not yet checked.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackRow {
    /// The row in the table, as the spreadsheet numbers it.
    pub row: usize,
    pub id: Option<String>,
    pub from: String,
    pub received: Option<Date>,
    /// The parts it is about, as written (several separated by 、 or ；).
    pub on: Vec<String>,
    /// The passage it is about (a Word comment's anchored text).
    pub quote: Option<String>,
    pub text: String,
    pub disposition: Disposition,
    pub reason: Option<String>,
    pub note: Option<String>,
    /// Where it came from, remarked beside it in the comments file, where
    /// not a table's row (`区教育局.docx 第 3 条`).
    pub remark: Option<String>,
}

/// A table read: its comments and what the office should know about how.
#[derive(Debug, Clone, Default)]
pub struct Feedback {
    pub rows: Vec<FeedbackRow>,
    pub unknown_headers: Vec<String>,
    /// What reading did that is worth a word: sheets not read, columns joined.
    pub notes: Vec<String>,
    /// Where each comment key (`text`, `from` …) is in the table:
    /// `意见内容 (D)`, for messages about a row.
    pub columns: Vec<(&'static str, String)>,
    /// Whether the rows are a reviewed Word file's comments, numbered as
    /// the file has them, not a table's rows.
    pub from_word: bool,
}

impl Feedback {
    /// The column a comment key was read from, as the table heads it.
    pub fn column(&self, key: &str) -> Option<&str> {
        self.columns
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.as_str())
    }
}

/// Why a table cannot be read, in the office's terms, and what to do.
#[derive(Debug, Clone, PartialEq)]
struct Refusal {
    message: String,
    help: String,
}

impl Refusal {
    fn new(message: impl Into<String>, help: impl Into<String>) -> Refusal {
        Refusal {
            message: message.into(),
            help: help.into(),
        }
    }

    fn at(self, path: &Path) -> Diagnostic {
        Diagnostic::error(path, 0, 0, self.message).help(self.help)
    }
}

/// Whether bytes are an OLE compound file: an Excel 97–2003 .xls (or a WPS
/// .et), or an encrypted .xlsx, which Office stores the same way.
fn is_compound(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Whether a compound file holds an encrypted package: a directory entry
/// named `EncryptionInfo` (entries are 128 bytes, their name UTF-16 with
/// its length in bytes, the final NUL counted, at byte 64).
fn is_encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptionInfo"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let length = (name.len() as u16 + 2).to_le_bytes();
    bytes
        .chunks_exact(128)
        .any(|entry| entry.starts_with(&name) && entry[64..66] == length)
}

/// Reads a feedback table: an Excel workbook (.xlsx: the first sheet Excel
/// shows) or a text table (CSV, or Excel's Unicode text).
pub fn read_feedback(path: &Path) -> Result<Feedback, Vec<Diagnostic>> {
    let bytes = crate::load::read_regular(path).map_err(|why| {
        vec![Diagnostic::error(
            path,
            0,
            0,
            crate::tr!("import-cannot-read", why = why),
        )]
    })?;
    read_feedback_bytes(path, &bytes)
}

/// Reads a feedback table given as bytes, as if read from `path` (which
/// only names it in messages).
pub fn read_feedback_bytes(path: &Path, bytes: &[u8]) -> Result<Feedback, Vec<Diagnostic>> {
    let table = if bytes.starts_with(b"PK\x03\x04") {
        xlsx::read(bytes)
    } else if is_compound(bytes) && is_encrypted(bytes) {
        Err(Refusal::new(
            crate::tr!("import-feedback-encrypted"),
            crate::tr!("import-feedback-encrypted-help"),
        ))
    } else if is_compound(bytes) {
        Err(Refusal::new(
            crate::tr!("import-feedback-old-xls"),
            crate::tr!("import-feedback-old-xls-help"),
        ))
    } else {
        delimited::read(bytes, |c| CommentField::of_header(c).is_some())
    };
    let table = table.map_err(|r| vec![r.at(path)])?;
    from_table(path, &table)
}

/// An Excel date serial (days since 1899-12-30, or 1904-01-01) as
/// 2021-09-13; a number no date has stays a number.
fn excel_date(serial: f64, date1904: bool) -> String {
    // 9999-12-31, the last day Excel shows.
    if !(0.0..2_958_466.0).contains(&serial) {
        return format!("{serial}");
    }
    let days = serial.floor() as i64 + if date1904 { 1_462 } else { 0 };
    let (y, m, d) = Date::civil_from_days(days - 25_569); // 1970-01-01
    format!("{y:04}-{m:02}-{d:02}")
}

/// The most problems reported for one table: past that, the office has
/// enough to start on.
const MAX_REPORTED: usize = 50;

struct Reader<'t> {
    path: &'t Path,
    /// Each field's columns, in order (two for a text read from two columns).
    columns: Columns,
    /// The merged areas below the header, by the column they fill: (first
    /// row, last row, the value), sorted by first row.
    merged: HashMap<u32, Vec<(u32, u32, Cell)>>,
    problems: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn problem(&mut self, row: u32, place: Option<&Place>, message: String, help: String) {
        let message = match place {
            Some(p) => crate::tr!(
                "import-feedback-at-cell",
                row = row,
                column = p.label(),
                message = message
            ),
            None => crate::tr!("import-feedback-at-row", row = row, message = message),
        };
        self.problems
            .push(Diagnostic::error(self.path, 0, 0, message).help(help));
    }

    /// A field's text read by `parse`, or a problem at its cell saying what
    /// it is not (`not_it`, given the text) and how to write one.
    fn parsed<T>(
        &mut self,
        row: &Row,
        found: Option<(Arc<str>, Place)>,
        parse: impl Fn(&str) -> Option<T>,
        not_it: impl Fn(&str) -> String,
        help: String,
    ) -> Option<T> {
        let (written, place) = found?;
        let value = parse(&written);
        if value.is_none() {
            self.problem(row.number, Some(&place), not_it(&written), help);
        }
        value
    }

    /// What a cell shows: its own value, or that of the merged area over it.
    fn cell<'r>(&'r self, row: &'r Row, column: u32) -> Option<&'r Cell> {
        row.get(column).or_else(|| {
            let areas = self.merged.get(&column)?;
            let i = areas.partition_point(|(first, _, _)| *first <= row.number);
            let (_, last, value) = areas.get(i.checked_sub(1)?)?;
            (*last >= row.number).then_some(value)
        })
    }

    /// A field's text in a row (the texts of its columns joined), or the
    /// problem with one of its cells.
    fn field(&mut self, row: &Row, field: CommentField) -> Option<(Arc<str>, Place)> {
        let places = self.columns.get(&field)?.clone();
        let mut texts: Vec<Arc<str>> = Vec::new();
        let mut found = None;
        for place in places {
            let name = cell_name(row.number, place.column);
            match self.cell(row, place.column).cloned() {
                Some(Cell::Text(t)) if !t.trim().is_empty() => {
                    texts.push(t);
                    found.get_or_insert(place);
                }
                Some(Cell::Uncalculated) => {
                    self.problem(
                        row.number,
                        Some(&place),
                        crate::tr!("import-feedback-uncalculated", cell = &name),
                        crate::tr!("import-feedback-uncalculated-help"),
                    );
                    return None;
                }
                Some(Cell::Error(e)) => {
                    self.problem(
                        row.number,
                        Some(&place),
                        crate::tr!("import-feedback-cell-error", cell = &name, error = &*e),
                        crate::tr!("import-feedback-cell-error-help"),
                    );
                    return None;
                }
                _ => {}
            }
        }
        let place = found?;
        let text: Arc<str> = match texts.as_slice() {
            [one] => Arc::from(one.trim()),
            many => Arc::from(many.iter().map(|t| t.trim()).collect::<Vec<_>>().join("\n")),
        };
        if let Some(c) = text.chars().find(|c| crate::chars::is_forbidden(*c)) {
            let code = format!("U+{:04X}", c as u32);
            let what = match crate::chars::name(c) {
                Some(name) => crate::tr!("import-feedback-bidi", code = code, name = name),
                None => crate::tr!("import-feedback-control", code = code),
            };
            self.problem(
                row.number,
                Some(&place),
                what,
                crate::tr!("import-feedback-invisible-help"),
            );
            return None;
        }
        Some((text, place))
    }

    /// A field a comment must have; its absence is a problem named by column.
    fn required(&mut self, row: &Row, field: CommentField) -> Option<(Arc<str>, Place)> {
        let before = self.problems.len();
        let found = self.field(row, field);
        if found.is_none() && self.problems.len() == before {
            let place = self.columns.get(&field).and_then(|p| p.first()).cloned();
            self.problem(
                row.number,
                place.as_ref(),
                crate::tr!("import-feedback-empty-cell", field = field.name()),
                crate::tr!("import-feedback-empty-cell-help"),
            );
        }
        found
    }
}

/// its row and column.
fn from_table(path: &Path, table: &Table) -> Result<Feedback, Vec<Diagnostic>> {
    let is_header = |r: &Row| {
        r.cells
            .iter()
            .any(|(_, c)| matches!(c, Cell::Text(t) if CommentField::of_header(t).is_some()))
    };
    let Some(header_index) = table.rows.iter().position(is_header) else {
        return Err(vec![
            Diagnostic::error(path, 0, 0, crate::tr!("import-feedback-no-header"))
                .help(crate::tr!("import-feedback-no-header-help")),
        ]);
    };
    let header = &table.rows[header_index];
    let mut notes = table.notes.clone();
    let (columns, unknown_headers) = header_columns(path, header, &mut notes)?;
    let mut merged: HashMap<u32, Vec<(u32, u32, Cell)>> = HashMap::new();
    let read_columns: Vec<u32> = columns.values().flatten().map(|p| p.column).collect();
    for m in &table.merges {
        if m.first_row <= header.number || !read_columns.contains(&(m.first_column)) {
            continue;
        }
        let value = table
            .rows
            .binary_search_by_key(&m.first_row, |r| r.number)
            .ok()
            .and_then(|i| table.rows[i].get(m.first_column).cloned());
        if let Some(value) = value {
            merged
                .entry(m.first_column)
                .or_default()
                .push((m.first_row, m.last_row, value));
        }
    }
    for areas in merged.values_mut() {
        areas.sort_by_key(|(first, _, _)| *first);
    }
    let mut reader = Reader {
        path,
        columns,
        merged,
        problems: Vec::new(),
    };
    let mut rows = Vec::new();
    let mut ids: HashMap<Arc<str>, u32> = HashMap::new();
    let mut text_bytes = 0usize;
    // Rows with nothing in the columns read (a remark beside the table, a
    // stray value far off) are no comments: passed over, and said so.
    let mut passed_over = Vec::new();
    for row in &table.rows[header_index + 1..] {
        if reader.problems.len() >= MAX_REPORTED {
            break;
        }
        if !row.cells.iter().any(|(c, _)| read_columns.contains(c)) {
            passed_over.push(row.number);
            continue;
        }
        if let Some(comment) = read_row(&mut reader, row, &mut ids) {
            text_bytes += comment.id.as_ref().map_or(0, String::len)
                + comment.from.len()
                + comment.text.len()
                + comment.on.iter().map(String::len).sum::<usize>()
                + comment.reason.as_ref().map_or(0, String::len)
                + comment.note.as_ref().map_or(0, String::len);
            if text_bytes as u64 > crate::load::MAX_FILE_BYTES {
                return Err(vec![
                    Diagnostic::error(
                        path,
                        0,
                        0,
                        crate::tr!(
                            "import-feedback-too-much-text",
                            row = row.number,
                            mb = crate::load::MAX_FILE_BYTES >> 20
                        ),
                    )
                    .help(crate::tr!("import-feedback-too-much-text-help")),
                ]);
            }
            rows.push(comment);
        }
    }
    if !reader.problems.is_empty() {
        if reader.problems.len() >= MAX_REPORTED {
            reader.problems.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    crate::tr!("import-feedback-first-problems", count = MAX_REPORTED),
                )
                .help(crate::tr!("import-feedback-first-problems-help")),
            );
        }
        return Err(reader.problems);
    }
    if rows.is_empty() {
        let message = if passed_over.is_empty() {
            crate::tr!("import-feedback-no-comments", row = header.number)
        } else {
            crate::tr!("import-feedback-no-comments-read", row = header.number)
        };
        return Err(vec![
            Diagnostic::error(path, 0, 0, message)
                .help(crate::tr!("import-feedback-no-comments-help")),
        ]);
    }
    if !passed_over.is_empty() {
        let shown: Vec<String> = passed_over.iter().take(10).map(u32::to_string).collect();
        let rows = shown.join(crate::tr!("import-feedback-list-separator").as_str())
            + if passed_over.len() > 10 { " …" } else { "" };
        notes.push(crate::tr!(
            "import-feedback-rows-passed-over",
            count = passed_over.len(),
            rows = rows
        ));
    }
    let mut columns: Vec<(&'static str, String)> = reader
        .columns
        .iter()
        .map(|(field, places)| (field.key(), places[0].label()))
        .collect();
    columns.sort();
    Ok(Feedback {
        rows,
        unknown_headers,
        notes,
        columns,
        from_word: false,
    })
}

/// One row's comment, with every problem of it reported; `None` for a row
/// with problems. `ids` holds the 序号 seen so far, with their rows.
fn read_row(
    reader: &mut Reader,
    row: &Row,
    ids: &mut HashMap<Arc<str>, u32>,
) -> Option<FeedbackRow> {
    let before = reader.problems.len();
    let id = reader.field(row, CommentField::Id);
    let from = reader.required(row, CommentField::From);
    let text = reader.required(row, CommentField::Text);
    let on = reader
        .required(row, CommentField::On)
        .and_then(|(on, place)| {
            let parts = targets(&on);
            if parts.is_empty() {
                reader.problem(
                    row.number,
                    Some(&place),
                    crate::tr!("import-feedback-names-no-part", on = &*on),
                    crate::tr!("import-feedback-names-no-part-help"),
                );
                return None;
            }
            Some(parts)
        });
    let disposition = reader.required(row, CommentField::Disposition);
    let disposition = reader.parsed(
        row,
        disposition,
        Disposition::parse,
        |written| crate::tr!("import-feedback-not-disposition", written = written),
        crate::tr!("import-feedback-not-disposition-help"),
    );
    let reason = reader.field(row, CommentField::Reason);
    if let Some(d) = disposition
        && d.needs_reason()
        && reason.is_none()
    {
        let place = reader
            .columns
            .get(&CommentField::Reason)
            .and_then(|p| p.first())
            .cloned();
        reader.problem(
            row.number,
            place.as_ref(),
            match place {
                Some(_) => crate::tr!("import-feedback-needs-reason", disposition = d.zh()),
                None => crate::tr!("import-feedback-needs-reason-column", disposition = d.zh()),
            },
            crate::tr!("import-feedback-needs-reason-help"),
        );
    }
    let received = reader.field(row, CommentField::Received);
    let received = reader.parsed(
        row,
        received,
        Date::parse,
        |written| crate::tr!("import-feedback-not-date", written = written),
        crate::tr!("import-feedback-not-date-help"),
    );
    let note = reader.field(row, CommentField::Note);
    if let Some((id, place)) = &id {
        match ids.get(id) {
            Some(first) => reader.problem(
                row.number,
                Some(place),
                crate::tr!("import-feedback-id-twice", id = &**id, first = *first),
                crate::tr!("import-feedback-id-twice-help"),
            ),
            None => {
                ids.insert(Arc::clone(id), row.number);
            }
        }
    }
    if reader.problems.len() > before {
        return None;
    }
    Some(FeedbackRow {
        row: row.number as usize,
        id: id.map(|(t, _)| t.to_string()),
        from: from?.0.to_string(),
        received,
        on: on?,
        quote: None,
        text: text?.0.to_string(),
        disposition: disposition?,
        reason: reason.map(|(t, _)| t.to_string()),
        note: note.map(|(t, _)| t.to_string()),
        remark: None,
    })
}

/// The parts a 条款 cell names: separated by 、 ； ， (or their half-width
/// forms), except the 、 of an outline number, which is part of it: 三、（二）
/// is one part, 一、 is 一、, and 一、二、 two.
fn targets(on: &str) -> Vec<String> {
    let numeral = |c: char| "一二三四五六七八九十百零〇".contains(c);
    let mut out = Vec::new();
    let mut part = String::new();
    let mut chars = on.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '、' if !part.trim().is_empty() && part.trim().chars().all(numeral) => {
                part.push(c);
                // 一、二、: the next outline number is the next part.
                if chars.peek().is_some_and(|&n| numeral(n)) {
                    out.push(std::mem::take(&mut part));
                }
            }
            '、' | '；' | ';' | '，' | ',' => out.push(std::mem::take(&mut part)),
            c => part.push(c),
        }
    }
    out.push(part);
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_names_parts_as_the_draft_prints_them() {
        assert_eq!(targets("三、（二）"), ["三、（二）"]);
        assert_eq!(targets("一、"), ["一、"]);
        assert_eq!(targets("一、二、"), ["一、", "二、"]);
        assert_eq!(targets("（一）、（二）"), ["（一）", "（二）"]);
        assert_eq!(
            targets("第三条、第五条；第七条"),
            ["第三条", "第五条", "第七条"]
        );
        assert_eq!(targets("二、（三）,四、"), ["二、（三）", "四、"]);
    }

    #[test]
    fn excel_serials_are_calendar_dates() {
        assert_eq!(excel_date(44452.0, false), "2021-09-13");
        assert_eq!(excel_date(25569.0, false), "1970-01-01");
        assert_eq!(excel_date(42990.0, true), "2021-09-13");
        assert_eq!(excel_date(3e6, false), "3000000");
        assert_eq!(excel_date(-1.0, false), "-1");
    }

    #[test]
    fn only_an_encryption_entry_marks_a_workbook_encrypted() {
        let mut entry: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        entry.resize(128, 0);
        entry[64] = 30;
        let mut file = vec![0; 512];
        file.extend(&entry);
        assert!(is_encrypted(&file));
        // The same words as text in a cell are no directory entry.
        let mut text = vec![0; 520];
        text.extend(&entry[..28]);
        text.resize(1024, 0);
        assert!(!is_encrypted(&text));
    }

    #[test]
    fn a_date_or_a_decision_not_read_is_named_at_its_cell() {
        let csv =
            "序号,单位,条款,意见内容,处理情况,日期\n1,区教育局,一、,意见。,再议,2021年13月1日\n";
        let problems = read_feedback_bytes(Path::new("t.csv"), csv.as_bytes()).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "row 2, column 处理情况 (E): `再议` is not a disposition",
                "row 2, column 日期 (F): `2021年13月1日` is not a date",
            ]
        );
    }
}
