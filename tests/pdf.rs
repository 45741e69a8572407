//! The PDF measured the way a reader's ruler would: with poppler's pdftotext
//! and pdffonts. Needs the Debian package `poppler-utils` (`.ci/run` installs
//! it); without it these tests fail, unless GONGWEN_SKIP_TOOLS=1 is set.

use crate::common;

use std::path::{Path, PathBuf};

use gongwen::render::pdf::PdfSettings;
use gongwen::render::{Format, Renderer, Templates};
use gongwen::text::plain_of_markdown;
use proptest::prelude::*;

use common::MM;
const REFERENCE: &str = "drafts/chengdong-urbanization-2021/v1";

/// Whether an outside program is there (see `common::tool`: missing fails the
/// test unless GONGWEN_SKIP_TOOLS=1).
fn have(tool: &str) -> bool {
    common::tool(tool).is_some()
}

/// The faces a PDF uses, as pdffonts lists them.
fn pdffonts(pdf: &Path) -> String {
    let program = common::tool("pdffonts").unwrap_or_else(|| panic!("pdffonts is not installed"));
    common::run(&program, &[pdf.to_str().unwrap()])
}

fn renderer(pdf: PdfSettings) -> Renderer {
    Renderer::new(Templates::load(None).unwrap(), pdf)
}

fn build(path: &Path, format: Format) -> Vec<u8> {
    let built = gongwen::build_draft(path, &renderer(common::pdf_settings()), &[format])
        .unwrap_or_else(|e| panic!("{e:?}"));
    built.outputs.into_iter().next().unwrap().1
}

fn write_pdf(bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// Runs a poppler program on a PDF and returns what it writes (to `-`).
fn run(tool: &str, args: &[&str], pdf: &Path) -> String {
    let program = common::tool(tool).unwrap_or_else(|| panic!("{tool} is not installed"));
    let mut all: Vec<&str> = args.to_vec();
    all.push(pdf.to_str().unwrap());
    all.push("-");
    common::run(&program, &all)
}

use common::{Layout, Line};

fn layout(pdf: &Path) -> Layout {
    common::pdf_layout(pdf)
}

/// Body lines: inside the text block's height (page numbers sit below it).
fn body(layout: &Layout) -> Vec<&Line> {
    layout
        .lines
        .iter()
        .filter(|l| l.y0 < 37.0 + 225.0)
        .collect()
}

/// Characters in cells: a half-width character counts as half.
fn cells(text: &str) -> f64 {
    text.chars()
        .map(|c| {
            if (c as u32) < 0x2000 && !matches!(c, '“' | '”' | '‘' | '’') {
                0.5
            } else {
                1.0
            }
        })
        .sum()
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn extracted_text_equals_the_markdown_text() {
    if !have("pdftotext") {
        return;
    }
    let (_dir, pdf) = write_pdf(&build(Path::new(REFERENCE), Format::Pdf));
    let text = run("pdftotext", &["-raw"], &pdf);
    let without_numbers: String = text
        .lines()
        .filter(|l| !(l.trim().starts_with('—') && l.trim().ends_with('—')))
        .collect();
    let md = String::from_utf8(build(Path::new(REFERENCE), Format::Markdown)).unwrap();
    assert_eq!(
        no_space(&without_numbers.replace('\u{c}', "")),
        no_space(&plain_of_markdown(&md))
    );
}

#[test]
fn page_size_text_block_and_grid() {
    if !have("pdftotext") {
        return;
    }
    let (_dir, pdf) = write_pdf(&build(Path::new(REFERENCE), Format::Pdf));
    let layout = layout(&pdf);
    assert!(layout.pages.len() >= 5, "{} pages", layout.pages.len());
    for (w, h) in &layout.pages {
        assert!(
            (w - 210.0).abs() < 0.5 && (h - 297.0).abs() < 0.5,
            "page {w} × {h} mm"
        );
    }
    let lines = body(&layout);
    for page in 1..=layout.pages.len() {
        let on_page: Vec<&&Line> = lines.iter().filter(|l| l.page == page).collect();
        // The text block: left edge 28 mm, right edge 184 mm (the common end of
        // full lines; a hanging comma may pass it), top 37 mm, on every page.
        // A line opening with 《 or （ sets that mark half-width at the margin, its
        // blank half outside (pdftotext's box starts there); the ink is inside.
        let left = on_page
            .iter()
            .filter(|l| !l.text.starts_with(['《', '（', '“', '〔', '【', '「']))
            .map(|l| l.x0)
            .fold(f64::MAX, f64::min);
        assert!(
            (left - 28.0).abs() <= 1.0,
            "page {page}: left edge at {left:.1} mm"
        );
        // The title's 22 pt glyphs rise a little above the grid line they sit on.
        let top = on_page.iter().map(|l| l.y0).fold(f64::MAX, f64::min);
        let tolerance = if page == 1 { 1.5 } else { 1.0 };
        assert!(
            (top - 37.0).abs() <= tolerance,
            "page {page}: top at {top:.1} mm"
        );
        let mut ends: Vec<f64> = on_page
            .iter()
            .filter(|l| l.x0 < 28.5)
            .map(|l| l.x1)
            .collect();
        ends.sort_by(f64::total_cmp);
        if let Some(right) = ends.get(ends.len() / 2) {
            assert!(
                (right - 184.0).abs() <= 1.0,
                "page {page}: right edge at {right:.1} mm"
            );
        }
        assert!(
            on_page.iter().all(|l| l.x1 <= 184.0 + 3.0),
            "page {page}: a line runs past the block"
        );
    }
    // Every line sits on the grid of 22 lines; a page whose last line runs on
    // into the next page is full: its last line is the 22nd.
    let pitch = 225.0 / 22.0;
    let mut full_pages = 0;
    for page in 1..=layout.pages.len() {
        let on_page: Vec<&&Line> = lines.iter().filter(|l| l.page == page).collect();
        // Body-size lines (the title's 22 pt lines keep their own metrics).
        for l in on_page
            .iter()
            .filter(|l| (l.y1 - l.y0 - 16.0 * MM).abs() < 0.3)
        {
            let k = (l.y0 - 37.0) / pitch;
            assert!(
                (k - k.round()).abs() * pitch < 0.1,
                "page {page}: off the grid at {:.2} mm: {}",
                l.y0,
                l.text
            );
        }
        let Some(next_first) = lines.iter().find(|l| l.page == page + 1) else {
            continue;
        };
        if next_first.x0 < 28.5 {
            full_pages += 1;
            let last = on_page.last().unwrap();
            let k = ((last.y0 - 37.0) / pitch).round() as usize + 1;
            assert_eq!(k, 22, "page {page} is full but ends on grid line {k}");
            let body_lines = on_page.iter().filter(|l| !l.text.is_empty()).count();
            if page > 1 {
                assert_eq!(body_lines, 22, "page {page}");
            }
        }
    }
    assert!(full_pages >= 3, "only {full_pages} full pages");
}

#[test]
fn page_numbers_alternate_sides_seven_millimetres_below_the_block() {
    if !have("pdftotext") {
        return;
    }
    let (_dir, pdf) = write_pdf(&build(Path::new(REFERENCE), Format::Pdf));
    let layout = layout(&pdf);
    let one_char = 14.0 / 72.0 * 25.4;
    for page in 1..=layout.pages.len() {
        let number: Vec<&Line> = layout
            .lines
            .iter()
            .filter(|l| l.page == page && l.y0 > 262.0)
            .collect();
        assert_eq!(number.len(), 1, "page {page}: {number:?}");
        let n = number[0];
        assert_eq!(no_space(&n.text), format!("—{page}—"), "page {page}");
        assert!(
            (n.y0 - (37.0 + 225.0 + 7.0)).abs() <= 1.0,
            "page {page}: number top at {:.1} mm",
            n.y0
        );
        if page % 2 == 1 {
            assert!(
                (n.x1 - (184.0 - one_char)).abs() <= 1.5,
                "page {page}: odd page number ends at {:.1} mm",
                n.x1
            );
        } else {
            assert!(
                (n.x0 - (28.0 + one_char)).abs() <= 1.5,
                "page {page}: even page number starts at {:.1} mm",
                n.x0
            );
        }
    }
}

#[test]
fn headings_title_body_and_numbers_use_their_faces() {
    if !have("pdffonts") {
        return;
    }
    let (_dir, pdf) = write_pdf(&build(Path::new(REFERENCE), Format::Pdf));
    let fonts = pdffonts(&pdf);
    for face in [
        "FandolHei-Regular",
        "FandolKai-Regular",
        "FandolFang-Regular",
        "FandolSong-Bold",
        "FandolSong-Regular",
    ] {
        assert!(fonts.contains(face), "{face} missing from:\n{fonts}");
    }
    assert!(
        !fonts.lines().skip(2).any(|l| l.contains(" no ")),
        "every face is embedded:\n{fonts}"
    );
}

/// Whether a character may not begin a line (GB/T 15834 避头): the line
/// before it then ends one cell early.
fn no_line_start(c: char) -> bool {
    "，。、；：？！）》”’〕】…—".contains(c)
}

#[test]
fn full_lines_of_a_full_width_text_hold_28_characters() {
    if !have("pdftotext") {
        return;
    }
    // A real law, all in full-width punctuation.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/legislation-law-2023.md");
    let imported = gongwen::import::import_file(&corpus, Default::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("law.yaml");
    gongwen::save::save_checked(&imported.draft, &draft, false, &[]).unwrap();
    let (_pdf_dir, pdf) = write_pdf(&build(&draft, Format::Pdf));
    let layout = layout(&pdf);
    let lines = body(&layout);
    let mut full = 0;
    for pair in lines.windows(2) {
        let (line, next) = (pair[0], pair[1]);
        // A full line starts and ends at the block's edges and runs on into the next line.
        if line.x0 > 28.5
            || line.x1 < 183.0
            || next.x0 > 28.5
            || line.text.chars().any(|c| c.is_ascii())
        {
            continue;
        }
        full += 1;
        let n = cells(&line.text);
        let moved_for_punctuation = next.text.chars().nth(1).is_some_and(no_line_start);
        assert!(
            n == 28.0 || (n == 27.0 && moved_for_punctuation),
            "page {}: {n} characters: {} / next: {}",
            line.page,
            line.text,
            next.text
        );
    }
    assert!(full > 150, "only {full} full lines measured");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = build(Path::new(REFERENCE), Format::Pdf);
    let b = build(Path::new(REFERENCE), Format::Pdf);
    assert!(a == b, "two builds differ");
    let dated = |epoch: Option<i64>| {
        let r = renderer(PdfSettings {
            source_date_epoch: epoch,
            ..common::pdf_settings()
        });
        gongwen::build_draft(Path::new(REFERENCE), &r, &[Format::Pdf])
            .unwrap()
            .outputs
            .remove(0)
            .1
    };
    let c = dated(Some(1_600_000_000));
    assert!(c == dated(Some(1_600_000_000)));
    assert!(c != a, "SOURCE_DATE_EPOCH sets the creation date");
    let text = String::from_utf8_lossy(&c);
    assert!(
        text.contains("2020-09-13") || text.contains("D:20200913"),
        "creation date from SOURCE_DATE_EPOCH"
    );
}

fn draft_with(dir: &Path, yaml: &str) -> PathBuf {
    let path = dir.join("draft.yaml");
    std::fs::write(&path, yaml).unwrap();
    path
}

#[test]
fn a_character_no_face_has_fails_the_build_naming_it_and_its_part() {
    let dir = tempfile::tempdir().unwrap();
    // 䶮 (U+4DAE) is outside GB2312 and outside every bundled face.
    let path = draft_with(
        dir.path(),
        "title: 测试\nparts:\n  - heading: 总体要求\n    text: 刘䶮是南汉的开国皇帝。\n  - heading: 其他\n    text: 无。\n",
    );
    let err = match gongwen::build_draft(&path, &renderer(common::pdf_settings()), &[Format::Pdf]) {
        Err(gongwen::BuildError::Render(d)) => d,
        Err(e) => panic!("{e:?}"),
        Ok(_) => panic!("a PDF with an empty box was written"),
    };
    assert!(
        err.message.contains("䶮 (U+4DAE) in 一、总体要求"),
        "{}",
        err.message
    );
    assert!(!err.message.contains("其他"), "{}", err.message);
    assert!(
        err.help
            .as_deref()
            .unwrap()
            .contains("--allow-missing-glyphs")
    );
    // Downgraded on request: the PDF is written, with a warning.
    let allowed = renderer(PdfSettings {
        allow_missing_glyphs: true,
        ..common::pdf_settings()
    });
    let built = gongwen::build_draft(&path, &allowed, &[Format::Pdf]).unwrap();
    assert_eq!(built.warnings.len(), 1);
    assert!(built.outputs[0].1.starts_with(b"%PDF"));
}

#[test]
fn an_unknown_font_family_fails_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = draft_with(
        dir.path(),
        "title: 测试\nfonts:\n  body: 不存在的仿宋体\nparts:\n  - 正文。\n",
    );
    let err = match gongwen::build_draft(&path, &renderer(common::pdf_settings()), &[Format::Pdf]) {
        Err(gongwen::BuildError::Render(d)) => d,
        other => panic!("{:?}", other.map(|_| ())),
    };
    assert_eq!(
        err.message,
        "unknown font family `不存在的仿宋体` (fonts.body)"
    );
    // The place of the `fonts:` mapping in the draft.
    assert_eq!((err.file.as_path(), err.line), (path.as_path(), 3));
    assert!(
        err.help.as_deref().unwrap().contains("FandolFang R"),
        "{err}"
    );
}

#[test]
fn a_face_named_by_the_draft_is_found_in_a_font_folder() {
    if !have("pdffonts") {
        return;
    }
    // A face gongwen does not bundle (DejaVu Sans, from fonts-dejavu-core,
    // which scripts/test installs), offered as an office's own face from a folder;
    // the system's fonts are not searched, so only the folder can provide it.
    let dejavu = Path::new("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if !dejavu.is_file() {
        common::missing("fonts-dejavu-core");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let fonts = dir.path().join("office-fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::copy(dejavu, fonts.join("office.ttf")).unwrap();
    let path = draft_with(
        dir.path(),
        "title: 测试\nfonts:\n  fallback: [DejaVu Sans]\nparts:\n  - 正文 ☃。\n",
    );
    // Without the folder: an unknown family, named.
    match gongwen::build_draft(&path, &renderer(common::pdf_settings()), &[Format::Pdf]) {
        Err(gongwen::BuildError::Render(d)) => {
            assert!(
                d.message.contains("unknown font family `DejaVu Sans`"),
                "{d}"
            )
        }
        other => panic!("{:?}", other.map(|_| ())),
    }
    let r = renderer(PdfSettings {
        font_dirs: vec![fonts],
        ..common::pdf_settings()
    });
    let built = gongwen::build_draft(&path, &r, &[Format::Pdf]).unwrap();
    let (_d, pdf) = write_pdf(&built.outputs[0].1);
    let out = pdffonts(&pdf);
    assert!(
        out.contains("DejaVuSans"),
        "the folder's face is used:\n{out}"
    );
}

/// Text that would be code or markup if it reached typst's parser.
fn hostile() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "#",
        "]",
        "[",
        "$",
        "\\",
        "@",
        "<",
        ">",
        "//",
        "/*",
        "*/",
        "#read(\"/etc/passwd\")",
        "#panic()",
        "{",
        "}",
        "*粗*",
        "_斜_",
        "`代码`",
        "=",
        "-",
        "+",
        "~",
        "'",
        "\"",
        "#let x = 1",
        "$x^2$",
        "<label>",
        "@ref",
        "\\u{41}",
        "（一）",
        "第一条",
        "，",
        "。",
        "“引号”",
        "甲",
        "乙",
        "2021",
        "5%",
        "a b",
        "#{",
        "#(1+1)",
    ]);
    prop::collection::vec(pieces, 1..12).prop_map(|v| v.concat())
}

/// Any character the bundled faces can print: printable ASCII, CJK
/// punctuation and Han characters (those the faces lack replaced by 中).
fn printable() -> impl Strategy<Value = String> {
    let fonts =
        gongwen::render::pdf::fonts::FontSet::new(&Default::default(), &common::pdf_settings())
            .unwrap();
    let any_char = prop_oneof![
        1 => prop::char::range('!', '~'),
        1 => prop::char::range('\u{3001}', '\u{3011}'),
        1 => prop::char::range('\u{FF01}', '\u{FF5E}'),
        4 => prop::char::range('\u{4E00}', '\u{9FA5}'),
    ];
    prop::collection::vec(any_char, 1..60).prop_map(move |chars| {
        chars
            .into_iter()
            .map(|c| {
                if fonts.missing_glyphs(&c.to_string()).is_empty() {
                    c
                } else {
                    '中'
                }
            })
            .collect()
    })
}

proptest! {
    #![proptest_config(common::proptest_config(24))]

    #[test]
    fn arbitrary_printable_text_comes_back_from_pdftotext(texts in prop::collection::vec(printable(), 1..6)) {
        if !have("pdftotext") {
            return Ok(());
        }
        let dir = tempfile::tempdir().unwrap();
        let mut yaml = String::from("title: 测试\nparts:\n");
        for t in &texts {
            yaml.push_str(&format!("  - {}\n", serde_json::to_string(t).unwrap()));
        }
        let path = draft_with(dir.path(), &yaml);
        let (_d, pdf) = write_pdf(&build(&path, Format::Pdf));
        let text = no_space(&run("pdftotext", &["-raw"], &pdf));
        for t in &texts {
            let shown = no_space(&gongwen::text::to_plain(t));
            prop_assert!(text.contains(&shown), "{shown} not in {text}");
        }
    }

    #[test]
    fn author_text_reaches_the_page_literally(texts in prop::collection::vec(hostile(), 1..8)) {
        if !have("pdftotext") {
            return Ok(());
        }
        let dir = tempfile::tempdir().unwrap();
        let mut yaml = String::from("title: 测试\nparts:\n");
        for t in &texts {
            // Written as YAML double-quoted strings.
            yaml.push_str(&format!("  - {}\n", serde_json::to_string(&format!("〔{t}〕")).unwrap()));
        }
        let path = draft_with(dir.path(), &yaml);
        let (_d, pdf) = write_pdf(&build(&path, Format::Pdf));
        let text = no_space(&run("pdftotext", &["-raw"], &pdf));
        for t in &texts {
            // Markdown marks in author text are markup in every format; compare what a reader sees.
            let shown = no_space(&gongwen::text::to_plain(&format!("〔{t}〕")));
            prop_assert!(text.contains(&shown), "{shown} not in {text}");
        }
        prop_assert!(!text.contains("root:"), "a file was read");
    }
}

#[test]
fn without_pdftotext_on_the_path_a_pdf_test_fails_naming_it() {
    // This test binary, run again for one test with an empty PATH. Its name
    // is the module's path within the test crate, as libtest names it.
    let (_, module) = module_path!().split_once("::").unwrap();
    let test = format!("{module}::extracted_text_equals_the_markdown_text");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact"])
        .env("PATH", "/nonexistent")
        .env_remove("GONGWEN_SKIP_TOOLS")
        .env_remove("GONGWEN_SKIP_LOG")
        .output()
        .unwrap();
    assert!(!out.status.success(), "the test passed without pdftotext");
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(all.contains("needs pdftotext"), "{all}");
    assert!(all.contains("poppler-utils"), "{all}");
    // With the opt-out, it is skipped and says so.
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([test.as_str(), "--exact"])
        .env("PATH", "/nonexistent")
        .env("GONGWEN_SKIP_TOOLS", "1")
        .env_remove("GONGWEN_SKIP_LOG")
        .output()
        .unwrap();
    assert!(out.status.success());
    // The filter named the test: one ran, not none.
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains(" 1 passed;"), "{stdout}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("SKIPPED: pdftotext"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
