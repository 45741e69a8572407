//! The plain-text views of a redline: the terminal's word diff (like `git
//! diff --word-diff`) and the amendment decision.

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
            View::Redline { view: ctx, .. } => Ok(Rendered::bytes(
                super::redline::terminal(ctx, self.color).into_bytes(),
            )),
            View::Draft(_) => Err(not_shown(Format::Term, &crate::tr!("render-view-draft"))),
            View::Comments(_) => Err(not_shown(Format::Term, &crate::tr!("render-view-comments"))),
        }
    }
}

/// The amendment decision a redline amounts to, as plain text.
pub struct DecisionBackend;

impl Backend for DecisionBackend {
    fn format(&self) -> Format {
        Format::Decision
    }

    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic> {
        match view {
            View::Redline { view: ctx, .. } => {
                Ok(Rendered::bytes(super::redline::decision(ctx).into_bytes()))
            }
            View::Draft(_) => Err(not_shown(
                Format::Decision,
                &crate::tr!("render-view-draft"),
            )),
            View::Comments(_) => Err(not_shown(
                Format::Decision,
                &crate::tr!("render-view-comments"),
            )),
        }
    }
}
