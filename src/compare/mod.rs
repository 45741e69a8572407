//! Two numbered drafts in, a [`ChangeSet`] out: pure, no I/O, no formatting.
//! Every output format (terminal, JSON, CriticMarkup, HTML, PDF) is a view of
//! the change set.
//!
//! Parts are matched by identity ([`align`]), so a part whose number changed
//! only because something was inserted before it is `renumbered`, never
//! `modified`; a part under another parent, or out of order, is `moved`.
//! Inside a matched part, changes are found at Chinese word granularity
//! ([`inline`]).
//!
//! ```
//! use gongwen::model::{Block, Draft, Level, Part};
//! let part = |t: &str| { let mut p = Part::new(Level::Outline(1)); p.body.push(Block::Para(t.into())); p };
//! let old = Draft { parts: vec![part("甲。"), part("乙。")], ..Draft::default() };
//! let new = Draft { parts: vec![part("丙。"), part("甲。"), part("乙。")], ..Draft::default() };
//! let changes = gongwen::compare::compare(&gongwen::numbering::number(&old), &gongwen::numbering::number(&new));
//! assert_eq!((changes.summary.inserted, changes.summary.renumbered, changes.summary.modified), (1, 2, 0));
//! ```

pub mod align;
pub mod apply;
pub mod groups;
pub mod inline;
mod meta;
pub mod references;
pub mod tables;
pub mod tokens;
pub mod words;

use serde::Serialize;

use crate::fields::MetaField;
use crate::model::{Meta, Role};
use crate::numbering::{Document, Number};
use align::{Node, flatten, longest_increasing};
pub use groups::Group;
use inline::{EditClass, InlineOp};
use meta::{meta_changes, paragraph_changes};

/// What happened to a part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    /// Its wording changed (and perhaps its number).
    Modified,
    /// It is new.
    Inserted,
    /// It is gone.
    Deleted,
    /// It sits under another parent, or out of its old order (perhaps reworded too).
    Moved,
    /// Only its derived number changed.
    Renumbered,
}

/// Where in the document a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    /// The numbered parts.
    Body,
    /// Paragraphs before the first part.
    Preamble,
    /// Paragraphs after the last part.
    Closing,
    /// A metadata field: title, stage, organ, date …
    Meta,
    /// A table: its caption, a column or a row ([`tables`]).
    Table,
}

/// A part as it is in one of the drafts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartRef {
    /// The number as printed in that draft (第十条, （三）, 二、); empty if none.
    pub label: String,
    pub id: Option<String>,
    /// Its anchor in that draft's HTML.
    pub anchor: String,
    /// Its level: l1–l4, book, subbook, chapter, section, article, item, subitem.
    pub level: Role,
    pub heading: Option<String>,
    /// Its own paragraphs, plain text.
    pub paragraphs: Vec<String>,
    /// Where it sits: the parent's label and heading, outermost first.
    pub path: Vec<String>,
    /// The same parts by level and label, for views that name a part by its
    /// article (第十一条（二）) or its level-1 part (二、（一）).
    #[serde(skip)]
    pub ancestors: Vec<Ancestor>,
    /// The parent's anchor (none at the top) and, if the parent also exists in
    /// the other draft, that parent's anchor there.
    pub parent: Option<ParentRef>,
    /// Position among the parent's sub-parts, from 0.
    pub index: usize,
    /// Its number (none for a paragraph, a field or an unnumbered part).
    #[serde(skip)]
    pub number: Option<Number>,
    /// Position among its draft's parts of the same level, from 0.
    #[serde(skip)]
    pub rank: usize,
    /// For a change to a table: which part of it (its label is made from it).
    #[serde(skip)]
    pub table: Option<tables::TablePart>,
    /// For a row of a table: the header of each cell its text holds, in
    /// order (the ｜-separated cells of `paragraphs`; 序号 and empty cells
    /// left out as they are there).
    #[serde(skip)]
    pub columns: Vec<String>,
}

/// A part that encloses another: its level and its number as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ancestor {
    pub role: Role,
    pub label: String,
    pub number: Option<Number>,
}

/// The parent of a part, in its draft and (if matched) in the other one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParentRef {
    pub anchor: String,
    pub other_anchor: Option<String>,
}

/// One change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub kind: ChangeKind,
    #[serde(rename = "where")]
    pub place: Place,
    /// For a metadata change, the field (title, stage, organ, date, number, to,
    /// attachments, cc, printer, printed).
    pub field: Option<MetaField>,
    pub old: Option<PartRef>,
    pub new: Option<PartRef>,
    /// Every aspect that applies, whatever the kind.
    pub modified: bool,
    pub moved: bool,
    pub renumbered: bool,
    /// A part rewritten in place: paired with the old part because it holds
    /// the same slot (between the same neighbours, under the same parent),
    /// though too little of its wording survives to say so by similarity.
    /// Its inline runs replace whole paragraphs.
    pub rewritten: bool,
    /// For a modification: the strongest kind of edit in it.
    pub class: Option<EditClass>,
    /// For a modification: the inline runs over heading and paragraphs joined by U+001E.
    pub inline: Vec<InlineOp>,
    /// For a deleted or moved part: the anchor, in the new draft, of the
    /// part it stood right after in the old one (null: at the start of the
    /// body), so a view can mark where a moved part left.
    pub after: Option<String>,
    /// A deleted part split into inserted ones, or inserted parts merged from
    /// deleted ones, where that can be told.
    pub relation: Option<Relation>,
}

/// How a part is related to others in the other draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// On a deleted part: the parts it was split into.
    SplitInto,
    /// On each part it was split into: the deleted part.
    SplitFrom,
    /// On each deleted part: the part they were merged into.
    MergedInto,
    /// On the part they were merged into: the deleted parts.
    MergedFrom,
}

/// A part that became several, or several that became one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Relation {
    pub kind: RelationKind,
    /// The labels of the related parts, as printed in their draft.
    pub labels: Vec<String>,
    /// Their anchors in their draft.
    pub anchors: Vec<String>,
}

/// Counts per kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub modified: usize,
    pub inserted: usize,
    pub deleted: usize,
    pub moved: usize,
    pub renumbered: usize,
    /// Parts matched with nothing changed.
    pub unchanged: usize,
    /// Modifications that touch only whitespace (hidden by default in views).
    pub whitespace_only: usize,
    /// Modifications that touch only punctuation.
    pub punctuation_only: usize,
    /// Modifications that only renumber references along with the parts they
    /// name (引用序号调整).
    pub reference_only: usize,
}

/// All changes from one draft to the next.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeSet {
    pub summary: Summary,
    /// In the new draft's reading order; a deleted part where it stood.
    pub changes: Vec<Change>,
    /// Runs of consecutive changes that only renumber (原第十条至第五十三条依次改为
    /// 第九条至第五十二条): each a view's one line, its changes still listed above.
    pub groups: Vec<Group>,
    /// Every table of either draft compared, cell by cell: the changes
    /// above list what changed in them (place `table`).
    pub tables: Vec<tables::TableDiff>,
    /// Every part the comparison paired, changed or not: its anchor in the
    /// old draft and in the new (for views that lay both drafts out, as the
    /// Word redline does).
    #[serde(skip)]
    pub matched: Vec<(String, String)>,
}

impl Change {
    /// A change with nothing but its kind, place and sides set.
    fn new(kind: ChangeKind, place: Place, old: Option<PartRef>, new: Option<PartRef>) -> Change {
        Change {
            kind,
            place,
            field: None,
            old,
            new,
            modified: false,
            moved: false,
            renumbered: false,
            rewritten: false,
            class: None,
            inline: Vec::new(),
            after: None,
            relation: None,
        }
    }

    /// Whether its only edits renumber references along with the parts they
    /// name (class [`EditClass::Reference`]).
    /// For a deleted or moved part, the new anchor it stood after in the
    /// old draft ("" for the start of the body): where a view marks it gone.
    pub fn stood_after(&self) -> Option<&str> {
        (self.kind == ChangeKind::Deleted || self.moved)
            .then(|| self.after.as_deref().unwrap_or(""))
    }

    pub fn reference_only(&self) -> bool {
        self.class == Some(EditClass::Reference)
    }

    /// Marks the change as a modification with these inline runs.
    fn with_inline(mut self, inline: Vec<InlineOp>) -> Change {
        self.modified = true;
        self.class = inline::overall_class(&inline);
        self.inline = inline;
        self
    }
}

impl PartRef {
    /// A paragraph or metadata value, which has no number, anchor or parent.
    fn text(level: Role, text: String, index: usize) -> PartRef {
        PartRef {
            label: String::new(),
            id: None,
            anchor: String::new(),
            level,
            heading: None,
            paragraphs: vec![text],
            path: Vec::new(),
            ancestors: Vec::new(),
            parent: None,
            index,
            number: None,
            rank: index,
            table: None,
            columns: Vec::new(),
        }
    }
}

/// The metadata fields compared, with their values as text.
pub(crate) fn meta_fields(meta: &Meta) -> Vec<(MetaField, Option<String>)> {
    MetaField::ALL.iter().map(|f| (*f, f.text(meta))).collect()
}

impl ChangeSet {
    /// Whether the drafts are the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

fn part_ref(nodes: &[Node], i: usize, other_parent: Option<&str>) -> PartRef {
    let node = &nodes[i];
    let s = node.section;
    let mut path = Vec::new();
    let mut ancestors = Vec::new();
    let mut p = node.parent;
    while let Some(pi) = p {
        let ps = nodes[pi].section;
        path.push(ps.display_name());
        ancestors.push(Ancestor {
            role: ps.level.role(),
            label: ps.label.clone(),
            number: ps.number,
        });
        p = nodes[pi].parent;
    }
    path.reverse();
    ancestors.reverse();
    PartRef {
        label: s.label.clone(),
        id: s.id.as_ref().map(|i| i.0.clone()),
        anchor: s.anchor.clone(),
        level: s.level.role(),
        heading: s.heading.as_deref().map(crate::text::to_plain),
        paragraphs: s.paragraphs().map(crate::text::to_plain).collect(),
        path,
        ancestors,
        parent: node.parent.map(|pi| ParentRef {
            anchor: nodes[pi].section.anchor.clone(),
            other_anchor: other_parent.map(str::to_string),
        }),
        index: node.index,
        number: s.number,
        rank: node.rank,
        table: None,
        columns: Vec::new(),
    }
}

/// A draft as it is compared: its attachments written out in full follow
/// its parts, each as one more top-level part labelled 附件1, headed by its
/// title and holding its paragraphs, tables and parts, so an attachment's
/// text is compared like the body's and its parts are told from the body's
/// by their 附件 ancestor.
pub fn comparable(doc: &Document) -> std::borrow::Cow<'_, Document> {
    use crate::numbering::Section;
    if doc.attachments.is_empty() {
        return std::borrow::Cow::Borrowed(doc);
    }
    let mut all = doc.clone();
    all.sections
        .extend(all.attachments.drain(..).map(|a| Section {
            level: crate::model::Level::Book,
            number: None,
            label: a.label,
            anchor: a.anchor,
            id: None,
            heading: Some(a.title),
            run_in: false,
            body: a.body,
            origin: a.origin,
            written: None,
        }));
    std::borrow::Cow::Owned(all)
}

/// Compares two numbered drafts.
pub fn compare(old: &Document, new: &Document) -> ChangeSet {
    let (old, new) = (comparable(old), comparable(new));
    let (old, new) = (&*old, &*new);
    let mut changes = meta_changes(&old.meta, &new.meta);
    // The preamble and closing as written are what is compared (a reference
    // by id that now prints another number is no change); as printed, what is shown.
    let written = |d: &'_ Document| match d.written_meta.as_deref() {
        Some((preamble, closing)) => (preamble.clone(), closing.clone()),
        None => (d.meta.preamble.clone(), d.meta.closing.clone()),
    };
    let (old_written, new_written) = (written(old), written(new));
    changes.extend(paragraph_changes(
        Place::Preamble,
        (&old.meta.preamble, &old_written.0),
        (&new.meta.preamble, &new_written.0),
    ));
    // The parts matched once: their changes, and where each table stands.
    let (old_nodes, new_nodes) = (flatten(old), flatten(new));
    let m = align::align(&old_nodes, &new_nodes);
    changes.extend(body_changes(&old_nodes, &new_nodes, &m));
    let tables = tables::diff(old, new, &old_nodes, &new_nodes, &m);
    changes.extend(tables.iter().flat_map(tables::TableDiff::changes));
    changes.extend(paragraph_changes(
        Place::Closing,
        (&old.meta.closing, &old_written.1),
        (&new.meta.closing, &new_written.1),
    ));
    let mut summary = Summary::default();
    for c in &changes {
        match c.kind {
            ChangeKind::Modified => summary.modified += 1,
            ChangeKind::Inserted => summary.inserted += 1,
            ChangeKind::Deleted => summary.deleted += 1,
            ChangeKind::Moved => summary.moved += 1,
            ChangeKind::Renumbered => summary.renumbered += 1,
        }
        match c.class {
            Some(EditClass::Whitespace) => summary.whitespace_only += 1,
            Some(EditClass::Punctuation) => summary.punctuation_only += 1,
            Some(EditClass::Reference) => summary.reference_only += 1,
            _ => {}
        }
    }
    summary.unchanged = new.walk().len()
        - changes
            .iter()
            .filter(|c| c.place == Place::Body && c.new.is_some())
            .count();
    let groups = groups::groups(&changes);
    let matched = m
        .old_to_new
        .iter()
        .enumerate()
        .filter_map(|(o, n)| {
            let n = (*n)?;
            Some((
                old_nodes[o].section.anchor.clone(),
                new_nodes[n].section.anchor.clone(),
            ))
        })
        .collect();
    ChangeSet {
        summary,
        changes,
        groups,
        tables,
        matched,
    }
}

fn body_changes(old: &[Node], new: &[Node], m: &align::Matching) -> Vec<Change> {
    // Moved: under a parent that is not the old parent's partner, or out of
    // order among siblings that stayed with their parent.
    let mut moved = vec![false; new.len()];
    let mut same_parent_children: std::collections::HashMap<Option<usize>, Vec<(usize, usize)>> =
        Default::default();
    for (n, node) in new.iter().enumerate() {
        let Some(o) = m.new_to_old[n] else { continue };
        let old_parent_partner = old[o].parent.map(|p| m.old_to_new[p]);
        let same_parent = match (old_parent_partner, node.parent) {
            (None, None) => true,
            (Some(Some(a)), Some(b)) => a == b,
            _ => false,
        };
        if same_parent {
            same_parent_children
                .entry(node.parent)
                .or_default()
                .push((n, old[o].index));
        } else {
            moved[n] = true;
        }
    }
    for kids in same_parent_children.values() {
        let order: Vec<usize> = kids.iter().map(|(_, old_index)| *old_index).collect();
        let keep = longest_increasing(&order);
        let mut in_order = vec![false; kids.len()];
        for k in keep {
            in_order[k] = true;
        }
        for (i, (n, _)) in kids.iter().enumerate() {
            if !in_order[i] {
                moved[*n] = true;
            }
        }
    }
    // Splits and merges, as the alignment found them.
    let mut relation_old: std::collections::HashMap<usize, Relation> = Default::default();
    let mut relation_new: std::collections::HashMap<usize, Relation> = Default::default();
    let describe = |nodes: &[Node], idx: &[usize], kind: RelationKind| Relation {
        kind,
        labels: idx
            .iter()
            .map(|&i| nodes[i].section.label.clone())
            .collect(),
        anchors: idx
            .iter()
            .map(|&i| nodes[i].section.anchor.clone())
            .collect(),
    };
    for (o, run) in &m.splits {
        relation_old.insert(*o, describe(new, run, RelationKind::SplitInto));
        for n in run {
            relation_new.insert(*n, describe(old, &[*o], RelationKind::SplitFrom));
        }
    }
    for (n, run) in &m.merges {
        relation_new.insert(*n, describe(old, run, RelationKind::MergedFrom));
        for o in run {
            relation_old.insert(*o, describe(new, &[*n], RelationKind::MergedInto));
        }
    }
    let partner_anchor_of_parent =
        |nodes: &[Node], other: &[Node], map: &[Option<usize>], i: usize| -> Option<String> {
            nodes[i]
                .parent
                .and_then(|p| map[p])
                .map(|q| other[q].section.anchor.clone())
        };
    let references = references::Both::new(old, new, m);
    let mut out = Vec::new();
    // Deleted parts are reported where they stood: after the new partner of
    // the old part before them.
    let mut deleted_after: std::collections::BTreeMap<Option<usize>, Vec<usize>> =
        Default::default();
    // Where each moved part left: after the new partner of the last old
    // part before it that stayed in place.
    let mut left_after: std::collections::HashMap<usize, Option<usize>> = Default::default();
    let mut last_partner: Option<usize> = None;
    let mut last_staying: Option<usize> = None;
    for (o, partner) in m.old_to_new.iter().enumerate() {
        match partner {
            Some(n) if moved[*n] => {
                left_after.insert(*n, last_staying);
                last_partner = Some(*n);
            }
            Some(n) => {
                last_partner = Some(*n);
                last_staying = Some(*n);
            }
            None => deleted_after.entry(last_partner).or_default().push(o),
        }
    }
    let old_ref = |o: usize| {
        part_ref(
            old,
            o,
            partner_anchor_of_parent(old, new, &m.old_to_new, o).as_deref(),
        )
    };
    let deleted = |o: usize, after: Option<usize>| Change {
        after: after.map(|n| new[n].section.anchor.clone()),
        relation: relation_old.get(&o).cloned(),
        ..Change::new(ChangeKind::Deleted, Place::Body, Some(old_ref(o)), None)
    };
    for o in deleted_after.get(&None).into_iter().flatten() {
        out.push(deleted(*o, None));
    }
    for (n, node) in new.iter().enumerate() {
        let new_ref = || {
            part_ref(
                new,
                n,
                partner_anchor_of_parent(new, old, &m.new_to_old, n).as_deref(),
            )
        };
        match m.new_to_old[n] {
            None => out.push(Change {
                relation: relation_new.get(&n).cloned(),
                ..Change::new(ChangeKind::Inserted, Place::Body, None, Some(new_ref()))
            }),
            Some(o) => {
                let modified = old[o].key() != node.key();
                let renumbered = old[o].section.label != node.section.label;
                if modified || renumbered || moved[n] {
                    let kind = if moved[n] {
                        ChangeKind::Moved
                    } else if modified {
                        ChangeKind::Modified
                    } else {
                        ChangeKind::Renumbered
                    };
                    let mut change =
                        Change::new(kind, Place::Body, Some(old_ref(o)), Some(new_ref()));
                    if modified {
                        let runs = if m.rewritten[n] {
                            inline::rewrite(&old[o].text, &node.text)
                        } else {
                            references.diff(&old[o].text, &node.text)
                        };
                        change = change.with_inline(runs);
                        change.rewritten = m.rewritten[n];
                    }
                    change.moved = moved[n];
                    if moved[n] {
                        change.after = left_after
                            .get(&n)
                            .copied()
                            .flatten()
                            .map(|a| new[a].section.anchor.clone());
                    }
                    change.renumbered = renumbered;
                    out.push(change);
                }
            }
        }
        for o in deleted_after.get(&Some(n)).into_iter().flatten() {
            out.push(deleted(*o, Some(n)));
        }
    }
    out
}
