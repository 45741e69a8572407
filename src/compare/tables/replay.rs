//! Replaying table diffs: the new draft's tables from the old draft's and
//! the diffs, the proof that the diffs say everything that changed.

use super::{TableDiff, TablePlace, parts, tables};
use crate::compare::inline;
use crate::numbering::Document;
use crate::text::to_plain;

/// A table's text without its layout (merged cells written out): what a
/// change set must reproduce.
#[derive(Debug, Clone, PartialEq)]
pub struct TableText {
    pub caption: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Every table of a document as text, in reading order, with its place.
pub fn texts(doc: &Document) -> Vec<(TablePlace, TableText)> {
    tables(&super::super::comparable(doc))
        .into_iter()
        .map(|t| {
            let (columns, grid) = parts(t.table);
            let caption = t.table.caption.as_deref().map(to_plain).unwrap_or_default();
            (
                t.place,
                TableText {
                    caption,
                    columns,
                    rows: grid.rows,
                },
            )
        })
        .collect()
}

/// The new draft's tables, in reading order, from the old draft's and the
/// table diffs: every old row and column is accounted for once, and each
/// cell's runs start from the old cell's text.
pub fn replay(
    old: &[(TablePlace, TableText)],
    diffs: &[TableDiff],
) -> Result<Vec<TableText>, String> {
    let mut seen = vec![false; old.len()];
    let mut out = Vec::new();
    for d in diffs {
        let before = match &d.old {
            Some(place) => {
                let i = old.iter().position(|(p, _)| p == place).ok_or(format!(
                    "no old table at {}-t{}",
                    place.container,
                    place.index + 1
                ))?;
                if std::mem::replace(&mut seen[i], true) {
                    return Err("an old table is compared twice".into());
                }
                Some(&old[i].1)
            }
            None => None,
        };
        let empty = TableText {
            caption: String::new(),
            columns: Vec::new(),
            rows: Vec::new(),
        };
        let before = before.unwrap_or(&empty);
        if inline::old_text(&d.caption) != before.caption {
            return Err("a caption's runs do not start from the old caption".into());
        }
        let mut columns_seen = vec![false; before.columns.len()];
        for c in &d.columns {
            if let Some(o) = c.old {
                let name = before.columns.get(o).ok_or("an old column out of range")?;
                if std::mem::replace(&mut columns_seen[o], true)
                    || inline::old_text(&c.name) != *name
                {
                    return Err(format!("old column {} does not add up", o + 1));
                }
            }
        }
        let mut rows_seen = vec![false; before.rows.len()];
        for r in &d.rows {
            if let Some(o) = r.old {
                let row = before.rows.get(o).ok_or("an old row out of range")?;
                if std::mem::replace(&mut rows_seen[o], true) {
                    return Err(format!("old row {} is compared twice", o + 1));
                }
                for (c, ops) in d.columns.iter().zip(&r.cells) {
                    if let Some(oc) = c.old
                        && inline::old_text(ops) != row[oc]
                    {
                        return Err(format!(
                            "a cell of old row {} does not start from its text",
                            o + 1
                        ));
                    }
                }
            }
        }
        if columns_seen.contains(&false) || rows_seen.contains(&false) {
            return Err("an old row or column is missing from the comparison".into());
        }
        if d.new.is_none() {
            continue;
        }
        let new_columns: Vec<usize> = (0..d.columns.len())
            .filter(|&j| d.columns[j].new.is_some())
            .collect();
        out.push(TableText {
            caption: inline::new_text(&d.caption),
            columns: new_columns
                .iter()
                .map(|&j| inline::new_text(&d.columns[j].name))
                .collect(),
            rows: d
                .rows
                .iter()
                .filter(|r| r.new.is_some())
                .map(|r| {
                    new_columns
                        .iter()
                        .map(|&j| inline::new_text(&r.cells[j]))
                        .collect()
                })
                .collect(),
        });
    }
    if seen.contains(&false) {
        return Err("an old table is missing from the comparison".into());
    }
    Ok(out)
}
