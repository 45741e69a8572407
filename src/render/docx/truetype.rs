//! A bundled face cut down to the characters a Word file prints, with
//! TrueType outlines: Word embeds and uses only TrueType-outline faces, and
//! the Fandol faces are CFF. Each glyph's outline is read (skrifa), its
//! cubic curves turned into quadratic ones within a font unit (kurbo, as
//! fontTools' cu2qu does), and the face written again with `glyf`/`loca`
//! (write-fonts): `cmap` for the characters kept, `hmtx`/`hhea`, `maxp` 1.0,
//! `head`, `OS/2` and `name` carried over, `post` 3.0 (no glyph names).
//! Layout tables (GPOS, vertical metrics) are left out: a word processor
//! sets Chinese text by the advances alone.

use std::collections::{BTreeMap, BTreeSet};

use kurbo::{BezPath, CubicBez, PathEl, Point};
use skrifa::outline::{DrawSettings, OutlinePen};
use skrifa::prelude::{LocationRef, Size};
use skrifa::raw::TableProvider;
use skrifa::{FontRef, GlyphId, MetadataProvider, Tag};
use write_fonts::FontBuilder;
use write_fonts::from_obj::ToOwnedTable;
use write_fonts::tables::cmap::Cmap;
use write_fonts::tables::glyf::{Bbox, GlyfLocaBuilder, Glyph, SimpleGlyph};
use write_fonts::tables::hmtx::{Hmtx, LongMetric};
use write_fonts::tables::maxp::Maxp;
use write_fonts::tables::post::Post;
use write_fonts::types::{FWord, UfWord, Version16Dot16};

/// How far a quadratic curve may stray from the cubic it stands for, in
/// font units (1/1000 em for Fandol): fontTools' otf2ttf default.
const ACCURACY: f64 = 1.0;

/// A face that could not be cut down, with what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct SubsetError(pub String);

impl std::fmt::Display for SubsetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn error(what: &str, e: impl std::fmt::Display) -> SubsetError {
    SubsetError(format!("{what}: {e}"))
}

/// The face in `data` with only the glyphs of `chars` (and `.notdef`), its
/// outlines TrueType. Characters the face has no glyph for are left out.
pub fn subset(data: &[u8], chars: &BTreeSet<char>) -> Result<Vec<u8>, SubsetError> {
    let font = FontRef::new(data).map_err(|e| error("not a font", e))?;
    let charmap = font.charmap();
    // The new glyph order: .notdef, then each glyph once, in the order of
    // the first character that uses it.
    let mut kept = vec![GlyphId::NOTDEF];
    let mut new_id: BTreeMap<GlyphId, u32> = BTreeMap::new();
    let mut mappings = Vec::new();
    for &c in chars {
        let Some(old) = charmap.map(c).filter(|g| *g != GlyphId::NOTDEF) else {
            continue;
        };
        let id = *new_id.entry(old).or_insert_with(|| {
            kept.push(old);
            kept.len() as u32 - 1
        });
        mappings.push((c, GlyphId::new(id)));
    }

    let outlines = font.outline_glyphs();
    let hmtx = font.hmtx().map_err(|e| error("hmtx", e))?;
    let mut glyf = GlyfLocaBuilder::new();
    let mut metrics = Vec::with_capacity(kept.len());
    let mut bounds: Option<Bbox> = None;
    let (mut max_points, mut max_contours) = (0u16, 0u16);
    let (mut min_lsb, mut min_rsb, mut max_extent) = (i16::MAX, i16::MAX, i16::MIN);
    for &old in &kept {
        let advance = hmtx.advance(old).unwrap_or(0);
        let glyph = match outlines.get(old) {
            Some(outline) => {
                let mut pen = Pen::default();
                outline
                    .draw(
                        DrawSettings::unhinted(Size::unscaled(), LocationRef::default()),
                        &mut pen,
                    )
                    .map_err(|e| error(&format!("glyph {}", old.to_u32()), e))?;
                truetype_glyph(&pen.path)
                    .map_err(|e| error(&format!("glyph {}", old.to_u32()), e))?
            }
            None => Glyph::Empty,
        };
        let lsb = match &glyph {
            Glyph::Simple(g) => {
                let b = g.bbox;
                bounds = Some(bounds.map_or(b, |all| all.union(b)));
                let points: usize = g.contours.iter().map(|c| c.len()).sum();
                max_points = max_points.max(points as u16);
                max_contours = max_contours.max(g.contours.len() as u16);
                min_lsb = min_lsb.min(b.x_min);
                min_rsb = min_rsb.min(advance as i16 - b.x_max);
                max_extent = max_extent.max(b.x_max);
                b.x_min
            }
            _ => 0,
        };
        glyf.add_glyph(&glyph)
            .map_err(|e| error(&format!("glyph {}", old.to_u32()), e))?;
        metrics.push(LongMetric::new(advance, lsb));
    }
    let (glyf, loca, loca_format) = glyf.build();
    let bounds = bounds.unwrap_or_default();

    let mut head: write_fonts::tables::head::Head =
        font.head().map_err(|e| error("head", e))?.to_owned_table();
    head.index_to_loc_format = loca_format as i16;
    (head.x_min, head.y_min, head.x_max, head.y_max) =
        (bounds.x_min, bounds.y_min, bounds.x_max, bounds.y_max);

    // The advances of the last glyphs, when all the same (a Chinese face's
    // 1 em), are written once, as `hmtx` allows.
    let last = metrics.last().map_or(0, |m| m.advance);
    let long = metrics.len()
        - metrics
            .iter()
            .rev()
            .take_while(|m| m.advance == last)
            .count()
        + 1;
    let long = long.min(metrics.len());
    let lsbs = metrics[long..].iter().map(|m| m.side_bearing).collect();
    metrics.truncate(long);

    let mut hhea: write_fonts::tables::hhea::Hhea =
        font.hhea().map_err(|e| error("hhea", e))?.to_owned_table();
    hhea.number_of_h_metrics = long as u16;
    hhea.advance_width_max = UfWord::new(metrics.iter().map(|m| m.advance).max().unwrap_or(0));
    if max_extent != i16::MIN {
        hhea.min_left_side_bearing = FWord::new(min_lsb);
        hhea.min_right_side_bearing = FWord::new(min_rsb);
        hhea.x_max_extent = FWord::new(max_extent);
    }

    let maxp = Maxp {
        num_glyphs: kept.len() as u16,
        max_points: Some(max_points),
        max_contours: Some(max_contours),
        max_composite_points: Some(0),
        max_composite_contours: Some(0),
        max_zones: Some(2),
        max_twilight_points: Some(0),
        max_storage: Some(0),
        max_function_defs: Some(0),
        max_instruction_defs: Some(0),
        max_stack_elements: Some(0),
        max_size_of_instructions: Some(0),
        max_component_elements: Some(0),
        max_component_depth: Some(0),
    };

    let mut os2: write_fonts::tables::os2::Os2 =
        font.os2().map_err(|e| error("OS/2", e))?.to_owned_table();
    let codes = || mappings.iter().map(|(c, _)| (*c as u32).min(0xFFFF) as u16);
    os2.us_first_char_index = codes().min().unwrap_or(0);
    os2.us_last_char_index = codes().max().unwrap_or(0);

    let old_post = font.post().map_err(|e| error("post", e))?;
    let post = Post {
        version: Version16Dot16::VERSION_3_0,
        italic_angle: old_post.italic_angle(),
        underline_position: old_post.underline_position(),
        underline_thickness: old_post.underline_thickness(),
        is_fixed_pitch: old_post.is_fixed_pitch(),
        ..Default::default()
    };

    let cmap = Cmap::from_mappings(mappings).map_err(|e| error("cmap", e))?;
    let name = font
        .data_for_tag(Tag::new(b"name"))
        .ok_or_else(|| SubsetError("the face has no name table".to_string()))?;

    let mut builder = FontBuilder::new();
    let built = |e: write_fonts::BuilderError| error("writing the face", e);
    builder
        .add_table(&head)
        .map_err(built)?
        .add_table(&hhea)
        .map_err(built)?
        .add_table(&maxp)
        .map_err(built)?
        .add_table(&os2)
        .map_err(built)?
        .add_table(&Hmtx::new(metrics, lsbs))
        .map_err(built)?
        .add_table(&cmap)
        .map_err(built)?
        .add_table(&loca)
        .map_err(built)?
        .add_table(&glyf)
        .map_err(built)?
        .add_table(&post)
        .map_err(built)?
        .add_raw(Tag::new(b"name"), name.as_bytes().to_vec());
    Ok(builder.build())
}

/// A glyph's outline as skrifa draws it, in font units.
#[derive(Default)]
struct Pen {
    path: BezPath,
}

impl OutlinePen for Pen {
    fn move_to(&mut self, x: f32, y: f32) {
        self.path.move_to(point(x, y));
    }

    fn line_to(&mut self, x: f32, y: f32) {
        self.path.line_to(point(x, y));
    }

    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.path.quad_to(point(cx0, cy0), point(x, y));
    }

    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.path
            .curve_to(point(cx0, cy0), point(cx1, cy1), point(x, y));
    }

    fn close(&mut self) {
        self.path.close_path();
    }
}

fn point(x: f32, y: f32) -> Point {
    Point::new(f64::from(x), f64::from(y))
}

/// A CFF outline as a TrueType glyph: each cubic curve as quadratic ones,
/// each contour turned round (CFF runs outer contours anticlockwise,
/// TrueType clockwise), the points rounded to font units.
fn truetype_glyph(path: &BezPath) -> Result<Glyph, String> {
    let quadratic = quadratic(path);
    if !quadratic
        .elements()
        .iter()
        .any(|el| matches!(el, PathEl::LineTo(_) | PathEl::QuadTo(..)))
    {
        return Ok(Glyph::Empty);
    }
    SimpleGlyph::from_bezpath(&quadratic.reverse_subpaths())
        .map(Glyph::Simple)
        .map_err(|e| format!("{e:?}"))
}

/// `path` with each cubic curve replaced by a quadratic spline within
/// [`ACCURACY`]; subpaths of a lone point dropped.
fn quadratic(path: &BezPath) -> BezPath {
    let mut out = BezPath::new();
    let (mut start, mut at) = (Point::ZERO, Point::ZERO);
    let mut pending_move = None;
    for el in path.elements() {
        match *el {
            PathEl::MoveTo(p) => {
                pending_move = Some(p);
                (start, at) = (p, p);
                continue;
            }
            PathEl::ClosePath => {
                if pending_move.take().is_none() {
                    out.close_path();
                }
                at = start;
                continue;
            }
            _ => {}
        }
        if let Some(p) = pending_move.take() {
            out.move_to(p);
        }
        match *el {
            PathEl::CurveTo(c0, c1, p) => {
                let cubic = CubicBez::new(at, c0, c1, p);
                match cubic.approx_spline(ACCURACY) {
                    Some(spline) => {
                        for q in spline.to_quads() {
                            out.quad_to(q.p1, q.p2);
                        }
                    }
                    // Not reached for a glyph's curves; kurbo's even
                    // subdivision is the fallback.
                    None => {
                        for (_, _, q) in cubic.to_quads(ACCURACY) {
                            out.quad_to(q.p1, q.p2);
                        }
                    }
                }
                at = p;
            }
            other => {
                out.push(other);
                at = other.end_point().unwrap_or(at);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cubic_becomes_quadratics_that_stay_within_a_unit() {
        let mut path = BezPath::new();
        path.move_to((0.0, 0.0));
        path.curve_to((0.0, 552.0), (448.0, 1000.0), (1000.0, 1000.0));
        path.line_to((1000.0, 0.0));
        path.close_path();
        let q = quadratic(&path);
        assert!(
            q.elements()
                .iter()
                .all(|el| !matches!(el, PathEl::CurveTo(..)))
        );
        let cubic = CubicBez::new((0.0, 0.0), (0.0, 552.0), (448.0, 1000.0), (1000.0, 1000.0));
        // Every point of the quadratics lies within ACCURACY of the cubic.
        use kurbo::{ParamCurve, ParamCurveNearest, Shape};
        for seg in q.segments() {
            if let kurbo::PathSeg::Quad(quad) = seg {
                for i in 0..=10 {
                    let p = quad.eval(f64::from(i) / 10.0);
                    let nearest = cubic.nearest(p, 1e-6);
                    assert!(nearest.distance_sq.sqrt() <= ACCURACY + 1e-6, "{p:?}");
                }
            }
        }
        let _ = q.area();
    }

    #[test]
    fn a_contour_is_turned_round_for_truetype() {
        use kurbo::Shape;
        // An anticlockwise square, as CFF draws an outer contour.
        let mut path = BezPath::new();
        path.move_to((0.0, 0.0));
        path.line_to((100.0, 0.0));
        path.line_to((100.0, 100.0));
        path.line_to((0.0, 100.0));
        path.close_path();
        assert!(path.area() > 0.0);
        let Glyph::Simple(glyph) = truetype_glyph(&path).unwrap() else {
            panic!("not a simple glyph");
        };
        let points: Vec<_> = glyph.contours[0].iter().map(|p| (p.x, p.y)).collect();
        let mut reversed = BezPath::new();
        reversed.move_to((f64::from(points[0].0), f64::from(points[0].1)));
        for p in &points[1..] {
            reversed.line_to((f64::from(p.0), f64::from(p.1)));
        }
        reversed.close_path();
        assert!(reversed.area() < 0.0, "{points:?}");
    }

    #[test]
    fn an_outline_without_contours_is_an_empty_glyph() {
        assert_eq!(truetype_glyph(&BezPath::new()).unwrap(), Glyph::Empty);
        let mut lone = BezPath::new();
        lone.move_to((1.0, 1.0));
        lone.close_path();
        assert_eq!(truetype_glyph(&lone).unwrap(), Glyph::Empty);
    }
}
