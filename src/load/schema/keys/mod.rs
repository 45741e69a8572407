//! Which keys a mapping of a draft may hold, and the nearest one to a
//! mistyped key (in English or in the Chinese an author may reach for).

mod table;

pub use table::{Form, KEYS, Key, KeyPlace, Need, find, keys_in, names_in};

use std::collections::HashMap;

use super::{Checker, SourceFile};
use crate::diagnostic::Diagnostic;
use crate::fields::MetaField;
use crate::load::node::{Node, Value};

/// Keys allowed at the top of a draft, in the order the YAML writer writes them.
pub fn draft_keys() -> Vec<&'static str> {
    names_in(KeyPlace::Draft)
}

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
    keys_in(place)
        .find(|k| k.chinese.contains(&name))
        .map(|k| k.key)
}

/// The Chinese name `import --keys zh` writes for a key in a place.
pub fn chinese_name(key: &str, place: KeyPlace) -> Option<&'static str> {
    find(place, key).and_then(|k| k.chinese.first().copied())
}

/// The nearest valid key to a mistyped one, if any is near enough to suggest.
pub fn suggest_key(wrong: &str, valid: &[&'static str]) -> Option<&'static str> {
    let chinese = MetaField::ALL
        .into_iter()
        .find(|f| f.aliases().contains(&wrong))
        .map(MetaField::key)
        .or_else(|| {
            KEYS.iter()
                .find(|k| k.chinese.contains(&wrong) && valid.contains(&k.key))
                .map(|k| k.key)
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
    /// Checks the keys of a mapping against those the table gives its place,
    /// and returns them by their English names.
    pub(super) fn keys<'n>(
        &mut self,
        file: &SourceFile,
        entries: &'n [(Node, Node)],
        place: KeyPlace,
    ) -> HashMap<&'n str, &'n Node> {
        let allowed = &names_in(place)[..];
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
                    keys_in(place)
                        .flat_map(|k| k.chinese.iter().map(move |zh| (*zh, k.key)))
                        .map(|(zh, key)| (strsim::jaro_winkler(name, zh), key))
                        .filter(|(score, _)| *score >= 0.65)
                        .max_by(|a, b| a.0.total_cmp(&b.0))
                        .map(|(_, key)| key)
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
    fn every_chinese_name_means_one_key_of_its_place() {
        for place in KeyPlace::ALL {
            let mut seen = std::collections::HashSet::new();
            for k in keys_in(place) {
                for name in k.names() {
                    assert!(
                        seen.insert(name),
                        "{name} is two keys of a {}",
                        place.what()
                    );
                }
                for zh in k.chinese {
                    assert_eq!(english_key(zh, place), Some(k.key));
                }
            }
        }
    }

    #[test]
    fn every_metadata_field_is_a_draft_key_of_its_form() {
        use crate::fields::FieldForm;
        for field in MetaField::ALL {
            let row = find(KeyPlace::Draft, field.key()).expect("a draft key");
            let forms: &[Form] = match field.form() {
                FieldForm::Text | FieldForm::Value => &[Form::Text, Form::Stage],
                FieldForm::Date => &[Form::Date],
                FieldForm::List => &[Form::Texts, Form::Attachments],
            };
            assert!(forms.contains(&row.form), "{field:?} is {:?}", row.form);
            assert_eq!(row.chinese.first(), Some(&field.label()), "{field:?}");
        }
    }

    #[test]
    fn suggests_near_keys_and_chinese_names() {
        let draft = draft_keys();
        assert_eq!(suggest_key("titel", &draft), Some("title"));
        assert_eq!(suggest_key("heading", &draft), None);
        let part = names_in(KeyPlace::Part);
        assert_eq!(suggest_key("headng", &part), Some("heading"));
        assert_eq!(suggest_key("run_in", &part), Some("run-in"));
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
