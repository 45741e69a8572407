//! Author text: every text field of a draft is one paragraph of inline
//! Markdown (bold, italics, links). This module reads it — as plain text, as
//! safe HTML, and (in [`markdown`]) as Markdown that can never be more than
//! that paragraph — and holds [`Text`], a text in all three forms, for views.
//! It sits below both the comparison and the views: the comparison needs the
//! plain text, the views every form.
//!
//! ```
//! use gongwen::text::{to_html, to_plain};
//! assert_eq!(to_plain("**加粗**与[链接](https://gov.cn)"), "加粗与链接");
//! assert_eq!(to_html("甲<b>乙"), "甲&lt;b&gt;乙");
//! ```

pub mod links;
pub mod markdown;

use serde::Serialize;

pub use markdown::{
    Block, escape, escape_inline, is_one_block, is_paragraph_of, strong_lead, to_markdown,
};

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// The author's text as Markdown source for our own parser: one paragraph
/// whatever it holds. Line-start characters that would open a block (a list,
/// a heading, a quote, code, a link definition) are escaped, and a line break
/// the author typed is a hard line break, except inside a code span, where
/// Markdown reads it as a space (a backslash there would be code). Breaks
/// at the end show nothing and are dropped (see [`trim_end_breaks`]).
pub(crate) fn source_md(text: &str) -> String {
    let text = trim_end_breaks(text);
    let mut out = String::with_capacity(text.len() + 8);
    // Where each line break is in `out`.
    let mut breaks = Vec::new();
    for (i, line) in lines(text).enumerate() {
        if i > 0 {
            breaks.push(out.len());
            out.push('\n');
        }
        // Leading spaces and tabs are dropped by every renderer; four make code.
        push_escaping_block_start(&mut out, line.trim_start_matches([' ', '\t']));
    }
    // A link reference definition can only open a paragraph, but its label
    // may run over the author's line breaks (`[` on one line, `x]: url` on
    // the next): the whole paragraph would vanish.
    let mut shift = 0;
    if starts_link_definition(&out) {
        out.insert(0, '\\');
        shift = 1;
    }
    if breaks.is_empty() {
        return out;
    }
    // Code spans are where they are whether the breaks are hard or soft: a
    // backslash before a line end escapes no backtick.
    let code: Vec<std::ops::Range<usize>> = if out.contains('`') {
        parser(&out)
            .into_offset_iter()
            .filter(|(e, _)| matches!(e, Event::Code(_)))
            .map(|(_, range)| range)
            .collect()
    } else {
        Vec::new()
    };
    let mut hard = String::with_capacity(out.len() + breaks.len());
    let mut at = 0;
    for b in breaks.into_iter().map(|b| b + shift) {
        hard.push_str(&out[at..b]);
        if !code.iter().any(|r| r.contains(&b)) {
            hard.push('\\');
        }
        at = b;
    }
    hard.push_str(&out[at..]);
    hard
}

/// A text without the line breaks it ends with, nor the lines after its last
/// break that hold only spaces (any Unicode space, U+3000 too): a break at the
/// end of a block shows nothing, and written as `\` before a line that a
/// renderer or the file's end trims away, it would show a backslash. Spaces
/// that end a line of text stay (a lead's U+3000 is part of it).
pub(crate) fn trim_end_breaks(text: &str) -> &str {
    let mut text = text.trim_end_matches([' ', '\t']);
    while let Some(i) = text.rfind(['\n', '\r']) {
        if !text[i + 1..].trim().is_empty() {
            break;
        }
        text = text[..i].trim_end_matches([' ', '\t', '\n', '\r']);
    }
    text
}

/// The lines of a text, split at `\n`, `\r\n` and `\r` (all line endings to
/// CommonMark).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// Pushes a line, escaping what would open a block in CommonMark. Escaping an
/// ASCII punctuation mark with a backslash never changes the text shown.
fn push_escaping_block_start(out: &mut String, line: &str) {
    let mut chars = line.chars();
    let first = chars.next();
    let after_marker = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    // A line of one mark (and spaces): a thematic break or a setext underline.
    let rule_of = |mark: char| line.chars().all(|c| c == mark || c == ' ' || c == '\t');
    match first {
        Some('>' | '<' | '|' | '=') => out.push('\\'),
        // Three backticks or tildes open a fenced code block; one is a code span.
        Some(c @ ('`' | '~')) if line.starts_with(&c.to_string().repeat(3)) => out.push('\\'),
        Some(c @ ('-' | '+' | '*' | '_')) if after_marker(chars.as_str()) || rule_of(c) => {
            out.push('\\')
        }
        Some('#') if after_marker(line.trim_start_matches('#')) => out.push('\\'),
        Some(c) if c.is_ascii_digit() => {
            // An ordered list marker: up to nine digits, `.` or `)`, then a space.
            let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
            let rest = &line[digits..];
            if digits <= 9 && rest.starts_with(['.', ')']) && after_marker(&rest[1..]) {
                out.push_str(&line[..digits]);
                out.push('\\');
                out.push_str(rest);
                return;
            }
        }
        _ => {}
    }
    out.push_str(line);
}

/// Whether Markdown source starts with `[label]:`, a link reference
/// definition: the first unescaped `]` closes the label (an unescaped `[`
/// before it means there is none) and a `:` follows. Errs towards yes: an
/// escaped `[` shows as `[` all the same.
fn starts_link_definition(source: &str) -> bool {
    let Some(label) = source.strip_prefix('[') else {
        return false;
    };
    let mut chars = label.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '[' => return false,
            ']' => return chars.next() == Some(':'),
            _ => {}
        }
    }
    false
}

pub(crate) fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH)
}

/// Safe HTML for a paragraph of inline Markdown, without the surrounding `<p>`.
/// Raw HTML in the text is shown as text, and links keep only harmless targets.
pub fn to_html(text: &str) -> String {
    html(text, true)
}

/// Like [`to_html`], with links reduced to their text (for a table of contents,
/// whose entries are links themselves).
pub fn to_html_without_links(text: &str) -> String {
    html(text, false)
}

fn html(text: &str, links: bool) -> String {
    let md = source_md(text);
    let mut link_dropped = Vec::new();
    let events = parser(&md).filter_map(|event| match event {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let keep = links && is_safe_url(&dest_url);
            link_dropped.push(!keep);
            keep.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => match link_dropped.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
        // pulldown-cmark follows `<br />` with a newline, which a browser shows as a
        // space between two Chinese characters once the break is hidden (the title
        // on a narrow screen).
        Event::HardBreak => Some(Event::InlineHtml("<br />".into())),
        // Images would fetch from the network or the disk: keep their alt text only.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => None,
        other => Some(other),
    });
    let mut html = String::with_capacity(md.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end_matches('\n').to_string()
}

/// The text a reader sees, without Markdown markup. Line breaks stay `\n`.
pub fn to_plain(text: &str) -> String {
    if reads_as_written(text) {
        return text.to_string();
    }
    plain_of_markdown(&source_md(text))
}

/// Author text that shows exactly a plain text: every character inline
/// Markdown would read (emphasis, code, links, raw HTML, entities,
/// escapes, strikethrough, `[[…]]` references) escaped with a backslash.
/// Line breaks stay line breaks, and a mark that would open a block at a
/// line's start needs nothing: every reading of author text escapes those
/// (see [`source_md`]). `to_plain(&from_plain(t)) == t` for a text without
/// spaces at a line's ends.
///
/// ```
/// use gongwen::text::{from_plain, to_plain};
/// assert_eq!(from_plain("2*3*4"), "2\\*3\\*4");
/// assert_eq!(to_plain(&from_plain("[[注释]] &amp;")), "[[注释]] &amp;");
/// ```
pub fn from_plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let escaped = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            '&' => markdown::is_entity(&chars[i + 1..]),
            _ => false,
        };
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether no Markdown reading changes a text: one line, no mark inline
/// Markdown gives a meaning to (emphasis, code, links, HTML, entities,
/// escapes, strikethrough), no control character, nothing at either end
/// that a paragraph trims. Most paragraphs of a law are such, and a whole
/// comparison reads every one.
fn reads_as_written(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with([' ', '\t'])
        && !text.ends_with([' ', '\t'])
        && !text.contains(|c: char| {
            matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '~'
            ) || c.is_control()
        })
}

/// Author text that reads as written and holds nothing HTML escapes: its
/// Markdown, HTML and plain forms are made without parsing it.
pub(crate) fn holds_no_markup(text: &str) -> bool {
    reads_as_written(text) && !text.contains(['"', '\''])
}

/// The visible text of a Markdown fragment: text, code and raw HTML verbatim,
/// a soft break joined away (Chinese has no spaces), a hard break as `\n`.
pub fn plain_of_markdown(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for event in parser(md) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::HardBreak => out.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => out.push('\n'),
            _ => {}
        }
    }
    out.trim_end_matches('\n').to_string()
}

pub(crate) fn is_safe_url(url: &CowStr) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, `?` or `#` is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// A piece of author text in every form a view may want.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Text {
    /// Markdown that stays one paragraph.
    pub md: String,
    /// Safe HTML (author HTML escaped).
    pub html: String,
    /// What the reader sees, without markup.
    pub plain: String,
}

impl Text {
    /// Author text written as inline Markdown (a paragraph, a heading, the title).
    pub fn new(source: &str) -> Text {
        if let Some(text) = Text::verbatim(source, Block::Paragraph) {
            return text;
        }
        Text {
            md: to_markdown(source, Block::Paragraph),
            html: to_html(source),
            plain: to_plain(source),
        }
    }

    /// Author text that holds no Markdown and nothing HTML escapes, in its
    /// forms without parsing it: most paragraphs of a law are such, and
    /// parsing each three times was a third of an HTML build. The same as
    /// the parsed forms (`tests::text_without_markup_is_made_as_if_parsed`).
    fn verbatim(source: &str, block: Block) -> Option<Text> {
        holds_no_markup(source).then(|| Text {
            md: escape(source, block),
            html: source.to_string(),
            plain: source.to_string(),
        })
    }

    /// A value that is plain text, not Markdown (an organ's name, a document
    /// number): shown exactly as written in every form.
    pub fn plain(value: &str) -> Text {
        Text {
            md: escape(value, Block::Paragraph),
            html: escape_html(value),
            plain: value.to_string(),
        }
    }

    /// Author text (inline Markdown) set as an ATX heading: one line.
    pub fn heading(source: &str) -> Text {
        if let Some(text) = Text::verbatim(source, Block::Heading) {
            return text;
        }
        Text {
            md: to_markdown(source, Block::Heading),
            ..Text::new(source)
        }
    }

    /// A plain value shown on one line (a list entry): line breaks become spaces.
    pub fn line(value: &str) -> Text {
        Text {
            md: escape(value, Block::Heading),
            ..Text::plain(value)
        }
    }

    /// A heading line for a table of contents: its HTML has no links, since
    /// the entry is a link itself.
    pub fn toc(source: &str) -> Text {
        Text {
            html: to_html_without_links(source),
            ..Text::new(source)
        }
    }
}

/// Text for HTML: `&`, `<`, `>` and quotes as entities.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> String {
        to_markdown(text, Block::Paragraph)
    }

    proptest::proptest! {
        #[test]
        fn plain_text_made_author_text_reads_back_as_itself(
            text in "[甲 a1.#>*_`\\[\\]<>&!~=|${}:;()\\\\-]{0,16}(\n[甲 a*_\\[\\]<&#-]{1,8}){0,2}"
        ) {
            let lines: Vec<&str> = text.split('\n').map(|l| l.trim_matches([' ', '\t'])).collect();
            let text = lines.join("\n");
            proptest::prop_assume!(!text.trim().is_empty() && !text.ends_with('\n'));
            proptest::prop_assert_eq!(to_plain(&from_plain(&text)), text);
        }

        #[test]
        fn text_that_reads_as_written_is_its_own_plain_text(
            text in "[甲乙 \t\u{3000}a1.#>*_`\\[\\]<>&!~=|$-]{0,12}"
        ) {
            proptest::prop_assert_eq!(to_plain(&text), plain_of_markdown(&source_md(&text)));
        }
    }

    /// The forms of author text as parsing makes them.
    fn parsed(source: &str, block: Block) -> Text {
        Text {
            md: to_markdown(source, block),
            html: to_html(source),
            plain: to_plain(source),
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn text_without_markup_is_made_as_if_parsed(
            text in "[甲乙（）。、“” \t\u{3000}\u{a0}a1.#>+=|:/$%{}()\\-]{0,14}"
        ) {
            for block in [Block::Paragraph, Block::Heading] {
                if let Some(fast) = Text::verbatim(&text, block) {
                    proptest::prop_assert_eq!(fast, parsed(&text, block));
                }
            }
        }
    }

    #[test]
    fn the_corpus_paragraphs_without_markup_are_made_as_if_parsed() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
        let mut fast = 0;
        for entry in std::fs::read_dir(corpus).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for line in text.lines() {
                for block in [Block::Paragraph, Block::Heading] {
                    if let Some(made) = Text::verbatim(line, block) {
                        assert_eq!(made, parsed(line, block), "{line}");
                        fast += 1;
                    }
                }
            }
        }
        assert!(fast > 10_000, "{fast} lines took the fast way");
    }

    #[test]
    fn a_code_span_across_a_line_break_reads_the_break_as_a_space() {
        assert_eq!(
            to_plain("甲`代码\n跨行`乙\n下一行"),
            "甲代码 跨行乙\n下一行"
        );
        assert_eq!(to_html("`a\nb`"), "<code>a b</code>");
        assert_eq!(md("甲`a\nb`\n乙"), "甲`a b`\\\n乙");
        // A backtick alone opens nothing: the break stays a break.
        assert_eq!(to_plain("甲`\n乙"), "甲`\n乙");
    }

    #[test]
    fn a_link_definition_over_two_lines_stays_text() {
        // Found by the render properties: the label ran over the break and
        // the whole paragraph vanished from every output.
        for text in [
            "[\n[ref]: http://x",
            "[甲\n乙]: http://x",
            "[ref]: http://x",
        ] {
            let shown: String = text.chars().filter(|c| *c != '\n').collect();
            assert_eq!(to_plain(text).replace('\n', ""), shown, "{text:?}");
            assert!(to_html(text).contains("http://x"), "{text:?}");
        }
        // A link at the start is still a link.
        assert_eq!(to_plain("[链接](https://gov.cn)：正文"), "链接：正文");
    }

    #[test]
    fn block_markers_at_line_start_are_escaped() {
        for text in [
            "- 甲",
            "# 乙",
            "1. 丙",
            "2021) 丁",
            "> 戊",
            "<div>",
            "+ 5",
            "==",
            "---",
            "___",
            "甲\n- 乙",
            "甲\n===",
            "甲\n--",
            "[ref]: http://x",
            "[\n[ref]: http://x",
            "\t缩进",
            "    四个空格",
            "甲\r\r乙",
            "| a | b |\n|---|---|",
        ] {
            let html = to_html(text);
            assert!(
                !html.contains("<li>")
                    && !html.contains("<h1>")
                    && !html.contains("<h2>")
                    && !html.contains("<hr")
                    && !html.contains("<pre>")
                    && !html.contains("<blockquote>"),
                "{text} → {html}"
            );
            let written = md(text);
            let blocks = parser(&written)
                .filter(|e| matches!(e, Event::Start(_)))
                .filter(|e| !matches!(e, Event::Start(Tag::Paragraph)))
                .count();
            assert_eq!(blocks, 0, "{text:?} → {written:?}");
        }
        // Numbers that open a sentence are not list markers.
        assert_eq!(md("2021年"), "2021年");
        assert_eq!(md("1.推进"), "1.推进");
        assert_eq!(md("1. 推进"), "1\\. 推进");
    }

    #[test]
    fn raw_html_and_dangerous_links_come_out_as_text() {
        let html = to_html(
            "甲<script>alert(1)</script>乙 & [点](javascript:alert(1)) [网](https://gov.cn)",
        );
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(html.contains("&amp;"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(
            html.contains(r#"<a href="https://gov.cn">网</a>"#),
            "{html}"
        );
        let written = md("甲<script>x</script> [点](javascript:alert(1)) [网](https://gov.cn)");
        assert_eq!(
            written,
            "甲\\<script\\>x\\</script\\> 点 [网](<https://gov.cn>)"
        );
    }

    #[test]
    fn a_toc_entry_has_no_link_inside() {
        assert_eq!(
            to_html_without_links("推进[重点](https://a.b)工作"),
            "推进重点工作"
        );
    }

    #[test]
    fn plain_text_drops_markup_only() {
        assert_eq!(
            to_plain("**加粗**与[链接](https://a.b)及`代码`"),
            "加粗与链接及代码"
        );
        assert_eq!(to_plain("第一行\n第二行"), "第一行\n第二行");
        assert_eq!(to_plain("(一)半角括号,逗号"), "(一)半角括号,逗号");
    }
}
