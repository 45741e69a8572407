//! Every key a draft, a part file, an attachment file, a comments file and
//! the settings file may hold: one table, read by the loader (which keys a
//! mapping may hold, their Chinese names, the nearest key to a mistyped one),
//! by the YAML writer (`import --keys zh`) and by `gongwen schema` (the JSON
//! Schema an editor completes and checks keys with). A key added here is
//! known to all three at once; `tests/schema.rs` checks that `check` and the
//! schema agree on every row.

/// Where a mapping sits. The Chinese name of a key depends on it: 标题 is a
/// draft's `title` and a part's `heading`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyPlace {
    /// The top of a draft (`draft.yaml`, or a draft's one file).
    Draft,
    /// A part: of the body, of a part, of an attachment, or a part file.
    Part,
    /// An entry of a `text:` list that is not a paragraph: `table:`, or
    /// `parts:` placed between paragraphs.
    Block,
    /// The `fonts:` mapping of a draft.
    Fonts,
    /// The top of a comments file.
    CommentsFile,
    /// One comment.
    Comment,
    /// A project settings file (`.gongwen.yaml`).
    Settings,
    /// A table (the mapping of a `table:` entry).
    Table,
    /// A table cell written as a mapping (one that spans rows or columns).
    Cell,
    /// An attachment written out in full.
    Attachment,
}

impl KeyPlace {
    /// Every place, in the order a message looks a key's Chinese name up.
    pub const ALL: [KeyPlace; 10] = [
        KeyPlace::Draft,
        KeyPlace::Part,
        KeyPlace::Block,
        KeyPlace::Fonts,
        KeyPlace::Comment,
        KeyPlace::CommentsFile,
        KeyPlace::Table,
        KeyPlace::Cell,
        KeyPlace::Attachment,
        KeyPlace::Settings,
    ];

    /// What a mapping in this place is, in English words, for test names;
    /// messages name it through the catalogues, by [`KeyPlace::code`].
    pub fn what(self) -> &'static str {
        match self {
            KeyPlace::Draft => "draft",
            KeyPlace::Part => "part",
            KeyPlace::Block => "entry of a text list",
            KeyPlace::Fonts => "fonts mapping",
            KeyPlace::CommentsFile => "comments file",
            KeyPlace::Comment => "comment",
            KeyPlace::Settings => "settings file",
            KeyPlace::Table => "table",
            KeyPlace::Cell => "table cell",
            KeyPlace::Attachment => "attachment",
        }
    }

    /// The place's name in the catalogues' messages, which name it in
    /// each language (`{ $place -> [draft] … }`).
    pub fn code(self) -> &'static str {
        match self {
            KeyPlace::Draft => "draft",
            KeyPlace::Part => "part",
            KeyPlace::Block => "block",
            KeyPlace::Fonts => "fonts",
            KeyPlace::CommentsFile => "comments-file",
            KeyPlace::Comment => "comment",
            KeyPlace::Settings => "settings",
            KeyPlace::Table => "table",
            KeyPlace::Cell => "cell",
            KeyPlace::Attachment => "attachment",
        }
    }
}

/// The form of a key's value, as `check` reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// Text that is not empty (inline Markdown where it is printed).
    Text,
    /// A stage label: text, usually one of a few (征求意见稿, 送审稿 …).
    Stage,
    /// A date: `2021-09-01` or `2021年9月1日`.
    Date,
    /// One text, or a list of texts.
    Texts,
    /// A numbering style: outline (大纲) or articles (条文).
    Style,
    /// Level names (`continuous`): one or a list.
    Levels,
    /// The body of a draft: a list of parts, where an entry may be `include:`.
    TopParts,
    /// A list of parts.
    Parts,
    /// A part's or an attachment's `text`: one paragraph, or a list of
    /// paragraphs, `table:` and `parts:` entries.
    Body,
    /// `attachments`: names, attachments written out, `include:` entries.
    Attachments,
    /// The `fonts:` mapping.
    Fonts,
    /// A `lint:` mapping: rule → off, warning or error.
    Lint,
    /// A part's id: letters, digits, `-` and `_`.
    PartId,
    /// true or false (是 or 否).
    Flag,
    /// A division's kind: 编, 分编, 章, 节.
    Kind,
    /// A file name, read from the draft's folder.
    Include,
    /// A table's mapping.
    Table,
    /// Relative column widths: whole numbers.
    Widths,
    /// A table's header: one row, or a list of rows.
    Header,
    /// A table's body rows: a list of rows.
    Rows,
    /// A merged cell's text: text, a number, or nothing.
    CellText,
    /// How many rows or columns a cell spans: a whole number from 1.
    Span,
    /// The list of comments.
    Comments,
    /// A comment's id: a number or text.
    CommentId,
    /// What a comment is on: a part's number or id, `general`; one or a list.
    Targets,
    /// What was decided on a comment (处理情况).
    Disposition,
}

/// Whether a mapping must hold a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    /// Always.
    Required,
    /// At least one of the keys of the place marked so (a part needs a
    /// heading, a text or parts; an entry of a text list is a table or
    /// parts).
    OneOf,
    /// Unless the comment's disposition is 采纳 (adopted).
    UnlessAdopted,
}

/// One key of one place.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub place: KeyPlace,
    /// The English key, as the loader knows it.
    pub key: &'static str,
    /// Its Chinese names: the first is the one `import --keys zh` writes,
    /// the others are read too.
    pub chinese: &'static [&'static str],
    pub form: Form,
    pub need: Need,
    /// What it means, in Chinese, for the drafting staff.
    pub zh: &'static str,
    /// What it means, in English.
    pub en: &'static str,
}

impl Key {
    /// Every name the key may be written as: English first.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        std::iter::once(self.key).chain(self.chinese.iter().copied())
    }
}

const fn key(
    place: KeyPlace,
    key: &'static str,
    chinese: &'static [&'static str],
    form: Form,
    need: Need,
    zh: &'static str,
    en: &'static str,
) -> Key {
    Key {
        place,
        key,
        chinese,
        form,
        need,
        zh,
        en,
    }
}

use Form as F;
use KeyPlace as P;
use Need as N;

/// The table: every key of every place, each place's keys in the order a
/// file of gongwen's writes them.
#[rustfmt::skip]
pub const KEYS: &[Key] = &[
    // A draft: the fields a 公文 shows before the body, the structure, the
    // fields shown after it, then the settings.
    key(P::Draft, "title", &["标题", "题目"], F::Text, N::Required,
        "标题：文件的标题。可分行书写，换行即印出的标题换行。",
        "title: the document's title; a line break in it is a line break in the printed title."),
    key(P::Draft, "stage", &["稿别"], F::Stage, N::Optional,
        "稿别：印在标题下的括注，如 征求意见稿、送审稿、草案；括号可写可不写。",
        "stage: the label printed in brackets under the title, such as 征求意见稿 (consultation draft); brackets optional."),
    key(P::Draft, "organ", &["发文机关"], F::Text, N::Optional,
        "发文机关：落款处署名的发文机关。",
        "organ: the issuing organ, as signed at the end."),
    key(P::Draft, "date", &["成文日期"], F::Date, N::Optional,
        "成文日期：写作 2021-09-01 或 2021年9月1日，印作 2021年9月1日。",
        "date: the document's date, written 2021-09-01 or 2021年9月1日 and printed 2021年9月1日."),
    key(P::Draft, "number", &["发文字号", "文号"], F::Text, N::Optional,
        "发文字号：如 东发改〔2021〕12号。",
        "number: the document number, such as 东发改〔2021〕12号."),
    key(P::Draft, "to", &["主送机关", "主送"], F::Text, N::Optional,
        "主送机关：印在正文之前，如 区政府各部门。",
        "to: the organs the document is addressed to, printed before the body."),
    key(P::Draft, "style", &["编号方式"], F::Style, N::Optional,
        "编号方式：大纲（一、（一）1.（1），不写即此）或 条文（第一章 第一节 第一条 （一） 1.）。",
        "style: how parts are numbered: outline (一、（一）1.（1）, the default) or articles (第一章 第一节 第一条 （一） 1.)."),
    key(P::Draft, "continuous", &["连续编号"], F::Levels, N::Optional,
        "连续编号：贯穿全文连续编号、不在上级之下重新开始的层级：大纲为 1 至 4，条文为 编 分编 章 节 条 项 目。",
        "continuous: levels numbered straight through the document instead of restarting under each parent: 1-4 in the outline style, 编 分编 章 节 条 项 目 in the articles style."),
    key(P::Draft, "preamble", &["前言", "导语"], F::Texts, N::Optional,
        "前言：正文之前的段落；一段直接写，几段则每段一行、以“- ”开头。",
        "preamble: paragraphs before the first part: one text, or a list of paragraphs."),
    key(P::Draft, "parts", &["正文"], F::TopParts, N::Optional,
        "正文：文件的各部分，每部分一项，不写编号（编号由 gongwen 生成）。草稿文件夹的 draft.yaml 中可写 - 引入: 文件名.yaml。",
        "parts: the body, one entry per part, without numbers (gongwen numbers them); in draft.yaml of a draft folder an entry may be `include: file.yaml`."),
    key(P::Draft, "closing", &["结尾"], F::Texts, N::Optional,
        "结尾：最后一部分之后的段落，如 特此通知。",
        "closing: paragraphs after the last part, such as 特此通知。"),
    key(P::Draft, "attachments", &["附件"], F::Attachments, N::Optional,
        "附件：附件名称，或写全的附件（标题、内容）；草稿文件夹中可写 - 引入: 文件名.yaml。",
        "attachments: the attachments' names, or attachments written out in full (title, text); in a draft folder an entry may be `include: file.yaml`."),
    key(P::Draft, "cc", &["抄送", "抄送机关"], F::Texts, N::Optional,
        "抄送：抄送机关，一个或一列。",
        "cc: the organs sent a copy: one, or a list."),
    key(P::Draft, "printer", &["印发机关"], F::Text, N::Optional,
        "印发机关：版记中的印发机关。",
        "printer: the office that prints and issues the document, in the imprint."),
    key(P::Draft, "printed", &["印发日期"], F::Date, N::Optional,
        "印发日期：版记中的印发日期，写法同成文日期。",
        "printed: the date of printing in the imprint, written as the date is."),
    key(P::Draft, "fonts", &["字体"], F::Fonts, N::Optional,
        "字体：PDF 按用途所用的字体：仿宋（正文）、楷体、黑体、小标宋（标题）、宋体（页码）、备用字体。不写即用自带字体。",
        "fonts: the faces of the PDF by role (body, kai, hei, title, song, fallback); without it the bundled faces are used."),
    key(P::Draft, "lint", &["检查"], F::Lint, N::Optional,
        "检查：关闭某条起草检查规则（off），或把它的发现当作错误（error）。",
        "lint: turn a drafting-lint rule off, or make what it finds an error."),
    // A part.
    key(P::Part, "id", &["标识"], F::PartId, N::Optional,
        "标识：部分的固定名称（字母、数字、- 和 _，可用汉字），全稿唯一：网页锚点、[[标识]] 引用的对象，比对两稿时据以对应条目。",
        "id: a stable name for the part (letters, digits, - and _; Chinese allowed), unique in the draft: the web page's anchor, what [[id]] refers to, and how the parts of two drafts are matched."),
    key(P::Part, "heading", &["标题", "小标题"], F::Text, N::OneOf,
        "标题：部分的标题，不写编号（“一、”由 gongwen 生成）。条文式中有标题的是章、节等，没有标题的是条。",
        "heading: the part's heading, without its number (gongwen writes 一、). In the articles style a part with a heading is a division (章, 节 …), one without is an article."),
    key(P::Part, "text", &["内容", "段落"], F::Body, N::OneOf,
        "内容：一段文字；或几段，每段一行、以“- ”开头，其中可夹 - table:（表格）或 - parts:（段落之间的下级部分）。",
        "text: one paragraph, or a list of paragraphs; an entry of the list may be `table:` (a table) or `parts:` (sub-parts between paragraphs)."),
    key(P::Part, "parts", &["条目"], F::Parts, N::OneOf,
        "条目：下级部分，排在内容之后。只有一段文字的下级部分可以只写这段文字。",
        "parts: the sub-parts, after the text. A sub-part that is only a paragraph may be written as that text alone."),
    key(P::Part, "kind", &["层级"], F::Kind, N::Optional,
        "层级：仅用于条文式：编、分编、章 或 节（不写则顶层为章、章内为节）。",
        "kind: articles style only: 编, 分编, 章 or 节 for a division (default: 章 at the top, 节 inside a 章)."),
    key(P::Part, "run-in", &["接排"], F::Flag, N::Optional,
        "接排：是（true）则标题与第一段接排，否（false）则标题单独成行。不写则大纲式第二至四级接排。",
        "run-in: true: the heading starts the first paragraph; false: it stands on its own line. Default: outline levels 2-4 run in."),
    key(P::Part, "numbered", &["编号"], F::Flag, N::Optional,
        "编号：否（false）则此标题不编号。",
        "numbered: false for a heading that takes no number."),
    key(P::Part, "sub", &["之条"], F::Flag, N::Optional,
        "之条：是（true）则为修改时插入的条，编作“第一百二十条之一”。",
        "sub: true for an article inserted by amendment, numbered 第一百二十条之一 after 第一百二十条."),
    key(P::Part, "include", &["引入"], F::Include, N::Optional,
        "引入：草稿文件夹中，从同一文件夹的另一文件读入部分或附件：- include: 01-总体要求.yaml。只用作 draft.yaml 正文或附件列表的一项。",
        "include: in a draft folder, reads a part (or a list of parts, or an attachment) from another file of the folder; only as an entry of draft.yaml's parts or attachments list."),
    // An entry of a `text:` list that is not a paragraph.
    key(P::Block, "parts", &["条目"], F::Parts, N::OneOf,
        "条目：内容中夹在前后段落之间的下级部分。",
        "parts: sub-parts placed between paragraphs of the text."),
    key(P::Block, "table", &["表格"], F::Table, N::OneOf,
        "表格：与段落同位的表格：表题、列宽、表头、表行。",
        "table: a table where a paragraph stands: caption, widths, header, rows."),
    // `fonts:`.
    key(P::Fonts, "body", &["仿宋"], F::Text, N::Optional,
        "仿宋：正文字体，如 仿宋_GB2312。",
        "body: the body face (仿宋), such as 仿宋_GB2312."),
    key(P::Fonts, "kai", &["楷体"], F::Text, N::Optional,
        "楷体：二级标题字体，如 楷体_GB2312。",
        "kai: the face of level-2 headings (楷体), such as 楷体_GB2312."),
    key(P::Fonts, "hei", &["黑体"], F::Text, N::Optional,
        "黑体：一级标题字体。",
        "hei: the face of level-1 headings (黑体)."),
    key(P::Fonts, "title", &["小标宋"], F::Text, N::Optional,
        "小标宋：文件标题字体，如 方正小标宋简体。",
        "title: the face of the title (小标宋), such as 方正小标宋简体."),
    key(P::Fonts, "song", &["宋体"], F::Text, N::Optional,
        "宋体：页码字体。",
        "song: the face of the page numbers (宋体)."),
    key(P::Fonts, "fallback", &["备用字体"], F::Texts, N::Optional,
        "备用字体：以上字体缺字时依次查找的字体。",
        "fallback: faces consulted, in order, for characters the others lack."),
    // A table.
    key(P::Table, "caption", &["表题"], F::Text, N::Optional,
        "表题：表格的标题，可不写。",
        "caption: the table's title; optional."),
    key(P::Table, "widths", &["列宽"], F::Widths, N::Optional,
        "列宽：各列的相对宽度，每列一个整数，如 [3, 11, 5]。",
        "widths: relative column widths, one whole number per column, such as [3, 11, 5]."),
    key(P::Table, "header", &["表头"], F::Header, N::Optional,
        "表头：表头行：一行（单元格列表），或几行。",
        "header: the header: one row (a list of cells), or a list of rows."),
    key(P::Table, "rows", &["表行"], F::Rows, N::Required,
        "表行：表格的各行，每行一列单元格，如 - [1, 优化布局, 区教育局]。",
        "rows: the body rows, each a list of cells, such as - [1, 优化布局, 区教育局]."),
    // A merged cell.
    key(P::Cell, "text", &["内容"], F::CellText, N::Optional,
        "内容：合并单元格的文字。",
        "text: the merged cell's text."),
    key(P::Cell, "rows", &["跨行"], F::Span, N::Optional,
        "跨行：单元格向下跨的行数（含本行）；被覆盖的下方单元格不写。",
        "rows: how many rows the cell spans, its own included; the cells it covers below are not written."),
    key(P::Cell, "cols", &["跨列"], F::Span, N::Optional,
        "跨列：单元格向右跨的列数（含本列）；被覆盖的单元格不写。",
        "cols: how many columns the cell spans, its own included; the cells it covers are not written."),
    // An attachment written out in full.
    key(P::Attachment, "title", &["标题"], F::Text, N::Required,
        "标题：附件的标题，也列入正文后的附件说明。",
        "title: the attachment's title, also listed in the 附件 note after the body."),
    key(P::Attachment, "style", &["编号方式"], F::Style, N::Optional,
        "编号方式：附件自己的编号方式：大纲 或 条文。",
        "style: the attachment's own numbering style: outline or articles."),
    key(P::Attachment, "continuous", &["连续编号"], F::Levels, N::Optional,
        "连续编号：附件中贯穿连续编号的层级。",
        "continuous: the attachment's levels numbered straight through."),
    key(P::Attachment, "text", &["内容"], F::Body, N::OneOf,
        "内容：附件的段落和表格。",
        "text: the attachment's paragraphs and tables."),
    key(P::Attachment, "parts", &["正文"], F::Parts, N::OneOf,
        "正文：附件的各部分，编号从“一、”重新开始。",
        "parts: the attachment's parts, numbered from 一、 again."),
    // A comments file.
    key(P::CommentsFile, "comments", &["意见"], F::Comments, N::Required,
        "意见：收到的各条意见，每条一项。",
        "comments: the comments received, one entry each."),
    key(P::Comment, "id", &["序号"], F::CommentId, N::Required,
        "序号：意见的编号，本文件内不重复（1、2、3 或 教育局-1）。",
        "id: the comment's number, once per file (1, 2, 3 … or 教育局-1)."),
    key(P::Comment, "from", &["提出单位", "单位"], F::Text, N::Required,
        "提出单位：提出意见的单位，或 公众（张某）、个人。",
        "from: who sent it: a unit, or 公众（张某）/ 个人 for a member of the public."),
    key(P::Comment, "received", &["收到日期"], F::Date, N::Optional,
        "收到日期：可不写；写作 2021-09-15 或 2021年9月15日。",
        "received: when it came, written 2021-09-15 or 2021年9月15日; optional."),
    key(P::Comment, "on", &["条款"], F::Targets, N::Required,
        "条款：意见针对的部分，按本稿的编号写（二、（三）、第九条、第九条第二款），或写部分的标识；针对全文写 general（或 全文）；几处写成列表。",
        "on: the part it is about, as numbered in this draft (二、（三）, 第九条, 第九条第二款) or by its id; general (全文) for the whole text; a list for several."),
    key(P::Comment, "quote", &["原文"], F::Text, N::Optional,
        "原文：可不写；意见所针对的原文（Word 批注所标的文字），印在意见内容前的「」中。",
        "quote: optional; the passage the comment is about (the text a Word comment marks), printed in 「」 before the comment."),
    key(P::Comment, "text", &["意见内容", "内容"], F::Text, N::Required,
        "意见内容：收到的意见原文。",
        "text: the comment as received."),
    key(P::Comment, "disposition", &["处理情况"], F::Disposition, N::Required,
        "处理情况：采纳、部分采纳、未采纳、已有规定 或 不涉及；尚未研究的写 待处理。",
        "disposition: what was decided: 采纳 (adopted), 部分采纳 (partly adopted), 未采纳 (not adopted), 已有规定 (already provided for), 不涉及 (outside the document); 待处理 (pending) until it is decided."),
    key(P::Comment, "reason", &["理由"], F::Text, N::UnlessAdopted,
        "理由：除“采纳”“待处理”外必填：为何未采纳或只部分采纳，印在“理由及说明”栏。",
        "reason: required unless adopted or pending: why the comment was not (or only partly) adopted, printed under 理由及说明."),
    key(P::Comment, "note", &["备注"], F::Text, N::Optional,
        "备注：可不写，如 第二稿将该项移至第三部分。",
        "note: optional, such as where the next draft moved the part."),
    // `.gongwen.yaml`.
    key(P::Settings, "lint", &["检查"], F::Lint, N::Optional,
        "检查：本项目各稿共用的起草检查设置：关闭某条规则（off），或把它的发现当作错误（error）。",
        "lint: drafting-lint settings for every draft of the project: turn a rule off, or make what it finds an error."),
];

/// The keys of a place, in the table's order.
pub fn keys_in(place: KeyPlace) -> impl Iterator<Item = &'static Key> {
    KEYS.iter().filter(move |k| k.place == place)
}

/// The English keys of a place, in the order a file of gongwen's writes them.
pub fn names_in(place: KeyPlace) -> Vec<&'static str> {
    keys_in(place).map(|k| k.key).collect()
}

/// The row of an English key in a place.
pub fn find(place: KeyPlace, key: &str) -> Option<&'static Key> {
    keys_in(place).find(|k| k.key == key)
}
