//! A redline as Word tracked changes: the new draft, with every difference
//! from the old one a revision, so that Accept All gives the new draft and
//! Reject All the old one, exactly.
//!
//! Both drafts are laid out as paragraphs the way the draft backend writes
//! them, in units: the head, the preamble, each part, the closing, the tail
//! and the imprint. Units are paired (parts by the comparison's alignment,
//! the rest by what they are), and merged in one pass: paired units in the
//! same order on both sides stay in place, with their paragraphs diffed at
//! word granularity; a paired unit out of order is a move (moveFrom at its
//! old place, moveTo at its new, each whole); the rest are deleted or
//! inserted paragraphs, paragraph marks included. A table is a Word table
//! whose rows the comparison paired ([`tables`]).

mod tables;

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::draft;
use super::xml::{Body, Mark, Para, Run};
use crate::compare::ChangeSet;
use crate::compare::align::longest_increasing;
use crate::compare::inline::{InlineOp, diff};
use crate::compare::tables::{TableDiff, TablePlace};
use crate::numbering::{Content, Document};
use crate::render::context::{BlockView, RenderContext};
use tables::DraftTable;

/// The two drafts as the DOCX redline needs them.
#[derive(Debug, Clone)]
pub struct WordSides {
    pub old: RenderContext,
    pub new: RenderContext,
    /// New anchor of each old part the comparison matched.
    pairs: HashMap<String, String>,
    /// The comparison's tables, each old and new table paired.
    tables: Vec<TableDiff>,
    /// Where each table of the old and the new draft stands, in the order
    /// the drafts' blocks hold them.
    old_places: Vec<TablePlace>,
    new_places: Vec<TablePlace>,
}

impl WordSides {
    /// Both drafts laid out, their parts paired as the comparison `changes`
    /// paired them.
    pub fn new(old: &Document, new: &Document, changes: &ChangeSet) -> WordSides {
        WordSides {
            old: RenderContext::new(old),
            new: RenderContext::new(new),
            pairs: changes.matched.iter().cloned().collect(),
            tables: changes.tables.clone(),
            old_places: places(old),
            new_places: places(new),
        }
    }
}

/// Every table of a draft that is laid out as a block, in reading order,
/// with its place as the comparison names it (the part or attachment
/// holding it, its place among the tables there).
fn places(doc: &Document) -> Vec<TablePlace> {
    fn visit(container: &str, body: &[Content], out: &mut Vec<TablePlace>) {
        let mut index = 0;
        for content in body {
            match content {
                Content::Table(t) => {
                    // A table whose shape is broken has no block.
                    if t.layout().is_ok() {
                        out.push(TablePlace {
                            container: container.to_string(),
                            index,
                        });
                    }
                    index += 1;
                }
                Content::Section(s) => visit(&s.anchor, &s.body, out),
                Content::Para(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for s in &doc.sections {
        visit(&s.anchor, &s.body, &mut out);
    }
    for a in &doc.attachments {
        visit(&a.anchor, &a.body, &mut out);
    }
    out
}

/// Which side of the comparison a draft is.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Old,
    New,
}

/// Finds each table block's diff, in the order the blocks hold them.
struct TableFinder<'a> {
    places: std::slice::Iter<'a, TablePlace>,
    diffs: &'a [TableDiff],
    side: Side,
}

impl TableFinder<'_> {
    /// The next table block, with the index of its diff.
    fn next(&mut self, view: &crate::render::tables::TableView) -> DraftTable {
        let place = self.places.next();
        let diff = place.and_then(|p| {
            self.diffs.iter().position(|d| match self.side {
                Side::Old => d.old.as_ref() == Some(p),
                Side::New => d.new.as_ref() == Some(p),
            })
        });
        DraftTable {
            view: view.clone(),
            diff,
        }
    }
}

/// What a unit of paragraphs is, for pairing.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Head,
    Preamble,
    Part(String),
    Closing,
    Tail,
    /// An attachment written out in full, by its title.
    Attachment(String),
    Imprint,
}

/// A paragraph and how many of its first runs are its lead (number,
/// heading), or a table.
enum Item {
    Para(Para, usize),
    Table(Box<DraftTable>),
}

impl Item {
    /// What the item is compared by: a paragraph by its text, a table by
    /// the comparison's pairing (a table no diff names by its own place).
    fn key(&self, side: Side, at: usize) -> String {
        match self {
            Item::Para(p, _) => concat(&p.runs),
            Item::Table(t) => match (t.diff, side) {
                (Some(d), _) => format!("\u{0}table {d}"),
                (None, Side::Old) => format!("\u{0}old table {at}"),
                (None, Side::New) => format!("\u{0}new table {at}"),
            },
        }
    }
}

/// The paragraphs and tables of a part of the document.
struct Unit {
    key: Key,
    /// The part's number as printed (第十条, （三）), empty for the rest.
    label: String,
    paras: Vec<Item>,
}

impl Unit {
    fn has_table(&self) -> bool {
        self.paras.iter().any(|i| matches!(i, Item::Table(_)))
    }
}

/// A block as items: its paragraphs, or its table (with the empty paragraph
/// Word needs after a table that a table or the end follows, as the
/// draft's .docx has it).
fn block_items(b: &BlockView, next: Option<&BlockView>, tables: &mut TableFinder) -> Vec<Item> {
    if let Some(view) = &b.table {
        let mut items = vec![Item::Table(Box::new(tables.next(view)))];
        if next.is_none_or(|n| n.table.is_some()) {
            items.push(Item::Para(draft::blank(), 0));
        }
        return items;
    }
    let lead = b.lead.as_ref().map_or(0, |l| {
        draft::lead_runs(b.role, &b.label, &l.plain, b.lead_strong).len()
    });
    draft::block(b)
        .into_iter()
        .map(|p| Item::Para(p, lead))
        .collect()
}

fn units(ctx: &RenderContext, tables: &mut TableFinder) -> Vec<Unit> {
    let plain = |paras: Vec<Para>| paras.into_iter().map(|p| Item::Para(p, 0)).collect();
    let mut out = vec![
        Unit {
            key: Key::Head,
            label: String::new(),
            paras: plain(draft::head(&ctx.meta)),
        },
        Unit {
            key: Key::Preamble,
            label: String::new(),
            paras: plain(
                ctx.preamble
                    .iter()
                    .map(|t| draft::text_para(&t.plain))
                    .collect(),
            ),
        },
    ];
    for (i, b) in ctx.blocks.iter().enumerate() {
        let paras = block_items(b, ctx.blocks.get(i + 1), tables).into_iter();
        match &b.anchor {
            Some(anchor) => out.push(Unit {
                key: Key::Part(anchor.clone()),
                label: b.label.clone(),
                paras: paras.collect(),
            }),
            None => out
                .last_mut()
                .expect("the head comes first")
                .paras
                .extend(paras),
        }
    }
    out.push(Unit {
        key: Key::Closing,
        label: String::new(),
        paras: plain(
            ctx.closing
                .iter()
                .map(|t| draft::text_para(&t.plain))
                .collect(),
        ),
    });
    out.push(Unit {
        key: Key::Tail,
        label: String::new(),
        paras: plain(draft::tail(&ctx.meta)),
    });
    // Each attachment one unit: its head, then its paragraphs and tables.
    for a in &ctx.appendices {
        let mut paras: Vec<Item> = plain(draft::attachment_head(&a.label, &a.title_lines));
        for (i, b) in a.blocks.iter().enumerate() {
            paras.extend(block_items(b, a.blocks.get(i + 1), tables));
        }
        out.push(Unit {
            key: Key::Attachment(a.title.plain.clone()),
            label: String::new(),
            paras,
        });
    }
    out.push(Unit {
        key: Key::Imprint,
        label: String::new(),
        paras: plain(draft::imprint(&ctx.meta)),
    });
    out
}

fn concat(runs: &[Run]) -> String {
    runs.iter().map(|r| r.text.as_str()).collect()
}

/// A paragraph with every run and its mark tracked one way.
fn whole(para: &Para, mark: Mark) -> Para {
    Para {
        mark,
        runs: para.runs.iter().map(|r| r.clone().marked(mark)).collect(),
        ..para.clone()
    }
}

/// An item tracked one way: a paragraph whole, or a table's every row.
fn whole_item(body: &mut Body, item: &Item, mark: Mark) {
    match item {
        Item::Para(p, _) => body.para(&whole(p, mark)),
        Item::Table(t) => tables::whole(body, &t.view, mark == Mark::Inserted),
    }
}

/// The new paragraph, with its differences from the old one tracked: a
/// changed number or heading lead replaced whole, the text word by word.
fn paired(old: (&Para, usize), new: (&Para, usize)) -> Para {
    let (old_lead, old_rest) = old.0.runs.split_at(old.1);
    let (new_lead, new_rest) = new.0.runs.split_at(new.1);
    let mut runs = Vec::new();
    if old_lead.len() == new_lead.len() {
        // Number, heading and gap each kept or replaced on its own.
        for (o, n) in old_lead.iter().zip(new_lead) {
            if o.text == n.text {
                runs.push(n.clone());
            } else {
                runs.push(o.clone().marked(Mark::Deleted));
                runs.push(n.clone().marked(Mark::Inserted));
            }
        }
    } else {
        runs.extend(old_lead.iter().map(|r| r.clone().marked(Mark::Deleted)));
        runs.extend(new_lead.iter().cloned().map(|r| r.marked(Mark::Inserted)));
    }
    for op in diff(&concat(old_rest), &concat(new_rest)) {
        match op {
            InlineOp::Equal { text } => runs.push(Run::plain(text)),
            InlineOp::Delete { text, .. } => runs.push(Run::plain(text).marked(Mark::Deleted)),
            InlineOp::Insert { text, .. } => runs.push(Run::plain(text).marked(Mark::Inserted)),
            InlineOp::Replace { old, new, .. } => {
                runs.push(Run::plain(old).marked(Mark::Deleted));
                runs.push(Run::plain(new).marked(Mark::Inserted));
            }
        }
    }
    Para {
        runs,
        ..new.0.clone()
    }
}

/// Writes the items of two paired units: equal paragraphs as they are,
/// matched ones diffed, a table with the table the comparison paired it
/// with row by row, the rest deleted or inserted.
fn diff_units(body: &mut Body, old: &Unit, new: &Unit, diffs: &[TableDiff]) {
    let a: Vec<String> = old
        .paras
        .iter()
        .enumerate()
        .map(|(i, p)| p.key(Side::Old, i))
        .collect();
    let b: Vec<String> = new
        .paras
        .iter()
        .enumerate()
        .map(|(i, p)| p.key(Side::New, i))
        .collect();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for (old, new) in old.paras[o].iter().zip(&new.paras[n]) {
                    match (old, new) {
                        (Item::Table(ot), Item::Table(nt)) => tables::write(
                            body,
                            Some(&ot.view),
                            Some(&nt.view),
                            nt.diff.and_then(|d| diffs.get(d)),
                        ),
                        (_, Item::Para(p, _)) => body.para(p),
                        (_, item) => whole_item(body, item, Mark::Inserted),
                    }
                }
            }
            _ => {
                // Paragraphs paired in order; a table between them is
                // deleted or inserted whole where it stands.
                let (olds, news) = (&old.paras[o], &new.paras[n]);
                let (mut i, mut j) = (0, 0);
                while i < olds.len() || j < news.len() {
                    match (olds.get(i), news.get(j)) {
                        (Some(item @ Item::Table(_)), _) | (Some(item), None) => {
                            whole_item(body, item, Mark::Deleted);
                            i += 1;
                        }
                        (_, Some(item @ Item::Table(_))) | (None, Some(item)) => {
                            whole_item(body, item, Mark::Inserted);
                            j += 1;
                        }
                        (Some(Item::Para(op, ol)), Some(Item::Para(np, nl))) => {
                            body.para(&paired((op, *ol), (np, *nl)));
                            i += 1;
                            j += 1;
                        }
                        (None, None) => break,
                    }
                }
            }
        }
    }
}

/// Writes the tracked body of the redline into `body`.
pub fn write(body: &mut Body, sides: &WordSides) {
    let mut finder = TableFinder {
        places: sides.old_places.iter(),
        diffs: &sides.tables,
        side: Side::Old,
    };
    let mut old = units(&sides.old, &mut finder);
    let mut finder = TableFinder {
        places: sides.new_places.iter(),
        diffs: &sides.tables,
        side: Side::New,
    };
    let mut new = units(&sides.new, &mut finder);
    // The imprint is not a unit of the text: it sits at the foot of the
    // last page, each line a row tracked on its own.
    let (old_imprint, new_imprint) = (old.pop(), new.pop());
    debug_assert!(old_imprint.as_ref().is_some_and(|u| u.key == Key::Imprint));
    let new_index: HashMap<&Key, usize> =
        new.iter().enumerate().map(|(i, u)| (&u.key, i)).collect();
    // Each old unit's partner among the new ones.
    let partner: Vec<Option<usize>> = old
        .iter()
        .map(|u| {
            let key = match &u.key {
                Key::Part(a) => Key::Part(sides.pairs.get(a)?.clone()),
                other => other.clone(),
            };
            new_index.get(&key).copied()
        })
        .collect();
    let mut old_of = vec![None; new.len()];
    for (o, n) in partner.iter().enumerate() {
        if let Some(n) = n {
            old_of[*n] = Some(o);
        }
    }
    // Pairs in the same order on both sides stay; the others moved.
    let paired_old: Vec<usize> = (0..new.len()).filter_map(|n| old_of[n]).collect();
    let mut in_place = vec![false; old.len()];
    for i in longest_increasing(&paired_old) {
        in_place[paired_old[i]] = true;
    }
    let mut moves = Moves::default();
    let mut next_old = 0;
    let mut pending: Vec<usize> = Vec::new();
    let flush_old = |body: &mut Body, moves: &mut Moves, upto: usize, next_old: &mut usize| {
        for o in *next_old..upto {
            match partner[o] {
                Some(_) if in_place[o] => {}
                Some(n) => moves.end(body, &old[o], n, true, &new[n]),
                None => old[o]
                    .paras
                    .iter()
                    .for_each(|p| whole_item(body, p, Mark::Deleted)),
            }
        }
        *next_old = (*next_old).max(upto);
    };
    let flush_new = |body: &mut Body, moves: &mut Moves, pending: &mut Vec<usize>| {
        for n in pending.drain(..) {
            match old_of[n] {
                Some(o) => moves.end(body, &new[n], n, false, &old[o]),
                None => new[n]
                    .paras
                    .iter()
                    .for_each(|p| whole_item(body, p, Mark::Inserted)),
            }
        }
    };
    for n in 0..new.len() {
        match old_of[n] {
            Some(o) if in_place[o] => {
                flush_old(body, &mut moves, o, &mut next_old);
                flush_new(body, &mut moves, &mut pending);
                diff_units(body, &old[o], &new[n], &sides.tables);
                next_old = o + 1;
            }
            _ => pending.push(n),
        }
    }
    flush_old(body, &mut moves, old.len(), &mut next_old);
    flush_new(body, &mut moves, &mut pending);
    // The imprint's units hold its lines as paragraphs only.
    let lines = |u: Option<Unit>| -> Vec<Para> {
        u.map(|u| u.paras)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|item| match item {
                Item::Para(p, _) => Some(p),
                Item::Table(_) => None,
            })
            .collect()
    };
    draft::imprint_at_foot(body, &imprint_rows(lines(old_imprint), lines(new_imprint)));
}

/// The imprint's rows, old and new: the 抄送 line with the 抄送 line and the
/// 印发 line with the 印发 line, each edited in place, or added or removed
/// as a tracked row.
fn imprint_rows(old: Vec<Para>, new: Vec<Para>) -> Vec<(Para, Mark)> {
    let is_cc = |p: &Para| concat(&p.runs).starts_with("抄送");
    let kind = |lines: &[Para], cc: bool| lines.iter().find(|p| is_cc(p) == cc).cloned();
    [true, false]
        .into_iter()
        .filter_map(|cc| match (kind(&old, cc), kind(&new, cc)) {
            (Some(o), Some(n)) => Some((paired((&o, 0), (&n, 0)), Mark::Plain)),
            (Some(o), None) => Some((whole(&o, Mark::Deleted), Mark::Deleted)),
            (None, Some(n)) => Some((whole(&n, Mark::Inserted), Mark::Inserted)),
            (None, None) => None,
        })
        .collect()
}

/// Where a moved part stood or went: its number, or its opening words.
fn place(unit: &Unit) -> String {
    if !unit.label.is_empty() {
        return unit.label.clone();
    }
    let text: String = unit
        .paras
        .iter()
        .find_map(|p| match p {
            Item::Para(p, _) => Some(concat(&p.runs)),
            Item::Table(_) => None,
        })
        .unwrap_or_default()
        .chars()
        .take(12)
        .collect();
    format!("“{text}”")
}

/// A unit's items tracked one way, the first paragraph with a comment.
fn with_note(body: &mut Body, unit: &Unit, mark: Mark, note: String) {
    let mut note = Some(note);
    for item in &unit.paras {
        match item {
            Item::Para(p, _) => {
                let mut para = whole(p, mark);
                para.comment = note.take();
                body.para(&para);
            }
            table => whole_item(body, table, mark),
        }
    }
}

/// Moves, each named by the new unit it went to (`move3`), written whole at
/// both ends: edits nested inside a move would break Reject All.
#[derive(Default)]
struct Moves {
    names: HashMap<usize, String>,
}

impl Moves {
    fn name(&mut self, n: usize) -> String {
        let count = self.names.len() + 1;
        self.names
            .entry(n)
            .or_insert_with(|| format!("move{count}"))
            .clone()
    }

    /// One end of a move: the old end (`from`, moved to `other`) or the new
    /// one (moved from `other`). Without a date for its markers, or with a
    /// table (a row cannot be a move in Word), a deletion or an insertion
    /// with a comment saying where the part went or came from.
    fn end(&mut self, body: &mut Body, unit: &Unit, n: usize, from: bool, other: &Unit) {
        if body.can_move() && !unit.has_table() && !other.has_table() {
            let name = self.name(n);
            let paras = unit.paras.iter().filter_map(|p| match p {
                Item::Para(p, _) => Some(p),
                Item::Table(_) => None,
            });
            body.moved(&name, from, paras);
        } else if from {
            let note = format!("本部分移至新稿{}处", place(other));
            with_note(body, unit, Mark::Deleted, note);
        } else {
            let note = format!("本部分由原稿{}处移来", place(other));
            with_note(body, unit, Mark::Inserted, note);
        }
    }
}
