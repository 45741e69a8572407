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
//! let renderer = gongwen::render::Renderer { templates, pdf: Default::default() };
//! let built = gongwen::build_draft(Path::new("drafts/doc/v1"), &renderer, &[gongwen::render::Format::Html]).unwrap();
//! ```

pub mod diagnostic;
pub mod discover;
pub mod import;
pub mod load;
pub mod model;
pub mod numbering;
pub mod render;
pub mod save;
pub mod write;

use std::path::Path;

use diagnostic::{Diagnostic, Diagnostics};
use render::{Format, RenderContext, Renderer};

/// Why a draft could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The draft has problems (the author's to fix).
    Draft(Diagnostics),
    /// Rendering failed: a template, or the fonts (the template author's or the office's to fix).
    Render(Diagnostic),
}

/// The outputs of one draft, in memory, and the warnings met on the way.
pub struct Built {
    pub outputs: Vec<(Format, Vec<u8>)>,
    pub warnings: Vec<Diagnostic>,
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
    let mut built = Built {
        outputs: Vec::new(),
        warnings: Vec::new(),
    };
    for &format in formats {
        let rendered = renderer
            .render(format, &doc, &ctx)
            .map_err(BuildError::Render)?;
        built.outputs.push((format, rendered.bytes));
        built.warnings.extend(rendered.warnings);
    }
    Ok(built)
}
