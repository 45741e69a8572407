//! The columns of a 意见反馈表: the header row read, each header as the
//! field of a comment it names (`model::comment_columns` has the headers)
//! — a field in two columns joined (two texts) or refused (two senders), a
//! field a comment needs missing.

use std::collections::HashMap;
use std::path::Path;

use super::table::{Cell, Row, column_name};
use crate::diagnostic::Diagnostic;
use crate::model::comment_columns::CommentField;

/// A column of the table: where it is, its header as written.
#[derive(Debug, Clone)]
pub struct Place {
    pub column: u32,
    pub header: String,
}

impl Place {
    /// `意见内容 (D)`, `意见内容（D列）` in Chinese.
    pub fn label(&self) -> String {
        crate::tr!(
            "import-feedback-column",
            header = &self.header,
            column = column_name(self.column)
        )
    }
}

/// Each field's columns, in the table's order (two for a text read from two).
pub type Columns = HashMap<CommentField, Vec<Place>>;

/// The headers of the table, checked: each field's columns, those not read.
pub fn header_columns(
    path: &Path,
    row: &Row,
    notes: &mut Vec<String>,
) -> Result<(Columns, Vec<String>), Vec<Diagnostic>> {
    let mut columns: Columns = HashMap::new();
    let mut unknown = Vec::new();
    let mut written = Vec::new();
    for (c, cell) in &row.cells {
        let Cell::Text(header) = cell else { continue };
        let header = header.trim().to_string();
        written.push(header.clone());
        match CommentField::of_header(&header) {
            Some(field) => columns
                .entry(field)
                .or_default()
                .push(Place { column: *c, header }),
            None => unknown.push(header),
        }
    }
    let mut problems = Vec::new();
    // Two or more columns for one field.
    let mut fields: Vec<_> = columns.iter().filter(|(_, p)| p.len() > 1).collect();
    fields.sort_by_key(|(_, p)| p[0].column);
    for (field, places) in fields {
        let labels: Vec<String> = places.iter().map(Place::label).collect();
        let columns = labels.join(crate::tr!("import-feedback-and").as_str());
        if field.joins() {
            notes.push(crate::tr!(
                "import-feedback-columns-joined",
                columns = columns,
                count = labels.len(),
                field = field.name()
            ));
        } else {
            problems.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    crate::tr!(
                        "import-feedback-columns-clash",
                        row = row.number,
                        columns = columns,
                        count = labels.len(),
                        field = field.name()
                    ),
                )
                .help(crate::tr!("import-feedback-columns-clash-help")),
            );
        }
    }
    for needed in [
        CommentField::From,
        CommentField::Text,
        CommentField::Disposition,
        CommentField::On,
    ] {
        if !columns.contains_key(&needed) {
            problems.push(
                Diagnostic::error(
                    path,
                    0,
                    0,
                    crate::tr!(
                        "import-feedback-column-missing",
                        row = row.number,
                        field = needed.name(),
                        headers = written.join("、")
                    ),
                )
                .help(crate::tr!("import-feedback-column-missing-help")),
            );
        }
    }
    if problems.is_empty() {
        Ok((columns, unknown))
    } else {
        Err(problems)
    }
}
