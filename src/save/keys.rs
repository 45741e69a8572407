//! YAML with Chinese keys (`import --keys zh`): the English YAML the writer
//! makes, with each key — found by the parser, at its place — replaced by its
//! Chinese name (标题, 正文, 内容 …), and `style: articles` by `编号方式: 条文`.
//! Only keys are touched, never text that looks like one.

use crate::load::node::{Node, Value};
use crate::load::scalar;
use crate::load::schema::{KeyPlace, chinese_name};
use crate::model::Style;

/// How a written draft names its keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KeyForm {
    #[default]
    English,
    Chinese,
}

/// `text` (YAML written by this module's writer, whose top level is in
/// `place`) with its keys in Chinese.
pub fn to_chinese(text: &str, place: KeyPlace) -> String {
    let Ok(root) = Node::parse(text) else {
        return text.to_string();
    };
    let mut edits: Vec<(usize, usize, &'static str)> = Vec::new();
    walk(
        text,
        &scalar::LineStarts::new(text),
        &root,
        place,
        &mut edits,
    );
    edits.sort_by_key(|e| e.0);
    let mut out = text.to_string();
    for (at, len, name) in edits.into_iter().rev() {
        out.replace_range(at..at + len, name);
    }
    out
}

fn walk(
    text: &str,
    lines: &scalar::LineStarts,
    node: &Node,
    place: KeyPlace,
    edits: &mut Vec<(usize, usize, &'static str)>,
) {
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .for_each(|n| walk(text, lines, n, place, edits)),
        Value::Map(entries) => {
            for (key, value) in entries {
                let Value::Str(name) = &key.value else {
                    continue;
                };
                if let (Some(zh), Some(at)) = (
                    chinese_name(name, place),
                    lines.offset(text, key.pos.line, key.pos.column),
                ) && text[at..].starts_with(name.as_str())
                {
                    edits.push((at, name.len(), zh));
                }
                let inner = match (place, name.as_str()) {
                    (KeyPlace::Draft, "fonts") => Some(KeyPlace::Fonts),
                    (
                        KeyPlace::Draft | KeyPlace::Part | KeyPlace::Attachment | KeyPlace::Block,
                        "parts",
                    ) => Some(KeyPlace::Part),
                    // A text list's entries: paragraphs, and `table:` or
                    // `parts:` between them.
                    (KeyPlace::Part | KeyPlace::Attachment, "text") => Some(KeyPlace::Block),
                    (KeyPlace::Draft, "attachments") => Some(KeyPlace::Attachment),
                    (KeyPlace::Block, "table") => Some(KeyPlace::Table),
                    (KeyPlace::Table, "header" | "rows") => Some(KeyPlace::Cell),
                    _ => None,
                };
                if matches!(
                    (place, name.as_str()),
                    (KeyPlace::Draft | KeyPlace::Attachment, "style")
                ) && let Value::Str(style) = &value.value
                    && let Some(at) = lines.offset(text, value.pos.line, value.pos.column)
                    && text[at..].starts_with(style.as_str())
                    && let Some(zh) = Style::parse(style).map(Style::chinese)
                {
                    edits.push((at, style.len(), zh));
                }
                if let Some(inner) = inner {
                    walk(text, lines, value, inner, edits);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_style_is_written_by_its_own_chinese_name_and_an_unknown_one_is_left_alone() {
        for style in Style::ALL {
            let yaml = format!("title: 方案\nstyle: {}\n", style.name());
            let zh = to_chinese(&yaml, KeyPlace::Draft);
            assert!(
                zh.ends_with(&format!(": {}\n", style.chinese())),
                "{style:?}: {zh}"
            );
        }
        let zh = to_chinese("title: 方案\nstyle: numbered\n", KeyPlace::Draft);
        assert!(zh.ends_with(": numbered\n"), "{zh}");
    }
}
