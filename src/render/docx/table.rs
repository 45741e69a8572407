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

/// One cell: its segments, a paragraph per paragraph of the part.
fn cell(body: &mut Body, runs: Vec<Run>) {
    write!(
        body.xml,
        r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>"#,
        BLOCK_WIDTH / 2
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

fn row(body: &mut Body, old: Vec<Run>, new: Vec<Run>, header: bool) {
    body.xml.push_str("<w:tr>");
    if header {
        body.xml.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    cell(body, old);
    cell(body, new);
    body.xml.push_str("</w:tr>");
}

/// Writes the heading and the table.
pub fn write(body: &mut Body, table: &SideBySide) {
    body.para(&Para::new("GwChapter", vec![Run::plain("修改对照表")]));
    let border = r#"w:val="single" w:sz="4" w:space="0" w:color="auto""#;
    write!(
        body.xml,
        r#"<w:tbl><w:tblPr><w:tblW w:w="{BLOCK_WIDTH}" w:type="dxa"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="{half}"/><w:gridCol w:w="{half}"/></w:tblGrid>"#,
        half = BLOCK_WIDTH / 2
    )
    .unwrap();
    let bold = |t: &str| Run {
        format: "<w:b/>",
        ..Run::plain(t)
    };
    row(body, vec![bold("修改前")], vec![bold("修改后")], true);
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
        row(body, runs(&r.old_segments), new, false);
    }
    body.xml.push_str("</w:tbl>");
}
