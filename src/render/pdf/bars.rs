//! Change bars: a rule in the left margin beside every line of a change, as
//! Word prints one beside each line of a 修订.
//!
//! A template fences each changed run with two markers
//! (`#metadata(none)<gw-bar-from>` … `#metadata(none)<gw-bar-to>`) and says
//! once where the rules go:
//! `#metadata((x: 22mm, above: 14pt, below: 4pt, top: 37mm, bottom: 262mm, width: 1pt))<gw-bars>`
//! — the rules' distance from the page's left edge, how far they reach above
//! a marker's baseline and below it, where the text area starts and ends
//! (for a change that runs on to the next page) and their thickness. The
//! rules are drawn here, after layout, from where the markers landed: asked
//! in typst, each page querying every marker tripled the time of a long
//! redline. A template without `<gw-bars>` gets no rules.

use std::collections::BTreeMap;

use typst::foundations::{Content, Label, Selector, Value};
use typst::introspection::{Introspector, MetadataElem};
use typst::layout::{Abs, FrameItem, Point};
use typst::model::Document;
use typst::syntax::Span;
use typst::utils::{Numeric, PicoStr};
use typst::visualize::{Color, FixedStroke, Geometry};
use typst_layout::PagedDocument;

/// Where the rules go, as the template says.
#[derive(Debug, Clone, Copy)]
struct Style {
    x: Abs,
    above: Abs,
    below: Abs,
    top: Abs,
    bottom: Abs,
    width: Abs,
}

impl Style {
    /// From the `<gw-bars>` metadata: a dictionary of absolute lengths.
    fn from(content: &Content) -> Option<Style> {
        let meta = content.to_packed::<MetadataElem>()?;
        let Value::Dict(dict) = &meta.value else {
            return None;
        };
        let length = |key: &str, default: Abs| match dict.get(key) {
            Ok(Value::Length(l)) if l.em.is_zero() => l.abs,
            _ => default,
        };
        Some(Style {
            x: length("x", Abs::mm(22.0)),
            above: length("above", Abs::pt(14.0)),
            below: length("below", Abs::pt(4.0)),
            top: length("top", Abs::zero()),
            bottom: length("bottom", Abs::inf()),
            width: length("width", Abs::pt(1.0)),
        })
    }
}

fn label(name: &str) -> Option<Label> {
    Label::new(PicoStr::intern(name))
}

/// The document with the change bars its markers ask for; unchanged when
/// its template asks for none.
pub fn draw(document: PagedDocument) -> PagedDocument {
    let (style, spans) = {
        let introspector = document.introspector().as_ref();
        let query = |name: &str| {
            label(name).map_or_else(Default::default, |l| {
                introspector.query(&Selector::Label(l))
            })
        };
        let Some(style) = query("gw-bars").first().and_then(Style::from) else {
            return document;
        };
        let at = |c: &Content| c.location().and_then(|loc| introspector.position(loc));
        let (froms, tos) = (query("gw-bar-from"), query("gw-bar-to"));
        let mut spans: BTreeMap<usize, Vec<(Abs, Abs)>> = BTreeMap::new();
        for (from, to) in froms.iter().zip(tos.iter()) {
            let (Some(a), Some(b)) = (at(from), at(to)) else {
                continue;
            };
            let (first, last) = (a.page.get() - 1, b.page.get() - 1);
            for page in first..=last.max(first) {
                let y0 = if page == first {
                    a.point.y - style.above
                } else {
                    style.top
                };
                let y1 = if page == last {
                    b.point.y + style.below
                } else {
                    style.bottom
                };
                if y1 > y0 {
                    spans.entry(page).or_default().push((y0, y1));
                }
            }
        }
        (style, spans)
    };
    if spans.is_empty() {
        return document;
    }
    let stroke = FixedStroke::from_pair(Color::BLACK, style.width);
    let mut pages = document.pages().to_vec();
    for (page, mut ranges) in spans {
        let Some(page) = pages.get_mut(page) else {
            continue;
        };
        // Changes on the same lines draw one rule.
        ranges.sort_by_key(|a| a.0);
        let mut merged: Vec<(Abs, Abs)> = Vec::new();
        for (y0, y1) in ranges {
            match merged.last_mut() {
                Some(last) if y0 <= last.1 => last.1 = last.1.max(y1),
                _ => merged.push((y0, y1)),
            }
        }
        let foot = page.frame.size().y;
        for (y0, y1) in merged {
            let y1 = y1.min(foot);
            let line = Geometry::Line(Point::with_y(y1 - y0)).stroked(stroke.clone());
            page.frame.push(
                Point::new(style.x, y0),
                FrameItem::Shape(line, Span::detached()),
            );
        }
    }
    PagedDocument::new(pages.into(), document.info().clone())
}
