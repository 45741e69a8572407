//! Markdown and HTML through tera templates: `document.{md,html}.tera` for a
//! draft, `redline.{md,html}.tera` for a redline (HTML auto-escaped).

use super::{Backend, Format, Rendered, Templates, View};
use crate::diagnostic::Diagnostic;

/// Markdown or HTML.
pub struct TeraBackend<'a> {
    pub format: Format,
    pub templates: &'a Templates,
}

impl Backend for TeraBackend<'_> {
    fn format(&self) -> Format {
        self.format
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        let kind = match view {
            View::Draft(_) => "document",
            View::Redline { .. } => "redline",
            View::Comments(_) => "comments",
        };
        let name = format!("{kind}.{}.tera", self.format.name());
        let text = match view {
            View::Draft(ctx) => {
                let fields = self.templates.fields(&name);
                self.templates
                    .render_context(&name, ctx.tera_context(fields))?
            }
            View::Redline { view: ctx, .. } => self.templates.render(&name, ctx)?,
            View::Comments(ctx) => self.templates.render(&name, ctx)?,
        };
        // Templates end in optional sections; a Markdown file ends in one newline.
        let text = match self.format {
            Format::Markdown => format!("{}\n", text.trim_end()),
            _ => text,
        };
        Ok(Rendered::bytes(text.into_bytes()))
    }
}
