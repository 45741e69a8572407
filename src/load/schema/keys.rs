//! Which keys a mapping of a draft may hold, and the nearest one to a
//! mistyped key (in English or in the Chinese an author may reach for).

use std::collections::HashMap;

use super::{Checker, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::fields::MetaField;
use crate::load::node::{Node, Value};

/// Keys of a draft besides the metadata fields, in the order they come
/// between the fields shown before the body and those shown after it.
const STRUCTURE_KEYS: [&str; 5] = ["style", "continuous", "preamble", "parts", "closing"];

/// Keys allowed at the top of a draft, in the order the YAML writer writes them.
pub fn draft_keys() -> Vec<&'static str> {
    let fields = |before: bool| {
        MetaField::ALL
            .into_iter()
            .filter(move |f| f.before_body() == before)
            .map(MetaField::key)
    };
    fields(true)
        .chain(STRUCTURE_KEYS)
        .chain(fields(false))
        .chain(["fonts", "lint"])
        .collect()
}

/// Keys of the `fonts:` mapping.
pub const FONT_KEYS: &[&str] = &["body", "kai", "hei", "title", "song", "fallback"];

/// Keys allowed in a part.
pub const PART_KEYS: &[&str] = &[
    "id", "heading", "text", "parts", "kind", "run-in", "numbered", "sub", "include",
];

/// Keys of a table (an entry `table:` of a `text` list).
pub const TABLE_KEYS: &[&str] = &["caption", "widths", "header", "rows"];

/// Keys of a cell written as a mapping (one that spans rows or columns).
pub const CELL_KEYS: &[&str] = &["text", "rows", "cols"];

/// Keys of an attachment written out in full.
pub const ATTACHMENT_KEYS: &[&str] = &["title", "style", "continuous", "text", "parts"];

/// Where a mapping sits, for the Chinese names of its keys: 标题 is a draft's
/// `title` and a part's `heading`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPlace {
    Draft,
    Part,
    Fonts,
    /// The top of a comments file.
    CommentsFile,
    /// One comment.
    Comment,
    /// A project settings file (`.gongwen.yaml`).
    Settings,
    Table,
    Cell,
    Attachment,
}

impl KeyPlace {
    /// What a mapping in this place is, as a message names it.
    pub fn what(self) -> &'static str {
        match self {
            KeyPlace::Draft => "draft",
            KeyPlace::Part => "part",
            KeyPlace::Fonts => "fonts mapping",
            KeyPlace::CommentsFile => "comments file",
            KeyPlace::Comment => "comment",
            KeyPlace::Settings => "settings file",
            KeyPlace::Table => "table",
            KeyPlace::Cell => "table cell",
            KeyPlace::Attachment => "attachment",
        }
    }
}

/// The Chinese name of every key, as a draft may write it instead of the
/// English one: (name, key, where). The first name of a key is the one
/// `import --keys zh` writes; the others are read too.
pub const CHINESE_NAMES: &[(&str, &str, KeyPlace)] = &[
    ("标题", "title", KeyPlace::Draft),
    ("题目", "title", KeyPlace::Draft),
    ("稿别", "stage", KeyPlace::Draft),
    ("发文机关", "organ", KeyPlace::Draft),
    ("成文日期", "date", KeyPlace::Draft),
    ("发文字号", "number", KeyPlace::Draft),
    ("文号", "number", KeyPlace::Draft),
    ("主送机关", "to", KeyPlace::Draft),
    ("主送", "to", KeyPlace::Draft),
    ("编号方式", "style", KeyPlace::Draft),
    ("连续编号", "continuous", KeyPlace::Draft),
    ("前言", "preamble", KeyPlace::Draft),
    ("导语", "preamble", KeyPlace::Draft),
    ("正文", "parts", KeyPlace::Draft),
    ("结尾", "closing", KeyPlace::Draft),
    ("附件", "attachments", KeyPlace::Draft),
    ("抄送", "cc", KeyPlace::Draft),
    ("抄送机关", "cc", KeyPlace::Draft),
    ("印发机关", "printer", KeyPlace::Draft),
    ("印发日期", "printed", KeyPlace::Draft),
    ("字体", "fonts", KeyPlace::Draft),
    ("检查", "lint", KeyPlace::Draft),
    ("检查", "lint", KeyPlace::Settings),
    ("标识", "id", KeyPlace::Part),
    ("标题", "heading", KeyPlace::Part),
    ("小标题", "heading", KeyPlace::Part),
    ("内容", "text", KeyPlace::Part),
    ("段落", "text", KeyPlace::Part),
    ("条目", "parts", KeyPlace::Part),
    ("层级", "kind", KeyPlace::Part),
    ("接排", "run-in", KeyPlace::Part),
    ("编号", "numbered", KeyPlace::Part),
    ("之条", "sub", KeyPlace::Part),
    ("引入", "include", KeyPlace::Part),
    ("表格", "table", KeyPlace::Part),
    ("表题", "caption", KeyPlace::Table),
    ("列宽", "widths", KeyPlace::Table),
    ("表头", "header", KeyPlace::Table),
    ("表行", "rows", KeyPlace::Table),
    ("内容", "text", KeyPlace::Cell),
    ("跨行", "rows", KeyPlace::Cell),
    ("跨列", "cols", KeyPlace::Cell),
    ("标题", "title", KeyPlace::Attachment),
    ("编号方式", "style", KeyPlace::Attachment),
    ("连续编号", "continuous", KeyPlace::Attachment),
    ("内容", "text", KeyPlace::Attachment),
    ("正文", "parts", KeyPlace::Attachment),
    ("仿宋", "body", KeyPlace::Fonts),
    ("楷体", "kai", KeyPlace::Fonts),
    ("黑体", "hei", KeyPlace::Fonts),
    ("小标宋", "title", KeyPlace::Fonts),
    ("宋体", "song", KeyPlace::Fonts),
    ("备用字体", "fallback", KeyPlace::Fonts),
    ("意见", "comments", KeyPlace::CommentsFile),
    ("序号", "id", KeyPlace::Comment),
    ("提出单位", "from", KeyPlace::Comment),
    ("单位", "from", KeyPlace::Comment),
    ("收到日期", "received", KeyPlace::Comment),
    ("条款", "on", KeyPlace::Comment),
    ("意见内容", "text", KeyPlace::Comment),
    ("内容", "text", KeyPlace::Comment),
    ("处理情况", "disposition", KeyPlace::Comment),
    ("理由", "reason", KeyPlace::Comment),
    ("备注", "note", KeyPlace::Comment),
];

/// "a" or "an" before a word.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The key a Chinese name means in a place.
pub fn english_key(name: &str, place: KeyPlace) -> Option<&'static str> {
    CHINESE_NAMES
        .iter()
        .find(|(zh, _, p)| *zh == name && *p == place)
        .map(|(_, key, _)| *key)
}

/// The Chinese name `import --keys zh` writes for a key in a place.
pub fn chinese_name(key: &str, place: KeyPlace) -> Option<&'static str> {
    CHINESE_NAMES
        .iter()
        .find(|(_, k, p)| *k == key && *p == place)
        .map(|(zh, _, _)| *zh)
}

/// The nearest valid key to a mistyped one, if any is near enough to suggest.
pub fn suggest_key(wrong: &str, valid: &[&'static str]) -> Option<&'static str> {
    let chinese = MetaField::ALL
        .into_iter()
        .find(|f| f.aliases().contains(&wrong))
        .map(MetaField::key)
        .or_else(|| {
            CHINESE_NAMES
                .iter()
                .find(|(zh, key, _)| *zh == wrong && valid.contains(key))
                .map(|(_, key, _)| *key)
        });
    if let Some(key) = chinese {
        return valid.contains(&key).then_some(key);
    }
    let lower = wrong.to_lowercase().replace('_', "-");
    let mut best: Option<(&'static str, f64)> = None;
    for key in valid {
        let score = strsim::jaro_winkler(&lower, key);
        if score > best.map_or(0.0, |b| b.1) {
            best = Some((key, score));
        }
    }
    let (key, score) = best?;
    (score >= 0.8).then_some(key)
}

impl Checker {
    /// Checks the keys of a mapping against the allowed set and returns them by name.
    pub(super) fn keys<'n>(
        &mut self,
        file: &SourceFile,
        entries: &'n [(Node, Node)],
        allowed: &[&'static str],
        place: KeyPlace,
    ) -> HashMap<&'n str, &'n Node> {
        let what = place.what();
        let mut found = HashMap::new();
        // Each key as written, for a key written in both forms.
        let mut written: HashMap<&str, (&str, crate::load::node::Pos)> = HashMap::new();
        self.suggested.clear();
        // Keys named as the file names them, in help.
        let named = |checker: &Checker, key: &str| match chinese_name(key, place) {
            Some(zh) if checker.chinese_keys => zh.to_string(),
            _ => key.to_string(),
        };
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
            let english = english_key(name, place).filter(|k| allowed.contains(k));
            if english.is_some() {
                self.chinese_keys = true;
            }
            // The key as the checker knows it: the English name, from `allowed`.
            let canonical = english.or_else(|| allowed.iter().copied().find(|k| *k == name));
            let Some(canonical) = canonical else {
                // A mistyped Chinese name (内荣 for 内容) is near its Chinese name.
                let suggestion = suggest_key(name, allowed).or_else(|| {
                    CHINESE_NAMES
                        .iter()
                        .filter(|(_, key, p)| *p == place && allowed.contains(key))
                        .map(|(zh, key, _)| (strsim::jaro_winkler(name, zh), *key))
                        .filter(|(score, _)| *score >= 0.65)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .and_then(|(_, key)| allowed.iter().copied().find(|k| *k == key))
                });
                self.suggested.extend(suggestion);
                let all: Vec<String> = allowed.iter().map(|k| named(self, k)).collect();
                let all = all.join(", ");
                let help = match suggestion {
                    Some(s) => format!(
                        "did you mean `{}`? The keys of {} {what} are: {all}",
                        named(self, s),
                        article(what)
                    ),
                    None => format!("the keys of {} {what} are: {all}", article(what)),
                };
                let d = Diagnostic::error(
                    &file.path,
                    key.pos.line,
                    key.pos.column,
                    format!("unknown key `{name}` in {} {what}", article(what)),
                )
                .help(help)
                .with_source(&file.text)
                .width(name.chars().count());
                self.diagnostics.push(d);
                continue;
            };
            if let Some((first, pos)) = written.get(canonical) {
                let d = Diagnostic::error(
                    &file.path,
                    key.pos.line,
                    key.pos.column,
                    format!("`{name}` and `{first}` are the same key, written twice in this {what}"),
                )
                .help(format!(
                    "keep one of them (the other is at line {}, column {}): a key may be written in English or in Chinese, not both",
                    pos.line, pos.column
                ))
                .with_source(&file.text)
                .width(name.chars().count());
                self.diagnostics.push(d);
                continue;
            }
            written.insert(canonical, (name.as_str(), key.pos));
            found.insert(canonical, value);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chinese_name_means_an_allowed_key() {
        for (zh, key, place) in CHINESE_NAMES {
            let allowed: Vec<&str> = match place {
                KeyPlace::Draft => draft_keys(),
                KeyPlace::Part => [PART_KEYS, &["table"]].concat(),
                KeyPlace::Table => TABLE_KEYS.to_vec(),
                KeyPlace::Cell => CELL_KEYS.to_vec(),
                KeyPlace::Attachment => ATTACHMENT_KEYS.to_vec(),
                KeyPlace::Fonts => FONT_KEYS.to_vec(),
                KeyPlace::CommentsFile => vec!["comments"],
                KeyPlace::Comment => crate::load::schema::COMMENT_KEYS.to_vec(),
                KeyPlace::Settings => vec!["lint"],
            };
            assert!(allowed.contains(key), "{zh} means {key}, not a key there");
            assert_eq!(english_key(zh, *place), Some(*key));
        }
    }

    #[test]
    fn suggests_near_keys_and_chinese_names() {
        let draft = draft_keys();
        assert_eq!(suggest_key("titel", &draft), Some("title"));
        assert_eq!(suggest_key("heading", &draft), None);
        assert_eq!(suggest_key("headng", PART_KEYS), Some("heading"));
        assert_eq!(suggest_key("run_in", PART_KEYS), Some("run-in"));
        assert_eq!(suggest_key("标题", &draft), Some("title"));
        assert_eq!(suggest_key("抄送", &draft), Some("cc"));
        assert_eq!(suggest_key("正文", &draft), Some("parts"));
        assert_eq!(suggest_key("zzzz", &draft), None);
    }

    #[test]
    fn draft_keys_keep_the_order_a_draft_is_written_in() {
        assert_eq!(
            draft_keys().join(" "),
            "title stage organ date number to style continuous preamble parts closing \
             attachments cc printer printed fonts lint"
        );
    }
}
