//! References to numbered parts inside a part's text: 第十六条, 第二十八条第二款,
//! 第十六条和第十七条, 第十六条至第二十条, 第五条第一款第（三）项.
//!
//! A reference is found in the plain text, resolved against the draft it is
//! written in, and given a key that names its target in the new draft's
//! terms. When an article is deleted and the ones after it renumber, "依照本法
//! 第十六条" becoming "依照本法第十五条" has the same key on both sides: the
//! inline diff sees no change of meaning and reports a reference edit, not a
//! modification. A reference that now points at a different part keeps
//! different keys: a real modification.
//!
//! Only references that name an article are resolved; those relative to the
//! article they sit in (本条第一款, 前款, 第二项) keep their wording whatever
//! happens around them, and references to another law (刑法第十六条,
//! 《……》第五条) are left alone.

use std::collections::HashMap;

use super::align::{Matching, Node};
use crate::model::Level;
use crate::numbering::Number;
use crate::numbering::numerals::parse_chinese;

/// One reference in a text: its byte span and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    /// The article (第十六条, 第一百二十条之一), if named.
    pub article: Option<Number>,
    /// The paragraph of the article (第二款).
    pub clause: Option<u32>,
    /// The item (第（三）项) and sub-item (第二目).
    pub item: Option<u32>,
    pub subitem: Option<u32>,
    /// Whether it names a part of this draft (本法第十六条, 依照第十六条),
    /// not of another law (刑法第十六条).
    pub internal: bool,
    /// Whether it is read from the part it sits in: 前款第二项, 本条第一款.
    pub relative: bool,
}

const NUMERALS: &str = "零〇一二三四五六七八九十百千两";
/// Names a document ends with when a reference is to it: 刑法第十六条.
const DOCUMENT_ENDINGS: [&str; 12] = [
    "法", "条例", "规定", "办法", "决定", "解释", "细则", "规则", "通则", "章程", "意见", "措施",
];
/// What joins the references of a list: 第十六条、第十七条和第二十条.
const JOINERS: [&str; 8] = ["、", "和", "及", "或", "至", "到", "以及", "或者"];

/// Reads `第` + numeral (or `第（numeral）`) + unit at `at`; returns the
/// number, the unit and the byte length.
fn numbered_unit(text: &str, at: usize) -> Option<(u32, char, usize)> {
    let rest = text[at..].strip_prefix('第')?;
    let (inner, bracketed) = match rest.strip_prefix('（') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let digits = inner
        .char_indices()
        .find(|(_, c)| !NUMERALS.contains(*c))
        .map_or(inner.len(), |(i, _)| i);
    let value = u32::try_from(parse_chinese(&inner[..digits])?).ok()?;
    let mut after = &inner[digits..];
    if bracketed {
        after = after.strip_prefix('）')?;
    }
    let unit = after.chars().next()?;
    if !"条款项目".contains(unit) {
        return None;
    }
    let len = text.len() - at - after.len() + unit.len_utf8();
    Some((value, unit, len))
}

/// The references in a plain text, in order.
pub fn find(text: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find('第') {
        let start = at + found;
        let mut r = Reference {
            start,
            end: start,
            article: None,
            clause: None,
            item: None,
            subitem: None,
            internal: true,
            relative: false,
        };
        // 第X条之Y, then 第Y款, 第（Z）项, 第W目, in that order.
        let mut rank = 0;
        while let Some((value, unit, len)) = numbered_unit(text, r.end) {
            let this = match unit {
                '条' => 1,
                '款' => 2,
                '项' => 3,
                _ => 4,
            };
            if this <= rank {
                break;
            }
            rank = this;
            r.end += len;
            match unit {
                '条' => {
                    let mut number = Number {
                        ordinal: value,
                        sub: 0,
                    };
                    if let Some(rest) = text[r.end..].strip_prefix('之') {
                        let digits = rest
                            .char_indices()
                            .find(|(_, c)| !NUMERALS.contains(*c))
                            .map_or(rest.len(), |(i, _)| i);
                        if let Some(sub) = parse_chinese(&rest[..digits])
                            .and_then(|s| u32::try_from(s).ok())
                            .filter(|_| digits > 0)
                        {
                            number.sub = sub;
                            r.end += '之'.len_utf8() + digits;
                        }
                    }
                    r.article = Some(number);
                }
                '款' => r.clause = Some(value),
                '项' => r.item = Some(value),
                _ => r.subitem = Some(value),
            }
        }
        if r.end == start {
            at = start + '第'.len_utf8();
            continue;
        }
        r.internal = internal(text, start, out.last());
        r.relative = r.article.is_none() && text[..start].ends_with(['款', '条', '该', '本', '前']);
        at = r.end;
        out.push(r);
    }
    out
}

/// Whether the reference starting at `start` names a part of this draft:
/// 本法第十六条 and a bare 第十六条 do; 刑法第十六条 and 《……》第十六条 do
/// not; in a list (第十六条、第十七条) each is what the first is.
fn internal(text: &str, start: usize, previous: Option<&Reference>) -> bool {
    let before = &text[..start];
    if let Some(p) = previous {
        let between = &text[p.end..start];
        if JOINERS.contains(&between) {
            return p.internal;
        }
    }
    if before.ends_with('》') {
        return false;
    }
    // 本法, 本条例, 本办法: this draft; any other name (刑法): another
    // document. 办法 also ends in 法, so every ending that fits is tried.
    let mut endings = DOCUMENT_ENDINGS
        .iter()
        .filter(|e| before.ends_with(*e))
        .peekable();
    if endings.peek().is_none() {
        return true;
    }
    endings.any(|ending| before[..before.len() - ending.len()].ends_with('本'))
}

/// Finds the parts a reference names in one draft: articles by number, items
/// and sub-items by number under them.
pub struct Resolver {
    articles: HashMap<Number, usize>,
    /// An outline draft's second-level parts by number, where each number is
    /// used once in the whole text (items numbered through it): 本措施第（三）项.
    outline_items: HashMap<u32, Option<usize>>,
    /// (parent node, level, ordinal) → node.
    children: HashMap<(usize, Level, u32), usize>,
}

/// What a reference names, as nodes of its draft: the article, the paragraph
/// number, and the item or sub-item node if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub article: usize,
    pub clause: Option<u32>,
    pub part: Option<usize>,
}

impl Resolver {
    pub fn new(nodes: &[Node]) -> Resolver {
        let mut articles = HashMap::new();
        let mut children = HashMap::new();
        let mut outline_items: HashMap<u32, Option<usize>> = HashMap::new();
        for (i, node) in nodes.iter().enumerate() {
            let Some(number) = node.section.number else {
                continue;
            };
            if node.section.level == Level::Article {
                articles.entry(number).or_insert(i);
            }
            if node.section.level == Level::Outline(2) && number.sub == 0 {
                // A number used twice names no one part.
                outline_items
                    .entry(number.ordinal)
                    .and_modify(|seen| *seen = None)
                    .or_insert(Some(i));
            }
            if let Some(p) = node.parent
                && number.sub == 0
            {
                children
                    .entry((p, node.section.level, number.ordinal))
                    .or_insert(i);
            }
        }
        Resolver {
            articles,
            children,
            outline_items,
        }
    }

    /// The target of an internal reference that names an article (or, in an
    /// outline draft, an item numbered through the whole text); `None` if the
    /// draft has no such part.
    pub fn resolve(&self, r: &Reference) -> Option<Target> {
        if !r.internal {
            return None;
        }
        // An outline draft's item, by a number used once in the whole text.
        if r.article.is_none() {
            if !self.articles.is_empty() || r.relative || r.clause.is_some() || r.subitem.is_some()
            {
                return None;
            }
            let node = (*self.outline_items.get(&r.item?)?)?;
            return Some(Target {
                article: node,
                clause: None,
                part: None,
            });
        }
        let article = *self.articles.get(&r.article?)?;
        let mut part = None;
        if let Some(item) = r.item {
            let at = *self.children.get(&(article, Level::Item, item))?;
            part = Some(at);
            if let Some(sub) = r.subitem {
                part = Some(*self.children.get(&(at, Level::SubItem, sub))?);
            }
        }
        Some(Target {
            article,
            clause: r.clause,
            part,
        })
    }
}

/// A text cut into diff tokens, each with the key it is compared by: its
/// text, or for a resolved reference the target it names.
pub struct Keyed<'a> {
    pub tokens: Vec<&'a str>,
    pub keys: Vec<String>,
    /// Which tokens are references resolved to a target.
    pub reference: Vec<bool>,
}

/// Tokens of `text` with a reference kept whole as one token, keyed by
/// `key` (given its target); other tokens keyed by their text.
pub fn keyed<'a>(text: &'a str, resolver: &Resolver, key: impl Fn(Target) -> String) -> Keyed<'a> {
    let mut out = Keyed {
        tokens: Vec::new(),
        keys: Vec::new(),
        reference: Vec::new(),
    };
    let push_plain = |out: &mut Keyed<'a>, piece: &'a str| {
        for t in super::tokens::tokenize(piece) {
            out.tokens.push(t);
            out.keys.push(t.to_string());
            out.reference.push(false);
        }
    };
    let mut at = 0;
    for r in find(text) {
        push_plain(&mut out, &text[at..r.start]);
        let token = &text[r.start..r.end];
        out.tokens.push(token);
        match resolver.resolve(&r) {
            Some(target) => {
                out.keys.push(key(target));
                out.reference.push(true);
            }
            None => {
                out.keys.push(token.to_string());
                out.reference.push(false);
            }
        }
        at = r.end;
    }
    push_plain(&mut out, &text[at..]);
    out
}

/// References resolved in both drafts, keyed in the new draft's terms.
pub(super) struct Both<'m> {
    old: Resolver,
    new: Resolver,
    matching: &'m Matching,
}

impl<'m> Both<'m> {
    pub(super) fn new(old: &[Node], new: &[Node], matching: &'m Matching) -> Both<'m> {
        Both {
            old: Resolver::new(old),
            new: Resolver::new(new),
            matching,
        }
    }

    /// The inline diff of two texts of a matched part, references compared
    /// by the parts they name.
    pub(super) fn diff(&self, old: &str, new: &str) -> Vec<super::inline::InlineOp> {
        if !old.contains('第') && !new.contains('第') {
            return super::inline::diff(old, new);
        }
        let key = |article: String, clause: Option<u32>, part: String| {
            format!("\u{1F}{article}:{clause:?}:{part}")
        };
        // An old part is named by its partner in the new draft, if it has one.
        let partner = |o: usize| {
            self.matching.old_to_new[o].map_or_else(|| format!("old{o}"), |n| n.to_string())
        };
        let old = keyed(old, &self.old, |t| {
            key(
                partner(t.article),
                t.clause,
                t.part.map(partner).unwrap_or_default(),
            )
        });
        let new = keyed(new, &self.new, |t| {
            key(
                t.article.to_string(),
                t.clause,
                t.part.map(|p| p.to_string()).unwrap_or_default(),
            )
        });
        super::inline::diff_keyed(&old, &new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, bool)> {
        find(text)
            .iter()
            .map(|r| (&text[r.start..r.end], r.internal))
            .collect()
    }

    #[test]
    fn references_are_found_whole_and_told_internal_or_not() {
        assert_eq!(
            spans("依照本法第十六条和第十七条的规定"),
            [("第十六条", true), ("第十七条", true)]
        );
        assert_eq!(
            spans("违反本条例第二十八条第二款第（三）项规定的"),
            [("第二十八条第二款第（三）项", true)]
        );
        assert_eq!(
            spans("依照刑法第一百二十条之一、第一百二十条之二的规定"),
            [("第一百二十条之一", false), ("第一百二十条之二", false)]
        );
        assert_eq!(spans("违反本办法第九十条"), [("第九十条", true)]);
        assert_eq!(spans("依照管理办法第九条"), [("第九条", false)]);
        assert_eq!(
            spans("《中华人民共和国行政处罚法》第五条"),
            [("第五条", false)]
        );
        // Relative to the article it sits in: kept whole, never resolved.
        assert_eq!(spans("前款第二项"), [("第二项", true)]);
        assert_eq!(find("前款第二项")[0].article, None);
        assert_eq!(spans("第一次会议"), []);
        assert_eq!(
            spans("第十六条至第二十条"),
            [("第十六条", true), ("第二十条", true)]
        );
        let r = &find("第一百二十条之一第二款")[0];
        assert_eq!(
            r.article,
            Some(Number {
                ordinal: 120,
                sub: 1
            })
        );
        assert_eq!(r.clause, Some(2));
    }
}
