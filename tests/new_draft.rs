//! `gongwen new`: a first draft of each kind, with Chinese or English keys,
//! that `check` and `lint` pass with nothing to say and `build` turns into
//! all four formats; written as a document folder (`v1.yaml`) or as one
//! file; never over anything that exists; a kind it does not know refused
//! with the list, in the user's language.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The binary run in `dir`, in English unless a test asks otherwise, with
/// none of the other variables it reads inherited.
fn gongwen(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("gongwen").unwrap();
    cmd.current_dir(dir)
        .env_remove("GONGWEN_FONTS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("NO_COLOR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .timeout(std::time::Duration::from_secs(300));
    cmd
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let out = gongwen(dir).args(args).output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file below `dir` and its bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(folder) = todo.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                todo.push(path.clone());
                files.insert(path, Vec::new());
            } else {
                files.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    files
}

/// Each kind as `--kind` names it in Chinese and in English, and what its
/// Markdown shows of the skeleton (numbers gongwen made).
const KINDS: [(&str, &str, &[&str]); 4] = [
    (
        "通知",
        "notice",
        &[
            "关于……的通知",
            "各有关单位：",
            "## 一、工作目标",
            "## 三、有关要求",
            "特此通知。",
        ],
    ),
    (
        "实施方案",
        "plan",
        &[
            "……实施方案",
            "## 一、总体要求",
            "（一）指导思想",
            "## 二、主要任务",
            "## 三、保障措施",
        ],
    ),
    (
        "意见",
        "opinions",
        &[
            "关于……的意见",
            "## 一、总体要求",
            "（三）主要目标",
            "## 二、重点任务",
            "## 三、组织实施",
        ],
    ),
    (
        "办法",
        "measures",
        &[
            "……办法",
            "第一章",
            "总则",
            "第一条",
            "第三章",
            "附则",
            "第七条",
        ],
    ),
];

#[test]
fn each_kind_with_either_keys_checks_and_lints_clean_and_builds_all_four_formats() {
    let dir = tempfile::tempdir().unwrap();
    let mut docs = Vec::new();
    for (chinese, english, _) in KINDS {
        for (keys, kind) in [("zh", chinese), ("en", english)] {
            let doc = format!("drafts/{english}-{keys}");
            let made = run(dir.path(), &["new", &doc, "--kind", kind, "--keys", keys]);
            assert_eq!(made.code, 0, "{doc}: {}", made.stderr);
            assert!(
                made.stdout.contains(&format!("{doc}/v1.yaml")),
                "{}",
                made.stdout
            );
            let text = std::fs::read_to_string(dir.path().join(&doc).join("v1.yaml")).unwrap();
            let (title, stage) = match keys {
                "zh" => ("\n标题: ", "\n稿别: 征求意见稿\n"),
                _ => ("\ntitle: ", "\nstage: 征求意见稿\n"),
            };
            assert!(
                text.contains(title) && text.contains(stage),
                "{doc}:\n{text}"
            );
            docs.push((doc, chinese));
        }
    }
    let checked = run(dir.path(), &["check", "drafts"]);
    assert_eq!(checked.code, 0, "{}{}", checked.stdout, checked.stderr);
    assert!(
        checked.stderr.is_empty(),
        "check warned:\n{}",
        checked.stderr
    );
    assert_eq!(
        checked.stdout.matches("ok ").count(),
        docs.len(),
        "{}",
        checked.stdout
    );
    let linted = run(dir.path(), &["lint", "drafts"]);
    assert_eq!(linted.code, 0, "{}{}", linted.stdout, linted.stderr);
    assert_eq!(
        linted.stdout.matches("clean ").count(),
        docs.len(),
        "{}",
        linted.stdout
    );
    let built = run(
        dir.path(),
        &["build", "drafts", "--format", "md,html,pdf,docx"],
    );
    assert_eq!(built.code, 0, "{}{}", built.stdout, built.stderr);
    assert!(built.stderr.is_empty(), "build warned:\n{}", built.stderr);
    for (doc, kind) in docs {
        let out = dir.path().join(doc.replacen("drafts", "output", 1));
        for ext in ["md", "html", "pdf", "docx"] {
            let file = out.join(format!("v1.{ext}"));
            let size = std::fs::metadata(&file).map_or(0, |m| m.len());
            assert!(size > 0, "{} not written", file.display());
        }
        let md = std::fs::read_to_string(out.join("v1.md")).unwrap();
        let (_, _, shows) = KINDS.iter().find(|k| k.0 == kind).unwrap();
        for text in *shows {
            assert!(md.contains(text), "{doc}: no {text} in\n{md}");
        }
        assert!(md.contains("（征求意见稿）"), "{doc}:\n{md}");
    }
}

#[test]
fn a_path_ending_in_yaml_is_one_draft_file_and_diff_compares_it_with_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let made = run(
        dir.path(),
        &["new", "drafts/办法/v1.yaml", "--kind", "办法"],
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    let v1 = dir.path().join("drafts/办法/v1.yaml");
    let text = std::fs::read_to_string(&v1).unwrap();
    assert!(text.contains("\n编号方式: 条文\n"), "{text}");
    // The office's second draft: a word changed in the first article.
    let v2 = text.replace("为了……，根据……", "为了规范管理，根据……");
    std::fs::write(dir.path().join("drafts/办法/v2.yaml"), v2).unwrap();
    let diffed = run(
        dir.path(),
        &[
            "diff",
            "drafts/办法/v1.yaml",
            "drafts/办法/v2.yaml",
            "--color",
            "never",
        ],
    );
    assert_eq!(diffed.code, 1, "{}{}", diffed.stdout, diffed.stderr);
    assert!(diffed.stdout.contains("第一条"), "{}", diffed.stdout);
    assert!(diffed.stdout.contains("规范管理"), "{}", diffed.stdout);
}

#[test]
fn new_refuses_to_write_over_anything_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let first = run(dir.path(), &["new", "drafts/doc", "--kind", "通知"]);
    assert_eq!(first.code, 0, "{}", first.stderr);
    std::fs::write(dir.path().join("drafts/one.yaml"), "title: 已有的稿\n").unwrap();
    std::fs::create_dir(dir.path().join("drafts/empty")).unwrap();
    let before = tree(dir.path());
    for (path, lang, says) in [
        ("drafts/doc", "en", "drafts/doc already exists"),
        (
            "drafts/doc/v1.yaml",
            "en",
            "drafts/doc/v1.yaml already exists",
        ),
        ("drafts/one.yaml", "en", "drafts/one.yaml already exists"),
        ("drafts/empty", "en", "drafts/empty already exists"),
        ("drafts/doc", "zh", "错误：`drafts/doc` 已经存在"),
    ] {
        let again = run(dir.path(), &["--lang", lang, "new", path, "--kind", "办法"]);
        assert_eq!(again.code, 2, "{path}: {}{}", again.stdout, again.stderr);
        assert!(again.stderr.contains(says), "{path}: {}", again.stderr);
        assert_eq!(tree(dir.path()), before, "{path}: files changed");
    }
}

#[test]
fn a_kind_gongwen_does_not_know_is_refused_with_the_list_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let en = run(dir.path(), &["new", "drafts/doc", "--kind", "公告"]);
    assert_eq!(en.code, 2, "{}", en.stderr);
    assert!(
        en.stderr.contains(
            "`公告` is not a kind gongwen new knows; write --kind followed by one of: \
             `通知` (`notice`), `实施方案` (`plan`), `意见` (`opinions`), `办法` (`measures`)"
        ),
        "{}",
        en.stderr
    );
    let zh = "错误：没有 `公告` 这种文种。请在 --kind 后写下列文种之一（中文名或英文名均可）：\
              `通知`（`notice`）、`实施方案`（`plan`）、`意见`（`opinions`）、`办法`（`measures`）";
    let by_flag = run(
        dir.path(),
        &["--lang", "zh", "new", "drafts/doc", "--kind", "公告"],
    );
    assert_eq!(by_flag.code, 2);
    assert!(by_flag.stderr.contains(zh), "{}", by_flag.stderr);
    let by_locale = gongwen(dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["new", "drafts/doc", "--kind", "公告"])
        .output()
        .unwrap();
    assert_eq!(by_locale.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&by_locale.stderr).contains(zh));
    assert!(tree(dir.path()).is_empty(), "something was written");
}

#[test]
fn under_a_chinese_locale_new_says_what_it_wrote_and_what_to_do_next_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let out = gongwen(dir.path())
        .env("LANG", "zh_CN.UTF-8")
        .args(["new", "drafts/我的文件", "--kind", "实施方案"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("已写出实施方案初稿 `drafts/我的文件/v1.yaml`"),
        "{said}"
    );
    assert!(said.contains("`gongwen check drafts/我的文件`"), "{said}");
    // Chinese keys whatever the locale: the document is Chinese.
    let en = run(dir.path(), &["new", "drafts/另一个", "--kind", "plan"]);
    assert_eq!(en.code, 0);
    let text = std::fs::read_to_string(dir.path().join("drafts/另一个/v1.yaml")).unwrap();
    assert!(text.contains("\n标题: ……实施方案\n"), "{text}");
}
