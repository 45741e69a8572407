//! `--embed-fonts`: the bundled faces inside the Word file, for readers
//! whose machine lacks the GB/T faces (LibreOffice on 统信UOS/麒麟, where
//! 仿宋_GB2312 is missing and the text would fall back to a sans face).
//! Each GB/T face the file names and prints with is embedded as its Fandol
//! stand-in, cut down to the characters printed in it ([`truetype`]) and
//! obfuscated as ECMA-376 Part 1 §17.8.1 prescribes: `word/fonts/fontN.odttf`,
//! its first 32 bytes XORed with a key read from the GUID the font table
//! gives it. The GUID is derived from the font's own bytes, so the same
//! draft gives the same file.
//!
//! Which characters each face needs is read from the parts as written
//! (body, footers, comments): a run prints in the face of its character
//! style, else of its paragraph's style, else the body's.

use std::collections::{BTreeMap, BTreeSet};

use super::parts::Faces;
use super::truetype::{self, SubsetError};
use super::xml::W;
use crate::word_styles::{FaceRole, WordStyle};

/// The bundled faces in the order of `render::pdf::fonts::BUNDLED`, and the
/// role each stands in for.
const STAND_INS: [FaceRole; 5] = [
    FaceRole::Body,
    FaceRole::Kai,
    FaceRole::Hei,
    FaceRole::Title,
    FaceRole::Song,
];

/// One embedded face.
#[derive(Debug, Clone)]
pub struct EmbeddedFont {
    /// The `w:font` of the font table it is embedded in.
    pub name: String,
    /// Its relationship from the font table.
    pub rel_id: String,
    /// The part, relative to `word/`.
    pub target: String,
    /// `{GUID}`: the key it is obfuscated with.
    pub key: String,
    /// The obfuscated TrueType font.
    pub data: Vec<u8>,
}

/// The faces to embed in a Word file whose XML parts are `parts`, each cut
/// from `files` (the bundled faces' bytes, in `BUNDLED`'s order). A face the
/// draft names itself is not embedded: gongwen has only its stand-ins for
/// the GB/T faces.
pub fn embed(
    faces: &Faces,
    files: &[&[u8]],
    parts: &[&str],
) -> Result<Vec<EmbeddedFont>, (String, SubsetError)> {
    let printed = printed_by_face(faces, parts);
    let mut out: Vec<EmbeddedFont> = Vec::new();
    for (role, file) in STAND_INS.iter().zip(files) {
        let face = faces.of_role(*role);
        if face.fallback.is_none() || out.iter().any(|f| f.name == face.name) {
            continue;
        }
        let Some(chars) = printed.get(&face.name).filter(|c| !c.is_empty()) else {
            continue;
        };
        // A space, printed or not: LibreOffice draws the gap it leaves
        // between Chinese and a digit or Latin letter as a space of the
        // run's face when the run is underlined (a tracked insertion, a
        // marked cell), and would take it from another face.
        let mut chars = chars.clone();
        chars.insert(' ');
        let font = truetype::subset(file, &chars).map_err(|e| (face.name.clone(), e))?;
        let n = out.len() + 1;
        let key = guid(&font);
        out.push(EmbeddedFont {
            name: face.name.clone(),
            rel_id: format!("rIdFont{n}"),
            target: format!("fonts/font{n}.odttf"),
            data: obfuscate(font, &key),
            key,
        });
    }
    Ok(out)
}

/// The characters printed in each face (by name), from the parts' XML.
pub fn printed_by_face(faces: &Faces, parts: &[&str]) -> BTreeMap<String, BTreeSet<char>> {
    let mut printed: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    for part in parts {
        let Ok(doc) = roxmltree::Document::parse(part) else {
            continue;
        };
        for p in doc.descendants().filter(|n| is(n, "p")) {
            let para = style_of(&p, "pPr", "pStyle")
                .and_then(|s| s.definition().look.face)
                .unwrap_or(FaceRole::Body);
            // A run of a nested paragraph (none in gongwen's parts) is that
            // paragraph's.
            let runs = p
                .descendants()
                .filter(|r| is(r, "r"))
                .filter(|r| r.ancestors().find(|a| is(a, "p")) == Some(p));
            for r in runs {
                let role = style_of(&r, "rPr", "rStyle")
                    .and_then(|s| s.definition().look.face)
                    .unwrap_or(para);
                let chars = printed.entry(faces.of_role(role).name.clone()).or_default();
                for child in r.children() {
                    if is(&child, "t") || is(&child, "delText") {
                        chars.extend(child.text().unwrap_or("").chars());
                    } else if is(&child, "instrText")
                        && child.text().is_some_and(|t| t.contains("PAGE"))
                    {
                        // A page number prints any digit.
                        chars.extend('0'..='9');
                    }
                }
            }
        }
    }
    for chars in printed.values_mut() {
        chars.retain(|c| !c.is_control());
    }
    printed
}

fn is(node: &roxmltree::Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

/// The style a paragraph's (`pPr`/`pStyle`) or run's (`rPr`/`rStyle`)
/// properties name, if one of gongwen's.
fn style_of(node: &roxmltree::Node, props: &str, style: &str) -> Option<WordStyle> {
    let props = node.children().find(|c| is(c, props))?;
    let id = props
        .children()
        .find(|c| is(c, style))?
        .attribute((W, "val"))?;
    WordStyle::from_id(id)
}

/// A GUID for a font, from its bytes: FNV-1a over 128 bits, marked as a
/// version 8 (custom) UUID. Not random, so the same draft gives the same
/// file; the key only obfuscates, as the standard means it to.
fn guid(font: &[u8]) -> String {
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013B;
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for &b in font {
        hash ^= u128::from(b);
        hash = hash.wrapping_mul(PRIME);
    }
    let mut bytes = hash.to_be_bytes();
    bytes[6] = (bytes[6] & 0x0f) | 0x80;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02X}")).collect();
    format!(
        "{{{}-{}-{}-{}-{}}}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// The key of a `w:fontKey`: its 16 bytes as the GUID's string writes them,
/// last first (§17.8.1).
fn key_bytes(key: &str) -> [u8; 16] {
    let hex: Vec<u8> = key
        .bytes()
        .filter(u8::is_ascii_hexdigit)
        .map(|c| (c as char).to_digit(16).unwrap_or(0) as u8)
        .collect();
    let mut out = [0u8; 16];
    for (i, pair) in hex.chunks(2).take(16).enumerate() {
        out[15 - i] = pair[0] << 4 | pair.get(1).copied().unwrap_or(0);
    }
    out
}

/// The font with its first 32 bytes XORed with the key, twice over.
/// Applying it again gives the font back.
pub fn obfuscate(mut font: Vec<u8>, key: &str) -> Vec<u8> {
    let key = key_bytes(key);
    for (i, b) in font.iter_mut().take(32).enumerate() {
        *b ^= key[i % 16];
    }
    font
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Fonts;

    #[test]
    fn the_key_is_the_guid_read_from_its_end() {
        let key = "{00112233-4455-6677-8899-AABBCCDDEEFF}";
        assert_eq!(
            key_bytes(key),
            [
                0xFF, 0xEE, 0xDD, 0xCC, 0xBB, 0xAA, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22,
                0x11, 0x00
            ]
        );
        let font: Vec<u8> = (0..40).collect();
        let hidden = obfuscate(font.clone(), key);
        assert_eq!(hidden[0], 0xFF);
        assert_eq!(hidden[16], 16 ^ 0xFF);
        assert_eq!(hidden[32..], font[32..]);
        assert_eq!(obfuscate(hidden, key), font);
    }

    #[test]
    fn a_guid_is_the_same_for_the_same_font_and_well_formed() {
        let a = guid(b"one font");
        assert_eq!(a, guid(b"one font"));
        assert_ne!(a, guid(b"another font"));
        assert_eq!(a.len(), 38);
        assert_eq!(&a[15..16], "8", "{a}");
    }

    #[test]
    fn each_run_counts_for_the_face_of_its_style() {
        let faces = Faces::of(&Fonts::default());
        let doc = format!(
            r#"<w:document xmlns:w="{W}"><w:body>
            <w:p><w:pPr><w:pStyle w:val="GwTitle"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:rStyle w:val="GwLead1"/></w:rPr><w:t>一、</w:t></w:r><w:r><w:t>正文</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
            </w:body></w:document>"#
        );
        let footer = format!(
            r#"<w:ftr xmlns:w="{W}"><w:p><w:pPr><w:pStyle w:val="GwFooter"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:instrText> PAGE </w:instrText></w:r></w:p></w:ftr>"#
        );
        let printed = printed_by_face(&faces, &[&doc, &footer]);
        let of = |name: &str| -> String { printed[name].iter().collect() };
        assert_eq!(of("方正小标宋简体"), "标题");
        assert_eq!(of("黑体"), "、一");
        assert_eq!(of("仿宋_GB2312"), "删文正");
        assert_eq!(of("宋体"), " 0123456789—");
    }
}
