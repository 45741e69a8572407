//! The two-column 新旧对照表 legislative bodies publish: 修改前 | 修改后, one
//! row per part in document order, deletions struck on the left and
//! insertions marked on the right; unchanged parts left out, or shown with
//! 同左 on the right.

use std::collections::HashMap;

use serde::Serialize;

use super::labels::{came_from, left_behind, went_to};
use super::segments::{Segment, SegmentKind, note_html, plain_segments, segments_html, sides};
use super::{RedlineContext, change_key};
use crate::compare::align::PARAGRAPH_BREAK;
use crate::compare::inline::EditClass;
use crate::compare::{Change, ChangeKind, Place};
use crate::numbering::{Document, Section};
use crate::text::to_plain;

/// The table.
#[derive(Debug, Clone, Serialize)]
pub struct SideBySide {
    /// Whether unchanged parts have rows (同左).
    pub unchanged: bool,
    pub rows: Vec<SideRow>,
}

/// One part: its old and new text.
#[derive(Debug, Clone, Serialize)]
pub struct SideRow {
    pub old_segments: Vec<Segment>,
    pub new_segments: Vec<Segment>,
    pub old_html: String,
    pub new_html: String,
    /// The part did not change: 同左.
    pub same: bool,
    /// Where a moved part went (on the row where it left, the new side
    /// empty) or came from (on the row where it arrived): 移至第九条,
    /// 由原第十三条移来. In the html it follows the segments.
    pub note: Option<String>,
    /// The anchor the summary links to (`chg-N`), on the first row of an entry.
    pub id: Option<String>,
}

impl SideRow {
    fn new(old: Vec<Segment>, new: Vec<Segment>, same: bool) -> SideRow {
        SideRow {
            old_html: segments_html(&old),
            new_html: segments_html(&new),
            old_segments: old,
            new_segments: new,
            same,
            note: None,
            id: None,
        }
    }

    /// The row with a note on where its part went or came from: after the
    /// new side's text, or the old side's where the new side is empty.
    fn noted(mut self, note: String) -> SideRow {
        let html = note_html(&note);
        if self.new_segments.is_empty() {
            self.old_html.push_str(&html);
        } else {
            self.new_html.push_str(&html);
        }
        self.note = Some(note);
        self
    }
}

/// A part's own text as printed: number, heading, paragraphs (these joined
/// by [`PARAGRAPH_BREAK`], as in a change's segments).
fn printed(s: &Section) -> String {
    let mut text = String::new();
    if !s.label.is_empty() {
        text.push_str(&s.label);
        text.push_str(s.level.role().label_gap());
    }
    let pieces: Vec<String> = s
        .heading
        .iter()
        .map(|h| to_plain(h))
        .chain(s.paragraphs().map(to_plain))
        .collect();
    text.push_str(&pieces.join(&PARAGRAPH_BREAK.to_string()));
    text
}

impl RedlineContext {
    /// The view with a 新旧对照表 of the new draft `new` (the draft the view
    /// was built from), shown by html and pdf in place of the marked-up draft.
    pub fn side_by_side(mut self, new: &Document, unchanged: bool) -> RedlineContext {
        let shown = |c: &Change| {
            self.show_whitespace
                || c.class != Some(EditClass::Whitespace)
                || c.moved
                || c.renumbered
        };
        let mut at: HashMap<&str, &Change> = HashMap::new();
        let mut deleted: HashMap<&str, Vec<&Change>> = HashMap::new();
        for c in self
            .changes
            .changes
            .iter()
            .filter(|c| c.place == Place::Body)
        {
            // A moved part has a row where it left as well.
            if let Some(after) = c.stood_after() {
                deleted.entry(after).or_default().push(c);
            }
            if c.kind != ChangeKind::Deleted
                && let Some(n) = &c.new
                && shown(c)
            {
                at.insert(n.anchor.as_str(), c);
            }
        }
        let mut rows = Vec::new();
        // Each row's change, by its key, for the summary's links.
        let mut keys: Vec<Option<String>> = Vec::new();
        let show_whitespace = self.show_whitespace;
        let mut push_deleted =
            |rows: &mut Vec<SideRow>, keys: &mut Vec<Option<String>>, after: &str| {
                for c in deleted.remove(after).unwrap_or_default() {
                    if c.kind == ChangeKind::Deleted {
                        let (old, new, _) = sides(c, show_whitespace);
                        rows.push(SideRow::new(old, new, false));
                        keys.push(change_key(c));
                    } else {
                        // The summary links to where it arrived.
                        let row = SideRow::new(left_behind(c), Vec::new(), false);
                        rows.push(row.noted(went_to(c)));
                        keys.push(None);
                    }
                }
            };
        push_deleted(&mut rows, &mut keys, "");
        fn walk<'d>(s: &'d Section, out: &mut Vec<&'d Section>) {
            out.push(s);
            for child in s.children() {
                walk(child, out);
            }
        }
        // Attachments written out in full follow as parts, as they are compared.
        let new = crate::compare::comparable(new);
        let mut sections = Vec::new();
        for s in &new.sections {
            walk(s, &mut sections);
        }
        for s in sections {
            match at.get(s.anchor.as_str()) {
                Some(c) => {
                    // A part that only moved or renumbered reads the same but
                    // for its number: both sides are shown all the same.
                    let (old, new, _) = sides(c, show_whitespace);
                    let row = SideRow::new(old, new, false);
                    rows.push(if c.moved {
                        row.noted(came_from(c))
                    } else {
                        row
                    });
                    keys.push(change_key(c));
                }
                None if unchanged => {
                    let text = plain_segments(SegmentKind::Same, &printed(s));
                    rows.push(SideRow::new(text, Vec::new(), true));
                    keys.push(None);
                }
                None => {}
            }
            push_deleted(&mut rows, &mut keys, &s.anchor);
        }
        // Then each change to a table: its row, column or caption, old | new.
        for c in self
            .changes
            .changes
            .iter()
            .filter(|c| c.place == Place::Table)
        {
            let (old, new, _) = sides(c, show_whitespace);
            rows.push(SideRow::new(old, new, false));
            keys.push(change_key(c));
        }
        // The summary links to the first row of each entry; an entry with no
        // row (a title, the preamble) links to nothing.
        let mut anchored = std::collections::HashSet::new();
        for (row, key) in rows.iter_mut().zip(&keys) {
            if let Some(n) = key.as_ref().and_then(|k| self.entry_of.get(k))
                && anchored.insert(*n)
            {
                row.id = Some(format!("chg-{n}"));
            }
        }
        for e in &mut self.entries {
            e.anchor = if anchored.contains(&e.number) {
                format!("chg-{}", e.number)
            } else {
                String::new()
            };
        }
        self.side_by_side = Some(SideBySide { unchanged, rows });
        self
    }
}
