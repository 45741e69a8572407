//! The comparison: properties on generated drafts, real revisions from the
//! corpus, and the reference draft's second version.

use crate::common::{self, reference};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::edits::{apply_edit, edit, part_at, paths, take};
use gongwen::compare::apply::{apply, outline};
use gongwen::compare::inline::{EditClass, InlineOp};
use gongwen::compare::{ChangeKind, ChangeSet, Place, compare};
use gongwen::model::{Block, Draft, Level, Meta, Part};
use gongwen::numbering::number;
use proptest::prelude::*;

fn diff(a: &Draft, b: &Draft) -> ChangeSet {
    compare(&number(a), &number(b))
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    #[test]
    fn a_draft_compared_with_itself_has_no_changes(draft in common::draft()) {
        let changes = diff(&draft, &draft);
        prop_assert!(changes.is_empty(), "{:#?}", changes.changes);
    }

    #[test]
    fn applying_the_changes_to_the_old_draft_gives_the_new_one(
        old in common::draft(),
        edits in prop::collection::vec(edit(), 1..6),
        new_title in prop::option::of(common::text()),
    ) {
        let mut new = old.clone();
        for e in &edits {
            apply_edit(&mut new, e);
        }
        if let Some(t) = new_title {
            new.meta.title = t;
        }
        let changes = diff(&old, &new);
        let rebuilt = apply(&number(&old), &changes).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rebuilt, outline(&number(&new)));
        // A run of renumbering hides nothing else: each change in it only
        // renumbers (and perhaps its references, with the parts they name),
        // and what it passes over only renumbers references.
        let mut last_end = 0;
        for g in &changes.groups {
            prop_assert!(g.count >= 2 && g.count == g.changes.len() && g.changes[0] >= last_end);
            prop_assert!(g.changes.windows(2).all(|w| w[0] < w[1]));
            last_end = *g.changes.last().unwrap() + 1;
            for j in g.changes[0]..last_end {
                let c = &changes.changes[j];
                if g.changes.contains(&j) {
                    prop_assert!(
                        c.renumbered && !c.moved && (!c.modified || c.reference_only()),
                        "{:#?}", c
                    );
                } else {
                    prop_assert!(c.reference_only() && !c.renumbered, "{:#?}", c);
                }
            }
            let label = |j: usize, old: bool| {
                let c = &changes.changes[j];
                let side = if old { &c.old } else { &c.new };
                side.as_ref().unwrap().label.clone()
            };
            prop_assert_eq!(&g.old_first, &label(g.changes[0], true));
            prop_assert_eq!(&g.new_last, &label(*g.changes.last().unwrap(), false));
        }
    }

    #[test]
    fn a_part_inserted_before_a_run_renumbers_it_as_one_group(
        words in prop::collection::vec("[甲乙丙丁戊己庚辛壬癸]{3,8}", 3..12),
    ) {
        let parts: Vec<Part> = words.iter().enumerate().map(|(i, w)| {
            let mut p = Part::new(Level::Article);
            p.body.push(Block::Para(format!("{w}的内容第{i}段。")));
            p
        }).collect();
        let old = Draft { meta: Meta { title: "标题".into(), ..Meta::default() }, parts, attachments: vec![] };
        let mut new = old.clone();
        new.parts.insert(0, {
            let mut p = Part::new(Level::Article);
            p.body.push(Block::Para("全新的内容。".into()));
            p
        });
        let changes = diff(&old, &new);
        prop_assert_eq!(changes.groups.len(), 1);
        let g = &changes.groups[0];
        prop_assert_eq!((g.changes[0], g.count), (1, words.len()));
        prop_assert_eq!(&g.old_first, "第一条");
        prop_assert_eq!(&g.new_first, "第二条");
    }

    #[test]
    fn inserting_a_part_before_n_others_is_one_insertion_and_n_renumberings(
        words in prop::collection::vec("[甲乙丙丁戊己庚辛壬癸]{3,8}", 2..12),
        at in any::<prop::sample::Index>(),
        children in any::<bool>(),
    ) {
        // Distinct parts, some with sub-parts (whose own numbers do not move).
        let parts: Vec<Part> = words.iter().enumerate().map(|(i, w)| {
            let mut p = Part::new(Level::Outline(1));
            p.heading = Some(format!("第{i}项{w}"));
            p.body.push(Block::Para(format!("{w}的内容第{i}段。")));
            if children {
                let mut c = Part::new(Level::Outline(2));
                c.body.push(Block::Para(format!("{w}的细则{i}。")));
                p.body.push(Block::Part(c));
            }
            p
        }).collect();
        let old = Draft { meta: Meta { title: "标题".into(), ..Meta::default() }, parts, attachments: vec![] };
        let mut new = old.clone();
        let i = at.index(old.parts.len() + 1);
        let mut inserted = Part::new(Level::Outline(1));
        inserted.heading = Some("新增的一项".into());
        inserted.body.push(Block::Para("全新的内容。".into()));
        new.parts.insert(i, inserted);
        let s = diff(&old, &new).summary;
        let n = old.parts.len() - i;
        prop_assert_eq!((s.inserted, s.renumbered, s.modified, s.moved, s.deleted), (1, n, 0, 0, 0));
    }
}

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(name)
}

fn import(name: &str) -> Draft {
    gongwen::import::import_file(&corpus(name), Default::default())
        .unwrap()
        .draft
}

/// The article a change sits in: its own label, or that of the article that
/// holds it.
fn article_of(r: &gongwen::compare::PartRef) -> Option<String> {
    use gongwen::model::Role;
    if r.level == Role::Article {
        return Some(r.label.clone());
    }
    r.ancestors
        .iter()
        .rev()
        .find(|a| a.role == Role::Article)
        .map(|a| a.label.clone())
}

#[test]
fn the_twelfth_criminal_law_amendment_changes_exactly_the_articles_it_names() {
    let old = import("criminal-law-pre-amendment12.md");
    let new = import("criminal-law-post-amendment12.md");
    let changes = diff(&old, &new);
    let mut touched = BTreeSet::new();
    for c in &changes.changes {
        let side = c.new.as_ref().or(c.old.as_ref()).unwrap();
        let place = match c.place {
            Place::Body => {
                article_of(side).unwrap_or_else(|| format!("{:?} {}", c.kind, side.label))
            }
            Place::Preamble => "前言（修改沿革）".to_string(),
            other => format!("{other:?}"),
        };
        assert!(
            matches!(c.kind, ChangeKind::Modified | ChangeKind::Inserted),
            "{c:#?}"
        );
        touched.insert(place);
    }
    // Items 一 to 七 of 刑法修正案（十二）; the header's new line on the revision
    // history; and 第四百五十二条, to which the upstream text appended an editorial
    // footnote (① …施行日期…) in the same commit (line 2469 of the newer file).
    let expected: BTreeSet<String> = [
        "第一百六十五条",
        "第一百六十六条",
        "第一百六十九条",
        "第三百八十七条",
        "第三百九十条",
        "第三百九十一条",
        "第三百九十三条",
        "第四百五十二条",
        "前言（修改沿革）",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    assert_eq!(touched, expected, "{:#?}", changes.summary);
    // And the named articles are named by the amendment text itself.
    let amendment = std::fs::read_to_string(corpus("criminal-law-amendment12-text.md")).unwrap();
    for article in expected
        .iter()
        .filter(|a| a.ends_with('条') && *a != "第四百五十二条")
    {
        assert!(amendment.contains(&format!("刑法{article}")), "{article}");
    }
    let rebuilt = apply(&number(&old), &changes).unwrap();
    assert_eq!(rebuilt, outline(&number(&new)));
}

/// The real revisions in the corpus and what their redlines report, pinned
/// after reading each redline once: modified, inserted, deleted, moved,
/// renumbered, unchanged, punctuation only, whitespace only, references only.
/// A change to the alignment that moves any of these is a change a reviewer would see.
const REAL_REVISIONS: [(&str, &str, [usize; 9]); 5] = [
    (
        "legislation-law-2015.md",
        "legislation-law-2023.md",
        [50, 16, 0, 1, 58, 49, 7, 0, 4],
    ),
    (
        "company-law-2018.md",
        "company-law-2023.md",
        [179, 126, 76, 22, 64, 71, 2, 4, 2],
    ),
    (
        "administrative-reconsideration-law-2017.md",
        "administrative-reconsideration-law-2023.md",
        [48, 138, 27, 12, 3, 2, 2, 2, 0],
    ),
    (
        "criminal-law-pre-amendment12.md",
        "criminal-law-post-amendment12.md",
        [10, 8, 0, 0, 0, 808, 0, 0, 0],
    ),
    (
        "spc-criminal-procedure-interpretation-2012.md",
        "spc-criminal-procedure-interpretation-2021.md",
        [478, 261, 45, 67, 205, 325, 31, 6, 4],
    ),
];

#[test]
fn real_revisions_replay_exactly_and_report_their_counts() {
    for (a, b, expected) in REAL_REVISIONS {
        let (old, new) = (import(a), import(b));
        let changes = diff(&old, &new);
        let s = &changes.summary;
        let counts = [
            s.modified,
            s.inserted,
            s.deleted,
            s.moved,
            s.renumbered,
            s.unchanged,
            s.punctuation_only,
            s.whitespace_only,
            s.reference_only,
        ];
        assert_eq!(counts, expected, "{a} → {b}: {s:?}");
        let rebuilt = apply(&number(&old), &changes).unwrap();
        assert_eq!(rebuilt, outline(&number(&new)), "{a} → {b}");
    }
}

#[test]
fn the_second_reference_draft_reads_as_a_reviewer_expects() {
    let (v1, v2) = (reference("v1"), reference("v2.yaml"));
    let changes = compare(&v1, &v2);
    let by_anchor = |a: &str| {
        changes
            .changes
            .iter()
            .find(|c| c.new.as_ref().is_some_and(|n| n.anchor == a))
            .unwrap_or_else(|| panic!("no change for {a}"))
    };
    // The two typo fixes: one word-level change inside an otherwise unchanged paragraph.
    for (anchor, old, new) in [
        ("requirements", "化", "城镇化"),
        ("governance", "报道", "报到"),
    ] {
        let c = by_anchor(anchor);
        let changed: Vec<&InlineOp> = c.inline.iter().filter(|o| o.class().is_some()).collect();
        assert_eq!(
            changed,
            [&InlineOp::Replace {
                old: old.into(),
                new: new.into(),
                class: EditClass::Text
            }],
            "{anchor}"
        );
    }
    // The new item: one insertion.
    let inserted: Vec<_> = changes
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Inserted && c.place == Place::Body)
        .collect();
    assert_eq!(inserted.len(), 1);
    assert_eq!(inserted[0].new.as_ref().unwrap().label, "（七）");
    // Items numbered anew only because of it: renumbered, not modified.
    for (anchor, old, new) in [
        ("city-level", "（五）", "（六）"),
        ("infrastructure", "（六）", "（八）"),
        ("rural-services", "（十二）", "（十三）"),
    ] {
        let c = by_anchor(anchor);
        assert_eq!(
            (c.kind, c.modified),
            (ChangeKind::Renumbered, false),
            "{anchor}"
        );
        assert_eq!(
            (
                c.old.as_ref().unwrap().label.as_str(),
                c.new.as_ref().unwrap().label.as_str()
            ),
            (old, new)
        );
    }
    // The item that went to another part: moved.
    let c = by_anchor("industry-city");
    assert_eq!(c.kind, ChangeKind::Moved);
    assert_eq!(c.old.as_ref().unwrap().path, ["五、加快建设现代化城市"]);
    assert_eq!(
        c.new.as_ref().unwrap().path,
        ["三、提升城市群和都市群承载能力"]
    );
    assert!(!c.modified);
    // Nothing else in the body.
    let s = &changes.summary;
    assert_eq!(
        (s.inserted, s.deleted, s.moved, s.renumbered),
        (2, 0, 1, 3),
        "{s:?}"
    );
}

#[test]
fn a_part_split_in_two_is_reported_as_split() {
    let article = |t: &str| {
        let mut p = Part::new(Level::Article);
        p.body.push(Block::Para(t.into()));
        p
    };
    let meta = Meta {
        title: "办法".into(),
        numbering: gongwen::model::Numbering {
            style: gongwen::model::Style::Articles,
            continuous: vec![],
        },
        ..Meta::default()
    };
    let old = Draft {
        meta: meta.clone(),
        parts: vec![
            article("为了规范网络广告活动，制定本办法。"),
            article("广告应当真实合法，广告主对广告内容的真实性负责，发布者应当核对广告内容。"),
            article("本办法自公布之日起施行。"),
        ],
        attachments: Vec::new(),
    };
    let new = Draft {
        meta,
        parts: vec![
            article("为了规范网络广告活动，制定本办法。"),
            article("广告应当真实合法，广告主对广告内容的真实性负责。"),
            article("广告发布者应当核对广告内容。"),
            article("本办法自公布之日起施行。"),
        ],
        attachments: Vec::new(),
    };
    let changes = diff(&old, &new);
    let deleted = changes
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Deleted)
        .unwrap();
    let relation = deleted.relation.as_ref().unwrap();
    assert_eq!(
        (relation.kind, relation.labels.as_slice()),
        (
            gongwen::compare::RelationKind::SplitInto,
            &["第二条".to_string(), "第三条".to_string()][..]
        )
    );
    let pieces: Vec<_> = changes
        .changes
        .iter()
        .filter(|c| {
            c.relation
                .as_ref()
                .is_some_and(|r| r.kind == gongwen::compare::RelationKind::SplitFrom)
        })
        .collect();
    assert_eq!(pieces.len(), 2);
}

/// Text long enough that a few characters changed leave it recognisably the
/// same part (very short texts only ever match exactly).
fn long_text() -> common::Texts {
    "[甲乙丙丁戊己庚辛壬癸推进加强完善建立健全工作制度机制0-9]{12,40}".boxed()
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    /// A sound diff could delete and re-insert everything; a minimal one
    /// reports no more changes than were made: k parts edited in place are at
    /// most k changes besides renumbering, and one edit is one modification.
    #[test]
    fn k_edits_in_place_are_at_most_k_changes(
        draft in common::draft_of(long_text()),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 1..5),
    ) {
        let all = paths(&draft.parts);
        prop_assume!(!all.is_empty());
        let mut chosen: Vec<Vec<usize>> = picks.iter().map(|i| i.get(&all).clone()).collect();
        chosen.sort();
        chosen.dedup();
        let mut edited = draft.clone();
        let mut made = 0;
        for (n, path) in chosen.iter().enumerate() {
            let p = part_at(&mut edited.parts, path).unwrap();
            // A few characters into the middle of the part's own text.
            let insert = format!("改{n}");
            match p.body.iter_mut().find_map(|b| match b {
                Block::Para(s) => Some(s),
                _ => None,
            }) {
                Some(s) => {
                    let at = s.char_indices().nth(s.chars().count() / 2).map_or(s.len(), |(i, _)| i);
                    s.insert_str(at, &insert);
                }
                None => match &mut p.heading {
                    Some(h) => h.push_str(&insert),
                    None => continue,
                },
            }
            made += 1;
        }
        prop_assume!(made > 0);
        let changes = diff(&draft, &edited);
        let real: Vec<&gongwen::compare::Change> = changes
            .changes
            .iter()
            .filter(|c| c.kind != ChangeKind::Renumbered)
            .collect();
        prop_assert!(real.len() <= made, "{} edits, {} changes: {:#?}", made, real.len(), real);
        if made == 1 {
            prop_assert_eq!(real.len(), 1);
            prop_assert_eq!(real[0].kind, ChangeKind::Modified);
        }
    }
}

/// A policy text's items: run-in headings and sentences drawn from the small
/// vocabulary such texts share (推进、加强、完善…), from a fixed seed.
fn policy_items(count: usize, seed: u64) -> Vec<(String, String)> {
    const WORDS: [&str; 24] = [
        "推进", "加强", "完善", "建立", "健全", "机制", "制度", "工作", "服务", "管理", "体系",
        "建设", "落实", "责任", "监督", "保障", "提升", "能力", "统筹", "协调", "发展", "创新",
        "基层", "治理",
    ];
    let mut state = seed;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    (0..count)
        .map(|_| {
            let mut words = |k: usize| (0..k).map(|_| WORDS[next(WORDS.len())]).collect::<String>();
            let heading = format!("{}。", words(4));
            let text = format!("{}，{}，{}。", words(5), words(6), words(5));
            (heading, text)
        })
        .collect()
}

fn policy_draft(items: &[(String, String)]) -> Draft {
    let mut top = Part::new(Level::Outline(1));
    top.heading = Some("主要任务".into());
    for (heading, text) in items {
        let mut item = Part::new(Level::Outline(2));
        item.heading = Some(heading.clone());
        item.run_in = true;
        item.body.push(Block::Para(text.clone()));
        top.body.push(Block::Part(item));
    }
    Draft {
        meta: Meta {
            title: "关于推进基层治理的实施意见".into(),
            ..Meta::default()
        },
        parts: vec![top],
        attachments: Vec::new(),
    }
}

#[test]
fn items_sharing_their_vocabulary_each_edited_a_little_are_each_modified() {
    for count in [100, 1000] {
        let items = policy_items(count, count as u64);
        let edited: Vec<(String, String)> = items
            .iter()
            .enumerate()
            .map(|(i, (h, t))| {
                // A few characters changed in the middle of each item's text.
                let chars: Vec<char> = t.chars().collect();
                let at = chars.len() / 2;
                let text: String = chars[..at]
                    .iter()
                    .chain(format!("第{}", i % 7).chars().collect::<Vec<_>>().iter())
                    .chain(chars[at + 2..].iter())
                    .collect();
                (h.clone(), text)
            })
            .collect();
        let changes = diff(&policy_draft(&items), &policy_draft(&edited));
        let s = &changes.summary;
        let related = changes
            .changes
            .iter()
            .filter(|c| c.relation.is_some())
            .count();
        assert_eq!(
            (s.modified, s.inserted, s.deleted, s.moved, related),
            (count, 0, 0, 0, 0),
            "{count} items: {s:?}"
        );
    }
}

/// The paths of a draft's parts of one level, in reading order.
fn paths_of(draft: &mut Draft, level: Level) -> Vec<Vec<usize>> {
    paths(&draft.parts)
        .into_iter()
        .filter(|p| part_at(&mut draft.parts, p).is_some_and(|part| part.level == level))
        .collect()
}

/// Replaces a part's own paragraphs with one new text.
fn rewrite_part(draft: &mut Draft, path: &[usize], text: &str) {
    let part = part_at(&mut draft.parts, path).unwrap();
    let at = part
        .body
        .iter()
        .position(|b| matches!(b, Block::Para(_)))
        .unwrap();
    part.body.retain(|b| !matches!(b, Block::Para(_)));
    part.body
        .insert(at.min(part.body.len()), Block::Para(text.into()));
}

#[test]
fn an_article_and_an_item_rewritten_in_place_are_modified_not_deleted_and_inserted() {
    let old = import("legislation-law-2023.md");
    let mut new = old.clone();
    let articles = paths_of(&mut new, Level::Article);
    // 第九条, rewritten from scratch between unchanged 第八条 and 第十条.
    rewrite_part(
        &mut new,
        &articles[8],
        "县级以上地方各级人民政府应当于每年第一季度向社会公布上一年度的执行情况报告。",
    );
    // The second item of the first article that has three or more, with new
    // figures and new wording between its unchanged neighbours.
    let items = paths_of(&mut new, Level::Item);
    let second = items
        .iter()
        .find(|p| {
            p.last() == Some(&1)
                && items.iter().any(|q| {
                    q.len() == p.len()
                        && q[..p.len() - 1] == p[..p.len() - 1]
                        && q.last() == Some(&2)
                })
        })
        .unwrap()
        .clone();
    rewrite_part(&mut new, &second, "年度预算超过五千万元的重大项目；");
    let changes = diff(&old, &new);
    let body: Vec<&gongwen::compare::Change> = changes
        .changes
        .iter()
        .filter(|c| c.place == Place::Body)
        .collect();
    assert_eq!(body.len(), 2, "{body:#?}");
    for c in &body {
        assert_eq!(
            (c.kind, c.rewritten),
            (ChangeKind::Modified, true),
            "{c:#?}"
        );
        assert_eq!(c.old.as_ref().unwrap().label, c.new.as_ref().unwrap().label);
    }
    assert_eq!(body[0].new.as_ref().unwrap().label, "第九条");
    assert_eq!(body[1].new.as_ref().unwrap().label, "（二）");
    let rebuilt = apply(&number(&old), &changes).unwrap();
    assert_eq!(rebuilt, outline(&number(&new)));
}

/// Rewrites the internal references to articles in a text with `renumber`
/// (old article number → new), as a drafter does after deleting an article.
fn renumber_references(text: &str, renumber: impl Fn(u32) -> u32) -> String {
    use gongwen::compare::references::find;
    use gongwen::numbering::numerals::chinese;
    let mut out = String::new();
    let mut at = 0;
    for r in find(text) {
        let Some(article) = r
            .article
            .filter(|_| r.internal && r.article.is_some_and(|a| a.sub == 0))
        else {
            continue;
        };
        let span = &text[r.start..r.end];
        let cut = span.find('条').unwrap() + '条'.len_utf8();
        out.push_str(&text[at..r.start]);
        out.push_str(&format!(
            "第{}条",
            chinese(u64::from(renumber(article.ordinal)))
        ));
        out.push_str(&span[cut..]);
        at = r.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Every paragraph of a draft, mutable, through a visitor.
fn each_paragraph(parts: &mut [Part], f: &mut impl FnMut(&mut String)) {
    for p in parts {
        for b in &mut p.body {
            match b {
                Block::Para(s) => f(s),
                Block::Part(c) => each_paragraph(std::slice::from_mut(c), f),
                Block::Table(_) => {}
            }
        }
    }
}

/// A draft with its fifth article deleted, and every reference to an
/// article after it renumbered, as a drafter does.
fn without_fifth_article(mut draft: Draft) -> Draft {
    let fifth = paths_of(&mut draft, Level::Article)[4].clone();
    take(&mut draft.parts, &fifth).unwrap();
    each_paragraph(&mut draft.parts, &mut |s| {
        *s = renumber_references(s, |n| if n > 5 { n - 1 } else { n })
    });
    draft
}

#[test]
fn an_early_article_deleted_renumbers_the_rest_as_one_run_and_references_follow() {
    let old = import("legislation-law-2023.md");
    let new = without_fifth_article(old.clone());
    let changes = diff(&old, &new);
    let s = &changes.summary;
    assert_eq!((s.deleted, s.inserted, s.moved), (1, 0, 0), "{s:?}");
    // One run: 第六条 … 第一百二十条 became 第五条 … 第一百一十九条.
    assert_eq!(changes.groups.len(), 1, "{:#?}", changes.groups);
    let g = &changes.groups[0];
    assert_eq!(
        (
            g.count,
            g.old_first.as_str(),
            g.old_last.as_str(),
            g.new_first.as_str(),
            g.new_last.as_str()
        ),
        (115, "第六条", "第一百二十条", "第五条", "第一百一十九条")
    );
    // Every reference that followed its article is a reference edit, kept
    // whole; nothing is a modification.
    fn citing(parts: &[Part]) -> usize {
        parts
            .iter()
            .map(|p| {
                let own = p.body.iter().any(|b| {
                    matches!(b, Block::Para(s) if renumber_references(s, |n| if n > 5 { n - 1 } else { n }) != *s)
                });
                usize::from(own) + citing(&p.children().cloned().collect::<Vec<_>>())
            })
            .sum()
    }
    assert_eq!(s.modified, s.reference_only, "{s:?}");
    assert_eq!(s.reference_only, citing(&old.parts), "{s:?}");
    assert!(s.reference_only >= 5, "{s:?}");
    for c in changes.changes.iter().filter(|c| c.modified) {
        for op in &c.inline {
            if let InlineOp::Replace { old, new, class } = op {
                assert_eq!(*class, EditClass::Reference);
                assert!(
                    old.starts_with('第') && new.starts_with('第'),
                    "{old} → {new}"
                );
                assert!(!old.contains('和') && !old.contains('、'), "{old}");
            }
        }
    }
    // A reference changed to name another article is a real modification.
    let mut elsewhere = new.clone();
    let mut done = false;
    each_paragraph(&mut elsewhere.parts, &mut |s| {
        if !done && s.contains("本法第十条") {
            *s = s.replacen("本法第十条", "本法第三十条", 1);
            done = true;
        }
    });
    assert!(done);
    let changes = diff(&old, &elsewhere);
    let real: Vec<&gongwen::compare::Change> = changes
        .changes
        .iter()
        .filter(|c| c.modified && !c.reference_only())
        .collect();
    assert_eq!(real.len(), 1, "{real:#?}");
    assert_eq!(real[0].class, Some(EditClass::Text));
    assert!(
        real[0].inline.iter().any(|op| matches!(op,
        InlineOp::Replace { old, new, .. } if old == "第十一条" && new == "第三十条")),
        "{:#?}",
        real[0].inline
    );
    let rebuilt = apply(&number(&old), &changes).unwrap();
    assert_eq!(rebuilt, outline(&number(&elsewhere)));
}

#[test]
fn a_run_of_renumbering_is_not_broken_by_articles_whose_commas_changed() {
    // The Legislation Law with its fifth article deleted, and the first
    // comma of three later articles typed half-width: one run, as an office
    // says it (原第六条至第一百二十条依次改为…), and the three listed on
    // their own for their commas.
    let old = import("legislation-law-2023.md");
    let mut new = old.clone();
    let articles = paths_of(&mut new, Level::Article);
    for path in [&articles[29], &articles[59], &articles[89]] {
        let part = part_at(&mut new.parts, path).unwrap();
        let Some(Block::Para(text)) = part
            .body
            .iter_mut()
            .find(|b| matches!(b, Block::Para(t) if t.contains('，')))
        else {
            panic!("{path:?} has no comma");
        };
        *text = text.replacen('，', ",", 1);
    }
    let new = without_fifth_article(new);
    let changes = diff(&old, &new);
    assert_eq!(changes.groups.len(), 1, "{:#?}", changes.groups);
    let g = &changes.groups[0];
    assert_eq!(
        (
            g.count,
            g.old_first.as_str(),
            g.old_last.as_str(),
            g.listed.len()
        ),
        (115, "第六条", "第一百二十条", 3)
    );
    let listed: Vec<(&str, Option<EditClass>)> = g
        .listed
        .iter()
        .map(|&i| {
            let c = &changes.changes[i];
            (c.old.as_ref().unwrap().label.as_str(), c.class)
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("第三十条", Some(EditClass::Punctuation)),
            ("第六十条", Some(EditClass::Punctuation)),
            ("第九十条", Some(EditClass::Punctuation)),
        ]
    );
    // The change list: one line for the run, and each comma an entry of its own.
    let ctx = gongwen::render::redline::RedlineContext::for_formats(
        &[gongwen::render::Format::Markdown],
        &number(&old),
        &number(&new),
        ("old", "new"),
        &changes,
        false,
    );
    let runs: Vec<&str> = ctx
        .entries
        .iter()
        .map(|e| e.headline.plain.as_str())
        .filter(|h| h.contains("依次改为"))
        .collect();
    assert_eq!(
        runs,
        ["原第六条至第一百二十条依次改为第五条至第一百一十九条（重新编号 115 处）"]
    );
    for label in ["第三十条", "第六十条", "第九十条"] {
        assert!(
            ctx.entries
                .iter()
                .any(|e| e.where_old == label && e.kind_zh == "修改"),
            "{label}: {:#?}",
            ctx.entries
                .iter()
                .map(|e| &e.headline.plain)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_outline_drafts_reference_to_an_item_numbered_through_it_follows_the_item() {
    let item = |text: &str| {
        let mut p = Part::new(Level::Outline(2));
        p.body.push(Block::Para(text.into()));
        p
    };
    let top = |heading: &str, items: Vec<Part>| {
        let mut p = Part::new(Level::Outline(1));
        p.heading = Some(heading.into());
        p.body.extend(items.into_iter().map(Block::Part));
        p
    };
    let meta = Meta {
        title: "工作措施".into(),
        numbering: gongwen::model::Numbering {
            style: gongwen::model::Style::Outline,
            continuous: vec![Level::Outline(2)],
        },
        ..Meta::default()
    };
    let draft = |first: Vec<Part>, cite: &str| Draft {
        meta: meta.clone(),
        parts: vec![
            top("总体要求", first),
            top(
                "保障措施",
                vec![
                    item("加强组织领导，明确责任分工，确保各项任务落到实处。"),
                    item(&format!("各部门按照本措施第（{cite}）项的要求抓好落实。")),
                ],
            ),
        ],
        attachments: Vec::new(),
    };
    let old = draft(vec![item("推进城市更新，完善基础设施。")], "三");
    let new = draft(
        vec![
            item("推进城市更新，完善基础设施。"),
            item("新增的一项工作任务内容。"),
        ],
        "四",
    );
    let changes = diff(&old, &new);
    let s = &changes.summary;
    assert_eq!(
        (s.inserted, s.reference_only, s.modified),
        (1, 1, 1),
        "{:#?}",
        changes.changes
    );
    let cite = changes.changes.iter().find(|c| c.reference_only()).unwrap();
    assert!(cite.inline.contains(&InlineOp::Replace {
        old: "第（三）项".into(),
        new: "第（四）项".into(),
        class: EditClass::Reference
    }));
}
