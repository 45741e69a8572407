//! References to a part by its id, written in any text of a draft:
//! `[[art-funding]]`, or `[[art-funding|款2]]` for its second paragraph. The
//! number is derived, so the reference prints as the part's label in the
//! document's style (第十二条, 第十二条第二款, 第二部分第（三）项) and follows the
//! part when the parts before it change.

/// One `[[id]]` in a text: its byte span, the id and the paragraph (款) named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link<'a> {
    pub start: usize,
    pub end: usize,
    pub id: &'a str,
    pub clause: Option<u32>,
}

/// What is wrong with a `[[…]]` that is not a reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLink {
    pub start: usize,
    pub end: usize,
    pub why: BadLinkWhy,
}

/// Why a `[[…]]` is not a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadLinkWhy {
    /// The id holds a character no id may hold.
    Id,
    /// What follows `|` is not a 款.
    Clause,
}

impl BadLinkWhy {
    /// The reason, as a message says it.
    pub fn say(self) -> String {
        match self {
            BadLinkWhy::Id => crate::tr!("load-link-bad-id"),
            BadLinkWhy::Clause => crate::tr!("load-link-bad-clause"),
        }
    }
}

/// Whether a character may be part of an id (as the loader checks ids).
pub fn is_id_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The `[[…]]` references of a text, in order; a `[[…]]` that is not one
/// (bad id, bad 款) is returned as a problem.
pub fn links(text: &str) -> Vec<Result<Link<'_>, BadLink>> {
    let mut out = Vec::new();
    // Code spans (`…`) hold text as written, references too.
    let mut code = Vec::new();
    let mut ticks = text.match_indices('`').map(|(i, _)| i);
    while let (Some(a), Some(b)) = (ticks.next(), ticks.next()) {
        code.push(a..b);
    }
    let mut at = 0;
    while let Some(found) = text[at..].find("[[") {
        let start = at + found;
        if let Some(span) = code.iter().find(|r| r.contains(&start)) {
            at = span.end;
            continue;
        }
        let inner_start = start + 2;
        let Some(close) = text[inner_start..].find("]]") else {
            break;
        };
        let inner = &text[inner_start..inner_start + close];
        let end = inner_start + close + 2;
        at = end;
        // `[[` inside a longer run of brackets is Markdown, not ours.
        if inner.contains(['[', '\n']) {
            at = inner_start;
            continue;
        }
        let (id, rest) = match inner.split_once('|') {
            Some((id, rest)) => (id.trim(), Some(rest.trim())),
            None => (inner.trim(), None),
        };
        if id.is_empty() || !id.chars().all(is_id_char) {
            out.push(Err(BadLink {
                start,
                end,
                why: BadLinkWhy::Id,
            }));
            continue;
        }
        let clause = match rest {
            None => None,
            Some(rest) => match clause_number(rest) {
                Some(n) => Some(n),
                None => {
                    out.push(Err(BadLink {
                        start,
                        end,
                        why: BadLinkWhy::Clause,
                    }));
                    continue;
                }
            },
        };
        out.push(Ok(Link {
            start,
            end,
            id,
            clause,
        }));
    }
    out
}

/// The text with every `[[…]]` that [`links`] would read (a reference, or
/// one it refuses) written as text: its brackets escaped, as Markdown that
/// shows `[[…]]` reads them. For Markdown from elsewhere, where `[[…]]` is
/// text and means nothing.
pub fn escape_links(text: &str) -> String {
    let found = links(text);
    if found.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4 * found.len());
    let mut at = 0;
    for (start, end) in found.iter().map(|l| match l {
        Ok(l) => (l.start, l.end),
        Err(b) => (b.start, b.end),
    }) {
        out.push_str(&text[at..start]);
        out.push_str("\\[\\[");
        out.push_str(&text[start + 2..end - 2]);
        out.push_str("\\]\\]");
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// `款2`, `款二`, `第二款`: the paragraph number, from 1.
fn clause_number(text: &str) -> Option<u32> {
    let text = text.trim();
    let digits = text
        .strip_prefix('款')
        .or_else(|| text.strip_prefix('第').and_then(|t| t.strip_suffix('款')))?
        .trim();
    let n = match digits.parse::<u32>() {
        Ok(n) => n,
        Err(_) => small_chinese(digits)?,
    };
    (n >= 1).then_some(n)
}

/// A Chinese numeral below one hundred: 二, 十二, 二十, 二十三.
fn small_chinese(text: &str) -> Option<u32> {
    let digit = |c: char| {
        "一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|i| i as u32 + 1)
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [d] => digit(*d).or((*d == '十').then_some(10)),
        ['十', d] => Some(10 + digit(*d)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', d] => Some(10 * digit(*t)? + digit(*d)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_by_id_are_read_with_their_paragraph() {
        let text = "依照[[art-funding]]和[[资金|款2]]、[[x|第三款]]的规定";
        let found: Vec<_> = links(text).into_iter().map(|l| l.unwrap()).collect();
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].id, "art-funding");
        assert_eq!(&text[found[0].start..found[0].end], "[[art-funding]]");
        assert_eq!((found[1].id, found[1].clause), ("资金", Some(2)));
        assert_eq!(found[2].clause, Some(3));
        assert!(links("[[a b]]")[0].is_err());
        assert!(links("[[a|款零]]")[0].is_err());
        assert!(links("数组[[1], [2]]").is_empty());
        assert!(links("没有引用").is_empty());
        assert!(links("代码 `[[x]]` 照印").is_empty());
    }

    #[test]
    fn escaped_references_are_no_references_and_show_as_typed() {
        let text = "依照[[注释]]与[[a b]]，`[[x]]`照印";
        let escaped = escape_links(text);
        assert!(links(&escaped).is_empty(), "{escaped}");
        assert_eq!(crate::text::to_plain(&escaped), text.replace('`', ""));
    }
}
