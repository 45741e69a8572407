//! Tables (a `table:` entry of a `text` list) and attachments written out in
//! full (mapping entries of `attachments:`).

use super::parts::Parent;
use super::{Checker, Includer, KeyPlace, SourceFile, TextKey};
use crate::fields::MetaField;
use crate::load::node::{Node, Pos, Value};
use crate::model::{Attachment, Cell, Numbering, Row, ShapeError, Table};

/// A plain scalar as the file writes it, from where it starts to the end
/// of its flow entry or line.
fn written(file: &SourceFile, pos: Pos) -> Option<String> {
    let start = file.lines().offset(&file.text, pos.line, pos.column)?;
    let rest = &file.text[start..];
    let end = rest.find([',', ']', '}', '\n', '\r']).unwrap_or(rest.len());
    let token = &rest[..end];
    let token = token.split(" #").next().unwrap_or(token).trim();
    (!token.is_empty()).then(|| token.to_string())
}

/// A row as written: its cells and where each is.
struct WrittenRow {
    row: Row,
    pos: Pos,
    cells: Vec<Pos>,
}

impl Checker {
    /// A message with its `{place.key}`s named as the file names them:
    /// `{cell.rows}` is `rows:`, or `跨行:` in a file of Chinese keys.
    fn say(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let token = &rest[open + 1..open + close];
            out.push_str(&rest[..open]);
            if token.contains('.') && !token.contains(' ') {
                out.push('`');
                out.push_str(&self.shown(token));
                out.push_str(":`");
            } else {
                out.push_str(&rest[open..=open + close]);
            }
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    }

    /// The mapping of a `table:` entry.
    pub(super) fn table(&mut self, file: &SourceFile, node: &Node) -> Option<Table> {
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "table",
                "a mapping with its header and rows",
                &self.say("write the table's rows under {table.rows}, each a list of cells such as `- [1, 任务, 牵头单位]`"),
            );
            return None;
        };
        let keys = self.keys(file, entries, KeyPlace::Table);
        let before = self.diagnostics.len();
        let mut table = Table {
            origin: file.origin(node.pos),
            ..Table::default()
        };
        if let Some(n) = keys.get("caption") {
            table.caption = self.text(file, n, TextKey::Caption);
        }
        if let Some(n) = keys.get("widths") {
            table.widths = self.widths(file, n);
        }
        let mut written = Vec::new();
        if let Some(n) = keys.get("header") {
            written.extend(self.rows(file, n, "header", true));
            table.header = written.iter().map(|w| w.row.clone()).collect();
        }
        let Some(rows) = keys.get("rows") else {
            self.error(
                file,
                node.pos,
                format!("the table has no `{}`", self.shown("table.rows")),
                &self
                    .say("add {table.rows} with one line per row, such as `- [1, 任务, 牵头单位]`"),
            );
            return None;
        };
        let body = self.rows(file, rows, "rows", false);
        table.rows = body.iter().map(|w| w.row.clone()).collect();
        written.extend(body);
        if self.diagnostics.len() > before {
            return None;
        }
        match table.layout() {
            Ok(_) => Some(table),
            Err(e) => {
                self.shape_error(file, node, &keys, &table, &written, e);
                None
            }
        }
    }

    fn shape_error(
        &mut self,
        file: &SourceFile,
        node: &Node,
        keys: &std::collections::HashMap<&str, &Node>,
        table: &Table,
        written: &[WrittenRow],
        error: ShapeError,
    ) {
        let name = |r: usize| {
            if r < table.header.len() {
                format!("header row {}", r + 1)
            } else {
                format!("row {}", r - table.header.len() + 1)
            }
        };
        let cell_pos = |r: usize, c: usize| written[r].cells[c];
        match error.clone() {
            ShapeError::Empty => self.error(
                file,
                keys.get("rows").map_or(node.pos, |n| n.pos),
                "the table has no cells",
                &self.say("write each row as a list of cells under {table.rows}, or remove the table"),
            ),
            ShapeError::Width {
                row,
                width,
                expected,
            } => self.error(
                file,
                written[row].pos,
                format!(
                    "{} of the table is {width} column{} wide, but the first row is {expected}",
                    name(row),
                    if width == 1 { "" } else { "s" }
                ),
                &self.say("give every row the same number of columns: add the missing cells (a blank cell is \"\"), remove extra ones, or check the {cell.rows} and {cell.cols} of a merged cell above or beside it"),
            ),
            ShapeError::SpanOut { row, cell } => {
                let (message, help) = if row < table.header.len() {
                    (
                        format!("this cell of {} spans into the table's body", name(row)),
                        self.say("a header cell may span header rows only: lower its {cell.rows}"),
                    )
                } else {
                    (
                        format!("this cell of {} spans past the table's last row", name(row)),
                        self.say("lower its {cell.rows} to the rows that are left, or add the rows it spans"),
                    )
                };
                self.error(file, cell_pos(row, cell), message, &help)
            }
            ShapeError::Overlap { row, cell } => self.error(
                file,
                cell_pos(row, cell),
                format!(
                    "this cell of {} spans columns into a cell that spans rows from above",
                    name(row)
                ),
                &self.say("lower its {cell.cols}, or the {cell.rows} of the cell above"),
            ),
            ShapeError::ZeroSpan { row, cell } => self.error(
                file,
                cell_pos(row, cell),
                "a cell spans at least one row and one column",
                &self.say("write {cell.rows} and {cell.cols} as 1 or more, or leave them out"),
            ),
            ShapeError::Widths { given, columns } => self.error(
                file,
                keys.get("widths").map_or(node.pos, |n| n.pos),
                format!(
                    "`{}` gives {given} columns, but the table has {columns}",
                    self.shown("table.widths")
                ),
                "give one relative width per column, such as [1, 6, 2]",
            ),
            ShapeError::TooWide { row, cell, columns } => self.error(
                file,
                cell_pos(row, cell),
                format!(
                    "this cell of {} makes the row {columns} columns wide; {}",
                    name(row),
                    error.bound().unwrap_or_default()
                ),
                &self.say("lower its {cell.cols}, or split the table in two"),
            ),
            ShapeError::TooLarge { places } => self.error(
                file,
                keys.get("rows").map_or(node.pos, |n| n.pos),
                format!(
                    "the table has {places} places; {}",
                    error.bound().unwrap_or_default()
                ),
                &self.say("split the table into tables of fewer rows, or lower the {cell.rows} and {cell.cols} of its merged cells"),
            ),
        }
    }

    /// `widths:`: positive whole numbers.
    fn widths(&mut self, file: &SourceFile, node: &Node) -> Vec<u32> {
        let Value::Seq(items) = &node.value else {
            self.type_error(
                file,
                node,
                "table.widths",
                "a list of numbers",
                "write one relative width per column, such as [1, 6, 2]",
            );
            return Vec::new();
        };
        let mut widths = Vec::new();
        for item in items {
            match self.count(file, item, "table.widths") {
                Some(w) => widths.push(w),
                None => return Vec::new(),
            }
        }
        widths
    }

    /// A whole number of at least 1.
    fn count(&mut self, file: &SourceFile, node: &Node, key: &str) -> Option<u32> {
        match &node.value {
            Value::Int(n) if (1..=10_000).contains(n) => Some(*n as u32),
            Value::Int(n) => {
                let message = format!(
                    "`{}` must be a whole number from 1 to 10000, not {n}",
                    self.shown(key)
                );
                let help = if key.starts_with("cell.") {
                    "a cell spans at least one row and one column; leave the key out for one"
                } else {
                    "a column's relative width is a whole number such as 2"
                };
                self.error(file, node.pos, message, help);
                None
            }
            _ => {
                self.type_error(
                    file,
                    node,
                    key,
                    "a whole number from 1",
                    "write a number such as 2, without quotes",
                );
                None
            }
        }
    }

    /// `header:` (one row, or a list of rows) or `rows:` (a list of rows).
    fn rows(&mut self, file: &SourceFile, node: &Node, key: &str, header: bool) -> Vec<WrittenRow> {
        let Value::Seq(items) = &node.value else {
            self.type_error(
                file,
                node,
                key,
                "a list of rows",
                "write each row on its own line as a list of cells, such as `- [1, 任务, 牵头单位]`",
            );
            return Vec::new();
        };
        let one_row = header && !items.iter().any(|i| matches!(i.value, Value::Seq(_)));
        if one_row {
            return vec![self.row(file, node)];
        }
        let mut rows = Vec::new();
        for item in items {
            if let Value::Seq(_) = item.value {
                rows.push(self.row(file, item));
            } else {
                self.type_error(
                    file,
                    item,
                    key,
                    "a list of rows, each a list of cells",
                    "write the row's cells in brackets, such as `- [1, 任务, 牵头单位]`",
                );
            }
        }
        rows
    }

    fn row(&mut self, file: &SourceFile, node: &Node) -> WrittenRow {
        let items: &[Node] = match &node.value {
            Value::Seq(items) => items,
            _ => &[],
        };
        let mut row = WrittenRow {
            row: Row::default(),
            pos: node.pos,
            cells: Vec::new(),
        };
        for item in items {
            if let Some(cell) = self.cell(file, item) {
                row.row.cells.push(cell);
                row.cells.push(item.pos);
            }
        }
        row
    }

    /// A cell: text, a whole number, nothing (a blank cell), or a mapping
    /// with `text:` and the `rows:` and `cols:` it spans.
    fn cell(&mut self, file: &SourceFile, node: &Node) -> Option<Cell> {
        match &node.value {
            Value::Null => Some(Cell::new("")),
            Value::Str(s) if s.trim().is_empty() => Some(Cell::new("")),
            Value::Str(_) => self.text(file, node, TextKey::Cell).map(Cell::new),
            // A number, or true/false, is the cell's text as written: 120.50
            // stays 120.50 and 007 stays 007, though YAML reads them otherwise.
            Value::Int(_) | Value::Float(_) | Value::Bool(_) => {
                Some(Cell::new(written(file, node.pos)?))
            }
            Value::Map(entries) => {
                let keys = self.keys(file, entries, KeyPlace::Cell);
                let mut cell = match keys.get("text") {
                    Some(n) if matches!(n.value, Value::Map(_) | Value::Seq(_)) => {
                        self.type_error(
                            file,
                            n,
                            "cell.text",
                            "text",
                            "write the cell's text after the colon",
                        );
                        return None;
                    }
                    Some(n) => self.cell(file, n)?,
                    None => Cell::new(""),
                };
                if let Some(n) = keys.get("rows") {
                    cell.rows = self.count(file, n, "cell.rows")?;
                }
                if let Some(n) = keys.get("cols") {
                    cell.cols = self.count(file, n, "cell.cols")?;
                }
                Some(cell)
            }
            _ => {
                self.type_error(
                    file,
                    node,
                    "cell",
                    "text",
                    "put the cell's text in quotes, or write a merged cell as a mapping such as `{text: 区教育局, rows: 2}` (`{内容: 区教育局, 跨行: 2}`)",
                );
                None
            }
        }
    }

    /// `attachments:`: names, and attachments written out in full (or
    /// included from a file of their own).
    pub(super) fn attachments(
        &mut self,
        file: &SourceFile,
        node: &Node,
        includer: &mut dyn Includer,
    ) -> (Vec<String>, Vec<Attachment>) {
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            Value::Str(_) => vec![node],
            _ => {
                self.type_error(
                    file,
                    node,
                    "attachments",
                    "a list of attachment names or attachments",
                    "write one attachment per line, each starting with `- `",
                );
                return (Vec::new(), Vec::new());
            }
        };
        let mut names = Vec::new();
        let mut documents = Vec::new();
        for item in items {
            if let Value::Map(_) = item.value {
                let index = names.len();
                let read = match super::parts::include_target(item) {
                    Some(target) => match &target.value {
                        Value::Str(name) => match includer.include(file, name, item.pos) {
                            Ok((included, root)) => self.attachment(&included, &root, index),
                            Err(diags) => {
                                self.diagnostics.extend(diags);
                                None
                            }
                        },
                        _ => {
                            self.type_error(file, target, "include", "a file name", "");
                            None
                        }
                    },
                    None => self.attachment(file, item, index),
                };
                if let Some((title, attachment)) = read {
                    names.push(title);
                    documents.push(attachment);
                }
            } else if let Some(name) = self.text(file, item, TextKey::Field(MetaField::Attachments))
            {
                names.push(name);
            }
        }
        (names, documents)
    }

    /// An attachment written out in full: its title and body.
    fn attachment(
        &mut self,
        file: &SourceFile,
        node: &Node,
        index: usize,
    ) -> Option<(String, Attachment)> {
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "attachments",
                "an attachment with its title and text",
                &self.say("write {attachment.title} and {attachment.text}, or the attachment's name alone"),
            );
            return None;
        };
        let keys = self.keys(file, entries, KeyPlace::Attachment);
        let title = match keys.get("title") {
            Some(n) => self.text(file, n, TextKey::AttachmentTitle),
            None => {
                self.error(
                    file,
                    node.pos,
                    "the attachment has no title",
                    &self.say("add {attachment.title} with the attachment's title, as the 附件 note lists it"),
                );
                None
            }
        };
        let mut numbering = Numbering::default();
        if let Some(n) = keys.get("style") {
            numbering.style = self.style(file, n).unwrap_or_default();
        }
        if let Some(n) = keys.get("continuous") {
            numbering.continuous = self.levels(file, n, numbering.style);
        }
        let body = self.body(file, &keys, &numbering, Parent::Top);
        let mistyped = self.suggested.contains(&"text") || self.suggested.contains(&"parts");
        if body.is_empty() && !keys.contains_key("text") && !keys.contains_key("parts") && !mistyped
        {
            self.error(
                file,
                node.pos,
                "the attachment has no text",
                &self.say("add its paragraphs and tables under {attachment.text} or its parts under {attachment.parts}; an attachment only named is its title alone on the line (`- 项目清单`), without a mapping"),
            );
        }
        Some((
            title?,
            Attachment {
                index,
                numbering,
                body,
                origin: file.origin(node.pos),
            },
        ))
    }
}
