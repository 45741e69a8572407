//! The 修改对照表 after a Word redline's text (`--side-by-side`): a table of
//! two columns, 修改前 | 修改后, one row per part, deletions struck on the
//! left and insertions bold and underlined on the right, as legislative
//! bodies publish it. Its marks are formatting, not tracked changes: the
//! table is a reading aid beside the tracked text.

use std::fmt::Write as _;

use super::parts::BLOCK_WIDTH;
use super::xml::{Body, Para, Run};
use crate::compare::align::PARAGRAPH_BREAK;
use crate::render::redline::{Segment, SideBySide};

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
                body.para(&Para::new("GwCaption", std::mem::take(&mut para)));
            }
        }
    }
    body.para(&Para::new("GwCaption", para));
    body.xml.push_str("</w:tc>");
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
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="auto""#;
    let total: u32 = widths.iter().sum();
    write!(
        body.xml,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>"#
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
    body.para(&Para::new("GwChapter", vec![Run::plain("修改对照表")]));
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
        let new = if r.same {
            vec![Run::plain("同左")]
        } else {
            runs(&r.new_segments)
        };
        row(body, &widths, vec![runs(&r.old_segments), new], false);
    }
    body.xml.push_str("</w:tbl>");
}

/// The 意见采纳情况表 as a Word document: title, summary, and the table with
/// its header row on every page.
pub fn comments(body: &mut Body, view: &crate::render::comments::CommentsView) {
    body.para(&Para::new("GwTitle", vec![Run::plain(&view.title.plain)]));
    body.para(&Para::new("Normal", vec![Run::plain(&view.summary)]));
    let width = super::parts::LANDSCAPE_WIDTH;
    // 序号 | 提出单位 | 条款 | 意见内容 | 采纳情况 | 理由及说明, in parts of the width.
    let parts = [4, 12, 12, 32, 8, 26];
    let total: u32 = parts.iter().sum();
    let widths: Vec<u32> = parts.iter().map(|p| width * p / total).collect();
    open(body, &widths);
    let header = [
        "序号",
        "提出单位",
        "条款",
        "意见内容",
        "采纳情况",
        "理由及说明",
    ];
    row(
        body,
        &widths,
        header.iter().map(|h| vec![bold(h)]).collect(),
        true,
    );
    for r in &view.rows {
        let cells = [
            r.number.to_string(),
            r.from.plain.clone(),
            r.target.plain.clone(),
            r.text.plain.clone(),
            r.disposition.to_string(),
            r.reason.plain.clone(),
        ];
        row(
            body,
            &widths,
            cells.into_iter().map(|c| vec![Run::plain(c)]).collect(),
            false,
        );
    }
    body.xml.push_str("</w:tbl>");
    // A paragraph after a table ends the body, as Word requires.
    body.para(&Para::new("GwCaption", Vec::new()));
}
