//! References by id (`[[art-funding]]`, `[[art-funding|款2]]`) printed as
//! the label of the part they name, in the document's style: 第十二条,
//! 第十二条第二款, 第十二条第三项, 第二章第一节; in an outline document
//! 第二部分, 第（三）项 (when the items run on through the text) or
//! 第二部分第（三）项, 第二部分第（三）项第1点.
//!
//! The text as written is kept beside the printed one ([`Written`]), so the
//! comparison can see that a reference still names the same part when only
//! that part's number changed.

use std::collections::HashMap;

use super::numerals::chinese;
use super::{Content, Document, Number, Section, label};
use crate::model::Level;
use crate::text::links::links;

/// The heading and paragraphs of a section as written, with `[[id]]` in them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Written {
    pub heading: Option<String>,
    pub paragraphs: Vec<String>,
}

/// How a part is named in a reference: the pieces from the outermost that is
/// needed, joined (第二章 + 第一节).
fn piece(level: Level, number: Number) -> String {
    match level {
        Level::Outline(1) => format!("第{}部分", chinese(number.ordinal as u64)),
        Level::Outline(2) => format!("第{}项", label(level, number)),
        Level::Outline(3) => format!("第{}点", number.ordinal),
        Level::Outline(_) => format!("第（{}）点", number.ordinal),
        Level::Item => format!("第{}项", chinese(number.ordinal as u64)),
        Level::SubItem => format!("第{}目", chinese(number.ordinal as u64)),
        _ => label(level, number),
    }
}

/// The label every part with an id is referred to by.
fn labels(doc: &Document) -> HashMap<String, String> {
    let continuous = &doc.meta.numbering.continuous;
    let mut out = HashMap::new();
    fn visit(s: &Section, outer: &str, continuous: &[Level], out: &mut HashMap<String, String>) {
        let own = match s.number {
            Some(n) => piece(s.level, n),
            None => s
                .heading
                .as_deref()
                .map_or_else(String::new, |h| format!("“{h}”")),
        };
        // A part numbered through the whole text, an article and the outer
        // divisions are named alone; the rest after the part they are in.
        let alone = continuous.contains(&s.level)
            || matches!(
                s.level,
                Level::Article | Level::Book | Level::Chapter | Level::Outline(1)
            )
            || s.number.is_none();
        let name = if alone || outer.is_empty() {
            own
        } else {
            format!("{outer}{own}")
        };
        if let Some(id) = &s.id {
            out.insert(id.0.clone(), name.clone());
        }
        // An article's items are named after their 款 when it has several:
        // 第十二条第二款第三项.
        let paragraphs = s.paragraphs().count();
        let mut seen = 0;
        for c in &s.body {
            match c {
                Content::Para(_) => seen += 1,
                Content::Table(_) => {}
                Content::Section(child) => {
                    let outer = if s.level == Level::Article && paragraphs > 1 && seen > 0 {
                        format!("{name}第{}款", chinese(seen as u64))
                    } else {
                        name.clone()
                    };
                    visit(child, &outer, continuous, out);
                }
            }
        }
    }
    for s in &doc.sections {
        visit(s, "", continuous, &mut out);
    }
    out
}

/// A text with each reference by id printed as its label; `None` when it has none.
fn printed(text: &str, labels: &HashMap<String, String>) -> Option<String> {
    if !text.contains("[[") {
        return None;
    }
    let found = links(text);
    if found.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for link in found.into_iter().flatten() {
        // The loader refuses an id no part has; a draft built in code may
        // still carry one, and it is printed as written.
        let Some(name) = labels.get(link.id) else {
            continue;
        };
        out.push_str(&text[at..link.start]);
        out.push_str(name);
        if let Some(clause) = link.clause {
            out.push_str(&format!("第{}款", chinese(clause as u64)));
        }
        at = link.end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// Prints every reference by id in the document as its label, keeping the
/// texts as written where that changed them.
pub(super) fn resolve(doc: &mut Document) {
    if !has_links(doc) {
        return;
    }
    let labels = labels(doc);
    fn section(s: &mut Section, labels: &HashMap<String, String>) {
        // The printed forms first: a section without references keeps no copy.
        let heading = s.heading.as_deref().and_then(|h| printed(h, labels));
        let paragraphs: Vec<Option<String>> = s.paragraphs().map(|p| printed(p, labels)).collect();
        if heading.is_some() || paragraphs.iter().any(Option::is_some) {
            s.written = Some(Box::new(Written {
                heading: s.heading.clone(),
                paragraphs: s.paragraphs().map(str::to_string).collect(),
            }));
            if heading.is_some() {
                s.heading = heading;
            }
            let texts = s.body.iter_mut().filter_map(|c| match c {
                Content::Para(text) => Some(text),
                Content::Section(_) | Content::Table(_) => None,
            });
            for (text, p) in texts.zip(paragraphs) {
                if let Some(p) = p {
                    *text = p;
                }
            }
        }
        body(&mut s.body, labels);
    }
    // Sections, and cells of tables, which are printed without keeping
    // what was written.
    fn body(contents: &mut [Content], labels: &HashMap<String, String>) {
        for c in contents {
            match c {
                Content::Section(child) => section(child, labels),
                Content::Table(table) => {
                    let rows = table.header.iter_mut().chain(&mut table.rows);
                    for cell in rows.flat_map(|r| &mut r.cells) {
                        if let Some(p) = printed(&cell.text, labels) {
                            cell.text = p;
                        }
                    }
                    if let Some(p) = table.caption.as_deref().and_then(|c| printed(c, labels)) {
                        table.caption = Some(p);
                    }
                }
                Content::Para(_) => {}
            }
        }
    }
    for s in &mut doc.sections {
        section(s, &labels);
    }
    for a in &mut doc.attachments {
        body(&mut a.body, &labels);
    }
    let printed_meta = |texts: &[String]| -> Vec<Option<String>> {
        texts.iter().map(|t| printed(t, &labels)).collect()
    };
    let (preamble, closing) = (
        printed_meta(&doc.meta.preamble),
        printed_meta(&doc.meta.closing),
    );
    if preamble.iter().chain(&closing).any(Option::is_some) {
        let written = (doc.meta.preamble.clone(), doc.meta.closing.clone());
        doc.written_meta = Some(Box::new(written));
        for (text, p) in doc
            .meta
            .preamble
            .iter_mut()
            .zip(preamble)
            .chain(doc.meta.closing.iter_mut().zip(closing))
        {
            if let Some(p) = p {
                *text = p;
            }
        }
    }
}

/// Whether any text of the document holds `[[`.
fn has_links(doc: &Document) -> bool {
    fn section(s: &Section) -> bool {
        s.heading.as_deref().is_some_and(|h| h.contains("[[")) || s.body.iter().any(content)
    }
    fn content(c: &Content) -> bool {
        match c {
            Content::Para(p) => p.contains("[["),
            Content::Section(s) => section(s),
            Content::Table(t) => t
                .texts()
                .chain(t.caption.as_deref())
                .any(|p| p.contains("[[")),
        }
    }
    doc.sections.iter().any(section)
        || doc.attachments.iter().any(|a| a.body.iter().any(content))
        || doc
            .meta
            .preamble
            .iter()
            .chain(&doc.meta.closing)
            .any(|p| p.contains("[["))
}
