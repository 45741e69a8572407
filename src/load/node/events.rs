//! The common YAML of a draft, built into nodes straight from the parser's
//! events. serde's path through `Spanned` wraps every value in a mapping of
//! its own and was two thirds of the Civil Code's parse; this one reads the
//! same events once.
//!
//! It builds only what it can build exactly as [`Node::parse`]'s serde path
//! does, and gives up (`None`) on anything else: a syntax error, a tag, an
//! anchor or alias, a merge key, a second document, a file past the bounds.
//! The serde path then reads the file and says what it says, so the nodes,
//! the limits and every message are the same either way (`tests/yaml_events.rs`
//! holds the two paths to that on every YAML file of the project, the corpus
//! imported, and generated documents).

use granit_parser::{Event, Parser, ScalarStyle, Span};

use super::{MAX_DEPTH, MAX_NODES, Node, Pos, Value};

/// The file's one document as nodes, or `None` where the serde path must read it.
pub(super) fn build(text: &str) -> Option<Node> {
    // Well inside serde's bounds (its 64 MiB of scalars, its count of
    // nodes), so that it is serde that says a file is too large.
    if text.len() > 16 * 1024 * 1024 {
        return None;
    }
    let mut open: Vec<Open> = Vec::new();
    let mut root = None;
    let mut nodes = 0usize;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.ok()?;
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => continue,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() {
                    return None;
                }
                // `<<: *base` merges a mapping in; the serde path does that.
                if style == ScalarStyle::Plain
                    && value == "<<"
                    && matches!(open.last(), Some(Open::Map(_, _, None)))
                {
                    return None;
                }
                Node {
                    value: scalar(&value, style)?,
                    pos: pos(&span),
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || open.len() >= MAX_DEPTH {
                    return None;
                }
                nodes += 1;
                open.push(if matches!(event, Event::SequenceStart(..)) {
                    Open::Seq(pos(&span), Vec::new())
                } else {
                    Open::Map(pos(&span), Vec::new(), None)
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match open.pop()? {
                Open::Seq(pos, items) => Node {
                    value: Value::Seq(items),
                    pos,
                },
                Open::Map(pos, entries, None) if distinct_scalar_keys(&entries) => Node {
                    value: Value::Map(entries),
                    pos,
                },
                Open::Map(..) => return None,
            },
            Event::Alias(..) | Event::UnresolvedAlias(..) | Event::Anchor(..) => return None,
            // Comments: presentation, no node.
            _ => continue,
        };
        nodes += 1;
        if nodes > MAX_NODES / 2 {
            return None;
        }
        match open.last_mut() {
            None => root = Some(node),
            Some(Open::Seq(_, items)) => items.push(node),
            Some(Open::Map(_, entries, key)) => match key.take() {
                None => *key = Some(node),
                Some(k) => entries.push((k, node)),
            },
        }
    }
    root
}

/// A list or mapping being read: where it starts and what it has so far (a
/// mapping's key waiting for its value).
enum Open {
    Seq(Pos, Vec<Node>),
    Map(Pos, Vec<(Node, Node)>, Option<Node>),
}

/// Whether every key of a mapping is a scalar, each written once: serde
/// refuses a key written twice, and reads a list or mapping as a key by rules
/// of its own. Keys are told apart by their text (`on` and `true` are the same
/// truth value, and alike here), so a pair serde might take as one is left to it.
fn distinct_scalar_keys(entries: &[(Node, Node)]) -> bool {
    let mut keys = Vec::with_capacity(entries.len());
    for (key, _) in entries {
        keys.push(match &key.value {
            Value::Str(text) => std::borrow::Cow::Borrowed(text.as_str()),
            Value::Null => "~".into(),
            Value::Bool(b) => b.to_string().into(),
            Value::Int(n) => n.to_string().into(),
            Value::Float(x) => x.to_string().into(),
            Value::Seq(_) | Value::Map(_) => return false,
        });
    }
    keys.sort_unstable();
    keys.windows(2).all(|pair| pair[0] != pair[1])
}

/// Where a node starts, as the serde path gives it: 1-based line and column.
fn pos(span: &Span) -> Pos {
    let start = span.start;
    Pos {
        line: u32::try_from(start.line()).unwrap_or(u32::MAX),
        column: u32::try_from(start.col() + 1).unwrap_or(u32::MAX),
    }
}

/// A scalar's value as the serde path resolves an untagged one: quoted and
/// block scalars are text; a plain one is null, a truth value or a number
/// where YAML reads it so, else text. A plain scalar that could be other than
/// text (ASCII, starting like a number or spelling a word YAML reads) is
/// resolved by the serde path itself, alone, so the rules are its own.
fn scalar(value: &str, style: ScalarStyle) -> Option<Value> {
    if style != ScalarStyle::Plain {
        return Some(Value::Str(value.to_string()));
    }
    if matches!(value, "" | "~" | "null" | "Null" | "NULL") {
        return Some(Value::Null);
    }
    if !may_not_be_text(value) {
        return Some(Value::Str(value.to_string()));
    }
    Node::parse_by_serde(value).ok().map(|node| node.value)
}

/// Whether a plain scalar might resolve to other than text.
fn may_not_be_text(value: &str) -> bool {
    const WORDS: [&str; 12] = [
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "inf", "infinity", "nan",
    ];
    value.is_ascii()
        && (value.starts_with(|c: char| c.is_ascii_digit() || "+-.~".contains(c))
            || WORDS.iter().any(|w| w.eq_ignore_ascii_case(value)))
}
