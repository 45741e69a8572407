//! Attachments in an imported text: the 附件说明 after the body (附件：1.……
//! 2.……) gives their names, and a line 附件1 (附件 when there is one) near
//! the end starts each attachment written out in full, its title on the
//! next line and its text up to the next such line.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::{continuous_levels, parse, tables};
use crate::model::{Attachment, Block, Numbering, Origin, Style};

/// 附件 / 附件1 / 附件 2 / **附件3**, alone on its line.
static LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\*\*)?附\s*件\s*(\d{1,3})?(?:\*\*)?$").unwrap());
/// The 附件说明: 附件：1.名称, or 附件：名称.
static NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^附件[:：]\s*(?:\d{1,3}\s*[.．、]\s*)?(.+)$").unwrap());
/// A later line of the 附件说明: 2.名称.
static NOTE_MORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}\s*[.．、]\s*(.+)$").unwrap());

/// An attachment written out in full: its title and its lines.
pub struct Section {
    pub title: String,
    pub lines: Vec<Line>,
}

/// A name of the 附件说明 without the Markdown hard break that may end it:
/// a backslash at the end not itself escaped.
fn name(text: &str) -> String {
    let backslashes = text.len() - text.trim_end_matches('\\').len();
    let text = if backslashes % 2 == 1 {
        &text[..text.len() - 1]
    } else {
        text
    };
    text.trim().to_string()
}

/// Takes the 附件说明 and the attachments written out in full off the end
/// of the body: their names, and the attachments.
pub fn split(body: &mut Vec<Line>, tables: &tables::Tables) -> (Vec<String>, Vec<Section>) {
    let mut sections = Vec::new();
    // From the last label back: each label followed by a title starts one.
    // A label with no title after it (another label, a table) starts nothing.
    let titled = |i: usize| {
        body.get(i + 1)
            .is_some_and(|next| !LABEL.is_match(&next.text) && tables.placed(&next.text).is_none())
    };
    let starts: Vec<usize> = (1..body.len())
        .filter(|&i| LABEL.is_match(&body[i].text) && titled(i))
        .collect();
    if let Some(&first) = starts.first() {
        let rest = body.split_off(first);
        let mut at: Vec<usize> = starts.iter().map(|s| s - first).collect();
        at.push(rest.len());
        for w in at.windows(2) {
            let chunk = &rest[w[0]..w[1]];
            sections.push(Section {
                title: chunk[1].text.clone(),
                lines: chunk[2..].to_vec(),
            });
        }
    }
    // The 附件说明: the last line starting 附件： and the numbered lines after it.
    let mut names = Vec::new();
    if let Some(i) = body.iter().rposition(|l| NOTE.is_match(&l.text)) {
        let mut end = i + 1;
        names.push(name(
            &NOTE
                .captures(&body[i].text)
                .map_or(String::new(), |c| c[1].to_string()),
        ));
        // 附件：1.…… is followed by 2.……; 附件：…… stands alone.
        let many = body[i]
            .text
            .trim_start_matches(['附', '件', ':', '：', ' '])
            .starts_with('1');
        while end < body.len() && many {
            match NOTE_MORE.captures(&body[end].text) {
                Some(c) => names.push(name(&c[1])),
                None => break,
            }
            end += 1;
        }
        body.drain(i..end);
    }
    (names, sections)
}

/// An attachment written out in full, read like a text of its own; its
/// place in the list of names is its title's, or a new one.
pub(super) fn read(
    section: Section,
    tables: &tables::Tables,
    names: &mut Vec<String>,
) -> Option<Attachment> {
    let style = if section.lines.is_empty() {
        Style::Outline
    } else {
        parse::detect_style(&section.lines)
    };
    let mut tree = parse::build(&section.lines, style);
    tables::restore(&mut tree.parts, tables);
    let numbering = Numbering {
        style,
        continuous: continuous_levels(&tree, style),
    };
    let mut body: Vec<Block> = tree
        .preamble
        .iter()
        .map(|(_, t)| match tables.placed(t) {
            Some(table) => Block::Table(table.clone()),
            None => Block::Para(t.clone()),
        })
        .collect();
    body.extend(tree.parts.into_iter().map(Block::Part));
    let index = match names.iter().position(|n| *n == section.title) {
        Some(i) => i,
        None => {
            names.push(section.title.clone());
            names.len() - 1
        }
    };
    (!body.is_empty()).then(|| Attachment {
        index,
        numbering,
        body,
        // Imported parts carry no place, and neither does this.
        origin: Origin::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_without_a_title_and_the_note_alone_start_nothing() {
        // 附件1 is an image in the original: only 附件2 has a title.
        let mut body = lines("一、总则\n正文。\n附件1\n附件2\n清单\n甲。\n");
        let none = tables::Tables::none();
        let (_, sections) = split(&mut body, &none);
        assert_eq!(sections.len(), 1);
        assert_eq!(sections[0].title, "清单");
        // 附件： on a line of its own, its names below, is the note.
        let mut body = lines("一、总则\n正文。\n附件：\n1.项目清单\n");
        let (_, sections) = split(&mut body, &none);
        assert!(sections.is_empty());
    }

    fn lines(text: &str) -> Vec<Line> {
        super::super::lines::clean(text, true).0
    }

    #[test]
    fn the_note_names_them_and_the_labels_start_them() {
        let mut body = lines(
            "一、总则\n正文。\n附件：1.项目清单\\\n　　　2.重点任务分工表\n\n附件1\n\n项目清单\n\n甲项目。\n\n附件2\n\n# 重点任务分工表\n\n乙。\n",
        );
        let (names, sections) = split(&mut body, &tables::Tables::none());
        assert_eq!(names, ["项目清单", "重点任务分工表"]);
        assert_eq!(sections.len(), 2);
        assert_eq!(sections[1].title, "重点任务分工表");
        assert_eq!(sections[0].lines[0].text, "甲项目。");
        assert_eq!(body.last().unwrap().text, "正文。");
    }
}
