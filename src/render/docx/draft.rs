//! A draft's body as WordprocessingML paragraphs: the same document as the
//! PDF, numbers typed into the text as offices type them, each paragraph in
//! the named style of its role.

use std::fmt::Write as _;

use super::parts::{BLOCK_WIDTH, CELL, LEFT_MARGIN};
use super::xml::{Body, Mark, Para, Run};
use crate::model::Role;
use crate::render::context::{BlockKind, BlockView, MetaView};
use crate::word_styles::WordStyle;

/// The paragraph style of a heading on a line of its own.
pub fn heading_style(role: Role) -> WordStyle {
    match role {
        Role::L1 => WordStyle::H1,
        Role::L2 => WordStyle::H2,
        Role::L3 => WordStyle::H3,
        Role::Book => WordStyle::Book,
        Role::Subbook => WordStyle::Subbook,
        Role::Chapter => WordStyle::Chapter,
        Role::Section => WordStyle::Section,
        _ => WordStyle::H4,
    }
}

/// The paragraph style of a paragraph that a part's number leads.
pub fn para_style(role: Role) -> WordStyle {
    match role {
        Role::Article => WordStyle::Article,
        Role::Item => WordStyle::Item,
        Role::Subitem => WordStyle::Subitem,
        _ => WordStyle::Normal,
    }
}

/// The character style of a run-in lead: 第一条 in 黑体, （一）… in 楷体.
pub fn lead_style(role: Role) -> Option<WordStyle> {
    match role {
        Role::Article => Some(WordStyle::ArticleNo),
        Role::L1 | Role::Book | Role::Subbook | Role::Chapter => Some(WordStyle::Lead1),
        Role::L2 | Role::Section => Some(WordStyle::Lead2),
        Role::L3 => Some(WordStyle::Lead3),
        Role::L4 => Some(WordStyle::Lead4),
        _ => None,
    }
}

/// The outline level Word's navigation pane shows a heading at.
pub fn outline(depth: usize) -> String {
    format!(
        r#"<w:outlineLvl w:val="{}"/>"#,
        depth.saturating_sub(1).min(8)
    )
}

/// The runs of a lead: its number and its run-in heading each a run in the
/// lead's style (so a redline can change the one and keep the other), then
/// the full-width space after 第一条 unstyled, so the face change is the
/// number's alone.
pub fn lead_runs(role: Role, label: &str, lead: &str, strong: bool) -> Vec<Run> {
    let core = lead.trim_end_matches('\u{3000}');
    let gap = &lead[core.len()..];
    let pieces: Vec<&str> = match core.strip_prefix(label) {
        Some(heading) if !label.is_empty() && !heading.is_empty() => vec![label, heading],
        _ => vec![core],
    };
    let mut runs: Vec<Run> = pieces
        .into_iter()
        .map(|piece| match lead_style(role).filter(|_| strong) {
            Some(style) => Run::styled(piece, style),
            None => Run::plain(piece),
        })
        .collect();
    if !gap.is_empty() {
        runs.push(Run::plain(gap));
    }
    runs
}

/// One block of the body as paragraphs: a heading, or a paragraph with its
/// run-in lead. A table is none: it is a Word table, written by
/// [`super::table::draft`] and the redline's tables.
pub fn block(b: &BlockView) -> Vec<Para> {
    vec![match b.kind {
        BlockKind::Table => return Vec::new(),
        BlockKind::Heading => Para::new(heading_style(b.role), vec![Run::plain(&b.plain)])
            .with_props(outline(b.depth)),
        BlockKind::Para => {
            let mut runs = match &b.lead {
                Some(lead) => lead_runs(b.role, &b.label, &lead.plain, b.lead_strong),
                None => Vec::new(),
            };
            if let Some(text) = &b.text {
                runs.push(Run::plain(&text.plain));
            }
            Para::new(para_style(b.role), runs)
        }
    }]
}

/// An attachment's head: a page break, 附件1 in 黑体 at the top left, and
/// its title centred on the next line (GB/T 9704 7.5).
pub fn attachment_head(label: &str, title_lines: &[String]) -> Vec<Para> {
    let mut out = vec![
        Para::new(WordStyle::AttachmentNo, vec![Run::plain(label)])
            .with_props("<w:pageBreakBefore/>"),
    ];
    for line in title_lines {
        out.push(Para::new(
            WordStyle::AttachmentTitle,
            vec![Run::plain(line)],
        ));
    }
    out.push(blank());
    out
}

/// A paragraph of plain text in the body style (preamble, closing).
pub fn text_para(text: &str) -> Para {
    Para::new(WordStyle::Normal, vec![Run::plain(text)])
}

/// An empty line of the grid (标题下空一行).
pub fn blank() -> Para {
    Para::new(WordStyle::Normal, Vec::new())
}

/// The head of the document: 发文字号, the title's lines, 稿别, a blank line,
/// and the addressee.
pub fn head(meta: &MetaView) -> Vec<Para> {
    let mut out = Vec::new();
    if let Some(number) = &meta.number {
        out.push(Para::new(
            WordStyle::Number,
            vec![Run::plain(&number.plain)],
        ));
        out.push(blank());
    }
    for line in &meta.title_lines {
        out.push(Para::new(WordStyle::Title, vec![Run::plain(line)]));
    }
    if let Some(stage) = &meta.stage_label {
        out.push(Para::new(WordStyle::Stage, vec![Run::plain(&stage.plain)]));
    }
    out.push(blank());
    if let Some(to) = &meta.to {
        out.push(Para::new(
            WordStyle::To,
            vec![Run::plain(format!("{}：", to.plain))],
        ));
    }
    out
}

/// Width in character cells: CJK and full-width one, the rest half.
fn cells(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.5 } else { 1.0 })
        .sum()
}

/// The tail: attachment note, signature and date, as GB/T 9704 sets them.
pub fn tail(meta: &MetaView) -> Vec<Para> {
    let mut out = Vec::new();
    if !meta.attachments.is_empty() {
        out.push(blank());
        let many = meta.attachments.len() > 1;
        for (i, a) in meta.attachments.iter().enumerate() {
            let number = if many {
                format!("{}.", i + 1)
            } else {
                String::new()
            };
            let text = if i == 0 {
                format!("附件：{number}{}", a.plain)
            } else {
                // Later items line up under the first item's text.
                format!("{number}{}", a.plain)
            };
            let props = if i == 0 {
                String::new()
            } else {
                format!(
                    r#"<w:ind w:leftChars="500" w:left="{}" w:hangingChars="0" w:hanging="0"/>"#,
                    5 * CELL
                )
            };
            out.push(Para::new(WordStyle::Attachment, vec![Run::plain(text)]).with_props(props));
        }
    }
    if meta.organ.is_some() || meta.date.is_some() {
        out.push(blank());
        // Unsealed (7.3.5): the organ two characters in from the right, the
        // date on the next line starting two characters right of the organ.
        let organ = meta.organ.as_ref().map(|o| o.plain.as_str()).unwrap_or("");
        let date = meta.date.as_deref().unwrap_or("");
        let date_right = 2.0_f64.max(cells(organ) - cells(date));
        let organ_right = (date_right + cells(date) + 2.0 - cells(organ)).max(0.0);
        let right = |cells: f64| {
            format!(
                r#"<w:ind w:rightChars="{}" w:right="{}" w:firstLineChars="0" w:firstLine="0"/>"#,
                (cells * 100.0).round() as u32,
                (cells * f64::from(CELL)).round() as u32
            )
        };
        if !organ.is_empty() {
            out.push(
                Para::new(WordStyle::Signature, vec![Run::plain(organ)])
                    .with_props(right(organ_right)),
            );
        }
        if !date.is_empty() {
            out.push(
                Para::new(WordStyle::Date, vec![Run::plain(date)]).with_props(right(date_right)),
            );
        }
    }
    out
}

/// The imprint's lines (版记, GB/T 9704 7.4): 抄送, then the printing organ
/// and date (印发) with a right tab between them, each a paragraph of its
/// own style; none without either.
fn imprint_lines(meta: &MetaView) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(cc) = &meta.cc_line {
        lines.push(cc.plain.clone());
    }
    if meta.printer.is_some() || meta.printed.is_some() {
        let mut text = meta
            .printer
            .as_ref()
            .map(|p| p.plain.clone())
            .unwrap_or_default();
        if let Some(printed) = &meta.printed {
            text.push('\t');
            text.push_str(&format!("{printed}印发"));
        }
        lines.push(text);
    }
    lines
}

/// The rules of the imprint: its first and last thick (0.35 mm), those
/// between thin (0.25 mm), as `w:sz` in eighths of a point.
const THICK: u32 = 8;
const THIN: u32 = 6;

/// The right tab that sets the 印发 date one character in from the right,
/// where the imprint's text is indented one character on either side. Tab
/// stops are measured from the left edge of the text, not the indent.
fn imprint_tab() -> String {
    format!(
        r#"<w:tabs><w:tab w:val="right" w:pos="{}"/></w:tabs>"#,
        BLOCK_WIDTH - IMPRINT_INDENT
    )
}

/// The imprint's indent on either side: one 4号 character.
const IMPRINT_INDENT: u32 = 280;

/// The imprint's lines as the paragraphs of the rows of [`imprint_at_foot`].
pub fn imprint(meta: &MetaView) -> Vec<Para> {
    imprint_lines(meta)
        .into_iter()
        .map(|text| Para::new(WordStyle::Imprint, vec![Run::plain(text)]).with_props(imprint_tab()))
        .collect()
}

/// The imprint at the foot of the last page, where GB/T 9704 7.4 puts it:
/// a one-column table floated to the bottom of the text block, a row for
/// each line, its rules the cells' borders, then the empty paragraph it is
/// anchored to. Word, WPS and LibreOffice all place a table positioned
/// "bottom, relative to the margin". LibreOffice makes it a frame only when
/// it is anchored to the page horizontally (a full-width table anchored to
/// the margin stays in the text), hence `horzAnchor="page"` at the left
/// margin. Paragraph borders would follow the indents, and a framed
/// paragraph loses them in LibreOffice (docs/docx.md). A row of a redline
/// is tracked as added or removed with its mark. Nothing without lines.
pub fn imprint_at_foot(body: &mut Body, rows: &[(Para, Mark)]) {
    if rows.is_empty() {
        return;
    }
    write!(
        body.xml,
        r#"<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="{LEFT_MARGIN}" w:tblpYSpec="bottom"/><w:tblOverlap w:val="never"/><w:tblW w:w="{BLOCK_WIDTH}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="{BLOCK_WIDTH}"/></w:tblGrid>"#
    )
    .unwrap();
    let last = rows.len() - 1;
    for (i, (para, mark)) in rows.iter().enumerate() {
        let top = if i == 0 { THICK } else { THIN };
        let bottom = if i == last { THICK } else { THIN };
        let tracked = body.row_mark(*mark);
        write!(
            body.xml,
            r#"<w:tr><w:trPr><w:cantSplit/>{tracked}</w:trPr><w:tc><w:tcPr><w:tcW w:w="{BLOCK_WIDTH}" w:type="dxa"/><w:tcBorders><w:top w:val="single" w:sz="{top}" w:space="0" w:color="auto"/><w:left w:val="nil"/><w:bottom w:val="single" w:sz="{bottom}" w:space="0" w:color="auto"/><w:right w:val="nil"/></w:tcBorders></w:tcPr>"#
        )
        .unwrap();
        body.para(para);
        body.xml.push_str("</w:tc></w:tr>");
    }
    body.xml.push_str("</w:tbl><w:p/>");
}
