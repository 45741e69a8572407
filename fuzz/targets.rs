// The fuzz targets' bodies, shared by the cargo-fuzz targets in
// `fuzz/fuzz_targets/` and the smoke run in `tests/fuzz_smoke.rs` (both
// `include!` this file). Each takes arbitrary bytes and checks what must
// hold for every input: no panic, and the invariants named below.

use std::path::Path;
use std::sync::OnceLock;

use gongwen::compare::apply::{apply, outline};
use gongwen::numbering::number;
use gongwen::render::redline::RedlineContext;
use gongwen::render::{Format, RenderContext, Renderer, Templates, View};

/// A draft read from memory, in a folder that does not exist, so no
/// `include:` can reach a file.
const NOWHERE: &str = "/nonexistent/gongwen-fuzz/draft.yaml";

fn renderer() -> &'static Renderer {
    static R: OnceLock<Renderer> = OnceLock::new();
    R.get_or_init(|| {
        Renderer::new(
            Templates::load(None).expect("built-in templates"),
            Default::default(),
        )
    })
}

fn without_places(mut d: gongwen::model::Draft) -> gongwen::model::Draft {
    d.forget_origin();
    d
}

/// The YAML loader: any bytes either load or are refused with diagnostics;
/// a loaded draft numbers, renders to Markdown and HTML, and written back as
/// YAML loads again as the same draft.
pub fn load(data: &[u8]) {
    let Ok(draft) = gongwen::load::load_draft_bytes(Path::new(NOWHERE), data) else {
        return;
    };
    let doc = number(&draft);
    let ctx = RenderContext::new(&doc);
    for format in [Format::Markdown, Format::Html] {
        renderer()
            .render(format, View::Draft(&ctx))
            .expect("a loaded draft renders");
    }
    let yaml = gongwen::save::to_string(&draft);
    let again = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
        .unwrap_or_else(|d| panic!("a saved draft does not load: {d}\n{yaml}"));
    assert_eq!(without_places(again), without_places(draft), "{yaml}");
}

/// The importer: any text either imports or is refused; an imported draft,
/// written as YAML, loads back as the same draft.
pub fn import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(imported) = gongwen::import::import_str(Path::new("fuzz.txt"), &text, Default::default())
    else {
        return;
    };
    let yaml = gongwen::save::to_string(&imported.draft);
    let loaded = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
        .unwrap_or_else(|d| panic!("an imported draft does not load: {d}\n{yaml}"));
    assert_eq!(without_places(loaded), without_places(imported.draft), "{yaml}");
}

/// The comparison: two drafts (the bytes split at the first 0xFF, which
/// UTF-8 never holds) that load are compared; replaying the change set on the
/// old draft gives the new one, and every view of it renders.
pub fn diff(data: &[u8]) {
    let at = data.iter().position(|b| *b == 0xFF).unwrap_or(data.len() / 2);
    let (a, b) = (&data[..at], data.get(at + 1..).unwrap_or_default());
    let load = |bytes| gongwen::load::load_draft_bytes(Path::new(NOWHERE), bytes).ok();
    let (Some(old), Some(new)) = (load(a), load(b)) else {
        return;
    };
    let (old, new) = (number(&old), number(&new));
    let changes = gongwen::compare::compare(&old, &new);
    let replayed = apply(&old, &changes).expect("the change set applies");
    assert_eq!(replayed, outline(&new), "replaying the change set");
    for show_whitespace in [false, true] {
        let ctx = RedlineContext::new(&old, &new, ("a", "b"), &changes, show_whitespace);
        for format in [Format::Term, Format::Json, Format::Markdown, Format::Html] {
            renderer()
                .render(format, View::Redline { view: &ctx, old: &old, new: &new })
                .expect("the redline renders");
        }
    }
    serde_json::to_string(&changes).expect("the change set serialises");
}

/// The Word importer. A zip archive (bytes starting `PK`) is read as it is;
/// any other bytes are the parts of a package, split at each 0xFF (which
/// UTF-8 never holds) — the document, then styles, numbering, footnotes and
/// endnotes — packed as Word packs them, so the fuzzer works on the XML and
/// not on the zip's checksums. Either the file imports or it is refused; an
/// imported draft, written as YAML, loads back as the same draft. Returns
/// whether the file imported (the smoke run asks it of the seeds).
pub fn docx(data: &[u8]) -> bool {
    let package = if data.starts_with(b"PK") {
        data.to_vec()
    } else {
        word_package(data)
    };
    use gongwen::import::{ImportOptions, docx::TrackedChanges};
    for changes in [TrackedChanges::Accept, TrackedChanges::Reject] {
        let options = ImportOptions {
            changes,
            ..Default::default()
        };
        let Ok(imported) = gongwen::import::import_bytes(Path::new("fuzz.docx"), &package, options)
        else {
            return false;
        };
        let yaml = gongwen::save::to_string(&imported.draft);
        let loaded = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
            .unwrap_or_else(|d| panic!("an imported Word file does not load: {d}\n{yaml}"));
        assert_eq!(without_places(loaded), without_places(imported.draft), "{yaml}");
    }
    true
}

/// A Word package whose parts are `data` split at 0xFF.
fn word_package(data: &[u8]) -> Vec<u8> {
    const NAMES: [&str; 5] = ["document", "styles", "numbering", "footnotes", "endnotes"];
    let parts: Vec<&[u8]> = data.split(|b| *b == 0xFF).take(NAMES.len()).collect();
    let rels: String = NAMES[1..]
        .iter()
        .take(parts.len().saturating_sub(1))
        .enumerate()
        .map(|(i, kind)| relationship(i + 1, kind, &format!("{kind}.xml")))
        .collect();
    let mut entries = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types(&[(
                "/word/document.xml",
                "wordprocessingml.document.main+xml",
            )]),
        ),
        (
            "_rels/.rels".to_string(),
            relationships(&relationship(1, "officeDocument", "word/document.xml")),
        ),
        ("word/_rels/document.xml.rels".to_string(), relationships(&rels)),
    ];
    for (name, bytes) in NAMES.iter().zip(&parts) {
        entries.push((format!("word/{name}.xml"), bytes.to_vec()));
    }
    stored_zip(&entries)
}

/// A comments file the feedback target adds to: block style, Chinese keys,
/// a YAML comment of the author's, as offices write them.
const COMMENTS: &str = "# 第一轮征求意见\ncomments:\n  - 序号: 1\n    单位: 区发展改革局\n    条款: 一、\n    意见内容: 建议增加“城乡融合”。\n    处理情况: 采纳\n";

/// The 意见反馈表 reader and the comments file it adds to. Bytes starting
/// `PK` are a workbook as they are; bytes starting `XL\n` are the parts of
/// one, split at each 0xFF — the workbook, its first sheet, the shared
/// strings, the styles — packed as Excel packs them; any other bytes are a
/// text table (CSV, tab- or semicolon-separated, in any encoding). Either
/// the table is read or refused; what is read, added to an empty comments
/// file and to one of an author's, leaves the author's entries as they were
/// and reads back as one comment per row added — or is refused by the rows
/// added, never by what the file held. Returns whether the table was read.
pub fn feedback(data: &[u8]) -> bool {
    use gongwen::import::feedback::read_feedback_bytes;
    let (name, table) = match data.strip_prefix(b"XL\n") {
        Some(parts) => ("fuzz.xlsx", workbook_package(parts)),
        None if data.starts_with(b"PK") => ("fuzz.xlsx", data.to_vec()),
        None => ("fuzz.csv", data.to_vec()),
    };
    let Ok(feedback) = read_feedback_bytes(Path::new(name), &table) else {
        return false;
    };
    let file = Path::new("/nonexistent/gongwen-fuzz/v1.comments.yaml");
    for current in ["", COMMENTS] {
        // No file yet is no comments yet.
        let existing = match current {
            "" => Vec::new(),
            _ => gongwen::load::load_comments_bytes(file, current.as_bytes())
                .expect("the seed comments file loads"),
        };
        for separated in [true, false] {
            let Ok(appended) = gongwen::comments::append::append(
                current,
                &existing,
                &feedback,
                Path::new(name),
                separated,
            ) else {
                continue;
            };
            assert!(
                appended.text.starts_with(current.trim_end_matches('\n'))
                    || current.is_empty(),
                "the author's text is kept:\n{}",
                appended.text
            );
            match gongwen::load::load_comments_bytes(file, appended.text.as_bytes()) {
                Ok(all) => {
                    assert_eq!(all.len(), existing.len() + appended.added, "{}", appended.text);
                    // What the comment says, without where it is written.
                    let strip = |c: &gongwen::model::Comment| {
                        let on: Vec<_> = c.on.iter().map(|(t, _)| t.clone()).collect();
                        let said = (c.id.clone(), c.from.clone(), c.received, on);
                        (said, c.text.clone(), c.disposition, c.reason.clone(), c.note.clone())
                    };
                    for (a, b) in existing.iter().zip(&all) {
                        assert_eq!(strip(a), strip(b), "{}", appended.text);
                    }
                }
                Err(problems) => {
                    for d in &problems.0 {
                        assert!(
                            appended.row_at(d.line).is_some(),
                            "a problem outside the rows added: {d}\n{}",
                            appended.text
                        );
                    }
                }
            }
        }
    }
    true
}

/// A workbook whose parts are `data` split at 0xFF.
fn workbook_package(data: &[u8]) -> Vec<u8> {
    const NAMES: [&str; 4] = [
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
    ];
    let parts: Vec<&[u8]> = data.split(|b| *b == 0xFF).take(NAMES.len()).collect();
    let mut entries = vec![
        (
            "[Content_Types].xml".to_string(),
            content_types(&[
                ("/xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
                ("/xl/worksheets/sheet1.xml", "spreadsheetml.worksheet+xml"),
                ("/xl/sharedStrings.xml", "spreadsheetml.sharedStrings+xml"),
                ("/xl/styles.xml", "spreadsheetml.styles+xml"),
            ]),
        ),
        (
            "_rels/.rels".to_string(),
            relationships(&relationship(1, "officeDocument", "xl/workbook.xml")),
        ),
        (
            "xl/_rels/workbook.xml.rels".to_string(),
            relationships(&format!(
                "{}{}{}",
                relationship(1, "worksheet", "worksheets/sheet1.xml"),
                relationship(2, "sharedStrings", "sharedStrings.xml"),
                relationship(3, "styles", "styles.xml"),
            )),
        ),
    ];
    for (name, bytes) in NAMES.iter().zip(&parts) {
        entries.push((name.to_string(), bytes.to_vec()));
    }
    stored_zip(&entries)
}

/// An Office package's `[Content_Types].xml`, with an override per part
/// (a content type named after `application/vnd.openxmlformats-officedocument.`).
fn content_types(overrides: &[(&str, &str)]) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#,
    );
    for (part, kind) in overrides {
        xml.push_str(&format!(
            r#"<Override PartName="{part}" ContentType="application/vnd.openxmlformats-officedocument.{kind}"/>"#
        ));
    }
    xml.push_str("</Types>");
    xml.into_bytes()
}

/// One relationship of an Office package, of a type in the officeDocument namespace.
fn relationship(n: usize, kind: &str, target: &str) -> String {
    format!(
        r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#
    )
}

/// A relationships part holding `inner`.
fn relationships(inner: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{inner}</Relationships>"#
    )
    .into_bytes()
}

/// A zip archive of the entries, stored uncompressed: the fuzzer's bytes
/// reach the reader as they are.
fn stored_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), stored).expect("a zip entry");
        zip.write_all(bytes).expect("a zip entry's bytes");
    }
    zip.finish().expect("a zip archive").into_inner()
}
