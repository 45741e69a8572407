//! How a draft is numbered: its style (大纲 or 条文), the levels of its
//! parts in each style and the names YAML gives them, and the role a level
//! or a compared piece plays for templates and views.

use serde::Serialize;

/// How a document is numbered.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Numbering {
    pub style: Style,
    /// Levels whose numbers run on across parents instead of restarting.
    pub continuous: Vec<Level>,
}

/// The two numbering styles of Chinese official documents. All that is
/// said of a style — its names in YAML, how its numbers read — is said
/// here, once; its levels are in [`Level::NAMES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    /// 一、 → （一） → 1. → （1）, used by 意见, 方案, 措施, 通知.
    #[default]
    Outline,
    /// 第一章 → 第一节 → 第一条 → （一） → 1., used by 办法, 条例, 规定 and laws.
    Articles,
}

impl Style {
    /// Every style, the default first.
    pub const ALL: [Style; 2] = [Style::Outline, Style::Articles];

    /// The name used in YAML with English keys (`style: articles`).
    pub fn name(self) -> &'static str {
        match self {
            Style::Outline => "outline",
            Style::Articles => "articles",
        }
    }

    /// The name used in YAML with Chinese keys (`编号方式: 条文`).
    pub fn chinese(self) -> &'static str {
        match self {
            Style::Outline => "大纲",
            Style::Articles => "条文",
        }
    }

    /// How its numbers read, outermost first, for messages.
    pub fn numbers(self) -> &'static str {
        match self {
            Style::Outline => "一、 （一） 1. （1）",
            Style::Articles => "第一章 第一节 第一条 （一） 1.",
        }
    }

    /// Every name `style:` (编号方式) may be written as, the English ones
    /// first: what the loader reads and `gongwen schema` lists.
    pub fn names() -> impl Iterator<Item = (&'static str, Style)> {
        let english = Style::ALL.into_iter().map(|s| (s.name(), s));
        english.chain(Style::ALL.into_iter().map(|s| (s.chinese(), s)))
    }

    /// The style a name of it means, in English or Chinese.
    pub fn parse(name: &str) -> Option<Style> {
        Style::names().find(|(n, _)| *n == name).map(|(_, s)| s)
    }
}

/// The place of a part in the numbering hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Level {
    /// Outline level 1–4: 一、 （一） 1. （1）.
    Outline(u8),
    /// 编
    Book,
    /// 分编
    SubBook,
    /// 章
    Chapter,
    /// 节
    Section,
    /// 条
    Article,
    /// 项: （一） inside an article.
    Item,
    /// 目: 1. inside an item.
    SubItem,
}

impl Level {
    /// The divisions an articles-style document may use, outermost first.
    pub const DIVISIONS: [Level; 4] = [Level::Book, Level::SubBook, Level::Chapter, Level::Section];

    /// Rank in the hierarchy: smaller is outer.
    pub fn rank(self) -> u8 {
        match self {
            Level::Outline(n) => n,
            Level::Book => 0,
            Level::SubBook => 1,
            Level::Chapter => 2,
            Level::Section => 3,
            Level::Article => 4,
            Level::Item => 5,
            Level::SubItem => 6,
        }
    }

    /// The level below which this one restarts its count, unless it is
    /// continuous. Chapters restart in each 编 but run on through its 分编,
    /// as in the Civil Code.
    pub fn restarts_under(self) -> Option<Level> {
        match self {
            Level::Outline(1) | Level::Book | Level::Article => None,
            Level::Outline(n) => Some(Level::Outline(n - 1)),
            Level::SubBook | Level::Chapter => Some(Level::Book),
            Level::Section => Some(Level::Chapter),
            Level::Item => Some(Level::Article),
            Level::SubItem => Some(Level::Item),
        }
    }

    /// Whether this level is a division (编/分编/章/节) of an articles-style text.
    pub fn is_division(self) -> bool {
        Level::DIVISIONS.contains(&self)
    }

    /// The name a YAML author uses for the level in `continuous` and `kind`.
    pub fn name(self) -> String {
        match self {
            Level::Outline(n) => n.to_string(),
            Level::Book => "编".into(),
            Level::SubBook => "分编".into(),
            Level::Chapter => "章".into(),
            Level::Section => "节".into(),
            Level::Article => "条".into(),
            Level::Item => "项".into(),
            Level::SubItem => "目".into(),
        }
    }

    /// Every name a YAML author may write for a level in `continuous` and
    /// `kind`, by style: what [`Level::parse`] reads and `gongwen schema` lists.
    pub const NAMES: [(Style, &'static str, Level); 18] = [
        (Style::Outline, "1", Level::Outline(1)),
        (Style::Outline, "2", Level::Outline(2)),
        (Style::Outline, "3", Level::Outline(3)),
        (Style::Outline, "4", Level::Outline(4)),
        (Style::Articles, "编", Level::Book),
        (Style::Articles, "分编", Level::SubBook),
        (Style::Articles, "章", Level::Chapter),
        (Style::Articles, "节", Level::Section),
        (Style::Articles, "条", Level::Article),
        (Style::Articles, "项", Level::Item),
        (Style::Articles, "目", Level::SubItem),
        (Style::Articles, "book", Level::Book),
        (Style::Articles, "subbook", Level::SubBook),
        (Style::Articles, "chapter", Level::Chapter),
        (Style::Articles, "section", Level::Section),
        (Style::Articles, "article", Level::Article),
        (Style::Articles, "item", Level::Item),
        (Style::Articles, "subitem", Level::SubItem),
    ];

    /// Parses a level name as written in YAML for the given style.
    pub fn parse(style: Style, name: &str) -> Option<Level> {
        Level::NAMES
            .iter()
            .find(|(s, n, _)| *s == style && *n == name)
            .map(|(_, _, level)| *level)
    }

    /// The levels of a style by their first names (1–4; 编 … 目), for
    /// error messages.
    pub fn names(style: Style) -> Vec<&'static str> {
        let mut levels: Vec<Level> = Vec::new();
        let mut names = Vec::new();
        for (s, name, level) in Level::NAMES {
            if s == style && !levels.contains(&level) {
                levels.push(level);
                names.push(name);
            }
        }
        names
    }
}

/// What a block or a compared piece is, as templates and the JSON name it: a
/// part's level (`l1`–`l4` in the outline style, `book` … `subitem` in the
/// articles style), a further paragraph of a part (`text`), a paragraph of the
/// preamble or closing (`paragraph`), or a metadata value (`meta`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    L1,
    L2,
    L3,
    L4,
    Book,
    Subbook,
    Chapter,
    Section,
    Article,
    Item,
    Subitem,
    Text,
    Paragraph,
    Meta,
    /// A row of a table, as a redline names a change to it.
    Row,
    /// A column of a table, likewise.
    Column,
}

impl Role {
    /// What sets a printed number off from the text after it: a full-width
    /// space after 第一编, 第一章, 第一节 and 第一条 (GB/T 9704 practice);
    /// nothing after 一、 or （一）, which end in punctuation.
    pub fn label_gap(self) -> &'static str {
        match self {
            // 第六行　推动……, as 第一条　为了…….
            Role::Book
            | Role::Subbook
            | Role::Chapter
            | Role::Section
            | Role::Article
            | Role::Row
            | Role::Column => "\u{3000}",
            _ => "",
        }
    }
}

impl Level {
    /// The level's role (also its CSS class and the name the typst template tests).
    pub fn role(self) -> Role {
        match self {
            Level::Outline(1) => Role::L1,
            Level::Outline(2) => Role::L2,
            Level::Outline(3) => Role::L3,
            Level::Outline(_) => Role::L4,
            Level::Book => Role::Book,
            Level::SubBook => Role::Subbook,
            Level::Chapter => Role::Chapter,
            Level::Section => Role::Section,
            Level::Article => Role::Article,
            Level::Item => Role::Item,
            Level::SubItem => Role::Subitem,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_is_read_by_each_of_its_names_and_no_name_is_two_styles() {
        for style in Style::ALL {
            assert_eq!(Style::parse(style.name()), Some(style));
            assert_eq!(Style::parse(style.chinese()), Some(style));
        }
        let names: Vec<&str> = Style::names().map(|(name, _)| name).collect();
        assert_eq!(names, ["outline", "articles", "大纲", "条文"]);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        assert_eq!(Style::parse("numbered"), None);
        assert_eq!(Style::ALL[0], Style::default());
    }

    #[test]
    fn a_styles_levels_are_named_by_their_first_names_in_order() {
        assert_eq!(Level::names(Style::Outline), ["1", "2", "3", "4"]);
        assert_eq!(
            Level::names(Style::Articles),
            ["编", "分编", "章", "节", "条", "项", "目"]
        );
        for style in Style::ALL {
            for name in Level::names(style) {
                assert!(Level::parse(style, name).is_some(), "{name}");
            }
        }
    }
}
