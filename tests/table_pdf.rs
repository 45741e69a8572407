//! Tables in the PDF, read back with poppler: no cell's text is lost, a table
//! that runs onto another page repeats its header there, and the body text
//! after a table is back on the 22-line grid. Needs `poppler-utils`.

use crate::common;

use std::path::Path;

use gongwen::model::{Draft, Table};
use gongwen::render::Format;

const VOCATIONAL: &str = "drafts/chengdong-vocational-education-2021/v1";

fn pdf_of(path: &Path) -> (tempfile::TempDir, std::path::PathBuf) {
    let built = gongwen::build_draft(path, &common::renderer(), &[Format::Pdf])
        .unwrap_or_else(|e| panic!("{e:?}"));
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("out.pdf");
    std::fs::write(&pdf, &built.outputs[0].1).unwrap();
    (dir, pdf)
}

/// The text of each page in the order it is drawn (`pdftotext -raw`), with
/// every space and line break taken out.
fn pages(pdf: &Path) -> Vec<String> {
    let program = common::tool("pdftotext").unwrap_or_else(|| panic!("pdftotext is not installed"));
    let all = common::run(&program, &["-raw", pdf.to_str().unwrap(), "-"]);
    all.split('\u{c}')
        .map(|p| p.chars().filter(|c| !c.is_whitespace()).collect())
        .filter(|p: &String| !p.is_empty())
        .collect()
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

use common::tables::in_body as tables;

fn attachment_table(draft: &Draft) -> &Table {
    tables(&draft.attachments[0].body)[0]
}

#[test]
fn the_task_table_keeps_every_cell_and_repeats_its_header_on_each_page() {
    if common::tool("pdftotext").is_none() {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(VOCATIONAL);
    let draft = gongwen::load::load_draft(&path).unwrap();
    let table = attachment_table(&draft);
    assert!(table.rows.len() >= 15);
    let (_dir, pdf) = pdf_of(&path);
    let pages = pages(&pdf);
    let text: String = pages.concat();
    // Every cell, in one piece and in its row's order: a cell's lines are
    // drawn one after another.
    for cell in table.texts() {
        assert!(
            text.contains(&no_space(cell)),
            "the PDF lost the cell {cell}"
        );
    }
    let header: String = table.header[0]
        .cells
        .iter()
        .map(|c| no_space(&c.text))
        .collect();
    // The pages the table's rows are on, each starting (after its page
    // number) with the header. A row's cells are drawn one after another,
    // but for a merged cell, which is drawn after the rows it spans.
    let row_text = |r: &gongwen::model::Row| -> String {
        r.cells
            .iter()
            .filter(|c| c.rows == 1)
            .map(|c| no_space(&c.text))
            .collect()
    };
    let on: Vec<usize> = (0..pages.len())
        .filter(|&i| table.rows.iter().any(|r| pages[i].contains(&row_text(r))))
        .collect();
    assert!(on.len() >= 2, "the table fits one page: {on:?}");
    for i in on {
        let body = pages[i].trim_start_matches(|c: char| c == '—' || c.is_ascii_digit());
        let after_title = body.find(&header);
        assert!(
            after_title.is_some(),
            "page {} of the table has no header: {}",
            i + 1,
            &pages[i]
        );
        if i > 0 && !pages[i].contains("附件") {
            assert!(body.starts_with(&header), "page {}: {body}", i + 1);
        }
    }
}

#[test]
fn lines_after_a_table_that_runs_onto_another_page_are_back_on_the_grid() {
    if common::tool("pdftotext").is_none() {
        return;
    }
    let mut yaml = String::from(
        "title: 表格测试\nparts:\n  - heading: 工作任务\n    text:\n      - 表前的段落。\n      - table:\n          header: [序号, 任务, 牵头单位]\n          rows:\n",
    );
    for i in 1..=30 {
        yaml.push_str(&format!(
            "            - [{i}, 第{i}项任务：推进城乡基础设施一体化建设，完善公共服务配套设施, 区发展改革局]\n"
        ));
    }
    for i in 1..=6 {
        yaml.push_str(&format!(
            "      - 表后第{i}段：各牵头单位要按照分工要求，细化工作措施，明确时间节点，确保各项任务按期完成。\n"
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.yaml");
    std::fs::write(&path, yaml).unwrap();
    let (_out, pdf) = pdf_of(&path);
    let layout = common::pdf_layout(&pdf);
    let pitch = 225.0 / 22.0;
    let after: Vec<&common::Line> = layout
        .lines
        .iter()
        .filter(|l| l.y0 < 37.0 + 225.0)
        .skip_while(|l| !l.text.starts_with("表后第1段"))
        .collect();
    assert!(after.len() >= 6, "{after:?}");
    for l in &after {
        let k = (l.y0 - 37.0) / pitch;
        assert!(
            (k - k.round()).abs() * pitch < 0.1,
            "off the grid at {:.2} mm on page {}: {}",
            l.y0,
            l.page,
            l.text
        );
    }
    // The table ran onto a second page and its header came with it.
    let pages = pages(&pdf);
    let with_rows: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("项任务：推进"))
        .collect();
    assert!(with_rows.len() >= 2);
    for p in with_rows {
        assert!(p.contains("序号任务牵头单位"), "{p}");
    }
    // The last row is on a later page than the first.
    let first = layout
        .lines
        .iter()
        .find(|l| l.text.contains("第1项任务"))
        .unwrap();
    let last = layout
        .lines
        .iter()
        .find(|l| l.text.contains("第30项任务"))
        .unwrap();
    assert!(last.page > first.page);
}
