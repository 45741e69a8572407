//! A first draft's YAML, written line by line so that each metadata key
//! carries its meaning as a comment above it (the key table's own words,
//! in the language of the keys), and the keys an office adds later stand
//! commented out where they go.

use super::kinds::{Kind, Part};
use crate::load::schema::{KeyPlace, chinese_name, find};
use crate::model::Date;
use crate::save::KeyForm;

/// How a key is named in the draft being written.
struct Keys(KeyForm);

impl Keys {
    fn name(&self, key: &'static str, place: KeyPlace) -> &'static str {
        match self.0 {
            KeyForm::English => key,
            KeyForm::Chinese => chinese_name(key, place).unwrap_or(key),
        }
    }

    /// The key's meaning, from the key table, as a comment line.
    fn meaning(&self, key: &str) -> String {
        let row = find(KeyPlace::Draft, key).expect("a draft key of the key table");
        match self.0 {
            // `number: the document number …` would read as a key written as
            // a note, like the line `# number: ××〔2026〕×号` below it.
            KeyForm::English => match row.en.strip_prefix(key).and_then(|t| t.strip_prefix(": ")) {
                Some(meaning) => format!("# {key} — {meaning}\n"),
                None => format!("# {}\n", row.en),
            },
            // 发文字号：… with its full-width colon is told apart already.
            KeyForm::Chinese => format!("# {}\n", row.zh),
        }
    }
}

/// Text as a YAML scalar on one line: plain where YAML allows, else quoted.
fn scalar(text: &str) -> String {
    serde_saphyr::to_string(&text)
        .map(|s| s.trim_end().to_string())
        .unwrap_or_else(|_| format!("{text:?}"))
}

pub(super) fn draft(kind: Kind, form: KeyForm, today: Date) -> String {
    let keys = Keys(form);
    let skeleton = kind.skeleton();
    let mut out = intro(kind, form);
    // The date the draft is started: 成文日期 until the office sets it.
    let date = format!("{:04}-{:02}-{:02}", today.year, today.month, today.day);
    let number = format!("××〔{}〕×号", today.year);
    let style = match form {
        KeyForm::English => skeleton.style.name(),
        KeyForm::Chinese => skeleton.style.chinese(),
    };
    // Keys in the order the YAML writer writes them; `None`: commented out.
    let fields: [(&str, Option<String>, &str); 6] = [
        ("title", Some(scalar(skeleton.title)), ""),
        ("stage", Some("征求意见稿".into()), ""),
        ("organ", Some("××市××局".into()), ""),
        ("date", Some(date.clone()), ""),
        ("number", None, &number),
        ("to", skeleton.to.map(scalar), "各有关单位"),
    ];
    for (key, value, example) in fields {
        field(&mut out, &keys, key, value.as_deref(), example);
    }
    field(&mut out, &keys, "style", Some(style), "");
    if !skeleton.preamble.is_empty() {
        out.push_str(&keys.meaning("preamble"));
        out.push_str(keys.name("preamble", KeyPlace::Draft));
        out.push_str(":\n");
        paragraphs(&mut out, skeleton.preamble, 2);
    }
    out.push_str(&keys.meaning("parts"));
    out.push_str(keys.name("parts", KeyPlace::Draft));
    out.push_str(":\n");
    for part in skeleton.parts {
        write_part(&mut out, &keys, part, 2);
    }
    if !skeleton.closing.is_empty() {
        out.push_str(&keys.meaning("closing"));
        out.push_str(keys.name("closing", KeyPlace::Draft));
        out.push_str(":\n");
        paragraphs(&mut out, skeleton.closing, 2);
    }
    let later: [(&str, &str); 4] = [
        ("attachments", "[……]"),
        ("cc", "××市××局"),
        ("printer", "××市××局办公室"),
        ("printed", &date),
    ];
    for (key, example) in later {
        field(&mut out, &keys, key, None, example);
    }
    out
}

/// The notes at the head of the file: what it is and how to fill it in.
fn intro(kind: Kind, form: KeyForm) -> String {
    match form {
        KeyForm::Chinese => format!(
            "# {kind}初稿，由 gongwen new 生成。请把“……”和“××”换成实际内容，不需要的键可以删去。\n\
             # 各部分的编号（一、（一）1. 或 第一章 第一条）由 gongwen 生成，不要手写。\n\
             # 以 # 开头的行是说明，不会印出；要用注释掉的键，删去它行首的“# ”。\n\n",
            kind = kind.chinese()
        ),
        KeyForm::English => format!(
            "# A first draft of a {kind} ({english}), written by gongwen new. Replace …… and ×× \
             with the real text; delete the keys you do not need.\n\
             # gongwen numbers the parts (一、（一）1. or 第一章 第一条): write no numbers.\n\
             # Lines starting with # are notes and are not printed; to use a key written as a \
             note, delete the \"# \" before it.\n\n",
            kind = kind.chinese(),
            english = kind.english()
        ),
    }
}

/// A metadata key with its meaning above it; with no value, the key is
/// written as a note holding `example`.
fn field(out: &mut String, keys: &Keys, key: &'static str, value: Option<&str>, example: &str) {
    out.push_str(&keys.meaning(key));
    let name = keys.name(key, KeyPlace::Draft);
    match value {
        Some(value) => out.push_str(&format!("{name}: {value}\n")),
        None => out.push_str(&format!("# {name}: {example}\n")),
    }
}

fn paragraphs(out: &mut String, texts: &[&str], indent: usize) {
    for text in texts {
        out.push_str(&format!("{:indent$}- {}\n", "", scalar(text)));
    }
}

/// A part as an entry of a `parts:` list indented by `indent`.
fn write_part(out: &mut String, keys: &Keys, part: &Part, indent: usize) {
    let pad = " ".repeat(indent);
    if let ([text], None, []) = (part.text, part.heading, part.parts) {
        out.push_str(&format!("{pad}- {}\n", scalar(text)));
        return;
    }
    let mut lead = format!("{pad}- ");
    let inner = " ".repeat(indent + 2);
    if let Some(heading) = part.heading {
        out.push_str(&format!(
            "{lead}{}: {}\n",
            keys.name("heading", KeyPlace::Part),
            scalar(heading)
        ));
        lead.clone_from(&inner);
    }
    match part.text {
        [] => {}
        [text] => out.push_str(&format!(
            "{lead}{}: {}\n",
            keys.name("text", KeyPlace::Part),
            scalar(text)
        )),
        texts => {
            out.push_str(&format!("{lead}{}:\n", keys.name("text", KeyPlace::Part)));
            paragraphs(out, texts, indent + 4);
        }
    }
    if !part.parts.is_empty() {
        out.push_str(&format!("{inner}{}:\n", keys.name("parts", KeyPlace::Part)));
        for sub in part.parts {
            write_part(out, keys, sub, indent + 4);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_in_either_form_loads_with_its_skeleton() {
        let today = Date::new(2026, 12, 7).unwrap();
        for kind in Kind::ALL {
            for form in [KeyForm::Chinese, KeyForm::English] {
                let text = draft(kind, form, today);
                let dir = tempfile::tempdir().unwrap();
                let path = dir.path().join("v1.yaml");
                std::fs::write(&path, &text).unwrap();
                let loaded = crate::load::load_draft(&path)
                    .unwrap_or_else(|d| panic!("{kind:?} {form:?}:\n{text}\n{}", d.0[0].render()));
                assert_eq!(loaded.parts.len(), kind.skeleton().parts.len(), "{text}");
                assert_eq!(loaded.meta.date, Some(today), "{text}");
                assert_eq!(loaded.meta.numbering.style, kind.skeleton().style, "{text}");
                assert_eq!(
                    text.contains("标题:"),
                    form == KeyForm::Chinese,
                    "{kind:?} {form:?}:\n{text}"
                );
            }
        }
    }

    #[test]
    fn a_key_written_as_a_note_loads_once_its_mark_is_removed() {
        let today = Date::new(2026, 12, 7).unwrap();
        for form in [KeyForm::Chinese, KeyForm::English] {
            let text = draft(Kind::Notice, form, today);
            let keys = Keys(form);
            let mut opened = text.clone();
            for key in ["number", "attachments", "cc", "printer", "printed"] {
                let note = format!("# {}: ", keys.name(key, KeyPlace::Draft));
                assert!(opened.contains(&note), "{key}: {text}");
                opened = opened.replace(&note, &note[2..]);
            }
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("v1.yaml");
            std::fs::write(&path, &opened).unwrap();
            let loaded = crate::load::load_draft(&path)
                .unwrap_or_else(|d| panic!("{form:?}:\n{opened}\n{}", d.0[0].render()));
            assert!(loaded.meta.number.is_some(), "{opened}");
        }
    }
}
