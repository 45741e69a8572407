//! The terminal's view of a redline: a word diff like `git diff --word-diff`.

use super::{Backend, Format, Rendered, View, not_shown};
use crate::diagnostic::Diagnostic;

/// The change list on a terminal, coloured or not.
pub struct TermBackend {
    pub color: bool,
}

impl Backend for TermBackend {
    fn format(&self) -> Format {
        Format::Term
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        match view {
            View::Redline(ctx) => Ok(Rendered::bytes(
                super::redline::terminal(ctx, self.color).into_bytes(),
            )),
            View::Draft(_) => Err(not_shown(Format::Term, "a draft")),
        }
    }
}
