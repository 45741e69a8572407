//! A YAML document as a tree of nodes, each with the line and column it came
//! from. The schema check walks this tree itself instead of deriving
//! `Deserialize` for the model, so every message can say what was expected in
//! the author's terms and point at the exact value.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

mod events;

/// The most YAML values (scalars, lists, mappings) one file may hold. The
/// Civil Code, 1,260 articles, is about 6,000; a draft of 20,000 parts with
/// items about 100,000.
pub const MAX_NODES: usize = 2_000_000;
/// The deepest nesting of lists and mappings one file may hold (a draft needs
/// about three per level of parts, and has at most seven levels).
pub const MAX_DEPTH: usize = 64;
/// Anchors (`&name`), and aliases (`*name`), in one file.
pub const MAX_ALIASES: usize = 10_000;

/// A position in a source file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// One YAML node with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// The value of a YAML node.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i128),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// How the value is described to an author: "a list", "text" …
    pub fn describe(&self) -> String {
        match self {
            Value::Null => crate::tr!("load-value-null"),
            Value::Bool(_) => crate::tr!("load-value-bool"),
            Value::Int(_) | Value::Float(_) => crate::tr!("load-value-number"),
            Value::Str(_) => crate::tr!("load-value-text"),
            Value::Seq(_) => crate::tr!("load-value-list"),
            Value::Map(_) => crate::tr!("load-value-mapping"),
        }
    }
}

impl Node {
    /// Parses YAML text into a node tree, within [`MAX_NODES`] values and
    /// [`MAX_DEPTH`] levels of nesting (and the library's limits on aliases).
    pub fn parse(text: &str) -> Result<Node, serde_saphyr::Error> {
        match Node::parse_from_events(text) {
            Some(node) => Ok(node),
            None => Node::parse_by_serde(text),
        }
    }

    /// [`Node::parse`]'s quick path: the common YAML of a draft built straight
    /// from the parser's events, or `None` for what it leaves to
    /// [`Node::parse_by_serde`] (see `events`).
    pub fn parse_from_events(text: &str) -> Option<Node> {
        events::build(text)
    }

    /// [`Node::parse`] through serde: every file the quick path leaves, and
    /// the messages of every file that has something wrong.
    pub fn parse_by_serde(text: &str) -> Result<Node, serde_saphyr::Error> {
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! {
                max_nodes: MAX_NODES,
                max_events: MAX_NODES * 3,
                max_depth: MAX_DEPTH,
                flow_nesting_limit: MAX_DEPTH,
                // A draft has no need of anchors and aliases; these bounds
                // leave room for a hand-written few and refuse a "billion
                // laughs" long before it has cost anything.
                max_anchors: MAX_ALIASES,
                max_aliases: MAX_ALIASES,
                max_recorded_anchor_events: MAX_NODES / 20,
            },
            // Snippets are ours to draw, so ask for the bare message.
            with_snippet: false,
            // `1e999999` is then a number like any other, refused where text
            // is expected with advice to quote it, not a policy error.
            non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
        };
        serde_saphyr::from_str_with_options::<Node>(text, options)
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(deserializer)?;
        let loc = spanned.referenced;
        Ok(Node {
            value: spanned.value,
            pos: Pos {
                line: loc.line().min(u32::MAX as u64) as u32,
                column: loc.column().min(u32::MAX as u64) as u32,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v as i128))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Int(v as i128))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Int(v))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Int(i128::try_from(v).unwrap_or(i128::MAX)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Str(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let node = Node::parse("title: 标题\nparts:\n  - text: 正文\n").unwrap();
        let Value::Map(entries) = &node.value else {
            panic!("not a map: {node:?}")
        };
        assert_eq!(entries[0].0.pos, Pos { line: 1, column: 1 });
        assert_eq!(entries[0].1.pos, Pos { line: 1, column: 8 });
        let Value::Seq(parts) = &entries[1].1.value else {
            panic!()
        };
        let Value::Map(part) = &parts[0].value else {
            panic!()
        };
        assert_eq!(part[0].0.pos, Pos { line: 3, column: 5 });
        assert_eq!(part[0].1.value, Value::Str("正文".into()));
        assert_eq!(
            part[0].1.pos,
            Pos {
                line: 3,
                column: 11
            }
        );
    }
}
