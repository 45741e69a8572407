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
//! inserted paragraphs, paragraph marks included.

use std::collections::HashMap;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::draft;
use super::xml::{Body, Mark, Para, Run};
use crate::compare::ChangeSet;
use crate::compare::align::longest_increasing;
use crate::compare::inline::{InlineOp, diff};
use crate::numbering::Document;
use crate::render::context::RenderContext;

/// The two drafts as the DOCX redline needs them.
#[derive(Debug, Clone)]
pub struct WordSides {
    pub old: RenderContext,
    pub new: RenderContext,
    /// New anchor of each old part the comparison matched.
    pairs: HashMap<String, String>,
}

impl WordSides {
    /// Both drafts laid out, their parts paired as the comparison `changes`
    /// paired them.
    pub fn new(old: &Document, new: &Document, changes: &ChangeSet) -> WordSides {
        WordSides {
            old: RenderContext::new(old),
            new: RenderContext::new(new),
            pairs: changes.matched.iter().cloned().collect(),
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

/// A paragraph and how many of its first runs are its lead (number, heading).
struct Unit {
    key: Key,
    /// The part's number as printed (第十条, （三）), empty for the rest.
    label: String,
    paras: Vec<(Para, usize)>,
}

fn units(ctx: &RenderContext) -> Vec<Unit> {
    let plain = |paras: Vec<Para>| paras.into_iter().map(|p| (p, 0)).collect();
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
    for b in &ctx.blocks {
        let lead = b.lead.as_ref().map_or(0, |l| {
            draft::lead_runs(b.role, &b.label, &l.plain, b.lead_strong).len()
        });
        let paras = draft::block(b).into_iter().map(|p| (p, lead));
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
    // Each attachment one unit: its head, then its paragraphs and tables'
    // rows, diffed as paragraphs.
    for a in &ctx.appendices {
        let mut paras: Vec<(Para, usize)> = draft::attachment_head(&a.label, &a.title_lines)
            .into_iter()
            .map(|p| (p, 0))
            .collect();
        for b in &a.blocks {
            let lead = b.lead.as_ref().map_or(0, |l| {
                draft::lead_runs(b.role, &b.label, &l.plain, b.lead_strong).len()
            });
            paras.extend(draft::block(b).into_iter().map(|p| (p, lead)));
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

/// The new paragraph, with its differences from the old one tracked: a
/// changed number or heading lead replaced whole, the text word by word.
fn paired(old: &(Para, usize), new: &(Para, usize)) -> Para {
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

/// Writes the paragraphs of two paired units: equal ones as they are,
/// matched ones diffed, the rest deleted or inserted.
fn diff_units(body: &mut Body, old: &Unit, new: &Unit) {
    let key = |p: &(Para, usize)| concat(&p.0.runs);
    let a: Vec<String> = old.paras.iter().map(key).collect();
    let b: Vec<String> = new.paras.iter().map(key).collect();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, n) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                for p in &new.paras[n] {
                    body.para(&p.0);
                }
            }
            _ => {
                let both = o.len().min(n.len());
                for i in 0..both {
                    body.para(&paired(&old.paras[o.start + i], &new.paras[n.start + i]));
                }
                for p in &old.paras[o.start + both..o.end] {
                    body.para(&whole(&p.0, Mark::Deleted));
                }
                for p in &new.paras[n.start + both..n.end] {
                    body.para(&whole(&p.0, Mark::Inserted));
                }
            }
        }
    }
}

/// Writes the tracked body of the redline into `body`.
pub fn write(body: &mut Body, sides: &WordSides) {
    let mut old = units(&sides.old);
    let mut new = units(&sides.new);
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
                    .for_each(|p| body.para(&whole(&p.0, Mark::Deleted))),
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
                    .for_each(|p| body.para(&whole(&p.0, Mark::Inserted))),
            }
        }
    };
    for n in 0..new.len() {
        match old_of[n] {
            Some(o) if in_place[o] => {
                flush_old(body, &mut moves, o, &mut next_old);
                flush_new(body, &mut moves, &mut pending);
                diff_units(body, &old[o], &new[n]);
                next_old = o + 1;
            }
            _ => pending.push(n),
        }
    }
    flush_old(body, &mut moves, old.len(), &mut next_old);
    flush_new(body, &mut moves, &mut pending);
    let lines = |u: Option<Unit>| u.map(|u| u.paras).unwrap_or_default();
    draft::imprint_at_foot(body, &imprint_rows(lines(old_imprint), lines(new_imprint)));
}

/// The imprint's rows, old and new: the 抄送 line with the 抄送 line and the
/// 印发 line with the 印发 line, each edited in place, or added or removed
/// as a tracked row.
fn imprint_rows(old: Vec<(Para, usize)>, new: Vec<(Para, usize)>) -> Vec<(Para, Mark)> {
    let is_cc = |p: &(Para, usize)| concat(&p.0.runs).starts_with("抄送");
    let kind = |lines: &[(Para, usize)], cc: bool| lines.iter().find(|p| is_cc(p) == cc).cloned();
    [true, false]
        .into_iter()
        .filter_map(|cc| match (kind(&old, cc), kind(&new, cc)) {
            (Some(o), Some(n)) => Some((paired(&o, &n), Mark::Plain)),
            (Some(o), None) => Some((whole(&o.0, Mark::Deleted), Mark::Deleted)),
            (None, Some(n)) => Some((whole(&n.0, Mark::Inserted), Mark::Inserted)),
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
        .first()
        .map(|p| concat(&p.0.runs))
        .unwrap_or_default()
        .chars()
        .take(12)
        .collect();
    format!("“{text}”")
}

/// A unit's paragraphs tracked one way, the first with a comment.
fn with_note(body: &mut Body, unit: &Unit, mark: Mark, note: String) {
    for (i, p) in unit.paras.iter().enumerate() {
        let mut para = whole(&p.0, mark);
        if i == 0 {
            para.comment = Some(note.clone());
        }
        body.para(&para);
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
    /// one (moved from `other`). Without a date for its markers, a deletion or
    /// an insertion with a comment saying where the part went or came from.
    fn end(&mut self, body: &mut Body, unit: &Unit, n: usize, from: bool, other: &Unit) {
        if body.can_move() {
            let name = self.name(n);
            body.moved(&name, from, unit.paras.iter().map(|p| &p.0));
        } else if from {
            let note = format!("本部分移至新稿{}处", place(other));
            with_note(body, unit, Mark::Deleted, note);
        } else {
            let note = format!("本部分由原稿{}处移来", place(other));
            with_note(body, unit, Mark::Inserted, note);
        }
    }
}
