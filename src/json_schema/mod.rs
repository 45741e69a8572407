//! `gongwen schema`: the draft format as JSON Schema (draft 2020-12), so an
//! editor with a YAML language server (VS Code's YAML extension, JetBrains,
//! Neovim) completes keys, shows what each means in Chinese and English, and
//! flags a mistyped key, a wrong type or an unknown value as the author types.
//!
//! One schema per kind of file ([`SchemaKind`]): a whole draft, a part file
//! a draft folder includes, an attachment file, a comments file and the
//! settings file. Each is whole by itself (its `$defs` inside), so it works
//! from a file on disk with no network. Which keys exist, their Chinese names,
//! forms and meanings come from the loader's key table
//! ([`crate::load::schema::KEYS`]); the closed sets of values (numbering
//! styles, level names, dispositions, lint rules and levels) from the lists
//! the loader reads them by. What needs the whole draft — numbering, references,
//! table shapes, a comment's part — only `gongwen check` can say.
//!
//! ```
//! use gongwen::json_schema::{SchemaKind, schema};
//! let draft = schema(SchemaKind::Draft);
//! assert!(draft["properties"]["标题"]["description"].as_str().unwrap().starts_with("标题："));
//! ```

mod defs;
mod patterns;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

pub use crate::save::modeline::{FOLDER, SchemaKind, modeline};

/// What files it describes, in Chinese and English (the schema's title).
fn title(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Draft => "gongwen 草稿 / a gongwen draft",
        SchemaKind::Part => "gongwen 部分文件 / a part file of a gongwen draft folder",
        SchemaKind::Attachment => "gongwen 附件文件 / an attachment file of a gongwen draft folder",
        SchemaKind::Comments => "gongwen 征求意见记录 / the comments received on a draft",
        SchemaKind::Settings => "gongwen 项目设置 / a gongwen project's settings",
    }
}

/// Which files those are, for the schema's description.
fn description(kind: SchemaKind) -> &'static str {
    match kind {
        SchemaKind::Draft => {
            "一稿文件（v1.yaml）或草稿文件夹的 draft.yaml；键名可用英文或中文。\n\
             A draft file (v1.yaml), or draft.yaml of a draft folder; keys in English or Chinese."
        }
        SchemaKind::Part => {
            "草稿文件夹中由 draft.yaml 的 - include: 读入的文件：一个部分，或一列部分。\n\
             A file draft.yaml reads with - include: in its parts: one part, or a list of parts."
        }
        SchemaKind::Attachment => {
            "草稿文件夹中由 draft.yaml 附件列表的 - include: 读入的附件。\n\
             An attachment draft.yaml reads with - include: in its attachments."
        }
        SchemaKind::Comments => {
            "一稿收到的意见，放在该稿旁边：v1.comments.yaml。\n\
             The comments received on a draft, kept beside it: v1.comments.yaml."
        }
        SchemaKind::Settings => {
            "项目文件夹中的 .gongwen.yaml：各稿共用的起草检查设置。\n\
             .gongwen.yaml in a project folder: drafting-lint settings for all its drafts."
        }
    }
}

/// The JSON Schema of a kind of file.
pub fn schema(kind: SchemaKind) -> Value {
    schema_of(kind, &defs::all())
}

/// The JSON Schema of a kind of file, from every definition there is.
fn schema_of(kind: SchemaKind, defs: &serde_json::Map<String, Value>) -> Value {
    let mut root = match kind {
        SchemaKind::Draft => defs["draft"].clone(),
        SchemaKind::Part => json!({"anyOf": [
            {"$ref": "#/$defs/part"},
            {"$ref": "#/$defs/parts"},
        ]}),
        SchemaKind::Attachment => defs["attachment"].clone(),
        SchemaKind::Comments => defs["comments-file"].clone(),
        SchemaKind::Settings => defs["settings"].clone(),
    };
    let reached = reached(&root, defs);
    let Value::Object(map) = &mut root else {
        unreachable!("every schema is an object")
    };
    map.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    map.insert("title".into(), json!(title(kind)));
    map.insert("description".into(), json!(description(kind)));
    let defs = defs
        .iter()
        .filter(|(name, _)| reached.contains(name))
        .map(|(name, def)| (name.clone(), def.clone()));
    map.insert("$defs".into(), Value::Object(defs.collect()));
    root
}

/// The names of the definitions `root` refers to, and those they refer to.
fn reached(root: &Value, defs: &serde_json::Map<String, Value>) -> Vec<String> {
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(r)) = map.get("$ref")
                    && let Some(name) = r.strip_prefix("#/$defs/")
                {
                    out.push(name.to_string());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    refs(root, &mut found);
    let mut i = 0;
    while i < found.len() {
        if let Some(def) = defs.get(&found[i]) {
            let mut more = Vec::new();
            refs(def, &mut more);
            found.extend(
                more.into_iter()
                    .filter(|m| !found.contains(m))
                    .collect::<Vec<_>>(),
            );
        }
        i += 1;
    }
    found.sort();
    found.dedup();
    found
}

/// The schema as the file holds it: indented JSON ending in a line break.
pub fn schema_text(kind: SchemaKind) -> String {
    text_of(&schema(kind))
}

fn text_of(schema: &Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("JSON values serialise");
    text.push('\n');
    text
}

/// Where [`files`] go, relative to the output folder, without making them.
pub fn file_paths() -> Vec<PathBuf> {
    SchemaKind::ALL
        .into_iter()
        .map(|kind| Path::new(FOLDER).join(kind.file_name()))
        .collect()
}

/// The files `build` writes below its output folder: (path relative to the
/// output folder, contents).
pub fn files() -> Vec<(PathBuf, String)> {
    let defs = defs::all();
    SchemaKind::ALL
        .into_iter()
        .map(|kind| {
            // The definitions made once for all the files.
            let schema = schema_of(kind, &defs);
            (Path::new(FOLDER).join(kind.file_name()), text_of(&schema))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_named_and_read_back() {
        for kind in SchemaKind::ALL {
            assert_eq!(SchemaKind::parse(kind.name()), Some(kind));
            assert_eq!(schema(kind)["title"], json!(title(kind)));
        }
    }

    #[test]
    fn each_lint_rule_is_explained_in_chinese_and_in_english() {
        use crate::i18n::Lang;
        let settings = schema(SchemaKind::Settings);
        for rule in crate::lint::Rule::ALL {
            let described = &settings["$defs"]["lint"]["properties"][rule.id()]["description"];
            let described = described.as_str().unwrap_or_default();
            for lang in Lang::ALL {
                let explained = rule.explanation_in(lang);
                assert!(described.contains(&explained), "{described}");
            }
        }
    }
}
