//! The command line's arguments, as clap reads them.

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use gongwen::diagnostic::Diagnostic;
use gongwen::import::StyleChoice;
use gongwen::render::pdf::{PdfSettings, fonts};
use gongwen::render::{Format, Renderer, Templates};

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Draft, number, render and compare Chinese government policy documents (公文)"
)]
pub struct Cli {
    /// Language of messages and help: zh (中文) or en; else the locale's (LANG), else en
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

/// The language `--lang` asks for, read before the arguments are parsed (so
/// that `--help` and the parser's own errors are in it too): `--lang zh`,
/// `--lang=zh`, anywhere before a lone `--`.
pub fn lang_asked(args: &[std::ffi::OsString]) -> Option<gongwen::i18n::Lang> {
    let mut args = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = args.next() {
        match arg {
            Some("--") => return None,
            Some("--lang") => return args.next().flatten().and_then(gongwen::i18n::Lang::parse),
            Some(a) if a.starts_with("--lang=") => return gongwen::i18n::Lang::parse(&a[7..]),
            _ => {}
        }
    }
    None
}

#[derive(Subcommand)]
pub enum Command {
    /// Render drafts to Markdown, HTML, PDF and Word (.docx) under output/.
    Build {
        /// Drafts, document folders or folders of documents [default: drafts/]
        paths: Vec<PathBuf>,
        /// Folder to write into; the layout below drafts/ is mirrored there
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Formats to write, comma-separated
        #[arg(long, value_delimiter = ',', default_value = "md,html,pdf,docx",
              value_parser = formats(&Format::ALL))]
        format: Vec<Format>,
        #[command(flatten)]
        render: RenderArgs,
    },
    /// Check drafts and report every problem with file, line and column.
    Check {
        /// Drafts, document folders or folders of documents [default: drafts/]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    /// Show what changed between two drafts (exit 0 same, 1 different, 2 trouble).
    Diff(DiffArgs),
    /// Turn a plain-text, Markdown or Word document into a YAML draft.
    Import(ImportArgs),
    /// Find typing slips (half-width punctuation, unpaired 《》, typed numbers …) and fix the safe ones.
    Lint(LintArgs),
    /// Preview drafts in the browser as they are edited: the HTML page, the PDF's own
    /// pages and the redline, updated on every save.
    Serve(ServeArgs),
    /// Write the outputs again whenever a draft changes (for a PDF kept open in a viewer).
    Watch(WatchArgs),
    /// The comments received on a draft.
    Comments {
        #[command(subcommand)]
        command: CommentsCommand,
    },
    /// Start a new draft of a kind of document (通知, 实施方案, 意见, 办法) that builds as it is.
    New(NewArgs),
    /// Print the JSON Schema of drafts (or part, attachment, comments, settings files),
    /// for an editor's YAML language server; `build` writes them to output/schema/.
    Schema(SchemaArgs),
}

#[derive(clap::Args)]
pub struct NewArgs {
    /// Where to write: a document folder (its first draft v1.yaml) or a file ending in .yaml
    pub path: PathBuf,
    /// The kind of document: 通知 (notice), 实施方案 (plan), 意见 (opinions) or 办法 (measures)
    #[arg(long)]
    pub kind: String,
    /// Write the draft's keys in Chinese (标题, 正文 …) or English (title, parts …);
    /// Chinese whatever the locale, for the draft is a Chinese document
    #[arg(long, value_name = "zh|en", default_value = "zh", value_parser = ["zh", "en"])]
    pub keys: String,
}

#[derive(clap::Args)]
pub struct SchemaArgs {
    /// Which file's schema: draft, part (a part file a draft folder includes),
    /// attachment (an attachment file), comments (<draft>.comments.yaml), settings (.gongwen.yaml)
    #[arg(default_value = "draft", value_parser = PossibleValuesParser::new(
        gongwen::json_schema::SchemaKind::ALL.map(|k| k.name())
    ).map(|name| gongwen::json_schema::SchemaKind::parse(&name).expect("a listed kind")))]
    pub kind: gongwen::json_schema::SchemaKind,
    /// Write every schema file into this folder (draft.schema.json …) instead of printing one
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    /// The earlier draft (file or folder)
    pub old: PathBuf,
    /// The later draft (file or folder)
    pub new: PathBuf,
    /// term: coloured word diff; json: for programs; md: CriticMarkup; html: redline page with 修改对照表; pdf;
    /// decision: the amendment decision; docx: the new draft with Word tracked changes
    #[arg(long, default_value = "term", value_parser = formats(&Format::REDLINE))]
    pub format: Format,
    /// Write to this file instead of standard output
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Also list edits that only touch whitespace
    #[arg(long)]
    pub show_whitespace: bool,
    /// html and pdf: a two-column 新旧对照表 (修改前 | 修改后) of the changed parts in
    /// document order, in place of the marked-up draft; docx: the table after the tracked text
    #[arg(long)]
    pub side_by_side: bool,
    /// With --side-by-side: unchanged parts too, 同左 in the right column
    #[arg(long, requires = "side_by_side")]
    pub unchanged: bool,
    /// docx: the author Word shows for each tracked change [default: the new draft's organ, else gongwen]
    #[arg(long)]
    pub author: Option<String>,
    /// Colour in the terminal view
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub render: RenderArgs,
}

impl DiffArgs {
    /// What is wrong with the options together, found before any work:
    /// with `--out` naming one of the files compared ([`Self::out_not_an_input`]) too.
    pub fn usage_error(&self) -> Option<String> {
        self.options_error()
            .map(str::to_string)
            .or_else(|| Some(format!("error: {}", self.out_not_an_input().err()?)))
    }

    fn options_error(&self) -> Option<&'static str> {
        use std::io::IsTerminal;
        let to_terminal = self.out.is_none() && std::io::stdout().is_terminal();
        if self.side_by_side && !matches!(self.format, Format::Html | Format::Pdf | Format::Docx) {
            Some(
                "error: --side-by-side lays out the html, pdf and docx redlines; add --format html, pdf or docx",
            )
        } else if self.author.is_some() && self.format != Format::Docx {
            Some(
                "error: --author names who made the tracked changes of the docx redline; add --format docx",
            )
        } else if self.format == Format::Pdf && to_terminal {
            Some("error: a PDF is not for the terminal; give --out FILE.pdf")
        } else if self.format == Format::Docx && to_terminal {
            Some("error: a Word file is not for the terminal; give --out FILE.docx")
        } else {
            None
        }
    }
}

impl DiffArgs {
    /// `--out` refused when it names, through links too, a file the
    /// comparison is made from: either draft, a part file of either, or
    /// their comments file. The redline would replace it.
    pub fn out_not_an_input(&self) -> Result<(), gongwen::write::WriteError> {
        let Some(out) = self.out.as_deref().filter(|out| out.exists()) else {
            return Ok(());
        };
        let mut inputs = Vec::new();
        for draft in [&self.old, &self.new] {
            inputs.extend(gongwen::load::load_draft_reading(draft).1);
            inputs.push(gongwen::load::comments_path(draft));
        }
        gongwen::write::not_an_input(out, &inputs)
    }
}

#[derive(clap::Args)]
pub struct WatchArgs {
    /// Drafts, document folders or folders of documents [default: drafts/]
    pub paths: Vec<PathBuf>,
    /// Folder to write into; the layout below drafts/ is mirrored there
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    /// Formats to write, comma-separated
    #[arg(long, value_delimiter = ',', default_value = "md,html,pdf,docx",
          value_parser = formats(&Format::ALL))]
    pub format: Vec<Format>,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Drafts, document folders or folders of documents [default: drafts/]
    pub paths: Vec<PathBuf>,
    /// Port to listen on; 0 takes any free one
    #[arg(long, default_value_t = 8040)]
    pub port: u16,
    /// Address to listen on. The default, 127.0.0.1, lets only this machine in; any
    /// other lets everyone who can reach it read the drafts
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    /// A name the server may be reached by (repeatable). Without it, only requests
    /// to localhost or an IP address are answered, so a web page elsewhere cannot
    /// read the drafts through a name of its own that points here
    #[arg(long = "allow-host", value_name = "NAME", value_parser = gongwen::preview::http::host_name)]
    pub allow_hosts: Vec<String>,
    #[command(flatten)]
    pub render: RenderArgs,
}

/// Options of the template and PDF stages, shared by `build` and `diff`.
#[derive(clap::Args, Clone)]
pub struct RenderArgs {
    /// Folder of template overrides [default: templates/ if it exists]
    #[arg(long)]
    templates: Option<PathBuf>,
    #[command(flatten)]
    fonts: FontArgs,
}

/// Options of the fonts, shared by `build`, `diff` and `check`.
#[derive(clap::Args, Clone)]
pub struct FontArgs {
    /// Folder holding faces a draft names under `fonts:` (searched before the system); repeatable
    #[arg(long = "font-dir")]
    font_dirs: Vec<PathBuf>,
    /// Print characters no font has as empty boxes, with a warning, instead of failing
    #[arg(long)]
    allow_missing_glyphs: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum StyleArg {
    Auto,
    Outline,
    Articles,
}

#[derive(Subcommand)]
pub enum CommentsCommand {
    /// Add the comments of a 意见反馈表 (.csv or .xlsx, columns 序号, 单位, 条款, 意见内容,
    /// 处理情况, 理由 …) to the draft's comments file, <draft>.comments.yaml; rows already
    /// there are not added again
    Import {
        /// The feedback table: an Excel workbook (.xlsx: the first sheet Excel shows), or CSV
        /// (UTF-8, GB18030 or UTF-16; comma, tab or semicolon)
        table: PathBuf,
        /// The draft the comments are on (file or folder)
        #[arg(long)]
        draft: PathBuf,
    },
}

#[derive(clap::Args)]
pub struct LintArgs {
    /// Drafts, document folders or folders of documents [default: drafts/]
    pub paths: Vec<PathBuf>,
    /// Write the safe fixes into the drafts' YAML (only the characters fixed change); prints the diff first
    #[arg(long)]
    pub fix: bool,
    /// With --fix: print the diff and write nothing
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    /// Run only this rule (repeatable); `--list` names them
    #[arg(long = "rule", value_name = "ID")]
    pub rules: Vec<String>,
    /// List the rules and what each asks for
    #[arg(long)]
    pub list: bool,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The text (.txt), Markdown (.md) or Word (.docx) file; text in UTF-8 or GB18030
    pub input: PathBuf,
    /// Where to write: a .yaml file, or a folder (draft.yaml plus one file per top-level part)
    /// [default: drafts/<input name>/v1.yaml]
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Numbering style to read the input as
    #[arg(long, value_enum, default_value_t = StyleArg::Auto)]
    pub style: StyleArg,
    /// Replace the draft at --out (only a draft: a .yaml file, or a folder of its YAML files)
    #[arg(long)]
    pub force: bool,
    /// Word: read the text as if every tracked change were accepted
    #[arg(long, conflicts_with = "reject_changes")]
    pub accept_changes: bool,
    /// Word: read the text as if every tracked change were rejected
    #[arg(long)]
    pub reject_changes: bool,
    /// Write typed references to the text's own articles (依照本法第十二条) as [[id]]
    /// references, which follow the article when it is renumbered
    #[arg(long)]
    pub link_references: bool,
    /// Write the YAML's keys in English (title, parts, text) or in Chinese (标题, 正文, 内容)
    #[arg(long, value_enum, default_value_t = KeysArg::En)]
    pub keys: KeysArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum KeysArg {
    En,
    Zh,
}

impl From<KeysArg> for gongwen::save::KeyForm {
    fn from(k: KeysArg) -> gongwen::save::KeyForm {
        match k {
            KeysArg::En => gongwen::save::KeyForm::English,
            KeysArg::Zh => gongwen::save::KeyForm::Chinese,
        }
    }
}

impl ImportArgs {
    /// The library's options for these arguments.
    pub fn options(&self) -> gongwen::import::ImportOptions {
        use gongwen::import::docx::TrackedChanges;
        gongwen::import::ImportOptions {
            style: self.style.into(),
            changes: match (self.accept_changes, self.reject_changes) {
                (true, _) => TrackedChanges::Accept,
                (_, true) => TrackedChanges::Reject,
                _ => TrackedChanges::Refuse,
            },
            link_references: self.link_references,
        }
    }
}

impl From<StyleArg> for StyleChoice {
    fn from(s: StyleArg) -> StyleChoice {
        match s {
            StyleArg::Auto => StyleChoice::Auto,
            StyleArg::Outline => StyleChoice::Outline,
            StyleArg::Articles => StyleChoice::Articles,
        }
    }
}

/// A clap parser for format names, listing the ones allowed.
fn formats(allowed: &[Format]) -> impl TypedValueParser<Value = Format> {
    let names: Vec<&'static str> = allowed.iter().map(|f| f.name()).collect();
    PossibleValuesParser::new(names).map(|name| Format::parse(&name).expect("a listed format"))
}

impl FontArgs {
    /// The PDF settings, with what only the command line knows: where the
    /// bundled faces are, and the date to stamp (`SOURCE_DATE_EPOCH`).
    pub fn settings(self) -> PdfSettings {
        let exe = std::env::current_exe().ok();
        let looked_in = fonts::bundled_candidates(
            std::env::var_os("GONGWEN_FONTS").map(PathBuf::from),
            exe.as_deref(),
            Path::new(env!("CARGO_MANIFEST_DIR")),
        );
        PdfSettings {
            bundled: fonts::find_bundled(looked_in.clone()),
            bundled_search: fonts::BundledSearch {
                looked_in,
                install_to: exe.as_deref().and_then(fonts::installed_fonts),
            },
            font_dirs: self.font_dirs,
            system_fonts: true,
            allow_missing_glyphs: self.allow_missing_glyphs,
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        }
    }
}

impl RenderArgs {
    /// The folders a change in which makes the renderer again (watched by
    /// `serve` and `watch`): the template overrides' folder (the one in use,
    /// or `templates/` whether or not it exists yet), the font folders.
    pub fn settings_dirs(&self) -> Vec<PathBuf> {
        // `templates/` even when there is none yet: one made while serving
        // is taken up.
        let templates = self
            .templates
            .clone()
            .unwrap_or_else(|| PathBuf::from("templates"));
        std::iter::once(templates)
            .chain(self.fonts.font_dirs.iter().cloned())
            .collect()
    }

    /// The renderer: templates (built in, with the overrides) and PDF
    /// settings. A broken font folder is trouble (exit 2), a broken template
    /// override a problem (exit 1).
    pub fn renderer(self) -> Result<Renderer, (Diagnostic, u8)> {
        let pdf = self.fonts.settings();
        pdf.check().map_err(|d| (d, 2))?;
        let default_templates = Path::new("templates");
        let dir = self
            .templates
            .as_deref()
            .or(default_templates.is_dir().then_some(default_templates));
        let templates = Templates::load(dir).map_err(|d| (d, 1))?;
        Ok(Renderer::new(templates, pdf))
    }
}
