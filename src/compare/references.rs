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
pub use crate::numbering::references::{Reference, find};

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
