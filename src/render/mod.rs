//! Views → bytes. A view is one complete, serialisable context: a draft's
//! ([`RenderContext`]) or a redline's ([`RedlineContext`]). Every output
//! format is a [`Backend`] with a name and a file extension that renders a
//! view: Markdown and HTML through tera templates ([`tera`]), the PDF through
//! a typst template ([`pdf`]), the terminal's word diff ([`term`]) and JSON
//! for programs ([`json`]). A new format is one new file implementing
//! [`Backend`] and a line in [`Renderer::backend`].
//!
//! ```no_run
//! use gongwen::render::{Format, Renderer, Templates, View};
//! let renderer = Renderer::new(Templates::load(None).unwrap(), Default::default());
//! let draft = gongwen::load::load_draft(std::path::Path::new("drafts/doc/v1")).unwrap();
//! let ctx = gongwen::render::RenderContext::new(&gongwen::numbering::number(&draft));
//! let html = renderer.render(Format::Html, View::Draft(&ctx)).unwrap().bytes;
//! ```

pub mod comments;
pub mod context;
pub mod docx;
pub mod fields;
mod flatten;
pub mod json;
pub mod pdf;
pub mod redline;
pub mod tables;
pub mod templates;
pub mod tera;
pub mod term;

use crate::diagnostic::Diagnostic;
pub use crate::text::Text;
pub use context::RenderContext;
pub use redline::RedlineContext;
pub use templates::Templates;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Markdown,
    Html,
    Pdf,
    /// The change list for a terminal (redlines only).
    Term,
    /// The view as JSON, for programs.
    Json,
    /// The amendment decision a redline amounts to (redlines only).
    Decision,
    /// A Word file: the draft in GB/T 9704 styles.
    Docx,
}

impl Format {
    /// The formats `build` writes for a draft, in the order they are written.
    pub const ALL: [Format; 4] = [Format::Markdown, Format::Html, Format::Pdf, Format::Docx];

    /// The formats `diff` shows a redline in.
    pub const REDLINE: [Format; 7] = [
        Format::Term,
        Format::Json,
        Format::Markdown,
        Format::Html,
        Format::Pdf,
        Format::Decision,
        Format::Docx,
    ];

    /// The name on the command line (`md`, `html`, `pdf`, `term`, `json`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Term => "term",
            Format::Json => "json",
            Format::Decision => "decision",
            Format::Docx => "docx",
        }
    }

    /// The output file's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Term => "txt",
            Format::Decision => "decision.txt",
            other => other.name(),
        }
    }

    /// Whether a redline in this format shows the marked-up new draft (md,
    /// html, pdf), not only the change list.
    pub fn shows_document(self) -> bool {
        matches!(self, Format::Markdown | Format::Html | Format::Pdf)
    }

    /// Parses a command-line name.
    pub fn parse(name: &str) -> Option<Format> {
        Format::REDLINE
            .into_iter()
            .chain(Format::ALL)
            .find(|f| f.name() == name)
    }
}

/// What a backend renders: a draft, or a redline between two drafts.
#[derive(Debug, Clone, Copy)]
pub enum View<'a> {
    Draft(&'a RenderContext),
    /// A redline: its view, and the two drafts it compares (the Word redline
    /// lays them out again as Word paragraphs).
    Redline {
        view: &'a RedlineContext,
        old: &'a crate::numbering::Document,
        new: &'a crate::numbering::Document,
    },
    /// The 意见采纳情况表 of the comments on a draft.
    Comments(&'a comments::CommentsView),
}

/// One rendered output and what was noticed while rendering it.
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub warnings: Vec<Diagnostic>,
}

impl Rendered {
    /// Output with nothing to warn about.
    pub fn bytes(bytes: Vec<u8>) -> Rendered {
        Rendered {
            bytes,
            warnings: Vec::new(),
        }
    }
}

/// An output format's renderer.
pub trait Backend {
    /// Which format it writes.
    fn format(&self) -> Format;

    /// Renders a view to the format's bytes.
    fn render(&self, view: View<'_>) -> Result<Rendered, Diagnostic>;

    /// The name on the command line.
    fn name(&self) -> &'static str {
        self.format().name()
    }

    /// The output file's extension.
    fn extension(&self) -> &'static str {
        self.format().extension()
    }
}

/// Everything the backends need besides the view: the templates, the PDF
/// settings (faces, glyph policy, date), the Word files' (whether they embed
/// the faces), and whether the terminal is coloured.
pub struct Renderer {
    pub templates: Templates,
    pub pdf: pdf::PdfSettings,
    pub docx: docx::DocxSettings,
    /// Colour in the terminal view.
    pub color: bool,
    /// Typst worlds kept from one PDF to the next.
    pub worlds: pdf::Worlds,
}

impl Renderer {
    /// A renderer with these templates and PDF settings, and no colour.
    pub fn new(templates: Templates, pdf: pdf::PdfSettings) -> Renderer {
        Renderer {
            templates,
            pdf,
            docx: docx::DocxSettings::default(),
            color: false,
            worlds: pdf::Worlds::default(),
        }
    }

    /// The backend of a format.
    pub fn backend(&self, format: Format) -> Box<dyn Backend + '_> {
        match format {
            Format::Markdown | Format::Html => Box::new(tera::TeraBackend {
                format,
                templates: &self.templates,
            }),
            Format::Pdf => Box::new(pdf::PdfBackend {
                templates: &self.templates,
                settings: &self.pdf,
                worlds: &self.worlds,
            }),
            Format::Term => Box::new(term::TermBackend { color: self.color }),
            Format::Json => Box::new(json::JsonBackend),
            Format::Decision => Box::new(term::DecisionBackend),
            Format::Docx => Box::new(docx::DocxBackend {
                settings: &self.docx,
                fonts: &self.pdf,
            }),
        }
    }

    /// Lays a view out in the PDF's pages, without making the PDF (for a preview).
    pub fn layout(&self, view: View<'_>) -> Result<pdf::Laid, Diagnostic> {
        pdf::PdfBackend {
            templates: &self.templates,
            settings: &self.pdf,
            worlds: &self.worlds,
        }
        .layout(view)
    }

    /// Renders a view to a format.
    pub fn render(&self, format: Format, view: View<'_>) -> Result<Rendered, Diagnostic> {
        self.backend(format).render(view)
    }
}

/// The error for a view a backend does not show.
fn not_shown(format: Format, what: &str) -> Diagnostic {
    Diagnostic::error(
        std::path::Path::new(format.name()),
        0,
        0,
        crate::tr!("render-not-shown", format = format.name(), what = what),
    )
    .help(crate::tr!("render-not-shown-help"))
}
