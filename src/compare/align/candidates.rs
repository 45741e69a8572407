//! Which pairs of free parts are worth comparing: every pair of a level where
//! there are few; otherwise the parts in the same gap between matched
//! neighbours, nearest to where the part would sit, and those sharing the most
//! distinctive character bigrams (an inverted index).

use std::collections::HashMap;

use super::{
    EXHAUSTIVE_PAIRS, GAP_CANDIDATES, INDEX_CANDIDATES, INDEX_DF_LIMIT, Matching, Node, similarity,
};
use crate::model::Level;

/// An inverted index from character bigrams to the nodes that hold them,
/// leaving out bigrams held by more than [`INDEX_DF_LIMIT`] nodes.
pub(super) struct Index {
    postings: HashMap<u64, Vec<usize>>,
    /// Scratch for [`Index::nearest`]: a count per node, and which are set.
    counts: Vec<u32>,
    touched: Vec<usize>,
}

impl Index {
    /// Indexes the nodes for which `include` holds.
    pub(super) fn new(nodes: &[Node], include: impl Fn(usize) -> bool) -> Index {
        let mut postings: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, node) in nodes.iter().enumerate().filter(|(i, _)| include(*i)) {
            let mut last = None;
            for &g in &node.bigrams {
                if last != Some(g) {
                    postings.entry(g).or_default().push(i);
                    last = Some(g);
                }
            }
        }
        postings.retain(|_, list| list.len() <= INDEX_DF_LIMIT);
        Index {
            postings,
            counts: vec![0; nodes.len()],
            touched: Vec::new(),
        }
    }

    /// The indexed nodes of the same level sharing the most distinctive
    /// bigrams with `node`, most first (ties: nearest in reading order).
    pub(super) fn nearest(
        &mut self,
        node: &Node,
        at: usize,
        nodes: &[Node],
        limit: usize,
    ) -> Vec<usize> {
        let mut last = None;
        for &g in &node.bigrams {
            if last == Some(g) {
                continue;
            }
            last = Some(g);
            for &i in self.postings.get(&g).into_iter().flatten() {
                if self.counts[i] == 0 {
                    self.touched.push(i);
                }
                self.counts[i] += 1;
            }
        }
        let mut found: Vec<(u32, usize)> = Vec::with_capacity(self.touched.len());
        for &i in &self.touched {
            if nodes[i].section.level == node.section.level {
                found.push((self.counts[i], i));
            }
            self.counts[i] = 0;
        }
        self.touched.clear();
        let order = |a: &(u32, usize), b: &(u32, usize)| {
            b.0.cmp(&a.0)
                .then(a.1.abs_diff(at).cmp(&b.1.abs_diff(at)))
                .then(a.1.cmp(&b.1))
        };
        if found.len() > limit {
            found.select_nth_unstable_by(limit - 1, order);
            found.truncate(limit);
        }
        found.sort_by(order);
        found.into_iter().map(|(_, i)| i).collect()
    }
}

/// For each free old node, the free new nodes worth comparing it with: every
/// free new node of its level where there are few ([`EXHAUSTIVE_PAIRS`]);
/// otherwise those in the same gap between matched neighbours (in reading
/// order), and those sharing the most distinctive bigrams with it.
pub(super) fn candidates(old: &[Node], new: &[Node], m: &Matching) -> Vec<Vec<(usize, f64)>> {
    let free_new: Vec<usize> = (0..new.len()).filter(|&n| m.new_free(n)).collect();
    let mut by_level: HashMap<Level, (usize, Vec<usize>)> = HashMap::new();
    for o in (0..old.len()).filter(|&o| m.old_free(o)) {
        by_level.entry(old[o].section.level).or_default().0 += 1;
    }
    for &n in &free_new {
        by_level.entry(new[n].section.level).or_default().1.push(n);
    }
    let exhaustive = |level: Level| {
        by_level
            .get(&level)
            .filter(|(olds, news)| olds.saturating_mul(news.len()) <= EXHAUSTIVE_PAIRS)
            .map(|(_, news)| news)
    };
    let mut index = Index::new(new, |n| {
        m.new_free(n) && exhaustive(new[n].section.level).is_none()
    });
    // The partner of the nearest matched old node before and after each node.
    // For each old node, the nearest matched old nodes before and after it,
    // and their partners: the gap it sits in, on both sides.
    let mut before: Vec<Option<(usize, usize)>> = vec![None; old.len()];
    let mut last = None;
    for (o, partner) in m.old_to_new.iter().enumerate() {
        before[o] = last;
        if let Some(n) = partner {
            last = Some((o, *n));
        }
    }
    let mut after: Vec<Option<(usize, usize)>> = vec![None; old.len()];
    let mut next = None;
    for (o, partner) in m.old_to_new.iter().enumerate().rev() {
        after[o] = next;
        if let Some(n) = partner {
            next = Some((o, *n));
        }
    }
    let mut out: Vec<Vec<(usize, f64)>> = vec![Vec::new(); old.len()];
    // Each pair's similarity, computed once for both passes.
    let scored = |o: usize, list: &[usize]| -> Vec<(usize, f64)> {
        list.iter()
            .map(|&n| (n, similarity(&old[o].bigrams, &new[n].bigrams)))
            .collect()
    };
    for o in (0..old.len()).filter(|&o| m.old_free(o)) {
        if let Some(all) = exhaustive(old[o].section.level) {
            out[o] = scored(o, all);
            continue;
        }
        let (old_lo, lo) = before[o].map_or((0, 0), |(bo, bn)| (bo + 1, bn + 1));
        let (old_hi, hi) = match after[o] {
            Some((ao, an)) if an >= lo => (ao, an),
            _ => (old.len(), new.len()),
        };
        // Where the node would sit in the new gap if the gap kept its proportions.
        let share = (o - old_lo) as f64 / (old_hi - old_lo).max(1) as f64;
        let target = lo + (share * (hi - lo) as f64) as usize;
        let first = free_new.partition_point(|&n| n < lo);
        let end = free_new.partition_point(|&n| n < hi);
        let mut left = free_new[first..end].partition_point(|&n| n < target) + first;
        let mut right = left;
        let mut list: Vec<usize> = Vec::new();
        // Nearest to the target first, on either side; parts of other levels
        // are passed over, a bounded number of them.
        let mut looked = 0;
        while list.len() < GAP_CANDIDATES
            && looked < 4 * GAP_CANDIDATES
            && (left > first || right < end)
        {
            looked += 1;
            let take_right = right < end
                && (left == first || free_new[right] - target <= target - free_new[left - 1]);
            let n = if take_right {
                right += 1;
                free_new[right - 1]
            } else {
                left -= 1;
                free_new[left]
            };
            if new[n].section.level == old[o].section.level {
                list.push(n);
            }
        }
        for n in index.nearest(&old[o], o, new, INDEX_CANDIDATES) {
            if !list.contains(&n) {
                list.push(n);
            }
        }
        out[o] = scored(o, &list);
    }
    out
}

/// Whether the parts sit under parents that are partners (or both at the top).
pub(super) fn under_partners(old: &[Node], new: &[Node], o: usize, n: usize, m: &Matching) -> bool {
    match (old[o].parent, new[n].parent) {
        (None, None) => true,
        (Some(po), Some(pn)) => m.old_to_new[po] == Some(pn),
        _ => false,
    }
}
