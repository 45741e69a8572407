//! What a decision says of a table: a column renamed, added or deleted, a
//! row changed, added, deleted or moved, each named by the table and the
//! row's place (附件《…》第十六行), as offices amend a 分工表.

use super::phrases::{named_edits, quote};
use crate::compare::inline::{new_text, old_text};
use crate::compare::{Change, ChangeKind, PartRef};
use crate::numbering::numerals::chinese;

/// The table a change is in: 附件《…分工表》.
fn table(r: &PartRef) -> &str {
    r.path.first().map_or("", String::as_str)
}

/// 第十六行 for a row labelled 第16行; a column's 第4列 likewise.
fn place(r: &PartRef) -> String {
    let digits: String = r.label.chars().filter(char::is_ascii_digit).collect();
    match (digits.parse::<u64>(), r.label.chars().last()) {
        (Ok(n), Some(unit)) => format!("第{}{unit}", chinese(n)),
        _ => r.label.clone(),
    }
}

/// The decision's item for a change to a table.
pub(super) fn item(c: &Change) -> Option<String> {
    let is_column = |r: &PartRef| r.label.ends_with('列');
    match (c.kind, &c.old, &c.new) {
        (ChangeKind::Inserted, None, Some(n)) if is_column(n) => Some(format!(
            "在{}中增加{}。",
            table(n),
            n.heading.as_deref().unwrap_or("一列")
        )),
        (ChangeKind::Deleted, Some(o), None) if is_column(o) => Some(format!(
            "删去{}中的{}。",
            table(o),
            o.heading.as_deref().unwrap_or("一列")
        )),
        (ChangeKind::Inserted, None, Some(n)) if n.label == "表格" => {
            Some(format!("在{}中增加一个表格。", table(n)))
        }
        (ChangeKind::Deleted, Some(o), None) if o.label == "表格" => {
            Some(format!("删去{}中的表格。", table(o)))
        }
        (ChangeKind::Inserted, None, Some(n)) => Some(format!(
            "在{}中增加一行，作为{}：{}。",
            table(n),
            place(n),
            quote(&n.paragraphs)
        )),
        (ChangeKind::Deleted, Some(o), None) => Some(format!("删去{}{}。", table(o), place(o))),
        (_, Some(o), Some(n)) if is_column(o) => Some(format!(
            "将{}中的{}修改为{}。",
            table(o),
            o.heading.as_deref().unwrap_or(""),
            n.heading.as_deref().unwrap_or("")
        )),
        (_, Some(o), Some(n)) => {
            let mut said = Vec::new();
            if c.moved {
                said.push(format!("将{}{}移作{}", table(o), place(o), place(n)));
            }
            if c.modified {
                // 中的“A”修改为“B”, or the row whole.
                let edit = match named_edits(&c.inline, &old_text(&c.inline)) {
                    Some((edits, _)) => edits,
                    None => format!("修改为：{}", quote(&[new_text(&c.inline)])),
                };
                let row = if c.moved {
                    place(n)
                } else {
                    format!("{}{}", table(o), place(o))
                };
                said.push(format!("将{row}{edit}"));
            }
            (!said.is_empty()).then(|| format!("{}。", said.join("，并")))
        }
        _ => None,
    }
}
