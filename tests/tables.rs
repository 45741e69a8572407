//! Tables and attachments written out in full: how a draft writes them, the
//! errors a broken one gets (file, line, column, and what to do), and that
//! the YAML writer gives back what it read.

use std::path::Path;

use gongwen::diagnostic::Diagnostic;
use gongwen::load::load_draft_bytes;
use gongwen::model::{Block, Cell, Draft, Table};

fn load(yaml: &str) -> Draft {
    load_draft_bytes(Path::new("draft.yaml"), yaml.as_bytes()).unwrap_or_else(|d| {
        panic!(
            "{}",
            d.0.iter()
                .map(Diagnostic::render)
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

fn errors(yaml: &str) -> Vec<Diagnostic> {
    load_draft_bytes(Path::new("draft.yaml"), yaml.as_bytes())
        .expect_err("the draft should be refused")
        .0
}

/// The one error a draft gets, checked to be at `line`:`column` and to say
/// what to do.
fn error_at(yaml: &str, line: u32, column: u32) -> Diagnostic {
    let all = errors(yaml);
    assert_eq!(all.len(), 1, "expected one error, got {all:#?}");
    let d = all.into_iter().next().unwrap();
    assert_eq!((d.line, d.column), (line, column), "{}", d.render());
    assert!(d.render().contains("help: "), "{}", d.render());
    d
}

fn table_in(draft: &Draft) -> &Table {
    let tables: Vec<&Table> = draft
        .parts
        .iter()
        .flat_map(|p| &p.body)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    assert_eq!(tables.len(), 1);
    tables[0]
}

const TASKS: &str = "title: 实施方案
parts:
  - heading: 重点任务
    text:
      - 任务分工如下。
      - table:
          caption: 重点任务分工表
          widths: [1, 6, 3]
          header: [序号, 重点任务, 牵头单位]
          rows:
            - [1, 推进甲, {text: 区发展改革局, rows: 2}]
            - [2, 推进乙]
            - [3, 推进丙, 区财政局]
      - 各单位按分工落实。
";

#[test]
fn a_table_stands_between_paragraphs_with_its_merged_cells() {
    let draft = load(TASKS);
    let part = &draft.parts[0];
    assert!(matches!(part.body[0], Block::Para(_)));
    assert!(matches!(part.body[2], Block::Para(_)));
    let table = table_in(&draft);
    assert_eq!(table.caption.as_deref(), Some("重点任务分工表"));
    assert_eq!(table.widths, [1, 6, 3]);
    assert_eq!(table.header[0].cells.len(), 3);
    assert_eq!(
        table.rows[0].cells[2],
        Cell {
            text: "区发展改革局".into(),
            rows: 2,
            cols: 1
        }
    );
    // The row under the merged cell is written without it.
    assert_eq!(table.rows[1].cells.len(), 2);
    let grid = table.grid().unwrap();
    assert_eq!(grid[2], ["2", "推进乙", "区发展改革局"]);
    // A table is placed where its mapping starts.
    assert_eq!(table.origin.line, 7);
}

#[test]
fn chinese_keys_write_the_same_table_and_attachment() {
    let zh = "标题: 实施方案
正文:
  - 标题: 重点任务
    内容:
      - 任务分工如下。
      - 表格:
          表题: 重点任务分工表
          列宽: [1, 6, 3]
          表头: [序号, 重点任务, 牵头单位]
          表行:
            - [1, 推进甲, {内容: 区发展改革局, 跨行: 2}]
            - [2, 推进乙]
            - [3, 推进丙, 区财政局]
      - 各单位按分工落实。
附件:
  - 标题: 分工表
    内容:
      - 见上。
";
    let en = format!("{TASKS}attachments:\n  - title: 分工表\n    text:\n      - 见上。\n");
    let mut a = load(zh);
    let mut b = load(&en);
    a.forget_origin();
    b.forget_origin();
    assert_eq!(a, b);
    assert_eq!(a.meta.attachments, ["分工表"]);
    assert_eq!(a.attachments[0].index, 0);
}

#[test]
fn attachments_mix_names_and_documents_and_number_on_their_own() {
    let draft = load(
        "title: 通知
parts:
  - heading: 总体要求
    text: 正文。
attachments:
  - 项目清单
  - title: 重点任务分工表
    parts:
      - heading: 第一项
        text: 甲。
      - heading: 第二项
        text: 乙。
",
    );
    assert_eq!(draft.meta.attachments, ["项目清单", "重点任务分工表"]);
    assert_eq!(draft.attachments.len(), 1);
    assert_eq!(draft.attachments[0].index, 1);
    let doc = gongwen::numbering::number(&draft);
    let a = &doc.attachments[0];
    assert_eq!(a.label, "附件2");
    assert_eq!(a.title, "重点任务分工表");
    let labels: Vec<&str> = a
        .body
        .iter()
        .filter_map(|c| match c {
            gongwen::numbering::Content::Section(s) => Some(s.label.as_str()),
            _ => None,
        })
        .collect();
    // The attachment counts from 一、 again: the body's 一、 is its own.
    assert_eq!(labels, ["一、", "二、"]);
    assert_eq!(doc.sections[0].label, "一、");
}

#[test]
fn a_single_attachment_is_labelled_without_a_number() {
    let draft = load("title: 通知\nattachments:\n  - title: 分工表\n    text: [甲。]\n");
    let doc = gongwen::numbering::number(&draft);
    assert_eq!(doc.attachments[0].label, "附件");
}

#[test]
fn a_short_row_is_named_with_its_width_and_place() {
    let yaml = TASKS.replace("[3, 推进丙, 区财政局]", "[3, 推进丙]");
    let d = error_at(&yaml, 13, 15);
    assert_eq!(
        d.message,
        "row 3 of the table is 2 columns wide, but the first row is 3"
    );
}

#[test]
fn a_span_past_the_last_row_points_at_the_cell() {
    let yaml = TASKS.replace(
        "[3, 推进丙, 区财政局]",
        "[3, 推进丙, {text: 区财政局, rows: 2}]",
    );
    let d = error_at(&yaml, 13, 24);
    assert_eq!(
        d.message,
        "this cell of row 3 spans past the table's last row"
    );
}

#[test]
fn a_header_cell_may_not_span_into_the_body() {
    let yaml = TASKS.replace(
        "header: [序号, 重点任务, 牵头单位]",
        "header: [{text: 序号, rows: 2}, 重点任务, 牵头单位]",
    );
    let d = error_at(&yaml, 9, 20);
    assert_eq!(
        d.message,
        "this cell of header row 1 spans into the table's body"
    );
}

#[test]
fn widths_must_name_every_column() {
    let yaml = TASKS.replace("widths: [1, 6, 3]", "widths: [1, 6]");
    let d = error_at(&yaml, 8, 19);
    assert_eq!(d.message, "`widths` gives 2 columns, but the table has 3");
}

#[test]
fn an_empty_table_and_a_table_without_rows_are_refused() {
    let d = error_at(
        "title: t\nparts:\n  - heading: h\n    text:\n      - table:\n          rows: []\n",
        6,
        17,
    );
    assert_eq!(d.message, "the table has no cells");
    let d = error_at(
        "title: t\nparts:\n  - heading: h\n    text:\n      - table:\n          header: [a, b]\n",
        6,
        11,
    );
    assert_eq!(d.message, "the table has no `rows`");
}

#[test]
fn a_span_must_be_a_whole_number() {
    let yaml = TASKS.replace("rows: 2}", "rows: 两}");
    let d = error_at(&yaml, 11, 45);
    assert!(
        d.message
            .starts_with("`rows` must be a whole number from 1"),
        "{}",
        d.message
    );
}

#[test]
fn a_colspan_running_into_a_rowspan_is_named() {
    let yaml = TASKS.replace("[2, 推进乙]", "[2, {text: 推进乙, cols: 2}]");
    let d = error_at(&yaml, 12, 19);
    assert_eq!(
        d.message,
        "this cell of row 2 spans columns into a cell that spans rows from above"
    );
}

#[test]
fn a_number_in_a_cell_is_its_text_as_written() {
    let draft = load(
        "title: t\nparts:\n  - heading: h\n    text:\n      - table:\n          rows:\n            - [1, 项目A, 120.50, 007, true, 0x10]\n            - \n              - 2\n              - 1.5e3  # 亿元\n              - ~\n              - ''\n              - no\n              - 3\n",
    );
    let grid = table_in(&draft).grid().unwrap();
    assert_eq!(grid[0], ["1", "项目A", "120.50", "007", "true", "0x10"]);
    assert_eq!(grid[1], ["2", "1.5e3", "", "", "no", "3"]);
}

#[test]
fn a_file_of_chinese_keys_is_told_its_own_key_names() {
    let d = error_at(
        "标题: t\n正文:\n  - 标题: h\n    内容:\n      - 表格:\n          表行:\n            - [a, {内容: b, 跨行: 0}]\n",
        7,
        31,
    );
    assert_eq!(
        d.message,
        "`跨行` must be a whole number from 1 to 10000, not 0"
    );
    let d = error_at(
        "标题: t\n正文:\n  - 标题: h\n    内容:\n      - 表格:\n          表行:\n            - [a, b]\n            - [c]\n",
        8,
        15,
    );
    assert!(
        d.help.as_deref().unwrap().contains("`跨行:` and `跨列:`"),
        "{:?}",
        d.help
    );
}

#[test]
fn an_attachment_needs_a_title_and_a_body() {
    let d = error_at("title: t\nattachments:\n  - text: [甲。]\n", 3, 5);
    assert_eq!(d.message, "the attachment has no title");
    let d = error_at("title: t\nattachments:\n  - title: 分工表\n", 3, 5);
    assert_eq!(d.message, "the attachment has no text");
    let d = error_at(
        "title: t\nattachments:\n  - title: 分工表\n    texts: [a]\n",
        4,
        5,
    );
    assert_eq!(d.message, "unknown key `texts` in an attachment");
}

#[test]
fn the_yaml_writer_gives_back_tables_and_attachments() {
    let yaml = format!(
        "{TASKS}attachments:\n  - 项目清单\n  - title: 分工表\n    style: articles\n    parts:\n      - 第一条内容。\n    text:\n      - table:\n          rows: [[a, {{text: b, cols: 2}}], [c, d, '']]\n"
    );
    let mut draft = load(&yaml);
    for form in [
        gongwen::save::KeyForm::English,
        gongwen::save::KeyForm::Chinese,
    ] {
        let written = gongwen::save::to_string_in(&draft, form);
        let mut back = load(&written);
        back.forget_origin();
        draft.forget_origin();
        assert_eq!(back, draft, "{written}");
    }
}
