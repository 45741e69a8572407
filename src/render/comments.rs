//! The 意见采纳情况表: one row per comment received on a draft, in the order
//! of the parts they are about, with the decision on each and why; each part
//! named as numbered in the draft commented on and, where the next draft
//! moved, renumbered or deleted it, as it stands there.

use serde::Serialize;

use super::context::PrintInfo;
use crate::comments::{Fate, Labels, Resolved, answered_part, commented, fates, substantive};
use crate::compare::ChangeSet;
use crate::model::Disposition;
use crate::model::comment_columns::{CommentField, TABLE_COLUMNS, Width};
use crate::numbering::Document;
use crate::text::Text;

/// Everything the table's templates see.
#[derive(Debug, Clone, Serialize)]
pub struct CommentsView {
    pub generator: String,
    /// For the PDF: the faces and date of the draft commented on.
    pub print: PrintInfo,
    /// 《…》征求意见采纳情况表
    pub title: Text,
    /// The draft commented on (v1) and the next one (v2), if there is one.
    pub draft: String,
    pub next: Option<String>,
    /// The document as the 起草说明 names it: its title in 《》, with the
    /// commented draft's stage (《……（征求意见稿）》).
    pub document: String,
    /// The stages of the draft commented on and of the next one, as the
    /// drafts give them (征求意见稿, 送审稿).
    pub stage: Option<String>,
    pub next_stage: Option<String>,
    /// 共收到 6 个单位（个人）意见 18 条，其中采纳 8 条 …
    pub summary: String,
    /// How many units and people sent comments.
    pub senders: usize,
    pub counts: Vec<Count>,
    /// The table's columns, in order: each row's `cells` follow them.
    pub columns: Vec<ColumnView>,
    pub rows: Vec<Row>,
}

/// A column of the table, as its writers set it.
#[derive(Debug, Clone, Serialize)]
pub struct ColumnView {
    pub header: &'static str,
    /// The HTML's class for its cells ("" for none).
    pub class: &'static str,
    /// Centred, in the PDF.
    pub centred: bool,
    /// Its width in the PDF: `{"em": 3.2}` fixed, `{"fr": 1.0}` a share.
    pub width: Width,
    /// Its share of the page's width in Word.
    pub word_share: u32,
}

/// One cell of a row: its text in each form, and its column's class.
#[derive(Debug, Clone, Serialize)]
pub struct CellView {
    #[serde(flatten)]
    pub text: Text,
    pub class: &'static str,
}

/// How many comments had one decision.
#[derive(Debug, Clone, Serialize)]
pub struct Count {
    pub disposition: &'static str,
    pub count: usize,
}

/// One comment.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Its 序号: the comment's own, as the office numbered it (its `id`;
    /// kept for templates written when the table numbered its rows).
    pub number: String,
    /// The id in the comments file.
    pub id: String,
    pub from: Text,
    /// The parts it is about, as numbered in the draft commented on, with
    /// their number in the next draft where that changed: （十）（修改后为三、（五））.
    pub target: Text,
    pub text: Text,
    pub disposition: &'static str,
    /// The same, for styling: adopted, partly_adopted, not_adopted …
    pub kind: Disposition,
    /// 理由及说明: the reason, then the note.
    pub reason: Text,
    /// The cells, in the order of the table's columns.
    pub cells: Vec<CellView>,
    /// The cells as Markdown table cells (`|` escaped, one line each), as
    /// `cells[…].md` has them (templates of offices may read this).
    pub md: Vec<String>,
}

/// Text for one Markdown table cell: escaped, on one line, `|` escaped.
fn cell(text: &str) -> String {
    let md = Text::line(text).md;
    let mut out = String::with_capacity(md.len());
    let mut escaped = false;
    for c in md.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

impl CommentsView {
    /// The table for comments on `doc`; `next` is the next draft's name, its
    /// comparison with `doc` and the next draft itself.
    pub fn new(
        doc: &Document,
        draft: &str,
        resolved: &[Resolved],
        next: Option<(&str, &ChangeSet, &Document)>,
    ) -> CommentsView {
        let fates = next.map(|(_, changes, next_doc)| fates(changes, &Labels::new(next_doc)));
        let mut rows = Vec::new();
        for r in resolved {
            let c = &r.comment;
            let target: Vec<String> = r
                .places
                .iter()
                .map(|p| {
                    let later = p
                        .anchor
                        .as_ref()
                        .and_then(|a| fates.as_ref()?.get(a))
                        .and_then(|(fate, label)| match fate {
                            Fate::Deleted => Some("（修改后删去）".to_string()),
                            Fate::Moved | Fate::Renumbered | Fate::Changed => label
                                .as_ref()
                                .filter(|l| **l != p.label)
                                .map(|l| format!("（修改后为{l}）")),
                            Fate::Unchanged => None,
                        });
                    format!("{}{}", p.label, later.unwrap_or_default())
                })
                .collect();
            let target = target.join("、");
            let reason = match (&c.reason, &c.note) {
                (Some(r), Some(n)) => format!("{r}（{n}）"),
                (Some(r), None) => r.clone(),
                (None, Some(n)) => n.clone(),
                (None, None) => String::new(),
            };
            let received = c.received.map(|d| d.to_string()).unwrap_or_default();
            // The passage commented on, quoted before the comment: its
            // opening words, where it is long (a reviewer often marks a
            // whole paragraph; the comments file keeps all of it).
            let said = match &c.quote {
                Some(q) => format!("「{}」{}", opening(q), c.text),
                None => c.text.clone(),
            };
            let cells: Vec<CellView> = TABLE_COLUMNS
                .iter()
                .map(|column| {
                    let value = match column.field {
                        // 序号 is the comment's own, as the office numbered
                        // it: the number the redline's 答复意见 and the JSON
                        // give it too, and it stays when comments are added.
                        CommentField::Id => c.id.clone(),
                        CommentField::From => c.from.clone(),
                        CommentField::Received => received.clone(),
                        CommentField::On => target.clone(),
                        CommentField::Text => said.clone(),
                        CommentField::Disposition => c.disposition.zh().to_string(),
                        CommentField::Reason => reason.clone(),
                        CommentField::Note => c.note.clone().unwrap_or_default(),
                    };
                    CellView {
                        text: Text {
                            md: cell(&value),
                            ..Text::plain(&value)
                        },
                        class: column.class,
                    }
                })
                .collect();
            rows.push(Row {
                md: cells.iter().map(|c| c.text.md.clone()).collect(),
                cells,
                number: c.id.clone(),
                id: c.id.clone(),
                from: Text::plain(&c.from),
                target: Text::plain(&target),
                text: Text::plain(&said),
                disposition: c.disposition.zh(),
                kind: c.disposition,
                reason: Text::plain(&reason),
            });
        }
        let counts: Vec<Count> = Disposition::ALL
            .iter()
            .map(|d| Count {
                disposition: d.zh(),
                count: resolved
                    .iter()
                    .filter(|r| r.comment.disposition == *d)
                    .count(),
            })
            .collect();
        let senders: std::collections::BTreeSet<&str> =
            resolved.iter().map(|r| r.comment.from.as_str()).collect();
        let parts: Vec<String> = counts
            .iter()
            .enumerate()
            .filter(|(i, c)| *i < 3 || c.count > 0)
            .map(|(_, c)| format!("{}{}条", c.disposition, c.count))
            .collect();
        let summary = format!(
            "共收到{}个单位（个人）意见{}条，其中{}。",
            senders.len(),
            resolved.len(),
            parts.join("，")
        );
        // A title inside 《》 takes 〈〉 for the titles it quotes.
        let title = doc
            .meta
            .title
            .replace('\n', "")
            .replace('《', "〈")
            .replace('》', "〉");
        CommentsView {
            generator: format!("gongwen {}", env!("CARGO_PKG_VERSION")),
            print: PrintInfo::of(doc),
            title: Text::plain(&format!("《{title}》征求意见采纳情况表")),
            draft: draft.to_string(),
            next: next.map(|(name, _, _)| name.to_string()),
            document: match &doc.meta.stage {
                Some(stage) => format!("《{title}（{stage}）》"),
                None => format!("《{title}》"),
            },
            stage: doc.meta.stage.clone(),
            next_stage: next.and_then(|(_, _, n)| n.meta.stage.clone()),
            summary,
            senders: senders.len(),
            counts,
            columns: TABLE_COLUMNS
                .iter()
                .map(|c| ColumnView {
                    header: c.header,
                    class: c.class,
                    centred: c.centred,
                    width: c.pdf_width,
                    word_share: c.word_share,
                })
                .collect(),
            rows,
        }
    }
}

/// What the 起草说明 paragraph is made from: who commented, what was decided,
/// what the next draft changed. A starting point for the drafter, never a
/// text to publish unread.
#[derive(Debug, Clone, Serialize)]
pub struct ExplanationView {
    /// The title, 〈〉 inside.
    pub title: String,
    /// The document consulted on, as an office names it: 《……（征求意见稿）》.
    pub draft: String,
    /// The draft commented on, short: its stage (征求意见稿), else 原稿.
    pub draft_stage: String,
    /// The next draft: its stage where it is another (送审稿), else 修改稿.
    pub next: String,
    /// The first and last day a comment was received, 2021年9月13日.
    pub first: Option<String>,
    pub last: Option<String>,
    /// The units that sent comments, in the order of their first comment.
    pub units: Vec<String>,
    /// Comments from the public (公众, 个人).
    pub public: usize,
    pub senders: usize,
    pub total: usize,
    /// The decisions with at least one comment.
    pub counts: Vec<Count>,
    /// 修改6处，新增2处，移动1处 …
    pub changes: String,
    /// The level-1 parts with the most changes, most first (at most three).
    pub most_changed: Vec<String>,
    /// Changed parts some comment is about, and those no comment is about.
    pub answered: usize,
    pub unanswered: usize,
}

impl ExplanationView {
    pub fn new(
        table: &CommentsView,
        resolved: &[Resolved],
        changes: &ChangeSet,
    ) -> ExplanationView {
        let mut units: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut public = 0;
        for r in resolved {
            let from = &r.comment.from;
            if from.starts_with("公众") || from.starts_with("个人") {
                public += 1;
            } else if seen.insert(from.as_str()) {
                units.push(from.clone());
            }
        }
        let mut dates: Vec<crate::model::Date> =
            resolved.iter().filter_map(|r| r.comment.received).collect();
        dates.sort();
        // The changes to the text the account counts, each once: by kind,
        // by the level-1 part they are in (their own, if they are one), and
        // whether a comment asked for them — so the figures add up. A
        // reference that followed its article, or spacing, is not one.
        let counted = changes.changes.iter().filter(|c| {
            substantive(c)
                && !c.reference_only()
                && c.class != Some(crate::compare::inline::EditClass::Whitespace)
        });
        let mut by_kind = [("修改", 0), ("新增", 0), ("删除", 0), ("移动", 0)];
        let mut by_part: Vec<(String, usize)> = Vec::new();
        let mut part_index: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        let commented = commented(resolved);
        let (mut answered, mut unanswered) = (0, 0);
        for c in counted {
            by_kind[match c.kind {
                crate::compare::ChangeKind::Inserted => 1,
                crate::compare::ChangeKind::Deleted => 2,
                crate::compare::ChangeKind::Moved => 3,
                _ => 0,
            }]
            .1 += 1;
            let Some(part) = c.new.as_ref().or(c.old.as_ref()) else {
                continue;
            };
            let top = part.path.first().cloned().unwrap_or_else(|| {
                format!("{}{}", part.label, part.heading.as_deref().unwrap_or(""))
            });
            match part_index.get(&top) {
                Some(&i) => by_part[i].1 += 1,
                None => {
                    part_index.insert(top.clone(), by_part.len());
                    by_part.push((top, 1));
                }
            }
            if answered_part(c).is_some_and(|a| commented.contains(a)) {
                answered += 1;
            } else {
                unanswered += 1;
            }
        }
        by_part.sort_by_key(|p| std::cmp::Reverse(p.1));
        let parts: Vec<String> = by_kind
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(what, n)| format!("{what}{n}处"))
            .collect();
        ExplanationView {
            title: table.title.plain.clone(),
            draft: table.document.clone(),
            draft_stage: table.stage.clone().unwrap_or_else(|| "原稿".to_string()),
            next: table
                .next_stage
                .clone()
                .filter(|n| Some(n) != table.stage.as_ref())
                .unwrap_or_else(|| "修改稿".to_string()),
            first: dates.first().map(|d| d.to_string()),
            last: dates.last().map(|d| d.to_string()),
            units,
            public,
            senders: table.senders,
            total: resolved.len(),
            counts: table
                .counts
                .iter()
                .filter(|c| c.count > 0)
                .cloned()
                .collect(),
            changes: parts.join("，"),
            most_changed: by_part
                .into_iter()
                .take(3)
                .filter(|(_, n)| *n > 1)
                .map(|(p, n)| format!("{p}（{n}处）"))
                .collect(),
            answered,
            unanswered,
        }
    }
}

/// The most characters of a quoted passage the table prints.
const QUOTED: usize = 30;

/// A quoted passage as the table prints it: whole, or its first
/// [`QUOTED`] characters and ……, not cutting a number or a Latin word in two
/// (全年培训4500人次 is cut before 4500, not after 45).
fn opening(quote: &str) -> String {
    let chars: Vec<char> = quote.chars().collect();
    if chars.len() <= QUOTED {
        return quote.to_string();
    }
    let mut end = QUOTED;
    while end > 0 && chars[end].is_ascii_alphanumeric() && chars[end - 1].is_ascii_alphanumeric() {
        end -= 1;
    }
    // A passage that is one long number or word is cut where it must be.
    if end == 0 {
        end = QUOTED;
    }
    let mut out: String = chars[..end].iter().collect();
    out.push_str("……");
    out
}
#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn a_quote_is_cut_short_between_words_not_inside_a_number() {
        assert_eq!(opening("短的原文"), "短的原文");
        assert_eq!(
            opening("面向退役军人、农民工、下岗职工开展职业技能培训，全年培训4500人次"),
            "面向退役军人、农民工、下岗职工开展职业技能培训，全年培训……"
        );
        let long_number = "1".repeat(40);
        assert_eq!(opening(&long_number), format!("{}……", "1".repeat(30)));
    }
}
