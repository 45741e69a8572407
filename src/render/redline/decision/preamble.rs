//! The 引言 in a decision: the paragraphs before the first part, compared
//! like a part (将引言中的“A”修改为“B”, 将引言修改为：“……”), and the document's
//! own header lines (adopted, promulgated, in force, amended), which never are.

use super::phrases::{named_edits, quote};
use super::substantive;
use crate::compare::{Change, ChangeKind, PartRef};

/// A header line of a law or an interpretation, not its 引言: a date with
/// what was done on it (2000年3月15日 …通过, 2021年3月1日 施行, …修正), or a
/// line in brackets.
fn is_header_line(text: &str) -> bool {
    static DATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"^[（(]?[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日")
            .expect("a valid pattern")
    });
    let text = text.trim();
    DATED.is_match(text)
        || (text.starts_with(['（', '(']) && text.ends_with(['）', ')']))
        || ["通过", "公布", "施行", "修正", "修订"]
            .iter()
            .any(|done| text.ends_with(done) || text.ends_with(&format!("{done}）")))
}

/// The decision's item for a change to the 引言 (将引言中的“A”修改为“B”,
/// 将引言修改为：“……”), none for a header line or an edit it does not state.
pub(super) fn preamble(c: &Change) -> Option<String> {
    let text = |r: &Option<PartRef>| r.as_ref().map(|r| r.paragraphs.concat());
    let (old, new) = (text(&c.old), text(&c.new));
    if [&old, &new]
        .into_iter()
        .flatten()
        .any(|t| is_header_line(t))
    {
        return None;
    }
    match (c.kind, old, new) {
        (ChangeKind::Inserted, _, Some(new)) => Some(format!("增加引言：{}", quote(&[new]))),
        (ChangeKind::Deleted, Some(_), _) => Some("删去引言。".to_string()),
        (_, Some(old), Some(new)) if substantive(c) => Some(match named_edits(&c.inline, &old) {
            Some((what, true)) => format!("删去引言{what}。"),
            Some((what, false)) => format!("将引言{what}。"),
            None => format!("将引言修改为：{}", quote(&[new])),
        }),
        _ => None,
    }
}
