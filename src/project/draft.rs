//! One draft through the pipeline: loaded, numbered and rendered in memory,
//! and two drafts loaded and compared.

use std::path::Path;

use crate::compare::{self, ChangeSet};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::load::TextSite;
use crate::model::Draft;
use crate::numbering::{self, Document};
use crate::render::{Format, RenderContext, Renderer, View};
use crate::threads::joined;

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
    pub document: Document,
}

/// A draft loaded once for all a command does with it: as written, with its
/// texts and their places (for lint), and numbered.
pub struct Loaded {
    pub draft: Draft,
    pub sites: Vec<TextSite>,
    pub document: Document,
}

impl Loaded {
    /// Reads, checks and numbers a draft.
    pub fn read(path: &Path) -> Result<Loaded, Diagnostics> {
        let (draft, sites) = crate::load::load_draft_with_texts(path)?;
        let document = numbering::number(&draft);
        Ok(Loaded {
            draft,
            sites,
            document,
        })
    }
}

/// A draft's outputs, in memory, and the warnings met making them.
pub struct Outputs {
    pub outputs: Vec<(Format, Vec<u8>)>,
    pub warnings: Vec<Diagnostic>,
}

/// Renders a numbered draft into the given formats, in memory.
pub fn render_draft(
    document: &Document,
    renderer: &Renderer,
    formats: &[Format],
) -> Result<Outputs, Diagnostic> {
    let ctx = RenderContext::new(document);
    let mut outputs = Vec::new();
    let mut warnings = Vec::new();
    for &format in formats {
        let rendered = renderer.render(format, View::Draft(&ctx))?;
        outputs.push((format, rendered.bytes));
        warnings.extend(rendered.warnings);
    }
    crate::threads::free_meanwhile(ctx);
    Ok(Outputs { outputs, warnings })
}

/// Loads, numbers and renders one draft into the given formats, in memory.
pub fn build_draft(
    path: &Path,
    renderer: &Renderer,
    formats: &[Format],
) -> Result<Built, BuildError> {
    let draft = crate::load::load_draft(path).map_err(BuildError::Draft)?;
    let document = numbering::number(&draft);
    let Outputs { outputs, warnings } =
        render_draft(&document, renderer, formats).map_err(BuildError::Render)?;
    Ok(Built {
        outputs,
        warnings,
        document,
    })
}

/// Two drafts compared.
pub struct Diffed {
    pub old: Document,
    pub new: Document,
    pub changes: ChangeSet,
}

/// Loads and numbers two drafts. With a core to spare, the newer draft is
/// loaded while the older one loads.
pub fn load_both(old: &Path, new: &Path) -> Result<(Document, Document), Diagnostics> {
    let load = |path: &Path| crate::load::load_draft(path).map(|d| numbering::number(&d));
    let (old, new) = std::thread::scope(|s| {
        let newer = s.spawn(|| load(new));
        (load(old), joined(newer))
    });
    Ok((old?, new?))
}

/// Loads, numbers and compares two drafts.
pub fn diff_drafts(old: &Path, new: &Path) -> Result<Diffed, BuildError> {
    let (old, new) = load_both(old, new).map_err(BuildError::Draft)?;
    let changes = compare::compare(&old, &new);
    Ok(Diffed { old, new, changes })
}
