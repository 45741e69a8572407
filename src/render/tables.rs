//! A table as templates see it: its cells in every form, its columns'
//! widths and alignment, and the whole table written once as Markdown (a
//! pipe table, or HTML where cells are merged) and as HTML.

use serde::Serialize;

use crate::model::Table;
use crate::text::{Block, Text, to_markdown};

/// A table for templates.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TableView {
    pub caption: Option<Text>,
    pub columns: usize,
    /// Relative widths, one per column: the draft's, or, when it gives
    /// none, the length of each column's longest entry (within bounds), so
    /// the table fills the width as an office would set it.
    pub widths: Vec<u32>,
    /// Whether the draft gives the widths.
    pub fixed: bool,
    /// `center` for a column of short entries (序号, 完成时限), else `left`.
    pub align: Vec<&'static str>,
    pub header: Vec<Vec<CellView>>,
    pub rows: Vec<Vec<CellView>>,
}

/// One cell as written (cells covered by a span are not listed).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CellView {
    pub text: Text,
    /// The text as Markdown on one line (a line break becomes a space).
    pub line: String,
    /// The column it starts in (0-based).
    pub column: usize,
    pub rows: u32,
    pub cols: u32,
}

/// A column whose body cells are all at most this many characters is centred.
const SHORT: usize = 12;

/// The bounds of a column's share when the draft gives no widths: a column
/// of numbers still fits 序号, and a long text column does not crowd out
/// the rest.
const NARROWEST: usize = 2;
const WIDEST: usize = 24;

impl TableView {
    /// The view of a table the loader accepted; `None` if its shape is broken
    /// (a table built in code without the loader's checks).
    pub fn new(table: &Table) -> Option<TableView> {
        let layout = table.layout().ok()?;
        let mut starts = layout.starts.iter();
        let mut rows_of = |rows: &[crate::model::Row]| -> Vec<Vec<CellView>> {
            rows.iter()
                .map(|row| {
                    let columns = starts.next().map(Vec::as_slice).unwrap_or(&[]);
                    row.cells
                        .iter()
                        .zip(columns)
                        .map(|(cell, &column)| CellView {
                            text: Text::new(&cell.text),
                            line: to_markdown(&cell.text, Block::Heading),
                            column,
                            rows: cell.rows,
                            cols: cell.cols,
                        })
                        .collect()
                })
                .collect()
        };
        let header = rows_of(&table.header);
        let rows = rows_of(&table.rows);
        let align = (0..layout.columns)
            .map(|c| {
                let short = rows
                    .iter()
                    .flatten()
                    .filter(|cell| cell.column == c && cell.cols == 1)
                    .all(|cell| cell.text.plain.chars().count() <= SHORT);
                if short { "center" } else { "left" }
            })
            .collect();
        Some(TableView {
            caption: table.caption.as_deref().map(Text::new),
            columns: layout.columns,
            fixed: !table.widths.is_empty(),
            widths: if table.widths.is_empty() {
                estimated_widths(layout.columns, &header, &rows)
            } else {
                table.widths.clone()
            },
            align,
            header,
            rows,
        })
    }

    fn merged(&self) -> bool {
        self.header
            .iter()
            .chain(&self.rows)
            .flatten()
            .any(|c| c.rows > 1 || c.cols > 1)
    }

    /// The table as Markdown: a pipe table when it has one header row and
    /// no merged cells, else the HTML table (Markdown allows it).
    pub fn markdown(&self) -> String {
        if self.merged() || self.header.len() != 1 {
            return self.html();
        }
        let mut out = String::new();
        if let Some(caption) = &self.caption {
            out.push_str(&format!(
                "**{}**\n\n",
                to_markdown(&caption.plain, Block::Heading)
            ));
        }
        let line = |cells: &[CellView]| {
            let cells: Vec<String> = cells.iter().map(|c| pipe_cell(&c.line)).collect();
            format!("| {} |", cells.join(" | "))
        };
        out.push_str(&line(&self.header[0]));
        out.push('\n');
        let rule: Vec<&str> = self
            .align
            .iter()
            .map(|a| if *a == "center" { ":---:" } else { "---" })
            .collect();
        out.push_str(&format!("| {} |", rule.join(" | ")));
        for row in &self.rows {
            out.push('\n');
            out.push_str(&line(row));
        }
        out
    }

    /// The table as an HTML element: caption, column widths, a header that
    /// print repeats on each page, and the body.
    pub fn html(&self) -> String {
        let mut out = String::from("<table class=\"table\">\n");
        if let Some(caption) = &self.caption {
            out.push_str(&format!("<caption>{}</caption>\n", caption.html));
        }
        if self.fixed {
            let total: u32 = self.widths.iter().sum::<u32>().max(1);
            out.push_str("<colgroup>");
            for w in &self.widths {
                let percent = f64::from(*w) * 100.0 / f64::from(total);
                out.push_str(&format!("<col style=\"width:{percent:.1}%\">"));
            }
            out.push_str("</colgroup>\n");
        }
        let rows = |out: &mut String, rows: &[Vec<CellView>], tag: &str| {
            for row in rows {
                out.push_str("<tr>");
                for cell in row {
                    out.push('<');
                    out.push_str(tag);
                    if cell.rows > 1 {
                        out.push_str(&format!(" rowspan=\"{}\"", cell.rows));
                    }
                    if cell.cols > 1 {
                        out.push_str(&format!(" colspan=\"{}\"", cell.cols));
                    }
                    if tag == "td" && self.align.get(cell.column) == Some(&"center") {
                        out.push_str(" class=\"c\"");
                    }
                    out.push('>');
                    out.push_str(&cell.text.html);
                    out.push_str(&format!("</{tag}>"));
                }
                out.push_str("</tr>\n");
            }
        };
        if !self.header.is_empty() {
            out.push_str("<thead>\n");
            rows(&mut out, &self.header, "th");
            out.push_str("</thead>\n");
        }
        out.push_str("<tbody>\n");
        rows(&mut out, &self.rows, "td");
        out.push_str("</tbody>\n</table>");
        out
    }

    /// What a reader sees: the caption, then a line per row, its cells set
    /// apart by ｜.
    pub fn plain_rows(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        if let Some(c) = &self.caption {
            lines.push(c.plain.clone());
        }
        for row in self.header.iter().chain(&self.rows) {
            let cells: Vec<&str> = row.iter().map(|c| c.text.plain.as_str()).collect();
            lines.push(cells.join("｜"));
        }
        lines
    }
}

/// Each column's share of the width, from the longest entry of one column.
fn estimated_widths(columns: usize, header: &[Vec<CellView>], rows: &[Vec<CellView>]) -> Vec<u32> {
    (0..columns)
        .map(|c| {
            let longest = header
                .iter()
                .chain(rows)
                .flatten()
                .filter(|cell| cell.column == c && cell.cols == 1)
                .map(|cell| {
                    // Latin letters and digits take half a character's width.
                    let width: f64 = cell
                        .text
                        .plain
                        .chars()
                        .map(|ch| if ch.is_ascii() { 0.5 } else { 1.0 })
                        .sum();
                    width.ceil() as usize
                })
                .max()
                .unwrap_or(NARROWEST);
            longest.clamp(NARROWEST, WIDEST) as u32
        })
        .collect()
}

/// A cell's one-line Markdown inside a pipe table: `|` escaped (also in
/// code spans, as GFM tables ask).
pub(crate) fn pipe_cell(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut backslashes = 0;
    for c in md.chars() {
        match c {
            '|' if backslashes % 2 == 0 => out.push_str("\\|"),
            _ => out.push(c),
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    out
}
