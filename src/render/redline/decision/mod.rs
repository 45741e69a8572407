//! The amendment decision view: the text a legislative affairs office drafts
//! after a revision, in the register of published 修改决定 — "一、将第九条修改为：
//! “……”", "将第十六条第一款中的“A”修改为“B”", "在第三条中增加一款，作为第二款：“……”",
//! "增加一条，作为第七条：“……”", "删去第九条。", then "此外，对条文顺序作相应调整".
//!
//! Parts are named by their old numbers (a decision amends the old text);
//! what is added is placed by its new number. An article's own edits and
//! those of its items make one unit, so a rewritten article is quoted whole,
//! items and all.

mod added;
mod phrases;
mod preamble;
mod tables;

use std::collections::{HashMap, HashSet};

use phrases::{
    added_paragraph, changed_paragraphs, division_word, name, named_edits, old_label, one_item,
    quote, quote_item, removed_paragraph,
};
use preamble::preamble;

use super::RedlineContext;
use crate::compare::inline::EditClass;
use crate::compare::{Change, ChangeKind, PartRef, Place, RelationKind};
use crate::fields::MetaField;
use crate::model::Role;
use crate::numbering::numerals::chinese;
use crate::numbering::{Content, Document, Section};
use crate::text::to_plain;

/// The printed lines of the new draft's parts that a decision may quote
/// whole: for each anchor wanted, its paragraphs and its sub-parts' lines,
/// each sub-part's first line with its number (（一）……).
pub(super) fn full_texts(doc: &Document, wanted: &HashSet<&str>) -> HashMap<String, Vec<String>> {
    fn lines(s: &Section, labelled: bool, out: &mut Vec<String>) {
        let lead = if labelled {
            format!("{}{}", s.label, s.level.role().label_gap())
        } else {
            String::new()
        };
        let mut first = true;
        if let Some(h) = &s.heading {
            out.push(format!("{lead}{}", to_plain(h)));
            first = false;
        }
        for c in &s.body {
            match c {
                Content::Para(p) if first => {
                    out.push(format!("{lead}{}", to_plain(p)));
                    first = false;
                }
                Content::Para(p) => out.push(to_plain(p)),
                Content::Table(t) => out.extend(t.plain_rows()),
                Content::Section(child) => lines(child, true, out),
            }
        }
        if first && labelled {
            out.push(lead);
        }
    }
    fn visit(s: &Section, wanted: &HashSet<&str>, out: &mut HashMap<String, Vec<String>>) {
        if wanted.contains(s.anchor.as_str()) {
            let mut text = Vec::new();
            // An article is quoted without its number; an item with it.
            lines(s, s.level.role() != Role::Article, &mut text);
            out.insert(s.anchor.clone(), text);
        }
        for child in s.children() {
            visit(child, wanted, out);
        }
    }
    let mut out = HashMap::new();
    for s in &doc.sections {
        visit(s, wanted, &mut out);
    }
    out
}

/// An article's own change (if any) and the changes of its items.
pub(super) struct Unit<'a> {
    own: Option<&'a Change>,
    parts: Vec<&'a Change>,
}

/// Whether a change says something a decision states: not a renumbering,
/// not a reference that followed its target, not whitespace, not
/// punctuation alone (said once for all in the closing sentence).
fn substantive(c: &Change) -> bool {
    match c.kind {
        ChangeKind::Renumbered => false,
        ChangeKind::Modified => c.class == Some(EditClass::Text),
        _ => true,
    }
}

/// Whether a modified part's punctuation changed: the closing sentence
/// names it (an item that quotes the part whole carries the new marks too,
/// and is named all the same rather than a mark be left unsaid).
fn punctuation_changed(c: &Change) -> bool {
    c.kind == ChangeKind::Modified
        && c.inline
            .iter()
            .any(|op| op.class() == Some(EditClass::Punctuation))
}

/// The key of the article a body change belongs to, in the new draft's
/// anchors (an old anchor for a deleted article).
fn unit_key(c: &Change) -> Option<String> {
    let (r, new_side) = match (&c.new, &c.old) {
        (Some(r), _) => (r, true),
        (None, Some(r)) => (r, false),
        _ => return None,
    };
    match r.level {
        Role::Article if new_side => Some(r.anchor.clone()),
        Role::Article => Some(format!("old:{}", r.anchor)),
        Role::Item => r.parent.as_ref().and_then(|p| {
            if new_side {
                Some(p.anchor.clone())
            } else {
                p.other_anchor
                    .clone()
                    .or_else(|| Some(format!("old:{}", p.anchor)))
            }
        }),
        _ => None,
    }
}

/// The decision for a redline.
pub fn decision(ctx: &RedlineContext) -> String {
    let set = &ctx.changes;
    let mut items: Vec<String> = Vec::new();
    // Units in the order their first change comes.
    let mut units: Vec<Unit> = Vec::new();
    let mut unit_of: HashMap<String, usize> = HashMap::new();
    let mut singles: Vec<(usize, &Change)> = Vec::new();
    for c in &set.changes {
        if c.place == Place::Meta && c.field == Some(MetaField::Title) {
            if let Some(n) = &c.new {
                items.push(format!(
                    "将名称修改为“{}”。",
                    n.paragraphs.concat().replace('\n', "")
                ));
            }
            continue;
        }
        if c.place != Place::Body {
            continue;
        }
        let is_own = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .is_some_and(|r| r.level == Role::Article);
        match unit_key(c) {
            Some(key) => {
                let at = *unit_of.entry(key).or_insert_with(|| {
                    units.push(Unit {
                        own: None,
                        parts: Vec::new(),
                    });
                    units.len() - 1
                });
                if is_own {
                    units[at].own = Some(c);
                } else {
                    units[at].parts.push(c);
                }
            }
            None => singles.push((units.len(), c)),
        }
    }
    // The 引言 before the first part, compared like a part; the document's
    // own header lines (adopted, promulgated, in force, amended) are not.
    for c in set.changes.iter().filter(|c| c.place == Place::Preamble) {
        items.extend(preamble(c));
    }
    // Chapters, sections and outline parts come where they stood among the units.
    // A part inside an article quoted whole is said by that quote.
    let mut quoted_whole: HashSet<String> = HashSet::new();
    let within_quoted = |c: &Change, quoted_whole: &HashSet<String>| {
        c.old
            .as_ref()
            .or(c.new.as_ref())
            .and_then(|r| r.ancestors.iter().rev().find(|a| a.role == Role::Article))
            .is_some_and(|a| quoted_whole.contains(&a.label))
    };
    let mut singles = singles.into_iter().peekable();
    // Articles added in a row, said together once the row ends.
    let mut row = added::Row::default();
    for (i, unit) in units.iter().enumerate() {
        while let Some((_, c)) = singles.next_if(|(at, _)| *at <= i) {
            row.flush(ctx, &mut items);
            if !within_quoted(c, &quoted_whole) {
                items.extend(single(ctx, c));
            }
        }
        if row.take(ctx, unit, &mut items) {
            continue;
        }
        row.flush(ctx, &mut items);
        let said = article(ctx, unit);
        if let [sentence] = said.as_slice()
            && let Some(whole) = sentence.strip_prefix('将')
            && let Some((named, _)) = whole.split_once("修改为：")
        {
            quoted_whole.insert(named.split('改').next().unwrap_or(named).to_string());
        }
        let renumbered_to = unit
            .own
            .filter(|c| c.renumbered)
            .and_then(|c| c.new.as_ref())
            .map(|n| n.label.as_str());
        items.extend(one_item(said, old_label(unit).as_deref(), renumbered_to));
    }
    row.flush(ctx, &mut items);
    for (_, c) in singles {
        if !within_quoted(c, &quoted_whole) {
            items.extend(single(ctx, c));
        }
    }
    // Tables come after the text (their attachments follow the body).
    items.extend(
        set.changes
            .iter()
            .filter(|c| c.place == Place::Table && substantive(c))
            .filter_map(tables::item),
    );
    // A title inside 《》 takes 〈〉 for the marks it holds itself.
    let title = ctx.new.title.plain.replace('《', "〈").replace('》', "〉");
    let mut out = format!("关于修改《{title}》的决定（草案）\n\n");
    if items.is_empty() {
        out.push_str("两稿相同，无需修改。\n");
        return out;
    }
    for (i, item) in items.iter().enumerate() {
        out.push_str(&format!("{}、{item}\n\n", chinese(i as u64 + 1)));
    }
    let renumbered = set.changes.iter().any(|c| c.renumbered);
    let references = set.summary.reference_only > 0;
    let mut closing: Vec<String> = Vec::new();
    match (renumbered, references) {
        (true, true) => closing.push("对条文顺序以及条文中引用的条文序号作相应调整".into()),
        (true, false) => closing.push("对条文顺序作相应调整".into()),
        (false, true) => closing.push("对条文中引用的条文序号作相应调整".into()),
        (false, false) => {}
    }
    // The parts whose punctuation alone changed, named once.
    let mut punctuated: Vec<String> = Vec::new();
    for c in set.changes.iter().filter(|c| c.place == Place::Body) {
        if let Some(o) = c.old.as_ref().filter(|_| punctuation_changed(c)) {
            let named = name(o);
            if !punctuated.contains(&named) {
                punctuated.push(named);
            }
        }
    }
    if !punctuated.is_empty() && ctx.punctuation_said {
        closing.push(format!("对{}中的标点符号作了修改", punctuated.join("、")));
    }
    if !closing.is_empty() {
        out.push_str(&format!("此外，{}。\n\n", closing.join("；")));
    }
    out.push_str(&format!("《{title}》根据本决定作相应修改，重新公布。\n"));
    out
}

/// The new text of a part as a decision quotes it: an article or an item
/// whole, with its sub-parts; an outline part with its number, without its
/// sub-parts (each has its own change).
pub(super) fn whole(ctx: &RedlineContext, r: &PartRef) -> Vec<String> {
    let outline = matches!(r.level, Role::L1 | Role::L2 | Role::L3 | Role::L4);
    if !outline && let Some(text) = ctx.full_text.get(&r.anchor) {
        return text.clone();
    }
    let mut lines: Vec<String> = r.heading.iter().cloned().collect();
    lines.extend(r.paragraphs.iter().cloned());
    if outline && let Some(first) = lines.first_mut() {
        first.insert_str(0, &r.label);
    }
    lines
}

/// A change that is not an article's or an item's: a chapter, a section, an
/// outline part.
fn single(ctx: &RedlineContext, c: &Change) -> Option<String> {
    if !substantive(c) {
        return None;
    }
    let division = |r: &PartRef| {
        matches!(
            r.level,
            Role::Book | Role::Subbook | Role::Chapter | Role::Section
        )
    };
    match (c.kind, &c.old, &c.new) {
        (ChangeKind::Deleted, Some(o), _) => Some(format!("删去{}。", name(o))),
        // 增加一章，作为第一章“总则”: the name without the spaces that
        // spread a short one across the line.
        (ChangeKind::Inserted, _, Some(n)) if division(n) => Some(format!(
            "增加一{}，作为{}“{}”{}。",
            division_word(n.level),
            name(n),
            n.heading
                .clone()
                .unwrap_or_default()
                .replace('\u{3000}', ""),
            added::holding(ctx, n)
        )),
        (ChangeKind::Inserted, _, Some(n)) => {
            Some(format!("增加{}：{}", name(n), quote(&whole(ctx, n))))
        }
        (_, Some(o), Some(n)) if division(o) => Some(format!(
            "将{}{}名修改为“{}”。",
            name(o),
            division_word(o.level),
            n.heading
                .clone()
                .unwrap_or_default()
                .replace('\u{3000}', "")
        )),
        // Moved and otherwise unchanged: 移作 (将第五部分第（十）项移作第三部分第（五）项).
        (ChangeKind::Moved, Some(o), Some(n)) if !c.modified => {
            Some(format!("将{}移作{}。", name(o), name(n)))
        }
        (_, Some(o), Some(n)) => {
            // A part quoted with its number says where that number came from.
            if name(o) != name(n) {
                Some(format!(
                    "将{}改为{}，修改为：{}",
                    name(o),
                    name(n),
                    quote(&whole(ctx, n))
                ))
            } else {
                let text = [o.heading.clone().unwrap_or_default(), o.paragraphs.concat()].concat();
                Some(match named_edits(&c.inline, &text) {
                    Some((what, true)) => format!("删去{}{what}。", name(o)),
                    Some((what, false)) => format!("将{}{what}。", name(o)),
                    None => format!("将{}修改为：{}", name(o), quote(&whole(ctx, n))),
                })
            }
        }
        _ => None,
    }
}

/// An article split in two, or articles merged into one, as an office says
/// it: 将第三条分为两条，分别作为第三条、第四条：“第三条　……”“第四条　……”；
/// 将第五条、第六条合并为一条，作为第五条：“……”.
fn related(ctx: &RedlineContext, c: &Change) -> Option<String> {
    let relation = c.relation.as_ref()?;
    // The new articles, each quoted with its number.
    let quoted = |anchors: &[String]| -> String {
        let parts: Vec<&PartRef> = anchors
            .iter()
            .filter_map(|anchor| {
                ctx.changes
                    .changes
                    .iter()
                    .filter_map(|c| c.new.as_ref())
                    .find(|n| &n.anchor == anchor)
            })
            .collect();
        added::numbered_quote(ctx, &parts)
    };
    match relation.kind {
        RelationKind::SplitInto => {
            let o = c.old.as_ref()?;
            Some(format!(
                "将{}分为{}条，分别作为{}：{}",
                name(o),
                added::how_many(relation.labels.len()),
                relation.labels.join("、"),
                quoted(&relation.anchors)
            ))
        }
        RelationKind::MergedFrom => {
            let n = c.new.as_ref()?;
            Some(format!(
                "将{}合并为一条，作为{}：{}",
                relation.labels.join("、"),
                n.label,
                quote(&whole(ctx, n))
            ))
        }
        _ => None,
    }
}

/// Whether an article whose own text is unchanged is rewritten in its
/// items: more than two of them added or removed, more than a few (four)
/// changed, or at least two and more than half of its lines.
fn rewritten_in_items(ctx: &RedlineContext, unit: &Unit, item_structure: bool) -> bool {
    let changed = unit.parts.iter().filter(|p| substantive(p)).count();
    if item_structure {
        return changed > 2;
    }
    let lines = unit
        .parts
        .iter()
        .find_map(|p| p.new.as_ref()?.parent.as_ref())
        .and_then(|parent| ctx.full_text.get(&parent.anchor))
        .map_or(usize::MAX, Vec::len);
    changed >= 4 || (changed >= 2 && changed * 2 > lines)
}

/// The sentences for one article and its items.
fn article(ctx: &RedlineContext, unit: &Unit) -> Vec<String> {
    let mut out = Vec::new();
    let item_structure = unit.parts.iter().any(|c| {
        matches!(
            c.kind,
            ChangeKind::Inserted | ChangeKind::Deleted | ChangeKind::Moved
        )
    });
    if let Some(c) = unit.own {
        // Split in two, or two merged: said once, by the old article(s).
        match (c.kind, c.relation.as_ref().map(|r| r.kind)) {
            (ChangeKind::Deleted, Some(RelationKind::MergedInto))
            | (ChangeKind::Inserted, Some(RelationKind::SplitFrom)) => return Vec::new(),
            (ChangeKind::Deleted, Some(RelationKind::SplitInto))
            | (ChangeKind::Inserted, Some(RelationKind::MergedFrom)) => {
                return related(ctx, c).into_iter().collect();
            }
            _ => {}
        }
        match (c.kind, &c.old, &c.new) {
            (ChangeKind::Deleted, Some(o), _) => return vec![format!("删去{}。", name(o))],
            (ChangeKind::Inserted, _, Some(n)) => {
                let sentence = match n.number {
                    // 第一百二十条之一 follows 第一百二十条 (the 修正案 register).
                    Some(number) if number.sub > 0 => format!(
                        "在第{}条后增加一条，作为{}：{}",
                        chinese(u64::from(number.ordinal)),
                        n.label,
                        quote(&whole(ctx, n))
                    ),
                    _ => format!("增加一条，作为{}：{}", n.label, quote(&whole(ctx, n))),
                };
                return vec![sentence];
            }
            (_, Some(o), Some(n)) if c.moved => {
                return vec![
                    if substantive(c) || unit.parts.iter().any(|p| substantive(p)) {
                        format!(
                            "将{}改为{}，修改为：{}",
                            name(o),
                            name(n),
                            quote(&whole(ctx, n))
                        )
                    } else {
                        format!("将{}移作{}。", name(o), name(n))
                    },
                ];
            }
            (_, Some(o), Some(n)) if substantive(c) => {
                let (old_count, new_count) = (o.paragraphs.len(), n.paragraphs.len());
                let changed = changed_paragraphs(&c.inline, o.heading.is_some());
                if item_structure || c.rewritten {
                    return vec![format!("将{}修改为：{}", name(o), quote(&whole(ctx, n)))];
                }
                if new_count == old_count + 1 {
                    // One paragraph more: 在第X条中增加一款，作为第Y款.
                    let added = added_paragraph(&c.inline, n.heading.is_some())
                        .filter(|&k| k < new_count)
                        .unwrap_or(new_count - 1);
                    let only_that = o.paragraphs.iter().all(|p| n.paragraphs.contains(p))
                        && !unit.parts.iter().any(|p| substantive(p));
                    let head = format!(
                        "在{}中增加一款，作为第{}款",
                        name(o),
                        chinese(added as u64 + 1)
                    );
                    return vec![if only_that {
                        format!("{head}：{}", quote(&n.paragraphs[added..=added]))
                    } else {
                        format!("{head}，将该条修改为：{}", quote(&whole(ctx, n)))
                    }];
                }
                if old_count == new_count + 1
                    && !unit.parts.iter().any(|p| substantive(p))
                    && o.heading == n.heading
                    && let Some(k) = removed_paragraph(&o.paragraphs, &n.paragraphs)
                {
                    // One paragraph fewer, the rest as they were: 删去第X条第Y款.
                    return vec![format!("删去{}第{}款。", name(o), chinese(k as u64 + 1))];
                }
                if old_count != new_count || changed.len() != 1 {
                    return vec![format!("将{}修改为：{}", name(o), quote(&whole(ctx, n)))];
                }
                let k = changed[0];
                let clause = if old_count > 1 {
                    format!("第{}款", chinese(k as u64))
                } else {
                    String::new()
                };
                let old_paragraph = o.paragraphs.get(k - 1).cloned().unwrap_or_default();
                match named_edits(&c.inline, &old_paragraph) {
                    Some((what, true)) => out.push(format!("删去{}{clause}{what}。", name(o))),
                    Some((what, false)) => out.push(format!("将{}{clause}{what}。", name(o))),
                    None if old_count > 1 => out.push(format!(
                        "将{}{clause}修改为：{}",
                        name(o),
                        quote(&n.paragraphs[k - 1..k])
                    )),
                    None => {
                        return vec![format!("将{}修改为：{}", name(o), quote(&whole(ctx, n)))];
                    }
                }
            }
            _ => {}
        }
    } else if rewritten_in_items(ctx, unit, item_structure) {
        // Many items added, removed or changed in an article otherwise
        // unchanged: the article quoted whole reads better than a list of them.
        if let Some(n) = unit.parts.iter().find_map(|p| p.new.as_ref()) {
            let article = n.ancestors.iter().rev().find(|a| a.role == Role::Article);
            if let (Some(a), Some(parent)) = (article, &n.parent)
                && let Some(text) = ctx.full_text.get(&parent.anchor)
            {
                let old_name = old_label(unit).unwrap_or_else(|| a.label.clone());
                return vec![format!("将{old_name}修改为：{}", quote(text))];
            }
        }
    }
    for c in unit.parts.iter().filter(|p| substantive(p)) {
        match (c.kind, &c.old, &c.new) {
            (ChangeKind::Deleted, Some(o), _) => out.push(format!("删去{}。", name(o))),
            (ChangeKind::Inserted, _, Some(n)) => {
                // The article by its old number, as the decision amends the old text.
                let article = old_label(unit).unwrap_or_else(|| {
                    n.ancestors
                        .iter()
                        .rev()
                        .find(|a| a.role == Role::Article)
                        .map_or(String::new(), |a| a.label.clone())
                });
                let ordinal = n.number.map_or(0, |x| u64::from(x.ordinal));
                out.push(format!(
                    "在{article}中增加一项，作为第{}项：{}。",
                    chinese(ordinal),
                    quote_item(&whole(ctx, n))
                ));
            }
            (_, Some(o), Some(n)) => {
                let text = o.paragraphs.concat();
                match named_edits(&c.inline, &text) {
                    Some((what, true)) => out.push(format!("删去{}{what}。", name(o))),
                    Some((what, false)) => out.push(format!("将{}{what}。", name(o))),
                    // Renumbered too (an item inserted before it): 将第三条第六项
                    // 改为第七项，修改为：“（七）……”.
                    None if c.renumbered && o.level == Role::Item => out.push(format!(
                        "将{}改为第{}项，修改为：{}。",
                        name(o),
                        chinese(n.number.map_or(0, |x| u64::from(x.ordinal))),
                        quote_item(&whole(ctx, n))
                    )),
                    None => out.push(format!(
                        "将{}修改为：{}。",
                        name(o),
                        quote_item(&whole(ctx, n))
                    )),
                }
            }
            _ => {}
        }
    }
    out
}
