//! The draft as the author wrote it: metadata and a tree of parts, with no
//! numbers. The loader builds it from YAML, the importer from plain text, and
//! the YAML writer turns it back into YAML. Numbers are derived later
//! (`numbering`), never stored here.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

pub mod comment_columns;
mod comments;
mod levels;
mod table;
pub use comments::{Comment, Disposition, Target};
pub use levels::{Level, Numbering, Role, Style};
pub use table::{Attachment, Cell, Layout, Row, ShapeError, Table};

/// A whole draft: one consultation draft of one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub meta: Meta,
    pub parts: Vec<Part>,
    /// The attachments written out in full, in the order of
    /// `meta.attachments` (which also lists those named only).
    pub attachments: Vec<Attachment>,
}

/// Document metadata (everything outside the body).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// The title; a line break in it is a line break on the page.
    pub title: String,
    /// Stage label without brackets: 征求意见稿, 送审稿, 草案 …
    pub stage: Option<String>,
    /// Issuing organ (发文机关), printed in the signature block.
    pub organ: Option<String>,
    /// Date of the document (成文日期).
    pub date: Option<Date>,
    /// Document number (发文字号), e.g. 东发改〔2021〕12号.
    pub number: Option<String>,
    /// Principal recipients (主送机关).
    pub to: Option<String>,
    /// Paragraphs before the first part.
    pub preamble: Vec<String>,
    /// Paragraphs after the last part (特此通知。 and the like).
    pub closing: Vec<String>,
    /// Attachment names (附件), in order.
    pub attachments: Vec<String>,
    /// Copy-to organs (抄送).
    pub cc: Vec<String>,
    /// Printing organ of the imprint (印发机关).
    pub printer: Option<String>,
    /// Printing date of the imprint (印发日期).
    pub printed: Option<Date>,
    pub numbering: Numbering,
    /// Faces for the PDF, when the office has its own.
    pub fonts: Fonts,
    /// Lint rules turned off or made errors (`lint:`), in the order written.
    pub lint: Vec<LintSetting>,
}

/// How seriously `lint` takes a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LintLevel {
    Off,
    Warning,
    Error,
}

impl LintLevel {
    pub fn name(self) -> &'static str {
        match self {
            LintLevel::Off => "off",
            LintLevel::Warning => "warning",
            LintLevel::Error => "error",
        }
    }
}

/// One entry of a draft's `lint:` mapping: a rule id and its level.
#[derive(Debug, Clone, PartialEq)]
pub struct LintSetting {
    pub rule: String,
    pub level: LintLevel,
    pub origin: Origin,
}

/// The stage as a draft keeps it: `（征求意见稿）`, `(征求意见稿)` and
/// ` 征求意见稿 ` are all `征求意见稿`.
pub fn stage_name(label: &str) -> &str {
    let s = label.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            return inner.trim();
        }
    }
    s
}

/// Faces a draft asks for in the PDF, by family name; unset roles use the
/// bundled faces.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Fonts {
    /// 仿宋 for the body (仿宋_GB2312).
    pub body: Option<String>,
    /// 楷体 for level-2 headings (楷体_GB2312).
    pub kai: Option<String>,
    /// 黑体 for level-1 headings.
    pub hei: Option<String>,
    /// 小标宋 for the title (方正小标宋简体).
    pub title: Option<String>,
    /// 宋体 for page numbers.
    pub song: Option<String>,
    /// Faces consulted for characters the others lack.
    pub fallback: Vec<String>,
    /// Where `fonts:` was written, for messages.
    pub origin: Origin,
    /// Where each face was named: `body`, `kai` … and `fallback.0`, `fallback.1` …
    pub places: std::collections::BTreeMap<String, Origin>,
}

/// A calendar date, written 2021年9月1日 in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Builds a date if it exists in the Gregorian calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (year > 0 && (1..=days).contains(&day)).then_some(Date { year, month, day })
    }

    /// Parses `2021-09-01` or `2021年9月1日`.
    pub fn parse(text: &str) -> Option<Date> {
        let text = text.trim();
        let fields: Vec<&str> = if let Some(rest) = text.strip_suffix('日') {
            rest.split(['年', '月']).collect()
        } else {
            text.split('-').collect()
        };
        let [y, m, d] = fields.as_slice() else {
            return None;
        };
        let all_digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
        if !(all_digits(y) && all_digits(m) && all_digits(d)) || y.len() != 4 {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The calendar day (year, month, day) a count of days since 1970-01-01
    /// falls on (Howard Hinnant's civil_from_days).
    pub fn civil_from_days(days: i64) -> (i64, u8, u8) {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    /// Days since 1970-01-01, for reproducible timestamps.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (self.year as i64, self.month as i64, self.day as i64);
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    /// GB/T 9704 7.3.5: Arabic numerals, full year, no leading zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

/// A stable identifier the author gives a part, used for anchors and to match
/// parts across drafts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PartId(pub String);

impl fmt::Display for PartId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where something was written: file and 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Origin {
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
}

/// One part of the body: a heading with its text and sub-parts, an article, an item.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub id: Option<PartId>,
    pub level: Level,
    /// Heading text without the number (推进常住人口基本公共服务全覆盖。).
    pub heading: Option<String>,
    /// Whether the heading runs into the first paragraph instead of standing on its own line.
    pub run_in: bool,
    /// False for a heading that carries no number and takes none (民法典's 物权编).
    pub numbered: bool,
    /// Numbered as the previous part's number plus 之一, 之二 … (第一百二十条之一).
    pub sub: bool,
    /// Paragraphs and sub-parts in reading order.
    pub body: Vec<Block>,
    /// Where the part starts in its source; empty for imported parts.
    pub origin: Origin,
}

/// One element of a part's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph of text (inline Markdown allowed).
    Para(String),
    /// A sub-part.
    Part(Part),
    /// A table, where a paragraph could stand.
    Table(Table),
}

impl Part {
    /// A new part with only its level set.
    pub fn new(level: Level) -> Part {
        Part {
            id: None,
            level,
            heading: None,
            run_in: false,
            numbered: true,
            sub: false,
            body: Vec::new(),
            origin: Origin::default(),
        }
    }

    /// The part's paragraphs, in order, not those of its sub-parts.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.body.iter().filter_map(|b| match b {
            Block::Para(p) => Some(p.as_str()),
            Block::Part(_) | Block::Table(_) => None,
        })
    }

    /// The direct sub-parts, in order.
    pub fn children(&self) -> impl Iterator<Item = &Part> {
        self.body.iter().filter_map(|b| match b {
            Block::Part(p) => Some(p),
            Block::Para(_) | Block::Table(_) => None,
        })
    }

    /// Clears source positions, for comparing models built from different sources.
    pub fn forget_origin(&mut self) {
        self.origin = Origin::default();
        forget_origins(&mut self.body);
    }
}

impl Draft {
    /// Clears all source positions (see [`Part::forget_origin`]).
    pub fn forget_origin(&mut self) {
        self.meta.fonts.origin = Origin::default();
        for setting in &mut self.meta.lint {
            setting.origin = Origin::default();
        }
        self.meta.fonts.places.clear();
        for part in &mut self.parts {
            part.forget_origin();
        }
        for attachment in &mut self.attachments {
            attachment.origin = Origin::default();
            forget_origins(&mut attachment.body);
        }
    }

    /// Every part of the draft's body and of its attachments, at the top.
    pub fn all_parts(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().chain(
            self.attachments
                .iter()
                .flat_map(|a| a.body.iter())
                .filter_map(|b| match b {
                    Block::Part(p) => Some(p),
                    _ => None,
                }),
        )
    }
}

fn forget_origins(body: &mut [Block]) {
    for block in body {
        match block {
            Block::Part(p) => p.forget_origin(),
            Block::Table(t) => t.origin = Origin::default(),
            Block::Para(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_both_forms_and_reject_impossible_days() {
        let d = Date::parse("2021-09-01").unwrap();
        assert_eq!(d.to_string(), "2021年9月1日");
        assert_eq!(Date::parse("2021年9月1日"), Some(d));
        assert_eq!(Date::parse("2021年09月01日"), Some(d));
        assert_eq!(Date::parse("2021-02-29"), None);
        assert_eq!(Date::parse("2020-02-29").unwrap().day, 29);
        assert_eq!(Date::parse("21-02-01"), None);
        assert_eq!(Date::parse("2021-13-01"), None);
        assert_eq!(Date::parse("二〇二一年九月一日"), None);
    }

    #[test]
    fn stage_brackets_and_spaces_are_optional() {
        assert_eq!(stage_name("（征求意见稿）"), "征求意见稿");
        assert_eq!(stage_name("(送审稿)"), "送审稿");
        assert_eq!(stage_name("\t草案 "), "草案");
    }

    #[test]
    fn days_since_epoch_matches_known_dates() {
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::new(2000, 3, 1).unwrap().days_since_epoch(), 11017);
        assert_eq!(Date::new(2021, 9, 1).unwrap().days_since_epoch(), 18871);
    }
}
