//! Issue 24: `gongwen schema` — a JSON Schema of the draft and comments formats that agrees with `check`.
//!
//! The files are read as `check` reads them (the loader's node tree, made
//! JSON) and validated with the `jsonschema` crate as an editor's YAML
//! language server would: every file of the reference documents, the fixture,
//! drafts the YAML writer makes; broken drafts the schema and `check` must
//! both refuse; and, for every row of the loader's key table, variants of a
//! small project that the schema and `check` must judge alike.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use gongwen::json_schema::{SchemaKind, schema};
use gongwen::load::node::{Node, Value as Yaml};
use gongwen::load::schema::{Form, KEYS, Key, KeyPlace, Need};
use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common::root;

/// A YAML file as JSON, as `check` reads it: the loader's node tree, with a
/// key that is not text (`on:`, which YAML 1.1 reads as true) named as it is
/// written.
fn json_of(text: &str) -> Value {
    let node = Node::parse(text).unwrap_or_else(|e| panic!("not YAML: {e}\n{text}"));
    to_json(&node, text)
}

fn to_json(node: &Node, text: &str) -> Value {
    match &node.value {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => json!(b),
        Yaml::Int(i) => i64::try_from(*i).map_or_else(|_| json!(*i as f64), |i| json!(i)),
        Yaml::Float(f) => json!(f),
        Yaml::Str(s) => json!(s),
        Yaml::Seq(items) => items.iter().map(|n| to_json(n, text)).collect(),
        Yaml::Map(entries) => entries
            .iter()
            .map(|(k, v)| (key_as_written(k, text), to_json(v, text)))
            .collect::<serde_json::Map<_, _>>()
            .into(),
    }
}

fn key_as_written(key: &Node, text: &str) -> String {
    if let Yaml::Str(s) = &key.value {
        return s.clone();
    }
    let line = text.lines().nth(key.pos.line as usize - 1).unwrap_or("");
    let rest: String = line.chars().skip(key.pos.column as usize - 1).collect();
    rest.split(':').next().unwrap_or("").trim().to_string()
}

fn validator(kind: SchemaKind) -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema(kind)).expect("the schema compiles")
}

/// What the schema finds wrong with `value`, one line each (empty: valid).
fn problems(validator: &jsonschema::Validator, value: &Value) -> Vec<String> {
    validator
        .iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// Runs `gongwen ARGS` in `dir`: (exit code, standard output and error).
fn gongwen(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run gongwen");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text)
}

/// Every YAML file below a folder.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(yaml_files(&path));
        } else if path.extension().is_some_and(|e| e == "yaml") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// The schema a file's first line names, and the file it points at.
fn modeline_of(file: &Path) -> (SchemaKind, PathBuf) {
    let text = std::fs::read_to_string(file).unwrap();
    let first = text.lines().next().unwrap_or("");
    let target = first
        .strip_prefix("# yaml-language-server: $schema=")
        .unwrap_or_else(|| {
            panic!(
                "{} does not start with the modeline: {first}",
                file.display()
            )
        });
    let name = Path::new(target).file_name().unwrap().to_string_lossy();
    let kind = SchemaKind::ALL
        .into_iter()
        .find(|k| k.file_name() == name)
        .unwrap_or_else(|| panic!("{}: no schema named {name}", file.display()));
    (
        kind,
        gongwen::paths::absolute(&file.parent().unwrap().join(target)),
    )
}

#[test]
fn every_file_of_the_reference_documents_names_its_schema_and_validates() {
    let files = yaml_files(&root().join("drafts"));
    assert!(files.len() >= 12, "{files:?}");
    let mut kinds = Vec::new();
    for file in &files {
        let (kind, target) = modeline_of(file);
        // The line points at what `build` run in the project writes.
        assert_eq!(
            target,
            root().join("output/schema").join(kind.file_name()),
            "{}",
            file.display()
        );
        let value = json_of(&std::fs::read_to_string(file).unwrap());
        let found = problems(&validator(kind), &value);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
        kinds.push(kind);
    }
    for kind in [
        SchemaKind::Draft,
        SchemaKind::Part,
        SchemaKind::Attachment,
        SchemaKind::Comments,
    ] {
        assert!(kinds.contains(&kind), "no file of kind {kind:?}");
    }
    // `check` minds the line no more than any other comment.
    let (code, out) = gongwen(root(), &["check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn every_fixture_draft_validates() {
    let draft = validator(SchemaKind::Draft);
    let fixtures = yaml_files(&root().join("tests/fixtures"));
    assert!(!fixtures.is_empty());
    for file in fixtures {
        let value = json_of(&std::fs::read_to_string(&file).unwrap());
        let found = problems(&draft, &value);
        assert!(found.is_empty(), "{}: {found:#?}", file.display());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// The YAML the writer makes (`import`, in both key languages, as one
    /// file or a folder of part files) is what the schema describes.
    #[test]
    fn drafts_the_writer_makes_validate(draft in crate::common::draft()) {
        let (whole, part) = (validator(SchemaKind::Draft), validator(SchemaKind::Part));
        for form in [gongwen::save::KeyForm::English, gongwen::save::KeyForm::Chinese] {
            let text = gongwen::save::to_string_in(&draft, form);
            let found = problems(&whole, &json_of(&text));
            prop_assert!(found.is_empty(), "{found:#?}\n{text}");
            for (i, (name, text)) in gongwen::save::to_folder_in(&draft, form).iter().enumerate() {
                let kind = if i == 0 { &whole } else { &part };
                let found = problems(kind, &json_of(text));
                prop_assert!(found.is_empty(), "{name}: {found:#?}\n{text}");
            }
        }
    }
}

#[test]
fn each_schema_is_json_schema_2020_12_and_printed_as_build_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    for kind in SchemaKind::ALL {
        let value = schema(kind);
        assert_eq!(
            value["$schema"],
            json!("https://json-schema.org/draft/2020-12/schema")
        );
        if let Err(e) = jsonschema::draft202012::meta::validate(&value) {
            panic!("{kind:?}: {e}");
        }
        let (code, printed) = gongwen(dir.path(), &["schema", kind.name()]);
        assert_eq!(code, 0, "{printed}");
        assert_eq!(serde_json::from_str::<Value>(&printed).unwrap(), value);
    }
    let (code, out) = gongwen(dir.path(), &["schema", "--out", "editor"]);
    assert_eq!(code, 0, "{out}");
    for kind in SchemaKind::ALL {
        let written = std::fs::read_to_string(dir.path().join("editor").join(kind.file_name()));
        assert_eq!(written.unwrap(), gongwen::json_schema::schema_text(kind));
    }
    let (code, out) = gongwen(dir.path(), &["schema", "drafts"]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("possible values: draft, part, attachment, comments, settings"),
        "{out}"
    );
}

#[test]
fn build_writes_the_schemas_the_drafts_point_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/doc");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(
        doc.join("v1.yaml"),
        "# yaml-language-server: $schema=../../output/schema/draft.schema.json\n\
         title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    text: 正文。\n",
    )
    .unwrap();
    let (code, out) = gongwen(dir.path(), &["build", "--format", "md"]);
    assert_eq!(code, 0, "{out}");
    for kind in SchemaKind::ALL {
        let file = dir.path().join("output/schema").join(kind.file_name());
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            gongwen::json_schema::schema_text(kind),
            "{}",
            file.display()
        );
        assert!(
            out.contains(&format!("wrote   output/schema/{}", kind.file_name())),
            "{out}"
        );
    }
    let (_, target) = modeline_of(&doc.join("v1.yaml"));
    assert!(target.is_file(), "{}", target.display());
    // Unchanged, they are not written again.
    let (code, again) = gongwen(dir.path(), &["build", "--format", "md"]);
    assert_eq!(code, 0, "{again}");
    assert!(!again.contains("schema.json"), "{again}");
    assert!(again.contains("wrote   output/doc/v1.md"), "{again}");
    // They are stamped as written; one edited or removed by hand is
    // written again, and the others left be.
    let schemas = dir.path().join("output/schema");
    assert!(schemas.join(".schemas-written").is_file());
    let draft_schema = schemas.join("draft.schema.json");
    std::fs::write(&draft_schema, "{}\n").unwrap();
    std::fs::remove_file(schemas.join("comments.schema.json")).unwrap();
    let (code, mended) = gongwen(dir.path(), &["build", "--format", "md"]);
    assert_eq!(code, 0, "{mended}");
    assert!(
        mended.contains("wrote   output/schema/draft.schema.json"),
        "{mended}"
    );
    assert!(
        mended.contains("wrote   output/schema/comments.schema.json"),
        "{mended}"
    );
    assert!(!mended.contains("part.schema.json"), "{mended}");
    assert_eq!(
        std::fs::read_to_string(&draft_schema).unwrap(),
        gongwen::json_schema::schema_text(SchemaKind::Draft)
    );
    // They hold both languages: a build in Chinese leaves them be.
    let (code, chinese) = gongwen(dir.path(), &["build", "--format", "md", "--lang", "zh"]);
    assert_eq!(code, 0, "{chinese}");
    assert!(!chinese.contains("schema.json"), "{chinese}");
}

#[test]
fn a_draft_imported_into_drafts_starts_with_the_modeline() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("notes.txt"),
        "关于测试的通知\n一、总体要求\n正文。\n",
    )
    .unwrap();
    for (out, files) in [
        ("drafts/notes/v1.yaml", vec![("v1.yaml", SchemaKind::Draft)]),
        (
            "drafts/notes/v2",
            vec![
                ("v2/draft.yaml", SchemaKind::Draft),
                ("v2/01.yaml", SchemaKind::Part),
            ],
        ),
    ] {
        let (code, said) = gongwen(dir.path(), &["import", "notes.txt", "--out", out]);
        assert_eq!(code, 0, "{said}");
        for (file, kind) in files {
            let path = dir.path().join("drafts/notes").join(file);
            let (named, target) = modeline_of(&path);
            assert_eq!(named, kind, "{file}");
            assert_eq!(
                target,
                gongwen::paths::absolute(&dir.path().join("output/schema").join(kind.file_name()))
            );
        }
    }
    let (code, said) = gongwen(dir.path(), &["check"]);
    assert_eq!(code, 0, "{said}");
    // Outside a drafts folder there is no telling where the output goes.
    let (code, said) = gongwen(
        dir.path(),
        &["import", "notes.txt", "--out", "elsewhere.yaml"],
    );
    assert_eq!(code, 0, "{said}");
    let text = std::fs::read_to_string(dir.path().join("elsewhere.yaml")).unwrap();
    assert!(!text.contains("yaml-language-server"), "{text}");
}

// A project of many small cases, each judged by the schema and by one run
// of `check` over them all.

/// The files of one case: a draft folder with a part file and an attachment
/// file it may include, and perhaps a comments file and a settings file.
#[derive(Clone)]
struct Files {
    draft: Value,
    part: Value,
    attachment: Value,
    comments: Option<Value>,
    settings: Option<Value>,
}

/// A case: what it tries, its files, and whether both should take it.
struct Case {
    what: String,
    files: Files,
    valid: bool,
}

/// Which file of a case a place's mapping is in.
#[derive(Clone, Copy)]
enum In {
    Draft,
    Comments,
    Settings,
}

/// A small project in the articles style, with a mapping of each place,
/// and where that mapping is.
fn host(place: KeyPlace) -> (Files, In, &'static str) {
    let comment = json!({"id": 1, "from": "区教育局", "on": "general", "text": "建议修改。",
                         "disposition": "采纳", "reason": "理由。"});
    let mut files = Files {
        draft: json!({"title": "测试办法", "style": "articles",
                      "parts": [{"heading": "总则", "text": "第一条的文字。"}]}),
        part: json!({"heading": "引入的章", "text": "引入的条。"}),
        attachment: json!({"title": "附件文件", "text": "附件正文。"}),
        comments: None,
        settings: None,
    };
    let (file, at) = match place {
        KeyPlace::Draft => (In::Draft, ""),
        KeyPlace::Part => (In::Draft, "/parts/0"),
        KeyPlace::Block => {
            files.draft["parts"][0]["text"] = json!(["第一条。", {}]);
            (In::Draft, "/parts/0/text/1")
        }
        KeyPlace::Fonts => {
            files.draft["fonts"] = json!({});
            (In::Draft, "/fonts")
        }
        KeyPlace::Table => {
            files.draft["parts"][0]["text"] = json!([{"table": {"rows": [["甲", "乙"]]}}]);
            (In::Draft, "/parts/0/text/0/table")
        }
        KeyPlace::Cell => {
            files.draft["parts"][0]["text"] =
                json!([{"table": {"rows": [[{"text": "甲"}, "乙"]]}}]);
            (In::Draft, "/parts/0/text/0/table/rows/0/0")
        }
        KeyPlace::Attachment => {
            files.draft["attachments"] = json!([{"title": "附件", "text": "附件正文。"}]);
            (In::Draft, "/attachments/0")
        }
        KeyPlace::CommentsFile => {
            files.comments = Some(json!({"comments": [comment]}));
            (In::Comments, "")
        }
        KeyPlace::Comment => {
            files.comments = Some(json!({"comments": [comment]}));
            (In::Comments, "/comments/0")
        }
        KeyPlace::Settings => {
            files.settings = Some(json!({}));
            (In::Settings, "")
        }
    };
    (files, file, at)
}

/// Values of the key's form that `check` takes in the host of its place.
fn examples(key: &Key) -> Vec<Value> {
    let attachment = key.place == KeyPlace::Attachment;
    let fonts = key.place == KeyPlace::Fonts;
    match key.form {
        // A face `check` finds: one of the bundled ones.
        Form::Text if fonts => vec![json!("FandolKai"), json!("FandolFang R")],
        Form::Texts if fonts => vec![json!("FandolSong"), json!(["FandolHei", "FandolSong"])],
        Form::Text => vec![json!("一段文字")],
        Form::Stage => vec![json!("征求意见稿"), json!("（送审稿）"), json!("修订稿")],
        Form::Date => vec![json!("2021-09-01"), json!("2021年9月1日")],
        Form::Texts => vec![json!("一段文字"), json!(["甲", "乙"])],
        Form::Style if attachment => vec![json!("outline"), json!("大纲")],
        Form::Style => vec![json!("articles"), json!("条文")],
        Form::Levels if attachment => vec![json!([2]), json!("1"), json!(["3", 4])],
        Form::Levels => vec![json!(["条"]), json!("项"), json!(["chapter"])],
        Form::TopParts => vec![
            json!([{"heading": "总则", "text": "第一条。"}]),
            json!([{"include": "part.yaml"}]),
            json!([{"引入": "part.yaml"}]),
        ],
        Form::Parts => vec![json!(["子项的文字。"]), json!([{"text": "子项。"}])],
        Form::Body => vec![
            json!("一段文字。"),
            json!(["段落。", {"parts": ["子项。"]}, {"table": {"rows": [["甲"]]}}]),
        ],
        Form::Attachments => vec![
            json!("附件名称"),
            json!(["附件一", {"title": "附件二", "text": "正文。"}]),
            json!([{"include": "attachment.yaml"}]),
        ],
        Form::Fonts => vec![json!({"body": "FandolKai", "fallback": ["FandolSong"]})],
        Form::Lint => vec![
            json!({"dash": "off", "ellipsis": "警告"}),
            json!({"half-width-punctuation": false, "typed-number": "error"}),
        ],
        Form::PartId => vec![json!("my-id_2"), json!("总则"), json!(12)],
        Form::Flag => vec![json!(true), json!(false), json!("是"), json!("否")],
        Form::Kind => vec![json!("章"), json!("chapter")],
        Form::Include => vec![json!("part.yaml")],
        Form::Table => vec![json!({"rows": [["甲", "乙"]]})],
        Form::Widths => vec![json!([1, 2])],
        Form::Header => vec![json!(["序号", "名称"]), json!([["序号", "名称"]])],
        Form::Rows => vec![json!([["甲", "乙"], [1, null]])],
        Form::CellText => vec![json!("甲"), json!(12), json!(null)],
        Form::Span => vec![json!(1)],
        Form::Comments => vec![
            json!([]),
            json!([{"id": "A-1", "from": "区财政局", "on": ["全文"],
                                                   "text": "同意。", "disposition": "adopted"}]),
        ],
        Form::CommentId => vec![json!(7), json!("教育局-1")],
        Form::Targets => vec![json!("general"), json!(["全文"]), json!("第一章")],
        Form::Disposition => vec![
            json!("采纳"),
            json!("部分采纳"),
            json!("Not_Adopted"),
            json!("n/a"),
        ],
    }
}

/// Values of the key's form that `check` refuses for their type or their
/// value (an unknown name, an invisible character …).
fn wrongs(key: &Key) -> Vec<Value> {
    let attachment = key.place == KeyPlace::Attachment;
    let text = vec![
        json!(12),
        json!(["一段文字"]),
        json!("  "),
        json!("甲\u{202E}乙"),
    ];
    match key.form {
        Form::Text => text,
        Form::Stage => vec![json!(12), json!(["征求意见稿"])],
        Form::Date => vec![json!("九月一日"), json!(20210901), json!("2021-13-01")],
        Form::Texts => vec![json!(12), json!({"a": "b"}), json!(["甲", 3])],
        Form::Style => vec![json!("提纲"), json!(1)],
        Form::Levels if attachment => vec![json!(["章"]), json!([5])],
        Form::Levels => vec![json!([2]), json!("5"), json!({"a": 1})],
        Form::TopParts => vec![
            json!("正文"),
            json!([{"include": "part.yaml", "heading": "总则"}]),
            json!([12]),
        ],
        Form::Parts => vec![
            json!("子项。"),
            json!([{"include": "part.yaml"}]),
            json!([[1]]),
        ],
        Form::Body => vec![
            json!(12),
            json!({"a": "b"}),
            json!([["嵌套"]]),
            json!([{"parts": ["子项。"], "table": {"rows": [["甲"]]}}]),
        ],
        Form::Attachments => vec![json!(12), json!({"title": "附件"}), json!([["附件"]])],
        Form::Fonts => vec![json!("FandolFang"), json!({"bold": "FandolHei"})],
        Form::Lint => vec![
            json!("off"),
            json!({"no-such-rule": "off"}),
            json!({"dash": "loud"}),
            json!({"dash": true}),
        ],
        Form::PartId => vec![json!("有 空格"), json!(["a"]), json!("")],
        Form::Flag => vec![json!("yes"), json!(1)],
        Form::Kind => vec![json!("部"), json!("条"), json!(1)],
        Form::Include => vec![json!(12), json!(["part.yaml"])],
        Form::Table => vec![json!("表"), json!([["甲"]])],
        Form::Widths => vec![json!("1,2"), json!([0, 1]), json!(["1", "2"])],
        Form::Header => vec![json!("序号"), json!(12), json!([["序号"], "名称"])],
        Form::Rows => vec![json!(["甲", "乙"]), json!("甲")],
        Form::CellText => vec![json!(["甲"]), json!({"a": 1})],
        Form::Span => vec![json!(0), json!("1"), json!(1.5)],
        Form::Comments => vec![json!("意见"), json!({"id": 1})],
        Form::CommentId => vec![json!([1]), json!(1.5), json!("")],
        Form::Targets => vec![json!([]), json!({"a": 1}), json!("")],
        Form::Disposition => vec![json!("同意"), json!(1)],
    }
}

impl Files {
    fn file(&mut self, file: In) -> &mut Value {
        match file {
            In::Draft => &mut self.draft,
            In::Comments => self.comments.as_mut().unwrap(),
            In::Settings => self.settings.as_mut().unwrap(),
        }
    }

    fn mapping(&mut self, file: In, at: &str) -> &mut serde_json::Map<String, Value> {
        self.file(file)
            .pointer_mut(at)
            .and_then(Value::as_object_mut)
            .unwrap_or_else(|| panic!("no mapping at {at}"))
    }
}

/// The key written under `name` with `value`, none of its other names left.
fn with(key: &Key, name: &str, value: Value) -> impl Fn(&mut serde_json::Map<String, Value>) {
    let (key, name) = (*key, name.to_string());
    move |map| {
        if key.form == Form::Include {
            // `include` is an entry by itself.
            map.clear();
        }
        for n in key.names() {
            map.remove(n);
        }
        map.insert(name.clone(), value.clone());
    }
}

/// The cases of one row of the table.
fn cases_of(key: &Key) -> Vec<Case> {
    let (base, file, at) = host(key.place);
    let place = key.place.what();
    let mut cases = Vec::new();
    let mut case =
        |what: String, valid: bool, edit: &dyn Fn(&mut serde_json::Map<String, Value>)| {
            let mut files = base.clone();
            edit(files.mapping(file, at));
            cases.push(Case {
                what: format!("{place} `{}`: {what}", key.key),
                files,
                valid,
            });
        };
    let examples = examples(key);
    for name in key.names() {
        case(
            format!("written `{name}`"),
            true,
            &with(key, name, examples[0].clone()),
        );
    }
    for (i, value) in examples.iter().enumerate().skip(1) {
        case(
            format!("example {i}: {value}"),
            true,
            &with(key, key.key, value.clone()),
        );
    }
    for value in wrongs(key) {
        case(
            format!("wrong value {value}"),
            false,
            &with(key, key.key, value),
        );
    }
    // A key the table does not have, near the English and the Chinese one.
    for unknown in [format!("{}x", key.key), format!("{}某", key.chinese[0])] {
        case(
            format!("unknown key `{unknown}`"),
            false,
            &with(key, &unknown, examples[0].clone()),
        );
    }
    // The same key in two languages.
    let (a, b) = (key.key, key.chinese[0]);
    let value = examples[0].clone();
    case(format!("`{a}` and `{b}` both"), false, &move |map| {
        if key.form == Form::Include {
            map.clear();
        }
        map.insert(a.to_string(), value.clone());
        map.insert(b.to_string(), value.clone());
    });
    match key.need {
        Need::Optional => {}
        Need::Required => case("left out".into(), false, &|map| {
            key.names().for_each(|n| {
                map.remove(n);
            })
        }),
        Need::OneOf => {
            case(
                "left out with the others it may stand for".into(),
                false,
                &|map| {
                    for other in KEYS
                        .iter()
                        .filter(|k| k.place == key.place && k.need == Need::OneOf)
                    {
                        other.names().for_each(|n| {
                            map.remove(n);
                        });
                    }
                },
            );
        }
        Need::UnlessAdopted => {
            for (disposition, valid) in [("未采纳", false), ("部分采纳", false), ("Adopted", true)]
            {
                case(format!("left out when {disposition}"), valid, &|map| {
                    key.names().for_each(|n| {
                        map.remove(n);
                    });
                    map.insert("disposition".into(), json!(disposition));
                });
            }
        }
    }
    cases
}

/// Writes the cases as one project (`drafts/case-NNN/v1/…`) and returns, by
/// case number, whether `check` found a problem in it.
fn check_all(cases: &[Case]) -> BTreeMap<usize, bool> {
    let dir = tempfile::tempdir().unwrap();
    let write = |path: PathBuf, value: &Value| {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        // JSON is YAML: what is written is exactly the value the schema saw.
        std::fs::write(path, serde_json::to_string_pretty(value).unwrap()).unwrap();
    };
    for (i, case) in cases.iter().enumerate() {
        let doc = dir.path().join(format!("drafts/case-{i:03}"));
        write(doc.join("v1/draft.yaml"), &case.files.draft);
        write(doc.join("v1/part.yaml"), &case.files.part);
        write(doc.join("v1/attachment.yaml"), &case.files.attachment);
        if let Some(comments) = &case.files.comments {
            write(doc.join("v1.comments.yaml"), comments);
        }
        if let Some(settings) = &case.files.settings {
            write(doc.join(".gongwen.yaml"), settings);
        }
    }
    let (_, out) = gongwen(dir.path(), &["check"]);
    (0..cases.len())
        .map(|i| {
            let doc = format!("drafts/case-{i:03}/");
            let refused = out.lines().any(|l| {
                (l.starts_with("FAILED  ") || l.starts_with("error: ")) && l.contains(&doc)
            });
            let checked = out.contains(&format!("ok      {doc}v1\n"))
                || out.contains(&format!("FAILED  {doc}v1 "));
            assert!(checked, "{doc} was not checked:\n{out}");
            (i, refused)
        })
        .collect()
}

/// Whether the schema takes every file of a case.
fn schema_takes(files: &Files) -> Result<(), Vec<String>> {
    let mut found = problems(&validator(SchemaKind::Draft), &files.draft);
    found.extend(problems(&validator(SchemaKind::Part), &files.part));
    found.extend(problems(
        &validator(SchemaKind::Attachment),
        &files.attachment,
    ));
    if let Some(c) = &files.comments {
        found.extend(problems(&validator(SchemaKind::Comments), c));
    }
    if let Some(s) = &files.settings {
        found.extend(problems(&validator(SchemaKind::Settings), s));
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

#[test]
fn the_schema_and_check_agree_on_every_key_of_the_table() {
    let cases: Vec<Case> = KEYS.iter().flat_map(cases_of).collect();
    assert!(cases.len() > 400, "{} cases", cases.len());
    let refused = check_all(&cases);
    let mut disagreements = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let by_schema = schema_takes(&case.files);
        let by_check = !refused[&i];
        if by_schema.is_ok() != case.valid || by_check != case.valid {
            disagreements.push(format!(
                "case-{i:03} {}: expected {}, schema {}, check {}\n  schema: {:?}\n  draft: {}\n  comments: {:?}",
                case.what,
                if case.valid { "valid" } else { "refused" },
                if by_schema.is_ok() { "takes it" } else { "refuses" },
                if by_check { "takes it" } else { "refuses" },
                by_schema.err().unwrap_or_default(),
                case.files.draft,
                case.files.comments,
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cases:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
}

/// Broken drafts as an author might write them, each refused by `check`
/// for a key or a type, and by the schema: (what, file name, YAML).
const BROKEN: &[(&str, &str, &str)] = &[
    (
        "an unknown key in English",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - headng: 总体要求\n    text: 正文。\n",
    ),
    (
        "an unknown key in Chinese",
        "v1.yaml",
        "标题: 关于测试的通知\n正文:\n  - 标提: 总体要求\n    内容: 正文。\n",
    ),
    (
        "an unknown key at the top",
        "v1.yaml",
        "title: 关于测试的通知\nauthor: 某某\n",
    ),
    (
        "a title that is a list",
        "v1.yaml",
        "title:\n  - 关于\n  - 测试\n",
    ),
    ("a title that is a number", "v1.yaml", "title: 2021\n"),
    (
        "a date that is no date",
        "v1.yaml",
        "title: 关于测试的通知\ndate: 九月一日\n",
    ),
    (
        "a date as a number",
        "v1.yaml",
        "title: 关于测试的通知\n成文日期: 20210901\n",
    ),
    (
        "parts that are a text",
        "v1.yaml",
        "title: 关于测试的通知\nparts: 总体要求\n",
    ),
    (
        "a text that is a mapping",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    text:\n      first: 正文。\n",
    ),
    (
        "a 稿别 that is a list",
        "v1.yaml",
        "title: 关于测试的通知\n稿别: [征求意见稿]\n",
    ),
    (
        "an unknown 编号方式",
        "v1.yaml",
        "标题: 关于测试的通知\n编号方式: 提纲\n",
    ),
    (
        "a level the style has not",
        "v1.yaml",
        "title: 关于测试的通知\ncontinuous: [章]\n",
    ),
    (
        "a part with text and 内容",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    text: 正文。\n    内容: 又一段。\n",
    ),
    (
        "title and 标题 both",
        "v1.yaml",
        "title: 关于测试的通知\n标题: 关于测试的通知\n",
    ),
    (
        "an empty part",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - id: a\n",
    ),
    (
        "run-in that is not true or false",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    run-in: 接\n    text: 正文。\n",
    ),
    (
        "a table row that is not a list",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 表\n    text:\n      - table:\n          rows:\n            - 甲\n",
    ),
    (
        "a cell that spans no rows",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 表\n    text:\n      - table:\n          rows:\n            - [{text: 甲, rows: 0}]\n",
    ),
    (
        "an include inside a part",
        "v1.yaml",
        "title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    parts:\n      - include: a.yaml\n",
    ),
    (
        "an unknown 处理情况",
        "v1.comments.yaml",
        "comments:\n  - id: 1\n    from: 区教育局\n    on: general\n    text: 建议。\n    disposition: 同意\n",
    ),
    (
        "a comment without reason",
        "v1.comments.yaml",
        "意见:\n  - 序号: 1\n    单位: 区教育局\n    条款: 全文\n    意见内容: 建议。\n    处理情况: 未采纳\n",
    ),
    (
        "an unknown key in a comment",
        "v1.comments.yaml",
        "comments:\n  - id: 1\n    form: 区教育局\n    on: general\n    text: 建议。\n    disposition: 采纳\n",
    ),
    (
        "a lint rule that is not one",
        ".gongwen.yaml",
        "lint:\n  dashes: off\n",
    ),
];

#[test]
fn broken_drafts_are_refused_by_the_schema_and_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let good = "title: 关于测试的通知\nparts:\n  - heading: 总体要求\n    text: 正文。\n";
    let mut missed = Vec::new();
    for (i, (what, name, yaml)) in BROKEN.iter().enumerate() {
        let doc = dir.path().join(format!("drafts/case-{i:02}"));
        std::fs::create_dir_all(&doc).unwrap();
        let kind = match *name {
            "v1.comments.yaml" => SchemaKind::Comments,
            ".gongwen.yaml" => SchemaKind::Settings,
            _ => SchemaKind::Draft,
        };
        if kind != SchemaKind::Draft {
            std::fs::write(doc.join("v1.yaml"), good).unwrap();
        }
        std::fs::write(doc.join(name), yaml).unwrap();
        if problems(&validator(kind), &json_of(yaml)).is_empty() {
            missed.push(format!("the schema takes {what}:\n{yaml}"));
        }
    }
    let (code, out) = gongwen(dir.path(), &["check"]);
    assert_eq!(code, 1, "{out}");
    for (i, (what, _, _)) in BROKEN.iter().enumerate() {
        let doc = format!("drafts/case-{i:02}/");
        let refused = out
            .lines()
            .any(|l| (l.starts_with("FAILED  ") || l.starts_with("error: ")) && l.contains(&doc));
        if !refused {
            missed.push(format!("check takes {what}"));
        }
    }
    assert!(missed.is_empty(), "{}\n\n{out}", missed.join("\n"));
}
