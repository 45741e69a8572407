//! How a redline names changes and places: 修改 / 新增 …, 二、（一） or
//! 第十一条（二）, 标题, and the one-line headline of each change.

use super::segments::{Segment, SegmentKind};
use crate::compare::inline::EditClass;
use crate::compare::{Change, ChangeKind, PartRef, Place, RelationKind};
use crate::model::Role;

/// A modification that only renumbers references with the parts they name.
pub(super) const REFERENCE_ZH: &str = "引用序号调整";

/// What a change is called in the lists: its kind, or 引用序号调整 for a
/// modification that only renumbers references.
pub(super) fn change_zh(change: &Change) -> &'static str {
    if change.kind == ChangeKind::Modified && change.reference_only() {
        REFERENCE_ZH
    } else {
        kind_zh(change.kind)
    }
}

pub(super) fn kind_zh(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Modified => "修改",
        ChangeKind::Inserted => "新增",
        ChangeKind::Deleted => "删除",
        ChangeKind::Moved => "移动",
        ChangeKind::Renumbered => "重新编号",
    }
}

pub(super) fn where_text(change: &Change, r: &Option<PartRef>) -> String {
    match change.place {
        Place::Meta => change.field.map_or("其他", |f| f.label()).to_string(),
        Place::Preamble => r
            .as_ref()
            .map_or("前言".into(), |r| format!("前言第{}段", r.index + 1)),
        Place::Closing => r
            .as_ref()
            .map_or("结尾".into(), |r| format!("结尾第{}段", r.index + 1)),
        // 附件1《…》第8行, 附件1《…》“牵头单位”列.
        Place::Table => r.as_ref().map_or(String::new(), |r| {
            format!("{}{}", r.path.first().map_or("", String::as_str), r.label)
        }),
        Place::Body => r.as_ref().map_or(String::new(), |r| {
            let me = if r.label.is_empty() {
                r.heading.clone().unwrap_or_default()
            } else {
                r.label.clone()
            };
            let nearest = |role: Role| {
                r.ancestors
                    .iter()
                    .rev()
                    .find(|a| a.role == role)
                    .map_or("", |a| a.label.as_str())
            };
            let named = match r.level {
                // An item is named by its article: 第十一条（二）, 第十一条（二）3.
                Role::Item => format!("{}{me}", nearest(Role::Article)),
                Role::Subitem => format!("{}{}{me}", nearest(Role::Article), nearest(Role::Item)),
                // Outline levels 2–4 read with their level-1 part: 二、（一）.
                Role::L2 | Role::L3 | Role::L4 => format!("{}{me}", nearest(Role::L1)),
                _ => me,
            };
            // A part of an attachment is named with it: 附件1一、（二）.
            match r.ancestors.first() {
                Some(a) if a.label.starts_with("附件") => format!("{}{named}", a.label),
                _ => named,
            }
        }),
    }
}

/// The note where a moved part arrived: 由原第十三条移来.
pub(super) fn came_from(change: &Change) -> String {
    format!("由原{}移来", where_text(change, &change.old))
}

/// The note where a moved part left: 移至第七十九条.
pub(super) fn went_to(change: &Change) -> String {
    format!("移至{}", where_text(change, &change.new))
}

/// What stands where a moved part left: its old number and the opening of
/// its heading or text, struck as a move's old end.
pub(super) fn left_behind(change: &Change) -> Vec<Segment> {
    let Some(o) = &change.old else {
        return Vec::new();
    };
    let mut text = String::new();
    if !o.label.is_empty() {
        text.push_str(&o.label);
        text.push_str(o.level.label_gap());
    }
    if let Some(first) = o.heading.iter().chain(&o.paragraphs).next() {
        text.push_str(&opening(first, HEADLINE_CHARS));
    }
    vec![Segment {
        kind: SegmentKind::Moved,
        text,
    }]
}

/// The most characters of a paragraph a change list names a part by, when
/// the part has no heading.
const HEADLINE_CHARS: usize = 16;

/// The opening of `text`, at most `max` characters, cut between words (the
/// inline diff's segmentation) and marked …… where it is cut:
/// 将职业教育改革发展情况纳入区直…… and not …纳入区直部.
fn opening(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let tokens = crate::compare::tokens::tokenize(text);
    let mut taken = 0;
    let mut count = 0;
    for token in &tokens {
        let len = token.chars().count();
        if count + len > max {
            break;
        }
        taken += 1;
        count += len;
    }
    // Not ended on a character the dictionary left alone in the middle of a
    // word it does not list (实习|实|训): back to the word before it.
    let lone = |t: &str| {
        t.chars().count() == 1
            && t.chars().all(|c| {
                ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
            })
    };
    while taken > 1 && lone(tokens[taken - 1]) && tokens.get(taken).is_some_and(|t| lone(t)) {
        taken -= 1;
    }
    let mut out: String = tokens[..taken].concat();
    // A first word longer than the room is cut where the room ends.
    if out.is_empty() {
        out = text.chars().take(max).collect();
    }
    out.push_str("……");
    out
}

pub(super) fn headline(change: &Change, where_old: &str, where_new: &str) -> String {
    let name = |r: &Option<PartRef>| {
        r.as_ref()
            .map(|r| {
                r.heading.clone().unwrap_or_else(|| {
                    r.paragraphs
                        .first()
                        .map(|p| opening(p, HEADLINE_CHARS))
                        .unwrap_or_default()
                })
            })
            .unwrap_or_default()
    };
    let what = if change.new.is_some() {
        name(&change.new)
    } else {
        name(&change.old)
    };
    let place = match change.kind {
        ChangeKind::Inserted => where_new.to_string(),
        ChangeKind::Deleted => where_old.to_string(),
        // A row of one table moved: 附件《…》原第15行 → 现第17行.
        _ if where_old != where_new && change.place == Place::Table => {
            match (&change.old, &change.new) {
                (Some(o), Some(n)) => format!(
                    "{}原{} → 现{}",
                    o.path.first().map_or("", String::as_str),
                    o.label,
                    n.label
                ),
                _ => format!("原{where_old} → 现{where_new}"),
            }
        }
        _ if where_old != where_new => format!("原{where_old} → 现{where_new}"),
        _ => where_new.to_string(),
    };
    let mut aspects = vec![change_zh(change)];
    if change.kind == ChangeKind::Moved && change.modified {
        aspects.push("修改");
    }
    // Paired with the part it replaced because it holds its place.
    if change.rewritten {
        aspects.push("改写");
    }
    if change.kind != ChangeKind::Renumbered && change.renumbered {
        aspects.push("重新编号");
    }
    match change.class {
        Some(EditClass::Punctuation) => aspects.push("仅标点"),
        Some(EditClass::Whitespace) => aspects.push("仅空白"),
        Some(EditClass::Reference) if change.kind != ChangeKind::Modified => {
            aspects.push(REFERENCE_ZH)
        }
        _ => {}
    }
    let related;
    if let Some(r) = &change.relation {
        let labels = r.labels.join("、");
        related = match r.kind {
            RelationKind::SplitInto => format!("拆分为{labels}"),
            RelationKind::SplitFrom => format!("由原{labels}拆分"),
            RelationKind::MergedInto => format!("并入{labels}"),
            RelationKind::MergedFrom => format!("由原{labels}合并"),
        };
        aspects.push(&related);
    }
    format!("{place} {what}（{}）", aspects.join("、"))
}

#[cfg(test)]
mod tests {
    use super::opening;

    #[test]
    fn a_paragraph_is_named_by_its_opening_cut_between_words() {
        assert_eq!(
            opening("将职业教育改革发展情况纳入区直部门目标考核", 16),
            "将职业教育改革发展情况纳入区直……"
        );
        assert_eq!(
            opening("推动企业深度参与专业建设和实习实训基地建设", 16),
            "推动企业深度参与专业建设和实习……"
        );
        assert_eq!(opening("短段落。", 16), "短段落。");
    }
}
