//! A table in the Word redline: a Word table whose rows are the rows the
//! comparison paired ([`TableDiff`], the same list the HTML and PDF
//! redlines show), so that Accept All leaves the new draft's table and
//! Reject All the old one's, cell by cell.
//!
//! Each row carries two marks, and each is there for some processor:
//! - the row's own mark, `w:trPr/w:ins` or `w:trPr/w:del`: Word and
//!   LibreOffice remove the whole row on Reject (an inserted row) or Accept
//!   (a deleted one);
//! - every run in the row's cells tracked the same way (`w:ins` runs, or
//!   `w:del` runs with `w:delText`): what a processor that ignores row marks
//!   keeps of the row — pandoc 2.17's reader reads no `w:trPr` — is an
//!   empty row, never the other draft's words.
//!
//! A row of both drafts has its cells' edits as tracked runs (a renamed
//! column is such an edit in the header row, a renumbered 序号 another).
//! A moved row is a deletion where it stood and an insertion where it went,
//! each with a comment saying where the other is. Cells merged down
//! (`w:vMerge`) stay merged where both drafts merge them alike; a row whose
//! cells the two drafts merge differently is written as the old row deleted
//! and the new one inserted, so that each side keeps its own merges.
//! Columns added, removed or reordered change the grid every row is laid
//! on: such a table is written as the old table, every row deleted, then
//! the new one, every row inserted, each on its own grid (`w:cellIns` and
//! `w:cellDel` would say it more finely, but LibreOffice 7.4 and pandoc
//! read neither: a deleted column would stay, emptied).

use crate::compare::inline::{self, InlineOp};
use crate::compare::tables::{RowDiff, TableDiff};
use crate::render::docx::table::{self, Slot};
use crate::render::docx::xml::{Body, Mark, Run};
use crate::render::tables::TableView;

/// A table as one of the redline's units holds it.
#[derive(Debug, Clone)]
pub struct DraftTable {
    pub view: TableView,
    /// The comparison's diff of it, by its place in the change set's list.
    pub diff: Option<usize>,
}

/// A row of the Word table: a row of the old draft's table, of the new
/// one's, or of both (rows count from the first header row).
struct Line<'d> {
    old: Option<usize>,
    new: Option<usize>,
    /// A body row of both drafts: its cells' runs.
    cells: Option<&'d RowDiff>,
    /// The comment on a moved row's ends.
    note: Option<String>,
}

impl Line<'_> {
    fn old(row: usize, note: Option<String>) -> Line<'static> {
        Line {
            old: Some(row),
            new: None,
            cells: None,
            note,
        }
    }

    fn new(row: usize, note: Option<String>) -> Line<'static> {
        Line {
            old: None,
            new: Some(row),
            cells: None,
            note,
        }
    }
}

/// Writes a draft's table whole, every row inserted (`inserted`) or deleted.
pub fn whole(body: &mut Body, table: &TableView, inserted: bool) {
    match inserted {
        true => write(body, None, Some(table), None),
        false => write(body, Some(table), None, None),
    }
}

/// Writes a table of the old draft, the new one, or both as the comparison
/// `diff` pairs them: its caption, then the Word table with its rows tracked.
pub fn write(
    body: &mut Body,
    old: Option<&TableView>,
    new: Option<&TableView>,
    diff: Option<&TableDiff>,
) {
    caption(body, old, new, diff);
    match (old, new, diff) {
        (Some(o), Some(n), Some(d)) if pairable(o, n, d) => {
            let lines = regrouped(split(paired(o, n, d), o, n));
            rows(body, &lines, old, new, n);
        }
        // Each on its own grid: the old table's rows deleted, then the new
        // one's inserted.
        _ => {
            if let Some(o) = old {
                rows(body, &replaced(Some(o), None), old, None, o);
            }
            if let Some(n) = new {
                rows(body, &replaced(None, Some(n)), None, new, n);
            }
        }
    }
}

/// A Word table on the grid of `grid_of`, its rows the `lines` of the old
/// and the new table.
fn rows(
    body: &mut Body,
    lines: &[Line],
    old: Option<&TableView>,
    new: Option<&TableView>,
    grid_of: &TableView,
) {
    let widths = table::column_widths(grid_of);
    let old_widths = match old {
        Some(o) if o.columns == grid_of.columns => widths.clone(),
        Some(o) => table::column_widths(o),
        None => Vec::new(),
    };
    let old_slots = old.map(table::slots).unwrap_or_default();
    let new_slots = new.map(table::slots).unwrap_or_default();
    table::open_table(body, &widths, grid_of.fixed);
    for line in lines {
        let (mark, view, slots, widths, r) = match (line.old, line.new, old, new) {
            (Some(_), Some(n), _, Some(view)) => (Mark::Plain, view, &new_slots, &widths, n),
            (Some(o), None, Some(view), _) => (Mark::Deleted, view, &old_slots, &old_widths, o),
            (None, Some(n), _, Some(view)) => (Mark::Inserted, view, &new_slots, &widths, n),
            _ => continue,
        };
        let header = r < view.header.len();
        // The row's own mark: what Word and LibreOffice remove the row by.
        let row_mark = match mark {
            Mark::Inserted => format!("<w:ins {}/>", body.revision_attributes()),
            Mark::Deleted => format!("<w:del {}/>", body.revision_attributes()),
            _ => String::new(),
        };
        table::open_row(body, header, &row_mark);
        let format = if header { "<w:b/>" } else { "" };
        let mut note = line.note.clone();
        for (column, slot) in slots[r].iter().enumerate() {
            let Some(span) = slot.span() else { continue };
            let old_slot = line.old.and_then(|o| old_slots.get(o)?.get(column));
            let runs = match (line.old, slot) {
                // A cell of both drafts: its edits, from the comparison's
                // runs for a body row, its two texts for a header row.
                (Some(_), Slot::Start(_) | Slot::Empty) if mark == Mark::Plain => {
                    let ops = match line.cells {
                        Some(row) => row.cells.get(column).cloned().unwrap_or_default(),
                        None => inline::diff(&start_text(old_slot), &start_text(Some(slot))),
                    };
                    tracked_runs(&ops, format)
                }
                // The runs of a row inserted or deleted: tracked as its row
                // is, for the processors that read no row marks.
                (_, Slot::Start(c)) => vec![
                    Run {
                        format,
                        ..Run::plain(&c.text.plain)
                    }
                    .marked(mark),
                ],
                _ => Vec::new(),
            };
            // A cell that starts a merge on either side restarts it here.
            let restart = matches!(old_slot, Some(Slot::Start(c)) if c.rows > 1);
            let centre = header || view.align.get(column) == Some(&"center");
            let mut para = table::cell_para(runs, centre);
            para.comment = note.take();
            table::slot_cell(body, widths, column, span, slot.merge(restart), &para, mark);
        }
        body.xml.push_str("</w:tr>");
    }
    body.xml.push_str("</w:tbl>");
}

/// The text of the cell starting in a slot.
fn start_text(slot: Option<&Slot>) -> String {
    match slot {
        Some(Slot::Start(c)) => c.text.plain.clone(),
        _ => String::new(),
    }
}

/// The caption paragraph: edited, inserted or deleted with the table.
fn caption(
    body: &mut Body,
    old: Option<&TableView>,
    new: Option<&TableView>,
    diff: Option<&TableDiff>,
) {
    let text = |t: Option<&TableView>| t.and_then(|t| t.caption.as_ref()).map(|c| c.plain.clone());
    let (before, after) = (text(old), text(new));
    let (mark, ops) = match (&before, &after) {
        (None, None) => return,
        (Some(a), Some(b)) => (
            Mark::Plain,
            diff.map(|d| d.caption.clone())
                .filter(|ops| inline::old_text(ops) == *a && inline::new_text(ops) == *b)
                .unwrap_or_else(|| inline::diff(a, b)),
        ),
        (Some(a), None) => (Mark::Deleted, vec![InlineOp::Equal { text: a.clone() }]),
        (None, Some(b)) => (Mark::Inserted, vec![InlineOp::Equal { text: b.clone() }]),
    };
    let runs = tracked_runs(&ops, "<w:b/>")
        .into_iter()
        .map(|r| match mark {
            Mark::Plain => r,
            _ => r.marked(mark),
        })
        .collect();
    let mut para = table::caption_para(runs);
    para.mark = mark;
    body.para(&para);
}

/// Runs of a cell from its inline ops: kept, deleted and inserted text.
fn tracked_runs(ops: &[InlineOp], format: &'static str) -> Vec<Run> {
    let run = |text: &str, mark: Mark| {
        Run {
            format,
            ..Run::plain(text)
        }
        .marked(mark)
    };
    let mut runs = Vec::new();
    for op in ops {
        match op {
            InlineOp::Equal { text } => runs.push(run(text, Mark::Plain)),
            InlineOp::Delete { text, .. } => runs.push(run(text, Mark::Deleted)),
            InlineOp::Insert { text, .. } => runs.push(run(text, Mark::Inserted)),
            InlineOp::Replace { old, new, .. } => {
                runs.push(run(old, Mark::Deleted));
                runs.push(run(new, Mark::Inserted));
            }
        }
    }
    runs
}

/// How many rows a table has, header rows included.
fn row_count(t: &TableView) -> usize {
    t.header.len() + t.rows.len()
}

/// Whether a diff's rows can be laid on one grid with both tables': the
/// same columns in the same order, and every row of each table in it once.
fn pairable(old: &TableView, new: &TableView, d: &TableDiff) -> bool {
    let identity = d
        .columns
        .iter()
        .enumerate()
        .all(|(i, c)| c.old == Some(i) && c.new == Some(i));
    let count = |side: fn(&RowDiff) -> Option<usize>| d.rows.iter().filter_map(side).count();
    identity
        && d.columns.len() == old.columns
        && d.columns.len() == new.columns
        && count(|r| r.old) == old.rows.len()
        && count(|r| r.new) == new.rows.len()
        && d.rows.iter().all(|r| r.cells.len() == d.columns.len())
}

/// The old table's rows deleted, then the new one's inserted.
fn replaced(old: Option<&TableView>, new: Option<&TableView>) -> Vec<Line<'static>> {
    let old_rows = (0..old.map_or(0, row_count)).map(|r| Line::old(r, None));
    let new_rows = (0..new.map_or(0, row_count)).map(|r| Line::new(r, None));
    old_rows.chain(new_rows).collect()
}

/// The rows as the comparison paired them: header rows by place (or the
/// old ones deleted and the new ones inserted when their number changed),
/// then the body rows, each row both drafts keep in order in its place,
/// the others (deleted, inserted, and both ends of each moved row) between
/// them, the old draft's before the new one's.
fn paired<'d>(old: &TableView, new: &TableView, d: &'d TableDiff) -> Vec<Line<'d>> {
    let (oh, nh) = (old.header.len(), new.header.len());
    let mut lines: Vec<Line> = Vec::new();
    if oh == nh {
        lines.extend((0..oh).map(|r| Line {
            old: Some(r),
            new: Some(r),
            cells: None,
            note: None,
        }));
    } else {
        lines.extend((0..oh).map(|r| Line::old(r, None)));
        lines.extend((0..nh).map(|r| Line::new(r, None)));
    }
    // Rows that leave their old place, in old order: the deleted ones and
    // the old end of each moved one.
    let mut gone: Vec<(usize, Option<String>)> = d
        .rows
        .iter()
        .filter_map(|r| match (r.old, r.new) {
            (Some(o), None) => Some((o, None)),
            (Some(o), Some(n)) if r.moved => Some((o, Some(format!("本行移至新稿第{}行", n + 1)))),
            _ => None,
        })
        .collect();
    gone.sort_by_key(|g| g.0);
    let mut gone = gone.into_iter().peekable();
    let mut arriving: Vec<Line> = Vec::new();
    for r in &d.rows {
        match (r.old, r.new) {
            (Some(o), Some(n)) if !r.moved => {
                while let Some((g, note)) = gone.next_if(|g| g.0 < o) {
                    lines.push(Line::old(oh + g, note));
                }
                lines.append(&mut arriving);
                lines.push(Line {
                    old: Some(oh + o),
                    new: Some(nh + n),
                    cells: Some(r),
                    note: None,
                });
            }
            (Some(o), Some(n)) => {
                arriving.push(Line::new(
                    nh + n,
                    Some(format!("本行由原稿第{}行移来", o + 1)),
                ));
            }
            (None, Some(n)) => arriving.push(Line::new(nh + n, None)),
            _ => {}
        }
    }
    lines.extend(gone.map(|(g, note)| Line::old(oh + g, note)));
    lines.append(&mut arriving);
    lines
}

/// What a slot is for the grid: a cell starting here (and how many columns
/// it spans), a continuation of the cell above, or covered from the left.
fn shape(slot: &Slot) -> (u8, usize) {
    match slot {
        Slot::Start(c) => (0, c.cols as usize),
        Slot::Empty => (0, 1),
        Slot::Below(c) => (1, c.cols as usize),
        Slot::Beside => (2, 0),
    }
}

/// A row of both drafts stays one row only where the two lay its cells out
/// alike (a continuation of a merge where both continue it, the same spans
/// across); otherwise its old row is deleted and its new one inserted.
fn split<'d>(lines: Vec<Line<'d>>, old: &TableView, new: &TableView) -> Vec<Line<'d>> {
    let (old_slots, new_slots) = (table::slots(old), table::slots(new));
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let (Some(o), Some(n)) = (line.old, line.new) else {
            out.push(line);
            continue;
        };
        let alike = old_slots[o].len() == new_slots[n].len()
            && old_slots[o]
                .iter()
                .zip(&new_slots[n])
                .all(|(a, b)| shape(a) == shape(b));
        if alike {
            out.push(line);
        } else {
            out.push(Line::old(o, None));
            out.push(Line::new(n, None));
        }
    }
    out
}

/// Between two rows of both drafts, the old draft's rows first, then the
/// new one's: each side reads the same either way, and a merge of the old
/// rows stays together.
fn regrouped(lines: Vec<Line<'_>>) -> Vec<Line<'_>> {
    let mut out = Vec::with_capacity(lines.len());
    let mut new_side = Vec::new();
    for line in lines {
        match (line.old, line.new) {
            (Some(_), Some(_)) => {
                out.append(&mut new_side);
                out.push(line);
            }
            (None, Some(_)) => new_side.push(line),
            _ => out.push(line),
        }
    }
    out.append(&mut new_side);
    out
}
