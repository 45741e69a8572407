//! The phrases of a decision: how it quotes a text, names a part, and
//! names a small edit (中的“A”修改为“B”).

use crate::compare::PartRef;
use crate::compare::align::PARAGRAPH_BREAK;
use crate::compare::inline::{EditClass, InlineOp};
use crate::compare::tokens::tokenize;
use crate::model::Role;
use crate::numbering::numerals::chinese;

/// Up to this many replacements in one paragraph are named one by one
/// (将……中的“A”修改为“B”); more, and the paragraph is quoted whole.
const NAMED_EDITS: usize = 3;
/// The longest text a named replacement quotes.
const NAMED_LENGTH: usize = 20;
/// The shortest, context included.
const MIN_QUOTED: usize = 3;

/// Quotes paragraphs as a decision does: each opens with “, only the last
/// closes; quotes inside become ‘’.
pub(super) fn quote(lines: &[String]) -> String {
    let inner = |l: &String| l.replace('“', "‘").replace('”', "’");
    let body: Vec<String> = lines.iter().map(|l| format!("“{}", inner(l))).collect();
    format!("{}”", body.join("\n"))
}

/// An item is quoted with its number and without its closing ；, the full
/// stop after the quote.
pub(super) fn quote_item(lines: &[String]) -> String {
    let mut lines = lines.to_vec();
    if let Some(last) = lines.last_mut() {
        *last = last.trim_end_matches(['；', ';']).to_string();
    }
    quote(&lines)
}

/// How a decision names a part: 第九条, 第九条第二项, 第九条第二项第三目,
/// 第四章; in an outline document 第二部分, 第二部分第（三）项 (or 第（三）项
/// where items run on), and deeper parts by their numbers (二、（三）1.).
pub(super) fn name(r: &PartRef) -> String {
    // A part of an attachment is named with it: 附件1二、（三）.
    match r.ancestors.first() {
        Some(a) if a.label.starts_with("附件") => format!("{}{}", a.label, own_name(r)),
        _ => own_name(r),
    }
}

fn own_name(r: &PartRef) -> String {
    let ancestor = |role: Role| r.ancestors.iter().rev().find(|a| a.role == role);
    let ordinal = |n: Option<crate::numbering::Number>| n.map_or(0, |n| u64::from(n.ordinal));
    match r.level {
        Role::Item => match ancestor(Role::Article) {
            Some(a) => format!("{}第{}项", a.label, chinese(ordinal(r.number))),
            None => r.label.clone(),
        },
        Role::Subitem => match (ancestor(Role::Article), ancestor(Role::Item)) {
            (Some(a), Some(i)) => format!(
                "{}第{}项第{}目",
                a.label,
                chinese(ordinal(i.number)),
                chinese(ordinal(r.number))
            ),
            _ => r.label.clone(),
        },
        // An outline document's parts as an office names them: 第二部分, and
        // 第二部分第（三）项, or 第（十）项 alone where the items run on
        // through the text (its number is past its place under its part).
        Role::L1 if r.number.is_some() => format!("第{}部分", chinese(ordinal(r.number))),
        Role::L2 if r.number.is_some() => {
            let runs_on = r.number.is_some_and(|n| n.ordinal as usize > r.index + 1);
            match ancestor(Role::L1).filter(|_| !runs_on) {
                Some(top) => format!("第{}部分第{}项", chinese(ordinal(top.number)), r.label),
                None => format!("第{}项", r.label),
            }
        }
        Role::L2 | Role::L3 | Role::L4 => {
            let top = ancestor(Role::L1).map_or("", |a| a.label.as_str());
            format!("{top}{}", r.label)
        }
        _ if r.label.is_empty() => r.heading.clone().unwrap_or_default(),
        _ => r.label.clone(),
    }
}

/// Whether a decision states an edit: words or numbers changed. One that
/// only changes punctuation, its width, spaces, or a reference that followed
/// its article is said once for all in the closing sentences.
pub(super) fn said(op: &InlineOp) -> bool {
    op.class() == Some(EditClass::Text)
}

/// The paragraphs of an inline diff that changed, by their 1-based number in
/// the old text (the heading, if any, counts as none).
pub(super) fn changed_paragraphs(ops: &[InlineOp], has_heading: bool) -> Vec<usize> {
    let mut at = 0usize;
    let mut out = Vec::new();
    for op in ops {
        let old = match op {
            InlineOp::Equal { text } | InlineOp::Delete { text, .. } => text.as_str(),
            InlineOp::Replace { old, .. } => old.as_str(),
            InlineOp::Insert { .. } => "",
        };
        if said(op) {
            let paragraph = at + usize::from(!has_heading);
            if !out.contains(&paragraph) {
                out.push(paragraph);
            }
        }
        at += old.matches(PARAGRAPH_BREAK).count();
    }
    out
}

/// The paragraph (0-based, in the new text) that an insertion of a whole
/// paragraph added: the run holds a paragraph break at its start (a paragraph
/// after the others) or at its end (one before).
pub(super) fn added_paragraph(ops: &[InlineOp], has_heading: bool) -> Option<usize> {
    let mut at = 0usize;
    for op in ops {
        let new = match op {
            InlineOp::Equal { text } | InlineOp::Insert { text, .. } => text.as_str(),
            InlineOp::Replace { new, .. } => new.as_str(),
            InlineOp::Delete { .. } => "",
        };
        if let InlineOp::Insert { text, .. } = op
            && text.contains(PARAGRAPH_BREAK)
        {
            let paragraph = if text.starts_with(PARAGRAPH_BREAK) {
                at + 1
            } else {
                at
            };
            return paragraph.checked_sub(usize::from(has_heading));
        }
        at += new.matches(PARAGRAPH_BREAK).count();
    }
    None
}

/// "中的“A”修改为“B”，“C”修改为“D”" or "中的“A”、“B”" (to delete) for a few
/// short replacements or deletions; `None` when the edit is better quoted
/// whole. Each quoted old text is widened with the unchanged text around it
/// until it is found once in `old_text` (化 → 新型化).
pub(super) fn named_edits(ops: &[InlineOp], old_text: &str) -> Option<(String, bool)> {
    let edits: Vec<usize> = (0..ops.len()).filter(|&i| said(&ops[i])).collect();
    if edits.is_empty() || edits.len() > NAMED_EDITS {
        return None;
    }
    let equal = |i: Option<usize>| match i.and_then(|i| ops.get(i)) {
        Some(InlineOp::Equal { text }) => text.as_str(),
        _ => "",
    };
    let short = |s: &str| !s.contains(PARAGRAPH_BREAK) && s.chars().count() <= NAMED_LENGTH;
    let mut deletions = true;
    let mut replacements = true;
    let mut parts = Vec::new();
    for &i in &edits {
        let (old, new) = match &ops[i] {
            InlineOp::Replace { old, new, .. } => {
                deletions = false;
                (old.as_str(), new.as_str())
            }
            InlineOp::Delete { text, .. } => {
                replacements = false;
                (text.as_str(), "")
            }
            InlineOp::Insert { .. } => return None,
            InlineOp::Equal { .. } => unreachable!("an edit"),
        };
        if !short(old) || !short(new) {
            return None;
        }
        // Widened by whole words, so a quote never starts inside one
        // (“股东大会”, not “司股东大会”).
        let before = tokenize(equal(i.checked_sub(1)));
        let after = tokenize(equal(Some(i + 1)));
        let (mut left, mut right) = (0, 0);
        let widened = |left: usize, right: usize, middle: &str| -> String {
            let mut s: String = before[before.len() - left..].concat();
            s.push_str(middle);
            s.push_str(&after[..right].concat());
            s
        };
        loop {
            let candidate = widened(left, right, old);
            // At least three characters, so a quote reads as words (新型化,
            // not 化), and found once.
            if candidate.chars().count() >= MIN_QUOTED.min(old_text.chars().count())
                && !candidate.trim().is_empty()
                && old_text.matches(&candidate).count() == 1
            {
                break;
            }
            // The words before an edit say more of it than those after.
            let left_chars: usize = before[before.len() - left..]
                .iter()
                .map(|t| t.chars().count())
                .sum();
            let grow_left =
                left < before.len() && (left_chars < MIN_QUOTED || right == after.len());
            if grow_left {
                left += 1;
            } else if right < after.len() {
                right += 1;
            } else {
                return None;
            }
            if widened(left, right, old).chars().count() > NAMED_LENGTH {
                return None;
            }
            if before[before.len() - left..]
                .iter()
                .chain(&after[..right])
                .any(|t| t.contains(PARAGRAPH_BREAK))
            {
                return None;
            }
        }
        // A deletion quotes exactly what goes: no context to widen it with.
        if new.is_empty() && left + right > 0 {
            return None;
        }
        parts.push((widened(left, right, old), widened(left, right, new)));
    }
    if replacements {
        let said: Vec<String> = parts
            .iter()
            .map(|(o, n)| format!("“{o}”修改为“{n}”"))
            .collect();
        Some((format!("中的{}", said.join("，")), false))
    } else if deletions {
        let said: Vec<String> = parts.iter().map(|(o, _)| format!("“{o}”")).collect();
        Some((format!("中的{}", said.join("、")), true))
    } else {
        None
    }
}

/// An article's several sentences as one item, as an office writes it: the
/// first names the article, the rest go on from it, each a paragraph of its
/// own (将第六十五条第七项修改为：“……” / 将第八项修改为：“……” / 增加一项，作为第九项：“……”).
/// A sentence that names the article otherwise (删去第X条中的“A”) keeps it.
///
/// An article that also took a new number says so first, as every published
/// 修正 decision does: 将第七条改为第十条，第一款修改为：“……”; 将第五条改为第六条，
/// 增加一款，作为第一款：“……”; 将第二条改为第三条，将本条中的“A”修改为“B”.
pub(super) fn one_item(
    said: Vec<String>,
    article: Option<&str>,
    renumbered_to: Option<&str>,
) -> Option<String> {
    let mut sentences = said.into_iter();
    let mut first = sentences.next()?;
    let Some(article) = article.filter(|a| !a.is_empty()) else {
        return Some(sentences.fold(first, |item, s| format!("{item}\n\n{s}")));
    };
    if let Some(to) = renumbered_to.filter(|to| *to != article)
        && let Some(rest) = renumbered_rest(&first, article)
    {
        first = format!("将{article}改为{to}，{rest}");
    }
    let going_on = |s: String| -> String {
        if let Some(rest) = s.strip_prefix(&format!("在{article}中")) {
            return rest.to_string();
        }
        for verb in ["将", "删去"] {
            if let Some(rest) = s.strip_prefix(&format!("{verb}{article}"))
                && rest.starts_with('第')
            {
                return format!("{verb}{rest}");
            }
        }
        s
    };
    Some(sentences.fold(first, |item, s| format!("{item}\n\n{}", going_on(s))))
}

/// What a sentence on `article` says after 将第X条改为第Y条，: 修改为：……,
/// 第一款修改为：……, 将第一款中的…, 将本条中的…, 增加一款…, 删去第二款; none for
/// a sentence that says something else of it (a move, a split).
fn renumbered_rest(sentence: &str, article: &str) -> Option<String> {
    if let Some(rest) = sentence.strip_prefix(&format!("在{article}中")) {
        return Some(rest.to_string());
    }
    if let Some(rest) = sentence.strip_prefix(&format!("删去{article}")) {
        return if rest.starts_with('第') {
            Some(format!("删去{rest}"))
        } else {
            rest.strip_prefix("中的")
                .map(|r| format!("删去本条中的{r}"))
        };
    }
    let rest = sentence.strip_prefix(&format!("将{article}"))?;
    if rest.starts_with("修改为") {
        return Some(rest.to_string());
    }
    if let Some(r) = rest.strip_prefix("中的") {
        return Some(format!("将本条中的{r}"));
    }
    if rest.starts_with('第') {
        // 第一款修改为 on; 将第一款中的… keeps its verb.
        let part_end = rest.find(['款', '项']).map(|i| i + '款'.len_utf8())?;
        return Some(if rest[part_end..].starts_with("修改为") {
            rest.to_string()
        } else {
            format!("将{rest}")
        });
    }
    None
}

/// The old number of a unit's article: from its own change (renumbered or
/// amended), else from an item that was there before; none where neither
/// tells (the article kept its number).
pub(super) fn old_label(unit: &super::Unit) -> Option<String> {
    unit.own
        .and_then(|c| c.old.as_ref())
        .filter(|o| o.level == Role::Article)
        .map(|o| o.label.clone())
        .or_else(|| {
            unit.parts.iter().find_map(|p| {
                let o = p.old.as_ref()?;
                let a = o.ancestors.iter().rev().find(|a| a.role == Role::Article)?;
                Some(a.label.clone())
            })
        })
}

/// The paragraph of `old` left out of `new`, where `new` is `old` without
/// it and otherwise the same.
pub(super) fn removed_paragraph(old: &[String], new: &[String]) -> Option<usize> {
    let k = old
        .iter()
        .zip(new)
        .position(|(a, b)| a != b)
        .unwrap_or(new.len());
    (old[..k] == new[..k] && old.get(k + 1..)? == &new[k..]).then_some(k)
}

/// What a division is called in a decision: 章, 节 or 编.
pub(super) fn division_word(level: Role) -> &'static str {
    match level {
        Role::Section => "节",
        Role::Book | Role::Subbook => "编",
        _ => "章",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_articles_sentences_are_one_item_going_on_from_its_name() {
        let said = [
            "将第六十五条第七项修改为：“（七）甲”。",
            "将第六十五条第八项修改为：“（八）乙”。",
            "在第六十五条中增加一项，作为第九项：“（九）丙”。",
            "删去第六十五条第十项。",
            "删去第六十五条中的“丁”。",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            one_item(said.clone(), Some("第六十五条"), None).unwrap(),
            "将第六十五条第七项修改为：“（七）甲”。\n\n将第八项修改为：“（八）乙”。\n\n\
             增加一项，作为第九项：“（九）丙”。\n\n删去第十项。\n\n删去第六十五条中的“丁”。"
        );
        assert_eq!(one_item(Vec::new(), Some("第一条"), None), None);
        // Renumbered too: said first, as every 修正 decision says it.
        let first =
            |s: &str| one_item(vec![s.to_string()], Some("第七条"), Some("第十条")).unwrap();
        assert_eq!(
            first("将第七条修改为：“甲。”"),
            "将第七条改为第十条，修改为：“甲。”"
        );
        assert_eq!(
            first("将第七条第一款修改为：“甲。”"),
            "将第七条改为第十条，第一款修改为：“甲。”"
        );
        assert_eq!(
            first("将第七条第二款中的“甲”修改为“乙”。"),
            "将第七条改为第十条，将第二款中的“甲”修改为“乙”。"
        );
        assert_eq!(
            first("将第七条中的“甲”修改为“乙”。"),
            "将第七条改为第十条，将本条中的“甲”修改为“乙”。"
        );
        assert_eq!(
            first("在第七条中增加一款，作为第一款：“甲。”"),
            "将第七条改为第十条，增加一款，作为第一款：“甲。”"
        );
        assert_eq!(
            first("删去第七条第二款。"),
            "将第七条改为第十条，删去第二款。"
        );
        assert_eq!(
            first("将第七条改为第十条，修改为：“甲。”"),
            "将第七条改为第十条，修改为：“甲。”"
        );
        assert_eq!(
            first("将第七条分为两条，分别作为第十条、第十一条："),
            "将第七条分为两条，分别作为第十条、第十一条："
        );
    }

    #[test]
    fn a_named_edit_is_widened_by_whole_words_until_found_once() {
        let equal = |t: &str| InlineOp::Equal { text: t.into() };
        let ops = [
            equal("股东"),
            InlineOp::Replace {
                old: "大会".into(),
                new: "会".into(),
                class: EditClass::Text,
            },
            equal("选举董事，股东大会决议。"),
        ];
        assert_eq!(
            named_edits(&ops, "股东大会选举董事，股东大会决议。"),
            Some(("中的“股东大会选举”修改为“股东会选举”".to_string(), false))
        );
    }

    #[test]
    fn quotes_open_every_paragraph_and_close_the_last() {
        assert_eq!(
            quote(&["甲。".into(), "乙称“丙”。".into()]),
            "“甲。\n“乙称‘丙’。”"
        );
        assert_eq!(quote_item(&["（二）甲的；".into()]), "“（二）甲的”");
    }
}
