//! Author text is inline Markdown (bold, italics, links). This module turns one
//! paragraph of it into safe HTML, into plain text, and into Markdown that
//! stays one paragraph; and it emphasises run-in headings in a way CommonMark
//! actually closes after Chinese punctuation.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Markdown for one paragraph of author text: line-start characters that would
/// open a block (a list, a heading, a quote, code) are escaped, and a line break
/// the author typed stays a line break.
pub fn paragraph_md(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\\\n");
        }
        // Up to three leading spaces are dropped by every renderer, four make code.
        push_escaping_block_start(&mut out, line.trim_start_matches(' '));
    }
    out
}

/// Pushes a line, escaping what would open a block in CommonMark. Escaping an
/// ASCII punctuation mark with a backslash never changes the text shown.
fn push_escaping_block_start(out: &mut String, line: &str) {
    let mut chars = line.chars();
    let first = chars.next();
    let after_marker = |rest: &str| rest.is_empty() || rest.starts_with([' ', '\t']);
    match first {
        Some('>' | '<' | '|' | '`' | '~' | '=') => out.push('\\'),
        Some('-' | '+' | '*')
            if after_marker(chars.as_str())
                || line.starts_with("---")
                || line.starts_with("***") =>
        {
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

/// CommonMark's idea of punctuation (Unicode P and S classes), approximated by
/// "neither a letter, a digit nor whitespace", which holds for the characters
/// official texts use.
fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// `**lead**rest` that renders bold in CommonMark. A closing `**` preceded by
/// punctuation and followed by a letter is not right-flanking and stays
/// literal (`**（一）……全覆盖。**持续`), so trailing punctuation of the lead is
/// moved out of the emphasis: `**（一）……全覆盖**。持续`.
pub fn strong_lead(lead: &str, rest: &str) -> String {
    let rest_opens_with_letter = rest
        .chars()
        .next()
        .is_some_and(|c| !is_punct(c) && !c.is_whitespace());
    let core_len = lead.trim_end_matches(is_punct).len();
    let (core, tail) = if rest_opens_with_letter && core_len > 0 {
        lead.split_at(core_len)
    } else {
        (lead, "")
    };
    if core.is_empty() {
        return format!("{lead}{rest}");
    }
    format!("**{core}**{tail}{rest}")
}

fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH)
}

/// Safe HTML for a paragraph of inline Markdown, without the surrounding `<p>`.
/// Raw HTML in the text is shown as text, and links keep only harmless targets.
pub fn to_html(text: &str) -> String {
    let md = paragraph_md(text);
    let mut link_depth_dropped = Vec::new();
    let events = parser(&md).filter_map(|event| match event {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => {
            let safe = is_safe_url(&dest_url);
            link_depth_dropped.push(!safe);
            safe.then_some(Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }))
        }
        Event::End(TagEnd::Link) => match link_depth_dropped.pop() {
            Some(true) => None,
            _ => Some(Event::End(TagEnd::Link)),
        },
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
    plain_of_markdown(&paragraph_md(text))
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

fn is_safe_url(url: &CowStr) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        // A colon before any slash, `?` or `#` is a scheme.
        Some((scheme, _)) if !scheme.contains(['/', '?', '#']) => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_in_heading_is_bold_when_rendered() {
        let md = strong_lead(
            "（一）推进常住人口基本公共服务全覆盖。",
            "持续增加优质教育资源供给",
        );
        assert_eq!(
            md,
            "**（一）推进常住人口基本公共服务全覆盖**。持续增加优质教育资源供给"
        );
        let html = to_html(&md);
        assert_eq!(
            html,
            "<strong>（一）推进常住人口基本公共服务全覆盖</strong>。持续增加优质教育资源供给"
        );
    }

    #[test]
    fn naive_emphasis_after_chinese_punctuation_stays_literal() {
        // The trap this module exists for.
        let html = to_html("**（一）推进。**持续");
        assert!(html.contains("**"), "{html}");
    }

    #[test]
    fn lead_followed_by_space_or_nothing_keeps_its_punctuation_inside() {
        assert_eq!(strong_lead("第一条", "　为了"), "**第一条**　为了");
        assert_eq!(strong_lead("（三）基本原则。", ""), "**（三）基本原则。**");
        assert!(!to_html(&strong_lead("（三）基本原则。", "")).contains('*'));
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
            "甲\n- 乙",
            "甲\n===",
        ] {
            let html = to_html(text);
            assert!(
                !html.contains("<li>") && !html.contains("<h1>") && !html.contains("<blockquote>"),
                "{text} → {html}"
            );
            assert_eq!(to_plain(text), text, "{text}");
        }
        // Numbers that open a sentence are not list markers and stay unescaped.
        assert_eq!(paragraph_md("1.推进"), "1.推进");
        assert_eq!(paragraph_md("2021年"), "2021年");
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
