//! The PDF: a view laid out to GB/T 9704-2012 by a typst template
//! (`document.typ` for a draft, `redline.typ` for a redline), compiled
//! in-process by the typst crates inside a sandboxed [`world`]. The view
//! reaches typst only as JSON data, so author text can never be parsed as
//! typst markup or code. Everything the PDF needs is in the view (its print
//! information: title, date, the faces the draft names) or in the settings
//! the caller gives (font folders, found by the caller; the date to stamp).

pub mod fonts;
pub mod glyphs;
pub mod world;

use std::path::{Path, PathBuf};

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
                        "--font-dir names a file, not a folder"
                    } else {
                        "--font-dir names a folder that does not exist"
                    },
                )
                .help("give the folder that holds the font files (.otf, .ttf, .ttc)"));
            }
        }
        Ok(())
    }
}

/// The PDF backend.
pub struct PdfBackend<'a> {
    pub templates: &'a Templates,
    pub settings: &'a PdfSettings,
}

impl Backend for PdfBackend<'_> {
    fn format(&self) -> Format {
        Format::Pdf
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        let (name, print, data) = match view {
            View::Draft(ctx) => ("document.typ", &ctx.print, serde_json::to_vec(ctx)),
            View::Redline(ctx) => ("redline.typ", &ctx.print, serde_json::to_vec(ctx)),
            View::Comments(ctx) => ("comments.typ", &ctx.print, serde_json::to_vec(ctx)),
        };
        let (path, text) = self
            .templates
            .source(name)
            .ok_or_else(|| Diagnostic::error(Path::new(name), 0, 0, "template missing"))?;
        let data = data.map_err(|e| {
            Diagnostic::error(path, 0, 0, format!("cannot serialise the view: {e}"))
        })?;
        let (fonts, mut warnings) = glyphs::check_fonts(view, self.settings)?;
        let font_data = serde_json::to_vec(&fonts.roles).map_err(|e| {
            Diagnostic::error(path, 0, 0, format!("cannot serialise the fonts: {e}"))
        })?;
        let date = creation_date(print.date, self.settings.source_date_epoch);
        let world = DocumentWorld::new(
            text,
            vec![("/data.json", data), ("/fonts.json", font_data)],
            fonts,
            date.map(|(d, _)| d),
        );
        let Warned {
            output,
            warnings: typst_warnings,
        } = typst::compile::<PagedDocument>(&world);
        for w in typst_warnings
            .iter()
            .filter(|w| w.severity == Severity::Warning)
        {
            warnings.push(typst_diagnostic(&world, path, w));
        }
        let document = output.map_err(|errors| typst_diagnostic(&world, path, &errors[0]))?;
        let options = PdfOptions {
            ident: Smart::Custom(format!("gongwen:{}", print.title)),
            creator: Smart::Custom(Some(format!("gongwen {}", env!("CARGO_PKG_VERSION")))),
            timestamp: date.map(|(_, t)| t),
            ..PdfOptions::default()
        };
        let pdf = typst_pdf::pdf(&document, &options)
            .map_err(|errors| typst_diagnostic(&world, path, &errors[0]))?;
        Ok(Rendered {
            bytes: pdf,
            warnings,
        })
    }
}

/// What the print stage knows of a view (for callers that check before rendering).
pub fn print_info<'a>(view: View<'a>) -> &'a PrintInfo {
    match view {
        View::Draft(ctx) => &ctx.print,
        View::Redline(ctx) => &ctx.print,
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
        Severity::Error => {
            Diagnostic::error(&file, line, column, format!("PDF template: {}", d.message))
        }
        Severity::Warning => {
            Diagnostic::warning(&file, line, column, format!("PDF template: {}", d.message))
        }
    };
    let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    out = out.help(if hints.is_empty() {
        "fix the template, or delete the override in templates/ to use the built-in one".to_string()
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
