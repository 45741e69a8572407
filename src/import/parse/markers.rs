//! What a line is: a division (第一章), an article (第一条), an item of either
//! style ((一), 1., (1)), or text; the numbering style a text is written in;
//! and where a run-in heading ends.

use std::sync::LazyLock;

use regex::Regex;

use crate::import::lines::Line;
use crate::model::{Level, Style};
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

/// How an item's number was written in the text read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// 一、
    ChineseComma,
    /// （一）, in full- or half-width brackets.
    ChineseInBrackets,
    /// 1. (or 1．, 1、)
    DigitStop,
    /// ⒈, a digit and a full stop in one character.
    EnclosedDigit,
    /// （1）, in full- or half-width brackets.
    DigitInBrackets,
}

impl Form {
    /// The form as a message names it: `一、`, `（一）`, `1.` …
    pub fn example(self) -> &'static str {
        match self {
            Form::ChineseComma => "一、",
            Form::ChineseInBrackets => "（一）",
            Form::DigitStop => "1.",
            Form::EnclosedDigit => "⒈",
            Form::DigitInBrackets => "（1）",
        }
    }

    /// The label of `number` in this form, normalised (full-width brackets,
    /// ⒈ as 1.), to compare with the label gongwen derives.
    pub fn label(self, number: u32) -> String {
        match self {
            Form::ChineseComma => format!("{}、", chinese(u64::from(number))),
            Form::ChineseInBrackets => format!("（{}）", chinese(u64::from(number))),
            Form::DigitInBrackets => format!("（{number}）"),
            Form::DigitStop | Form::EnclosedDigit => format!("{number}."),
        }
    }
}

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
        form: Form,
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
            form: Form::ChineseComma,
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = PAREN_CN.captures(text)
        && let Some(n) = parse_chinese(&c[1])
    {
        return Marker::Numbered {
            level: item,
            number: n as u32,
            form: Form::ChineseInBrackets,
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = DIGIT_DOT.captures(text)
        && let Ok(n) = c[1].parse::<u32>()
    {
        return Marker::Numbered {
            level: subitem,
            number: n,
            form: Form::DigitStop,
            rest: c[2].to_string(),
        };
    }
    if let Some(c) = ENCLOSED_DIGIT.captures(text) {
        // ⒈ is U+2488: digit one followed by a full stop, in one character.
        let n = c[1].chars().next().map_or(0, |ch| ch as u32 - 0x2487);
        return Marker::Numbered {
            level: subitem,
            number: n,
            form: Form::EnclosedDigit,
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
            form: Form::DigitInBrackets,
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
        // (line, number, 之-number, space inside, text set apart, text)
        let articles = [
            ("第一百二十条之一 以暴力……", 120, 1, false, true, "以暴力……"),
            (
                "第一百二十四 条采用刑讯逼供",
                124,
                0,
                true,
                false,
                "采用刑讯逼供",
            ),
            ("第一条", 1, 0, false, true, ""),
        ];
        for (line, number, sub, spaced, separated, rest) in articles {
            assert_eq!(
                classify(line, Style::Articles),
                Marker::Article {
                    number,
                    sub,
                    spaced,
                    separated,
                    rest: rest.into()
                },
                "{line}"
            );
        }
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
        use Form::*;
        use Level::Outline as O;
        let numbered = [
            ("(一)推进", Style::Outline, O(2), 1, ChineseInBrackets),
            ("（十二）缩小", Style::Outline, O(2), 12, ChineseInBrackets),
            ("二十、总结", Style::Outline, O(1), 20, ChineseComma),
            ("3.加强", Style::Outline, O(3), 3, DigitStop),
            ("（2）完善", Style::Outline, O(4), 2, DigitInBrackets),
            ("⒊侵占案", Style::Articles, Level::SubItem, 3, EnclosedDigit),
        ];
        for (text, style, level, number, form) in numbered {
            match classify(text, style) {
                Marker::Numbered {
                    level: l,
                    number: n,
                    form: f,
                    ..
                } => assert_eq!((l, n, f), (level, number, form), "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
        assert_eq!(classify("1998年12月29日通过", Style::Outline), Marker::Text);
        assert_eq!(classify("2.5%以内", Style::Outline), Marker::Text);
    }

    #[test]
    fn each_form_labels_a_number_as_the_derived_label_reads() {
        let labels = [
            (Form::ChineseComma, "十二、"),
            (Form::ChineseInBrackets, "（十二）"),
            (Form::DigitStop, "12."),
            (Form::EnclosedDigit, "12."),
            (Form::DigitInBrackets, "（12）"),
        ];
        for (form, label) in labels {
            assert_eq!(form.label(12), label, "{}", form.example());
        }
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
