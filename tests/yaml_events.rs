//! The two ways a YAML file becomes nodes (`load::node`): the quick one,
//! straight from the parser's events, builds exactly what the serde path
//! builds, positions included, or leaves the file to it.

use std::path::{Path, PathBuf};

use gongwen::load::node::Node;
use proptest::prelude::*;

fn yaml_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            found.push(path);
        }
    }
}

/// Built by the quick path, and the same as serde's.
fn same(name: &str, text: &str) {
    let quick = Node::parse_from_events(text).unwrap_or_else(|| panic!("not built: {name}"));
    let serde = Node::parse_by_serde(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(quick, serde, "{name}:\n{text}");
}

#[test]
fn every_yaml_file_of_the_project_and_the_corpus_imported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    yaml_files(&root.join("drafts"), &mut files);
    yaml_files(&root.join("tests"), &mut files);
    assert!(files.len() >= 13, "{} YAML files", files.len());
    for path in &files {
        same(
            &path.display().to_string(),
            &std::fs::read_to_string(path).unwrap(),
        );
    }
    for entry in std::fs::read_dir(root.join("tests/corpus"))
        .unwrap()
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "md") {
            continue;
        }
        let imported = gongwen::import::import_file(&path, Default::default()).unwrap();
        for form in [
            gongwen::save::KeyForm::English,
            gongwen::save::KeyForm::Chinese,
        ] {
            let text = gongwen::save::to_string_in(&imported.draft, form);
            same(&format!("{} ({form:?})", path.display()), &text);
        }
    }
}

#[test]
fn scalars_resolve_as_serde_resolves_them() {
    for text in [
        "a: 1\nb: -2\nc: 0x1F\nd: 1e3\ne: .inf\nf: -.nan\ng: 0127\nh: 1_000\ni: +.5\n",
        "a: yes\nb: No\nc: ON\nd: y\ne: true\nf: ~\ng:\nh: null\ni: nULL\nj: Infinity\nk: nan\n",
        "a: 'yes'\nb: \"1\"\nc: |\n  一\n  二\nd: >\n  三\n  四\ne: \"\\u4e00\"\n",
        "- [a, b, {c: d}]\n- {}\n- []\n- ? 复杂\n  : 键\n- {b: 1, a: 2}\n",
        "标题: 关于\n  推进的通知\n日期: 2021-09-01\n版次: 1.0\n# 注\n",
        "on: 1\n1: 2\n~: 3\n",
        "plain\n",
        "'quoted'\n",
        "1:2\n",
        "-1\n",
        "---\na: 1\n...\n",
    ] {
        same("(written)", text);
    }
}

#[test]
fn what_the_quick_path_leaves_to_serde() {
    for text in [
        // Anchors, aliases, merge keys and tags: serde's rules.
        "a: &x 1\nb: *x\n",
        "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
        "a: !!str 1\n",
        // Serde's refusals: a second document, bad syntax, a key twice, a
        // list as a key, keys serde may read as one.
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: 1\na: 2\n",
        "? [a]\n: b\n",
        "on: 1\ntrue: 2\n",
    ] {
        assert_eq!(Node::parse_from_events(text), None, "{text}");
    }
}

fn scalar() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,6}",
        "[0-9]{1,4}",
        "-?[0-9]{1,3}\\.[0-9]{1,2}",
        "[一二三四五通知办法]{1,5}",
        Just("yes".to_string()),
        Just("Off".to_string()),
        Just("~".to_string()),
        Just("null".to_string()),
        Just("2021-09-01".to_string()),
        Just("0o17".to_string()),
        Just("'引号'".to_string()),
        Just("\"双 引号\"".to_string()),
        Just("".to_string()),
    ]
}

/// A block-style YAML document of scalars, lists and mappings.
fn document() -> impl Strategy<Value = String> {
    let leaf = scalar().prop_map(|s| (s, false));
    leaf.prop_recursive(4, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|items| {
                let mut out = String::new();
                for (item, nested) in items {
                    out.push_str(&item_line("- ", &item, nested));
                }
                (out, true)
            }),
            prop::collection::btree_map("[a-z]{1,4}|[甲乙丙丁]{1,2}", inner, 1..4).prop_map(
                |entries| {
                    let mut out = String::new();
                    for (key, (value, nested)) in entries {
                        out.push_str(&item_line(&format!("{key}: "), &value, nested));
                    }
                    (out, true)
                }
            ),
        ]
    })
    .prop_map(|(text, nested)| if nested { text } else { format!("{text}\n") })
}

/// One entry: a scalar on its line, or a nested block indented below it.
fn item_line(lead: &str, value: &str, nested: bool) -> String {
    if !nested {
        return format!("{lead}{value}\n");
    }
    let mut out = format!("{}\n", lead.trim_end());
    for line in value.lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn generated_documents_build_alike(text in document()) {
        if let Some(quick) = Node::parse_from_events(&text) {
            let serde = Node::parse_by_serde(&text).ok();
            prop_assert_eq!(Some(quick), serde, "{}", text);
        }
    }
}
