//! Parts by the numbers a reader writes for them: 第九条, 二、（三）, 第三条第二款,
//! 第二章第一节, or a part's `id:`. A number names a part when it is the end of
//! the part's chain of numbers (二、（三） or just （三）) and no other part's
//! chain ends the same way. An attachment written out in full is named as it
//! is printed (附件1, or 附件 when it is the only one), and a row of its
//! tables as 附件1第8行: the eighth row below the header, its tables' rows
//! counted on from one table to the next.

use std::collections::HashMap;

use super::Place;
use crate::numbering::numerals::{chinese, parse_chinese};

use crate::numbering::{Document, Section};

struct Entry {
    anchor: String,
    /// The parent part's entry.
    parent: Option<usize>,
    /// Labels from the top part down to this one, empty ones left out.
    chain: Vec<String>,
    /// Its own paragraphs (款 of an article).
    paragraphs: usize,
    order: usize,
}

/// Every part of a draft by every way of naming it.
pub struct Labels {
    entries: Vec<Entry>,
    keys: HashMap<String, Vec<usize>>,
    by_anchor: HashMap<String, usize>,
    /// The attachments written out in full: label, anchor, and how many
    /// table rows below their headers they hold.
    attachments: Vec<(String, String, usize)>,
}

/// 附件, 附件1, 附件1第8行, 附件第八行.
static ATTACHMENT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(附件[0-9]*)(?:第([0-9]+|[〇零一二三四五六七八九十百千]+)行)?$").unwrap()
});

/// How a reader's number is compared: no spaces, brackets full-width,
/// 第（三）项 and 第三项 as the item's own label （三）.
fn normalise(text: &str) -> String {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '(' => '（',
            ')' => '）',
            '．' => '.',
            c => c,
        })
        .collect();
    static ITEM: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"第（?([〇零一二三四五六七八九十百千]+)）?项").unwrap()
    });
    t = ITEM.replace_all(&t, "（$1）").into_owned();
    t
}

impl Labels {
    pub fn new(doc: &Document) -> Labels {
        fn visit(
            s: &Section,
            parent: Option<usize>,
            chain: &mut Vec<String>,
            out: &mut Vec<Entry>,
        ) {
            let pushed = !s.label.is_empty();
            if pushed {
                chain.push(s.label.clone());
            }
            let me = out.len();
            out.push(Entry {
                anchor: s.anchor.clone(),
                parent,
                chain: chain.clone(),
                paragraphs: s.paragraphs().count(),
                order: me + 1,
            });
            for c in s.children() {
                visit(c, Some(me), chain, out);
            }
            if pushed {
                chain.pop();
            }
        }
        let mut entries = Vec::new();
        for s in &doc.sections {
            visit(s, None, &mut Vec::new(), &mut entries);
        }
        let mut keys: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, e) in entries.iter().enumerate() {
            for k in 0..e.chain.len() {
                keys.entry(e.chain[k..].concat()).or_default().push(i);
            }
        }
        for (i, s) in doc.walk().iter().enumerate() {
            if let Some(id) = &s.id {
                keys.entry(id.0.clone()).or_default().push(i);
            }
        }
        let by_anchor = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.anchor.clone(), i))
            .collect();
        let attachments = doc
            .attachments
            .iter()
            .map(|a| {
                fn rows(body: &[crate::numbering::Content]) -> usize {
                    body.iter()
                        .map(|c| match c {
                            crate::numbering::Content::Table(t) => t.rows.len(),
                            crate::numbering::Content::Section(s) => rows(&s.body),
                            crate::numbering::Content::Para(_) => 0,
                        })
                        .sum()
                }
                let rows = rows(&a.body);
                (a.label.clone(), a.anchor.clone(), rows)
            })
            .collect();
        Labels {
            entries,
            keys,
            by_anchor,
            attachments,
        }
    }

    /// An attachment, or a row of its tables, by the name a reader writes
    /// (附件1第8行); `None` when `wanted` is not such a name.
    fn attachment(&self, wanted: &str, text: &str) -> Option<Result<Place, (String, String)>> {
        let caps = ATTACHMENT.captures(wanted)?;
        let named = &caps[1];
        // 附件1 of a document whose one attachment is printed 附件, and the
        // other way round.
        let only = self.attachments.len() == 1 && matches!(named, "附件" | "附件1");
        let Some(at) = self
            .attachments
            .iter()
            .position(|(label, _, _)| label == named || only)
        else {
            return Some(Err((
                crate::tr!("comments-unknown-target", target = text),
                crate::tr!(
                    "comments-no-such-attachment-help",
                    count = self.attachments.len()
                ),
            )));
        };
        let (label, anchor, rows) = &self.attachments[at];
        let row = caps.get(2).map(|n| {
            n.as_str()
                .parse()
                .ok()
                .or_else(|| parse_chinese(n.as_str()).map(|n| n as usize))
        });
        // After the body, in the attachments' order, each row in its place.
        let order = self.entries.len() + 1 + at * 100_000;
        Some(match row {
            None => Ok(Place {
                anchor: Some(anchor.clone()),
                label: label.clone(),
                order,
            }),
            Some(Some(row)) if (1..=*rows).contains(&row) => Ok(Place {
                anchor: Some(anchor.clone()),
                label: format!("{label}第{row}行"),
                order: order + row,
            }),
            Some(_) => Err((
                crate::tr!("comments-no-such-row", target = text, count = *rows),
                crate::tr!("comments-no-such-row-help", attachment = label.as_str()),
            )),
        })
    }

    /// A part's place in reading order (1 for the first part).
    pub fn order(&self, anchor: &str) -> Option<usize> {
        Some(self.entries[*self.by_anchor.get(anchor)?].order)
    }

    /// Whether the part `anchor` is `ancestor` or inside it.
    pub fn within(&self, anchor: &str, ancestor: &str) -> bool {
        self.ancestors(anchor).any(|a| a == ancestor)
    }

    /// The part `anchor` and every part it is in, innermost first.
    pub fn ancestors<'a>(&'a self, anchor: &str) -> impl Iterator<Item = &'a str> + 'a {
        let mut at = self.by_anchor.get(anchor).copied();
        std::iter::from_fn(move || {
            let i = at?;
            at = self.entries[i].parent;
            Some(self.entries[i].anchor.as_str())
        })
    }

    /// The shortest way to name a part that names only it: （三） where that
    /// is unique, 二、（三） where it is not; none for a part no number names
    /// alone (an unnumbered part shares its parent's numbers).
    pub fn display(&self, anchor: &str) -> Option<String> {
        let e = &self.entries[*self.by_anchor.get(anchor)?];
        (0..e.chain.len())
            .rev()
            .map(|k| e.chain[k..].concat())
            .find(|key| self.keys.get(key).is_some_and(|v| v.len() == 1))
    }

    /// The part a reader's number names, or why none does.
    pub fn find(&self, text: &str) -> Result<Place, (String, String)> {
        self.find_suggesting(text, true)
    }

    /// [`Labels::find`], saying for a number no part has the nearest one
    /// only if `suggest` (the search compares it with every part's numbers).
    pub fn find_suggesting(&self, text: &str, suggest: bool) -> Result<Place, (String, String)> {
        let wanted = normalise(text);
        if let Some(found) = self.attachment(&wanted, text) {
            return found;
        }
        // 第三条第二款: the article, and its second paragraph.
        let (base, paragraph) = match wanted.strip_suffix('款').and_then(|t| t.rsplit_once('第'))
        {
            Some((base, n)) if !base.is_empty() => match parse_chinese(n) {
                Some(n) => (base.to_string(), Some(n as usize)),
                None => (wanted.clone(), None),
            },
            _ => (wanted.clone(), None),
        };
        let Some(found) = self.keys.get(&base) else {
            let nearest = self
                .keys
                .keys()
                .filter(|_| suggest)
                .filter(|k| self.keys[*k].len() == 1)
                .map(|k| (strsim::jaro_winkler(&base, k), k))
                .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
            let help = match nearest {
                Some((score, k)) if score > 0.7 => {
                    crate::tr!("comments-unknown-target-help-near", near = k.as_str())
                }
                _ => crate::tr!("comments-unknown-target-help"),
            };
            return Err((crate::tr!("comments-unknown-target", target = text), help));
        };
        if found.len() > 1 {
            let names: Vec<String> = found
                .iter()
                .take(4)
                .map(|&i| self.entries[i].chain.concat())
                .collect();
            return Err((
                crate::tr!(
                    "comments-ambiguous-target",
                    target = text,
                    count = found.len()
                ),
                crate::tr!(
                    "comments-ambiguous-target-help",
                    names = names.join(&crate::tr!("load-list-separator"))
                ),
            ));
        }
        let e = &self.entries[found[0]];
        let mut label = self.display(&e.anchor).unwrap_or_else(|| text.to_string());
        if let Some(n) = paragraph {
            if n == 0 || n > e.paragraphs {
                return Err((
                    crate::tr!(
                        "comments-no-such-clause",
                        target = base.as_str(),
                        count = e.paragraphs,
                        clause = n
                    ),
                    crate::tr!(
                        "comments-no-such-clause-help",
                        last = chinese(e.paragraphs as u64)
                    ),
                ));
            }
            label.push_str(&format!("第{}款", chinese(n as u64)));
        }
        Ok(Place {
            anchor: Some(e.anchor.clone()),
            label,
            order: e.order,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_forms_read_as_the_items_label() {
        assert_eq!(normalise("第九条第（三）项"), "第九条（三）");
        assert_eq!(normalise("第九条 第三项"), "第九条（三）");
        assert_eq!(normalise("二、(三)"), "二、（三）");
    }
}
