//! Numbering checked against a second, independent implementation: where the
//! library counts as it walks and resets counters when a part of an outer
//! level appears, this oracle gives each part a *scope* — the ancestor whose
//! parts it is counted among (none, for a level that runs on) — and counts
//! within it. Generated drafts of both styles, with `continuous` levels,
//! 之一 parts, unnumbered parts and items after several paragraphs (款).

use crate::common;

use std::collections::HashMap;

use gongwen::model::{Block, Draft, Level, Part};
use gongwen::numbering::numerals::chinese;
use proptest::prelude::*;

/// The level a level is counted within: its parent level, or none when it
/// runs on through the document. Chapters are counted within a 编, running on
/// through its 分编.
fn counted_within(level: Level) -> Option<Level> {
    match level {
        Level::Outline(n) if n > 1 => Some(Level::Outline(n - 1)),
        Level::SubBook | Level::Chapter => Some(Level::Book),
        Level::Section => Some(Level::Chapter),
        Level::Item => Some(Level::Article),
        Level::SubItem => Some(Level::Item),
        _ => None,
    }
}

fn rank(level: Level) -> u8 {
    match level {
        Level::Outline(n) => n,
        Level::Book => 0,
        Level::SubBook => 1,
        Level::Chapter => 2,
        Level::Section => 3,
        Level::Article => 4,
        Level::Item => 5,
        Level::SubItem => 6,
    }
}

fn format(level: Level, n: u32, sub: u32) -> String {
    let cn = chinese(n as u64);
    let zhi = if sub > 0 {
        format!("之{}", chinese(sub as u64))
    } else {
        String::new()
    };
    match level {
        Level::Outline(1) => format!("{cn}{zhi}、"),
        Level::Outline(2) | Level::Item => format!("（{cn}{zhi}）"),
        Level::Outline(3) | Level::SubItem => format!("{n}{zhi}."),
        Level::Outline(_) => format!("（{n}{zhi}）"),
        Level::Book => format!("第{cn}编{zhi}"),
        Level::SubBook => format!("第{cn}分编{zhi}"),
        Level::Chapter => format!("第{cn}章{zhi}"),
        Level::Section => format!("第{cn}节{zhi}"),
        Level::Article => format!("第{cn}条{zhi}"),
    }
}

/// An ancestor on the way down: its level, a unique id, and how many
/// paragraphs of its own came before the current child.
#[derive(Clone)]
struct Frame {
    level: Level,
    id: usize,
    paragraphs: usize,
}

struct Oracle<'a> {
    continuous: &'a [Level],
    /// (level, scope) → (number, 之 number)
    counts: HashMap<(Level, String), (u32, u32)>,
    next_id: usize,
    labels: Vec<String>,
}

impl Oracle<'_> {
    /// The scope a part of `level` is counted in, given its ancestors.
    fn scope(&self, level: Level, ancestors: &[Frame]) -> String {
        if self.continuous.contains(&level) {
            return String::new();
        }
        let Some(within) = counted_within(level) else {
            return String::new();
        };
        // The nearest ancestor at or above the level it is counted within.
        match ancestors
            .iter()
            .rev()
            .find(|a| rank(a.level) <= rank(within))
        {
            // Items and sub-items also start again after each paragraph (款).
            Some(a) if matches!(level, Level::Item | Level::SubItem) && a.level == within => {
                format!("{}:{}", a.id, a.paragraphs)
            }
            Some(a) => a.id.to_string(),
            None => String::new(),
        }
    }

    fn part(&mut self, part: &Part, ancestors: &mut Vec<Frame>) {
        let scope = self.scope(part.level, ancestors);
        let label = if part.numbered {
            let count = self.counts.entry((part.level, scope)).or_insert((0, 0));
            if part.sub && count.0 > 0 {
                count.1 += 1;
            } else {
                *count = (count.0 + 1, 0);
            }
            format(part.level, count.0, count.1)
        } else {
            String::new()
        };
        self.labels.push(label);
        self.next_id += 1;
        ancestors.push(Frame {
            level: part.level,
            id: self.next_id,
            paragraphs: 0,
        });
        for block in &part.body {
            match block {
                Block::Para(_) => ancestors.last_mut().unwrap().paragraphs += 1,
                Block::Part(child) => self.part(child, ancestors),
                Block::Table(_) => {}
            }
        }
        ancestors.pop();
    }
}

fn oracle(draft: &Draft) -> Vec<String> {
    let mut o = Oracle {
        continuous: &draft.meta.numbering.continuous,
        counts: HashMap::new(),
        next_id: 0,
        labels: Vec::new(),
    };
    for part in &draft.parts {
        o.part(part, &mut Vec::new());
    }
    o.labels
}

proptest! {
    #![proptest_config(common::proptest_config(1000))]

    #[test]
    fn numbering_agrees_with_an_independent_oracle(draft in common::draft()) {
        let doc = gongwen::numbering::number(&draft);
        let labels: Vec<String> = doc.walk().iter().map(|s| s.label.clone()).collect();
        prop_assert_eq!(labels, oracle(&draft));
    }
}

#[test]
fn the_oracle_numbers_the_reference_draft_as_published() {
    let draft = gongwen::load::load_draft(std::path::Path::new(
        "drafts/chengdong-urbanization-2021/v1",
    ))
    .unwrap();
    let labels = oracle(&draft);
    let items: Vec<&str> = labels
        .iter()
        .filter(|l| l.starts_with('（'))
        .map(String::as_str)
        .collect();
    // （一）…（十二） straight through the six parts, as the published draft.
    assert_eq!(
        items,
        [
            "（一）",
            "（二）",
            "（三）",
            "（四）",
            "（五）",
            "（六）",
            "（七）",
            "（八）",
            "（九）",
            "（十）",
            "（十一）",
            "（十二）"
        ]
    );
    let doc = gongwen::numbering::number(&draft);
    let ours: Vec<String> = doc.walk().iter().map(|s| s.label.clone()).collect();
    assert_eq!(ours, labels);
}
