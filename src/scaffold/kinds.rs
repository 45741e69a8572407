//! The kinds of document `gongwen new` starts, and the skeleton of parts
//! typical of each: what an office's first draft of a 通知, 实施方案, 意见
//! or 办法 holds before anyone has written a word of it. Text to replace is
//! marked plainly (…… for words, ×× for names); numbers are never written,
//! gongwen makes them.

use crate::model::Style;

/// A kind of document `gongwen new` can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 通知: a short body, 特此通知。
    Notice,
    /// 实施方案: 总体要求 / 主要任务 / 保障措施, in the outline style.
    Plan,
    /// 意见: 总体要求 / 重点任务 / 组织实施, in the outline style.
    Opinions,
    /// 办法: chapters and articles, 总则 to 附则.
    Measures,
}

impl Kind {
    /// Every kind, in the order they are listed to the user.
    pub const ALL: [Kind; 4] = [Kind::Notice, Kind::Plan, Kind::Opinions, Kind::Measures];

    /// The kind's name as offices write it: 通知, 实施方案, 意见, 办法.
    pub fn chinese(self) -> &'static str {
        match self {
            Kind::Notice => "通知",
            Kind::Plan => "实施方案",
            Kind::Opinions => "意见",
            Kind::Measures => "办法",
        }
    }

    /// The English name `--kind` also takes.
    pub fn english(self) -> &'static str {
        match self {
            Kind::Notice => "notice",
            Kind::Plan => "plan",
            Kind::Opinions => "opinions",
            Kind::Measures => "measures",
        }
    }

    /// The kind a `--kind` value names, in Chinese or English (any case);
    /// 方案 is taken for 实施方案.
    pub fn parse(name: &str) -> Option<Kind> {
        let name = name.trim();
        let lower = name.to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| name == k.chinese() || lower == k.english())
            .or((name == "方案").then_some(Kind::Plan))
    }

    /// Every kind as `--kind` takes it, listed in `lang`: `通知` (`notice`), ….
    pub fn listed(lang: crate::i18n::Lang) -> String {
        let (open, close, comma) = match lang {
            crate::i18n::Lang::Zh => ("（", "）", "、"),
            crate::i18n::Lang::En => (" (", ")", ", "),
        };
        Kind::ALL
            .map(|k| format!("`{}`{open}`{}`{close}", k.chinese(), k.english()))
            .join(comma)
    }

    pub(super) fn skeleton(self) -> &'static Skeleton {
        match self {
            Kind::Notice => &NOTICE,
            Kind::Plan => &PLAN,
            Kind::Opinions => &OPINIONS,
            Kind::Measures => &MEASURES,
        }
    }
}

/// What a first draft of a kind holds besides the metadata every draft has.
pub(super) struct Skeleton {
    pub title: &'static str,
    /// 主送机关, for the kinds sent to named organs.
    pub to: Option<&'static str>,
    pub style: Style,
    pub preamble: &'static [&'static str],
    pub parts: &'static [Part],
    pub closing: &'static [&'static str],
}

/// A part of the skeleton: a heading (a division, or an outline heading),
/// its paragraphs, its sub-parts. A part with neither heading nor sub-parts
/// and one paragraph is written as that paragraph alone.
pub(super) struct Part {
    pub heading: Option<&'static str>,
    pub text: &'static [&'static str],
    pub parts: &'static [Part],
}

const fn heading(heading: &'static str, parts: &'static [Part]) -> Part {
    Part {
        heading: Some(heading),
        text: &[],
        parts,
    }
}

/// A heading with its paragraphs: 一、工作目标 on a line of its own, or
/// run in at the second level: （一）指导思想。……
const fn item_of(heading: &'static str, text: &'static [&'static str]) -> Part {
    Part {
        heading: Some(heading),
        text,
        parts: &[],
    }
}

/// Paragraphs alone: an article of the articles style.
const fn para(text: &'static [&'static str]) -> Part {
    Part {
        heading: None,
        text,
        parts: &[],
    }
}

static NOTICE: Skeleton = Skeleton {
    title: "关于……的通知",
    to: Some("各有关单位"),
    style: Style::Outline,
    preamble: &["为……，根据……，现就……有关事项通知如下："],
    parts: &[
        item_of("工作目标", &["……。"]),
        item_of("工作安排", &["……。"]),
        item_of(
            "有关要求",
            &["各单位要……，于……前将……报送××。联系人：××，电话：××。"],
        ),
    ],
    closing: &["特此通知。"],
};

static PLAN: Skeleton = Skeleton {
    title: "……实施方案",
    to: None,
    style: Style::Outline,
    preamble: &["为……，根据……，结合……实际，制定本方案。"],
    parts: &[
        heading(
            "总体要求",
            &[
                item_of("指导思想。", &["以……为指导，……。"]),
                item_of("工作目标。", &["到……年，……。"]),
            ],
        ),
        heading(
            "主要任务",
            &[item_of("……。", &["……。"]), item_of("……。", &["……。"])],
        ),
        heading(
            "保障措施",
            &[
                item_of("加强组织领导。", &["……。"]),
                item_of("强化督促落实。", &["……。"]),
            ],
        ),
    ],
    closing: &[],
};

static OPINIONS: Skeleton = Skeleton {
    title: "关于……的意见",
    to: Some("各有关单位"),
    style: Style::Outline,
    preamble: &["为……，现提出如下意见。"],
    parts: &[
        heading(
            "总体要求",
            &[
                item_of("指导思想。", &["以……为指导，……。"]),
                item_of("基本原则。", &["……。"]),
                item_of("主要目标。", &["到……年，……。"]),
            ],
        ),
        heading(
            "重点任务",
            &[item_of("……。", &["……。"]), item_of("……。", &["……。"])],
        ),
        heading(
            "组织实施",
            &[
                item_of("加强组织领导。", &["……。"]),
                item_of("强化政策保障。", &["……。"]),
                item_of("抓好督促落实。", &["……。"]),
            ],
        ),
    ],
    closing: &[],
};

static MEASURES: Skeleton = Skeleton {
    title: "……办法",
    to: None,
    style: Style::Articles,
    preamble: &[],
    parts: &[
        heading(
            "总则",
            &[
                para(&["为了……，根据……，结合……实际，制定本办法。"]),
                para(&["本办法适用于……。"]),
                para(&["……应当遵循……的原则。"]),
            ],
        ),
        heading("……", &[para(&["……。"]), para(&["……。"])]),
        heading(
            "附则",
            &[
                para(&["本办法由……负责解释。"]),
                para(&["本办法自……起施行。"]),
            ],
        ),
    ],
    closing: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_is_named_in_chinese_or_english_and_nothing_else_names_one() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.chinese()), Some(kind));
            assert_eq!(Kind::parse(kind.english()), Some(kind));
            assert_eq!(Kind::parse(&kind.english().to_uppercase()), Some(kind));
        }
        assert_eq!(Kind::parse("方案"), Some(Kind::Plan));
        for other in ["公告", "通", "", "notices", "决定"] {
            assert_eq!(Kind::parse(other), None, "{other}");
        }
    }
}
