//! gongwen's own styles in the Word files it writes (`render::docx`) and
//! reads back (`import::docx`): one table of each style's id, the name Word
//! shows in its style list, and what the style sets. The writer writes
//! `styles.xml` and every `w:pStyle`/`w:rStyle` from it; the reader knows a
//! paragraph gongwen wrote by it. A style is added here, once.

use FaceRole::{Hei, Kai, Song};
use WordStyle as S;

/// One of gongwen's styles; [`STYLES`] holds its row, at its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WordStyle {
    /// Body text: Word's default paragraph style.
    Normal,
    Title,
    Stage,
    AttachmentTitle,
    Number,
    To,
    H1,
    H2,
    H3,
    H4,
    Book,
    Subbook,
    Chapter,
    Section,
    Article,
    Item,
    Subitem,
    Attachment,
    AttachmentNo,
    Signature,
    Date,
    Imprint,
    Footer,
    /// Table cells and captions.
    Caption,
    /// The character styles of run-in leads: 第一条, 一、（一）1.（1）.
    ArticleNo,
    Lead1,
    Lead2,
    Lead3,
    Lead4,
}

/// What a style applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The style of a paragraph that names none.
    Default,
    Paragraph,
    Character,
}

/// A face by its role; a draft names each in `fonts:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FaceRole {
    Body,
    Kai,
    Hei,
    Title,
    Song,
}

/// A type size of GB/T 9704.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 3号 (16 pt), the body's.
    Body,
    /// 2号 (22 pt), the title's.
    Title,
    /// 4号 (14 pt): page numbers, the imprint, table cells.
    Small,
}

impl Size {
    /// The size in half-points, as WordprocessingML has it.
    pub fn half_points(self) -> u32 {
        match self {
            Size::Body => 32,
            Size::Title => 44,
            Size::Small => 28,
        }
    }
}

/// How a paragraph's lines are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

impl Align {
    /// The value of `w:jc`.
    pub fn value(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        }
    }
}

/// A length of an indent: in character cells of the grid, or in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Cells(u32),
    Twips(u32),
}

/// A paragraph's indent; what is `None` is not written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Indent {
    pub left: Option<Length>,
    pub right: Option<Length>,
    /// Cells the first line hangs out by.
    pub hanging: Option<u32>,
    /// Cells the first line is indented by (0 for none, against Normal's 2).
    pub first_line: Option<u32>,
}

impl Indent {
    /// The first line flush with the rest.
    const FLUSH: Indent = Indent {
        left: None,
        right: None,
        hanging: None,
        first_line: Some(0),
    };
}

/// What a style sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Look {
    /// Kept on the page of the paragraph after it.
    pub keep_next: bool,
    /// Off the line grid (`w:snapToGrid` of the paragraph): a table cell's
    /// lines are closer than the grid's.
    pub off_grid: bool,
    /// Exact line spacing in twips, where not the grid's.
    pub line: Option<u32>,
    pub indent: Option<Indent>,
    pub align: Option<Align>,
    pub face: Option<FaceRole>,
    /// Where not the body's.
    pub size: Option<Size>,
    /// Space added to each character, in twentieths of a point (`w:spacing`
    /// of the run): how a line holds 28 characters (see [`BODY_SPACING`]).
    pub spacing: Option<i32>,
}

impl Look {
    const PLAIN: Look = Look {
        keep_next: false,
        off_grid: false,
        line: None,
        indent: None,
        align: None,
        face: None,
        size: None,
        spacing: None,
    };
    const FLUSH: Look = Look {
        indent: Some(Indent::FLUSH),
        ..Look::PLAIN
    };
    const CENTRED: Look = Look {
        align: Some(Align::Center),
        ..Look::FLUSH
    };
    const HEADING: Look = Look {
        keep_next: true,
        ..Look::PLAIN
    };
    const DIVISION: Look = Look {
        keep_next: true,
        face: Some(FaceRole::Hei),
        ..Look::CENTRED
    };
    const TITLE: Look = Look {
        face: Some(FaceRole::Title),
        size: Some(Size::Title),
        ..Look::CENTRED
    };
    const fn face(self, face: FaceRole) -> Look {
        Look {
            face: Some(face),
            ..self
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Definition {
    pub style: WordStyle,
    /// The `w:styleId` a paragraph or run names it by.
    pub id: &'static str,
    /// The name Word shows in its list of styles.
    pub name: &'static str,
    pub kind: Kind,
    pub look: Look,
}

const fn def(style: WordStyle, id: &'static str, name: &'static str, look: Look) -> Definition {
    Definition {
        style,
        id,
        name,
        kind: Kind::Paragraph,
        look,
    }
}

const fn character(
    style: WordStyle,
    id: &'static str,
    name: &'static str,
    face: Option<FaceRole>,
) -> Definition {
    Definition {
        style,
        id,
        name,
        kind: Kind::Character,
        look: Look {
            face,
            ..Look::PLAIN
        },
    }
}

/// Every style, in the order `styles.xml` lists them: so an office restyles
/// 一级标题 or 条 once for the whole document.
/// The body's character spacing: −0.25 pt, so a 16 pt character takes
/// 15.75 pt and 28 fill a line of the 156 mm block (28 × 15.75 = 441 pt of
/// 442.2), in every word processor. No character grid does this alike
/// everywhere: LibreOffice sizes a grid cell by the Normal style's own font
/// size and gives a 16 pt character two cells (docs/docx.md). The PDF's
/// cell is the same 15.75 pt (templates/document.typ). Every style inherits
/// it from Normal, as every text in the PDF has the same tracking; table
/// cells set it back to 0, as the PDF's tables do.
pub const BODY_SPACING: i32 = -5;

pub const STYLES: [Definition; 29] = [
    Definition {
        style: S::Normal,
        id: "Normal",
        name: "Normal",
        kind: Kind::Default,
        look: Look {
            indent: Some(Indent {
                first_line: Some(2),
                ..Indent::FLUSH
            }),
            size: Some(Size::Body),
            spacing: Some(BODY_SPACING),
            ..Look::PLAIN
        },
    },
    def(S::Title, "GwTitle", "标题", Look::TITLE),
    def(S::Stage, "GwStage", "稿别", Look::CENTRED.face(Kai)),
    // An attachment's title is set as the document's is.
    def(
        S::AttachmentTitle,
        "GwAttachmentTitle",
        "附件标题",
        Look::TITLE,
    ),
    def(S::Number, "GwNumber", "发文字号", Look::CENTRED),
    def(S::To, "GwTo", "主送机关", Look::FLUSH),
    def(S::H1, "GwH1", "一级标题", Look::HEADING.face(Hei)),
    def(S::H2, "GwH2", "二级标题", Look::HEADING.face(Kai)),
    def(S::H3, "GwH3", "三级标题", Look::HEADING),
    def(S::H4, "GwH4", "四级标题", Look::HEADING),
    def(S::Book, "GwBook", "编", Look::DIVISION),
    def(S::Subbook, "GwSubbook", "分编", Look::DIVISION),
    def(S::Chapter, "GwChapter", "章", Look::DIVISION),
    def(S::Section, "GwSection", "节", Look::DIVISION.face(Kai)),
    def(S::Article, "GwArticle", "条", Look::PLAIN),
    def(S::Item, "GwItem", "项", Look::PLAIN),
    def(S::Subitem, "GwSubitem", "目", Look::PLAIN),
    // 附件：1.名称, later names under the first one's.
    def(
        S::Attachment,
        "GwAttachment",
        "附件说明",
        Look {
            indent: Some(Indent {
                left: Some(Length::Cells(5)),
                hanging: Some(3),
                first_line: None,
                right: None,
            }),
            ..Look::PLAIN
        },
    ),
    def(
        S::AttachmentNo,
        "GwAttachmentNo",
        "附件标识",
        Look::FLUSH.face(Hei),
    ),
    def(
        S::Signature,
        "GwSignature",
        "发文机关署名",
        Look {
            align: Some(Align::Right),
            ..Look::FLUSH
        },
    ),
    def(
        S::Date,
        "GwDate",
        "成文日期",
        Look {
            indent: Some(Indent {
                right: Some(Length::Cells(4)),
                ..Indent::FLUSH
            }),
            align: Some(Align::Right),
            ..Look::PLAIN
        },
    ),
    def(
        S::Imprint,
        "GwImprint",
        "版记",
        Look {
            indent: Some(Indent {
                left: Some(Length::Twips(280)),
                right: Some(Length::Twips(280)),
                ..Indent::FLUSH
            }),
            align: Some(Align::Left),
            size: Some(Size::Small),
            ..Look::PLAIN
        },
    ),
    def(
        S::Footer,
        "GwFooter",
        "页码",
        Look {
            face: Some(Song),
            size: Some(Size::Small),
            ..Look::FLUSH
        },
    ),
    // Table cells: 4号, set closer than the body's grid and off it, not
    // justified.
    def(
        S::Caption,
        "GwCaption",
        "表格",
        Look {
            off_grid: true,
            line: Some(400),
            align: Some(Align::Left),
            size: Some(Size::Small),
            spacing: Some(0),
            ..Look::FLUSH
        },
    ),
    character(S::ArticleNo, "GwArticleNo", "条号", Some(Hei)),
    character(S::Lead1, "GwLead1", "一级小标题", Some(Hei)),
    character(S::Lead2, "GwLead2", "二级小标题", Some(Kai)),
    character(S::Lead3, "GwLead3", "三级小标题", None),
    character(S::Lead4, "GwLead4", "四级小标题", None),
];

impl WordStyle {
    /// Its row of [`STYLES`].
    pub fn definition(self) -> &'static Definition {
        &STYLES[self as usize]
    }

    /// The `w:styleId` it is written and read by.
    pub fn id(self) -> &'static str {
        self.definition().id
    }

    /// The style a `w:styleId` names, if it is one of gongwen's.
    pub fn from_id(id: &str) -> Option<WordStyle> {
        STYLES.iter().find(|d| d.id == id).map(|d| d.style)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_has_one_row_and_ids_and_names_are_unique() {
        assert_eq!(STYLES.len(), WordStyle::Lead4 as usize + 1);
        for (i, d) in STYLES.iter().enumerate() {
            assert_eq!(d.style as usize, i, "{} out of place", d.id);
            assert_eq!(WordStyle::from_id(d.id), Some(d.style));
            for other in &STYLES[i + 1..] {
                assert_ne!(d.style, other.style);
                assert_ne!(d.id, other.id);
                assert_ne!(d.name, other.name);
            }
        }
        assert_eq!(WordStyle::from_id("Heading1"), None);
        assert_eq!(STYLES[0].kind, Kind::Default);
    }
}
