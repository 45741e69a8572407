//! `import --link-references`: typed references to the text's own articles
//! (依照本法第十二条, 第十二条第二款) become references by id
//! (`[[art-12]]`, `[[art-12|款2]]`), so they follow the article when a later
//! draft renumbers it. An article referred to gets an id (`art-12`,
//! `art-120-1` for 第一百二十条之一) unless it has one; references to
//! another law, to items, and those relative to where they stand (前款,
//! 本条第一款) are left as typed.

use std::collections::{HashMap, HashSet};

use crate::model::{Block, Draft, Level, Part, PartId};
use crate::numbering::references::find;
use crate::numbering::{Number, number};

/// Visits parts depth first with their place in that order.
fn each_part(parts: &mut [Part], next: &mut usize, f: &mut dyn FnMut(usize, &mut Part)) {
    for part in parts {
        f(*next, part);
        *next += 1;
        for block in &mut part.body {
            if let Block::Part(child) = block {
                each_part(std::slice::from_mut(child), next, f);
            }
        }
    }
}

/// One typed reference to replace: the paragraph's place and the span.
struct Found {
    part: usize,
    paragraph: usize,
    start: usize,
    end: usize,
    target: usize,
    clause: Option<u32>,
}

/// Links the references it can; returns how many.
pub fn link_references(draft: &mut Draft) -> usize {
    let doc = number(draft);
    let sections = doc.walk();
    let mut articles: HashMap<Number, usize> = HashMap::new();
    for (i, s) in sections.iter().enumerate() {
        if s.level == Level::Article
            && let Some(n) = s.number
        {
            articles.entry(n).or_insert(i);
        }
    }
    if articles.is_empty() {
        return 0;
    }
    let mut found = Vec::new();
    let mut paragraphs_of: HashMap<usize, usize> = HashMap::new();
    for (p, s) in sections.iter().enumerate() {
        paragraphs_of.insert(p, s.paragraphs().count());
        for (k, text) in s.paragraphs().enumerate() {
            for r in find(text) {
                let Some(n) = r.article.filter(|_| r.internal && !r.relative) else {
                    continue;
                };
                if r.item.is_some() || r.subitem.is_some() {
                    continue;
                }
                let Some(&target) = articles.get(&n) else {
                    continue;
                };
                found.push(Found {
                    part: p,
                    paragraph: k,
                    start: r.start,
                    end: r.end,
                    target,
                    clause: r.clause,
                });
            }
        }
    }
    found.retain(|f| {
        f.clause
            .is_none_or(|c| c >= 1 && c as usize <= paragraphs_of[&f.target])
    });
    if found.is_empty() {
        return 0;
    }
    // Ids for the articles referred to.
    let targets: HashSet<usize> = found.iter().map(|f| f.target).collect();
    let mut used: HashSet<String> = sections
        .iter()
        .filter_map(|s| s.id.as_ref().map(|id| id.0.clone()))
        .collect();
    let mut ids: HashMap<usize, String> = HashMap::new();
    each_part(&mut draft.parts, &mut 0, &mut |i, part| {
        if !targets.contains(&i) {
            return;
        }
        if let Some(id) = &part.id {
            ids.insert(i, id.0.clone());
            return;
        }
        let n = sections[i].number.unwrap_or(Number { ordinal: 0, sub: 0 });
        let base = match n.sub {
            0 => format!("art-{}", n.ordinal),
            sub => format!("art-{}-{sub}", n.ordinal),
        };
        let mut id = base.clone();
        let mut k = 2;
        while used.contains(&id) {
            id = format!("{base}-{k}");
            k += 1;
        }
        used.insert(id.clone());
        part.id = Some(PartId(id.clone()));
        ids.insert(i, id);
    });
    // The paragraphs rewritten, each from its last reference back.
    let mut by_paragraph: HashMap<(usize, usize), Vec<&Found>> = HashMap::new();
    for f in &found {
        by_paragraph
            .entry((f.part, f.paragraph))
            .or_default()
            .push(f);
    }
    each_part(&mut draft.parts, &mut 0, &mut |i, part| {
        let mut k = 0;
        for block in &mut part.body {
            let Block::Para(text) = block else { continue };
            if let Some(list) = by_paragraph.get(&(i, k)) {
                for f in list.iter().rev() {
                    let link = match f.clause {
                        None => format!("[[{}]]", ids[&f.target]),
                        Some(c) => format!("[[{}|款{c}]]", ids[&f.target]),
                    };
                    text.replace_range(f.start..f.end, &link);
                }
            }
            k += 1;
        }
    });
    found.len()
}
