//! The columns comments travel in. Each field of a comment with the headers
//! offices write for it in a 意见反馈表 (what `import::feedback` reads), and
//! the columns of the 意见采纳情况表 gongwen writes (`render::comments`),
//! whose headers read back as their fields: a table sent back filled in
//! imports. A column of the 意见采纳情况表 is added here, once.

use serde::Serialize;

/// A field of a comment, as a column of a table gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CommentField {
    Id,
    From,
    Received,
    On,
    Text,
    Disposition,
    Reason,
    Note,
}

impl CommentField {
    pub const ALL: [CommentField; 8] = [
        CommentField::Id,
        CommentField::From,
        CommentField::Received,
        CommentField::On,
        CommentField::Text,
        CommentField::Disposition,
        CommentField::Reason,
        CommentField::Note,
    ];

    /// The key it is in a comments file.
    pub fn key(self) -> &'static str {
        match self {
            CommentField::Id => "id",
            CommentField::From => "from",
            CommentField::Received => "received",
            CommentField::On => "on",
            CommentField::Text => "text",
            CommentField::Disposition => "disposition",
            CommentField::Reason => "reason",
            CommentField::Note => "note",
        }
    }

    /// The headers offices write for it in a 意见反馈表, the usual one
    /// (which messages name it by) first. The 意见采纳情况表's headers
    /// ([`TABLE_COLUMNS`]) are read as well.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            CommentField::Id => &["序号", "编号", "id"],
            CommentField::From => &[
                "单位",
                "反馈单位",
                "意见提出单位",
                "提出单位（个人）",
                "提出人",
                "来源",
                "from",
            ],
            CommentField::Received => &["日期", "收到日期", "反馈日期", "反馈时间", "received"],
            CommentField::On => &[
                "条款",
                "章节",
                "条款/章节",
                "涉及条款",
                "对应条款",
                "条目",
                "部分",
                "on",
            ],
            CommentField::Text => &[
                "意见内容",
                "意见",
                "修改意见",
                "具体意见",
                "意见建议",
                "text",
            ],
            CommentField::Disposition => &["处理情况", "是否采纳", "处理意见", "disposition"],
            CommentField::Reason => &["理由", "未采纳理由", "说明", "reason"],
            CommentField::Note => &["备注", "note"],
        }
    }

    /// Its usual header, for messages.
    pub fn name(self) -> &'static str {
        self.headers()[0]
    }

    /// Whether two columns of it are read as one, their texts joined: text
    /// can be; a sender, a part, a decision or a date cannot.
    pub fn joins(self) -> bool {
        matches!(
            self,
            CommentField::Text | CommentField::Reason | CommentField::Note
        )
    }

    /// The field a column's header names: one offices write, or one the
    /// 意见采纳情况表 prints; spaces aside, Latin letters in either case.
    pub fn of_header(header: &str) -> Option<CommentField> {
        let h: String = header.chars().filter(|c| !c.is_whitespace()).collect();
        let printed = TABLE_COLUMNS.iter().map(|c| (c.field, c.header));
        let written = CommentField::ALL
            .into_iter()
            .flat_map(|f| f.headers().iter().map(move |name| (f, *name)));
        written
            .chain(printed)
            .find(|(_, name)| name.eq_ignore_ascii_case(&h))
            .map(|(f, _)| f)
    }
}

/// A width in the PDF: fixed, in ems, or a share of what the fixed ones
/// leave.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Em(f64),
    Fr(f64),
}

/// A column of the 意见采纳情况表.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TableColumn {
    pub header: &'static str,
    /// The field it shows (for 序号, the comment's place in the table), and
    /// reads back as.
    pub field: CommentField,
    /// Its share of the width of a landscape page in Word.
    pub word_share: u32,
    /// Its width in the PDF.
    pub pdf_width: Width,
    /// Centred (a short value: a number, a decision).
    pub centred: bool,
    /// The HTML's class for its cells ("" for none).
    pub class: &'static str,
}

/// The 意见采纳情况表's columns, in order.
pub const TABLE_COLUMNS: [TableColumn; 6] = [
    TableColumn {
        header: "序号",
        field: CommentField::Id,
        word_share: 4,
        pdf_width: Width::Em(3.2),
        centred: true,
        class: "n",
    },
    TableColumn {
        header: "提出单位",
        field: CommentField::From,
        word_share: 12,
        pdf_width: Width::Fr(1.0),
        centred: false,
        class: "",
    },
    TableColumn {
        header: "条款",
        field: CommentField::On,
        word_share: 12,
        pdf_width: Width::Fr(1.0),
        centred: false,
        class: "t",
    },
    TableColumn {
        header: "意见内容",
        field: CommentField::Text,
        word_share: 32,
        pdf_width: Width::Fr(2.6),
        centred: false,
        class: "",
    },
    TableColumn {
        header: "采纳情况",
        field: CommentField::Disposition,
        word_share: 8,
        pdf_width: Width::Em(5.6),
        centred: true,
        class: "d",
    },
    TableColumn {
        header: "理由及说明",
        field: CommentField::Reason,
        word_share: 26,
        pdf_width: Width::Fr(2.2),
        centred: false,
        class: "",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_reads_back_as_its_field() {
        for column in &TABLE_COLUMNS {
            assert_eq!(
                CommentField::of_header(column.header),
                Some(column.field),
                "{}",
                column.header
            );
        }
        for field in CommentField::ALL {
            for header in field.headers() {
                assert_eq!(CommentField::of_header(header), Some(field), "{header}");
            }
        }
        assert_eq!(
            CommentField::of_header(" 意见 内容"),
            Some(CommentField::Text)
        );
        assert_eq!(
            CommentField::of_header("Reason"),
            Some(CommentField::Reason)
        );
        assert_eq!(CommentField::of_header("联系人"), None);
    }
}
