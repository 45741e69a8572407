//! The package's fixed parts: content types, relationships, styles, settings,
//! the font table, the two page-number footers and the core properties.
//! Sizes are in twips (1/20 pt) and half-points, as WordprocessingML has them.

use std::fmt::Write as _;

use super::xml::{W, escape};
use crate::model::Fonts;

/// One line of the GB/T 9704 grid: 225 mm / 22 = 28.95 pt.
pub const LINE: u32 = 579;
/// One character cell: 156 mm / 28 = 15.79 pt.
pub const CELL: u32 = 316;
/// The text block's width: 156 mm.
pub const BLOCK_WIDTH: u32 = 8844;
/// The body size, 3号 (16 pt), in half-points.
const BODY_SIZE: u32 = 32;
/// The title size, 2号 (22 pt).
const TITLE_SIZE: u32 = 44;
/// Page numbers and the imprint, 4号 (14 pt).
const SMALL_SIZE: u32 = 28;
/// `w:charSpace` for 28 characters of 16 pt in 156 mm: 4096 × (15.79 − 16)
/// in 1/4096 pt, a little under so Word's rounding keeps the 28th character.
const CHAR_SPACE: i32 = -851;

/// The faces by role, as the DOCX names them (it names faces, it does not
/// embed them), each with the name Word falls back to where it is missing.
pub struct Faces {
    pub body: Face,
    pub kai: Face,
    pub hei: Face,
    pub title: Face,
    pub song: Face,
}

pub struct Face {
    pub name: String,
    /// The face Word uses where `name` is not installed.
    pub alt: Option<&'static str>,
}

impl Faces {
    /// The faces a draft names in `fonts:`, and the ones offices have otherwise.
    pub fn of(fonts: &Fonts) -> Faces {
        let face = |named: &Option<String>, default: &str, alt: &'static str| match named {
            Some(name) => Face {
                name: name.clone(),
                alt: None,
            },
            None => Face {
                name: default.to_string(),
                alt: Some(alt),
            },
        };
        Faces {
            body: face(&fonts.body, "仿宋_GB2312", "仿宋"),
            kai: face(&fonts.kai, "楷体_GB2312", "楷体"),
            hei: face(&fonts.hei, "黑体", "SimHei"),
            title: face(&fonts.title, "方正小标宋简体", "宋体"),
            song: face(&fonts.song, "宋体", "SimSun"),
        }
    }
}

/// `w:rFonts` naming one face for every script, so punctuation such as …
/// and — is drawn in the Chinese face too.
fn fonts(face: &Face) -> String {
    let n = escape(&face.name);
    format!(r#"<w:rFonts w:ascii="{n}" w:hAnsi="{n}" w:eastAsia="{n}" w:cs="{n}"/>"#)
}

const NO_INDENT: &str = r#"<w:ind w:firstLineChars="0" w:firstLine="0"/>"#;

/// `styles.xml`: document defaults at the body size and face, and one named
/// style per role, so an office restyles 一级标题 or 条 once for the document.
pub fn styles(faces: &Faces) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{}<w:kern w:val="2"/><w:sz w:val="{BODY_SIZE}"/><w:szCs w:val="{BODY_SIZE}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:spacing w:line="{LINE}" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
        fonts(&faces.body)
    );
    let indent = format!(
        r#"<w:ind w:firstLineChars="200" w:firstLine="{}"/>"#,
        2 * CELL
    );
    write!(
        out,
        r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr>{indent}</w:pPr></w:style>"#
    )
    .unwrap();
    let centred = format!("{NO_INDENT}<w:jc w:val=\"center\"/>");
    let keep_centred = format!("<w:keepNext/>{centred}");
    let small = format!("<w:sz w:val=\"{SMALL_SIZE}\"/><w:szCs w:val=\"{SMALL_SIZE}\"/>");
    let paragraph: [(&str, &str, String, String); 23] = [
        (
            "GwTitle",
            "标题",
            centred.clone(),
            format!(
                "{}<w:sz w:val=\"{TITLE_SIZE}\"/><w:szCs w:val=\"{TITLE_SIZE}\"/>",
                fonts(&faces.title)
            ),
        ),
        ("GwStage", "稿别", centred.clone(), fonts(&faces.kai)),
        // An attachment's title is set as the document's is.
        (
            "GwAttachmentTitle",
            "附件标题",
            centred.clone(),
            format!(
                "{}<w:sz w:val=\"{TITLE_SIZE}\"/><w:szCs w:val=\"{TITLE_SIZE}\"/>",
                fonts(&faces.title)
            ),
        ),
        ("GwNumber", "发文字号", centred.clone(), String::new()),
        ("GwTo", "主送机关", NO_INDENT.into(), String::new()),
        ("GwH1", "一级标题", "<w:keepNext/>".into(), fonts(&faces.hei)),
        ("GwH2", "二级标题", "<w:keepNext/>".into(), fonts(&faces.kai)),
        ("GwH3", "三级标题", "<w:keepNext/>".into(), String::new()),
        ("GwH4", "四级标题", "<w:keepNext/>".into(), String::new()),
        ("GwBook", "编", keep_centred.clone(), fonts(&faces.hei)),
        ("GwSubbook", "分编", keep_centred.clone(), fonts(&faces.hei)),
        ("GwChapter", "章", keep_centred.clone(), fonts(&faces.hei)),
        ("GwSection", "节", keep_centred, fonts(&faces.kai)),
        ("GwArticle", "条", String::new(), String::new()),
        ("GwItem", "项", String::new(), String::new()),
        ("GwSubitem", "目", String::new(), String::new()),
        (
            "GwAttachment",
            "附件说明",
            format!(
                r#"<w:ind w:leftChars="500" w:left="{}" w:hangingChars="300" w:hanging="{}"/>"#,
                5 * CELL,
                3 * CELL
            ),
            String::new(),
        ),
        ("GwAttachmentNo", "附件标识", NO_INDENT.into(), fonts(&faces.hei)),
        (
            "GwSignature",
            "发文机关署名",
            format!("{NO_INDENT}<w:jc w:val=\"right\"/>"),
            String::new(),
        ),
        (
            "GwDate",
            "成文日期",
            format!(
                r#"<w:ind w:rightChars="400" w:right="{}" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="right"/>"#,
                4 * CELL
            ),
            String::new(),
        ),
        (
            "GwImprint",
            "版记",
            r#"<w:ind w:left="280" w:right="280" w:firstLineChars="0" w:firstLine="0"/><w:jc w:val="left"/>"#.into(),
            small.clone(),
        ),
        (
            "GwFooter",
            "页码",
            NO_INDENT.into(),
            format!("{}{small}", fonts(&faces.song)),
        ),
        // Table cells: 4号, set closer than the body's grid and off it (a
        // word processor that keeps the character grid in a narrow cell
        // spreads a few characters over the whole line), not justified.
        (
            "GwCaption",
            "表格",
            format!(r#"<w:snapToGrid w:val="0"/><w:spacing w:line="400" w:lineRule="exact"/>{NO_INDENT}<w:jc w:val="left"/>"#),
            format!(r#"<w:snapToGrid w:val="0"/>{small}"#),
        ),
    ];
    for (id, name, ppr, rpr) in paragraph {
        write!(
            out,
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
        )
        .unwrap();
    }
    let character = [
        ("GwArticleNo", "条号", fonts(&faces.hei)),
        ("GwLead1", "一级小标题", fonts(&faces.hei)),
        ("GwLead2", "二级小标题", fonts(&faces.kai)),
        ("GwLead3", "三级小标题", String::new()),
        ("GwLead4", "四级小标题", String::new()),
    ];
    for (id, name, rpr) in character {
        write!(
            out,
            r#"<w:style w:type="character" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>"#
        )
        .unwrap();
    }
    out.push_str("</w:styles>");
    out
}

/// `settings.xml`: odd and even footers, no punctuation compression (it
/// would squeeze a 29th character onto a line), Word 2013+ layout.
pub fn settings() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="{}"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#,
        2 * CELL
    )
}

/// `fontTable.xml`: each face with the installed face to use in its place.
pub fn font_table(faces: &Faces) -> String {
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="{W}">"#
    );
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
        if let Some(alt) = face.alt {
            write!(out, r#"<w:altName w:val="{alt}"/>"#).unwrap();
        }
        out.push_str(r#"<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#);
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
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="GwFooter"/><w:ind w:{side}="280"/><w:jc w:val="{jc}"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r>{}<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>{}<w:r><w:t>1</w:t></w:r>{}<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>"#,
        field("begin"),
        field("separate"),
        field("end")
    )
}

/// The section: A4, GB/T 9704 margins, the footers, and the 22 × 28 grid.
pub fn section(landscape: bool) -> String {
    if landscape {
        // A wide table (the 意见采纳情况表): A4 turned, the margins turned
        // with it, no character grid.
        return r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1588" w:right="1984" w:bottom="1474" w:left="2098" w:header="851" w:footer="850" w:gutter="0"/><w:cols w:space="425"/></w:sectPr>"#.to_string();
    }
    format!(
        r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/><w:footerReference w:type="even" r:id="rIdFooterEven"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1304" w:gutter="0"/><w:cols w:space="425"/><w:docGrid w:type="linesAndChars" w:linePitch="{LINE}" w:charSpace="{CHAR_SPACE}"/></w:sectPr>"#
    )
}

/// The width of the text block of a landscape page: 297 − 37 − 35 mm.
pub const LANDSCAPE_WIDTH: u32 = 16838 - 2098 - 1984;

/// `theme/theme1.xml`: Word requires a theme; this one is black on white
/// with the body and heading faces as its minor and major fonts.
pub const THEME: &str = include_str!("theme.xml");

/// `[Content_Types].xml`.
pub fn content_types(comments: bool) -> String {
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let mut out = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{wml}.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{wml}.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="{wml}.fontTable+xml"/><Override PartName="/word/footer1.xml" ContentType="{wml}.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="{wml}.footer+xml"/><Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
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
