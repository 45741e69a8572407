//! The package's fixed parts: content types, relationships, styles, settings,
//! the font table, the two page-number footers and the core properties.
//! Sizes are in twips (1/20 pt) and half-points, as WordprocessingML has them.

use std::fmt::Write as _;

use super::embed::EmbeddedFont;
use super::xml::{W, escape};
use crate::model::Fonts;
use crate::word_styles::{FaceRole, Indent, Kind, Length, Look, STYLES, Size, WordStyle};

/// One line of the GB/T 9704 grid: 225 mm / 22 = 28.95 pt.
pub const LINE: u32 = 579;
/// One character cell: 16 pt and the body's spacing, 15.75 pt
/// ([`crate::word_styles::BODY_SPACING`]).
pub const CELL: u32 = 315;
/// The text block's width: 156 mm.
pub const BLOCK_WIDTH: u32 = 8844;
/// The left margin: 28 mm.
pub const LEFT_MARGIN: u32 = 1588;

/// The faces by role, as the DOCX names them (it names faces, it does not
/// embed them), each described for a word processor that lacks it.
pub struct Faces {
    pub body: Face,
    pub kai: Face,
    pub hei: Face,
    pub title: Face,
    pub song: Face,
}

pub struct Face {
    pub name: String,
    /// What Word and WPS read to choose a face where `name` is missing; none
    /// for a face the draft names itself, as gongwen does not know it.
    pub fallback: Option<&'static Fallback>,
}

/// The font table's description of one of the GB/T 9704 faces (ECMA-376
/// 17.8.3): the name of the face that usually stands in for it, its PANOSE
/// class (as Word writes it for these faces: 02 01 06 09 … a fixed-pitch
/// 宋/仿宋-like serif, 02 01 06 00 … proportional), its family and pitch. All
/// in GB2312 (charset 86). LibreOffice reads the name alone: where the face
/// is missing it takes the system's substitute for that name
/// (docs/docx.md).
pub struct Fallback {
    pub alt: &'static str,
    pub panose: &'static str,
    pub family: &'static str,
    pub pitch: &'static str,
}

const FANG: Fallback = Fallback {
    alt: "仿宋",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
};
const KAI: Fallback = Fallback {
    alt: "楷体",
    panose: "02010609030101010101",
    family: "modern",
    pitch: "fixed",
};
const HEI: Fallback = Fallback {
    alt: "SimHei",
    panose: "02010609060101010101",
    family: "modern",
    pitch: "fixed",
};
/// 方正小标宋简体 falls back to 宋体, the nearest face an office has.
const TITLE: Fallback = Fallback {
    alt: "宋体",
    panose: "02010600030101010101",
    family: "roman",
    pitch: "variable",
};
const SONG: Fallback = Fallback {
    alt: "SimSun",
    panose: "02010600030101010101",
    family: "roman",
    pitch: "variable",
};

impl Faces {
    /// The faces a draft names in `fonts:`, and the ones offices have otherwise.
    pub fn of(fonts: &Fonts) -> Faces {
        let face = |named: &Option<String>, default: &str, fallback: &'static Fallback| match named
        {
            Some(name) => Face {
                name: name.clone(),
                fallback: None,
            },
            None => Face {
                name: default.to_string(),
                fallback: Some(fallback),
            },
        };
        Faces {
            body: face(&fonts.body, "仿宋_GB2312", &FANG),
            kai: face(&fonts.kai, "楷体_GB2312", &KAI),
            hei: face(&fonts.hei, "黑体", &HEI),
            title: face(&fonts.title, "方正小标宋简体", &TITLE),
            song: face(&fonts.song, "宋体", &SONG),
        }
    }

    /// The face of a role.
    pub fn of_role(&self, role: FaceRole) -> &Face {
        match role {
            FaceRole::Body => &self.body,
            FaceRole::Kai => &self.kai,
            FaceRole::Hei => &self.hei,
            FaceRole::Title => &self.title,
            FaceRole::Song => &self.song,
        }
    }
}

/// `w:rFonts` naming one face for every script, so punctuation such as …
/// and — is drawn in the Chinese face too.
fn fonts(face: &Face) -> String {
    let n = escape(&face.name);
    format!(r#"<w:rFonts w:ascii="{n}" w:hAnsi="{n}" w:eastAsia="{n}" w:cs="{n}"/>"#)
}

/// `styles.xml`: document defaults at the body size and face, and each of
/// [`STYLES`] with what it sets.
pub fn styles(faces: &Faces) -> String {
    let body = Size::Body.half_points();
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{}<w:kern w:val="2"/><w:sz w:val="{body}"/><w:szCs w:val="{body}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        fonts(&faces.body)
    );
    for style in &STYLES {
        let (id, name) = (style.id, style.name);
        let (ppr, rpr) = (paragraph_props(&style.look), run_props(&style.look, faces));
        match style.kind {
            Kind::Default => write!(
                out,
                r#"<w:style w:type="paragraph" w:default="1" w:styleId="{id}"><w:name w:val="{name}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
            ),
            Kind::Paragraph => write!(
                out,
                r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="{}"/><w:next w:val="{}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#,
                WordStyle::Normal.id(),
                WordStyle::Normal.id()
            ),
            Kind::Character => write!(
                out,
                r#"<w:style w:type="character" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>"#
            ),
        }
        .unwrap();
    }
    out.push_str("</w:styles>");
    out
}

/// A style's `w:pPr` children, in the schema's order.
fn paragraph_props(look: &Look) -> String {
    let mut out = String::new();
    if look.keep_next {
        out.push_str("<w:keepNext/>");
    }
    if look.off_grid {
        out.push_str(r#"<w:snapToGrid w:val="0"/>"#);
    }
    if let Some(line) = look.line {
        write!(out, r#"<w:spacing w:line="{line}" w:lineRule="exact"/>"#).unwrap();
    }
    if let Some(indent) = &look.indent {
        out.push_str(&indentation(indent));
    }
    if let Some(align) = look.align {
        write!(out, r#"<w:jc w:val="{}"/>"#, align.value()).unwrap();
    }
    out
}

/// `w:ind`: each length in cells (as Word's `…Chars`, in hundredths, and in
/// twips on the grid) or in twips alone.
fn indentation(indent: &Indent) -> String {
    let mut out = String::from("<w:ind");
    let cells = |out: &mut String, side: &str, cells: u32| {
        write!(
            out,
            r#" w:{side}Chars="{}" w:{side}="{}""#,
            cells * 100,
            cells * CELL
        )
        .unwrap();
    };
    for (side, length) in [("left", indent.left), ("right", indent.right)] {
        match length {
            Some(Length::Cells(n)) => cells(&mut out, side, n),
            Some(Length::Twips(t)) => write!(out, r#" w:{side}="{t}""#).unwrap(),
            None => {}
        }
    }
    if let Some(n) = indent.hanging {
        cells(&mut out, "hanging", n);
    }
    if let Some(n) = indent.first_line {
        cells(&mut out, "firstLine", n);
    }
    out.push_str("/>");
    out
}

/// A style's `w:rPr` children, in the schema's order.
fn run_props(look: &Look, faces: &Faces) -> String {
    let mut out = look
        .face
        .map(|role| fonts(faces.of_role(role)))
        .unwrap_or_default();
    if let Some(spacing) = look.spacing {
        write!(out, r#"<w:spacing w:val="{spacing}"/>"#).unwrap();
    }
    if let Some(size) = look.size {
        let half = size.half_points();
        write!(out, r#"<w:sz w:val="{half}"/><w:szCs w:val="{half}"/>"#).unwrap();
    }
    out
}

/// `settings.xml`: odd and even footers, no punctuation compression (it
/// would squeeze a 29th character onto a line), Word 2013+ layout; with
/// faces embedded, Word told to keep them, cut down, when it saves.
pub fn settings(embedded: bool) -> String {
    let embed = if embedded {
        "<w:embedTrueTypeFonts/><w:saveSubsetFonts/>"
    } else {
        ""
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}"><w:zoom w:percent="100"/>{embed}<w:defaultTabStop w:val="{}"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#,
        2 * CELL
    )
}

/// `fontTable.xml`: each face, with what a word processor that lacks it
/// reads to choose another, and the font embedded for it if any (the
/// children in the schema's order). An embedded font fills the face's
/// regular slot, the one its runs (none of them bold but a table's header)
/// ask for: 方正小标宋简体 is a heavy face at its regular weight, so its
/// stand-in, FandolSong Bold, goes there too.
pub fn font_table(faces: &Faces, embedded: &[EmbeddedFont]) -> String {
    let mut out =
        format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="{W}""#);
    if !embedded.is_empty() {
        write!(out, r#" xmlns:r="{}""#, super::xml::R).unwrap();
    }
    out.push('>');
    let mut seen = Vec::new();
    for face in [
        &faces.body,
        &faces.kai,
        &faces.hei,
        &faces.title,
        &faces.song,
    ] {
        if seen.contains(&&face.name) {
            continue;
        }
        seen.push(&face.name);
        write!(out, r#"<w:font w:name="{}">"#, escape(&face.name)).unwrap();
        match face.fallback {
            Some(f) => write!(
                out,
                r#"<w:altName w:val="{}"/><w:panose1 w:val="{}"/><w:charset w:val="86"/><w:family w:val="{}"/><w:pitch w:val="{}"/>"#,
                f.alt, f.panose, f.family, f.pitch
            )
            .unwrap(),
            None => out.push_str(
                r#"<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>"#,
            ),
        }
        if let Some(font) = embedded.iter().find(|f| f.name == face.name) {
            write!(
                out,
                r#"<w:embedRegular r:id="{}" w:fontKey="{}"/>"#,
                font.rel_id, font.key
            )
            .unwrap();
        }
        out.push_str("</w:font>");
    }
    out.push_str("</w:fonts>");
    out
}

/// A footer with the page number "— N —": right on odd pages, left on even,
/// one character in from the block's edge (GB/T 9704 7.5).
pub fn footer(odd: bool) -> String {
    let (side, jc) = if odd {
        ("right", "right")
    } else {
        ("left", "left")
    };
    let field = |t: &str| format!("<w:r><w:fldChar w:fldCharType=\"{t}\"/></w:r>");
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="{}"/><w:ind w:{side}="280"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>{}<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>{}<w:r><w:t>1</w:t></w:r>{}<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#,
        WordStyle::Footer.id(),
        field("begin"),
        field("separate"),
        field("end")
    )
}

/// The section: A4, GB/T 9704 margins, the footers, and a grid of 22 lines
/// (`type="lines"`: a line grid only; the 28 characters come from the body's
/// character spacing, as no character grid gives them in LibreOffice).
pub fn section(landscape: bool) -> String {
    if landscape {
        // A wide table (the 意见采纳情况表): A4 turned, the margins turned
        // with it, no character grid.
        return r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1588" w:right="1984" w:bottom="1474" w:left="2098" w:header="851" w:footer="850" w:gutter="0"/><w:cols w:space="425"/></w:sectPr>"#.to_string();
    }
    format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="{LEFT_MARGIN}" w:header="851" w:footer="1304" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="{LINE}"/></w:sectPr>"#
    )
}

/// The width of the text block of a landscape page: 297 − 37 − 35 mm.
pub const LANDSCAPE_WIDTH: u32 = 16838 - 2098 - 1984;

/// `theme/theme1.xml`: Word requires a theme; this one is black on white
/// with the body and heading faces as its minor and major fonts.
pub const THEME: &str = include_str!("theme.xml");

/// `word/_rels/fontTable.xml.rels`: the embedded fonts' parts.
pub fn font_table_rels(embedded: &[EmbeddedFont]) -> String {
    let mut out = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for font in embedded {
        write!(
            out,
            r#"<Relationship Id="{}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="{}"/>"#,
            font.rel_id, font.target
        )
        .unwrap();
    }
    out.push_str("</Relationships>");
    out
}

/// `[Content_Types].xml`: with the obfuscated fonts' type when there are any.
pub fn content_types(comments: bool, fonts: bool) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let odttf = if fonts {
        r#"<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>"#
    } else {
        ""
    };
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{odttf}<Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="{wml}.footer+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
    );
    if comments {
        write!(
            out,
            r#"<Override PartName="/word/comments.xml" ContentType="{wml}.comments+xml"/>"#
        )
        .unwrap();
    }
    out.push_str("</Types>");
    out
}

/// `_rels/.rels`.
pub fn package_rels() -> String {
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#.to_string()
}

/// `word/_rels/document.xml.rels`.
pub fn document_rels(comments: bool) -> String {
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="{rel}/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="{rel}/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="{rel}/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFooterOdd" Type="{rel}/footer" Target="footer1.xml"/><Relationship Id="rIdFooterEven" Type="{rel}/footer" Target="footer2.xml"/><Relationship Id="rIdTheme" Type="{rel}/theme" Target="theme/theme1.xml"/>"#
    );
    if comments {
        write!(
            out,
            r#"<Relationship Id="rIdComments" Type="{rel}/comments" Target="comments.xml"/>"#
        )
        .unwrap();
    }
    out.push_str("</Relationships>");
    out
}

/// `docProps/core.xml`: title, author and the draft's date; no time of
/// writing, so the same draft gives the same bytes.
pub fn core(title: &str, creator: Option<&str>, date: Option<&str>) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title>"#,
        escape(title)
    );
    if let Some(c) = creator {
        write!(out, "<dc:creator>{}</dc:creator>", escape(c)).unwrap();
    }
    if let Some(d) = date {
        write!(
            out,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{d}</dcterms:created>"#
        )
        .unwrap();
    }
    out.push_str("</cp:coreProperties>");
    out
}

/// `document.xml` around a body.
pub fn document(body: &str, landscape: bool) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" xmlns:r="{}"><w:body>{body}{}</w:body></w:document>"#,
        super::xml::R,
        section(landscape)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_of_the_table_is_written_once() {
        let styles = styles(&Faces::of(&Fonts::default()));
        for style in &STYLES {
            let id = format!(r#"w:styleId="{}""#, style.id);
            assert_eq!(styles.matches(&id).count(), 1, "{id}");
        }
        assert_eq!(styles.matches("<w:style ").count(), STYLES.len());
    }
}
