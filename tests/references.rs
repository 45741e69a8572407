//! References by id (`[[id]]`, `[[id|款2]]`): printed as the label of the
//! part they name in every output, renumbered with it, and no change in a
//! redline when only that number changed.

use crate::common;

use std::path::Path;

use gongwen::compare::ChangeKind;
use gongwen::render::{Format, RenderContext, View};

const BEFORE: &str = "title: 资金管理办法
style: articles
parts:
  - id: scope
    text: 本办法所称资金，是指依照[[funding]]、[[funding|款2]]安排的资金。
  - id: purpose
    text: 为了规范资金管理，制定本办法。
  - id: funding
    text:
      - 资金由财政预算安排。
      - 资金专款专用。
  - id: penalty
    text: 违反[[funding|款2]]规定的，依照[[purpose]]的原则处理。
";

/// The same draft with an article inserted before the one referred to.
fn after() -> String {
    BEFORE.replace(
        "  - id: funding\n",
        "  - id: plan\n    text: 资金使用应当编制年度计划。\n  - id: funding\n",
    )
}

fn load(dir: &Path, name: &str, yaml: &str) -> gongwen::numbering::Document {
    let path = dir.join(name);
    std::fs::write(&path, yaml).unwrap();
    gongwen::numbering::number(&gongwen::load::load_draft(&path).unwrap())
}

fn render(doc: &gongwen::numbering::Document, format: Format) -> Vec<u8> {
    common::renderer()
        .render(format, View::Draft(&RenderContext::new(doc)))
        .unwrap()
        .bytes
}

#[test]
fn references_by_id_print_as_labels_and_follow_renumbering_in_every_output() {
    let dir = tempfile::tempdir().unwrap();
    let old = load(dir.path(), "v1.yaml", BEFORE);
    let new = load(dir.path(), "v2.yaml", &after());
    let old_scope = "本办法所称资金，是指依照第三条、第三条第二款安排的资金。";
    let new_scope = "本办法所称资金，是指依照第四条、第四条第二款安排的资金。";
    for (doc, scope, penalty) in [
        (
            &old,
            old_scope,
            "违反第三条第二款规定的，依照第二条的原则处理。",
        ),
        (
            &new,
            new_scope,
            "违反第四条第二款规定的，依照第二条的原则处理。",
        ),
    ] {
        let md = String::from_utf8(render(doc, Format::Markdown)).unwrap();
        let html = String::from_utf8(render(doc, Format::Html)).unwrap();
        for text in [scope, penalty] {
            assert!(md.contains(text), "md lacks {text}:\n{md}");
            assert!(html.contains(text), "html lacks {text}");
        }
        assert!(!md.contains("[[") && !html.contains("[["));
        // Word: read back through gongwen's own .docx reader.
        let docx = dir.path().join("x.docx");
        std::fs::write(&docx, render(doc, Format::Docx)).unwrap();
        let read = gongwen::import::import_file(&docx, Default::default()).unwrap();
        let yaml = gongwen::save::to_string(&read.draft);
        assert!(
            yaml.contains(scope) && yaml.contains(penalty),
            "docx: {yaml}"
        );
        if let Some(pdftotext) = common::tool("pdftotext") {
            let pdf = dir.path().join("x.pdf");
            std::fs::write(&pdf, render(doc, Format::Pdf)).unwrap();
            let text: String = common::run(&pdftotext, &["-raw", pdf.to_str().unwrap(), "-"])
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert!(
                text.contains(scope) && text.contains(penalty),
                "pdf: {text}"
            );
        }
    }
}

#[test]
fn a_redline_shows_no_change_where_only_a_referenced_number_changed() {
    let dir = tempfile::tempdir().unwrap();
    let old = load(dir.path(), "v1.yaml", BEFORE);
    let new = load(dir.path(), "v2.yaml", &after());
    let changes = gongwen::compare::compare(&old, &new);
    // 第一条 refers to 第三条, now 第四条: its printed text changed, its
    // written text did not, and nothing is reported on it.
    let on = |anchor: &str| {
        changes
            .changes
            .iter()
            .filter(|c| c.new.as_ref().is_some_and(|n| n.anchor == anchor))
            .map(|c| c.kind)
            .collect::<Vec<_>>()
    };
    assert_eq!(on("scope"), []);
    // The referring article after the insertion is renumbered, and only that.
    assert_eq!(on("penalty"), [ChangeKind::Renumbered]);
    assert_eq!(on("plan"), [ChangeKind::Inserted]);
    // The html redline marks no deletion of the old number.
    let ctx = gongwen::render::RedlineContext::new(&old, &new, ("v1", "v2"), &changes, false);
    let html = String::from_utf8(
        common::renderer()
            .render(
                Format::Html,
                View::Redline {
                    view: &ctx,
                    old: &old,
                    new: &new,
                },
            )
            .unwrap()
            .bytes,
    )
    .unwrap();
    assert!(
        html.contains("依照第四条、第四条第二款安排的资金"),
        "the new text is shown"
    );
    assert!(!html.contains("<del>第三条</del>") && !html.contains(">第三条</del>"));
}

#[test]
fn outline_references_name_the_part_in_the_outline_style() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "title: 工作措施
parts:
  - heading: 总体要求
    text: 依照[[housing]]和[[green]]的要求，落实[[modern]]。
  - id: modern
    heading: 加快建设现代化城市
    parts:
      - id: housing
        heading: 建立健全住房保障制度。
        text: 正文。
      - id: green
        heading: 推动城市绿色低碳发展。
        text: 正文。
";
    let doc = load(dir.path(), "o.yaml", yaml);
    let first = doc.sections[0].paragraphs().next().unwrap();
    assert_eq!(
        first,
        "依照第二部分第（一）项和第二部分第（二）项的要求，落实第二部分。"
    );
    // Items numbered through the whole text are named alone.
    let doc = load(
        dir.path(),
        "c.yaml",
        &yaml.replace(
            "parts:\n  - heading: 总体要求",
            "continuous: [2]\nparts:\n  - heading: 总体要求",
        ),
    );
    let first = doc.sections[0].paragraphs().next().unwrap();
    assert_eq!(first, "依照第（一）项和第（二）项的要求，落实第二部分。");
}

#[test]
fn a_reference_to_no_part_is_an_error_at_its_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, "title: 测试\nstyle: articles\nparts:\n  - id: funding\n    text: 资金。\n  - 依照[[fundng]]的规定。\n").unwrap();
    let err = gongwen::load::load_draft(&path).err().unwrap();
    let text = err.0[0].render();
    assert!(
        text.contains("d.yaml:6:7")
            && text.contains("no part has the id `fundng`")
            && text.contains("did you mean [[funding]]"),
        "{text}"
    );
    std::fs::write(&path, "title: 测试\nstyle: articles\nparts:\n  - id: funding\n    text: 资金。\n  - 依照[[funding|款3]]的规定。\n").unwrap();
    let text = gongwen::load::load_draft(&path).err().unwrap().0[0].render();
    assert!(
        text.contains("has 1 paragraph, not a paragraph 3"),
        "{text}"
    );
}

#[test]
fn import_links_the_civil_codes_references_and_prints_the_same_text() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/civil-code-2020.md");
    let import = |link_references: bool| {
        let options = gongwen::import::ImportOptions {
            link_references,
            ..Default::default()
        };
        gongwen::import::import_file(&src, options).unwrap()
    };
    let (plain, linked) = (import(false), import(true));
    assert_eq!(linked.summary.linked_references, 49);
    let yaml = gongwen::save::to_string(&linked.draft);
    assert!(
        yaml.contains("本法[[art-243]]、[[art-245]]的规定"),
        "the references are written by id"
    );
    let (a, b) = (
        gongwen::numbering::number(&plain.draft),
        gongwen::numbering::number(&linked.draft),
    );
    assert_eq!(render(&a, Format::Markdown), render(&b, Format::Markdown));
    // And a draft saved with them loads: every id they name exists.
    let dir = tempfile::tempdir().unwrap();
    gongwen::save::save_checked(&linked.draft, &dir.path().join("c.yaml"), false, &[]).unwrap();
    assert!(gongwen::load::load_draft(&dir.path().join("c.yaml")).is_ok());
}

#[test]
fn an_item_is_named_after_its_paragraph_when_the_article_has_several() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = "title: 办法\nstyle: articles\nparts:\n  - text:\n      - 第一款。\n      - 有下列情形之一的：\n      - parts:\n          - 情形一；\n          - id: i2\n            text: 情形二。\n  - 违反[[i2]]的，予以处罚。\n";
    let doc = load(dir.path(), "d.yaml", yaml);
    let second = doc.sections[1].paragraphs().next().unwrap();
    assert_eq!(second, "违反第一条第二款第二项的，予以处罚。");
    // 款 names a paragraph of an article only; a part with neither number
    // nor heading cannot be referred to.
    let path = dir.path().join("e.yaml");
    std::fs::write(&path, yaml.replace("违反[[i2]]", "违反[[i2|款1]]")).unwrap();
    let text = gongwen::load::load_draft(&path).err().unwrap().0[0].render();
    assert!(text.contains("`i2` is not an article"), "{text}");
    std::fs::write(&path, "title: 测试\nparts:\n  - id: a\n    numbered: false\n    text: 甲。\n  - text: 见[[a]]和`[[b]]`。\n").unwrap();
    let text = gongwen::load::load_draft(&path).err().unwrap().0[0].render();
    assert!(text.contains("has no number and no heading"), "{text}");
}
