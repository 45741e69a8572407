//! The PDF: the render context laid out to GB/T 9704-2012 by a typst template,
//! compiled in-process by the typst crates inside a sandboxed [`world`]. The
//! document reaches typst only as JSON data, so author text can never be
//! parsed as typst markup or code.

pub mod fonts;
pub mod world;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic, Warned};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::fields::MetaField;
use crate::model::Date;
use crate::numbering::{Document, Section};
use crate::text::to_plain;
use fonts::{FontError, FontSet};
use world::{DocumentWorld, file_id};

/// Settings of the PDF stage that come from the command line.
#[derive(Debug, Clone, Default)]
pub struct PdfSettings {
    /// Folders to look in for faces a draft names, before the system.
    pub font_dirs: Vec<PathBuf>,
    /// Report characters without a glyph as a warning instead of an error.
    pub allow_missing_glyphs: bool,
    /// Seconds since 1970 to stamp as the creation date (`SOURCE_DATE_EPOCH`);
    /// otherwise the draft's date is used, and without one no date is written.
    pub source_date_epoch: Option<i64>,
}

/// A template's text and where it came from.
pub struct TemplateText<'a> {
    pub path: &'a Path,
    pub text: &'a str,
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

/// The faces the draft asks for, found, and every character of the documents
/// checked against them: what `build` needs before typst runs, and what
/// `check` runs so that a draft it passes also builds. Returns the faces and
/// the warnings (missing glyphs, when allowed).
pub fn prepare_fonts(
    docs: &[&Document],
    settings: &PdfSettings,
) -> Result<(FontSet, Vec<Diagnostic>), Diagnostic> {
    let doc = docs[0];
    let fonts_place = &doc.meta.fonts.origin;
    let fonts = FontSet::new(&doc.meta.fonts, &settings.font_dirs).map_err(|e| match e {
        FontError::Bundled(message) => Diagnostic::error(Path::new("fonts/fandol"), 0, 0, message)
            .help("the repository's fonts/ folder holds the Fandol faces; keep it beside the binary's project"),
        FontError::UnknownFamily { role, family, known } => {
            let place = doc.meta.fonts.places.get(&role).unwrap_or(fonts_place);
            let role = match role.split_once('.') {
                Some((list, i)) => format!("{list}, entry {}", i.parse::<usize>().unwrap_or(0) + 1),
                None => role,
            };
            Diagnostic::error(&place.file, place.line, place.column, format!("unknown font family `{family}` (fonts.{role})"))
                .help(format!(
                    "install the face, or pass the folder holding it with --font-dir; the families available are: {}",
                    known.join(", ")
                ))
        }
    })?;
    let mut warnings = Vec::new();
    let mut missing: BTreeMap<char, Vec<String>> = BTreeMap::new();
    for d in docs {
        for (c, places) in missing_glyphs(d, &fonts) {
            missing.entry(c).or_insert(places);
        }
    }
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .map(|(c, places)| format!("{c} (U+{:04X}) in {}", *c as u32, places.join("、")))
            .collect();
        let message = format!("no configured font has a glyph for: {}", listed.join("; "));
        let help = "name a face that has them under `fonts: fallback:` in the draft (for example Noto Serif CJK SC from the fonts-noto-cjk package), pass its folder with --font-dir, or build with --allow-missing-glyphs to print empty boxes";
        let d = Diagnostic::error(&fonts_place.file, 0, 0, message).help(help);
        if settings.allow_missing_glyphs {
            warnings.push(crate::diagnostic::Diagnostic {
                severity: crate::diagnostic::Severity::Warning,
                ..d
            });
        } else {
            return Err(d);
        }
    }
    Ok((fonts, warnings))
}

/// Lays out and exports `data` (a render context) with a typst template; the
/// fonts are those of the first document, and the text of every document is
/// checked for glyphs. Returns the PDF and any warnings.
pub fn render_pdf<T: Serialize>(
    docs: &[&Document],
    data: &T,
    template: TemplateText,
    settings: &PdfSettings,
) -> Result<(Vec<u8>, Vec<Diagnostic>), Diagnostic> {
    let doc = docs[0];
    let (fonts, mut warnings) = prepare_fonts(docs, settings)?;
    let data = serde_json::to_vec(data).map_err(|e| {
        Diagnostic::error(
            template.path,
            0,
            0,
            format!("cannot serialise the document: {e}"),
        )
    })?;
    let font_data = serde_json::to_vec(&fonts.roles).map_err(|e| {
        Diagnostic::error(
            template.path,
            0,
            0,
            format!("cannot serialise the fonts: {e}"),
        )
    })?;
    let date = creation_date(doc.meta.date, settings.source_date_epoch);
    let world = DocumentWorld::new(
        template.text,
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
        warnings.push(typst_diagnostic(&world, template.path, w));
    }
    let document = output.map_err(|errors| typst_diagnostic(&world, template.path, &errors[0]))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!("gongwen:{}", doc.meta.title)),
        creator: Smart::Custom(Some(format!("gongwen {}", env!("CARGO_PKG_VERSION")))),
        timestamp: date.map(|(_, t)| t),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options)
        .map_err(|errors| typst_diagnostic(&world, template.path, &errors[0]))?;
    Ok((pdf, warnings))
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

/// Calendar date of a day count since 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// Characters no face has, each with up to three places it occurs.
fn missing_glyphs(doc: &Document, fonts: &FontSet) -> BTreeMap<char, Vec<String>> {
    let mut places: Vec<(String, String)> = Vec::new();
    let meta = &doc.meta;
    for field in MetaField::ALL {
        for value in field.printed(meta) {
            places.push((field.label().into(), to_plain(&value)));
        }
    }
    for (name, list) in [("前言", &meta.preamble), ("结尾", &meta.closing)] {
        for p in list {
            places.push((name.into(), to_plain(p)));
        }
    }
    fn visit(s: &Section, places: &mut Vec<(String, String)>) {
        let name = s.display_name();
        let mut text = s.label.clone();
        if let Some(h) = &s.heading {
            text.push_str(&to_plain(h));
        }
        for p in s.paragraphs() {
            text.push_str(&to_plain(p));
        }
        places.push((name, text));
        for c in s.children() {
            visit(c, places);
        }
    }
    for s in &doc.sections {
        visit(s, &mut places);
    }
    let mut missing: BTreeMap<char, Vec<String>> = BTreeMap::new();
    let all: String = places.iter().map(|(_, t)| t.as_str()).collect();
    for c in fonts.missing_glyphs(&all) {
        let found: Vec<String> = places
            .iter()
            .filter(|(_, t)| t.contains(c))
            .map(|(n, _)| n.clone())
            .take(3)
            .collect();
        missing.insert(c, found);
    }
    missing
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
