//! `gongwen lint`: every rule on a failing and a passing text (false friends
//! among them), the reference draft's counts and its fixed PDF, and the
//! properties of `--fix` on generated drafts.

use crate::common::{self, root};

use std::path::Path;

use gongwen::lint::{self, Rule, fix};
use gongwen::load::node::{Node, Value};
use proptest::prelude::*;

/// A one-paragraph draft (outline style) holding `text` as a block scalar.
fn paragraph_draft(text: &str) -> String {
    let body: String = text.lines().map(|l| format!("      {l}\n")).collect();
    format!("title: 测试\nparts:\n  - text: |-\n{body}")
}

/// Lints `yaml` with one rule; the hits' texts and the fixed text of every value.
fn lint_yaml(yaml: &str, rule: Rule) -> (Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, yaml).unwrap();
    let report = lint::lint_draft(&path, &[rule]).unwrap_or_else(|d| panic!("{yaml}: {:?}", d.0));
    let hits = report
        .findings
        .iter()
        .map(|f| {
            let value: Vec<char> = report.sites[f.site].value.chars().collect();
            value[f.hit.start..f.hit.end].iter().collect()
        })
        .collect();
    let fixed = report
        .fixed_values()
        .into_iter()
        .flatten()
        .collect::<Vec<String>>();
    (hits, fixed)
}

/// (rule, a text it finds fault with, the text fixed or "" when it has no
/// fix, a text it must leave alone).
const TEXT_RULES: &[(Rule, &str, &str, &str)] = &[
    (
        Rule::HalfWidthPunctuation,
        "加强建设,提升能力;完善制度",
        "加强建设，提升能力；完善制度",
        "共1,000人，增长3.5%",
    ),
    (
        Rule::HalfWidthPunctuation,
        "注意:下列事项",
        "注意：下列事项",
        "见 http://x.y/a,b 页面",
    ),
    (
        Rule::HalfWidthPunctuation,
        "是否完成?请报告!",
        "是否完成？请报告！",
        "It is done, see: a; b? yes!",
    ),
    (
        Rule::HalfWidthPunctuation,
        "按照《纲要》(2021年版)执行",
        "按照《纲要》（2021年版）执行",
        "Version 2 (beta) is out",
    ),
    (
        Rule::HalfWidthPunctuation,
        "会议于10:30开始, 请准时",
        "会议于10:30开始，请准时",
        "会议于10:30开始",
    ),
    (
        Rule::HalfWidthQuotes,
        "实施\"教育提质\"行动",
        "实施“教育提质”行动",
        "He said \"yes\" and left",
    ),
    (
        Rule::HalfWidthQuotes,
        "所谓'双减'政策",
        "所谓‘双减’政策",
        "don't and can't",
    ),
    (
        Rule::UnpairedMarks,
        "依照《西宁市工作要点的规定",
        "",
        "依照《西宁市工作要点》的规定",
    ),
    (
        Rule::UnpairedMarks,
        "开展“全城清洗（行动”）",
        "",
        "开展“全城清洗（行动）”",
    ),
    (Rule::UnpairedMarks, "完成任务）", "", "（一）完成任务"),
    (
        Rule::Ellipsis,
        "教育、医疗...等领域",
        "教育、医疗……等领域",
        "版本号 v1...v2",
    ),
    (
        Rule::Ellipsis,
        "教育、医疗。。。等领域",
        "教育、医疗……等领域",
        "教育、医疗……等领域",
    ),
    (
        Rule::Dash,
        "城市--乡村",
        "城市——乡村",
        "西宁—大通—互助小环线",
    ),
    (Rule::Dash, "城市――乡村", "城市——乡村", "a--b"),
    (
        Rule::RangeMark,
        "控制在25~30人",
        "控制在25～30人",
        "控制在25～30人",
    ),
    (
        Rule::RangeMark,
        "2021-2025年规划",
        "2021—2025年规划",
        "2021-09-01发布",
    ),
    (
        // Between two characters a typed space may part names: found, not fixed.
        Rule::SpaceInChinese,
        "推进 新型城镇化",
        "",
        "推进 5G 建设",
    ),
    (
        Rule::SpaceInChinese,
        "加强建设 ，提升能力",
        "加强建设，提升能力",
        "Chinese 中文 mixed",
    ),
    (
        Rule::DoubledPunctuation,
        "加强建设，，提升能力。。",
        "加强建设，提升能力。",
        "加强建设。。。",
    ),
    (
        Rule::DateLeadingZero,
        "自2021年09月01日起施行",
        "自2021年9月1日起施行",
        "自2021年10月10日起施行",
    ),
    (
        Rule::DocumentNumber,
        "东发改[2021]12号文件",
        "东发改〔2021〕12号文件",
        "数组[2021]的值",
    ),
    (
        Rule::DocumentNumber,
        "宁发改规划（2021）400号",
        "宁发改规划〔2021〕400号",
        "（2021年）",
    ),
];

#[test]
fn every_text_rule_fails_the_slip_and_passes_the_false_friend() {
    for &(rule, bad, fixed, good) in TEXT_RULES {
        let (hits, fixes) = lint_yaml(&paragraph_draft(bad), rule);
        assert!(!hits.is_empty(), "{}: found nothing in {bad:?}", rule.id());
        if fixed.is_empty() {
            assert!(
                fixes.is_empty(),
                "{}: fixed {bad:?} as {fixes:?}",
                rule.id()
            );
        } else {
            assert_eq!(fixes, [fixed], "{}: fix of {bad:?}", rule.id());
        }
        let (hits, _) = lint_yaml(&paragraph_draft(good), rule);
        assert!(
            hits.is_empty(),
            "{}: flagged {hits:?} in {good:?}",
            rule.id()
        );
    }
}

#[test]
fn a_title_in_quotes_spanning_a_line_break_is_one_paragraph() {
    // 《 on one line of the YAML, 》 on the next: one value, paired.
    let yaml = "title: 城东区贯彻落实《西宁市2021年新型城镇化\n  建设工作要点》工作措施\nparts:\n  - text: 正文。\n";
    let (hits, _) = lint_yaml(yaml, Rule::UnpairedMarks);
    assert!(hits.is_empty(), "{hits:?}");
    // The plain scalar reads the line break as a space between Chinese
    // characters: found, and fixed by joining the lines.
    let (hits, fixed) = lint_yaml(yaml, Rule::SpaceInChinese);
    assert_eq!(hits, [" "]);
    assert_eq!(
        fixed,
        ["城东区贯彻落实《西宁市2021年新型城镇化建设工作要点》工作措施"]
    );
}

#[test]
fn draft_rules_fail_the_slip_and_pass_the_right_text() {
    let cases: &[(Rule, &str, &str, &str)] = &[
        (
            Rule::TypedNumber,
            "title: 测试\nparts:\n  - heading: 一、总体要求\n    text: 正文。\n",
            "总体要求",
            "title: 测试\nparts:\n  - heading: 总体要求\n    text: 一是加强。\n",
        ),
        (
            Rule::TypedNumber,
            "title: 测试\nstyle: articles\nparts:\n  - 第一条　为了规范管理，制定本办法。\n",
            "为了规范管理，制定本办法。",
            "title: 测试\nstyle: articles\nparts:\n  - 为了规范。\n  - 第一条规定的情形除外。\n",
        ),
        (
            Rule::EndPunctuation,
            "title: 测试\nparts:\n  - text: 第一项内容。\n  - text: 第二项内容。\n  - text: 第三项内容\n",
            "第三项内容。",
            "title: 测试\nparts:\n  - text: 第一项内容\n  - text: 第二项内容\n  - text: 第三项内容\n",
        ),
        (
            Rule::MixedDates,
            "title: 测试\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 于2021-10-15前报送。\n",
            "于2021年10月15日前报送。",
            "title: 测试\nparts:\n  - text: 于2021-10-15前报送。\n  - text: 版本 1.2.3 发布。\n",
        ),
        // The preamble is a group of its own, the closing another; a
        // draft's own date is no prose.
        (
            Rule::EndPunctuation,
            "title: 测试\npreamble: [第一段。, 第二段。, 第三段]\nparts:\n  - text: 正文。\n",
            "第三段。",
            "title: 测试\npreamble: [第一段。, 第二段。]\nparts:\n  - text: 正文。\nclosing: 特此通知\n",
        ),
        (
            Rule::MixedDates,
            "title: 测试\ndate: 2021-09-01\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 于2021-10-15前报送。\n",
            "于2021年10月15日前报送。",
            "title: 测试\ndate: 2021-09-01\nparts:\n  - text: 自2021年9月1日起施行。\n",
        ),
        (
            Rule::MissingReference,
            "title: 测试\nstyle: articles\npreamble: 依照本办法第九十条制定。\nparts:\n  - 为了规范管理。\n",
            "",
            "title: 测试\nstyle: articles\npreamble: 依照本办法第一条制定。\nparts:\n  - 为了规范管理。\n",
        ),
        (
            Rule::MissingReference,
            "title: 测试\nstyle: articles\nparts:\n  - 为了规范管理。\n  - 违反本办法第九十条规定的，予以处罚。\n",
            "",
            "title: 测试\nstyle: articles\nparts:\n  - 为了规范管理。\n  - 违反本办法第一条或者刑法第九十条规定的，予以处罚。\n",
        ),
        (
            Rule::HandTypedReference,
            "title: 测试\nstyle: articles\nparts:\n  - id: purpose\n    text: 为了规范管理。\n  - 违反本办法第一条规定的，予以处罚。\n",
            "违反本办法[[purpose]]规定的，予以处罚。",
            "title: 测试\nstyle: articles\nparts:\n  - 为了规范管理。\n  - 违反本办法第一条规定的，予以处罚。\n",
        ),
    ];
    for &(rule, bad, fixed, good) in cases {
        let (hits, fixes) = lint_yaml(bad, rule);
        assert!(!hits.is_empty(), "{}: found nothing in {bad}", rule.id());
        if fixed.is_empty() {
            assert!(fixes.is_empty(), "{}: {fixes:?}", rule.id());
        } else {
            assert_eq!(fixes, [fixed], "{}", rule.id());
        }
        let (hits, _) = lint_yaml(good, rule);
        assert!(hits.is_empty(), "{}: flagged {hits:?} in {good}", rule.id());
    }
}

#[test]
fn every_rule_has_a_fixture() {
    let mut seen: Vec<Rule> = TEXT_RULES.iter().map(|r| r.0).collect();
    seen.extend([
        Rule::TypedNumber,
        Rule::EndPunctuation,
        Rule::MixedDates,
        Rule::MissingReference,
        Rule::HandTypedReference,
    ]);
    for rule in Rule::ALL {
        assert!(seen.contains(&rule), "{} has no fixture", rule.id());
    }
}

#[test]
fn a_drafts_lint_settings_turn_rules_off_or_to_errors() {
    let yaml = "title: 测试\nparts:\n  - text: 加强建设,提升能力\nlint:\n  half-width-punctuation: error\n  space-in-chinese: off\n";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, yaml).unwrap();
    let report = lint::lint_draft(&path, &[]).unwrap();
    assert_eq!(report.errors(), 1);
    std::fs::write(&path, yaml.replace("space-in-chinese", "space-in-chinesse")).unwrap();
    let err = lint::lint_draft(&path, &[]).err().unwrap();
    let text = err.0[0].render();
    assert!(
        text.contains("d.yaml:6:3") && text.contains("did you mean `space-in-chinese`"),
        "{text}"
    );
}

/// Writes every fix of a draft; returns how many files changed.
fn fix_in_place(path: &Path) -> usize {
    let report = lint::lint_draft(path, &[]).unwrap();
    let fixes = fix::plan(&report);
    let mut changed = 0;
    for f in fixes {
        assert!(
            f.skipped.is_empty(),
            "{}: skipped {:?}",
            f.file.display(),
            f.skipped
        );
        if *f.old != f.new {
            std::fs::write(&f.file, &f.new).unwrap();
            changed += 1;
        }
    }
    changed
}

#[test]
fn the_reference_draft_lists_its_half_width_punctuation_and_fixes_clean() {
    let doc = root().join("drafts/chengdong-urbanization-2021");
    for (draft, expected) in [("v1", 162), ("v2.yaml", 166)] {
        let report = lint::lint_draft(&doc.join(draft), &[]).unwrap();
        let counts = report.counts();
        assert_eq!(counts, [(Rule::HalfWidthPunctuation, expected)], "{draft}");
        assert_eq!(report.fixable(), expected);
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("doc");
    common::copy_tree(&doc, &copy);
    let before = gongwen::load::load_draft(&copy.join("v1")).unwrap();
    assert_eq!(fix_in_place(&copy.join("v1")), 7);
    let after_report = lint::lint_draft(&copy.join("v1"), &[]).unwrap();
    assert!(
        after_report.findings.is_empty(),
        "{:?}",
        after_report.findings
    );
    // Fixing again changes nothing.
    assert_eq!(fix_in_place(&copy.join("v1")), 0);
    // The fixed draft differs only in those characters.
    let after = gongwen::load::load_draft(&copy.join("v1")).unwrap();
    let strip = |d: &gongwen::model::Draft| {
        let doc = gongwen::numbering::number(d);
        let mut all = String::new();
        for s in doc.walk() {
            all.extend(s.heading.iter().cloned());
            all.extend(s.paragraphs().map(str::to_string));
        }
        all.extend(doc.meta.preamble.iter().cloned());
        all
    };
    assert_same_but_punctuation(&strip(&before), &strip(&after));
    // And so does the PDF's text.
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let pdf_text = |path: &Path| {
        let built =
            gongwen::build_draft(path, &common::renderer(), &[gongwen::render::Format::Pdf])
                .unwrap();
        let file = dir.path().join("x.pdf");
        std::fs::write(&file, &built.outputs[0].1).unwrap();
        let text = common::run(&pdftotext, &["-raw", file.to_str().unwrap(), "-"]);
        // Page numbers move when lines reflow; the text is what must match.
        text.lines()
            .filter(|l| {
                !l.trim()
                    .trim_matches(['—', ' '])
                    .chars()
                    .all(|c| c.is_ascii_digit())
            })
            .collect::<String>()
    };
    assert_same_but_punctuation(&pdf_text(&doc.join("v1")), &pdf_text(&copy.join("v1")));
}

/// `a` and `b` are the same text but for half-width marks in `a` that are
/// full-width in `b` (white space aside).
fn assert_same_but_punctuation(a: &str, b: &str) {
    let a: Vec<char> = a.chars().filter(|c| !c.is_whitespace()).collect();
    let b: Vec<char> = b.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(
        a.len(),
        b.len(),
        "the texts differ in more than punctuation"
    );
    let mut changed = 0;
    for (x, y) in a.iter().zip(&b) {
        if x != y {
            let pair = [
                (',', '，'),
                (';', '；'),
                (':', '：'),
                ('(', '（'),
                (')', '）'),
                ('?', '？'),
                ('!', '！'),
            ];
            assert!(pair.contains(&(*x, *y)), "{x:?} became {y:?}");
            changed += 1;
        }
    }
    assert!(changed > 100, "only {changed} characters changed");
}

/// Text with the slips lint fixes, among Chinese words and false friends.
fn slippy_text() -> common::Texts {
    let pieces = prop::sample::select(vec![
        "加强",
        "建设",
        "城镇化",
        "，",
        "。",
        ",",
        ";",
        ":",
        "...",
        "。。。",
        "--",
        " ",
        "  ",
        "\"双减\"",
        "(试行)",
        "2021年09月01日",
        "1,000",
        "3.5%",
        "http://x.y/a,b",
        "English, text",
        "《纲要",
        "》",
        "，，",
        "25~30",
        "东发改[2021]12号",
        "一、",
        "第五条　",
        "'引'",
        "\n",
    ]);
    common::texts_of(pieces, 10)
}

fn strings_of(node: &Node, out: &mut Vec<String>, shape: &mut String) {
    match &node.value {
        Value::Str(s) => {
            out.push(s.clone());
            shape.push('s');
        }
        Value::Seq(items) => {
            shape.push('[');
            items.iter().for_each(|n| strings_of(n, out, shape));
            shape.push(']');
        }
        Value::Map(entries) => {
            shape.push('{');
            for (k, v) in entries {
                if let Value::Str(key) = &k.value {
                    shape.push_str(key);
                }
                shape.push(':');
                strings_of(v, out, shape);
            }
            shape.push('}');
        }
        other => shape.push_str(&format!("{other:?}")),
    }
}

proptest! {
    #![proptest_config(common::proptest_config(48))]

    /// `--fix` output loads, differs from the input only inside text
    /// values, and a second `--fix` changes nothing.
    #[test]
    fn fixes_change_only_text_and_reach_a_fixed_point(draft in common::draft_of(slippy_text())) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.yaml");
        let yaml = gongwen::save::to_string(&draft);
        std::fs::write(&path, &yaml).unwrap();
        let report = lint::lint_draft(&path, &[]).map_err(|d| TestCaseError::fail(format!("{:?}\n{yaml}", d.0)))?;
        for f in fix::plan(&report) {
            std::fs::write(&f.file, &f.new).unwrap();
        }
        let fixed = std::fs::read_to_string(&path).unwrap();
        prop_assert!(gongwen::load::load_draft(&path).is_ok(), "{fixed}");
        let (mut before, mut after) = (Vec::new(), Vec::new());
        let (mut shape_before, mut shape_after) = (String::new(), String::new());
        strings_of(&Node::parse(&yaml).unwrap(), &mut before, &mut shape_before);
        strings_of(&Node::parse(&fixed).unwrap(), &mut after, &mut shape_after);
        prop_assert_eq!(shape_before, shape_after);
        let again = lint::lint_draft(&path, &[]).unwrap();
        let mut skipped = 0;
        for f in fix::plan(&again) {
            prop_assert_eq!(&*f.old, f.new.as_str(), "a second --fix changed {}", f.file.display());
            skipped += f.skipped.len();
        }
        // What is still fixable is only what --fix said it could not write.
        prop_assert!(again.fixable() == 0 || skipped > 0, "{}", fixed);
    }
}

#[test]
fn fixes_join_folded_lines_and_keep_the_files_line_endings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    let yaml = "# 注释保留\r\ntitle: 测试\r\nparts:\r\n  - text: >\r\n      折叠段落,\r\n      第二行\r\n  - text: 普通,  # 行尾注释\r\n  - text: 多行,\r\n      续行 \"引号\"\r\n";
    std::fs::write(&path, yaml).unwrap();
    assert_eq!(fix_in_place(&path), 1);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        fixed,
        "# 注释保留\r\ntitle: 测试\r\nparts:\r\n  - text: >\r\n      折叠段落，第二行\r\n  - text: 普通，  # 行尾注释\r\n  - text: 多行，续行“引号”\r\n"
    );
    assert!(lint::lint_draft(&path, &[]).unwrap().findings.is_empty());
}

/// Texts a review found --fix changing in meaning: each left unfixed now.
#[test]
fn what_a_review_found_is_left_as_written() {
    let cases: &[(Rule, &str)] = &[
        (Rule::Dash, "气温－5℃，西宁－大通，另见―。"),
        (Rule::HalfWidthPunctuation, "甲\\(乙\\)，符号照印"),
        (Rule::HalfWidthQuotes, "他说\\\"好\\\"，照印"),
        (Rule::HalfWidthQuotes, "北纬36°37'和101°46'之间"),
        (Rule::HalfWidthPunctuation, "甲&nbsp;乙&#x4E2D;丙"),
        (Rule::HalfWidthPunctuation, "见http://www.gov.cn/政策?id=1"),
        (Rule::SpaceInChinese, "成员：张三 李四 王五"),
    ];
    for &(rule, text) in cases {
        let (_, fixed) = lint_yaml(&paragraph_draft(text), rule);
        assert!(
            fixed.is_empty(),
            "{}: {text:?} fixed as {fixed:?}",
            rule.id()
        );
    }
    // A year in brackets is not a typed number.
    let (hits, _) = lint_yaml(
        "title: 测试\nparts:\n  - heading: （2021）年度工作要点\n    text: 正文。\n",
        Rule::TypedNumber,
    );
    assert!(hits.is_empty());
    // Dates in a link target or code are not rewritten.
    let yaml = "title: 测试\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 见[通知](http://a.cn/p?d=2021-09-01)和`2021.09.01`，于2021-10-15前报送。\n";
    let (hits, fixed) = lint_yaml(yaml, Rule::MixedDates);
    assert_eq!(hits, ["2021-10-15"]);
    assert_eq!(
        fixed,
        ["见[通知](http://a.cn/p?d=2021-09-01)和`2021.09.01`，于2021年10月15日前报送。"]
    );
    // A range: both its dates found and fixed, whatever stands between them.
    for (range, fixed_range) in [
        ("2021-10-15至2021-12-31", "2021年10月15日至2021年12月31日"),
        ("2021.10.15—2021.12.31", "2021年10月15日—2021年12月31日"),
        ("2021/10/15～2021/12/31", "2021年10月15日～2021年12月31日"),
        ("2021.10.15-2021.12.31", "2021年10月15日-2021年12月31日"),
        ("2021/10/15-2021/12/31", "2021年10月15日-2021年12月31日"),
    ] {
        let yaml = format!(
            "title: 测试\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 开展时间为{range}。\n"
        );
        let (hits, fixed) = lint_yaml(&yaml, Rule::MixedDates);
        assert_eq!(hits.len(), 2, "{range}: {hits:?}");
        assert_eq!(fixed, [format!("开展时间为{fixed_range}。")], "{range}");
    }
    // A dash beside a date written with dashes makes a longer number, not a range.
    let yaml = "title: 测试\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 编号2021-10-15-3，批次7-2021-10-15。\n";
    let (hits, _) = lint_yaml(yaml, Rule::MixedDates);
    assert!(hits.is_empty(), "{hits:?}");
    // An article's own typed number is removed, not turned into a reference to itself.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(
        &path,
        "title: 测试\nstyle: articles\nparts:\n  - id: a1\n    text: 第一条 甲。\n",
    )
    .unwrap();
    let report = lint::lint_draft(&path, &[]).unwrap();
    assert_eq!(
        report
            .fixed_values()
            .into_iter()
            .flatten()
            .collect::<Vec<_>>(),
        ["甲。"]
    );
}

#[test]
fn an_alias_that_cannot_be_fixed_does_not_hold_up_the_rest_of_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(
        &path,
        "title: 测试\nparts:\n  - text: &a 甲,乙\n  - text: *a\n  - text: 丙,丁\n",
    )
    .unwrap();
    let report = lint::lint_draft(&path, &[]).unwrap();
    let fixes = fix::plan(&report);
    assert_eq!(fixes.len(), 1);
    assert!(
        fixes[0].new.contains("丙，丁") && fixes[0].new.contains("&a 甲,乙"),
        "{}",
        fixes[0].new
    );
    assert!(!fixes[0].skipped.is_empty());
}

#[test]
fn a_project_settings_file_sets_lint_levels_the_draft_may_override() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/doc");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(
        dir.path().join(".gongwen.yaml"),
        "检查:\n  half-width-punctuation: off\n  space-in-chinese: error\n",
    )
    .unwrap();
    let path = doc.join("v1.yaml");
    std::fs::write(&path, "title: 测试\nparts:\n  - text: 加强建设,提升 能力\n").unwrap();
    let report = lint::lint_draft(&path, &[]).unwrap();
    assert_eq!(report.counts(), [(Rule::SpaceInChinese, 1)]);
    assert_eq!(report.errors(), 1);
    // The draft's own `lint:` wins over the project's.
    std::fs::write(
        &path,
        "title: 测试\nparts:\n  - text: 加强建设,提升 能力\nlint:\n  space-in-chinese: off\n",
    )
    .unwrap();
    assert!(lint::lint_draft(&path, &[]).unwrap().findings.is_empty());
    // A mistake in the settings file is reported at its place.
    std::fs::write(
        dir.path().join(".gongwen.yaml"),
        "lint:\n  dash: sometimes\n",
    )
    .unwrap();
    let err = lint::lint_draft(&path, &[]).err().unwrap();
    assert!(
        err.0[0].render().contains(".gongwen.yaml:2:9"),
        "{}",
        err.0[0].render()
    );
}

#[test]
fn check_and_build_report_a_wrong_lint_setting_and_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.yaml");
    std::fs::write(
        &path,
        "title: 测试\nparts:\n  - text: 正文。\nlint:\n  dahs: off\n",
    )
    .unwrap();
    for args in [vec!["check"], vec!["build", "--format", "md", "--out"]] {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"));
        cmd.args(&args);
        if args[0] == "build" {
            cmd.arg(dir.path().join("out"));
        }
        let out = cmd.arg(&path).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("`dahs` is not a lint rule") && stderr.contains("did you mean `dash`"),
            "{stderr}"
        );
    }
}

/// The English words of what lint printed in Chinese: Latin words outside
/// code spans, paths, `--flags`, rule ids and the names kept in Latin
/// letters; source lines and the diagnostic's own labels left out.
fn english_words(output: &str) -> Vec<String> {
    const LATIN: &[&str] = &["gongwen", "GB", "T", "YAML", "id"];
    let code = regex::Regex::new(r"`[^`]*`|\S+\.yaml\S*|--[a-z][a-z-]*|\[\[[^\]]*\]\]").unwrap();
    let label = regex::Regex::new(r"^\s*(=\s*)?(warning|error|help|note)\s*[:：]").unwrap();
    let word = regex::Regex::new(r"[A-Za-z][A-Za-z0-9-]*").unwrap();
    let mut english = Vec::new();
    for line in output.lines() {
        if line.contains('│') || line.contains('┌') {
            continue;
        }
        let mut line = code.replace_all(line, " ").into_owned();
        line = label.replace(&line, " ").into_owned();
        for rule in Rule::ALL {
            line = line.replace(rule.id(), " ");
        }
        english.extend(
            word.find_iter(&line)
                .map(|m| m.as_str())
                .filter(|w| !LATIN.contains(w))
                .map(str::to_string),
        );
    }
    english
}

/// Runs the binary in `dir` with the locale `lang` (LC_ALL and LC_MESSAGES
/// unset) and the arguments; stdout and stderr together.
fn run_in_locale(dir: &Path, lang: &str, args: &[&str]) -> String {
    let out = common::in_locale(
        &mut std::process::Command::new(env!("CARGO_BIN_EXE_gongwen")),
        lang,
    )
    .current_dir(dir)
    .args(args)
    .output()
    .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn the_english_word_finder_finds_english_and_passes_keys_paths_and_ids() {
    assert_eq!(
        english_words("warning: a.yaml:3:5: half-width `,` in Chinese [half-width-punctuation]"),
        ["half-width", "in", "Chinese"]
    );
    assert!(
        english_words("  = help: 中文里用全角标点；用 --fix 可自动改为 `，`（GB/T 15834）")
            .is_empty()
    );
    assert!(english_words("3 │   - text: 今天,我们").is_empty());
}

#[test]
fn lint_list_describes_every_rule_in_chinese_and_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let zh = run_in_locale(
        dir.path(),
        "en_US.UTF-8",
        &["--lang", "zh", "lint", "--list"],
    );
    let en = run_in_locale(
        dir.path(),
        "zh_CN.UTF-8",
        &["--lang", "en", "lint", "--list"],
    );
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for rule in Rule::ALL {
        let line = zh
            .lines()
            .find(|l| l.split_whitespace().next() == Some(rule.id()))
            .unwrap_or_else(|| panic!("{} not listed:\n{zh}", rule.id()));
        let description = line[rule.id().len()..].trim();
        assert!(han(description), "{line}");
        assert!(english_words(description).is_empty(), "{line}");
        // English as before: the id, padded, and the rule's explanation.
        let english = format!(
            "{:<22} {}",
            rule.id(),
            rule.explanation_in(gongwen::i18n::Lang::En)
        );
        assert!(en.lines().any(|l| l == english), "{english}\n{en}");
        assert!(!han(
            &english.replace(|c: char| !c.is_ascii_alphabetic() && c != ' ', "")
        ));
    }
    assert!(english_words(&zh).is_empty(), "{zh}");
}

/// Drafts in `dir` that make every rule find something, and one with a
/// `lint:` setting that names no rule; their names.
fn drafts_with_every_slip(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let mut write = |yaml: String| {
        let name = format!("d{}.yaml", names.len() + 1);
        std::fs::write(dir.join(&name), yaml).unwrap();
        names.push(name);
    };
    for (_, bad, _, _) in TEXT_RULES {
        write(paragraph_draft(bad));
    }
    write("title: 测试\nparts:\n  - heading: 一、总体要求\n    text: 正文。\n".into());
    write("title: 测试\nparts:\n  - text: 第一项内容。\n  - text: 第二项内容。\n  - text: 第三项内容\n".into());
    write(
        "title: 测试\nparts:\n  - text: 自2021年9月1日起施行。\n  - text: 于2021-10-15前报送。\n"
            .into(),
    );
    write("title: 测试\nstyle: articles\nparts:\n  - 为了规范管理。\n  - 违反本办法第九十条规定的，予以处罚。\n".into());
    write("title: 测试\nstyle: articles\nparts:\n  - id: purpose\n    text: 为了规范管理。\n  - 违反本办法第一条规定的，予以处罚。\n".into());
    write("title: 测试\nstyle: articles\nparts:\n  - 第一条　为了规范管理，制定本办法。\n  - 第三条　适用范围。\n".into());
    write("title: 测试\nparts:\n  - text: 正文。\nlint:\n  dahs: off\n".into());
    names
}

#[test]
fn lint_speaks_chinese_under_a_chinese_locale_and_english_with_lang_en() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["lint".to_string()];
    args.extend(drafts_with_every_slip(dir.path()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let zh = run_in_locale(dir.path(), "zh_CN.UTF-8", &args);
    for rule in Rule::ALL {
        assert!(
            zh.contains(&format!("[{}]", rule.id())),
            "{} found nothing:\n{zh}",
            rule.id()
        );
    }
    let english = english_words(&zh);
    assert!(
        english.is_empty(),
        "English in the Chinese report: {english:?}\n{zh}"
    );
    for chinese in [
        "中文里用了半角的 `,`",
        "用 --fix 可自动改为 `，`",
        "`dahs` 不是起草检查规则",
        "是否想写 `dash`？",
        "失败    d",
        "处问题（其中",
        "引用的条款草稿中没有（草稿的条款到第二条为止）",
    ] {
        assert!(zh.contains(chinese), "{chinese}:\n{zh}");
    }
    let mut en_args = vec!["--lang", "en"];
    en_args.extend(&args);
    let en = run_in_locale(dir.path(), "zh_CN.UTF-8", &en_args);
    for rule in Rule::ALL {
        assert!(
            en.contains(&format!("[{}]", rule.id())),
            "{}:\n{en}",
            rule.id()
        );
    }
    for english in [
        "half-width `,` in Chinese text [half-width-punctuation]",
        "; --fix writes `，`",
        "`dahs` is not a lint rule",
        "did you mean `dash`? `gongwen lint --list` shows every rule",
        "FAILED  d",
        " (does not load)",
        "1 lint finding (1 fixable with --fix): ",
        "names an article the draft does not have (its articles run to 第二条)",
    ] {
        assert!(en.contains(english), "{english}:\n{en}");
    }
}

/// Why a draft is not saved, in the locale's language: the refusals of
/// `src/save` (exists, not a draft, part of a draft, a namesake beside it).
#[test]
fn a_draft_not_saved_says_why_in_chinese_and_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.txt"),
        "关于开展检查的通知\n\n一、总体要求\n\n加强管理。\n",
    )
    .unwrap();
    std::fs::write(d.join("v1.yaml"), "title: 甲\nparts:\n  - text: 甲。\n").unwrap();
    std::fs::create_dir_all(d.join("other")).unwrap();
    std::fs::write(d.join("other/x.txt"), "x").unwrap();
    std::fs::create_dir_all(d.join("d")).unwrap();
    std::fs::write(
        d.join("d/draft.yaml"),
        "title: 乙\nparts:\n  - include: p.yaml\n",
    )
    .unwrap();
    std::fs::write(d.join("d/p.yaml"), "text: 乙。\n").unwrap();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--out", "v1.yaml"],
            "`v1.yaml` 已经存在；如要替换这一稿，请加 --force",
            "v1.yaml already exists; use --force to replace that draft",
        ),
        (
            &["--out", "other", "--force"],
            "不会替换 `other`：其中没有 draft.yaml，所以不是草稿文件夹。",
            "will not replace other: it has no draft.yaml, so it is not a draft.",
        ),
        (
            &["--out", "d/p.yaml", "--force"],
            "不会写入 `d/p.yaml`：它是草稿 `d` 的部分文件，",
            "will not write d/p.yaml: it is a part file of the draft d,",
        ),
        (
            &["--out", "d/draft.yaml", "--force"],
            "它是草稿 `d` 的主文件，",
            "it is the main file of the draft d,",
        ),
        (
            &["--out", "v1"],
            "不会写入 `v1`：旁边已有同名的草稿 `v1.yaml`",
            "will not write v1: v1.yaml is already a draft of that name beside it",
        ),
    ];
    let before = common::listing(d);
    for (out, zh, en) in cases {
        let mut args = vec!["import", "a.txt"];
        args.extend(*out);
        let said = run_in_locale(d, "zh_CN.UTF-8", &args);
        assert!(said.contains(zh), "{zh}\n{said}");
        let mut args = vec!["--lang", "en"];
        args.extend(["import", "a.txt"]);
        args.extend(*out);
        let said = run_in_locale(d, "zh_CN.UTF-8", &args);
        assert!(said.contains(en), "{en}\n{said}");
    }
    assert_eq!(common::listing(d), before, "nothing written");
}

/// Each finding's message and the frame under it name the same line and
/// column, on every rule, in a short line and far into a long one (where
/// the frame shows the line cut short around the place).
#[test]
fn every_finding_s_frame_points_where_its_message_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut names = drafts_with_every_slip(dir.path());
    let long = "各级各部门要认真贯彻落实，切实加强组织领导。".repeat(8);
    for (n, (_, bad, _, _)) in TEXT_RULES.iter().enumerate() {
        let name = format!("long{n}.yaml");
        std::fs::write(
            dir.path().join(&name),
            paragraph_draft(&format!("{long}{bad}")),
        )
        .unwrap();
        names.push(name);
    }
    let mut args = vec!["--lang", "en", "lint"];
    args.extend(names.iter().map(String::as_str));
    let out = run_in_locale(dir.path(), "C.UTF-8", &args);
    let place = regex::Regex::new(r"^(?:warning|error): (\S+?:\d+:\d+): ").unwrap();
    let frame = regex::Regex::new(r"^\s*┌─ (\S+?:\d+:\d+)$").unwrap();
    let lines: Vec<&str> = out.lines().collect();
    let mut seen = std::collections::BTreeSet::new();
    let mut checked = 0;
    for (i, line) in lines.iter().enumerate() {
        let Some(said) = place.captures(line) else {
            continue;
        };
        let Some(drawn) = lines.get(i + 1).and_then(|l| frame.captures(l)) else {
            continue;
        };
        assert_eq!(&said[1], &drawn[1], "{line}\n{}", lines[i + 1]);
        if let Some(rule) = line.rsplit_once('[').map(|(_, r)| r.trim_end_matches(']')) {
            seen.insert(rule.to_string());
        }
        checked += 1;
    }
    for rule in Rule::ALL {
        assert!(
            seen.contains(rule.id()),
            "{} not checked:\n{out}",
            rule.id()
        );
    }
    assert!(checked > 20, "{checked} findings checked");
}
