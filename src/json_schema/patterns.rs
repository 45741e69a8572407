//! The regular expressions of the schema (ECMA-262, as JSON Schema and the
//! YAML language servers read them), each made from what the loader accepts:
//! the characters [`crate::chars::is_forbidden`] refuses, the date forms
//! [`crate::model::Date::parse`] reads, the characters of an id, and every
//! name of a disposition in any case.

use std::sync::LazyLock;

/// The characters a text may not hold, as the inside of a character class
/// (`\u0000-\u0008\u000B…`): found by asking [`crate::chars::is_forbidden`]
/// of every character, so the two cannot drift apart.
static FORBIDDEN: LazyLock<String> = LazyLock::new(|| forbidden(SCANNED));

/// Where the characters asked of end: every forbidden character lies below
/// (control characters, and bidi controls up to U+2069), as
/// `tests::no_character_above_the_scan_is_forbidden` checks of all of
/// Unicode; asking a million characters at every build took a millisecond.
const SCANNED: u32 = 0x3000;

/// The forbidden characters below `end` as the inside of a character class.
fn forbidden(end: u32) -> String {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in (0..end).filter_map(char::from_u32) {
        if !crate::chars::is_forbidden(c) {
            continue;
        }
        match ranges.last_mut() {
            Some((_, end)) if *end + 1 == c as u32 => *end = c as u32,
            _ => ranges.push((c as u32, c as u32)),
        }
    }
    ranges
        .into_iter()
        .map(|(a, b)| match b - a {
            0 => escape(a),
            1 => format!("{}{}", escape(a), escape(b)),
            _ => format!("{}-{}", escape(a), escape(b)),
        })
        .collect()
}

fn escape(c: u32) -> String {
    format!("\\u{c:04X}")
}

/// Text that holds something besides spaces, and no invisible control
/// characters.
pub fn text() -> String {
    let f = &*FORBIDDEN;
    format!("^[^{f}]*[^\\s{f}][^{f}]*$")
}

/// Text without invisible control characters (a table cell: blank is fine).
pub fn no_controls() -> String {
    format!("^[^{}]*$", &*FORBIDDEN)
}

/// A date: `2021-09-01` or `2021年9月1日`, with a month and a day that can be.
pub const DATE: &str = "^\\s*(?:[0-9]{4}-0*(?:[1-9]|1[0-2])-0*(?:[1-9]|[12][0-9]|3[01])|[0-9]{4}年0*(?:[1-9]|1[0-2])月0*(?:[1-9]|[12][0-9]|3[01])日)\\s*$";

/// A part's id: letters (Chinese among them), digits, `-` and `_`, as
/// [`crate::text::links::is_id_char`] says.
pub const ID: &str = "^[\\p{Alphabetic}\\p{N}_-]+$";

/// Any of `names` in any case, with `_` or `-` for a space, spaces around:
/// as [`crate::model::Disposition::parse`] reads them.
pub fn any_case(names: &[&str]) -> String {
    let alternatives: Vec<String> = names
        .iter()
        .map(|name| {
            name.chars()
                .map(|c| match c {
                    ' ' => "[ _-]".to_string(),
                    c if c.is_ascii_alphabetic() => {
                        format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                    }
                    c if c.is_ascii_alphanumeric() || !c.is_ascii() => c.to_string(),
                    c => format!("\\{c}"),
                })
                .collect()
        })
        .collect();
    format!("^\\s*(?:{})\\s*$", alternatives.join("|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_character_above_the_scan_is_forbidden() {
        assert_eq!(forbidden(SCANNED), forbidden(0x11_0000));
    }

    #[test]
    fn the_forbidden_class_is_what_the_loader_refuses() {
        let class = &*FORBIDDEN;
        assert!(
            class.starts_with("\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F"),
            "{class}"
        );
        assert!(class.contains("\\u202A-\\u202E"), "{class}");
        assert!(class.contains("\\u2066-\\u2069"), "{class}");
    }

    #[test]
    fn names_match_in_any_case_with_any_word_mark() {
        let pattern = regex::Regex::new(&any_case(&["n/a", "not adopted", "采纳"])).unwrap();
        for yes in ["N/A", " Not_Adopted ", "not-adopted", "采纳"] {
            assert!(pattern.is_match(yes), "{yes}");
        }
        for no in ["na", "notadopted", "采纳了"] {
            assert!(!pattern.is_match(no), "{no}");
        }
    }
}
