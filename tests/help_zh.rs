//! The command line's help and its parse errors in Chinese and English:
//! every command and arg has its `cli-…` texts in both catalogues, none
//! there is stale, and `--help` and a mistyped command are answered in the
//! language of the locale or of `--lang`.

use std::collections::BTreeSet;

use clap::CommandFactory;
use gongwen::i18n::{Lang, text_in};

// The binary's own modules, read here as they are: the help's ids are made
// from the command clap derives.
#[allow(dead_code, unused_imports)]
#[path = "../src/cli/args.rs"]
mod args;
#[allow(dead_code, unused_imports)]
#[path = "../src/cli/help.rs"]
mod help;

fn in_catalogue(lang: Lang, id: &str) -> bool {
    text_in(lang, id, &[]) != id
}

/// The `cli-` ids a catalogue holds.
fn cli_ids(lang: Lang) -> BTreeSet<String> {
    lang.catalogue()
        .lines()
        .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.trim()))
        .filter(|id| id.starts_with("cli-"))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_command_and_arg_has_its_help_in_both_catalogues_and_none_is_stale() {
    let shape = help::shape();
    let texts = help::texts(&shape);
    assert!(
        texts.len() > 60,
        "{} texts: the walk missed some",
        texts.len()
    );
    let mut used = BTreeSet::new();
    let mut missing = Vec::new();
    for ids in &texts {
        match ids
            .iter()
            .find(|id| in_catalogue(Lang::En, id) || in_catalogue(Lang::Zh, id))
        {
            Some(id) => {
                used.insert(id.clone());
                for lang in Lang::ALL {
                    if !in_catalogue(lang, id) {
                        missing.push(format!("{id} (not in {}.ftl)", lang.code()));
                    }
                }
            }
            None => missing.push(ids.join(" or ")),
        }
    }
    assert!(missing.is_empty(), "help missing: {missing:#?}");
    for lang in Lang::ALL {
        let stale: Vec<_> = cli_ids(lang).difference(&used).cloned().collect();
        assert!(
            stale.is_empty(),
            "{}.ftl: no command or arg uses {stale:?}",
            lang.code()
        );
    }
    // The derived command has no help of its own left to drift from the catalogue.
    let derived = args::Cli::command();
    assert!(derived.get_about().is_none());
    for sub in derived.get_subcommands() {
        assert!(
            sub.get_about().is_none(),
            "{} has a doc comment",
            sub.get_name()
        );
        for arg in sub.get_arguments() {
            assert!(
                arg.get_help().is_none(),
                "{} {} has a doc comment",
                sub.get_name(),
                arg.get_id()
            );
        }
    }
}

/// The English words of help text, outside `--flags`, `-h`, backticked
/// code, file names, the commands' and values' names (`build`, `md`,
/// `zh|en`), numbers and the names kept in Latin letters.
fn english_words(text: &str) -> Vec<String> {
    const KEPT: &[&str] = &[
        "gongwen", "PDF", "HTML", "Markdown", "Word", "YAML", "JSON", "CSV", "Excel", "UTF-8",
        "UTF-16", "GB18030", "Tab", "IP", "LANG", "docx", "xlsx", "csv", "md", "html", "pdf",
    ];
    let code = regex::Regex::new(
        r"`[^`]*`|--?[A-Za-z][a-z-]*|<[^>]*>|[\w./-]+\.(yaml|md|docx|html|pdf|json|txt|xlsx|csv)\b",
    )
    .unwrap();
    let text = code.replace_all(text, " ");
    // A command's name and the values a flag takes are typed as written.
    let names: BTreeSet<&str> = [
        "build",
        "check",
        "diff",
        "import",
        "lint",
        "serve",
        "watch",
        "comments",
        "schema",
        "new",
        "help",
        "zh",
        "en",
        "term",
        "json",
        "decision",
        "auto",
        "always",
        "never",
        "outline",
        "articles",
        "draft",
        "part",
        "attachment",
        "settings",
        "output",
    ]
    .into_iter()
    .collect();
    regex::Regex::new(r"[A-Za-z][A-Za-z0-9_-]*")
        .unwrap()
        .find_iter(&text)
        .map(|m| m.as_str())
        .filter(|w| !KEPT.contains(w) && !names.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn english_words_finds_words_and_leaves_flags_names_and_code() {
    assert_eq!(
        english_words("用法：gongwen build [选项] --out <输出位置> `fonts:` Print help"),
        ["Print"]
    );
    assert_eq!(english_words("Usage: 选项"), ["Usage"]);
}

fn gongwen(args: &[&str], lang: &str) -> std::process::Output {
    crate::common::in_locale(
        &mut std::process::Command::new(env!("CARGO_BIN_EXE_gongwen")),
        lang,
    )
    .args(args)
    .output()
    .unwrap()
}

#[test]
fn help_is_chinese_under_a_chinese_locale_and_english_with_lang_en() {
    for args in [
        &["--help"][..],
        &["build", "--help"],
        &["help", "diff"],
        &["comments", "import", "-h"],
    ] {
        let out = gongwen(args, "zh_CN.UTF-8");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("用法：gongwen"), "{args:?}:\n{text}");
        assert!(text.contains("选项"), "{args:?}:\n{text}");
        let english = english_words(&text);
        assert!(
            english.is_empty(),
            "{args:?}: English {english:?} in\n{text}"
        );

        let mut en_args = args.to_vec();
        en_args.extend(["--lang", "en"]);
        let out = gongwen(&en_args, "zh_CN.UTF-8");
        assert_eq!(out.status.code(), Some(0), "{en_args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Usage: gongwen"), "{en_args:?}:\n{text}");
        assert!(text.contains("Options:"), "{en_args:?}:\n{text}");
        assert!(!text.contains("用法"), "{en_args:?}:\n{text}");
    }
    let build = String::from_utf8(gongwen(&["build", "--help"], "zh_CN.UTF-8").stdout).unwrap();
    for said in [
        "把草稿排成",
        "参数：",
        "--out <输出位置>",
        "［默认：output］",
        "［可选：md, html, pdf, docx］",
        "-h, --help",
    ] {
        assert!(build.contains(said), "{said} not in\n{build}");
    }
}

#[test]
fn english_help_is_as_clap_wrote_it() {
    let out = gongwen(&["build", "--help"], "C");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "Render drafts to Markdown, HTML, PDF and Word (.docx) under output/\n\nUsage: gongwen build [OPTIONS] [PATHS]...\n\nArguments:\n  [PATHS]...  Drafts, document folders or folders of documents [default: drafts/]\n"
    ), "{text}");
    assert!(text.contains(
        "      --format <FORMAT>        Formats to write, comma-separated [default: md,html,pdf,docx] [possible values: md, html, pdf, docx]\n"
    ), "{text}");
    assert!(
        text.ends_with("  -h, --help                   Print help\n"),
        "{text}"
    );
}

#[test]
fn a_mistyped_command_or_flag_is_answered_in_chinese() {
    let out = gongwen(&["bild"], "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("错误：没有 `bild` 这个命令。"), "{err}");
    assert!(err.contains("是否想写 `build`？"), "{err}");
    assert!(err.contains("用法：gongwen [选项] <命令>"), "{err}");
    assert!(english_words(&err).is_empty(), "{err}");

    let out = gongwen(&["build", "--frob"], "zh_CN.UTF-8");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("错误：没有 `--frob` 这个选项。"), "{err}");

    let out = gongwen(&["build", "--format", "doc"], "zh_CN.UTF-8");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("错误：`--format <格式>` 不能取 `doc`。"),
        "{err}"
    );
    assert!(err.contains("是否想写 `docx`？"), "{err}");

    let out = gongwen(&["diff"], "zh_CN.UTF-8");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("错误：缺少必须写的参数：<修改前>、<修改后>。"),
        "{err}"
    );

    let out = gongwen(&["bild", "--lang", "en"], "zh_CN.UTF-8");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("error: unrecognized subcommand 'bild'"),
        "{err}"
    );
}
