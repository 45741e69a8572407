//! Word files: a draft as an editable .docx in GB/T 9704 layout — A4, the
//! 22 × 28 grid, named styles by role, odd and even page numbers — and a
//! redline as the new draft with every change a tracked change. The
//! WordprocessingML is written directly ([`xml`], [`parts`]) and zipped with
//! fixed timestamps ([`package`]), so the same input gives the same bytes.
//! With [`DocxSettings::embed_fonts`] the bundled faces go inside, cut down
//! and as TrueType ([`embed`], [`truetype`]).

mod draft;
mod embed;
mod package;
mod parts;
mod redline;
mod table;
mod truetype;
mod xml;

use super::context::MetaView;
use super::pdf::{PdfSettings, fonts, glyphs};
use super::{Backend, Format, Rendered, View};
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use parts::Faces;
use typst::foundations::Bytes;
use xml::{Body, Revisions};

/// Settings of the Word files that the caller gives.
#[derive(Debug, Clone, Default)]
pub struct DocxSettings {
    /// Embed the bundled faces, cut down to the characters printed, for
    /// readers without the GB/T faces (`--embed-fonts`; a few hundred KB a
    /// file).
    pub embed_fonts: bool,
}

/// The DOCX backend: its settings, and the PDF's, which say where the
/// bundled faces are.
pub struct DocxBackend<'a> {
    pub settings: &'a DocxSettings,
    pub fonts: &'a PdfSettings,
}

impl Backend for DocxBackend<'_> {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        let files = self.font_files(view)?;
        let files = files.as_deref();
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
                package_document(&body.xml, &faces, &ctx.meta, ctx.print.date, None, files)
            }
            View::Comments(ctx) => {
                let mut body = Body::new(Revisions::default());
                table::comments(&mut body, ctx);
                let faces = Faces::of(&ctx.print.fonts);
                let part = Part {
                    body: &body.xml,
                    title: &ctx.title.plain,
                    organ: None,
                    date: ctx.print.date,
                    comments: None,
                    landscape: true,
                };
                package(&part, &faces, files)
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
                package_document(
                    &body.xml,
                    &faces,
                    &new.meta,
                    new.print.date,
                    comments,
                    files,
                )
            }
        }
    }
}

impl DocxBackend<'_> {
    /// The bundled faces' bytes when they are to be embedded. Without them,
    /// the error is the one the PDF gives (its font check fails on the
    /// same missing folder first).
    fn font_files(&self, view: View<'_>) -> Result<Option<Vec<Bytes>>, Diagnostic> {
        if !self.settings.embed_fonts {
            return Ok(None);
        }
        fonts::bundled_files(self.fonts).map(Some).map_err(|e| {
            glyphs::font_set(view, self.fonts).err().unwrap_or_else(|| {
                Diagnostic::error(
                    std::path::Path::new("docx"),
                    0,
                    0,
                    crate::tr!(
                        "render-docx-embed-failed",
                        face = "Fandol",
                        error = format!("{e:?}")
                    ),
                )
            })
        })
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
    fonts: Option<&[Bytes]>,
) -> Result<Rendered, Diagnostic> {
    let title: String = meta.title_lines.concat();
    let part = Part {
        body,
        title: &title,
        organ: meta.organ.as_ref().map(|o| o.plain.as_str()),
        date,
        comments,
        landscape: false,
    };
    package(&part, faces, fonts)
}

/// What a .docx is made of besides the fixed parts.
struct Part<'a> {
    body: &'a str,
    title: &'a str,
    organ: Option<&'a str>,
    date: Option<Date>,
    comments: Option<String>,
    landscape: bool,
}

/// Packs a body and the fixed parts into a .docx, with the bundled faces
/// (`fonts`) embedded if given.
fn package(part: &Part, faces: &Faces, fonts: Option<&[Bytes]>) -> Result<Rendered, Diagnostic> {
    let failed = |error: String| {
        Diagnostic::error(
            std::path::Path::new("docx"),
            0,
            0,
            crate::tr!("render-docx-failed", error = error),
        )
    };
    let comments = part.comments.as_deref();
    let created = part.date.map(iso_midnight);
    let document = parts::document(part.body, part.landscape);
    let footers = [parts::footer(true), parts::footer(false)];
    let embedded = match fonts {
        Some(files) => {
            let files: Vec<&[u8]> = files.iter().map(|f| &**f).collect();
            let mut printed = vec![document.as_str(), &footers[0], &footers[1]];
            printed.extend(comments);
            embed::embed(faces, &files, &printed).map_err(|(face, e)| {
                Diagnostic::error(
                    std::path::Path::new("docx"),
                    0,
                    0,
                    crate::tr!(
                        "render-docx-embed-failed",
                        face = face,
                        error = e.to_string()
                    ),
                )
            })?
        }
        None => Vec::new(),
    };
    let some = !embedded.is_empty();
    let text = |s: String| s.into_bytes();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            text(parts::content_types(comments.is_some(), some)),
        ),
        ("_rels/.rels".into(), text(parts::package_rels())),
        (
            "docProps/core.xml".into(),
            text(parts::core(part.title, part.organ, created.as_deref())),
        ),
        ("word/document.xml".into(), text(document)),
        (
            "word/_rels/document.xml.rels".into(),
            text(parts::document_rels(comments.is_some())),
        ),
        ("word/styles.xml".into(), text(parts::styles(faces))),
        ("word/settings.xml".into(), text(parts::settings(some))),
        (
            "word/fontTable.xml".into(),
            text(parts::font_table(faces, &embedded)),
        ),
    ];
    if some {
        files.push((
            "word/_rels/fontTable.xml.rels".into(),
            text(parts::font_table_rels(&embedded)),
        ));
    }
    let [odd, even] = footers;
    files.push(("word/footer1.xml".into(), text(odd)));
    files.push(("word/footer2.xml".into(), text(even)));
    files.push((
        "word/theme/theme1.xml".into(),
        parts::THEME.as_bytes().to_vec(),
    ));
    if let Some(c) = comments {
        files.push(("word/comments.xml".into(), c.as_bytes().to_vec()));
    }
    for font in embedded {
        files.push((format!("word/{}", font.target), font.data));
    }
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(path, data)| (path.as_str(), data.as_slice()))
        .collect();
    let bytes = package::pack(&files).map_err(|e| failed(e.to_string()))?;
    Ok(Rendered::bytes(bytes))
}
