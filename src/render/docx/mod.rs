//! Word files: a draft as an editable .docx in GB/T 9704 layout — A4, the
//! 22 × 28 grid, named styles by role, odd and even page numbers — and a
//! redline as the new draft with every change a tracked change. The
//! WordprocessingML is written directly ([`xml`], [`parts`]) and zipped with
//! fixed timestamps ([`package`]), so the same input gives the same bytes.

mod draft;
mod package;
mod parts;
mod redline;
mod table;
mod xml;

use super::context::MetaView;
use super::{Backend, Format, Rendered, View};
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use parts::Faces;
use xml::{Body, Revisions};

/// The DOCX backend.
pub struct DocxBackend;

impl Backend for DocxBackend {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        match view {
            View::Draft(ctx) => {
                let mut body = Body::new(Revisions::default());
                for p in draft::head(&ctx.meta) {
                    body.para(&p);
                }
                for p in &ctx.preamble {
                    body.para(&draft::text_para(&p.plain));
                }
                blocks(&mut body, &ctx.blocks);
                for p in &ctx.closing {
                    body.para(&draft::text_para(&p.plain));
                }
                for p in draft::tail(&ctx.meta) {
                    body.para(&p);
                }
                for a in &ctx.appendices {
                    for p in draft::attachment_head(&a.label, &a.title_lines) {
                        body.para(&p);
                    }
                    blocks(&mut body, &a.blocks);
                }
                let imprint: Vec<_> = draft::imprint(&ctx.meta)
                    .into_iter()
                    .map(|p| (p, xml::Mark::Plain))
                    .collect();
                draft::imprint_at_foot(&mut body, &imprint);
                let faces = Faces::of(&ctx.print.fonts);
                package_document(&body.xml, &faces, &ctx.meta, ctx.print.date, None)
            }
            View::Comments(ctx) => {
                let mut body = Body::new(Revisions::default());
                table::comments(&mut body, ctx);
                let faces = Faces::of(&ctx.print.fonts);
                package(
                    &body.xml,
                    &faces,
                    &ctx.title.plain,
                    None,
                    ctx.print.date,
                    None,
                    true,
                )
            }
            View::Redline {
                view: ctx,
                old,
                new,
            } => {
                let sides = redline::WordSides::new(old, new, &ctx.changes);
                let new = &sides.new;
                let author = ctx
                    .author
                    .clone()
                    .or_else(|| new.meta.organ.as_ref().map(|o| o.plain.clone()))
                    .unwrap_or_else(|| "gongwen".to_string());
                let date = new.print.date.or(sides.old.print.date);
                let mut body = Body::new(Revisions::new(&author, date.map(iso_midnight)));
                redline::write(&mut body, &sides);
                if let Some(side) = &ctx.side_by_side {
                    table::write(&mut body, side);
                }
                let faces = Faces::of(&new.print.fonts);
                let comments = body.comments_part();
                package_document(&body.xml, &faces, &new.meta, new.print.date, comments)
            }
        }
    }
}

/// A draft's blocks: paragraphs, each bookmarked by its part's id, and tables.
fn blocks(body: &mut Body, blocks: &[crate::render::context::BlockView]) {
    for (i, b) in blocks.iter().enumerate() {
        if let Some(view) = &b.table {
            table::draft(body, view);
            // Word needs a paragraph between two tables and after the last.
            if blocks.get(i + 1).is_none_or(|next| next.table.is_some()) {
                body.para(&draft::blank());
            }
            continue;
        }
        for mut p in draft::block(b) {
            p.bookmark = b.id.as_deref().and_then(xml::bookmark_name);
            body.para(&p);
        }
    }
}

/// `2021-09-01T00:00:00Z`.
fn iso_midnight(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year, date.month, date.day
    )
}

/// Packs a draft's (or a redline's) body and the fixed parts into a .docx.
fn package_document(
    body: &str,
    faces: &Faces,
    meta: &MetaView,
    date: Option<Date>,
    comments: Option<String>,
) -> Result<Rendered, Diagnostic> {
    let title: String = meta.title_lines.concat();
    let organ = meta.organ.as_ref().map(|o| o.plain.as_str());
    package(body, faces, &title, organ, date, comments, false)
}

/// Packs a body and the fixed parts into a .docx.
fn package(
    body: &str,
    faces: &Faces,
    title: &str,
    organ: Option<&str>,
    date: Option<Date>,
    comments: Option<String>,
    landscape: bool,
) -> Result<Rendered, Diagnostic> {
    let created = date.map(iso_midnight);
    let mut files = vec![
        (
            "[Content_Types].xml",
            parts::content_types(comments.is_some()),
        ),
        ("_rels/.rels", parts::package_rels()),
        (
            "docProps/core.xml",
            parts::core(title, organ, created.as_deref()),
        ),
        ("word/document.xml", parts::document(body, landscape)),
        (
            "word/_rels/document.xml.rels",
            parts::document_rels(comments.is_some()),
        ),
        ("word/styles.xml", parts::styles(faces)),
        ("word/settings.xml", parts::settings()),
        ("word/fontTable.xml", parts::font_table(faces)),
        ("word/footer1.xml", parts::footer(true)),
        ("word/footer2.xml", parts::footer(false)),
        ("word/theme/theme1.xml", parts::THEME.to_string()),
    ];
    if let Some(c) = comments {
        files.push(("word/comments.xml", c));
    }
    let bytes = package::pack(&files).map_err(|e| {
        Diagnostic::error(
            std::path::Path::new("docx"),
            0,
            0,
            crate::tr!("render-docx-failed", error = e.to_string()),
        )
    })?;
    Ok(Rendered::bytes(bytes))
}
