//! The render context: one serialisable view of a numbered document that every
//! template (Markdown, HTML, typst) reads. The part tree is flattened into a
//! list of blocks in reading order, so templates need no recursion; every text
//! comes in the forms a template may want (Markdown, safe HTML, plain).

use serde::Serialize;

use super::fields::Fields;
use super::flatten::{Flattener, flatten};
use super::tables::TableView;
use crate::model::{Date, Fonts, Role, Style};
use crate::numbering::{Document, Section};
use crate::text::{Text, to_plain};

/// Everything a template sees.
#[derive(Debug, Clone, Serialize)]
pub struct RenderContext {
    /// `gongwen <version>`.
    pub generator: String,
    /// What a printed output needs besides the text.
    pub print: PrintInfo,
    pub meta: MetaView,
    /// `outline` or `articles`.
    pub style: Style,
    pub preamble: Vec<Text>,
    /// The body, flattened: headings, paragraphs and tables in reading order.
    pub blocks: Vec<BlockView>,
    pub closing: Vec<Text>,
    /// The attachments written out in full, each printed from a new page
    /// after the signature (GB/T 9704 7.5).
    pub appendices: Vec<AttachmentView>,
    /// Table of contents: every heading, standalone or run-in.
    pub toc: Vec<TocEntry>,
}

/// What a printed output (the PDF) needs besides the text: the title for the
/// file's metadata, the date it is stamped with, and the faces the draft names.
#[derive(Debug, Clone, Serialize)]
pub struct PrintInfo {
    /// The title as the draft writes it (line breaks kept).
    pub title: String,
    /// The date of the document (成文日期), if it has one.
    pub date: Option<Date>,
    /// The faces the draft asks for, and where it names them.
    pub fonts: Fonts,
}

impl PrintInfo {
    /// The print information of a numbered draft.
    pub fn of(doc: &Document) -> PrintInfo {
        PrintInfo {
            title: doc.meta.title.clone(),
            date: doc.meta.date,
            fonts: doc.meta.fonts.clone(),
        }
    }
}

/// Metadata, formatted for display.
#[derive(Debug, Clone, Serialize)]
pub struct MetaView {
    /// The title; its line breaks are hard breaks in `md` and `<br>` in `html`.
    pub title: Text,
    /// The title's lines (a title may be set on several lines).
    pub title_lines: Vec<String>,
    /// 征求意见稿, without brackets.
    pub stage: Option<Text>,
    /// （征求意见稿）, as printed under the title.
    pub stage_label: Option<Text>,
    pub organ: Option<Text>,
    /// 2021年9月1日.
    pub date: Option<String>,
    /// The ISO form 2021-09-01, for machine-readable metadata.
    pub date_iso: Option<String>,
    pub number: Option<Text>,
    pub to: Option<Text>,
    pub attachments: Vec<Text>,
    pub cc: Vec<Text>,
    /// 抄送：甲，乙。 as printed in the imprint.
    pub cc_line: Option<Text>,
    pub printer: Option<Text>,
    pub printed: Option<String>,
}

/// An attachment written out in full.
#[derive(Debug, Clone, Serialize)]
pub struct AttachmentView {
    /// 附件1, or 附件 when it is the only attachment.
    pub label: String,
    pub title: Text,
    /// The title's lines.
    pub title_lines: Vec<String>,
    /// The title on one line, as a heading (its Markdown escaped for `#`).
    pub title_heading: Text,
    pub anchor: String,
    pub style: Style,
    pub blocks: Vec<BlockView>,
}

/// Whether a block is a heading on a line of its own, a paragraph or a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Para,
    Table,
}

/// One block of the body.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BlockView {
    pub kind: BlockKind,
    /// The level's role: l1–l4 (outline), book, subbook, chapter, section,
    /// article, item, subitem; `text` for a section's further paragraphs.
    pub role: Role,
    /// Heading depth below the title (1 = top level of the body).
    pub depth: usize,
    /// The HTML heading level for a heading block: depth + 1, at most 6.
    pub h: usize,
    /// The section this block opens, if it opens one.
    pub anchor: Option<String>,
    /// The `id:` the draft gives that section, if any.
    pub id: Option<String>,
    /// The derived number as printed (一、 （一） 第一条), empty if none.
    pub label: String,
    /// The heading text without number, if any.
    pub heading: Option<Text>,
    /// Run-in lead of a paragraph: label and heading (（一）推进……全覆盖。) or the article label.
    pub lead: Option<Text>,
    /// Whether the lead is a heading (emphasised) or only a number.
    pub lead_strong: bool,
    /// The paragraph text after the lead; for a heading, empty.
    pub text: Option<Text>,
    /// The whole block as one Markdown line (heading marks and emphasis included).
    pub md: String,
    /// The whole block's inner HTML (without the enclosing element).
    pub html: String,
    /// The whole block as plain text.
    pub plain: String,
    /// The table, for a table block.
    pub table: Option<TableView>,
}

/// [`BlockView::FIELDS`] and [`BlockView::to_tera`] from one list of the
/// fields, in the struct's order.
macro_rules! block_fields {
    ($($field:ident),*) => {
        impl BlockView {
            /// The names of a block's fields, in order.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            /// The block as a tera value with the fields `wanted` says (one
            /// flag for each of [`BlockView::FIELDS`]): what
            /// `tera::Value::try_from_serializable` makes of it, less the others.
            pub fn to_tera(&self, wanted: &[bool]) -> Result<tera::Value, tera::Error> {
                let mut map = tera::Map::new();
                let mut wanted = wanted.iter();
                $(
                    if wanted.next() == Some(&true) {
                        map.insert(
                            stringify!($field).into(),
                            tera::Value::try_from_serializable(&self.$field)?,
                        );
                    }
                )*
                Ok(tera::Value::from(map))
            }
        }
    };
}

block_fields!(
    kind,
    role,
    depth,
    h,
    anchor,
    id,
    label,
    heading,
    lead,
    lead_strong,
    text,
    md,
    html,
    plain,
    table
);

/// An entry of the table of contents.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TocEntry {
    pub depth: usize,
    pub label: String,
    pub heading: Text,
    /// Label and heading as printed: 一、总体要求, 第一章　总则.
    pub line: Text,
    pub anchor: String,
}

impl RenderContext {
    /// Builds the context for a numbered document.
    pub fn new(doc: &Document) -> RenderContext {
        let meta = &doc.meta;
        let cc_line = (!meta.cc.is_empty()).then(|| format!("抄送：{}。", meta.cc.join("，")));
        let plain = |v: &Option<String>| v.as_deref().map(Text::plain);
        let view = MetaView {
            title: Text::new(&meta.title),
            title_lines: meta.title.lines().map(to_plain).collect(),
            stage: plain(&meta.stage),
            stage_label: meta
                .stage
                .as_ref()
                .map(|s| Text::plain(&format!("（{s}）"))),
            organ: plain(&meta.organ),
            date: meta.date.map(|d| d.to_string()),
            date_iso: meta
                .date
                .map(|d| format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            number: plain(&meta.number),
            to: plain(&meta.to),
            attachments: meta.attachments.iter().map(|a| Text::new(a)).collect(),
            cc: meta.cc.iter().map(|c| Text::plain(c)).collect(),
            cc_line: plain(&cc_line),
            printer: plain(&meta.printer),
            printed: meta.printed.map(|d| d.to_string()),
        };
        let flat = flatten(&doc.sections);
        let appendices = doc
            .attachments
            .iter()
            .map(|a| {
                let mut blocks = Flattener::default();
                blocks.contents(&a.body, 1, 1);
                AttachmentView {
                    label: a.label.clone(),
                    title: Text::new(&a.title),
                    title_lines: a.title.lines().map(to_plain).collect(),
                    title_heading: Text::heading(&a.title),
                    anchor: a.anchor.clone(),
                    style: a.style,
                    blocks: blocks.blocks,
                }
            })
            .collect();
        RenderContext {
            generator: format!("gongwen {}", env!("CARGO_PKG_VERSION")),
            print: PrintInfo::of(doc),
            meta: view,
            style: meta.numbering.style,
            preamble: meta.preamble.iter().map(|p| Text::new(p)).collect(),
            blocks: flat.blocks,
            closing: meta.closing.iter().map(|p| Text::new(p)).collect(),
            appendices,
            toc: flat.toc,
        }
    }
}

impl RenderContext {
    /// The context as tera reads it: what `tera::Context::from_serialize`
    /// makes, the body's blocks turned into tera values half on another
    /// core (a tenth of a long draft's HTML build), each with the `fields`
    /// its template may read.
    pub fn tera_context(&self, fields: &Fields) -> Result<tera::Context, tera::Error> {
        let RenderContext {
            generator,
            print,
            meta,
            style,
            preamble,
            blocks,
            closing,
            appendices,
            toc,
        } = self;
        let wanted: Vec<bool> = BlockView::FIELDS.iter().map(|f| fields.wants(f)).collect();
        let values = |blocks: &[BlockView]| -> Result<Vec<tera::Value>, tera::Error> {
            blocks.iter().map(|b| b.to_tera(&wanted)).collect()
        };
        let (first, second) = blocks.split_at(blocks.len() / 2);
        std::thread::scope(|scope| {
            let later = scope.spawn(|| values(second));
            let mut context = tera::Context::new();
            context.insert_value("generator", tera::Value::try_from_serializable(generator)?);
            context.insert_value("print", tera::Value::try_from_serializable(print)?);
            context.insert_value("meta", tera::Value::try_from_serializable(meta)?);
            context.insert_value("style", tera::Value::try_from_serializable(style)?);
            context.insert_value("preamble", tera::Value::try_from_serializable(preamble)?);
            context.insert_value("closing", tera::Value::try_from_serializable(closing)?);
            context.insert_value(
                "appendices",
                tera::Value::try_from_serializable(appendices)?,
            );
            context.insert_value("toc", tera::Value::try_from_serializable(toc)?);
            let mut blocks = values(first)?;
            blocks.extend(crate::threads::joined(later)?);
            context.insert_value("blocks", tera::Value::from(blocks));
            Ok(context)
        })
    }
}

/// Label and heading as one heading line: 一、总体要求, 第一章　总则.
pub fn heading_line(section: &Section, heading: &str) -> String {
    if section.level.is_division() && !section.label.is_empty() {
        // Division labels are set off from their title by a full-width space.
        format!("{}\u{3000}{heading}", section.label)
    } else {
        format!("{}{heading}", section.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_draft_bytes;
    use crate::numbering::number;
    use std::path::Path;

    fn context(yaml: &str) -> RenderContext {
        let draft = load_draft_bytes(Path::new("t.yaml"), yaml.as_bytes()).unwrap();
        RenderContext::new(&number(&draft))
    }

    #[test]
    fn outline_blocks_carry_run_in_leads_and_anchors() {
        let ctx = context(
            "title: 标题\nstage: 征求意见稿\ncontinuous: [2]\nparts:\n  - heading: 总体要求\n    text: 以习近平……\n  - heading: 提高质量\n    parts:\n      - heading: 推进全覆盖。\n        text: 持续增加。\n",
        );
        assert_eq!(
            ctx.meta.stage_label.map(|t| t.plain).as_deref(),
            Some("（征求意见稿）")
        );
        let md: Vec<&str> = ctx.blocks.iter().map(|b| b.md.as_str()).collect();
        assert_eq!(
            md,
            [
                "## 一、总体要求",
                "以习近平……",
                "## 二、提高质量",
                "**（一）推进全覆盖**。持续增加。"
            ]
        );
        assert_eq!(ctx.blocks[3].anchor.as_deref(), Some("s2-1"));
        assert_eq!(
            ctx.blocks[3].html,
            "<span class=\"lead\">（一）推进全覆盖。</span>持续增加。"
        );
        assert_eq!(ctx.toc.len(), 3);
    }

    #[test]
    fn articles_lead_with_their_number_and_items_follow() {
        let ctx = context(
            "title: 办法\nstyle: articles\nparts:\n  - heading: 总则\n    parts:\n      - 为了规范。\n      - text: 下列事项：\n        parts: [甲；, 乙。]\n",
        );
        let md: Vec<&str> = ctx.blocks.iter().map(|b| b.md.as_str()).collect();
        assert_eq!(
            md,
            [
                "## 第一章　总则",
                "**第一条**　为了规范。",
                "**第二条**　下列事项：",
                "（一）甲；",
                "（二）乙。"
            ]
        );
        let plain: Vec<&str> = ctx.blocks.iter().map(|b| b.plain.as_str()).collect();
        assert_eq!(plain[1], "第一条\u{3000}为了规范。");
    }

    /// The context made on two cores is the one tera makes from the whole
    /// view: every field, the blocks in order, whether there are none, one,
    /// or an odd number of them.
    #[test]
    fn the_tera_context_made_on_two_cores_is_the_serialised_view() {
        for yaml in [
            "title: 空\n",
            "title: 一段\nparts: [只有一段。]\n",
            "title: 标题\nstage: 征求意见稿\norgan: 某局\ndate: 2021-09-01\ncc: [甲, 乙]\nparts:\n  - heading: 总体要求\n    text: 以习近平……\n  - heading: 提高质量\n    parts:\n      - heading: 推进全覆盖。\n        text: 持续增加。\n      - 另一段。\nclosing: [特此通知。]\n",
        ] {
            let ctx = context(yaml);
            assert_eq!(
                ctx.tera_context(&Fields::All).unwrap(),
                tera::Context::from_serialize(&ctx).unwrap(),
                "{yaml}"
            );
        }
    }

    /// Each built-in template prints the same with the fields it names as
    /// with every field.
    #[test]
    fn the_fields_a_template_names_are_all_it_reads() {
        let templates = crate::render::Templates::load(None).unwrap();
        let ctx = context(
            "title: 标题\nparts:\n  - heading: 总体要求\n    text: 以*习近平*……\n  - heading: 提高质量\n    parts:\n      - heading: 推进全覆盖。\n        text: 持续增加。\n      - 另一段。\n",
        );
        for name in ["document.md.tera", "document.html.tera"] {
            let fields = templates.fields(name);
            assert_ne!(fields, &Fields::All, "{name}");
            if name == "document.html.tera" {
                assert!(!fields.wants("md") && !fields.wants("lead"), "{fields:?}");
            }
            assert_eq!(
                templates
                    .render_context(name, ctx.tera_context(fields))
                    .unwrap(),
                templates
                    .render_context(name, ctx.tera_context(&Fields::All))
                    .unwrap(),
                "{name}"
            );
        }
    }
}
