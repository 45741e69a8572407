//! The package a .docx is: a zip of parts. Each part is read with a cap on
//! what it unpacks to and parsed within the bounds of [`super::xml`]; the
//! main document is the part Word opens, found as Word finds it, through
//! the package's relationships (`_rels/.rels`) and checked against its
//! content type; the parts it uses (list numbering, styles, footnotes,
//! endnotes) are found through its own relationships.

use std::io::Read;

use roxmltree::Document;

use super::Refusal;
use super::xml::{self, Budget};

/// The most a part may unpack to. Word writes a 1,000-page document's text
/// part in some 30 MB; a zip bomb unpacks to gigabytes.
pub(super) const MAX_PART: u64 = 64 << 20;

const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";

/// The content types of a part Word opens as the main document: a
/// document or a template, with or without macros.
const WORD_MAIN: [&str; 4] = [
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
];

/// The kinds of file whose main part is not a Word document, by the start
/// of its content type.
const OTHER_MAIN: [(&str, OtherKind); 2] = [
    (
        "application/vnd.openxmlformats-officedocument.spreadsheetml",
        OtherKind::Workbook,
    ),
    (
        "application/vnd.openxmlformats-officedocument.presentationml",
        OtherKind::Presentation,
    ),
];

/// A package of another kind than a Word document.
#[derive(Debug, Clone, Copy)]
enum OtherKind {
    Workbook,
    Presentation,
}

impl OtherKind {
    /// What it is, as an officer knows it.
    fn named(self) -> String {
        match self {
            OtherKind::Workbook => crate::tr!("import-docx-kind-workbook"),
            OtherKind::Presentation => crate::tr!("import-docx-kind-presentation"),
        }
    }
}

/// The parts the main document uses, by name in the package.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Related {
    pub(super) numbering: Option<String>,
    pub(super) styles: Option<String>,
    pub(super) footnotes: Option<String>,
    pub(super) endnotes: Option<String>,
    /// Word comments (批注), and Word 2013's part that links replies to
    /// the comments they answer.
    pub(super) comments: Option<String>,
    pub(super) comments_extended: Option<String>,
}

/// An opened package and what is left of the bounds for its parts.
pub(super) struct Package<'b> {
    zip: zip::ZipArchive<std::io::Cursor<&'b [u8]>>,
    budget: Budget,
}

impl<'b> Package<'b> {
    pub(super) fn open(bytes: &'b [u8]) -> Result<Package<'b>, Refusal> {
        let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| {
            Refusal::damaged(crate::tr!("import-docx-not-package", error = e.to_string()))
        })?;
        Ok(Package {
            zip,
            budget: Budget::default(),
        })
    }

    /// A part's text, or `None` if the package has no such part. Part names
    /// are compared as the package format says: without regard to case.
    pub(super) fn read(&mut self, name: &str) -> Result<Option<String>, Refusal> {
        let index = match self.zip.index_for_name(name) {
            Some(i) => i,
            None => match self
                .zip
                .file_names()
                .position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)))
            {
                Some(i) => i,
                None => return Ok(None),
            },
        };
        let cannot = |e: &dyn std::fmt::Display| {
            Refusal::damaged(crate::tr!(
                "import-docx-part-unreadable",
                part = name,
                error = e.to_string()
            ))
        };
        let too_big = || {
            Refusal::too_much(crate::tr!(
                "import-docx-part-too-large",
                part = name,
                mb = MAX_PART >> 20
            ))
        };
        let file = self.zip.by_index(index).map_err(|e| cannot(&e))?;
        if file.size() > MAX_PART {
            return Err(too_big());
        }
        // The size the package gives, a lie at most costing a reallocation.
        let mut bytes = Vec::with_capacity(file.size() as usize);
        file.take(MAX_PART + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| cannot(&e))?;
        if bytes.len() as u64 > MAX_PART {
            return Err(too_big());
        }
        text_of(bytes)
            .map(Some)
            .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-part-not-text", part = name)))
    }

    /// Parses a part's XML within what is left of the bounds.
    pub(super) fn parse<'x>(&mut self, name: &str, xml: &'x str) -> Result<Document<'x>, Refusal> {
        xml::parse(name, xml, &mut self.budget)
    }

    /// The main document's part name and the parts it uses.
    pub(super) fn main(&mut self) -> Result<(String, Related), Refusal> {
        const ROOT: &str = "_rels/.rels";
        let rels = self
            .read(ROOT)?
            .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-no-rels", part = ROOT)))?;
        let targets = self.relationships(ROOT, &rels, "")?;
        let main = targets
            .iter()
            .find(|(kind, _)| kind == "officeDocument")
            .map(|(_, target)| target.clone())
            .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-rels-no-main", part = ROOT)))?;
        self.check_type(&main)?;
        let (folder, file) = main.rsplit_once('/').unwrap_or(("", &main));
        let own = format!("{}_rels/{file}.rels", folder_prefix(folder));
        let mut related = Related::default();
        if let Some(rels) = self.read(&own)? {
            for (kind, target) in self.relationships(&own, &rels, folder)? {
                let slot = match kind.as_str() {
                    "numbering" => &mut related.numbering,
                    "styles" => &mut related.styles,
                    "footnotes" => &mut related.footnotes,
                    "endnotes" => &mut related.endnotes,
                    "comments" => &mut related.comments,
                    "commentsExtended" => &mut related.comments_extended,
                    _ => continue,
                };
                slot.get_or_insert(target);
            }
        }
        Ok((main, related))
    }

    /// A relationships part's internal targets: (the relationship type's
    /// last word, the target's part name), targets resolved from `folder`.
    fn relationships(
        &mut self,
        name: &str,
        xml: &str,
        folder: &str,
    ) -> Result<Vec<(String, String)>, Refusal> {
        let doc = self.parse(name, xml)?;
        Ok(doc
            .descendants()
            .filter(|n| n.has_tag_name((RELATIONSHIPS, "Relationship")))
            .filter(|n| n.attribute("TargetMode") != Some("External"))
            .filter_map(|n| {
                let kind = n.attribute("Type")?.rsplit('/').next()?.to_string();
                Some((kind, resolve(folder, n.attribute("Target")?)?))
            })
            .collect())
    }

    /// Refuses a main part that is not a Word document, saying what it is.
    fn check_type(&mut self, main: &str) -> Result<(), Refusal> {
        const TYPES: &str = "[Content_Types].xml";
        let xml = self
            .read(TYPES)?
            .ok_or_else(|| Refusal::damaged(crate::tr!("import-docx-no-types", part = TYPES)))?;
        let doc = self.parse(TYPES, &xml)?;
        let of = |tag: &str, key: &str, value: &str| {
            doc.descendants()
                .filter(|n| n.has_tag_name((CONTENT_TYPES, tag)))
                .find(|n| {
                    n.attribute(key)
                        .is_some_and(|v| v.eq_ignore_ascii_case(value))
                })
                .and_then(|n| n.attribute("ContentType"))
        };
        let extension = main.rsplit_once('.').map_or("", |(_, e)| e);
        let kind = of("Override", "PartName", &format!("/{main}"))
            .or_else(|| of("Default", "Extension", extension))
            .unwrap_or("");
        if WORD_MAIN.contains(&kind) {
            return Ok(());
        }
        let what = OTHER_MAIN
            .iter()
            .find(|(start, _)| kind.starts_with(start))
            .map_or_else(
                || crate::tr!("import-docx-kind-other"),
                |(_, what)| what.named(),
            );
        Err(Refusal::not_word(crate::tr!(
            "import-docx-main-not-word",
            part = main,
            what = what,
            kind = kind
        )))
    }
}

/// `word/` for `word`, nothing for the package's top.
fn folder_prefix(folder: &str) -> String {
    if folder.is_empty() {
        String::new()
    } else {
        format!("{folder}/")
    }
}

/// A relationship's target as a part name: relative to the folder of the
/// part that holds the relationship, or from the top when it starts with
/// `/`. `None` for a target that climbs out of the package.
fn resolve(folder: &str, target: &str) -> Option<String> {
    let target = target.split(['#', '?']).next().unwrap_or("");
    if target.is_empty() {
        return None;
    }
    let (start, rest) = match target.strip_prefix('/') {
        Some(rest) => ("", rest),
        None => (folder, target),
    };
    let mut path: Vec<&str> = start.split('/').filter(|s| !s.is_empty()).collect();
    for piece in rest.split('/') {
        match piece {
            "" | "." => {}
            ".." => {
                path.pop()?;
            }
            _ => path.push(piece),
        }
    }
    let name = path.join("/");
    let name = percent_encoding::percent_decode_str(&name)
        .decode_utf8()
        .ok()?
        .into_owned();
    (!name.is_empty()).then_some(name)
}

/// A part's bytes as text: UTF-8 (a byte-order mark dropped), or UTF-16
/// with its byte-order mark, which XML allows too.
fn text_of(bytes: Vec<u8>) -> Option<String> {
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(encoding_rs::UTF_16LE),
        Some([0xFE, 0xFF]) => Some(encoding_rs::UTF_16BE),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        let (text, errors) = encoding.decode_with_bom_removal(&bytes);
        return (!errors).then(|| text.into_owned());
    }
    let mut text = String::from_utf8(bytes).ok()?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_from_the_folder_of_their_relationships() {
        let cases = [
            ("", "word/document.xml", Some("word/document.xml")),
            ("", "/word/real.xml", Some("word/real.xml")),
            ("word", "numbering.xml", Some("word/numbering.xml")),
            ("word", "../custom/a%20b.xml", Some("custom/a b.xml")),
            ("word", "./styles.xml", Some("word/styles.xml")),
            ("", "../outside.xml", None),
            ("word", "", None),
        ];
        for (folder, target, resolved) in cases {
            assert_eq!(resolve(folder, target).as_deref(), resolved, "{target}");
        }
    }

    #[test]
    fn parts_are_read_as_utf8_or_utf16() {
        assert_eq!(
            text_of(b"\xEF\xBB\xBF<a/>".to_vec()).as_deref(),
            Some("<a/>")
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("<甲/>".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text_of(utf16).as_deref(), Some("<甲/>"));
        assert_eq!(text_of(vec![0xC0, 0x80]), None);
    }
}
