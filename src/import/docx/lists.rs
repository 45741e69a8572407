//! Word's automatic list numbering: the lists of `numbering.xml`, the
//! number Word shows in front of each paragraph they number, and numbers in
//! Word's formats (the styles that number their paragraphs are read with
//! the styles).

use std::collections::HashMap;

use roxmltree::{Document, Node};

use super::{Reader, attr, child, is_w};
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

/// A level text longer than any Word writes (`第%1条`, `%1.%2.`) is a
/// damaged or hostile file's: each `%1` in it becomes a number, and a
/// thousand of them on each of a thousand paragraphs would be a gigabyte.
const MAX_LEVEL_TEXT: usize = 64;

/// How many levels a list has.
const LEVELS: usize = 9;

/// The lists of `numbering.xml`, each level kept once where it is defined
/// (a list that only names another costs no more than its name) and a
/// list's levels put together when a paragraph is numbered by it.
#[derive(Debug, Default)]
pub(super) struct Lists {
    /// Abstract lists: the levels each defines.
    abstracts: HashMap<String, Vec<(usize, ListLevel)>>,
    /// Lists (`w:num`): the abstract list each follows, and its overrides
    /// (a start value, and a level redefined whole).
    nums: HashMap<String, Num>,
}

#[derive(Debug)]
struct Num {
    abstract_id: String,
    starts: Vec<(usize, u64)>,
    levels: Vec<(usize, ListLevel)>,
}

impl Lists {
    pub(super) fn new(doc: &Document) -> Lists {
        let read_levels = |n: Node| -> Vec<(usize, ListLevel)> {
            n.children()
                .filter(|c| is_w(c, "lvl"))
                .filter_map(|lvl| {
                    let value = |name: &str| child(&lvl, name).and_then(|c| attr(&c, "val"));
                    let ilvl = attr(&lvl, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                    let text = value("lvlText").unwrap_or("");
                    (ilvl < LEVELS).then(|| {
                        (
                            ilvl,
                            ListLevel {
                                format: value("numFmt").unwrap_or("decimal").to_string(),
                                text: if text.chars().count() > MAX_LEVEL_TEXT {
                                    String::new()
                                } else {
                                    text.to_string()
                                },
                                start: value("start").and_then(|v| v.parse().ok()).unwrap_or(1),
                                suffix: value("suff").unwrap_or("tab").to_string(),
                            },
                        )
                    })
                })
                .collect()
        };
        let mut lists = Lists::default();
        for a in doc.descendants().filter(|n| is_w(n, "abstractNum")) {
            if let Some(id) = attr(&a, "abstractNumId") {
                lists.abstracts.insert(id.to_string(), read_levels(a));
            }
        }
        for num in doc.descendants().filter(|n| is_w(n, "num")) {
            let (Some(id), Some(abs)) = (
                attr(&num, "numId"),
                child(&num, "abstractNumId").and_then(|c| attr(&c, "val")),
            ) else {
                continue;
            };
            let mut list = Num {
                abstract_id: abs.to_string(),
                starts: Vec::new(),
                levels: Vec::new(),
            };
            for o in num.children().filter(|c| is_w(c, "lvlOverride")) {
                let Some(i) = attr(&o, "ilvl")
                    .and_then(|v| v.parse::<usize>().ok())
                    .filter(|i| *i < LEVELS)
                else {
                    continue;
                };
                if let Some(start) = child(&o, "startOverride")
                    .and_then(|c| attr(&c, "val"))
                    .and_then(|v| v.parse().ok())
                {
                    list.starts.push((i, start));
                }
                // An override may redefine the level whole.
                if let Some((_, level)) = read_levels(o).into_iter().next() {
                    list.levels.push((i, level));
                }
            }
            lists.nums.insert(id.to_string(), list);
        }
        lists
    }

    /// The nine levels of a list (`numId`), as its paragraphs are numbered.
    pub(super) fn levels(&self, id: &str) -> Option<Vec<ListLevel>> {
        let num = self.nums.get(id)?;
        let defined = self.abstracts.get(&num.abstract_id)?;
        let mut levels = vec![
            ListLevel {
                format: "decimal".into(),
                text: String::new(),
                start: 1,
                suffix: "tab".into(),
            };
            LEVELS
        ];
        for (i, level) in defined {
            levels[*i] = level.clone();
        }
        for (i, start) in &num.starts {
            levels[*i].start = *start;
        }
        for (i, level) in &num.levels {
            levels[*i] = level.clone();
        }
        Some(levels)
    }
}

/// A list and a level of it: (numId, ilvl).
pub(super) type ListRef = (String, usize);

impl Reader {
    /// The number Word shows in front of a paragraph, if its list numbers it.
    pub(super) fn list_label(&mut self, p: Node) -> Option<String> {
        let ppr = child(&p, "pPr");
        let direct = ppr.and_then(|pp| child(&pp, "numPr")).map(|n| {
            (
                child(&n, "numId")
                    .and_then(|c| attr(&c, "val"))
                    .map(str::to_string),
                child(&n, "ilvl")
                    .and_then(|c| attr(&c, "val"))
                    .and_then(|v| v.parse().ok()),
            )
        });
        let style = ppr
            .and_then(|pp| child(&pp, "pStyle"))
            .and_then(|s| attr(&s, "val"))
            .and_then(|s| self.styles.numbering.get(s).cloned());
        let (id, ilvl) = match (direct, style) {
            (Some((Some(id), ilvl)), style) => (id, ilvl.or(style.map(|s| s.1)).unwrap_or(0)),
            (Some((None, ilvl)), Some((id, level))) => (id, ilvl.unwrap_or(level)),
            (None, Some((id, level))) => (id, level),
            _ => return None,
        };
        let levels = self.lists.levels(&id)?;
        let level = levels.get(ilvl)?;
        if level.format == "bullet" {
            return None;
        }
        let counters = self.counters.entry(id).or_insert_with(|| vec![None; 9]);
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1)));
        for deeper in counters.iter_mut().skip(ilvl + 1) {
            *deeper = None;
        }
        let mut label = level.text.clone();
        for (i, l) in levels.iter().enumerate().take(ilvl + 1).rev() {
            let n = counters[i].unwrap_or(l.start);
            label = label.replace(&format!("%{}", i + 1), &format_number(n, &l.format));
        }
        let gap = match level.suffix.as_str() {
            "nothing" => "",
            _ if label.ends_with(['、', '）', ')', '.', '．']) => "",
            _ => " ",
        };
        Some(format!("{label}{gap}"))
    }
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
