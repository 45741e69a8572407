//! The comments received on each draft: loaded, tied to the draft's parts,
//! and compared with the next draft of the document.

use std::path::Path;

use std::collections::HashMap;
use std::path::PathBuf;

use super::discover::{DraftEntry, consecutive_pairs};
use super::{Event, Summary, write_output};
use crate::comments::{Fate, Labels, Resolved, check_against_next, fates, resolve};
use crate::diagnostic::Diagnostic;
use crate::numbering::{Document, number};
use crate::render::comments::{CommentsView, ExplanationView};
use crate::render::{Format, Renderer, View};

/// A draft's comments, checked: none if it has no comments file.
pub fn comments_of(path: &Path, doc: &Document) -> Result<Option<Vec<Resolved>>, Vec<Diagnostic>> {
    let file = crate::load::comments_path(path);
    if !file.exists() {
        return Ok(None);
    }
    let comments = crate::load::load_comments(&file).map_err(|d| d.0)?;
    resolve(&comments, doc).map(Some)
}

/// The draft after `entry` in its document, if any.
pub fn next_of<'e>(entries: &'e [DraftEntry], entry: &DraftEntry) -> Option<&'e DraftEntry> {
    consecutive_pairs(entries)
        .into_iter()
        .find(|(a, _)| a.path == entry.path)
        .map(|(_, b)| b)
}

/// Checks the comments on every draft that has them; returns the number of
/// problems (errors) and reports warnings and notes through `on`.
pub fn check(entries: &[DraftEntry], on: &mut dyn FnMut(Event)) -> usize {
    let mut problems = 0;
    for entry in entries {
        let Ok(draft) = crate::load::load_draft(&entry.path) else {
            continue;
        };
        let doc = number(&draft);
        let resolved = match comments_of(&entry.path, &doc) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(diags) => {
                problems += diags.len();
                on(Event::Failed(
                    &crate::load::comments_path(&entry.path),
                    &diags,
                ));
                continue;
            }
        };
        let Some(next) = next_of(entries, entry) else {
            on(Event::Checked(&crate::load::comments_path(&entry.path)));
            continue;
        };
        let Ok(next_draft) = crate::load::load_draft(&next.path) else {
            continue;
        };
        let next_doc = number(&next_draft);
        let changes = crate::compare::compare(&doc, &next_doc);
        for w in check_against_next(&resolved, &changes, &doc, &next.path) {
            on(Event::Warning(&w));
        }
        // Parts the next draft changed that no comment is about: worth a look,
        // not a problem (not every change answers a comment).
        let labels = Labels::new(&doc);
        let commented: std::collections::HashSet<&str> = resolved
            .iter()
            .flat_map(|r| r.places.iter().filter_map(|p| p.anchor.as_deref()))
            .collect();
        let mut uncommented: Vec<(usize, String)> = fates(&changes, &Labels::new(&next_doc))
            .into_iter()
            .filter(|(anchor, (fate, _))| {
                matches!(fate, Fate::Changed | Fate::Deleted)
                    && !commented.contains(anchor.as_str())
            })
            .filter_map(|(anchor, _)| labels.display(&anchor))
            .filter_map(|label| Some((labels.find(&label).ok()?.order, label)))
            .collect();
        uncommented.sort();
        let uncommented: Vec<String> = uncommented.into_iter().map(|(_, l)| l).collect();
        let file = crate::load::comments_path(&entry.path);
        if !uncommented.is_empty() {
            let note = format!(
                "{}: {} parts changed in {} have no comment on them: {}",
                file.display(),
                uncommented.len(),
                crate::draft_name(&next.path),
                uncommented.join("；")
            );
            on(Event::Note(&note));
        }
        on(Event::Checked(&file));
    }
    problems
}

/// The formats the 意见采纳情况表 is written in, of those a build asks for.
fn table_formats(formats: &[Format]) -> Vec<Format> {
    formats
        .iter()
        .copied()
        .filter(|f| {
            matches!(
                f,
                Format::Markdown | Format::Html | Format::Pdf | Format::Docx
            )
        })
        .collect()
}

/// The table's output, relative to the output folder: `doc/v1.comments.html`.
pub fn table_output(entry: &DraftEntry, format: Format) -> PathBuf {
    entry.output(Path::new(""), &format!("comments.{}", format.extension()))
}

/// The 起草说明 draft's output: `doc/v1-v2.explanation.md`.
fn explanation_output(entry: &DraftEntry, next: &DraftEntry) -> PathBuf {
    super::redline_output(entry, next, Format::Markdown).with_file_name(format!(
        "{}-{}.explanation.md",
        crate::draft_name(&entry.path),
        crate::draft_name(&next.path)
    ))
}

/// The outputs the tables (and 起草说明 drafts) of these drafts would be written to.
pub fn planned(entries: &[DraftEntry], formats: &[Format]) -> Vec<(PathBuf, PathBuf)> {
    let mut out = Vec::new();
    let formats = table_formats(formats);
    for e in entries {
        let file = crate::load::comments_path(&e.path);
        if !file.exists() || formats.is_empty() {
            continue;
        }
        if let Some(next) = next_of(entries, e) {
            out.push((file.clone(), explanation_output(e, next)));
        }
        for &f in &formats {
            out.push((file.clone(), table_output(e, f)));
        }
    }
    out
}

/// Writes the 意见采纳情况表 of every built draft that has comments.
pub fn build_tables(
    entries: &[DraftEntry],
    documents: &HashMap<PathBuf, Document>,
    renderer: &Renderer,
    out: &Path,
    formats: &[Format],
    summary: &mut Summary,
    on: &mut dyn FnMut(Event),
) {
    let formats = table_formats(formats);
    if formats.is_empty() {
        return;
    }
    for entry in entries {
        let Some(doc) = documents.get(&entry.path) else {
            continue;
        };
        let file = crate::load::comments_path(&entry.path);
        let resolved = match comments_of(&entry.path, doc) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(diags) => {
                summary.failed_drafts += 1;
                on(Event::Failed(&file, &diags));
                continue;
            }
        };
        let next = next_of(entries, entry).and_then(|n| Some((n, documents.get(&n.path)?)));
        let changes = next.map(|(_, next_doc)| crate::compare::compare(doc, next_doc));
        let next_name = next.map(|(n, _)| crate::draft_name(&n.path));
        let view = CommentsView::new(
            doc,
            &crate::draft_name(&entry.path),
            &resolved,
            match (&next_name, &changes, next) {
                (Some(name), Some(changes), Some((_, next_doc))) => Some((name, changes, next_doc)),
                _ => None,
            },
        );
        if let (Some(changes), Some((next_entry, _))) = (&changes, next) {
            let explanation = ExplanationView::new(&view, &resolved, changes);
            let output = explanation_output(entry, next_entry);
            match renderer
                .templates
                .render("explanation.md.tera", &explanation)
            {
                Ok(text) => {
                    let text = format!("{}\n", text.trim_end());
                    write_output(out, &output, text.as_bytes(), summary, on);
                }
                Err(d) => {
                    summary.failed_redlines += 1;
                    on(Event::RedlineFailed(&d));
                }
            }
        }
        for &format in &formats {
            match renderer.render(format, View::Comments(&view)) {
                Ok(rendered) => {
                    for w in &rendered.warnings {
                        on(Event::Warning(w));
                    }
                    write_output(
                        out,
                        &table_output(entry, format),
                        &rendered.bytes,
                        summary,
                        on,
                    );
                }
                Err(d) => {
                    summary.failed_redlines += 1;
                    on(Event::RedlineFailed(&d));
                }
            }
        }
    }
}

/// What `comments import` did.
#[derive(Debug)]
pub struct Imported {
    /// The comments file written.
    pub file: PathBuf,
    pub added: usize,
    /// Rows the file already had.
    pub already: usize,
    /// Column headers the table has that gongwen does not read.
    pub unknown_headers: Vec<String>,
    /// Targets the draft has no part for (the file is written; `check` will
    /// say so too).
    pub warnings: Vec<Diagnostic>,
}

/// Adds the comments of a 意见反馈表 (CSV or XLSX) to a draft's comments file.
pub fn import_feedback(table: &Path, draft: &Path) -> Result<Imported, Vec<Diagnostic>> {
    let doc = crate::load::load_draft(draft)
        .map(|d| number(&d))
        .map_err(|d| d.0)?;
    let feedback = crate::import::feedback::read_feedback(table).map_err(|d| vec![d])?;
    let file = crate::load::comments_path(draft);
    let (current, existing) = if file.exists() {
        let bytes = crate::load::read_regular(&file)
            .map_err(|why| vec![Diagnostic::error(&file, 0, 0, why)])?;
        let existing = crate::load::load_comments_bytes(&file, &bytes).map_err(|d| d.0)?;
        (String::from_utf8_lossy(&bytes).into_owned(), existing)
    } else {
        (String::new(), Vec::new())
    };
    let appended = crate::comments::append::append(&current, &existing, &feedback.rows);
    // What is written must read back: checked before anything is written.
    let all = crate::load::load_comments_bytes(&file, appended.text.as_bytes()).map_err(|d| d.0)?;
    if appended.added > 0 {
        crate::write::write_atomic(&file, appended.text.as_bytes())
            .map_err(|e| vec![Diagnostic::error(&file, 0, 0, e.to_string())])?;
    }
    let warnings = match resolve(&all, &doc) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .map(|mut d| {
                d.severity = crate::diagnostic::Severity::Warning;
                d
            })
            .collect(),
    };
    Ok(Imported {
        file,
        added: appended.added,
        already: appended.already,
        unknown_headers: feedback.unknown_headers,
        warnings,
    })
}
