//! JSON for programs. A redline is the change set with the two drafts'
//! paths, names and titles (the format the README documents); a draft is its
//! whole render context.

use serde::Serialize;

use super::{Backend, Format, Rendered, View};
use crate::diagnostic::Diagnostic;

/// Pretty-printed JSON, keys in alphabetical order, one newline at the end.
pub struct JsonBackend;

impl Backend for JsonBackend {
    fn format(&self) -> Format {
        Format::Json
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        let value = match view {
            View::Redline { view: ctx, .. } => {
                let draft = |d: &super::redline::DraftInfo| serde_json::json!({ "path": d.path, "name": d.name.plain, "title": d.title_source });
                let mut value = serde_json::json!({
                    "old": draft(&ctx.old),
                    "new": draft(&ctx.new),
                    "summary": ctx.changes.summary,
                    "changes": ctx.changes.changes,
                    "groups": ctx.changes.groups,
                });
                // The comments on the older draft, each with the changes (by
                // index) that answer it, when it has a comments file.
                if !ctx.comments.is_empty() {
                    value["comments"] = to_value(&ctx.comments)?;
                }
                value
            }
            View::Draft(ctx) => to_value(ctx)?,
            View::Comments(ctx) => to_value(ctx)?,
        };
        let mut text = serde_json::to_string_pretty(&value).map_err(error)?;
        text.push('\n');
        Ok(Rendered::bytes(text.into_bytes()))
    }
}

fn to_value<T: Serialize>(value: &T) -> Result<serde_json::Value, Diagnostic> {
    serde_json::to_value(value).map_err(error)
}

fn error(e: serde_json::Error) -> Diagnostic {
    Diagnostic::error(
        std::path::Path::new("json"),
        0,
        0,
        crate::tr!("render-json-failed", error = e.to_string()),
    )
}
