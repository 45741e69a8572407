//! Word files (.docx) → the lines the structure recogniser reads: one line
//! per paragraph, with the number Word's automatic list numbering shows put
//! in front of it as if typed, tracked changes accepted or rejected on
//! request, and tables as HTML the text importer reads as tables.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use roxmltree::{Document, Node};

use crate::diagnostic::Diagnostic;
use lists::{ListRef, Lists, format_number, style_numbering};
use meta::{HEAD_STYLES, META_STYLES};
pub use meta::{apply_meta, part_id};

mod lists;
mod meta;
mod table;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// What to do with tracked changes in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrackedChanges {
    /// Refuse a file that has any: which text is the draft is the author's call.
    #[default]
    Refuse,
    /// Read the text as if every change were accepted.
    Accept,
    /// Read the text as if every change were rejected.
    Reject,
}

/// The text of a Word file and what reading it noticed.
#[derive(Debug, Clone, Default)]
pub struct DocxText {
    /// One paragraph per line.
    pub text: String,
    /// Paragraphs whose number came from Word's list numbering.
    pub numbered: usize,
    /// Tables met, by the line each is written on (as HTML: see `Reader::table`).
    pub tables: Vec<usize>,
    /// Tracked changes met (and accepted or rejected).
    pub changes: usize,
    /// Paragraphs in the styles gongwen gives the parts of a document that
    /// are not its body (发文机关署名, 成文日期, 附件说明, 主送机关, 版记), by
    /// style id, taken out of `text`: a .docx gongwen wrote reads back whole.
    pub meta: Vec<(String, String)>,
    /// Part ids carried by gongwen's bookmarks: the 1-based line in `text`
    /// of the paragraph that holds one, and the id.
    pub ids: Vec<(usize, String)>,
}

/// The most a part of the package may unpack to: a zip bomb is refused.
const MAX_PART: u64 = 256 << 20;

/// Whether bytes are a zip package (a .docx) rather than text.
pub fn is_package(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Whether bytes are an OLE compound file: a Word 97–2003 .doc, or an
/// encrypted (password-protected) .docx, which Word stores the same way.
pub fn is_compound(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The error for a compound file, saying which kind it is.
pub fn compound_error(path: &Path, bytes: &[u8]) -> Diagnostic {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let encrypted = bytes
        .windows(28)
        .any(|w| w == utf16("EncryptionInfo").as_slice());
    if encrypted {
        Diagnostic::error(path, 0, 0, "this Word file is encrypted (it has a password to open)")
            .help("open it in Word or WPS, remove the password (File → Info → Protect Document → Encrypt with Password, leave it empty), save, and import that file")
    } else {
        Diagnostic::error(
            path,
            0,
            0,
            "this is a Word 97–2003 document (.doc), not a .docx",
        )
        .help(
            "open it in Word or WPS and save it as a Word Document (.docx), then import the .docx",
        )
    }
}

/// Reads a .docx package.
pub fn read(path: &Path, bytes: &[u8], changes: TrackedChanges) -> Result<DocxText, Diagnostic> {
    let error = |message: String| {
        Diagnostic::error(path, 0, 0, message)
            .help("import a Word document saved as .docx (Word 2007 or later, or WPS), or a text or Markdown file")
    };
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| error(format!("this is not a readable .docx package: {e}")))?;
    let mut part = |name: &str| -> Result<Option<String>, Diagnostic> {
        let file = match zip.by_name(name) {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(error(format!("cannot read {name} in the package: {e}"))),
        };
        let mut text = String::new();
        file.take(MAX_PART + 1)
            .read_to_string(&mut text)
            .map_err(|e| error(format!("cannot read {name} in the package: {e}")))?;
        if text.len() as u64 > MAX_PART {
            return Err(error(format!("{name} unpacks to more than 256 MB")));
        }
        Ok(Some(text))
    };
    let document = part("word/document.xml")?.ok_or_else(|| {
        error("the package has no word/document.xml: it is not a Word document".into())
    })?;
    let numbering = part("word/numbering.xml")?;
    let styles = part("word/styles.xml")?;
    // Each part parsed once; a part that is not XML is an error naming it.
    let not_xml =
        |name: &str, e: roxmltree::Error| error(format!("{name} is not well-formed XML: {e}"));
    let doc = Document::parse(&document).map_err(|e| not_xml("word/document.xml", e))?;
    let numbering = match &numbering {
        Some(xml) => {
            Lists::new(&Document::parse(xml).map_err(|e| not_xml("word/numbering.xml", e))?)
        }
        None => Lists::default(),
    };
    let style_lists = match &styles {
        Some(xml) => {
            style_numbering(&Document::parse(xml).map_err(|e| not_xml("word/styles.xml", e))?)
        }
        None => HashMap::new(),
    };
    let mut reader = Reader {
        lists: numbering,
        style_lists,
        keep: changes,
        out: DocxText::default(),
        carried: String::new(),
        counters: HashMap::new(),
        head: Vec::new(),
        lines: 0,
    };
    let body = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "body")))
        .ok_or_else(|| error("word/document.xml has no body".into()))?;
    reader.count_changes(body);
    if reader.out.changes > 0 && changes == TrackedChanges::Refuse {
        return Err(Diagnostic::error(
            path,
            0,
            0,
            format!("the file has {} tracked changes: which text is the draft?", reader.out.changes),
        )
        .help("accept or reject them in Word first, or import with --accept-changes or --reject-changes"));
    }
    reader.block_children(body);
    if !reader.carried.is_empty() {
        let rest = std::mem::take(&mut reader.carried);
        reader.line(&rest);
    }
    let mut out = reader.out;
    if !reader.head.is_empty() {
        let mut head = String::new();
        for style in HEAD_STYLES {
            for (_, text) in reader.head.iter().filter(|(s, _)| s == style) {
                head.push_str(text);
                head.push('\n');
            }
        }
        let shift = head.lines().count();
        out.text = head + &out.text;
        for (line, _) in &mut out.ids {
            *line += shift;
        }
        for line in &mut out.tables {
            *line += shift;
        }
    }
    Ok(out)
}

pub(super) fn is_w(n: &Node, name: &str) -> bool {
    n.has_tag_name((W, name))
}

pub(super) fn attr<'a>(n: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
}

pub(super) fn child<'a, 'i>(n: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

struct Reader {
    lists: Lists,
    style_lists: HashMap<String, ListRef>,
    keep: TrackedChanges,
    out: DocxText,
    /// Text of a paragraph whose mark was dropped, joined to the next one.
    carried: String,
    /// Each list's counters, one per level.
    counters: HashMap<String, Vec<Option<u64>>>,
    /// Head paragraphs by style, put in front of the text at the end.
    head: Vec<(String, String)>,
    /// Lines written to the text so far.
    lines: usize,
}

/// Revision elements: the kind of content they hold.
fn revision(n: &Node) -> Option<bool> {
    if n.tag_name().namespace() != Some(W) {
        return None;
    }
    match n.tag_name().name() {
        "ins" | "moveTo" => Some(true),
        "del" | "moveFrom" => Some(false),
        _ => None,
    }
}

impl Reader {
    fn count_changes(&mut self, body: Node) {
        self.out.changes = body.descendants().filter(|n| revision(n).is_some()).count();
    }

    /// Whether content inside a revision of this kind (inserted: true) is read.
    fn kept(&self, inserted: bool) -> bool {
        match self.keep {
            TrackedChanges::Reject => !inserted,
            TrackedChanges::Accept | TrackedChanges::Refuse => inserted,
        }
    }

    fn line(&mut self, text: &str) {
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.lines += 1 + text.matches('\n').count();
    }

    /// Paragraphs and tables in reading order, looking into content controls
    /// and revisions that wrap whole paragraphs.
    fn block_children(&mut self, parent: Node) {
        for n in parent.children().filter(Node::is_element) {
            if is_w(&n, "p") {
                self.paragraph(n);
            } else if is_w(&n, "tbl") {
                self.table(n);
            } else if let Some(inserted) = revision(&n) {
                if self.kept(inserted) {
                    self.block_children(n);
                }
            } else if is_w(&n, "sdt") {
                if let Some(content) = child(&n, "sdtContent") {
                    self.block_children(content);
                }
            } else if n.tag_name().namespace() == Some(W) && n.tag_name().name() == "customXml" {
                self.block_children(n);
            }
        }
    }

    /// A table, written as one line of HTML the text importer reads as a
    /// table (see [`table::html`]).
    fn table(&mut self, tbl: Node) {
        self.out.tables.push(self.lines + 1);
        let html = table::html(tbl, |p| self.runs_text(p));
        self.line(&html);
    }

    /// The text of a paragraph's runs, revisions read as asked.
    fn runs_text(&self, p: Node) -> String {
        let mut text = String::new();
        self.collect(p, &mut text);
        text
    }

    fn collect(&self, n: Node, text: &mut String) {
        for c in n.children().filter(Node::is_element) {
            if c.tag_name().namespace() != Some(W) {
                continue;
            }
            if let Some(inserted) = revision(&c) {
                if self.kept(inserted) {
                    self.collect(c, text);
                }
                continue;
            }
            match c.tag_name().name() {
                "pPr" | "rPr" | "instrText" | "delInstrText" | "footnoteReference"
                | "endnoteReference" | "commentReference" => {}
                "t" | "delText" => text.push_str(c.text().unwrap_or("")),
                "tab" | "ptab" => text.push('\u{3000}'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                _ => self.collect(c, text),
            }
        }
    }

    /// The number Word shows in front of a paragraph, if its list numbers it.
    fn list_label(&mut self, p: Node) -> Option<String> {
        let ppr = child(&p, "pPr");
        let direct = ppr.and_then(|pp| child(&pp, "numPr")).map(|n| {
            (
                child(&n, "numId")
                    .and_then(|c| attr(&c, "val"))
                    .map(str::to_string),
                child(&n, "ilvl")
                    .and_then(|c| attr(&c, "val"))
                    .and_then(|v| v.parse().ok()),
            )
        });
        let style = ppr
            .and_then(|pp| child(&pp, "pStyle"))
            .and_then(|s| attr(&s, "val"))
            .and_then(|s| self.style_lists.get(s).cloned());
        let (id, ilvl) = match (direct, style) {
            (Some((Some(id), ilvl)), style) => (id, ilvl.or(style.map(|s| s.1)).unwrap_or(0)),
            (Some((None, ilvl)), Some((id, level))) => (id, ilvl.unwrap_or(level)),
            (None, Some((id, level))) => (id, level),
            _ => return None,
        };
        let levels = self.lists.levels.get(&id)?.clone();
        let level = levels.get(ilvl)?;
        if level.format == "bullet" {
            return None;
        }
        let counters = self.counters.entry(id).or_insert_with(|| vec![None; 9]);
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1)));
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let mut label = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(ilvl + 1).rev() {
            let n = counters[i].unwrap_or(l.start);
            label = label.replace(&format!("%{}", i + 1), &format_number(n, &l.format));
        }
        let gap = match level.suffix.as_str() {
            "nothing" => "",
            _ if label.ends_with(['、', '）', ')', '.', '．']) => "",
            _ => " ",
        };
        Some(format!("{label}{gap}"))
    }

    fn paragraph(&mut self, p: Node) {
        let mark_dropped = child(&p, "pPr")
            .and_then(|pp| child(&pp, "rPr"))
            .is_some_and(|r| {
                r.children()
                    .filter_map(|c| revision(&c))
                    .any(|inserted| !self.kept(inserted))
            });
        let mut text = std::mem::take(&mut self.carried);
        let body = self.runs_text(p);
        if let Some(label) = self.list_label(p) {
            self.out.numbered += 1;
            text.push_str(&label);
        }
        text.push_str(&body);
        let style_id = child(&p, "pPr")
            .and_then(|pp| child(&pp, "pStyle"))
            .and_then(|s| attr(&s, "val"));
        let style = style_id.filter(|s| META_STYLES.contains(s));
        let head_style = style_id.filter(|s| HEAD_STYLES.contains(s));
        let id = p
            .children()
            .filter(|c| is_w(c, "bookmarkStart"))
            .find_map(|b| attr(&b, "name").and_then(part_id));
        if let Some(id) = id
            && !mark_dropped
            && style.is_none()
            && head_style.is_none()
        {
            self.out.ids.push((self.lines + 1, id));
        }
        if mark_dropped {
            self.carried = text;
        } else if let Some(style) = style {
            self.out.meta.push((style.to_string(), text));
        } else if head_style.is_some() {
            self.head
                .push((head_style.unwrap_or_default().to_string(), text));
        } else {
            self.line(&text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_files_are_told_apart() {
        let mut doc = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        doc.extend([0; 64]);
        assert!(is_compound(&doc));
        let message = compound_error(Path::new("a.doc"), &doc).message;
        assert!(message.contains(".doc"), "{message}");
        let name: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        doc.extend(name);
        let message = compound_error(Path::new("a.docx"), &doc).message;
        assert!(message.contains("encrypted"), "{message}");
    }
}
