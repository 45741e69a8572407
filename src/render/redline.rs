//! The redline render context: a view of a [`ChangeSet`] that the redline
//! templates read — the new draft with insertions and deletions marked, one
//! entry per change for the summary and the 修改对照表, and the counts.

use std::collections::HashMap;

use serde::Serialize;

use crate::compare::align::PARAGRAPH_BREAK;
use crate::compare::inline::{EditClass, InlineOp};
use crate::compare::{Change, ChangeKind, ChangeSet, PartRef, Place, Summary};
use crate::model::{Level, Role};
use crate::numbering::{Document, Section};
use crate::text::{Block, Text, escape, escape_html, escape_inline, to_plain};

/// Everything a redline template sees.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineContext {
    pub generator: String,
    pub old: DraftInfo,
    pub new: DraftInfo,
    pub summary: SummaryView,
    /// One per change shown, in the new draft's order.
    pub entries: Vec<Entry>,
    /// The new draft, marked up.
    pub blocks: Vec<RedBlock>,
}

/// One of the two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct DraftInfo {
    /// What the user calls the draft: its file or folder name (v1).
    pub name: Text,
    pub title: Text,
    pub stage_label: Option<Text>,
    pub date: Option<String>,
}

/// Counts, with Chinese labels for display.
#[derive(Debug, Clone, Serialize)]
pub struct SummaryView {
    /// modified, inserted, deleted, moved, renumbered, unchanged …
    #[serde(flatten)]
    pub counts: Summary,
    /// Whitespace-only edits left out of the entries.
    pub whitespace_hidden: usize,
    /// Entries shown.
    pub total: usize,
    /// 修改 3 处，新增 1 处 …
    pub line: String,
}

/// A run of text: unchanged, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    /// `same`, `ins` or `del`.
    pub kind: &'static str,
    pub text: String,
}

/// One change, as the summary and the 对照表 show it.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    /// 1, 2, 3 … and the anchor of its place in the marked-up draft (`chg-N`),
    /// or of its row in the 对照表 (`row-N`) when it has no place there.
    pub number: usize,
    pub anchor: String,
    pub kind: ChangeKind,
    /// 修改, 新增, 删除, 移动, 重新编号.
    pub kind_zh: &'static str,
    pub class: Option<EditClass>,
    /// Where: 二、（一） / 第十条 / 标题 / 前言.
    pub where_old: String,
    pub where_new: String,
    /// One line for the summary list.
    pub headline: Text,
    /// Old and new text with deletions (old) and insertions (new) marked.
    pub old_html: String,
    pub new_html: String,
    pub old_segments: Vec<Segment>,
    pub new_segments: Vec<Segment>,
    /// Old and new in one run, deletions and insertions interleaved (git word-diff style).
    pub unified: Vec<Segment>,
    /// For the 对照表: "同左" when the text is the same on both sides.
    pub same_text: bool,
}

/// A block of the marked-up new draft.
#[derive(Debug, Clone, Serialize)]
pub struct RedBlock {
    /// `heading` or `para`.
    pub kind: &'static str,
    pub role: Role,
    pub depth: usize,
    pub anchor: Option<String>,
    /// The entry this block shows, if any (`chg-N`).
    pub change: Option<String>,
    /// inserted, deleted, modified, moved, renumbered, or empty.
    pub status: &'static str,
    /// The new label; for a renumbered part the old one is in `note`.
    pub label: String,
    /// 原（五）, 由五、移来 …
    pub note: Option<String>,
    /// Heading (run-in or standalone) and paragraph text, as segments.
    pub lead: Vec<Segment>,
    pub text: Vec<Segment>,
    /// Whether the lead is emphasised (a heading or an article number).
    pub lead_strong: bool,
    pub html: String,
    /// CriticMarkup.
    pub md: String,
}

fn kind_zh(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Modified => "修改",
        ChangeKind::Inserted => "新增",
        ChangeKind::Deleted => "删除",
        ChangeKind::Moved => "移动",
        ChangeKind::Renumbered => "重新编号",
    }
}

/// Plain text as HTML, a paragraph break as a line break.
fn html_escape(s: &str) -> String {
    escape_html(s).replace(PARAGRAPH_BREAK, "<br>")
}

/// Segments as HTML: `<ins>` and `<del>`.
pub fn segments_html(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.kind {
            "ins" => format!("<ins>{}</ins>", html_escape(&s.text)),
            "del" => format!("<del>{}</del>", html_escape(&s.text)),
            _ => html_escape(&s.text),
        })
        .collect()
}

/// Segments as CriticMarkup: a deletion followed by an insertion is a
/// substitution. The text is the author's, so it is escaped: it can neither
/// open a Markdown block nor pass for a CriticMarkup mark.
pub fn segments_md(segments: &[Segment], block: Block) -> String {
    let mut out = String::new();
    let text = |s: &Segment, at_start: bool| -> String {
        let t = s.text.replace(PARAGRAPH_BREAK, "¶");
        if at_start {
            escape(&t, block)
        } else {
            // Not at a line start: a leading mark there opens nothing.
            escape_inline(&t, block)
        }
    };
    let mut i = 0;
    while i < segments.len() {
        let s = &segments[i];
        let at_start = out.is_empty();
        match s.kind {
            "del" if segments.get(i + 1).is_some_and(|n| n.kind == "ins") => {
                out.push_str(&format!(
                    "{{~~{}~>{}~~}}",
                    text(s, false),
                    text(&segments[i + 1], false)
                ));
                i += 2;
                continue;
            }
            "del" => out.push_str(&format!("{{--{}--}}", text(s, false))),
            "ins" => out.push_str(&format!("{{++{}++}}", text(s, false))),
            _ => out.push_str(&text(s, at_start)),
        }
        i += 1;
    }
    out
}

/// A note on a block (〔原（五）〕) in HTML.
fn note_html(note: &str) -> String {
    format!("<span class=\"note\">〔{}〕</span>", html_escape(note))
}

/// A note on a block as a CriticMarkup comment.
fn note_md(note: &str, block: Block) -> String {
    format!("{{>>{}<<}}", escape_inline(note, block))
}

/// Splits inline runs into pieces at the paragraph breaks of the new text:
/// heading (if any), then paragraphs. A break that was deleted stays inside its run.
fn pieces(ops: &[InlineOp]) -> Vec<Vec<Segment>> {
    let mut pieces: Vec<Vec<Segment>> = vec![Vec::new()];
    let push = |pieces: &mut Vec<Vec<Segment>>, kind: &'static str, text: &str| {
        if kind == "del" {
            if !text.is_empty() {
                pieces.last_mut().unwrap().push(Segment {
                    kind,
                    text: text.to_string(),
                });
            }
            return;
        }
        for (i, part) in text.split(PARAGRAPH_BREAK).enumerate() {
            if i > 0 {
                pieces.push(Vec::new());
            }
            if !part.is_empty() {
                pieces.last_mut().unwrap().push(Segment {
                    kind,
                    text: part.to_string(),
                });
            }
        }
    };
    for op in ops {
        match op {
            InlineOp::Equal { text } => push(&mut pieces, "same", text),
            InlineOp::Insert { text, .. } => push(&mut pieces, "ins", text),
            InlineOp::Delete { text, .. } => push(&mut pieces, "del", text),
            InlineOp::Replace { old, new, .. } => {
                push(&mut pieces, "del", old);
                push(&mut pieces, "ins", new);
            }
        }
    }
    pieces
}

fn plain_segments(kind: &'static str, text: &str) -> Vec<Segment> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Segment {
            kind,
            text: text.to_string(),
        }]
    }
}

/// Old and new sides of a change, for the 对照表, and both in one run.
fn sides(change: &Change, show_whitespace: bool) -> (Vec<Segment>, Vec<Segment>, Vec<Segment>) {
    let whole = |r: &Option<PartRef>| -> String {
        r.as_ref().map_or(String::new(), |r| {
            let mut parts: Vec<String> = r.heading.iter().cloned().collect();
            parts.extend(r.paragraphs.iter().cloned());
            parts.join(&PARAGRAPH_BREAK.to_string())
        })
    };
    let label = |r: &Option<PartRef>| r.as_ref().map_or(String::new(), |r| r.label.clone());
    match change.kind {
        ChangeKind::Inserted => {
            let new = plain_segments(
                "ins",
                &format!("{}{}", label(&change.new), whole(&change.new)),
            );
            (Vec::new(), new.clone(), new)
        }
        ChangeKind::Deleted => {
            let old = plain_segments(
                "del",
                &format!("{}{}", label(&change.old), whole(&change.old)),
            );
            (old.clone(), Vec::new(), old)
        }
        _ if !change.inline.is_empty()
            && (show_whitespace || change.class != Some(EditClass::Whitespace)) =>
        {
            let mut old = plain_segments("same", &label(&change.old));
            let mut new = plain_segments("same", &label(&change.new));
            let mut unified = new.clone();
            for op in &change.inline {
                match op {
                    InlineOp::Equal { text } => {
                        old.push(Segment {
                            kind: "same",
                            text: text.clone(),
                        });
                        new.push(Segment {
                            kind: "same",
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: "same",
                            text: text.clone(),
                        });
                    }
                    InlineOp::Delete { text, .. } => {
                        old.push(Segment {
                            kind: "del",
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: "del",
                            text: text.clone(),
                        });
                    }
                    InlineOp::Insert { text, .. } => {
                        new.push(Segment {
                            kind: "ins",
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: "ins",
                            text: text.clone(),
                        });
                    }
                    InlineOp::Replace { old: o, new: n, .. } => {
                        old.push(Segment {
                            kind: "del",
                            text: o.clone(),
                        });
                        new.push(Segment {
                            kind: "ins",
                            text: n.clone(),
                        });
                        unified.push(Segment {
                            kind: "del",
                            text: o.clone(),
                        });
                        unified.push(Segment {
                            kind: "ins",
                            text: n.clone(),
                        });
                    }
                }
            }
            (old, new, unified)
        }
        _ => (
            plain_segments(
                "same",
                &format!("{}{}", label(&change.old), whole(&change.old)),
            ),
            plain_segments(
                "same",
                &format!("{}{}", label(&change.new), whole(&change.new)),
            ),
            Vec::new(),
        ),
    }
}

fn where_text(change: &Change, r: &Option<PartRef>) -> String {
    match change.place {
        Place::Meta => change.field.map_or("其他", |f| f.label()).to_string(),
        Place::Preamble => r
            .as_ref()
            .map_or("前言".into(), |r| format!("前言第{}段", r.index + 1)),
        Place::Closing => r
            .as_ref()
            .map_or("结尾".into(), |r| format!("结尾第{}段", r.index + 1)),
        Place::Body => r.as_ref().map_or(String::new(), |r| {
            let me = if r.label.is_empty() {
                r.heading.clone().unwrap_or_default()
            } else {
                r.label.clone()
            };
            let nearest = |role: Role| {
                r.ancestors
                    .iter()
                    .rev()
                    .find(|a| a.role == role)
                    .map_or("", |a| a.label.as_str())
            };
            match r.level {
                // An item is named by its article: 第十一条（二）, 第十一条（二）3.
                Role::Item => format!("{}{me}", nearest(Role::Article)),
                Role::Subitem => format!("{}{}{me}", nearest(Role::Article), nearest(Role::Item)),
                // Outline levels 2–4 read with their level-1 part: 二、（一）.
                Role::L2 | Role::L3 | Role::L4 => format!("{}{me}", nearest(Role::L1)),
                _ => me,
            }
        }),
    }
}

fn headline(change: &Change, where_old: &str, where_new: &str) -> String {
    let name = |r: &Option<PartRef>| {
        r.as_ref()
            .map(|r| {
                r.heading.clone().unwrap_or_else(|| {
                    r.paragraphs
                        .first()
                        .map(|p| p.chars().take(16).collect::<String>())
                        .unwrap_or_default()
                })
            })
            .unwrap_or_default()
    };
    let what = if change.new.is_some() {
        name(&change.new)
    } else {
        name(&change.old)
    };
    let place = match change.kind {
        ChangeKind::Inserted => where_new.to_string(),
        ChangeKind::Deleted => where_old.to_string(),
        _ if where_old != where_new => format!("原{where_old} → 现{where_new}"),
        _ => where_new.to_string(),
    };
    let mut aspects = vec![kind_zh(change.kind)];
    if change.kind == ChangeKind::Moved && change.modified {
        aspects.push("修改");
    }
    if change.kind != ChangeKind::Renumbered && change.renumbered {
        aspects.push("重新编号");
    }
    match change.class {
        Some(EditClass::Punctuation) => aspects.push("仅标点"),
        Some(EditClass::Whitespace) => aspects.push("仅空白"),
        _ => {}
    }
    let related;
    if let Some(r) = &change.relation {
        let labels = r.labels.join("、");
        related = match r.kind {
            "split_into" => format!("拆分为{labels}"),
            "split_from" => format!("由原{labels}拆分"),
            "merged_into" => format!("并入{labels}"),
            _ => format!("由原{labels}合并"),
        };
        aspects.push(&related);
    }
    format!("{place} {what}（{}）", aspects.join("、"))
}

impl RedlineContext {
    /// Builds the view. Whitespace-only edits are left out unless `show_whitespace`.
    pub fn new(
        old: &Document,
        new: &Document,
        names: (&str, &str),
        set: &ChangeSet,
        show_whitespace: bool,
    ) -> RedlineContext {
        let info = |doc: &Document, name: &str| DraftInfo {
            name: Text::line(name),
            title: Text::heading(&doc.meta.title.replace('\n', "")),
            stage_label: doc
                .meta
                .stage
                .as_ref()
                .map(|s| Text::line(&format!("（{s}）"))),
            date: doc.meta.date.map(|d| d.to_string()),
        };
        let visible: Vec<&Change> = set
            .changes
            .iter()
            .filter(|c| {
                show_whitespace || c.class != Some(EditClass::Whitespace) || c.moved || c.renumbered
            })
            .collect();
        let entries: Vec<Entry> = visible
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let (old_segments, new_segments, unified) = sides(c, show_whitespace);
                let where_old = where_text(c, &c.old);
                let where_new = where_text(c, &c.new);
                Entry {
                    number: i + 1,
                    anchor: format!("chg-{}", i + 1),
                    kind: c.kind,
                    kind_zh: kind_zh(c.kind),
                    class: c.class,
                    headline: Text::line(&headline(c, &where_old, &where_new)),
                    where_old,
                    where_new,
                    old_html: segments_html(&old_segments),
                    new_html: segments_html(&new_segments),
                    same_text: !c.modified
                        && c.kind != ChangeKind::Inserted
                        && c.kind != ChangeKind::Deleted,
                    old_segments,
                    new_segments,
                    unified,
                }
            })
            .collect();
        let s = &set.summary;
        let hidden = set.changes.len() - visible.len();
        let mut line = Vec::new();
        for (n, label) in [
            (s.modified, "修改"),
            (s.inserted, "新增"),
            (s.deleted, "删除"),
            (s.moved, "移动"),
            (s.renumbered, "重新编号"),
        ] {
            if n > 0 {
                line.push(format!("{label} {n} 处"));
            }
        }
        if line.is_empty() {
            line.push("两稿相同".to_string());
        }
        let summary = SummaryView {
            counts: s.clone(),
            whitespace_hidden: hidden,
            total: visible.len(),
            line: line.join("，"),
        };
        let blocks = Marker::new(&visible).blocks(new);
        // A change with no place in the marked-up body (a title, the preamble)
        // links to its row of the 修改对照表 instead.
        let mut entries = entries;
        let shown: std::collections::HashSet<&str> =
            blocks.iter().filter_map(|b| b.change.as_deref()).collect();
        for e in &mut entries {
            if !shown.contains(e.anchor.as_str()) {
                e.anchor = format!("row-{}", e.number);
            }
        }
        RedlineContext {
            generator: format!("gongwen {}", env!("CARGO_PKG_VERSION")),
            old: info(old, names.0),
            new: info(new, names.1),
            summary,
            entries,
            blocks,
        }
    }
}

/// Builds the marked-up draft from the new document and the visible changes.
struct Marker<'a> {
    /// The change shown at each new anchor, with its entry number.
    at: HashMap<&'a str, (usize, &'a Change)>,
    /// Deleted parts by the new anchor they stood after ("" for the start).
    deleted: HashMap<&'a str, Vec<(usize, &'a Change)>>,
    blocks: Vec<RedBlock>,
}

impl<'a> Marker<'a> {
    fn new(changes: &'a [&'a Change]) -> Marker<'a> {
        let mut at = HashMap::new();
        let mut deleted: HashMap<&str, Vec<(usize, &Change)>> = HashMap::new();
        for (i, c) in changes.iter().enumerate() {
            if c.place != Place::Body {
                continue;
            }
            if c.kind == ChangeKind::Deleted {
                let after = c.after.as_deref().unwrap_or("");
                deleted.entry(after).or_default().push((i + 1, *c));
            } else if let Some(n) = &c.new {
                at.entry(n.anchor.as_str()).or_insert((i + 1, *c));
            }
        }
        Marker {
            at,
            deleted,
            blocks: Vec::new(),
        }
    }

    fn blocks(mut self, doc: &Document) -> Vec<RedBlock> {
        // Metadata and preamble changes are listed in the summary; the body is marked here.
        self.deleted_after(None);
        for s in &doc.sections {
            self.section(s, 1);
        }
        self.blocks
    }

    /// Deleted parts that stood right after the part with this new anchor (None: at the start).
    fn deleted_after(&mut self, anchor: Option<&str>) {
        for (number, c) in self
            .deleted
            .remove(anchor.unwrap_or(""))
            .unwrap_or_default()
        {
            self.deleted_block(number, c);
        }
    }

    fn section(&mut self, s: &Section, depth: usize) {
        let found = self.at.get(s.anchor.as_str()).copied();
        let (status, note, pieces) = match found {
            None => ("", None, None),
            Some((_, c)) => {
                let status = match c.kind {
                    ChangeKind::Inserted => "inserted",
                    ChangeKind::Moved => "moved",
                    ChangeKind::Modified => "modified",
                    ChangeKind::Renumbered => "renumbered",
                    ChangeKind::Deleted => "deleted",
                };
                let old = c.old.as_ref();
                let mut notes = Vec::new();
                if c.moved
                    && let Some(o) = old
                {
                    let from = o
                        .path
                        .iter()
                        .chain(std::iter::once(&o.label))
                        .filter(|p| !p.is_empty())
                        .cloned()
                        .collect::<Vec<_>>()
                        .join("");
                    notes.push(format!("由原{from}移来"));
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
        let change = found.map(|(n, _)| format!("chg-{n}"));
        let base = if status == "inserted" { "ins" } else { "same" };
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
                "heading",
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
            let first = paragraphs.next().unwrap_or_default();
            self.push("para", s, depth, status, note, change, lead, first, strong);
        }
        for p in paragraphs {
            self.push("para", s, depth, status, None, None, Vec::new(), p, false);
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
        let mut text: Vec<Segment> = plain_segments("del", &o.label);
        let mut all: Vec<String> = o.heading.iter().cloned().collect();
        all.extend(o.paragraphs.iter().cloned());
        text.extend(plain_segments("del", &all.join("")));
        let note = format!(
            "删除原{}",
            if o.label.is_empty() {
                "段落".to_string()
            } else {
                o.label.clone()
            }
        );
        let block = RedBlock {
            kind: "para",
            role: o.level,
            depth: o.path.len() + 1,
            anchor: None,
            change: Some(format!("chg-{number}")),
            status: "deleted",
            label: o.label.clone(),
            html: format!("{}{}", segments_html(&text), note_html(&note)),
            md: format!(
                "{}{}",
                segments_md(&text, Block::Paragraph),
                note_md(&note, Block::Paragraph)
            ),
            note: Some(note),
            lead: Vec::new(),
            text,
            lead_strong: false,
        };
        self.blocks.push(block);
    }

    #[allow(clippy::too_many_arguments)]
    fn push(
        &mut self,
        kind: &'static str,
        s: &Section,
        depth: usize,
        status: &'static str,
        note: Option<String>,
        change: Option<String>,
        lead: Vec<Segment>,
        text: Vec<Segment>,
        strong: bool,
    ) {
        if kind != "heading" && lead.is_empty() && text.is_empty() && note.is_none() {
            // A part that holds only sub-parts shows nothing of its own.
            return;
        }
        let note_html = note.as_deref().map_or(String::new(), note_html);
        let lead_html = if lead.is_empty() {
            String::new()
        } else if strong {
            format!("<span class=\"lead\">{}</span>", segments_html(&lead))
        } else {
            segments_html(&lead)
        };
        let html = format!("{lead_html}{}{note_html}", segments_html(&text));
        let block = if kind == "heading" {
            Block::Heading
        } else {
            Block::Paragraph
        };
        let note_md = note.as_deref().map_or(String::new(), |n| note_md(n, block));
        let both: Vec<Segment> = lead.iter().chain(&text).cloned().collect();
        let md = match kind {
            "heading" => format!(
                "{} {}{note_md}",
                "#".repeat((depth + 1).min(6)),
                segments_md(&both, block)
            ),
            _ => format!("{}{note_md}", segments_md(&both, block)),
        };
        self.blocks.push(RedBlock {
            kind,
            role: s.level.role(),
            depth,
            anchor: Some(s.anchor.clone()).filter(|_| !lead.is_empty() || kind == "heading"),
            change,
            status,
            label: s.label.clone(),
            note,
            lead,
            text,
            lead_strong: strong,
            html,
            md,
        });
    }
}

/// The change list for a terminal, like `git diff --word-diff`: `[-deleted-]`
/// and `{+inserted+}`, coloured red and green when `color`, unchanged text
/// shortened to the words around each change.
pub fn terminal(ctx: &RedlineContext, color: bool) -> String {
    let paint = |code: &str, s: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&paint(
        "1",
        &format!(
            "{}{}",
            ctx.new.title.plain,
            ctx.new
                .stage_label
                .as_ref()
                .map_or("", |s| s.plain.as_str())
        ),
    ));
    out.push_str(&format!(
        "\n{} → {}：{}\n",
        ctx.old.name.plain, ctx.new.name.plain, ctx.summary.line
    ));
    for e in &ctx.entries {
        out.push('\n');
        out.push_str(&paint("36", &format!("{}. {}", e.number, e.headline.plain)));
        out.push('\n');
        if e.unified.is_empty() {
            continue;
        }
        out.push_str("    ");
        let last = e.unified.len() - 1;
        for (i, seg) in e.unified.iter().enumerate() {
            let text = seg.text.replace(PARAGRAPH_BREAK, "¶");
            match seg.kind {
                "del" => out.push_str(&paint("31", &format!("[-{text}-]"))),
                "ins" => out.push_str(&paint("32", &format!("{{+{text}+}}"))),
                _ => out.push_str(&context_of(&text, i == 0, i == last)),
            }
        }
        out.push('\n');
    }
    out
}

/// Unchanged text around a change, cut to a few characters on each side.
fn context_of(text: &str, first: bool, last: bool) -> String {
    const KEEP: usize = 12;
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= KEEP * 2 + 1 {
        return text.to_string();
    }
    let head: String = chars[..KEEP].iter().collect();
    let tail: String = chars[chars.len() - KEEP..].iter().collect();
    match (first, last) {
        (true, true) => format!("{head}…"),
        (true, false) => format!("…{tail}"),
        (false, true) => format!("{head}…"),
        (false, false) => format!("{head}…{tail}"),
    }
}
