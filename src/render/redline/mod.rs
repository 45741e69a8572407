//! The redline render context: a view of a [`ChangeSet`] that the redline
//! templates read — the new draft with insertions and deletions marked, one
//! entry per change for the summary and the 修改对照表, and the counts.
//! [`segments`] writes marked runs of text ([`dense`] joins the nearest
//! edits of a paragraph with very many), [`labels`] names changes and
//! places, [`markers`] marks up the new draft, [`terminal`] is the
//! terminal's view.

mod answers;
mod decision;
mod dense;
mod labels;
mod markers;
pub mod red_table;
pub mod segments;
mod side;
mod terminal;

pub use answers::{Answer, CommentLink};
pub use decision::decision;
pub use segments::{Segment, SegmentKind, segments_html, segments_md};
pub use side::{SideBySide, SideRow};
pub use terminal::terminal;

use serde::Serialize;

use crate::compare::inline::EditClass;
use crate::compare::{Change, ChangeKind, ChangeSet, Group, Summary};
use crate::model::Role;
use crate::numbering::Document;
use std::path::Path;

use crate::render::context::{BlockKind, PrintInfo};
use crate::text::Text;
use labels::{REFERENCE_ZH, change_zh, headline, kind_zh, where_text};
use markers::{Forms, Marker};
use segments::{plain_segments, sides};

/// Everything a redline template sees.
#[derive(Debug, Clone, Serialize)]
pub struct RedlineContext {
    pub generator: String,
    /// What a printed output needs (from the new draft).
    pub print: PrintInfo,
    pub old: DraftInfo,
    pub new: DraftInfo,
    pub summary: SummaryView,
    /// One per change shown, in the new draft's order.
    pub entries: Vec<Entry>,
    /// The new draft, marked up.
    pub blocks: Vec<RedBlock>,
    /// The change set itself, for programs (the JSON view).
    pub changes: ChangeSet,
    /// The printed lines of changed parts of the new draft (and of the parts
    /// holding them), by anchor, for views that quote a part whole.
    #[serde(skip)]
    pub full_text: std::collections::HashMap<String, Vec<String>>,
    /// The two-column 新旧对照表, when asked for ([`RedlineContext::side_by_side`]).
    pub side_by_side: Option<SideBySide>,
    /// The comments on the older draft, each with the changes that answer it.
    pub comments: Vec<CommentLink>,
    /// Who the Word redline names as the author of its revisions (default:
    /// the new draft's organ, else `gongwen`).
    #[serde(skip)]
    pub author: Option<String>,
    /// Whether whitespace-only edits are shown.
    #[serde(skip)]
    show_whitespace: bool,
    /// Whether the decision names the parts whose punctuation alone changed.
    #[serde(skip)]
    pub(crate) punctuation_said: bool,
    /// The entry that shows each body change, by the change's key
    /// ([`change_key`]).
    #[serde(skip)]
    entry_of: std::collections::HashMap<String, usize>,
}

/// A body change's key: its new anchor, or its old one for a deletion.
pub(super) fn change_key(c: &Change) -> Option<String> {
    match (&c.new, &c.old) {
        (Some(n), _) => Some(n.anchor.clone()),
        (None, Some(o)) => Some(format!("old:{}", o.anchor)),
        _ => None,
    }
}

/// One of the two drafts.
#[derive(Debug, Clone, Serialize)]
pub struct DraftInfo {
    /// What the user calls the draft: its file or folder name (v1).
    pub name: Text,
    /// Its path as given (set by [`RedlineContext::with_paths`]).
    pub path: String,
    pub title: Text,
    /// The title as the draft writes it (line breaks kept).
    pub title_source: String,
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
    /// 答复意见 9 条（涉及修改 7 处）, when the older draft has comments.
    pub comments: Option<String>,
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
    /// How many changes the entry stands for: more than one for a run of
    /// renumbering.
    pub count: usize,
    /// The comments on the draft this change answers (see [`answers`]).
    pub comments: Vec<Answer>,
}

/// A block of the marked-up new draft.
#[derive(Debug, Clone, Serialize)]
pub struct RedBlock {
    pub kind: BlockKind,
    pub role: Role,
    pub depth: usize,
    pub anchor: Option<String>,
    /// The entry this block shows, if any (`chg-N`).
    pub change: Option<String>,
    /// What happened to the part shown (none: nothing).
    pub status: Option<ChangeKind>,
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
    /// A table, marked up cell by cell (kind `table`).
    pub table: Option<red_table::RedTable>,
}

impl Entry {
    /// An entry numbered `number` showing old and new text (and both in one
    /// run); the rest as most entries have it, for the caller to set.
    fn showing(
        number: usize,
        kind: ChangeKind,
        kind_zh: &'static str,
        headline: &str,
        (old_segments, new_segments, unified): (Vec<Segment>, Vec<Segment>, Vec<Segment>),
    ) -> Entry {
        Entry {
            number,
            anchor: format!("chg-{number}"),
            kind,
            kind_zh,
            class: None,
            where_old: String::new(),
            where_new: String::new(),
            headline: Text::line(headline),
            old_html: segments_html(&old_segments),
            new_html: segments_html(&new_segments),
            old_segments,
            new_segments,
            unified,
            same_text: false,
            count: 1,
            comments: Vec::new(),
        }
    }
}

/// The entry for one change.
fn change_entry(number: usize, c: &Change, show_whitespace: bool) -> Entry {
    let where_old = where_text(c, &c.old);
    let where_new = where_text(c, &c.new);
    let headline = headline(c, &where_old, &where_new);
    Entry {
        class: c.class,
        where_old,
        where_new,
        same_text: !c.modified && c.kind != ChangeKind::Inserted && c.kind != ChangeKind::Deleted,
        ..Entry::showing(
            number,
            c.kind,
            change_zh(c),
            &headline,
            sides(c, show_whitespace),
        )
    }
}

/// The entry for a run of renumbering: 原第十条至第五十三条依次改为第九条至第五十二条.
fn group_entry(number: usize, g: &Group, changes: &[&Change]) -> Entry {
    let (first, last) = (changes[0], changes[changes.len() - 1]);
    // Two parts are listed (原第十五条、第十六条分别改为……), more are a range.
    let (joint, verb) = if g.count == 2 {
        ("、", "分别")
    } else {
        ("至", "依次")
    };
    let range = |first: String, last: &str| format!("{first}{joint}{last}");
    let where_old = range(where_text(first, &first.old), &g.old_last);
    let where_new = range(where_text(first, &first.new), &g.new_last);
    debug_assert_eq!(
        last.new.as_ref().map(|r| r.label.as_str()),
        Some(g.new_last.as_str())
    );
    let sides = (
        plain_segments(SegmentKind::Same, &where_old),
        plain_segments(SegmentKind::Same, &where_new),
        Vec::new(),
    );
    let headline = format!(
        "原{where_old}{verb}改为{where_new}（重新编号 {} 处）",
        g.count
    );
    let kind = ChangeKind::Renumbered;
    Entry {
        where_old,
        where_new,
        count: g.count,
        ..Entry::showing(number, kind, kind_zh(kind), &headline, sides)
    }
}

/// The one entry for every reference renumbered with its target.
fn references_entry(number: usize, changes: &[&Change]) -> Entry {
    const LISTED: usize = 10;
    let mut places: Vec<String> = changes
        .iter()
        .take(LISTED)
        .map(|c| where_text(c, &c.new))
        .collect();
    if changes.len() > LISTED {
        places.push("等".to_string());
    }
    let new_segments = plain_segments(SegmentKind::Same, "条文中引用的条文序号作相应调整");
    let headline = format!(
        "{REFERENCE_ZH} {} 处：{}",
        changes.len(),
        places.join("、").replace("、等", "等")
    );
    let sides = (Vec::new(), new_segments, Vec::new());
    Entry {
        class: Some(EditClass::Reference),
        count: changes.len(),
        ..Entry::showing(number, ChangeKind::Modified, REFERENCE_ZH, &headline, sides)
    }
}

/// 修改 3 处，新增 1 处 …: the changes the views show, counted by kind, and
/// how many whitespace-only edits they leave out.
fn summary_line(visible: &[&Change], hidden: usize) -> String {
    let mut line = Vec::new();
    for label in [
        ChangeKind::Modified,
        ChangeKind::Inserted,
        ChangeKind::Deleted,
        ChangeKind::Moved,
        ChangeKind::Renumbered,
    ]
    .map(kind_zh)
    .into_iter()
    .chain([REFERENCE_ZH])
    {
        let n = visible.iter().filter(|c| change_zh(c) == label).count();
        if n > 0 {
            line.push(format!("{label} {n} 处"));
        }
    }
    if line.is_empty() && hidden == 0 {
        return "两稿相同".to_string();
    }
    if line.is_empty() {
        line.push("无实质修改".to_string());
    }
    let mut line = line.join("，");
    if hidden > 0 {
        line.push_str(&format!("（另有仅空白的修改 {hidden} 处未列出）"));
    }
    line
}

impl RedlineContext {
    /// Builds the view for every format, its marked-up draft written both
    /// as Markdown and as HTML. Whitespace-only edits are left out unless
    /// `show_whitespace`.
    pub fn new(
        old: &Document,
        new: &Document,
        names: (&str, &str),
        set: &ChangeSet,
        show_whitespace: bool,
    ) -> RedlineContext {
        use crate::render::Format;
        Self::for_formats(
            &[Format::Markdown, Format::Html],
            old,
            new,
            names,
            set,
            show_whitespace,
        )
    }

    /// The view as the formats given need it: the marked-up draft only if
    /// one of them shows it (md, html, pdf: it costs a pass over every part
    /// of a long document), and its blocks written only in their forms.
    pub fn for_formats(
        formats: &[crate::render::Format],
        old: &Document,
        new: &Document,
        names: (&str, &str),
        set: &ChangeSet,
        show_whitespace: bool,
    ) -> RedlineContext {
        use crate::render::Format;
        let forms = formats.iter().any(|f| f.shows_document()).then_some(Forms {
            html: formats.contains(&Format::Html),
            md: formats.contains(&Format::Markdown),
        });
        Self::build(old, new, names, set, show_whitespace, forms)
    }

    fn build(
        old: &Document,
        new: &Document,
        names: (&str, &str),
        set: &ChangeSet,
        show_whitespace: bool,
        document: Option<Forms>,
    ) -> RedlineContext {
        let info = |doc: &Document, name: &str| DraftInfo {
            name: Text::line(name),
            path: String::new(),
            title: Text::heading(&doc.meta.title.replace('\n', "")),
            title_source: doc.meta.title.clone(),
            stage_label: doc
                .meta
                .stage
                .as_ref()
                .map(|s| Text::line(&format!("（{s}）"))),
            date: doc.meta.date.map(|d| d.to_string()),
        };
        let visible: Vec<(usize, &Change)> = set
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                show_whitespace || c.class != Some(EditClass::Whitespace) || c.moved || c.renumbered
            })
            .collect();
        // One entry per change shown, or per run of renumbering; each change
        // with the number of the entry that shows it. References renumbered
        // with their targets are one entry at the end, whether their parts
        // are in a run or not.
        let group_at: std::collections::HashMap<usize, &Group> =
            set.groups.iter().map(|g| (g.changes[0], g)).collect();
        // The entry of each change in a run after its first.
        let mut in_run: std::collections::HashMap<usize, usize> = Default::default();
        let mut entries: Vec<Entry> = Vec::new();
        let mut numbered: Vec<(usize, &Change)> = Vec::new();
        let mut references: Vec<&Change> = Vec::new();
        let mut unplaced: Vec<&Change> = Vec::new();
        for &(i, c) in &visible {
            let number = entries.len() + 1;
            if let Some(&number) = in_run.get(&i) {
                numbered.push((number, c));
                if c.reference_only() {
                    references.push(c);
                }
            } else if let Some(g) = group_at.get(&i) {
                // A run's changes only renumber, so all of them are shown.
                let members: Vec<&Change> = g.changes.iter().map(|&j| &set.changes[j]).collect();
                entries.push(group_entry(number, g, &members));
                in_run.extend(g.changes[1..].iter().map(|&j| (j, number)));
                numbered.push((number, c));
                if c.reference_only() {
                    references.push(c);
                }
            } else if c.reference_only() && !c.moved {
                references.push(c);
                unplaced.push(c);
            } else {
                entries.push(change_entry(number, c, show_whitespace));
                numbered.push((number, c));
            }
        }
        if !references.is_empty() {
            let number = entries.len() + 1;
            entries.push(references_entry(number, &references));
            numbered.extend(unplaced.into_iter().map(|c| (number, c)));
        }
        let visible: Vec<&Change> = visible.into_iter().map(|(_, c)| c).collect();
        let s = &set.summary;
        let hidden = set.changes.len() - visible.len();
        let line = summary_line(&visible, hidden);
        let summary = SummaryView {
            counts: s.clone(),
            whitespace_hidden: hidden,
            total: visible.len(),
            line,
            comments: None,
        };
        let entry_of = numbered
            .iter()
            .filter(|(_, c)| {
                matches!(
                    c.place,
                    crate::compare::Place::Body | crate::compare::Place::Table
                )
            })
            .filter_map(|(n, c)| change_key(c).map(|k| (k, *n)))
            .collect();
        // The new draft as compared: attachments written out in full as parts.
        let compared = crate::compare::comparable(new);
        let blocks = match document {
            Some(forms) => Marker::new(&numbered, forms, &set.tables).blocks(&compared),
            None => Vec::new(),
        };
        // A change with no place in the marked-up body (a title, the preamble)
        // links to its row of the 修改对照表 instead.
        let shown: std::collections::HashSet<&str> = blocks
            .iter()
            .flat_map(|b| {
                let rows = b.table.iter().flat_map(|t| &t.rows);
                b.change
                    .as_deref()
                    .into_iter()
                    .chain(rows.filter_map(|r| r.change.as_deref()))
            })
            .collect();
        for e in &mut entries {
            if !shown.contains(e.anchor.as_str()) {
                e.anchor = format!("row-{}", e.number);
            }
        }
        let wanted: std::collections::HashSet<&str> = set
            .changes
            .iter()
            .filter_map(|c| c.new.as_ref())
            .flat_map(|n| {
                std::iter::once(n.anchor.as_str())
                    .chain(n.parent.as_ref().map(|p| p.anchor.as_str()))
            })
            .collect();
        let full_text = decision::full_texts(&compared, &wanted);
        RedlineContext {
            generator: format!("gongwen {}", env!("CARGO_PKG_VERSION")),
            print: PrintInfo::of(new),
            old: info(old, names.0),
            new: info(new, names.1),
            summary,
            entries,
            blocks,
            changes: set.clone(),
            full_text,
            side_by_side: None,
            comments: Vec::new(),
            author: None,
            show_whitespace,
            punctuation_said: true,
            entry_of,
        }
    }

    /// Whether the decision names the parts whose punctuation alone changed.
    pub fn with_punctuation_said(mut self, said: bool) -> RedlineContext {
        self.punctuation_said = said;
        self
    }

    /// Names the author of the Word redline's revisions.
    pub fn with_author(mut self, author: Option<String>) -> RedlineContext {
        self.author = author;
        self
    }

    /// The same view with the paths the drafts were given as (for the JSON).
    pub fn with_paths(mut self, old: &Path, new: &Path) -> RedlineContext {
        self.old.path = old.display().to_string();
        self.new.path = new.display().to_string();
        self
    }
}
