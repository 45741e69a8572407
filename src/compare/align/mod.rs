//! Matching parts across two drafts, by identity rather than position.
//!
//! In order: (1) the same `id`; (2) the same text, where that text is unique
//! on both sides (so a renumbered or moved part is still the same part);
//! (3) the same text among siblings of parts already matched; (4) parents
//! whose children mostly matched each other (a retitled chapter); (5) similar
//! text among the unmatched children of matched parents, similarity ≥ 0.5;
//! (6) similar text anywhere at the same level, similarity ≥ 0.6 (a part
//! moved and reworded); (7) what is left on both sides of the same gap
//! between matched neighbours, in order: the same slot rewritten
//! ([`slots`]). Before (5), a part whose text reappears across two to
//! four consecutive new parts (at least 60 % of its text, at least 20 % of
//! each piece's, and 30 % more than the best piece alone holds) is taken as
//! split into them, and the reverse as merged.
//! Similarity is the Dice coefficient of character bigrams of heading and
//! text; parts of different levels never match.
//!
//! The cost stays near-linear in the number of parts: similarity is computed
//! only for candidate pairs — the free parts in the same gap between matched
//! neighbours, and the few that share the most distinctive bigrams (an
//! inverted index that leaves out bigrams found in many parts) — never for
//! every pair of changed parts ([`candidates`]); splits and merges are found
//! likewise ([`splits`]).

mod candidates;
mod slots;
mod splits;

use candidates::{candidates, under_partners};
pub use splits::{SPLIT_GAIN, SPLIT_PIECE_SHARE, SPLIT_THRESHOLD, splits};

use std::collections::HashMap;

use crate::model::Level;
use crate::numbering::{Document, Section};
use crate::text::to_plain;

/// Within matched parents: the least similarity for "the same part, reworded".
pub const SIBLING_THRESHOLD: f64 = 0.5;
/// Anywhere in the document: the least similarity for "moved and reworded".
pub const GLOBAL_THRESHOLD: f64 = 0.6;
/// A bigram held by more free parts than this says little about which part is
/// which ("的规", "规定"), and is left out of the index.
pub(super) const INDEX_DF_LIMIT: usize = 64;
/// How many parts sharing the most distinctive bigrams a part is compared with.
pub(super) const INDEX_CANDIDATES: usize = 16;
/// How many free parts of the same gap between matched neighbours a part is
/// compared with.
pub(super) const GAP_CANDIDATES: usize = 32;
/// Up to this many pairs of free parts (of one level), every pair is
/// compared: exact where it is cheap, candidates only where it would not be.
pub(super) const EXHAUSTIVE_PAIRS: usize = 50_000;

/// Separator used when a part's heading and paragraphs are diffed as one text:
/// U+001E RECORD SEPARATOR, a control character the loader refuses in author
/// text and the importer removes, so it can never be mistaken for one.
pub const PARAGRAPH_BREAK: char = '\u{1E}';

/// A section of one draft, flattened.
#[derive(Debug)]
pub struct Node<'a> {
    pub section: &'a Section,
    pub parent: Option<usize>,
    /// Position among the parent's sub-sections.
    pub index: usize,
    /// Position among the draft's parts of its level, in reading order.
    pub rank: usize,
    /// Heading and paragraphs as plain text, joined by [`PARAGRAPH_BREAK`].
    pub text: String,
    /// The same as written, when a reference by id in it was printed as a
    /// label: two parts whose written texts agree are the same text, even if
    /// a part they refer to was renumbered.
    pub written: Option<String>,
    /// Character bigrams of the text, for similarity.
    bigrams: Vec<u64>,
    /// The text's length in characters.
    chars: usize,
}

/// Flattens a document in reading order.
pub fn flatten(doc: &Document) -> Vec<Node<'_>> {
    fn visit<'a>(
        s: &'a Section,
        parent: Option<usize>,
        index: usize,
        ranks: &mut HashMap<Level, usize>,
        out: &mut Vec<Node<'a>>,
    ) {
        let text = section_text(s);
        let bigrams = bigrams(&text);
        let me = out.len();
        let rank = ranks.entry(s.level).or_default();
        *rank += 1;
        let written = s.written.as_deref().map(|w| {
            let mut parts: Vec<String> = w.heading.iter().map(|h| to_plain(h)).collect();
            parts.extend(w.paragraphs.iter().map(|p| to_plain(p)));
            parts.join(&PARAGRAPH_BREAK.to_string())
        });
        out.push(Node {
            written,
            section: s,
            parent,
            index,
            rank: *rank - 1,
            chars: text.chars().count(),
            text,
            bigrams,
        });
        for (i, child) in s.children().enumerate() {
            visit(child, Some(me), i, ranks, out);
        }
    }
    let mut out = Vec::new();
    let mut ranks = HashMap::new();
    for (i, s) in doc.sections.iter().enumerate() {
        visit(s, None, i, &mut ranks, &mut out);
    }
    out
}

impl Node<'_> {
    /// The text as compared: as written, references by id and all.
    pub fn key(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.text)
    }
}

/// A section's own text: its heading, then its paragraphs.
pub fn section_text(s: &Section) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(h) = &s.heading {
        parts.push(to_plain(h));
    }
    parts.extend(s.paragraphs().map(to_plain));
    parts.join(&PARAGRAPH_BREAK.to_string())
}

pub(super) fn bigrams(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut grams: Vec<u64> = chars
        .windows(2)
        .map(|w| ((w[0] as u64) << 32) | w[1] as u64)
        .collect();
    if grams.is_empty() {
        grams.extend(chars.iter().map(|c| *c as u64));
    }
    grams.sort_unstable();
    grams
}

/// How many of `a`'s bigrams are also in `b`, as a share of `a` (sorted lists).
pub(super) fn containment(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    common(a, b) as f64 / a.len() as f64
}

/// Dice coefficient of two sorted bigram lists.
pub(super) fn similarity(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f64 / (a.len() + b.len()) as f64
}

/// The size of the multiset intersection of two sorted bigram lists.
pub(super) fn common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common
}

/// The matching: for each old node its new partner, and the reverse; and the
/// parts that were split or merged (which have no single partner).
#[derive(Debug, Clone)]
pub struct Matching {
    pub old_to_new: Vec<Option<usize>>,
    pub new_to_old: Vec<Option<usize>>,
    /// An old part and the new parts it was split into.
    pub splits: Vec<(usize, Vec<usize>)>,
    /// A new part and the old parts merged into it.
    pub merges: Vec<(usize, Vec<usize>)>,
    /// How many times two texts were compared (a pair's similarity, a piece
    /// or window of a split): the work done, which grows near-linearly with
    /// the number of parts, not with its square.
    pub comparisons: usize,
    /// For each new node: paired with an old one only because they hold the
    /// same slot (see [`slots`]), less alike than [`SIBLING_THRESHOLD`].
    pub rewritten: Vec<bool>,
    reserved_old: Vec<bool>,
    reserved_new: Vec<bool>,
}

impl Matching {
    fn link(&mut self, o: usize, n: usize) {
        self.old_to_new[o] = Some(n);
        self.new_to_old[n] = Some(o);
    }

    /// Both unmatched and not part of a split or merge.
    pub(super) fn free(&self, o: usize, n: usize) -> bool {
        self.old_to_new[o].is_none()
            && self.new_to_old[n].is_none()
            && !self.reserved_old[o]
            && !self.reserved_new[n]
    }

    /// Unmatched old parts not part of a split or merge.
    pub(super) fn old_free(&self, o: usize) -> bool {
        self.old_to_new[o].is_none() && !self.reserved_old[o]
    }

    /// Unmatched new parts not part of a split or merge.
    pub(super) fn new_free(&self, n: usize) -> bool {
        self.new_to_old[n].is_none() && !self.reserved_new[n]
    }
}

/// Matches the nodes of two flattened drafts.
pub fn align(old: &[Node], new: &[Node]) -> Matching {
    let mut m = Matching {
        old_to_new: vec![None; old.len()],
        new_to_old: vec![None; new.len()],
        splits: Vec::new(),
        merges: Vec::new(),
        comparisons: 0,
        rewritten: vec![false; new.len()],
        reserved_old: vec![false; old.len()],
        reserved_new: vec![false; new.len()],
    };
    let level = |n: &Node| n.section.level;
    // (1) ids
    let new_ids: HashMap<&str, usize> = new
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.section.id.as_ref().map(|id| (id.0.as_str(), i)))
        .collect();
    for (o, node) in old.iter().enumerate() {
        if let Some(id) = &node.section.id
            && let Some(&n) = new_ids.get(id.0.as_str())
            && level(&new[n]) == level(node)
        {
            m.link(o, n);
        }
    }
    // (2) unique identical text
    let key = |n: &Node| (level(n), n.text.clone());
    let mut old_keys: HashMap<(Level, String), Vec<usize>> = HashMap::new();
    for (o, node) in old
        .iter()
        .enumerate()
        .filter(|(o, _)| m.old_to_new[*o].is_none())
    {
        old_keys.entry(key(node)).or_default().push(o);
    }
    let mut new_keys: HashMap<(Level, String), Vec<usize>> = HashMap::new();
    for (n, node) in new
        .iter()
        .enumerate()
        .filter(|(n, _)| m.new_to_old[*n].is_none())
    {
        new_keys.entry(key(node)).or_default().push(n);
    }
    for (k, os) in &old_keys {
        if let Some(ns) = new_keys.get(k)
            && os.len() == 1
            && ns.len() == 1
        {
            m.link(os[0], ns[0]);
        }
    }
    // (3) identical text among the children of matched parents, in order;
    // then what is left of each group of identical texts, in reading order.
    for (k, os) in &old_keys {
        let Some(ns) = new_keys.get(k) else { continue };
        for &o in os {
            let parent_partner = old[o].parent.map(|p| m.old_to_new[p]);
            if let Some(&n) = ns.iter().find(|&&n| {
                m.free(o, n) && parent_partner == Some(new[n].parent) && parent_partner.is_some()
            }) {
                m.link(o, n);
            }
        }
    }
    let mut groups: Vec<(&(Level, String), &Vec<usize>)> = old_keys.iter().collect();
    groups.sort_by_key(|(_, os)| os[0]);
    for (k, os) in groups {
        let Some(ns) = new_keys.get(k) else { continue };
        let free_old: Vec<usize> = os
            .iter()
            .copied()
            .filter(|&o| m.old_to_new[o].is_none())
            .collect();
        let free_new: Vec<usize> = ns
            .iter()
            .copied()
            .filter(|&n| m.new_to_old[n].is_none())
            .collect();
        for (o, n) in free_old.into_iter().zip(free_new) {
            m.link(o, n);
        }
    }
    // (4) parents by their children; splits and merges, before similarity
    // could pair a part with just one of its pieces; (5) siblings by
    // similarity, (6) anywhere.
    let old_kids = children_lists(old);
    let new_kids = children_lists(new);
    match_parents_by_children(old, new, &old_kids, &new_kids, &mut m);
    let free =
        |partners: &[Option<usize>]| partners.iter().map(Option::is_none).collect::<Vec<bool>>();
    let mut work = 0;
    m.splits = splits(
        old,
        new,
        &free(&m.old_to_new),
        &free(&m.new_to_old),
        &mut work,
    );
    for (o, run) in &m.splits {
        m.reserved_old[*o] = true;
        for n in run {
            m.reserved_new[*n] = true;
        }
    }
    let new_free: Vec<bool> = (0..new.len()).map(|n| m.new_free(n)).collect();
    let old_free: Vec<bool> = (0..old.len()).map(|o| m.old_free(o)).collect();
    m.merges = splits(new, old, &new_free, &old_free, &mut work);
    for (n, run) in &m.merges {
        m.reserved_new[*n] = true;
        for o in run {
            m.reserved_old[*o] = true;
        }
    }
    let candidates = candidates(old, new, &m);
    m.comparisons = work + candidates.iter().map(Vec::len).sum::<usize>();
    match_similar(old, new, &candidates, SIBLING_THRESHOLD, true, &mut m);
    match_parents_by_children(old, new, &old_kids, &new_kids, &mut m);
    match_similar(old, new, &candidates, GLOBAL_THRESHOLD, false, &mut m);
    // (7) what is left in the same slot.
    slots::pair_slots(old, new, &old_kids, &new_kids, &mut m);
    m
}

/// The sub-sections of every node, as indices into the flat list.
fn children_lists(nodes: &[Node]) -> Vec<Vec<usize>> {
    let mut kids = vec![Vec::new(); nodes.len()];
    for (i, n) in nodes.iter().enumerate() {
        if let Some(p) = n.parent {
            kids[p].push(i);
        }
    }
    kids
}

fn match_parents_by_children(
    old: &[Node],
    new: &[Node],
    old_kids: &[Vec<usize>],
    new_kids: &[Vec<usize>],
    m: &mut Matching,
) {
    // Deepest first, so a matched section can help its chapter.
    for o in (0..old.len()).rev() {
        if m.old_to_new[o].is_some() {
            continue;
        }
        let kids = &old_kids[o];
        if kids.is_empty() {
            continue;
        }
        let mut votes: HashMap<usize, usize> = HashMap::new();
        for k in kids {
            if let Some(n) = m.old_to_new[*k]
                && let Some(p) = new[n].parent
            {
                *votes.entry(p).or_default() += 1;
            }
        }
        if let Some((&p, &count)) = votes
            .iter()
            .max_by_key(|(p, c)| (**c, std::cmp::Reverse(**p)))
            && m.new_to_old[p].is_none()
            && new[p].section.level == old[o].section.level
            && count * 2 >= kids.len().max(new_kids[p].len())
        {
            m.link(o, p);
        }
    }
}

/// Greedy assignment of the best-scoring free pairs at or above a threshold.
fn assign(old: &[Node], new: &[Node], pairs: &mut [(f64, usize, usize)], m: &mut Matching) {
    // Best first; ties go to the pair closest in reading order.
    pairs.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then(
            (a.1 as i64 - a.2 as i64)
                .abs()
                .cmp(&(b.1 as i64 - b.2 as i64).abs()),
        )
    });
    for &(_, o, n) in pairs.iter() {
        if m.free(o, n) && old[o].section.level == new[n].section.level {
            m.link(o, n);
        }
    }
}

/// Whether a pair of the given similarity is similar enough to match.
fn similar_enough(a: &Node, b: &Node, similarity: f64, threshold: f64) -> bool {
    if a.section.level != b.section.level {
        return false;
    }
    // Very short texts only match exactly (an item "（一）甲；" says too little).
    let short = a.chars.min(b.chars) < 4;
    similarity >= if short { 1.0 } else { threshold }
}

/// Pairs free parts among their candidates by similarity, best first: with
/// `siblings`, only parts under partner parents (or both at the top).
fn match_similar(
    old: &[Node],
    new: &[Node],
    candidates: &[Vec<(usize, f64)>],
    threshold: f64,
    siblings: bool,
    m: &mut Matching,
) {
    let mut pairs = Vec::new();
    for (o, list) in candidates.iter().enumerate() {
        for &(n, s) in list {
            if m.free(o, n)
                && (!siblings || under_partners(old, new, o, n, m))
                && similar_enough(&old[o], &new[n], s, threshold)
            {
                pairs.push((s, o, n));
            }
        }
    }
    assign(old, new, &mut pairs, m);
}

/// Indices (into `seq`) of a longest strictly increasing subsequence.
pub fn longest_increasing(seq: &[usize]) -> Vec<usize> {
    // Patience sorting with back-pointers, O(n log n).
    let mut tails: Vec<usize> = Vec::new();
    let mut back: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &v) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < v);
        if pos > 0 {
            back[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    followed_back(tails.last().copied(), &back)
}

/// The indices met following `back` from `last` to the start, first first:
/// a subsequence found with back-pointers.
pub(crate) fn followed_back(last: Option<usize>, back: &[Option<usize>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = last;
    while let Some(i) = at {
        out.push(i);
        at = back[i];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lis_finds_the_items_that_kept_their_order() {
        assert_eq!(longest_increasing(&[0, 1, 5, 2, 3, 4]), [0, 1, 3, 4, 5]);
        assert_eq!(longest_increasing(&[]), Vec::<usize>::new());
        assert_eq!(longest_increasing(&[3, 2, 1]).len(), 1);
    }

    #[test]
    fn similarity_is_one_for_equal_and_low_for_unrelated_texts() {
        let a = bigrams("推进常住人口基本公共服务全覆盖");
        let b = bigrams("推进常住人口基本公共服务全面覆盖");
        let c = bigrams("加快建设现代化城市");
        assert!((similarity(&a, &a) - 1.0).abs() < 1e-9);
        assert!(similarity(&a, &b) > 0.8);
        assert!(similarity(&a, &c) < 0.2);
    }
}
