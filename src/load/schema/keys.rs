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

/// Chinese names an author may reach for, and the key they mean (besides the
/// metadata fields' own, in [`MetaField::aliases`]).
const CHINESE_KEYS: &[(&str, &str)] = &[
    ("前言", "preamble"),
    ("导语", "preamble"),
    ("正文", "parts"),
    ("结尾", "closing"),
    ("编号", "id"),
    ("小标题", "heading"),
    ("内容", "text"),
    ("段落", "text"),
];

/// The nearest valid key to a mistyped one, if any is near enough to suggest.
pub fn suggest_key(wrong: &str, valid: &[&'static str]) -> Option<&'static str> {
    let chinese = MetaField::ALL
        .into_iter()
        .find(|f| f.aliases().contains(&wrong))
        .map(MetaField::key)
        .or_else(|| {
            CHINESE_KEYS
                .iter()
                .find(|(zh, _)| *zh == wrong)
                .map(|(_, key)| *key)
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
