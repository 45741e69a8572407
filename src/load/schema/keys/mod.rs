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

/// The nearest key of a place to a mistyped one, if any is near enough,
/// and the name to suggest: a key typed in Latin letters is matched against
/// the English keys and answered in English; one typed in Chinese against
/// the Chinese names, by characters and by sound (a homophone typed by a
/// pinyin input method, 标体 for 标题, is nearer than another character).
/// A Chinese name of another place (正文 in a part) is pointed to the key it
/// means here, named as the file names its keys (`chinese`).
pub fn suggest_in(
    wrong: &str,
    place: KeyPlace,
    chinese: bool,
) -> Option<(&'static str, &'static str)> {
    let valid = names_in(place);
    if wrong.is_ascii() {
        let key = suggest_key(wrong, &valid)?;
        return Some((key, key));
    }
    if let Some(key) = suggest_key(wrong, &valid) {
        let name = chinese_name(key, place).filter(|_| chinese).unwrap_or(key);
        return Some((key, name));
    }
    let wrong: Vec<char> = wrong.chars().collect();
    let mut best: Option<(f64, &'static str, &'static str)> = None;
    for key in keys_in(place) {
        for name in key.chinese {
            let name_chars: Vec<char> = name.chars().collect();
            let cost = chinese::distance(&wrong, &name_chars);
            // Near: a slip of one character in a short name, about one in
            // three in a long one; and something of the name kept.
            let most = (name_chars.len().max(wrong.len()) as f64 / 3.0).max(1.0);
            let near = cost <= most && cost < name_chars.len() as f64;
            if near && best.is_none_or(|b| cost < b.0) {
                best = Some((cost, key.key, name));
            }
        }
    }
    best.map(|(_, key, name)| (key, name))
}

mod chinese {
    use pinyin::ToPinyinMulti;

    /// Whether two characters may be read alike (tones aside).
    fn sound_alike(a: char, b: char) -> bool {
        let (Some(a), Some(b)) = (a.to_pinyin_multi(), b.to_pinyin_multi()) else {
            return false;
        };
        a.into_iter()
            .any(|a| b.into_iter().any(|b| a.plain() == b.plain()))
    }

    /// The edit distance between two names by characters (an adjacent pair
    /// swapped is one edit), a character replaced by one read alike
    /// costing half.
    pub fn distance(a: &[char], b: &[char]) -> f64 {
        let mut d = vec![vec![0.0; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i as f64;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j as f64;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let change = if a[i - 1] == b[j - 1] {
                    0.0
                } else if sound_alike(a[i - 1], b[j - 1]) {
                    0.5
                } else {
                    1.0
                };
                let mut best = (d[i - 1][j] + 1.0)
                    .min(d[i][j - 1] + 1.0)
                    .min(d[i - 1][j - 1] + change);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[i - 2][j - 2] + 1.0);
                }
                d[i][j] = best;
            }
        }
        d[a.len()][b.len()]
    }
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
        let mut found = HashMap::new();
        // Each key as written, for a key written in both forms.
        let mut written: HashMap<&str, (&str, crate::load::node::Pos)> = HashMap::new();
        self.suggested.clear();
        // A mapping that writes most of its keys in Chinese, mistyped ones
        // too, is told of its keys in Chinese from the first message on.
        let chinese = entries
            .iter()
            .filter(|(key, _)| matches!(&key.value, Value::Str(name) if !name.is_ascii()))
            .count();
        self.chinese_keys |= chinese * 2 > entries.len();
        // Keys named as the file names them, in help.
        let named = |checker: &Checker, key: &str| match chinese_name(key, place) {
            Some(zh) if checker.chinese_keys => zh.to_string(),
            _ => key.to_string(),
        };
        for (key, value) in entries {
            let Value::Str(name) = &key.value else {
                let example = named(self, "title");
                let example = match place {
                    KeyPlace::Draft => example,
                    _ => self.shown("text"),
                };
                self.error(
                    file,
                    key.pos,
                    crate::tr!(
                        "load-key-not-word",
                        found = key.value.describe(),
                        example = example
                    ),
                    &crate::tr!("load-key-not-word-help"),
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
                let suggestion = suggest_in(name, place, self.chinese_keys);
                self.suggested.extend(suggestion.map(|(key, _)| key));
                let all: Vec<String> = allowed.iter().map(|k| named(self, k)).collect();
                let all = all.join(&crate::tr!("load-list-separator"));
                let place_code = place.code();
                let help = match suggestion {
                    Some((_, near)) => crate::tr!(
                        "load-unknown-key-help-near",
                        near = near,
                        place = place_code,
                        keys = all
                    ),
                    None => crate::tr!("load-unknown-key-help", place = place_code, keys = all),
                };
                let d = Diagnostic::error(
                    &file.path,
                    key.pos.line,
                    key.pos.column,
                    crate::tr!("load-unknown-key", key = name, place = place_code),
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
                    crate::tr!(
                        "load-key-twice",
                        key = name,
                        first = *first,
                        place = place.code()
                    ),
                )
                .help(crate::tr!(
                    "load-key-twice-help",
                    line = pos.line,
                    column = pos.column
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
                        place.code()
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
    fn a_mistyped_chinese_key_finds_its_chinese_name_by_characters_and_sound() {
        let near = |wrong, place| suggest_in(wrong, place, true).map(|(_, name)| name);
        assert_eq!(near("标体", KeyPlace::Draft), Some("标题"));
        assert_eq!(near("稿另", KeyPlace::Draft), Some("稿别"));
        assert_eq!(near("内谷", KeyPlace::Part), Some("内容"));
        assert_eq!(near("发文机观", KeyPlace::Draft), Some("发文机关"));
        // A homophone of both characters' sound, and a pair swapped.
        assert_eq!(near("彪题", KeyPlace::Draft), Some("标题"));
        assert_eq!(near("文发机关", KeyPlace::Draft), Some("发文机关"));
        // 字题 is one character from 标题 and from 字体: the sound decides.
        assert_eq!(near("字题", KeyPlace::Draft), Some("字体"));
        // 标体 is one character from 字体 too.
        assert_eq!(
            suggest_in("标体", KeyPlace::Draft, false),
            Some(("title", "标题"))
        );
        // A name of another place: the key it means here.
        assert_eq!(near("正文", KeyPlace::Part), Some("条目"));
        assert_eq!(
            suggest_in("正文", KeyPlace::Part, false),
            Some(("parts", "parts"))
        );
        // Close to nothing: no suggestion.
        assert_eq!(near("作者", KeyPlace::Draft), None);
        assert_eq!(near("附加说明事项", KeyPlace::Draft), None);
        // English is matched against English and answered in English.
        assert_eq!(
            suggest_in("titel", KeyPlace::Draft, true),
            Some(("title", "title"))
        );
        assert_eq!(suggest_in("heading", KeyPlace::Draft, false), None);
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
