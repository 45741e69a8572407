//! The draft schema: walks a YAML node tree and builds the model, collecting
//! every problem with its place and a fix instead of stopping at the first.
//! [`keys`] says which keys a mapping may hold, [`scalars`] reads values,
//! [`parts`] the part tree; this file holds the checker and the top of a draft.

mod comments;
mod keys;
mod parts;
mod scalars;
mod tables;
mod texts;

pub use texts::{TextKey, TextSite};

pub use keys::{
    Form, KEYS, Key, KeyPlace, Need, chinese_name, draft_keys, english_key, find, keys_in,
    names_in, suggest_key,
};
pub use parts::default_run_in;
pub use scalars::LINT_LEVEL_NAMES;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::node::{Node, Pos, Value};
use crate::diagnostic::Diagnostic;
use crate::fields::{FieldForm, FieldValue, MetaField};
use crate::model::{Draft, Meta, Origin, Style};

/// Turns node trees into a [`Draft`], collecting diagnostics.
pub(crate) struct Checker {
    pub diagnostics: Vec<Diagnostic>,
    /// Keys suggested for mistyped ones in the last mapping checked, so a
    /// missing `title` is not reported again after "did you mean `title`?".
    suggested: Vec<&'static str>,
    ids: HashMap<String, (PathBuf, Pos)>,
    /// Every text value met, with its place, when `lint` asks for them.
    pub sites: Option<Vec<TextSite>>,
    /// The part being read, by its place in reading order, and how many
    /// parts have been met.
    current_part: Option<usize>,
    parts_met: usize,
    links: Vec<texts::PendingLink>,
    /// Whether the file names its keys in Chinese: messages then do too.
    chinese_keys: bool,
}

/// A file being checked: its path and text.
pub(crate) struct SourceFile {
    pub path: PathBuf,
    pub text: Arc<str>,
    /// Where its lines start, worked out when first asked for.
    pub lines: std::sync::OnceLock<Arc<crate::load::scalar::LineStarts>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: Arc<str>) -> SourceFile {
        SourceFile {
            path,
            text,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// Where its lines start (worked out once).
    pub fn lines(&self) -> &Arc<crate::load::scalar::LineStarts> {
        self.lines
            .get_or_init(|| Arc::new(crate::load::scalar::LineStarts::new(&self.text)))
    }

    /// Where a node of this file was written.
    pub fn origin(&self, pos: Pos) -> Origin {
        Origin {
            file: self.path.clone(),
            line: pos.line,
            column: pos.column,
        }
    }
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
            sites: None,
            current_part: None,
            parts_met: 0,
            links: Vec::new(),
            chinese_keys: false,
        }
    }

    pub(super) fn error(
        &mut self,
        file: &SourceFile,
        pos: Pos,
        message: impl Into<String>,
        help: &str,
    ) {
        let mut d =
            Diagnostic::error(&file.path, pos.line, pos.column, message).with_source(&file.text);
        if !help.is_empty() {
            d = d.help(help);
        }
        self.diagnostics.push(d);
    }

    /// A key as the file names it: `内容` for `text` in a file of Chinese keys.
    /// A key of a table, a cell or an attachment is named with its place
    /// (`cell.rows`: `rows`, or 跨行 where `table.rows` is 表行; `part.parts`:
    /// 条目 where a draft's `parts` is 正文).
    pub(super) fn shown(&self, key: &str) -> String {
        use keys::{KeyPlace, chinese_name};
        if let Some((place, key)) = key.split_once('.') {
            let place = match place {
                "table" => KeyPlace::Table,
                "cell" => KeyPlace::Cell,
                "part" => KeyPlace::Part,
                "comment" => KeyPlace::Comment,
                _ => KeyPlace::Attachment,
            };
            return match chinese_name(key, place) {
                Some(zh) if self.chinese_keys => zh.to_string(),
                _ => key.to_string(),
            };
        }
        let zh = KeyPlace::ALL
            .into_iter()
            .find_map(|place| chinese_name(key, place));
        match zh {
            Some(zh) if self.chinese_keys => zh.to_string(),
            _ => key.to_string(),
        }
    }

    pub(super) fn type_error(
        &mut self,
        file: &SourceFile,
        node: &Node,
        key: &str,
        expected: &str,
        help: &str,
    ) {
        let key = self.shown(key);
        self.error(
            file,
            node.pos,
            crate::tr!(
                "load-type-error",
                key = key,
                expected = expected,
                found = node.value.describe()
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
                crate::tr!("load-draft-not-mapping", found = root.value.describe()),
                &crate::tr!("load-draft-not-mapping-help"),
            );
            return None;
        };
        let entries = self.keys(file, entries, KeyPlace::Draft);
        let mut meta = Meta::default();
        // Style first: the part tree and `continuous` depend on it.
        if let Some(node) = entries.get("style") {
            meta.numbering.style = self.style(file, node).unwrap_or_default();
        }
        let title_mistyped = self.suggested.contains(&"title");
        if !entries.contains_key("title") && !title_mistyped {
            self.error(
                file,
                root.pos,
                crate::tr!("load-no-title"),
                &crate::tr!("load-no-title-help", key = self.shown("title")),
            );
        }
        for field in MetaField::ALL {
            let Some(node) = entries.get(field.key()) else {
                continue;
            };
            if field == MetaField::Attachments {
                // Read after the body, so ids in attachments follow those of the body.
                continue;
            }
            let key = TextKey::Field(field);
            let value = match field.form() {
                FieldForm::Text | FieldForm::Value => self
                    .text(file, node, key)
                    .map(|t| FieldValue::Text(field.normalise(&t))),
                FieldForm::Date => self.date(file, node, key).map(FieldValue::Date),
                FieldForm::List => Some(FieldValue::List(self.text_list(file, node, key))),
            };
            if let Some(value) = value {
                field.set(&mut meta, value);
            }
        }
        for (key, target) in [
            (TextKey::Preamble, &mut meta.preamble),
            (TextKey::Closing, &mut meta.closing),
        ] {
            if let Some(node) = entries.get(key.key()) {
                *target = self.text_list(file, node, key);
            }
        }
        meta.fonts.origin = file.origin(root.pos);
        if let Some(node) = entries.get("fonts") {
            self.fonts(file, node, &mut meta.fonts);
        }
        if let Some(node) = entries.get("lint") {
            meta.lint = self.lint_settings(file, node);
        }
        if let Some(node) = entries.get("continuous") {
            meta.numbering.continuous = self.levels(file, node, meta.numbering.style);
        }
        let mut parts = Vec::new();
        if let Some(node) = entries.get("parts") {
            parts = self.top_parts(file, node, &meta.numbering, includer);
        }
        let mut attachments = Vec::new();
        if let Some(node) = entries.get("attachments") {
            (meta.attachments, attachments) = self.attachments(file, node, includer);
        }
        let draft = Draft {
            meta,
            parts,
            attachments,
        };
        self.check_links(&draft);
        (self.diagnostics.len() == before).then_some(draft)
    }
}

impl Checker {
    /// `style:`, of a draft or an attachment.
    pub(super) fn style(&mut self, file: &SourceFile, node: &Node) -> Option<Style> {
        let name = self.string(file, node, "style", "")?;
        let style = Style::parse(&name);
        if style.is_none() {
            let each = |say: &dyn Fn(Style) -> String| -> String {
                Style::ALL.map(say).join(&crate::tr!("load-or"))
            };
            let help = crate::tr!(
                "load-unknown-style-help",
                english = each(&|s| format!("`style: {}` ({})", s.name(), s.numbers())),
                chinese = each(&|s| format!("`编号方式: {}`", s.chinese())),
                chinese_numbered =
                    each(&|s| format!("`编号方式: {}`（{}）", s.chinese(), s.numbers())),
            );
            self.error(
                file,
                node.pos,
                crate::tr!("load-unknown-style", name = name),
                &help,
            );
        }
        style
    }
}

/// Where an included file lives, relative to the file that includes it.
pub(crate) fn include_path(from: &Path, target: &str) -> PathBuf {
    from.parent().unwrap_or(Path::new(".")).join(target)
}
