//! Where each character of a YAML text value is written in its file, so a
//! message can point at the character itself and a fix can change only the
//! characters it means to (`gongwen lint --fix`), never re-serialising the
//! file.
//!
//! The value is already known (the parser read it); the source is walked
//! along it, style by style (plain, '…', "…", `|` and `>` blocks), and every
//! character of the value is given its bytes in the file. A value the walk
//! cannot follow — an explicit indentation indicator, a tag, an alias — maps
//! to nothing, and whoever asked says the place only roughly and fixes
//! nothing there.

use std::ops::Range;

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|`
    Literal,
    /// `>`
    Folded,
}

/// Where one character of a value comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// These bytes of the file, written as the character (or its escape).
    Source(Range<usize>),
    /// A line break of the file (and the indentation around it) that the
    /// value reads as a space or a line break.
    Fold(Range<usize>),
}

impl Span {
    pub fn range(&self) -> &Range<usize> {
        match self {
            Span::Source(r) | Span::Fold(r) => r,
        }
    }
}

/// A value mapped onto its file.
#[derive(Debug, Clone)]
pub struct Mapped {
    pub style: ScalarStyle,
    /// One span per character of the value.
    pub spans: Vec<Span>,
    /// The byte just after the last character of the value.
    pub end: usize,
}

/// The byte after each line break of `text`, as YAML counts them: `\r\n`,
/// `\n`, and a `\r` alone.
fn line_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().filter_map(move |(i, b)| match b {
        b'\n' => Some(i + 1),
        b'\r' if bytes.get(i + 1) != Some(&b'\n') => Some(i + 1),
        _ => None,
    })
}

/// Where the lines of a text start, so that a line and column become a byte
/// offset (and back) without reading the text from its start each time: a
/// lint of 20,000 values asks 20,000 times.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineStarts(Vec<usize>);

impl LineStarts {
    pub fn new(text: &str) -> LineStarts {
        LineStarts(std::iter::once(0).chain(line_starts(text)).collect())
    }

    /// Byte offset of a 1-based line and character column in `text`.
    pub fn offset(&self, text: &str, line: u32, column: u32) -> Option<usize> {
        let start = *self.0.get(line.checked_sub(1)? as usize)?;
        let rest = text.get(start..)?;
        let skip = column.checked_sub(1)? as usize;
        match rest.char_indices().nth(skip) {
            Some((i, _)) => Some(start + i),
            None if rest.chars().count() == skip => Some(start + rest.len()),
            None => None,
        }
    }

    /// The 1-based line and character column of a byte offset of `text`.
    pub fn line_column(&self, text: &str, at: usize) -> (u32, u32) {
        let at = at.min(text.len());
        let line = self.0.partition_point(|s| *s <= at).max(1);
        let line_start = self.0[line - 1];
        let column = text.get(line_start..at).map_or(0, |t| t.chars().count()) + 1;
        (line as u32, column as u32)
    }
}

/// Maps `value`, the scalar that starts at byte `start` of `src`.
pub fn map(src: &str, start: usize, value: &str) -> Option<Mapped> {
    let first = src[start..].chars().next()?;
    let mut walk = Walk {
        src,
        at: start,
        spans: Vec::with_capacity(value.len()),
    };
    if let Some(block) = block_start(src, start) {
        // An explicit indentation counts from the block's parent, which the
        // header line shows only roughly: each reading is tried, and the
        // value itself says which one is right.
        let indents = match block.explicit {
            None => vec![None],
            Some(d) => block.parents.iter().map(|p| Some(p + d)).collect(),
        };
        for indent in indents {
            let mut walk = Walk {
                src,
                at: block.content,
                spans: Vec::with_capacity(value.len()),
            };
            if walk.block(value, block.folded, indent).is_some() {
                return Some(Mapped {
                    style: if block.folded {
                        ScalarStyle::Folded
                    } else {
                        ScalarStyle::Literal
                    },
                    end: walk.at,
                    spans: walk.spans,
                });
            }
        }
        return None;
    }
    let style = match first {
        '"' => {
            walk.at += 1;
            walk.quoted(value, true)?;
            ScalarStyle::DoubleQuoted
        }
        '\'' => {
            walk.at += 1;
            walk.quoted(value, false)?;
            ScalarStyle::SingleQuoted
        }
        _ => {
            walk.plain(value)?;
            ScalarStyle::Plain
        }
    };
    Some(Mapped {
        style,
        end: walk.at,
        spans: walk.spans,
    })
}

/// A block scalar's header, read from the line before its content.
struct BlockHeader {
    /// The start of the first content line.
    content: usize,
    folded: bool,
    /// An explicit indentation indicator (`|2`).
    explicit: Option<usize>,
    /// The indentations the block's parent may have.
    parents: Vec<usize>,
}

/// The parser places a block scalar (`|`, `>`) at its first character; when
/// `start` is one, its header.
fn block_start(src: &str, start: usize) -> Option<BlockHeader> {
    let line_start = src[..start].rfind('\n').map(|i| i + 1)?;
    if !src[line_start..start].bytes().all(|b| b == b' ') {
        return None;
    }
    // Blank lines may open the block: the header is above them.
    let mut content = line_start;
    let mut header_end = line_start - 1;
    let header_line = loop {
        let line_begin = src[..header_end].rfind('\n').map_or(0, |i| i + 1);
        let line = &src[line_begin..header_end];
        if !line.trim().is_empty() {
            break line;
        }
        if line_begin == 0 {
            return None;
        }
        content = line_begin;
        header_end = line_begin - 1;
    };
    let header = header_line.split(" #").next()?.trim_end();
    let token = header.rsplit([' ', '\t']).next()?;
    let mut chars = token.chars();
    let folded = match chars.next()? {
        '|' => false,
        '>' => true,
        _ => return None,
    };
    let mut explicit = None;
    for c in chars {
        match c {
            '+' | '-' => {}
            '1'..='9' if explicit.is_none() => explicit = c.to_digit(10).map(|d| d as usize),
            _ => return None,
        }
    }
    let first = header_line.len() - header_line.trim_start_matches(' ').len();
    let mut after_dashes = first;
    while header_line[after_dashes..].starts_with("- ") {
        after_dashes += 2;
        after_dashes += header_line[after_dashes..].len()
            - header_line[after_dashes..].trim_start_matches(' ').len();
    }
    Some(BlockHeader {
        content,
        folded,
        explicit,
        parents: vec![after_dashes, first, 0],
    })
}

struct Walk<'s> {
    src: &'s str,
    at: usize,
    spans: Vec<Span>,
}

impl Walk<'_> {
    fn rest(&self) -> &str {
        &self.src[self.at..]
    }

    /// A line break at the cursor, with the spaces before it and the blank
    /// lines and indentation after it: the byte after it all and how many
    /// blank lines it holds.
    fn fold(&self) -> Option<(usize, usize)> {
        let rest = self.rest();
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let after = &rest[spaces..];
        let first = after
            .strip_prefix("\r\n")
            .or_else(|| after.strip_prefix('\n'))?;
        let mut pos = rest.len() - first.len();
        let mut blank = 0;
        loop {
            let line = &rest[pos..];
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let tail = &line[indent..];
            match tail
                .strip_prefix("\r\n")
                .or_else(|| tail.strip_prefix('\n'))
            {
                Some(next) => {
                    blank += 1;
                    pos = rest.len() - next.len();
                }
                None => return Some((self.at + pos + indent, blank)),
            }
        }
    }

    /// Consumes a fold the value reads as `expected` (one space, or as many
    /// line breaks as blank lines); false if there is none here.
    fn take_fold(&mut self, value: &[char], k: &mut usize) -> bool {
        let Some((end, blank)) = self.fold() else {
            return false;
        };
        let produced = if blank == 0 { 1 } else { blank };
        let want = if blank == 0 { ' ' } else { '\n' };
        if *k + produced > value.len() || value[*k..*k + produced].iter().any(|c| *c != want) {
            return false;
        }
        for _ in 0..produced {
            self.spans.push(Span::Fold(self.at..end));
        }
        *k += produced;
        self.at = end;
        true
    }

    fn literal(&mut self, expected: char) -> bool {
        match self.rest().chars().next() {
            Some(c) if c == expected => {
                let len = c.len_utf8();
                self.spans.push(Span::Source(self.at..self.at + len));
                self.at += len;
                true
            }
            _ => false,
        }
    }

    fn plain(&mut self, value: &str) -> Option<()> {
        let value: Vec<char> = value.chars().collect();
        let mut k = 0;
        while k < value.len() {
            // A line break of the file is never a character of the value.
            if !self.take_fold(&value, &mut k) {
                if !self.literal(value[k]) {
                    return None;
                }
                k += 1;
            }
        }
        Some(())
    }

    fn quoted(&mut self, value: &str, double: bool) -> Option<()> {
        let value: Vec<char> = value.chars().collect();
        let mut k = 0;
        while k < value.len() {
            let rest = self.rest();
            if double && rest.starts_with('\\') {
                let after = &rest[1..];
                // An escaped line break joins the lines without a space.
                let broken = after
                    .strip_prefix("\r\n")
                    .or_else(|| after.strip_prefix('\n'));
                if let Some(next) = broken {
                    let indent = next.len() - next.trim_start_matches([' ', '\t']).len();
                    self.at += rest.len() - next.len() + indent;
                    continue;
                }
                let (c, len) = escape(after)?;
                if c != value[k] {
                    return None;
                }
                self.spans.push(Span::Source(self.at..self.at + 1 + len));
                self.at += 1 + len;
                k += 1;
            } else if !double && rest.starts_with("''") {
                if value[k] != '\'' {
                    return None;
                }
                self.spans.push(Span::Source(self.at..self.at + 2));
                self.at += 2;
                k += 1;
            } else if rest.starts_with(if double { '"' } else { '\'' }) {
                return None;
            } else if !self.take_fold(&value, &mut k) {
                if !self.literal(value[k]) {
                    return None;
                }
                k += 1;
            }
        }
        Some(())
    }

    fn block(&mut self, value: &str, folded: bool, indent: Option<usize>) -> Option<()> {
        let value: Vec<char> = value.chars().collect();
        let mut k = 0;
        // Unless given, the indentation of the first line with text.
        let indent = match indent {
            Some(i) => i,
            None => self.src[self.at..]
                .split('\n')
                .find(|l| !l.trim().is_empty())
                .map(|l| l.len() - l.trim_start_matches(' ').len())?,
        };
        while k < value.len() {
            // At the start of a line: blank lines, then the indentation.
            let line_end = self
                .rest()
                .find('\n')
                .map_or(self.src.len(), |i| self.at + i);
            let line = &self.src[self.at..line_end];
            // A line of spaces no longer than the indentation is blank;
            // spaces past it are text.
            if line.trim().is_empty() && line.trim_end_matches('\r').len() <= indent {
                if value[k] != '\n' {
                    return None;
                }
                self.spans
                    .push(Span::Fold(self.at..(line_end + 1).min(self.src.len())));
                self.at = (line_end + 1).min(self.src.len());
                k += 1;
                continue;
            }
            if line.len() < indent || !line.as_bytes()[..indent].iter().all(|b| *b == b' ') {
                return None;
            }
            let more_indented = line[indent..].starts_with([' ', '\t']);
            self.at += indent;
            let text_end = line_end.min(self.src.len());
            let text_end = if self.src[..text_end].ends_with('\r') {
                text_end - 1
            } else {
                text_end
            };
            while self.at < text_end && k < value.len() {
                if !self.literal(value[k]) {
                    return None;
                }
                k += 1;
            }
            if k == value.len() {
                break;
            }
            if self.at != text_end {
                return None;
            }
            // The line break: a `\n` of the value, or (folded) a space, or
            // (folded, before blank lines) nothing: the blank lines are the breaks.
            let break_end = (line_end + 1).min(self.src.len());
            let next_blank = self.src[break_end..]
                .split('\n')
                .next()
                .is_some_and(|l| l.trim().is_empty() && break_end < self.src.len());
            if folded && next_blank && !more_indented {
                self.at = break_end;
                continue;
            }
            match value[k] {
                '\n' => {}
                ' ' if folded => {}
                _ => return None,
            }
            // A break read as a space takes the next line's indentation with
            // it: deleting the span joins the lines.
            let joined = match value[k] {
                ' ' => {
                    let next = &self.src[break_end..];
                    break_end + (next.len() - next.trim_start_matches(' ').len()).min(indent)
                }
                _ => break_end,
            };
            self.spans.push(Span::Fold(self.at..joined));
            self.at = break_end;
            k += 1;
        }
        Some(())
    }
}

/// A double-quoted escape after its backslash: the character and the
/// escape's length in bytes (without the backslash).
fn escape(after: &str) -> Option<(char, usize)> {
    let c = after.chars().next()?;
    let simple = match c {
        '0' => Some('\0'),
        'a' => Some('\u{7}'),
        'b' => Some('\u{8}'),
        't' | '\t' => Some('\t'),
        'n' => Some('\n'),
        'v' => Some('\u{b}'),
        'f' => Some('\u{c}'),
        'r' => Some('\r'),
        'e' => Some('\u{1b}'),
        ' ' => Some(' '),
        '"' => Some('"'),
        '/' => Some('/'),
        '\\' => Some('\\'),
        'N' => Some('\u{85}'),
        '_' => Some('\u{a0}'),
        'L' => Some('\u{2028}'),
        'P' => Some('\u{2029}'),
        _ => None,
    };
    if let Some(s) = simple {
        return Some((s, c.len_utf8()));
    }
    let digits = match c {
        'x' => 2,
        'u' => 4,
        'U' => 8,
        _ => return None,
    };
    let hex = after.get(1..1 + digits)?;
    let code = u32::from_str_radix(hex, 16).ok()?;
    Some((char::from_u32(code)?, 1 + digits))
}

/// `text` written so that it reads back as itself inside a scalar of `style`.
pub fn escape_for(style: ScalarStyle, text: &str) -> String {
    match style {
        ScalarStyle::DoubleQuoted => text.replace('\\', "\\\\").replace('"', "\\\""),
        ScalarStyle::SingleQuoted => text.replace('\'', "''"),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::node::{Node, Value};

    /// Every string value of a YAML text mapped back onto the text.
    fn check(yaml: &str) -> Vec<ScalarStyle> {
        let root = Node::parse(yaml).unwrap();
        let lines = LineStarts::new(yaml);
        let mut styles = Vec::new();
        let mut stack = vec![&root];
        while let Some(node) = stack.pop() {
            match &node.value {
                Value::Str(s) => {
                    let at = lines.offset(yaml, node.pos.line, node.pos.column).unwrap();
                    let mapped = map(yaml, at, s)
                        .unwrap_or_else(|| panic!("cannot map {s:?} at {:?}", node.pos));
                    assert_eq!(mapped.spans.len(), s.chars().count());
                    for (span, c) in mapped.spans.iter().zip(s.chars()) {
                        if let Span::Source(r) = span {
                            let written = &yaml[r.clone()];
                            assert!(
                                written.starts_with(c) || written.starts_with(['\\', '\'']),
                                "{c:?} mapped onto {written:?}"
                            );
                        }
                    }
                    styles.push(mapped.style);
                }
                Value::Seq(items) => stack.extend(items),
                Value::Map(entries) => {
                    for (k, v) in entries {
                        stack.push(k);
                        stack.push(v);
                    }
                }
                _ => {}
            }
        }
        styles
    }

    #[test]
    fn every_style_maps_onto_its_source() {
        let yaml = "title: |\n  城东区《西宁市\n  工作要点》\nplain: 第一行,\n  第二行\n\n  第三段\n\
                    dq: \"引号\\\"内\\u4E2D，\\\n  续\"\nsq: '单''引'\nfolded: >\n  一行\n  二行\n\n  三段\n\
                    list:\n  - 甲, 乙\n  - \"丙\"\n";
        let styles = check(yaml);
        for style in [
            ScalarStyle::Plain,
            ScalarStyle::SingleQuoted,
            ScalarStyle::DoubleQuoted,
            ScalarStyle::Literal,
            ScalarStyle::Folded,
        ] {
            assert!(styles.contains(&style), "{style:?} not seen in {styles:?}");
        }
    }

    #[test]
    fn a_carriage_return_alone_is_a_line_break() {
        let text = "a: 1\rb: 甲乙\r\nc: 2\n";
        let lines = LineStarts::new(text);
        let at = lines.offset(text, 2, 5).unwrap();
        assert_eq!(&text[at..at + 3], "乙");
        assert_eq!(lines.line_column(text, at), (2, 5));
        assert_eq!(
            lines.line_column(text, lines.offset(text, 3, 1).unwrap()),
            (3, 1)
        );
    }

    #[test]
    fn offsets_and_places_agree() {
        let text = "甲乙\n丙丁戊\n";
        let lines = LineStarts::new(text);
        let at = lines.offset(text, 2, 2).unwrap();
        assert_eq!(&text[at..at + 3], "丁");
        assert_eq!(lines.line_column(text, at), (2, 2));
    }
}
