//! Comments received on a draft, tied to its parts: each `on:` resolved to a
//! part of the numbered draft (by id, or by its number as printed there), and
//! checked against the next draft — a comment marked 采纳 on a part the next
//! draft left unchanged is suspect. The 意见采纳情况表 is rendered from this.

pub mod append;
mod labels;

pub use labels::Labels;

use std::path::Path;

use serde::Serialize;

use crate::compare::{ChangeKind, ChangeSet};
use crate::diagnostic::Diagnostic;
use crate::model::{Comment, Disposition, Origin, Target};
use crate::numbering::Document;

/// What a comment's target resolved to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The part's anchor in the draft commented on; none for the whole text.
    pub anchor: Option<String>,
    /// As the table prints it: 二、（三）, 第九条第二款, 总体意见.
    pub label: String,
    /// Position in reading order (the whole text first), for sorting.
    pub order: usize,
}

/// A comment with its targets resolved.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub comment: Comment,
    pub places: Vec<Place>,
}

/// Resolves every comment's targets against the draft it comments on; an
/// unknown or ambiguous target is an error at its place in the comments file.
pub fn resolve(comments: &[Comment], doc: &Document) -> Result<Vec<Resolved>, Vec<Diagnostic>> {
    let labels = Labels::new(doc);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for c in comments {
        let mut places = Vec::new();
        for (target, origin) in &c.on {
            match target {
                Target::General => places.push(Place {
                    anchor: None,
                    label: "总体意见".into(),
                    order: 0,
                }),
                Target::Part(text) => match labels.find(text) {
                    Ok(place) => places.push(place),
                    Err((message, help)) => errors.push(at(origin, message, help)),
                },
            }
        }
        out.push(Resolved {
            comment: c.clone(),
            places,
        });
    }
    if errors.is_empty() {
        out.sort_by_key(|r| r.places.iter().map(|p| p.order).min().unwrap_or(0));
        Ok(out)
    } else {
        Err(errors)
    }
}

fn at(origin: &Origin, message: String, help: String) -> Diagnostic {
    with_source(Diagnostic::error(&origin.file, origin.line, origin.column, message).help(help))
}

/// The diagnostic with its file's text, to draw the line it points at.
fn with_source(d: Diagnostic) -> Diagnostic {
    match std::fs::read_to_string(&d.file) {
        Ok(text) => d.with_source(&std::sync::Arc::from(text)),
        Err(_) => d,
    }
}

/// How each part of the draft commented on fared in the next draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    Unchanged,
    /// Only its number changed.
    Renumbered,
    /// It moved (and perhaps changed).
    Moved,
    Changed,
    Deleted,
}

/// The next draft's verdict on each part commented on (by its anchor there):
/// its fate and, where it is still there, its label in the next draft.
pub fn fates(
    changes: &ChangeSet,
    next: &Labels,
) -> std::collections::HashMap<String, (Fate, Option<String>)> {
    let mut out = std::collections::HashMap::new();
    for c in &changes.changes {
        let Some(old) = &c.old else { continue };
        let fate = match c.kind {
            ChangeKind::Deleted => Fate::Deleted,
            _ if c.modified => Fate::Changed,
            _ if c.moved => Fate::Moved,
            _ if c.renumbered => Fate::Renumbered,
            _ => Fate::Unchanged,
        };
        let new_label = c.new.as_ref().and_then(|n| next.display(&n.anchor));
        out.insert(old.anchor.clone(), (fate, new_label));
    }
    out
}

/// The parts of the old draft the next draft changed, moved, deleted or
/// inserted something into (by their anchors in the old draft).
fn touched(changes: &ChangeSet) -> Vec<&str> {
    let mut out = Vec::new();
    for c in &changes.changes {
        if let Some(old) = &c.old
            && (c.modified || c.moved || c.kind == ChangeKind::Deleted)
        {
            out.push(old.anchor.as_str());
        }
        // An insertion or a move into a part touches that part.
        if matches!(c.kind, ChangeKind::Inserted) || c.moved {
            let into = c.new.as_ref().and_then(|n| n.parent.as_ref());
            if let Some(anchor) = into.and_then(|p| p.other_anchor.as_deref()) {
                out.push(anchor);
            }
        }
    }
    out
}

/// Warnings where the comments and the next draft disagree: a comment marked
/// 采纳 (or 部分采纳) on a part the next draft left as it was (renumbering
/// aside), inside and out.
pub fn check_against_next(
    resolved: &[Resolved],
    changes: &ChangeSet,
    doc: &Document,
    next: &Path,
) -> Vec<Diagnostic> {
    let labels = Labels::new(doc);
    let touched = touched(changes);
    let next_name = crate::draft_name(next);
    let mut out = Vec::new();
    for r in resolved {
        if !matches!(
            r.comment.disposition,
            Disposition::Adopted | Disposition::PartlyAdopted
        ) {
            continue;
        }
        for (place, (_, origin)) in r.places.iter().zip(&r.comment.on) {
            let Some(anchor) = &place.anchor else {
                continue;
            };
            if touched.iter().any(|t| labels.within(t, anchor)) {
                continue;
            }
            out.push(with_source(
                Diagnostic::warning(
                    &origin.file,
                    origin.line,
                    origin.column,
                    format!(
                        "comment {} is marked {}, but {} is unchanged in {next_name}",
                        r.comment.id,
                        r.comment.disposition.zh(),
                        place.label
                    ),
                )
                .help("revise the part in the next draft, or correct the disposition"),
            ));
        }
    }
    out
}
