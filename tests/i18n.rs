//! The message catalogues (`i18n/en.ftl`, `i18n/zh.ftl`): both hold the same
//! messages, the code uses every one and names none that is missing, and
//! the Chinese is Chinese (no English word left in it but keys, paths,
//! placeholders and the names of programs and formats).

use std::collections::BTreeSet;
use std::path::Path;

use crate::common;
use fluent_syntax::ast::{Entry, Pattern, PatternElement};
use gongwen::i18n::Lang;

/// Ids the code makes from a table rather than writing them out; each
/// family is checked by the test of that table (`clap`: every command and
/// flag has its help, tests/cli.rs).
const MADE_FROM_TABLES: &[&str] = &["cli-"];

/// Names kept in Latin letters in Chinese text: programs, formats, standards,
/// encodings, the units of a page.
const LATIN_IN_CHINESE: &[&str] = &[
    "gongwen",
    "Word",
    "WPS",
    "LibreOffice",
    "Chromium",
    "PDF",
    "HTML",
    "YAML",
    "Markdown",
    "JSON",
    "SVG",
    "DOCX",
    "docx",
    "xlsx",
    "Excel",
    "CSV",
    "UTF",
    "GB",
    "T",
    "GBK",
    "typst",
    "tera",
    "Ctrl",
    "URL",
    "HTTP",
    "IP",
    "ID",
    "id",
    "Notepad",
    "iconv",
    "Fluent",
    "pt",
    "mm",
    "cm",
    "MB",
    "KB",
    "GB18030",
    "Unicode",
    "UOS",
    "Windows",
    "Linux",
    "macOS",
    "Tab",
    "NUL",
    "BOM",
    "UTF-8",
    "UTF-16",
    "pandoc",
    "git",
    "CLI",
];

/// Each message id of a catalogue with its text (attributes as `id.attr`).
fn messages(lang: Lang) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(lang.catalogue())
        .unwrap_or_else(|(_, errors)| panic!("i18n/{}.ftl: {errors:?}", lang.code()));
    let mut out = Vec::new();
    for entry in resource.body {
        if let Entry::Message(message) = entry {
            let id = message.id.name.to_string();
            if let Some(value) = &message.value {
                out.push((id.clone(), text_of(value)));
            }
            for attribute in &message.attributes {
                out.push((
                    format!("{id}.{}", attribute.id.name),
                    text_of(&attribute.value),
                ));
            }
        }
    }
    out
}

/// A pattern's literal text, placeholders and selectors' variants included
/// as text, variables left out.
fn text_of(pattern: &Pattern<&str>) -> String {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => {
                if let fluent_syntax::ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        text.push(' ');
                        text.push_str(&text_of(&variant.value));
                    }
                }
            }
        }
    }
    text
}

/// Every id the code names: `tr!("id"` and `text_in(…, "id"`.
fn used_ids() -> BTreeSet<String> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    common::rust_files(&src, &mut files);
    let call = regex::Regex::new(r#"\btr!\(\s*"([a-z0-9.-]+)""#).unwrap();
    let mut ids = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for capture in call.captures_iter(&text) {
            ids.insert(capture[1].to_string());
        }
    }
    ids
}

#[test]
fn both_catalogues_hold_the_same_messages() {
    let ids = |lang| -> BTreeSet<String> { messages(lang).into_iter().map(|(id, _)| id).collect() };
    let (en, zh) = (ids(Lang::En), ids(Lang::Zh));
    let only_en: Vec<_> = en.difference(&zh).collect();
    let only_zh: Vec<_> = zh.difference(&en).collect();
    assert!(
        only_en.is_empty() && only_zh.is_empty(),
        "only in en.ftl: {only_en:?}\nonly in zh.ftl: {only_zh:?}"
    );
    for lang in Lang::ALL {
        let all = messages(lang);
        let mut seen = BTreeSet::new();
        let twice: Vec<_> = all.iter().filter(|(id, _)| !seen.insert(id)).collect();
        assert!(
            twice.is_empty(),
            "i18n/{}.ftl: twice: {twice:?}",
            lang.code()
        );
    }
}

#[test]
fn the_code_uses_every_message_and_names_none_missing() {
    let used = used_ids();
    let catalogue: BTreeSet<String> = messages(Lang::En)
        .into_iter()
        .map(|(id, _)| id)
        .filter(|id| !id.contains('.'))
        .collect();
    let missing: Vec<_> = used.difference(&catalogue).collect();
    assert!(
        missing.is_empty(),
        "used in src/ but in no catalogue: {missing:?}"
    );
    let unused: Vec<_> = catalogue
        .difference(&used)
        .filter(|id| !MADE_FROM_TABLES.iter().any(|p| id.starts_with(p)))
        .collect();
    assert!(
        unused.is_empty(),
        "in the catalogues but used nowhere: {unused:?}"
    );
}

/// The English words of a Chinese text: Latin words outside code spans,
/// placeholders, file names, flags and the names kept in Latin letters.
fn english_words(text: &str) -> Vec<String> {
    let code = regex::Regex::new(
        r"`[^`]*`|\{[^}]*\}|https?://\S+|[\w./-]+\.(yaml|md|docx|html|pdf|json|typ|tera|txt|xlsx|csv|ftl)\b|--?[a-z][a-z-]*",
    )
    .unwrap();
    let word = regex::Regex::new(r"[A-Za-z][A-Za-z0-9-]*").unwrap();
    let text = code.replace_all(text, " ");
    word.find_iter(&text)
        .map(|m| m.as_str())
        .filter(|w| !LATIN_IN_CHINESE.contains(w))
        .map(str::to_string)
        .collect()
}

#[test]
fn chinese_messages_hold_no_english_words() {
    let mut english = Vec::new();
    for (id, text) in messages(Lang::Zh) {
        for w in english_words(&text) {
            english.push(format!("{id}: {w}"));
        }
    }
    assert!(
        english.is_empty(),
        "English left in i18n/zh.ftl:\n{}",
        english.join("\n")
    );
}

#[test]
fn english_words_are_found_and_keys_paths_and_names_are_not() {
    assert_eq!(
        english_words(
            "第3行：unknown 键 `title`，见 drafts/a/v1.yaml，用 --lang 或 { $count } 个 PDF"
        ),
        ["unknown"]
    );
}
