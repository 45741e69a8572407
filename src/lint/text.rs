//! Rules that read one text value on its own: punctuation of the wrong width,
//! unpaired marks, ellipses and dashes, spaces inside Chinese, doubled marks,
//! dates with leading zeros, the brackets of a document number.
//!
//! Every rule works on characters and skips what is not prose: URLs and
//! e-mail addresses, Markdown link targets and code, references by id,
//! numbers (1,000 · 3.5 · 10:30) and Latin text with no Chinese beside it.
//!
//! A value may be a whole law in one paragraph, with a finding every few
//! characters: each rule reads the value once, and what it asks about the
//! characters around a place ([`Scan`]) is worked out once for all places,
//! so no finding reads the text again.

use super::prose::protected;
use super::{Hit, Rule};
use crate::tr;

/// A Chinese character (CJK ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

/// Chinese punctuation: the CJK block, the full-width forms (not digits or
/// letters) and the marks Chinese text shares with others.
pub fn is_chinese_mark(c: char) -> bool {
    matches!(c, '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Chinese text: a character or a mark.
pub fn is_chinese(c: char) -> bool {
    is_han(c) || is_chinese_mark(c)
}

const CHINESE_NUMERALS: &str = "〇零一二三四五六七八九十百千两";

/// Whether the mark at `i` is escaped with a backslash (Markdown `\(`).
fn escaped(chars: &[char], i: usize) -> bool {
    i > 0 && chars[i - 1] == '\\'
}

/// A value as the rules read it: its characters, which of them are not
/// prose, and for every place the characters around it that the rules ask
/// about, each worked out in one pass over the value.
struct Scan<'a> {
    chars: &'a [char],
    mask: Vec<bool>,
    /// For each place, the character before it past Markdown emphasis marks.
    before: Vec<Option<char>>,
    /// For each place (and the end), the character at or after it past
    /// spaces and Markdown emphasis marks.
    after: Vec<Option<char>>,
    /// For each place (and the end), how many Chinese characters come before it.
    han_before: Vec<u32>,
}

impl<'a> Scan<'a> {
    fn new(chars: &'a [char]) -> Scan<'a> {
        let n = chars.len();
        let mut before = Vec::with_capacity(n);
        let mut last = None;
        for &c in chars {
            before.push(last);
            if !matches!(c, '*' | '_') {
                last = Some(c);
            }
        }
        let mut after = vec![None; n + 1];
        for i in (0..n).rev() {
            after[i] = if matches!(chars[i], '*' | '_' | ' ') {
                after[i + 1]
            } else {
                Some(chars[i])
            };
        }
        let mut han_before = Vec::with_capacity(n + 1);
        let mut count = 0u32;
        han_before.push(0);
        for &c in chars {
            count += u32::from(is_han(c));
            han_before.push(count);
        }
        Scan {
            chars,
            mask: protected(chars),
            before,
            after,
            han_before,
        }
    }

    /// Whether Chinese text is beside the characters `start..end`.
    fn chinese_beside(&self, start: usize, end: usize) -> bool {
        self.before
            .get(start)
            .copied()
            .flatten()
            .is_some_and(is_chinese)
            || self
                .after
                .get(end)
                .copied()
                .flatten()
                .is_some_and(is_chinese)
    }

    /// Whether a Chinese character is among `start..end`.
    fn han_within(&self, start: usize, end: usize) -> bool {
        start < end && self.han_before[end] > self.han_before[start]
    }
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        other => other,
    }
}

/// Every hit of the per-text rules in `value`. `folds` marks the characters
/// that are line breaks of the YAML read as spaces (empty when unknown).
pub fn check(value: &str, folds: &[bool], out: &mut Vec<Hit>) {
    let chars: Vec<char> = value.chars().collect();
    let scan = Scan::new(&chars);
    half_width(&scan, out);
    parentheses(&scan, out);
    quotes(&scan, out);
    runs(&scan, out);
    spaces(&scan, folds, out);
    dates_and_numbers(&scan, out);
    unpaired(&scan, out);
}

/// The messages a rule has made in one text, by the mark they name: a text
/// of a million commas makes its message once, not a million times.
#[derive(Default)]
struct Said(Vec<(char, String)>);

impl Said {
    fn get_or_insert_with(&mut self, mark: char, make: impl FnOnce() -> String) -> String {
        if let Some((_, message)) = self.0.iter().find(|(m, _)| *m == mark) {
            return message.clone();
        }
        let message = make();
        self.0.push((mark, message.clone()));
        message
    }
}

fn hit(rule: Rule, start: usize, end: usize, message: String, fix: Option<String>) -> Hit {
    Hit {
        rule,
        start,
        end,
        message,
        fix,
    }
}

fn half_width(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let mut said = Said::default();
    for (i, &c) in chars.iter().enumerate() {
        if mask[i] || !",;:?!".contains(c) {
            continue;
        }
        let next = chars.get(i + 1).copied();
        // An image `![`, a number 1,000 or 10:30, a Markdown `\!`.
        if (c == '!' && next == Some('[')) || (i > 0 && chars[i - 1] == '\\') {
            continue;
        }
        if i > 0 && chars[i - 1].is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()) {
            continue;
        }
        if !scan.chinese_beside(i, i + 1) {
            continue;
        }
        let spaces = chars[i + 1..].iter().take_while(|c| **c == ' ').count();
        out.push(hit(
            Rule::HalfWidthPunctuation,
            i,
            i + 1 + spaces,
            said.get_or_insert_with(c, || tr!("lint-half-width", mark = c.to_string())),
            Some(full_width(c).to_string()),
        ));
    }
}

fn parentheses(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let mut open = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        if mask[i] || escaped(chars, i) {
            continue;
        }
        match c {
            '(' => open.push(i),
            ')' => {
                let Some(o) = open.pop() else { continue };
                if scan.han_within(o + 1, i) || scan.chinese_beside(o, i + 1) {
                    for at in [o, i] {
                        out.push(hit(
                            Rule::HalfWidthPunctuation,
                            at,
                            at + 1,
                            tr!("lint-half-width", mark = chars[at].to_string()),
                            Some(full_width(chars[at]).to_string()),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

fn quotes(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let mut said = Said::default();
    for (mark, (open, close)) in [('"', ('“', '”')), ('\'', ('‘', '’'))] {
        let at: Vec<usize> = (0..chars.len())
            .filter(|&i| chars[i] == mark && !mask[i] && !escaped(chars, i))
            // ' after a digit is a minute or a foot (36°37'), not a quote.
            .filter(|&i| mark != '\'' || i == 0 || !chars[i - 1].is_ascii_digit())
            // An apostrophe inside a Latin word is not a quote.
            .filter(|&i| {
                mark != '\''
                    || !(i > 0
                        && chars[i - 1].is_ascii_alphabetic()
                        && chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic()))
            })
            .collect();
        if at.is_empty() || !scan.han_within(0, chars.len()) {
            continue;
        }
        if at.len() % 2 == 1 {
            let last = at[at.len() - 1];
            out.push(hit(
                Rule::HalfWidthQuotes,
                last,
                last + 1,
                tr!("lint-half-width-quote-odd", mark = mark.to_string()),
                None,
            ));
            continue;
        }
        for pair in at.chunks(2) {
            let (o, c) = (pair[0], pair[1]);
            if !scan.han_within(o + 1, c) && !scan.chinese_beside(o, c + 1) {
                continue;
            }
            for (i, to) in [(o, open), (c, close)] {
                out.push(hit(
                    Rule::HalfWidthQuotes,
                    i,
                    i + 1,
                    said.get_or_insert_with(mark, || {
                        tr!("lint-half-width-quote", mark = mark.to_string())
                    }),
                    Some(to.to_string()),
                ));
            }
        }
    }
}

/// Runs of one mark: ellipses, dashes, ranges, doubled punctuation.
fn runs(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let len = chars[i..].iter().take_while(|x| **x == c).count();
        let end = i + len;
        if mask[i..end].iter().any(|m| *m) {
            i = end;
            continue;
        }
        let beside = scan.chinese_beside(i, end);
        let found = match (c, len) {
            ('.' | '．' | '·', 3..) if beside => Some((
                Rule::Ellipsis,
                "……",
                tr!("lint-ellipsis-typed", typed = c.to_string().repeat(len)),
            )),
            ('。', 3..) => Some((
                Rule::Ellipsis,
                "……",
                tr!("lint-ellipsis-typed", typed = c.to_string().repeat(len)),
            )),
            ('…', 1 | 3) => Some((Rule::Ellipsis, "……", tr!("lint-ellipsis-count"))),
            ('-', 2..) if beside => Some((
                Rule::Dash,
                "——",
                tr!("lint-dash-typed", typed = "-".repeat(len)),
            )),
            ('－' | '―' | '─', 2) if beside => Some((
                Rule::Dash,
                "——",
                tr!("lint-dash-typed", typed = c.to_string().repeat(len)),
            )),
            ('~' | '〜' | '∼', 1)
                if numeral_at(chars, i.wrapping_sub(1)) && numeral_at(chars, end) =>
            {
                Some((Rule::RangeMark, "～", tr!("lint-range-numbers")))
            }
            ('，' | '、' | '；' | '：' | '！' | '？', 2..) | ('。', 2) => Some((
                Rule::DoubledPunctuation,
                "",
                tr!("lint-doubled", mark = c.to_string(), count = len),
            )),
            _ => None,
        };
        if let Some((rule, to, message)) = found {
            let to = if rule == Rule::DoubledPunctuation {
                c.to_string()
            } else {
                to.to_string()
            };
            out.push(hit(rule, i, end, message, Some(to)));
        }
        i = end;
    }
}

fn numeral_at(chars: &[char], i: usize) -> bool {
    chars
        .get(i)
        .is_some_and(|c| c.is_ascii_digit() || CHINESE_NUMERALS.contains(*c))
}

fn spaces(scan: &Scan, folds: &[bool], out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let mut said = Said::default();
    let mut i = 0;
    while i < chars.len() {
        let len = chars[i..]
            .iter()
            .take_while(|c| matches!(c, ' ' | '\u{a0}'))
            .count();
        if len == 0 {
            i += 1;
            continue;
        }
        let end = i + len;
        let (before, after) = (i.checked_sub(1).map(|b| chars[b]), chars.get(end).copied());
        let chinese_both = before.is_some_and(is_chinese) && after.is_some_and(is_chinese);
        if chinese_both && !mask[i..end].iter().any(|m| *m) {
            // Between two characters a typed space may part names (张三 李四):
            // fixed only where it is a line break of the YAML read as a space.
            let between_han = before.is_some_and(is_han) && after.is_some_and(is_han);
            let fold = (i..end).all(|k| folds.get(k).copied().unwrap_or(false));
            let (message, fix) = if between_han && !fold {
                (
                    said.get_or_insert_with('、', || tr!("lint-space-names")),
                    None,
                )
            } else {
                (
                    said.get_or_insert_with(' ', || tr!("lint-space")),
                    Some(String::new()),
                )
            };
            out.push(hit(Rule::SpaceInChinese, i, end, message, fix));
        }
        i = end;
    }
}

fn dates_and_numbers(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    let digit = |i: usize| chars.get(i).is_some_and(|c| c.is_ascii_digit());
    for i in 1..chars.len() {
        if mask[i] {
            continue;
        }
        // Only these characters can start what this rule looks for.
        if !matches!(chars[i], '0' | '[' | '（' | '(' | '【' | '﹝') {
            continue;
        }
        // 年09月 and 月01日: a leading zero.
        let zero = chars[i] == '0' && digit(i + 1) && chars[i + 1] != '0';
        let unit_after = chars.get(i + 2).copied();
        if zero
            && ((chars[i - 1] == '年' && unit_after == Some('月'))
                || (chars[i - 1] == '月' && unit_after == Some('日')))
        {
            out.push(hit(
                Rule::DateLeadingZero,
                i,
                i + 1,
                tr!("lint-date-leading-zero"),
                Some(String::new()),
            ));
        }
        // 东发改[2021]12号: the year of a document number goes in 〔〕.
        if "[（(【﹝".contains(chars[i])
            && is_han(chars[i - 1])
            && (1..=4).all(|k| digit(i + k))
            && chars.get(i + 5).is_some_and(|c| "]）)】﹞".contains(*c))
        {
            let rest = &chars[i + 6..];
            let spaces = rest.iter().take_while(|c| **c == ' ').count();
            let digits = rest[spaces..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if digits > 0 && rest.get(spaces + digits) == Some(&'号') {
                for (at, to) in [(i, '〔'), (i + 5, '〕')] {
                    out.push(hit(
                        Rule::DocumentNumber,
                        at,
                        at + 1,
                        tr!("lint-document-number", mark = chars[at].to_string()),
                        Some(to.to_string()),
                    ));
                }
            }
        }
    }
    // 2021-2025年: a span of years is joined by —.
    for i in 4..chars.len().saturating_sub(5) {
        if chars[i] == '-'
            && !mask[i]
            && (1..=4).all(|k| digit(i - k) && digit(i + k))
            && chars.get(i + 5) == Some(&'年')
            && !digit(i.wrapping_sub(5))
        {
            out.push(hit(
                Rule::RangeMark,
                i,
                i + 1,
                tr!("lint-year-span"),
                Some("—".to_string()),
            ));
        }
    }
}

const PAIRS: [(char, char); 8] = [
    ('《', '》'),
    ('“', '”'),
    ('‘', '’'),
    ('（', '）'),
    ('【', '】'),
    ('〔', '〕'),
    ('〈', '〉'),
    ('「', '」'),
];

fn unpaired(scan: &Scan, out: &mut Vec<Hit>) {
    let (chars, mask) = (scan.chars, &scan.mask);
    // The marks open, innermost last, by place and pair; and for each pair
    // where its own open marks stand in that list, so a closing mark finds
    // its opener without reading every mark open.
    let mut open: Vec<(usize, usize)> = Vec::new();
    let mut of_pair: [Vec<usize>; PAIRS.len()] = Default::default();
    for (i, &c) in chars.iter().enumerate() {
        if mask[i] {
            continue;
        }
        // ’ between Latin letters is an apostrophe (O’Brien).
        if c == '’'
            && i > 0
            && chars[i - 1].is_ascii_alphabetic()
            && chars.get(i + 1).is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if let Some(pair) = PAIRS.iter().position(|(o, _)| *o == c) {
            of_pair[pair].push(open.len());
            open.push((i, pair));
        } else if let Some(pair) = PAIRS.iter().position(|(_, cl)| *cl == c) {
            match of_pair[pair].last().copied() {
                Some(k) if k == open.len() - 1 => {
                    open.pop();
                    of_pair[pair].pop();
                }
                Some(k) => {
                    let (at, inner) = open[open.len() - 1];
                    out.push(hit(
                        Rule::UnpairedMarks,
                        at,
                        at + 1,
                        tr!(
                            "lint-marks-cross",
                            open = chars[at].to_string(),
                            close = c.to_string(),
                            own = PAIRS[inner].1.to_string()
                        ),
                        None,
                    ));
                    for (_, gone) in open.drain(k..) {
                        of_pair[gone].pop();
                    }
                }
                None => out.push(hit(
                    Rule::UnpairedMarks,
                    i,
                    i + 1,
                    tr!(
                        "lint-closes-nothing",
                        close = c.to_string(),
                        open = PAIRS[pair].0.to_string()
                    ),
                    None,
                )),
            }
        }
    }
    for (at, pair) in open {
        out.push(hit(
            Rule::UnpairedMarks,
            at,
            at + 1,
            tr!(
                "lint-not-closed",
                open = chars[at].to_string(),
                close = PAIRS[pair].1.to_string()
            ),
            None,
        ));
    }
}
