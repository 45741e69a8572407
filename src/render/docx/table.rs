//! The 修改对照表 after a Word redline's text (`--side-by-side`): a table of
//! two columns, 修改前 | 修改后, one row per part, deletions struck on the
//! left and insertions bold and underlined on the right, as legislative
//! bodies publish it. Its marks are formatting, not tracked changes: the
//! table is a reading aid beside the tracked text.

use std::fmt::Write as _;

use super::parts::BLOCK_WIDTH;
use super::xml::{Body, Mark, Para, Run};
use crate::compare::align::PARAGRAPH_BREAK;
use crate::render::redline::{Segment, SideBySide};
use crate::render::tables::{CellView, TableView};
use crate::word_styles::WordStyle;

const STRUCK: &str = "<w:strike/>";
const MARKED: &str = r#"<w:b/><w:u w:val="single"/>"#;

/// One cell `width` twips wide: its runs, a paragraph per paragraph break.
pub fn cell(body: &mut Body, width: u32, runs: Vec<Run>) {
    write!(
        body.xml,
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>"#
    )
    .unwrap();
    // A paragraph break inside a segment starts the cell's next paragraph.
    let mut para = Vec::new();
    for run in runs {
        let mut pieces = run.text.split(PARAGRAPH_BREAK).peekable();
        while let Some(piece) = pieces.next() {
            if !piece.is_empty() {
                para.push(Run {
                    text: piece.to_string(),
                    ..run.clone()
                });
            }
            if pieces.peek().is_some() {
                body.para(&Para::new(WordStyle::Caption, std::mem::take(&mut para)));
            }
        }
    }
    body.para(&Para::new(WordStyle::Caption, para));
    body.xml.push_str("</w:tc>");
}

/// A draft's table as a Word table: its caption centred above, header rows
/// repeated on every page, merged cells merged (`gridSpan` across, `vMerge`
/// down: Word writes a cell a span covers as a continuation of it).
pub fn draft(body: &mut Body, table: &TableView) {
    if let Some(caption) = &table.caption {
        body.para(&caption_para(vec![bold(&caption.plain)]));
    }
    let widths = column_widths(table);
    open_table(body, &widths, table.fixed);
    let header = table.header.len();
    for (r, slots) in slots(table).iter().enumerate() {
        open_row(body, r < header, "");
        for (column, slot) in slots.iter().enumerate() {
            let runs = match slot {
                Slot::Start(c) if r < header => vec![bold(&c.text.plain)],
                Slot::Start(c) => vec![Run::plain(&c.text.plain)],
                _ => Vec::new(),
            };
            let centre = r < header || table.align.get(column) == Some(&"center");
            let merge = slot.merge(false);
            if let Some(span) = slot.span() {
                let para = cell_para(runs, centre);
                slot_cell(body, &widths, column, span, merge, &para, Mark::Plain);
            }
        }
        body.xml.push_str("</w:tr>");
    }
    body.xml.push_str("</w:tbl>");
}

/// A table's caption: bold, centred, kept with the table.
pub fn caption_para(runs: Vec<Run>) -> Para {
    Para::new(WordStyle::Caption, runs).with_props(r#"<w:keepNext/><w:jc w:val="center"/>"#)
}

/// The paragraph of a table cell, centred for a header or a column of
/// short entries.
pub fn cell_para(runs: Vec<Run>, centre: bool) -> Para {
    let props = if centre {
        r#"<w:jc w:val="center"/>"#
    } else {
        ""
    };
    Para::new(WordStyle::Caption, runs).with_props(props)
}

/// Each column's width in twips: a whole number of one unit, so the
/// widths' ratios read back exactly.
pub fn column_widths(table: &TableView) -> Vec<u32> {
    let total: u32 = table.widths.iter().sum::<u32>().max(1);
    let unit = BLOCK_WIDTH / total;
    if unit > 0 {
        table.widths.iter().map(|w| w * unit).collect()
    } else {
        // Widths summing past the block: each its share, at least one twip.
        let share = |w: u32| (u64::from(w) * u64::from(BLOCK_WIDTH) / u64::from(total)).max(1);
        table.widths.iter().map(|&w| share(w) as u32).collect()
    }
}

/// Opens a row of a draft's table: never split across pages, a header row
/// repeated on each; `mark` is what else its `w:trPr` holds (a tracked
/// insertion or deletion of the row), already XML.
pub fn open_row(body: &mut Body, header: bool, mark: &str) {
    body.xml.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        body.xml.push_str("<w:tblHeader/>");
    }
    body.xml.push_str(mark);
    body.xml.push_str("</w:trPr>");
}

/// One cell of a draft's table starting in `column` and spanning `span`
/// columns of `widths`, with its vertical merge (`merge`, XML) and its
/// paragraph, in a row inserted or deleted whole as `mark` says.
pub fn slot_cell(
    body: &mut Body,
    widths: &[u32],
    column: usize,
    span: usize,
    merge: &str,
    para: &Para,
    mark: Mark,
) {
    let width: u32 = widths.iter().skip(column).take(span).sum();
    let grid = if span > 1 {
        format!(r#"<w:gridSpan w:val="{span}"/>"#)
    } else {
        String::new()
    };
    write!(
        body.xml,
        r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{merge}<w:vAlign w:val="center"/></w:tcPr>"#
    )
    .unwrap();
    body.para_of_tracked_row(para, mark);
    body.xml.push_str("</w:tc>");
}

/// What stands in one column of one row of a table in Word's terms.
#[derive(Clone, Copy)]
pub enum Slot<'a> {
    /// A cell starts here.
    Start(&'a CellView),
    /// A cell from a row above spans down into this row (Word writes a
    /// continuation cell).
    Below(&'a CellView),
    /// Covered by the cell to the left (no cell is written).
    Beside,
    /// Nothing (a table the loader did not check).
    Empty,
}

impl Slot<'_> {
    /// How many grid columns the cell written here spans; none for a
    /// column a cell to its left covers.
    pub fn span(&self) -> Option<usize> {
        match self {
            Slot::Start(c) | Slot::Below(c) => Some(c.cols as usize),
            Slot::Empty => Some(1),
            Slot::Beside => None,
        }
    }

    /// The cell's `w:vMerge`: a restart where a cell spanning rows starts
    /// (or where `restart` says a merge may start), a continuation below it.
    pub fn merge(&self, restart: bool) -> &'static str {
        match self {
            Slot::Start(c) if c.rows > 1 || restart => r#"<w:vMerge w:val="restart"/>"#,
            Slot::Below(_) => "<w:vMerge/>",
            _ => "",
        }
    }
}

/// Every row's slots, spans laid out.
pub fn slots(table: &TableView) -> Vec<Vec<Slot<'_>>> {
    let rows: Vec<&Vec<CellView>> = table.header.iter().chain(&table.rows).collect();
    let mut grid = vec![vec![Slot::Empty; table.columns]; rows.len()];
    for (r, cells) in rows.iter().enumerate() {
        for cell in cells.iter() {
            let columns = cell.column..(cell.column + cell.cols as usize).min(table.columns);
            for (dr, line) in grid.iter_mut().skip(r).take(cell.rows as usize).enumerate() {
                for c in columns.clone() {
                    line[c] = match (dr, c == cell.column) {
                        (0, true) => Slot::Start(cell),
                        (_, true) => Slot::Below(cell),
                        _ => Slot::Beside,
                    };
                }
            }
        }
    }
    grid
}

/// One row of cells, `widths` wide; a header row repeats on every page.
pub fn row(body: &mut Body, widths: &[u32], cells: Vec<Vec<Run>>, header: bool) {
    body.xml.push_str("<w:tr>");
    if header {
        body.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for (width, runs) in widths.iter().zip(cells) {
        cell(body, *width, runs);
    }
    body.xml.push_str("</w:tr>");
}

/// Opens a table of columns `widths` wide, ruled all round and between.
pub fn open(body: &mut Body, widths: &[u32]) {
    open_table(body, widths, true);
}

/// [`open`], its layout fixed (the widths as given) or autofit.
pub fn open_table(body: &mut Body, widths: &[u32], fixed: bool) {
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="auto""#;
    let total: u32 = widths.iter().sum();
    let layout = if fixed { "fixed" } else { "autofit" };
    write!(
        body.xml,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="{layout}"/></w:tblPr><w:tblGrid>"#
    )
    .unwrap();
    for w in widths {
        write!(body.xml, r#"<w:gridCol w:w="{w}"/>"#).unwrap();
    }
    body.xml.push_str("</w:tblGrid>");
}

/// A bold run, for a header cell.
pub fn bold(text: &str) -> Run {
    Run {
        format: "<w:b/>",
        ..Run::plain(text)
    }
}

/// Writes the heading and the table.
pub fn write(body: &mut Body, table: &SideBySide) {
    body.para(&Para::new(
        WordStyle::Chapter,
        vec![Run::plain("修改对照表")],
    ));
    let widths = [BLOCK_WIDTH / 2, BLOCK_WIDTH / 2];
    open(body, &widths);
    row(
        body,
        &widths,
        vec![vec![bold("修改前")], vec![bold("修改后")]],
        true,
    );
    for r in &table.rows {
        let runs = |segments: &[Segment]| -> Vec<Run> {
            segments
                .iter()
                .map(|s| Run {
                    format: if s.kind.is_del() {
                        STRUCK
                    } else if s.kind.is_ins() {
                        MARKED
                    } else {
                        ""
                    },
                    ..Run::plain(&s.text)
                })
                .collect()
        };
        let mut old = runs(&r.old_segments);
        let mut new = if r.same {
            vec![Run::plain("同左")]
        } else {
            runs(&r.new_segments)
        };
        // Where a moved part went or came from, after the side that shows it.
        if let Some(note) = &r.note {
            let side = if r.new_segments.is_empty() {
                &mut old
            } else {
                &mut new
            };
            side.push(Run::plain(format!("〔{note}〕")));
        }
        row(body, &widths, vec![old, new], false);
    }
    body.xml.push_str("</w:tbl>");
}

/// The 意见采纳情况表 as a Word document: title, summary, and the table with
/// its header row on every page.
pub fn comments(body: &mut Body, view: &crate::render::comments::CommentsView) {
    body.para(&Para::new(
        WordStyle::Title,
        vec![Run::plain(&view.title.plain)],
    ));
    body.para(&Para::new(
        WordStyle::Normal,
        vec![Run::plain(&view.summary)],
    ));
    let width = super::parts::LANDSCAPE_WIDTH;
    let total: u32 = view.columns.iter().map(|c| c.word_share).sum();
    let widths: Vec<u32> = view
        .columns
        .iter()
        .map(|c| width * c.word_share / total.max(1))
        .collect();
    open(body, &widths);
    row(
        body,
        &widths,
        view.columns.iter().map(|c| vec![bold(c.header)]).collect(),
        true,
    );
    for r in &view.rows {
        row(
            body,
            &widths,
            r.cells
                .iter()
                .map(|c| vec![Run::plain(&c.text.plain)])
                .collect(),
            false,
        );
    }
    body.xml.push_str("</w:tbl>");
    // A paragraph after a table ends the body, as Word requires.
    body.para(&Para::new(WordStyle::Caption, Vec::new()));
}
