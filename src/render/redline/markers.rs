//! The new draft marked up: each part with its change (inserted, reworded,
//! moved, renumbered), and deleted parts where they stood.

use std::collections::HashMap;

use super::RedBlock;
use super::labels::{came_from, left_behind, went_to};
use super::red_table::RedTable;
use super::segments::{
    Segment, SegmentKind, note_html, note_md, pieces, plain_segments, segments_html, segments_md,
};
use crate::compare::tables::TableDiff;
use crate::compare::{Change, ChangeKind, PartRef, Place};
use crate::model::Level;
use crate::numbering::{Content, Document, Section};
use crate::render::context::BlockKind;
use crate::text::{Block, to_plain};

/// Builds the marked-up draft from the new document and the visible changes.
pub(super) struct Marker<'a> {
    /// The change shown at each new anchor, with its entry number.
    at: HashMap<&'a str, (usize, &'a Change)>,
    /// Deleted and moved parts by the new anchor they stood after in the
    /// old draft ("" for the start).
    deleted: HashMap<&'a str, Vec<(usize, &'a Change)>>,
    blocks: Vec<RedBlock>,
    /// Entries whose anchor is already on a block: an entry for a run of
    /// changes is anchored at its first part only (an id is unique).
    anchored: std::collections::HashSet<usize>,
    /// Which written forms of each block to make (a format shows one; the
    /// PDF, neither: it sets the segments).
    forms: Forms,
    /// Each table of the new draft compared, by its part's (or
    /// attachment's) anchor and its place among the tables there.
    tables: HashMap<(&'a str, usize), &'a TableDiff>,
    /// The entry showing each change to a table, by the change's key.
    table_entries: HashMap<String, usize>,
}

/// The written forms of the marked-up draft's blocks a view holds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Forms {
    pub html: bool,
    pub md: bool,
}

impl<'a> Marker<'a> {
    /// From the changes shown, each with the number of the entry showing it.
    pub(super) fn new(
        changes: &[(usize, &'a Change)],
        forms: Forms,
        tables: &'a [TableDiff],
    ) -> Marker<'a> {
        let mut at = HashMap::new();
        let mut deleted: HashMap<&str, Vec<(usize, &Change)>> = HashMap::new();
        let mut table_entries = HashMap::new();
        for &(number, c) in changes {
            if c.place == Place::Table {
                if let Some(key) = super::change_key(c) {
                    table_entries.entry(key).or_insert(number);
                }
                continue;
            }
            if c.place != Place::Body {
                continue;
            }
            // A moved part is marked where it left as well.
            if let Some(after) = c.stood_after() {
                deleted.entry(after).or_default().push((number, c));
            }
            if c.kind != ChangeKind::Deleted
                && let Some(n) = &c.new
            {
                at.entry(n.anchor.as_str()).or_insert((number, c));
            }
        }
        Marker {
            at,
            deleted,
            blocks: Vec::new(),
            anchored: Default::default(),
            forms,
            tables: tables
                .iter()
                .filter_map(|t| {
                    let place = t.new.as_ref()?;
                    Some(((place.container.as_str(), place.index), t))
                })
                .collect(),
            table_entries,
        }
    }

    /// `chg-N` for the first block that shows entry N; none for the others.
    fn anchor(&mut self, number: usize) -> Option<String> {
        self.anchored
            .insert(number)
            .then(|| format!("chg-{number}"))
    }

    /// The blocks of the new draft as compared ([`crate::compare::comparable`]:
    /// attachments written out in full follow as parts).
    pub(super) fn blocks(mut self, doc: &Document) -> Vec<RedBlock> {
        // Metadata and preamble changes are listed in the summary; the body is marked here.
        self.deleted_after(None);
        for s in &doc.sections {
            self.section(s, 1);
        }
        self.blocks
    }

    /// The `index`-th table of a part or attachment, marked up.
    fn table(&mut self, container: &str, index: usize, depth: usize) {
        let Some(diff) = self.tables.get(&(container, index)).copied() else {
            return;
        };
        let entries = &self.table_entries;
        let table = RedTable::new(diff, |key| entries.get(key).copied());
        for row in &table.rows {
            if let Some(n) = row
                .change
                .as_deref()
                .and_then(|c| c.strip_prefix("chg-"))
                .and_then(|n| n.parse().ok())
            {
                self.anchored.insert(n);
            }
        }
        self.blocks.push(RedBlock {
            html: if self.forms.html {
                table.html()
            } else {
                String::new()
            },
            md: if self.forms.md {
                table.markdown()
            } else {
                String::new()
            },
            table: Some(table),
            ..loose(BlockKind::Table, crate::model::Role::Text, depth)
        });
    }

    /// Deleted parts that stood right after the part with this new anchor
    /// (None: at the start), and where moved parts left from there.
    fn deleted_after(&mut self, anchor: Option<&str>) {
        for (number, c) in self
            .deleted
            .remove(anchor.unwrap_or(""))
            .unwrap_or_default()
        {
            if c.kind == ChangeKind::Deleted {
                self.deleted_block(number, c);
            } else {
                self.left_block(c);
            }
        }
    }

    /// Where a moved part left: its number and opening struck, and where
    /// it went. The summary links to where it arrived, so this has no anchor.
    fn left_block(&mut self, c: &Change) {
        let Some(o) = &c.old else { return };
        let block = self.standing(o, ChangeKind::Moved, None, left_behind(c), went_to(c));
        self.blocks.push(block);
    }

    /// A block for a part of the old draft where it stood (deleted, or moved
    /// away): its text as given and a note on what became of it.
    fn standing(
        &self,
        o: &PartRef,
        status: ChangeKind,
        change: Option<String>,
        text: Vec<Segment>,
        note: String,
    ) -> RedBlock {
        RedBlock {
            change,
            status: Some(status),
            label: o.label.clone(),
            html: if self.forms.html {
                format!("{}{}", segments_html(&text), note_html(&note))
            } else {
                String::new()
            },
            md: if self.forms.md {
                format!(
                    "{}{}",
                    segments_md(&text, Block::Paragraph),
                    note_md(&note, Block::Paragraph)
                )
            } else {
                String::new()
            },
            note: Some(note),
            text,
            ..loose(BlockKind::Para, o.level, o.path.len() + 1)
        }
    }

    fn section(&mut self, s: &Section, depth: usize) {
        let found = self.at.get(s.anchor.as_str()).copied();
        let (status, note, pieces) = match found {
            None => (None, None, None),
            Some((_, c)) => {
                let status = Some(c.kind);
                let old = c.old.as_ref();
                let mut notes = Vec::new();
                if c.moved && old.is_some() {
                    notes.push(came_from(c));
                }
                if c.renumbered
                    && let Some(o) = old
                    && !c.moved
                {
                    notes.push(format!("原{}", o.label));
                }
                let pieces = if c.kind == ChangeKind::Inserted {
                    None
                } else if c.modified {
                    Some(pieces(&c.inline))
                } else {
                    None
                };
                (
                    status,
                    (!notes.is_empty()).then(|| notes.join("，")),
                    pieces,
                )
            }
        };
        let change = found.and_then(|(n, _)| self.anchor(n));
        let base = if status == Some(ChangeKind::Inserted) {
            SegmentKind::Ins
        } else {
            SegmentKind::Same
        };
        let mut texts: Vec<Vec<Segment>> = match pieces {
            Some(p) => p,
            None => {
                let mut v: Vec<Vec<Segment>> = Vec::new();
                if let Some(h) = &s.heading {
                    v.push(plain_segments(base, &to_plain(h)));
                }
                v.extend(s.paragraphs().map(|p| plain_segments(base, &to_plain(p))));
                v
            }
        };
        let heading = if s.heading.is_some() && !texts.is_empty() {
            Some(texts.remove(0))
        } else {
            None
        };
        let standalone = s.heading.is_some() && !s.run_in;
        let leads = matches!(s.body.first(), Some(Content::Para(_)));
        let mut paragraphs = texts.into_iter();
        let label_seg = plain_segments(base, &s.label);
        if standalone {
            let mut lead = label_seg.clone();
            if s.level.is_division() && !s.label.is_empty() {
                lead.push(Segment {
                    kind: base,
                    text: "\u{3000}".into(),
                });
            }
            lead.extend(heading.unwrap_or_default());
            self.push(
                BlockKind::Heading,
                s,
                depth,
                status,
                note,
                change,
                lead,
                Vec::new(),
                true,
            );
        } else {
            let mut lead = label_seg;
            let strong = s.heading.is_some() || s.level == Level::Article;
            if let Some(h) = heading {
                lead.extend(h);
            } else if s.level == Level::Article && !s.label.is_empty() {
                lead.push(Segment {
                    kind: base,
                    text: "\u{3000}".into(),
                });
            }
            // The first paragraph runs in, unless a table comes first (as printed).
            let first = if leads {
                paragraphs.next().unwrap_or_default()
            } else {
                Vec::new()
            };
            self.push(
                BlockKind::Para,
                s,
                depth,
                status,
                note,
                change,
                lead,
                first,
                strong,
            );
        }
        // The rest of the paragraphs, and the tables among them, in order.
        let skip = usize::from(!standalone && leads);
        let mut paragraph = 0;
        let mut tables = 0;
        for c in &s.body {
            match c {
                Content::Para(_) => {
                    paragraph += 1;
                    if paragraph <= skip {
                        continue;
                    }
                    let Some(p) = paragraphs.next() else { continue };
                    self.push(
                        BlockKind::Para,
                        s,
                        depth,
                        status,
                        None,
                        None,
                        Vec::new(),
                        p,
                        false,
                    );
                }
                Content::Table(_) => {
                    self.table(&s.anchor, tables, depth);
                    tables += 1;
                }
                Content::Section(_) => {}
            }
        }
        self.deleted_after(Some(&s.anchor));
        let child_depth = if s.heading.is_some() {
            depth + 1
        } else {
            depth
        };
        for child in s.children() {
            self.section(child, child_depth);
        }
    }

    fn deleted_block(&mut self, number: usize, c: &Change) {
        let Some(o) = &c.old else { return };
        let mut text: Vec<Segment> = plain_segments(SegmentKind::Del, &o.label);
        let mut all: Vec<String> = o.heading.iter().cloned().collect();
        all.extend(o.paragraphs.iter().cloned());
        text.extend(plain_segments(SegmentKind::Del, &all.join("")));
        let note = format!(
            "删除原{}",
            if o.label.is_empty() {
                "段落".to_string()
            } else {
                o.label.clone()
            }
        );
        let change = self.anchor(number);
        let block = self.standing(o, ChangeKind::Deleted, change, text, note);
        self.blocks.push(block);
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: BlockKind,
        s: &Section,
        depth: usize,
        status: Option<ChangeKind>,
        note: Option<String>,
        change: Option<String>,
        lead: Vec<Segment>,
        text: Vec<Segment>,
        strong: bool,
    ) {
        if kind != BlockKind::Heading && lead.is_empty() && text.is_empty() && note.is_none() {
            // A part that holds only sub-parts shows nothing of its own.
            return;
        }
        let html = if self.forms.html {
            let note_html = note.as_deref().map_or(String::new(), note_html);
            let lead_html = if lead.is_empty() {
                String::new()
            } else if strong {
                format!("<span class=\"lead\">{}</span>", segments_html(&lead))
            } else {
                segments_html(&lead)
            };
            format!("{lead_html}{}{note_html}", segments_html(&text))
        } else {
            String::new()
        };
        let md = if self.forms.md {
            let block = if kind == BlockKind::Heading {
                Block::Heading
            } else {
                Block::Paragraph
            };
            let note_md = note.as_deref().map_or(String::new(), |n| note_md(n, block));
            let both: Vec<Segment> = lead.iter().chain(&text).cloned().collect();
            match kind {
                BlockKind::Heading => format!(
                    "{} {}{note_md}",
                    "#".repeat((depth + 1).min(6)),
                    segments_md(&both, block)
                ),
                _ => format!("{}{note_md}", segments_md(&both, block)),
            }
        } else {
            String::new()
        };
        self.blocks.push(RedBlock {
            kind,
            role: s.level.role(),
            depth,
            anchor: Some(s.anchor.clone())
                .filter(|_| !lead.is_empty() || kind == BlockKind::Heading),
            change,
            status,
            label: s.label.clone(),
            note,
            lead,
            text,
            lead_strong: strong,
            html,
            md,
            table: None,
        });
    }
}

/// A block that opens no part and shows no change, with nothing written yet.
fn loose(kind: BlockKind, role: crate::model::Role, depth: usize) -> RedBlock {
    RedBlock {
        kind,
        role,
        depth,
        anchor: None,
        change: None,
        status: None,
        label: String::new(),
        note: None,
        lead: Vec::new(),
        text: Vec::new(),
        lead_strong: false,
        html: String::new(),
        md: String::new(),
        table: None,
    }
}
