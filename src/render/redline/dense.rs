//! A paragraph with very many edits, marked with fewer runs: the nearest
//! edits are shown as one, the unchanged text between them deleted and
//! inserted with them (as diff tools tidy a dense diff). Laying out a
//! paragraph costs typst time in proportion to its characters times its
//! marked runs, so a law of one paragraph with an edit every few words took
//! minutes as a PDF; at most [`MOST_RUNS`] runs a paragraph keep it linear.
//! A paragraph with fewer runs is marked as it was.

use std::borrow::Cow;

use crate::compare::align::PARAGRAPH_BREAK;
use crate::compare::inline::{EditClass, InlineOp};

/// The most runs (unchanged and changed) one paragraph is marked with.
pub const MOST_RUNS: usize = 256;

/// `ops` with each paragraph's runs brought down to [`MOST_RUNS`], by
/// joining the edits around the shortest unchanged runs between them.
pub fn fewer_runs(ops: &[InlineOp]) -> Cow<'_, [InlineOp]> {
    // Paragraphs are parted by unchanged text holding a paragraph break,
    // which is never joined into an edit.
    let breaks =
        |op: &InlineOp| matches!(op, InlineOp::Equal { text } if text.contains(PARAGRAPH_BREAK));
    let mut regions = Vec::new();
    let mut start = 0;
    for (i, op) in ops.iter().enumerate() {
        if breaks(op) {
            regions.push(start..i);
            start = i + 1;
        }
    }
    regions.push(start..ops.len());
    if regions.iter().all(|r| r.len() <= MOST_RUNS) {
        return Cow::Borrowed(ops);
    }
    let mut joined = vec![false; ops.len()];
    for region in regions.into_iter().filter(|r| r.len() > MOST_RUNS) {
        // Unchanged runs with an edit on both sides, shortest first.
        let mut inner: Vec<(usize, usize)> = region
            .clone()
            .filter(|&i| {
                i > region.start
                    && i + 1 < region.end
                    && matches!(ops[i], InlineOp::Equal { .. })
                    && !matches!(ops[i - 1], InlineOp::Equal { .. })
                    && !matches!(ops[i + 1], InlineOp::Equal { .. })
            })
            .map(|i| (ops_len(&ops[i]), i))
            .collect();
        inner.sort_unstable();
        // Each join takes an unchanged run and one edit away.
        let needed = (region.len() - MOST_RUNS).div_ceil(2);
        for &(_, i) in inner.iter().take(needed) {
            joined[i] = true;
        }
    }
    let mut out: Vec<InlineOp> = Vec::with_capacity(ops.len());
    // The edit being gathered: old text, new text, and its class.
    let mut edit: Option<(String, String, EditClass)> = None;
    for (i, op) in ops.iter().enumerate() {
        let (old, new, class) = match op {
            InlineOp::Equal { text } if !joined[i] => {
                out.extend(edit.take().map(edit_op));
                out.push(op.clone());
                continue;
            }
            InlineOp::Equal { text } => (text.as_str(), text.as_str(), EditClass::Whitespace),
            InlineOp::Delete { text, class } => (text.as_str(), "", *class),
            InlineOp::Insert { text, class } => ("", text.as_str(), *class),
            InlineOp::Replace { old, new, class } => (old.as_str(), new.as_str(), *class),
        };
        let gathered = edit.get_or_insert_with(|| (String::new(), String::new(), class));
        gathered.0.push_str(old);
        gathered.1.push_str(new);
        gathered.2 = gathered.2.max(class);
    }
    out.extend(edit.take().map(edit_op));
    Cow::Owned(out)
}

/// The length in characters of an unchanged run.
fn ops_len(op: &InlineOp) -> usize {
    match op {
        InlineOp::Equal { text } => text.chars().count(),
        _ => 0,
    }
}

/// One edit from its old and new text.
fn edit_op((old, new, class): (String, String, EditClass)) -> InlineOp {
    match (old.is_empty(), new.is_empty()) {
        (_, true) => InlineOp::Delete { text: old, class },
        (true, false) => InlineOp::Insert { text: new, class },
        (false, false) => InlineOp::Replace { old, new, class },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn equal(t: &str) -> InlineOp {
        InlineOp::Equal { text: t.into() }
    }

    fn replace(o: &str, n: &str) -> InlineOp {
        InlineOp::Replace {
            old: o.into(),
            new: n.into(),
            class: EditClass::Text,
        }
    }

    /// The old and the new text the ops make.
    fn texts(ops: &[InlineOp]) -> (String, String) {
        let (mut old, mut new) = (String::new(), String::new());
        for op in ops {
            match op {
                InlineOp::Equal { text } => {
                    old.push_str(text);
                    new.push_str(text);
                }
                InlineOp::Delete { text, .. } => old.push_str(text),
                InlineOp::Insert { text, .. } => new.push_str(text),
                InlineOp::Replace { old: o, new: n, .. } => {
                    old.push_str(o);
                    new.push_str(n);
                }
            }
        }
        (old, new)
    }

    #[test]
    fn a_paragraph_with_few_runs_is_marked_as_it_was() {
        let ops = vec![equal("甲乙"), replace("丙", "丁"), equal("戊")];
        assert!(matches!(fewer_runs(&ops), Cow::Borrowed(_)));
    }

    #[test]
    fn a_dense_paragraph_joins_its_nearest_edits_and_keeps_both_texts() {
        // 600 edits, every second one two characters from the next.
        let mut ops = vec![equal("开头")];
        for i in 0..600 {
            ops.push(replace("旧", "新"));
            ops.push(equal(if i % 2 == 0 { "中" } else { "较长的一段" }));
        }
        let fewer = fewer_runs(&ops);
        assert!(fewer.len() <= MOST_RUNS, "{} runs", fewer.len());
        assert_eq!(texts(&fewer), texts(&ops));
        // The longer unchanged runs are the ones left.
        assert!(
            fewer
                .iter()
                .filter(|op| matches!(op, InlineOp::Equal { .. }))
                .all(|op| *op == equal("开头") || *op == equal("较长的一段")),
            "{fewer:?}"
        );
        // A paragraph break is never joined into an edit.
        let mut parted = ops.clone();
        parted.insert(600, equal(&format!("段{PARAGRAPH_BREAK}段")));
        let fewer = fewer_runs(&parted);
        assert!(fewer.contains(&equal(&format!("段{PARAGRAPH_BREAK}段"))));
        assert_eq!(texts(&fewer), texts(&parted));
    }
}
