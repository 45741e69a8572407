//! First pass of the importer: bytes of text → clean lines, each with the
//! input line it came from. Noise is handled here, deliberately and visibly:
//!
//! - zero-width characters (U+200B/C/D, U+2060, U+FEFF), bidirectional
//!   controls (U+202A–202E, U+2066–2069 …) and control characters other
//!   than the tab are removed;
//! - leading and trailing spaces, including U+3000, are trimmed (indentation);
//! - page-number lines (`1`, `- 2 -`, `— 3 —`, `第 4 页`) are dropped, and in
//!   Markdown HTML comments (`<!-- INFO END -->`, `<!-- 第 1 页 -->`),
//!   thematic breaks (`---`) and a leading `> 来源…` quote block, each
//!   recorded as dropped; Markdown headings (`#`) are read as headings;
//! - hard line breaks inside sentences (PDF extractions) are joined, but only
//!   in a text that is hard-wrapped as a whole (see [`is_hard_wrapped`]).

use std::sync::LazyLock;

use regex::Regex;

/// A line of input after clean-up.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// 1-based line number in the input (the first line, for joined lines).
    pub number: usize,
    pub text: String,
    /// `#` count of a Markdown heading, 0 for ordinary text.
    pub heading_depth: usize,
    /// Whether a blank line preceded it.
    pub after_blank: bool,
}

/// A line the importer left out, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub number: usize,
    pub reason: &'static str,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-—–－]\s*)?\d{1,4}(?:\s*[-—–－])?$|^第\s*\d+\s*页(?:\s*/?\s*共\s*\d+\s*页)?$")
        .unwrap()
});
static HTML_COMMENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^<!--.*-->$").unwrap());
static THEMATIC_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:-{3,}|\*{3,}|_{3,})$").unwrap());
static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(#{1,6})(?:\s+(.*?))?\s*#*$").unwrap());

/// Invisible characters the importer removes: zero-width spaces and joiners,
/// bidirectional controls (which would reorder what a reader sees), and
/// control characters other than the tab.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    ) || (c.is_control() && c != '\t')
        || crate::chars::is_bidi_control(c)
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// Splits and cleans the text; returns the kept lines, the dropped ones and how
/// many invisible characters were removed. Markdown's own marks (headings,
/// rules, comments, a quote) are read only in Markdown: in a text file they
/// are what it says.
pub fn clean(text: &str, markdown: bool) -> (Vec<Line>, Vec<Dropped>, usize) {
    let mut lines = Vec::new();
    let mut dropped = Vec::new();
    let mut invisible = 0;
    let mut blank = false;
    let mut seen_text = false;
    // A Markdown file's front matter (`---` on its first line, up to the
    // next `---`): a site's fields (id, url, dates), not the document's text.
    let mut front_matter = false;
    for (index, raw) in text.split('\n').enumerate() {
        let number = index + 1;
        invisible += raw.chars().filter(|c| is_invisible(*c)).count();
        let cleaned: String = raw.chars().filter(|c| !is_invisible(*c)).collect();
        let mut line = cleaned.trim_matches(is_space);
        if markdown && (front_matter || (index == 0 && line == "---")) {
            front_matter = !(index > 0 && (line == "---" || line == "..."));
            dropped.push(Dropped {
                number,
                reason: "front matter",
            });
            continue;
        }
        // A Markdown quote's marks are not text: `> 文字` is 文字, and a lone
        // `>` the blank line between its paragraphs.
        if markdown && line.starts_with('>') && lines.len() > 2 {
            line = line.trim_start_matches(|c: char| c == '>' || is_space(c));
        }
        if line.is_empty() {
            blank = true;
            continue;
        }
        let reason = if markdown && HTML_COMMENT.is_match(line) {
            Some("HTML comment")
        } else if markdown && THEMATIC_BREAK.is_match(line) {
            Some("Markdown rule")
        } else if PAGE_NUMBER.is_match(line) {
            Some("page number")
        } else if markdown && line.starts_with('>') && lines.len() <= 2 {
            Some("source note before the text")
        } else {
            None
        };
        if let Some(reason) = reason {
            dropped.push(Dropped { number, reason });
            continue;
        }
        let (depth, body) = match MD_HEADING.captures(line).filter(|_| markdown) {
            Some(c) => (
                c[1].len(),
                c.get(2)
                    .map_or("", |m| m.as_str())
                    .trim_matches(is_space)
                    .to_string(),
            ),
            None => (0, line.to_string()),
        };
        if body.is_empty() {
            dropped.push(Dropped {
                number,
                reason: "empty heading",
            });
            continue;
        }
        lines.push(Line {
            number,
            text: body,
            heading_depth: depth,
            after_blank: blank && seen_text,
        });
        seen_text = true;
        blank = false;
    }
    (lines, dropped, invisible)
}

/// Characters that end a paragraph in Chinese official text.
pub fn ends_paragraph(text: &str) -> bool {
    const STOPS: [char; 10] = ['。', '；', '：', '！', '？', '…', ';', ':', '!', '?'];
    if text.ends_with(STOPS) || text.ends_with("。”") {
        return true;
    }
    // A closing parenthetical after a full stop: "……。（住房城乡建设部负责）",
    // or a line that is all parenthetical: "（此件公开发布）".
    if let Some(body) = text.strip_suffix(['）', ')'])
        && let Some(open) = body.rfind(['（', '('])
    {
        return open == 0 || body[..open].ends_with(STOPS);
    }
    false
}

/// Whether the text is hard-wrapped as a whole (a PDF extraction): most of its
/// longer lines stop mid-sentence. A text whose paragraphs are one line each
/// (the usual case) is never joined.
pub fn is_hard_wrapped(lines: &[Line], is_structure: impl Fn(&str) -> bool) -> bool {
    let candidates: Vec<&Line> = lines
        .iter()
        .filter(|l| l.heading_depth == 0 && l.text.chars().count() >= 12 && !is_structure(&l.text))
        .collect();
    if candidates.len() < 5 {
        return false;
    }
    let open = candidates
        .iter()
        .filter(|l| !ends_paragraph(&l.text))
        .count();
    open * 10 >= candidates.len() * 4
}

/// Joins lines broken mid-sentence into paragraphs. A line runs on into the
/// next when it stops mid-sentence and is about as long as the text's wrapped
/// lines (a short unpunctuated line is a heading); a structure line (第一条,
/// （二）) always starts a new paragraph, and a bare label takes no text.
pub fn join_wrapped(lines: Vec<Line>, is_structure: impl Fn(&str) -> bool) -> Vec<Line> {
    let width = wrap_width(&lines);
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut open = false;
    for line in lines {
        let structure = line.heading_depth > 0 || is_structure(&line.text);
        match out.last_mut() {
            Some(prev) if open && !structure => {
                // Latin words and numbers broken across lines keep a space.
                let spaced = prev.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && line.text.starts_with(|c: char| c.is_ascii_alphanumeric());
                if spaced {
                    prev.text.push(' ');
                }
                prev.text.push_str(&line.text);
                let last_len = line.text.chars().count();
                open = !ends_paragraph(&prev.text) && last_len * 5 >= width * 4;
                continue;
            }
            _ => out.push(line),
        }
        let last = out.last().map_or("", |l| l.text.as_str());
        open = !ends_paragraph(last)
            && last.chars().count() * 5 >= width * 4
            && last.chars().count() > 4;
    }
    out
}

/// The length lines are wrapped at: the 90th percentile of line lengths.
fn wrap_width(lines: &[Line]) -> usize {
    let mut lengths: Vec<usize> = lines.iter().map(|l| l.text.chars().count()).collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_noise_and_records_why() {
        let text = "# 标题\n\n> 来源: PDF\n\n---\n<!-- 第 1 页 -->\n1\n\u{3000}\u{3000}正\u{200B}文。\n— 2 —\n第 3 页\n";
        let (lines, dropped, zw) = clean(text, true);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].heading_depth, 1);
        assert_eq!(lines[1].text, "正文。");
        assert_eq!(lines[1].number, 8);
        assert_eq!(zw, 1);
        let reasons: Vec<(usize, &str)> = dropped.iter().map(|d| (d.number, d.reason)).collect();
        assert_eq!(
            reasons,
            [
                (3, "source note before the text"),
                (5, "Markdown rule"),
                (6, "HTML comment"),
                (7, "page number"),
                (9, "page number"),
                (10, "page number")
            ]
        );
    }

    #[test]
    fn markdown_marks_in_a_text_file_are_text() {
        let text = "# 标题\n> 来源\n---\n<!-- 注 -->\n5\n";
        let (lines, dropped, _) = clean(text, false);
        let texts: Vec<(&str, usize)> = lines
            .iter()
            .map(|l| (l.text.as_str(), l.heading_depth))
            .collect();
        assert_eq!(
            texts,
            [("# 标题", 0), ("> 来源", 0), ("---", 0), ("<!-- 注 -->", 0)]
        );
        assert_eq!(
            dropped,
            [Dropped {
                number: 5,
                reason: "page number"
            }]
        );
    }

    #[test]
    fn joins_lines_broken_mid_sentence_only() {
        let text = "第一条\n为规范互联网广告活动，保护消费者的合法权\n益，制定本办法。\n第二条\n（一）按照国家有关规定建立、健全广告业务\n的制度；\n在境内无代表处或者分支机构的境外广告主XYZ\nABC的广告，依照规定。\n一、总体要求\n以习近平新时代中国特色社会主义思想为指导。\n";
        let (lines, _, _) = clean(text, false);
        let structure = |s: &str| s.starts_with(['第', '（', '一']);
        let joined = join_wrapped(lines, structure);
        let texts: Vec<&str> = joined.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "第一条",
                "为规范互联网广告活动，保护消费者的合法权益，制定本办法。",
                "第二条",
                "（一）按照国家有关规定建立、健全广告业务的制度；",
                "在境内无代表处或者分支机构的境外广告主XYZ ABC的广告，依照规定。",
                "一、总体要求",
                "以习近平新时代中国特色社会主义思想为指导。"
            ]
        );
    }
}
