//! What a decision says of a table: a column renamed, added or deleted, a
//! row changed, added, deleted or moved, each named by the table and the
//! row's place (附件《…》第十六行), as offices amend a 分工表.

use super::phrases::{named_edits, quote, said};
use crate::compare::inline::{InlineOp, new_text, old_text};
use crate::compare::tables::TablePart;
use crate::compare::{Change, ChangeKind, PartRef};
use crate::numbering::numerals::chinese;

/// The table a change is in: 附件《…分工表》.
fn table(r: &PartRef) -> &str {
    r.path.first().map_or("", String::as_str)
}

/// 第十六行 for a row labelled 第16行; a column's 第4列 likewise.
fn place(r: &PartRef) -> String {
    r.table
        .map_or_else(|| r.label.clone(), |part| part.label_with(chinese))
}

/// A row's cells named by their columns, as a decision gives a new row:
/// 重点任务“……”，牵头单位“……”; `None` where the columns are not known.
fn by_column(r: &PartRef) -> Option<String> {
    let text = r.paragraphs.concat();
    let cells: Vec<&str> = text.split('｜').collect();
    (!r.columns.is_empty() && r.columns.len() == cells.len()).then(|| {
        r.columns
            .iter()
            .zip(cells)
            .map(|(column, cell)| format!("{column}“{cell}”"))
            .collect::<Vec<_>>()
            .join("，")
    })
}

/// The edits of a changed row, each in the cell it is in, named by row and
/// column: 将附件《…》第六行“重点任务”栏中的“不少于5”修改为“不少于8”;
/// `None` where the row's columns are not known.
fn cell_edits(c: &Change, row: &str) -> Option<Vec<String>> {
    let columns = &c.new.as_ref()?.columns;
    // The row's runs, cell by cell: the cells are set apart by ｜.
    let mut cells: Vec<Vec<InlineOp>> = vec![Vec::new()];
    for op in &c.inline {
        match op {
            InlineOp::Equal { text } if text == "｜" => cells.push(Vec::new()),
            op => cells.last_mut()?.push(op.clone()),
        }
    }
    if cells.len() != columns.len() {
        return None;
    }
    let mut out = Vec::new();
    for (ops, column) in cells.iter().zip(columns) {
        if !ops.iter().any(said) {
            continue;
        }
        let cell = format!("{row}“{column}”栏");
        out.push(match named_edits(ops, &old_text(ops)) {
            Some((what, true)) => format!("删去{cell}{what}"),
            Some((what, false)) => format!("将{cell}{what}"),
            None => format!("将{cell}修改为“{}”", new_text(ops)),
        });
    }
    (!out.is_empty()).then_some(out)
}

/// The decision's item for a change to a table.
pub(super) fn item(c: &Change) -> Option<String> {
    let is_column = |r: &PartRef| matches!(r.table, Some(TablePart::Column(_)));
    let is_whole = |r: &PartRef| r.table == Some(TablePart::Whole);
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
        (ChangeKind::Inserted, None, Some(n)) if is_whole(n) => {
            Some(format!("在{}中增加一个表格。", table(n)))
        }
        (ChangeKind::Deleted, Some(o), None) if is_whole(o) => {
            Some(format!("删去{}中的表格。", table(o)))
        }
        (ChangeKind::Inserted, None, Some(n)) => Some(format!(
            "在{}中增加一行，作为{}：{}。",
            table(n),
            place(n),
            by_column(n).unwrap_or_else(|| quote(&n.paragraphs))
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
                let row = if c.moved {
                    place(n)
                } else {
                    format!("{}{}", table(o), place(o))
                };
                match cell_edits(c, &row) {
                    Some(edits) => said.extend(edits),
                    None => {
                        // 中的“A”修改为“B”, or the row whole.
                        let edit = match named_edits(&c.inline, &old_text(&c.inline)) {
                            Some((edits, _)) => edits,
                            None => format!("修改为：{}", quote(&[new_text(&c.inline)])),
                        };
                        said.push(format!("将{row}{edit}"));
                    }
                }
            }
            (!said.is_empty()).then(|| format!("{}。", said.join("，并")))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::item;
    use crate::compare::{Change, Place, compare};
    use crate::render::redline::labels::{headline, where_text};

    /// A draft of three parts; `tasks` and `funds` are the `text:` entries
    /// after the first paragraph of the first and the third.
    fn draft(tasks: &str, funds: &str) -> crate::numbering::Document {
        let yaml = format!(
            "title: 方案\nparts:\n  - heading: 任务\n    text:\n      - 见下表。\n{tasks}  - heading: 保障\n    text: 加强保障。\n  - heading: 资金\n    text:\n      - 见下表。\n{funds}"
        );
        let draft = crate::load::load_draft_bytes(std::path::Path::new("d.yaml"), yaml.as_bytes())
            .expect("a valid draft");
        crate::numbering::number(&draft)
    }

    fn table_changes(
        old: &crate::numbering::Document,
        new: &crate::numbering::Document,
    ) -> Vec<Change> {
        compare(old, new)
            .changes
            .into_iter()
            .filter(|c| c.place == Place::Table)
            .collect()
    }

    #[test]
    fn each_part_of_a_table_is_named_as_a_decision_names_it() {
        let tasks = |lead: &str, rows: &[&str]| {
            let rows: String = rows
                .iter()
                .enumerate()
                .map(|(i, r)| format!("            - [{}, {r}]\n", i + 1))
                .collect();
            format!(
                "      - table:\n          header: [序号, 任务, {lead}]\n          rows:\n{rows}"
            )
        };
        let funds = "      - table:\n          header: [项目, 金额]\n          rows:\n            - [道路改造, 1200万元]\n";
        let old = draft(
            &tasks(
                "牵头单位",
                &[
                    "推进城市更新, 区住建局",
                    "完善基础设施, 区发改局",
                    "优化营商环境, 区商务局",
                    "加强宣传引导, 区委宣传部",
                ],
            ),
            funds,
        );
        let new = draft(
            &tasks(
                "责任单位",
                &[
                    "推进城市更新, 区住建局",
                    "完善基础设施, 区发展改革局",
                    "加强宣传引导, 区委宣传部",
                    "优化营商环境, 区商务局",
                    "强化督查考核, 区政府督查室",
                ],
            ),
            "",
        );
        let items: Vec<String> = table_changes(&old, &new).iter().filter_map(item).collect();
        let t = "一、任务的表格";
        assert_eq!(
            items,
            [
                format!("将{t}中的“牵头单位”列修改为“责任单位”列。"),
                format!("将{t}第二行“责任单位”栏中的“区发改”修改为“区发展改革”。"),
                format!("将{t}第三行移作第四行。"),
                format!(
                    "在{t}中增加一行，作为第五行：任务“强化督查考核”，责任单位“区政府督查室”。"
                ),
                "删去三、资金的表格中的表格。".to_string(),
            ]
        );
        // The other way, the table is added whole.
        let items: Vec<String> = table_changes(&new, &old).iter().filter_map(item).collect();
        assert!(
            items.contains(&"在三、资金的表格中增加一个表格。".to_string()),
            "{items:?}"
        );
    }

    #[test]
    fn a_row_moved_is_headed_by_its_table_and_both_its_places() {
        let table = |rows: &[&str]| {
            let rows: String = rows
                .iter()
                .map(|r| format!("            - [{r}]\n"))
                .collect();
            format!("      - table:\n          header: [第一项, 第二项]\n          rows:\n{rows}")
        };
        let old = draft(
            &table(&["第一任务, 甲", "第二任务, 乙", "第三任务, 丙"]),
            "",
        );
        let new = draft(
            &table(&["第二任务, 乙", "第三任务, 丙", "第一任务, 甲"]),
            "",
        );
        let changes = table_changes(&old, &new);
        let heads: Vec<String> = changes
            .iter()
            .map(|c| {
                let (o, n) = (where_text(c, &c.old), where_text(c, &c.new));
                headline(c, &o, &n)
            })
            .collect();
        assert_eq!(
            heads,
            ["一、任务的表格原第1行 → 现第3行 第一任务｜甲（移动）"]
        );
    }
}
