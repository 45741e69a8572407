//! The columns of a 意见反馈表: the headers offices write for each field
//! of a comment, and the header row read — a field in two columns joined
//! (two texts) or refused (two senders), a field a comment needs missing.

use std::collections::HashMap;
use std::path::Path;

use super::table::{Cell, Row, column_name};
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    Id,
    From,
    Received,
    On,
    Text,
    Disposition,
    Reason,
    Note,
}

impl Column {
    /// The key it becomes in a comments file.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::From => "from",
            Column::Received => "received",
            Column::On => "on",
            Column::Text => "text",
            Column::Disposition => "disposition",
            Column::Reason => "reason",
            Column::Note => "note",
        }
    }

    /// Its usual header, for messages.
    pub fn name(self) -> &'static str {
        HEADERS
            .iter()
            .find(|(c, _)| *c == self)
            .map_or("", |(_, names)| names[0])
    }

    /// Whether two columns of it are read as one, their texts joined: text
    /// can be; a sender, a part, a decision or a date cannot.
    pub fn joins(self) -> bool {
        matches!(self, Column::Text | Column::Reason | Column::Note)
    }
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

pub fn column_of(header: &str) -> Option<Column> {
    let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
    HEADERS
        .iter()
        .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(&h)))
        .map(|(c, _)| *c)
}

/// A column of the table: where it is, its header as written.
#[derive(Debug, Clone)]
pub struct Place {
    pub column: u32,
    pub header: String,
}

impl Place {
    /// `意见内容 (D)`
    pub fn label(&self) -> String {
        format!("{} ({})", self.header, column_name(self.column))
    }
}

/// Each field's columns, in the table's order (two for a text read from two).
pub type Columns = HashMap<Column, Vec<Place>>;

/// The headers of the table, checked: each field's columns, those not read.
pub fn header_columns(
    path: &Path,
    row: &Row,
    notes: &mut Vec<String>,
) -> Result<(Columns, Vec<String>), Vec<Diagnostic>> {
    let mut columns: HashMap<Column, Vec<Place>> = HashMap::new();
    let mut unknown = Vec::new();
    let mut written = Vec::new();
    for (c, cell) in &row.cells {
        let Cell::Text(header) = cell else { continue };
        let header = header.trim().to_string();
        written.push(header.clone());
        match column_of(&header) {
            Some(field) => columns
                .entry(field)
                .or_default()
                .push(Place { column: *c, header }),
            None => unknown.push(header),
        }
    }
    let mut problems = Vec::new();
    let at = format!("row {}", row.number);
    // Two or more columns for one field.
    let mut fields: Vec<_> = columns.iter().filter(|(_, p)| p.len() > 1).collect();
    fields.sort_by_key(|(_, p)| p[0].column);
    for (field, places) in fields {
        let labels: Vec<String> = places.iter().map(Place::label).collect();
        if field.joins() {
            notes.push(format!(
                "the columns {} are {} read as {}: their texts are joined, in that order",
                labels.join(" and "),
                if labels.len() == 2 { "both" } else { "all" },
                field.name()
            ));
        } else {
            problems.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "{at}: the columns {} {} give the {} of a comment, and gongwen cannot tell which to read",
                        labels.join(" and "),
                        if labels.len() == 2 { "both" } else { "all" },
                        field.name()
                    ),
                )
                .help("keep one: rename the other (to 联系人, say) to leave it unread, or delete it"),
            );
        }
    }
    for needed in [Column::From, Column::Text, Column::Disposition, Column::On] {
        if !columns.contains_key(&needed) {
            problems.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    format!(
                        "{at}: the table has no {} column (its headers: {})",
                        needed.name(),
                        written.join("、")
                    ),
                )
                .help(
                    "name the columns 序号, 单位, 条款, 意见内容, 处理情况, 理由 in the header row",
                ),
            );
        }
    }
    if problems.is_empty() {
        Ok((columns, unknown))
    } else {
        Err(problems)
    }
}
