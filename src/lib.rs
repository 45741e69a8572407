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
//! let outputs = gongwen::build_draft(Path::new("drafts/doc/v1"), &templates, &[gongwen::render::Format::Html]).unwrap();
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
use render::{Format, RenderContext, Templates};

/// Why a draft could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The draft has problems (the author's to fix).
    Draft(Diagnostics),
    /// A template failed (the template author's to fix).
    Render(Diagnostic),
}

/// Loads, numbers and renders one draft into the given formats, in memory.
pub fn build_draft(
    path: &Path,
    templates: &Templates,
    formats: &[Format],
) -> Result<Vec<(Format, Vec<u8>)>, BuildError> {
    let draft = load::load_draft(path).map_err(BuildError::Draft)?;
    let doc = numbering::number(&draft);
    let ctx = RenderContext::new(&doc);
    formats
        .iter()
        .map(|&format| {
            render::render(templates, format, &ctx)
                .map(|bytes| (format, bytes))
                .map_err(BuildError::Render)
        })
        .collect()
}
