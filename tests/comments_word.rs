//! Comments that come back in Word: a reviewer's comments (批注) on the
//! .docx gongwen wrote become recorded comments on the draft (issue 28).
//! The reviewed files are made here as Word writes them: `comments.xml`
//! with its relationships and content type, each comment's range in the
//! text, a reply linked through `commentsExtended.xml`.

use crate::common::root;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use gongwen::numbering::Document;
use gongwen::project::comments::{import_feedback, import_reviewed};
use gongwen::render::{Format, RenderContext, View};

fn draft_docx(doc: &Document) -> Vec<u8> {
    let ctx = RenderContext::new(doc);
    crate::common::renderer()
        .render(Format::Docx, View::Draft(&ctx))
        .unwrap()
        .bytes
}

/// A copy of a sample document's first draft, and the draft's path in it.
fn copy_of(document: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let from = root().join("drafts").join(document).join("v1");
    let to = dir.path().join("v1");
    std::fs::create_dir(&to).unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
    }
    (dir, to)
}

fn numbered(draft: &Path) -> Document {
    gongwen::numbering::number(&gongwen::load::load_draft(draft).unwrap())
}

/// A comment to add: the text of the run it marks, who, when, what; and
/// the comment it replies to, if it is a reply.
struct Note<'a> {
    marks: &'a str,
    author: &'a str,
    date: &'a str,
    text: &'a str,
    reply_to: Option<usize>,
}

/// The package's parts, by name.
fn parts(docx: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).unwrap();
            (file.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn package(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
    }
    out.finish().unwrap().into_inner()
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The .docx with the notes added as Word adds comments: a range around the
/// run holding the marked text, and a reference after it.
fn reviewed(docx: &[u8], notes: &[Note]) -> Vec<u8> {
    let mut parts = parts(docx);
    let text = |name: &str, parts: &[(String, Vec<u8>)]| -> String {
        let (_, bytes) = parts.iter().find(|(n, _)| n == name).unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let set = |name: &str, value: String, parts: &mut Vec<(String, Vec<u8>)>| match parts
        .iter_mut()
        .find(|(n, _)| n == name)
    {
        Some((_, bytes)) => *bytes = value.into_bytes(),
        None => parts.push((name.to_string(), value.into_bytes())),
    };
    let mut document = text("word/document.xml", &parts);
    let mut comments = String::new();
    let mut extended = String::new();
    for (id, note) in notes.iter().enumerate() {
        let para_id = format!("{:08X}", 0x1000 + id);
        comments.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{}" w:date="{}T09:30:00Z" w:initials="X"><w:p w14:paraId="{para_id}"><w:r><w:t>{}</w:t></w:r></w:p></w:comment>"#,
            note.author, note.date, note.text
        ));
        let parent = note
            .reply_to
            .map(|p| format!(r#" w15:paraIdParent="{:08X}""#, 0x1000 + p))
            .unwrap_or_default();
        extended.push_str(&format!(
            r#"<w15:commentEx w15:paraId="{para_id}"{parent} w15:done="0"/>"#
        ));
        // The run whose text holds what the comment marks.
        let at = document
            .find(note.marks)
            .unwrap_or_else(|| panic!("no run holds {}", note.marks));
        let start = document[..at].rfind("<w:r>").unwrap();
        let end = at + document[at..].find("</w:r>").unwrap() + "</w:r>".len();
        let reference = format!(
            r#"<w:commentRangeEnd w:id="{id}"/><w:r><w:commentReference w:id="{id}"/></w:r>"#
        );
        document.insert_str(end, &reference);
        document.insert_str(start, &format!(r#"<w:commentRangeStart w:id="{id}"/>"#));
    }
    set("word/document.xml", document, &mut parts);
    let ns = format!(
        r#"xmlns:w="{W}" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#
    );
    set(
        "word/comments.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {ns}>{comments}</w:comments>"#
        ),
        &mut parts,
    );
    set(
        "word/commentsExtended.xml",
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx {ns}>{extended}</w15:commentsEx>"#
        ),
        &mut parts,
    );
    let rels = text("word/_rels/document.xml.rels", &parts).replace(
        "</Relationships>",
        r#"<Relationship Id="rIdReview1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/><Relationship Id="rIdReview2" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>"#,
    );
    set("word/_rels/document.xml.rels", rels, &mut parts);
    let types = text("[Content_Types].xml", &parts).replace(
        "</Types>",
        r#"<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>"#,
    );
    set("[Content_Types].xml", types, &mut parts);
    package(&parts)
}

const NOTES: [Note; 4] = [
    Note {
        marks: "以习近平新时代中国特色社会主义思想为指导",
        author: "张三",
        date: "2021-09-13",
        text: "建议补充“十四五”规划的具体目标。",
        reply_to: None,
    },
    Note {
        marks: "以习近平新时代中国特色社会主义思想为指导",
        author: "李四",
        date: "2021-09-14",
        text: "同意。",
        reply_to: Some(0),
    },
    Note {
        marks: "持续增加优质教育资源供给",
        author: "王五",
        date: "2021-09-15",
        text: "幼儿园建设数量应写明。",
        reply_to: None,
    },
    Note {
        marks: "城东区贯彻落实《西宁市",
        author: "赵六",
        date: "2021-09-15",
        text: "标题可以更简短。",
        reply_to: None,
    },
];

#[test]
fn a_reviewed_docx_s_comments_are_recorded_on_the_parts_they_mark_once() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = reviewed(&draft_docx(&numbered(&draft)), &NOTES);
    let file = dir.path().join("区发改局.docx");
    std::fs::write(&file, docx).unwrap();
    let done = import_feedback(&file, &draft, Some("区发展和改革局")).unwrap();
    assert_eq!((done.added, done.already), (3, 0));
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    let written = std::fs::read_to_string(&done.file).unwrap();
    let quote = |start: &str, end: &str| {
        let v1 = std::fs::read_to_string(draft.join(start)).unwrap();
        let line = v1.lines().find(|l| l.contains(end)).unwrap().to_string();
        line.split_once(": ").unwrap().1.to_string()
    };
    let first = quote("01-requirements.yaml", "以习近平");
    let second = quote("02-citizenization.yaml", "持续增加优质教育资源供给");
    let expected = format!(
        r#"# 征求意见记录：gongwen comments import 从 Word 批注导入，可直接编辑。
comments:

  - id: "1"
    from: "区发展和改革局"
    received: 2021-09-15
    on: "general"
    quote: "城东区贯彻落实《西宁市2021年新型城镇化"
    text: "标题可以更简短。"
    disposition: 待处理
    # 区发改局.docx 第 1 条

  - id: "2"
    from: "区发展和改革局"
    received: 2021-09-13
    on: "一、"
    quote: "{first}"
    text: "建议补充“十四五”规划的具体目标。\n回复（李四）：同意。"
    disposition: 待处理
    # 区发改局.docx 第 2 条

  - id: "3"
    from: "区发展和改革局"
    received: 2021-09-15
    on: "（一）"
    quote: "{second}"
    text: "幼儿园建设数量应写明。"
    disposition: 待处理
    # 区发改局.docx 第 3 条
"#
    )
    .replace("\n回复", "\\n回复");
    assert_eq!(written, expected);
    // What `check` reads: the comments tie to the draft's parts.
    let comments = gongwen::load::load_comments(&done.file).unwrap();
    let doc = numbered(&draft);
    let resolved = gongwen::comments::resolve(&comments, &doc).unwrap();
    // The table quotes each passage before its comment, a long one cut short.
    let view = gongwen::render::comments::CommentsView::new(&doc, "v1", &resolved, None);
    let said: Vec<&str> = view.rows.iter().map(|r| r.text.plain.as_str()).collect();
    assert_eq!(
        said,
        [
            "「城东区贯彻落实《西宁市2021年新型城镇化」标题可以更简短。",
            "「以习近平新时代中国特色社会主义思想为指导,全面贯彻党的十九大……」建议补充“十四五”规划的具体目标。\n回复（李四）：同意。",
            "「持续增加优质教育资源供给,实施“教育提质”行动,加大学前教育……」幼儿园建设数量应写明。",
        ]
    );
    // Again: nothing added, the file as it was.
    let again = import_feedback(&file, &draft, Some("区发展和改革局")).unwrap();
    assert_eq!((again.added, again.already), (0, 3));
    assert_eq!(std::fs::read_to_string(&done.file).unwrap(), written);
}

#[test]
fn without_a_unit_each_comment_is_its_author_s_and_edited_text_still_ties() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    // The reviewer's word processor rewrote a paragraph a little (a word
    // changed in place, no tracked change) before the comment was added.
    let mut parts = parts(&docx);
    for (name, bytes) in &mut parts {
        if name == "word/document.xml" {
            let text = String::from_utf8(bytes.clone()).unwrap();
            *bytes = text
                .replace("持续增加优质教育资源供给", "持续增加优质教育资源的供给")
                .into_bytes();
        }
    }
    let edited = package(&parts);
    let note = Note {
        marks: "持续增加优质教育资源的供给",
        author: "王五",
        date: "2021-09-15",
        text: "幼儿园建设数量应写明。",
        reply_to: None,
    };
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, reviewed(&edited, &[note])).unwrap();
    let done = import_feedback(&file, &draft, None).unwrap();
    let comments = gongwen::load::load_comments(&done.file).unwrap();
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[0].from, "王五");
    let resolved = gongwen::comments::resolve(&comments, &numbered(&draft)).unwrap();
    assert_eq!(resolved[0].places[0].label, "（一）");
}

#[test]
fn a_docx_of_another_document_is_refused_and_nothing_is_written() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let other = numbered(&root().join("drafts/chengdong-vocational-education-2021/v1"));
    let note = Note {
        marks: "职业教育",
        author: "王五",
        date: "2021-09-15",
        text: "意见。",
        reply_to: None,
    };
    let file = dir.path().join("other.docx");
    std::fs::write(&file, reviewed(&draft_docx(&other), &[note])).unwrap();
    let comments = gongwen::load::comments_path(&draft);
    let errors = import_feedback(&file, &draft, None).unwrap_err();
    assert!(
        errors[0].message.contains("not a copy of this draft"),
        "{}",
        errors[0].message
    );
    assert!(!comments.exists());
}

/// The .docx with `old` (inside one run) replaced by `new` as a tracked
/// change of `author`: a deletion and an insertion, or either alone.
fn tracked(docx: &[u8], old: &str, new: &str, author: &str, id: usize) -> Vec<u8> {
    let mut parts = parts(docx);
    for (name, bytes) in &mut parts {
        if name != "word/document.xml" {
            continue;
        }
        let mut xml = String::from_utf8(bytes.clone()).unwrap();
        let at = xml
            .find(old)
            .unwrap_or_else(|| panic!("no run holds {old}"));
        let start = xml[..at].rfind("<w:r>").unwrap();
        let end = at + xml[at..].find("</w:r>").unwrap() + "</w:r>".len();
        let run = &xml[start..end];
        let props = run
            .find("<w:rPr>")
            .map(|i| &run[i..i + run[i..].find("</w:rPr>").unwrap() + "</w:rPr>".len()])
            .unwrap_or("");
        let t_open = run.find("<w:t").unwrap();
        let text_start = t_open + run[t_open..].find('>').unwrap() + 1;
        let text = &run[text_start..run.find("</w:t>").unwrap()];
        let (before, after) = text.split_once(old).unwrap();
        let kept = |t: &str| {
            if t.is_empty() {
                String::new()
            } else {
                format!(r#"<w:r>{props}<w:t xml:space="preserve">{t}</w:t></w:r>"#)
            }
        };
        let mark = |tag: &str, n: usize| {
            format!(r#"<w:{tag} w:id="{n}" w:author="{author}" w:date="2021-09-16T10:00:00Z">"#)
        };
        let mut replaced = kept(before);
        if !old.is_empty() {
            replaced += &format!(
                r#"{}<w:r>{props}<w:delText>{old}</w:delText></w:r></w:del>"#,
                mark("del", 900 + 2 * id)
            );
        }
        if !new.is_empty() {
            replaced += &format!(
                r#"{}<w:r>{props}<w:t>{new}</w:t></w:r></w:ins>"#,
                mark("ins", 901 + 2 * id)
            );
        }
        replaced += &kept(after);
        xml.replace_range(start..end, &replaced);
        *bytes = xml.into_bytes();
    }
    package(&parts)
}

/// An insertion after `after`, inside one run.
fn inserted_after(docx: &[u8], after: &str, new: &str, author: &str, id: usize) -> Vec<u8> {
    // The run is split at the end of `after`: the text before it kept, the
    // insertion, the rest kept.
    let mut parts = parts(docx);
    for (name, bytes) in &mut parts {
        if name != "word/document.xml" {
            continue;
        }
        let xml = String::from_utf8(bytes.clone()).unwrap();
        let at = xml.find(after).unwrap() + after.len();
        let close = at + xml[at..].find("</w:t>").unwrap();
        let rest = &xml[at..close];
        let insertion = format!(
            r#"</w:t></w:r><w:ins w:id="{}" w:author="{author}" w:date="2021-09-16T10:00:00Z"><w:r><w:t>{new}</w:t></w:r></w:ins><w:r><w:t xml:space="preserve">{rest}"#,
            901 + 2 * id
        );
        let mut out = xml[..at].to_string();
        out.push_str(&insertion);
        out.push_str(&xml[close..]);
        *bytes = out.into_bytes();
    }
    package(&parts)
}

#[test]
fn tracked_changes_become_proposed_edits_on_their_parts() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    let docx = tracked(&docx, "新型化", "新型城镇化", "刘七", 0);
    let docx = inserted_after(&docx, "加快回族医院新建项目", "前期工作", "刘七", 1);
    let docx = tracked(&docx, "新建2处城市书房、", "", "陈八", 2);
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, docx).unwrap();
    let done = import_feedback(&file, &draft, None).unwrap();
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    let comments = gongwen::load::load_comments(&done.file).unwrap();
    let said: Vec<(&str, &str, &str)> = comments
        .iter()
        .map(|c| {
            let on = match &c.on[0].0 {
                gongwen::model::Target::Part(p) => p.as_str(),
                gongwen::model::Target::General => "general",
            };
            (c.from.as_str(), on, c.text.as_str())
        })
        .collect();
    assert_eq!(
        said,
        [
            ("刘七", "一、", "建议将“新型化”修改为“新型城镇化”。"),
            (
                "刘七",
                "（一）",
                "建议在“加快回族医院新建项目”后增加“前期工作”。"
            ),
            ("陈八", "（一）", "建议删去“新建2处城市书房、”。"),
        ]
    );
    assert!(comments.iter().all(|c| c.quote.is_none()));
    assert_eq!(comments[0].received, gongwen::model::Date::new(2021, 9, 16));
}

#[test]
fn a_comments_file_with_chinese_keys_gets_its_new_comments_in_chinese_keys() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let file = gongwen::load::comments_path(&draft);
    let before = "意见:\n  - 序号: 1\n    提出单位: 区财政局\n    条款: 一、\n    意见内容: 建议明确资金来源。\n    处理情况: 未采纳\n    理由: 资金另行安排。\n";
    std::fs::write(&file, before).unwrap();
    let docx = reviewed(&draft_docx(&numbered(&draft)), &NOTES[2..3]);
    let reviewed_file = dir.path().join("reviewed.docx");
    std::fs::write(&reviewed_file, docx).unwrap();
    let done = import_feedback(&reviewed_file, &draft, Some("区教育局")).unwrap();
    assert_eq!(done.added, 1);
    let after = std::fs::read_to_string(&file).unwrap();
    let added = after.strip_prefix(before).unwrap();
    let keys: Vec<&str> = added
        .lines()
        .filter_map(|l| l.trim_start().trim_start_matches("- ").split_once(':'))
        .map(|(k, _)| k)
        .collect();
    assert_eq!(
        keys,
        [
            "序号",
            "提出单位",
            "收到日期",
            "条款",
            "原文",
            "意见内容",
            "处理情况"
        ]
    );
    assert_eq!(gongwen::load::load_comments(&file).unwrap().len(), 2);
}

/// The comments a reviewed file gives: sender, part, quote and text.
fn said_by(file: &Path, draft: &Path) -> Vec<(String, String, Option<String>, String)> {
    let comments_file = gongwen::load::comments_path(draft);
    let _ = std::fs::remove_file(&comments_file);
    import_feedback(file, draft, None).unwrap();
    gongwen::load::load_comments(&comments_file)
        .unwrap()
        .into_iter()
        .map(|c| {
            let on = match &c.on[0].0 {
                gongwen::model::Target::Part(p) => p.clone(),
                gongwen::model::Target::General => "general".to_string(),
            };
            (c.from, on, c.quote, c.text)
        })
        .collect()
}

#[test]
fn a_file_libreoffice_saved_again_gives_the_same_comments() {
    if crate::common::tool("soffice").is_none() {
        return;
    }
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = reviewed(&draft_docx(&numbered(&draft)), &NOTES);
    let docx = tracked(&docx, "新型化", "新型城镇化", "刘七", 0);
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, docx).unwrap();
    let direct = said_by(&file, &draft);
    // LibreOffice opens the file and saves it as Word again: it rewrites
    // the runs, the bookmarks and the comments' parts.
    let out = dir.path().join("saved");
    crate::common::soffice_convert(&file, "docx:MS Word 2007 XML", &out, dir.path(), &[]);
    let saved = said_by(&out.join("reviewed.docx"), &draft);
    assert_eq!(direct.len(), 4, "{direct:?}");
    assert_eq!(saved, direct);
}

#[test]
fn a_docx_pandoc_made_from_the_markdown_ties_its_comments_by_text_alone() {
    let Some(pandoc) = crate::common::tool("pandoc") else {
        return;
    };
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let doc = numbered(&draft);
    let ctx = RenderContext::new(&doc);
    let md = crate::common::renderer()
        .render(Format::Markdown, View::Draft(&ctx))
        .unwrap()
        .bytes;
    let md_file = dir.path().join("v1.md");
    std::fs::write(&md_file, md).unwrap();
    let made = dir.path().join("pandoc.docx");
    let status = std::process::Command::new(pandoc)
        .arg(&md_file)
        .arg("-o")
        .arg(&made)
        .status()
        .unwrap();
    assert!(status.success());
    // No gongwen bookmark, no gongwen style: only the text is the draft's.
    let docx = std::fs::read(&made).unwrap();
    let file = dir.path().join("reviewed.docx");
    std::fs::write(
        &file,
        reviewed(&docx, &[NOTES[0].clone_note(), NOTES[2].clone_note()]),
    )
    .unwrap();
    let said = said_by(&file, &draft);
    let on: Vec<(&str, &str)> = said
        .iter()
        .map(|(_, on, _, text)| (on.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        on,
        [
            ("一、", "建议补充“十四五”规划的具体目标。"),
            ("（一）", "幼儿园建设数量应写明。"),
        ]
    );
}

impl Note<'_> {
    fn clone_note(&self) -> Self {
        Note {
            marks: self.marks,
            author: self.author,
            date: self.date,
            text: self.text,
            reply_to: None,
        }
    }
}

/// The .docx with one part's text replaced.
fn with_part(docx: &[u8], name: &str, text: &str) -> Vec<u8> {
    let mut parts = parts(docx);
    for (n, bytes) in &mut parts {
        if n == name {
            *bytes = text.as_bytes().to_vec();
        }
    }
    package(&parts)
}

#[test]
fn hostile_reviewed_files_are_refused_or_warned_of_and_nothing_half_written() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let good = reviewed(&draft_docx(&numbered(&draft)), &NOTES[2..3]);
    let comments_file = gongwen::load::comments_path(&draft);
    let import = |name: &str, bytes: &[u8]| {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        import_feedback(&file, &draft, None)
    };
    // An external entity in the comments: refused, by the part's name.
    let xxe = with_part(
        &good,
        "word/comments.xml",
        r#"<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="0" w:author="x"><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:comment></w:comments>"#,
    );
    let errors = import("xxe.docx", &xxe).unwrap_err();
    assert!(
        errors[0].message.contains("word/comments.xml"),
        "{}",
        errors[0].message
    );
    assert!(!comments_file.exists());
    // A zip bomb: the comments part unpacks to 80 MB of spaces from a few
    // hundred kilobytes. Refused by the part's size, before it is read.
    let bomb = with_part(&good, "word/comments.xml", &" ".repeat(80 << 20));
    assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
    let errors = import("bomb.docx", &bomb).unwrap_err();
    assert!(
        errors[0]
            .message
            .contains("word/comments.xml unpacks to more than 64 MB"),
        "{}",
        errors[0].message
    );
    assert!(!comments_file.exists());
    // Not a zip at all.
    let errors = import("text.docx", "这不是 Word 文件".as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(!comments_file.exists());
    // A comment whose place was deleted: a warning; the others imported.
    let xml = {
        let parts = parts(&good);
        let (_, bytes) = parts
            .iter()
            .find(|(n, _)| n == "word/comments.xml")
            .unwrap();
        String::from_utf8(bytes.clone()).unwrap()
    };
    let orphan = xml.replace(
        "</w:comments>",
        r#"<w:comment w:id="77" w:author="某人"><w:p><w:r><w:t>无处可指。</w:t></w:r></w:p></w:comment></w:comments>"#,
    );
    let done = import(
        "orphan.docx",
        &with_part(&good, "word/comments.xml", &orphan),
    )
    .unwrap();
    assert_eq!(done.added, 1);
    assert_eq!(done.warnings.len(), 1, "{:?}", done.warnings);
    assert!(done.warnings[0].message.contains("anchored nowhere"));
}

#[test]
fn files_from_several_units_merge_in_the_order_of_the_text() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    let write = |name: &str, bytes: Vec<u8>| {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        file
    };
    let education = write("区教育局.docx", reviewed(&docx, &NOTES[2..3]));
    let reform = write(
        "区发改局.docx",
        reviewed(
            &tracked(&docx, "新建2处城市书房、", "", "区发改局", 0),
            &NOTES[0..1],
        ),
    );
    let office = write("区政府办.docx", reviewed(&docx, &NOTES[3..4]));
    let files = [education.as_path(), reform.as_path(), office.as_path()];
    let done = import_reviewed(&files, &draft, &Default::default()).unwrap();
    assert_eq!(done.added, 4);
    let comments = gongwen::load::load_comments(&done.file).unwrap();
    let order: Vec<(&str, &str)> = comments
        .iter()
        .map(|c| (c.from.as_str(), c.text.as_str()))
        .collect();
    assert_eq!(
        order,
        [
            ("赵六", "标题可以更简短。"),
            ("张三", "建议补充“十四五”规划的具体目标。"),
            ("王五", "幼儿园建设数量应写明。"),
            ("区发改局", "建议删去“新建2处城市书房、”。"),
        ]
    );
    // Each remarked with the file and the comment's number in it.
    let written = std::fs::read_to_string(&done.file).unwrap();
    assert!(written.contains("# 区教育局.docx 第 1 条"), "{written}");
    assert!(written.contains("# 区发改局.docx 第 2 条"), "{written}");
    // A foreign file among them: nothing is written.
    let other = numbered(&root().join("drafts/chengdong-vocational-education-2021/v1"));
    let foreign = write("其他.docx", draft_docx(&other));
    let before = std::fs::read_to_string(&done.file).unwrap();
    let (dir2, draft2) = copy_of("chengdong-urbanization-2021");
    let _ = dir2;
    assert!(
        import_reviewed(
            &[education.as_path(), foreign.as_path()],
            &draft2,
            &Default::default()
        )
        .is_err()
    );
    assert!(!gongwen::load::comments_path(&draft2).exists());
    assert_eq!(std::fs::read_to_string(&done.file).unwrap(), before);
}

/// A unit's reviewed copy: its comments, and its tracked edits (old text,
/// new text), all by the unit as Word's user name.
fn unit_file(docx: &[u8], unit: &str, notes: &[(&str, &str)], edits: &[(&str, &str)]) -> Vec<u8> {
    let mut out = docx.to_vec();
    for (i, (old, new)) in edits.iter().enumerate() {
        out = tracked(&out, old, new, unit, i);
    }
    let notes: Vec<Note> = notes
        .iter()
        .map(|(marks, text)| Note {
            marks,
            author: unit,
            date: "2021-09-20",
            text,
            reply_to: None,
        })
        .collect();
    reviewed(&out, &notes)
}

#[test]
fn the_reference_draft_reviewed_by_three_units_imports_whole_and_tabulates() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    let files = [
        unit_file(
            &docx,
            "区发展和改革局",
            &[
                (
                    "以习近平新时代中国特色社会主义思想为指导",
                    "建议补充“十四五”规划的具体目标。",
                ),
                ("全面融入兰西城市群建设", "建议写明与兰西城市群的对接机制。"),
                ("依托城区资源环境承载能力", "建议量化承载能力指标。"),
            ],
            &[("新型化", "新型城镇化"), ("3+N+15", "1+N+X")],
        ),
        unit_file(
            &docx,
            "区教育局",
            &[
                ("持续增加优质教育资源供给", "幼儿园建设数量应写明。"),
                ("坚持房子是用来住的", "建议增加保障性租赁住房内容。"),
                ("实施城区园林绿化增量提质行动", "建议写明新增绿地面积。"),
            ],
            &[("新建2处城市书房、", ""), ("门户优势", "区位优势")],
        ),
        unit_file(
            &docx,
            "公众（张某）",
            &[
                ("城东区贯彻落实《西宁市", "标题可以更简短。"),
                (
                    "以“大美青海”“夏都西宁”旅游品牌为蓝本",
                    "建议增加乡村旅游线路。",
                ),
            ],
            &[("供给能力", "保障能力"), ("全力推进曹家寨", "推进曹家寨")],
        ),
    ];
    let paths: Vec<PathBuf> = ["区发改局.docx", "区教育局.docx", "张某.docx"]
        .iter()
        .zip(files)
        .map(|(name, bytes)| {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    let refs: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let done = import_reviewed(&refs, &draft, &Default::default()).unwrap();
    assert!(done.warnings.is_empty(), "{:?}", done.warnings);
    let comments = gongwen::load::load_comments(&done.file).unwrap();
    let doc = numbered(&draft);
    let resolved = gongwen::comments::resolve(&comments, &doc).unwrap();
    let got: Vec<(&str, &str, &str)> = resolved
        .iter()
        .map(|r| {
            (
                r.comment.from.as_str(),
                r.places[0].label.as_str(),
                r.comment.text.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("公众（张某）", "总体意见", "标题可以更简短。"),
            ("区发展和改革局", "一、", "建议补充“十四五”规划的具体目标。"),
            (
                "区发展和改革局",
                "一、",
                "建议将“新型化”修改为“新型城镇化”。"
            ),
            ("区教育局", "（一）", "幼儿园建设数量应写明。"),
            ("区教育局", "（一）", "建议删去“新建2处城市书房、”。"),
            (
                "区发展和改革局",
                "（三）",
                "建议写明与兰西城市群的对接机制。"
            ),
            ("区发展和改革局", "（三）", "建议量化承载能力指标。"),
            ("区教育局", "（四）", "建议将“门户优势”修改为“区位优势”。"),
            ("公众（张某）", "（五）", "建议删去“全力”。"),
            ("区教育局", "（七）", "建议增加保障性租赁住房内容。"),
            ("区教育局", "（八）", "建议写明新增绿地面积。"),
            ("区发展和改革局", "（九）", "建议将“3+N+15”修改为“1+N+X”。"),
            ("公众（张某）", "（十一）", "建议增加乡村旅游线路。"),
            (
                "公众（张某）",
                "（十二）",
                "建议将“供给能力”修改为“保障能力”。"
            ),
        ]
    );
    // The 意见采纳情况表: every comment a row, all to be decided.
    let view = gongwen::render::comments::CommentsView::new(&doc, "v1", &resolved, None);
    assert_eq!(view.rows.len(), 14);
    assert!(
        view.summary.starts_with("共收到3个单位（个人）意见14条"),
        "{}",
        view.summary
    );
    assert!(view.summary.contains("待处理14条"), "{}", view.summary);
}

#[test]
fn a_comment_in_the_tasks_table_of_the_vocational_plan_is_on_its_row() {
    let (dir, draft) = copy_of("chengdong-vocational-education-2021");
    let docx = draft_docx(&numbered(&draft));
    let note = Note {
        marks: "全年培训4500人次",
        author: "区退役军人事务局",
        date: "2021-10-12",
        text: "培训人次建议调整为5000。",
        reply_to: None,
    };
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, reviewed(&docx, &[note])).unwrap();
    let said = said_by(&file, &draft);
    // The fifth row below the header of the 分工表, its 序号 5.
    assert_eq!(
        said,
        [(
            "区退役军人事务局".to_string(),
            "附件第5行".to_string(),
            Some("面向退役军人、农民工、下岗职工开展职业技能培训，全年培训4500人次".to_string()),
            "培训人次建议调整为5000。".to_string()
        )]
    );
    // `check` takes it, and the table prints the row as its 条款.
    let comments = gongwen::load::load_comments(&gongwen::load::comments_path(&draft)).unwrap();
    let doc = numbered(&draft);
    let resolved = gongwen::comments::resolve(&comments, &doc).unwrap();
    assert_eq!(resolved[0].places[0].label, "附件第5行");
    assert_eq!(
        resolved[0].places[0].anchor.as_deref(),
        Some(doc.attachments[0].anchor.as_str())
    );
}

/// `text` (inside one run) moved, as Word tracks a move, to after `after`
/// (inside another run).
fn moved(docx: &[u8], text: &str, after: &str, author: &str) -> Vec<u8> {
    let mut parts = parts(docx);
    for (name, bytes) in &mut parts {
        if name != "word/document.xml" {
            continue;
        }
        let mut xml = String::from_utf8(bytes.clone()).unwrap();
        let when = r#"w:date="2021-09-16T10:00:00Z""#;
        // Where it went: a move's destination after `after`.
        let at = xml.find(after).unwrap() + after.len();
        let close = at + xml[at..].find("</w:t>").unwrap();
        let rest = xml[at..close].to_string();
        let to = format!(
            r#"</w:t></w:r><w:moveToRangeStart w:id="801" w:author="{author}" {when} w:name="move1"/><w:moveTo w:id="802" w:author="{author}" {when}><w:r><w:t>{text}</w:t></w:r></w:moveTo><w:moveToRangeEnd w:id="801"/><w:r><w:t xml:space="preserve">{rest}"#
        );
        xml.replace_range(at..close, &to);
        // Where it stood: the same text, moved away.
        let from_at = xml.find(text).unwrap();
        let from_close = from_at + text.len();
        let from = format!(
            r#"</w:t></w:r><w:moveFromRangeStart w:id="803" w:author="{author}" {when} w:name="move1"/><w:moveFrom w:id="804" w:author="{author}" {when}><w:r><w:t>{text}</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="803"/><w:r><w:t xml:space="preserve">"#
        );
        xml.replace_range(from_at..from_close, &from);
        *bytes = xml.into_bytes();
    }
    package(&parts)
}

#[test]
fn a_moved_passage_is_proposed_as_a_move_to_where_it_went() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = moved(
        &draft_docx(&numbered(&draft)),
        "严格落实“双减”政策,",
        "加快回族医院新建项目,",
        "区教育局",
    );
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, docx).unwrap();
    let said = said_by(&file, &draft);
    assert_eq!(
        said,
        [(
            "区教育局".to_string(),
            "（一）".to_string(),
            None,
            "建议将“严格落实“双减”政策,”移至“加快回族医院新建项目,”后。".to_string()
        )]
    );
}

/// A Python whose python-docx can add Word comments (1.2 and later): the one
/// `scripts/test` installs into target/test-venv, else the first on PATH.
fn python_with_add_comment() -> Option<PathBuf> {
    let candidates = [root().join("target/test-venv/bin/python3")]
        .into_iter()
        .chain(crate::common::on_path("python3"));
    for python in candidates {
        let ok = std::process::Command::new(&python)
            .args([
                "-c",
                "from docx.document import Document; Document.add_comment",
            ])
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            return Some(python);
        }
    }
    crate::common::missing("python-docx-1.2");
    None
}

/// Comments added as an office's script or a reviewer's tool would add them:
/// python-docx's `add_comment` on the runs of the paragraph that holds each
/// passage.
const ADD_COMMENTS: &str = r#"
import sys
import docx
document = docx.Document(sys.argv[1])
notes = [
    ("以习近平新时代中国特色社会主义思想为指导", "张三", "建议补充“十四五”规划的具体目标。"),
    ("持续增加优质教育资源供给", "王五", "幼儿园建设数量应写明。"),
    ("城东区贯彻落实《西宁市", "赵六", "标题可以更简短。"),
]
for marks, author, text in notes:
    paragraph = next(p for p in document.paragraphs if marks in p.text)
    document.add_comment(paragraph.runs, text=text, author=author, initials=author[0])
document.save(sys.argv[2])
"#;

#[test]
fn comments_python_docx_added_are_recorded_as_word_s_are() {
    let Some(python) = python_with_add_comment() else {
        return;
    };
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let plain = dir.path().join("v1.docx");
    std::fs::write(&plain, draft_docx(&numbered(&draft))).unwrap();
    let file = dir.path().join("reviewed.docx");
    let status = std::process::Command::new(&python)
        .args(["-c", ADD_COMMENTS])
        .arg(&plain)
        .arg(&file)
        .status()
        .unwrap();
    assert!(status.success());
    let said = said_by(&file, &draft);
    // Each comment on the part its paragraph is, quoting the paragraph its
    // runs make up (a run-in heading's with its label and heading; the
    // title's first line), in the order of the text.
    let ctx = RenderContext::new(&numbered(&draft));
    let whole = |marks: &str| -> String {
        if marks.starts_with("城东区") {
            return ctx.meta.title_lines[0].clone();
        }
        let block = ctx.blocks.iter().find(|b| b.plain.contains(marks)).unwrap();
        block.plain.clone()
    };
    let expected: Vec<(String, String, Option<String>, String)> = [
        (
            "赵六",
            "general",
            "城东区贯彻落实《西宁市",
            "标题可以更简短。",
        ),
        (
            "张三",
            "一、",
            "以习近平新时代中国特色社会主义思想为指导",
            "建议补充“十四五”规划的具体目标。",
        ),
        (
            "王五",
            "（一）",
            "持续增加优质教育资源供给",
            "幼儿园建设数量应写明。",
        ),
    ]
    .into_iter()
    .map(|(from, on, marks, text)| {
        (
            from.to_string(),
            on.to_string(),
            Some(whole(marks)),
            text.to_string(),
        )
    })
    .collect();
    assert_eq!(said, expected);
}

/// A reviewed file with `n` comments on one passage, made in one pass.
fn flooded(docx: &[u8], n: usize) -> Vec<u8> {
    let one = reviewed(docx, &NOTES[2..3]);
    let mut parts = parts(&one);
    for (name, bytes) in &mut parts {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let many = |one: &str| -> String {
            (0..n)
                .map(|id| one.replace(r#"w:id="0""#, &format!(r#"w:id="{id}""#)))
                .collect()
        };
        let text = match name.as_str() {
            "word/document.xml" => {
                let start = r#"<w:commentRangeStart w:id="0"/>"#;
                let end =
                    r#"<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>"#;
                text.replace(start, &many(start)).replace(end, &many(end))
            }
            "word/comments.xml" => {
                let from = text.find("<w:comment ").unwrap();
                let to = text.find("</w:comments>").unwrap();
                // Each its own words: the same comment twice is one.
                let comment = text[from..to].to_string();
                let all: String = (0..n)
                    .map(|id| {
                        comment
                            .replace(r#"w:id="0""#, &format!(r#"w:id="{id}""#))
                            .replace("幼儿园建设数量应写明。", &format!("第{id}条意见。"))
                    })
                    .collect();
                format!("{}{}{}", &text[..from], all, &text[to..])
            }
            _ => continue,
        };
        *bytes = text.into_bytes();
    }
    package(&parts)
}

#[test]
fn a_reviewed_file_with_a_hundred_thousand_comments_is_refused_whole() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    let comments_file = gongwen::load::comments_path(&draft);
    // Ten thousand are taken.
    let file = dir.path().join("many.docx");
    std::fs::write(&file, flooded(&docx, 10_000)).unwrap();
    let done = import_feedback(&file, &draft, Some("某单位")).unwrap();
    assert_eq!((done.added, done.already), (10_000, 0));
    std::fs::remove_file(&comments_file).unwrap();
    // A hundred thousand: refused with what to do, nothing written.
    let file = dir.path().join("flood.docx");
    std::fs::write(&file, flooded(&docx, 100_000)).unwrap();
    let errors = import_feedback(&file, &draft, Some("某单位")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].message.contains("100000 comments"),
        "{}",
        errors[0].message
    );
    assert!(
        errors[0].message.contains("at most 10000"),
        "{}",
        errors[0].message
    );
    assert!(!comments_file.exists());
}

/// The paragraph holding `text` with its paragraph mark deleted by `author`,
/// as Word tracks it (`w:pPr/w:rPr/w:del`): it runs on into the next.
fn mark_deleted(docx: &[u8], text: &str, author: &str) -> Vec<u8> {
    let mut parts = parts(docx);
    for (name, bytes) in &mut parts {
        if name == "word/document.xml" {
            let mut xml = String::from_utf8(bytes.clone()).unwrap();
            let at = xml.find(text).unwrap();
            let start = xml[..at].rfind("<w:p>").unwrap();
            let close = start + xml[start..].find("</w:pPr>").unwrap();
            xml.insert_str(
                close,
                &format!(
                    r#"<w:rPr><w:del w:id="901" w:author="{author}" w:date="2021-09-16T10:00:00Z"/></w:rPr>"#
                ),
            );
            *bytes = xml.into_bytes();
        }
    }
    package(&parts)
}

#[test]
fn a_deleted_paragraph_mark_is_a_proposal_to_join_the_two_paragraphs() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let docx = draft_docx(&numbered(&draft));
    let docx = mark_deleted(&docx, "持续增加优质教育资源供给", "孙八");
    let docx = tracked(&docx, "全覆盖", "全面覆盖", "孙八", 7);
    let file = dir.path().join("joined.docx");
    std::fs::write(&file, docx).unwrap();
    let said = said_by(&file, &draft);
    let ctx = RenderContext::new(&numbered(&draft));
    let at = ctx
        .blocks
        .iter()
        .position(|b| b.plain.contains("持续增加优质教育资源供给"))
        .unwrap();
    let tail: Vec<char> = ctx.blocks[at].plain.chars().collect();
    let tail: String = tail[tail.len() - 10..].iter().collect();
    let head: String = ctx.blocks[at + 1].plain.chars().take(10).collect();
    // One proposal of the author's, the edit and the join, on the part.
    assert_eq!(
        said,
        [(
            "孙八".to_string(),
            "（一）".to_string(),
            None,
            format!("建议将“全覆盖”修改为“全面覆盖”；建议将“……{tail}”与下一段“{head}……”合为一段。"),
        )]
    );
}

#[test]
fn an_attachment_and_its_table_rows_are_named_as_an_office_writes_them() {
    let (_dir, draft) = copy_of("chengdong-vocational-education-2021");
    let doc = numbered(&draft);
    let labels = gongwen::comments::Labels::new(&doc);
    let rows = match &doc.attachments[0].body[0] {
        gongwen::numbering::Content::Table(t) => t.rows.len(),
        _ => panic!("the 分工表 is a table"),
    };
    // Its one attachment is printed 附件; 附件1 names it too.
    for (written, label) in [
        ("附件", "附件".to_string()),
        ("附件1", "附件".to_string()),
        ("附件第5行", "附件第5行".to_string()),
        ("附件1第5行", "附件第5行".to_string()),
        ("附件第五行", "附件第5行".to_string()),
        (&format!("附件第{rows}行"), format!("附件第{rows}行")),
    ] {
        let place = labels
            .find(written)
            .unwrap_or_else(|e| panic!("{written}: {e:?}"));
        assert_eq!(place.label, label, "{written}");
    }
    // Past the last row, or an attachment it does not have: said, with the way to name one.
    let (message, help) = labels.find(&format!("附件第{}行", rows + 1)).unwrap_err();
    assert!(message.contains(&format!("{rows} rows")), "{message}");
    assert!(help.contains("附件第1行"), "{help}");
    let (message, help) = labels.find("附件2").unwrap_err();
    assert!(message.contains("附件2"), "{message}");
    assert!(help.contains("one attachment"), "{help}");
}

/// `--units` names each Word user's unit: a comment by a user it names is
/// that unit's, one by a user it does not name stays the author's; a
/// mapping file that is not one is refused at its place, nothing written.
#[test]
fn a_units_file_names_the_unit_of_each_word_user() {
    let (dir, draft) = copy_of("chengdong-urbanization-2021");
    let file = dir.path().join("reviewed.docx");
    std::fs::write(&file, reviewed(&draft_docx(&numbered(&draft)), &NOTES[2..])).unwrap();
    let units = dir.path().join("units.yaml");
    std::fs::write(&units, "# Word 用户名: 单位\n王五: 区教育局\n").unwrap();
    let run = |units: &Path| {
        assert_cmd::Command::cargo_bin("gongwen")
            .unwrap()
            .args(["--lang", "en", "comments", "import"])
            .arg(&file)
            .arg("--draft")
            .arg(&draft)
            .arg("--units")
            .arg(units)
            .output()
            .unwrap()
    };
    let out = run(&units);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comments_file = gongwen::load::comments_path(&draft);
    let from: Vec<String> = gongwen::load::load_comments(&comments_file)
        .unwrap()
        .into_iter()
        .map(|c| c.from)
        .collect();
    assert_eq!(from, ["赵六", "区教育局"]);
    // A list where the mapping should be: refused at its line, nothing written.
    std::fs::remove_file(&comments_file).unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "王五: [区教育局, 区财政局]\n").unwrap();
    let out = run(&bad);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("bad.yaml:1:5"), "{stderr}");
    assert!(
        stderr.contains("王五: 区教育局") || stderr.contains("张三: 区教育局"),
        "{stderr}"
    );
    assert!(!comments_file.exists());
    // Not YAML at all: refused at the place it breaks, as a draft would be.
    let broken = dir.path().join("broken.yaml");
    std::fs::write(&broken, "王五: 区教育局\n赵六: [区财政局\n").unwrap();
    let out = run(&broken);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("broken.yaml:0:0"), "{stderr}");
    assert!(
        stderr.contains("broken.yaml:3:1") || stderr.contains("broken.yaml:2:"),
        "{stderr}"
    );
    assert!(!comments_file.exists());
}
