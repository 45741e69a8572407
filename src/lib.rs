//! gongwen: draft, number, render and compare Chinese government policy
//! documents (公文).
//!
//! Data flows one way: YAML → [`model::Draft`] (checked, with source places for
//! errors) → numbered [`numbering::Document`] → [`render::RenderContext`] →
//! template → bytes → atomic write.
//!
//! ```no_run
//! use std::path::Path;
//! let templates = gongwen::render::Templates::load(None).unwrap();
//! let renderer = gongwen::render::Renderer::new(templates, Default::default());
//! let built = gongwen::build_draft(Path::new("drafts/doc/v1"), &renderer, &[gongwen::render::Format::Html]).unwrap();
//! ```

pub mod chars;
pub mod comments;
pub mod compare;
pub mod diagnostic;
pub mod fields;
pub mod import;
pub mod json_schema;
pub mod lint;
pub mod load;
pub mod model;
pub mod numbering;
pub mod paths;
pub mod preview;
pub mod project;
pub mod render;
pub mod save;
pub mod text;
pub mod word_styles;
pub mod write;

use std::path::Path;

use diagnostic::{Diagnostic, Diagnostics};
use render::{Format, RenderContext, Renderer, View};

/// Why a draft could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The draft has problems (the author's to fix).
    Draft(Diagnostics),
    /// Rendering failed: a template, or the fonts (the template author's or the office's to fix).
    Render(Diagnostic),
}

/// The outputs of one draft, in memory, the warnings met on the way, and the
/// numbered document (for redlines against the next draft).
pub struct Built {
    pub outputs: Vec<(Format, Vec<u8>)>,
    pub warnings: Vec<Diagnostic>,
    pub document: numbering::Document,
}

/// Loads, numbers and renders one draft into the given formats, in memory.
pub fn build_draft(
    path: &Path,
    renderer: &Renderer,
    formats: &[Format],
) -> Result<Built, BuildError> {
    let draft = load::load_draft(path).map_err(BuildError::Draft)?;
    let doc = numbering::number(&draft);
    let ctx = RenderContext::new(&doc);
    let mut outputs = Vec::new();
    let mut warnings = Vec::new();
    for &format in formats {
        let rendered = renderer
            .render(format, View::Draft(&ctx))
            .map_err(BuildError::Render)?;
        outputs.push((format, rendered.bytes));
        warnings.extend(rendered.warnings);
    }
    Ok(Built {
        outputs,
        warnings,
        document: doc,
    })
}

/// Two drafts compared.
pub struct Diffed {
    pub old: numbering::Document,
    pub new: numbering::Document,
    pub changes: compare::ChangeSet,
}

/// Loads, numbers and compares two drafts.
///
/// With a core to spare, the newer draft is loaded while the older one loads.
pub fn diff_drafts(old: &Path, new: &Path) -> Result<Diffed, BuildError> {
    let load = |path: &Path| load::load_draft(path).map(|d| numbering::number(&d));
    let (old, new) = std::thread::scope(|s| {
        let newer = s.spawn(|| load(new));
        let old = load(old);
        let new = newer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (old, new)
    });
    let (old, new) = (
        old.map_err(BuildError::Draft)?,
        new.map_err(BuildError::Draft)?,
    );
    let changes = compare::compare(&old, &new);
    Ok(Diffed { old, new, changes })
}

/// What a user calls a draft: its file name without extension, or its folder name.
pub fn draft_name(path: &Path) -> String {
    let path = load::draft_location(path);
    let name = if path.is_dir() {
        path.file_name()
    } else {
        path.file_stem()
    };
    name.map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
