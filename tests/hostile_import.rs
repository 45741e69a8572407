//! Issue 23, "Safe with what others send" — import: .docx, Markdown and text read as Word and a reader show them, within bounds (findings 9, 11, 12, 15, 17, 19, 22).
//! One test per finding, named for it: `finding_NN_…`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::common::bounded;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MAIN_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const OFFICE_DOCUMENT: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";

/// A Word package made of the given parts, deflated as Word deflates them.
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    for (name, text) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn content_types(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/{main}" ContentType="{MAIN_TYPE}"/></Types>"#
    )
}

fn root_rels(main: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{OFFICE_DOCUMENT}" Target="{main}"/></Relationships>"#
    )
}

/// `word/document.xml` around a body.
fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>"#
    )
}

/// A .docx holding `body`, with the parts a package needs to name it.
fn docx(body: &str) -> Vec<u8> {
    docx_with(body, &[])
}

/// A .docx holding `body` and more parts (with the document's
/// relationships given as `word/_rels/document.xml.rels` among them).
fn docx_with(body: &str, more: &[(&str, &str)]) -> Vec<u8> {
    let types = content_types("word/document.xml");
    let rels = root_rels("word/document.xml");
    let doc = document(body);
    let mut parts = vec![
        ("[Content_Types].xml", types.as_str()),
        ("_rels/.rels", rels.as_str()),
        ("word/document.xml", doc.as_str()),
    ];
    parts.extend_from_slice(more);
    package(&parts)
}

/// A paragraph of one run.
fn p(text: &str) -> String {
    format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// Imports `name` in `dir` under the bounds, to `out.yaml`.
fn import(dir: &Path, name: &str) -> bounded::Bounded {
    bounded::gongwen(dir, &["import", name, "--out", "out.yaml"])
}

/// Imports `name` and returns the draft written and the standard error.
fn imported(dir: &Path, name: &str) -> (gongwen::model::Draft, String) {
    let run = import(dir, name);
    let stderr = run.refused_with(0).to_string();
    let draft =
        gongwen::load::load_draft(&dir.join("out.yaml")).unwrap_or_else(|e| panic!("{e:?}"));
    (draft, stderr)
}

#[test]
fn finding_09_nested_runs_are_refused_by_their_depth_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let body = format!(
        "{}<w:p>{}<w:t>x</w:t>{}</w:p>",
        p("标题"),
        "<w:r>".repeat(n),
        "</w:r>".repeat(n)
    );
    write(dir.path(), "nested.docx", &docx(&body));
    let run = import(dir.path(), "nested.docx");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("word/document.xml"), "{stderr}");
    assert!(stderr.contains("100004 levels deep"), "{stderr}");
    assert!(stderr.contains("at most 256"), "{stderr}");
    assert!(!dir.path().join("out.yaml").exists());
}

#[test]
fn finding_12_a_document_part_of_millions_of_paragraphs_is_refused_before_it_is_parsed() {
    let dir = tempfile::tempdir().unwrap();
    // 1.5 million paragraphs: 54 MB of XML, under the part's size limit, in
    // a package of a few hundred kilobytes.
    let body = format!(
        "{}{}",
        p("标题"),
        "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(1_500_000)
    );
    write(dir.path(), "paragraphs.docx", &docx(&body));
    let run = import(dir.path(), "paragraphs.docx");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("word/document.xml"), "{stderr}");
    assert!(stderr.contains("4500005 XML elements"), "{stderr}");
    assert!(
        stderr.contains("more than the 1000000 gongwen reads in one Word file"),
        "{stderr}"
    );
}

#[test]
fn finding_12_a_part_that_unpacks_past_its_limit_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    // 80 MB of spaces in the document part.
    let body = format!("{}{}", p("标题"), " ".repeat(80 << 20));
    write(dir.path(), "big.docx", &docx(&body));
    let run = import(dir.path(), "big.docx");
    let stderr = run.refused_with(2);
    assert!(
        stderr.contains("word/document.xml unpacks to more than 64 MB"),
        "{stderr}"
    );
}

#[test]
fn finding_12_attributes_are_counted_before_they_are_built() {
    let dir = tempfile::tempdir().unwrap();
    let attributes: String = (0..40).map(|i| format!(r#" a{i}="""#)).collect();
    let body = format!(
        "{}{}",
        p("标题"),
        format!("<w:p{attributes}/>").repeat(100_000)
    );
    write(dir.path(), "attributes.docx", &docx(&body));
    let run = import(dir.path(), "attributes.docx");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("4000002 XML attributes"), "{stderr}");
}

#[test]
fn finding_12_text_from_a_docx_is_counted_against_the_text_limit_as_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // 40 MB of text in one paragraph: a package of some 40 KB.
    let body = format!("{}{}", p("标题"), p(&"甲".repeat(14 << 20)));
    write(dir.path(), "text.docx", &docx(&body));
    let run = import(dir.path(), "text.docx");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("more than 32 MB of text"), "{stderr}");
}

#[test]
fn finding_12_list_numbers_cannot_multiply_the_text() {
    let dir = tempfile::tempdir().unwrap();
    // A level text of 20,000 placeholders, each a number 30 letters long,
    // on 2,000 paragraphs: 1.2 GB of labels from a few kilobytes.
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="780"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="{}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#,
        "%1".repeat(20_000)
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    let numbered = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>甲</w:t></w:r></w:p>"#;
    let body = format!("{}{}", p("标题"), numbered.repeat(2_000));
    write(
        dir.path(),
        "labels.docx",
        &docx_with(
            &body,
            &[
                ("word/numbering.xml", &numbering),
                ("word/_rels/document.xml.rels", rels),
            ],
        ),
    );
    let run = import(dir.path(), "labels.docx");
    // Either refused as too much text, or read with the labels cut to
    // what Word shows; never the gigabyte.
    match run.code {
        Some(0) => {
            run.within_bounds();
            let draft = gongwen::load::load_draft(&dir.path().join("out.yaml")).unwrap();
            let yaml = gongwen::save::to_string(&draft);
            assert!(yaml.len() < 8 << 20, "{} bytes", yaml.len());
        }
        _ => {
            let stderr = run.refused_with(2);
            assert!(stderr.contains("32 MB"), "{stderr}");
        }
    }
}

#[test]
fn finding_17_the_main_part_is_the_one_the_relationships_name() {
    let dir = tempfile::tempdir().unwrap();
    let real = document(&format!("{}{}", p("真的标题"), p("真的正文。")));
    let decoy = document(&format!("{}{}", p("诱饵标题"), p("诱饵正文。")));
    let types = content_types("word/real.xml");
    let rels = root_rels("/word/real.xml");
    let bytes = package(&[
        ("[Content_Types].xml", &types),
        ("_rels/.rels", &rels),
        ("word/document.xml", &decoy),
        ("word/real.xml", &real),
    ]);
    write(dir.path(), "decoy.docx", &bytes);
    let (draft, _) = imported(dir.path(), "decoy.docx");
    assert_eq!(draft.meta.title, "真的标题");
    assert_eq!(draft.meta.preamble, ["真的正文。"]);
}

#[test]
fn finding_17_a_package_whose_main_part_is_not_a_word_document_says_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let rels = root_rels("xl/workbook.xml");
    let doc = document(&p("标题"));
    let bytes = package(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", &rels),
        ("xl/workbook.xml", "<workbook/>"),
        ("word/document.xml", &doc),
    ]);
    write(dir.path(), "book.docx", &bytes);
    let stderr = import(dir.path(), "book.docx").refused_with(2).to_string();
    assert!(stderr.contains("an Excel workbook (.xlsx)"), "{stderr}");
}

/// The Strict Open XML namespaces of what [`docx_with`] writes.
fn strict(bytes: &str) -> String {
    bytes
        .replace(W, "http://purl.oclc.org/ooxml/wordprocessingml/main")
        .replace(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/",
        )
}

#[test]
fn finding_22c_a_strict_open_xml_docx_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let numbering = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="第%1条"/><w:suff w:val="space"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>"#
    );
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>"#;
    let article = r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>为了规范管理，制定本办法。</w:t></w:r></w:p>"#;
    let body = format!(
        "{}{article}{}",
        p("管理办法"),
        article.replace("为了规范管理，制定本办法。", "本办法自公布之日起施行。")
    );
    let types = content_types("word/document.xml");
    let root = strict(&root_rels("word/document.xml"));
    let doc = strict(&document(&body));
    let numbering = strict(&numbering);
    let rels = strict(rels);
    let bytes = package(&[
        ("[Content_Types].xml", &types),
        ("_rels/.rels", &root),
        ("word/document.xml", &doc),
        ("word/numbering.xml", &numbering),
        ("word/_rels/document.xml.rels", &rels),
    ]);
    write(dir.path(), "strict.docx", &bytes);
    let (draft, _) = imported(dir.path(), "strict.docx");
    assert_eq!(draft.meta.title, "管理办法");
    assert_eq!(draft.meta.numbering.style, gongwen::model::Style::Articles);
    assert_eq!(draft.parts.len(), 2);
}

/// Every paragraph and table cell of a draft, in order.
fn texts(draft: &gongwen::model::Draft) -> Vec<String> {
    fn body(blocks: &[gongwen::model::Block], out: &mut Vec<String>) {
        for b in blocks {
            match b {
                gongwen::model::Block::Para(t) => out.push(t.clone()),
                gongwen::model::Block::Table(t) => out.extend(t.texts().map(str::to_string)),
                gongwen::model::Block::Part(p) => {
                    out.extend(p.heading.clone());
                    body(&p.body, out);
                }
            }
        }
    }
    let mut out = vec![draft.meta.title.clone()];
    out.extend(draft.meta.preamble.iter().cloned());
    for part in &draft.parts {
        out.extend(part.heading.clone());
        body(&part.body, &mut out);
    }
    for a in &draft.attachments {
        body(&a.body, &mut out);
    }
    out
}

/// The tables of a draft, in order.
fn tables(draft: &gongwen::model::Draft) -> Vec<gongwen::model::Table> {
    fn body(blocks: &[gongwen::model::Block], out: &mut Vec<gongwen::model::Table>) {
        for b in blocks {
            match b {
                gongwen::model::Block::Table(t) => out.push(t.clone()),
                gongwen::model::Block::Part(p) => body(&p.body, out),
                gongwen::model::Block::Para(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for part in &draft.parts {
        body(&part.body, &mut out);
    }
    out
}

#[test]
fn finding_11_a_markdown_table_wider_than_its_spans_allow_is_refused_before_it_is_laid_out() {
    let dir = tempfile::tempdir().unwrap();
    // A first row 200,000 columns wide, then rows of one cell each: padded,
    // they were a hundred million cells.
    let wide = r#"<td colspan="1000">x</td>"#.repeat(200);
    let narrow = "<tr><td>y</td></tr>\n".repeat(60);
    let text = format!("标题\n\n一、甲\n\n<table>\n<tr>{wide}</tr>\n{narrow}</table>\n");
    assert!(text.len() < 7_000);
    write(dir.path(), "wide.md", text.as_bytes());
    let run = import(dir.path(), "wide.md");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("wide.md:5"), "{stderr}");
    assert!(stderr.contains("200000 columns"), "{stderr}");
    assert!(stderr.contains("at most 63"), "{stderr}");
}

#[test]
fn finding_11_a_markdown_table_of_too_many_places_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 60 columns wide, 2,000 rows: 120,000 places once padded.
    let narrow = "<tr><td>y</td></tr>\n".repeat(2_000);
    let text = format!(
        "标题\n\n一、甲\n\n<table>\n<tr><td colspan=\"60\">x</td></tr>\n{narrow}</table>\n"
    );
    write(dir.path(), "long.md", text.as_bytes());
    let run = import(dir.path(), "long.md");
    let stderr = run.refused_with(2);
    assert!(stderr.contains("long.md:5"), "{stderr}");
    assert!(stderr.contains("120060 places"), "{stderr}");
}

/// A table of `rows`, in a grid of `grid` columns.
fn word_table(grid: usize, rows: &[String]) -> String {
    let cols = r#"<w:gridCol w:w="1000"/>"#.repeat(grid);
    format!(
        "<w:tbl><w:tblGrid>{cols}</w:tblGrid>{}</w:tbl>",
        rows.iter()
            .map(|r| format!("<w:tr>{r}</w:tr>"))
            .collect::<String>()
    )
}

/// A cell holding `text`, with its properties.
fn tc(props: &str, text: &str) -> String {
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{}</w:tc>", p(text))
}

#[test]
fn finding_11_a_word_span_past_the_grid_is_cut_to_the_grid_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let span = r#"<w:gridSpan w:val="1000"/>"#;
    let rows: Vec<String> = (0..40)
        .map(|i| {
            if i % 2 == 0 {
                format!("{}{}", tc(span, "合并"), tc("", "乙"))
            } else {
                format!("{}{}", tc("", "丙"), tc("", "丁"))
            }
        })
        .collect();
    let body = format!("{}{}{}", p("标题"), p("一、甲"), word_table(2, &rows));
    let bytes = docx(&body);
    assert!(bytes.len() < 2_000, "{}", bytes.len());
    write(dir.path(), "span.docx", &bytes);
    let (draft, stderr) = imported(dir.path(), "span.docx");
    assert!(stderr.contains("spans 1000 columns"), "{stderr}");
    let table = &tables(&draft)[0];
    let layout = table.layout().unwrap();
    assert_eq!(layout.columns, 3);
    assert_eq!(table.grid().unwrap()[0], ["合并", "合并", "乙"]);
}

#[test]
fn finding_17_a_word_table_never_becomes_html_in_a_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        tc(r#"<w:gridSpan w:val="1000"/>"#, "甲"),
        format!("{}{}{}", tc("", "乙"), tc("", "丙"), tc("", "丁")),
    ];
    let body = format!("{}{}{}", p("标题"), p("一、甲"), word_table(3, &rows));
    write(dir.path(), "html.docx", &docx(&body));
    let (draft, _) = imported(dir.path(), "html.docx");
    for text in texts(&draft) {
        assert!(!text.contains('<') && !text.contains("colspan"), "{text}");
    }
    assert_eq!(tables(&draft)[0].grid().unwrap()[1], ["乙", "丙", "丁"]);
}

#[test]
fn finding_17_a_vmerge_continuing_from_the_first_row_keeps_its_cells() {
    let dir = tempfile::tempdir().unwrap();
    let rows = [
        format!("{}{}", tc("<w:vMerge/>", "甲"), tc("", "乙")),
        format!("{}{}", tc("<w:vMerge/>", ""), tc("", "丁")),
    ];
    let body = format!("{}{}{}", p("标题"), p("一、甲"), word_table(2, &rows));
    write(dir.path(), "vmerge.docx", &docx(&body));
    let (draft, _) = imported(dir.path(), "vmerge.docx");
    let grid: Vec<Vec<String>> = tables(&draft)[0]
        .grid()
        .unwrap()
        .into_iter()
        .map(|r| r.into_iter().map(str::to_string).collect())
        .collect();
    // The first row's cell starts the merge Word shows: 甲 over two rows.
    assert_eq!(grid, [["甲", "乙"], ["甲", "丁"]]);
}

#[test]
fn finding_11_a_draft_table_wider_than_word_holds_is_refused_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let empty_rows = "            - []\n".repeat(9_999);
    let yaml = format!(
        "title: 甲\nparts:\n  - text:\n      - table:\n          rows:\n            - [{{text: 宽, cols: 10000, rows: 10000}}]\n{empty_rows}"
    );
    std::fs::write(dir.path().join("wide.yaml"), yaml).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "wide.yaml"]);
    let stderr = run.refused_with(1);
    assert!(stderr.contains("10000 columns"), "{stderr}");
    assert!(stderr.contains("at most 63"), "{stderr}");
    let yaml = format!(
        "title: 甲\nparts:\n  - text:\n      - table:\n          rows:\n            - [{{text: 长, cols: 60, rows: 10000}}]\n{empty_rows}"
    );
    std::fs::write(dir.path().join("long.yaml"), yaml).unwrap();
    let run = bounded::gongwen(dir.path(), &["check", "long.yaml"]);
    let stderr = run.refused_with(1);
    assert!(stderr.contains("600000 places"), "{stderr}");
}

/// Lines a reader must see as typed, whatever Markdown would make of them.
const AS_TYPED: [&str; 6] = [
    "计算2*3*4的结果。",
    "详见[通知](https://example.gov.cn/a)。",
    "R&amp;D 与 &lt;b&gt; 照印。",
    "[[注释]]不是引用。",
    "# 不是标题，_下划线_与`反引号`与~~删除~~。",
    "<b>粗</b>与\\*星号\\*。",
];

/// Builds the draft in `dir` (`out.yaml`) as Markdown and HTML, and
/// returns both.
fn built(dir: &Path) -> (String, String) {
    std::fs::create_dir_all(dir.join("drafts/d")).unwrap();
    std::fs::copy(dir.join("out.yaml"), dir.join("drafts/d/v1.yaml")).unwrap();
    bounded::gongwen(dir, &["build"]).refused_with(0);
    let read = |ext: &str| std::fs::read_to_string(dir.join(format!("output/d/v1.{ext}"))).unwrap();
    (read("md"), read("html"))
}

/// The visible text of each paragraph and heading of Markdown, as a
/// CommonMark reader with GitHub's tables shows it.
fn markdown_blocks(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut blocks = vec![String::new()];
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                blocks.last_mut().unwrap().push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => blocks.last_mut().unwrap().push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => blocks.push(String::new()),
            _ => {}
        }
    }
    blocks
}

/// The visible text of each `<p>` and heading of an HTML page.
fn html_blocks(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let select = scraper::Selector::parse("p, h1, h2, h3, h4, h5, h6").unwrap();
    page.select(&select)
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// Whether every line is shown whole by some block.
fn shows(blocks: &[String], lines: &[&str]) -> Result<(), String> {
    for line in lines {
        if !blocks.iter().any(|b| b.trim() == *line) {
            return Err(format!("{line:?} is shown by no block of {blocks:#?}"));
        }
    }
    Ok(())
}

#[test]
fn finding_15_text_from_a_text_file_prints_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("关于加强管理的通知\n{}\n", AS_TYPED.join("\n"));
    write(dir.path(), "notice.txt", text.as_bytes());
    let (draft, _) = imported(dir.path(), "notice.txt");
    let shown: Vec<String> = draft
        .meta
        .preamble
        .iter()
        .map(|p| gongwen::text::to_plain(p))
        .collect();
    assert_eq!(shown, AS_TYPED);
    let (md, html) = built(dir.path());
    shows(&markdown_blocks(&md), &AS_TYPED).unwrap();
    shows(&html_blocks(&html), &AS_TYPED).unwrap();
    assert!(
        !html.contains("<em>") && !html.contains("<a href"),
        "{html}"
    );
}

/// XML text for a string.
fn xml_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[test]
fn finding_15_text_from_a_word_file_prints_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let paragraphs: String = AS_TYPED.iter().map(|t| p(&xml_text(t))).collect();
    let cells = format!(
        "{}{}",
        tc("", &xml_text(AS_TYPED[0])),
        tc("", &xml_text(AS_TYPED[1]))
    );
    let body = format!(
        "{}{}{paragraphs}{}",
        p("关于加强管理的通知"),
        p("一、总体要求"),
        word_table(2, &[cells])
    );
    write(dir.path(), "notice.docx", &docx(&body));
    let (draft, _) = imported(dir.path(), "notice.docx");
    let shown: Vec<String> = texts(&draft)
        .iter()
        .map(|t| gongwen::text::to_plain(t))
        .collect();
    for line in AS_TYPED {
        assert!(shown.iter().any(|s| s == line), "{line} not in {shown:?}");
    }
    let table = &tables(&draft)[0];
    assert_eq!(
        gongwen::text::to_plain(&table.rows[0].cells[0].text),
        AS_TYPED[0]
    );
    let (md, html) = built(dir.path());
    shows(&markdown_blocks(&md), &AS_TYPED).unwrap();
    shows(&html_blocks(&html), &AS_TYPED).unwrap();
}

/// A line of text an officer might type: pieces Markdown reads, between
/// Chinese text, ending as a sentence ends (so nothing joins it to the
/// next line) with a character telling it from the other lines.
fn typed_line(distinct: char) -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::sample::select(vec![
        "*",
        "**",
        "_",
        "__",
        "`",
        "```",
        "~",
        "~~",
        "[",
        "]",
        "](",
        ")",
        "[[",
        "]]",
        "[x]:",
        "<",
        ">",
        "<b>",
        "</b>",
        "<!--",
        "-->",
        "&",
        "&amp;",
        "&lt;",
        "&#x41;",
        "&copy;",
        "\\",
        "\\*",
        "#",
        "# ",
        "> ",
        "- ",
        "+ ",
        "= ",
        "|",
        "| a |",
        "!",
        "![",
        "{",
        "}",
        "$",
        ":",
        "甲",
        "推进",
        " ",
        "a",
        "http://x",
        "<http://x>",
        "\t",
    ]);
    prop::collection::vec(pieces, 1..10).prop_map(move |v| format!("{}{distinct}。", v.concat()))
}

proptest::proptest! {
    #![proptest_config(crate::common::proptest_config(48))]

    /// Whatever a text file says, its import shows it as typed: the draft's
    /// text, the Markdown and the HTML built from it.
    #[test]
    fn finding_15_any_text_imported_shows_as_typed(
        lines in (typed_line('甲'), typed_line('乙'), typed_line('丙')),
    ) {
        let lines = [lines.0, lines.1, lines.2];
        let first = |l: &String| l.trim_start().chars().next();
        proptest::prop_assume!(lines.iter().all(|l| l.trim() == l
            && first(l).is_some_and(|c| !c.is_ascii_digit())
            && gongwen::import::parse::classify(l, gongwen::model::Style::Outline)
                == gongwen::import::parse::Marker::Text));
        let text = format!("{}\n", lines.join("\n"));
        let imported = gongwen::import::import_str(
            Path::new("typed.txt"),
            &text,
            Default::default(),
        )
        .map_err(|e| proptest::test_runner::TestCaseError::fail(e.to_string()))?;
        let draft = &imported.draft;
        let mut shown = vec![gongwen::text::to_plain(&draft.meta.title)];
        shown.extend(draft.meta.preamble.iter().map(|p| gongwen::text::to_plain(p)));
        proptest::prop_assert_eq!(&shown, &lines.to_vec());
        let ctx = gongwen::render::RenderContext::new(&gongwen::numbering::number(draft));
        let renderer = crate::common::renderer();
        let render = |format| {
            let out = renderer
                .render(format, gongwen::render::View::Draft(&ctx))
                .unwrap()
                .bytes;
            String::from_utf8(out).unwrap()
        };
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        shows(&markdown_blocks(&render(gongwen::render::Format::Markdown)), &lines)
            .map_err(proptest::test_runner::TestCaseError::fail)?;
        shows(&html_blocks(&render(gongwen::render::Format::Html)), &lines)
            .map_err(proptest::test_runner::TestCaseError::fail)?;
    }
}

#[test]
fn finding_15_double_brackets_in_markdown_are_text_not_references() {
    let dir = tempfile::tempdir().unwrap();
    let text = "标题\n\n一、甲\n\n[[注释]]不是引用，[[a b]]也不是，**加粗**仍是加粗。\n\n| 甲 | [[乙]] |\n|---|---|\n| 1 | 2 |\n";
    write(dir.path(), "refs.md", text.as_bytes());
    let (draft, _) = imported(dir.path(), "refs.md");
    let shown: Vec<String> = texts(&draft)
        .iter()
        .map(|t| gongwen::text::to_plain(t))
        .collect();
    assert!(
        shown.contains(&"[[注释]]不是引用，[[a b]]也不是，加粗仍是加粗。".to_string()),
        "{shown:?}"
    );
    assert!(shown.contains(&"[[乙]]".to_string()), "{shown:?}");
}

/// `word/_rels/document.xml.rels` naming parts: (relationship type, target).
fn document_rels(parts: &[(&str, &str)]) -> String {
    let rels: String = parts
        .iter()
        .enumerate()
        .map(|(i, (kind, target))| {
            format!(
                r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{target}"/>"#
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
    )
}

#[test]
fn finding_17_hidden_text_is_left_out_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="Secret"><w:rPr><w:vanish/></w:rPr></w:style><w:style w:type="character" w:styleId="MoreSecret"><w:basedOn w:val="Secret"/></w:style><w:style w:type="paragraph" w:styleId="HiddenPara"><w:rPr><w:vanish/></w:rPr></w:style></w:styles>"#
    );
    let run = |props: &str, text: &str| {
        format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    };
    let body = format!(
        "{}<w:p>{}{}{}{}{}{}</w:p><w:p><w:pPr><w:pStyle w:val=\"HiddenPara\"/></w:pPr>{}{}</w:p>",
        p("标题"),
        run("", "可见"),
        run("<w:vanish/>", "直接隐藏"),
        run(r#"<w:rStyle w:val="MoreSecret"/>"#, "样式隐藏"),
        run("<w:specVanish/>", "特殊隐藏"),
        run(r#"<w:vanish w:val="false"/>"#, "文字"),
        run("", "。"),
        run("", "整段隐藏"),
        run(r#"<w:vanish w:val="0"/>"#, "但这几个字显示。"),
    );
    let rels = document_rels(&[("styles", "styles.xml")]);
    write(
        dir.path(),
        "hidden.docx",
        &docx_with(
            &body,
            &[
                ("word/styles.xml", &styles),
                ("word/_rels/document.xml.rels", &rels),
            ],
        ),
    );
    let (draft, stderr) = imported(dir.path(), "hidden.docx");
    assert_eq!(draft.meta.preamble, ["可见文字。", "但这几个字显示。"]);
    for hidden in ["直接隐藏", "样式隐藏", "特殊隐藏", "整段隐藏"] {
        assert!(stderr.contains(hidden), "{hidden}: {stderr}");
    }
    assert!(stderr.contains("hidden"), "{stderr}");
}

#[test]
fn finding_17_footnotes_and_endnotes_are_kept_after_their_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let notes = |kind: &str| {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:{kind}s xmlns:w="{W}"><w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{kind}><w:{kind} w:id="5"><w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {kind}的*内容*。</w:t></w:r></w:p></w:{kind}></w:{kind}s>"#
        )
    };
    let body = format!(
        r#"{}{}<w:p><w:r><w:t>依照有关规定</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r><w:r><w:t>，制定本办法</w:t></w:r><w:r><w:endnoteReference w:id="5"/></w:r><w:r><w:t>。</w:t></w:r></w:p>{}"#,
        p("管理办法"),
        p("一、总则"),
        p("二、附则")
    );
    let rels = document_rels(&[("footnotes", "footnotes.xml"), ("endnotes", "endnotes.xml")]);
    let (footnotes, endnotes) = (notes("footnote"), notes("endnote"));
    write(
        dir.path(),
        "notes.docx",
        &docx_with(
            &body,
            &[
                ("word/footnotes.xml", &footnotes),
                ("word/endnotes.xml", &endnotes),
                ("word/_rels/document.xml.rels", &rels),
            ],
        ),
    );
    let (draft, stderr) = imported(dir.path(), "notes.docx");
    let shown: Vec<String> = texts(&draft)
        .iter()
        .map(|t| gongwen::text::to_plain(t))
        .collect();
    let at = shown
        .iter()
        .position(|t| t == "依照有关规定［注1］，制定本办法［尾注1］。")
        .unwrap_or_else(|| panic!("{shown:?}"));
    assert_eq!(shown[at + 1], "［注1］footnote的*内容*。");
    assert_eq!(shown[at + 2], "［尾注1］endnote的*内容*。");
    assert!(stderr.contains("footnote"), "{stderr}");
    assert!(stderr.contains("endnote"), "{stderr}");
}

#[test]
fn finding_17_a_text_box_is_named_in_a_warning_once() {
    let dir = tempfile::tempdir().unwrap();
    let wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape";
    let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    let box_content = format!("<w:txbxContent>{}</w:txbxContent>", p("某某市人民政府文件"));
    let body = format!(
        r#"{}<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps"><w:drawing><wps:wsp xmlns:wps="{wps}"><wps:txbx>{box_content}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>{box_content}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>正文。</w:t></w:r></w:p>"#,
        p("标题"),
    );
    write(dir.path(), "box.docx", &docx(&body));
    let (draft, stderr) = imported(dir.path(), "box.docx");
    assert_eq!(draft.meta.preamble, ["正文。"]);
    assert_eq!(stderr.matches("某某市人民政府文件").count(), 1, "{stderr}");
    assert!(stderr.contains("text box"), "{stderr}");
}

#[test]
fn finding_17_a_table_in_a_table_cell_is_kept_as_text_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let inner = word_table(2, &[format!("{}{}", tc("", "内甲"), tc("", "内乙"))]);
    let outer = word_table(
        2,
        &[format!(
            "<w:tc>{}{inner}</w:tc>{}",
            p("外甲"),
            tc("", "外乙")
        )],
    );
    let body = format!("{}{}{outer}", p("标题"), p("一、甲"));
    write(dir.path(), "nested.docx", &docx(&body));
    let (draft, stderr) = imported(dir.path(), "nested.docx");
    let table = &tables(&draft)[0];
    assert_eq!(
        gongwen::text::to_plain(&table.rows[0].cells[0].text),
        "外甲\n内甲｜内乙"
    );
    assert!(stderr.contains("inside the cells of a table"), "{stderr}");
}

#[test]
fn finding_19d_old_mac_line_ends_are_line_ends() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "mac.txt",
            "管理办法\r第一条 为了规范。\r第二条 自公布之日起施行。\r",
        ),
        (
            "mixed.md",
            "管理办法\r\n\r第一条 为了规范。\n第二条 自公布之日起施行。\r",
        ),
    ] {
        write(dir.path(), name, text.as_bytes());
        let (draft, _) = imported(dir.path(), name);
        assert_eq!(draft.meta.title, "管理办法", "{name}");
        assert_eq!(draft.parts.len(), 2, "{name}");
        std::fs::remove_file(dir.path().join("out.yaml")).unwrap();
    }
}

#[test]
fn finding_22b_utf16_text_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "管理办法\r\n第一条 为了规范。\r\n第二条 自公布之日起施行。\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    for (name, bytes) in [
        ("notepad.txt", [&[0xFF, 0xFE][..], &le].concat()),
        ("big-endian.txt", [&[0xFE, 0xFF][..], &be].concat()),
        ("no-mark.txt", le.clone()),
    ] {
        write(dir.path(), name, &bytes);
        let run = import(dir.path(), name);
        let stdout = run.stdout.clone();
        run.refused_with(0);
        assert!(stdout.contains("decoded from UTF-16"), "{name}: {stdout}");
        let draft = gongwen::load::load_draft(&dir.path().join("out.yaml")).unwrap();
        assert_eq!(draft.meta.title, "管理办法", "{name}");
        assert_eq!(draft.parts.len(), 2, "{name}");
        std::fs::remove_file(dir.path().join("out.yaml")).unwrap();
    }
    // A picture is still no text.
    write(
        dir.path(),
        "picture.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    let stderr = import(dir.path(), "picture.txt")
        .refused_with(2)
        .to_string();
    assert!(stderr.contains("binary data"), "{stderr}");
}

#[test]
fn finding_19e_a_code_span_across_a_line_break_shows_no_backslash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("drafts/d")).unwrap();
    std::fs::write(
        dir.path().join("drafts/d/v1.yaml"),
        "title: 标题\nparts:\n  - \"甲`代码\\n跨行`乙\\n下一行\"\n",
    )
    .unwrap();
    bounded::gongwen(dir.path(), &["build"]).refused_with(0);
    let read =
        |ext: &str| std::fs::read_to_string(dir.path().join(format!("output/d/v1.{ext}"))).unwrap();
    let (md, html) = (read("md"), read("html"));
    assert!(
        markdown_blocks(&md)
            .iter()
            .any(|b| b.contains("甲代码 跨行乙\n下一行")),
        "{md}"
    );
    assert!(
        html_blocks(&html)
            .iter()
            .any(|b| b.contains("甲代码 跨行乙")),
        "{html}"
    );
    assert!(!html.contains("代码\\"), "{html}");
}

#[test]
fn finding_09_an_html_table_nested_deep_is_refused_by_its_depth() {
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    let text = format!(
        "标题\n\n一、甲\n\n<table><tr><td>{}x{}</td></tr></table>\n",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    write(dir.path(), "deep.md", text.as_bytes());
    let stderr = import(dir.path(), "deep.md").refused_with(2).to_string();
    assert!(stderr.contains("deep.md:5"), "{stderr}");
    assert!(stderr.contains("100001 levels deep"), "{stderr}");
    // Cells, rows and line breaks, which HTML leaves open or empty, are
    // no nesting: a long table written so is read.
    let rows = "<tr><td>甲<br>乙<td>丙".repeat(3_000);
    let text = format!("标题\n\n一、甲\n\n<table>{rows}</table>\n");
    write(dir.path(), "open.md", text.as_bytes());
    let (draft, _) = imported(dir.path(), "open.md");
    assert_eq!(tables(&draft)[0].rows.len(), 3_000);
}
