//! The reference consultation draft, kept as YAML in drafts/, must build into
//! Markdown that reads exactly like the published text: every difference is a
//! GB/T 9704 convention listed here, nothing is waved through.

use crate::common;

use std::path::Path;

use gongwen::render::Format;
use gongwen::text::plain_of_markdown;

const DRAFT: &str = "drafts/chengdong-urbanization-2021/v1";
const REFERENCE: &str = "tests/fixtures/chengdong-2021-consultation-draft.txt";

fn build(format: Format) -> String {
    let renderer = common::renderer();
    let built = gongwen::build_draft(Path::new(DRAFT), &renderer, &[format])
        .unwrap_or_else(|e| panic!("{e:?}"));
    String::from_utf8(built.outputs.into_iter().next().unwrap().1).unwrap()
}

/// Where gongwen's output differs from the published text, on purpose:
/// (line of the reference, published text, gongwen's text).
const CONVENTIONS: &[(usize, &str, &str)] = &[
    // GB/T 9704: the stage label in full-width brackets on its own line.
    (3, "(征求意见稿)", "（征求意见稿）"),
    // GB/T 9704 7.3.3: the second level is （一） with full-width brackets.
    (8, "(一)", "（一）"),
    (9, "(二)", "（二）"),
    (11, "(三)", "（三）"),
    (12, "(四)", "（四）"),
    (14, "(五)", "（五）"),
    (15, "(六)", "（六）"),
    (17, "(七)", "（七）"),
    (18, "(八)", "（八）"),
    (19, "(九)", "（九）"),
    (20, "(十)", "（十）"),
    (22, "(十一)", "（十一）"),
    (23, "(十二)", "（十二）"),
];

#[test]
fn markdown_reads_like_the_published_draft_except_listed_conventions() {
    let md = build(Format::Markdown);
    let got: Vec<String> = plain_of_markdown(&md).lines().map(str::to_string).collect();
    let reference = std::fs::read_to_string(REFERENCE).unwrap();
    let mut want: Vec<String> = reference.lines().map(str::to_string).collect();
    for &(line, published, ours) in CONVENTIONS {
        let text = &mut want[line - 1];
        assert!(
            text.starts_with(published),
            "line {line} of the reference should start with {published}: {text}"
        );
        *text = format!("{ours}{}", &text[published.len()..]);
    }
    assert_eq!(got.len(), want.len(), "line count\n{}", got.join("\n"));
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "line {} differs", i + 1);
    }
}

#[test]
fn every_number_is_derived_and_none_is_typed_in_the_source() {
    for entry in std::fs::read_dir(DRAFT).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text
            .lines()
            .filter(|l| l.trim_start().starts_with("heading:"))
        {
            let heading = line.trim_start().trim_start_matches("heading:").trim();
            let first = heading.chars().next().unwrap();
            assert!(
                !"（(一二三四五六七八九十0123456789".contains(first),
                "a typed number in {line}"
            );
        }
    }
}

#[test]
fn markdown_rendered_by_commonmark_leaves_no_literal_emphasis_marks() {
    let md = build(Format::Markdown);
    let html = {
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, pulldown_cmark::Parser::new(&md));
        out
    };
    let text = plain_of_markdown(&md);
    assert!(
        !text.contains('*') && !text.contains('_'),
        "literal markup in:\n{text}"
    );
    // Each of the twelve run-in headings is emphasised.
    assert_eq!(html.matches("<strong>").count(), 12, "{html}");
    assert!(html.contains("<strong>（一）推进常住人口基本公共服务全覆盖</strong>。持续增加"));
    // The two-line title is one heading with a line break, not two paragraphs.
    assert!(html.contains("<h1>城东区贯彻落实《西宁市2021年新型城镇化<br />\n建设及城乡融合发展工作要点》工作措施</h1>"), "{html}");
}

#[test]
fn markdown_golden() {
    insta::assert_snapshot!("reference_v1_md", build(Format::Markdown));
}

#[test]
fn html_golden() {
    insta::assert_snapshot!("reference_v1_html", build(Format::Html));
}

#[test]
fn html_has_anchors_for_every_part_and_a_toc_linking_them() {
    let html = build(Format::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.contains("<p class=\"stage\">（征求意见稿）</p>"));
    for id in [
        "requirements",
        "citizenization",
        "public-services",
        "rural-services",
        "governance",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "anchor {id}");
        assert!(html.contains(&format!("href=\"#{id}\"")), "toc link {id}");
    }
    // Six headings and twelve run-in headings in the table of contents.
    let toc = &html[html.find("<nav").unwrap()..html.find("</nav>").unwrap()];
    assert_eq!(toc.matches("<li").count(), 18);
    assert!(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
    assert!(!html.contains("<script"), "no script needed to read it");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "works offline"
    );
}
