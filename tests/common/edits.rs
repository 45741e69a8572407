//! Random edits of a draft, for properties that compare two drafts.

use gongwen::model::{Block, Draft, Level, Part};
use proptest::prelude::*;

/// Every part of a draft, by a path of indices.
pub fn paths(parts: &[Part]) -> Vec<Vec<usize>> {
    fn visit(parts: &[Part], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        for (i, p) in parts.iter().enumerate() {
            prefix.push(i);
            out.push(prefix.clone());
            let kids: Vec<Part> = p.children().cloned().collect();
            visit(&kids, prefix, out);
            prefix.pop();
        }
    }
    let mut out = Vec::new();
    visit(parts, &mut Vec::new(), &mut out);
    out
}

/// The part at a path of sub-part indices.
pub fn part_at<'a>(parts: &'a mut [Part], path: &[usize]) -> Option<&'a mut Part> {
    let (first, rest) = path.split_first()?;
    let mut part = parts.get_mut(*first)?;
    for &i in rest {
        part = part
            .body
            .iter_mut()
            .filter_map(|b| match b {
                Block::Part(p) => Some(p),
                _ => None,
            })
            .nth(i)?;
    }
    Some(part)
}

/// The body holding the part at a path (not a top-level one), and its block index there.
fn siblings<'a>(parts: &'a mut [Part], path: &[usize]) -> Option<(&'a mut Vec<Block>, usize)> {
    let (last, parent_path) = path.split_last()?;
    let parent = part_at(parts, parent_path)?;
    let block_index = parent
        .body
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b, Block::Part(_)))
        .nth(*last)?
        .0;
    Some((&mut parent.body, block_index))
}

/// A random edit of a draft.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Change a paragraph's text.
    Reword(prop::sample::Index, String),
    /// Insert a copy of a part, reworded, before it.
    Insert(prop::sample::Index, String),
    /// Delete a part.
    Delete(prop::sample::Index),
    /// Move a part before another part of the same level.
    Move(prop::sample::Index, prop::sample::Index),
    /// Change a heading.
    Retitle(prop::sample::Index, String),
}

pub fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), super::text()).prop_map(|(i, t)| Edit::Reword(i, t)),
        (any::<prop::sample::Index>(), super::text()).prop_map(|(i, t)| Edit::Insert(i, t)),
        any::<prop::sample::Index>().prop_map(Edit::Delete),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Edit::Move(a, b)),
        (any::<prop::sample::Index>(), super::text()).prop_map(|(i, t)| Edit::Retitle(i, t)),
    ]
}

/// Removes the part at `path` and returns it.
pub fn take(parts: &mut Vec<Part>, path: &[usize]) -> Option<Part> {
    if path.len() == 1 {
        return (path[0] < parts.len()).then(|| parts.remove(path[0]));
    }
    let (body, i) = siblings(parts, path)?;
    match body.remove(i) {
        Block::Part(p) => Some(p),
        Block::Para(_) | Block::Table(_) => None,
    }
}

/// Puts a part before the part at `path`.
fn put(parts: &mut Vec<Part>, path: &[usize], part: Part) {
    if path.len() == 1 {
        parts.insert(path[0].min(parts.len()), part);
        return;
    }
    if let Some((body, i)) = siblings(parts, path) {
        body.insert(i, Block::Part(part));
    }
}

pub fn apply_edit(draft: &mut Draft, edit: &Edit) {
    let all = paths(&draft.parts);
    if all.is_empty() {
        if let Edit::Insert(_, t) = edit {
            let mut p = Part::new(
                if draft.meta.numbering.style == gongwen::model::Style::Outline {
                    Level::Outline(1)
                } else {
                    Level::Article
                },
            );
            p.body.push(Block::Para(t.clone()));
            draft.parts.push(p);
        }
        return;
    }
    match edit {
        Edit::Reword(i, t) => {
            let path = i.get(&all).clone();
            if let Some(p) = part_at(&mut draft.parts, &path) {
                match p.body.iter_mut().find_map(|b| match b {
                    Block::Para(s) => Some(s),
                    _ => None,
                }) {
                    Some(s) => s.push_str(t),
                    None => p.body.insert(0, Block::Para(t.clone())),
                }
            }
        }
        Edit::Insert(i, t) => {
            let path = i.get(&all).clone();
            if let Some(p) = part_at(&mut draft.parts, &path) {
                let mut copy = Part::new(p.level);
                copy.heading = p.heading.as_ref().map(|h| format!("{t}{h}"));
                copy.run_in = p.run_in;
                copy.body.push(Block::Para(format!("{t}（新）")));
                put(&mut draft.parts, &path, copy);
            }
        }
        Edit::Delete(i) => {
            let path = i.get(&all).clone();
            take(&mut draft.parts, &path);
        }
        Edit::Move(a, b) => {
            let from = a.get(&all).clone();
            let level = part_at(&mut draft.parts, &from).map(|p| p.level);
            let targets: Vec<&Vec<usize>> = all.iter().filter(|p| !p.starts_with(&from)).collect();
            if targets.is_empty() {
                return;
            }
            let to = b.get(&targets).to_vec();
            let same_level = part_at(&mut draft.parts, &to).map(|p| p.level) == level;
            if !same_level {
                return;
            }
            if let Some(part) = take(&mut draft.parts, &from) {
                // Removing shifts later siblings of the removed part up by one.
                let mut to = to;
                let shared = from.len().min(to.len());
                if from.len() <= to.len()
                    && from[..from.len() - 1] == to[..from.len() - 1]
                    && to[from.len() - 1] > from[from.len() - 1]
                {
                    to[from.len() - 1] -= 1;
                }
                let _ = shared;
                put(&mut draft.parts, &to, part);
            }
        }
        Edit::Retitle(i, t) => {
            let path = i.get(&all).clone();
            if let Some(p) = part_at(&mut draft.parts, &path)
                && let Some(h) = &mut p.heading
            {
                h.push_str(t);
            }
        }
    }
}
