//! Tables compared: properties on generated drafts with tables, and the
//! second reference document's two drafts (rows added, one moved, a 牵头单位
//! changed, a column renamed).

use crate::common;

use std::path::Path;

use common::edits::{apply_edit, edit};
use common::tables::{TableEdit, tables_mut};
use gongwen::compare::apply::{apply, outline};
use gongwen::compare::{ChangeKind, ChangeSet, Place, compare};
use gongwen::model::Draft;
use gongwen::numbering::number;
use proptest::prelude::*;

fn diff(a: &Draft, b: &Draft) -> ChangeSet {
    compare(&number(a), &number(b))
}

proptest! {
    #![proptest_config(common::proptest_config(200))]

    #[test]
    fn a_draft_with_tables_compared_with_itself_has_no_changes(draft in common::tables::draft()) {
        let changes = diff(&draft, &draft);
        prop_assert!(changes.is_empty(), "{:#?}", changes.changes);
        prop_assert!(changes.tables.iter().all(|t| t.is_same()));
    }

    #[test]
    fn applying_the_changes_gives_the_new_draft_with_its_tables(
        old in common::tables::draft(),
        part_edits in prop::collection::vec(edit(), 0..3),
        table_edits in prop::collection::vec(common::tables::edit(), 1..5),
    ) {
        let mut new = old.clone();
        for e in &part_edits {
            apply_edit(&mut new, e);
        }
        for e in &table_edits {
            common::tables::apply(&mut new, e);
        }
        let changes = diff(&old, &new);
        let rebuilt = apply(&number(&old), &changes).map_err(TestCaseError::fail)?;
        prop_assert_eq!(rebuilt, outline(&number(&new)));
    }

    #[test]
    fn a_row_edit_is_a_change_to_that_row_and_nothing_else(
        old in common::tables::draft(),
        which in any::<prop::sample::Index>(),
        row in any::<prop::sample::Index>(),
        column in any::<prop::sample::Index>(),
    ) {
        let mut new = old.clone();
        let tables = tables_mut(&mut new).len();
        prop_assume!(tables > 0);
        common::tables::apply(&mut new, &TableEdit::Cell(which, row, column, "（修改）".into()));
        // A 序号 edited is counted again: no edit.
        prop_assume!(outline(&number(&old)).tables != outline(&number(&new)).tables);
        let changes = diff(&old, &new);
        // The paragraphs around the table, and the parts holding it, are untouched.
        let others: Vec<_> = changes.changes.iter().filter(|c| c.place != Place::Table).collect();
        prop_assert!(others.is_empty(), "{:#?}", others);
        let rows: Vec<_> = changes.changes.iter().filter(|c| c.place == Place::Table).collect();
        prop_assert_eq!(rows.len(), 1, "{:#?}", rows);
        let c = rows[0];
        prop_assert!(c.kind == ChangeKind::Modified && !c.moved, "{:#?}", c);
        prop_assert!(c.new.as_ref().unwrap().label.ends_with('行'));
        prop_assert!(gongwen::compare::inline::new_text(&c.inline).contains("（修改）"));
    }
}

fn vocational(version: &str) -> gongwen::numbering::Document {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("drafts/chengdong-vocational-education-2021")
        .join(version);
    number(&gongwen::load::load_draft(&path).unwrap())
}

#[test]
fn the_task_tables_second_draft_reads_as_its_office_changed_it() {
    let (old, new) = (vocational("v1"), vocational("v2.yaml"));
    let changes = compare(&old, &new);
    let table: Vec<(ChangeKind, String, String)> = changes
        .changes
        .iter()
        .filter(|c| c.place == Place::Table)
        .map(|c| {
            let label = |r: &Option<gongwen::compare::PartRef>| {
                r.as_ref().map_or(String::new(), |r| r.label.clone())
            };
            (c.kind, label(&c.old), label(&c.new))
        })
        .collect();
    let expected: Vec<(ChangeKind, String, String)> = [
        // 责任单位 → 配合单位.
        (ChangeKind::Modified, "第4列", "第4列"),
        // 培育产教融合型企业不少于5家 → 8家.
        (ChangeKind::Modified, "第6行", "第6行"),
        // 开展企业新型学徒制培训 …
        (ChangeKind::Inserted, "", "第8行"),
        // 牵头单位 区政府督查室 → 区政府办公室; its 序号 followed the rows.
        (ChangeKind::Modified, "第16行", "第16行"),
        // 宣传 … moved to follow it.
        (ChangeKind::Moved, "第15行", "第17行"),
        (ChangeKind::Inserted, "", "第18行"),
    ]
    .into_iter()
    .map(|(k, a, b)| (k, a.to_string(), b.to_string()))
    .collect();
    assert_eq!(table, expected);
    // The renumbered rows (序号 8–14 became 9–15) are no change, and the
    // rows under a merged 牵头单位 read as the rows they are.
    let row16 = changes
        .changes
        .iter()
        .find(|c| c.new.as_ref().is_some_and(|n| n.label == "第16行"))
        .unwrap();
    let text = gongwen::compare::inline::new_text(&row16.inline);
    assert!(
        text.contains("区政府办公室") && !text.starts_with("16"),
        "{text}"
    );
    // Nothing in the attachment shows as a change to a part of the body.
    let body: Vec<&str> = changes
        .changes
        .iter()
        .filter(|c| c.place == Place::Body)
        .filter_map(|c| c.new.as_ref().map(|n| n.anchor.as_str()))
        .collect();
    assert_eq!(body, ["targets", "teachers"]);
    // The change set replays.
    assert_eq!(apply(&old, &changes).unwrap(), outline(&new));
}

#[test]
fn an_attachments_text_is_compared_and_named_with_it() {
    let load = |tail: &str| {
        let yaml = format!(
            "title: 方案\nparts:\n  - heading: 任务\n    text: 正文。\nattachments:\n  - 项目清单\n  - title: 工作要求\n    text: [说明。]\n    parts:\n      - heading: 加强领导\n        text: 各单位{tail}。\n"
        );
        number(&gongwen::load::load_draft_bytes(Path::new("d.yaml"), yaml.as_bytes()).unwrap())
    };
    let (old, new) = (load("落实"), load("认真落实"));
    let changes = compare(&old, &new);
    assert_eq!(changes.changes.len(), 1, "{:#?}", changes.changes);
    let c = &changes.changes[0];
    assert_eq!((c.kind, c.place), (ChangeKind::Modified, Place::Body));
    let r = c.new.as_ref().unwrap();
    // 一、 of 附件2, not the body's 一、.
    assert_eq!(r.ancestors[0].label, "附件2");
    assert_eq!(r.label, "一、");
    assert_eq!(apply(&old, &changes).unwrap(), outline(&new));
    let view = gongwen::render::RedlineContext::new(&old, &new, ("v1", "v2"), &changes, false);
    assert!(
        view.entries[0].headline.plain.starts_with("附件2一、"),
        "{}",
        view.entries[0].headline.plain
    );
}

#[test]
fn a_table_inserted_before_another_in_its_part_is_new_and_the_other_unchanged() {
    let draft = |tables: &[&str]| {
        let mut yaml =
            String::from("title: 方案\nparts:\n  - heading: 任务\n    text:\n      - 见下表。\n");
        for t in tables {
            yaml.push_str(t);
        }
        gongwen::load::load_draft_bytes(Path::new("d.yaml"), yaml.as_bytes()).unwrap()
    };
    let tasks = "      - table:\n          header: [序号, 任务, 牵头单位]\n          rows:\n            - [1, 推进城市更新, 区住建局]\n            - [2, 完善基础设施, 区发改局]\n";
    let funds = "      - table:\n          header: [项目, 金额]\n          rows:\n            - [道路改造, 1200万元]\n";
    let changes = diff(&draft(&[tasks]), &draft(&[funds, tasks]));
    let table: Vec<_> = changes
        .changes
        .iter()
        .filter(|c| c.place == Place::Table)
        .collect();
    assert_eq!(table.len(), 1, "{table:#?}");
    assert_eq!(table[0].kind, ChangeKind::Inserted);
    assert_eq!(table[0].new.as_ref().unwrap().label, "表格");
}

#[test]
fn without_a_serial_column_a_row_is_known_by_its_first_cell() {
    let yaml = |lead: &str, order: [&str; 3]| {
        let rows: Vec<String> = order
            .iter()
            .map(|task| {
                let unit = if *task == "推进城市更新" {
                    lead
                } else {
                    "区财政局"
                };
                format!("            - [{task}, {unit}, 年底前]\n")
            })
            .collect();
        format!(
            "title: 方案\nparts:\n  - heading: 任务\n    text:\n      - table:\n          header: [任务, 牵头单位, 时限]\n          rows:\n{}",
            rows.concat()
        )
    };
    let load =
        |y: String| gongwen::load::load_draft_bytes(Path::new("d.yaml"), y.as_bytes()).unwrap();
    let old = load(yaml(
        "区发展改革局",
        ["推进城市更新", "完善基础设施", "加强社会治理"],
    ));
    let new = load(yaml(
        "区住房和城乡建设局",
        ["完善基础设施", "加强社会治理", "推进城市更新"],
    ));
    let changes = diff(&old, &new);
    let rows: Vec<_> = changes
        .changes
        .iter()
        .filter(|c| c.place == Place::Table)
        .collect();
    // One row, moved to the end and its 牵头单位 changed; the others stay.
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert!(rows[0].moved && rows[0].modified);
    assert_eq!(rows[0].new.as_ref().unwrap().label, "第3行");
}
