//! Articles added one after another, said as one item, as published
//! decisions say them: 增加三条，分别作为第二十四条、第二十五条、第二十六条：
//! “第二十四条　……” “第二十五条　……” “第二十六条　……”; and the articles a
//! new chapter holds (增加一章，作为第一章“总则”，包括第一条至第七条).

use super::phrases::quote;
use super::{RedlineContext, Unit, article, whole};
use crate::compare::{ChangeKind, PartRef};
use crate::model::Role;
use crate::numbering::numerals::chinese;

/// The units of articles added in a row, not yet said.
#[derive(Default)]
pub(super) struct Row<'u, 'a> {
    units: Vec<&'u Unit<'a>>,
}

impl<'u, 'a> Row<'u, 'a> {
    /// Takes a unit that adds an article: it joins the row if it comes
    /// right after the row's last, else the row is said and it starts
    /// another. False for any other unit (the caller says the row first).
    pub(super) fn take(
        &mut self,
        ctx: &RedlineContext,
        unit: &'u Unit<'a>,
        items: &mut Vec<String>,
    ) -> bool {
        let Some(n) = added_article(unit) else {
            return false;
        };
        let goes_on = self
            .units
            .last()
            .and_then(|u| added_article(u))
            .is_some_and(|last| next_after(last, n));
        if !goes_on {
            self.flush(ctx, items);
        }
        self.units.push(unit);
        true
    }

    /// Says the row: one article as it is said alone, more as one item.
    pub(super) fn flush(&mut self, ctx: &RedlineContext, items: &mut Vec<String>) {
        match std::mem::take(&mut self.units).as_slice() {
            [] => {}
            [one] => items.extend(article(ctx, one)),
            many => {
                let added: Vec<&PartRef> = many.iter().filter_map(|u| added_article(u)).collect();
                items.push(added_together(ctx, &added));
            }
        }
    }
}

/// The new article a unit adds, where that is all it does (not an article
/// split off or merged into, not a 之一 placed after its article).
fn added_article<'a>(unit: &Unit<'a>) -> Option<&'a PartRef> {
    let c = unit.own?;
    let n = c.new.as_ref()?;
    (c.kind == ChangeKind::Inserted
        && c.relation.is_none()
        && n.level == Role::Article
        && n.number.is_some_and(|x| x.sub == 0))
    .then_some(n)
}

/// Whether `next` is the article right after `last` (第十一条, 第十二条).
fn next_after(last: &PartRef, next: &PartRef) -> bool {
    match (last.number, next.number) {
        (Some(a), Some(b)) => b.ordinal == a.ordinal + 1,
        _ => false,
    }
}

/// The item for two or more articles added in a row, each quoted with its
/// number.
fn added_together(ctx: &RedlineContext, articles: &[&PartRef]) -> String {
    let labels: Vec<&str> = articles.iter().map(|n| n.label.as_str()).collect();
    // The articles' text from the next line, each opening with its number.
    format!(
        "增加{}条，分别作为{}：\n{}",
        how_many(articles.len()),
        labels.join("、"),
        numbered_quote(ctx, articles)
    )
}

/// How many articles, as a decision counts them: 两条, not 二条.
pub(super) fn how_many(count: usize) -> String {
    match count {
        2 => "两".to_string(),
        k => chinese(k as u64),
    }
}

/// Several new articles quoted as one passage, each opening with its
/// number: “第三条　……” “第四条　……”.
pub(super) fn numbered_quote(ctx: &RedlineContext, articles: &[&PartRef]) -> String {
    let mut lines = Vec::new();
    for n in articles {
        let mut text = whole(ctx, n);
        if let Some(first) = text.first_mut() {
            *first = format!("{}　{first}", n.label);
        }
        lines.extend(text);
    }
    quote(&lines)
}

/// The articles a new division holds, as a decision adds it: 增加一章，作为
/// 第一章“总则”，包括第一条至第七条 (none where no article of it is listed).
pub(super) fn holding(ctx: &RedlineContext, division: &PartRef) -> String {
    let within = |r: &PartRef| {
        r.level == Role::Article
            && r.ancestors.len() > division.ancestors.len()
            && r.ancestors[..division.ancestors.len()]
                .iter()
                .zip(&division.ancestors)
                .all(|(a, b)| a.label == b.label)
            && r.ancestors[division.ancestors.len()].label == division.label
    };
    let mut held: Vec<&PartRef> = ctx
        .changes
        .changes
        .iter()
        .filter_map(|c| c.new.as_ref())
        .filter(|r| within(r))
        .collect();
    held.sort_by_key(|r| r.number.map(|n| (n.ordinal, n.sub)));
    match held.as_slice() {
        [] => String::new(),
        [one] => format!("，包括{}", one.label),
        [first, .., last] => format!("，包括{}至{}", first.label, last.label),
    }
}
