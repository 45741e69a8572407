//! A reviewer's tracked changes in a paragraph, each author's as one
//! proposed edit written as an office writes one: 建议将“A”修改为“B”；
//! 建议删去“A”；建议在“X”后增加“B”.

use std::collections::HashMap;

use super::{Change, Paragraph};

/// What a piece of a paragraph is, to one author's proposal.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Kept,
    Deleted,
    Inserted,
    /// Moved away from here; where it went, as a proposal says it.
    Moved(String),
}

impl Paragraph {
    /// Where the passages moved into this paragraph went, by the move's
    /// name: `“X”后`, after the clause before it, or `“Y”前` at the start.
    pub(super) fn destinations(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut before = String::new();
        for (i, s) in self.segments.iter().enumerate() {
            match &s.change {
                Some(c) if c.inserted => {
                    if let Some(name) = &c.moved {
                        let place = match context_before(&self.text, &before) {
                            Some(x) => format!("“{x}”后"),
                            None => {
                                let after: String = self.segments[i + 1..]
                                    .iter()
                                    .filter(|s| !s.change.as_ref().is_some_and(|c| c.inserted))
                                    .map(|s| s.text.as_str())
                                    .collect();
                                format!("“{}”前", context_after(&self.text, &after))
                            }
                        };
                        out.push((name.clone(), place));
                    }
                }
                _ => before.push_str(&s.text),
            }
        }
        out
    }

    /// Each author's tracked changes in the paragraph as one proposal,
    /// written as an office writes a proposed edit: 建议将“A”修改为“B”；
    /// 建议删去“A”；建议在“X”后增加“B”；建议将“A”移至“X”后. Quoted text is
    /// made long enough to be found once in the paragraph. `destinations`:
    /// where each move (by name) went.
    pub(super) fn proposals(
        &self,
        destinations: &HashMap<String, String>,
    ) -> Vec<(Change, String)> {
        let mut authors: Vec<&Change> = Vec::new();
        for c in self.segments.iter().filter_map(|s| s.change.as_ref()) {
            if !authors.iter().any(|a| a.author == c.author) {
                authors.push(c);
            }
        }
        authors
            .into_iter()
            .map(|who| {
                // The paragraph as this author found it, and their edits:
                // another author's deletions read as kept, their insertions
                // as not there. A move's far end is said where it left.
                let mut pieces: Vec<(Kind, String)> = Vec::new();
                for s in &self.segments {
                    let kind = match &s.change {
                        Some(c) if c.author == who.author => match (&c.moved, c.inserted) {
                            (Some(name), true) if destinations.contains_key(name) => continue,
                            (Some(name), false) => match destinations.get(name) {
                                Some(place) => Kind::Moved(place.clone()),
                                None => Kind::Deleted,
                            },
                            (_, true) => Kind::Inserted,
                            (_, false) => Kind::Deleted,
                        },
                        Some(c) if c.inserted => continue,
                        _ => Kind::Kept,
                    };
                    match pieces.last_mut() {
                        Some((k, text)) if *k == kind => text.push_str(&s.text),
                        _ => pieces.push((kind, s.text.clone())),
                    }
                }
                (who.clone(), proposal(&pieces))
            })
            .filter(|(_, p)| !p.is_empty())
            .collect()
    }
}

/// A paragraph mark deleted, two paragraphs run into one, said as an office
/// says it: 建议将“…本段末尾”与下一段“下段开头…”合为一段. Joined to the
/// same author's other edits in the paragraph, as one proposal.
pub(super) fn add_join(
    proposals: &mut Vec<(Change, String)>,
    who: &Change,
    text: &str,
    next: &str,
) {
    const SHOWN: usize = 10;
    let chars: Vec<char> = text.trim_end().chars().collect();
    let tail: String = chars[chars.len().saturating_sub(SHOWN)..].iter().collect();
    let head: String = next.trim_start().chars().take(SHOWN).collect();
    let phrase = format!(
        "建议将“{}{tail}”与下一段“{head}{}”合为一段",
        if chars.len() > SHOWN { "……" } else { "" },
        if next.trim_start().chars().count() > SHOWN {
            "……"
        } else {
            ""
        },
    );
    match proposals.iter_mut().find(|(c, _)| c.author == who.author) {
        Some((_, said)) => {
            let said_so_far = said.trim_end_matches('。').to_string();
            *said = format!("{said_so_far}；{phrase}。");
        }
        None => proposals.push((who.clone(), format!("{phrase}。"))),
    }
}

/// The proposal of one author's edits: `pieces` in order, each kept,
/// deleted, inserted or moved away.
fn proposal(pieces: &[(Kind, String)]) -> String {
    let original: String = pieces
        .iter()
        .filter(|(k, _)| *k != Kind::Inserted)
        .map(|(_, t)| t.as_str())
        .collect();
    let mut phrases = Vec::new();
    let mut before = String::new();
    let mut i = 0;
    while i < pieces.len() {
        match &pieces[i].0 {
            Kind::Kept => {
                before.push_str(&pieces[i].1);
                i += 1;
                continue;
            }
            Kind::Moved(place) => {
                let moved = pieces[i].1.trim();
                if !moved.is_empty() {
                    let lead = unique_lead(&original, &before, moved);
                    phrases.push(format!("建议将“{lead}{moved}”移至{place}"));
                }
                before.push_str(&pieces[i].1);
                i += 1;
                continue;
            }
            Kind::Deleted | Kind::Inserted => {}
        }
        let (mut deleted, mut inserted) = (String::new(), String::new());
        while let Some((kind @ (Kind::Deleted | Kind::Inserted), text)) = pieces.get(i) {
            if *kind == Kind::Inserted {
                inserted.push_str(text);
            } else {
                deleted.push_str(text);
            }
            i += 1;
        }
        let after: String = pieces[i..]
            .iter()
            .take_while(|(k, _)| *k == Kind::Kept)
            .map(|(_, t)| t.as_str())
            .collect();
        let (mut deleted_t, mut inserted_t) = (deleted.trim(), inserted.trim());
        // A replacement that only takes words away (全力推进 → 推进) is a
        // deletion of those words.
        let mut lead_from = before.clone();
        if !inserted_t.is_empty() && deleted_t.len() > inserted_t.len() {
            if let Some(cut) = deleted_t.strip_suffix(inserted_t) {
                deleted_t = cut;
                inserted_t = "";
            } else if let Some(cut) = deleted_t.strip_prefix(inserted_t) {
                lead_from.push_str(inserted_t);
                deleted_t = cut;
                inserted_t = "";
            }
        }
        let phrase = if !deleted_t.is_empty() {
            let lead = unique_lead(&original, &lead_from, deleted_t);
            if inserted_t.is_empty() {
                format!("建议删去“{lead}{deleted_t}”")
            } else {
                format!("建议将“{lead}{deleted_t}”修改为“{lead}{inserted_t}”")
            }
        } else if !inserted_t.is_empty() {
            match context_before(&original, &before) {
                Some(x) => format!("建议在“{x}”后增加“{inserted_t}”"),
                None => format!(
                    "建议在“{}”前增加“{inserted_t}”",
                    context_after(&original, &after)
                ),
            }
        } else {
            String::new()
        };
        if !phrase.is_empty() {
            phrases.push(phrase);
        }
        before.push_str(&deleted);
    }
    if phrases.is_empty() {
        String::new()
    } else {
        format!("{}。", phrases.join("；"))
    }
}

/// The fewest characters of `before` to put in front of `quoted` so that
/// it is found once in the paragraph: none when it already is, else two or
/// more (a Chinese word is mostly two characters, and one reads as a
/// fragment: “促进发展”, not “进发展”).
fn unique_lead(original: &str, before: &str, quoted: &str) -> String {
    let chars: Vec<char> = before.chars().collect();
    if original.matches(quoted).count() <= 1 {
        return String::new();
    }
    for k in 2.min(chars.len())..=chars.len().min(12) {
        let lead: String = chars[chars.len() - k..].iter().collect();
        if original.matches(&format!("{lead}{quoted}")).count() <= 1 {
            return lead;
        }
    }
    String::new()
}

/// Marks that end a clause.
fn ends_clause(c: char) -> bool {
    "，。、；：？！,.;:?!“”《》（）()".contains(c)
}

/// What comes before an insertion, quoted to say where it goes: the clause
/// it ends (加快回族医院新建项目) where that is short and found once, else the
/// fewest characters found once (at least four, or what there is); none at
/// the paragraph's start.
fn context_before(original: &str, before: &str) -> Option<String> {
    let chars: Vec<char> = before.trim_end().chars().collect();
    if chars.is_empty() {
        return None;
    }
    // The clause the insertion follows, with the mark that ends it, if any.
    let marks = chars.iter().rev().take_while(|c| ends_clause(**c)).count();
    let words = &chars[..chars.len() - marks];
    let start = words.len() - words.iter().rev().take_while(|c| !ends_clause(**c)).count();
    let clause: String = chars[start..].iter().collect();
    let n = clause.chars().count() - marks;
    if (2..=16).contains(&n) && original.matches(&clause).count() <= 1 {
        return Some(clause);
    }
    for k in 4.min(chars.len())..=chars.len().min(16) {
        let x: String = chars[chars.len() - k..].iter().collect();
        if original.matches(&x).count() <= 1 {
            return Some(x);
        }
    }
    Some(chars[chars.len() - chars.len().min(16)..].iter().collect())
}

/// What comes after an insertion at a paragraph's start: the clause it
/// begins where short and found once, else the fewest characters found once.
fn context_after(original: &str, after: &str) -> String {
    let chars: Vec<char> = after.trim_start().chars().collect();
    let clause: String = chars.iter().take_while(|c| !ends_clause(**c)).collect();
    let n = clause.chars().count();
    if (2..=16).contains(&n) && original.matches(&clause).count() <= 1 {
        return clause;
    }
    for k in 4.min(chars.len())..=chars.len().min(16) {
        let x: String = chars[..k].iter().collect();
        if original.matches(&x).count() <= 1 {
            return x;
        }
    }
    chars[..chars.len().min(16)].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(t: &str) -> (Kind, String) {
        (Kind::Kept, t.to_string())
    }
    fn deleted(t: &str) -> (Kind, String) {
        (Kind::Deleted, t.to_string())
    }
    fn inserted(t: &str) -> (Kind, String) {
        (Kind::Inserted, t.to_string())
    }

    #[test]
    fn edits_read_as_an_office_proposes_them() {
        assert_eq!(
            proposal(&[
                kept("持续推进以人为核心的新型"),
                deleted("化"),
                inserted("城镇化"),
                kept("，不断增强")
            ]),
            "建议将“化”修改为“城镇化”。"
        );
        assert_eq!(
            proposal(&[kept("全年培训"), deleted("4500"), kept("人次")]),
            "建议删去“4500”。"
        );
        assert_eq!(
            proposal(&[
                kept("加快回族医院新建项目"),
                inserted("前期工作"),
                kept("。")
            ]),
            "建议在“加快回族医院新建项目”后增加“前期工作”。"
        );
        assert_eq!(
            proposal(&[inserted("（一）"), kept("推进常住人口")]),
            "建议在“推进常住人口”前增加“（一）”。"
        );
        // Two edits of one author: one proposal.
        assert_eq!(
            proposal(&[
                kept("甲乙丙丁"),
                deleted("戊"),
                kept("己庚辛壬"),
                deleted("癸"),
                inserted("子")
            ]),
            "建议删去“戊”；建议将“癸”修改为“子”。"
        );
    }

    #[test]
    fn a_deleted_paragraph_mark_is_a_proposal_to_join_the_two() {
        let who = Change {
            inserted: false,
            author: "张三".into(),
            date: None,
            moved: None,
        };
        let mut proposals = Vec::new();
        add_join(
            &mut proposals,
            &who,
            "坚持统筹推进。",
            "加快城乡融合发展步伐，提升质量。",
        );
        assert_eq!(
            proposals[0].1,
            "建议将“坚持统筹推进。”与下一段“加快城乡融合发展步伐……”合为一段。"
        );
        // With the same author's edit in the paragraph: one proposal.
        let mut proposals = vec![(who.clone(), "建议删去“统筹”。".to_string())];
        add_join(
            &mut proposals,
            &who,
            "推进以人为核心的新型城镇化建设工作。",
            "二段",
        );
        assert_eq!(proposals.len(), 1);
        assert_eq!(
            proposals[0].1,
            "建议删去“统筹”；建议将“……新型城镇化建设工作。”与下一段“二段”合为一段。"
        );
    }

    #[test]
    fn a_replacement_that_only_takes_words_away_is_a_deletion() {
        assert_eq!(
            proposal(&[
                deleted("全力推进曹家寨"),
                inserted("推进曹家寨"),
                kept("片区")
            ]),
            "建议删去“全力”。"
        );
        assert_eq!(
            proposal(&[kept("甲"), deleted("推进工作"), inserted("推进")]),
            "建议删去“工作”。"
        );
        // One that adds words stays a replacement.
        assert_eq!(
            proposal(&[kept("新型"), deleted("新型化"), inserted("新型城镇化")]),
            "建议将“新型化”修改为“新型城镇化”。"
        );
    }

    #[test]
    fn a_quoted_word_the_paragraph_has_twice_takes_what_comes_before_it() {
        // 发展 is twice in the paragraph: the deletion is quoted with the
        // characters before it that make it one.
        assert_eq!(
            proposal(&[kept("推动发展，促进"), deleted("发展"), kept("。")]),
            "建议删去“促进发展”。"
        );
        assert_eq!(
            proposal(&[kept("推动发展，促进"), deleted("发展"), inserted("繁荣")]),
            "建议将“促进发展”修改为“促进繁荣”。"
        );
    }
}
