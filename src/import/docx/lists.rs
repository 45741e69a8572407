//! Word's automatic list numbering: the lists of `numbering.xml`, the
//! styles that number their paragraphs, and numbers in Word's formats.

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{attr, child, is_w};
use crate::numbering::numerals::chinese;

/// One level of a list: how its number is written.
#[derive(Debug, Clone)]
pub(super) struct ListLevel {
    pub(super) format: String,
    pub(super) text: String,
    pub(super) start: u64,
    /// What follows the number: a tab (the default), a space or nothing.
    pub(super) suffix: String,
}

/// The lists of `numbering.xml`: each list (`w:num`) with its levels.
#[derive(Debug, Default)]
pub(super) struct Lists {
    pub(super) levels: HashMap<String, Vec<ListLevel>>,
}

impl Lists {
    pub(super) fn new(doc: &Document) -> Lists {
        let read_levels = |n: Node| -> Vec<(usize, ListLevel)> {
            n.children()
                .filter(|c| is_w(c, "lvl"))
                .map(|lvl| {
                    let value = |name: &str| child(&lvl, name).and_then(|c| attr(&c, "val"));
                    let ilvl = attr(&lvl, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    (
                        ilvl,
                        ListLevel {
                            format: value("numFmt").unwrap_or("decimal").to_string(),
                            text: value("lvlText").unwrap_or("").to_string(),
                            start: value("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                            suffix: value("suff").unwrap_or("tab").to_string(),
                        },
                    )
                })
                .collect()
        };
        let mut abstracts: HashMap<&str, Vec<ListLevel>> = HashMap::new();
        for a in doc.descendants().filter(|n| is_w(n, "abstractNum")) {
            let mut levels = vec![
                ListLevel {
                    format: "decimal".into(),
                    text: String::new(),
                    start: 1,
                    suffix: "tab".into(),
                };
                9
            ];
            for (i, level) in read_levels(a) {
                if i < levels.len() {
                    levels[i] = level;
                }
            }
            if let Some(id) = attr(&a, "abstractNumId") {
                abstracts.insert(id, levels);
            }
        }
        let mut levels = HashMap::new();
        for num in doc.descendants().filter(|n| is_w(n, "num")) {
            let (Some(id), Some(abs)) = (
                attr(&num, "numId"),
                child(&num, "abstractNumId").and_then(|c| attr(&c, "val")),
            ) else {
                continue;
            };
            let Some(mut list) = abstracts.get(abs).cloned() else {
                continue;
            };
            for o in num.children().filter(|c| is_w(c, "lvlOverride")) {
                let Some(i) = attr(&o, "ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if i >= list.len() {
                    continue;
                }
                if let Some(start) = child(&o, "startOverride")
                    .and_then(|c| attr(&c, "val"))
                    .and_then(|v| v.parse().ok())
                {
                    list[i].start = start;
                }
                // An override may redefine the level whole.
                if let Some((_, level)) = read_levels(o).into_iter().next() {
                    list[i] = level;
                }
            }
            levels.insert(id.to_string(), list);
        }
        Lists { levels }
    }
}

/// A list and a level of it: (numId, ilvl).
pub(super) type ListRef = (String, usize);

/// Paragraph styles that number their paragraphs: style id → its list.
pub(super) fn style_numbering(doc: &Document) -> HashMap<String, ListRef> {
    // Each style's own list, and the style it is based on.
    let mut direct: HashMap<String, (Option<ListRef>, Option<String>)> = HashMap::new();
    for s in doc.descendants().filter(|n| is_w(n, "style")) {
        let Some(id) = attr(&s, "styleId") else {
            continue;
        };
        let num = child(&s, "pPr")
            .and_then(|p| child(&p, "numPr"))
            .and_then(|n| {
                let id = child(&n, "numId").and_then(|c| attr(&c, "val"))?;
                let ilvl = child(&n, "ilvl")
                    .and_then(|c| attr(&c, "val"))
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0);
                Some((id.to_string(), ilvl))
            });
        let based = child(&s, "basedOn")
            .and_then(|b| attr(&b, "val"))
            .map(str::to_string);
        direct.insert(id.to_string(), (num, based));
    }
    let mut out = HashMap::new();
    for id in direct.keys() {
        // Follow basedOn (at most ten deep: a loop in a broken file ends).
        let mut at = Some(id.clone());
        for _ in 0..10 {
            let Some((num, based)) = at.as_ref().and_then(|a| direct.get(a)) else {
                break;
            };
            if let Some(num) = num {
                out.insert(id.clone(), num.clone());
                break;
            }
            at = based.clone();
        }
    }
    out
}

/// A number in one of Word's list formats.
pub(super) fn format_number(n: u64, format: &str) -> String {
    let letters = |upper: bool| {
        // a … z, then aa … zz, as Word counts.
        let base = if upper { b'A' } else { b'a' };
        let index = (n.max(1) - 1) as usize;
        let letter = (base + (index % 26) as u8) as char;
        letter.to_string().repeat(index / 26 + 1)
    };
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "japaneseCounting" => chinese(n),
        "ideographTraditional" => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
            .get((n.max(1) - 1) as usize % 10)
            .copied()
            .unwrap_or("")
            .to_string(),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32('①' as u32 + n as u32 - 1).map_or_else(String::new, String::from)
        }
        "decimalZero" if n < 10 => format!("0{n}"),
        // Numbers no list reaches (a damaged or hostile file) are written as
        // digits rather than as a million letters.
        "lowerLetter" if n <= 780 => letters(false),
        "upperLetter" if n <= 780 => letters(true),
        "lowerRoman" if n < 4000 => roman(n).to_lowercase(),
        "upperRoman" if n < 4000 => roman(n),
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u64) -> String {
    let table = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, letters) in table {
        while n >= value {
            out.push_str(letters);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_formats_write_numbers_as_word_shows_them() {
        assert_eq!(format_number(3, "chineseCounting"), "三");
        assert_eq!(format_number(12, "chineseCountingThousand"), "十二");
        assert_eq!(format_number(2, "ideographTraditional"), "乙");
        assert_eq!(format_number(27, "lowerLetter"), "aa");
        assert_eq!(format_number(14, "upperRoman"), "XIV");
        assert_eq!(format_number(3, "decimalEnclosedCircle"), "③");
        assert_eq!(format_number(12, "decimalFullWidth"), "１２");
        // A start value no real list has stays a number.
        assert_eq!(format_number(u64::MAX, "lowerLetter"), u64::MAX.to_string());
        assert_eq!(format_number(1_000_000_000, "upperRoman"), "1000000000");
    }
}
