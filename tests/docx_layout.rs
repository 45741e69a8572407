//! The draft's .docx as a Word-compatible processor sets it: LibreOffice
//! converts the two reference documents' `v1.docx` to PDF, and its lines are
//! measured against gongwen's own PDF of the same draft (issue 27). The
//! GB/T faces are the bundled Fandol faces under the names the .docx gives
//! (仿宋_GB2312 …), through a fontconfig file of the test's own, as an office
//! that has the faces would see the file.
//!
//! What holds: the same number of pages; 22 lines on every full page of
//! text; 28 characters on every full line of full-width text (26 after the
//! first-line indent); ≥ 95 % of the body's lines ending at the same
//! character as in the PDF; the title's lines the author's; the 版记 at the
//! foot of the last page between its rules.

use crate::common::{self, Line, root};

use std::path::{Path, PathBuf};

use gongwen::numbering::Document;
use gongwen::render::{Format, RenderContext, View};

/// The bottom of the text block: 297 − 35 mm.
const BLOCK_END: f64 = 262.0;
/// The text block's left and right edges: 28 mm, 210 − 26 mm.
const LEFT: f64 = 28.0;
const RIGHT: f64 = 184.0;
/// One body character: 16 pt in millimetres.
const CHAR: f64 = 16.0 * common::MM;

fn document(name: &str) -> Document {
    let path = root().join("drafts").join(name).join("v1");
    gongwen::numbering::number(&gongwen::load::load_draft(&path).unwrap())
}

fn render(doc: &Document, format: Format) -> Vec<u8> {
    let ctx = RenderContext::new(doc);
    common::renderer()
        .render(format, View::Draft(&ctx))
        .unwrap()
        .bytes
}

/// A fontconfig file that adds the bundled faces and gives them the names
/// the .docx asks for; the title face is FandolSong in bold, as in the PDF.
fn fontconfig(dir: &Path) -> PathBuf {
    let fonts = root().join("fonts/fandol");
    let alias = |name: &str, face: &str| {
        format!(
            "<alias binding=\"strong\"><family>{name}</family><prefer><family>{face}</family></prefer></alias>"
        )
    };
    let conf = format!(
        r#"<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{}</dir>
  <cachedir>{}</cachedir>
  {}{}{}{}
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>FandolSong</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
</fontconfig>
"#,
        fonts.display(),
        dir.join("fc-cache").display(),
        alias("仿宋_GB2312", "FandolFang"),
        alias("楷体_GB2312", "FandolKai"),
        alias("黑体", "FandolHei"),
        alias("宋体", "FandolSong"),
    );
    let path = dir.join("fonts.conf");
    std::fs::write(&path, conf).unwrap();
    path
}

/// LibreOffice's PDF of a .docx, made with a profile and fonts of its own.
fn libreoffice_pdf(docx: &[u8], dir: &Path) -> PathBuf {
    let file = dir.join("draft.docx");
    std::fs::write(&file, docx).unwrap();
    let conf = fontconfig(dir);
    common::soffice_convert(&file, "pdf", dir, dir, &[("FONTCONFIG_FILE", &conf)]);
    dir.join("draft.pdf")
}

/// A PDF's lines, measured.
struct Measured {
    pages: usize,
    lines: Vec<Line>,
    /// The height pdftotext gives a line of 16 pt text in this PDF (each
    /// producer measures a line by its own box: typst by the em, LibreOffice
    /// by the face's ascent and descent).
    body_height: f64,
}

impl Measured {
    fn of(pdf: &Path) -> Measured {
        let layout = common::pdf_layout(pdf);
        let lines: Vec<Line> = layout
            .lines
            .into_iter()
            .filter(|l| l.y1 < BLOCK_END + 1.0)
            .collect();
        // The title's 22 pt lines are the tallest; a body line is 16/22 of them.
        let title = lines.iter().map(|l| l.y1 - l.y0).fold(0.0, f64::max);
        Measured {
            pages: layout.pages.len(),
            lines,
            body_height: title * 16.0 / 22.0,
        }
    }

    fn is_body(&self, l: &Line) -> bool {
        ((l.y1 - l.y0) - self.body_height).abs() < 0.3
    }

    fn is_title(&self, l: &Line) -> bool {
        ((l.y1 - l.y0) - self.body_height * 22.0 / 16.0).abs() < 0.3
    }

    /// The body's lines in order, white space taken out.
    fn body_lines(&self) -> Vec<(usize, String)> {
        self.lines
            .iter()
            .filter(|l| self.is_body(l))
            .map(|l| {
                (
                    l.page,
                    l.text.chars().filter(|c| !c.is_whitespace()).collect(),
                )
            })
            .collect()
    }
}

/// Where each line ends, counted in characters from the start of the body.
fn line_ends(lines: &[(usize, String)]) -> Vec<usize> {
    lines
        .iter()
        .scan(0, |at, (_, text)| {
            *at += text.chars().count();
            Some(*at)
        })
        .collect()
}

/// A character that takes a whole cell: CJK, full-width forms and the
/// Chinese marks.
fn full_width(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xFF00..=0xFFEF) || "“”‘’—…·".contains(c)
}

/// A mark that may not begin a line (GB/T 15834 避头), so a line before it
/// may end a character short.
fn not_at_start(c: char) -> bool {
    "，。、；：？！）》」』”’…—".contains(c)
}

/// How a draft's .docx comes out of LibreOffice next to its PDF.
struct Compared {
    name: &'static str,
    word: Measured,
    ours: Measured,
    /// LibreOffice's PDF.
    pdf: PathBuf,
}

fn compared(name: &'static str, doc: &Document, dir: &Path) -> Option<Compared> {
    if common::tool("soffice").is_none() || common::tool("pdftotext").is_none() {
        return None;
    }
    let ours = dir.join("gongwen.pdf");
    std::fs::write(&ours, render(doc, Format::Pdf)).unwrap();
    let word = libreoffice_pdf(&render(doc, Format::Docx), dir);
    Some(Compared {
        name,
        word: Measured::of(&word),
        ours: Measured::of(&ours),
        pdf: word,
    })
}

fn check_grid(c: &Compared) {
    let name = c.name;
    assert_eq!(c.word.pages, c.ours.pages, "{name}: pages");
    let word = &c.word;
    // 22 lines on every full page of text: one with body lines only, after
    // the title's, its last line on the last row of the block.
    let pitch = 225.0 / 22.0;
    let mut full_pages = 0;
    for page in 2..=word.pages {
        let lines: Vec<&Line> = word.lines.iter().filter(|l| l.page == page).collect();
        let filled = lines.last().is_some_and(|l| l.y1 > BLOCK_END - pitch);
        if filled && lines.iter().all(|l| word.is_body(l)) {
            assert_eq!(lines.len(), 22, "{name}: page {page}");
            full_pages += 1;
        }
    }
    assert!(full_pages >= 1, "{name}: no full page of text");
    // 28 characters on a full line of full-width text: one that reaches the
    // right edge. 26 after the first-line indent; one fewer where the next
    // line starts with a mark that may not begin a line.
    let lines: Vec<&Line> = word.lines.iter().filter(|l| word.is_body(l)).collect();
    let mut full = 0;
    for (i, l) in lines.iter().enumerate() {
        let text: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
        if !text.chars().all(full_width) || l.x1 < RIGHT - CHAR / 2.0 {
            continue;
        }
        let indent = ((l.x0 - LEFT) / CHAR).round() as usize;
        let cells = 28 - indent;
        let count = text.chars().count();
        let short = lines
            .get(i + 1)
            .and_then(|next| next.text.chars().next())
            .is_some_and(not_at_start);
        // A comma or full stop may hang past the right edge (Word and
        // LibreOffice hang punctuation by default, and LibreOffice reads the
        // switch for it inverted, so the file leaves it alone: docs/docx.md).
        let hangs = text.ends_with(['，', '。', '、']) && l.x1 > RIGHT + CHAR / 4.0;
        assert!(
            count == cells || (short && count + 1 == cells) || (hangs && count == cells + 1),
            "{name}: page {}: {count} characters where {cells} fit: {text}",
            l.page
        );
        full += 1;
    }
    assert!(full >= 10, "{name}: {full} full lines");
}

fn check_same_breaks(c: &Compared) {
    let name = c.name;
    let (word, ours) = (c.word.body_lines(), c.ours.body_lines());
    let text =
        |lines: &[(usize, String)]| -> String { lines.iter().map(|(_, t)| t.as_str()).collect() };
    assert_eq!(text(&word), text(&ours), "{name}: the same body text");
    let ends: std::collections::BTreeSet<usize> = line_ends(&ours).into_iter().collect();
    let same = line_ends(&word).iter().filter(|e| ends.contains(e)).count();
    let share = same as f64 / ends.len() as f64;
    eprintln!(
        "{name}: {same} of {} body lines end at the same character ({:.1} %)",
        ends.len(),
        share * 100.0
    );
    assert!(share >= 0.95, "{name}: {:.1} %", share * 100.0);
}

fn check_title(c: &Compared, doc: &Document) {
    let ctx = RenderContext::new(doc);
    let title: Vec<String> = c
        .word
        .lines
        .iter()
        .filter(|l| l.page == 1 && c.word.is_title(l))
        .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    let authors: Vec<String> = ctx
        .meta
        .title_lines
        .iter()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect())
        .collect();
    assert_eq!(title, authors, "{}: the title's lines", c.name);
}

/// A horizontal rule on a page: where it is and how thick, in millimetres.
#[derive(Debug)]
struct Rule {
    y: f64,
    thickness: f64,
    x0: f64,
    x1: f64,
}

/// The rules on a page of a PDF: rows of dark pixels at least 100 mm long,
/// found on the page drawn at 288 dpi.
fn rules(pdf: &Path, page: usize) -> Vec<Rule> {
    let pdftoppm = common::tool("pdftoppm").unwrap();
    let dir = pdf.parent().unwrap();
    let stem = dir.join(format!("page{page}"));
    let n = page.to_string();
    let status = std::process::Command::new(pdftoppm)
        .args(["-gray", "-r", "288", "-singlefile", "-f", &n, "-l", &n])
        .arg(pdf)
        .arg(&stem)
        .status()
        .unwrap();
    assert!(status.success());
    let pgm = std::fs::read(stem.with_extension("pgm")).unwrap();
    // P5, width, height, 255, one byte a pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    let (width, height): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = &pgm[at + 1..];
    let mm = 25.4 / 288.0;
    let mut rules: Vec<Rule> = Vec::new();
    for y in 0..height {
        let row = &pixels[y * width..(y + 1) * width];
        // The longest run of dark pixels in the row.
        let (mut best, mut run) = ((0, 0), 0);
        for (x, &p) in row.iter().enumerate() {
            run = if p < 128 { run + 1 } else { 0 };
            if run > best.1 - best.0 {
                best = (x + 1 - run, x + 1);
            }
        }
        if ((best.1 - best.0) as f64) * mm < 100.0 {
            continue;
        }
        let (y_mm, x0, x1) = (y as f64 * mm, best.0 as f64 * mm, best.1 as f64 * mm);
        match rules.last_mut() {
            Some(r) if (y_mm - (r.y + r.thickness)).abs() < 1.5 * mm => r.thickness += mm,
            _ => rules.push(Rule {
                y: y_mm,
                thickness: mm,
                x0,
                x1,
            }),
        }
    }
    rules
}

/// The 版记 on the last page at the foot of the text block: its lines there,
/// three rules across the block (the first and last thicker), the last on
/// the block's foot.
fn check_imprint(c: &Compared, lines: &[&str]) {
    let name = c.name;
    let last = c.word.pages;
    // A line's parts on either side of a tab may come apart, in any order.
    let mut on_page: Vec<Line> = Vec::new();
    let mut parts: Vec<&Line> = c.word.lines.iter().filter(|l| l.page == last).collect();
    parts.sort_by(|a, b| a.y0.total_cmp(&b.y0).then(a.x0.total_cmp(&b.x0)));
    for part in parts {
        match on_page.last_mut() {
            Some(line) if (line.y0 - part.y0).abs() < 0.5 => {
                line.text.push_str(&part.text);
                line.x1 = line.x1.max(part.x1);
            }
            _ => on_page.push(part.clone()),
        }
    }
    let found: Vec<&Line> = on_page
        .iter()
        .filter(|l| {
            let text: String = l.text.chars().filter(|c| !c.is_whitespace()).collect();
            lines.iter().any(|want| text == *want)
        })
        .collect();
    assert_eq!(
        found.len(),
        lines.len(),
        "{name}: the imprint on page {last}"
    );
    let rules = rules(&c.pdf, last);
    assert_eq!(rules.len(), 3, "{name}: {rules:?}");
    for r in &rules {
        assert!(
            (r.x0 - LEFT).abs() < 1.0 && (r.x1 - RIGHT).abs() < 1.0,
            "{name}: a rule across the block: {r:?}"
        );
    }
    assert!(
        (rules[2].y + rules[2].thickness - BLOCK_END).abs() < 1.0,
        "{name}: the last rule on the foot of the block: {rules:?}"
    );
    assert!(
        rules[0].thickness > rules[1].thickness && rules[2].thickness > rules[1].thickness,
        "{name}: thick, thin, thick: {rules:?}"
    );
    for (line, between) in found.iter().zip(rules.windows(2)) {
        assert!(
            between[0].y < line.y0 && line.y1 < between[1].y,
            "{name}: {} between its rules: {rules:?}",
            line.text
        );
    }
}

/// Every check of a draft: its grid, its line breaks, its title, and its
/// imprint's `lines` at the foot of the last page.
fn check_all(name: &'static str, doc: &Document, imprint: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let Some(c) = compared(name, doc, dir.path()) else {
        return;
    };
    check_grid(&c);
    check_same_breaks(&c);
    check_title(&c, doc);
    check_imprint(&c, imprint);
}

#[test]
fn libreoffice_sets_the_urbanization_draft_on_the_grid_of_the_pdf() {
    let name = "chengdong-urbanization-2021";
    // The draft has no imprint; one is added, so the last page shares it
    // with the text, as GB/T 9704 7.4 has it.
    let mut doc = document(name);
    doc.meta.cc = vec!["区委办公室".to_string(), "区人大常委会办公室".to_string()];
    doc.meta.printer = Some("城东区人民政府办公室".to_string());
    doc.meta.printed = gongwen::model::Date::new(2021, 10, 15);
    check_all(
        name,
        &doc,
        &[
            "抄送：区委办公室，区人大常委会办公室。",
            "城东区人民政府办公室2021年10月15日印发",
        ],
    );
}

#[test]
fn libreoffice_sets_the_vocational_plan_on_the_grid_of_the_pdf_and_its_imprint_at_the_foot() {
    let name = "chengdong-vocational-education-2021";
    check_all(
        name,
        &document(name),
        &[
            "抄送：区委办公室，区人大常委会办公室，区政协办公室。",
            "城东区人民政府办公室2021年10月9日印发",
        ],
    );
}
