//! Draft → numbered [`Document`]: derives every number and label from the
//! tree (一、 （一） 1. （1）, or 第一章 第一节 第一条 （一） 1.), honouring
//! which levels run on across parents and which restart, and gives every part
//! a stable anchor.
//!
//! ```
//! use gongwen::model::{Block, Draft, Level, Meta, Part};
//! let mut item = Part::new(Level::Outline(1));
//! item.heading = Some("总体要求".into());
//! let draft = Draft { parts: vec![item], ..Draft::default() };
//! let doc = gongwen::numbering::number(&draft);
//! assert_eq!(doc.sections[0].label, "一、");
//! ```

mod links;
pub mod numerals;
pub mod references;

pub use links::Written;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::model::{Block, Draft, Level, Meta, Origin, Part, PartId};
use numerals::chinese;

/// A draft with every part numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub meta: Meta,
    pub sections: Vec<Section>,
    /// The attachments written out in full, numbered each on its own.
    pub attachments: Vec<AttachmentDoc>,
    /// The preamble and closing as written, when a reference by id in them
    /// was printed as its label (see [`Written`]).
    pub written_meta: Option<Box<(Vec<String>, Vec<String>)>>,
}

/// An attachment written out in full, numbered.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachmentDoc {
    /// Its place in `meta.attachments`.
    pub index: usize,
    /// 附件1, or 附件 when the document has only one attachment (GB/T 9704 7.5).
    pub label: String,
    /// Its title, as the 附件 note lists it.
    pub title: String,
    /// Its anchor: `fj1`.
    pub anchor: String,
    pub style: crate::model::Style,
    pub body: Vec<Content>,
    pub origin: Origin,
}

/// A part with its derived number, label and anchor.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub level: Level,
    /// `None` for parts that take no number.
    pub number: Option<Number>,
    /// The number as printed: 一、 （一） 第十五条 第一百二十条之一; empty when unnumbered.
    pub label: String,
    /// Anchor for links: the part's id, or one derived from its place.
    pub anchor: String,
    pub id: Option<PartId>,
    pub heading: Option<String>,
    pub run_in: bool,
    pub body: Vec<Content>,
    pub origin: Origin,
    /// The heading and paragraphs as written, when a reference by id in
    /// them (`[[id]]`) was printed as its label.
    pub written: Option<Box<Written>>,
}

/// One element of a section's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Content {
    Para(String),
    Section(Section),
    Table(crate::model::Table),
}

/// A derived number: 15 for 第十五条; 120 and 1 for 第一百二十条之一.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Number {
    pub ordinal: u32,
    /// 0 for a plain number, N for 之N.
    pub sub: u32,
}

impl Section {
    /// The direct sub-sections.
    pub fn children(&self) -> impl Iterator<Item = &Section> {
        self.body.iter().filter_map(|c| match c {
            Content::Section(s) => Some(s),
            Content::Para(_) | Content::Table(_) => None,
        })
    }

    /// The section's own paragraphs.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.iter().filter_map(|c| match c {
            Content::Para(p) => Some(p.as_str()),
            Content::Section(_) | Content::Table(_) => None,
        })
    }

    /// A name for the section in messages: its label, heading or first words.
    pub fn display_name(&self) -> String {
        let mut name = self.label.clone();
        if let Some(h) = &self.heading {
            name.push_str(h);
        }
        if name.is_empty() {
            name = self
                .paragraphs()
                .next()
                .unwrap_or("")
                .chars()
                .take(12)
                .collect();
        }
        name
    }
}

impl Document {
    /// Every section, depth first, in reading order.
    pub fn walk(&self) -> Vec<&Section> {
        fn visit<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in s.children() {
                visit(c, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            visit(s, &mut out);
        }
        out
    }
}

/// The label for a number at a level: `label(Level::Article, 15, 0)` is 第十五条.
pub fn label(level: Level, number: Number) -> String {
    let n = number.ordinal as u64;
    let sub = if number.sub > 0 {
        format!("之{}", chinese(number.sub as u64))
    } else {
        String::new()
    };
    match level {
        Level::Outline(1) => format!("{}{sub}、", chinese(n)),
        Level::Outline(2) | Level::Item => format!("（{}{sub}）", chinese(n)),
        Level::Outline(3) | Level::SubItem => format!("{n}{sub}."),
        Level::Outline(_) => format!("（{n}{sub}）"),
        Level::Book => format!("第{}编{sub}", chinese(n)),
        Level::SubBook => format!("第{}分编{sub}", chinese(n)),
        Level::Chapter => format!("第{}章{sub}", chinese(n)),
        Level::Section => format!("第{}节{sub}", chinese(n)),
        Level::Article => format!("第{}条{sub}", chinese(n)),
    }
}

/// Numbers a draft.
pub fn number(draft: &Draft) -> Document {
    let mut state = State {
        counters: HashMap::new(),
        unnumbered: HashMap::new(),
        within: HashMap::new(),
        open: Vec::new(),
        next_id: 0,
        used: draft
            .all_parts()
            .flat_map(all_ids)
            .map(|id| id.0.clone())
            .collect(),
    };
    state.restart(&draft.meta.numbering);
    let sections = state.parts(&draft.parts, "");
    let single = draft.meta.attachments.len() == 1;
    let attachments = draft
        .attachments
        .iter()
        .map(|a| {
            state.restart(&a.numbering);
            let number = a.index + 1;
            let anchor = state.fresh_anchor(format!("fj{number}"));
            AttachmentDoc {
                index: a.index,
                label: if single {
                    "附件".to_string()
                } else {
                    format!("附件{number}")
                },
                title: draft
                    .meta
                    .attachments
                    .get(a.index)
                    .cloned()
                    .unwrap_or_default(),
                body: state.blocks(&a.body, &anchor),
                anchor,
                style: a.numbering.style,
                origin: a.origin.clone(),
            }
        })
        .collect();
    let mut doc = Document {
        meta: draft.meta.clone(),
        sections,
        attachments,
        written_meta: None,
    };
    links::resolve(&mut doc);
    doc
}

fn all_levels() -> Vec<Level> {
    let mut levels: Vec<Level> = (1..=4).map(Level::Outline).collect();
    levels.extend(Level::DIVISIONS);
    levels.extend([Level::Article, Level::Item, Level::SubItem]);
    levels
}

fn all_ids(part: &Part) -> Vec<&PartId> {
    let mut ids: Vec<&PartId> = part.id.iter().collect();
    for child in part.children() {
        ids.extend(all_ids(child));
    }
    ids
}

/// Where a part is counted: among the parts of its level under one enclosing
/// part (its id; 0 for the whole document) and, for items and sub-items, after
/// the same paragraph (款) of it.
type Scope = (usize, usize);

/// A part being numbered: its level, an id for scopes, and how many
/// paragraphs of its own came so far.
struct Open {
    level: Level,
    id: usize,
    paragraphs: usize,
}

struct State {
    /// The count of each level in each scope.
    counters: HashMap<(Level, Scope), Number>,
    /// Parts without a number seen so far, per level, for their anchors.
    unnumbered: HashMap<Level, u32>,
    /// For each level, the level it is counted within (None: it runs on
    /// through the document).
    within: HashMap<Level, Option<Level>>,
    /// Anchors already taken (author ids first, so derived anchors never steal them).
    used: HashSet<String>,
    /// The parts enclosing the one being numbered, outermost first.
    open: Vec<Open>,
    next_id: usize,
}

impl State {
    /// Starts counting afresh in a numbering (the body, then each attachment).
    fn restart(&mut self, numbering: &crate::model::Numbering) {
        self.counters.clear();
        self.unnumbered.clear();
        for level in all_levels() {
            let within = if numbering.continuous.contains(&level) {
                None
            } else {
                level.restarts_under()
            };
            self.within.insert(level, within);
        }
    }

    /// The body of an attachment: paragraphs, tables and top-level parts.
    fn blocks(&mut self, blocks: &[Block], prefix: &str) -> Vec<Content> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Para(p) => Content::Para(p.clone()),
                Block::Table(t) => Content::Table(t.clone()),
                Block::Part(p) => Content::Section(self.part(p, prefix)),
            })
            .collect()
    }

    fn parts(&mut self, parts: &[Part], prefix: &str) -> Vec<Section> {
        parts.iter().map(|p| self.part(p, prefix)).collect()
    }

    /// A part is numbered among the parts of its level that share its
    /// nearest enclosing part at or above the level it is counted within
    /// (its 章 for a 节, its 条 for a 项, nothing for a level that runs on);
    /// items and sub-items start again after each paragraph of their part.
    fn scope(&self, level: Level) -> Scope {
        let Some(within) = self.within.get(&level).copied().flatten() else {
            return (0, 0);
        };
        match self
            .open
            .iter()
            .rev()
            .find(|o| o.level.rank() <= within.rank())
        {
            Some(o) if o.level == within && matches!(level, Level::Item | Level::SubItem) => {
                (o.id, o.paragraphs)
            }
            Some(o) => (o.id, 0),
            None => (0, 0),
        }
    }

    fn part(&mut self, part: &Part, prefix: &str) -> Section {
        let level = part.level;
        let scope = self.scope(level);
        let number = part.numbered.then(|| {
            let counter = self
                .counters
                .entry((level, scope))
                .or_insert(Number { ordinal: 0, sub: 0 });
            if part.sub && counter.ordinal > 0 {
                counter.sub += 1;
            } else {
                counter.ordinal += 1;
                counter.sub = 0;
            }
            *counter
        });
        let label = number.map(|n| label(level, n)).unwrap_or_default();
        let unnumbered = self.unnumbered.entry(level).or_insert(0);
        if number.is_none() {
            *unnumbered += 1;
        }
        let token = anchor_token(level, number, *unnumbered);
        // Articles are numbered through the whole text, so 第十五条 is `art15`
        // wherever it sits; everything else hangs off its parent's anchor (`s2-3`).
        let base = if (level == Level::Article && number.is_some()) || prefix.is_empty() {
            token
        } else {
            format!("{prefix}-{token}")
        };
        let anchor = match &part.id {
            Some(id) => id.0.clone(),
            None => self.fresh_anchor(base),
        };
        let mut body = Vec::with_capacity(part.body.len());
        self.next_id += 1;
        self.open.push(Open {
            level,
            id: self.next_id,
            paragraphs: 0,
        });
        for block in &part.body {
            match block {
                Block::Para(text) => {
                    // Items (项) belong to the paragraph (款) before them (see `scope`).
                    if let Some(open) = self.open.last_mut() {
                        open.paragraphs += 1;
                    }
                    body.push(Content::Para(text.clone()));
                }
                Block::Part(child) => body.push(Content::Section(self.part(child, &anchor))),
                Block::Table(table) => body.push(Content::Table(table.clone())),
            }
        }
        self.open.pop();
        Section {
            level,
            number,
            label,
            anchor,
            id: part.id.clone(),
            heading: part.heading.clone(),
            run_in: part.run_in,
            body,
            origin: part.origin.clone(),
            written: None,
        }
    }

    fn fresh_anchor(&mut self, base: String) -> String {
        let mut anchor = base.clone();
        let mut n = 2;
        while self.used.contains(&anchor) {
            anchor = format!("{base}_{n}");
            n += 1;
        }
        self.used.insert(anchor.clone());
        anchor
    }
}

/// The piece of an anchor a part contributes: `s2`, `ch3`, `art15`, `art120z1`.
fn anchor_token(level: Level, number: Option<Number>, unnumbered: u32) -> String {
    let prefix = match level {
        Level::Outline(1) => "s",
        Level::Outline(_) => "",
        Level::Book => "b",
        Level::SubBook => "sb",
        Level::Chapter => "ch",
        Level::Section => "sec",
        Level::Article => "art",
        Level::Item => "i",
        Level::SubItem => "j",
    };
    match number {
        Some(Number { ordinal, sub: 0 }) => format!("{prefix}{ordinal}"),
        Some(Number { ordinal, sub }) => format!("{prefix}{ordinal}z{sub}"),
        None => format!("{prefix}x{unnumbered}"),
    }
}

#[cfg(test)]
mod tests;
