//! `check` on broken drafts, as a drafting officer meets them: under a
//! Chinese locale every message is in Chinese, with its place
//! (`file:line:col`) and the caret under it; with `--lang en` the same in
//! English. Both outputs are snapshots (`INSTA_UPDATE=always` rewrites
//! them after a deliberate change).

use std::path::Path;
use std::process::Command;

/// A broken draft: what is wrong, the file, its text, and whether the
/// message points into the text (a file too large to read has no line).
struct Case {
    what: &'static str,
    file: &'static str,
    text: &'static str,
    at_place: bool,
}

const CASES: &[Case] = &[
    Case {
        what: "an unknown key, Chinese keys",
        file: "zh-key.yaml",
        text: "标体: 关于测试的通知\n稿另: 征求意见稿\n发文机观: 某某区人民政府\n正文:\n  - 内谷: 第一段。\n",
        at_place: true,
    },
    Case {
        what: "an unknown key, English keys",
        file: "en-key.yaml",
        text: "title: 关于测试的通知\nparts:\n  - headng: 总体要求\n    text: 正文。\n",
        at_place: true,
    },
    Case {
        what: "a YAML syntax error",
        file: "syntax.yaml",
        text: "标题: 关于测试的通知\n正文:\n  - 内容: 第一段\n   - 内容: 第二段\n",
        at_place: true,
    },
    Case {
        what: "no title",
        file: "no-title.yaml",
        text: "稿别: 征求意见稿\n正文:\n  - 内容: 第一段。\n",
        at_place: true,
    },
    Case {
        what: "a bad date",
        file: "date.yaml",
        text: "标题: 关于测试的通知\n成文日期: 2021年2月30日\n正文:\n  - 内容: 第一段。\n",
        at_place: true,
    },
    Case {
        what: "a duplicate id",
        file: "id.yaml",
        text: "标题: 关于测试的通知\n正文:\n  - 标识: 住房\n    内容: 第一段。\n  - 标识: 住房\n    内容: 第二段。\n",
        at_place: true,
    },
    Case {
        what: "a dangling reference",
        file: "link.yaml",
        text: "标题: 关于测试的通知\n正文:\n  - 标识: 住房\n    内容: 第一段。\n  - 内容: 按照[[住防]]的要求办理。\n",
        at_place: true,
    },
    Case {
        what: "a table cell spanning past the last row",
        file: "table.yaml",
        text: "标题: 关于测试的通知\n正文:\n  - 内容:\n      - 表格:\n          表头: [序号, 任务]\n          表行:\n            - [{内容: 1, 跨行: 3}, 优化布局]\n            - [完善设施]\n",
        at_place: true,
    },
    Case {
        what: "a bidirectional control character",
        file: "bidi.yaml",
        text: "标题: 关于测试\u{202E}的通知\n正文:\n  - 内容: 第一段。\n",
        at_place: true,
    },
];

/// The draft a comments file is checked against, and the comments file
/// naming a part the draft does not have.
const COMMENTED: (&str, &str) = (
    "v1.yaml",
    "标题: 关于测试的通知\n稿别: 征求意见稿\n正文:\n  - 标题: 总体要求\n    内容: 第一段。\n",
);
const COMMENTS: (&str, &str) = (
    "v1.comments.yaml",
    "意见:\n  - 序号: 1\n    提出单位: 区教育局\n    条款: 九、\n    意见内容: 建议补充。\n    处理情况: 采纳\n",
);

/// The name of the file too large to read.
const LARGE: &str = "large.yaml";

/// Latin words a Chinese message may hold outside backticks: program and
/// format names, and the keys a draft written in English keys is told of.
const LATIN: &[&str] = &[
    "gongwen", "YAML", "UTF", "Word", "WPS", "MB", "GB", "GBK", "PDF", "Tab", "U",
];

/// The Latin words of a Chinese line, outside backticks, placeholders'
/// paths (`file.yaml`) and the names above.
fn english_words(line: &str) -> Vec<String> {
    let code = regex::Regex::new(r"`[^`]*`|[\w./-]+\.ya?ml\b|U\+[0-9A-F]{4}").unwrap();
    let word = regex::Regex::new(r"[A-Za-z][A-Za-z-]*").unwrap();
    let keys: Vec<&str> = gongwen::load::schema::KEYS.iter().map(|k| k.key).collect();
    let text = code.replace_all(line, " ");
    word.find_iter(&text)
        .map(|m| m.as_str())
        .filter(|w| !LATIN.contains(w) && !keys.contains(w))
        .map(str::to_string)
        .collect()
}

/// What `gongwen check <file>` prints, run in `dir`, in `lang`: Chinese by
/// the locale, English by `--lang en`.
fn check(dir: &Path, file: &str, zh: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gongwen"));
    command.current_dir(dir);
    for var in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        command.env_remove(var);
    }
    if zh {
        command.env("LANG", "zh_CN.UTF-8").args(["check", file]);
    } else {
        command.args(["--lang", "en", "check", file]);
    }
    let out = command.output().expect("gongwen runs");
    assert!(!out.status.success(), "{file}: check passed");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Every case's output in one language, each under its heading.
fn outputs(zh: bool) -> Vec<(String, String, bool)> {
    let dir = tempfile::tempdir().unwrap();
    for case in CASES {
        std::fs::write(dir.path().join(case.file), case.text).unwrap();
    }
    for (name, text) in [COMMENTED, COMMENTS] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    // One byte more than a draft file may have (sparse: nothing is written).
    let large = std::fs::File::create(dir.path().join(LARGE)).unwrap();
    large.set_len(gongwen::load::MAX_FILE_BYTES + 1).unwrap();
    let mut all: Vec<(String, String, bool)> = CASES
        .iter()
        .map(|c| {
            (
                format!("{} ({})", c.what, c.file),
                check(dir.path(), c.file, zh),
                c.at_place,
            )
        })
        .collect();
    all.push((
        format!("an unknown comment target ({})", COMMENTS.0),
        check(dir.path(), COMMENTED.0, zh),
        true,
    ));
    all.push((
        format!("a file too large ({LARGE})"),
        check(dir.path(), LARGE, zh),
        false,
    ));
    all
}

fn snapshot(outputs: &[(String, String, bool)]) -> String {
    outputs
        .iter()
        .map(|(what, out, _)| format!("=== {what}\n{}\n", out.trim_end()))
        .collect()
}

/// The lines of an output made by the loader's messages: not the lines of
/// the draft drawn under the locator (`3 │ text`), which are the author's,
/// nor the summary line of each file (`FAILED  a.yaml`), which the command
/// prints (tests/cli.rs and the command's own slice check it).
fn message_lines(out: &str) -> impl Iterator<Item = &str> {
    out.lines().filter(|l| {
        let summary = l.starts_with("FAILED") || l.starts_with("ok ");
        !summary && !l.contains('│') && !l.contains("┌─") && !l.trim().is_empty()
    })
}

#[test]
fn broken_drafts_are_told_in_chinese_under_a_chinese_locale() {
    let outputs = outputs(true);
    let place = regex::Regex::new(r"\b[\w.-]+\.ya?ml:\d+:\d+").unwrap();
    let mut english = Vec::new();
    for (what, out, at_place) in &outputs {
        assert!(out.contains("错误："), "{what}:\n{out}");
        if *at_place {
            assert!(place.is_match(out), "{what}: no file:line:col\n{out}");
            assert!(out.contains('^'), "{what}: no caret\n{out}");
        }
        for line in message_lines(out) {
            let words = english_words(line);
            if !words.is_empty() {
                english.push(format!("{what}: {words:?} in {line}"));
            }
        }
    }
    insta::assert_snapshot!("messages_zh", snapshot(&outputs));
    assert!(english.is_empty(), "English left:\n{}", english.join("\n"));
}

#[test]
fn the_same_drafts_are_told_in_english_with_lang_en() {
    let outputs = outputs(false);
    for (what, out, at_place) in &outputs {
        assert!(out.contains("error: "), "{what}:\n{out}");
        assert!(!out.contains("错误："), "{what}:\n{out}");
        if *at_place {
            assert!(out.contains('^'), "{what}: no caret\n{out}");
        }
    }
    insta::assert_snapshot!("messages_en", snapshot(&outputs));
}

#[test]
fn the_four_chinese_typos_of_the_issue_are_each_pointed_to_their_key() {
    let out = &outputs(true)[0].1;
    for (typo, key) in [
        ("标体", "标题"),
        ("稿另", "稿别"),
        ("发文机观", "发文机关"),
        ("内谷", "内容"),
    ] {
        let message = format!("未知的键 `{typo}`");
        let at = out
            .find(&message)
            .unwrap_or_else(|| panic!("{typo}:\n{out}"));
        let help = out[at..].lines().find(|l| l.contains("处理办法")).unwrap();
        assert!(
            help.contains(&format!("是否想写 `{key}`？")),
            "{typo}: {help}"
        );
    }
}

#[test]
fn the_english_words_rule_finds_english_and_passes_keys_paths_and_names() {
    assert_eq!(
        english_words("错误：a.yaml:1:2: `标体` unknown key，YAML 中 title、parts"),
        ["unknown", "key"]
    );
}
