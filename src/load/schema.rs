//! The draft schema: walks a YAML node tree and builds the model, collecting
//! every problem with its place and a fix instead of stopping at the first.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::node::{Node, Pos, Value};
use crate::diagnostic::Diagnostic;
use crate::model::{Block, Date, Draft, Level, Meta, Numbering, Origin, Part, PartId, Style};

/// Keys allowed at the top of a draft.
pub const DRAFT_KEYS: &[&str] = &[
    "title",
    "stage",
    "organ",
    "date",
    "number",
    "to",
    "style",
    "continuous",
    "preamble",
    "parts",
    "closing",
    "attachments",
    "cc",
    "printer",
    "printed",
    "fonts",
];

/// Keys of the `fonts:` mapping.
pub const FONT_KEYS: &[&str] = &["body", "kai", "hei", "title", "song", "fallback"];

/// Keys allowed in a part.
pub const PART_KEYS: &[&str] = &[
    "id", "heading", "text", "parts", "kind", "run-in", "numbered", "sub", "include",
];

/// Chinese names an author may reach for, and the key they mean.
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("标题", "title"),
    ("题目", "title"),
    ("阶段", "stage"),
    ("稿别", "stage"),
    ("发文机关", "organ"),
    ("机关", "organ"),
    ("日期", "date"),
    ("成文日期", "date"),
    ("文号", "number"),
    ("发文字号", "number"),
    ("主送", "to"),
    ("主送机关", "to"),
    ("前言", "preamble"),
    ("导语", "preamble"),
    ("正文", "parts"),
    ("附件", "attachments"),
    ("抄送", "cc"),
    ("印发", "printer"),
    ("印发机关", "printer"),
    ("印发日期", "printed"),
    ("结尾", "closing"),
    ("编号", "id"),
    ("小标题", "heading"),
    ("内容", "text"),
    ("段落", "text"),
];

/// The nearest valid key to a mistyped one, if any is near enough to suggest.
pub fn suggest_key(wrong: &str, valid: &[&str]) -> Option<&'static str> {
    if let Some((_, key)) = CHINESE_KEYS.iter().find(|(zh, _)| *zh == wrong) {
        return valid.contains(key).then_some(*key);
    }
    let lower = wrong.to_lowercase().replace('_', "-");
    let mut best: Option<(&str, f64)> = None;
    for key in valid {
        let score = strsim::jaro_winkler(&lower, key);
        if score > best.map_or(0.0, |b| b.1) {
            best = Some((key, score));
        }
    }
    let (key, score) = best?;
    // A key of the valid set, resolved to its 'static form.
    let key = DRAFT_KEYS
        .iter()
        .chain(PART_KEYS)
        .chain(FONT_KEYS)
        .find(|k| **k == key)?;
    (score >= 0.8).then_some(*key)
}

/// Turns node trees into a [`Draft`], collecting diagnostics.
pub(crate) struct Checker {
    pub diagnostics: Vec<Diagnostic>,
    /// Keys suggested for mistyped ones in the last mapping checked, so a
    /// missing `title` is not reported again after "did you mean `title`?".
    suggested: Vec<&'static str>,
    ids: HashMap<String, (PathBuf, Pos)>,
}

/// A file being checked: its path and text.
pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
}

/// Something that loads an included part file and returns its node tree.
pub(crate) trait Includer {
    fn include(
        &mut self,
        from: &SourceFile,
        target: &str,
        pos: Pos,
    ) -> Result<(SourceFile, Node), Vec<Diagnostic>>;
}

impl Checker {
    pub fn new() -> Checker {
        Checker {
            diagnostics: Vec::new(),
            suggested: Vec::new(),
            ids: HashMap::new(),
        }
    }

    fn error(&mut self, file: &SourceFile, pos: Pos, message: impl Into<String>, help: &str) {
        let mut d =
            Diagnostic::error(&file.path, pos.line, pos.column, message).with_source(&file.text);
        if !help.is_empty() {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    fn type_error(
        &mut self,
        file: &SourceFile,
        node: &Node,
        key: &str,
        expected: &str,
        help: &str,
    ) {
        self.error(
            file,
            node.pos,
            format!(
                "`{key}` must be {expected}, but here it is {}",
                node.value.describe()
            ),
            help,
        );
    }

    /// Checks a whole draft file. Returns `None` when there were errors.
    pub fn draft(
        &mut self,
        file: &SourceFile,
        root: &Node,
        includer: &mut dyn Includer,
    ) -> Option<Draft> {
        let before = self.diagnostics.len();
        let Value::Map(entries) = &root.value else {
            self.error(
                file,
                root.pos,
                format!("a draft must be a mapping of keys such as `title:` and `parts:`, but this file holds {}", root.value.describe()),
                "start the file with `title: <the document's title>` on its first line",
            );
            return None;
        };
        let entries = self.keys(file, entries, DRAFT_KEYS, "draft");
        let mut meta = Meta::default();
        // Style first: the part tree and `continuous` depend on it.
        if let Some(node) = entries.get("style") {
            match self.string(file, node, "style", "") {
                Some(s) if s == "outline" => meta.numbering.style = Style::Outline,
                Some(s) if s == "articles" => meta.numbering.style = Style::Articles,
                Some(s) => self.error(
                    file,
                    node.pos,
                    format!("unknown numbering style `{s}`"),
                    "use `style: outline` (一、 （一） 1. （1）) or `style: articles` (第一章 第一节 第一条 （一） 1.)",
                ),
                None => {}
            }
        }
        let title_mistyped = self.suggested.contains(&"title");
        match entries.get("title") {
            None if title_mistyped => {}
            None => self.error(
                file,
                root.pos,
                "the draft has no title",
                "add a line `title: <the document's title>` at the top of the file",
            ),
            Some(node) => {
                if let Some(title) = self.text(file, node, "title") {
                    meta.title = title.trim_end_matches('\n').to_string();
                }
            }
        }
        meta.stage = entries
            .get("stage")
            .and_then(|n| self.text(file, n, "stage"))
            .map(|s| crate::model::stage_name(&s).to_string());
        meta.organ = entries
            .get("organ")
            .and_then(|n| self.text(file, n, "organ"));
        meta.number = entries
            .get("number")
            .and_then(|n| self.text(file, n, "number"));
        meta.to = entries.get("to").and_then(|n| self.text(file, n, "to"));
        meta.printer = entries
            .get("printer")
            .and_then(|n| self.text(file, n, "printer"));
        meta.date = entries.get("date").and_then(|n| self.date(file, n, "date"));
        meta.printed = entries
            .get("printed")
            .and_then(|n| self.date(file, n, "printed"));
        for (key, target) in [
            ("preamble", &mut meta.preamble),
            ("closing", &mut meta.closing),
            ("attachments", &mut meta.attachments),
            ("cc", &mut meta.cc),
        ] {
            if let Some(node) = entries.get(key) {
                *target = self.text_list(file, node, key);
            }
        }
        meta.fonts.origin = Origin {
            file: file.path.clone(),
            line: root.pos.line,
            column: root.pos.column,
        };
        if let Some(node) = entries.get("fonts") {
            self.fonts(file, node, &mut meta.fonts);
        }
        if let Some(node) = entries.get("continuous") {
            meta.numbering.continuous = self.levels(file, node, meta.numbering.style);
        }
        let mut parts = Vec::new();
        if let Some(node) = entries.get("parts") {
            parts = self.top_parts(file, node, &meta.numbering, includer);
        }
        (self.diagnostics.len() == before).then_some(Draft { meta, parts })
    }

    /// The `fonts:` mapping: a family name per role, and fallbacks.
    fn fonts(&mut self, file: &SourceFile, node: &Node, fonts: &mut crate::model::Fonts) {
        fonts.origin = Origin {
            file: file.path.clone(),
            line: node.pos.line,
            column: node.pos.column,
        };
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "fonts",
                "a mapping of roles to font families",
                "write for example `fonts:` and below it `  body: 仿宋_GB2312`",
            );
            return;
        };
        let keys = self.keys(file, entries, FONT_KEYS, "fonts mapping");
        let origin = |n: &Node| Origin {
            file: file.path.clone(),
            line: n.pos.line,
            column: n.pos.column,
        };
        for (key, slot) in [
            ("body", &mut fonts.body),
            ("kai", &mut fonts.kai),
            ("hei", &mut fonts.hei),
            ("title", &mut fonts.title),
            ("song", &mut fonts.song),
        ] {
            if let Some(n) = keys.get(key) {
                *slot = self.text(file, n, key);
                fonts.places.insert(key.to_string(), origin(n));
            }
        }
        if let Some(n) = keys.get("fallback") {
            fonts.fallback = self.text_list(file, n, "fallback");
            let items: Vec<&Node> = match &n.value {
                Value::Seq(items) => items.iter().collect(),
                _ => vec![n],
            };
            for (i, item) in items.into_iter().enumerate() {
                fonts.places.insert(format!("fallback.{i}"), origin(item));
            }
        }
    }

    /// Checks the keys of a mapping against the allowed set and returns them by name.
    fn keys<'n>(
        &mut self,
        file: &SourceFile,
        entries: &'n [(Node, Node)],
        allowed: &[&str],
        what: &str,
    ) -> HashMap<&'n str, &'n Node> {
        let mut found = HashMap::new();
        self.suggested.clear();
        for (key, value) in entries {
            let Value::Str(name) = &key.value else {
                self.error(
                    file,
                    key.pos,
                    format!(
                        "a key must be a word such as `title`, but here it is {}",
                        key.value.describe()
                    ),
                    "write keys as plain words followed by a colon",
                );
                continue;
            };
            if !allowed.contains(&name.as_str()) {
                let suggestion = suggest_key(name, allowed);
                self.suggested.extend(suggestion);
                let help = match suggestion {
                    Some(s) => format!(
                        "did you mean `{s}`? The keys of a {what} are: {}",
                        allowed.join(", ")
                    ),
                    None => format!("the keys of a {what} are: {}", allowed.join(", ")),
                };
                let d = Diagnostic::error(
                    &file.path,
                    key.pos.line,
                    key.pos.column,
                    format!("unknown key `{name}` in a {what}"),
                )
                .help(help)
                .with_source(&file.text)
                .width(name.chars().count());
                self.diagnostics.push(d);
                continue;
            }
            found.insert(name.as_str(), value);
        }
        found
    }

    /// A scalar string (numbers and booleans are refused, so `1.50` is not silently `1.5`).
    fn string(&mut self, file: &SourceFile, node: &Node, key: &str, help: &str) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            _ => {
                let help = if help.is_empty() {
                    "put the text after the colon, in quotes if it is only a number"
                } else {
                    help
                };
                self.type_error(file, node, key, "text", help);
                None
            }
        }
    }

    /// Non-empty text.
    fn text(&mut self, file: &SourceFile, node: &Node, key: &str) -> Option<String> {
        let s = self.string(file, node, key, "")?;
        if let Some(c) = s.chars().find(|c| crate::chars::is_forbidden(*c)) {
            let (message, help) = match crate::chars::name(c) {
                Some(name) => (
                    format!(
                        "`{key}` contains the invisible bidirectional control U+{:04X} ({name}), \
                         which changes the order in which the text around it is shown",
                        c as u32
                    ),
                    "delete it: a reader would see the text in another order than it is written \
                     (it usually comes from copying out of another program)",
                ),
                None => (
                    format!(
                        "`{key}` contains the invisible control character U+{:04X}",
                        c as u32
                    ),
                    "delete it (it usually comes from copying out of another program)",
                ),
            };
            self.error(file, node.pos, message, help);
            return None;
        }
        if s.trim().is_empty() {
            self.error(
                file,
                node.pos,
                format!("`{key}` is empty"),
                "write the text after the colon, or remove the line",
            );
            return None;
        }
        Some(s)
    }

    /// One text or a list of texts.
    fn text_list(&mut self, file: &SourceFile, node: &Node, key: &str) -> Vec<String> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(file, item, key))
                .collect(),
            Value::Str(_) => self.text(file, node, key).into_iter().collect(),
            _ => {
                self.type_error(
                    file,
                    node,
                    key,
                    "text or a list of texts",
                    "write one entry per line, each starting with `- `",
                );
                Vec::new()
            }
        }
    }

    fn date(&mut self, file: &SourceFile, node: &Node, key: &str) -> Option<Date> {
        let text = self.string(
            file,
            node,
            key,
            "write the date as 2021-09-01 or 2021年9月1日",
        )?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.error(
                file,
                node.pos,
                format!("`{key}` is not a valid date: `{text}`"),
                "write the date as 2021-09-01 or 2021年9月1日, with a day that exists",
            );
        }
        date
    }

    fn boolean(&mut self, file: &SourceFile, node: &Node, key: &str) -> Option<bool> {
        match node.value {
            Value::Bool(b) => Some(b),
            _ => {
                self.type_error(file, node, key, "true or false", "write `true` or `false`");
                None
            }
        }
    }

    fn levels(&mut self, file: &SourceFile, node: &Node, style: Style) -> Vec<Level> {
        let items: Vec<&Node> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        let mut levels = Vec::new();
        for item in items {
            let name = match &item.value {
                Value::Str(s) => s.clone(),
                Value::Int(i) => i.to_string(),
                _ => {
                    self.type_error(file, item, "continuous", "a list of level names", "");
                    continue;
                }
            };
            match Level::parse(style, &name) {
                Some(level) => levels.push(level),
                None => self.error(
                    file,
                    item.pos,
                    format!("`{name}` is not a level of the {} style", style.name()),
                    &format!("the levels are: {}", Level::names(style).join(", ")),
                ),
            }
        }
        levels
    }

    /// The top-level `parts` list, where `include:` entries are allowed.
    fn top_parts(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        includer: &mut dyn Includer,
    ) -> Vec<Part> {
        let Value::Seq(items) = &node.value else {
            self.type_error(
                file,
                node,
                "parts",
                "a list",
                "write each part on its own line starting with `- `",
            );
            return Vec::new();
        };
        let mut parts = Vec::new();
        for item in items {
            if let Some(target) = include_target(item) {
                let target = match &target.value {
                    Value::Str(s) => s.clone(),
                    _ => {
                        self.type_error(file, target, "include", "a file name", "");
                        continue;
                    }
                };
                match includer.include(file, &target, item.pos) {
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
                    "empty part",
                    "give the part a `heading:`, `text:` or `parts:`, or delete the `-` line",
                );
                return None;
            }
            _ => {
                self.error(
                    file,
                    node.pos,
                    format!("a part must be text or a mapping with `heading:`, `text:` and `parts:`, but here it is {}", node.value.describe()),
                    "",
                );
                return None;
            }
        };
        let keys = self.keys(file, &entries, PART_KEYS, "part");
        if let Some(include) = keys.get("include") {
            self.error(
                file,
                include.pos,
                "`include` is only allowed in the top-level `parts` list of a draft",
                "move the part file's content here, or include it from the draft's top-level `parts`",
            );
        }
        let heading = keys
            .get("heading")
            .and_then(|n| self.text(file, n, "heading"));
        let level = self.level(
            file,
            node,
            &keys,
            heading.is_some(),
            numbering.style,
            parent,
        )?;
        let mut part = Part::new(level);
        part.origin = Origin {
            file: file.path.clone(),
            line: node.pos.line,
            column: node.pos.column,
        };
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
        let child_parent = Parent::Part(level);
        if let Some(text) = keys.get("text") {
            self.body_text(file, text, numbering, child_parent, &mut part.body);
        }
        if let Some(children) = keys.get("parts") {
            self.children(file, children, numbering, child_parent, &mut part.body);
        }
        let has_content = keys.contains_key("text") || keys.contains_key("parts");
        if part.heading.is_none() && !has_content {
            self.error(
                file,
                node.pos,
                "empty part",
                "give the part a `heading:`, `text:` or `parts:`, or delete it",
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
                format!(
                    "the {} `{}` has no articles",
                    level.name(),
                    part.heading.as_deref().unwrap_or("")
                ),
                "add its articles under `parts:` (or its text under `text:`), or remove `heading:` if this is an article",
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
                            "`kind` is only used in the articles style",
                            "remove `kind:`, or set `style: articles` at the top of the draft",
                        );
                        return None;
                    }
                    None => {
                        self.error(
                            file,
                            k.pos,
                            format!("unknown kind `{name}`"),
                            "use one of 编, 分编, 章, 节 (or book, subbook, chapter, section)",
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
                        "the outline style has four levels (一、 （一） 1. （1）) and this part would be a fifth",
                        "move the part up a level, or write it as a paragraph of its parent's `text`",
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
                                    "a part with a heading inside a 节 would be a division below 节",
                                    "articles have no heading: write the article's text under `text:`",
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
                            format!("a {} cannot sit inside a {}", level.name(), p.name()),
                            "move it out to the right level, or change its `kind`",
                        );
                        return None;
                    }
                    return Some(level);
                }
                if let Some((_, pos)) = kind {
                    self.error(
                        file,
                        pos,
                        "`kind` is only for divisions (编, 分编, 章, 节) inside divisions",
                        "remove `kind:`",
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
                            "the articles style has items （一） and sub-items 1. inside articles, and this part would be one level deeper",
                            "write it as a paragraph of its parent's `text` instead",
                        );
                        return None;
                    }
                };
                if has_heading {
                    let pos = keys.get("heading").map_or(node.pos, |n| n.pos);
                    self.error(
                        file,
                        pos,
                        format!("a {} has no heading in the articles style", level.name()),
                        "put this text under `text:` instead",
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
                    "a short name",
                    "write a short name such as `housing`",
                );
                return None;
            }
        };
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            self.error(
                file,
                node.pos,
                format!("`{id}` is not a valid id"),
                "an id is made of letters, digits, `-` and `_` (Chinese characters are letters), with no spaces",
            );
            return None;
        }
        if let Some((first_file, first_pos)) = self.ids.get(&id) {
            let help = format!(
                "ids must be unique in a draft; `{id}` is already used at {}:{}:{} — rename one of them",
                first_file.display(),
                first_pos.line,
                first_pos.column
            );
            self.error(file, node.pos, format!("duplicate id `{id}`"), &help);
            return None;
        }
        self.ids.insert(id.clone(), (file.path.clone(), node.pos));
        Some(PartId(id))
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
                if let Some(t) = self.text(file, node, "text") {
                    body.push(Block::Para(t));
                }
            }
            Value::Seq(items) => {
                for item in items {
                    match &item.value {
                        Value::Map(entries)
                            if entries.len() == 1
                                && matches!(&entries[0].0.value, Value::Str(k) if k == "parts") =>
                        {
                            self.children(file, &entries[0].1, numbering, parent, body);
                        }
                        _ => {
                            if let Some(t) = self.text(file, item, "text") {
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
                "text or a list of paragraphs",
                "write the paragraph after `text:`, or one paragraph per line starting with `- `",
            ),
        }
    }

    fn children(
        &mut self,
        file: &SourceFile,
        node: &Node,
        numbering: &Numbering,
        parent: Parent,
        body: &mut Vec<Block>,
    ) {
        let Value::Seq(items) = &node.value else {
            self.type_error(
                file,
                node,
                "parts",
                "a list",
                "write each part on its own line starting with `- `",
            );
            return;
        };
        for item in items {
            if let Some(p) = self.part(file, item, numbering, parent) {
                body.push(Block::Part(p));
            }
        }
    }
}

/// What a part sits in.
#[derive(Debug, Clone, Copy)]
enum Parent {
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

/// The `include:` value of a part entry that is only an include.
fn include_target(node: &Node) -> Option<&Node> {
    match &node.value {
        Value::Map(entries) if entries.len() == 1 => match &entries[0].0.value {
            Value::Str(k) if k == "include" => Some(&entries[0].1),
            _ => None,
        },
        _ => None,
    }
}

/// Where an included file lives, relative to the file that includes it.
pub(crate) fn include_path(from: &Path, target: &str) -> PathBuf {
    from.parent().unwrap_or(Path::new(".")).join(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_keys_and_chinese_names() {
        assert_eq!(suggest_key("titel", DRAFT_KEYS), Some("title"));
        assert_eq!(suggest_key("heading", DRAFT_KEYS), None);
        assert_eq!(suggest_key("headng", PART_KEYS), Some("heading"));
        assert_eq!(suggest_key("run_in", PART_KEYS), Some("run-in"));
        assert_eq!(suggest_key("标题", DRAFT_KEYS), Some("title"));
        assert_eq!(suggest_key("抄送", DRAFT_KEYS), Some("cc"));
        assert_eq!(suggest_key("zzzz", DRAFT_KEYS), None);
    }
}
