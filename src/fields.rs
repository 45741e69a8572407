//! The metadata fields of a draft (title, stage, organ …), in one table that
//! everything reads: the loader (which keys exist and what form each takes),
//! the YAML writer (what it writes and where), the comparison and the redline
//! (what is compared, and its Chinese name), and the glyph check (what text
//! is printed). A new field is one row here and one field of [`Meta`].
//!
//! ```
//! use gongwen::fields::MetaField;
//! assert_eq!(MetaField::Cc.key(), "cc");
//! assert_eq!(MetaField::Cc.label(), "抄送");
//! ```

use serde::Serialize;

use crate::model::{Date, Meta};

/// A metadata field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MetaField {
    /// 标题
    Title,
    /// 稿别
    Stage,
    /// 发文机关
    Organ,
    /// 成文日期
    Date,
    /// 发文字号
    Number,
    /// 主送机关
    To,
    /// 附件
    Attachments,
    /// 抄送
    Cc,
    /// 印发机关
    Printer,
    /// 印发日期
    Printed,
}

/// The form a field's value takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldForm {
    /// Inline Markdown, perhaps on several lines (the title).
    Text,
    /// One plain value (an organ's name, a document number).
    Value,
    /// A calendar date: `2021-09-01` or `2021年9月1日`.
    Date,
    /// One value or a list of them (inline Markdown for attachments).
    List,
}

/// A field's value, read or to be set.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    Date(Date),
    List(Vec<String>),
}

impl MetaField {
    /// Every field, in the order a 公文 shows them and the YAML writer writes them.
    pub const ALL: [MetaField; 10] = [
        MetaField::Title,
        MetaField::Stage,
        MetaField::Organ,
        MetaField::Date,
        MetaField::Number,
        MetaField::To,
        MetaField::Attachments,
        MetaField::Cc,
        MetaField::Printer,
        MetaField::Printed,
    ];

    /// The key in YAML (and the field's name in the JSON of a redline).
    pub fn key(self) -> &'static str {
        match self {
            MetaField::Title => "title",
            MetaField::Stage => "stage",
            MetaField::Organ => "organ",
            MetaField::Date => "date",
            MetaField::Number => "number",
            MetaField::To => "to",
            MetaField::Attachments => "attachments",
            MetaField::Cc => "cc",
            MetaField::Printer => "printer",
            MetaField::Printed => "printed",
        }
    }

    /// Its Chinese name, as a redline and a message name it.
    pub fn label(self) -> &'static str {
        match self {
            MetaField::Title => "标题",
            MetaField::Stage => "稿别",
            MetaField::Organ => "发文机关",
            MetaField::Date => "成文日期",
            MetaField::Number => "发文字号",
            MetaField::To => "主送机关",
            MetaField::Attachments => "附件",
            MetaField::Cc => "抄送",
            MetaField::Printer => "印发机关",
            MetaField::Printed => "印发日期",
        }
    }

    /// Other names an author may write for the key (suggested in messages).
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            MetaField::Title => &["标题", "题目"],
            MetaField::Stage => &["阶段", "稿别"],
            MetaField::Organ => &["发文机关", "机关"],
            MetaField::Date => &["日期", "成文日期"],
            MetaField::Number => &["文号", "发文字号"],
            MetaField::To => &["主送", "主送机关"],
            MetaField::Attachments => &["附件"],
            MetaField::Cc => &["抄送"],
            MetaField::Printer => &["印发", "印发机关"],
            MetaField::Printed => &["印发日期"],
        }
    }

    /// The form its value takes.
    pub fn form(self) -> FieldForm {
        match self {
            MetaField::Title => FieldForm::Text,
            MetaField::Date | MetaField::Printed => FieldForm::Date,
            MetaField::Attachments | MetaField::Cc => FieldForm::List,
            _ => FieldForm::Value,
        }
    }

    /// Whether a 公文 shows it before the body (title … 主送) or after it
    /// (附件, 抄送, 印发); the YAML writer writes it there too.
    pub fn before_body(self) -> bool {
        !matches!(
            self,
            MetaField::Attachments | MetaField::Cc | MetaField::Printer | MetaField::Printed
        )
    }

    /// A text value as a draft keeps it: a title without the line break it
    /// may end with, a stage without brackets (`（征求意见稿）` is `征求意见稿`).
    pub fn normalise(self, text: &str) -> String {
        match self {
            MetaField::Title => text.trim_end_matches('\n').to_string(),
            MetaField::Stage => crate::model::stage_name(text).to_string(),
            _ => text.to_string(),
        }
    }

    /// The field's value in a draft, if it has one.
    pub fn get(self, meta: &Meta) -> Option<FieldValue> {
        let text = |v: &Option<String>| v.clone().map(FieldValue::Text);
        let list = |v: &[String]| (!v.is_empty()).then(|| FieldValue::List(v.to_vec()));
        match self {
            MetaField::Title => Some(FieldValue::Text(meta.title.clone())),
            MetaField::Stage => text(&meta.stage),
            MetaField::Organ => text(&meta.organ),
            MetaField::Date => meta.date.map(FieldValue::Date),
            MetaField::Number => text(&meta.number),
            MetaField::To => text(&meta.to),
            MetaField::Attachments => list(&meta.attachments),
            MetaField::Cc => list(&meta.cc),
            MetaField::Printer => text(&meta.printer),
            MetaField::Printed => meta.printed.map(FieldValue::Date),
        }
    }

    /// Sets the field in a draft (a value of another form is ignored).
    pub fn set(self, meta: &mut Meta, value: FieldValue) {
        match (self, value) {
            (MetaField::Title, FieldValue::Text(t)) => meta.title = t,
            (MetaField::Stage, FieldValue::Text(t)) => meta.stage = Some(t),
            (MetaField::Organ, FieldValue::Text(t)) => meta.organ = Some(t),
            (MetaField::Number, FieldValue::Text(t)) => meta.number = Some(t),
            (MetaField::To, FieldValue::Text(t)) => meta.to = Some(t),
            (MetaField::Printer, FieldValue::Text(t)) => meta.printer = Some(t),
            (MetaField::Date, FieldValue::Date(d)) => meta.date = Some(d),
            (MetaField::Printed, FieldValue::Date(d)) => meta.printed = Some(d),
            (MetaField::Attachments, FieldValue::List(l)) => meta.attachments = l,
            (MetaField::Cc, FieldValue::List(l)) => meta.cc = l,
            _ => {}
        }
    }

    /// The value as text, as it is compared and shown: a date as 2021年9月1日,
    /// a list one entry per line.
    pub fn text(self, meta: &Meta) -> Option<String> {
        self.get(meta).map(|v| match v {
            FieldValue::Text(t) => t,
            FieldValue::Date(d) => d.to_string(),
            FieldValue::List(l) => l.join("\n"),
        })
    }

    /// Its values as they are printed, entry by entry (for the glyph check).
    pub fn printed(self, meta: &Meta) -> Vec<String> {
        match self.get(meta) {
            Some(FieldValue::List(l)) => l,
            Some(FieldValue::Text(t)) => vec![t],
            Some(FieldValue::Date(d)) => vec![d.to_string()],
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_reads_back_what_was_set() {
        let mut meta = Meta::default();
        for field in MetaField::ALL {
            let value = match field.form() {
                FieldForm::Text | FieldForm::Value => {
                    FieldValue::Text(format!("{}值", field.label()))
                }
                FieldForm::Date => FieldValue::Date(Date::new(2021, 9, 1).unwrap()),
                FieldForm::List => FieldValue::List(vec!["甲".into(), "乙".into()]),
            };
            field.set(&mut meta, value.clone());
            assert_eq!(field.get(&meta), Some(value), "{field:?}");
        }
        assert_eq!(MetaField::Cc.text(&meta).as_deref(), Some("甲\n乙"));
        assert_eq!(MetaField::Date.text(&meta).as_deref(), Some("2021年9月1日"));
    }
}
