//! Comments received on a draft and what the drafting office decided on them.

use serde::Serialize;

use super::{Date, Origin};

/// What the drafting office decided on a comment (处理情况).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Disposition {
    /// 采纳
    Adopted,
    /// 部分采纳
    PartlyAdopted,
    /// 未采纳
    NotAdopted,
    /// 已有规定: what the comment asks for is already in the text.
    AlreadyProvided,
    /// 不涉及: the comment is outside what the document governs.
    NotApplicable,
    /// 待处理: received and recorded, not yet decided. Comments come in
    /// before the office decides on them (a reviewer's Word comments are
    /// imported so); the 意见采纳情况表 counts them apart.
    Pending,
}

impl Disposition {
    pub const ALL: [Disposition; 6] = [
        Disposition::Adopted,
        Disposition::PartlyAdopted,
        Disposition::NotAdopted,
        Disposition::AlreadyProvided,
        Disposition::NotApplicable,
        Disposition::Pending,
    ];

    /// Whether a reason must be given: for every decision but 采纳, and not
    /// before there is a decision.
    pub fn needs_reason(self) -> bool {
        !matches!(self, Disposition::Adopted | Disposition::Pending)
    }

    /// The name in a 意见采纳情况表.
    pub fn zh(self) -> &'static str {
        match self {
            Disposition::Adopted => "采纳",
            Disposition::PartlyAdopted => "部分采纳",
            Disposition::NotAdopted => "未采纳",
            Disposition::AlreadyProvided => "已有规定",
            Disposition::NotApplicable => "不涉及",
            Disposition::Pending => "待处理",
        }
    }

    /// Every name a disposition is read by, as offices and programs write
    /// it: the Chinese names (and 采用, 不采纳 …) or English (adopted,
    /// partly, rejected …), in lower case with words apart. What
    /// [`Disposition::parse`] reads and `gongwen schema` lists.
    pub const NAMES: [(&'static str, Disposition); 39] = [
        ("采纳", Disposition::Adopted),
        ("采用", Disposition::Adopted),
        ("已采纳", Disposition::Adopted),
        ("adopted", Disposition::Adopted),
        ("accepted", Disposition::Adopted),
        ("adopt", Disposition::Adopted),
        ("accept", Disposition::Adopted),
        ("部分采纳", Disposition::PartlyAdopted),
        ("部分采用", Disposition::PartlyAdopted),
        ("partly adopted", Disposition::PartlyAdopted),
        ("partially adopted", Disposition::PartlyAdopted),
        ("partly", Disposition::PartlyAdopted),
        ("partially", Disposition::PartlyAdopted),
        ("partial", Disposition::PartlyAdopted),
        ("未采纳", Disposition::NotAdopted),
        ("不采纳", Disposition::NotAdopted),
        ("不予采纳", Disposition::NotAdopted),
        ("未采用", Disposition::NotAdopted),
        ("not adopted", Disposition::NotAdopted),
        ("rejected", Disposition::NotAdopted),
        ("reject", Disposition::NotAdopted),
        ("declined", Disposition::NotAdopted),
        ("已有规定", Disposition::AlreadyProvided),
        ("已有相关规定", Disposition::AlreadyProvided),
        ("already provided", Disposition::AlreadyProvided),
        ("already", Disposition::AlreadyProvided),
        ("existing", Disposition::AlreadyProvided),
        ("不涉及", Disposition::NotApplicable),
        ("不属于本文件内容", Disposition::NotApplicable),
        ("not applicable", Disposition::NotApplicable),
        ("n/a", Disposition::NotApplicable),
        ("na", Disposition::NotApplicable),
        ("out of scope", Disposition::NotApplicable),
        ("待处理", Disposition::Pending),
        ("待定", Disposition::Pending),
        ("未处理", Disposition::Pending),
        ("待研究", Disposition::Pending),
        ("pending", Disposition::Pending),
        ("undecided", Disposition::Pending),
    ];

    /// Reads a disposition by any of its [`Disposition::NAMES`], in any
    /// case, with `_` or `-` between words as well as a space.
    pub fn parse(text: &str) -> Option<Disposition> {
        let t = text.trim().to_lowercase().replace(['_', '-'], " ");
        Disposition::NAMES
            .iter()
            .find(|(name, _)| *name == t)
            .map(|(_, d)| *d)
    }
}

/// What a comment is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The whole text (总体意见).
    General,
    /// A part: its `id:`, or its number as printed in the draft commented on
    /// (第九条, 二、（三）, 第三条第二款).
    Part(String),
}

/// One comment received on a draft (`<draft>.comments.yaml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    pub id: String,
    /// Who sent it: a unit, or 公众 / 个人 with an optional name.
    pub from: String,
    pub received: Option<Date>,
    /// What it is about, each with where it is written.
    pub on: Vec<(Target, Origin)>,
    /// The passage it is about, as the sender quoted or marked it (a Word
    /// comment's anchored text).
    pub quote: Option<String>,
    pub text: String,
    pub disposition: Disposition,
    /// Why it was not (or only partly) adopted; required unless adopted.
    pub reason: Option<String>,
    pub note: Option<String>,
    /// Where the comment starts.
    pub origin: Origin,
}
