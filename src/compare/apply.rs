//! Replaying a change set on the old draft gives the new one: the proof that a
//! change set says everything that changed and nothing else. Used by the
//! property tests; also the model for tools that consume the JSON.

use std::collections::HashMap;

use super::align::{PARAGRAPH_BREAK, flatten, section_text};
use super::inline::{new_text, old_text};
use super::{ChangeKind, ChangeSet, Place};
use crate::fields::MetaField;
use crate::model::Role;
use crate::numbering::{Document, Section};
use crate::text::to_plain;

/// A draft's content without numbers: what a change set must reproduce.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub meta: Vec<(MetaField, Option<String>)>,
    pub preamble: Vec<String>,
    pub closing: Vec<String>,
    pub parts: Vec<Tree>,
    /// Every table, body first then attachments, in reading order.
    pub tables: Vec<super::tables::TableText>,
}

/// One part: level, heading, paragraphs and sub-parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Tree {
    pub level: Role,
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
    pub children: Vec<Tree>,
}

fn meta_values(doc: &Document) -> Vec<(MetaField, Option<String>)> {
    super::meta_fields(&doc.meta)
}

fn tree(s: &Section) -> Tree {
    Tree {
        level: s.level.role(),
        heading: s.heading.as_deref().map(to_plain),
        paragraphs: s.paragraphs().map(to_plain).collect(),
        children: s.children().map(tree).collect(),
    }
}

/// The outline of a numbered draft (its attachments as parts: see
/// [`super::comparable`]).
pub fn outline(doc: &Document) -> Outline {
    let doc = super::comparable(doc);
    let doc = &*doc;
    Outline {
        meta: meta_values(doc),
        preamble: doc.meta.preamble.iter().map(|p| to_plain(p)).collect(),
        closing: doc.meta.closing.iter().map(|p| to_plain(p)).collect(),
        parts: doc.sections.iter().map(tree).collect(),
        tables: super::tables::texts(doc)
            .into_iter()
            .map(|(_, t)| t)
            .collect(),
    }
}

/// Splits a part's joined text back into heading and paragraphs.
fn split(text: &str, has_heading: bool) -> (Option<String>, Vec<String>) {
    let mut pieces: Vec<String> = if text.is_empty() {
        Vec::new()
    } else {
        text.split(PARAGRAPH_BREAK).map(str::to_string).collect()
    };
    let heading = if has_heading && !pieces.is_empty() {
        Some(pieces.remove(0))
    } else {
        None
    };
    (heading, pieces)
}

/// Applies the change set to the old draft's outline.
pub fn apply(old: &Document, set: &ChangeSet) -> Result<Outline, String> {
    let old = super::comparable(old);
    let old = &*old;
    let mut result = outline(old);
    // Metadata.
    for c in set.changes.iter().filter(|c| c.place == Place::Meta) {
        let field = c.field.ok_or("a metadata change without a field")?;
        let slot = result
            .meta
            .iter_mut()
            .find(|(f, _)| *f == field)
            .ok_or(format!("unknown field {}", field.key()))?;
        slot.1 = match c.kind {
            ChangeKind::Deleted => None,
            ChangeKind::Inserted => c.new.as_ref().map(|n| n.paragraphs.join("")),
            _ => {
                if old_text(&c.inline) != slot.1.clone().unwrap_or_default() {
                    return Err(format!(
                        "the {} change does not start from the old value",
                        field.key()
                    ));
                }
                Some(new_text(&c.inline))
            }
        };
    }
    result.preamble = apply_paragraphs(&result.preamble, set, Place::Preamble)?;
    result.closing = apply_paragraphs(&result.closing, set, Place::Closing)?;
    result.parts = apply_body(old, set)?;
    result.tables = super::tables::replay(&super::tables::texts(old), &set.tables)?;
    Ok(result)
}

fn apply_paragraphs(old: &[String], set: &ChangeSet, place: Place) -> Result<Vec<String>, String> {
    let changes: Vec<_> = set.changes.iter().filter(|c| c.place == place).collect();
    let mut gone = vec![false; old.len()];
    let mut placed: Vec<(usize, String)> = Vec::new();
    for c in &changes {
        if let Some(o) = &c.old
            && c.kind != ChangeKind::Inserted
        {
            *gone
                .get_mut(o.index)
                .ok_or("a paragraph index out of range")? = true;
        }
        match c.kind {
            ChangeKind::Inserted => {
                let n = c.new.as_ref().ok_or("an insertion without its text")?;
                placed.push((n.index, n.paragraphs.concat()));
            }
            ChangeKind::Modified => {
                let (o, n) = (
                    c.old.as_ref().unwrap(),
                    c.new.as_ref().ok_or("a modification without a place")?,
                );
                if old_text(&c.inline) != old[o.index] {
                    return Err("a paragraph change does not start from the old text".into());
                }
                placed.push((n.index, new_text(&c.inline)));
            }
            _ => {}
        }
    }
    let mut rest = old
        .iter()
        .zip(&gone)
        .filter(|(_, g)| !**g)
        .map(|(p, _)| p.clone());
    let total = old.len() - gone.iter().filter(|g| **g).count() + placed.len();
    placed.sort_by_key(|(i, _)| *i);
    let mut out = Vec::with_capacity(total);
    let mut placed = placed.into_iter().peekable();
    for i in 0..total {
        match placed.peek() {
            Some((at, _)) if *at == i => out.push(placed.next().unwrap().1),
            _ => out.push(rest.next().ok_or("paragraph positions do not add up")?),
        }
    }
    Ok(out)
}

/// A part of the result, keyed by where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Old(String),
    New(String),
}

fn apply_body(old_doc: &Document, set: &ChangeSet) -> Result<Vec<Tree>, String> {
    let old = flatten(old_doc);
    let by_anchor: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(i, n)| (n.section.anchor.as_str(), i))
        .collect();
    let body: Vec<_> = set
        .changes
        .iter()
        .filter(|c| c.place == Place::Body)
        .collect();
    // Content of every result part, and where each placed part goes.
    let mut content: HashMap<Key, Tree> = HashMap::new();
    let mut deleted = vec![false; old.len()];
    let mut placed: HashMap<Option<Key>, Vec<(usize, Key)>> = HashMap::new();
    let mut is_placed: HashMap<Key, bool> = HashMap::new();
    for node in &old {
        let (heading, paragraphs) =
            split(&section_text(node.section), node.section.heading.is_some());
        content.insert(
            Key::Old(node.section.anchor.clone()),
            Tree {
                level: node.section.level.role(),
                heading,
                paragraphs,
                children: Vec::new(),
            },
        );
    }
    // The key in the result of a parent named by its anchor in the new draft.
    let new_to_key: HashMap<String, Key> = body
        .iter()
        .filter_map(|c| {
            let n = c.new.as_ref()?;
            Some((
                n.anchor.clone(),
                match &c.old {
                    Some(o) => Key::Old(o.anchor.clone()),
                    None => Key::New(n.anchor.clone()),
                },
            ))
        })
        .collect();
    for c in &body {
        match c.kind {
            ChangeKind::Deleted => {
                let o = c.old.as_ref().ok_or("a deletion without the old part")?;
                let i = *by_anchor
                    .get(o.anchor.as_str())
                    .ok_or(format!("no old part {}", o.anchor))?;
                deleted[i] = true;
            }
            _ => {
                let n = c.new.as_ref().ok_or("a change without the new part")?;
                let key = match &c.old {
                    Some(o) => Key::Old(o.anchor.clone()),
                    None => Key::New(n.anchor.clone()),
                };
                if c.kind == ChangeKind::Inserted {
                    content.insert(
                        key.clone(),
                        Tree {
                            level: n.level,
                            heading: n.heading.clone(),
                            paragraphs: n.paragraphs.clone(),
                            children: Vec::new(),
                        },
                    );
                }
                if c.modified {
                    let o = c
                        .old
                        .as_ref()
                        .ok_or("a modification without the old part")?;
                    let i = *by_anchor
                        .get(o.anchor.as_str())
                        .ok_or(format!("no old part {}", o.anchor))?;
                    if old_text(&c.inline) != old[i].text {
                        return Err(format!(
                            "the change to {} does not start from its old text",
                            o.anchor
                        ));
                    }
                    let (heading, paragraphs) = split(&new_text(&c.inline), n.heading.is_some());
                    let t = content
                        .get_mut(&key)
                        .ok_or("a modified part without content")?;
                    t.heading = heading;
                    t.paragraphs = paragraphs;
                }
                if c.kind == ChangeKind::Inserted || c.moved {
                    let parent = match &n.parent {
                        None => None,
                        Some(p) => Some(match &p.other_anchor {
                            Some(old_anchor) => Key::Old(old_anchor.clone()),
                            None => new_to_key.get(&p.anchor).cloned().ok_or(format!(
                                "the new parent {} of {} is unknown",
                                p.anchor, n.anchor
                            ))?,
                        }),
                    };
                    placed
                        .entry(parent)
                        .or_default()
                        .push((n.index, key.clone()));
                    is_placed.insert(key, true);
                }
            }
        }
    }
    // Children lists: parts that stayed with their parent, in old order, with
    // the placed parts put at their new positions.
    let mut kids: HashMap<Option<Key>, Vec<Key>> = HashMap::new();
    for (i, node) in old.iter().enumerate() {
        let key = Key::Old(node.section.anchor.clone());
        if deleted[i] || is_placed.contains_key(&key) {
            continue;
        }
        let parent = node.parent.map(|p| Key::Old(old[p].section.anchor.clone()));
        kids.entry(parent).or_default().push(key);
    }
    for (parent, mut list) in placed {
        list.sort_by_key(|(i, _)| *i);
        let entry = kids.entry(parent).or_default();
        for (index, key) in list {
            if index > entry.len() {
                return Err("a placed part's position is past the end of its parent".into());
            }
            entry.insert(index, key);
        }
    }
    fn build(
        key: &Key,
        kids: &HashMap<Option<Key>, Vec<Key>>,
        content: &HashMap<Key, Tree>,
        depth: usize,
    ) -> Result<Tree, String> {
        if depth > 64 {
            return Err("parts nest in a cycle".into());
        }
        let mut t = content.get(key).cloned().ok_or("a part without content")?;
        for k in kids.get(&Some(key.clone())).into_iter().flatten() {
            t.children.push(build(k, kids, content, depth + 1)?);
        }
        Ok(t)
    }
    kids.get(&None)
        .into_iter()
        .flatten()
        .map(|k| build(k, &kids, &content, 0))
        .collect()
}
