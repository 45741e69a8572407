//! Tables compared: each table of the new draft paired with the table in the
//! same place of the old one (the k-th table of a matched part, or of the
//! attachment with the same title), then its columns and rows matched
//! ([`rows`]) and each cell diffed inline. A row's edit is the row's change,
//! never a change to the paragraphs around the table.

mod replay;
pub mod rows;

pub use replay::{TableText, replay, texts};

use serde::Serialize;

use super::align::{Matching, Node};
use super::inline::{self, InlineOp};
use super::{Change, ChangeKind, PartRef, Place};
use crate::model::{Role, Table};
use crate::numbering::{Content, Document};
use crate::text::to_plain;
use rows::{Grid, RowMatch};

/// Where a table stands in a draft.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TablePlace {
    /// The anchor of the part or attachment (`fj1`) holding it.
    pub container: String,
    /// Its place among the tables there, from 0.
    pub index: usize,
}

/// One table compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TableDiff {
    pub old: Option<TablePlace>,
    pub new: Option<TablePlace>,
    /// What the table is called: 附件2《…分工表》, or the part holding it.
    pub name: String,
    /// The caption's inline runs, old to new (empty when neither has one).
    pub caption: Vec<InlineOp>,
    /// Columns, new order, removed ones where they stood: each with the
    /// runs of its header.
    pub columns: Vec<ColumnDiff>,
    /// Body rows, new order, deleted ones where they stood.
    pub rows: Vec<RowDiff>,
    /// Whether the first column numbers the rows (序号) in both: its
    /// numbers follow the rows and their change is no change.
    pub numbered: bool,
}

/// A column of the old table, the new one, or both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ColumnDiff {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// Its header (all header rows, joined by ／), old to new.
    pub name: Vec<InlineOp>,
}

/// A body row of the old table, the new one, or both.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowDiff {
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub moved: bool,
    /// Whether a cell of a column both tables have changed (序号 aside).
    pub modified: bool,
    /// One per column of [`TableDiff::columns`]: the cell's runs.
    pub cells: Vec<Vec<InlineOp>>,
}

/// A table with its place and name.
struct Located<'a> {
    place: TablePlace,
    table: &'a Table,
    name: String,
}

/// Every table of a document, in reading order (attachments compared as
/// parts: see [`super::comparable`]).
fn tables(doc: &Document) -> Vec<Located<'_>> {
    let mut out = Vec::new();
    for s in doc.walk() {
        let name = match s.label.starts_with("附件") {
            true => format!(
                "{}《{}》",
                s.label,
                to_plain(s.heading.as_deref().unwrap_or(""))
            ),
            false => format!("{}的表格", s.display_name()),
        };
        let tables = s.body.iter().filter_map(|c| match c {
            Content::Table(t) => Some(t),
            _ => None,
        });
        for (index, table) in tables.enumerate() {
            out.push(Located {
                place: TablePlace {
                    container: s.anchor.clone(),
                    index,
                },
                table,
                name: name.clone(),
            });
        }
    }
    out
}

/// Whether a document holds a table anywhere.
fn has_tables(doc: &Document) -> bool {
    fn any(body: &[Content]) -> bool {
        body.iter().any(|c| match c {
            Content::Table(_) => true,
            Content::Section(s) => any(&s.body),
            Content::Para(_) => false,
        })
    }
    doc.sections.iter().any(|s| any(&s.body))
}

/// The tables of two drafts as compared ([`super::comparable`]): every
/// table of either, paired within the parts the matching `m` of their
/// flattened parts paired (attachments among them).
pub fn diff(
    old: &Document,
    new: &Document,
    old_nodes: &[Node],
    new_nodes: &[Node],
    m: &Matching,
) -> Vec<TableDiff> {
    if !has_tables(old) && !has_tables(new) {
        return Vec::new();
    }
    // Which old container each new one is.
    let partner: std::collections::HashMap<&str, &str> = new_nodes
        .iter()
        .enumerate()
        .filter_map(|(n, node)| {
            let o = m.new_to_old[n]?;
            Some((
                node.section.anchor.as_str(),
                old_nodes[o].section.anchor.as_str(),
            ))
        })
        .collect();
    let old_tables = tables(old);
    let new_tables = tables(new);
    let mut used = vec![false; old_tables.len()];
    // Within a pair of containers, a table takes the first free old table
    // after the last one taken with the same header (so a table inserted
    // before another is new, not that one rewritten); the rest in order.
    let header = |t: &Located| parts(t.table).0.join("\u{1f}");
    let same_place = |o: &Located, n: &Located| {
        partner.get(n.place.container.as_str()) == Some(&o.place.container.as_str())
    };
    let mut partner_of: Vec<Option<usize>> = vec![None; new_tables.len()];
    let mut after: std::collections::HashMap<&str, usize> = Default::default();
    for (n, t) in new_tables.iter().enumerate() {
        let from = after.get(t.place.container.as_str()).copied().unwrap_or(0);
        let found = (from..old_tables.len()).find(|&o| {
            !used[o] && same_place(&old_tables[o], t) && header(&old_tables[o]) == header(t)
        });
        if let Some(o) = found {
            used[o] = true;
            partner_of[n] = Some(o);
            after.insert(t.place.container.as_str(), o + 1);
        }
    }
    for (n, t) in new_tables.iter().enumerate() {
        if partner_of[n].is_none() {
            let found = (0..old_tables.len()).find(|&o| !used[o] && same_place(&old_tables[o], t));
            if let Some(o) = found {
                used[o] = true;
                partner_of[n] = Some(o);
            }
        }
    }
    let mut out = Vec::new();
    for (t, found) in new_tables.iter().zip(partner_of) {
        match found {
            Some(o) => {
                used[o] = true;
                out.push(pair(Some(&old_tables[o]), Some(t)));
            }
            None => out.push(pair(None, Some(t))),
        }
    }
    for (o, t) in old_tables.iter().enumerate() {
        if !used[o] {
            out.push(pair(Some(t), None));
        }
    }
    out
}

/// The column names and body grid of a table.
fn parts(table: &Table) -> (Vec<String>, Grid) {
    let grid: Vec<Vec<String>> = table
        .grid()
        .unwrap_or_default()
        .into_iter()
        .map(|r| r.into_iter().map(to_plain).collect())
        .collect();
    let (header, body) = grid.split_at(table.header.len().min(grid.len()));
    let columns = body.first().or(header.first()).map_or(0, Vec::len);
    let names = (0..columns)
        .map(|c| {
            let mut name: Vec<&str> = Vec::new();
            for row in header {
                let text = row.get(c).map_or("", String::as_str);
                if name.last() != Some(&text) {
                    name.push(text);
                }
            }
            name.join("／")
        })
        .collect();
    (
        names,
        Grid {
            rows: body.to_vec(),
        },
    )
}

fn pair(old: Option<&Located>, new: Option<&Located>) -> TableDiff {
    let empty = || (Vec::new(), Grid { rows: Vec::new() });
    let (old_names, old_grid) = old.map_or_else(empty, |t| parts(t.table));
    let (new_names, new_grid) = new.map_or_else(empty, |t| parts(t.table));
    let columns = rows::columns(&old_names, &new_names, &old_grid, &new_grid);
    let numbered = old.is_some()
        && new.is_some()
        && old_grid.numbered()
        && new_grid.numbered()
        && columns.first() == Some(&(Some(0), Some(0)));
    let serial = numbered.then_some((0, 0));
    let matches = rows::rows(&old_grid, &new_grid, &columns, serial);
    let cell = |grid: &Grid, r: Option<usize>, c: Option<usize>| -> Option<String> {
        Some(grid.rows.get(r?)?.get(c?)?.clone())
    };
    let rows = matches
        .iter()
        .map(
            |&RowMatch {
                 old: o,
                 new: n,
                 moved,
             }| {
                let cells: Vec<Vec<InlineOp>> = columns
                    .iter()
                    .map(|&(oc, nc)| runs(cell(&old_grid, o, oc), cell(&new_grid, n, nc)))
                    .collect();
                let modified = o.is_some()
                    && n.is_some()
                    && columns
                        .iter()
                        .zip(&cells)
                        .enumerate()
                        .any(|(i, (&(oc, nc), ops))| {
                            oc.is_some()
                                && nc.is_some()
                                && !(i == 0 && serial.is_some())
                                && ops.iter().any(|op| !matches!(op, InlineOp::Equal { .. }))
                        });
                RowDiff {
                    old: o,
                    new: n,
                    moved,
                    modified,
                    cells,
                }
            },
        )
        .collect();
    let name_of = |names: &[String], c: Option<usize>| c.and_then(|c| names.get(c)).cloned();
    let columns = columns
        .iter()
        .map(|&(o, n)| ColumnDiff {
            old: o,
            new: n,
            name: runs(name_of(&old_names, o), name_of(&new_names, n)),
        })
        .collect();
    let caption = |t: Option<&Located>| t.and_then(|t| t.table.caption.as_deref()).map(to_plain);
    let (old_caption, new_caption) = (caption(old), caption(new));
    TableDiff {
        old: old.map(|t| t.place.clone()),
        new: new.map(|t| t.place.clone()),
        name: new.or(old).map(|t| t.name.clone()).unwrap_or_default(),
        caption: match (old_caption, new_caption) {
            (None, None) => Vec::new(),
            (a, b) => inline::diff(a.as_deref().unwrap_or(""), b.as_deref().unwrap_or("")),
        },
        columns,
        rows,
        numbered,
    }
}

/// The runs from a text to another, either of which may not be there: a
/// text only on one side is deleted or inserted whole (an empty one is no run).
fn runs(before: Option<String>, after: Option<String>) -> Vec<InlineOp> {
    let class = inline::EditClass::Text;
    match (before, after) {
        (Some(a), Some(b)) => inline::diff(&a, &b),
        (Some(text), None) if !text.is_empty() => vec![InlineOp::Delete { text, class }],
        (None, Some(text)) if !text.is_empty() => vec![InlineOp::Insert { text, class }],
        _ => Vec::new(),
    }
}

impl TableDiff {
    /// Whether nothing in the table changed.
    pub fn is_same(&self) -> bool {
        self.old.is_some()
            && self.new.is_some()
            && same(&self.caption)
            && self
                .columns
                .iter()
                .all(|c| c.old.is_some() && c.new.is_some() && same(&c.name))
            && self
                .rows
                .iter()
                .all(|r| r.old.is_some() && r.new.is_some() && !r.moved && !r.modified)
    }

    /// The changes a reader lists: the table inserted or deleted whole, or
    /// its caption, each changed column and each changed row.
    pub fn changes(&self) -> Vec<Change> {
        let reference = |part: TablePart, text: String, side: Option<&TablePlace>| PartRef {
            label: part.label(),
            anchor: side.map_or(String::new(), |p| match part {
                TablePart::Row(i) => row_anchor(p, i),
                _ => format!("{}-t{}", p.container, p.index + 1),
            }),
            path: vec![self.name.clone()],
            table: Some(part),
            ..PartRef::text(part.role(), text, part.index())
        };
        let whole = |rows: &[RowDiff], old: bool| -> String {
            rows.iter()
                .map(|r| row_text(&r.cells, old))
                .collect::<Vec<_>>()
                .join("\n")
        };
        match (&self.old, &self.new) {
            (None, Some(p)) => {
                let r = reference(TablePart::Whole, whole(&self.rows, false), Some(p));
                return vec![Change::new(
                    ChangeKind::Inserted,
                    Place::Table,
                    None,
                    Some(r),
                )];
            }
            (Some(p), None) => {
                let r = reference(TablePart::Whole, whole(&self.rows, true), Some(p));
                return vec![Change::new(
                    ChangeKind::Deleted,
                    Place::Table,
                    Some(r),
                    None,
                )];
            }
            _ => {}
        }
        let mut out = Vec::new();
        if !same(&self.caption) {
            let ops = &self.caption;
            let caption = TablePart::Caption;
            let old = reference(caption, inline::old_text(ops), self.old.as_ref());
            let new = reference(caption, inline::new_text(ops), self.new.as_ref());
            out.push(
                Change::new(ChangeKind::Modified, Place::Table, Some(old), Some(new))
                    .with_inline(ops.clone()),
            );
        }
        for c in self
            .columns
            .iter()
            .filter(|c| c.old.is_none() || c.new.is_none() || !same(&c.name))
        {
            // 第4列, headed by its name.
            let column = |i: usize, text: String, side: Option<&TablePlace>| PartRef {
                heading: Some(format!("“{text}”列")),
                ..reference(TablePart::Column(i), text, side)
            };
            let old = c
                .old
                .map(|i| column(i, inline::old_text(&c.name), self.old.as_ref()));
            let new = c
                .new
                .map(|i| column(i, inline::new_text(&c.name), self.new.as_ref()));
            let change = match (old.is_some(), new.is_some()) {
                (true, true) => Change::new(ChangeKind::Modified, Place::Table, old, new)
                    .with_inline(c.name.clone()),
                (false, _) => Change::new(ChangeKind::Inserted, Place::Table, None, new),
                (true, false) => Change::new(ChangeKind::Deleted, Place::Table, old, None),
            };
            out.push(change);
        }
        for r in &self.rows {
            // The 序号 is in the label already.
            let skip = usize::from(self.numbered).min(r.cells.len());
            let cells = &r.cells[skip..];
            let row = |i: usize, old: bool, side: Option<&TablePlace>| PartRef {
                // Each cell's column, as the row's text holds the cells.
                columns: cells
                    .iter()
                    .zip(&self.columns[skip.min(self.columns.len())..])
                    .filter(|(ops, _)| !ops.is_empty())
                    .map(|(_, column)| {
                        if old {
                            inline::old_text(&column.name)
                        } else {
                            inline::new_text(&column.name)
                        }
                    })
                    .collect(),
                ..reference(TablePart::Row(i), row_text(cells, old), side)
            };
            let old = r.old.map(|i| row(i, true, self.old.as_ref()));
            let new = r.new.map(|i| row(i, false, self.new.as_ref()));
            let change = match (old, new) {
                (Some(o), Some(n)) if r.moved || r.modified => {
                    let kind = if r.moved {
                        ChangeKind::Moved
                    } else {
                        ChangeKind::Modified
                    };
                    let mut c = Change::new(kind, Place::Table, Some(o), Some(n));
                    c.moved = r.moved;
                    if r.modified {
                        c = c.with_inline(row_ops(cells));
                    }
                    c
                }
                (None, Some(n)) => Change::new(ChangeKind::Inserted, Place::Table, None, Some(n)),
                (Some(o), None) => Change::new(ChangeKind::Deleted, Place::Table, Some(o), None),
                _ => continue,
            };
            out.push(change);
        }
        out
    }
}

/// Which part of a table a change is to: what the views tell a change by,
/// and what its label (表格, 表题, 第4列, 第8行) is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TablePart {
    /// The whole table, inserted or deleted.
    Whole,
    /// Its caption (表题).
    Caption,
    /// A column, from 0.
    Column(usize),
    /// A body row, from 0.
    Row(usize),
}

impl TablePart {
    /// The label a change prints: 表格, 表题, 第4列, 第8行.
    pub fn label(self) -> String {
        self.label_with(|n| n.to_string())
    }

    /// The label with a column's or a row's number written by `number`
    /// (from 1): 第十六行 with Chinese numerals.
    pub fn label_with(self, number: impl Fn(u64) -> String) -> String {
        let nth = |i: usize, unit: char| format!("第{}{unit}", number(i as u64 + 1));
        match self {
            TablePart::Whole => "表格".to_string(),
            TablePart::Caption => "表题".to_string(),
            TablePart::Column(i) => nth(i, '列'),
            TablePart::Row(i) => nth(i, '行'),
        }
    }

    /// The level a change's part is given: a column, a row, or a text.
    fn role(self) -> Role {
        match self {
            TablePart::Whole | TablePart::Caption => Role::Text,
            TablePart::Column(_) => Role::Column,
            TablePart::Row(_) => Role::Row,
        }
    }

    /// Its place among its kind, from 0.
    fn index(self) -> usize {
        match self {
            TablePart::Whole | TablePart::Caption => 0,
            TablePart::Column(i) | TablePart::Row(i) => i,
        }
    }
}

/// The anchor of a body row of a table (`fj1-t1-r8`), as changes and the
/// marked-up table name it.
pub fn row_anchor(place: &TablePlace, row: usize) -> String {
    format!("{}-t{}-r{}", place.container, place.index + 1, row + 1)
}

fn same(ops: &[InlineOp]) -> bool {
    ops.iter().all(|op| matches!(op, InlineOp::Equal { .. }))
}

/// A row's text on one side: its cells set apart by ｜.
fn row_text(cells: &[Vec<InlineOp>], old: bool) -> String {
    cells
        .iter()
        .filter(|ops| !ops.is_empty())
        .map(|ops| {
            if old {
                inline::old_text(ops)
            } else {
                inline::new_text(ops)
            }
        })
        .collect::<Vec<_>>()
        .join("｜")
}

/// A row's runs as one text: its cells' runs, set apart by ｜.
fn row_ops(cells: &[Vec<InlineOp>]) -> Vec<InlineOp> {
    let mut out = Vec::new();
    for (i, ops) in cells.iter().filter(|ops| !ops.is_empty()).enumerate() {
        if i > 0 {
            out.push(InlineOp::Equal { text: "｜".into() });
        }
        out.extend(ops.iter().cloned());
    }
    out
}
