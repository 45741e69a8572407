//! Values of a draft in the forms its keys take: text, lists of texts, dates,
//! true/false, level names, ids, and the `fonts:` mapping.

use super::{Checker, KeyPlace, SourceFile, TextKey};
use crate::load::node::{Node, Value};
use crate::model::{Date, Level, LintLevel, LintSetting, Style};

impl Checker {
    /// A scalar string (numbers and booleans are refused, so `1.50` is not silently `1.5`).
    pub(super) fn string(
        &mut self,
        file: &SourceFile,
        node: &Node,
        key: &str,
        help: &str,
    ) -> Option<String> {
        match &node.value {
            Value::Str(s) => Some(s.clone()),
            _ => {
                let help = if help.is_empty() {
                    crate::tr!("load-expected-text-help")
                } else {
                    help.to_string()
                };
                self.type_error(file, node, key, &crate::tr!("load-value-text"), &help);
                None
            }
        }
    }

    /// Non-empty text, noted as what `site` says it is.
    pub(super) fn text(&mut self, file: &SourceFile, node: &Node, site: TextKey) -> Option<String> {
        let key = site.key();
        let s = self.string(file, node, key, "")?;
        if let Some(c) = s.chars().find(|c| crate::chars::is_forbidden(*c)) {
            let shown = self.shown(key);
            let code = format!("U+{:04X}", c as u32);
            let (message, help) = match crate::chars::name(c) {
                Some(name) => (
                    crate::tr!("load-bidi-control", key = shown, code = code, name = name),
                    crate::tr!("load-bidi-control-help"),
                ),
                None => (
                    crate::tr!("load-control-character", key = shown, code = code),
                    crate::tr!("load-control-character-help"),
                ),
            };
            self.error(file, node.pos, message, &help);
            return None;
        }
        if s.trim().is_empty() {
            self.error(
                file,
                node.pos,
                crate::tr!("load-empty-text", key = self.shown(key)),
                &crate::tr!("load-empty-text-help"),
            );
            return None;
        }
        self.note_text(file, node, site, &s);
        Some(s)
    }

    /// One text or a list of texts.
    pub(super) fn text_list(
        &mut self,
        file: &SourceFile,
        node: &Node,
        site: TextKey,
    ) -> Vec<String> {
        match &node.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|item| self.text(file, item, site))
                .collect(),
            Value::Str(_) => self.text(file, node, site).into_iter().collect(),
            _ => {
                self.type_error(
                    file,
                    node,
                    site.key(),
                    &crate::tr!("load-expected-texts"),
                    &crate::tr!("load-expected-texts-help"),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn date(&mut self, file: &SourceFile, node: &Node, site: TextKey) -> Option<Date> {
        let key = site.key();
        let text = self.string(file, node, key, &crate::tr!("load-date-help"))?;
        let date = Date::parse(&text);
        if date.is_some() {
            self.note_text(file, node, site, &text);
        } else {
            self.error(
                file,
                node.pos,
                crate::tr!("load-bad-date", key = self.shown(key), text = &text),
                &crate::tr!("load-bad-date-help"),
            );
        }
        date
    }

    pub(super) fn boolean(&mut self, file: &SourceFile, node: &Node, key: &str) -> Option<bool> {
        match &node.value {
            Value::Bool(b) => Some(*b),
            Value::Str(s) if s == "是" => Some(true),
            Value::Str(s) if s == "否" => Some(false),
            _ => {
                self.type_error(
                    file,
                    node,
                    key,
                    &crate::tr!("load-expected-flag"),
                    &crate::tr!("load-expected-flag-help"),
                );
                None
            }
        }
    }

    pub(super) fn levels(&mut self, file: &SourceFile, node: &Node, style: Style) -> Vec<Level> {
        let mut levels = Vec::new();
        for item in one_or_list(node) {
            let name = match &item.value {
                Value::Str(s) => s.clone(),
                Value::Int(i) => i.to_string(),
                _ => {
                    self.type_error(
                        file,
                        item,
                        "continuous",
                        &crate::tr!("load-expected-levels"),
                        "",
                    );
                    continue;
                }
            };
            match Level::parse(style, &name) {
                Some(level) => levels.push(level),
                None => self.error(
                    file,
                    item.pos,
                    crate::tr!("load-not-a-level", name = &name, style = style.name()),
                    &crate::tr!(
                        "load-not-a-level-help",
                        levels = Level::names(style).join(&crate::tr!("load-list-separator"))
                    ),
                ),
            }
        }
        levels
    }

    /// The `fonts:` mapping: a family name per role, and fallbacks.
    pub(super) fn fonts(
        &mut self,
        file: &SourceFile,
        node: &Node,
        fonts: &mut crate::model::Fonts,
    ) {
        fonts.origin = file.origin(node.pos);
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "fonts",
                &crate::tr!("load-expected-fonts"),
                &crate::tr!(
                    "load-expected-fonts-help",
                    fonts = self.shown("fonts"),
                    body = self.shown("body")
                ),
            );
            return;
        };
        let keys = self.keys(file, entries, KeyPlace::Fonts);
        let origin = |n: &Node| file.origin(n.pos);
        for (key, slot) in [
            ("body", &mut fonts.body),
            ("kai", &mut fonts.kai),
            ("hei", &mut fonts.hei),
            ("title", &mut fonts.title),
            ("song", &mut fonts.song),
        ] {
            if let Some(n) = keys.get(key) {
                *slot = self.text(file, n, TextKey::Font(key));
                fonts.places.insert(key.to_string(), origin(n));
            }
        }
        if let Some(n) = keys.get("fallback") {
            fonts.fallback = self.text_list(file, n, TextKey::Font("fallback"));
            for (i, item) in one_or_list(n).into_iter().enumerate() {
                fonts.places.insert(format!("fallback.{i}"), origin(item));
            }
        }
    }

    /// A project settings file (`.gongwen.yaml`): for now its `lint:` mapping.
    pub fn settings(&mut self, file: &SourceFile, root: &Node) -> Vec<LintSetting> {
        let Value::Map(entries) = &root.value else {
            self.type_error(
                file,
                root,
                ".gongwen.yaml",
                &crate::tr!("load-expected-mapping"),
                &crate::tr!("load-expected-settings-help"),
            );
            return Vec::new();
        };
        let keys = self.keys(file, entries, KeyPlace::Settings);
        keys.get("lint")
            .map_or_else(Vec::new, |node| self.lint_settings(file, node))
    }

    /// The `lint:` mapping: rule id → off, warning or error. Rule ids are
    /// checked by `lint`, which knows them.
    pub(super) fn lint_settings(&mut self, file: &SourceFile, node: &Node) -> Vec<LintSetting> {
        let Value::Map(entries) = &node.value else {
            self.type_error(
                file,
                node,
                "lint",
                &crate::tr!("load-expected-lint"),
                &crate::tr!("load-expected-lint-help"),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (key, value) in entries {
            let Some(rule) = self.string(file, key, "lint", &crate::tr!("load-lint-rule-help"))
            else {
                continue;
            };
            let level = match &value.value {
                Value::Str(s) => lint_level(s),
                // `off` is read as false by YAML 1.1 parsers.
                Value::Bool(false) => Some(LintLevel::Off),
                _ => None,
            };
            match level {
                Some(level) => out.push(LintSetting {
                    rule,
                    level,
                    origin: file.origin(key.pos),
                }),
                None => self.error(
                    file,
                    value.pos,
                    crate::tr!(
                        "load-bad-lint-level",
                        lint = self.shown("lint"),
                        rule = &rule
                    ),
                    &crate::tr!("load-bad-lint-level-help"),
                ),
            }
        }
        out
    }
}

/// Every name a lint level may be written as in `lint:`: what the loader
/// reads and `gongwen schema` lists.
pub const LINT_LEVEL_NAMES: [(&str, LintLevel); 8] = [
    ("off", LintLevel::Off),
    ("warning", LintLevel::Warning),
    ("error", LintLevel::Error),
    ("warn", LintLevel::Warning),
    ("关闭", LintLevel::Off),
    ("忽略", LintLevel::Off),
    ("警告", LintLevel::Warning),
    ("错误", LintLevel::Error),
];

/// Reads `off`, `warning`, `error` (or 关闭, 警告, 错误).
fn lint_level(text: &str) -> Option<LintLevel> {
    let text = text.trim();
    LINT_LEVEL_NAMES
        .iter()
        .find(|(name, _)| *name == text)
        .map(|(_, level)| *level)
}

/// The entries of a list, or the one value written in its place.
pub(super) fn one_or_list(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![node],
    }
}
