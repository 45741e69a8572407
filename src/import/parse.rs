//! Second pass of the importer: recognises the structure of clean lines and
//! builds the draft tree. Numbers in the input are read only to recognise
//! structure and to report anomalies; the draft keeps none of them.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use crate::model::{Block, Level, Part, Style};
use crate::numbering::Number;
use crate::numbering::numerals::{chinese, parse_chinese};

const CN: &str = "[零〇一二两三四五六七八九十百千万]+";

static DIVISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^第({CN})\s*(编|分编|章|节)(?:[\s\u{{3000}}]+(.*))?$"
    ))
    .unwrap()
});
static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^第({CN})(\s*)条(?:之({CN}))?([\s\u{{3000}}]*)(.*)$"
    ))
    .unwrap()
});
static OUTLINE_1: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^({CN})、\s*(.*)$")).unwrap());
static PAREN_CN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^[（(]\s*({CN})\s*[）)]\s*(.*)$")).unwrap());
static DIGIT_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})\s*[.．、]\s*([^\d.．].*)$").unwrap());
static ENCLOSED_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([\u{2488}-\u{249B}])\s*(.*)$").unwrap());
static PAREN_DIGIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(]\s*(\d{1,3})\s*[）)]\s*(.*)$").unwrap());

/// What a line is, structurally.
#[derive(Debug, Clone, PartialEq)]
pub enum Marker {
    /// 第X编/分编/章/节, or a Markdown heading without a number.
    Division {
        level: Level,
        number: Option<u32>,
        title: String,
    },
    /// 第X条 (之Y): `spaced` when a stray space sits inside the label.
    Article {
        number: u32,
        sub: u32,
        spaced: bool,
        separated: bool,
        rest: String,
    },
    /// An outline label 一、 （一） 1. （1）, or an item （一） / sub-item 1.
    Numbered {
        level: Level,
        number: u32,
        form: &'static str,
        rest: String,
    },
    Text,
}

/// Classifies a line for a numbering style.
pub fn classify(text: &str, style: Style) -> Marker {
    if style == Style::Articles {
        if let Some(c) = DIVISION.captures(text)
            && let Some(n) = parse_chinese(&c[1])
        {
            let title = c.get(3).map_or("", |m| m.as_str()).trim().to_string();
            if title.chars().count() <= 40 && !title.ends_with('。') {
                let level = match &c[2] {
                    "编" => Level::Book,
                    "分编" => Level::SubBook,
                    "章" => Level::Chapter,
                    _ => Level::Section,
                };
                return Marker::Division {
                    level,
                    number: Some(n as u32),
                    title,
                };
            }
        }
        if let Some(c) = ARTICLE.captures(text)
            && let Some(n) = parse_chinese(&c[1])
        {
            let sub = c
                .get(3)
                .and_then(|m| parse_chinese(m.as_str()))
                .unwrap_or(0);
            return Marker::Article {
                number: n as u32,
                sub: sub as u32,
                spaced: !c[2].is_empty(),
                separated: !c[4].is_empty() || c[5].is_empty(),
                rest: c[5].to_string(),
            };
        }
    }
    let (item, subitem) = match style {
        Style::Articles => (Level::Item, Level::SubItem),
        Style::Outline => (Level::Outline(2), Level::Outline(3)),
    };
    if style == Style::Outline
        && let Some(c) = OUTLINE_1.captures(text)
        && let Some(n) = parse_chinese(&c[1])
    {
        return Marker::Numbered {
            level: Level::Outline(1),
            number: n as u32,
            form: "一、",
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = PAREN_CN.captures(text)
        && let Some(n) = parse_chinese(&c[1])
    {
        return Marker::Numbered {
            level: item,
            number: n as u32,
            form: "（一）",
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = DIGIT_DOT.captures(text)
        && let Ok(n) = c[1].parse::<u32>()
    {
        return Marker::Numbered {
            level: subitem,
            number: n,
            form: "1.",
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = ENCLOSED_DIGIT.captures(text) {
        // ⒈ is U+2488: digit one followed by a full stop, in one character.
        let n = c[1].chars().next().map_or(0, |ch| ch as u32 - 0x2487);
        return Marker::Numbered {
            level: subitem,
            number: n,
            form: "⒈",
            rest: c[2].to_string(),
        };
    }
    if style == Style::Outline
        && let Some(c) = PAREN_DIGIT.captures(text)
        && let Ok(n) = c[1].parse::<u32>()
    {
        return Marker::Numbered {
            level: Level::Outline(4),
            number: n,
            form: "（1）",
            rest: c[2].to_string(),
        };
    }
    Marker::Text
}

/// Whether a line opens a structural part (for joining wrapped lines).
pub fn is_structure(text: &str, style: Style) -> bool {
    !matches!(classify(text, style), Marker::Text)
}

/// Guesses the numbering style: articles when lines start with 第X条.
pub fn detect_style(lines: &[Line]) -> Style {
    let articles = lines
        .iter()
        .filter(|l| matches!(classify(&l.text, Style::Articles), Marker::Article { .. }))
        .count();
    if articles >= 2 {
        Style::Articles
    } else {
        Style::Outline
    }
}

/// A part being built, with the number the input gave it.
#[derive(Debug)]
pub struct Built {
    pub part: Part,
    /// The input's own label, normalised (（一）, 1., 第五条之一), for comparing.
    pub input_label: Option<String>,
    pub line: usize,
}

/// An anomaly found while reading structure.
#[derive(Debug, Clone, PartialEq)]
pub struct Anomaly {
    pub line: usize,
    pub message: String,
}

/// Everything the structure pass produces.
#[derive(Debug, Default)]
pub struct Tree {
    pub preamble: Vec<(usize, String)>,
    pub parts: Vec<Part>,
    /// Input labels in document order (depth first), None for unnumbered parts.
    pub labels: Vec<(usize, Option<String>)>,
    pub anomalies: Vec<Anomaly>,
}

/// Builds the part tree from the body lines.
pub fn build(lines: &[Line], style: Style) -> Tree {
    let mut builder = Builder {
        style,
        stack: Vec::new(),
        tree: Tree::default(),
        md_levels: Vec::new(),
        last_article: None,
    };
    for line in lines {
        builder.line(line);
    }
    builder.close_to(0);
    builder.tree
}

struct Builder {
    style: Style,
    /// Open parts, outermost first.
    stack: Vec<Built>,
    tree: Tree,
    /// Levels seen for Markdown heading depths, for unnumbered headings.
    md_levels: Vec<(usize, Level)>,
    /// The input's number of the last article read.
    last_article: Option<u32>,
}

impl Builder {
    fn line(&mut self, line: &Line) {
        let marker = classify(&line.text, self.style);
        // A division line without a title ("第一章" alone) takes its title
        // from the next line, when that is a short line of plain text.
        if let Some(top) = self.stack.last_mut()
            && top.part.level.is_division()
            && top.part.heading.is_none()
            && top.part.body.is_empty()
            && matches!(marker, Marker::Text)
            && line.heading_depth == 0
            && line.text.chars().count() <= 40
            && !line.text.ends_with('。')
        {
            top.part.heading = Some(line.text.clone());
            return;
        }
        match marker {
            Marker::Division {
                level,
                number,
                title,
            } => {
                if line.heading_depth > 0 {
                    self.md_levels.retain(|(d, _)| *d != line.heading_depth);
                    self.md_levels.push((line.heading_depth, level));
                }
                self.division(line, level, number, title);
            }
            Marker::Text if line.heading_depth > 0 && self.style == Style::Articles => {
                // A Markdown heading without a number: a division that takes none (民法典's 物权编).
                let level = self
                    .md_levels
                    .iter()
                    .find(|(d, _)| *d == line.heading_depth)
                    .map(|(_, l)| *l)
                    .unwrap_or(if line.heading_depth <= 1 {
                        Level::Book
                    } else {
                        Level::Chapter
                    });
                self.division(line, level, None, line.text.clone());
            }
            Marker::Article {
                number,
                sub,
                spaced,
                separated,
                rest,
            } => {
                let next = self.last_article.map_or(1, |n| n + 1);
                let in_sequence = if sub > 0 {
                    Some(number) == self.last_article
                } else {
                    number == next
                };
                if !separated && !in_sequence {
                    // "第二百四十六条规定的……" opening a paragraph is a reference, not an article.
                    self.paragraph(line, line.text.clone());
                    return;
                }
                if spaced {
                    let label: String = line.text.chars().take_while(|c| *c != '条').collect();
                    self.anomaly(
                        line.number,
                        format!("stray space inside the article number `{label}条`"),
                    );
                }
                if sub == 0 && number != next {
                    let previous = self.last_article.map_or_else(
                        || "the start".to_string(),
                        |n| format!("第{}条", chinese(n as u64)),
                    );
                    let what = if Some(number) == self.last_article {
                        "repeats"
                    } else {
                        "does not follow"
                    };
                    self.anomaly(
                        line.number,
                        format!(
                            "第{}条 {what} {previous} in the input's numbering",
                            chinese(number as u64)
                        ),
                    );
                }
                self.last_article = Some(number);
                self.close_while(|l| !l.is_division());
                let mut part = Part::new(Level::Article);
                part.sub = sub > 0;
                if !rest.is_empty() {
                    part.body.push(Block::Para(rest));
                }
                let label = crate::numbering::label(
                    Level::Article,
                    Number {
                        ordinal: number,
                        sub,
                    },
                );
                self.open(part, Some(label), line.number);
            }
            Marker::Numbered {
                level,
                number,
                form,
                rest,
            } => self.numbered(line, level, number, form, rest),
            Marker::Text => self.paragraph(line, line.text.clone()),
        }
    }

    fn division(&mut self, line: &Line, level: Level, number: Option<u32>, title: String) {
        self.close_while(|l| l.rank() >= level.rank());
        let mut part = Part::new(level);
        // An empty title is looked for on the next line (see `line`).
        part.heading = (!title.is_empty()).then_some(title);
        part.numbered = number.is_some();
        let label = number.map(|n| crate::numbering::label(level, Number { ordinal: n, sub: 0 }));
        self.open(part, label, line.number);
    }

    fn numbered(
        &mut self,
        line: &Line,
        level: Level,
        number: u32,
        form: &'static str,
        rest: String,
    ) {
        let level = match self.style {
            Style::Articles => {
                // Items live in articles, sub-items in items.
                let parent = if level == Level::Item {
                    Level::Article
                } else {
                    Level::Item
                };
                if !self.stack.iter().any(|b| b.part.level == parent) {
                    self.paragraph(line, line.text.clone());
                    return;
                }
                self.close_while(|l| l != parent);
                level
            }
            Style::Outline => {
                let want = match level {
                    Level::Outline(n) => n,
                    _ => 1,
                };
                self.close_while(|l| matches!(l, Level::Outline(n) if n >= want));
                let depth = self.stack.len() as u8 + 1;
                if depth != want {
                    self.anomaly(
                        line.number,
                        format!("`{form}`-style number at outline level {depth}: a level is skipped, so gongwen numbers it as level {depth}"),
                    );
                }
                Level::Outline(depth.min(4))
            }
        };
        let mut part = Part::new(level);
        // The input's label in its own form, to compare with the derived one.
        let input_label = Some(match form {
            "一、" => format!("{}、", chinese(number as u64)),
            "（一）" => format!("（{}）", chinese(number as u64)),
            "（1）" => format!("（{number}）"),
            _ => format!("{number}."),
        });
        match level {
            Level::Outline(_) => {
                let (heading, text, run_in) = split_heading(&rest, level);
                part.heading = heading;
                part.run_in = run_in;
                if let Some(t) = text {
                    part.body.push(Block::Para(t));
                }
            }
            _ => {
                if !rest.is_empty() {
                    part.body.push(Block::Para(rest));
                }
            }
        }
        self.open(part, input_label, line.number);
    }

    fn paragraph(&mut self, line: &Line, text: String) {
        if self.style == Style::Articles {
            // A paragraph after sub-items (目) belongs to their item ("本项规定的……");
            // a paragraph after items (项) is the article's next paragraph (款).
            if self
                .stack
                .last()
                .is_some_and(|b| b.part.level == Level::SubItem)
            {
                self.close_while(|l| l == Level::SubItem);
            } else {
                self.close_while(|l| l == Level::Item);
            }
        }
        match self.stack.last_mut() {
            Some(top) => top.part.body.push(Block::Para(text)),
            None => self.tree.preamble.push((line.number, text)),
        }
    }

    fn anomaly(&mut self, line: usize, message: String) {
        self.tree.anomalies.push(Anomaly { line, message });
    }

    fn open(&mut self, part: Part, input_label: Option<String>, line: usize) {
        self.tree.labels.push((line, input_label.clone()));
        self.stack.push(Built {
            part,
            input_label,
            line,
        });
    }

    /// Closes open parts while the innermost one's level satisfies `pred`.
    fn close_while(&mut self, pred: impl Fn(Level) -> bool) {
        while let Some(top) = self.stack.last() {
            if !pred(top.part.level) {
                break;
            }
            self.close_top();
        }
    }

    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth {
            self.close_top();
        }
    }

    fn close_top(&mut self) {
        let Some(built) = self.stack.pop() else {
            return;
        };
        let mut part = built.part;
        if part.level.is_division() && part.body.is_empty() {
            // A 章 with nothing under it (a text cut short, two headings in a
            // row) is no part a draft can hold: left out, with a warning.
            let name = format!(
                "{}{}",
                built.input_label.as_deref().unwrap_or(""),
                part.heading.as_deref().unwrap_or("")
            );
            self.anomaly(
                built.line,
                format!(
                    "`{name}` has nothing under it and is left out (a {} holds at least one article or paragraph)",
                    part.level.name()
                ),
            );
            // Nothing was opened after it (it is empty), so its label is the last.
            self.tree.labels.pop();
            return;
        }
        if part.level.is_division() && part.heading.is_none() {
            // A division is a heading: with no title found, its number is its
            // title, and gongwen does not number it again.
            let label = built.input_label.clone().unwrap_or_default();
            self.anomaly(
                built.line,
                format!("`{label}` has no title: kept as a heading that takes no number"),
            );
            part.heading = Some(if label.is_empty() {
                part.level.name()
            } else {
                label
            });
            part.numbered = false;
        }
        if part.heading.is_none() && part.body.is_empty() {
            // A bare number with nothing after it: keep the number's place with its label as text.
            part.body
                .push(Block::Para(built.input_label.clone().unwrap_or_default()));
            self.anomaly(built.line, "a number with no text after it".to_string());
        }
        match self.stack.last_mut() {
            Some(parent) => parent.part.body.push(Block::Part(part)),
            None => self.tree.parts.push(part),
        }
    }
}

/// Splits an outline line into heading and text. "推进……全覆盖。持续……" is a
/// run-in heading (its first sentence) and text; a short line alone is a
/// heading on its own line; anything else is text without a heading.
pub fn split_heading(rest: &str, level: Level) -> (Option<String>, Option<String>, bool) {
    let rest = rest.trim();
    if rest.is_empty() {
        return (None, None, false);
    }
    let end = rest
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？'))
        .map(|(i, c)| i + c.len_utf8());
    match end {
        Some(e) if e < rest.len() => {
            let heading = rest[..e].to_string();
            let text = rest[e..].trim_start().to_string();
            if heading.chars().count() <= 40 {
                return (Some(heading), Some(text), true);
            }
            (None, Some(rest.to_string()), false)
        }
        _ => {
            let short = rest.chars().count() <= 30;
            let ends_clause = rest.ends_with(['；', '，', '：', ';', ',', ':']);
            if level == Level::Outline(1) || (short && !ends_clause) {
                (Some(rest.to_string()), None, false)
            } else {
                (None, Some(rest.to_string()), false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_article_forms_including_stray_spaces_and_zhi() {
        assert_eq!(
            classify("第一百二十条之一 以暴力……", Style::Articles),
            Marker::Article {
                number: 120,
                sub: 1,
                spaced: false,
                separated: true,
                rest: "以暴力……".into()
            }
        );
        assert_eq!(
            classify("第一百二十四 条采用刑讯逼供", Style::Articles),
            Marker::Article {
                number: 124,
                sub: 0,
                spaced: true,
                separated: false,
                rest: "采用刑讯逼供".into()
            }
        );
        assert_eq!(
            classify("第一条", Style::Articles),
            Marker::Article {
                number: 1,
                sub: 0,
                spaced: false,
                separated: true,
                rest: String::new()
            }
        );
        assert!(matches!(
            classify("第二章 法律", Style::Articles),
            Marker::Division {
                level: Level::Chapter,
                number: Some(2),
                ..
            }
        ));
        assert!(matches!(
            classify("第一分编 通则", Style::Articles),
            Marker::Division {
                level: Level::SubBook,
                ..
            }
        ));
    }

    #[test]
    fn classifies_outline_forms_in_both_bracket_widths() {
        assert!(matches!(
            classify("(一)推进", Style::Outline),
            Marker::Numbered {
                level: Level::Outline(2),
                number: 1,
                ..
            }
        ));
        assert!(matches!(
            classify("（十二）缩小", Style::Outline),
            Marker::Numbered {
                level: Level::Outline(2),
                number: 12,
                ..
            }
        ));
        assert!(matches!(
            classify("二十、总结", Style::Outline),
            Marker::Numbered {
                level: Level::Outline(1),
                number: 20,
                ..
            }
        ));
        assert!(matches!(
            classify("3.加强", Style::Outline),
            Marker::Numbered {
                level: Level::Outline(3),
                number: 3,
                ..
            }
        ));
        assert!(matches!(
            classify("（2）完善", Style::Outline),
            Marker::Numbered {
                level: Level::Outline(4),
                number: 2,
                ..
            }
        ));
        assert_eq!(classify("1998年12月29日通过", Style::Outline), Marker::Text);
        assert_eq!(classify("2.5%以内", Style::Outline), Marker::Text);
        assert!(matches!(
            classify("⒊侵占案", Style::Articles),
            Marker::Numbered {
                level: Level::SubItem,
                number: 3,
                ..
            }
        ));
    }

    #[test]
    fn run_in_headings_are_the_first_sentence() {
        assert_eq!(
            split_heading("推进全覆盖。持续增加。", Level::Outline(2)),
            (Some("推进全覆盖。".into()), Some("持续增加。".into()), true)
        );
        assert_eq!(
            split_heading("基本原则。", Level::Outline(2)),
            (Some("基本原则。".into()), None, false)
        );
        assert_eq!(
            split_heading("国家主权的事项；", Level::Outline(2)),
            (None, Some("国家主权的事项；".into()), false)
        );
        assert_eq!(
            split_heading("总体要求", Level::Outline(1)),
            (Some("总体要求".into()), None, false)
        );
    }
}
