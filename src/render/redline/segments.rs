//! Runs of text marked unchanged, inserted or deleted, and how each view
//! writes them: HTML (`<ins>`, `<del>`), CriticMarkup, and the two sides of a
//! change for the 修改对照表.

use serde::Serialize;

use super::dense::fewer_runs;
use crate::compare::align::PARAGRAPH_BREAK;
use crate::compare::inline::{EditClass, InlineOp};
use crate::compare::{Change, ChangeKind, PartRef};
use crate::text::{Block, escape, escape_html, escape_inline};

/// Whether a run of text is unchanged, inserted or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegmentKind {
    Same,
    Ins,
    Del,
    /// A reference's old and new number where only the numbering moved
    /// (第十六条 → 第十五条, the same article): shown, but dimmed.
    RefDel,
    RefIns,
    /// Where a part moved away from: its opening, struck through as Word
    /// strikes a move's old end, beside a note saying where it went.
    Moved,
}

impl SegmentKind {
    /// Deleted text, of either kind.
    pub fn is_del(self) -> bool {
        matches!(
            self,
            SegmentKind::Del | SegmentKind::RefDel | SegmentKind::Moved
        )
    }

    /// Inserted text, of either kind.
    pub fn is_ins(self) -> bool {
        matches!(self, SegmentKind::Ins | SegmentKind::RefIns)
    }

    /// The deleted and inserted kinds for a run of this class.
    fn pair(class: EditClass) -> (SegmentKind, SegmentKind) {
        if class == EditClass::Reference {
            (SegmentKind::RefDel, SegmentKind::RefIns)
        } else {
            (SegmentKind::Del, SegmentKind::Ins)
        }
    }
}

/// A run of text: unchanged, inserted or deleted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

/// Plain text as HTML, a paragraph break as a line break.
pub(super) fn html_escape(s: &str) -> String {
    escape_html(s).replace(PARAGRAPH_BREAK, "<br>")
}

/// Segments as HTML: `<ins>` and `<del>`.
pub fn segments_html(segments: &[Segment]) -> String {
    segments
        .iter()
        .map(|s| match s.kind {
            SegmentKind::Ins => format!("<ins>{}</ins>", html_escape(&s.text)),
            SegmentKind::Del => format!("<del>{}</del>", html_escape(&s.text)),
            SegmentKind::RefIns => format!("<ins class=\"ref\">{}</ins>", html_escape(&s.text)),
            SegmentKind::RefDel => format!("<del class=\"ref\">{}</del>", html_escape(&s.text)),
            SegmentKind::Moved => format!("<del class=\"moved\">{}</del>", html_escape(&s.text)),
            SegmentKind::Same => html_escape(&s.text),
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
            kind if kind.is_del() && segments.get(i + 1).is_some_and(|n| n.kind.is_ins()) => {
                out.push_str(&format!(
                    "{{~~{}~>{}~~}}",
                    text(s, false),
                    text(&segments[i + 1], false)
                ));
                i += 2;
                continue;
            }
            kind if kind.is_del() => out.push_str(&format!("{{--{}--}}", text(s, false))),
            kind if kind.is_ins() => out.push_str(&format!("{{++{}++}}", text(s, false))),
            _ => out.push_str(&text(s, at_start)),
        }
        i += 1;
    }
    out
}

/// A note on a block (〔原（五）〕) in HTML.
pub(super) fn note_html(note: &str) -> String {
    format!("<span class=\"note\">〔{}〕</span>", html_escape(note))
}

/// A note on a block as a CriticMarkup comment.
pub(super) fn note_md(note: &str, block: Block) -> String {
    format!("{{>>{}<<}}", escape_inline(note, block))
}

/// Splits inline runs into pieces at the paragraph breaks of the new text:
/// heading (if any), then paragraphs. A break that was deleted stays inside its run.
pub(super) fn pieces(ops: &[InlineOp]) -> Vec<Vec<Segment>> {
    let ops = fewer_runs(ops);
    let mut pieces: Vec<Vec<Segment>> = vec![Vec::new()];
    let push = |pieces: &mut Vec<Vec<Segment>>, kind: SegmentKind, text: &str| {
        if kind.is_del() {
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
    for op in ops.iter() {
        match op {
            InlineOp::Equal { text } => push(&mut pieces, SegmentKind::Same, text),
            InlineOp::Insert { text, .. } => push(&mut pieces, SegmentKind::Ins, text),
            InlineOp::Delete { text, .. } => push(&mut pieces, SegmentKind::Del, text),
            InlineOp::Replace { old, new, class } => {
                let (del, ins) = SegmentKind::pair(*class);
                push(&mut pieces, del, old);
                push(&mut pieces, ins, new);
            }
        }
    }
    pieces
}

pub(super) fn plain_segments(kind: SegmentKind, text: &str) -> Vec<Segment> {
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
pub(super) fn sides(
    change: &Change,
    show_whitespace: bool,
) -> (Vec<Segment>, Vec<Segment>, Vec<Segment>) {
    let whole = |r: &Option<PartRef>| -> String {
        r.as_ref().map_or(String::new(), |r| {
            let mut parts: Vec<String> = r.heading.iter().cloned().collect();
            parts.extend(r.paragraphs.iter().cloned());
            parts.join(&PARAGRAPH_BREAK.to_string())
        })
    };
    // The number as printed, set off from the text as it is printed.
    let label = |r: &Option<PartRef>| {
        r.as_ref()
            .filter(|r| !r.label.is_empty())
            .map_or(String::new(), |r| {
                format!("{}{}", r.label, r.level.label_gap())
            })
    };
    match change.kind {
        ChangeKind::Inserted => {
            let new = plain_segments(
                SegmentKind::Ins,
                &format!("{}{}", label(&change.new), whole(&change.new)),
            );
            (Vec::new(), new.clone(), new)
        }
        ChangeKind::Deleted => {
            let old = plain_segments(
                SegmentKind::Del,
                &format!("{}{}", label(&change.old), whole(&change.old)),
            );
            (old.clone(), Vec::new(), old)
        }
        _ if !change.inline.is_empty()
            && (show_whitespace || change.class != Some(EditClass::Whitespace)) =>
        {
            let (mut old, mut new, mut unified) = labels(change);
            for op in fewer_runs(&change.inline).iter() {
                match op {
                    InlineOp::Equal { text } => {
                        old.push(Segment {
                            kind: SegmentKind::Same,
                            text: text.clone(),
                        });
                        new.push(Segment {
                            kind: SegmentKind::Same,
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: SegmentKind::Same,
                            text: text.clone(),
                        });
                    }
                    InlineOp::Delete { text, .. } => {
                        old.push(Segment {
                            kind: SegmentKind::Del,
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: SegmentKind::Del,
                            text: text.clone(),
                        });
                    }
                    InlineOp::Insert { text, .. } => {
                        new.push(Segment {
                            kind: SegmentKind::Ins,
                            text: text.clone(),
                        });
                        unified.push(Segment {
                            kind: SegmentKind::Ins,
                            text: text.clone(),
                        });
                    }
                    InlineOp::Replace {
                        old: o,
                        new: n,
                        class,
                    } => {
                        let (del, ins) = SegmentKind::pair(*class);
                        old.push(Segment {
                            kind: del,
                            text: o.clone(),
                        });
                        new.push(Segment {
                            kind: ins,
                            text: n.clone(),
                        });
                        unified.push(Segment {
                            kind: del,
                            text: o.clone(),
                        });
                        unified.push(Segment {
                            kind: ins,
                            text: n.clone(),
                        });
                    }
                }
            }
            (old, new, unified)
        }
        _ => {
            let (mut old, mut new, _) = labels(change);
            old.extend(plain_segments(SegmentKind::Same, &whole(&change.old)));
            new.extend(plain_segments(SegmentKind::Same, &whole(&change.new)));
            (old, new, Vec::new())
        }
    }
}

/// The numbers of a changed part as printed, each set off from its text:
/// a number that changed (renumbered or moved) struck on the old side and
/// marked on the new, as a 新旧对照表 shows 第十条 → 第九条.
fn labels(change: &Change) -> (Vec<Segment>, Vec<Segment>, Vec<Segment>) {
    let parts = |r: &Option<PartRef>| {
        r.as_ref()
            .filter(|r| !r.label.is_empty())
            .map(|r| (r.label.clone(), r.level.label_gap().to_string()))
    };
    let (old, new) = (parts(&change.old), parts(&change.new));
    let seg = |kind, text: &str| Segment {
        kind,
        text: text.to_string(),
    };
    match (old, new) {
        (Some((o, gap)), Some((n, _))) if o != n => (
            vec![seg(SegmentKind::Del, &o), seg(SegmentKind::Same, &gap)],
            vec![seg(SegmentKind::Ins, &n), seg(SegmentKind::Same, &gap)],
            vec![
                seg(SegmentKind::Del, &o),
                seg(SegmentKind::Ins, &n),
                seg(SegmentKind::Same, &gap),
            ],
        ),
        (o, n) => {
            let whole =
                |p: Option<(String, String)>| p.map_or(String::new(), |(label, gap)| label + &gap);
            let new = plain_segments(SegmentKind::Same, &whole(n));
            (
                plain_segments(SegmentKind::Same, &whole(o)),
                new.clone(),
                new,
            )
        }
    }
}
