//! Runs of renumbering: one deleted article early in a long law renumbers
//! every article after it, and a reviewer wants one line for them —
//! "原第十条至第五十三条依次改为第九条至第五十二条" — not forty.
//!
//! A run is two or more changes, next to each other in the change list, each
//! of which only renumbers its part, of one level, whose parts follow each
//! other among that level's parts in both drafts and whose numbers follow
//! each other too. A change that does anything else (a word, a move) ends the
//! run: grouping never hides it.

use serde::Serialize;

use super::{Change, ChangeKind, PartRef};
use crate::model::Role;
use crate::numbering::Number;

/// A run of changes that only renumber.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    pub level: Role,
    /// The run's first change, as an index into the change list.
    pub start: usize,
    /// How many changes (parts) it holds.
    pub count: usize,
    /// The first and last parts' labels in the old draft (第十条, 第五十三条).
    pub old_first: String,
    pub old_last: String,
    /// And in the new one (第九条, 第五十二条).
    pub new_first: String,
    pub new_last: String,
}

impl Group {
    /// The changes it holds, as a range of indices into the change list.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.count
    }
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

/// The runs in a change list.
pub fn groups(changes: &[Change]) -> Vec<Group> {
    let renumber_only = |c: &Change| {
        c.kind == ChangeKind::Renumbered
            && !c.modified
            && !c.moved
            && c.old.is_some()
            && c.new.is_some()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        if !renumber_only(&changes[i]) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < changes.len() && renumber_only(&changes[end]) {
            let (a, b) = (&changes[end - 1], &changes[end]);
            let both = |side: fn(&Change) -> &Option<PartRef>| {
                next_to(side(a).as_ref().unwrap(), side(b).as_ref().unwrap())
            };
            if !(both(|c| &c.old) && both(|c| &c.new)) {
                break;
            }
            end += 1;
        }
        if end - i >= 2 {
            let label = |c: &Change, side: fn(&Change) -> &Option<PartRef>| {
                side(c).as_ref().unwrap().label.clone()
            };
            let (first, last) = (&changes[i], &changes[end - 1]);
            out.push(Group {
                level: first.new.as_ref().unwrap().level,
                start: i,
                count: end - i,
                old_first: label(first, |c| &c.old),
                old_last: label(last, |c| &c.old),
                new_first: label(first, |c| &c.new),
                new_last: label(last, |c| &c.new),
            });
        }
        i = end;
    }
    out
}
