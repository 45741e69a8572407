//! Characters a reader cannot see, or that change how the text around them is
//! shown: control characters and the bidirectional (bidi) formatting marks
//! such as U+202E RIGHT-TO-LEFT OVERRIDE, which make a line display in an
//! order other than the one it is stored in. The loader refuses them in
//! author text, the importer removes them, and messages that quote a line
//! show them as `<U+202E>` instead of letting them act.

/// A bidirectional formatting character: embeddings, overrides, isolates and
/// the invisible direction marks.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The character's Unicode name, for the ones a message may need to name.
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        _ => return None,
    })
}

/// A character that must not reach an output from author text: a control
/// character other than the line break and tab, or a bidi control.
pub fn is_forbidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r')) || is_bidi_control(c)
}

/// Text for a message: forbidden characters written as `<U+202E>`, so
/// quoting the author's text can neither reorder nor hide what is shown.
pub fn visible(text: &str) -> String {
    escaped_where(text, |c| is_forbidden(c) || (c.is_control() && c != '\n'))
}

/// `text` with each character `hide` picks written as its code point,
/// `<U+001B>`; text holding none comes back as it is.
pub fn escaped_where(text: &str, hide: impl Fn(char) -> bool) -> String {
    if !text.chars().any(&hide) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidi_controls_are_named_and_made_visible() {
        assert!(is_bidi_control('\u{202E}'));
        assert!(is_forbidden('\u{2066}'));
        assert!(!is_forbidden('中'));
        assert!(!is_forbidden('\n'));
        assert_eq!(name('\u{202E}'), Some("RIGHT-TO-LEFT OVERRIDE"));
        assert_eq!(visible("甲\u{202E}乙"), "甲<U+202E>乙");
    }
}
