//! Changes inside a paragraph: token diff, merged into readable runs, each
//! run classified (wording, punctuation only, whitespace only).

use serde::Serialize;
use similar::{Algorithm, DiffTag, capture_diff_slices_deadline};

use super::align::PARAGRAPH_BREAK;
use super::references::Keyed;
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
    /// Only references renumbered with the parts they name: 依照本法第十六条 →
    /// 依照本法第十五条, after an article before it was deleted.
    Reference,
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

/// The inline changes from `old` to `new` with references kept whole and
/// compared by what they name: a reference renumbered with its target (第十六条
/// → 第十五条, the same article) is a run of class [`EditClass::Reference`].
pub fn diff_keyed(old: &Keyed, new: &Keyed) -> Vec<InlineOp> {
    keyed_runs(&old.tokens, &old.keys, &new.tokens, &new.keys)
}

/// Token diff, merged into runs.
fn runs(a: &[&str], b: &[&str]) -> Vec<InlineOp> {
    keyed_runs(a, a, b, b)
}

/// What a run of the diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Equal,
    /// Tokens that compare equal by key but read differently: a reference
    /// whose number followed its target's.
    Reference,
    Changed,
}

/// Diffs tokens by their keys, merged into runs. Adjacent deletions and
/// insertions become one replacement; a single short token left equal between
/// two changes of one kind is folded into them, so runs read as phrases.
fn keyed_runs<K: std::hash::Hash + Eq + Ord>(
    a: &[&str],
    a_keys: &[K],
    b: &[&str],
    b_keys: &[K],
) -> Vec<InlineOp> {
    // Token diff is quadratic at worst: a deadline bounds pathological input.
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
    let ops = capture_diff_slices_deadline(Algorithm::Patience, a_keys, b_keys, Some(deadline));
    // (old, new) pieces; equal pieces have both.
    let mut runs: Vec<(String, String, Run)> = Vec::new();
    let mut push = |o: &str, n: &str, kind: Run| match runs.last_mut() {
        Some(last) if last.2 == kind => {
            last.0.push_str(o);
            last.1.push_str(n);
        }
        _ => runs.push((o.to_string(), n.to_string(), kind)),
    };
    for op in ops {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            for (o, n) in a[old_range].iter().zip(&b[new_range]) {
                push(o, n, if o == n { Run::Equal } else { Run::Reference });
            }
        } else {
            push(&a[old_range].concat(), &b[new_range].concat(), Run::Changed);
        }
    }
    // Fold a lone short equal run between two changes of one kind.
    let mut merged: Vec<(String, String, Run)> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let run = runs[i].clone();
        let between = run.2 == Run::Equal
            && i + 1 < runs.len()
            && merged
                .last()
                .is_some_and(|m| m.2 != Run::Equal && m.2 == runs[i + 1].2);
        if between && run.0.chars().count() <= 1 {
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
        .map(|(o, n, kind)| match kind {
            Run::Equal => InlineOp::Equal { text: o },
            Run::Reference => InlineOp::Replace {
                old: o,
                new: n,
                class: EditClass::Reference,
            },
            Run::Changed if o.is_empty() => {
                let class = classify("", &n);
                InlineOp::Insert { text: n, class }
            }
            Run::Changed if n.is_empty() => {
                let class = classify(&o, "");
                InlineOp::Delete { text: o, class }
            }
            Run::Changed => {
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
