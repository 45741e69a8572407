//! The bytes of a text file as text, in the encodings an office's
//! computers write: UTF-8 (with or without a byte-order mark), UTF-16 (what
//! Windows Notepad saves as "Unicode", with a byte-order mark, or without
//! one and recognised by the zero bytes of its ASCII characters), and
//! GB18030 (GBK, what older Chinese Windows saves). Anything else is binary
//! and refused.

use std::path::Path;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE};

use crate::diagnostic::Diagnostic;

/// Text from bytes, and the encoding it was decoded from when not UTF-8.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Option<&'static str>), Diagnostic> {
    let binary = || {
        Diagnostic::error(path, 0, 0, crate::tr!("import-not-text"))
            .help(crate::tr!("import-not-text-help"))
    };
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(UTF_16LE),
        Some([0xFE, 0xFF]) => Some(UTF_16BE),
        _ if bytes.contains(&0) => Some(utf16_without_mark(bytes).ok_or_else(binary)?),
        _ => None,
    };
    if let Some(encoding) = utf16 {
        return decoded(encoding, bytes)
            .map(|text| (text, Some("UTF-16")))
            .ok_or_else(binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), None));
    }
    decoded(GB18030, bytes)
        .map(|text| (text, Some("GB18030")))
        .ok_or_else(binary)
}

/// The text in an encoding, if the bytes are that encoding's text: no
/// undecodable bytes, and no control characters but spacing ones (line
/// ends, tabs, page breaks).
fn decoded(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
    let control = text.chars().any(|c| c.is_control() && !c.is_whitespace());
    (!had_errors && !control).then(|| text.into_owned())
}

/// UTF-16 without a byte-order mark, by where its zero bytes fall: the high
/// byte of every ASCII character (a line end, a digit, a space) is zero,
/// at odd places in little-endian and even ones in big-endian; fewer fall
/// on the other side (一 is U+4E00). The side with more zeros is the high
/// byte. Binary has zero bytes side by side, which decode to U+0000 and are
/// refused as control characters.
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static Encoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let zeros = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    Some(if zeros(1) >= zeros(0) {
        UTF_16LE
    } else {
        UTF_16BE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gb18030_and_utf16_are_decoded_and_binary_is_refused() {
        let path = Path::new("a.txt");
        let (gbk, _, _) = GB18030.encode("标题\n第一条 甲。\n");
        let (text, from) = decode(path, &gbk).unwrap();
        assert_eq!(from, Some("GB18030"));
        assert!(text.starts_with("标题"));
        let le: Vec<u8> = "标题\r\n甲 1"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(path, &le).unwrap(),
            ("标题\r\n甲 1".into(), Some("UTF-16"))
        );
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("标题".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(path, &be).unwrap().0, "标题");
        assert!(decode(path, b"\x89PNG\r\n\x1a\n\0\0").is_err());
        // Zero bytes side by side: binary, not UTF-16.
        assert!(decode(path, b"a\0\0\0\0b").is_err());
        // 一 is U+4E00: a zero on the low side too.
        let le: Vec<u8> = "第一条\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(path, &le).unwrap().0, "第一条\r\n");
        assert_eq!(
            decode(path, b"\xEF\xBB\xBFok").unwrap(),
            ("ok".into(), None)
        );
    }
}
