//! The command line as a user meets it: exit codes, output layout and
//! contents, template overrides, options, escaping, and errors for broken
//! input.

use crate::common::{self, root};

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gongwen::render::{Format, RenderContext, View};

/// The binary, with none of the environment variables it reads inherited
/// from whoever runs the tests.
fn gongwen() -> Command {
    let mut cmd = Command::cargo_bin("gongwen").unwrap();
    cmd.env_remove("GONGWEN_FONTS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("NO_COLOR")
        .timeout(std::time::Duration::from_secs(300));
    cmd
}

/// A draft of the repository built in-process, to compare the CLI's files with.
fn built(draft: &str, format: Format) -> Vec<u8> {
    let doc = gongwen::numbering::number(&gongwen::load::load_draft(&root().join(draft)).unwrap());
    common::renderer()
        .render(format, View::Draft(&RenderContext::new(&doc)))
        .unwrap()
        .bytes
}

/// The text of a PDF, as pdftotext reads it in order (empty without pdftotext
/// when GONGWEN_SKIP_TOOLS=1; a failure without it otherwise).
fn pdf_text(pdf: &Path) -> Option<String> {
    let program = common::tool("pdftotext")?;
    Some(common::run(&program, &["-raw", pdf.to_str().unwrap(), "-"]))
}

#[test]
fn build_without_arguments_writes_every_draft_under_drafts_into_output() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    let out = gongwen()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc = dir.path().join("output/chengdong-urbanization-2021");
    // The files are what the library makes of the drafts.
    for (file, draft, format) in [
        ("v1.md", V1, Format::Markdown),
        ("v1.html", V1, Format::Html),
        ("v2.md", V2, Format::Markdown),
        ("v1.docx", V1, Format::Docx),
    ] {
        assert_eq!(
            std::fs::read(doc.join(file)).unwrap(),
            built(draft, format),
            "{file}"
        );
    }
    if let Some(text) = pdf_text(&doc.join("v1.pdf")) {
        let text: String = text.split_whitespace().collect();
        assert!(
            text.contains("城东区贯彻落实《西宁市2021年新型城镇化"),
            "{text}"
        );
        assert!(text.contains("（征求意见稿）"), "{text}");
        assert!(text.contains("（十二）"), "{text}");
    }
    let redline = std::fs::read_to_string(doc.join("v1-v2.redline.md")).unwrap();
    assert!(
        redline.contains("v1 → v2：修改 6 处，新增 2 处，移动 1 处，重新编号 3 处"),
        "{redline}"
    );
    // Only the CLI prints, and it says what it wrote, in order: the drafts of
    // both documents (four files each), their redlines (four each), then
    // the 起草说明 draft and 意见采纳情况表 of the reference, whose v1 has comments,
    // then the five schemas an editor checks the drafts with.
    let stdout = String::from_utf8_lossy(&out.stdout);
    let wrote: Vec<&str> = stdout.lines().filter(|l| l.starts_with("wrote")).collect();
    assert_eq!(wrote.len(), 34, "{stdout}");
    assert!(
        wrote[29].ends_with("output/schema/draft.schema.json"),
        "{stdout}"
    );
    assert!(
        wrote[0].ends_with("output/chengdong-urbanization-2021/v1.md"),
        "{stdout}"
    );
    assert!(
        wrote[10].ends_with("output/chengdong-vocational-education-2021/v1.pdf"),
        "{stdout}"
    );
    assert!(wrote[18].ends_with("2021/v1-v2.redline.pdf"), "{stdout}");
    assert!(
        wrote[23].ends_with("education-2021/v1-v2.redline.docx"),
        "{stdout}"
    );
    assert!(wrote[24].ends_with("v1-v2.explanation.md"), "{stdout}");
    assert!(wrote[25].ends_with("v1.comments.md"), "{stdout}");
    assert!(wrote[27].ends_with("v1.comments.pdf"), "{stdout}");
    assert!(wrote[28].ends_with("v1.comments.docx"), "{stdout}");
    let explanation = std::fs::read_to_string(doc.join("v1-v2.explanation.md")).unwrap();
    assert!(
        explanation.starts_with("> 本稿由 gongwen 根据征求意见记录和两稿比对自动生成")
            && explanation.contains("未经审核不得报送或公开"),
        "{explanation}"
    );
    assert!(
        explanation.contains("共收到16个单位（个人）反馈意见18条")
            && explanation.contains("采纳8条，部分采纳1条，未采纳5条，已有规定3条，不涉及1条")
            // Changes to the text, each counted once, and all eight asked
            // for by a comment (the 成文日期 added is not a change to the text).
            && explanation.contains("与征求意见稿相比，修改稿修改6处，新增1处，移动1处，修改较多的是五、加快建设现代化城市（3处）。上述修改均与反馈意见有关。")
            // The document by its name, not the draft's file (issue 29).
            && explanation.contains("就《城东区贯彻落实〈西宁市2021年新型城镇化建设及城乡融合发展工作要点〉工作措施（征求意见稿）》征求意见")
            && !explanation.contains("v1"),
        "{explanation}"
    );
}

#[test]
fn a_copy_of_drafts_elsewhere_builds_with_the_same_layout() {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("elsewhere");
    common::copy_tree(&root().join("drafts"), &copy);
    let out_dir = dir.path().join("out");
    gongwen()
        .arg("build")
        .arg(&copy)
        .arg("--out")
        .arg(&out_dir)
        .arg("--format")
        .arg("md")
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read(out_dir.join("chengdong-urbanization-2021/v1.md")).unwrap(),
        built(V1, Format::Markdown)
    );
    assert!(
        !out_dir.join("chengdong-urbanization-2021/v1.html").exists(),
        "only the formats asked for"
    );
}

#[test]
fn check_passes_the_sample_drafts_and_says_so_for_each() {
    let out = gongwen()
        .current_dir(root())
        .args(["check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok      drafts/chengdong-urbanization-2021/v1\nok      drafts/chengdong-urbanization-2021/v2.yaml\nok      drafts/chengdong-vocational-education-2021/v1\nok      drafts/chengdong-vocational-education-2021/v2.yaml\nok      drafts/chengdong-urbanization-2021/v1.comments.yaml\n"
    );
    // What it says besides: the reference's half-width punctuation, as lint
    // warnings (162 in v1, 166 in v2).
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning:"))
        .collect();
    assert_eq!(warnings.len(), 162 + 166, "{stderr}");
    assert!(
        warnings
            .iter()
            .all(|w| w.ends_with("[half-width-punctuation]")),
        "{stderr}"
    );
    assert!(!stderr.contains("error"), "{stderr}");
}

fn write_draft(dir: &Path, yaml: &str) -> PathBuf {
    let path = dir.join("draft.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn check_reports_problems_with_place_source_line_and_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_draft(dir.path(), "title: 标题\nparts:\n  - headng: 总体要求\n");
    let out = gongwen().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}:3:5: unknown key `headng` in a part",
            path.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("  - headng: 总体要求"),
        "shows the line: {stderr}"
    );
    assert!(stderr.contains("did you mean `heading`?"), "{stderr}");
}

#[test]
fn a_broken_draft_writes_no_output_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    let drafts = dir.path().join("drafts/doc");
    std::fs::create_dir_all(&drafts).unwrap();
    std::fs::write(drafts.join("v1.yaml"), "title: [\n").unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.path().join("output/doc/v1.md").exists());
    assert!(!dir.path().join("output/doc/v1.html").exists());
}

#[test]
fn usage_and_io_trouble_exit_two() {
    gongwen()
        .args(["build", "/nonexistent/drafts"])
        .assert()
        .code(2);
    gongwen()
        .args(["check", "/nonexistent/drafts"])
        .assert()
        .code(2);
    gongwen()
        .args(["build", "--format", "rtf"])
        .current_dir(root())
        .assert()
        .code(2);
    // A Word file is not for the terminal, and --author is the docx redline's.
    let out = gongwen()
        .args(["diff", "--format", "decision", "--author", "甲"])
        .args([V1, V2])
        .current_dir(root())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--author names who made"));
    gongwen().args(["frobnicate"]).assert().code(2);
}

#[test]
fn every_command_has_help() {
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
    ] {
        let out = gongwen().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    }
}

#[test]
fn author_text_that_looks_like_markup_or_template_code_comes_out_literally() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = r#"title: "标题<script>alert(1)</script>"
stage: "征求意见稿 & {{ stage }}"
organ: "{% if x %}机关{% endif %}"
preamble:
  - "前言 {{ meta.title }} & <b>粗</b>"
parts:
  - heading: "总体 <script>x</script>"
    text: "正文 {% raw %} & {{ 1 + 1 }} <img src=x onerror=alert(1)>"
"#;
    let path = write_draft(dir.path(), yaml);
    let out_dir = dir.path().join("out");
    gongwen()
        .arg("build")
        .arg(&path)
        .arg("--out")
        .arg(&out_dir)
        .assert()
        .code(0);
    let html_path = std::fs::read_dir(&out_dir)
        .unwrap()
        .flat_map(|e| walk(&e.unwrap().path()))
        .find(|p| p.extension().is_some_and(|e| e == "html"))
        .unwrap();
    let html = std::fs::read_to_string(html_path).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>粗"), "{html}");
    for literal in [
        "标题&lt;script&gt;alert(1)&lt;/script&gt;",
        "（征求意见稿 &amp; {{ stage }}）",
        "{% if x %}机关{% endif %}",
        "前言 {{ meta.title }} &amp; &lt;b&gt;粗&lt;/b&gt;",
        "总体 &lt;script&gt;x&lt;/script&gt;",
        "正文 {% raw %} &amp; {{ 1 + 1 }} &lt;img src=x onerror=alert(1)&gt;",
    ] {
        assert!(html.contains(literal), "missing {literal} in\n{html}");
    }
}

fn walk(path: &Path) -> Vec<PathBuf> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .unwrap()
            .flat_map(|e| walk(&e.unwrap().path()))
            .collect()
    } else {
        vec![path.to_path_buf()]
    }
}

#[test]
fn a_template_in_the_project_overrides_the_built_in_one() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/document.md.tera"),
        "自定义：{{ meta.title.plain }}（{{ blocks | length }}段）\n",
    )
    .unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md"])
        .assert()
        .code(0);
    let md = std::fs::read_to_string(dir.path().join("output/chengdong-urbanization-2021/v1.md"))
        .unwrap();
    assert!(md.starts_with("自定义：城东区贯彻落实"), "{md}");
    assert!(md.trim_end().ends_with("（19段）"), "{md}");
}

#[test]
fn a_broken_template_override_is_reported_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    std::fs::create_dir_all(dir.path().join("templates")).unwrap();
    std::fs::write(
        dir.path().join("templates/document.html.tera"),
        "<p>\n{% for b in blocks %}\n",
    )
    .unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .arg("build")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("templates/document.html.tera:"), "{stderr}");
    assert!(stderr.contains("template error"), "{stderr}");
}

#[test]
fn import_writes_a_draft_that_check_accepts_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("drafts/ref/v1.yaml");
    let input = root().join("tests/fixtures/chengdong-2021-consultation-draft.txt");
    let run = gongwen()
        .arg("import")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        stdout.contains("outline style, 18 parts (0 articles), 0 warnings"),
        "{stdout}"
    );
    gongwen().arg("check").arg(&out).assert().code(0);
    let yaml = std::fs::read_to_string(&out).unwrap();
    assert!(yaml.contains("continuous:"), "{yaml}");
    // A second import without --force leaves the draft alone.
    std::fs::write(&out, "title: 改过的稿\n").unwrap();
    let again = gongwen()
        .arg("import")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "title: 改过的稿\n");
    gongwen()
        .arg("import")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--force")
        .assert()
        .code(0);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), yaml);
}

#[test]
fn import_to_a_folder_writes_one_file_per_top_level_part() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("v1");
    let input = root().join("tests/fixtures/chengdong-2021-consultation-draft.txt");
    gongwen()
        .arg("import")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(0);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "01.yaml",
            "02.yaml",
            "03.yaml",
            "04.yaml",
            "05.yaml",
            "06.yaml",
            "draft.yaml"
        ]
    );
    gongwen().arg("check").arg(&out).assert().code(0);
}

/// Runs `gongwen import INPUT --out OUT`.
fn import(input: &Path, out: &Path) -> std::process::Output {
    gongwen()
        .arg("import")
        .arg(input)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn import_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n \n").unwrap();
    let binary = dir.path().join("file.docx");
    std::fs::write(&binary, b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00").unwrap();
    let plain = dir.path().join("notes.txt");
    std::fs::write(
        &plain,
        "会议纪要\n大家讨论了明年的工作。\n会议决定下周再议。\n",
    )
    .unwrap();
    let out = |name: &str| dir.path().join(name);

    let run = import(&empty, &out("a.yaml"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("empty.txt: the file has no text"));

    // A .docx cut short: a zip package gongwen cannot read.
    let run = import(&binary, &out("b.yaml"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not a readable .docx package"));
    let binary = dir.path().join("picture.png");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    let run = import(&binary, &out("b.yaml"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("this is not a text file"));

    let run = import(&dir.path().join("missing.txt"), &out("c.yaml"));
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("missing.txt: cannot read the file"));

    // No structure: imported as preamble paragraphs, with a warning, not an error.
    let run = import(&plain, &out("d.yaml"));
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stderr).contains("no structure recognised"));
    let draft = gongwen::load::load_draft(&out("d.yaml")).unwrap();
    assert_eq!(draft.meta.title, "会议纪要");
    assert_eq!(
        draft.meta.preamble,
        ["大家讨论了明年的工作。", "会议决定下周再议。"]
    );
    for name in ["a.yaml", "b.yaml", "c.yaml"] {
        assert!(!out(name).exists(), "{name} written after an error");
    }
}

const V1: &str = "drafts/chengdong-urbanization-2021/v1";
const V2: &str = "drafts/chengdong-urbanization-2021/v2.yaml";

#[test]
fn diff_exits_zero_for_the_same_draft_one_for_different_two_for_trouble() {
    let same = gongwen()
        .current_dir(root())
        .args(["diff", V1, V1])
        .output()
        .unwrap();
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("两稿相同"));
    let differ = gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(differ.status.code(), Some(1));
    let text = String::from_utf8_lossy(&differ.stdout);
    assert!(text.contains("部门[-报道-]{+报到+}"), "{text}");
    assert!(
        text.contains("原五、（十） → 现三、（五） 加快产城融合发展。（移动、重新编号）"),
        "{text}"
    );
    gongwen()
        .current_dir(root())
        .args(["diff", V1, "drafts/missing.yaml"])
        .assert()
        .code(2);
    let dir = tempfile::tempdir().unwrap();
    let broken = write_draft(dir.path(), "title: [\n");
    gongwen()
        .current_dir(root())
        .arg("diff")
        .arg(V1)
        .arg(&broken)
        .assert()
        .code(2);
}

#[test]
fn diff_json_has_the_documented_fields() {
    let out = gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["old"]["name"], "v1");
    assert_eq!(json["new"]["name"], "v2");
    // The figures the README shows for the reference draft's second version.
    assert_eq!(
        json["summary"],
        serde_json::json!({
            "modified": 6, "inserted": 2, "deleted": 0, "moved": 1, "renumbered": 3,
            "unchanged": 8, "whitespace_only": 0, "punctuation_only": 0, "reference_only": 0
        })
    );
    assert_eq!(json["old"]["path"], V1);
    assert_eq!(json["new"]["path"], V2);
    let changes = json["changes"].as_array().unwrap();
    let renumbered = changes.iter().find(|c| c["kind"] == "renumbered").unwrap();
    assert_eq!(renumbered["old"]["label"], "（五）");
    assert_eq!(renumbered["new"]["label"], "（六）");
    assert_eq!(renumbered["new"]["id"], "city-level");
    let fix = changes
        .iter()
        .find(|c| c["new"]["id"] == "governance")
        .unwrap();
    assert_eq!(fix["kind"], "modified");
    assert!(
        fix["inline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|op| op["op"] == "replace" && op["old"] == "报道" && op["new"] == "报到")
    );
}

#[test]
fn diff_writes_criticmarkup_html_and_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("r.md");
    gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--format", "md", "--out"])
        .arg(&md)
        .assert()
        .code(1);
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(text.contains("部门{~~报道~>报到~~}"), "{text}");
    assert!(
        text.contains("{>>由原五、（十）移来<<}") && text.contains("{>>移至三、（五）<<}"),
        "{text}"
    );
    let html = dir.path().join("r.html");
    gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--format", "html", "--out"])
        .arg(&html)
        .assert()
        .code(1);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("<del>报道</del><ins>报到</ins>"),
        "inline redline"
    );
    assert!(
        page.contains("修改对照表") && page.contains("同左"),
        "side-by-side table"
    );
    // Every link of the summary leads somewhere on the page.
    for link in page.split("href=\"#").skip(1) {
        let target = &link[..link.find('"').unwrap()];
        assert!(
            page.contains(&format!("id=\"{target}\"")),
            "a link to #{target} leads nowhere"
        );
    }
    assert!(
        page.contains("href=\"#row-1\""),
        "a title-area change links to its table row"
    );
    let pdf = dir.path().join("r.pdf");
    gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--format", "pdf", "--out"])
        .arg(&pdf)
        .assert()
        .code(1);
    if let Some(text) = pdf_text(&pdf) {
        // The redline PDF reads in order: title and counts, the summary, the
        // marked-up draft with both sides of an edit, then the 对照表.
        let text: String = text.split_whitespace().collect();
        let mut at = 0;
        for expected in [
            "修改对照",
            "修改6处，新增2处，移动1处，重新编号3处",
            "修改摘要",
            "修改稿",
            "〔由原五、（十）移来〕",
            "部门报道报到",
            "〔移至三、（五）〕",
            "修改对照表",
            "同左",
        ] {
            let found = text[at..]
                .find(expected)
                .unwrap_or_else(|| panic!("{expected} not found after {at} in {text}"));
            at += found + expected.len();
        }
    }
}

#[test]
fn build_writes_redlines_between_consecutive_drafts() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md,html"])
        .assert()
        .code(0);
    let doc = dir.path().join("output/chengdong-urbanization-2021");
    let md = std::fs::read_to_string(doc.join("v1-v2.redline.md")).unwrap();
    assert!(md.contains("部门{~~报道~>报到~~}"), "{md}");
    let html = std::fs::read_to_string(doc.join("v1-v2.redline.html")).unwrap();
    assert!(html.contains("<del>报道</del><ins>报到</ins>"), "{html}");
    // The same views `gongwen diff` writes.
    let diff = gongwen()
        .current_dir(root())
        .args(["diff", V1, V2, "--format", "md"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&diff.stdout), md);
}

#[test]
fn overrides_of_the_pdf_and_redline_templates_are_used() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(&root().join("drafts"), &dir.path().join("drafts"));
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("document.typ"),
        "#let data = json(\"/data.json\")\n#set text(font: json(\"/fonts.json\").body)\n自定义版式：#data.meta.title.plain.replace(\"\\n\", \"\")\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("redline.md.tera"),
        "自定义修改对照：{{ summary.line }}（{{ entries | length }}条）\n",
    )
    .unwrap();
    gongwen()
        .current_dir(dir.path())
        .args(["build", "--format", "md,pdf"])
        .assert()
        .code(0);
    let doc = dir.path().join("output/chengdong-urbanization-2021");
    let redline = std::fs::read_to_string(doc.join("v1-v2.redline.md")).unwrap();
    assert_eq!(
        redline,
        "自定义修改对照：修改 6 处，新增 2 处，移动 1 处，重新编号 3 处（12条）\n"
    );
    if let Some(text) = pdf_text(&doc.join("v1.pdf")) {
        let text: String = text.split_whitespace().collect();
        assert!(text.starts_with("自定义版式：城东区贯彻落实"), "{text}");
    }
}

#[test]
fn the_terminal_view_is_coloured_only_when_asked_or_on_a_terminal_without_no_color() {
    let run = |args: &[&str]| {
        let out = gongwen()
            .current_dir(root())
            .args(["diff", V1, V2])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&["--color", "always"]).contains("\x1b[31m[-报道-]\x1b[0m"));
    assert!(!run(&["--color", "never"]).contains('\x1b'));
    // Auto, and not a terminal: no colour.
    assert!(!run(&[]).contains('\x1b'));
    // On a terminal (script(1) gives one), colour unless NO_COLOR is set.
    let Some(script) = common::tool("script") else {
        return;
    };
    let bin = assert_cmd::cargo::cargo_bin("gongwen");
    let on_terminal = |no_color: bool| {
        let mut cmd = std::process::Command::new(&script);
        cmd.current_dir(root())
            .args(["-qec"])
            .arg(format!("{} diff {V1} {V2}", bin.display()))
            .arg("/dev/null")
            .env_remove("NO_COLOR");
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    };
    assert!(
        on_terminal(false).contains("\x1b[31m"),
        "colour on a terminal"
    );
    assert!(
        !on_terminal(true).contains("\x1b[31m"),
        "NO_COLOR is honoured"
    );
}

#[test]
fn whitespace_only_edits_are_hidden_unless_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.yaml"),
        "title: 甲\nparts:\n  - 推进 重点工作。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.yaml"),
        "title: 甲\nparts:\n  - 推进重点工作。\n",
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = gongwen()
            .current_dir(dir.path())
            .args(["diff", "a.yaml", "b.yaml", "--color", "never"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "the drafts differ either way");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let hidden = run(&[]);
    assert!(!hidden.contains("[- -]"), "{hidden}");
    let shown = run(&["--show-whitespace"]);
    assert!(shown.contains("推进[- -]重点工作"), "{shown}");
    assert!(shown.contains("仅空白"), "{shown}");
    let md = run(&["--format", "md"]);
    assert!(md.contains("另有 1 处仅空白的修改未列出"), "{md}");
}

#[test]
fn import_reads_gb18030_and_takes_the_style_it_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        "关于加强管理的办法\n第一条 为了加强管理，制定本办法。\n第二条 本办法自公布之日起施行。\n";
    let (gbk, _, _) = encoding_rs::GB18030.encode(text);
    std::fs::write(dir.path().join("gbk.txt"), &gbk).unwrap();
    let out = gongwen()
        .current_dir(dir.path())
        .args(["import", "gbk.txt", "--out", "auto.yaml"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("articles style, 2 parts (2 articles)"),
        "{report}"
    );
    assert!(report.contains("decoded from GB18030"), "{report}");
    let draft = gongwen::load::load_draft(&dir.path().join("auto.yaml")).unwrap();
    assert_eq!(draft.meta.title, "关于加强管理的办法");
    // The same text read as an outline: no 一、 lines, so no parts.
    let out = gongwen()
        .current_dir(dir.path())
        .args([
            "import",
            "gbk.txt",
            "--out",
            "outline.yaml",
            "--style",
            "outline",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("outline style, 0 parts"));
    let draft = gongwen::load::load_draft(&dir.path().join("outline.yaml")).unwrap();
    assert_eq!(draft.meta.numbering.style, gongwen::model::Style::Outline);
    assert_eq!(draft.meta.preamble.len(), 2);
}

#[test]
fn the_pdf_is_dated_by_the_draft_or_source_date_epoch_and_the_same_in_two_processes() {
    let Some(pdfinfo) = common::tool("pdfinfo") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("doc")).unwrap();
    std::fs::write(
        dir.path().join("doc/v1.yaml"),
        "title: 甲\ndate: 2021-09-01\nparts:\n  - 正文。\n",
    )
    .unwrap();
    let build = |out: &str, epoch: Option<&str>| {
        let mut cmd = gongwen();
        cmd.current_dir(dir.path())
            .args(["build", "doc/v1.yaml", "--format", "pdf", "--out", out]);
        if let Some(e) = epoch {
            cmd.env("SOURCE_DATE_EPOCH", e);
        }
        cmd.assert().code(0);
        let pdf = dir.path().join(out).join("doc/v1.pdf");
        let info = common::run(&pdfinfo, &["-isodates", pdf.to_str().unwrap()]);
        (std::fs::read(&pdf).unwrap(), info)
    };
    let (first, info) = build("a", None);
    assert!(
        info.contains("CreationDate:    2021-09-01T00:00:00Z"),
        "{info}"
    );
    // Built again by another process: the same bytes.
    let (second, _) = build("b", None);
    assert!(first == second, "two builds of the same draft differ");
    let (_, info) = build("c", Some("1700000000"));
    assert!(
        info.contains("CreationDate:    2023-11-14T22:13:20Z"),
        "{info}"
    );
}

#[test]
fn lint_fix_dry_run_prints_the_diff_and_writes_nothing_then_fix_writes() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("v2.yaml");
    std::fs::copy(root().join(V2), &draft).unwrap();
    let before = std::fs::read(&draft).unwrap();
    let out = gongwen()
        .args(["lint", "--fix", "--dry-run"])
        .arg(&draft)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("+  - 为贯彻落实青海省发展改革委印发《青海省2021年新型城镇化和城乡融合发展工作要点》（青发改规划〔2021〕319号）"),
        "{stdout}"
    );
    assert!(stdout.contains("166 lint findings") && stdout.contains("dry run: nothing written"));
    assert_eq!(
        std::fs::read(&draft).unwrap(),
        before,
        "a dry run writes nothing"
    );
    assert_eq!(out.status.code(), Some(1));
    let out = gongwen()
        .args(["lint", "--fix"])
        .arg(&draft)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("fixed") && stdout.contains("clean"),
        "{stdout}"
    );
    // The comments and the Chinese keys of the file are where they were.
    let after = std::fs::read_to_string(&draft).unwrap();
    let before = String::from_utf8(before).unwrap();
    assert_eq!(after.lines().count(), before.lines().count());
    for (a, b) in after.lines().zip(before.lines()) {
        if a.starts_with('#') || !a.contains(',') && !b.contains([',', '(', ';']) {
            assert_eq!(a, b);
        }
    }
}

/// The progress lines and the errors of finding drafts, of the fonts and of
/// writing are in the language of the locale, or of `--lang`.
#[test]
fn progress_lines_and_errors_follow_the_language() {
    let dir = tempfile::tempdir().unwrap();
    let draft = write_draft(
        dir.path(),
        "title: 关于加强管理的通知\nparts:\n  - 第一段。\n",
    );
    let out = dir.path().join("out");
    let run = |lang: &str, args: &[&std::ffi::OsStr]| {
        let out = gongwen()
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        let text = |b: Vec<u8>| String::from_utf8(b).unwrap();
        (out.status.code(), text(out.stdout), text(out.stderr))
    };
    let build = |lang| {
        run(
            lang,
            &[
                "build".as_ref(),
                draft.as_os_str(),
                "--format".as_ref(),
                "md".as_ref(),
                "--out".as_ref(),
                out.as_os_str(),
            ],
        )
    };

    let (code, stdout, _) = build("zh_CN.UTF-8");
    assert_eq!(code, Some(0), "{stdout}");
    let written = stdout
        .lines()
        .find_map(|l| l.strip_prefix("已写出  "))
        .unwrap_or_else(|| panic!("no 已写出 line in\n{stdout}"))
        .to_string();
    let (code, stdout, _) = build("en_US.UTF-8");
    assert_eq!(code, Some(0));
    assert!(stdout.contains(&format!("wrote   {written}\n")), "{stdout}");

    // A folder where the Markdown goes: refused, in Chinese.
    std::fs::remove_file(&written).unwrap();
    std::fs::create_dir(&written).unwrap();
    let (code, _, stderr) = build("zh_CN.UTF-8");
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(&format!(
            "错误：无法写入 {written}：这里是一个文件夹，gongwen 只替换普通文件"
        )),
        "{stderr}"
    );

    let missing = dir.path().join("nothere");
    let (code, _, stderr) = run("zh_CN.UTF-8", &["check".as_ref(), missing.as_os_str()]);
    assert_eq!(code, Some(2));
    assert!(stderr.contains("没有这个文件或文件夹"), "{stderr}");
    assert!(stderr.contains("请给出一份草稿"), "{stderr}");
    let (_, _, stderr) = run(
        "zh_CN.UTF-8",
        &[
            "check".as_ref(),
            missing.as_os_str(),
            "--lang".as_ref(),
            "en".as_ref(),
        ],
    );
    assert!(stderr.contains("no such file or folder"), "{stderr}");

    let (code, _, stderr) = run(
        "zh_CN.UTF-8",
        &[
            "check".as_ref(),
            draft.as_os_str(),
            "--font-dir".as_ref(),
            missing.as_os_str(),
        ],
    );
    assert_eq!(code, Some(2));
    assert!(stderr.contains("--font-dir 给的文件夹不存在"), "{stderr}");
}
