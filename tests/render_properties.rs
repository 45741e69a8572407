//! Whatever the author writes, each output has exactly the blocks the draft
//! has, in order: the Markdown parsed back with pulldown-cmark, the HTML
//! parsed back with an HTML parser, and the PDF's text read back with
//! pdftotext. Texts come from a generator of hostile text (Markdown and HTML
//! syntax, entities, control and bidi characters, every kind of line break).

use crate::common;

use gongwen::numbering::number;
use gongwen::render::{Format, RenderContext, View};
use proptest::prelude::*;

/// Text compared across formats: no whitespace (line breaks and the gaps of a
/// justified line differ by format), no control characters (a parser may drop
/// or replace them), no replacement characters.
fn normal(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{FFFD}')
        .collect()
}

#[derive(Debug, PartialEq)]
enum Kind {
    Heading,
    Para,
}

/// The top-level blocks of a Markdown document and their visible text.
fn markdown_blocks(md: &str) -> Vec<(Kind, String)> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut depth = 0;
    let mut text = String::new();
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    text.clear();
                    let kind = match tag {
                        Tag::Heading { .. } => Kind::Heading,
                        Tag::Paragraph => Kind::Para,
                        other => {
                            panic!("a block that is neither heading nor paragraph: {other:?}\n{md}")
                        }
                    };
                    out.push((kind, String::new()));
                }
                depth += 1;
            }
            Event::End(end) => {
                depth -= 1;
                if depth == 0 {
                    assert!(matches!(end, TagEnd::Heading(_) | TagEnd::Paragraph));
                    out.last_mut().unwrap().1 = normal(&text);
                }
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in\n{md}"),
            Event::Rule => panic!("a rule in\n{md}"),
            _ => {}
        }
    }
    out
}

/// What the default Markdown template writes, block by block.
fn expected_markdown(ctx: &RenderContext) -> Vec<(Kind, String)> {
    let m = &ctx.meta;
    let mut out = vec![(Kind::Heading, normal(&m.title.plain))];
    let mut para = |s: String| out.push((Kind::Para, normal(&s)));
    if let Some(s) = &m.stage_label {
        para(s.plain.clone());
    }
    if let Some(s) = &m.number {
        para(s.plain.clone());
    }
    if let Some(s) = &m.to {
        para(format!("{}：", s.plain));
    }
    for p in &ctx.preamble {
        para(p.plain.clone());
    }
    for b in &ctx.blocks {
        if b.kind == gongwen::render::context::BlockKind::Heading {
            out.push((Kind::Heading, normal(&b.plain)));
        } else {
            out.push((Kind::Para, normal(&b.plain)));
        }
    }
    let mut para = |s: String| out.push((Kind::Para, normal(&s)));
    for p in &ctx.closing {
        para(p.plain.clone());
    }
    if !m.attachments.is_empty() {
        let many = m.attachments.len() > 1;
        let list: String = m
            .attachments
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let n = if many {
                    format!("{}.", i + 1)
                } else {
                    String::new()
                };
                format!("{n}{}", a.plain)
            })
            .collect();
        para(format!("附件：{list}"));
    }
    if m.organ.is_some() || m.date.is_some() {
        let organ = m.organ.as_ref().map_or("", |o| o.plain.as_str());
        para(format!("{organ}{}", m.date.as_deref().unwrap_or("")));
    }
    if let Some(cc) = &m.cc_line {
        para(cc.plain.clone());
    }
    if m.printer.is_some() || m.printed.is_some() {
        let printer = m.printer.as_ref().map_or("", |p| p.plain.as_str());
        let printed = m
            .printed
            .as_ref()
            .map_or(String::new(), |p| format!("{p}印发"));
        para(format!("{printer}{printed}"));
    }
    out
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn the_markdown_has_exactly_the_blocks_of_the_draft(draft in common::draft_of(common::hostile_text())) {
        let doc = number(&draft);
        let ctx = RenderContext::new(&doc);
        let md = String::from_utf8(common::renderer().render(Format::Markdown, View::Draft(&ctx)).unwrap().bytes).unwrap();
        prop_assert_eq!(markdown_blocks(&md), expected_markdown(&ctx), "{}", md);
    }

    #[test]
    fn the_html_has_exactly_the_blocks_of_the_draft(draft in common::draft_of(common::hostile_text())) {
        let doc = number(&draft);
        let ctx = RenderContext::new(&doc);
        let html = String::from_utf8(common::renderer().render(Format::Html, View::Draft(&ctx)).unwrap().bytes).unwrap();
        let page = scraper::Html::parse_document(&html);
        let main = scraper::Selector::parse("main > *").unwrap();
        let found: Vec<(String, String)> = page
            .select(&main)
            .map(|e| (e.value().name().to_string(), normal(&e.text().collect::<String>())))
            .collect();
        let mut expected = Vec::new();
        if let Some(to) = &ctx.meta.to {
            expected.push(("p".to_string(), normal(&format!("{}：", to.plain))));
        }
        for p in &ctx.preamble {
            expected.push(("p".to_string(), normal(&p.plain)));
        }
        for b in &ctx.blocks {
            let name = if b.kind == gongwen::render::context::BlockKind::Heading { format!("h{}", b.h) } else { "p".into() };
            expected.push((name, normal(&b.plain)));
        }
        prop_assert_eq!(found, expected, "{}", html);
        // Nothing the author wrote became an element of its own.
        let script = scraper::Selector::parse("script, img, iframe, a[href^=javascript]").unwrap();
        prop_assert_eq!(page.select(&script).count(), 0);
    }
}

/// Text the bundled faces can print: Chinese, ASCII punctuation and letters,
/// the syntax of Markdown, HTML and typst.
fn printable_text() -> common::Texts {
    let pieces = prop::sample::select(vec![
        "<script>",
        "</b>",
        "&lt;",
        "&amp;",
        "**",
        "*",
        "_",
        "`",
        "[",
        "](",
        ")",
        "# ",
        "> ",
        "- ",
        "1. ",
        "---",
        "|",
        "\\",
        "{++",
        "$",
        "#let x = 1",
        "#read(\"/etc/passwd\")",
        "]",
        "{{",
        "（一）",
        "第一条",
        "一、",
        "。",
        "，",
        "；",
        "推进",
        "工作",
        "重点",
        "2025",
        "90%",
        "a",
        "\n",
    ]);
    common::texts_of(pieces, 6)
}

proptest! {
    #![proptest_config(common::proptest_config(12))]

    #[test]
    fn the_pdf_text_has_every_block_once_in_order(draft in common::draft_of(printable_text())) {
        let Some(pdftotext) = common::tool("pdftotext") else { return Ok(()) };
        let mut draft = draft;
        draft.meta.fonts = Default::default();
        let doc = number(&draft);
        let ctx = RenderContext::new(&doc);
        let pdf = common::renderer().render(Format::Pdf, View::Draft(&ctx)).unwrap().bytes;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.pdf");
        std::fs::write(&path, pdf).unwrap();
        let text = normal(&common::run(&pdftotext, &["-raw", path.to_str().unwrap(), "-"]));
        // A block may run across a page break, where the page number "— 2 —" is read.
        let text = regex::Regex::new("—[0-9]+—").unwrap().replace_all(&text, "").into_owned();
        let mut at = 0;
        for b in &ctx.blocks {
            let want = normal(&b.plain);
            let found = text[at..].find(&want);
            prop_assert!(found.is_some(), "block {:?} not found after {} in {}", want, at, text);
            at += found.unwrap() + want.len();
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config(256))]

    #[test]
    fn the_redline_markdown_has_exactly_its_blocks(
        old in common::draft_of(common::hostile_text()),
        new in common::draft_of(common::hostile_text()),
    ) {
        use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
        let (old, new) = (number(&old), number(&new));
        let changes = gongwen::compare::compare(&old, &new);
        let ctx = gongwen::render::redline::RedlineContext::new(&old, &new, ("v1", "v2"), &changes, true);
        let md = String::from_utf8(
            common::renderer()
                .render(Format::Markdown, View::Redline { view: &ctx, old: &old, new: &new })
                .unwrap()
                .bytes,
        )
        .unwrap();
        let (mut top, mut items, mut depth) = (Vec::new(), 0, 0);
        for event in Parser::new_ext(&md, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
            match event {
                Event::Start(tag) => {
                    if matches!(tag, Tag::Item) {
                        items += 1;
                    }
                    if depth == 0 {
                        top.push(match tag {
                            Tag::Heading { .. } => "heading",
                            Tag::Paragraph => "para",
                            Tag::List(_) => "list",
                            other => panic!("{other:?} in\n{md}"),
                        });
                    }
                    depth += 1;
                }
                Event::End(TagEnd::Item) | Event::End(_) => depth -= 1,
                Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML {h:?} in\n{md}"),
                Event::Rule => panic!("a rule in\n{md}"),
                _ => {}
            }
        }
        let mut expected = vec!["heading", "para", "heading"];
        expected.push(if ctx.entries.is_empty() { "para" } else { "list" });
        expected.push("heading");
        expected.extend(ctx.blocks.iter().map(|b| if b.kind == gongwen::render::context::BlockKind::Heading { "heading" } else { "para" }));
        prop_assert_eq!(top, expected, "{}", md);
        prop_assert_eq!(items, ctx.entries.len(), "{}", md);
    }
}

/// The cells of the first table of a Markdown text, as parsed with GFM tables.
fn markdown_table(md: &str) -> Vec<Vec<String>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                    row.push(c);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = &mut cell {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    rows
}

proptest! {
    #![proptest_config(common::proptest_config(300))]

    /// Whatever a cell holds, the Markdown pipe table and the HTML table have
    /// its row and column, and its text.
    #[test]
    fn a_cell_cannot_break_its_table(
        cells in prop::collection::vec(prop::collection::vec(common::hostile_text(), 3), 1..5),
    ) {
        let table = gongwen::model::Table {
            header: vec![gongwen::model::Row::of(["序号", "任务", "单位"])],
            rows: cells.iter().map(|r| gongwen::model::Row::of(r.clone())).collect(),
            ..Default::default()
        };
        let view = gongwen::render::tables::TableView::new(&table).unwrap();
        let expected: Vec<Vec<String>> = table
            .grid()
            .unwrap()
            .iter()
            .map(|r| r.iter().map(|c| normal(&gongwen::text::to_plain(c))).collect())
            .collect();
        let md: Vec<Vec<String>> = markdown_table(&view.markdown())
            .iter()
            .map(|r| r.iter().map(|c| normal(c)).collect())
            .collect();
        prop_assert_eq!(&md, &expected, "{}", view.markdown());
        let page = scraper::Html::parse_fragment(&view.html());
        let rows = scraper::Selector::parse("tr").unwrap();
        let cells = scraper::Selector::parse("th, td").unwrap();
        let html: Vec<Vec<String>> = page
            .select(&rows)
            .map(|r| r.select(&cells).map(|c| normal(&c.text().collect::<String>())).collect())
            .collect();
        prop_assert_eq!(&html, &expected, "{}", view.html());
    }
}
