//! `--embed-fonts`: the bundled faces inside the Word file as TrueType, cut
//! down to what it prints, obfuscated as ECMA-376 §17.8.1 says; valid for
//! openxml-audit, the same bytes every time, and used by LibreOffice on a
//! machine with no Chinese face at all.

use crate::common::{self, root};

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

use skrifa::raw::TableProvider;
use skrifa::{FontRef, MetadataProvider, Tag};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DRAFT: &str = "drafts/chengdong-urbanization-2021/v1";

fn gongwen() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("gongwen").unwrap();
    cmd.current_dir(root()).env_remove("GONGWEN_FONTS");
    cmd
}

/// `gongwen build` of the reference draft's v1 as .docx into `out`, with
/// `extra` arguments: the file written.
fn build(out: &Path, extra: &[&str]) -> PathBuf {
    gongwen()
        .args(["build", DRAFT, "--format", "docx", "--out"])
        .arg(out)
        .args(extra)
        .assert()
        .code(0);
    let file = out.join("chengdong-urbanization-2021/v1.docx");
    assert!(file.is_file(), "{} not written", file.display());
    file
}

fn parts(docx: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        out.insert(file.name().unwrap().to_string(), bytes);
    }
    out
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap_or_else(|_| panic!("{name} is not text"))
}

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The faces of the styles, as Word reads `styles.xml`: each style's own
/// (`w:rFonts w:eastAsia`), and the face each paragraph style prints in:
/// its own, else its `w:basedOn`'s, else the document default's (under the
/// key "").
struct StyleFaces {
    own: BTreeMap<String, String>,
    paragraph: BTreeMap<String, String>,
}

fn style_faces(styles: &str) -> StyleFaces {
    let doc = roxmltree::Document::parse(styles).unwrap();
    let east_asia = |n: roxmltree::Node| -> Option<String> {
        n.descendants()
            .find(|c| is(c, "rFonts"))
            .and_then(|f| f.attribute((W, "eastAsia")))
            .map(str::to_string)
    };
    let default = doc
        .descendants()
        .find(|n| is(n, "rPrDefault"))
        .and_then(east_asia)
        .unwrap();
    let mut own = BTreeMap::new();
    let mut based = BTreeMap::new();
    for style in doc.descendants().filter(|n| is(n, "style")) {
        let id = style.attribute((W, "styleId")).unwrap().to_string();
        if let Some(face) = style.children().find(|c| is(c, "rPr")).and_then(east_asia) {
            own.insert(id.clone(), face);
        }
        if let Some(on) = style
            .children()
            .find(|c| is(c, "basedOn"))
            .and_then(|b| b.attribute((W, "val")))
        {
            based.insert(id, on.to_string());
        }
    }
    let mut faces: BTreeMap<String, String> = BTreeMap::new();
    for style in doc.descendants().filter(|n| is(n, "style")) {
        let mut id = style.attribute((W, "styleId")).unwrap().to_string();
        let key = id.clone();
        let face = loop {
            if let Some(face) = own.get(&id) {
                break face.clone();
            }
            match based.get(&id) {
                Some(on) => id = on.clone(),
                None => break default.clone(),
            }
        };
        faces.insert(key, face);
    }
    faces.insert(String::new(), default);
    StyleFaces {
        own,
        paragraph: faces,
    }
}

/// The characters each face prints in the file's parts: the body, the
/// footers (a page number prints any digit) and the comments.
fn printed(parts: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, BTreeSet<char>> {
    let faces = style_faces(&text(parts, "word/styles.xml"));
    let style = |node: roxmltree::Node, props: &str, name: &str| -> Option<String> {
        let props = node.children().find(|c| is(c, props))?;
        let style = props.children().find(|c| is(c, name))?;
        style.attribute((W, "val")).map(str::to_string)
    };
    // A character style without a face of its own leaves the paragraph's.
    let char_face = |id: &str| faces.own.get(id).cloned();
    let mut out: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    let names: Vec<&String> = parts
        .keys()
        .filter(|n| {
            n.as_str() == "word/document.xml"
                || n.starts_with("word/footer")
                || n.as_str() == "word/comments.xml"
        })
        .collect();
    for name in names {
        let xml = text(parts, name);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        for p in doc.descendants().filter(|n| is(n, "p")) {
            let para = style(p, "pPr", "pStyle").unwrap_or_default();
            let para_face = faces
                .paragraph
                .get(&para)
                .unwrap_or(&faces.paragraph[""])
                .clone();
            for r in p.descendants().filter(|n| is(n, "r")) {
                let face = style(r, "rPr", "rStyle")
                    .and_then(|id| char_face(&id))
                    .unwrap_or_else(|| para_face.clone());
                let chars = out.entry(face).or_default();
                for t in r.children() {
                    if is(&t, "t") || is(&t, "delText") {
                        chars.extend(t.text().unwrap_or("").chars());
                    } else if is(&t, "instrText") && t.text().unwrap_or("").contains("PAGE") {
                        chars.extend('0'..='9');
                    }
                }
            }
        }
    }
    out
}

/// Each embedded font, de-obfuscated, by the `w:font` it is embedded in.
fn embedded_fonts(parts: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    let table = text(parts, "word/fontTable.xml");
    let rels = text(parts, "word/_rels/fontTable.xml.rels");
    let rels = roxmltree::Document::parse(&rels).unwrap();
    let table = roxmltree::Document::parse(&table).unwrap();
    let mut out = BTreeMap::new();
    for font in table.descendants().filter(|n| is(n, "font")) {
        let Some(embed) = font.children().find(|c| is(c, "embedRegular")) else {
            continue;
        };
        let id = embed.attribute((R, "id")).unwrap();
        let key = embed.attribute((W, "fontKey")).unwrap();
        let rel = rels
            .descendants()
            .find(|r| r.attribute("Id") == Some(id))
            .unwrap();
        assert_eq!(
            rel.attribute("Type"),
            Some("http://schemas.openxmlformats.org/officeDocument/2006/relationships/font")
        );
        let target = format!("word/{}", rel.attribute("Target").unwrap());
        assert!(target.ends_with(".odttf"), "{target}");
        // §17.8.1: the GUID's 16 bytes as its string writes them, last
        // first, XORed over the font's first 32 bytes.
        let hex: String = key.chars().filter(char::is_ascii_hexdigit).collect();
        assert_eq!(hex.len(), 32, "{key}");
        let mut key_bytes: Vec<u8> = (0..16)
            .map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap())
            .collect();
        key_bytes.reverse();
        let mut data = parts[&target].clone();
        for i in 0..32 {
            data[i] ^= key_bytes[i % 16];
        }
        out.insert(font.attribute((W, "name")).unwrap().to_string(), data);
    }
    out
}

/// Checks a .docx with fonts embedded: its parts, and each font a valid
/// TrueType font mapping every character printed in its face. Gives the
/// names of the faces embedded.
fn check_embedded(docx: &[u8]) -> Vec<String> {
    let parts = parts(docx);
    let types = text(&parts, "[Content_Types].xml");
    assert!(types.contains(
        r#"<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>"#
    ));
    let settings = text(&parts, "word/settings.xml");
    assert!(settings.contains(
        r#"<w:zoom w:percent="100"/><w:embedTrueTypeFonts/><w:saveSubsetFonts/><w:defaultTabStop"#
    ));
    let fonts = embedded_fonts(&parts);
    let odttf = parts.keys().filter(|k| k.ends_with(".odttf")).count();
    assert_eq!(odttf, fonts.len(), "a part for each font, and no other");
    let printed = printed(&parts);
    for (face, chars) in &printed {
        let Some(data) = fonts.get(face) else {
            panic!(
                "{face} prints {} characters and is not embedded",
                chars.len()
            );
        };
        let font = FontRef::new(data).unwrap_or_else(|e| panic!("{face}: {e}"));
        assert!(
            font.data_for_tag(Tag::new(b"glyf")).is_some(),
            "{face}: no glyf"
        );
        assert!(
            font.data_for_tag(Tag::new(b"loca")).is_some(),
            "{face}: no loca"
        );
        assert!(
            font.data_for_tag(Tag::new(b"CFF ")).is_none(),
            "{face}: CFF"
        );
        assert_eq!(font.maxp().unwrap().version().to_major_minor(), (1, 0));
        assert_eq!(font.post().unwrap().version().to_major_minor(), (3, 0));
        let charmap = font.charmap();
        let missing: String = chars
            .iter()
            .filter(|c| !c.is_control() && charmap.map(**c).is_none())
            .collect();
        assert!(missing.is_empty(), "{face} lacks {missing:?}");
        // Cut down: the characters printed, .notdef and a space.
        let glyphs = font.maxp().unwrap().num_glyphs();
        assert!(
            usize::from(glyphs) <= chars.len() + 2,
            "{face}: {glyphs} glyphs"
        );
        assert!(charmap.map(' ').is_some(), "{face}: no space");
        // Every glyph draws as TrueType outlines.
        let outlines = font.outline_glyphs();
        for c in chars.iter().filter(|c| !c.is_whitespace()) {
            let gid = charmap.map(*c).unwrap();
            let mut svg = skrifa::outline::pen::SvgPen::new();
            outlines
                .get(gid)
                .unwrap()
                .draw(
                    skrifa::outline::DrawSettings::unhinted(
                        skrifa::prelude::Size::unscaled(),
                        skrifa::prelude::LocationRef::default(),
                    ),
                    &mut svg,
                )
                .unwrap();
            let path = svg.to_string();
            assert!(!path.contains('C'), "{face} {c}: a cubic curve");
            if !"\u{3000}\u{a0}".contains(*c) {
                assert!(
                    path.contains('Q') || path.contains('L'),
                    "{face} {c}: empty"
                );
            }
        }
    }
    fonts.into_keys().collect()
}

#[test]
fn the_reference_draft_embeds_its_faces_as_truetype_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let with = build(&dir.path().join("a"), &["--embed-fonts"]);
    let again = build(&dir.path().join("b"), &["--embed-fonts"]);
    let without = build(&dir.path().join("c"), &[]);
    let (with, again, without) = (
        std::fs::read(with).unwrap(),
        std::fs::read(again).unwrap(),
        std::fs::read(without).unwrap(),
    );
    assert!(with == again, "two builds differ");
    eprintln!(
        "v1.docx: {} bytes without the faces, {} with them",
        without.len(),
        with.len()
    );
    assert!(!parts(&without).keys().any(|k| k.contains("fonts/")));
    let embedded = check_embedded(&with);
    for face in [
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "方正小标宋简体",
        "宋体",
    ] {
        assert!(embedded.iter().any(|e| e == face), "{face}: {embedded:?}");
    }
    // The faces' own names stay: the font is FandolFang, embedded for 仿宋_GB2312.
    let fonts = embedded_fonts(&parts(&with));
    let family = |face: &str| {
        let data = &fonts[face];
        let font = FontRef::new(data).unwrap();
        font.localized_strings(skrifa::string::StringId::POSTSCRIPT_NAME)
            .english_or_first()
            .unwrap()
            .to_string()
    };
    assert_eq!(family("仿宋_GB2312"), "FandolFang-Regular");
    assert_eq!(family("方正小标宋简体"), "FandolSong-Bold");
    assert_eq!(family("宋体"), "FandolSong-Regular");
}

#[test]
fn a_redline_embeds_the_deleted_text_too() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("redline.docx");
    gongwen()
        .args([
            "diff",
            DRAFT,
            "drafts/chengdong-urbanization-2021/v2.yaml",
            "--format",
            "docx",
            "--embed-fonts",
            "--out",
        ])
        .arg(&out)
        .assert()
        .code(1);
    let docx = std::fs::read(&out).unwrap();
    assert!(text(&parts(&docx), "word/document.xml").contains("<w:delText"));
    check_embedded(&docx);
}

#[test]
fn without_the_bundled_faces_the_docx_says_what_the_pdf_says() {
    use gongwen::render::{Format, RenderContext, View};
    let search = gongwen::render::pdf::fonts::BundledSearch {
        looked_in: vec![PathBuf::from("/nowhere/fonts/fandol")],
        install_to: Some(PathBuf::from("/usr/share/gongwen/fonts/fandol")),
    };
    let mut renderer = common::renderer();
    renderer.pdf.bundled = None;
    renderer.pdf.bundled_search = search;
    let v1 = common::reference("v1");
    let ctx = RenderContext::new(&v1);
    let pdf = renderer
        .render(Format::Pdf, View::Draft(&ctx))
        .err()
        .unwrap();
    // Off by default: the faces are not needed.
    assert!(renderer.render(Format::Docx, View::Draft(&ctx)).is_ok());
    renderer.docx.embed_fonts = true;
    let docx = renderer
        .render(Format::Docx, View::Draft(&ctx))
        .err()
        .unwrap();
    assert_eq!(docx.to_string(), pdf.to_string());
    assert!(docx.to_string().contains("/nowhere/fonts/fandol"));
}

#[test]
fn openxml_audit_finds_no_errors_in_a_file_with_its_faces() {
    let Some(audit) = common::tool("openxml-audit") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = build(&dir.path().join("out"), &["--embed-fonts"]);
    let report = common::run(&audit, &[file.to_str().unwrap()]);
    assert!(report.contains("Errors: 0"), "{report}");
}

/// The fonts pdffonts lists in a PDF: (name, type), the subset prefix
/// (`ABCDEF+`) taken off.
fn pdf_fonts(pdf: &Path) -> Vec<(String, String)> {
    let pdffonts = common::tool("pdffonts").unwrap();
    let listing = common::run(&pdffonts, &[pdf.to_str().unwrap()]);
    listing
        .lines()
        .skip(2)
        .map(|line| {
            let mut words = line.split_whitespace();
            let name = words.next().unwrap();
            let name = name.split_once('+').map_or(name, |(_, n)| n);
            let kind: Vec<&str> = words.take_while(|w| !["yes", "no"].contains(w)).collect();
            (name.to_string(), kind.join(" "))
        })
        .collect()
}

/// `docx` as LibreOffice converts it to PDF with a home of its own and no
/// font or fontconfig file added (on a machine with no Chinese face, only
/// the faces inside the file are Chinese), and the fonts in that PDF, each
/// checked to be an embedded Fandol face as TrueType.
fn libreoffice_fonts(soffice: &Path, docx: &Path, dir: &Path) -> (PathBuf, BTreeSet<String>) {
    let home = dir.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let status = std::process::Command::new(soffice)
        .env("HOME", &home)
        .env_remove("FONTCONFIG_FILE")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(dir)
        .arg(docx)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = dir.join(docx.with_extension("pdf").file_name().unwrap());
    let fonts = pdf_fonts(&pdf);
    let names: BTreeSet<String> = fonts.iter().map(|(n, _)| n.clone()).collect();
    for (name, kind) in &fonts {
        assert!(
            name.starts_with("Fandol"),
            "{}: {name} ({kind}) in {names:?}",
            docx.display()
        );
        assert!(kind.starts_with("TrueType"), "{name}: {kind}");
    }
    (pdf, names)
}

#[test]
fn libreoffice_without_any_chinese_face_sets_the_text_in_the_embedded_ones() {
    let (Some(soffice), Some(_)) = (common::tool("soffice"), common::tool("pdffonts")) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = build(&dir.path().join("out"), &["--embed-fonts"]);
    let (pdf, names) = libreoffice_fonts(&soffice, &file, dir.path());
    for face in [
        "FandolFang-Regular",
        "FandolHei-Regular",
        "FandolKai-Regular",
        "FandolSong-Bold",
        "FandolSong-Regular",
    ] {
        assert!(names.contains(face), "{face} not used: {names:?}");
    }
    // A redline's underlined insertions and its 修改对照表's marked cells,
    // where LibreOffice draws the gap between Chinese and digits as spaces.
    let redline = dir.path().join("tasks.redline.docx");
    let tasks = "drafts/chengdong-vocational-education-2021";
    gongwen()
        .args(["diff", &format!("{tasks}/v1"), &format!("{tasks}/v2.yaml")])
        .args([
            "--format",
            "docx",
            "--side-by-side",
            "--embed-fonts",
            "--out",
        ])
        .arg(&redline)
        .assert()
        .code(1);
    libreoffice_fonts(&soffice, &redline, dir.path());
    // The text is there, in order, as LibreOffice set it.
    let layout = common::pdf_layout(&pdf);
    let all: String = layout
        .lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let v1 = common::reference("v1");
    let ctx = gongwen::render::RenderContext::new(&v1);
    let title: String = ctx.meta.title_lines.concat();
    assert!(all.contains(&title), "{title} not in the PDF");
}
