//! Changes inside a paragraph: token diff, merged into readable runs, each
//! run classified (wording, punctuation only, whitespace only).

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::align::PARAGRAPH_BREAK;
use super::tokens::{TokenKind, kind, tokenize};

/// One run of an inline change list. Concatenating `equal`, `delete` and the
/// `old` of `replace` gives the old text; `equal`, `insert` and `new` give the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum InlineOp {
    Equal {
        text: String,
    },
    Delete {
        text: String,
        class: EditClass,
    },
    Insert {
        text: String,
        class: EditClass,
    },
    Replace {
        old: String,
        new: String,
        class: EditClass,
    },
}

/// What kind of edit a run (or a whole paragraph) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditClass {
    /// Only spaces changed.
    Whitespace,
    /// Only punctuation (and spaces) changed: , → ，
    Punctuation,
    /// Words or numbers changed.
    Text,
}

impl InlineOp {
    /// The class of a changed run; `None` for an equal run.
    pub fn class(&self) -> Option<EditClass> {
        match self {
            InlineOp::Equal { .. } => None,
            InlineOp::Delete { class, .. }
            | InlineOp::Insert { class, .. }
            | InlineOp::Replace { class, .. } => Some(*class),
        }
    }
}

/// The text before the change.
pub fn old_text(ops: &[InlineOp]) -> String {
    ops.iter()
        .map(|op| match op {
            InlineOp::Equal { text } | InlineOp::Delete { text, .. } => text.as_str(),
            InlineOp::Replace { old, .. } => old.as_str(),
            InlineOp::Insert { .. } => "",
        })
        .collect()
}

/// The text after the change.
pub fn new_text(ops: &[InlineOp]) -> String {
    ops.iter()
        .map(|op| match op {
            InlineOp::Equal { text } | InlineOp::Insert { text, .. } => text.as_str(),
            InlineOp::Replace { new, .. } => new.as_str(),
            InlineOp::Delete { .. } => "",
        })
        .collect()
}

/// Classifies an edit by the tokens it touches on both sides.
fn classify(old: &str, new: &str) -> EditClass {
    let strip = |s: &str, keep_punct: bool| -> String {
        tokenize(s)
            .into_iter()
            .filter(|t| match kind(t) {
                TokenKind::Space => false,
                TokenKind::Punctuation => keep_punct,
                _ => true,
            })
            .collect()
    };
    if strip(old, true) == strip(new, true) {
        EditClass::Whitespace
    } else if strip(old, false) == strip(new, false) {
        EditClass::Punctuation
    } else {
        EditClass::Text
    }
}

/// The inline changes from `old` to `new`. Adjacent deletions and insertions
/// become one replacement, and a single short token left equal between two
/// changes is folded into them, so runs read as phrases.
pub fn diff(old: &str, new: &str) -> Vec<InlineOp> {
    if old == new {
        return vec![InlineOp::Equal {
            text: old.to_string(),
        }];
    }
    runs(&tokenize(old), &tokenize(new))
}

/// The inline changes of a part rewritten in place: whole paragraphs (and
/// the heading) replaced, those left as they were kept equal. A word diff
/// of two unrelated texts would only pick out their common particles.
pub fn rewrite(old: &str, new: &str) -> Vec<InlineOp> {
    if old == new {
        return diff(old, new);
    }
    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        for piece in text.split_inclusive(PARAGRAPH_BREAK) {
            match piece.strip_suffix(PARAGRAPH_BREAK) {
                Some(paragraph) => out.extend([paragraph, &piece[paragraph.len()..]]),
                None => out.push(piece),
            }
        }
        out
    }
    runs(&pieces(old), &pieces(new))
}

/// Token diff, merged into runs.
fn runs(a: &[&str], b: &[&str]) -> Vec<InlineOp> {
    // Token diff is quadratic at worst: a deadline bounds pathological input.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
    let ops = capture_diff_slices_deadline(Algorithm::Patience, a, b, Some(deadline));
    // (old, new) pieces; equal pieces have both.
    let mut runs: Vec<(String, String, bool)> = Vec::new();
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        let o: String = a[old_range].concat();
        let n: String = b[new_range].concat();
        match tag {
            DiffTag::Equal => runs.push((o, n, true)),
            _ => match runs.last_mut() {
                Some(last) if !last.2 => {
                    last.0.push_str(&o);
                    last.1.push_str(&n);
                }
                _ => runs.push((o, n, false)),
            },
        }
    }
    // Fold a lone short equal run between two changes into one change.
    let mut merged: Vec<(String, String, bool)> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let run = runs[i].clone();
        let between_changes = run.2
            && i > 0
            && i + 1 < runs.len()
            && !runs[i + 1].2
            && merged.last().is_some_and(|m| !m.2);
        if between_changes && run.0.chars().count() <= 1 {
            let next = runs[i + 1].clone();
            if let Some(last) = merged.last_mut() {
                last.0.push_str(&run.0);
                last.0.push_str(&next.0);
                last.1.push_str(&run.1);
                last.1.push_str(&next.1);
            }
            i += 2;
            continue;
        }
        merged.push(run);
        i += 1;
    }
    merged
        .into_iter()
        .map(|(o, n, equal)| {
            if equal {
                InlineOp::Equal { text: o }
            } else if o.is_empty() {
                let class = classify("", &n);
                InlineOp::Insert { text: n, class }
            } else if n.is_empty() {
                let class = classify(&o, "");
                InlineOp::Delete { text: o, class }
            } else {
                let class = classify(&o, &n);
                InlineOp::Replace {
                    old: o,
                    new: n,
                    class,
                }
            }
        })
        .collect()
}

/// The class of a whole change: the strongest of its runs.
pub fn overall_class(ops: &[InlineOp]) -> Option<EditClass> {
    ops.iter().filter_map(InlineOp::class).max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_fix_is_one_word_level_change() {
        let ops = diff(
            "持续推进以人为核心的新型化,不断增强",
            "持续推进以人为核心的新型城镇化,不断增强",
        );
        let changed: Vec<&InlineOp> = ops.iter().filter(|o| o.class().is_some()).collect();
        assert_eq!(changed.len(), 1, "{ops:?}");
        assert_eq!(old_text(&ops), "持续推进以人为核心的新型化,不断增强");
        assert_eq!(new_text(&ops), "持续推进以人为核心的新型城镇化,不断增强");
    }

    #[test]
    fn numbers_change_whole() {
        let ops = diff(
            "全年完成职业技能培训4500人次。",
            "全年完成职业技能培训5000人次。",
        );
        assert!(
            ops.contains(&InlineOp::Replace {
                old: "4500".into(),
                new: "5000".into(),
                class: EditClass::Text
            }),
            "{ops:?}"
        );
        let ops = diff("在2025年", "在2026年");
        assert!(
            ops.contains(&InlineOp::Replace {
                old: "2025".into(),
                new: "2026".into(),
                class: EditClass::Text
            }),
            "{ops:?}"
        );
    }

    #[test]
    fn punctuation_and_whitespace_edits_are_told_apart() {
        let ops = diff("甲,乙", "甲，乙");
        assert_eq!(overall_class(&ops), Some(EditClass::Punctuation));
        let ops = diff("甲 乙", "甲乙");
        assert_eq!(overall_class(&ops), Some(EditClass::Whitespace));
        let ops = diff("部门报道", "部门报到");
        assert_eq!(overall_class(&ops), Some(EditClass::Text));
    }

    #[test]
    fn unchanged_text_is_one_equal_run() {
        assert_eq!(diff("甲", "甲"), [InlineOp::Equal { text: "甲".into() }]);
    }
}
