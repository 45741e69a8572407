//! A table of the new draft marked up: every column and row with its cells
//! as segments (inserted, deleted, unchanged), deleted rows and columns where
//! they stood, and a last column 说明 that says what happened to each row
//! (新增, 删除, 修改, 由原第十五行移来). Merged cells are written out in every
//! row they cover, so each row reads whole.

use serde::Serialize;

use super::segments::{Segment, SegmentKind, pieces, segments_html, segments_md};
use crate::compare::ChangeKind;
use crate::compare::inline::InlineOp;
use crate::compare::tables::{TableDiff, row_anchor};
use crate::text::{Block, escape_html};

/// A table for redline templates.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RedTable {
    /// The caption, if either draft has one.
    pub caption: Vec<Segment>,
    /// The header: a cell per column, then 说明.
    pub header: Vec<Vec<Segment>>,
    pub rows: Vec<RedRow>,
    /// Relative column widths (说明 included), from the longest entry of
    /// each column.
    pub widths: Vec<u32>,
}

/// A row of a marked-up table.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RedRow {
    /// What happened to the row (none: nothing).
    pub status: Option<ChangeKind>,
    /// 新增, 删除, 修改, 由原第十五行移来 …
    pub note: String,
    /// The entry that shows the row (`chg-N`), if any.
    pub change: Option<String>,
    pub cells: Vec<Vec<Segment>>,
}

/// A cell's runs as one list of segments.
fn segments(ops: &[InlineOp]) -> Vec<Segment> {
    pieces(ops).concat()
}

impl RedTable {
    /// The marked-up table of a table diff; `entry` finds the entry number
    /// of a row's change by the row's anchor on its side.
    pub fn new(diff: &TableDiff, entry: impl Fn(&str) -> Option<usize>) -> RedTable {
        let mut header: Vec<Vec<Segment>> =
            diff.columns.iter().map(|c| segments(&c.name)).collect();
        header.push(vec![Segment {
            kind: SegmentKind::Same,
            text: "说明".into(),
        }]);
        let rows: Vec<RedRow> = diff
            .rows
            .iter()
            .map(|r| {
                let (status, note) = match (r.old, r.new) {
                    (None, _) => (Some(ChangeKind::Inserted), "新增".to_string()),
                    (_, None) => (Some(ChangeKind::Deleted), "删除".to_string()),
                    (Some(o), Some(_)) if r.moved => {
                        let mut note = format!("由原第{}行移来", o + 1);
                        if r.modified {
                            note.push_str("，修改");
                        }
                        (Some(ChangeKind::Moved), note)
                    }
                    _ if r.modified => (Some(ChangeKind::Modified), "修改".to_string()),
                    _ => (None, String::new()),
                };
                let anchor = match (r.new, &diff.new, r.old, &diff.old) {
                    (Some(n), Some(place), _, _) => Some(row_anchor(place, n)),
                    (None, _, Some(o), Some(place)) => {
                        Some(format!("old:{}", row_anchor(place, o)))
                    }
                    _ => None,
                };
                RedRow {
                    status,
                    note,
                    change: anchor
                        .filter(|_| status.is_some())
                        .and_then(|a| entry(&a))
                        .map(|n| format!("chg-{n}")),
                    cells: r
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(i, ops)| {
                            // The 序号 follows the rows: its new number, unmarked.
                            if i == 0 && diff.numbered && r.old.is_some() && r.new.is_some() {
                                vec![Segment {
                                    kind: SegmentKind::Same,
                                    text: crate::compare::inline::new_text(ops),
                                }]
                            } else {
                                segments(ops)
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let widths = (0..header.len())
            .map(|c| {
                let width = |segs: &[Segment]| -> usize {
                    segs.iter().map(|s| s.text.chars().count()).sum()
                };
                let longest = rows
                    .iter()
                    .map(|r: &RedRow| {
                        r.cells
                            .get(c)
                            .map_or(r.note.chars().count(), |cell| width(cell))
                    })
                    .chain(std::iter::once(width(&header[c])))
                    .max()
                    .unwrap_or(2);
                longest.clamp(3, 24) as u32
            })
            .collect();
        RedTable {
            caption: segments(&diff.caption),
            header,
            rows,
            widths,
        }
    }

    /// The table as HTML: changed rows tinted by what happened to them.
    pub fn html(&self) -> String {
        let mut out = String::from("<table class=\"table red\">\n");
        if !self.caption.is_empty() {
            out.push_str(&format!(
                "<caption>{}</caption>\n",
                segments_html(&self.caption)
            ));
        }
        out.push_str("<thead><tr>");
        for h in &self.header {
            out.push_str(&format!("<th>{}</th>", segments_html(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for r in &self.rows {
            let class = r
                .status
                .map_or(String::new(), |s| format!(" class=\"s-{}\"", kind_name(s)));
            let id = r
                .change
                .as_ref()
                .map_or(String::new(), |c| format!(" id=\"{c}\""));
            out.push_str(&format!("<tr{class}{id}>"));
            for c in &r.cells {
                out.push_str(&format!("<td>{}</td>", segments_html(c)));
            }
            out.push_str(&format!(
                "<td class=\"note\">{}</td></tr>\n",
                escape_html(&r.note)
            ));
        }
        out.push_str("</tbody>\n</table>");
        out
    }

    /// The table as a pipe table with CriticMarkup in its cells.
    pub fn markdown(&self) -> String {
        let cell = |segs: &[Segment]| -> String {
            let out = crate::render::tables::pipe_cell(&segments_md(segs, Block::Heading));
            if out.is_empty() { " ".into() } else { out }
        };
        let line = |cells: Vec<String>| format!("| {} |", cells.join(" | "));
        let mut out = String::new();
        if !self.caption.is_empty() {
            out.push_str(&format!("**{}**\n\n", cell(&self.caption)));
        }
        out.push_str(&line(self.header.iter().map(|h| cell(h)).collect()));
        out.push('\n');
        out.push_str(&line(
            self.header.iter().map(|_| "---".to_string()).collect(),
        ));
        for r in &self.rows {
            let mut cells: Vec<String> = r.cells.iter().map(|c| cell(c)).collect();
            cells.push(cell(&[Segment {
                kind: SegmentKind::Same,
                text: r.note.clone(),
            }]));
            out.push('\n');
            out.push_str(&line(cells));
        }
        out
    }
}

/// A change kind as the JSON and CSS name it.
fn kind_name(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Modified => "modified",
        ChangeKind::Inserted => "inserted",
        ChangeKind::Deleted => "deleted",
        ChangeKind::Moved => "moved",
        ChangeKind::Renumbered => "renumbered",
    }
}
