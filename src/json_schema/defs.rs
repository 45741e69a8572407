//! The `$defs` every schema carries: one for each place of the key table (a
//! draft, a part, a table …), made from its rows, and one for each form of
//! value the rows name.

use serde_json::{Map, Value, json};

use super::patterns;
use crate::i18n::Lang;
use crate::load::schema::{Form, KEYS, Key, KeyPlace, LINT_LEVEL_NAMES, Need, keys_in};
use crate::model::{Disposition, Level, Style};

/// Labels for 稿别 an editor offers. `check` takes any text there, so these
/// are suggestions (`examples`), not a closed set.
const STAGES: [&str; 6] = ["征求意见稿", "送审稿", "草案", "讨论稿", "修改稿", "报批稿"];

/// What `on:` may say for the whole text, offered first.
const GENERAL: [&str; 2] = ["general", "全文"];

/// Every definition, by name.
pub fn all() -> Map<String, Value> {
    let text = json!({
        "type": "string",
        "pattern": patterns::text(),
        "patternErrorMessage": "不能为空，也不能含看不见的控制字符 / must not be empty, nor hold invisible control characters",
    });
    let mut defs = Map::new();
    let mut def = |name: &str, value: Value| {
        defs.insert(name.to_string(), value);
    };
    def("text", text);
    def(
        "texts",
        json!({"anyOf": [
            {"$ref": "#/$defs/text"},
            {"type": "array", "items": {"$ref": "#/$defs/text"}},
        ]}),
    );
    def(
        "date",
        json!({
            "type": "string",
            "pattern": patterns::DATE,
            "patternErrorMessage": "日期写作 2021-09-01 或 2021年9月1日 / write the date as 2021-09-01 or 2021年9月1日",
            "examples": ["2021-09-01", "2021年9月1日"],
        }),
    );
    let styles: Vec<&str> = Style::names().map(|(name, _)| name).collect();
    def("style", json!({ "enum": styles }));
    def("levels", levels(None));
    for style in Style::ALL {
        def(&levels_def(style), levels(Some(style)));
    }
    def("flag", json!({"enum": [true, false, "是", "否"]}));
    def(
        "part-id",
        json!({"anyOf": [
            {"type": "integer"},
            {"type": "string", "pattern": patterns::ID,
             "patternErrorMessage": "标识由字母（含汉字）、数字、- 和 _ 组成，不含空格 / letters (Chinese too), digits, - and _, no spaces"},
        ]}),
    );
    let divisions: Vec<&str> = Level::NAMES
        .iter()
        .filter(|(_, _, level)| level.is_division())
        .map(|(_, name, _)| *name)
        .collect();
    def("kind", json!({"enum": divisions}));
    def(
        "span",
        json!({"type": "integer", "minimum": 1, "maximum": 10_000}),
    );
    def(
        "cell-text",
        json!({
            "type": ["string", "number", "boolean", "null"],
            "pattern": patterns::no_controls(),
        }),
    );
    def(
        "cell",
        json!({"anyOf": [
            {"$ref": "#/$defs/cell-text"},
            {"$ref": "#/$defs/merged-cell"},
        ]}),
    );
    def(
        "row",
        json!({"type": "array", "items": {"$ref": "#/$defs/cell"}}),
    );
    def(
        "comment-id",
        json!({"anyOf": [{"type": "integer"}, {"$ref": "#/$defs/text"}]}),
    );
    def(
        "target",
        json!({
            "anyOf": [{"type": "integer"}, {"$ref": "#/$defs/text"}],
            "examples": GENERAL,
        }),
    );
    def("disposition", disposition());
    def("lint", lint());
    def("include", include());
    def(
        "part",
        json!({"anyOf": [{"$ref": "#/$defs/text"}, {"$ref": "#/$defs/part-mapping"}]}),
    );
    def(
        "parts",
        json!({"type": "array", "items": {"$ref": "#/$defs/part"}}),
    );
    def(
        "body",
        json!({"anyOf": [
            {"$ref": "#/$defs/text"},
            {"type": "array", "items": {"anyOf": [
                {"$ref": "#/$defs/text"},
                {"$ref": "#/$defs/block"},
            ]}},
        ]}),
    );
    for (name, place) in [
        ("draft", KeyPlace::Draft),
        ("part-mapping", KeyPlace::Part),
        ("block", KeyPlace::Block),
        ("fonts", KeyPlace::Fonts),
        ("table", KeyPlace::Table),
        ("merged-cell", KeyPlace::Cell),
        ("attachment", KeyPlace::Attachment),
        ("comments-file", KeyPlace::CommentsFile),
        ("comment", KeyPlace::Comment),
        ("settings", KeyPlace::Settings),
    ] {
        def(name, mapping(place));
    }
    defs
}

/// The schema of a form of value.
fn form(form: Form) -> Value {
    let r = |name: &str| json!({"$ref": format!("#/$defs/{name}")});
    match form {
        Form::Text | Form::Include => r("text"),
        Form::Stage => json!({"$ref": "#/$defs/text", "examples": STAGES}),
        Form::Date => r("date"),
        Form::Texts => r("texts"),
        Form::Style => r("style"),
        Form::Levels => r("levels"),
        Form::TopParts => json!({"type": "array", "items": {"anyOf": [
            {"$ref": "#/$defs/part"},
            {"$ref": "#/$defs/include"},
        ]}}),
        Form::Parts => r("parts"),
        Form::Body => r("body"),
        Form::Attachments => json!({"anyOf": [
            {"$ref": "#/$defs/text"},
            {"type": "array", "items": {"anyOf": [
                {"$ref": "#/$defs/text"},
                {"$ref": "#/$defs/include"},
                {"$ref": "#/$defs/attachment"},
            ]}},
        ]}),
        Form::Fonts => r("fonts"),
        Form::Lint => r("lint"),
        Form::PartId => r("part-id"),
        Form::Flag => r("flag"),
        Form::Kind => r("kind"),
        Form::Table => r("table"),
        Form::Widths => json!({"type": "array", "items": {"$ref": "#/$defs/span"}}),
        Form::Header => json!({"anyOf": [
            {"$ref": "#/$defs/row"},
            {"type": "array", "items": {"$ref": "#/$defs/row"}},
        ]}),
        Form::Rows => json!({"type": "array", "items": {"$ref": "#/$defs/row"}}),
        Form::CellText => r("cell-text"),
        Form::Span => r("span"),
        Form::Comments => json!({"type": "array", "items": {"$ref": "#/$defs/comment"}}),
        Form::CommentId => r("comment-id"),
        Form::Targets => json!({"anyOf": [
            {"$ref": "#/$defs/target"},
            {"type": "array", "items": {"$ref": "#/$defs/target"}, "minItems": 1},
        ]}),
        Form::Disposition => r("disposition"),
    }
}

/// A key's schema under one of its names, with what it means.
fn property(key: &Key, name: &str) -> Value {
    let mut schema = form(key.form);
    let zh_name = key.chinese.first().copied().unwrap_or(key.key);
    let others: Vec<&str> = key.names().filter(|n| *n != name).collect();
    let also = format!("（也可写作 / also written as: {}）", others.join(", "));
    let map = schema.as_object_mut().expect("a form is an object");
    map.insert(
        "description".into(),
        json!(format!("{}\n{}\n{also}", key.zh, key.en)),
    );
    map.insert(
        "markdownDescription".into(),
        json!(format!(
            "**{zh_name}** · `{}`\n\n{}\n\n{}\n\n{also}",
            key.key, key.zh, key.en
        )),
    );
    // Offer the English key and its first Chinese name; the other Chinese
    // names are read, and shown on hover, but not offered.
    if key.chinese.iter().skip(1).any(|n| *n == name) {
        map.insert("doNotSuggest".into(), json!(true));
    }
    schema
}

/// `{"required": [name]}` for each name: the key written in any of them.
fn written(key: &Key) -> Vec<Value> {
    key.names().map(|n| json!({"required": [n]})).collect()
}

/// The mapping of a place: its keys under every name, nothing else.
fn mapping(place: KeyPlace) -> Value {
    let keys: Vec<&Key> = keys_in(place)
        .filter(|k| !(place == KeyPlace::Part && k.form == Form::Include))
        .collect();
    let mut properties = Map::new();
    let mut all_of: Vec<Value> = Vec::new();
    for key in &keys {
        for name in key.names() {
            properties.insert(name.to_string(), property(key, name));
        }
        // One key, one name: `title` and `标题` in one mapping is an error.
        let names: Vec<&str> = key.names().collect();
        for (i, a) in names.iter().enumerate() {
            for b in &names[i + 1..] {
                all_of.push(json!({"not": {"required": [a, b]}}));
            }
        }
        if key.need == Need::Required {
            all_of.push(json!({"anyOf": written(key)}));
        }
    }
    let one_of: Vec<Value> = keys
        .iter()
        .filter(|k| k.need == Need::OneOf)
        .flat_map(|k| written(k))
        .collect();
    if !one_of.is_empty() {
        all_of.push(json!({"anyOf": one_of}));
    }
    all_of.extend(reason_unless_adopted(&keys));
    all_of.extend(levels_of_the_style(&keys));
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if place == KeyPlace::Block {
        // One entry of a text list holds one key: `table:` or `parts:`.
        schema["maxProperties"] = json!(1);
    }
    if !all_of.is_empty() {
        schema["allOf"] = Value::Array(all_of);
    }
    schema
}

/// A key under any of its names holding a value that matches `value`.
fn holds(key: &Key, value: &Value) -> Value {
    let any: Vec<Value> = key
        .names()
        .map(|n| json!({"required": [n], "properties": {n: value}}))
        .collect();
    json!({"anyOf": any})
}

/// A key that is needed unless the disposition is 采纳 (adopted), or not
/// yet decided (待处理).
fn reason_unless_adopted(keys: &[&Key]) -> Option<Value> {
    let disposition = keys.iter().find(|k| k.form == Form::Disposition)?;
    let needed = keys.iter().find(|k| k.need == Need::UnlessAdopted)?;
    let adopted: Vec<&str> = Disposition::NAMES
        .iter()
        .filter(|(_, d)| !d.needs_reason())
        .map(|(name, _)| *name)
        .collect();
    let not_adopted = json!({"not": {"pattern": patterns::any_case(&adopted)}});
    Some(json!({
        "if": holds(disposition, &not_adopted),
        "then": {"anyOf": written(needed)},
    }))
}

/// Level names as the place's numbering style reads them: 章 is no level
/// of the outline style, 2 none of the articles style. A style other than
/// the default is told by its names; the default is what is left.
fn levels_of_the_style(keys: &[&Key]) -> Option<Value> {
    let style = keys.iter().find(|k| k.form == Form::Style)?;
    let levels = keys.iter().find(|k| k.form == Form::Levels)?;
    let under = |s: Style| {
        let properties: Map<String, Value> = levels
            .names()
            .map(|n| {
                (
                    n.to_string(),
                    json!({"$ref": format!("#/$defs/{}", levels_def(s))}),
                )
            })
            .collect();
        json!({"properties": properties})
    };
    let mut schema = under(Style::default());
    for s in Style::ALL
        .into_iter()
        .rev()
        .filter(|s| *s != Style::default())
    {
        let names: Vec<&str> = Style::names()
            .filter(|(_, named)| *named == s)
            .map(|(name, _)| name)
            .collect();
        schema = json!({
            "if": holds(style, &json!({"enum": names})),
            "then": under(s),
            "else": schema,
        });
    }
    Some(schema)
}

/// The name of the definition of a style's level names: `articles-levels`.
fn levels_def(style: Style) -> String {
    format!("{}-levels", style.name())
}

/// `continuous`: one level or a list, of a style or of either.
fn levels(style: Option<Style>) -> Value {
    let mut names: Vec<Value> = Vec::new();
    for (s, name, _) in Level::NAMES {
        if style.is_some_and(|style| style != s) {
            continue;
        }
        // A number is read as the name it is written as.
        if let Ok(n) = name.parse::<u8>() {
            names.push(json!(n));
        }
        names.push(json!(name));
    }
    let one = json!({"enum": names});
    json!({"anyOf": [one, {"type": "array", "items": one}]})
}

/// 处理情况: the five names offered, every name `check` reads accepted.
fn disposition() -> Value {
    let offered: Vec<&str> = Disposition::ALL.iter().map(|d| d.zh()).collect();
    let read: Vec<&str> = Disposition::NAMES.iter().map(|(name, _)| *name).collect();
    json!({"anyOf": [
        {"enum": offered},
        {"type": "string", "pattern": patterns::any_case(&read)},
    ]})
}

/// `lint:`: each rule by its id, turned off, a warning or an error.
fn lint() -> Value {
    let mut levels: Vec<Value> = LINT_LEVEL_NAMES.iter().map(|(n, _)| json!(n)).collect();
    // `off` unquoted is false to a YAML 1.1 reader.
    levels.push(json!(false));
    let rules: Map<String, Value> = crate::lint::Rule::ALL
        .iter()
        .map(|rule| {
            let schema = json!({
                "enum": levels,
                "description": format!(
                    "起草检查规则 `{id}`：{}\nlint rule `{id}`: {}",
                    rule.explanation_in(Lang::Zh),
                    rule.explanation_in(Lang::En),
                    id = rule.id(),
                ),
            });
            (rule.id().to_string(), schema)
        })
        .collect();
    json!({"type": "object", "properties": rules, "additionalProperties": false})
}

/// `- include: file.yaml`: an entry that is the one key `include`.
fn include() -> Value {
    let key = KEYS
        .iter()
        .find(|k| k.place == KeyPlace::Part && k.form == Form::Include)
        .expect("the table has include");
    let properties: Map<String, Value> = key
        .names()
        .map(|n| (n.to_string(), property(key, n)))
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
        "minProperties": 1,
        "maxProperties": 1,
    })
}
