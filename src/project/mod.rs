//! The project on disk: drafts found under a folder, each built into its
//! outputs, consecutive drafts of a document compared into a redline, and
//! every output named and written below the output folder. What `gongwen
//! build` and `gongwen check` do, for the CLI, tests, benchmarks and a later
//! `watch` alike; what happens is reported as it happens, through a callback.
//!
//! ```no_run
//! use gongwen::project::{self, Event};
//! use gongwen::render::{Format, Renderer, Templates};
//! let cwd = std::env::current_dir().unwrap();
//! let drafts = project::find_all(&["drafts".into()], &cwd).unwrap();
//! let renderer = Renderer::new(Templates::load(None).unwrap(), Default::default());
//! let summary = project::build(&drafts, &renderer, "output".as_ref(), &[Format::Html], &mut |e| {
//!     if let Event::Wrote(path, _) = e { println!("wrote {}", gongwen::paths::shown(path)) }
//! }).unwrap();
//! assert_eq!(summary.failed_drafts, 0);
//! ```

pub mod comments;
pub mod discover;
pub mod draft;
pub mod redline;
pub mod review;
mod schemas;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Diagnostics, Severity};
use crate::lint::{Report, lint_loaded};
use crate::load::draft_name;
use crate::paths::shown;
use crate::render::pdf::{PdfSettings, glyphs};
use crate::render::{Format, RenderContext, Renderer, View};
use crate::threads::joined;
use crate::write::{self, WriteError};
pub use discover::{DraftEntry, consecutive_pairs, find_all};
use draft::{Loaded, Outputs, render_draft};
use redline::{Options, Redline, Side};

/// What building (or checking) reports as it goes.
#[derive(Debug)]
pub enum Event<'a> {
    /// An output was written, with what it holds.
    Wrote(&'a Path, &'a [u8]),
    /// Something worth knowing that does not stop the output (an allowed
    /// missing glyph, a template warning).
    Warning(&'a Diagnostic),
    /// A draft has problems: nothing of it was written.
    Failed(&'a Path, &'a [Diagnostic]),
    /// A draft passed `check`.
    Checked(&'a Path),
    /// A redline could not be rendered.
    RedlineFailed(&'a Diagnostic),
    /// An output could not be written.
    NotWritten(&'a WriteError),
    /// Something worth a look that is not a problem.
    Note(&'a str),
}

/// What a build did, in counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub written: usize,
    /// Drafts with problems (nothing of them written).
    pub failed_drafts: usize,
    /// Redlines that could not be rendered.
    pub failed_redlines: usize,
    /// Outputs that could not be written.
    pub failed_writes: usize,
    /// Lint findings a draft's `lint:` made errors.
    pub lint_errors: usize,
}

/// The output of a redline between two drafts of a document, relative to the
/// output folder: `doc/v1-v2.redline.html`.
pub fn redline_output(old: &DraftEntry, new: &DraftEntry, format: Format) -> PathBuf {
    new.output(Path::new(""), "").with_file_name(format!(
        "{}-{}.redline.{}",
        draft_name(&old.path),
        draft_name(&new.path),
        format.extension()
    ))
}

/// What an output is made from. An output whose origin is gone (a draft
/// removed or renamed, two drafts no longer consecutive, a comments file
/// removed) is one no build makes any more.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Origin {
    /// A draft's own output.
    Draft(PathBuf),
    /// The redline between two consecutive drafts, older first.
    Redline(PathBuf, PathBuf),
    /// The comments table of a comments file.
    Comments(PathBuf),
    /// The 起草说明 draft of a comments file, before the draft named.
    Explanation(PathBuf, PathBuf),
}

impl Origin {
    /// The file a problem with the output is reported against.
    fn source(&self) -> &Path {
        match self {
            Origin::Draft(p) | Origin::Redline(_, p) | Origin::Comments(p) => p,
            Origin::Explanation(file, _) => file,
        }
    }
}

/// Every output a build would write, relative to the output folder; two that
/// would be the same file are an error naming both, before anything is written.
pub fn plan(entries: &[DraftEntry], formats: &[Format]) -> Result<Vec<PathBuf>, Diagnostic> {
    Ok(plan_origins(entries, formats)?
        .into_iter()
        .map(|(_, output)| output)
        .collect())
}

/// [`plan`], each output with what it is made from.
pub fn plan_origins(
    entries: &[DraftEntry],
    formats: &[Format],
) -> Result<Vec<(Origin, PathBuf)>, Diagnostic> {
    let mut seen: HashMap<PathBuf, PathBuf> = HashMap::new();
    let mut outputs = Vec::new();
    let drafts = entries.iter().flat_map(|e| {
        formats.iter().map(move |f| {
            (
                Origin::Draft(e.path.clone()),
                e.output(Path::new(""), f.extension()),
            )
        })
    });
    let redlines = consecutive_pairs(entries).into_iter().flat_map(|(a, b)| {
        formats.iter().map(move |f| {
            (
                Origin::Redline(a.path.clone(), b.path.clone()),
                redline_output(a, b, *f),
            )
        })
    });
    let tables = comments::planned(entries, formats);
    for (origin, output) in drafts.chain(redlines).chain(tables) {
        let source = origin.source();
        if let Some(other) = seen.insert(output.clone(), source.to_path_buf()) {
            return Err(Diagnostic::error(
                source,
                0,
                0,
                crate::tr!(
                    "build-output-clash",
                    one = shown(&other).to_string(),
                    other = shown(source).to_string(),
                    output = shown(&output).to_string()
                ),
            )
            .help(crate::tr!("build-output-clash-help")));
        }
        outputs.push((origin, output));
    }
    Ok(outputs)
}

/// Builds drafts into `formats` below `out`, and the redlines between
/// consecutive drafts of each document; reports each output written and each
/// problem through `on`.
pub fn build(
    entries: &[DraftEntry],
    renderer: &Renderer,
    out: &Path,
    formats: &[Format],
    on: &mut dyn FnMut(Event),
) -> Result<Summary, Diagnostic> {
    plan(entries, formats)?;
    let mut summary = Summary::default();
    let mut documents = HashMap::new();
    // The JSON Schemas are made on the other core while the drafts build,
    // unless those below `out` are this program's, as it wrote them.
    let fresh = schemas::fresh(out);
    let (documents, made) = std::thread::scope(|scope| {
        let made = scope.spawn(|| (!fresh).then(crate::json_schema::files));
        for entry in entries {
            if let Some(document) = build_one(entry, renderer, out, formats, &mut summary, on) {
                documents.insert(entry.path.clone(), document);
            }
        }
        (documents, joined(made))
    });
    // The comments on each draft, loaded once: the redlines list the ones
    // their changes answer, and the tables print them all.
    let drafts_comments = comments::load_all(entries, &documents, &mut summary, on);
    let mut comparisons = HashMap::new();
    for (a, b) in consecutive_pairs(entries) {
        let (Some(old), Some(new)) = (documents.get(&a.path), documents.get(&b.path)) else {
            continue;
        };
        let redline = Redline::new(
            Side::new(&a.path, old),
            Side::new(&b.path, new),
            drafts_comments.get(&a.path).map(Vec::as_slice),
        );
        let view = redline.view(formats, &Options::default());
        for &format in formats {
            match redline.render_view(renderer, format, &view) {
                Ok(rendered) => {
                    for w in &rendered.warnings {
                        on(Event::Warning(w));
                    }
                    write_output(
                        out,
                        &redline_output(a, b, format),
                        &rendered.bytes,
                        &mut summary,
                        on,
                    );
                }
                Err(d) => {
                    summary.failed_redlines += 1;
                    on(Event::RedlineFailed(&d));
                }
            }
        }
        comparisons.insert(a.path.clone(), redline.changes);
    }
    let built = comments::Built {
        entries,
        documents: &documents,
        comments: &drafts_comments,
        changes: &comparisons,
    };
    comments::build_tables(&built, renderer, out, formats, &mut summary, on);
    if let Some(made) = made {
        schemas::write(out, made, &mut summary, on);
    }
    crate::threads::free_meanwhile((documents, drafts_comments, comparisons));
    Ok(summary)
}

/// Builds one draft: read once, rendered and written, linted on the other
/// core meanwhile. Returns it numbered, for its redlines, if it built.
fn build_one(
    entry: &DraftEntry,
    renderer: &Renderer,
    out: &Path,
    formats: &[Format],
    summary: &mut Summary,
    on: &mut dyn FnMut(Event),
) -> Option<crate::numbering::Document> {
    let Loaded {
        draft,
        sites,
        document,
    } = match Loaded::read(&entry.path) {
        Ok(loaded) => loaded,
        Err(diags) => {
            summary.failed_drafts += 1;
            on(Event::Failed(&entry.path, &diags.0));
            return None;
        }
    };
    let (rendered, lint) = std::thread::scope(|scope| {
        let lint = scope.spawn(|| lint_loaded(&entry.path, &draft, sites, &document, &[]));
        let rendered = render_draft(&document, renderer, formats);
        (rendered, joined(lint))
    });
    crate::threads::free_meanwhile(draft);
    let Outputs { outputs, warnings } = match rendered {
        Ok(rendered) => rendered,
        Err(d) => {
            summary.failed_drafts += 1;
            on(Event::Failed(&entry.path, &[d]));
            return None;
        }
    };
    for w in &warnings {
        on(Event::Warning(w));
    }
    // Written as soon as built, so a long build shows its progress.
    for (format, bytes) in &outputs {
        let relative = entry.output(Path::new(""), format.extension());
        write_output(out, &relative, bytes, summary, on);
    }
    summary.lint_errors += lint_summary(&entry.path, lint, on);
    Some(document)
}

/// Writes one output below `out`, counting and reporting it.
pub(crate) fn write_output(
    out: &Path,
    relative: &Path,
    bytes: &[u8],
    summary: &mut Summary,
    on: &mut dyn FnMut(Event),
) {
    let written = write::inside(out, relative).and_then(|dest| {
        write::write_built(&dest, bytes)?;
        Ok(dest)
    });
    match written {
        Ok(dest) => {
            summary.written += 1;
            on(Event::Wrote(&dest, bytes));
        }
        Err(e) => {
            summary.failed_writes += 1;
            on(Event::NotWritten(&e));
        }
    }
}

/// Lints a draft for `build`: its errors in full, the rest as one line
/// (`gongwen lint` lists them). Returns how many errors it found.
fn lint_summary(
    path: &Path,
    lint: Result<Report, Diagnostics>,
    on: &mut dyn FnMut(Event),
) -> usize {
    let report = match lint {
        Ok(report) => report,
        // The draft built, so what is wrong is a lint setting (an unknown rule).
        Err(diags) => {
            diags.0.iter().for_each(|d| on(Event::Warning(d)));
            return diags.0.len();
        }
    };
    for d in report.diagnostics() {
        if d.severity == Severity::Error {
            on(Event::Warning(&d));
        }
    }
    if !report.findings.is_empty() {
        on(Event::Note(&crate::tr!(
            "build-lint-findings",
            summary = report.summary(path),
            path = shown(path).to_string()
        )));
    }
    report.errors()
}

/// Checks drafts as `build` would, without writing anything: the draft, then
/// its faces and every character against them. Returns how many problems
/// were found.
pub fn check(entries: &[DraftEntry], settings: &PdfSettings, on: &mut dyn FnMut(Event)) -> usize {
    let mut problems = 0;
    // The drafts that load, numbered, for checking their comments after.
    let mut documents = HashMap::new();
    for entry in entries {
        let loaded = match Loaded::read(&entry.path) {
            Ok(loaded) => loaded,
            Err(diags) => {
                problems += diags.0.len();
                on(Event::Failed(&entry.path, &diags.0));
                continue;
            }
        };
        let Loaded {
            draft,
            sites,
            document,
        } = loaded;
        // The faces checked against every character while lint runs on the
        // other core.
        let (fonts, lint) = std::thread::scope(|scope| {
            let lint = scope.spawn(|| lint_loaded(&entry.path, &draft, sites, &document, &[]));
            let fonts = glyphs::check_fonts(View::Draft(&RenderContext::new(&document)), settings);
            (fonts, joined(lint))
        });
        let warnings = match fonts {
            Ok((_, warnings)) => warnings,
            Err(d) => {
                let diags = Diagnostics::from(d);
                problems += diags.0.len();
                on(Event::Failed(&entry.path, &diags.0));
                // Its comments are still checked.
                documents.insert(entry.path.clone(), document);
                continue;
            }
        };
        for w in &warnings {
            on(Event::Warning(w));
        }
        // Lint: warnings, and errors where the draft's `lint:` says so.
        match lint {
            Ok(report) => {
                report.diagnostics().for_each(|d| on(Event::Warning(&d)));
                problems += report.errors();
            }
            // A lint setting is wrong (an unknown rule, a bad level).
            Err(diags) => {
                diags.0.iter().for_each(|d| on(Event::Warning(d)));
                problems += diags.0.len();
            }
        }
        documents.insert(entry.path.clone(), document);
        on(Event::Checked(&entry.path));
    }
    problems + comments::check(entries, &documents, on)
}
