//! The `gongwen` command line: parses arguments, calls the library, prints,
//! and sets the exit code (0 ok, 1 problems found, 2 usage or I/O trouble).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use gongwen::diagnostic::Diagnostic;
use std::io::IsTerminal;

use gongwen::discover::{DraftEntry, consecutive_pairs, find_all};
use gongwen::import::{ImportOptions, StyleChoice};
use gongwen::render::pdf::PdfSettings;
use gongwen::render::redline::RedlineContext;
use gongwen::render::{Format, Renderer, Templates};
use gongwen::save::SaveError;
use gongwen::{BuildError, build_draft, draft_name, load, save, write};

#[derive(Parser)]
#[command(
    name = "gongwen",
    version,
    about = "Draft, number, render and compare Chinese government policy documents (公文)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render drafts to Markdown, HTML and PDF under output/.
    Build {
        /// Drafts, document folders or folders of documents [default: drafts/]
        paths: Vec<PathBuf>,
        /// Folder to write into; the layout below drafts/ is mirrored there
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Formats to write, comma-separated: md, html, pdf
        #[arg(long, value_delimiter = ',', default_value = "md,html,pdf")]
        format: Vec<String>,
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
    /// Turn a plain-text or Markdown document into a YAML draft.
    Import {
        /// The text (.txt) or Markdown (.md) file, UTF-8 or GB18030
        input: PathBuf,
        /// Where to write: a .yaml file, or a folder (draft.yaml plus one file per top-level part)
        /// [default: drafts/<input name>/v1.yaml]
        #[arg(long)]
        out: Option<PathBuf>,
        /// Numbering style to read the input as
        #[arg(long, value_enum, default_value_t = StyleArg::Auto)]
        style: StyleArg,
        /// Overwrite an existing draft
        #[arg(long)]
        force: bool,
    },
}

#[derive(clap::Args)]
struct DiffArgs {
    /// The earlier draft (file or folder)
    old: PathBuf,
    /// The later draft (file or folder)
    new: PathBuf,
    /// term: coloured word diff; json: for programs; md: CriticMarkup; html: redline page with 修改对照表; pdf
    #[arg(long, value_enum, default_value_t = DiffFormat::Term)]
    format: DiffFormat,
    /// Write to this file instead of standard output
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also list edits that only touch whitespace
    #[arg(long)]
    show_whitespace: bool,
    /// Colour in the terminal view
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    color: ColorArg,
    #[command(flatten)]
    render: RenderArgs,
}

/// Options of the template and PDF stages, shared by `build` and `diff`.
#[derive(clap::Args)]
struct RenderArgs {
    /// Folder of template overrides [default: templates/ if it exists]
    #[arg(long)]
    templates: Option<PathBuf>,
    #[command(flatten)]
    fonts: FontArgs,
}

/// Options of the fonts, shared by `build`, `diff` and `check`.
#[derive(clap::Args)]
struct FontArgs {
    /// Folder holding faces a draft names under `fonts:` (searched before the system); repeatable
    #[arg(long = "font-dir")]
    font_dirs: Vec<PathBuf>,
    /// Print characters no font has as empty boxes, with a warning, instead of failing
    #[arg(long)]
    allow_missing_glyphs: bool,
}

impl FontArgs {
    fn settings(self) -> PdfSettings {
        PdfSettings {
            font_dirs: self.font_dirs,
            allow_missing_glyphs: self.allow_missing_glyphs,
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        }
    }
}

impl RenderArgs {
    /// The templates (built in, with the overrides) and the PDF settings; a
    /// broken template override (exit 1) or font folder (exit 2) ends the command.
    fn renderer(self) -> Result<Renderer, (Diagnostic, Outcome)> {
        let pdf = self.fonts.settings();
        pdf.check().map_err(|d| (d, Outcome::Trouble))?;
        let default_templates = Path::new("templates");
        let dir = self
            .templates
            .as_deref()
            .or(default_templates.is_dir().then_some(default_templates));
        let templates = Templates::load(dir).map_err(|d| (d, Outcome::Problems))?;
        Ok(Renderer { templates, pdf })
    }
}

#[derive(Clone, Copy, PartialEq, clap::ValueEnum)]
enum DiffFormat {
    Term,
    Json,
    Md,
    Html,
    Pdf,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum StyleArg {
    Auto,
    Outline,
    Articles,
}

/// How a command ended.
#[derive(Clone, Copy, PartialEq)]
enum Outcome {
    Ok,
    Problems,
    Trouble,
}

/// Standard output and error as the commands use them. A closed pipe
/// (`gongwen build | head -1`) ends the printing quietly and the command goes
/// on with its work; any other failure to print (a full disk) is reported once
/// on standard error and makes the exit code 2. Nothing here panics.
#[derive(Default)]
struct Console {
    closed: bool,
    failure: Option<std::io::Error>,
}

impl Console {
    /// Prints a line on standard output.
    fn line(&mut self, text: impl std::fmt::Display) {
        self.bytes(format!("{text}\n").as_bytes());
    }

    /// Writes bytes to standard output.
    fn bytes(&mut self, bytes: &[u8]) {
        use std::io::Write;
        if self.closed {
            return;
        }
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
            self.closed = true;
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                self.failure = Some(e);
            }
        }
    }

    /// Prints a line on standard error; if that is closed too, there is no one to tell.
    fn err(&self, text: impl std::fmt::Display) {
        use std::io::Write;
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }

    /// Prints a diagnostic with its source line.
    fn diagnostic(&self, d: &Diagnostic) {
        self.err(d.render());
    }

    /// The exit code: the command's, unless standard output failed.
    fn finish(self, outcome: Outcome) -> ExitCode {
        if let Some(e) = &self.failure {
            self.err(format!("error: cannot write to standard output: {e}"));
            return ExitCode::from(2);
        }
        match outcome {
            Outcome::Ok => ExitCode::SUCCESS,
            Outcome::Problems => ExitCode::from(1),
            Outcome::Trouble => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let mut console = Console::default();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    ExitCode::SUCCESS
                }
                _ => ExitCode::from(2),
            };
        }
    };
    let outcome = match cli.command {
        Command::Build {
            paths,
            out,
            format,
            render,
        } => build(&mut console, &paths, &out, &format, render),
        Command::Check { paths, fonts } => check(&mut console, &paths, fonts),
        Command::Diff(args) => diff(&mut console, args),
        Command::Import {
            input,
            out,
            style,
            force,
        } => import(&mut console, &input, out, style, force),
    };
    console.finish(outcome)
}

/// The drafts named on the command line, or all under drafts/.
fn drafts(console: &Console, paths: &[PathBuf]) -> Result<Vec<DraftEntry>, Outcome> {
    let default = [PathBuf::from("drafts")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    find_all(paths).map_err(|d| {
        console.diagnostic(&d);
        Outcome::Trouble
    })
}

fn check(console: &mut Console, paths: &[PathBuf], fonts: FontArgs) -> Outcome {
    let settings = fonts.settings();
    if let Err(d) = settings.check() {
        console.diagnostic(&d);
        return Outcome::Trouble;
    }
    let entries = match drafts(console, paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut problems = 0;
    for entry in &entries {
        // What `build` would refuse, `check` reports: the draft, then its fonts and glyphs.
        let result = load::load_draft(&entry.path).and_then(|draft| {
            let doc = gongwen::numbering::number(&draft);
            gongwen::render::pdf::prepare_fonts(&[&doc], &settings)
                .map(|(_, warnings)| warnings)
                .map_err(Into::into)
        });
        match result {
            Ok(warnings) => {
                for w in &warnings {
                    console.diagnostic(w);
                }
                console.line(format_args!("ok      {}", entry.path.display()));
            }
            Err(diags) => {
                for d in &diags.0 {
                    console.diagnostic(d);
                }
                problems += diags.0.len();
                console.line(format_args!(
                    "FAILED  {} ({} problem{})",
                    entry.path.display(),
                    diags.0.len(),
                    if diags.0.len() == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if problems > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}

fn build(
    console: &mut Console,
    paths: &[PathBuf],
    out: &Path,
    format_names: &[String],
    render: RenderArgs,
) -> Outcome {
    let mut formats = Vec::new();
    for name in format_names {
        match Format::parse(name.trim()) {
            Some(f) if !formats.contains(&f) => formats.push(f),
            Some(_) => {}
            None => {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                console.err(format_args!(
                    "error: unknown format `{name}`; the formats are: {}",
                    names.join(", ")
                ));
                return Outcome::Trouble;
            }
        }
    }
    let renderer = match render.renderer() {
        Ok(r) => r,
        Err((d, outcome)) => {
            console.diagnostic(&d);
            return outcome;
        }
    };
    let entries = match drafts(console, paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut outcome = Outcome::Ok;
    let mut documents = std::collections::HashMap::new();
    let write =
        |console: &mut Console, relative: &Path, bytes: &[u8]| match write::inside(out, relative)
            .and_then(|dest| {
                write::write_atomic(&dest, bytes)?;
                Ok(dest)
            }) {
            Ok(dest) => {
                console.line(format_args!("wrote   {}", dest.display()));
                true
            }
            Err(e) => {
                console.err(format_args!("error: {e}"));
                false
            }
        };
    for entry in &entries {
        match build_draft(&entry.path, &renderer, &formats) {
            Ok(built) => {
                for w in &built.warnings {
                    console.diagnostic(w);
                }
                documents.insert(entry.path.clone(), built.document);
                for (format, bytes) in built.outputs {
                    if !write(
                        console,
                        &entry.output(Path::new(""), format.extension()),
                        &bytes,
                    ) {
                        outcome = Outcome::Trouble;
                    }
                }
            }
            Err(BuildError::Draft(diags)) => {
                for d in &diags.0 {
                    console.diagnostic(d);
                }
                console.line(format_args!("FAILED  {}", entry.path.display()));
                outcome = outcome.max_with(Outcome::Problems);
            }
            Err(BuildError::Render(d)) => {
                console.diagnostic(&d);
                console.line(format_args!("FAILED  {}", entry.path.display()));
                outcome = outcome.max_with(Outcome::Problems);
            }
        }
    }
    // Redlines between consecutive drafts of each document.
    for (a, b) in consecutive_pairs(&entries) {
        let (Some(old), Some(new)) = (documents.get(&a.path), documents.get(&b.path)) else {
            continue;
        };
        let names = (draft_name(&a.path), draft_name(&b.path));
        let changes = gongwen::compare::compare(old, new);
        let ctx = RedlineContext::new(old, new, (&names.0, &names.1), &changes, false);
        for &format in &formats {
            let relative = b.output(Path::new(""), "").with_file_name(format!(
                "{}-{}.redline.{}",
                names.0,
                names.1,
                format.extension()
            ));
            match renderer.render_redline(format, (old, new), &ctx) {
                Ok(rendered) => {
                    if !write(console, &relative, &rendered.bytes) {
                        outcome = Outcome::Trouble;
                    }
                }
                Err(d) => {
                    console.diagnostic(&d);
                    outcome = outcome.max_with(Outcome::Problems);
                }
            }
        }
    }
    outcome
}

impl Outcome {
    /// The worse of two outcomes.
    fn max_with(self, other: Outcome) -> Outcome {
        match (self, other) {
            (Outcome::Trouble, _) | (_, Outcome::Trouble) => Outcome::Trouble,
            (Outcome::Problems, _) | (_, Outcome::Problems) => Outcome::Problems,
            _ => Outcome::Ok,
        }
    }
}

fn diff(console: &mut Console, args: DiffArgs) -> Outcome {
    let diffed = match gongwen::diff_drafts(&args.old, &args.new) {
        Ok(d) => d,
        Err(BuildError::Draft(diags)) => {
            for d in &diags.0 {
                console.diagnostic(d);
            }
            return Outcome::Trouble;
        }
        Err(BuildError::Render(d)) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    let names = (draft_name(&args.old), draft_name(&args.new));
    // The view for people; the JSON is the change set itself.
    let ctx = || {
        RedlineContext::new(
            &diffed.old,
            &diffed.new,
            (&names.0, &names.1),
            &diffed.changes,
            args.show_whitespace,
        )
    };
    let bytes = match args.format {
        DiffFormat::Term => {
            let color = match args.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => {
                    args.out.is_none()
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none()
                }
            };
            gongwen::render::redline::terminal(&ctx(), color).into_bytes()
        }
        DiffFormat::Json => {
            let report = serde_json::json!({
                "old": { "path": args.old, "name": names.0, "title": diffed.old.meta.title },
                "new": { "path": args.new, "name": names.1, "title": diffed.new.meta.title },
                "summary": diffed.changes.summary,
                "changes": diffed.changes.changes,
            });
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            text.into_bytes()
        }
        DiffFormat::Md | DiffFormat::Html | DiffFormat::Pdf => {
            let format = match args.format {
                DiffFormat::Md => Format::Markdown,
                DiffFormat::Html => Format::Html,
                _ => Format::Pdf,
            };
            if format == Format::Pdf && args.out.is_none() && std::io::stdout().is_terminal() {
                console.err("error: a PDF is not for the terminal; give --out FILE.pdf");
                return Outcome::Trouble;
            }
            let renderer = match args.render.renderer() {
                Ok(r) => r,
                Err((d, _)) => {
                    console.diagnostic(&d);
                    return Outcome::Trouble;
                }
            };
            match renderer.render_redline(format, (&diffed.old, &diffed.new), &ctx()) {
                Ok(r) => {
                    for w in &r.warnings {
                        console.diagnostic(w);
                    }
                    r.bytes
                }
                Err(d) => {
                    console.diagnostic(&d);
                    return Outcome::Trouble;
                }
            }
        }
    };
    match &args.out {
        Some(path) => {
            if let Err(e) = write::write_named(path, &bytes) {
                console.err(format_args!("error: {e}"));
                return Outcome::Trouble;
            }
        }
        None => console.bytes(&bytes),
    }
    if diffed.changes.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    }
}

fn import(
    console: &mut Console,
    input: &Path,
    out: Option<PathBuf>,
    style: StyleArg,
    force: bool,
) -> Outcome {
    let out = out.unwrap_or_else(|| {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Path::new("drafts").join(stem).join("v1.yaml")
    });
    if !force && out.symlink_metadata().is_ok() {
        console.err(format_args!("error: {}", SaveError::Exists(out)));
        return Outcome::Trouble;
    }
    let style = match style {
        StyleArg::Auto => StyleChoice::Auto,
        StyleArg::Outline => StyleChoice::Outline,
        StyleArg::Articles => StyleChoice::Articles,
    };
    let imported = match gongwen::import::import_file(input, ImportOptions { style }) {
        Ok(i) => i,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    for w in &imported.warnings {
        console.diagnostic(w);
    }
    if let Err(e) = save::save_checked(&imported.draft, &out, force, &[input]) {
        console.err(format_args!("error: {e}"));
        return Outcome::Trouble;
    }
    let s = &imported.summary;
    console.line(format_args!(
        "imported {} → {}: {} style, {} parts ({} articles), {} warning{}, {} noise line{} dropped{}",
        input.display(),
        out.display(),
        s.style.map_or("", |st| st.name()),
        s.parts,
        s.articles,
        imported.warnings.len(),
        if imported.warnings.len() == 1 {
            ""
        } else {
            "s"
        },
        imported.dropped.len(),
        if imported.dropped.len() == 1 { "" } else { "s" },
        if s.decoded_from_gb18030 {
            ", decoded from GB18030"
        } else {
            ""
        },
    ));
    Outcome::Ok
}
