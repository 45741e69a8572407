//! The `gongwen` command line: parses arguments, calls the library, prints,
//! and sets the exit code (0 ok, 1 problems found, 2 usage or I/O trouble).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use gongwen::diagnostic::Diagnostic;
use gongwen::discover::{DraftEntry, find_drafts};
use gongwen::render::{Format, Templates};
use gongwen::{BuildError, build_draft, load, write};

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
    /// Render drafts to Markdown and HTML under output/.
    Build {
        /// Drafts, document folders or folders of documents [default: drafts/]
        paths: Vec<PathBuf>,
        /// Folder to write into; the layout below drafts/ is mirrored there
        #[arg(long, default_value = "output")]
        out: PathBuf,
        /// Formats to write, comma-separated: md, html
        #[arg(long, value_delimiter = ',', default_value = "md,html")]
        format: Vec<String>,
        /// Folder of template overrides [default: templates/ if it exists]
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Check drafts and report every problem with file, line and column.
    Check {
        /// Drafts, document folders or folders of documents [default: drafts/]
        paths: Vec<PathBuf>,
    },
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
            templates,
        } => build(&paths, &out, &format, templates.as_deref()),
        Command::Check { paths } => check(&paths),
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

fn build(
    paths: &[PathBuf],
    out: &Path,
    format_names: &[String],
    templates_dir: Option<&Path>,
) -> Outcome {
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
    let default_templates = Path::new("templates");
    let templates_dir = templates_dir.or(default_templates.is_dir().then_some(default_templates));
    let templates = match Templates::load(templates_dir) {
        Ok(t) => t,
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
    for entry in &entries {
        match build_draft(&entry.path, &templates, &formats) {
            Ok(outputs) => {
                for (format, bytes) in outputs {
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
    outcome
}
