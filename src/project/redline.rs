//! A redline between two drafts, the one way `diff`, `build` and `serve` make
//! it: the drafts compared once into a change list, the comments on the older
//! draft tied to the changes that answer them, and every view (terminal, JSON,
//! Markdown, HTML, PDF, the 修改决定, Word) made from that one change list.
//!
//! ```no_run
//! use std::path::Path;
//! use gongwen::project::redline::{Comments, Options, Redline, Side};
//! use gongwen::render::{Format, Renderer, Templates};
//! let load = |p: &str| gongwen::numbering::number(&gongwen::load::load_draft(Path::new(p)).unwrap());
//! let (old, new) = (load("drafts/doc/v1"), load("drafts/doc/v2.yaml"));
//! let old = Side::new(Path::new("drafts/doc/v1"), &old);
//! let comments = Comments::of(&old);
//! let redline = Redline::new(old, Side::new(Path::new("drafts/doc/v2.yaml"), &new), comments.resolved());
//! let renderer = Renderer::new(Templates::load(None).unwrap(), Default::default());
//! let html = redline.render(&renderer, Format::Html, &Options::default()).unwrap().bytes;
//! ```

use std::path::Path;

use crate::comments::Resolved;
use crate::compare::{ChangeSet, compare};
use crate::diagnostic::Diagnostic;
use crate::load::draft_name;
use crate::numbering::Document;
use crate::render::{Format, RedlineContext, Rendered, Renderer, View};

/// One of the two drafts: where it was read from, and it numbered.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub path: &'a Path,
    pub document: &'a Document,
}

impl<'a> Side<'a> {
    pub fn new(path: &'a Path, document: &'a Document) -> Side<'a> {
        Side { path, document }
    }
}

/// The comments on the older draft, read from its comments file: what the
/// redline ties to its changes, and what was wrong with the file, if
/// anything (the redline is then shown without them, and the caller shows
/// the problems as it shows any other).
#[derive(Debug, Default)]
pub struct Comments {
    resolved: Option<Vec<Resolved>>,
    pub problems: Vec<Diagnostic>,
}

impl Comments {
    /// Reads and checks the comments file of a draft, if it has one.
    pub fn of(draft: &Side) -> Comments {
        match super::comments::comments_of(draft.path, draft.document) {
            Ok(resolved) => Comments {
                resolved,
                problems: Vec::new(),
            },
            Err(problems) => Comments {
                resolved: None,
                problems,
            },
        }
    }

    /// The comments, checked, if the draft has a comments file without problems.
    pub fn resolved(&self) -> Option<&[Resolved]> {
        self.resolved.as_deref()
    }
}

/// How a redline is shown.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Whitespace-only edits shown too.
    pub show_whitespace: bool,
    /// The decision says nothing of edits to punctuation alone (else one
    /// closing sentence names the parts).
    pub no_punctuation: bool,
    /// The 新旧对照表 in place of the marked-up draft (html, pdf, docx); with
    /// `Some(true)`, unchanged parts too (同左).
    pub side_by_side: Option<bool>,
    /// Who the Word redline names as the author of its revisions.
    pub author: Option<String>,
}

/// Two drafts compared.
pub struct Redline<'a> {
    pub old: Side<'a>,
    pub new: Side<'a>,
    /// The change list every view shows.
    pub changes: ChangeSet,
    comments: Option<&'a [Resolved]>,
}

impl<'a> Redline<'a> {
    /// Compares two drafts; `comments` are the older draft's ([`Comments::of`]).
    pub fn new(old: Side<'a>, new: Side<'a>, comments: Option<&'a [Resolved]>) -> Redline<'a> {
        Redline {
            changes: compare(old.document, new.document),
            old,
            new,
            comments,
        }
    }

    /// Whether the two drafts are the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The view the templates and backends read, made once for every format
    /// given (the marked-up draft only if one of them shows it).
    pub fn view(&self, formats: &[Format], options: &Options) -> RedlineContext {
        let names = (draft_name(self.old.path), draft_name(self.new.path));
        let ctx = RedlineContext::for_formats(
            formats,
            self.old.document,
            self.new.document,
            (&names.0, &names.1),
            &self.changes,
            options.show_whitespace,
        )
        .with_paths(self.old.path, self.new.path)
        .with_author(options.author.clone())
        .with_punctuation_said(!options.no_punctuation);
        let ctx = match self.comments {
            Some(resolved) => ctx.with_comments(resolved),
            None => ctx,
        };
        match options.side_by_side {
            Some(unchanged) => ctx.side_by_side(self.new.document, unchanged),
            None => ctx,
        }
    }

    /// Renders a view made by [`Redline::view`] in one of its formats.
    pub fn render_view(
        &self,
        renderer: &Renderer,
        format: Format,
        view: &RedlineContext,
    ) -> Result<Rendered, Diagnostic> {
        renderer.render(
            format,
            View::Redline {
                view,
                old: self.old.document,
                new: self.new.document,
            },
        )
    }

    /// The redline in one format.
    pub fn render(
        &self,
        renderer: &Renderer,
        format: Format,
        options: &Options,
    ) -> Result<Rendered, Diagnostic> {
        self.render_view(renderer, format, &self.view(&[format], options))
    }
}
