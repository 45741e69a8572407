//! Tables and attachments come through an import with every cell: a
//! Markdown pipe table, an HTML table with merged cells, and a 附件 written
//! out after the body.

use std::path::Path;

use gongwen::import::{ImportOptions, import_str};
use gongwen::model::{Block, Draft, Table};
use gongwen::render::Format;

use crate::common;

use common::tables::in_body as tables;

fn all_tables(draft: &Draft) -> Vec<&Table> {
    let mut out: Vec<&Table> = draft.parts.iter().flat_map(|p| tables(&p.body)).collect();
    for a in &draft.attachments {
        out.extend(tables(&a.body));
    }
    out
}

/// A table's cells as text, merged cells written out in every row.
fn cells(table: &Table) -> Vec<Vec<String>> {
    table
        .grid()
        .unwrap()
        .into_iter()
        .map(|r| r.into_iter().map(gongwen::text::to_plain).collect())
        .collect()
}

#[test]
fn a_pipe_table_in_a_part_keeps_every_cell_in_its_place() {
    let text = "# 实施方案

一、重点任务

各单位按下表推进。

| 序号 | 重点任务 | 牵头单位 |
|:---:|---|---|
| 1 | 推进城市更新 | 区住房和城乡建设局 |
| 2 | 完善**基础设施** \\| 管网 | 区发展改革局 |

以上任务纳入考核。

二、保障措施

加强组织领导。
";
    let imported = import_str(Path::new("plan.md"), text, ImportOptions::default()).unwrap();
    let draft = &imported.draft;
    let body = &draft.parts[0].body;
    assert!(matches!(&body[0], Block::Para(p) if p == "各单位按下表推进。"));
    assert!(matches!(&body[2], Block::Para(p) if p == "以上任务纳入考核。"));
    let Block::Table(table) = &body[1] else {
        panic!("{body:#?}")
    };
    assert_eq!(
        cells(table),
        [
            ["序号", "重点任务", "牵头单位"],
            ["1", "推进城市更新", "区住房和城乡建设局"],
            ["2", "完善基础设施 | 管网", "区发展改革局"],
        ]
    );
    // Inline Markdown in a cell stays Markdown.
    assert_eq!(table.rows[1].cells[1].text, "完善**基础设施** | 管网");
    assert_eq!(draft.parts.len(), 2);
}

#[test]
fn the_vocational_plan_in_markdown_comes_back_with_its_merged_task_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = root.join("drafts/chengdong-vocational-education-2021/v1");
    let original = gongwen::load::load_draft(&path).unwrap();
    // Its Markdown writes the 分工表 as an HTML table (its 牵头单位 cells are
    // merged) in the 附件 after the signature.
    let built = gongwen::build_draft(&path, &common::renderer(), &[Format::Markdown]).unwrap();
    let markdown = String::from_utf8(built.outputs[0].1.clone()).unwrap();
    assert!(markdown.contains("rowspan=\"3\""));
    let imported = import_str(Path::new("v1.md"), &markdown, ImportOptions::default()).unwrap();
    let draft = &imported.draft;
    assert_eq!(draft.meta.attachments, original.meta.attachments);
    assert_eq!(draft.attachments.len(), 1);
    let (before, after) = (all_tables(&original), all_tables(draft));
    assert_eq!(after.len(), 1);
    assert_eq!(cells(after[0]), cells(before[0]));
    // The merges themselves, not only their text.
    assert_eq!(after[0].rows, before[0].rows);
    // Written as YAML and read back, it is the same draft.
    let yaml = gongwen::save::to_string(draft);
    let mut again = gongwen::load::load_draft_bytes(Path::new("v1.yaml"), yaml.as_bytes()).unwrap();
    again.forget_origin();
    let mut draft = draft.clone();
    draft.forget_origin();
    assert_eq!(again, draft);
}

#[test]
fn an_html_table_with_rowspan_and_colspan_keeps_every_cell() {
    let text = "一、任务分工

<table>
<tr><th>任务</th><th colspan=\"2\">责任单位</th></tr>
<tr><td>甲</td><td rowspan=\"2\">区教育局</td><td>区财政局</td></tr>
<tr><td>乙</td><td>区民政局</td></tr>
</table>

二、要求

按期完成。
";
    let imported = import_str(Path::new("t.md"), text, ImportOptions::default()).unwrap();
    let found = all_tables(&imported.draft);
    assert_eq!(found.len(), 1);
    assert_eq!(
        cells(found[0]),
        [
            ["任务", "责任单位", "责任单位"],
            ["甲", "区教育局", "区财政局"],
            ["乙", "区教育局", "区民政局"],
        ]
    );
    assert_eq!(found[0].header.len(), 1);
    assert_eq!(imported.draft.parts.len(), 2);
}

#[test]
fn a_table_before_the_title_is_not_taken_for_it() {
    let text = "| 发文机关 | 文号 |\n|---|---|\n| 城东区 | 东发〔2021〕1号 |\n\n关于加强管理的通知\n\n一、总则\n\n内容。\n";
    let imported = import_str(Path::new("t.md"), text, ImportOptions::default()).unwrap();
    let yaml = gongwen::save::to_string(&imported.draft);
    assert_eq!(imported.draft.meta.title, "关于加强管理的通知", "{yaml}");
    // Kept, as text (a preamble holds no table), and said so.
    assert!(
        !yaml.contains('\u{F8FF}') && yaml.contains("城东区｜东发〔2021〕1号"),
        "{yaml}"
    );
    assert!(
        imported
            .warnings
            .iter()
            .any(|w| w.message.starts_with("a table before the first part"))
    );
}
