//! What the styles part says that changes the text Word shows: the
//! paragraph styles that number their paragraphs, and the styles that hide
//! their text (`w:vanish`), each through the styles it is based on.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::lists::ListRef;
use super::{attr, child, is_w};

/// The styles, as far as the text is concerned.
#[derive(Debug, Default)]
pub(super) struct Styles {
    /// Paragraph styles that number their paragraphs: style id → its list.
    pub(super) numbering: HashMap<String, ListRef>,
    /// Styles that say whether text in them is hidden: style id → hidden.
    pub(super) hidden: HashMap<String, bool>,
    /// Whether text is hidden by default (the document's run defaults).
    pub(super) hidden_by_default: bool,
}

/// What one style sets itself, and the style it is based on.
struct Own {
    numbering: Option<ListRef>,
    hidden: Option<bool>,
    based: Option<String>,
}

/// Whether run properties hide their text: `Some(true)` for `w:vanish`
/// (or `w:specVanish`, which is always hidden), `Some(false)` where they
/// say it is shown, `None` where they say nothing.
pub(super) fn hides(rpr: Option<Node>) -> Option<bool> {
    let rpr = rpr?;
    if child(&rpr, "specVanish").is_some_and(|v| on(&v)) {
        return Some(true);
    }
    child(&rpr, "vanish").map(|v| on(&v))
}

/// An on/off property's value: on unless its `w:val` says off.
fn on(n: &Node) -> bool {
    !matches!(attr(n, "val"), Some("false" | "0" | "off"))
}

impl Styles {
    pub(super) fn new(doc: &Document) -> Styles {
        let mut own: HashMap<&str, Own> = HashMap::new();
        for s in doc.descendants().filter(|n| is_w(n, "style")) {
            let Some(id) = attr(&s, "styleId") else {
                continue;
            };
            let numbering = child(&s, "pPr")
                .and_then(|p| child(&p, "numPr"))
                .and_then(|n| {
                    let id = child(&n, "numId").and_then(|c| attr(&c, "val"))?;
                    let ilvl = child(&n, "ilvl")
                        .and_then(|c| attr(&c, "val"))
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0);
                    Some((id.to_string(), ilvl))
                });
            let based = child(&s, "basedOn")
                .and_then(|b| attr(&b, "val"))
                .map(str::to_string);
            own.insert(
                id,
                Own {
                    numbering,
                    hidden: hides(child(&s, "rPr")),
                    based,
                },
            );
        }
        let mut styles = Styles {
            hidden_by_default: doc
                .descendants()
                .find(|n| is_w(n, "rPrDefault"))
                .and_then(|d| hides(child(&d, "rPr")))
                .unwrap_or(false),
            ..Styles::default()
        };
        // Each style through the styles it is based on (at most ten deep:
        // a loop in a broken file ends).
        let chain = |id: &str| -> Vec<&Own> {
            let mut out = Vec::new();
            let mut at = Some(id);
            while let Some(style) = at.and_then(|a| own.get(a)).filter(|_| out.len() < 10) {
                out.push(style);
                at = style.based.as_deref();
            }
            out
        };
        for id in own.keys() {
            let chain = chain(id);
            if let Some(num) = chain.iter().find_map(|s| s.numbering.clone()) {
                styles.numbering.insert(id.to_string(), num);
            }
            if let Some(hidden) = chain.iter().find_map(|s| s.hidden) {
                styles.hidden.insert(id.to_string(), hidden);
            }
        }
        styles
    }
}
