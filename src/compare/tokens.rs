//! Tokens for inline comparison: Chinese split into words ([`words`]), Latin words
//! and numbers kept whole (2025, 4500, 90%, 2.5%), every punctuation mark and
//! every run of whitespace a token of its own. Diffing these instead of
//! characters keeps 2025 → 2026 one change instead of 202[-5-]{+6+}, and
//! instead of whitespace-separated words keeps a Chinese sentence from being
//! one giant token.

use super::words;

/// What a token is, for classifying a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Space,
}

/// The kind of a single token.
pub fn kind(token: &str) -> TokenKind {
    let Some(first) = token.chars().next() else {
        return TokenKind::Space;
    };
    if first.is_whitespace() || first == '\u{3000}' {
        TokenKind::Space
    } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
        TokenKind::Number
    } else if first.is_alphanumeric() {
        TokenKind::Word
    } else {
        TokenKind::Punctuation
    }
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Splits text into tokens whose concatenation is the text.
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut rest = text;
    while let Some(first) = rest.chars().next() {
        let len = if is_han(first) {
            let run = rest.find(|c: char| !is_han(c)).unwrap_or(rest.len());
            words::segment(&rest[..run], &mut tokens);
            rest = &rest[run..];
            continue;
        } else if first.is_ascii_digit() || ('０'..='９').contains(&first) {
            number_len(rest)
        } else if first.is_alphanumeric() {
            rest.find(|c: char| (is_han(c) || !c.is_alphanumeric()) && c != '_')
                .unwrap_or(rest.len())
        } else if first.is_whitespace() || first == '\u{3000}' {
            rest.find(|c: char| !(c.is_whitespace() || c == '\u{3000}'))
                .unwrap_or(rest.len())
        } else {
            first.len_utf8()
        };
        tokens.push(&rest[..len]);
        rest = &rest[len..];
    }
    tokens
}

/// Length of a number at the start: digits with inner `.`/`,` separators
/// followed by digits, and a trailing `%` or `‰`.
fn number_len(text: &str) -> usize {
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut end = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if digit(c) {
            end = i + c.len_utf8();
        } else if matches!(c, '.' | ',' | '．') && chars.peek().is_some_and(|(_, n)| digit(*n)) {
            continue;
        } else if matches!(c, '%' | '％' | '‰') {
            end = i + c.len_utf8();
            break;
        } else {
            break;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_dictionary_splits_legal_text_into_words() {
        assert_eq!(
            tokenize("编制立法规划和年度立法计划，推进新型城镇化"),
            [
                "编制",
                "立法",
                "规划",
                "和",
                "年度",
                "立法",
                "计划",
                "，",
                "推进",
                "新型",
                "城镇化"
            ]
        );
    }

    #[test]
    fn numbers_and_latin_words_stay_whole_and_chinese_splits_into_words() {
        let t = tokenize(
            "确保高校毕业生就业率达90%以上,城镇登记失业率控制在2.5%以内，投资4,500万元。5G+工业",
        );
        assert!(t.contains(&"90%"), "{t:?}");
        assert!(t.contains(&"2.5%"), "{t:?}");
        assert!(t.contains(&"4,500"), "{t:?}");
        assert!(t.contains(&"5"), "{t:?}");
        assert!(t.contains(&"G"), "{t:?}");
        assert!(t.contains(&"高校"), "{t:?}");
        assert!(t.contains(&","), "{t:?}");
        assert_eq!(
            t.concat(),
            "确保高校毕业生就业率达90%以上,城镇登记失业率控制在2.5%以内，投资4,500万元。5G+工业"
        );
    }

    #[test]
    fn a_trailing_separator_is_not_part_of_the_number() {
        assert_eq!(tokenize("2021."), ["2021", "."]);
        assert_eq!(tokenize("第1,2项"), ["第", "1,2", "项"]);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind("，"), TokenKind::Punctuation);
        assert_eq!(kind("2025"), TokenKind::Number);
        assert_eq!(kind("新型"), TokenKind::Word);
        assert_eq!(kind("\u{3000}"), TokenKind::Space);
    }
}
