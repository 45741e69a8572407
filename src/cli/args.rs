//! The command line's arguments, as clap reads them. Their help is in the
//! catalogues (`cli-…` ids, set by `help.rs`), not in doc comments here.

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Parser, Subcommand};
use gongwen::diagnostic::Diagnostic;
use gongwen::import::StyleChoice;
use gongwen::render::pdf::{PdfSettings, fonts};
use gongwen::render::{Format, Renderer, Templates};

#[derive(Parser)]
#[command(name = "gongwen", version)]
pub struct Cli {
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
    Build {
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "output")]
        out: PathBuf,
        #[arg(long, value_delimiter = ',', default_value = "md,html,pdf,docx",
              value_parser = formats(&Format::ALL))]
        format: Vec<Format>,
        #[command(flatten)]
        render: RenderArgs,
    },
    Check {
        paths: Vec<PathBuf>,
        #[command(flatten)]
        fonts: FontArgs,
    },
    Diff(DiffArgs),
    Import(ImportArgs),
    Lint(LintArgs),
    Serve(ServeArgs),
    Watch(WatchArgs),
    Comments {
        #[command(subcommand)]
        command: CommentsCommand,
    },
    New(NewArgs),
    Schema(SchemaArgs),
}

#[derive(clap::Args)]
pub struct NewArgs {
    pub path: PathBuf,
    #[arg(long)]
    pub kind: String,
    #[arg(long, value_name = "zh|en", default_value = "zh", value_parser = ["zh", "en"])]
    pub keys: String,
}

#[derive(clap::Args)]
pub struct SchemaArgs {
    #[arg(default_value = "draft", value_parser = PossibleValuesParser::new(
        gongwen::json_schema::SchemaKind::ALL.map(|k| k.name())
    ).map(|name| gongwen::json_schema::SchemaKind::parse(&name).expect("a listed kind")))]
    pub kind: gongwen::json_schema::SchemaKind,
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct DiffArgs {
    pub old: PathBuf,
    pub new: PathBuf,
    #[arg(long, default_value = "term", value_parser = formats(&Format::REDLINE))]
    pub format: Format,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub show_whitespace: bool,
    #[arg(long)]
    pub no_punctuation: bool,
    #[arg(long)]
    pub side_by_side: bool,
    #[arg(long, requires = "side_by_side")]
    pub unchanged: bool,
    #[arg(long)]
    pub author: Option<String>,
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(flatten)]
    pub render: RenderArgs,
}

impl DiffArgs {
    /// What is wrong with the options together, found before any work:
    /// with `--out` naming one of the files compared ([`Self::out_not_an_input`]) too.
    pub fn usage_error(&self) -> Option<String> {
        self.options_error().or_else(|| {
            let error = self.out_not_an_input().err()?.to_string();
            Some(gongwen::tr!("run-error", error = error))
        })
    }

    fn options_error(&self) -> Option<String> {
        use std::io::IsTerminal;
        let to_terminal = self.out.is_none() && std::io::stdout().is_terminal();
        if self.side_by_side && !matches!(self.format, Format::Html | Format::Pdf | Format::Docx) {
            Some(gongwen::tr!("diff-side-by-side-format"))
        } else if self.author.is_some() && self.format != Format::Docx {
            Some(gongwen::tr!("diff-author-format"))
        } else if self.format == Format::Pdf && to_terminal {
            Some(gongwen::tr!("diff-pdf-to-terminal"))
        } else if self.format == Format::Docx && to_terminal {
            Some(gongwen::tr!("diff-docx-to-terminal"))
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
    pub paths: Vec<PathBuf>,
    #[arg(long, default_value = "output")]
    pub out: PathBuf,
    #[arg(long, value_delimiter = ',', default_value = "md,html,pdf,docx",
          value_parser = formats(&Format::ALL))]
    pub format: Vec<Format>,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    pub paths: Vec<PathBuf>,
    #[arg(long, default_value_t = 8040)]
    pub port: u16,
    #[arg(long, default_value = "127.0.0.1")]
    pub host: std::net::IpAddr,
    #[arg(long = "allow-host", value_name = "NAME", value_parser = gongwen::preview::http::host_name)]
    pub allow_hosts: Vec<String>,
    #[command(flatten)]
    pub render: TemplateArgs,
}

// Options of the template and PDF stages, shared by `build`, `diff`,
// `watch` and `serve`.
// (Not a doc comment: clap would show it as the help of the command it is in.)
#[derive(clap::Args, Clone)]
pub struct TemplateArgs {
    #[arg(long)]
    templates: Option<PathBuf>,
    #[command(flatten)]
    fonts: FontArgs,
}

// Those and the Word stage's, for the commands that write Word files
// (`build`, `diff`, `watch`; `serve` shows html and pdf only).
#[derive(clap::Args, Clone)]
pub struct RenderArgs {
    #[command(flatten)]
    pub templates: TemplateArgs,
    #[arg(long)]
    embed_fonts: bool,
}

// Options of the fonts, shared by `build`, `diff` and `check`.
// (Not a doc comment: clap would show it as the help of the command it is in.)
#[derive(clap::Args, Clone)]
pub struct FontArgs {
    #[arg(long = "font-dir")]
    font_dirs: Vec<PathBuf>,
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
    Import {
        #[arg(required = true)]
        table: Vec<PathBuf>,
        #[arg(long)]
        draft: PathBuf,
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        units: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
pub struct LintArgs {
    pub paths: Vec<PathBuf>,
    #[arg(long)]
    pub fix: bool,
    #[arg(long, requires = "fix")]
    pub dry_run: bool,
    #[arg(long = "rule", value_name = "ID")]
    pub rules: Vec<String>,
    #[arg(long)]
    pub list: bool,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    pub input: PathBuf,
    #[arg(long)]
    pub out: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = StyleArg::Auto)]
    pub style: StyleArg,
    #[arg(long)]
    pub force: bool,
    #[arg(long, conflicts_with = "reject_changes")]
    pub accept_changes: bool,
    #[arg(long)]
    pub reject_changes: bool,
    #[arg(long)]
    pub link_references: bool,
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
    /// See [`TemplateArgs::settings_dirs`].
    pub fn settings_dirs(&self) -> Vec<PathBuf> {
        self.templates.settings_dirs()
    }

    /// The renderer of [`TemplateArgs::renderer`], embedding the bundled
    /// faces in Word files when asked.
    pub fn renderer(self) -> Result<Renderer, (Diagnostic, u8)> {
        let mut renderer = self.templates.renderer()?;
        renderer.docx.embed_fonts = self.embed_fonts;
        Ok(renderer)
    }
}

impl TemplateArgs {
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
