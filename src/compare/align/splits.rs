//! Splits and merges: a part whose text reappears across two to four
//! consecutive new parts (and, with the drafts swapped, several that became
//! one). Only windows around the parts most like it are tried where trying
//! every window would cost too much.

use std::collections::HashMap;

use super::candidates::Index;
use super::{EXHAUSTIVE_PAIRS, INDEX_CANDIDATES, Node, bigrams, common, containment};

/// The least share of a part's text found again in the consecutive parts it
/// was split into (or merged from), each of which must take at least
/// [`SPLIT_PIECE_SHARE`] of its own text from it.
pub const SPLIT_THRESHOLD: f64 = 0.6;
/// See [`SPLIT_THRESHOLD`].
pub const SPLIT_PIECE_SHARE: f64 = 0.2;
/// How much more of the part the pieces together must hold than the best piece alone.
pub const SPLIT_GAIN: f64 = 0.3;

/// Parts of `from` that left no partner and whose text reappears across a run
/// of two to four consecutive unpartnered siblings in `to`: splits (and, with
/// the drafts swapped, merges). Returns (part, run). Only windows holding one
/// of the parts that share the most distinctive bigrams with it are tried.
pub fn splits(
    from: &[Node],
    to: &[Node],
    from_free: &[bool],
    to_free: &[bool],
    work: &mut usize,
) -> Vec<(usize, Vec<usize>)> {
    // Runs of consecutive free siblings of one level.
    let mut runs: Vec<Vec<usize>> = Vec::new();
    for (i, node) in to.iter().enumerate() {
        if !to_free[i] {
            continue;
        }
        match runs.last_mut() {
            Some(run)
                if {
                    let last = &to[*run.last().unwrap()];
                    last.parent == node.parent
                        && last.section.level == node.section.level
                        && last.index + 1 == node.index
                } =>
            {
                run.push(i)
            }
            _ => runs.push(vec![i]),
        }
    }
    // Where each node sits: its run and its place in it (runs of two or more).
    let mut place: HashMap<usize, (usize, usize)> = HashMap::new();
    for (r, run) in runs.iter().enumerate().filter(|(_, r)| r.len() >= 2) {
        for (k, &t) in run.iter().enumerate() {
            place.insert(t, (r, k));
        }
    }
    if place.is_empty() {
        return Vec::new();
    }
    let mut index = Index::new(to, |t| place.contains_key(&t));
    let free_from = from_free.iter().filter(|f| **f).count();
    // Few enough to try every window with every part: exact where it is cheap.
    let exhaustive = free_from.saturating_mul(place.len()) <= EXHAUSTIVE_PAIRS;
    let windows_around = |r: usize, k: usize, out: &mut Vec<(usize, usize, usize)>| {
        let len = runs[r].len();
        for start in k.saturating_sub(3)..=k {
            for end in (start + 2).max(k + 1)..=(start + 4).min(len) {
                out.push((r, start, end));
            }
        }
    };
    let mut found = Vec::new();
    let mut used = vec![false; to.len()];
    for (f, node) in from.iter().enumerate().filter(|(f, _)| from_free[*f]) {
        // The windows (run, start, end) around the likeliest pieces (or all),
        // in the order the runs and windows come in the document.
        let mut windows: Vec<(usize, usize, usize)> = Vec::new();
        // The most of the part one free part holds anywhere: the pieces of a
        // split must hold much more than that together, else the part was
        // edited (its partner is that one) and a window of neighbours that
        // share its vocabulary, as policy texts' items do, only looks like
        // its pieces.
        let best_anywhere;
        if exhaustive {
            let mut most: f64 = 0.0;
            for (&t, &(r, k)) in &place {
                if to[t].section.level == node.section.level {
                    windows_around(r, k, &mut windows);
                    most = most.max(containment(&node.bigrams, &to[t].bigrams));
                }
            }
            *work += place.len();
            best_anywhere = most;
        } else {
            let nearest = index.nearest(node, f, to, INDEX_CANDIDATES);
            best_anywhere = nearest
                .first()
                .map_or(0.0, |&t| containment(&node.bigrams, &to[t].bigrams));
            // The strongest piece of a window that holds SPLIT_THRESHOLD of
            // the part holds at least a quarter of that (seams aside): only
            // windows around such a piece are tried.
            let least = (SPLIT_THRESHOLD * node.bigrams.len() as f64 - 8.0) / 4.0;
            *work += nearest.len();
            for t in nearest {
                if common(&node.bigrams, &to[t].bigrams) as f64 >= least {
                    let (r, k) = place[&t];
                    windows_around(r, k, &mut windows);
                }
            }
        }
        // No window could gain enough over the best piece anywhere.
        if best_anywhere > 1.0 - SPLIT_GAIN {
            continue;
        }
        windows.sort_unstable();
        windows.dedup();
        let mut best: Option<(f64, Vec<usize>)> = None;
        // Per piece: bigrams it shares with the part, and its own share.
        let mut shared: HashMap<usize, (usize, bool)> = HashMap::new();
        let mut piece = |t: usize| {
            *shared.entry(t).or_insert_with(|| {
                let common = common(&node.bigrams, &to[t].bigrams);
                let share = common as f64 / to[t].bigrams.len().max(1) as f64;
                (common, share >= SPLIT_PIECE_SHARE)
            })
        };
        let whole = node.bigrams.len().max(1) as f64;
        for (r, start, end) in windows {
            let window = &runs[r][start..end];
            if window.iter().any(|&t| used[t]) {
                continue;
            }
            let pieces: Vec<(usize, bool)> = window.iter().map(|&t| piece(t)).collect();
            let every_piece_shares = pieces.iter().all(|(_, ok)| *ok);
            // The pieces together must say much more of it than the best one
            // alone, else that one is the part, reworded, beside a new one.
            let best_single = pieces
                .iter()
                .map(|(c, _)| *c as f64 / whole)
                .fold(best_anywhere, f64::max);
            // The joined text shares at most what its pieces share, plus the
            // bigrams across their seams (two at most per piece, counting a
            // one-character piece): cheap bounds first.
            let bound =
                (pieces.iter().map(|(c, _)| c).sum::<usize>() + 2 * window.len()) as f64 / whole;
            if !every_piece_shares || bound < SPLIT_THRESHOLD || bound - best_single < SPLIT_GAIN {
                continue;
            }
            *work += 1;
            let joined: String = window.iter().map(|&t| to[t].text.as_str()).collect();
            let score = containment(&node.bigrams, &bigrams(&joined));
            let gain = score - best_single >= SPLIT_GAIN;
            // A further piece must earn its place: each one past two costs 0.1.
            let rank = score - 0.1 * (window.len() - 2) as f64;
            if score >= SPLIT_THRESHOLD && gain && best.as_ref().is_none_or(|(b, _)| rank > *b) {
                best = Some((rank, window.to_vec()));
            }
        }
        *work += shared.len();
        if let Some((_, window)) = best {
            for &t in &window {
                used[t] = true;
            }
            found.push((f, window));
        }
    }
    found
}
