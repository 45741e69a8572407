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
                .render(format, View::Redline(&ctx))
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
/// imported draft, written as YAML, loads back as the same draft.
pub fn docx(data: &[u8]) {
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
            return;
        };
        let yaml = gongwen::save::to_string(&imported.draft);
        let loaded = gongwen::load::load_draft_bytes(Path::new(NOWHERE), yaml.as_bytes())
            .unwrap_or_else(|d| panic!("an imported Word file does not load: {d}\n{yaml}"));
        assert_eq!(without_places(loaded), without_places(imported.draft), "{yaml}");
    }
}

/// A Word package whose parts are `data` split at 0xFF.
fn word_package(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    const NAMES: [&str; 5] = [
        "word/document.xml",
        "word/styles.xml",
        "word/numbering.xml",
        "word/footnotes.xml",
        "word/endnotes.xml",
    ];
    const RELS: [&str; 4] = ["styles", "numbering", "footnotes", "endnotes"];
    let parts: Vec<&[u8]> = data.split(|b| *b == 0xFF).take(NAMES.len()).collect();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let mut add = |name: &str, bytes: &[u8]| {
        zip.start_file(name, stored).expect("a zip entry");
        zip.write_all(bytes).expect("a zip entry's bytes");
    };
    add(
        "[Content_Types].xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    );
    add(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for (i, kind) in RELS.iter().enumerate().take(parts.len().saturating_sub(1)) {
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}.xml"/>"#,
            n = i + 1
        ));
    }
    rels.push_str("</Relationships>");
    add("word/_rels/document.xml.rels", rels.as_bytes());
    for (name, bytes) in NAMES.iter().zip(&parts) {
        add(name, bytes);
    }
    zip.finish().expect("a zip archive").into_inner()
}
