//! Broken drafts get errors that name file, line and column and say how to fix
//! them; no input, however broken, panics.

use std::path::{Path, PathBuf};

use crate::common;
use gongwen::diagnostic::Diagnostic;
use gongwen::load::{load_draft, load_draft_bytes};

use proptest::prelude::*;

/// The one error a draft given as text produces.
fn error(yaml: &str) -> Diagnostic {
    one(load_draft_bytes(Path::new("draft.yaml"), yaml.as_bytes()))
}

fn one(result: Result<gongwen::model::Draft, gongwen::diagnostic::Diagnostics>) -> Diagnostic {
    let diags = result.expect_err("the draft should be refused").0;
    assert_eq!(diags.len(), 1, "expected one error, got {diags:#?}");
    diags.into_iter().next().unwrap()
}

fn at(d: &Diagnostic, line: u32, column: u32) {
    assert_eq!((d.line, d.column), (line, column), "{}", d.render());
    // Every message names a file: the draft's, or the included file's.
    assert!(
        d.file.extension().is_some_and(|e| e == "yaml"),
        "{}",
        d.render()
    );
    // The drawn message shows the place, the line of source and the advice.
    let drawn = d.render();
    assert!(
        drawn.contains(&format!("{}:{line}:{column}: ", d.file.display())),
        "{drawn}"
    );
    assert!(drawn.contains("help: "), "{drawn}");
}

#[test]
fn unknown_key_suggests_the_nearest_valid_key() {
    let d = error("titel: 标题\n");
    at(&d, 1, 1);
    assert_eq!(d.message, "unknown key `titel` in a draft");
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `title`?")
    );
}

#[test]
fn unknown_key_in_a_part_suggests_the_part_key() {
    let d = error("title: 标题\nparts:\n  - headng: 总体要求\n    text: 正文\n");
    at(&d, 3, 5);
    assert_eq!(d.message, "unknown key `headng` in a part");
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `heading`?")
    );
}

#[test]
fn a_chinese_key_in_the_wrong_place_is_pointed_to_the_key_meant() {
    // 正文 is a draft's parts; in a part they are 条目 (or `parts`).
    let d = error("title: 标题\nparts:\n  - heading: 总体要求\n    正文: 内容\n");
    at(&d, 4, 5);
    assert!(
        d.help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `parts`?"),
        "{:?}",
        d.help
    );
}

#[test]
fn wrong_type_names_what_was_expected_and_found() {
    let d = error("title: 标题\nparts: 5\n");
    at(&d, 2, 8);
    assert_eq!(d.message, "`parts` must be a list, but here it is a number");
}

#[test]
fn a_number_where_text_is_expected_is_refused_not_reformatted() {
    let d = error("title: 标题\nnumber: 1.50\n");
    at(&d, 2, 9);
    assert_eq!(d.message, "`number` must be text, but here it is a number");
}

#[test]
fn missing_title() {
    let d = error("stage: 征求意见稿\nparts:\n  - text: 正文\n");
    at(&d, 1, 1);
    assert_eq!(d.message, "the draft has no title");
}

#[test]
fn empty_part() {
    let d = error("title: 标题\nparts:\n  - heading: 一\n    text: 正文\n  -\n");
    at(&d, 5, 4);
    assert_eq!(d.message, "empty part");
}

#[test]
fn a_part_with_only_an_id_is_empty() {
    let d = error("title: 标题\nparts:\n  - id: a\n");
    at(&d, 3, 5);
    assert_eq!(d.message, "empty part");
}

#[test]
fn duplicate_id_points_at_the_second_and_names_the_first() {
    let d = error("title: 标题\nparts:\n  - id: a\n    text: 一\n  - id: a\n    text: 二\n");
    at(&d, 5, 9);
    assert_eq!(d.message, "duplicate id `a`");
    assert!(d.help.as_deref().unwrap().contains("draft.yaml:3:9"), "{d}");
}

#[test]
fn invalid_numbering_style() {
    let d = error("title: 标题\nstyle: chapters\n");
    at(&d, 2, 8);
    assert_eq!(d.message, "unknown numbering style `chapters`");
    assert!(d.help.as_deref().unwrap().contains("style: articles"));
}

#[test]
fn tab_indentation() {
    let d = error("title: 标题\nparts:\n\t- text: 正文\n");
    at(&d, 3, 1);
    assert_eq!(d.message, "a tab is used for indentation");
}

#[test]
fn yaml_syntax_error() {
    let d = error("title: 标题\nparts:\n  - text: [未闭合\n");
    assert!(d.line >= 3, "{}", d.render());
    assert!(d.column >= 1, "{}", d.render());
    assert!(
        d.message.starts_with("YAML syntax error: "),
        "{}",
        d.message
    );
    assert!(d.render().contains("help: check the indentation"));
}

#[test]
fn a_file_that_is_not_utf8_names_the_byte_and_how_to_convert() {
    // "标题" in GBK.
    let mut bytes = b"title: ".to_vec();
    bytes.extend([0xB1, 0xEA, 0xCC, 0xE2, b'\n']);
    let d = one(load_draft_bytes(Path::new("gbk.yaml"), &bytes));
    at(&d, 1, 8);
    assert!(
        d.message.contains("not UTF-8") && d.message.contains("0xB1"),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap().contains("iconv -f GB18030"));
}

#[test]
fn an_include_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.yaml");
    std::fs::write(
        &draft,
        "title: 标题\nparts:\n  - include: 01-missing.yaml\n",
    )
    .unwrap();
    let d = one(load_draft(dir.path()));
    assert_eq!(d.file, draft);
    at(&d, 3, 5);
    assert_eq!(
        d.message,
        "the included file `01-missing.yaml` does not exist"
    );
}

#[test]
fn an_error_inside_an_included_file_names_that_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("draft.yaml"),
        "title: 标题\nparts:\n  - include: p.yaml\n",
    )
    .unwrap();
    let part: PathBuf = dir.path().join("p.yaml");
    std::fs::write(&part, "heading: 总体要求\ntexts: 正文\n").unwrap();
    let d = one(load_draft(dir.path()));
    assert_eq!(d.file, part);
    at(&d, 2, 1);
    assert_eq!(d.message, "unknown key `texts` in a part");
}

#[test]
fn an_impossible_date() {
    let d = error("title: 标题\ndate: 2021-02-30\n");
    at(&d, 2, 7);
    assert_eq!(d.message, "`date` is not a valid date: `2021-02-30`");
}

#[test]
fn a_fifth_outline_level() {
    let yaml = "title: 标题\nparts:\n  - heading: 一\n    parts:\n      - heading: 二\n        parts:\n          - heading: 三\n            parts:\n              - heading: 四\n                parts:\n                  - 五\n";
    let d = error(yaml);
    at(&d, 11, 21);
    assert!(d.message.contains("four levels"), "{}", d.message);
}

#[test]
fn an_unknown_continuous_level() {
    let d = error("title: 标题\nstyle: articles\ncontinuous: [章, 段]\n");
    at(&d, 3, 17);
    assert_eq!(d.message, "`段` is not a level of the articles style");
}

#[test]
fn an_empty_paragraph() {
    let d = error("title: 标题\nparts:\n  - text:\n      - 第一段\n      - \"\"\n");
    at(&d, 5, 9);
    assert_eq!(d.message, "`text` is empty");
}

#[test]
fn an_article_cannot_have_a_heading_below_a_section() {
    let yaml = "title: 办法\nstyle: articles\nparts:\n  - heading: 总则\n    parts:\n      - heading: 一般规定\n        parts:\n          - heading: 目的\n            text: 为了……\n";
    let d = error(yaml);
    at(&d, 8, 13);
    assert!(d.message.contains("below 节"), "{}", d.message);
}

#[test]
fn a_chapter_without_articles() {
    let d = error("title: 办法\nstyle: articles\nparts:\n  - heading: 总则\n    parts: []\n");
    at(&d, 4, 5);
    assert_eq!(d.message, "the 章 `总则` has no articles");
}

#[test]
fn every_problem_is_reported_at_once() {
    let diags = load_draft_bytes(
        Path::new("d.yaml"),
        "titel: 标题\nstyle: x\nparts:\n  - id: a\n    text: 一\n  - id: a\n    text: 二\n"
            .as_bytes(),
    )
    .unwrap_err()
    .0;
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown key `titel` in a draft",
            "unknown numbering style `x`",
            "duplicate id `a`"
        ]
    );
}

const REFERENCE_DRAFT: &str =
    include_str!("../drafts/chengdong-urbanization-2021/v1/02-citizenization.yaml");

/// A valid draft with the reference's part inlined, to mutate.
fn valid_draft() -> String {
    let mut s = String::from("title: 标题\nstage: 征求意见稿\ncontinuous: [2]\nparts:\n  -\n");
    for line in REFERENCE_DRAFT.lines() {
        s.push_str("    ");
        s.push_str(line);
        s.push('\n');
    }
    s
}

/// Loading, numbering and building the render context must never panic.
fn exercise(bytes: &[u8]) {
    match load_draft_bytes(Path::new("fuzz.yaml"), bytes) {
        Ok(draft) => {
            let doc = gongwen::numbering::number(&draft);
            let _ = gongwen::render::RenderContext::new(&doc);
        }
        Err(diags) => {
            for d in diags.0 {
                let _ = d.render();
            }
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config(10_000))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        exercise(&bytes);
    }

    #[test]
    fn mutated_valid_drafts_never_panic(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 0u8..6, any::<char>()), 1..6)
    ) {
        let mut text: Vec<char> = valid_draft().chars().collect();
        for (index, op, c) in edits {
            if text.is_empty() { break; }
            let i = index.index(text.len());
            match op {
                0 => { text.remove(i); }
                1 => text.insert(i, c),
                2 => text[i] = c,
                3 => text.insert(i, [':', '-', '\t', '\n', ' ', '"', '[', '{', '&', '*', '!', '|', '>'][c as usize % 13]),
                4 => {
                    // Duplicate a line (duplicate ids, duplicate keys).
                    let s: String = text.iter().collect();
                    let lines: Vec<&str> = s.lines().collect();
                    let l = i % lines.len().max(1);
                    let mut out = lines.clone();
                    if let Some(line) = lines.get(l) { out.insert(l, line); }
                    text = (out.join("\n") + "\n").chars().collect();
                }
                _ => { text.truncate(i); }
            }
        }
        let s: String = text.iter().collect();
        exercise(s.as_bytes());
    }
}

#[test]
fn an_invisible_control_character_in_text() {
    let d = error("title: 标题\nparts:\n  - text: \"正文\\u001E续\"\n");
    at(&d, 3, 11);
    assert_eq!(
        d.message,
        "`text` contains the invisible control character U+001E"
    );
}
