//! Rules that need the whole draft: a typed number before a derived one, a
//! paragraph without the closing mark its siblings have, two date forms in
//! one draft, and references to articles — those that do not exist, and
//! typed ones that could name their part by id.

use std::collections::HashMap;

use regex::Regex;
use std::sync::LazyLock;

use super::text::is_han;
use super::{Hit, Rule};
use crate::load::TextSite;
use crate::load::schema::TextKey;
use crate::model::{Block, Date, Draft, Level, Part, Style};
use crate::numbering::references;
use crate::numbering::{Document, Number, Section};
use crate::tr;

/// A part's texts: the site of its heading and of each paragraph.
#[derive(Default)]
struct PartSites {
    heading: Option<usize>,
    paragraphs: Vec<usize>,
}

/// Every structural hit, with the site it is in.
pub fn check(draft: &Draft, doc: &Document, sites: &[TextSite]) -> Vec<(usize, Hit)> {
    let mut parts: Vec<(&Part, Option<usize>)> = Vec::new();
    fn visit<'p>(part: &'p Part, parent: Option<usize>, out: &mut Vec<(&'p Part, Option<usize>)>) {
        let me = out.len();
        out.push((part, parent));
        for block in &part.body {
            if let Block::Part(p) = block {
                visit(p, Some(me), out);
            }
        }
    }
    for part in &draft.parts {
        visit(part, None, &mut parts);
    }
    let sections = doc.walk();
    let mut of_part: Vec<PartSites> = (0..parts.len()).map(|_| PartSites::default()).collect();
    for (i, site) in sites.iter().enumerate() {
        let Some(p) = site.part.filter(|p| *p < parts.len()) else {
            continue;
        };
        // A table's cells and caption are not its part's paragraphs.
        match site.key {
            TextKey::Heading => of_part[p].heading = Some(i),
            TextKey::Text => of_part[p].paragraphs.push(i),
            _ => {}
        }
    }
    let mut out = Vec::new();
    typed_numbers(&parts, &sections, &of_part, sites, &mut out);
    endings(&parts, &of_part, sites, &mut out);
    dates(sites, &mut out);
    if draft.meta.numbering.style == Style::Articles {
        article_references(&parts, &sections, &of_part, sites, &mut out);
    }
    out
}

const NUMERALS: &str = "〇零一二三四五六七八九十百千两";

/// The length in characters of a number typed at the start of a heading or
/// text (一、 （三） 第五条 1.) and the spaces after it.
pub fn typed_number(text: &str) -> Option<usize> {
    typed_number_in(&text.chars().collect::<Vec<char>>())
}

/// [`typed_number`] of a text's characters: it reads only the number and
/// the spaces after it, whatever follows.
fn typed_number_in(chars: &[char]) -> Option<usize> {
    let lead = chars
        .iter()
        .take_while(|c| matches!(c, ' ' | '\u{3000}'))
        .count();
    let rest = &chars[lead..];
    let numeral = |c: &char| NUMERALS.contains(*c);
    let count = |from: usize, f: &dyn Fn(&char) -> bool| {
        rest.get(from..)
            .map_or(0, |r| r.iter().take_while(|c| f(c)).count())
    };
    let len = if let Some(n @ 1..) = Some(count(0, &numeral)) {
        // 一、 or 一. but not 一是 or 一九九八年.
        matches!(rest.get(n), Some('、' | '.' | '．')).then_some(n + 1)
    } else if matches!(rest.first(), Some('（' | '(')) {
        // （3） but not （2021）年度: an item number is one or two digits.
        let n = match count(1, &numeral) {
            0 => Some(count(1, &|c: &char| c.is_ascii_digit()))
                .filter(|n| *n <= 2)
                .unwrap_or(0),
            n => n,
        };
        (n > 0 && matches!(rest.get(1 + n), Some('）' | ')'))).then_some(n + 2)
    } else if rest.first() == Some(&'第') {
        let n = count(1, &numeral);
        let unit: String = rest.get(1 + n..).unwrap_or(&[]).iter().take(2).collect();
        let unit_len = if unit.starts_with("分编") {
            2
        } else if unit.starts_with(['编', '章', '节', '条']) {
            1
        } else {
            0
        };
        let mut len = 1 + n + unit_len;
        // 第一百二十条之一
        if unit_len > 0 && rest.get(len) == Some(&'之') {
            len += 1 + count(len + 1, &numeral);
        }
        // 第五条 must be followed by a space or text, not 规定 (第五条规定的).
        (n > 0 && unit_len > 0).then_some(len)
    } else {
        let n = count(0, &|c: &char| c.is_ascii_digit());
        let mark = rest.get(n).copied();
        let digit_after = rest.get(n + 1).is_some_and(|c| c.is_ascii_digit());
        (n > 0 && matches!(mark, Some('.' | '．' | '、')) && !digit_after).then_some(n + 1)
    }?;
    let spaces = rest[len..]
        .iter()
        .take_while(|c| matches!(c, ' ' | '\u{3000}' | '\t'))
        .count();
    // Something must follow: a text that is only a number is not a typed label.
    (len + spaces < rest.len()).then_some(lead + len + spaces)
}

fn typed_numbers(
    parts: &[(&Part, Option<usize>)],
    sections: &[&Section],
    of_part: &[PartSites],
    sites: &[TextSite],
    out: &mut Vec<(usize, Hit)>,
) {
    for (p, (part, _)) in parts.iter().enumerate() {
        if !part.numbered {
            continue;
        }
        let first_is_text = matches!(part.body.first(), Some(Block::Para(_)));
        let site = match (of_part[p].heading, of_part[p].paragraphs.first()) {
            (Some(h), _) => h,
            (None, Some(&t)) if first_is_text => t,
            _ => continue,
        };
        let value: Vec<char> = sites[site].value.chars().collect();
        let Some(mut len) = typed_number_in(&value) else {
            continue;
        };
        // 第五条　一、: every number typed in a row goes.
        while let Some(more) = typed_number_in(&value[len..]) {
            len += more;
        }
        // Article text often begins 第五条规定的: a reference, not a label,
        // when no space follows and the part's own label is another.
        let typed: String = value[..len].iter().collect();
        let label = sections.get(p).map_or("", |s| s.label.as_str());
        let typed_trim = typed.trim_matches([' ', '\u{3000}', '\t']);
        if typed_trim.starts_with('第') && typed_trim == typed && typed_trim != label {
            continue;
        }
        let message = if label.is_empty() || typed_trim == label {
            tr!("lint-typed-number", typed = typed_trim)
        } else {
            tr!("lint-typed-number-label", typed = typed_trim, label = label)
        };
        out.push((
            site,
            Hit {
                rule: Rule::TypedNumber,
                start: 0,
                end: len,
                message,
                fix: Some(String::new()),
            },
        ));
    }
}

/// The mark a text ends with, if it ends with closing punctuation.
fn closing_mark(text: &str) -> Option<char> {
    let mut chars = text.trim_end().trim_end_matches(['*', '_']).chars().rev();
    let last = chars.next()?;
    let closed = |c: char| "。；：！？…;:!?.".contains(c);
    if closed(last) {
        return Some(last);
    }
    // 。” 。） 。》: the mark before a closing quote or bracket.
    if "”’）》」】)".contains(last) {
        return chars.next().filter(|c| closed(*c));
    }
    None
}

fn endings(
    parts: &[(&Part, Option<usize>)],
    of_part: &[PartSites],
    sites: &[TextSite],
    out: &mut Vec<(usize, Hit)>,
) {
    // Groups: the paragraphs of the children of one parent, the preamble, the closing.
    let mut groups: HashMap<(Option<usize>, TextKey), Vec<usize>> = HashMap::new();
    for (p, (_, parent)) in parts.iter().enumerate() {
        groups
            .entry((*parent, TextKey::Text))
            .or_default()
            .extend(&of_part[p].paragraphs);
    }
    for (i, site) in sites.iter().enumerate() {
        if site.part.is_none() && matches!(site.key, TextKey::Preamble | TextKey::Closing) {
            groups.entry((None, site.key)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().collect();
    groups.sort();
    for group in groups {
        if group.len() < 3 {
            continue;
        }
        let marks: Vec<Option<char>> = group
            .iter()
            .map(|&i| closing_mark(&sites[i].value))
            .collect();
        let closed: Vec<char> = marks.iter().flatten().copied().collect();
        if closed.len() * 3 < group.len() * 2 || closed.len() == group.len() {
            continue;
        }
        let same = closed.iter().all(|c| *c == closed[0]) && "。；".contains(closed[0]);
        for (k, &i) in group.iter().enumerate() {
            if marks[k].is_some() {
                continue;
            }
            let value = &sites[i].value;
            let end = value.trim_end().chars().count();
            let Some(last) = value.trim_end().chars().last() else {
                continue;
            };
            // A text that ends in Latin, a number or a link is left alone.
            if !is_han(last) {
                continue;
            }
            out.push((
                i,
                Hit {
                    rule: Rule::EndPunctuation,
                    start: end,
                    end,
                    message: tr!(
                        "lint-end-punctuation",
                        closed = closed.len(),
                        siblings = group.len() - 1
                    ),
                    fix: same.then(|| closed[0].to_string()),
                },
            ));
        }
    }
}

/// A date written the Chinese way, and one written with `-`, `.` or `/`.
/// Digits are ASCII or full-width, the two a Chinese text writes: `\d`
/// stands for every script's digits, whose classes took a millisecond of
/// each build to compile.
static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日").expect("a valid pattern")
});
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^0-9０-９./])([0-9０-９]{4})([-./])([0-9０-９]{1,2})([-./])([0-9０-９]{1,2})")
        .expect("a valid pattern")
});

fn dates(sites: &[TextSite], out: &mut Vec<(usize, Hit)>) {
    let chinese = &*CHINESE_DATE;
    let texts = || sites.iter().enumerate().filter(|(_, s)| !s.key.is_date());
    if !texts().any(|(_, s)| chinese.is_match(&s.value)) {
        return;
    }
    let numeric = &*NUMERIC_DATE;
    for (i, site) in texts() {
        // A numeric date has digits (half or full width); most texts have none.
        if !site
            .value
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        {
            continue;
        }
        let chars: Vec<char> = site.value.chars().collect();
        let mask = super::prose::protected(&chars);
        let mut count = CharCount::new(&site.value);
        for caps in numeric.captures_iter(&site.value) {
            let whole = caps.get(0).expect("group 0");
            let (Some(y), Some(m), Some(d)) = (caps.get(2), caps.get(4), caps.get(6)) else {
                continue;
            };
            // What follows is looked at, not taken: in 2021-10-15至2021-12-31
            // the 至 is where the second date starts. A dash joins two dates
            // written with dots or slashes (2021.10.15-2021.12.31); beside a
            // date written with dashes it makes a longer number.
            let follows = site.value[d.end()..].chars().next();
            let dashed = &caps[3] == "-";
            let lead_dash = caps.get(1).is_some_and(|g| g.as_str() == "-");
            if caps[3] != caps[5]
                || (lead_dash && dashed)
                || follows.is_some_and(|c| {
                    c.is_ascii_digit()
                        || "０１２３４５６７８９./".contains(c)
                        || (c == '-' && dashed)
                })
            {
                continue;
            }
            // The groups are digits, so only a day that does not exist fails.
            let date = Date::parse(&format!("{}-{}-{}", y.as_str(), m.as_str(), d.as_str()));
            let Some(date) = date else { continue };
            let lead = caps.get(1).map_or(0, |g| g.len());
            let start_byte = whole.start() + lead;
            let end_byte = d.end();
            let value = &site.value;
            let (start, end) = (count.at(start_byte), count.at(end_byte));
            // Not in a URL, a link target or code.
            if mask[start..end].iter().any(|m| *m) {
                continue;
            }
            out.push((
                i,
                Hit {
                    rule: Rule::MixedDates,
                    start,
                    end,
                    message: tr!("lint-mixed-dates", date = &value[start_byte..end_byte]),
                    fix: Some(date.to_string()),
                },
            ));
        }
    }
}

fn article_references(
    parts: &[(&Part, Option<usize>)],
    sections: &[&Section],
    of_part: &[PartSites],
    sites: &[TextSite],
    out: &mut Vec<(usize, Hit)>,
) {
    let mut articles: HashMap<Number, usize> = HashMap::new();
    for (p, s) in sections.iter().enumerate() {
        if s.level == Level::Article
            && let Some(n) = s.number
        {
            articles.entry(n).or_insert(p);
        }
    }
    let Some(last) = articles.keys().max().copied() else {
        return;
    };
    let last_label = crate::numbering::label(Level::Article, last);
    for (i, site) in sites.iter().enumerate() {
        if !matches!(
            site.key,
            TextKey::Text | TextKey::Heading | TextKey::Preamble | TextKey::Closing
        ) || !site.value.contains('第')
        {
            continue;
        }
        let value = &site.value;
        // A number typed before the text (第五条　…) is a label, not a reference.
        let typed =
            typed_number(value).map_or(0, |len| value.chars().take(len).map(char::len_utf8).sum());
        let mut count = CharCount::new(value);
        for r in references::find(value) {
            if r.start < typed {
                continue;
            }
            let Some(number) = r.article.filter(|_| r.internal && !r.relative) else {
                continue;
            };
            let (start, end) = (count.at(r.start), count.at(r.end));
            let typed = &value[r.start..r.end];
            let Some(&p) = articles.get(&number) else {
                out.push((
                    i,
                    Hit {
                        rule: Rule::MissingReference,
                        start,
                        end,
                        message: tr!("lint-missing-reference", typed = typed, last = &last_label),
                        fix: None,
                    },
                ));
                continue;
            };
            if r.item.is_some() || r.subitem.is_some() {
                continue;
            }
            let (part, _) = parts[p];
            let Some(id) = &part.id else { continue };
            let paragraphs = of_part[p].paragraphs.len();
            let link = match r.clause {
                None => format!("[[{id}]]"),
                Some(c) if (c as usize) <= paragraphs && c >= 1 => format!("[[{id}|款{c}]]"),
                Some(_) => continue,
            };
            out.push((
                i,
                Hit {
                    rule: Rule::HandTypedReference,
                    start,
                    end,
                    message: tr!(
                        "lint-hand-typed-reference",
                        typed = typed,
                        id = &id.0,
                        link = &link
                    ),
                    fix: Some(link),
                },
            ));
        }
    }
}

/// Characters counted up to byte offsets that move forward, each counted
/// once: a text with thousands of dates or references is not counted from
/// its start for each.
struct CharCount<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCount<'a> {
    fn new(text: &'a str) -> Self {
        CharCount {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// How many characters come before byte `at` (a character boundary).
    fn at(&mut self, at: usize) -> usize {
        if at < self.byte {
            (self.byte, self.chars) = (0, 0);
        }
        self.chars += self.text[self.byte..at].chars().count();
        self.byte = at;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::{CharCount, typed_number};

    #[test]
    fn typed_numbers_are_told_from_text() {
        assert_eq!(typed_number("一、总体要求"), Some(2));
        assert_eq!(typed_number("（三）加强建设"), Some(3));
        assert_eq!(typed_number("(3) 加强"), Some(4));
        assert_eq!(typed_number("第五条　为了规范"), Some(4));
        assert_eq!(typed_number("第一百二十条之一 为了"), Some(9));
        assert_eq!(typed_number("1. 加强"), Some(3));
        assert_eq!(typed_number("1.5亿元"), None);
        assert_eq!(typed_number("一是加强"), None);
        assert_eq!(typed_number("一九九八年"), None);
        assert_eq!(typed_number("一、"), None);
        assert_eq!(typed_number("第一次会议"), None);
    }

    #[test]
    fn characters_are_counted_to_each_place_forward_and_back() {
        let text = "第1条，a第二条";
        let mut count = CharCount::new(text);
        for (byte, chars) in [
            (0, 0),
            (4, 2),
            (7, 3),
            (10, 4),
            (11, 5),
            (17, 7),
            (4, 2),
            (20, 8),
        ] {
            assert_eq!(count.at(byte), chars, "{byte}");
        }
    }
}
