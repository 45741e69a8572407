//! Word files (.docx) → the lines the structure recogniser reads: one line
//! per paragraph, with the number Word's automatic list numbering shows put
//! in front of it as if typed, tracked changes accepted or rejected on
//! request, and tables read as tables, each standing in the text as a line
//! of its own.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::Path;

use roxmltree::Node;

use crate::diagnostic::Diagnostic;
use crate::model::{ShapeError, Table};
use crate::word_styles::WordStyle;
use lists::Lists;
use meta::{HEAD_STYLES, META_STYLES};
pub use meta::{apply_meta, part_id};
use runs::{Aside, NoteKind};
use styles::Styles;

mod lists;
mod meta;
mod package;
pub mod review;
mod runs;
mod styles;
mod table;
mod xml;

/// WordprocessingML's namespace, and the same in Strict Open XML (the
/// ISO form Word saves as "Strict Open XML Document"): one vocabulary, read
/// alike.
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";

/// The most text a Word file may give: what a text file to import may hold.
const MAX_TEXT: usize = crate::load::MAX_FILE_BYTES as usize;

/// Why a Word file is not read: what is wrong, and what to do.
#[derive(Debug)]
pub(super) struct Refusal {
    message: String,
    help: String,
}

impl Refusal {
    /// A package that is not what a Word file is.
    fn damaged(message: String) -> Refusal {
        Refusal {
            message,
            help: crate::tr!("import-docx-damaged-help"),
        }
    }

    /// More than any document holds: a damaged file, or one made to
    /// exhaust the computer's memory.
    fn too_much(message: String) -> Refusal {
        Refusal {
            message,
            help: crate::tr!("import-docx-too-much-help"),
        }
    }

    /// A package of some other kind.
    fn not_word(message: String) -> Refusal {
        Refusal {
            message,
            help: crate::tr!("import-docx-not-word-help"),
        }
    }

    fn diagnostic(self, path: &Path) -> Diagnostic {
        Diagnostic::error(path, 0, 0, self.message).help(self.help)
    }
}

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
    /// Tables met, by the line of the text each stands on (an empty line).
    pub tables: Vec<(usize, Table)>,
    /// What the reader noticed and the officer should know (a span cut to
    /// the table, text left out or moved), by the line of the text it is
    /// about.
    pub warnings: Vec<(usize, String)>,
    /// Tracked changes met (and accepted or rejected).
    pub changes: usize,
    /// Paragraphs in the styles gongwen gives the parts of a document that
    /// are not its body (发文机关署名, 成文日期, 附件说明, 主送机关, 版记), by
    /// style, taken out of `text`: a .docx gongwen wrote reads back whole.
    pub meta: Vec<(WordStyle, String)>,
    /// Part ids carried by gongwen's bookmarks: the 1-based line in `text`
    /// of the paragraph that holds one, and the id.
    pub ids: Vec<(usize, String)>,
}

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
        Diagnostic::error(path, 0, 0, crate::tr!("import-docx-encrypted"))
            .help(crate::tr!("import-docx-encrypted-help"))
    } else {
        Diagnostic::error(path, 0, 0, crate::tr!("import-docx-old-doc"))
            .help(crate::tr!("import-docx-old-doc-help"))
    }
}

/// Reads a .docx package.
pub fn read(path: &Path, bytes: &[u8], changes: TrackedChanges) -> Result<DocxText, Diagnostic> {
    read_package(bytes, changes).map_err(|r| r.diagnostic(path))
}

fn read_package(bytes: &[u8], changes: TrackedChanges) -> Result<DocxText, Refusal> {
    let mut package = package::Package::open(bytes)?;
    let (main, related) = package.main()?;
    // The lists and styles first, each part's tree let go before the
    // next is built.
    let numbering = match &related.numbering {
        Some(name) => match package.read(name)? {
            Some(xml) => Lists::new(&package.parse(name, &xml)?),
            None => Lists::default(),
        },
        None => Lists::default(),
    };
    let styles = match &related.styles {
        Some(name) => match package.read(name)? {
            Some(xml) => Styles::new(&package.parse(name, &xml)?),
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    let mut reader = Reader {
        lists: numbering,
        styles,
        keep: changes,
        out: DocxText::default(),
        carried: String::new(),
        counters: HashMap::new(),
        head: Vec::new(),
        lines: 0,
        extracted: 0,
        over: Cell::new(false),
        too_large: None,
        aside: RefCell::new(Aside::default()),
        notes: HashMap::new(),
        footnotes_met: Cell::new(0),
        endnotes_met: Cell::new(0),
    };
    // The notes' text, read before the document that refers to them.
    for (kind, part) in [
        (NoteKind::Footnote, &related.footnotes),
        (NoteKind::Endnote, &related.endnotes),
    ] {
        if let Some(name) = part
            && let Some(xml) = package.read(name)?
        {
            reader.read_notes(kind, &package.parse(name, &xml)?);
        }
    }
    with_body(&mut package, &main, |body| {
        reader.count_changes(body);
        if reader.out.changes > 0 && changes == TrackedChanges::Refuse {
            return Err(Refusal {
                message: crate::tr!("import-docx-tracked-changes", count = reader.out.changes),
                help: crate::tr!("import-docx-tracked-changes-help"),
            });
        }
        reader.block_children(body);
        Ok(())
    })??;
    if !reader.carried.is_empty() {
        let rest = std::mem::take(&mut reader.carried);
        reader.line(&rest);
    }
    if let Some(error) = reader.too_large.take() {
        let too_large = crate::import::tables::TooLarge {
            line: None,
            excess: crate::import::tables::Excess::Shape(error),
        };
        return Err(Refusal {
            message: too_large.message(),
            help: too_large.help(),
        });
    }
    if reader.full() {
        return Err(Refusal {
            message: crate::tr!("import-docx-too-much-text", mb = MAX_TEXT >> 20),
            help: crate::tr!("import-docx-too-much-text-help"),
        });
    }
    let mut out = reader.out;
    if !reader.head.is_empty() {
        let mut head = String::new();
        for style in HEAD_STYLES {
            for (_, text) in reader.head.iter().filter(|(s, _)| *s == style) {
                head.push_str(text);
                head.push('\n');
            }
        }
        let shift = head.lines().count();
        out.text = head + &out.text;
        for (line, _) in &mut out.ids {
            *line += shift;
        }
        let tables = out.tables.iter_mut().map(|(line, _)| line);
        for line in tables.chain(out.warnings.iter_mut().map(|(line, _)| line)) {
            *line += shift;
        }
    }
    Ok(out)
}

/// Whether an element or attribute is WordprocessingML's, in either form.
fn is_word(namespace: Option<&str>) -> bool {
    matches!(namespace, Some(W | W_STRICT))
}

/// Reads the main document part and hands its body to `read`.
fn with_body<T>(
    package: &mut package::Package,
    main: &str,
    read: impl FnOnce(Node) -> T,
) -> Result<T, Refusal> {
    let document = package
        .read(main)?
        .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-no-main", part = main)))?;
    let doc = package.parse(main, &document)?;
    let body = doc
        .root_element()
        .children()
        .find(|n| is_w(n, "body"))
        .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-no-body", part = main)))?;
    Ok(read(body))
}

/// Whether a table is one gongwen writes for the imprint: every paragraph
/// in it of the imprint's style, and at least one.
fn is_imprint(tbl: Node) -> bool {
    let mut paragraphs = tbl.descendants().filter(|n| is_w(n, "p")).peekable();
    paragraphs.peek().is_some()
        && paragraphs.all(|p| {
            child(&p, "pPr")
                .and_then(|pp| child(&pp, "pStyle"))
                .and_then(|s| attr(&s, "val"))
                == Some(WordStyle::Imprint.id())
        })
}

pub(super) fn is_w(n: &Node, name: &str) -> bool {
    n.tag_name().name() == name && is_word(n.tag_name().namespace())
}

pub(super) fn attr<'a>(n: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attribute((W, name))
        .or_else(|| n.attribute((W_STRICT, name)))
}

pub(super) fn child<'a, 'i>(n: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is_w(c, name))
}

/// Children named `name`, looking through the wrappers Word may put around
/// rows, cells and paragraphs (content controls, custom XML).
pub(super) fn through_wrappers<'a, 'i>(
    parent: Node<'a, 'i>,
    name: &'static str,
) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for c in parent.children().filter(Node::is_element) {
        if is_w(&c, name) {
            out.push(c);
        } else if is_w(&c, "sdt") {
            if let Some(content) = child(&c, "sdtContent") {
                out.extend(through_wrappers(content, name));
            }
        } else if is_w(&c, "customXml") {
            out.extend(through_wrappers(c, name));
        }
    }
    out
}

struct Reader {
    lists: Lists,
    styles: Styles,
    keep: TrackedChanges,
    out: DocxText,
    /// Text of a paragraph whose mark was dropped, joined to the next one.
    carried: String,
    /// Each list's counters, one per level.
    counters: HashMap<String, Vec<Option<u64>>>,
    /// Head paragraphs by style, put in front of the text at the end.
    head: Vec<(WordStyle, String)>,
    /// Lines written to the text so far.
    lines: usize,
    /// Bytes of text read so far, head and tail included: reading stops
    /// past [`MAX_TEXT`].
    extracted: usize,
    /// Whether a paragraph's text went past [`MAX_TEXT`] as it was read.
    over: Cell<bool>,
    /// A table past a table's bounds: reading stops there.
    too_large: Option<ShapeError>,
    /// What the paragraphs read since the last line set aside.
    aside: RefCell<Aside>,
    /// The footnotes' and endnotes' text, by kind and id.
    notes: HashMap<(NoteKind, String), String>,
    /// Footnotes and endnotes referred to so far, each numbered in turn.
    footnotes_met: Cell<usize>,
    endnotes_met: Cell<usize>,
}

/// At most this much of a text left out is quoted in the warning.
fn quoted(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("“{}…”", &text[..at]),
        None => format!("“{text}”"),
    }
}

/// Revision elements: the kind of content they hold.
fn revision(n: &Node) -> Option<bool> {
    if !is_word(n.tag_name().namespace()) {
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

    /// Whether reading stops: the text read has gone past [`MAX_TEXT`], or
    /// a table past its bounds.
    fn full(&self) -> bool {
        self.over.get() || self.extracted > MAX_TEXT || self.too_large.is_some()
    }

    /// Writes a line of the text, then places or names what the
    /// paragraphs read for it set aside: notes as the lines after it.
    fn line(&mut self, text: &str) {
        let at = self.lines + 1;
        self.extracted += text.len() + 1;
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.lines += 1 + text.matches('\n').count();
        let aside = self.aside.take();
        if !aside.hidden.trim().is_empty() {
            self.out.warnings.push((
                at,
                crate::tr!("import-docx-hidden-text", text = quoted(&aside.hidden)),
            ));
        }
        for text in aside.boxes {
            self.out
                .warnings
                .push((at, crate::tr!("import-docx-text-box", text = quoted(&text))));
        }
        for (kind, id, number) in aside.notes {
            let name = kind.name();
            match self.notes.get(&(kind, id)).cloned() {
                Some(note) => {
                    let line = self.lines + 1;
                    self.line(&format!("［{}{number}］{note}", kind.mark()));
                    self.out.warnings.push((
                        line,
                        crate::tr!(
                            "import-docx-note-kept",
                            kind = name,
                            number = number.to_string(),
                            mark = kind.mark()
                        ),
                    ));
                }
                None => self.out.warnings.push((
                    at,
                    crate::tr!(
                        "import-docx-note-empty",
                        kind = name,
                        number = number.to_string(),
                        mark = kind.mark()
                    ),
                )),
            }
        }
    }

    /// Reads the text of a footnotes or endnotes part, each note's
    /// paragraphs a line each; Word's separators are not notes.
    fn read_notes(&mut self, kind: NoteKind, doc: &roxmltree::Document) {
        for note in doc
            .root_element()
            .children()
            .filter(|n| is_w(n, kind.name()))
        {
            if attr(&note, "type").is_some_and(|t| t != "normal") {
                continue;
            }
            let Some(id) = attr(&note, "id") else {
                continue;
            };
            let lines: Vec<String> = through_wrappers(note, "p")
                .into_iter()
                .map(|p| self.runs_text(p).trim().to_string())
                .filter(|t| !t.is_empty())
                .collect();
            self.extracted += lines.iter().map(String::len).sum::<usize>();
            self.notes.insert((kind, id.to_string()), lines.join("\n"));
            // What a note's own text set aside stays with it.
            self.aside.take();
        }
    }

    /// Paragraphs and tables in reading order, looking into content controls
    /// and revisions that wrap whole paragraphs.
    fn block_children(&mut self, parent: Node) {
        for n in parent.children().filter(Node::is_element) {
            if self.full() {
                return;
            }
            if is_w(&n, "p") {
                self.paragraph(n);
            } else if is_w(&n, "tbl") && is_imprint(n) {
                // gongwen's 版记, a table floated to the page's foot: its
                // paragraphs are the imprint's lines.
                for cell in n.descendants().filter(|c| is_w(c, "tc")) {
                    self.block_children(cell);
                }
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
            } else if is_w(&n, "customXml") {
                self.block_children(n);
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        let mark = child(&p, "pPr").and_then(|pp| child(&pp, "rPr"));
        // A paragraph mark deleted or hidden: Word runs the paragraph into
        // the next one.
        let mark_hidden = styles::hides(mark)
            .or_else(|| {
                child(&p, "pPr")
                    .and_then(|pp| child(&pp, "pStyle"))
                    .and_then(|s| attr(&s, "val"))
                    .and_then(|s| self.styles.hidden.get(s).copied())
            })
            .unwrap_or(self.styles.hidden_by_default);
        let mark_dropped = mark_hidden
            || mark.is_some_and(|r| {
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
        let own_style = child(&p, "pPr")
            .and_then(|pp| child(&pp, "pStyle"))
            .and_then(|s| attr(&s, "val"))
            .and_then(WordStyle::from_id);
        let style = own_style.filter(|s| META_STYLES.contains(s));
        let head_style = own_style.filter(|s| HEAD_STYLES.contains(s));
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
            self.extracted += text.len();
            self.out.meta.push((style, text));
        } else if let Some(style) = head_style {
            self.extracted += text.len();
            self.head.push((style, text));
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
