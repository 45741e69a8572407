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
    /// The mapping of a `table:` entry.
    pub(super) fn table(&mut self, file: &SourceFile, node: &Node) -> Option<Table> {
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "table",
                &crate::tr!("load-expected-table"),
                &crate::tr!("load-expected-table-help", rows = self.shown("table.rows")),
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
                crate::tr!("load-table-no-rows", rows = self.shown("table.rows")),
                &crate::tr!("load-table-no-rows-help", rows = self.shown("table.rows")),
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
                crate::tr!("load-table-header-row", row = r + 1)
            } else {
                crate::tr!("load-table-row", row = r - table.header.len() + 1)
            }
        };
        let rows = self.shown("cell.rows");
        let cols = self.shown("cell.cols");
        let cell_pos = |r: usize, c: usize| written[r].cells[c];
        match error.clone() {
            ShapeError::Empty => self.error(
                file,
                keys.get("rows").map_or(node.pos, |n| n.pos),
                crate::tr!("load-table-empty"),
                &crate::tr!("load-table-empty-help", rows = self.shown("table.rows")),
            ),
            ShapeError::Width {
                row,
                width,
                expected,
            } => self.error(
                file,
                written[row].pos,
                crate::tr!(
                    "load-table-row-width",
                    row = name(row),
                    width = width,
                    expected = expected
                ),
                &crate::tr!("load-table-row-width-help", rows = &rows, cols = &cols),
            ),
            ShapeError::SpanOut { row, cell } => {
                let (message, help) = if row < table.header.len() {
                    (
                        crate::tr!("load-table-span-into-body", row = name(row)),
                        crate::tr!("load-table-span-into-body-help", rows = &rows),
                    )
                } else {
                    (
                        crate::tr!("load-table-span-past-end", row = name(row)),
                        crate::tr!("load-table-span-past-end-help", rows = &rows),
                    )
                };
                self.error(file, cell_pos(row, cell), message, &help)
            }
            ShapeError::Overlap { row, cell } => self.error(
                file,
                cell_pos(row, cell),
                crate::tr!("load-table-span-overlap", row = name(row)),
                &crate::tr!("load-table-span-overlap-help", rows = &rows, cols = &cols),
            ),
            ShapeError::ZeroSpan { row, cell } => self.error(
                file,
                cell_pos(row, cell),
                crate::tr!("load-table-zero-span"),
                &crate::tr!("load-table-zero-span-help", rows = &rows, cols = &cols),
            ),
            ShapeError::Widths { given, columns } => self.error(
                file,
                keys.get("widths").map_or(node.pos, |n| n.pos),
                crate::tr!(
                    "load-table-widths-count",
                    key = self.shown("table.widths"),
                    given = given,
                    columns = columns
                ),
                &crate::tr!("load-table-widths-help"),
            ),
            ShapeError::TooWide { row, cell, columns } => self.error(
                file,
                cell_pos(row, cell),
                crate::tr!(
                    "load-table-too-wide",
                    row = name(row),
                    columns = columns,
                    bound = error.bound().unwrap_or_default()
                ),
                &crate::tr!("load-table-too-wide-help", cols = &cols),
            ),
            ShapeError::TooLarge { places } => self.error(
                file,
                keys.get("rows").map_or(node.pos, |n| n.pos),
                crate::tr!(
                    "load-table-too-large",
                    places = places,
                    bound = error.bound().unwrap_or_default()
                ),
                &crate::tr!("load-table-too-large-help", rows = &rows, cols = &cols),
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
                &crate::tr!("load-expected-numbers"),
                &crate::tr!("load-table-widths-help"),
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
                let message = crate::tr!(
                    "load-count-range",
                    key = self.shown(key),
                    value = n.to_string()
                );
                let help = if key.starts_with("cell.") {
                    crate::tr!("load-count-span-help")
                } else {
                    crate::tr!("load-count-width-help")
                };
                self.error(file, node.pos, message, &help);
                None
            }
            _ => {
                self.type_error(
                    file,
                    node,
                    key,
                    &crate::tr!("load-expected-count"),
                    &crate::tr!("load-expected-count-help"),
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
                &crate::tr!("load-expected-rows"),
                &crate::tr!("load-expected-rows-help"),
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
                    &crate::tr!("load-expected-row-cells"),
                    &crate::tr!("load-expected-row-cells-help"),
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
                            &crate::tr!("load-value-text"),
                            &crate::tr!("load-cell-text-help"),
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
                    &crate::tr!("load-value-text"),
                    &crate::tr!("load-cell-help"),
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
                    &crate::tr!("load-expected-attachments"),
                    &crate::tr!("load-expected-attachments-help"),
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
                    Some(target) => match self.include_name(file, target) {
                        Some(name) => match includer.include(file, name, item.pos) {
                            Ok((included, root)) => self.attachment(&included, &root, index),
                            Err(diags) => {
                                self.diagnostics.extend(diags);
                                None
                            }
                        },
                        None => None,
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
                &crate::tr!("load-expected-attachment"),
                &crate::tr!(
                    "load-expected-attachment-help",
                    title = self.shown("attachment.title"),
                    text = self.shown("attachment.text")
                ),
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
                    crate::tr!("load-attachment-no-title"),
                    &crate::tr!(
                        "load-attachment-no-title-help",
                        title = self.shown("attachment.title")
                    ),
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
                crate::tr!("load-attachment-no-text"),
                &crate::tr!(
                    "load-attachment-no-text-help",
                    text = self.shown("attachment.text"),
                    parts = self.shown("attachment.parts")
                ),
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
