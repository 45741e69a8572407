//! Columns and rows of two versions of a table, matched: columns by their
//! header (renamed when the header changed in place), rows by what they say
//! — without the 序号 column, whose numbers follow the rows — then by their
//! first column (a task's name), then by similarity; a row out of its old
//! order is moved.

use std::collections::HashMap;

use crate::compare::align::{bigrams, followed_back, similarity};

/// Below this similarity two rows are not the same row reworded.
pub const ROW_THRESHOLD: f64 = 0.5;
/// Below this similarity of their cells, two columns in the same place with
/// different headers are one removed and one added, not one renamed.
pub const COLUMN_THRESHOLD: f64 = 0.3;

/// Columns of the old and new table matched: `(old, new)` in the new order,
/// removed columns where they stood.
pub fn columns(
    old_names: &[String],
    new_names: &[String],
    old: &Grid,
    new: &Grid,
) -> Vec<(Option<usize>, Option<usize>)> {
    let mut new_to_old: Vec<Option<usize>> = vec![None; new_names.len()];
    let mut used = vec![false; old_names.len()];
    let headed = old_names.iter().chain(new_names).any(|n| !n.is_empty());
    if headed {
        for (n, name) in new_names.iter().enumerate() {
            let same: Vec<usize> = (0..old_names.len())
                .filter(|&o| !used[o] && &old_names[o] == name)
                .collect();
            if let Some(&o) = same.first() {
                new_to_old[n] = Some(o);
                used[o] = true;
            }
        }
    }
    // Between matched neighbours, what is left pairs up in order: a renamed
    // column (or, without a header, the column in the same place) — unless
    // its cells say it is another column.
    let mut o = 0;
    for n in 0..new_names.len() {
        if let Some(m) = new_to_old[n] {
            o = m + 1;
            continue;
        }
        // The old columns of this gap: up to the next matched one.
        let limit = new_to_old[n + 1..]
            .iter()
            .flatten()
            .next()
            .copied()
            .unwrap_or(old_names.len());
        let Some(c) = (o..limit.max(o)).find(|&c| !used[c]) else {
            continue;
        };
        let alike = !headed
            || similarity(&bigrams(&old.column(c)), &bigrams(&new.column(n))) >= COLUMN_THRESHOLD;
        if alike {
            new_to_old[n] = Some(c);
            used[c] = true;
            o = c + 1;
        }
    }
    // New order, each removed column after the new partner of the one before it.
    let mut out: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    let removed_before =
        |limit: usize, out: &mut Vec<(Option<usize>, Option<usize>)>, from: &mut usize| {
            while *from < limit {
                if !used[*from] {
                    out.push((Some(*from), None));
                }
                *from += 1;
            }
        };
    let mut next_old = 0;
    for (n, partner) in new_to_old.iter().enumerate() {
        if let Some(o) = partner {
            removed_before(*o, &mut out, &mut next_old);
            next_old = next_old.max(*o + 1);
        }
        out.push((*partner, Some(n)));
    }
    removed_before(old_names.len(), &mut out, &mut next_old);
    out
}

/// A table's body as text: a row per body row, a column per column, merged
/// cells repeated in every row and column they cover.
#[derive(Debug, Clone)]
pub struct Grid {
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    /// Every cell of a column, for telling columns apart.
    pub fn column(&self, c: usize) -> String {
        self.rows
            .iter()
            .filter_map(|r| r.get(c).map(String::as_str))
            .collect::<Vec<_>>()
            .join("\u{1f}")
    }

    /// Whether the first column numbers the rows (序号): it reads 1, 2, 3 …
    /// down the table (a column of years or amounts does not).
    pub fn numbered(&self) -> bool {
        !self.rows.is_empty()
            && self.rows.iter().enumerate().all(|(i, r)| {
                r.first().is_some_and(|s| {
                    s.trim().trim_end_matches(['.', '．', '、']) == (i + 1).to_string()
                })
            })
    }
}

/// A row of the new table and its partner in the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RowMatch {
    pub old: Option<usize>,
    pub new: Option<usize>,
    pub moved: bool,
}

/// Rows of the old and new table matched on the columns both have, `skip`
/// (the 序号 column) left out: the same text (where it is unique), the
/// same first column (a task's name), similar text in the same gap between
/// matched rows and then anywhere. New order, deleted rows where they stood.
pub fn rows(
    old: &Grid,
    new: &Grid,
    columns: &[(Option<usize>, Option<usize>)],
    skip: Option<(usize, usize)>,
) -> Vec<RowMatch> {
    let shared: Vec<(usize, usize)> = columns
        .iter()
        .filter_map(|&(o, n)| Some((o?, n?)))
        .filter(|&pair| Some(pair) != skip)
        .collect();
    let key = |grid: &Grid, r: usize, side: fn(&(usize, usize)) -> usize| -> String {
        shared
            .iter()
            .map(|pair| grid.rows[r].get(side(pair)).map_or("", String::as_str))
            .collect::<Vec<_>>()
            .join("\u{1f}")
    };
    let old_keys: Vec<String> = (0..old.rows.len()).map(|r| key(old, r, |p| p.0)).collect();
    let new_keys: Vec<String> = (0..new.rows.len()).map(|r| key(new, r, |p| p.1)).collect();
    let mut old_to_new: Vec<Option<usize>> = vec![None; old_keys.len()];
    let mut new_to_old: Vec<Option<usize>> = vec![None; new_keys.len()];
    let link = |o: usize, n: usize, a: &mut Vec<Option<usize>>, b: &mut Vec<Option<usize>>| {
        a[o] = Some(n);
        b[n] = Some(o);
    };
    // The same text, unique on both sides.
    let unique = |keys: &[String]| -> HashMap<String, Option<usize>> {
        let mut seen: HashMap<String, Option<usize>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            seen.entry(k.clone())
                .and_modify(|v| *v = None)
                .or_insert(Some(i));
        }
        seen
    };
    let (old_unique, new_unique) = (unique(&old_keys), unique(&new_keys));
    for (k, n) in &new_unique {
        if let (Some(n), Some(Some(o))) = (n, old_unique.get(k)) {
            link(*o, *n, &mut old_to_new, &mut new_to_old);
        }
    }
    // The same first column (a task's name), unique among the rows left.
    if let Some(&(o_first, n_first)) = shared.first() {
        let firsts =
            |grid: &Grid, c: usize, free: &[Option<usize>]| -> HashMap<String, Option<usize>> {
                let mut seen: HashMap<String, Option<usize>> = HashMap::new();
                for (i, row) in grid.rows.iter().enumerate() {
                    let text = row.get(c).cloned().unwrap_or_default();
                    if free[i].is_none() && !text.trim().is_empty() {
                        seen.entry(text)
                            .and_modify(|v| *v = None)
                            .or_insert(Some(i));
                    }
                }
                seen
            };
        let old_firsts = firsts(old, o_first, &old_to_new);
        let new_firsts = firsts(new, n_first, &new_to_old);
        for (k, n) in &new_firsts {
            if let (Some(n), Some(Some(o))) = (n, old_firsts.get(k)) {
                link(*o, *n, &mut old_to_new, &mut new_to_old);
            }
        }
    }
    // Similar text: the best pairs first.
    let old_grams: Vec<Vec<u64>> = old_keys.iter().map(|k| bigrams(k)).collect();
    let new_grams: Vec<Vec<u64>> = new_keys.iter().map(|k| bigrams(k)).collect();
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (o, og) in old_grams
        .iter()
        .enumerate()
        .filter(|(o, _)| old_to_new[*o].is_none())
    {
        for (n, ng) in new_grams
            .iter()
            .enumerate()
            .filter(|(n, _)| new_to_old[*n].is_none())
        {
            let s = similarity(og, ng);
            if s >= ROW_THRESHOLD {
                pairs.push((s, o, n));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, o, n) in pairs {
        if old_to_new[o].is_none() && new_to_old[n].is_none() {
            link(o, n, &mut old_to_new, &mut new_to_old);
        }
    }
    // Moved: out of the heaviest run of rows that kept their order, a
    // reworded row weighing more than one with the same text: of two rows
    // that swapped places, one of them reworded, the other one is named
    // moved, so each row carries one edit rather than one row both.
    let matched: Vec<(usize, usize)> = new_to_old
        .iter()
        .enumerate()
        .filter_map(|(n, o)| Some((n, (*o)?)))
        .collect();
    let order: Vec<usize> = matched.iter().map(|&(_, o)| o).collect();
    let weights: Vec<u32> = matched
        .iter()
        .map(|&(n, o)| if old_keys[o] == new_keys[n] { 1 } else { 2 })
        .collect();
    let mut moved = vec![false; new_keys.len()];
    let mut in_order = vec![false; matched.len()];
    for k in heaviest_increasing(&order, &weights) {
        in_order[k] = true;
    }
    for (i, &(n, _)) in matched.iter().enumerate() {
        moved[n] = !in_order[i];
    }
    // New order; a deleted row after the new partner of the old row before it.
    let mut deleted_after: HashMap<Option<usize>, Vec<usize>> = HashMap::new();
    let mut last = None;
    for (o, partner) in old_to_new.iter().enumerate() {
        match partner {
            Some(n) => last = Some(*n),
            None => deleted_after.entry(last).or_default().push(o),
        }
    }
    let deleted = |o: usize| RowMatch {
        old: Some(o),
        new: None,
        moved: false,
    };
    let mut out: Vec<RowMatch> = deleted_after
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .map(deleted)
        .collect();
    for (n, partner) in new_to_old.iter().enumerate() {
        out.push(RowMatch {
            old: *partner,
            new: Some(n),
            moved: moved[n],
        });
        out.extend(
            deleted_after
                .remove(&Some(n))
                .unwrap_or_default()
                .into_iter()
                .map(deleted),
        );
    }
    out
}

/// The indices of the increasing subsequence of `seq` with the greatest
/// total weight (quadratic: a table has rows in the hundreds).
fn heaviest_increasing(seq: &[usize], weights: &[u32]) -> Vec<usize> {
    let mut best: Vec<u64> = Vec::with_capacity(seq.len());
    let mut prev: Vec<Option<usize>> = Vec::with_capacity(seq.len());
    for i in 0..seq.len() {
        let (mut b, mut p) = (u64::from(weights[i]), None);
        for j in 0..i {
            if seq[j] < seq[i] && best[j] + u64::from(weights[i]) > b {
                b = best[j] + u64::from(weights[i]);
                p = Some(j);
            }
        }
        best.push(b);
        prev.push(p);
    }
    let last = (0..seq.len()).max_by_key(|&i| (best[i], std::cmp::Reverse(i)));
    followed_back(last, &prev)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect(),
        }
    }

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_column_of_years_is_not_a_serial_number() {
        assert!(!grid(&[&["2022", "甲"], &["2023", "乙"]]).numbered());
        assert!(!grid(&[&["1", "甲"], &["3", "乙"]]).numbered());
        assert!(grid(&[&["1", "甲"], &["2.", "乙"]]).numbered());
    }

    #[test]
    fn a_renamed_column_keeps_its_place_and_an_added_one_is_new() {
        let old = grid(&[&["1", "甲", "发改局"], &["2", "乙", "财政局"]]);
        let new = grid(&[
            &["1", "甲", "发改局", "年底"],
            &["2", "乙", "财政局", "持续"],
        ]);
        let pairs = columns(
            &names(&["序号", "任务", "责任单位"]),
            &names(&["序号", "任务", "配合单位", "时限"]),
            &old,
            &new,
        );
        assert_eq!(
            pairs,
            [
                (Some(0), Some(0)),
                (Some(1), Some(1)),
                (Some(2), Some(2)),
                (None, Some(3))
            ]
        );
    }

    #[test]
    fn renumbered_rows_are_the_same_rows_and_an_inserted_one_is_new() {
        let old = grid(&[
            &["1", "甲任务推进", "发改局"],
            &["2", "乙任务推进", "财政局"],
            &["3", "丙任务推进", "教育局"],
        ]);
        let new = grid(&[
            &["1", "甲任务推进", "发改局"],
            &["2", "新任务落实", "人社局"],
            &["3", "丙任务推进", "教育局"],
            &["4", "乙任务推进", "财政局"],
        ]);
        let cols = vec![(Some(0), Some(0)), (Some(1), Some(1)), (Some(2), Some(2))];
        assert!(old.numbered() && new.numbered());
        let m = rows(&old, &new, &cols, Some((0, 0)));
        let pairs: Vec<(Option<usize>, Option<usize>, bool)> =
            m.iter().map(|r| (r.old, r.new, r.moved)).collect();
        assert_eq!(
            pairs,
            [
                (Some(0), Some(0), false),
                (None, Some(1), false),
                (Some(2), Some(2), false),
                (Some(1), Some(3), true)
            ]
        );
    }

    #[test]
    fn a_row_with_a_changed_lead_unit_is_found_by_its_task() {
        let old = grid(&[
            &["1", "将职业教育纳入考核", "区政府督查室"],
            &["2", "宣传典型经验", "区委宣传部"],
        ]);
        let new = grid(&[
            &["1", "将职业教育纳入考核", "区政府办公室"],
            &["2", "宣传典型经验", "区委宣传部"],
        ]);
        let cols = vec![(Some(0), Some(0)), (Some(1), Some(1)), (Some(2), Some(2))];
        let m = rows(&old, &new, &cols, Some((0, 0)));
        assert_eq!(m[0].old, Some(0));
        assert_eq!(m.len(), 2);
    }
}
