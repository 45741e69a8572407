//! The part tree of a draft: the top-level `parts` list (with `include:`),
//! each part's level from its parent and the numbering style, its text and
//! its sub-parts.

use std::collections::HashMap;

use super::{Checker, Includer, KeyPlace, SourceFile, TextKey};
use crate::load::node::{Node, Value};
use crate::model::{Block, Level, Numbering, Part, PartId, Style};

impl Checker {
    /// The file an `include:` names, or, when it names none, its error told.
    pub(super) fn include_name<'n>(
        &mut self,
        file: &SourceFile,
        target: &'n Node,
    ) -> Option<&'n str> {
        match &target.value {
            Value::Str(name) => Some(name),
            _ => {
                self.type_error(
                    file,
                    target,
                    "include",
                    &crate::tr!("load-expected-file-name"),
                    "",
                );
                None
            }
        }
    }

    /// The top-level `parts` list, where `include:` entries are allowed.
    pub(super) fn top_parts(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        includer: &mut dyn Includer,
    ) -> Vec<Part> {
        let Some(items) = self.part_list(file, node) else {
            return Vec::new();
        };
        let mut parts = Vec::new();
        for item in items {
            if let Some(target) = include_target(item) {
                let Some(target) = self.include_name(file, target) else {
                    continue;
                };
                match includer.include(file, target, item.pos) {
                    Ok((included, root)) => {
                        let list: Vec<Node> = match root.value {
                            Value::Seq(items) => items,
                            _ => vec![root],
                        };
                        for entry in &list {
                            if let Some(p) = self.part(&included, entry, numbering, Parent::Top) {
                                parts.push(p);
                            }
                        }
                    }
                    Err(diags) => self.diagnostics.extend(diags),
                }
                continue;
            }
            if let Some(p) = self.part(file, item, numbering, Parent::Top) {
                parts.push(p);
            }
        }
        parts
    }

    /// One part; `parent` decides its level.
    fn part(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        parent: Parent,
    ) -> Option<Part> {
        let entries: Vec<(Node, Node)> = match &node.value {
            // A bare string is a part that is one paragraph (an article, an item).
            Value::Str(_) => vec![(
                Node {
                    value: Value::Str("text".into()),
                    pos: node.pos,
                },
                node.clone(),
            )],
            Value::Map(entries) => entries.clone(),
            Value::Null => {
                self.error(
                    file,
                    node.pos,
                    crate::tr!("load-empty-part"),
                    &crate::tr!(
                        "load-empty-part-dash-help",
                        heading = self.shown("heading"),
                        text = self.shown("text"),
                        parts = self.shown("part.parts")
                    ),
                );
                return None;
            }
            _ => {
                self.error(
                    file,
                    node.pos,
                    crate::tr!(
                        "load-part-not-mapping",
                        heading = self.shown("heading"),
                        text = self.shown("text"),
                        parts = self.shown("part.parts"),
                        found = node.value.describe()
                    ),
                    "",
                );
                return None;
            }
        };
        let keys = self.keys(file, &entries, KeyPlace::Part);
        let outer = self.current_part.replace(self.parts_met);
        self.parts_met += 1;
        let part = self.part_body(file, node, &keys, numbering, parent);
        self.current_part = outer;
        part
    }

    /// The rest of [`Checker::part`], with the part's keys read.
    fn part_body(
        &mut self,
        file: &SourceFile,
        node: &Node,
        keys: &HashMap<&str, &Node>,
        numbering: &Numbering,
        parent: Parent,
    ) -> Option<Part> {
        // A part whose only key was mistyped is told of the key, not also
        // that it is empty.
        let mistyped = ["heading", "text", "parts"]
            .iter()
            .any(|k| self.suggested.contains(k));
        if let Some(include) = keys.get("include") {
            self.error(
                file,
                include.pos,
                crate::tr!(
                    "load-include-not-here",
                    include = self.shown("include"),
                    parts = self.shown("parts")
                ),
                &crate::tr!("load-include-not-here-help", parts = self.shown("parts")),
            );
        }
        let heading = keys
            .get("heading")
            .and_then(|n| self.text(file, n, TextKey::Heading));
        let level = self.level(file, node, keys, heading.is_some(), numbering.style, parent)?;
        let mut part = Part::new(level);
        part.origin = file.origin(node.pos);
        part.heading = heading;
        if let Some(id_node) = keys.get("id") {
            part.id = self.id(file, id_node);
        }
        part.run_in = match keys.get("run-in") {
            Some(n) => self.boolean(file, n, "run-in").unwrap_or(false),
            None => default_run_in(level),
        };
        if let Some(n) = keys.get("numbered") {
            part.numbered = self.boolean(file, n, "numbered").unwrap_or(true);
        }
        if let Some(n) = keys.get("sub") {
            part.sub = self.boolean(file, n, "sub").unwrap_or(false);
        }
        part.body = self.body(file, keys, numbering, Parent::Part(level));
        let has_content = keys.contains_key("text") || keys.contains_key("parts");
        if part.heading.is_none() && !has_content {
            if mistyped {
                return Some(part);
            }
            self.error(
                file,
                node.pos,
                crate::tr!("load-empty-part"),
                &crate::tr!(
                    "load-empty-part-help",
                    heading = self.shown("heading"),
                    text = self.shown("text"),
                    parts = self.shown("part.parts")
                ),
            );
        } else if level.is_division()
            && !has_entries(keys.get("parts").copied())
            && !has_entries(keys.get("text").copied())
            && !matches!(
                keys.get("text"),
                Some(Node {
                    value: Value::Str(_),
                    ..
                })
            )
        {
            self.error(
                file,
                node.pos,
                crate::tr!(
                    "load-division-empty",
                    level = level.name(),
                    heading = part.heading.as_deref().unwrap_or("")
                ),
                &crate::tr!(
                    "load-division-empty-help",
                    heading = self.shown("heading"),
                    text = self.shown("text"),
                    parts = self.shown("part.parts")
                ),
            );
        }
        Some(part)
    }

    /// The level of a part from its parent, its keys and the numbering style.
    fn level(
        &mut self,
        file: &SourceFile,
        node: &Node,
        keys: &HashMap<&str, &Node>,
        has_heading: bool,
        style: Style,
        parent: Parent,
    ) -> Option<Level> {
        let kind = match keys.get("kind") {
            None => None,
            Some(k) => {
                let name = self.string(file, k, "kind", "")?;
                match Level::parse(Style::Articles, &name).filter(|l| l.is_division()) {
                    Some(level) if style == Style::Articles => Some((level, k.pos)),
                    Some(_) => {
                        self.error(
                            file,
                            k.pos,
                            crate::tr!("load-kind-not-articles", kind = self.shown("kind")),
                            &crate::tr!(
                                "load-kind-not-articles-help",
                                kind = self.shown("kind"),
                                style = self.shown("style"),
                                articles = if self.chinese_keys {
                                    Style::Articles.chinese()
                                } else {
                                    Style::Articles.name()
                                }
                            ),
                        );
                        return None;
                    }
                    None => {
                        self.error(
                            file,
                            k.pos,
                            crate::tr!("load-unknown-kind", name = name),
                            &crate::tr!("load-unknown-kind-help"),
                        );
                        return None;
                    }
                }
            }
        };
        match style {
            Style::Outline => {
                let depth = match parent {
                    Parent::Top => 1,
                    Parent::Part(Level::Outline(n)) => n + 1,
                    Parent::Part(_) => 1,
                };
                if depth > 4 {
                    self.error(
                        file,
                        node.pos,
                        crate::tr!("load-outline-too-deep"),
                        &crate::tr!("load-outline-too-deep-help", text = self.shown("text")),
                    );
                    return None;
                }
                Some(Level::Outline(depth))
            }
            Style::Articles => {
                let in_divisions = match parent {
                    Parent::Top => true,
                    Parent::Part(l) => l.is_division(),
                };
                if in_divisions && (has_heading || kind.is_some()) {
                    let level = match kind {
                        Some((level, _)) => level,
                        None => match parent {
                            Parent::Top
                            | Parent::Part(Level::Book)
                            | Parent::Part(Level::SubBook) => Level::Chapter,
                            Parent::Part(Level::Chapter) => Level::Section,
                            Parent::Part(_) => {
                                self.error(
                                    file,
                                    node.pos,
                                    crate::tr!("load-division-below-section"),
                                    &crate::tr!(
                                        "load-division-below-section-help",
                                        text = self.shown("text")
                                    ),
                                );
                                return None;
                            }
                        },
                    };
                    if let Parent::Part(p) = parent
                        && level.rank() <= p.rank()
                    {
                        self.error(
                            file,
                            node.pos,
                            crate::tr!(
                                "load-level-inside",
                                level = level.name(),
                                parent = p.name()
                            ),
                            &crate::tr!("load-level-inside-help", kind = self.shown("kind")),
                        );
                        return None;
                    }
                    return Some(level);
                }
                if let Some((_, pos)) = kind {
                    self.error(
                        file,
                        pos,
                        crate::tr!("load-kind-not-division", kind = self.shown("kind")),
                        &crate::tr!("load-kind-not-division-help", kind = self.shown("kind")),
                    );
                    return None;
                }
                let level = match parent {
                    Parent::Top => Level::Article,
                    Parent::Part(l) if l.is_division() => Level::Article,
                    Parent::Part(Level::Article) => Level::Item,
                    Parent::Part(Level::Item) => Level::SubItem,
                    Parent::Part(_) => {
                        self.error(
                            file,
                            node.pos,
                            crate::tr!("load-articles-too-deep"),
                            &crate::tr!("load-articles-too-deep-help", text = self.shown("text")),
                        );
                        return None;
                    }
                };
                if has_heading {
                    let pos = keys.get("heading").map_or(node.pos, |n| n.pos);
                    self.error(
                        file,
                        pos,
                        crate::tr!("load-article-heading", level = level.name()),
                        &crate::tr!("load-article-heading-help", text = self.shown("text")),
                    );
                    return None;
                }
                Some(level)
            }
        }
    }

    fn id(&mut self, file: &SourceFile, node: &Node) -> Option<PartId> {
        let id = match &node.value {
            Value::Str(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            _ => {
                self.type_error(
                    file,
                    node,
                    "id",
                    &crate::tr!("load-expected-short-name"),
                    &crate::tr!("load-expected-short-name-help"),
                );
                return None;
            }
        };
        if id.is_empty() || !id.chars().all(crate::text::links::is_id_char) {
            self.error(
                file,
                node.pos,
                crate::tr!("load-bad-id", id = &id),
                &crate::tr!("load-bad-id-help"),
            );
            return None;
        }
        if let Some((first_file, first_pos)) = self.ids.get(&id) {
            let help = crate::tr!(
                "load-duplicate-id-help",
                id = &id,
                file = crate::paths::shown(first_file).to_string(),
                line = first_pos.line,
                column = first_pos.column
            );
            self.error(
                file,
                node.pos,
                crate::tr!("load-duplicate-id", id = &id),
                &help,
            );
            return None;
        }
        self.ids.insert(id.clone(), (file.path.clone(), node.pos));
        Some(PartId(id))
    }

    /// A part's or an attachment's body: its `text:` (paragraphs, and
    /// `table:` and `parts:` entries among them), then its `parts:`.
    pub(super) fn body(
        &mut self,
        file: &SourceFile,
        keys: &HashMap<&str, &Node>,
        numbering: &Numbering,
        parent: Parent,
    ) -> Vec<Block> {
        let mut body = Vec::new();
        if let Some(text) = keys.get("text") {
            self.body_text(file, text, numbering, parent, &mut body);
        }
        if let Some(parts) = keys.get("parts") {
            body.extend(self.children(file, parts, numbering, parent));
        }
        body
    }

    /// `text:` of a part: one paragraph, or a list of paragraphs and `parts:` blocks.
    fn body_text(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        parent: Parent,
        body: &mut Vec<Block>,
    ) {
        match &node.value {
            Value::Str(_) => {
                if let Some(t) = self.text(file, node, TextKey::Text) {
                    body.push(Block::Para(t));
                }
            }
            Value::Seq(items) => {
                for item in items {
                    match &item.value {
                        Value::Map(entries)
                            if entries.len() == 1
                                && matches!(&entries[0].0.value, Value::Str(k) if is_key(k, "parts", KeyPlace::Block)) =>
                        {
                            body.extend(self.children(file, &entries[0].1, numbering, parent));
                        }
                        Value::Map(entries)
                            if entries.len() == 1
                                && matches!(&entries[0].0.value, Value::Str(k) if is_key(k, "table", KeyPlace::Block)) =>
                        {
                            if let Some(table) = self.table(file, &entries[0].1) {
                                body.push(Block::Table(table));
                            }
                        }
                        _ => {
                            if let Some(t) = self.text(file, item, TextKey::Text) {
                                body.push(Block::Para(t));
                            }
                        }
                    }
                }
            }
            _ => self.type_error(
                file,
                node,
                "text",
                &crate::tr!("load-expected-paragraphs"),
                &crate::tr!("load-expected-paragraphs-help", text = self.shown("text")),
            ),
        }
    }

    /// The entries of a `parts:` value, or an error saying it must be a list.
    fn part_list<'n>(&mut self, file: &SourceFile, node: &'n Node) -> Option<&'n [Node]> {
        if let Value::Seq(items) = &node.value {
            return Some(items);
        }
        self.type_error(
            file,
            node,
            "parts",
            &crate::tr!("load-expected-list"),
            &crate::tr!("load-expected-parts-help"),
        );
        None
    }

    /// The parts of a `parts:` list.
    fn children(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        parent: Parent,
    ) -> Vec<Block> {
        let items = self.part_list(file, node).unwrap_or_default();
        items
            .iter()
            .filter_map(|item| self.part(file, item, numbering, parent))
            .map(Block::Part)
            .collect()
    }
}

/// What a part sits in.
#[derive(Debug, Clone, Copy)]
pub(super) enum Parent {
    Top,
    Part(Level),
}

/// Headings of level 2 and below run into their first paragraph unless told otherwise
/// (GB/T 9704 7.3.3); level-1 headings and divisions stand on their own line.
pub fn default_run_in(level: Level) -> bool {
    matches!(level, Level::Outline(2..=4))
}

/// Whether a `parts:` value lists anything (even entries that failed their own checks).
fn has_entries(parts: Option<&Node>) -> bool {
    matches!(parts, Some(Node { value: Value::Seq(items), .. }) if !items.is_empty())
}

/// Whether a key of a mapping in `place`, in English or Chinese, is `key`.
fn is_key(name: &str, key: &str, place: KeyPlace) -> bool {
    name == key || super::english_key(name, place) == Some(key)
}

/// The `include:` value of a part entry that is only an include.
pub(super) fn include_target(node: &Node) -> Option<&Node> {
    match &node.value {
        Value::Map(entries) if entries.len() == 1 => match &entries[0].0.value {
            Value::Str(k) if is_key(k, "include", KeyPlace::Part) => Some(&entries[0].1),
            _ => None,
        },
        _ => None,
    }
}
