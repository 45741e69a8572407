//! References to numbered parts written out in a text: 第十六条,
//! 第二十八条第二款, 第十六条和第十七条, 第十六条至第二十条, 第五条第一款第（三）项 —
//! found with their span and what they name, and told internal (本法第十六条,
//! a bare 第十六条) or not (刑法第十六条, 《……》第五条). The comparison
//! resolves them against a draft; lint checks them; import can turn them
//! into references by id.

use super::Number;
use super::numerals::parse_chinese;

/// One reference in a text: its byte span and what it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub start: usize,
    pub end: usize,
    /// The article (第十六条, 第一百二十条之一), if named.
    pub article: Option<Number>,
    /// The paragraph of the article (第二款).
    pub clause: Option<u32>,
    /// The item (第（三）项) and sub-item (第二目).
    pub item: Option<u32>,
    pub subitem: Option<u32>,
    /// Whether it names a part of this draft (本法第十六条, 依照第十六条),
    /// not of another law (刑法第十六条).
    pub internal: bool,
    /// Whether it is read from the part it sits in: 前款第二项, 本条第一款.
    pub relative: bool,
}

const NUMERALS: &str = "零〇一二三四五六七八九十百千两";
/// Names a document ends with when a reference is to it: 刑法第十六条.
const DOCUMENT_ENDINGS: [&str; 12] = [
    "法", "条例", "规定", "办法", "决定", "解释", "细则", "规则", "通则", "章程", "意见", "措施",
];
/// What joins the references of a list: 第十六条、第十七条和第二十条.
const JOINERS: [&str; 8] = ["、", "和", "及", "或", "至", "到", "以及", "或者"];

/// Reads `第` + numeral (or `第（numeral）`) + unit at `at`; returns the
/// number, the unit and the byte length.
fn numbered_unit(text: &str, at: usize) -> Option<(u32, char, usize)> {
    let rest = text[at..].strip_prefix('第')?;
    let (inner, bracketed) = match rest.strip_prefix('（') {
        Some(r) => (r, true),
        None => (rest, false),
    };
    let digits = inner
        .char_indices()
        .find(|(_, c)| !NUMERALS.contains(*c))
        .map_or(inner.len(), |(i, _)| i);
    let value = u32::try_from(parse_chinese(&inner[..digits])?).ok()?;
    let mut after = &inner[digits..];
    if bracketed {
        after = after.strip_prefix('）')?;
    }
    let unit = after.chars().next()?;
    if !"条款项目".contains(unit) {
        return None;
    }
    let len = text.len() - at - after.len() + unit.len_utf8();
    Some((value, unit, len))
}

/// The references in a plain text, in order.
pub fn find(text: &str) -> Vec<Reference> {
    let mut out: Vec<Reference> = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find('第') {
        let start = at + found;
        let mut r = Reference {
            start,
            end: start,
            article: None,
            clause: None,
            item: None,
            subitem: None,
            internal: true,
            relative: false,
        };
        // 第X条之Y, then 第Y款, 第（Z）项, 第W目, in that order.
        let mut rank = 0;
        while let Some((value, unit, len)) = numbered_unit(text, r.end) {
            let this = match unit {
                '条' => 1,
                '款' => 2,
                '项' => 3,
                _ => 4,
            };
            if this <= rank {
                break;
            }
            rank = this;
            r.end += len;
            match unit {
                '条' => {
                    let mut number = Number {
                        ordinal: value,
                        sub: 0,
                    };
                    if let Some(rest) = text[r.end..].strip_prefix('之') {
                        let digits = rest
                            .char_indices()
                            .find(|(_, c)| !NUMERALS.contains(*c))
                            .map_or(rest.len(), |(i, _)| i);
                        if let Some(sub) = parse_chinese(&rest[..digits])
                            .and_then(|s| u32::try_from(s).ok())
                            .filter(|_| digits > 0)
                        {
                            number.sub = sub;
                            r.end += '之'.len_utf8() + digits;
                        }
                    }
                    r.article = Some(number);
                }
                '款' => r.clause = Some(value),
                '项' => r.item = Some(value),
                _ => r.subitem = Some(value),
            }
        }
        if r.end == start {
            at = start + '第'.len_utf8();
            continue;
        }
        r.internal = internal(text, start, out.last());
        r.relative = r.article.is_none() && text[..start].ends_with(['款', '条', '该', '本', '前']);
        at = r.end;
        out.push(r);
    }
    out
}

/// Whether the reference starting at `start` names a part of this draft:
/// 本法第十六条 and a bare 第十六条 do; 刑法第十六条 and 《……》第十六条 do
/// not; in a list (第十六条、第十七条) each is what the first is.
fn internal(text: &str, start: usize, previous: Option<&Reference>) -> bool {
    let before = &text[..start];
    if let Some(p) = previous {
        let between = &text[p.end..start];
        if JOINERS.contains(&between) {
            return p.internal;
        }
    }
    if before.ends_with('》') {
        return false;
    }
    // 本法, 本条例, 本办法: this draft; any other name (刑法): another
    // document. 办法 also ends in 法, so every ending that fits is tried.
    let mut endings = DOCUMENT_ENDINGS
        .iter()
        .filter(|e| before.ends_with(*e))
        .peekable();
    if endings.peek().is_none() {
        return true;
    }
    endings.any(|ending| before[..before.len() - ending.len()].ends_with('本'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(&str, bool)> {
        find(text)
            .iter()
            .map(|r| (&text[r.start..r.end], r.internal))
            .collect()
    }

    #[test]
    fn references_are_found_whole_and_told_internal_or_not() {
        assert_eq!(
            spans("依照本法第十六条和第十七条的规定"),
            [("第十六条", true), ("第十七条", true)]
        );
        assert_eq!(
            spans("违反本条例第二十八条第二款第（三）项规定的"),
            [("第二十八条第二款第（三）项", true)]
        );
        assert_eq!(
            spans("依照刑法第一百二十条之一、第一百二十条之二的规定"),
            [("第一百二十条之一", false), ("第一百二十条之二", false)]
        );
        assert_eq!(spans("违反本办法第九十条"), [("第九十条", true)]);
        assert_eq!(spans("依照管理办法第九条"), [("第九条", false)]);
        assert_eq!(
            spans("《中华人民共和国行政处罚法》第五条"),
            [("第五条", false)]
        );
        // Relative to the article it sits in: kept whole, never resolved.
        assert_eq!(spans("前款第二项"), [("第二项", true)]);
        assert_eq!(find("前款第二项")[0].article, None);
        assert_eq!(spans("第一次会议"), []);
        assert_eq!(
            spans("第十六条至第二十条"),
            [("第十六条", true), ("第二十条", true)]
        );
        let r = &find("第一百二十条之一第二款")[0];
        assert_eq!(
            r.article,
            Some(Number {
                ordinal: 120,
                sub: 1
            })
        );
        assert_eq!(r.clause, Some(2));
    }
}
