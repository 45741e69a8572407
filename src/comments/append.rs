//! Comments from a 意见反馈表 added to a draft's comments file: appended as
//! YAML after what is there (whose text, remarks included, is left as it
//! is), each row once however often the table is imported.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::import::feedback::FeedbackRow;
use crate::model::Comment;

/// What an import adds: the new file text and how many rows were new.
pub struct Appended {
    pub text: String,
    pub added: usize,
    /// Rows already in the file (the same sender and text).
    pub already: usize,
}

/// A YAML scalar: a double-quoted string (JSON's form, which YAML reads).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serialises")
}

/// Appends the rows not yet in `existing` to the file text `current` (empty
/// for a new file).
pub fn append(current: &str, existing: &[Comment], rows: &[FeedbackRow]) -> Appended {
    let mut text = if current.trim().is_empty() {
        "# 征求意见记录：gongwen comments import 从意见反馈表导入，可直接编辑。\ncomments:\n"
            .to_string()
    } else {
        let mut t = current.to_string();
        if !t.ends_with('\n') {
            t.push('\n');
        }
        t
    };
    let mut seen: HashSet<(String, String)> = existing
        .iter()
        .map(|c| (c.from.clone(), c.text.clone()))
        .collect();
    let mut ids: HashSet<String> = existing.iter().map(|c| c.id.clone()).collect();
    let mut next = existing
        .iter()
        .filter_map(|c| c.id.parse::<u64>().ok())
        .max()
        .unwrap_or(0);
    let (mut added, mut already) = (0, 0);
    for row in rows {
        if !seen.insert((row.from.clone(), row.text.clone())) {
            already += 1;
            continue;
        }
        let id = match &row.id {
            Some(id) if !ids.contains(id) => id.clone(),
            _ => {
                next += 1;
                while ids.contains(&next.to_string()) {
                    next += 1;
                }
                next.to_string()
            }
        };
        if let Ok(n) = id.parse::<u64>() {
            next = next.max(n);
        }
        ids.insert(id.clone());
        let _ = writeln!(text, "\n  - id: {}", quoted(&id));
        let _ = writeln!(text, "    from: {}", quoted(&row.from));
        if let Some(d) = row.received {
            let _ = writeln!(
                text,
                "    received: {:04}-{:02}-{:02}",
                d.year, d.month, d.day
            );
        }
        let on: Vec<String> = row.on.iter().map(|o| quoted(o)).collect();
        let on = match on.as_slice() {
            [one] => one.clone(),
            many => format!("[{}]", many.join(", ")),
        };
        let _ = writeln!(text, "    on: {on}");
        let _ = writeln!(text, "    text: {}", quoted(&row.text));
        let _ = writeln!(text, "    disposition: {}", row.disposition.zh());
        if let Some(r) = &row.reason {
            let _ = writeln!(text, "    reason: {}", quoted(r));
        }
        if let Some(n) = &row.note {
            let _ = writeln!(text, "    note: {}", quoted(n));
        }
        let _ = writeln!(text, "    # 意见反馈表第 {} 行", row.row);
        added += 1;
    }
    Appended {
        text,
        added,
        already,
    }
}
