//! One part of the workbook's package read as XML: through a cap on what
//! it unpacks to, whatever the package says its size is, its events in the
//! office's terms on failure, and the text of its `<t>` elements as Excel
//! shows it.

use std::borrow::Cow;
use std::io::{BufRead, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::super::Refusal;
use super::super::table::{MAX_CELL_CHARS, MAX_CELLS, MAX_PART_BYTES};

pub type Zip<'b> = zip::ZipArchive<Cursor<&'b [u8]>>;
/// A part of the package being read as XML.
pub type Part<'z, 'b> = Reader<BufReader<Capped<zip::read::ZipFile<'z, Cursor<&'b [u8]>>>>>;

const MB: u64 = 1 << 20;

/// The advice for a workbook that is damaged or not what it seems.
pub fn save_again() -> String {
    crate::tr!("import-feedback-save-again")
}

/// The advice for a workbook far larger than a 意见反馈表.
fn copy_out() -> String {
    crate::tr!("import-feedback-copy-out")
}

/// A reader that fails once more than [`MAX_PART_BYTES`] came through it,
/// whatever the package said the part's size was.
pub struct Capped<R> {
    inner: R,
    left: u64,
}

/// The error a [`Capped`] reader fails with.
#[derive(Debug)]
struct TooLarge;

impl std::fmt::Display for TooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "more than {} MB", MAX_PART_BYTES / MB)
    }
}

impl std::error::Error for TooLarge {}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let room = buf
            .len()
            .min(usize::try_from(self.left + 1).unwrap_or(usize::MAX));
        let n = self.inner.read(&mut buf[..room])?;
        if n as u64 > self.left {
            return Err(std::io::Error::other(TooLarge));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Opens a part as XML, after checking the size it says it unpacks to;
/// `None` if the package has no such part.
pub fn open<'z, 'b>(zip: &'z mut Zip<'b>, name: &str) -> Result<Option<Part<'z, 'b>>, Refusal> {
    // Names are compared as Excel does, without regard to case.
    let Some(index) = zip.index_for_name(name).or_else(|| {
        zip.file_names_raw()
            .position(|n| n.eq_ignore_ascii_case(name.as_bytes()))
    }) else {
        return Ok(None);
    };
    let file = zip.by_index(index).map_err(|e| {
        Refusal::new(
            crate::tr!(
                "import-feedback-part-unreadable",
                part = name,
                error = e.to_string()
            ),
            save_again(),
        )
    })?;
    if file.size() > MAX_PART_BYTES {
        return Err(Refusal::new(
            crate::tr!(
                "import-feedback-part-too-large",
                part = name,
                mb = file.size() / MB,
                max = MAX_PART_BYTES / MB
            ),
            copy_out(),
        ));
    }
    let mut xml = Reader::from_reader(BufReader::new(Capped {
        inner: file,
        left: MAX_PART_BYTES,
    }));
    let config = xml.config_mut();
    config.expand_empty_elements = true;
    config.check_end_names = false;
    Ok(Some(xml))
}

/// Why reading a part's XML stopped, in the office's terms.
pub fn xml_error(part: &str, e: &quick_xml::Error, at: u64) -> Refusal {
    if let quick_xml::Error::Io(io) = e
        && io.get_ref().is_some_and(|inner| inner.is::<TooLarge>())
    {
        return Refusal::new(
            crate::tr!(
                "import-feedback-part-over",
                part = part,
                max = MAX_PART_BYTES / MB
            ),
            copy_out(),
        );
    }
    Refusal::new(
        crate::tr!(
            "import-feedback-part-malformed",
            part = part,
            at = at,
            error = e.to_string()
        ),
        save_again(),
    )
}

/// Reads the next event of a part, in its terms on failure.
pub fn next<'e, R: BufRead>(
    xml: &mut Reader<R>,
    buf: &'e mut Vec<u8>,
    part: &str,
) -> Result<Event<'e>, Refusal> {
    buf.clear();
    let at = xml.buffer_position();
    xml.read_event_into(buf)
        .map_err(|e| xml_error(part, &e, at))
}

/// An attribute's value by its local name (`r:id` is `id`).
pub fn attribute(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()
                    .map(Cow::into_owned)
            })
            .flatten()
    })
}

/// Excel's own escape for characters XML cannot hold: `_x000D_` is a
/// carriage return, `_x005F_` an underscore.
pub fn excel_unescape(text: &str) -> Cow<'_, str> {
    if !text.contains("_x") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let candidate = &rest[at..];
        let code = candidate
            .get(2..6)
            .filter(|_| candidate.as_bytes().get(6) == Some(&b'_'))
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match code {
            Some(c) => {
                out.push(c);
                rest = &candidate[7..];
            }
            None => {
                out.push_str("_x");
                rest = &candidate[2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Text of an XML reference (`&amp;`, `&#x4E00;`) to add to a value.
pub fn reference(name: &str) -> Option<char> {
    if let Some(n) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
        return u32::from_str_radix(n, 16).ok().and_then(char::from_u32);
    }
    if let Some(n) = name.strip_prefix('#') {
        return n.parse().ok().and_then(char::from_u32);
    }
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => None,
    }
}

/// Collects the text of `<t>` elements (rich-text runs joined, phonetic
/// guides left out) until the element `end` closes: a shared string's `<si>`
/// or a cell's `<is>`.
pub fn text_until<R: BufRead>(
    xml: &mut Reader<R>,
    end: &str,
    part: &str,
) -> Result<String, Refusal> {
    let mut buf = Vec::new();
    let mut text = String::new();
    let (mut in_t, mut phonetic) = (false, 0usize);
    // Checked before each piece is added: four bytes a character at most.
    let room = |text: &String, more: usize| {
        if text.len() + more > 4 * MAX_CELL_CHARS {
            Err(too_long(part, None))
        } else {
            Ok(())
        }
    };
    loop {
        match next(xml, &mut buf, part)? {
            Event::Start(e) => match e.local_name().as_ref() {
                "rPh" => phonetic += 1,
                "t" if phonetic == 0 => in_t = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "rPh" => phonetic = phonetic.saturating_sub(1),
                "t" => in_t = false,
                name if name == end => break,
                _ => {}
            },
            Event::Text(t) if in_t => {
                room(&text, t.len())?;
                text.push_str(&t.xml10_content());
            }
            Event::CData(t) if in_t => {
                room(&text, t.len())?;
                text.push_str(&t.xml10_content());
            }
            Event::GeneralRef(r) if in_t => {
                room(&text, r.len() + 2)?;
                match reference(&r) {
                    Some(c) => text.push(c),
                    None => {
                        text.push('&');
                        text.push_str(&r);
                        text.push(';');
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let text = match excel_unescape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(unescaped) => unescaped,
    };
    if text.chars().count() > MAX_CELL_CHARS {
        return Err(too_long(part, None));
    }
    Ok(text)
}

/// The refusal of a text longer than Excel keeps in a cell (`cell`, if known).
pub fn too_long(part: &str, cell: Option<&str>) -> Refusal {
    let max = thousands(MAX_CELL_CHARS);
    let message = match cell {
        Some(cell) => crate::tr!(
            "import-feedback-cell-too-long",
            cell = cell,
            part = part,
            max = max
        ),
        None => crate::tr!("import-feedback-text-too-long", part = part, max = max),
    };
    Refusal::new(message, save_again())
}

/// What a sheet holds more of than gongwen reads.
#[derive(Debug, Clone, Copy)]
pub enum Many {
    Strings,
    MergedAreas,
    Cells,
}

pub fn too_many(part: &str, what: Many) -> Refusal {
    let max = thousands(MAX_CELLS);
    let message = match what {
        Many::Strings => crate::tr!("import-feedback-too-many-strings", part = part, max = max),
        Many::MergedAreas => crate::tr!("import-feedback-too-many-merges", part = part, max = max),
        Many::Cells => crate::tr!("import-feedback-too-many-cells", part = part, max = max),
    };
    Refusal::new(message, copy_out())
}

/// 1000000 as 1,000,000.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_escapes_read_as_their_characters() {
        assert_eq!(excel_unescape("a_x000D_b"), "a\rb");
        assert_eq!(excel_unescape("_x005F_x000D_"), "_x000D_");
        assert_eq!(excel_unescape("_x4e00"), "_x4e00");
        assert_eq!(excel_unescape("plain"), "plain");
    }

    #[test]
    fn a_reader_past_its_cap_fails() {
        let data = [b'x'; 10];
        let mut capped = Capped {
            inner: &data[..],
            left: 4,
        };
        let mut out = Vec::new();
        let e = capped.read_to_end(&mut out).unwrap_err();
        assert!(e.get_ref().unwrap().is::<TooLarge>());
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}
