//! Runs of renumbering: one deleted article early in a long law renumbers
//! every article after it, and a reviewer wants one line for them —
//! "原第十条至第五十三条依次改为第九条至第五十二条" — not forty.
//!
//! A run is two or more changes, next to each other in the change list, each
//! of which only renumbers its part (and perhaps the references in it, along
//! with the parts they name), of one level, whose parts follow each other
//! among that level's parts in both drafts and whose numbers follow each
//! other too. A change that does anything else (a word, a move) ends the
//! run: grouping never hides it. A part renumbered along with the run whose
//! only other edit is to punctuation or width does not end it either: the
//! run's range covers it, and it is listed on its own as well (`listed`),
//! so its marks are shown — one law's colons made full-width broke its one
//! run of renumbering into five.

use serde::Serialize;

use super::inline::EditClass;
use super::{Change, PartRef};
use crate::model::Role;
use crate::numbering::Number;

/// A run of changes that only renumber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub level: Role,
    /// Its changes, as indices into the change list, in order. Between two
    /// of them there may be changes of other levels that only renumber
    /// references (an item citing an article): those are not in the run.
    pub changes: Vec<usize>,
    /// How many parts it renumbers: its changes and those it lists on
    /// their own.
    pub count: usize,
    /// Parts inside its range, renumbered with it, whose punctuation also
    /// changed: listed on their own besides, as indices into the change list.
    pub listed: Vec<usize>,
    /// The first and last parts' labels in the old draft (第十条, 第五十三条).
    pub old_first: String,
    pub old_last: String,
    /// And in the new one (第九条, 第五十二条).
    pub new_first: String,
    pub new_last: String,
}

/// Whether `b` is the number right after `a`: 第十条 then 第十一条, or
/// 第十条之一 then 第十条之二.
fn follows(a: Option<Number>, b: Option<Number>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            (b.ordinal == a.ordinal + 1 && b.sub == 0)
                || (b.ordinal == a.ordinal && b.sub == a.sub + 1)
        }
        _ => false,
    }
}

/// Whether part `b` comes right after part `a` among its level's parts, in
/// place and in number.
fn next_to(a: &PartRef, b: &PartRef) -> bool {
    a.level == b.level && b.rank == a.rank + 1 && follows(a.number, b.number)
}

/// Renumbered, and at most its references renumbered with their targets
/// (those are listed as such besides).
fn renumber_only(c: &Change) -> bool {
    c.renumbered
        && !c.moved
        && (!c.modified || c.reference_only())
        && c.old.is_some()
        && c.new.is_some()
}

/// Renumbered in step, and otherwise changed only in punctuation or width:
/// inside a run's range, but listed on its own.
fn renumbered_and_marks(c: &Change) -> bool {
    c.renumbered
        && !c.moved
        && c.modified
        && matches!(
            c.class,
            Some(EditClass::Punctuation | EditClass::Whitespace)
        )
        && c.old.is_some()
        && c.new.is_some()
}

/// Whether a run of `level` may pass over this change: one at another level
/// that only renumbers references (an item citing a renumbered article).
fn passed_over(c: &Change, level: Option<Role>) -> bool {
    c.reference_only() && !c.moved && !c.renumbered && c.new.as_ref().map(|r| r.level) != level
}

/// The runs in a change list.
pub fn groups(changes: &[Change]) -> Vec<Group> {
    fn side(c: &Change, old: bool) -> &PartRef {
        if old { &c.old } else { &c.new }
            .as_ref()
            .expect("a renumbered part has both sides")
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        if !renumber_only(&changes[i]) {
            i += 1;
            continue;
        }
        let level = changes[i].new.as_ref().map(|r| r.level);
        let mut run = vec![i];
        // The last part in the range, and the parts listed on their own
        // since the last of the run's own changes.
        let mut prev = i;
        let mut pending = Vec::new();
        let mut listed = Vec::new();
        let mut j = i + 1;
        while j < changes.len() {
            let (a, b) = (&changes[prev], &changes[j]);
            let in_step = b.old.is_some()
                && b.new.is_some()
                && next_to(side(a, true), side(b, true))
                && next_to(side(a, false), side(b, false));
            if in_step && renumber_only(b) {
                run.push(j);
                listed.append(&mut pending);
                prev = j;
            } else if in_step && renumbered_and_marks(b) {
                pending.push(j);
                prev = j;
            } else if !passed_over(b, level) {
                break;
            }
            j += 1;
        }
        // A run ends on a part of its own: one listed after it is not in it.
        let last = *run.last().unwrap();
        if run.len() >= 2 {
            let (first, end) = (&changes[i], &changes[last]);
            out.push(Group {
                level: side(first, false).level,
                count: run.len() + listed.len(),
                listed,
                old_first: side(first, true).label.clone(),
                old_last: side(end, true).label.clone(),
                new_first: side(first, false).label.clone(),
                new_last: side(end, false).label.clone(),
                changes: run,
            });
        }
        i = last + 1;
    }
    out
}
