//! Tables and attachments as the YAML writer writes them.

use serde::Serialize;

use super::{PartOut, TextOut, body_out};
use crate::model::{Draft, Style, Table};

#[derive(Serialize)]
pub(super) struct TableOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    widths: &'a [u32],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    header: Vec<Vec<CellOut<'a>>>,
    rows: Vec<Vec<CellOut<'a>>>,
}

/// A cell: its text, or a mapping when it spans rows or columns.
#[derive(Serialize)]
#[serde(untagged)]
enum CellOut<'a> {
    Text(&'a str),
    Merged {
        text: &'a str,
        #[serde(skip_serializing_if = "is_one")]
        rows: u32,
        #[serde(skip_serializing_if = "is_one")]
        cols: u32,
    },
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

pub(super) fn table_out(table: &Table) -> TableOut<'_> {
    TableOut {
        caption: table.caption.as_deref(),
        widths: &table.widths,
        header: rows_out(&table.header),
        rows: rows_out(&table.rows),
    }
}

fn rows_out(rows: &[crate::model::Row]) -> Vec<Vec<CellOut<'_>>> {
    rows.iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| match (c.rows, c.cols) {
                    (1, 1) => CellOut::Text(&c.text),
                    (rows, cols) => CellOut::Merged {
                        text: &c.text,
                        rows,
                        cols,
                    },
                })
                .collect()
        })
        .collect()
}

/// An entry of `attachments:`: a name, or an attachment written out in full.
#[derive(Serialize)]
#[serde(untagged)]
pub(super) enum AttachmentOut<'a> {
    Name(&'a str),
    Full {
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        style: Option<&'static str>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        continuous: Vec<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        text: Option<TextOut<'a>>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        parts: Vec<PartOut<'a>>,
    },
}

/// `attachments:` when one of them is written out in full; empty when all
/// are names (then the plain list is written).
pub(super) fn attachments_out(draft: &Draft) -> Vec<AttachmentOut<'_>> {
    if draft.attachments.is_empty() {
        return Vec::new();
    }
    draft
        .meta
        .attachments
        .iter()
        .enumerate()
        .map(
            |(i, title)| match draft.attachments.iter().find(|a| a.index == i) {
                None => AttachmentOut::Name(title),
                Some(a) => {
                    let (text, parts) = body_out(&a.body, None);
                    AttachmentOut::Full {
                        title,
                        style: (a.numbering.style != Style::Outline)
                            .then(|| a.numbering.style.name()),
                        continuous: a.numbering.continuous.iter().map(|l| l.name()).collect(),
                        text,
                        parts,
                    }
                }
            },
        )
        .collect()
}
