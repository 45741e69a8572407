//! Slot alignment, the last step: parts still unmatched on both sides of the
//! same gap between matched neighbours (same parent, same level) are the same
//! slot, rewritten. A legislative text says "第九条修改为……" of an article
//! rewritten in place, however little of its wording survives; so does
//! Word's Compare. Only free parts are paired: identity, moves, splits and
//! merges keep their priority.
//!
//! Within a gap the pairing keeps reading order and, where the counts differ,
//! chooses by similarity: a table over the gap's old and new parts that
//! maximises the number of pairs first and their similarity next. Large gaps
//! are scored only near the table's diagonal, so the work stays in
//! proportion to the number of parts.

use super::{Matching, Node, SIBLING_THRESHOLD, longest_increasing, similarity};

/// Up to this many cells (old × new parts of one gap), the whole table.
const FULL_TABLE: usize = 40_000;
/// Beyond it, how far from the diagonal a pair may sit.
const BAND: usize = 64;

/// Pairs the free parts of every gap, parents before their children (a
/// chapter paired here has its articles paired next).
pub(super) fn pair_slots(
    old: &[Node],
    new: &[Node],
    old_kids: &[Vec<usize>],
    new_kids: &[Vec<usize>],
    m: &mut Matching,
) {
    let top = |nodes: &[Node]| -> Vec<usize> {
        (0..nodes.len())
            .filter(|&i| nodes[i].parent.is_none())
            .collect()
    };
    pair_siblings(old, new, &top(old), &top(new), None, m);
    for (o, kids) in old_kids.iter().enumerate() {
        if let Some(n) = m.old_to_new[o] {
            pair_siblings(old, new, kids, &new_kids[n], Some(n), m);
        }
    }
}

/// One list of siblings on each side, under partner parents (`parent` is the
/// new one; `None` at the top of the document).
fn pair_siblings(
    old: &[Node],
    new: &[Node],
    olds: &[usize],
    news: &[usize],
    parent: Option<usize>,
    m: &mut Matching,
) {
    if olds.is_empty() || news.is_empty() {
        return;
    }
    // Matched neighbours: siblings whose partners are siblings here too, in
    // the same order (a moved part bounds no gap).
    let mut anchors: Vec<(usize, usize)> = Vec::new();
    for (i, &o) in olds.iter().enumerate() {
        if let Some(n) = m.old_to_new[o]
            && new[n].parent == parent
            && news.get(new[n].index) == Some(&n)
        {
            anchors.push((i, new[n].index));
        }
    }
    let order: Vec<usize> = anchors.iter().map(|a| a.1).collect();
    let kept: Vec<(usize, usize)> = longest_increasing(&order)
        .into_iter()
        .map(|k| anchors[k])
        .collect();
    let mut from = (0, 0);
    for bound in kept.into_iter().chain([(olds.len(), news.len())]) {
        let gap_old: Vec<usize> = olds[from.0..bound.0]
            .iter()
            .copied()
            .filter(|&o| m.old_free(o))
            .collect();
        let gap_new: Vec<usize> = news[from.1..bound.1]
            .iter()
            .copied()
            .filter(|&n| m.new_free(n))
            .collect();
        pair_gap(old, new, &gap_old, &gap_new, m);
        from = (bound.0 + 1, bound.1 + 1);
    }
}

/// Pairs the free parts of one gap in order: as many pairs as the levels
/// allow, the most similar where there is a choice.
fn pair_gap(old: &[Node], new: &[Node], gap_old: &[usize], gap_new: &[usize], m: &mut Matching) {
    let (rows, cols) = (gap_old.len(), gap_new.len());
    if rows == 0 || cols == 0 {
        return;
    }
    let full = rows.saturating_mul(cols) <= FULL_TABLE;
    // The columns row `i` may pair with.
    let span = |i: usize| -> (usize, usize) {
        if full {
            return (0, cols);
        }
        let centre = i * cols / rows;
        (centre.saturating_sub(BAND), (centre + BAND + 1).min(cols))
    };
    // best[i][j]: the best score pairing the first i old with the first j new
    // parts; a pair scores 1 plus its similarity, so the count comes first.
    let width = cols + 1;
    let mut best = vec![0.0f64; (rows + 1) * width];
    let mut paired = vec![false; (rows + 1) * width];
    for i in 1..=rows {
        let (lo, hi) = span(i - 1);
        for j in 1..=cols {
            let up = best[(i - 1) * width + j];
            let left = best[i * width + j - 1];
            let mut cell = up.max(left);
            let mut take = false;
            let (o, n) = (gap_old[i - 1], gap_new[j - 1]);
            if (lo..hi).contains(&(j - 1)) && old[o].section.level == new[n].section.level {
                m.comparisons += 1;
                let score = best[(i - 1) * width + j - 1]
                    + 1.0
                    + similarity(&old[o].bigrams, &new[n].bigrams);
                if score > cell {
                    cell = score;
                    take = true;
                }
            }
            best[i * width + j] = cell;
            paired[i * width + j] = take;
        }
    }
    let (mut i, mut j) = (rows, cols);
    while i > 0 && j > 0 {
        if paired[i * width + j] {
            let (o, n) = (gap_old[i - 1], gap_new[j - 1]);
            m.link(o, n);
            m.rewritten[n] = similarity(&old[o].bigrams, &new[n].bigrams) < SIBLING_THRESHOLD;
            i -= 1;
            j -= 1;
        } else if best[i * width + j] == best[(i - 1) * width + j] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}
