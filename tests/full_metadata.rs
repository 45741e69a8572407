//! A draft with every metadata field and every level of the articles style
//! (`tests/fixtures/full-articles.yaml`): its Markdown and HTML as reviewed
//! snapshots, its numbering as a 公文 numbers it, and the PDF's signature,
//! date and 版记 where GB/T 9704 puts them.

use crate::common;

use std::path::Path;

use gongwen::render::{Format, RenderContext, View};

const FIXTURE: &str = "tests/fixtures/full-articles.yaml";

fn context() -> RenderContext {
    let draft = gongwen::load::load_draft(Path::new(FIXTURE)).unwrap();
    RenderContext::new(&gongwen::numbering::number(&draft))
}

fn render(format: Format) -> Vec<u8> {
    common::renderer()
        .render(format, View::Draft(&context()))
        .unwrap()
        .bytes
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!(
        "full_articles_md",
        String::from_utf8(render(Format::Markdown)).unwrap()
    );
}

#[test]
fn html_golden() {
    insta::assert_snapshot!(
        "full_articles_html",
        String::from_utf8(render(Format::Html)).unwrap()
    );
}

#[test]
fn every_level_is_numbered_as_a_gongwen_numbers_it() {
    let labels: Vec<String> = context()
        .blocks
        .iter()
        .filter(|b| !b.label.is_empty())
        .map(|b| b.label.clone())
        .collect();
    assert_eq!(
        labels,
        [
            "第一章",
            "第一条",
            "第二条",
            "（一）",
            "（二）",
            "1.",
            "2.",
            "第二条之一",
            "第二章",
            "第一节",
            "第三条",
            "（三）",
            "（四）",
            "第二节",
            "第四条",
            "第五条",
        ],
        "items (项) run on through the text as `continuous: [项]` says, across articles and paragraphs"
    );
}

#[test]
fn every_metadata_field_is_in_every_text_format() {
    let md = String::from_utf8(render(Format::Markdown)).unwrap();
    let html = String::from_utf8(render(Format::Html)).unwrap();
    for shown in [
        "某某市公共数据开放管理办法",
        "（送审稿）",
        "某府办〔2024〕7号",
        "各区人民政府，市政府各部门：",
        "为规范公共数据开放工作",
        "特此通知。",
        "附件：",
        "公共数据开放申请表",
        "某某市人民政府办公厅",
        "2024年3月8日",
        "抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。",
        "2024年3月9日印发",
    ] {
        assert!(md.contains(shown), "Markdown lacks {shown}");
        assert!(html.contains(shown), "HTML lacks {shown}");
    }
}

/// The lines of the fixture's PDF.
fn pdf_lines() -> Vec<common::Line> {
    let Some(_) = common::tool("pdftotext") else {
        return Vec::new();
    };
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("full.pdf");
    std::fs::write(&pdf, render(Format::Pdf)).unwrap();
    common::pdf_layout(&pdf).lines
}

fn find<'a>(lines: &'a [common::Line], text: &str) -> &'a common::Line {
    lines
        .iter()
        .find(|l| l.text.replace(' ', "") == text)
        .unwrap_or_else(|| panic!("no line {text} in {lines:#?}"))
}

/// GB/T 9704's text block: 28 mm from the left, 156 mm wide; one character
/// of 3号 is 16 pt (5.64 mm), a line 10.23 mm.
const LEFT: f64 = 28.0;
const RIGHT: f64 = 28.0 + 156.0;
const CHAR: f64 = 16.0 * 25.4 / 72.0;

#[test]
fn the_signature_sits_two_characters_in_from_the_right_with_the_date_below() {
    let lines = pdf_lines();
    if lines.is_empty() {
        return;
    }
    let organ = find(&lines, "某某市人民政府办公厅");
    let date = find(&lines, "2024年3月8日");
    // 7.3.5, unsealed: the organ two characters in from the right; the date on
    // the next line, beginning two characters right of the organ.
    assert!((RIGHT - organ.x1 - 2.0 * CHAR).abs() < 1.0, "{organ:?}");
    assert!(
        (date.x0 - organ.x0 - 2.0 * CHAR).abs() < 1.0,
        "{organ:?} {date:?}"
    );
    assert_eq!(date.page, organ.page);
    assert!(
        ((date.y0 - organ.y0) - 225.0 / 22.0).abs() < 0.5,
        "{organ:?} {date:?}"
    );
}

#[test]
fn the_imprint_is_at_the_foot_of_the_last_page_one_character_in_in_4hao() {
    let lines = pdf_lines();
    if lines.is_empty() {
        return;
    }
    let last_page = lines.iter().map(|l| l.page).max().unwrap();
    let cc = find(
        &lines,
        "抄送：市委办公厅，市人大常委会办公厅，市政协办公厅。",
    );
    let printer = lines
        .iter()
        .find(|l| l.text == "某某市人民政府办公厅" && l.y0 > cc.y0)
        .unwrap_or_else(|| panic!("no 印发机关 below 抄送 in {lines:#?}"));
    let printed = find(&lines, "2024年3月9日印发");
    let small = 14.0 * 25.4 / 72.0;
    for line in [cc, printer, printed] {
        assert_eq!(line.page, last_page, "{line:?}");
        // 4号 (14 pt): the line box is 14 pt high, not the body's 16.
        assert!((line.y1 - line.y0 - small).abs() < 0.5, "{line:?}");
    }
    // One character (of 14 pt) in from the left and from the right; the 印发
    // organ and date on one line, at the foot of the text block.
    for line in [cc, printer] {
        assert!((line.x0 - LEFT - small).abs() < 1.0, "{line:?}");
    }
    assert!((RIGHT - printed.x1 - small).abs() < 1.0, "{printed:?}");
    assert!(
        (printed.y0 - printer.y0).abs() < 0.5,
        "{printer:?} {printed:?}"
    );
    assert!(
        printer.y1 > 37.0 + 225.0 - 2.0 * 225.0 / 22.0,
        "{printer:?}"
    );
    assert!(printer.y1 <= 37.0 + 225.0 + 0.5, "{printer:?}");
    assert!(cc.y0 < printer.y0, "抄送 above 印发");
}
