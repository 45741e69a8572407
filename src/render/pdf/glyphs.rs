//! Before typst runs: the faces a view asks for are found, and every
//! character it prints is checked against them, so that a PDF with an empty
//! box (which typst would print without a word) is never written unasked.
//! `check` runs this too, so a draft it passes is one `build` can set.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::fonts::{BUNDLED, BundledSearch, FontError, FontSet, INSTALLED_FONTS};
use super::{PdfSettings, print_info};
use crate::diagnostic::{Diagnostic, Severity};
use crate::paths::shown;
use crate::render::View;
use crate::render::context::BlockKind;
use crate::render::redline::Segment;

/// The faces of a view, and the warnings (missing glyphs, when allowed).
pub fn check_fonts(
    view: View<'_>,
    settings: &PdfSettings,
) -> Result<(FontSet, Vec<Diagnostic>), Diagnostic> {
    let fonts = font_set(view, settings)?;
    let warnings = check_glyphs(view, &fonts, settings)?;
    Ok((fonts, warnings))
}

/// The faces a view asks for, found (scanning folders, and the system if
/// the settings allow, for the faces it names).
pub fn font_set(view: View<'_>, settings: &PdfSettings) -> Result<FontSet, Diagnostic> {
    let choice = &print_info(view).fonts;
    let fonts_place = &choice.origin;
    FontSet::new(choice, settings).map_err(|e| match e {
        FontError::BundledNotFound(search) => bundled_not_found(&search),
        FontError::BundledUnreadable { path, reason } => Diagnostic::error(
            &path,
            0,
            0,
            crate::tr!("fonts-bundled-unreadable", reason = reason.to_string()),
        )
        .help(crate::tr!("fonts-bundled-unreadable-help")),
        FontError::UnknownFamily {
            role,
            family,
            known,
        } => {
            let place = choice.places.get(&role).unwrap_or(fonts_place);
            let message = match role.split_once('.') {
                Some((list, i)) => crate::tr!(
                    "fonts-unknown-family-entry",
                    family = family.to_string(),
                    list = list,
                    entry = i.parse::<usize>().unwrap_or(0) + 1
                ),
                None => crate::tr!(
                    "fonts-unknown-family",
                    family = family.to_string(),
                    role = role.to_string()
                ),
            };
            Diagnostic::error(&place.file, place.line, place.column, message).help(crate::tr!(
                "fonts-unknown-family-help",
                known = known.join(", ")
            ))
        }
    })
}

/// No folder held the bundled faces: where they were looked for, and where
/// to put them.
fn bundled_not_found(search: &BundledSearch) -> Diagnostic {
    let install_to = search
        .install_to
        .clone()
        .unwrap_or_else(|| PathBuf::from(INSTALLED_FONTS));
    let looked: Vec<String> = search
        .looked_in
        .iter()
        .map(|p| shown(p).to_string())
        .collect();
    let message = if looked.is_empty() {
        crate::tr!("fonts-bundled-not-given", face = BUNDLED[0].0)
    } else {
        crate::tr!(
            "fonts-bundled-not-found",
            face = BUNDLED[0].0,
            looked = looked.join(", ")
        )
    };
    Diagnostic::error(&install_to, 0, 0, message).help(crate::tr!(
        "fonts-bundled-help",
        folder = shown(&install_to).to_string()
    ))
}

/// Every character a view prints checked against its faces: an error, or
/// the warnings when the settings allow missing glyphs.
pub fn check_glyphs(
    view: View<'_>,
    fonts: &FontSet,
    settings: &PdfSettings,
) -> Result<Vec<Diagnostic>, Diagnostic> {
    let fonts_place = &print_info(view).fonts.origin;
    let missing = missing_glyphs(&printed_texts(view), fonts);
    let mut warnings = Vec::new();
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .map(|(c, places)| {
                crate::tr!(
                    "fonts-missing-glyph",
                    char = c.to_string(),
                    code = format!("U+{:04X}", *c as u32),
                    places = places.join("、")
                )
            })
            .collect();
        let message = crate::tr!("fonts-missing-glyphs", glyphs = listed.join("; "));
        let d = Diagnostic::error(&fonts_place.file, 0, 0, message)
            .help(crate::tr!("fonts-missing-glyphs-help"));
        if settings.allow_missing_glyphs {
            warnings.push(Diagnostic {
                severity: Severity::Warning,
                ..d
            });
        } else {
            return Err(d);
        }
    }
    Ok(warnings)
}

/// Everything a view prints, by the place a reader would look for it: the
/// metadata by its Chinese name, a part by its number and heading.
pub fn printed_texts(view: View<'_>) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    match view {
        View::Draft(ctx) => {
            let m = &ctx.meta;
            out.push(("标题".into(), m.title.plain.clone()));
            for (name, text) in [
                ("稿别", &m.stage_label),
                ("发文机关", &m.organ),
                ("发文字号", &m.number),
                ("主送机关", &m.to),
                ("抄送", &m.cc_line),
                ("印发机关", &m.printer),
            ] {
                if let Some(t) = text {
                    out.push((name.into(), t.plain.clone()));
                }
            }
            for (name, date) in [("成文日期", &m.date), ("印发日期", &m.printed)] {
                if let Some(d) = date {
                    out.push((name.into(), d.clone()));
                }
            }
            let lists = [
                ("附件", &m.attachments),
                ("前言", &ctx.preamble),
                ("结尾", &ctx.closing),
            ];
            for (name, list) in lists {
                out.extend(list.iter().map(|t| (name.to_string(), t.plain.clone())));
            }
            // A further paragraph (or a table: every cell is in its plain
            // text) is named by the part it belongs to; an attachment's by it.
            let attachments = ctx
                .appendices
                .iter()
                .map(|a| (a.label.clone(), a.title.plain.clone(), &a.blocks));
            let body = std::iter::once((String::new(), String::new(), &ctx.blocks));
            for (label, title, blocks) in body.chain(attachments) {
                if !label.is_empty() {
                    out.push((label.clone(), title));
                }
                let mut part = String::new();
                for b in blocks {
                    if b.anchor.is_some() || b.kind == BlockKind::Heading {
                        let heading = b.heading.as_ref().map_or("", |h| h.plain.as_str());
                        part = format!("{label}{}{heading}", b.label);
                        if part.is_empty() {
                            part = b.plain.chars().take(12).collect();
                        }
                    }
                    out.push((part.clone(), b.plain.clone()));
                }
            }
        }
        View::Comments(ctx) => {
            out.push(("标题".into(), ctx.title.plain.clone()));
            out.push(("说明".into(), ctx.summary.clone()));
            for r in &ctx.rows {
                let place = format!("意见{}", r.id);
                for text in [&r.from, &r.target, &r.text, &r.reason] {
                    out.push((place.clone(), text.plain.clone()));
                }
            }
        }
        View::Redline { view: ctx, .. } => {
            out.push(("标题".into(), ctx.new.title.plain.clone()));
            let text = |segments: &[Segment]| segments.iter().map(|s| s.text.as_str()).collect();
            for e in &ctx.entries {
                let place = if e.where_new.is_empty() {
                    &e.where_old
                } else {
                    &e.where_new
                };
                out.push((place.clone(), text(&e.old_segments)));
                out.push((place.clone(), text(&e.new_segments)));
            }
            for b in &ctx.blocks {
                let mut all: String = text(&b.lead);
                all.push_str(&text(&b.text));
                all.push_str(b.note.as_deref().unwrap_or(""));
                // A marked-up table: its caption, header and every cell.
                if let Some(t) = &b.table {
                    all.push_str(&text(&t.caption));
                    let rows = t
                        .rows
                        .iter()
                        .flat_map(|r| r.cells.iter().map(Vec::as_slice));
                    for cell in t.header.iter().map(Vec::as_slice).chain(rows) {
                        all.push_str(&text(cell));
                    }
                }
                out.push((b.label.clone(), all));
            }
        }
    }
    out
}

/// Characters no face has, each with up to three places it occurs.
fn missing_glyphs(places: &[(String, String)], fonts: &FontSet) -> BTreeMap<char, Vec<String>> {
    let mut missing: BTreeMap<char, Vec<String>> = BTreeMap::new();
    let all: String = places.iter().map(|(_, t)| t.as_str()).collect();
    for c in fonts.missing_glyphs(&all) {
        let mut found: Vec<String> = Vec::new();
        for (name, _) in places.iter().filter(|(_, t)| t.contains(c)) {
            if !found.contains(name) {
                found.push(name.clone());
            }
            if found.len() == 3 {
                break;
            }
        }
        missing.insert(c, found);
    }
    missing
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_not_found_says_where_it_looked_and_where_to_put_them() {
        let search = BundledSearch {
            looked_in: vec![
                PathBuf::from("fonts/fandol"),
                PathBuf::from("/home/li/.cargo/share/gongwen/fonts/fandol"),
                PathBuf::from("/home/li/gongwen/fonts/fandol"),
            ],
            install_to: Some(PathBuf::from("/home/li/.cargo/share/gongwen/fonts/fandol")),
        };
        let d = bundled_not_found(&search);
        let text = d.render();
        assert!(text.contains(BUNDLED[0].0), "{text}");
        for place in &search.looked_in {
            assert!(text.contains(&*place.to_string_lossy()), "{text}");
        }
        assert!(
            text.contains("to /home/li/.cargo/share/gongwen/fonts/fandol"),
            "{text}"
        );
        assert!(text.contains("GONGWEN_FONTS"), "{text}");
    }
}
