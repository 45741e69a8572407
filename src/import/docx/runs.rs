//! A paragraph's text as Word shows it: its runs, with tracked changes kept
//! or dropped as asked. What Word does not show in the paragraph, or shows
//! elsewhere, is set aside for the reader to place or name: hidden text,
//! text boxes, and the footnotes and endnotes the paragraph refers to
//! (each marked where it is referred to, ［注1］).

use roxmltree::Node;

use super::styles::hides;
use super::{MAX_TEXT, Reader, attr, child, is_w, is_word, revision};

/// The markup-compatibility namespace: a choice of markup with a fallback
/// (a text box as a DrawingML shape, and again as VML).
const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A footnote or an endnote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum NoteKind {
    Footnote,
    Endnote,
}

impl NoteKind {
    /// The mark put where it is referred to, before its number: ［注1］.
    pub(super) fn mark(self) -> &'static str {
        match self {
            NoteKind::Footnote => "注",
            NoteKind::Endnote => "尾注",
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            NoteKind::Footnote => "footnote",
            NoteKind::Endnote => "endnote",
        }
    }
}

/// What reading paragraphs set aside, until the line they stand on is
/// written.
#[derive(Debug, Default)]
pub(super) struct Aside {
    /// Hidden text left out.
    pub(super) hidden: String,
    /// The text of each text box met.
    pub(super) boxes: Vec<String>,
    /// Notes referred to: the kind, its id in the notes part, its number.
    pub(super) notes: Vec<(NoteKind, String, usize)>,
}

impl Reader {
    /// The text of a paragraph's runs, revisions read as asked.
    pub(super) fn runs_text(&self, p: Node) -> String {
        let style_hides = child(&p, "pPr")
            .and_then(|pp| child(&pp, "pStyle"))
            .and_then(|s| attr(&s, "val"))
            .and_then(|s| self.styles.hidden.get(s).copied());
        let mut text = String::new();
        self.collect(p, style_hides, &mut text);
        text
    }

    /// Whether a run is hidden: by its own properties, else its character
    /// style, else its paragraph's style, else the document's defaults.
    fn hidden_run(&self, run: &Node, paragraph: Option<bool>) -> bool {
        let rpr = child(run, "rPr");
        hides(rpr)
            .or_else(|| {
                rpr.and_then(|r| child(&r, "rStyle"))
                    .and_then(|s| attr(&s, "val"))
                    .and_then(|s| self.styles.hidden.get(s).copied())
            })
            .or(paragraph)
            .unwrap_or(self.styles.hidden_by_default)
    }

    /// Appends the text of `n`'s content; `paragraph` is whether its
    /// paragraph's style hides text.
    fn collect(&self, n: Node, paragraph: Option<bool>, text: &mut String) {
        for c in n.children().filter(Node::is_element) {
            if c.has_tag_name((MC, "AlternateContent")) {
                // The first choice is what Word shows; the fallback repeats it.
                if let Some(choice) = c.children().find(|c| c.has_tag_name((MC, "Choice"))) {
                    self.collect(choice, paragraph, text);
                }
                continue;
            }
            if !is_word(c.tag_name().namespace()) {
                continue;
            }
            if let Some(inserted) = revision(&c) {
                if self.kept(inserted) {
                    self.collect(c, paragraph, text);
                }
                continue;
            }
            match c.tag_name().name() {
                "pPr" | "rPr" | "instrText" | "delInstrText" | "commentReference" => {}
                "r" if self.hidden_run(&c, paragraph) => {
                    let hidden = c
                        .descendants()
                        .filter(|t| is_w(t, "t") || is_w(t, "delText"))
                        .filter_map(|t| t.text());
                    let mut aside = self.aside.borrow_mut();
                    for piece in hidden {
                        if aside.hidden.len() < 200 {
                            aside.hidden.push_str(piece);
                        }
                    }
                }
                "footnoteReference" | "endnoteReference" => {
                    let kind = if c.tag_name().name() == "footnoteReference" {
                        NoteKind::Footnote
                    } else {
                        NoteKind::Endnote
                    };
                    let counter = match kind {
                        NoteKind::Footnote => &self.footnotes_met,
                        NoteKind::Endnote => &self.endnotes_met,
                    };
                    counter.set(counter.get() + 1);
                    let id = attr(&c, "id").unwrap_or("").to_string();
                    text.push_str(&format!("［{}{}］", kind.mark(), counter.get()));
                    self.aside
                        .borrow_mut()
                        .notes
                        .push((kind, id, counter.get()));
                }
                "drawing" | "pict" | "object" => {
                    let boxes = c.descendants().filter(|d| is_w(d, "txbxContent"));
                    for txbx in boxes.filter(|b| outermost_box(b, &c)) {
                        let text = box_text(&txbx);
                        if !text.trim().is_empty() {
                            self.aside.borrow_mut().boxes.push(text);
                        }
                    }
                }
                "t" | "delText" => {
                    let piece = c.text().unwrap_or("");
                    if self.extracted + text.len() + piece.len() > MAX_TEXT {
                        self.over.set(true);
                        return;
                    }
                    text.push_str(piece);
                }
                "tab" | "ptab" => text.push('\u{3000}'),
                "br" | "cr" => text.push('\n'),
                "noBreakHyphen" => text.push('-'),
                _ => self.collect(c, paragraph, text),
            }
        }
    }
}

/// Whether a text box is not inside another one below `within`, nor in the
/// fallback of a choice of markup (which repeats the choice).
fn outermost_box(txbx: &Node, within: &Node) -> bool {
    !txbx
        .ancestors()
        .skip(1)
        .take_while(|a| a != within)
        .any(|a| is_w(&a, "txbxContent") || a.has_tag_name((MC, "Fallback")))
}

/// A text box's text, its paragraphs set apart by spaces (the text of the
/// boxes inside it is theirs).
fn box_text(txbx: &Node) -> String {
    let own = |n: &Node| {
        n.ancestors()
            .skip(1)
            .find(|a| is_w(a, "txbxContent"))
            .is_some_and(|a| a == *txbx)
    };
    let paragraphs: Vec<String> = txbx
        .descendants()
        .filter(|p| is_w(p, "p") && own(p))
        .map(|p| {
            p.descendants()
                .filter(|t| is_w(t, "t") && own(t))
                .filter_map(|t| t.text())
                .collect()
        })
        .collect();
    paragraphs.join(" ")
}
