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
pub mod i18n;
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
pub mod scaffold;
pub mod text;
pub mod threads;
pub mod word_styles;
pub mod write;

// The pipeline's entries, for programs that use the library whole.
pub use load::draft_name;
pub use project::draft::{BuildError, Built, Diffed, build_draft, diff_drafts};
