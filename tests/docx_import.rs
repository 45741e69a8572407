//! Word files in: a .docx gongwen wrote reads back as the same draft; one
//! pandoc makes from a corpus law keeps every article number; one whose
//! numbers are Word's automatic list numbering imports with the numbers it
//! showed; tracked changes, .doc and encrypted files are refused with a way on.

use crate::common::{self, root};

use std::path::{Path, PathBuf};

use gongwen::import::docx::TrackedChanges;
use gongwen::import::{ImportOptions, import_file};
use gongwen::model::Level;
use gongwen::numbering::number;
use gongwen::render::{Format, RedlineContext, RenderContext, View};

fn load(relative: &str) -> gongwen::model::Draft {
    gongwen::load::load_draft(&root().join(relative)).unwrap()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn options(changes: TrackedChanges) -> ImportOptions {
    ImportOptions {
        changes,
        ..Default::default()
    }
}

#[test]
fn the_reference_draft_round_trips_through_its_docx() {
    let dir = tempfile::tempdir().unwrap();
    for version in [
        "drafts/chengdong-urbanization-2021/v1",
        "drafts/chengdong-urbanization-2021/v2.yaml",
        // A Word table with merged cells, in an attachment from a new page.
        "drafts/chengdong-vocational-education-2021/v1",
        "drafts/chengdong-vocational-education-2021/v2.yaml",
    ] {
        let draft = load(version);
        let ctx = RenderContext::new(&number(&draft));
        let docx = common::renderer()
            .render(Format::Docx, View::Draft(&ctx))
            .unwrap()
            .bytes;
        let file = write(dir.path(), "draft.docx", &docx);
        let imported = import_file(&file, ImportOptions::default()).unwrap();
        assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
        assert_eq!(
            gongwen::save::to_string(&imported.draft),
            gongwen::save::to_string(&draft),
            "{version}"
        );
    }
}

#[test]
fn tracked_changes_are_refused_unless_accepted_or_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (v1, v2) = (
        load("drafts/chengdong-urbanization-2021/v1"),
        load("drafts/chengdong-urbanization-2021/v2.yaml"),
    );
    let (old, new) = (number(&v1), number(&v2));
    let changes = gongwen::compare::compare(&old, &new);
    let ctx =
        RedlineContext::for_formats(&[Format::Docx], &old, &new, ("v1", "v2"), &changes, false);
    let docx = common::renderer()
        .render(
            Format::Docx,
            View::Redline {
                view: &ctx,
                old: &old,
                new: &new,
            },
        )
        .unwrap()
        .bytes;
    let file = write(dir.path(), "redline.docx", &docx);
    let refused = import_file(&file, ImportOptions::default()).unwrap_err();
    assert!(
        refused.message.contains("tracked changes"),
        "{}",
        refused.message
    );
    assert!(
        refused
            .help
            .as_deref()
            .unwrap_or("")
            .contains("--accept-changes")
    );
    // The redline carries no part ids (a bookmark would name both sides).
    let accepted = import_file(&file, options(TrackedChanges::Accept)).unwrap();
    assert_eq!(without_ids(accepted.draft), without_ids(v2));
    let rejected = import_file(&file, options(TrackedChanges::Reject)).unwrap();
    assert_eq!(without_ids(rejected.draft), without_ids(v1));
}

/// The draft's YAML with its part ids left out.
fn without_ids(mut draft: gongwen::model::Draft) -> String {
    fn strip(parts: &mut [gongwen::model::Part]) {
        for p in parts {
            p.id = None;
            for b in &mut p.body {
                if let gongwen::model::Block::Part(c) = b {
                    strip(std::slice::from_mut(c));
                }
            }
        }
    }
    strip(&mut draft.parts);
    gongwen::save::to_string(&draft)
}

#[test]
fn a_doc_or_an_encrypted_file_is_told_to_be_saved_as_docx() {
    let dir = tempfile::tempdir().unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 504]);
    let doc = write(dir.path(), "old.doc", &ole);
    let e = import_file(&doc, ImportOptions::default()).unwrap_err();
    assert!(e.message.contains("Word 97–2003"), "{}", e.message);
    assert!(e.help.as_deref().unwrap_or("").contains(".docx"));
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let locked = write(dir.path(), "locked.docx", &ole);
    let e = import_file(&locked, ImportOptions::default()).unwrap_err();
    assert!(e.message.contains("encrypted"), "{}", e.message);
    let broken = write(dir.path(), "broken.docx", b"PK\x03\x04 not really a zip");
    let e = import_file(&broken, ImportOptions::default()).unwrap_err();
    assert!(e.message.contains("not a readable .docx"), "{}", e.message);
}

/// Article labels of an imported draft, as gongwen numbers them.
fn articles(draft: &gongwen::model::Draft) -> Vec<String> {
    number(draft)
        .walk()
        .iter()
        .filter(|s| s.level == Level::Article)
        .map(|s| s.label.clone())
        .collect()
}

#[test]
fn a_law_made_into_docx_by_pandoc_keeps_every_article_number() {
    let Some(pandoc) = common::tool("pandoc") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for law in ["legislation-law-2023.md", "company-law-2023.md"] {
        let md = root().join("tests/corpus").join(law);
        let docx = dir.path().join("law.docx");
        common::run(
            &pandoc,
            &[md.to_str().unwrap(), "-o", docx.to_str().unwrap()],
        );
        let from_word = import_file(&docx, ImportOptions::default()).unwrap();
        let from_text = import_file(&md, ImportOptions::default()).unwrap();
        let (word, text) = (articles(&from_word.draft), articles(&from_text.draft));
        assert!(word.len() > 100, "{law}: {} articles", word.len());
        assert_eq!(word, text, "{law}");
        // Every article of the text is there, in order, numbered as printed.
        assert!(
            from_word
                .warnings
                .iter()
                .all(|w| !w.message.contains("numbers this part")),
            "{law}: {:?}",
            from_word.warnings
        );
    }
}

/// A Python that has python-docx (Debian's python3-docx is for the system
/// Python, which may not be the first `python3` on PATH).
fn python_with_docx() -> Option<PathBuf> {
    let candidates = [PathBuf::from("/usr/bin/python3")]
        .into_iter()
        .chain(common::on_path("python3"));
    for python in candidates {
        let ok = std::process::Command::new(&python)
            .args(["-c", "import docx"])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(python);
        }
    }
    common::missing("python-docx");
    None
}

/// A document numbered only by Word: 一、 （一） 1. from a list whose levels
/// are chineseCounting and decimal, written with python-docx.
const LIST_DOCUMENT: &str = r#"
import sys
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

doc = Document()
numbering = doc.part.numbering_part.element
levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")]
lvls = "".join(
    f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
    f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/></w:lvl>'
    for i, (fmt, text) in enumerate(levels)
)
abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>')
first = numbering.find(qn("w:num"))
if first is not None:
    first.addprevious(abstract)
else:
    numbering.append(abstract)
numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

def item(text, level):
    p = doc.add_paragraph(text)
    p._p.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

doc.add_paragraph("关于推进公共数据开放的实施意见")
doc.add_paragraph("为推进公共数据开放，提出如下意见。")
item("总体要求", 0)
doc.add_paragraph("坚持统筹推进、安全有序。")
item("重点任务", 0)
item("建设开放平台。依托现有平台，建设统一开放平台。", 1)
item("建立开放目录。", 1)
item("按年度更新目录。", 2)
item("公布目录清单。", 2)
item("完善开放规则。明确开放条件。", 1)
item("保障措施", 0)
item("加强组织领导。建立协调机制。", 1)
doc.save(sys.argv[1])
"#;

#[test]
fn word_list_numbering_imports_with_the_numbers_it_showed() {
    let Some(python) = python_with_docx() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let script = write(dir.path(), "make.py", LIST_DOCUMENT.as_bytes());
    let docx = dir.path().join("list.docx");
    common::run(&python, &[script.to_str().unwrap(), docx.to_str().unwrap()]);
    let imported = import_file(&docx, ImportOptions::default()).unwrap();
    assert_eq!(imported.summary.word, Some((9, 0)));
    assert!(imported.warnings.is_empty(), "{:?}", imported.warnings);
    let doc = number(&imported.draft);
    let labels: Vec<String> = doc.walk().iter().map(|s| s.label.clone()).collect();
    assert_eq!(
        labels,
        [
            "一、",
            "二、",
            "（一）",
            "（二）",
            "1.",
            "2.",
            "（三）",
            "三、",
            "（一）"
        ]
    );
    assert_eq!(imported.draft.meta.title, "关于推进公共数据开放的实施意见");
    let headings: Vec<Option<String>> = doc.walk().iter().map(|s| s.heading.clone()).collect();
    assert_eq!(headings[0].as_deref(), Some("总体要求"));
}

#[test]
fn a_word_table_is_read_as_a_table() {
    let Some(pandoc) = common::tool("pandoc") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "t.md",
        "关于报送数据的通知\n\n一、报送范围\n\n| 单位 | 数据 |\n|---|---|\n| 甲局 | 人口 |\n| 乙局 | 就业 |\n\n二、报送时间\n\n每季度末报送。\n"
            .as_bytes(),
    );
    let docx = dir.path().join("t.docx");
    common::run(
        &pandoc,
        &[md.to_str().unwrap(), "-o", docx.to_str().unwrap()],
    );
    let imported = import_file(&docx, ImportOptions::default()).unwrap();
    let yaml = gongwen::save::to_string(&imported.draft);
    let table = imported.draft.parts[0]
        .body
        .iter()
        .find_map(|b| match b {
            gongwen::model::Block::Table(t) => Some(t),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{yaml}"));
    assert_eq!(
        table.grid().unwrap(),
        [["单位", "数据"], ["甲局", "人口"], ["乙局", "就业"]]
    );
    assert_eq!(number(&imported.draft).walk().len(), 2, "{yaml}");
}

#[test]
fn the_command_line_refuses_tracked_changes_and_takes_either_choice() {
    let dir = tempfile::tempdir().unwrap();
    let red = dir.path().join("red.docx");
    let gongwen = || assert_cmd::Command::cargo_bin("gongwen").unwrap();
    gongwen()
        .current_dir(root())
        .args(["diff", "--format", "docx", "--out"])
        .arg(&red)
        .args([
            "drafts/chengdong-urbanization-2021/v1",
            "drafts/chengdong-urbanization-2021/v2.yaml",
        ])
        .assert()
        .code(1);
    let out = gongwen()
        .arg("import")
        .arg(&red)
        .arg("--out")
        .arg(dir.path().join("a.yaml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("tracked changes") && stderr.contains("--reject-changes"),
        "{stderr}"
    );
    assert!(!dir.path().join("a.yaml").exists());
    let out = gongwen()
        .arg("import")
        .arg(&red)
        .args(["--accept-changes", "--reject-changes"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "the two choices exclude each other"
    );
    gongwen()
        .arg("import")
        .arg(&red)
        .arg("--reject-changes")
        .arg("--out")
        .arg(dir.path().join("v1.yaml"))
        .assert()
        .code(0);
    assert!(dir.path().join("v1.yaml").exists());
}

/// A .docx with `document.xml` replaced and a `numbering.xml` added.
fn package_with(base: &[u8], document: &str, numbering: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(base)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        if name == "word/document.xml" {
            bytes = document.as_bytes().to_vec();
        }
        out.start_file(name, options).unwrap();
        out.write_all(&bytes).unwrap();
    }
    out.start_file("word/numbering.xml", options).unwrap();
    out.write_all(numbering.as_bytes()).unwrap();
    out.finish().unwrap().into_inner()
}

/// Pieces a damaged or hostile file might hold where a paragraph is.
const PIECES: [&str; 9] = [
    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="99"/><w:numId w:val="7"/></w:numPr></w:pPr></w:p>"#,
    r#"<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr><w:del w:id="2" w:author="a"><w:r><w:delText>乙</w:delText></w:r></w:del></w:p>"#,
    r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    r#"<w:p><w:bookmarkStart w:id="9" w:name="_gw__x1f600_"/><w:r><w:t>第一条　丁</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="GwImprint"/></w:pPr><w:r><w:t>抄送：</w:t><w:tab/></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="GwDate"/></w:pPr><w:r><w:t>2021年13月45日</w:t></w:r></w:p>"#,
    r#"<w:sdt><w:sdtContent><w:p><w:r><w:t>一、戊</w:t></w:r></w:p></w:sdtContent></w:sdt>"#,
    "<w:p><w:r><w:t>\u{202E}己\u{0}</w:t></w:r></w:p>",
];

/// A list whose numbers no real list reaches.
const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="18446744073709551615"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1%1%1%9"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="999999999999"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="40"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>"#;

proptest::proptest! {
    #![proptest_config(common::proptest_config(64))]

    /// Whatever a .docx holds, importing it gives a draft or an error, never
    /// a panic or a hang.
    #[test]
    fn a_damaged_or_hostile_docx_is_a_draft_or_an_error(
        picks in proptest::collection::vec(0..PIECES.len(), 0..12),
        cut in proptest::option::of(0usize..4000),
        changes in proptest::sample::select(vec![TrackedChanges::Refuse, TrackedChanges::Accept, TrackedChanges::Reject]),
    ) {
        let draft = load("drafts/chengdong-urbanization-2021/v2.yaml");
        let ctx = RenderContext::new(&number(&draft));
        let base = common::renderer().render(Format::Docx, View::Draft(&ctx)).unwrap().bytes;
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let mut document = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p>{body}</w:body></w:document>"#
        );
        if let Some(cut) = cut {
            let mut at = cut.min(document.len());
            while !document.is_char_boundary(at) {
                at -= 1;
            }
            document.truncate(at);
        }
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "x.docx", &package_with(&base, &document, NUMBERING));
        let _ = import_file(&file, options(changes));
    }
}

#[test]
fn a_word_file_with_tracked_changes_is_told_in_chinese_under_a_chinese_locale() {
    use crate::import_corpus::{english_words, gongwen_in};
    let dir = tempfile::tempdir().unwrap();
    let (code, output) = gongwen_in(
        root(),
        None,
        &[
            "diff",
            "--format",
            "docx",
            "--out",
            dir.path().join("修订.docx").to_str().unwrap(),
            "drafts/chengdong-urbanization-2021/v1",
            "drafts/chengdong-urbanization-2021/v2.yaml",
        ],
    );
    assert_eq!(code, 1, "{output}");
    let zh = Some("zh_CN.UTF-8");
    let (code, output) = gongwen_in(dir.path(), zh, &["import", "修订.docx"]);
    assert_eq!(code, 2, "{output}");
    assert!(
        output.contains("处修订：不清楚哪一稿才是要导入的草稿")
            && output.contains("--accept-changes（接受全部修订）"),
        "{output}"
    );
    assert_eq!(english_words(&output), Vec::<String>::new(), "{output}");
    let (code, output) = gongwen_in(dir.path(), zh, &["import", "修订.docx", "--accept-changes"]);
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains("个段落由 Word 自动编号，") && output.contains("处修订）"),
        "{output}"
    );
    assert_eq!(english_words(&output), Vec::<String>::new(), "{output}");
    let (_, output) = gongwen_in(
        dir.path(),
        None,
        &["import", "修订.docx", "--out", "en.yaml"],
    );
    assert!(
        output.contains("tracked changes: which text is the draft?"),
        "{output}"
    );
}
