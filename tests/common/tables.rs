//! Tables for the property tests: drafts with tables in their parts and in
//! an attachment, and the edits an office makes to a 分工表 (a cell reworded,
//! a row added, dropped or moved, a column renamed).

use gongwen::model::{Attachment, Block, Cell, Draft, Numbering, Part, Row, Table};
use proptest::prelude::*;

const COLUMNS: [&str; 5] = ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"];
const UNITS: [&str; 4] = [
    "区发展改革局",
    "区教育局",
    "区财政局",
    "区人力资源社会保障局",
];

/// A task table: a 序号 column (or not), 2–4 more columns, 1–8 rows, and
/// maybe a 牵头单位 merged over the first rows.
pub fn table() -> impl Strategy<Value = Table> {
    (
        any::<bool>(),
        2..5usize,
        prop::collection::vec((super::text(), 0..UNITS.len(), "[甲乙丙丁戊]{2,6}"), 1..9),
        0..4u32,
    )
        .prop_map(|(numbered, extra, rows, merged)| {
            let names: Vec<&str> = if numbered {
                COLUMNS[..=extra].to_vec()
            } else {
                COLUMNS[1..=extra].to_vec()
            };
            let merged = merged.min(rows.len() as u32);
            let unit_column = names.iter().position(|n| *n == "牵头单位");
            let body = rows
                .iter()
                .enumerate()
                .map(|(i, (task, unit, more))| {
                    let mut cells = Vec::new();
                    for name in &names {
                        let text = match *name {
                            "序号" => (i + 1).to_string(),
                            "重点任务" => format!("第{i}项{task}"),
                            "牵头单位" => UNITS[*unit].to_string(),
                            _ => format!("{more}{i}"),
                        };
                        cells.push(Cell::new(text));
                    }
                    if let Some(c) = unit_column
                        && merged > 1
                        && (i as u32) < merged
                    {
                        if i == 0 {
                            cells[c].rows = merged;
                        } else {
                            cells.remove(c);
                        }
                    }
                    Row { cells }
                })
                .collect();
            Table {
                header: vec![Row::of(names)],
                rows: body,
                ..Table::default()
            }
        })
}

/// A draft with tables: one put in some of its parts, and maybe an
/// attachment holding one.
pub fn draft() -> impl Strategy<Value = Draft> {
    (
        super::draft(),
        prop::collection::vec(
            (
                table(),
                any::<prop::sample::Index>(),
                any::<prop::sample::Index>(),
            ),
            1..4,
        ),
        prop::option::of((table(), super::text(), super::text())),
    )
        .prop_map(|(mut draft, tables, attached)| {
            let paths = super::edits::paths(&draft.parts);
            for (table, at, place) in tables {
                match paths.is_empty() {
                    true => {
                        let mut p = Part::new(
                            if draft.meta.numbering.style == gongwen::model::Style::Outline {
                                gongwen::model::Level::Outline(1)
                            } else {
                                gongwen::model::Level::Article
                            },
                        );
                        p.body.push(Block::Para("下表所列。".into()));
                        p.body.push(Block::Table(table));
                        draft.parts.push(p);
                    }
                    false => {
                        let path = at.get(&paths).clone();
                        if let Some(p) = super::edits::part_at(&mut draft.parts, &path) {
                            let i = place.index(p.body.len() + 1);
                            p.body.insert(i, Block::Table(table));
                        }
                    }
                }
            }
            if let Some((table, note, item)) = attached {
                draft.meta.attachments.push("重点任务分工表".into());
                // A paragraph, the table, and a part of its own.
                let mut part = Part::new(gongwen::model::Level::Outline(1));
                part.heading = Some("工作要求".into());
                part.body.push(Block::Para(item));
                draft.attachments.push(Attachment {
                    index: draft.meta.attachments.len() - 1,
                    numbering: Numbering::default(),
                    body: vec![Block::Para(note), Block::Table(table), Block::Part(part)],
                    origin: Default::default(),
                });
            }
            draft
        })
}

/// An edit of one table.
#[derive(Debug, Clone)]
pub enum TableEdit {
    /// Append text to a cell.
    Cell(
        prop::sample::Index,
        prop::sample::Index,
        prop::sample::Index,
        String,
    ),
    /// Insert a row before a row.
    Insert(prop::sample::Index, prop::sample::Index, String),
    Delete(prop::sample::Index, prop::sample::Index),
    /// Move a row before another.
    Move(
        prop::sample::Index,
        prop::sample::Index,
        prop::sample::Index,
    ),
    /// Rename a column.
    Rename(prop::sample::Index, prop::sample::Index, String),
}

pub fn edit() -> impl Strategy<Value = TableEdit> {
    let i = || any::<prop::sample::Index>();
    prop_oneof![
        (i(), i(), i(), "[改新增]{1,4}").prop_map(|(a, b, c, t)| TableEdit::Cell(a, b, c, t)),
        (i(), i(), super::text()).prop_map(|(a, b, t)| TableEdit::Insert(a, b, t)),
        (i(), i()).prop_map(|(a, b)| TableEdit::Delete(a, b)),
        (i(), i(), i()).prop_map(|(a, b, c)| TableEdit::Move(a, b, c)),
        (i(), i(), "[列名称]{2,4}").prop_map(|(a, b, t)| TableEdit::Rename(a, b, t)),
    ]
}

/// Every table of a body, in reading order.
pub fn in_body(body: &[Block]) -> Vec<&Table> {
    body.iter()
        .flat_map(|b| match b {
            Block::Table(t) => vec![t],
            Block::Part(p) => in_body(&p.body),
            Block::Para(_) => Vec::new(),
        })
        .collect()
}

/// Every table of a draft, mutable, in reading order.
pub fn tables_mut(draft: &mut Draft) -> Vec<&mut Table> {
    fn body<'a>(blocks: &'a mut [Block], out: &mut Vec<&'a mut Table>) {
        for b in blocks {
            match b {
                Block::Table(t) => out.push(t),
                Block::Part(p) => body(&mut p.body, out),
                Block::Para(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for p in &mut draft.parts {
        body(&mut p.body, &mut out);
    }
    for a in &mut draft.attachments {
        body(&mut a.body, &mut out);
    }
    out
}

/// Applies an edit as an office would: to the table written out (merged
/// cells repeated), the 序号 column counted again afterwards.
pub fn apply(draft: &mut Draft, edit: &TableEdit) {
    let mut tables = tables_mut(draft);
    if tables.is_empty() {
        return;
    }
    let which = match edit {
        TableEdit::Cell(t, ..)
        | TableEdit::Insert(t, ..)
        | TableEdit::Delete(t, _)
        | TableEdit::Move(t, ..)
        | TableEdit::Rename(t, ..) => t.index(tables.len()),
    };
    let table = &mut *tables[which];
    let Some(grid) = table.grid() else { return };
    let mut grid: Vec<Vec<String>> = grid
        .into_iter()
        .map(|r| r.into_iter().map(str::to_string).collect())
        .collect();
    let header = table.header.len();
    let mut body = grid.split_off(header);
    let mut names = grid;
    let width = names.first().or(body.first()).map_or(0, Vec::len);
    match edit {
        TableEdit::Cell(_, r, c, t) if !body.is_empty() && width > 0 => {
            let r = r.index(body.len());
            body[r][c.index(width)].push_str(t);
        }
        TableEdit::Insert(_, r, t) => {
            let at = r.index(body.len() + 1);
            body.insert(at, (0..width).map(|c| format!("{t}新{c}")).collect());
        }
        TableEdit::Delete(_, r) if body.len() > 1 => {
            body.remove(r.index(body.len()));
        }
        TableEdit::Move(_, a, b) if body.len() > 1 => {
            let row = body.remove(a.index(body.len()));
            body.insert(b.index(body.len() + 1), row);
        }
        TableEdit::Rename(_, c, t) if width > 0 => {
            if let Some(h) = names.last_mut() {
                let c = c.index(width);
                h[c] = format!("{t}{}", h[c]);
            }
        }
        _ => {}
    }
    if names
        .first()
        .is_some_and(|h| h.first().is_some_and(|n| n == "序号"))
    {
        for (i, row) in body.iter_mut().enumerate() {
            row[0] = (i + 1).to_string();
        }
    }
    table.header = names.into_iter().map(Row::of).collect();
    table.rows = body.into_iter().map(Row::of).collect();
}
