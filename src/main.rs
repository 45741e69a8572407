//! The `gongwen` command line: parses arguments, calls the library, prints,
//! and sets the exit code (0 ok, 1 problems found, 2 usage or I/O trouble).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use gongwen::diagnostic::Diagnostic;
use std::io::IsTerminal;

use gongwen::discover::{DraftEntry, consecutive_pairs, find_drafts};
use gongwen::import::{ImportOptions, StyleChoice};
use gongwen::render::pdf::PdfSettings;
use gongwen::render::redline::RedlineContext;
use gongwen::render::{Format, Renderer, Templates};
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
    /// Folder holding faces a draft names under `fonts:` (searched before the system); repeatable
    #[arg(long = "font-dir")]
    font_dirs: Vec<PathBuf>,
    /// Print characters no font has as empty boxes, with a warning, instead of failing
    #[arg(long)]
    allow_missing_glyphs: bool,
}

impl RenderArgs {
    /// The templates (built in, with the overrides) and the PDF settings; a
    /// broken template override is reported and ends the command.
    fn renderer(self) -> Result<Renderer, Diagnostic> {
        let default_templates = Path::new("templates");
        let dir = self
            .templates
            .as_deref()
            .or(default_templates.is_dir().then_some(default_templates));
        let templates = Templates::load(dir)?;
        let pdf = PdfSettings {
            font_dirs: self.font_dirs,
            allow_missing_glyphs: self.allow_missing_glyphs,
            source_date_epoch: std::env::var("SOURCE_DATE_EPOCH")
                .ok()
                .and_then(|s| s.trim().parse().ok()),
        };
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
enum Outcome {
    Ok,
    Problems,
    Trouble,
}

fn main() -> ExitCode {
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
        } => build(&paths, &out, &format, render),
        Command::Check { paths } => check(&paths),
        Command::Diff(args) => diff(args),
        Command::Import {
            input,
            out,
            style,
            force,
        } => import(&input, out, style, force),
    };
    match outcome {
        Outcome::Ok => ExitCode::SUCCESS,
        Outcome::Problems => ExitCode::from(1),
        Outcome::Trouble => ExitCode::from(2),
    }
}

fn print(d: &Diagnostic) {
    eprintln!("{}", d.render());
}

/// The drafts named on the command line, or all under drafts/.
fn drafts(paths: &[PathBuf]) -> Result<Vec<DraftEntry>, Outcome> {
    let default = [PathBuf::from("drafts")];
    let paths = if paths.is_empty() {
        &default[..]
    } else {
        paths
    };
    let mut entries = Vec::new();
    for path in paths {
        match find_drafts(path) {
            Ok(found) if found.is_empty() => {
                eprintln!(
                    "{}: no drafts found (a draft is a .yaml file or a folder with draft.yaml)",
                    path.display()
                );
                return Err(Outcome::Trouble);
            }
            Ok(found) => entries.extend(found),
            Err(d) => {
                print(&d);
                return Err(Outcome::Trouble);
            }
        }
    }
    Ok(entries)
}

fn check(paths: &[PathBuf]) -> Outcome {
    let entries = match drafts(paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut problems = 0;
    for entry in &entries {
        match load::load_draft(&entry.path) {
            Ok(_) => println!("ok      {}", entry.path.display()),
            Err(diags) => {
                for d in &diags.0 {
                    print(d);
                }
                problems += diags.0.len();
                println!(
                    "FAILED  {} ({} problem{})",
                    entry.path.display(),
                    diags.0.len(),
                    if diags.0.len() == 1 { "" } else { "s" }
                );
            }
        }
    }
    if problems > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    }
}

fn build(paths: &[PathBuf], out: &Path, format_names: &[String], render: RenderArgs) -> Outcome {
    let mut formats = Vec::new();
    for name in format_names {
        match Format::parse(name.trim()) {
            Some(f) if !formats.contains(&f) => formats.push(f),
            Some(_) => {}
            None => {
                let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
                eprintln!(
                    "error: unknown format `{name}`; the formats are: {}",
                    names.join(", ")
                );
                return Outcome::Trouble;
            }
        }
    }
    let renderer = match render.renderer() {
        Ok(r) => r,
        Err(d) => {
            print(&d);
            return Outcome::Problems;
        }
    };
    let entries = match drafts(paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut outcome = Outcome::Ok;
    let mut documents = std::collections::HashMap::new();
    for entry in &entries {
        match build_draft(&entry.path, &renderer, &formats) {
            Ok(built) => {
                for w in &built.warnings {
                    print(w);
                }
                documents.insert(entry.path.clone(), built.document);
                for (format, bytes) in built.outputs {
                    let dest = entry.output(out, format.extension());
                    if let Err(e) = write::write_atomic(&dest, &bytes) {
                        eprintln!("error: cannot write {}: {e}", dest.display());
                        return Outcome::Trouble;
                    }
                    println!("wrote   {}", dest.display());
                }
            }
            Err(BuildError::Draft(diags)) => {
                for d in &diags.0 {
                    print(d);
                }
                println!("FAILED  {}", entry.path.display());
                outcome = Outcome::Problems;
            }
            Err(BuildError::Render(d)) => {
                print(&d);
                println!("FAILED  {}", entry.path.display());
                outcome = Outcome::Problems;
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
            let dest = b.output(out, "").with_file_name(format!(
                "{}-{}.redline.{}",
                names.0,
                names.1,
                format.extension()
            ));
            match renderer.render_redline(format, (old, new), &ctx) {
                Ok(rendered) => {
                    if let Err(e) = write::write_atomic(&dest, &rendered.bytes) {
                        eprintln!("error: cannot write {}: {e}", dest.display());
                        return Outcome::Trouble;
                    }
                    println!("wrote   {}", dest.display());
                }
                Err(d) => {
                    print(&d);
                    outcome = Outcome::Problems;
                }
            }
        }
    }
    outcome
}

fn diff(args: DiffArgs) -> Outcome {
    let diffed = match gongwen::diff_drafts(&args.old, &args.new) {
        Ok(d) => d,
        Err(BuildError::Draft(diags)) => {
            for d in &diags.0 {
                print(d);
            }
            return Outcome::Trouble;
        }
        Err(BuildError::Render(d)) => {
            print(&d);
            return Outcome::Trouble;
        }
    };
    let names = (draft_name(&args.old), draft_name(&args.new));
    let ctx = RedlineContext::new(
        &diffed.old,
        &diffed.new,
        (&names.0, &names.1),
        &diffed.changes,
        args.show_whitespace,
    );
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
            gongwen::render::redline::terminal(&ctx, color).into_bytes()
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
                eprintln!("error: a PDF is not for the terminal; give --out FILE.pdf");
                return Outcome::Trouble;
            }
            let renderer = match args.render.renderer() {
                Ok(r) => r,
                Err(d) => {
                    print(&d);
                    return Outcome::Trouble;
                }
            };
            match renderer.render_redline(format, (&diffed.old, &diffed.new), &ctx) {
                Ok(r) => {
                    for w in &r.warnings {
                        print(w);
                    }
                    r.bytes
                }
                Err(d) => {
                    print(&d);
                    return Outcome::Trouble;
                }
            }
        }
    };
    match &args.out {
        Some(path) => {
            if let Err(e) = write::write_atomic(path, &bytes) {
                eprintln!("error: cannot write {}: {e}", path.display());
                return Outcome::Trouble;
            }
        }
        None => {
            use std::io::Write;
            if std::io::stdout().write_all(&bytes).is_err() {
                return Outcome::Trouble;
            }
        }
    }
    if diffed.changes.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    }
}

fn import(input: &Path, out: Option<PathBuf>, style: StyleArg, force: bool) -> Outcome {
    let out = out.unwrap_or_else(|| {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        Path::new("drafts").join(stem).join("v1.yaml")
    });
    if out.exists() && !force {
        eprintln!(
            "error: {} already exists; use --force to overwrite it, or --out to write elsewhere",
            out.display()
        );
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
            print(&d);
            return Outcome::Trouble;
        }
    };
    for w in &imported.warnings {
        print(w);
    }
    if let Err(e) = save::save_checked(&imported.draft, &out, force) {
        eprintln!("error: cannot write {}: {e}", out.display());
        return Outcome::Trouble;
    }
    let s = &imported.summary;
    println!(
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
    );
    Outcome::Ok
}
