//! Every view of a redline as a reviewed snapshot: the reference draft's
//! v1 → v2 in the terminal (no colour), JSON, Markdown and HTML, and a real
//! law revision (the Legislation Law, 2015 → 2023) in JSON. A change to a view
//! is then a snapshot diff someone reads, not a silent drift.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;

use crate::common::{self, root};

/// `gongwen diff ARGS…` run in `dir`; its standard output (exit 1: the
/// drafts differ).
fn diff_with(dir: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("gongwen")
        .unwrap()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .arg("diff")
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `gongwen diff OLD NEW --format FORMAT` in `dir`, uncoloured; its output.
pub(crate) fn diff(dir: &Path, old: &str, new: &str, format: &str) -> String {
    diff_with(dir, &[old, new, "--format", format, "--color", "never"])
}

const V1: &str = "drafts/chengdong-urbanization-2021/v1";
const V2: &str = "drafts/chengdong-urbanization-2021/v2.yaml";

#[test]
fn reference_redline_as_a_decision() {
    insta::assert_snapshot!("reference_decision", diff(root(), V1, V2, "decision"));
}

#[test]
fn reference_redline_in_the_terminal() {
    insta::assert_snapshot!("reference_term", diff(root(), V1, V2, "term"));
}

#[test]
fn reference_redline_as_json() {
    insta::assert_snapshot!("reference_json", diff(root(), V1, V2, "json"));
}

#[test]
fn reference_redline_as_markdown() {
    insta::assert_snapshot!("reference_md", diff(root(), V1, V2, "md"));
}

#[test]
fn reference_redline_as_html() {
    insta::assert_snapshot!("reference_html", diff(root(), V1, V2, "html"));
}

#[test]
fn legislation_law_2015_to_2023_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/corpus");
    for (name, file) in [
        ("2015.yaml", "legislation-law-2015.md"),
        ("2023.yaml", "legislation-law-2023.md"),
    ] {
        let imported =
            gongwen::import::import_file(&corpus.join(file), Default::default()).unwrap();
        gongwen::save::save_checked(&imported.draft, &dir.path().join(name), false, &[]).unwrap();
    }
    insta::assert_snapshot!(
        "legislation_law_json",
        diff(dir.path(), "2015.yaml", "2023.yaml", "json")
    );
    // 第三条 was rewritten in place: one entry that says so, printed as printed.
    let term = diff(dir.path(), "2015.yaml", "2023.yaml", "term");
    assert!(
        term.contains("3. 第三条 立法应当坚持中国共产党的领导，……（修改、改写）\n    第三条\u{3000}[-立法应当遵循宪法"),
        "{term}"
    );
}

#[test]
fn the_summary_line_counts_what_the_views_show() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, first: &str, second: &str| {
        let yaml = format!(
            "title: 某某办法\nstyle: articles\nparts:\n  - 为了规范公共数据开放工作，{first}\n  - {second}\n"
        );
        std::fs::write(dir.path().join(name), yaml).unwrap();
    };
    write("a.yaml", "制定本办法。", "本办法自2024年5月1日起施行。");
    // A space added to the first article (hidden), a date changed in the second.
    write("b.yaml", "制定本办法 。", "本办法自2025年1月1日起施行。");
    let term = diff(dir.path(), "a.yaml", "b.yaml", "term");
    assert!(
        term.contains("：修改 1 处（另有仅空白的修改 1 处未列出）\n"),
        "{term}"
    );
    // One entry listed, printed as the article is printed.
    assert!(term.contains("\n1. 第二条"), "{term}");
    assert!(!term.contains("\n2. "), "{term}");
    assert!(term.contains("第二条\u{3000}本办法自"), "{term}");
}

/// `gongwen diff … --out FILE` in `dir`; the file's bytes.
fn diff_to_file(dir: &Path, old: &str, new: &str, format: &str) -> Vec<u8> {
    let out = dir.join(format!("redline.{format}"));
    diff_with(
        dir,
        &[old, new, "--format", format, "--out", out.to_str().unwrap()],
    );
    std::fs::read(out).unwrap()
}

#[test]
fn a_run_of_renumbered_articles_is_one_line_in_every_view() {
    // The Legislation Law with its fifth article deleted: the 115 after it
    // renumber, and nothing else changes.
    let corpus = root().join("tests/corpus/legislation-law-2023.md");
    let old = gongwen::import::import_file(&corpus, Default::default())
        .unwrap()
        .draft;
    let mut new = old.clone();
    /// Removes the fifth article of a body, counting through its divisions.
    fn remove_fifth_article(body: &mut Vec<gongwen::model::Block>, seen: &mut usize) -> bool {
        use gongwen::model::{Block, Level};
        for i in 0..body.len() {
            let Block::Part(part) = &mut body[i] else {
                continue;
            };
            if part.level != Level::Article {
                if remove_fifth_article(&mut part.body, seen) {
                    return true;
                }
                continue;
            }
            *seen += 1;
            if *seen == 5 {
                body.remove(i);
                return true;
            }
        }
        false
    }
    let mut body: Vec<gongwen::model::Block> = new
        .parts
        .drain(..)
        .map(gongwen::model::Block::Part)
        .collect();
    assert!(remove_fifth_article(&mut body, &mut 0));
    new.parts = body
        .into_iter()
        .map(|b| match b {
            gongwen::model::Block::Part(p) => p,
            _ => unreachable!("a draft's top level holds parts"),
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.yaml"), gongwen::save::to_string(&old)).unwrap();
    std::fs::write(dir.path().join("b.yaml"), gongwen::save::to_string(&new)).unwrap();
    let sentence = "原第六条至第一百二十条依次改为第五条至第一百一十九条（重新编号 115 处）";
    let term = diff(dir.path(), "a.yaml", "b.yaml", "term");
    assert_eq!(term.matches("依次改为").count(), 1, "{term}");
    assert!(term.contains(&format!("2. {sentence}\n")), "{term}");
    assert_eq!(
        term.lines()
            .filter(|l| l.starts_with(char::is_numeric))
            .count(),
        2,
        "{term}"
    );
    let md = diff(dir.path(), "a.yaml", "b.yaml", "md");
    assert!(md.contains(&format!("2. {sentence}\n")), "{md}");
    assert!(!md.contains("\n3. "), "{md}");
    let html = diff(dir.path(), "a.yaml", "b.yaml", "html");
    let page = scraper::Html::parse_document(&html);
    let items: Vec<String> = page
        .select(&scraper::Selector::parse("ol > li > a").unwrap())
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[1], sentence);
    let rows = page
        .select(&scraper::Selector::parse("tr[id^=row-]").unwrap())
        .count();
    assert_eq!(rows, 2);
    let json: serde_json::Value =
        serde_json::from_str(&diff(dir.path(), "a.yaml", "b.yaml", "json")).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), 116);
    assert_eq!(json["groups"].as_array().unwrap().len(), 1);
    assert_eq!(json["groups"][0]["count"], 115);
    let pdf = diff_to_file(dir.path(), "a.yaml", "b.yaml", "pdf");
    let path = dir.path().join("redline.pdf");
    assert!(pdf.starts_with(b"%PDF"));
    if let Some(program) = common::tool("pdftotext") {
        let text = common::run(&program, &["-raw", path.to_str().unwrap(), "-"]);
        assert_eq!(text.matches("依次改为").count(), 1, "{text}");
    }
}

/// (article, verb) for each numbered item of a decision or an amendment:
/// the first article it names and whether it adds a paragraph or rewrites.
fn articles_and_verbs(text: &str, prefix: &str) -> Vec<(String, &'static str)> {
    const NUMERALS: &str = "一二三四五六七八九十百零";
    text.lines()
        .filter(|l| {
            l.split_once('、')
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| NUMERALS.contains(c)))
        })
        .filter_map(|l| {
            let at = l.find(&format!("{prefix}第"))? + prefix.len();
            let end = at + l[at..].find('条')? + '条'.len_utf8();
            let verb = if l.contains("增加一款") {
                "增加一款"
            } else {
                "修改为"
            };
            Some((l[at..end].to_string(), verb))
        })
        .collect()
}

#[test]
fn the_criminal_law_decision_names_the_articles_of_the_twelfth_amendment_with_its_verbs() {
    let corpus = root().join("tests/corpus");
    let dir = tempfile::tempdir().unwrap();
    for (name, file) in [
        ("a.yaml", "criminal-law-pre-amendment12.md"),
        ("b.yaml", "criminal-law-post-amendment12.md"),
    ] {
        let draft = gongwen::import::import_file(&corpus.join(file), Default::default())
            .unwrap()
            .draft;
        std::fs::write(dir.path().join(name), gongwen::save::to_string(&draft)).unwrap();
    }
    let decision = diff(dir.path(), "a.yaml", "b.yaml", "decision");
    let amendment =
        std::fs::read_to_string(corpus.join("criminal-law-amendment12-text.md")).unwrap();
    let expected = articles_and_verbs(&amendment, "刑法");
    assert_eq!(expected.len(), 7, "{expected:?}");
    // 第四百五十二条 gained an editorial footnote upstream (① …施行日期…) in the
    // same commit; the amendment does not name it, the decision rightly does.
    let found: Vec<(String, &str)> = articles_and_verbs(&decision, "")
        .into_iter()
        .filter(|(a, _)| a != "第四百五十二条")
        .collect();
    assert_eq!(found, expected, "{decision}");
    assert!(decision.starts_with("关于修改《中华人民共和国刑法》的决定（草案）\n"));
    // A whole article quoted as the amendment quotes it: each paragraph opens
    // with “, the last one closes.
    assert!(
        decision.contains("将第三百九十条修改为：“对犯行贿罪的"),
        "{decision}"
    );
    assert!(
        decision.contains("\n“（七）将违法所得用于行贿的。\n“行贿人"),
        "{decision}"
    );
}

#[test]
fn the_side_by_side_table_has_a_row_per_changed_part_and_every_link_lands() {
    let html = diff_with(root(), &[V1, V2, "--format", "html", "--side-by-side"]);
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let rows: Vec<scraper::ElementRef> = page.select(&select("table.sbs tbody tr")).collect();
    // Eleven body changes in v1 → v2 (the date is metadata): each one row,
    // and a move a second row where it left.
    let json: serde_json::Value = serde_json::from_str(&diff(root(), V1, V2, "json")).unwrap();
    let body: Vec<&serde_json::Value> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["where"] == "body")
        .collect();
    let moved = body.iter().filter(|c| c["moved"] == true).count();
    assert_eq!((body.len(), moved), (11, 1));
    assert_eq!(rows.len(), body.len() + moved);
    // The edited figures: struck on the left, marked on the right.
    let row = rows
        .iter()
        .find(|r| r.html().contains("<del>4500</del>"))
        .expect("the row of 二、（二）");
    assert!(row.html().contains("<ins>5000</ins>"), "{}", row.html());
    // No marked-up draft in this layout, and every summary link lands on a row.
    assert_eq!(page.select(&select("section.draft")).count(), 0);
    let ids: BTreeSet<String> = page
        .select(&select("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    for a in page.select(&select(".summary a")) {
        let target = a.value().attr("href").unwrap().trim_start_matches('#');
        assert!(ids.contains(target), "{target}");
    }
    // With --unchanged, every part of v2 has a row (同左 for the unchanged).
    let html = diff_with(
        root(),
        &[V1, V2, "--format", "html", "--side-by-side", "--unchanged"],
    );
    let page = scraper::Html::parse_document(&html);
    let parts = gongwen::numbering::number(&gongwen::load::load_draft(&root().join(V2)).unwrap())
        .walk()
        .len();
    let deleted = json["summary"]["deleted"].as_u64().unwrap() as usize;
    assert_eq!(
        page.select(&select("table.sbs tbody tr")).count(),
        parts + deleted + moved
    );
    let same = page.select(&select("table.sbs .same")).count();
    assert_eq!(
        same,
        json["summary"]["unchanged"].as_u64().unwrap() as usize
    );
    // The PDF shows the same table.
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("sbs.pdf");
    diff_with(
        root(),
        &[
            V1,
            V2,
            "--format",
            "pdf",
            "--side-by-side",
            "--out",
            pdf.to_str().unwrap(),
        ],
    );
    if let Some(program) = common::tool("pdftotext") {
        let text = common::run(&program, &["-raw", pdf.to_str().unwrap(), "-"]);
        assert!(
            text.contains("新旧对照表") && text.contains("修改前") && text.contains("修改后"),
            "{text}"
        );
    }
}

#[test]
fn side_by_side_asks_for_a_format_that_shows_it() {
    let out = Command::cargo_bin("gongwen")
        .unwrap()
        .current_dir(root())
        .args(["diff", V1, V2, "--side-by-side"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--format html, pdf or docx"), "{stderr}");
    assert!(out.stdout.is_empty());
}

/// Each corpus pair as two imported drafts in `dir`, and the decision
/// between them.
pub(crate) fn corpus_decision(dir: &Path, old: &str, new: &str) -> String {
    let corpus = root().join("tests/corpus");
    for (name, file) in [("old.yaml", old), ("new.yaml", new)] {
        let draft = gongwen::import::import_file(&corpus.join(file), Default::default())
            .unwrap()
            .draft;
        std::fs::write(dir.join(name), gongwen::save::to_string(&draft)).unwrap();
    }
    diff(dir, "old.yaml", "new.yaml", "decision")
}

/// Letters and digits: what is left of a quote when punctuation and width
/// are taken away (full-width letters and digits read as their ASCII).
fn words_of(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// No item of a decision changes only punctuation or width (`法律:` →
/// `法律：`): the closing sentence names those parts once. The corpus's
/// revisions and the five laws amended by a decision (the 监察法's ten
/// colons made full-width among them).
#[test]
fn no_decision_of_the_corpus_pairs_has_a_punctuation_only_item() {
    let edit = regex::Regex::new(r"“([^“”]*)”修改为“([^“”]*)”").unwrap();
    let pairs = common::CORPUS_REVISIONS
        .into_iter()
        .chain(crate::decisions::TRIPLES.map(|(old, new, _)| (old, new)));
    for (old, new) in pairs {
        let dir = tempfile::tempdir().unwrap();
        let decision = corpus_decision(dir.path(), old, new);
        for line in decision.lines().filter(|l| l.contains("中的“")) {
            for pair in edit.captures_iter(line) {
                assert_ne!(
                    words_of(&pair[1]),
                    words_of(&pair[2]),
                    "{old}: a punctuation-only edit named: {line}"
                );
            }
        }
        if old.starts_with("legislation") {
            // Its colons made full-width in nine articles: one sentence.
            assert!(
                decision.contains(
                    "\n此外，对条文顺序以及条文中引用的条文序号作相应调整；对第八条、第四十五条、\
                     第六十五条、第七十三条、第八十二条、第九十五条、第九十六条、第九十七条、\
                     第九十八条中的标点符号作了修改。\n"
                ),
                "{decision}"
            );
            assert!(!decision.contains("“法律:”"), "{decision}");
            // With --no-punctuation the marks go unsaid, the rest as it was.
            let quiet = diff_with(
                dir.path(),
                &[
                    "old.yaml",
                    "new.yaml",
                    "--format",
                    "decision",
                    "--no-punctuation",
                ],
            );
            assert_eq!(
                quiet,
                decision.replace(
                    "；对第八条、第四十五条、第六十五条、第七十三条、第八十二条、第九十五条、\
                     第九十六条、第九十七条、第九十八条中的标点符号作了修改",
                    ""
                )
            );
        }
    }
}

/// The 分工表's rows in the vocational plan's decision: an edit named by row
/// and column, a new row by its columns, never a row quoted with ｜.
#[test]
fn a_decision_names_a_table_edit_by_row_and_column() {
    let decision = diff(
        root(),
        "drafts/chengdong-vocational-education-2021/v1",
        "drafts/chengdong-vocational-education-2021/v2.yaml",
        "decision",
    );
    let t = "附件《城东区深化职业教育改革重点任务分工表》";
    for line in [
        format!("将{t}第六行“重点任务”栏中的“不少于5”修改为“不少于8”。"),
        format!("将{t}第十六行“牵头单位”栏中的“督查室”修改为“办公室”。"),
        format!(
            "在{t}中增加一行，作为第八行：重点任务“开展企业新型学徒制培训，全年培训企业职工不少于200人”，\
             牵头单位“区人力资源社会保障局”，配合单位“区总工会、各有关企业”，完成时限“2021年12月底前”。"
        ),
        format!("将{t}第十五行移作第十七行。"),
    ] {
        assert!(decision.contains(&line), "{line}\n{decision}");
    }
    assert!(!decision.contains('｜'), "{decision}");
}

/// The 引言 is compared like a part; the document's own header lines (its
/// date, adopted, in force, amended) are not items. On the State Council's
/// 2019 plan, a word of its opening paragraph and its date changed.
#[test]
fn a_decision_names_an_edit_of_the_preamble_and_not_of_its_header_lines() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/corpus");
    let draft = gongwen::import::import_file(
        &corpus.join("gov-vocational-education-reform-plan-2019.md"),
        Default::default(),
    )
    .unwrap()
    .draft;
    let old = gongwen::save::to_string(&draft);
    let new = old
        .replace(
            "具备了基本实现现代化的诸多有利条件",
            "具备了基本实现现代化的多方面有利条件",
        )
        .replace("- 2019年1月24日", "- 2019年1月25日");
    assert_ne!(old, new);
    std::fs::write(dir.path().join("old.yaml"), old).unwrap();
    std::fs::write(dir.path().join("new.yaml"), new).unwrap();
    let decision = diff(dir.path(), "old.yaml", "new.yaml", "decision");
    assert_eq!(
        decision,
        "关于修改《国务院关于印发国家职业教育改革实施方案的通知》的决定（草案）\n\n\
         一、将引言中的“的诸多”修改为“的多方面”。\n\n\
         《国务院关于印发国家职业教育改革实施方案的通知》根据本决定作相应修改，重新公布。\n"
    );
    // The Legislation Law's new 修正 line is a header line: no 引言 item.
    let legislation = corpus_decision(
        dir.path(),
        "legislation-law-2015.md",
        "legislation-law-2023.md",
    );
    assert!(!legislation.contains("引言"), "{legislation}");
}

/// An article changed in most of its items is quoted whole, once, as an
/// office writes 将第八条修改为：“……”, not item by item; and a sub-item of an
/// article quoted whole is not named again after it.
#[test]
fn an_article_rewritten_in_its_items_is_one_item_quoting_it_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("tests/corpus");
    let draft =
        gongwen::import::import_file(&corpus.join("legislation-law-2015.md"), Default::default())
            .unwrap()
            .draft;
    let old = gongwen::save::to_string(&draft);
    // Four of 第八条's items reworded.
    let mut new = old.clone();
    for (from, to) in [
        ("国家主权的事项；", "国家主权和领土完整的事项；"),
        ("犯罪和刑罚；", "犯罪、刑罚和刑事责任；"),
        (
            "民族区域自治制度、特别行政区制度、基层群众自治制度；",
            "民族区域自治制度、特别行政区制度；",
        ),
        (
            "税种的设立、税率的确定和税收征收管理等税收基本制度；",
            "税种的设立、税率的确定和税收征收管理等基本制度；",
        ),
    ] {
        assert_eq!(new.matches(from).count(), 1, "{from}");
        new = new.replace(from, to);
    }
    std::fs::write(dir.path().join("old.yaml"), &old).unwrap();
    std::fs::write(dir.path().join("new.yaml"), &new).unwrap();
    let decision = diff(dir.path(), "old.yaml", "new.yaml", "decision");
    let items: Vec<&str> = decision.lines().filter(|l| l.contains("第八条")).collect();
    assert_eq!(items.len(), 1, "{decision}");
    assert!(
        items[0].starts_with("一、将第八条修改为：“下列事项只能制定法律"),
        "{decision}"
    );
    assert!(
        decision.contains("“（一）国家主权和领土完整的事项；"),
        "{decision}"
    );
    // The Administrative Reconsideration Law's 第二十八条 is quoted whole:
    // the sub-items it lost are not deleted one by one after it.
    let law = corpus_decision(
        dir.path(),
        "administrative-reconsideration-law-2017.md",
        "administrative-reconsideration-law-2023.md",
    );
    // (Renumbered too, it says so first, as a 修正 decision does.)
    assert!(
        law.contains("、将第二十八条改为第六十四条，修改为："),
        "{law}"
    );
    assert!(!law.contains("删去第二十八条第三项"), "{law}");
}

/// An article split in two, and the same two merged back: each said once,
/// as an office says it, on the Legislation Law's 第二条 (its two
/// paragraphs made two articles).
#[test]
fn an_article_split_or_two_merged_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let draft = gongwen::import::import_file(
        &root().join("tests/corpus/legislation-law-2015.md"),
        Default::default(),
    )
    .unwrap()
    .draft;
    let whole = gongwen::save::to_string(&draft);
    let (first, second) = (
        "法律、行政法规、地方性法规、自治条例和单行条例的制定、修改和废止，适用本法。",
        "国务院部门规章和地方政府规章的制定、修改和废止，依照本法的有关规定执行。",
    );
    let together = format!("  - text:\n    - {first}\n    - {second}\n");
    assert!(whole.contains(&together));
    let split = whole.replace(&together, &format!("  - {first}\n  - {second}\n"));
    std::fs::write(dir.path().join("whole.yaml"), &whole).unwrap();
    std::fs::write(dir.path().join("split.yaml"), &split).unwrap();
    let title = "关于修改《中华人民共和国立法法》的决定（草案）\n\n";
    let end = "此外，对条文顺序作相应调整。\n\n《中华人民共和国立法法》根据本决定作相应修改，重新公布。\n";
    assert_eq!(
        diff(dir.path(), "whole.yaml", "split.yaml", "decision"),
        format!(
            "{title}一、将第二条分为两条，分别作为第二条、第三条：“第二条　{first}\n“第三条　{second}”\n\n{end}"
        )
    );
    assert_eq!(
        diff(dir.path(), "split.yaml", "whole.yaml", "decision"),
        format!("{title}一、将第二条、第三条合并为一条，作为第二条：“{first}\n“{second}”\n\n{end}")
    );
}
