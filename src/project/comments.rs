//! The comments received on each draft: loaded, tied to the draft's parts,
//! and compared with the next draft of the document.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::discover::{DraftEntry, consecutive_pairs};
use super::{Event, Origin, Summary, write_output};
use crate::comments::append::{Appended, append};
use crate::comments::{Fate, Labels, Resolved, check_against_next, commented, fates, resolve};
use crate::compare::ChangeSet;
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

/// Checks the comments on every draft that has them, against the draft and
/// the next one (`documents`: the drafts that loaded, numbered); returns the
/// number of problems (errors) and reports warnings and notes through `on`.
pub fn check(
    entries: &[DraftEntry],
    documents: &HashMap<PathBuf, Document>,
    on: &mut dyn FnMut(Event),
) -> usize {
    let mut problems = 0;
    for entry in entries {
        let Some(doc) = documents.get(&entry.path) else {
            continue;
        };
        let file = crate::load::comments_path(&entry.path);
        let resolved = match comments_of(&entry.path, doc) {
            Ok(Some(r)) => r,
            Ok(None) => continue,
            Err(diags) => {
                problems += diags.len();
                on(Event::Failed(&file, &diags));
                continue;
            }
        };
        let next = next_of(entries, entry).and_then(|n| Some((n, documents.get(&n.path)?)));
        let Some((next, next_doc)) = next else {
            on(Event::Checked(&file));
            continue;
        };
        let changes = crate::compare::compare(doc, next_doc);
        let labels = Labels::new(doc);
        for w in check_against_next(&resolved, &changes, &labels, &next.path) {
            on(Event::Warning(&w));
        }
        // Parts the next draft changed that no comment is about: worth a look,
        // not a problem (not every change answers a comment).
        let commented = commented(&resolved);
        let mut uncommented: Vec<(usize, String)> = fates(&changes, &Labels::new(next_doc))
            .into_iter()
            .filter(|(anchor, (fate, _))| {
                matches!(fate, Fate::Changed | Fate::Deleted)
                    && !commented.contains(anchor.as_str())
            })
            .filter_map(|(anchor, _)| Some((labels.order(&anchor)?, labels.display(&anchor)?)))
            .collect();
        uncommented.sort();
        if !uncommented.is_empty() {
            let labels: Vec<String> = uncommented.into_iter().map(|(_, l)| l).collect();
            let note = crate::tr!(
                "comments-changed-without-comment",
                file = crate::paths::shown(&file).to_string(),
                count = labels.len(),
                draft = crate::load::draft_name(&next.path).to_string(),
                parts = labels.join("；")
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
        crate::load::draft_name(&entry.path),
        crate::load::draft_name(&next.path)
    ))
}

/// The outputs the tables (and 起草说明 drafts) of these drafts would be written to.
pub fn planned(entries: &[DraftEntry], formats: &[Format]) -> Vec<(Origin, PathBuf)> {
    let mut out = Vec::new();
    let formats = table_formats(formats);
    for e in entries {
        let file = crate::load::comments_path(&e.path);
        if !file.exists() || formats.is_empty() {
            continue;
        }
        if let Some(next) = next_of(entries, e) {
            out.push((
                Origin::Explanation(file.clone(), next.path.clone()),
                explanation_output(e, next),
            ));
        }
        for &f in &formats {
            out.push((Origin::Comments(file.clone()), table_output(e, f)));
        }
    }
    out
}

/// The comments on every built draft that has them, checked; a comments
/// file with problems is reported and counted as a draft that failed.
pub fn load_all(
    entries: &[DraftEntry],
    documents: &HashMap<PathBuf, Document>,
    summary: &mut Summary,
    on: &mut dyn FnMut(Event),
) -> HashMap<PathBuf, Vec<Resolved>> {
    let mut out = HashMap::new();
    for entry in entries {
        let Some(doc) = documents.get(&entry.path) else {
            continue;
        };
        match comments_of(&entry.path, doc) {
            Ok(Some(r)) => {
                out.insert(entry.path.clone(), r);
            }
            Ok(None) => {}
            Err(diags) => {
                summary.failed_drafts += 1;
                on(Event::Failed(
                    &crate::load::comments_path(&entry.path),
                    &diags,
                ));
            }
        }
    }
    out
}

/// What a build has made of the drafts by the time it writes the tables.
pub struct Built<'a> {
    pub entries: &'a [DraftEntry],
    /// The drafts that built, numbered.
    pub documents: &'a HashMap<PathBuf, Document>,
    /// The checked comments on each draft that has them ([`load_all`]).
    pub comments: &'a HashMap<PathBuf, Vec<Resolved>>,
    /// Each draft's comparison with the next one, by the older draft.
    pub changes: &'a HashMap<PathBuf, ChangeSet>,
}

/// Writes the 意见采纳情况表 (and, where there is a next draft, the 起草说明
/// draft) of every built draft that has comments.
pub fn build_tables(
    built: &Built,
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
    for entry in built.entries {
        let (Some(doc), Some(resolved)) = (
            built.documents.get(&entry.path),
            built.comments.get(&entry.path),
        ) else {
            continue;
        };
        let next = next_of(built.entries, entry).and_then(|n| {
            Some((
                n,
                crate::load::draft_name(&n.path),
                built.changes.get(&entry.path)?,
                built.documents.get(&n.path)?,
            ))
        });
        let view = CommentsView::new(
            doc,
            &crate::load::draft_name(&entry.path),
            resolved,
            next.as_ref()
                .map(|(_, name, changes, next_doc)| (name.as_str(), *changes, *next_doc)),
        );
        if let Some((next_entry, _, changes, _)) = next {
            let explanation = ExplanationView::new(&view, resolved, changes);
            match renderer
                .templates
                .render("explanation.md.tera", &explanation)
            {
                Ok(text) => {
                    let text = format!("{}\n", text.trim_end());
                    let output = explanation_output(entry, next_entry);
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
    /// What reading the table did that is worth a word: sheets not read,
    /// columns joined.
    pub notes: Vec<String>,
    /// Targets the draft has no part for (the file is written; `check` will
    /// say so too).
    pub warnings: Vec<Diagnostic>,
}

/// The most comments `comments import` makes a comments file hold: the
/// loader reads at most 2,000,000 values from one file, and a comment is
/// up to about 20 of them.
pub const MAX_COMMENTS: usize = 100_000;

/// Adds the comments of a 意见反馈表 (CSV or XLSX), or the Word comments
/// (批注) of a reviewed .docx of the draft, to the draft's comments file.
/// `from` names the sender of a Word file's comments (else each comment's
/// author).
pub fn import_feedback(
    table: &Path,
    draft: &Path,
    from: Option<&str>,
) -> Result<Imported, Vec<Diagnostic>> {
    if is_word(table) {
        return import_reviewed(&[table], draft, &super::review::Senders::of_unit(from));
    }
    let doc = crate::load::load_draft(draft)
        .map(|d| number(&d))
        .map_err(|d| d.0)?;
    let feedback = crate::import::feedback::read_feedback(table)?;
    let file = crate::load::comments_path(draft);
    let (current, existing) = current_comments(&file)?;
    let (appended, all) = append_checked(&current, &existing, &feedback, table, &file)?;
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
                in_table_terms(d, &appended, table, feedback.column("on"))
            })
            .collect(),
    };
    Ok(Imported {
        file,
        added: appended.added,
        already: appended.already,
        unknown_headers: feedback.unknown_headers,
        notes: feedback.notes,
        warnings,
    })
}

/// Adds the Word comments and tracked changes of several reviewed .docx
/// files of the draft, from one or several units, to the draft's comments
/// file at once: merged in the order of the draft's text. Nothing is
/// written if any file is refused.
pub fn import_reviewed(
    files: &[&Path],
    draft: &Path,
    from: &super::review::Senders,
) -> Result<Imported, Vec<Diagnostic>> {
    let doc = crate::load::load_draft(draft)
        .map(|d| number(&d))
        .map_err(|d| d.0)?;
    let (feedback, warnings) = reviewed(files, &doc, from)?;
    let file = crate::load::comments_path(draft);
    let (current, existing) = current_comments(&file)?;
    let (appended, _) = append_checked(&current, &existing, &feedback, files[0], &file)?;
    if appended.added > 0 {
        crate::write::write_atomic(&file, appended.text.as_bytes())
            .map_err(|e| vec![Diagnostic::error(&file, 0, 0, e.to_string())])?;
    }
    Ok(Imported {
        file,
        added: appended.added,
        already: appended.already,
        unknown_headers: Vec::new(),
        notes: Vec::new(),
        warnings,
    })
}

/// A comments file's text and comments as they are; none if there is no
/// file yet.
fn current_comments(file: &Path) -> Result<(String, Vec<crate::model::Comment>), Vec<Diagnostic>> {
    if !file.exists() {
        return Ok((String::new(), Vec::new()));
    }
    let bytes = crate::load::read_comments(file).map_err(|d| vec![d])?;
    let existing = crate::load::load_comments_bytes(file, &bytes).map_err(|d| d.0)?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), existing))
}

/// Reviewed Word files' comments, merged in the order of the draft's text.
fn reviewed(
    files: &[&Path],
    doc: &Document,
    from: &super::review::Senders,
) -> Result<(crate::import::feedback::Feedback, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut reviews = Vec::new();
    let mut errors = Vec::new();
    for &file in files {
        let read = crate::load::read_regular(file)
            .map_err(|why| {
                Diagnostic::error(file, 0, 0, crate::tr!("import-cannot-read", why = why))
            })
            .and_then(|bytes| crate::import::docx::review::read(file, &bytes));
        match read {
            Ok(review) => reviews.push((file, review)),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    super::review::merged(&reviews, doc, from)
}

/// Whether a file is a Word file (a .docx package), by its name.
pub fn is_word(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
}

/// The comments file with the table's new comments, and all its comments,
/// checked as `check` reads it before anything is written: the comments
/// already there read back as they were, where they were.
fn append_checked(
    current: &str,
    existing: &[crate::model::Comment],
    feedback: &crate::import::feedback::Feedback,
    table: &Path,
    file: &Path,
) -> Result<(Appended, Vec<crate::model::Comment>), Vec<Diagnostic>> {
    // A blank line before the new comments, unless it would change the last
    // value before them (a block kept with its blank lines, `|+`).
    for separated in [true, false] {
        let appended = append(current, existing, feedback, table, separated)?;
        let total = existing.len() + appended.added;
        if total > MAX_COMMENTS {
            return Err(vec![
                Diagnostic::error(
                    file,
                    0,
                    0,
                    crate::tr!(
                        "comments-too-many",
                        added = appended.added,
                        total = total,
                        most = MAX_COMMENTS
                    ),
                )
                .help(crate::tr!("comments-table-help")),
            ]);
        }
        if appended.text.len() as u64 > crate::load::MAX_FILE_BYTES {
            return Err(vec![
                Diagnostic::error(
                    file,
                    0,
                    0,
                    crate::tr!(
                        "comments-too-large",
                        size = appended.text.len() >> 20,
                        most = (crate::load::MAX_FILE_BYTES >> 20) as usize
                    ),
                )
                .help(crate::tr!("comments-table-help")),
            ]);
        }
        match crate::load::load_comments_bytes(file, appended.text.as_bytes()) {
            Ok(all) if all.get(..existing.len()) == Some(existing) => return Ok((appended, all)),
            Ok(_) => continue,
            Err(d) => {
                return Err(d
                    .0
                    .into_iter()
                    .map(|d| in_table_terms(d, &appended, table, None))
                    .collect());
            }
        }
    }
    Err(vec![
        Diagnostic::error(file, 0, 0, crate::tr!("comments-cannot-append"))
            .help(crate::tr!("comments-cannot-append-help")),
    ])
}

/// A message about a comment the table added, said of the table's row (and
/// `column`, when known) instead of the line it would be written on.
fn in_table_terms(
    d: Diagnostic,
    appended: &Appended,
    table: &Path,
    column: Option<&str>,
) -> Diagnostic {
    let Some(row) = appended.row_at(d.line).filter(|_| d.line > 0) else {
        return d;
    };
    let message = match column {
        Some(c) => crate::tr!(
            "comments-at-row-column",
            row = row,
            column = c,
            message = &d.message
        ),
        None => crate::tr!("comments-at-row", row = row, message = &d.message),
    };
    Diagnostic {
        file: table.to_path_buf(),
        line: 0,
        column: 0,
        message,
        source: None,
        offset: None,
        ..d
    }
}
