//! Markdown written from author text, and plain text escaped for Markdown.
//!
//! The Markdown written is not the author's source passed through: the source
//! is parsed, and what it means (text, emphasis, safe links, code) is written
//! again with every character that could open a block, a link, raw HTML or a
//! table escaped the CommonMark way (a backslash). Whatever the author typed,
//! the written paragraph parses back as exactly one paragraph with the same
//! visible text.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{is_safe_url, parser, plain_of_markdown, source_md, to_plain};

/// CommonMark's idea of punctuation (Unicode P and S classes), approximated by
/// "neither a letter, a digit nor whitespace", which holds for the characters
/// official texts use.
fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// `**lead**rest` that renders bold in CommonMark, from the lead's source
/// (author inline Markdown) and the rest as Markdown already. A closing `**`
/// preceded by punctuation and followed by a letter is not right-flanking and
/// stays literal (`**（一）……全覆盖。**持续`), so trailing punctuation of the
/// lead is moved out of the emphasis: `**（一）……全覆盖**。持续`. Emphasis
/// inside the lead is dropped (it cannot nest in the bold around it).
pub fn strong_lead(lead: &str, rest: &str) -> String {
    let rest_opens_with_letter = rest
        .chars()
        .next()
        .is_some_and(|c| !is_punct(c) && !c.is_whitespace());
    let plain = to_plain(lead);
    let core_len = plain.trim_end_matches(is_punct).len();
    let tail = &plain[core_len..];
    // The punctuation can move out only when it is the source's own last text
    // (not the end of a link or emphasis).
    let (core, tail) = match lead.strip_suffix(tail) {
        Some(core) if rest_opens_with_letter && !tail.is_empty() && core_len > 0 => (core, tail),
        _ => (lead, ""),
    };
    let core = to_markdown_in_strong(core, Block::Paragraph);
    if core.is_empty() {
        return format!("{}{rest}", escape(tail, Block::Paragraph));
    }
    format!("**{core}**{}{rest}", escape_inline(tail, Block::Paragraph))
}

/// Where Markdown is written: a paragraph (line breaks are hard breaks) or an
/// ATX heading, which is one line (a line break becomes a space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Block {
    Paragraph,
    Heading,
}

/// Markdown for one paragraph of author text (inline Markdown): the same
/// emphasis, safe links and code, everything else escaped. It parses back as
/// one paragraph (or heading content) with the same visible text.
pub fn to_markdown(text: &str, block: Block) -> String {
    rewrite(text, block, false)
}

/// Like [`to_markdown`], for text set inside `**…**` (a run-in heading):
/// emphasis of its own is dropped, since it cannot nest in the bold around it.
pub fn to_markdown_in_strong(text: &str, block: Block) -> String {
    rewrite(text, block, true)
}

fn rewrite(text: &str, block: Block, plain_emphasis: bool) -> String {
    // Text with no Markdown in it is written escaped as it is: what parsing
    // it would give (`tests::text_without_markup_is_written_as_if_parsed`).
    if super::holds_no_markup(text) {
        return escape(text, block);
    }
    rewrite_parsed(text, block, plain_emphasis)
}

fn rewrite_parsed(text: &str, block: Block, plain_emphasis: bool) -> String {
    let source = source_md(text);
    let mut writer = Writer::new(block, plain_emphasis);
    for event in parser(&source) {
        writer.event(event);
    }
    writer
        .pending
        .truncate(trim_end_breaks(&writer.pending).len());
    writer.flush();
    let written = writer.out;
    // Emphasis is written as parsed, but its markers only close where
    // CommonMark's flanking rules say so. If the text reads differently
    // written than parsed, or is not one block, the plain text is written
    // instead: it may lose formatting, never the text or the structure.
    let same_text = plain_of_markdown(&written) == plain_of_markdown(&source);
    let same_shape = plain_emphasis || same_emphasis(&written, &source);
    if same_text && same_shape && is_one_block(&written, block) {
        written
    } else {
        escape(&plain_of_markdown(&source), block)
    }
}

/// Whether Markdown written for a block parses as exactly that one block.
pub fn is_one_block(md: &str, block: Block) -> bool {
    let text = match block {
        Block::Paragraph => md.to_string(),
        Block::Heading => format!("## {md}"),
    };
    let mut blocks = 0;
    for event in parser(&text) {
        if let Event::Start(tag) = event {
            match (tag, block) {
                (Tag::Paragraph, Block::Paragraph) | (Tag::Heading { .. }, Block::Heading) => {
                    blocks += 1
                }
                (Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }, _) => {}
                _ => return false,
            }
        }
    }
    blocks <= 1
}

/// Whether Markdown written for a paragraph parses as one paragraph whose
/// visible text is `plain`: `is_one_block(md, Block::Paragraph) &&
/// plain_of_markdown(md) == plain` in one parse (asked of every article).
pub fn is_paragraph_of(md: &str, plain: &str) -> bool {
    let mut blocks = 0;
    let mut text = String::with_capacity(md.len());
    for event in parser(md) {
        match event {
            Event::Start(Tag::Paragraph) => blocks += 1,
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }) => {}
            Event::Start(_) => return false,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                text.push_str(&t)
            }
            Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                text.push('\n')
            }
            _ => {}
        }
    }
    blocks <= 1 && text.trim_end_matches('\n') == plain
}

/// Whether two Markdown fragments have the same inline structure: the same
/// text, with emphasis opened and closed at the same places.
fn same_emphasis(a: &str, b: &str) -> bool {
    shape(a) == shape(b)
}

/// A piece of a fragment's inline structure.
#[derive(Debug, PartialEq)]
enum Piece {
    Text(String),
    Open(&'static str),
    Close(&'static str),
}

fn shape(md: &str) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    for event in parser(md) {
        let piece = match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                Piece::Text(t.to_string())
            }
            Event::HardBreak => Piece::Text("\n".into()),
            Event::Start(Tag::Emphasis) => Piece::Open("em"),
            Event::Start(Tag::Strong) => Piece::Open("strong"),
            Event::Start(Tag::Strikethrough) => Piece::Open("del"),
            Event::End(TagEnd::Emphasis) => Piece::Close("em"),
            Event::End(TagEnd::Strong) => Piece::Close("strong"),
            Event::End(TagEnd::Strikethrough) => Piece::Close("del"),
            _ => continue,
        };
        // Text may come in several events: join them.
        match (pieces.last_mut(), piece) {
            (Some(Piece::Text(last)), Piece::Text(more)) => last.push_str(&more),
            (_, piece) => pieces.push(piece),
        }
    }
    pieces
}

/// Writes parsed inline events back as Markdown.
struct Writer {
    out: String,
    block: Block,
    plain_emphasis: bool,
    /// Text not yet written: consecutive text events are escaped together,
    /// so a line-start marker split across two of them is still seen.
    pending: String,
    /// Whether the next character written starts a line.
    line_start: bool,
    /// For each open link: its escaped destination, or `None` when dropped.
    links: Vec<Option<String>>,
    /// Paragraphs met (a second one is joined to the first with a line break).
    paragraphs: usize,
}

impl Writer {
    fn new(block: Block, plain_emphasis: bool) -> Writer {
        Writer {
            out: String::new(),
            block,
            plain_emphasis,
            pending: String::new(),
            line_start: true,
            links: Vec::new(),
            paragraphs: 0,
        }
    }

    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let escaped = escape_from(&self.pending, self.block, self.line_start);
        self.pending.clear();
        if !escaped.is_empty() {
            self.line_start = escaped.ends_with('\n');
        }
        self.out.push_str(&escaped);
    }

    /// Writes Markdown syntax of our own, after the pending text.
    fn raw(&mut self, syntax: &str) {
        self.flush();
        self.out.push_str(syntax);
        self.line_start = false;
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::Paragraph) => {
                if self.paragraphs > 0 {
                    self.pending.push('\n');
                }
                self.paragraphs += 1;
            }
            Event::Text(t) | Event::Html(t) | Event::InlineHtml(t) => self.pending.push_str(&t),
            Event::Code(t) => {
                self.flush();
                self.code(&t);
            }
            Event::SoftBreak => {}
            Event::HardBreak => self.pending.push('\n'),
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) if !self.plain_emphasis => {
                self.raw("**")
            }
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) if !self.plain_emphasis => {
                self.raw("*")
            }
            Event::Start(Tag::Strikethrough) | Event::End(TagEnd::Strikethrough)
                if !self.plain_emphasis =>
            {
                self.raw("~~")
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if is_safe_url(&dest_url) {
                    self.raw("[");
                    self.links.push(Some(escape_destination(&dest_url)));
                } else {
                    self.links.push(None);
                }
            }
            Event::End(TagEnd::Link) => {
                if let Some(Some(dest)) = self.links.pop() {
                    self.raw(&format!("](<{dest}>)"));
                }
            }
            // Whatever else a parser might report is reduced to its text.
            _ => {}
        }
    }

    /// A code span with a fence of backticks longer than any run inside it.
    fn code(&mut self, t: &str) {
        let t = t.replace(['\n', '\r'], " ");
        let longest = t.split(|c| c != '`').map(str::len).max().unwrap_or(0);
        let fence = "`".repeat(longest + 1);
        let pad = t.starts_with('`')
            || t.ends_with('`')
            || (t.starts_with(' ') && t.ends_with(' ') && !t.trim().is_empty());
        let space = if pad { " " } else { "" };
        self.raw(&format!("{fence}{space}{t}{space}{fence}"));
    }
}

/// A link destination for the `<…>` form: no line breaks, `<` `>` escaped.
fn escape_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Plain text as Markdown that shows exactly that text: every character that
/// could mean something to a CommonMark or GitHub renderer (emphasis, links,
/// raw HTML, code, tables, strikethrough, math, CriticMarkup braces, block
/// markers at a line start) is escaped with a backslash; a line break is a
/// hard break in a paragraph and a space in a heading.
pub fn escape(text: &str, block: Block) -> String {
    escape_from(trim_end_breaks(text), block, true)
}

/// A text without the line breaks and blank lines it ends with: see
/// [`super::trim_end_breaks`].
fn trim_end_breaks(text: &str) -> &str {
    super::trim_end_breaks(text)
}

/// Like [`escape`], for text that does not start a line (it follows other
/// Markdown on the same line), so a leading mark opens nothing.
pub fn escape_inline(text: &str, block: Block) -> String {
    escape_from(trim_end_breaks(text), block, false)
}

fn escape_from(text: &str, block: Block, mut line_start: bool) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' || c == '\r' {
            // \r\n is one break.
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                i += 1;
            }
            match block {
                Block::Paragraph => {
                    out.push_str("\\\n");
                    line_start = true;
                }
                Block::Heading => out.push(' '),
            }
            i += 1;
            continue;
        }
        if line_start {
            if c == ' ' || c == '\t' {
                i += 1;
                continue;
            }
            line_start = false;
            match c {
                '#' | '+' | '-' | '=' | '>' => {
                    out.push('\\');
                    out.push(c);
                    i += 1;
                    continue;
                }
                _ if c.is_ascii_digit() => {
                    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                    out.extend(&chars[i..i + digits]);
                    i += digits;
                    // `1. ` or `1) ` opens a list; `1.推进` does not.
                    if matches!(chars.get(i), Some('.' | ')'))
                        && chars
                            .get(i + 1)
                            .is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'))
                    {
                        out.push('\\');
                        out.push(chars[i]);
                        i += 1;
                    }
                    continue;
                }
                _ => {}
            }
        }
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '{' | '}' | '~' | '|' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // In an ATX heading, trailing `#`s after a space would close it.
            '#' if block == Block::Heading => out.push_str("\\#"),
            // Only `&name;` and `&#…;` are entities; a lone & is text.
            '&' if is_entity(&chars[i + 1..]) => out.push_str("\\&"),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Whether the characters after a `&` make it an entity reference:
/// `name;`, `#123;` or `#x1F;`.
pub(super) fn is_entity(after: &[char]) -> bool {
    let end = after.iter().take(33).position(|c| *c == ';');
    let Some(end) = end.filter(|e| *e > 0) else {
        return false;
    };
    let body = &after[..end];
    match body {
        ['#', 'x' | 'X', hex @ ..] => !hex.is_empty() && hex.iter().all(char::is_ascii_hexdigit),
        ['#', digits @ ..] => !digits.is_empty() && digits.iter().all(char::is_ascii_digit),
        [first, ..] => first.is_ascii_alphabetic() && body.iter().all(char::is_ascii_alphanumeric),
        [] => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn text_without_markup_is_written_as_if_parsed(
            text in "[甲乙（）。、“”：；　 \u{a0}a1.#+=|:/$%{}()-]{1,14}"
        ) {
            // A space at either end is markup of a kind (a paragraph trims it).
            proptest::prop_assume!(crate::text::holds_no_markup(&text));
            for block in [Block::Paragraph, Block::Heading] {
                for strong in [false, true] {
                    proptest::prop_assert_eq!(
                        rewrite(&text, block, strong),
                        rewrite_parsed(&text, block, strong)
                    );
                }
            }
        }
    }
    use crate::text::to_html;

    proptest::proptest! {
        #[test]
        fn one_parse_answers_as_two_did(
            md in "[甲*_`\\[\\]()#>1. \n-]{0,16}",
            plain in "[甲*_ ]{0,4}"
        ) {
            for plain in [plain.clone(), crate::text::plain_of_markdown(&md)] {
                proptest::prop_assert_eq!(
                    is_paragraph_of(&md, &plain),
                    is_one_block(&md, Block::Paragraph) && crate::text::plain_of_markdown(&md) == plain
                );
            }
        }
    }

    fn md(text: &str) -> String {
        to_markdown(text, Block::Paragraph)
    }

    #[test]
    fn a_last_line_of_ideographic_spaces_leaves_no_backslash() {
        // Found by the render properties on CI: the file's end is trimmed,
        // U+3000 with it, and a `\` written for the break showed as text.
        for text in ["甲\n\u{3000}", "甲\n\u{3000}\n", "甲\r\n \u{3000}\t"] {
            assert_eq!(md(text), "甲", "{text:?}");
            assert_eq!(escape(text, Block::Paragraph), "甲", "{text:?}");
        }
        // A break before text is still a break.
        assert_eq!(md("甲\n\u{3000}乙"), "甲\\\n\u{3000}乙");
    }

    #[test]
    fn run_in_heading_is_bold_when_rendered() {
        let text = strong_lead(
            "（一）推进常住人口基本公共服务全覆盖。",
            "持续增加优质教育资源供给",
        );
        assert_eq!(
            text,
            "**（一）推进常住人口基本公共服务全覆盖**。持续增加优质教育资源供给"
        );
        assert_eq!(
            to_html(&text),
            "<strong>（一）推进常住人口基本公共服务全覆盖</strong>。持续增加优质教育资源供给"
        );
    }

    #[test]
    fn naive_emphasis_after_chinese_punctuation_stays_literal() {
        // The trap strong_lead exists for.
        let html = to_html("**（一）推进。**持续");
        assert!(html.contains("**"), "{html}");
        // And written back, it stays literal too, as the HTML shows it.
        assert_eq!(
            to_plain(&md("**（一）推进。**持续")),
            "**（一）推进。**持续"
        );
    }

    #[test]
    fn lead_followed_by_space_or_nothing_keeps_its_punctuation_inside() {
        assert_eq!(strong_lead("第一条", "　为了"), "**第一条**　为了");
        assert_eq!(strong_lead("（三）基本原则。", ""), "**（三）基本原则。**");
        assert!(!to_html(&strong_lead("（三）基本原则。", "")).contains('*'));
        // Punctuation after a link moves out; the link stays whole.
        assert_eq!(
            strong_lead("推进[工作](https://a.b)。", "乙"),
            "**推进[工作](<https://a.b>)**。乙"
        );
        assert_eq!(strong_lead("甲*", "乙"), "**甲**\\*乙");
    }

    #[test]
    fn markdown_keeps_emphasis_links_and_code() {
        assert_eq!(md("**加粗**与*斜体*"), "**加粗**与*斜体*");
        assert_eq!(md("`a*b`"), "`a*b`");
        assert_eq!(md("``a`b``"), "``a`b``");
        assert_eq!(
            to_markdown_in_strong("推进**重点**工作", Block::Paragraph),
            "推进重点工作"
        );
        assert_eq!(to_markdown("甲\n乙", Block::Heading), "甲 乙");
        assert_eq!(md("甲\n乙"), "甲\\\n乙");
    }

    #[test]
    fn entities_written_as_text_stay_text() {
        assert_eq!(
            escape("&lt;script&gt;", Block::Paragraph),
            "\\&lt;script\\&gt;"
        );
        assert_eq!(escape("R&D", Block::Paragraph), "R&D");
        assert_eq!(
            to_plain(&escape("&lt;b&gt; & {++x++}", Block::Paragraph)),
            "&lt;b&gt; & {++x++}"
        );
    }
}
