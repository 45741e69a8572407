//! Comments received on a draft, tied to its parts: each `on:` resolved to a
//! part of the numbered draft (by id, or by its number as printed there), and
//! checked against the next draft — a comment marked 采纳 on a part the next
//! draft left unchanged is suspect. The 意见采纳情况表 is rendered from this.

pub mod append;
mod labels;

pub use labels::Labels;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::compare::{Change, ChangeKind, ChangeSet};
use crate::diagnostic::Diagnostic;
use crate::load::scalar::LineStarts;
use crate::model::{Comment, Disposition, Target};
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

/// The most unknown targets a check looks for the nearest number of: each
/// look compares the target with every part's numbers, so past these the
/// messages name the part alone.
const SUGGESTED: usize = 100;

/// Resolves every comment's targets against the draft it comments on; an
/// unknown or ambiguous target is an error at its place in the comments file.
/// Each target text is looked up once, however many comments name it.
pub fn resolve(comments: &[Comment], doc: &Document) -> Result<Vec<Resolved>, Vec<Diagnostic>> {
    let labels = Labels::new(doc);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut found: HashMap<&str, Result<Place, (String, String)>> = HashMap::new();
    let mut misses = 0;
    for c in comments {
        let mut places = Vec::new();
        for (target, origin) in &c.on {
            match target {
                Target::General => places.push(Place {
                    anchor: None,
                    label: "总体意见".into(),
                    order: 0,
                }),
                Target::Part(text) => {
                    let result = found.entry(text.as_str()).or_insert_with(|| {
                        let result = labels.find_suggesting(text, misses < SUGGESTED);
                        misses += usize::from(result.is_err());
                        result
                    });
                    match result {
                        Ok(place) => places.push(place.clone()),
                        Err((message, help)) => errors.push(
                            Diagnostic::error(
                                &origin.file,
                                origin.line,
                                origin.column,
                                message.clone(),
                            )
                            .help(help.clone()),
                        ),
                    }
                }
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
        Err(with_sources(errors))
    }
}

/// The diagnostics with their files' text and the byte each points at, each
/// file read and its lines found once, however many point into it.
fn with_sources(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut files: HashMap<std::path::PathBuf, Option<(Arc<str>, LineStarts)>> = HashMap::new();
    diagnostics
        .into_iter()
        .map(|d| {
            let file = files.entry(d.file.clone()).or_insert_with(|| {
                let text: Arc<str> = Arc::from(std::fs::read_to_string(&d.file).ok()?);
                let lines = LineStarts::new(&text);
                Some((text, lines))
            });
            match file {
                Some((text, lines)) => {
                    let at = lines.offset(text, d.line, d.column);
                    let d = d.with_source(text);
                    match at {
                        Some(at) => d.at(at),
                        None => d,
                    }
                }
                None => d,
            }
        })
        .collect()
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

/// The anchors of the parts some comment is about.
pub fn commented(resolved: &[Resolved]) -> std::collections::HashSet<&str> {
    resolved
        .iter()
        .flat_map(|r| r.places.iter().filter_map(|p| p.anchor.as_deref()))
        .collect()
}

/// Whether a change alters the body beyond renumbering: the changes a
/// comment may be answered by.
pub fn substantive(c: &Change) -> bool {
    c.place == crate::compare::Place::Body
        && (c.modified || c.moved || matches!(c.kind, ChangeKind::Inserted | ChangeKind::Deleted))
}

/// The part of the old draft (its anchor) a substantive change answers a
/// comment on: the part itself, or for an insertion the part it went into.
pub fn answered_part(c: &Change) -> Option<&str> {
    if !substantive(c) {
        return None;
    }
    c.old
        .as_ref()
        .map(|o| o.anchor.as_str())
        .or_else(|| into(c))
}

/// The old anchor of the part a change's part now sits in.
fn into(c: &Change) -> Option<&str> {
    c.new.as_ref()?.parent.as_ref()?.other_anchor.as_deref()
}

/// The parts of the old draft the next draft changed, moved, deleted or
/// inserted or moved something into (by their anchors in the old draft).
fn touched(changes: &ChangeSet) -> Vec<&str> {
    let answered = changes.changes.iter().filter_map(answered_part);
    let moved_into = changes.changes.iter().filter(|c| c.moved).filter_map(into);
    answered.chain(moved_into).collect()
}

/// Warnings where the comments and the next draft disagree: a comment marked
/// 采纳 (or 部分采纳) on a part the next draft left as it was (renumbering
/// aside), inside and out.
pub fn check_against_next(
    resolved: &[Resolved],
    changes: &ChangeSet,
    labels: &Labels,
    next: &Path,
) -> Vec<Diagnostic> {
    // The parts touched and every part they are in: a comment on any of
    // them is answered.
    let answered: HashSet<&str> = touched(changes)
        .into_iter()
        .flat_map(|t| labels.ancestors(t))
        .collect();
    let next_name = crate::load::draft_name(next);
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
            if answered.contains(anchor.as_str()) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    &origin.file,
                    origin.line,
                    origin.column,
                    crate::tr!(
                        "comments-adopted-unchanged",
                        id = r.comment.id.as_str(),
                        disposition = r.comment.disposition.zh(),
                        part = place.label.as_str(),
                        next = next_name.to_string()
                    ),
                )
                .help(crate::tr!("comments-adopted-unchanged-help")),
            );
        }
    }
    with_sources(out)
}
