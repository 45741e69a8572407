//! The XML parts of a Word file parsed within bounds. A parsed part takes
//! some 70 bytes for each element, text and attribute it holds, and a few
//! kilobytes of XML can nest a hundred thousand elements or declare a
//! thousand namespaces for each of a thousand elements: a scan of the bytes
//! counts what a parse would build, and a part past the bounds is refused by
//! name before anything is built.

use roxmltree::{Document, ParsingOptions};

use super::Refusal;

/// How deep elements may nest. Word's own files nest a few dozen levels
/// (a table in a table in a text box); the readers walk this deep.
pub(super) const MAX_DEPTH: usize = 256;
/// Elements in all the parts read, together. Word writes some 250 for a
/// page of a document, and 400 attributes.
pub(super) const MAX_ELEMENTS: usize = 1_000_000;
/// Attributes in all the parts read, together.
pub(super) const MAX_ATTRIBUTES: usize = 1_000_000;
/// Namespace declarations in all the parts read: Word declares some forty
/// at the top of a part and a few for each picture.
pub(super) const MAX_NAMESPACES: usize = 10_000;

/// What a part holds, as counted by [`scan`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) elements: usize,
    pub(super) attributes: usize,
    pub(super) namespaces: usize,
    /// The deepest nesting of elements.
    pub(super) depth: usize,
}

/// Why a part was not parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TooMuch {
    Depth(usize),
    Elements(usize),
    Attributes(usize),
    Namespaces(usize),
}

impl TooMuch {
    /// The message, for the part named.
    pub(super) fn message(&self, part: &str) -> String {
        match self {
            TooMuch::Depth(n) => {
                crate::tr!(
                    "import-docx-xml-depth",
                    part = part,
                    count = *n,
                    max = MAX_DEPTH
                )
            }
            TooMuch::Elements(n) => crate::tr!(
                "import-docx-xml-elements",
                part = part,
                count = *n,
                max = MAX_ELEMENTS
            ),
            TooMuch::Attributes(n) => crate::tr!(
                "import-docx-xml-attributes",
                part = part,
                count = *n,
                max = MAX_ATTRIBUTES
            ),
            TooMuch::Namespaces(n) => crate::tr!(
                "import-docx-xml-namespaces",
                part = part,
                count = *n,
                max = MAX_NAMESPACES
            ),
        }
    }
}

/// What is left to read of the bounds, for the parts of one file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Budget {
    elements: usize,
    attributes: usize,
    namespaces: usize,
}

impl Default for Budget {
    fn default() -> Budget {
        Budget {
            elements: MAX_ELEMENTS,
            attributes: MAX_ATTRIBUTES,
            namespaces: MAX_NAMESPACES,
        }
    }
}

impl Budget {
    /// Takes a part's counts from what is left, or says what it exceeds
    /// (by the part's own count).
    fn take(&mut self, counts: Counts) -> Result<(), TooMuch> {
        if counts.depth > MAX_DEPTH {
            return Err(TooMuch::Depth(counts.depth));
        }
        let left = |have: usize, want: usize| have.checked_sub(want);
        let elements =
            left(self.elements, counts.elements).ok_or(TooMuch::Elements(counts.elements))?;
        let attributes = left(self.attributes, counts.attributes)
            .ok_or(TooMuch::Attributes(counts.attributes))?;
        let namespaces = left(self.namespaces, counts.namespaces)
            .ok_or(TooMuch::Namespaces(counts.namespaces))?;
        *self = Budget {
            elements,
            attributes,
            namespaces,
        };
        Ok(())
    }
}

/// Parses a part within what is left of the budget.
pub(super) fn parse<'i>(
    part: &str,
    xml: &'i str,
    budget: &mut Budget,
) -> Result<Document<'i>, Refusal> {
    budget
        .take(scan(xml.as_bytes()))
        .map_err(|e| Refusal::too_much(e.message(part)))?;
    let options = ParsingOptions {
        // Texts and elements, with room for the text between each two.
        nodes_limit: u32::try_from(2 * MAX_ELEMENTS + 2).unwrap_or(u32::MAX),
        ..ParsingOptions::default()
    };
    Document::parse_with_options(xml, options).map_err(|e| {
        Refusal::damaged(crate::tr!(
            "import-docx-xml-malformed",
            part = part,
            error = e.to_string()
        ))
    })
}

/// Counts the elements, attributes and namespace declarations of XML, and
/// how deep its elements nest, in one pass over the bytes without building
/// anything. Markup the count does not understand is counted as it looks;
/// the parse that follows judges whether it is XML.
pub(super) fn scan(xml: &[u8]) -> Counts {
    let mut counts = Counts::default();
    let mut depth = 0usize;
    let mut i = 0;
    let find = |from: usize, what: &[u8]| -> usize {
        xml.get(from..)
            .and_then(|rest| rest.windows(what.len()).position(|w| w == what))
            .map_or(xml.len(), |at| from + at + what.len())
    };
    while let Some(at) = xml
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'<'))
    {
        let open = i + at;
        let rest = &xml[open + 1..];
        i = if rest.starts_with(b"!--") {
            find(open + 4, b"-->")
        } else if rest.starts_with(b"![CDATA[") {
            find(open + 9, b"]]>")
        } else if rest.starts_with(b"?") {
            find(open + 2, b"?>")
        } else if rest.starts_with(b"!") || rest.starts_with(b"/") {
            if rest.starts_with(b"/") {
                depth = depth.saturating_sub(1);
            }
            find(open + 1, b">")
        } else {
            counts.elements += 1;
            depth += 1;
            counts.depth = counts.depth.max(depth);
            let (end, closed) = tag(xml, open + 1, &mut counts);
            if closed {
                depth -= 1;
            }
            end
        };
    }
    counts
}

/// Reads a start tag from after its `<`: counts its attributes and
/// namespace declarations; returns where it ends and whether it closes
/// itself (`/>`).
fn tag(xml: &[u8], from: usize, counts: &mut Counts) -> (usize, bool) {
    let mut quote = None;
    let mut name_start = from;
    let mut i = from;
    while let Some(&b) = xml.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return (i + 1, xml.get(i.wrapping_sub(1)) == Some(&b'/')),
            (None, b'=') => {
                counts.attributes += 1;
                let name = xml[name_start..i].trim_ascii();
                if name.starts_with(b"xmlns") {
                    counts.namespaces += 1;
                }
            }
            (None, b' ' | b'\t' | b'\n' | b'\r') => name_start = i + 1,
            _ => {}
        }
        i += 1;
    }
    (xml.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scan_counts_what_a_parse_builds() {
        let xml = r#"<?xml version="1.0"?><!-- <a b="c"> --><w:d xmlns:w="u" xmlns="v"><w:p a='>' b="/>"><w:t><![CDATA[<x y="z">]]></w:t><w:br/></w:p></w:d>"#;
        assert_eq!(
            scan(xml.as_bytes()),
            Counts {
                elements: 4,
                attributes: 4,
                namespaces: 2,
                depth: 3
            }
        );
        let nested = format!("<a>{}{}</a>", "<b>".repeat(300), "</b>".repeat(300));
        assert_eq!(scan(nested.as_bytes()).depth, 301);
        // Cut short or not XML at all: counted, never a panic.
        for bytes in [&b"<a b='"[..], b"<", b"</", b"<!--", b"a<b/><", b"<a x=>"] {
            scan(bytes);
        }
    }

    #[test]
    fn the_budget_is_shared_by_the_parts_of_a_file() {
        let mut budget = Budget::default();
        let half = Counts {
            elements: MAX_ELEMENTS / 2 + 1,
            ..Counts::default()
        };
        assert!(budget.take(half).is_ok());
        assert_eq!(budget.take(half), Err(TooMuch::Elements(half.elements)));
        let deep = Counts {
            depth: MAX_DEPTH + 1,
            ..Counts::default()
        };
        assert_eq!(
            Budget::default().take(deep),
            Err(TooMuch::Depth(MAX_DEPTH + 1))
        );
        let refusal = parse("word/x.xml", "<a><b", &mut Budget::default()).unwrap_err();
        assert!(
            refusal
                .message
                .starts_with("word/x.xml is not well-formed XML"),
            "{}",
            refusal.message
        );
    }
}
