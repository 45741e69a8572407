//! The PDF: a view laid out to GB/T 9704-2012 by a typst template
//! (`document.typ` for a draft, `redline.typ` for a redline), compiled
//! in-process by the typst crates inside a sandboxed [`world`]. The view
//! reaches typst only as JSON data, so author text can never be parsed as
//! typst markup or code. Everything the PDF needs is in the view (its print
//! information: title, date, the faces the draft names) or in the settings
//! the caller gives (font folders, found by the caller; the date to stamp).

mod bars;
pub mod fonts;
pub mod glyphs;
pub mod world;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use super::context::PrintInfo;
use super::{Backend, Format, Rendered, Templates, View};
use crate::diagnostic::Diagnostic;
use crate::model::Date;
use world::{DocumentWorld, file_id};

/// Settings of the PDF stage that the caller gives.
#[derive(Debug, Clone, Default)]
pub struct PdfSettings {
    /// The folder holding the bundled faces (`fonts/fandol`), found by the
    /// caller ([`fonts::find_bundled`]).
    pub bundled: Option<PathBuf>,
    /// Where the caller looked for them, to say so if it found none.
    pub bundled_search: fonts::BundledSearch,
    /// Folders to look in for faces a draft names.
    pub font_dirs: Vec<PathBuf>,
    /// Whether a face a draft names and no folder holds is looked for among
    /// the system's fonts (slow: 0.3–2 s).
    pub system_fonts: bool,
    /// Report characters without a glyph as a warning instead of an error.
    pub allow_missing_glyphs: bool,
    /// Seconds since 1970 to stamp as the creation date (`SOURCE_DATE_EPOCH`);
    /// otherwise the draft's date is used, and without one no date is written.
    pub source_date_epoch: Option<i64>,
}

impl PdfSettings {
    /// Checks what the command line gave: every font folder must exist.
    pub fn check(&self) -> Result<(), Diagnostic> {
        for dir in &self.font_dirs {
            if !dir.is_dir() {
                return Err(Diagnostic::error(
                    dir,
                    0,
                    0,
                    if dir.exists() {
                        crate::tr!("fonts-dir-is-file")
                    } else {
                        crate::tr!("fonts-dir-missing")
                    },
                )
                .help(crate::tr!("fonts-dir-help")));
            }
        }
        Ok(())
    }
}

/// Typst worlds kept between compiles, one per template and set of faces, so
/// that laying out a draft again (the next draft of a build, an edit under
/// `serve` or `watch`) reuses the library, the faces and typst's caches of
/// every paragraph the change left alone.
#[derive(Default)]
pub struct Worlds(Mutex<Vec<(WorldKey, DocumentWorld)>>);

/// What a kept world is for: its template's name and the faces of each role.
type WorldKey = (&'static str, Vec<u8>);

/// How many worlds are kept: a draft, a redline and a comments table, each
/// in a few sets of faces.
const KEPT_WORLDS: usize = 6;

impl Worlds {
    /// Lets typst forget what the last `generations` calls of this did not
    /// use, so a long-running preview does not grow without end. Call it once
    /// per round of rebuilding, not per draft.
    pub fn forget_unused(generations: usize) {
        typst::comemo::evict(generations);
    }
}

/// The PDF backend.
pub struct PdfBackend<'a> {
    pub templates: &'a Templates,
    pub settings: &'a PdfSettings,
    pub worlds: &'a Worlds,
}

/// A view laid out in pages, and what was noticed on the way.
pub struct Laid {
    pub document: PagedDocument,
    pub warnings: Vec<Diagnostic>,
}

impl PdfBackend<'_> {
    /// Lays a view out in pages, as the PDF will print them.
    pub fn layout(&self, view: View<'_>) -> Result<Laid, Diagnostic> {
        self.compile(view, |_, _, document| Ok(document))
            .map(|(document, warnings)| Laid { document, warnings })
    }

    /// Lays a view out and hands the pages to `then`, with the world they
    /// were laid out in (for placing its errors) and the template's path.
    fn compile<R>(
        &self,
        view: View<'_>,
        then: impl FnOnce(&DocumentWorld, &Path, PagedDocument) -> Result<R, Diagnostic>,
    ) -> Result<(R, Vec<Diagnostic>), Diagnostic> {
        let (name, print, data) = match view {
            View::Draft(ctx) => ("document.typ", &ctx.print, serde_json::to_vec(ctx)),
            View::Redline { view: ctx, .. } => ("redline.typ", &ctx.print, serde_json::to_vec(ctx)),
            View::Comments(ctx) => ("comments.typ", &ctx.print, serde_json::to_vec(ctx)),
        };
        let (path, text) = self.templates.source(name).ok_or_else(|| {
            Diagnostic::error(
                Path::new(name),
                0,
                0,
                crate::tr!("template-missing", name = name),
            )
        })?;
        let data = data.map_err(|e| {
            Diagnostic::error(
                path,
                0,
                0,
                crate::tr!("pdf-view-failed", error = e.to_string()),
            )
        })?;
        let date = creation_date(print.date, self.settings.source_date_epoch).map(|(d, _)| d);
        // The faces the draft names, as the key of its world: finding them
        // (scanning folders, perhaps the system) is done once per world.
        let f = &print.fonts;
        let faces = format!(
            "{:?}",
            (&f.body, &f.kai, &f.hei, &f.title, &f.song, &f.fallback)
        );
        let key = (name, faces.into_bytes());
        // A poisoned lock only means another compile panicked; the worlds are whole.
        let mut worlds = self.worlds.0.lock().unwrap_or_else(|p| p.into_inner());
        let kept = worlds
            .iter()
            .position(|(k, _)| *k == key)
            .map(|i| worlds.remove(i));
        let (key, fonts) = match kept {
            Some((key, world)) => (key, Ok(world)),
            None => (key, Err(glyphs::font_set(view, self.settings)?)),
        };
        let font_set = match &fonts {
            Ok(world) => world.fonts(),
            Err(set) => set,
        };
        let mut warnings = glyphs::check_glyphs(view, font_set, self.settings)?;
        let font_data = serde_json::to_vec(&font_set.roles).map_err(|e| {
            Diagnostic::error(
                path,
                0,
                0,
                crate::tr!("pdf-fonts-failed", error = e.to_string()),
            )
        })?;
        let files = vec![("/data.json", data), ("/fonts.json", font_data)];
        let world = match fonts {
            Ok(mut world) => {
                world.update(text, files, date);
                world
            }
            Err(set) => DocumentWorld::new(text, files, set, date),
        };
        // Most recently used last; the first is dropped when full.
        if worlds.len() >= KEPT_WORLDS {
            worlds.remove(0);
        }
        worlds.push((key, world));
        let world = &worlds[worlds.len() - 1].1;
        let Warned {
            output,
            warnings: typst_warnings,
        } = typst::compile::<PagedDocument>(world);
        for w in typst_warnings
            .iter()
            .filter(|w| w.severity == Severity::Warning)
        {
            warnings.push(typst_diagnostic(world, path, w));
        }
        let document = output.map_err(|errors| typst_diagnostic(world, path, &errors[0]))?;
        let document = bars::draw(document);
        Ok((then(world, path, document)?, warnings))
    }
}

impl Backend for PdfBackend<'_> {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        let print = print_info(view);
        let options = PdfOptions {
            ident: Smart::Custom(format!("gongwen:{}", print.title)),
            creator: Smart::Custom(Some(format!("gongwen {}", env!("CARGO_PKG_VERSION")))),
            timestamp: creation_date(print.date, self.settings.source_date_epoch).map(|(_, t)| t),
            ..PdfOptions::default()
        };
        let (bytes, warnings) = self.compile(view, |world, path, document| {
            typst_pdf::pdf(&document, &options)
                .map_err(|errors| typst_diagnostic(world, path, &errors[0]))
        })?;
        Ok(Rendered { bytes, warnings })
    }
}

/// One page as SVG: what the preview shows, the same page the PDF prints.
pub fn page_svg(document: &PagedDocument, index: usize) -> Option<String> {
    let page = document.pages().get(index)?;
    Some(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
}

/// What the print stage knows of a view (for callers that check before rendering).
pub fn print_info<'a>(view: View<'a>) -> &'a PrintInfo {
    match view {
        View::Draft(ctx) => &ctx.print,
        View::Redline { view: ctx, .. } => &ctx.print,
        View::Comments(ctx) => &ctx.print,
    }
}

/// The creation date: `SOURCE_DATE_EPOCH` if given, else the draft's date at midnight UTC.
fn creation_date(date: Option<Date>, epoch: Option<i64>) -> Option<(Datetime, Timestamp)> {
    let datetime = match (epoch, date) {
        (Some(secs), _) => {
            let days = secs.div_euclid(86_400);
            let rem = secs.rem_euclid(86_400);
            let (y, m, d) = civil_from_days(days);
            Datetime::from_ymd_hms(
                y,
                m,
                d,
                (rem / 3600) as u8,
                (rem / 60 % 60) as u8,
                (rem % 60) as u8,
            )?
        }
        (None, Some(d)) => Datetime::from_ymd_hms(d.year as i32, d.month, d.day, 0, 0, 0)?,
        (None, None) => return None,
    };
    Some((datetime, Timestamp::new_utc(datetime)))
}

/// Calendar date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let (y, m, d) = Date::civil_from_days(days);
    (y as i32, m, d)
}

/// A typst diagnostic as ours, placed in the template (or the data) by line and column.
fn typst_diagnostic(world: &DocumentWorld, template: &Path, d: &SourceDiagnostic) -> Diagnostic {
    let mut file = template.to_path_buf();
    let (mut line, mut column) = (0, 0);
    let mut source = None;
    if let Some(id) = d.span.id() {
        if id != file_id("/main.typ") {
            file = PathBuf::from(format!("(generated {})", id.vpath().get_without_slash()));
        }
        if let (Some(range), Some(text)) = (world.range(d.span), world.text(id)) {
            let before = &text[..range.start.min(text.len())];
            line = before.matches('\n').count() as u32 + 1;
            column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            source = Some(std::sync::Arc::<str>::from(text));
        }
    }
    let mut out = match d.severity {
        Severity::Error => Diagnostic::error(
            &file,
            line,
            column,
            crate::tr!("pdf-template-error", message = d.message.to_string()),
        ),
        Severity::Warning => Diagnostic::warning(
            &file,
            line,
            column,
            crate::tr!("pdf-template-error", message = d.message.to_string()),
        ),
    };
    let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    out = out.help(if hints.is_empty() {
        crate::tr!("pdf-template-error-help")
    } else {
        hints.join("; ")
    });
    if let Some(s) = &source {
        out = out.with_source(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_from_days_inverts_days_since_epoch() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2021, 9, 1), (2026, 11, 29)] {
            let days = Date::new(y, m, d).unwrap().days_since_epoch();
            assert_eq!(civil_from_days(days), (y as i32, m, d));
        }
    }
}
