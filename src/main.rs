//! The `gongwen` command line: parses arguments, calls the library, prints,
//! and sets the exit code (0 ok, 1 problems found, 2 usage or I/O trouble).

mod cli;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::FromArgMatches;

use cli::args::{Cli, ColorArg, Command, DiffArgs, FontArgs, ImportArgs, RenderArgs};
use cli::console::{Console, Outcome};
use gongwen::paths::shown;
use gongwen::project::redline::{Comments, Options, Redline, Side};
use gongwen::project::{self, Event};
use gongwen::render::Format;
use gongwen::save::{self, SaveError};
use gongwen::tr;
use gongwen::write;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::args::lang_asked(&args)
        .unwrap_or_else(|| gongwen::i18n::from_env(|name| std::env::var(name).ok()));
    gongwen::i18n::set(lang);
    let mut console = Console::default();
    // The line is parsed by the command line's bare shape: its texts (the
    // help, value names, clap's own words in Chinese) are set, which reads
    // the whole catalogue, only when they are shown.
    let matches = match cli::help::shape().try_get_matches_from(&args) {
        Ok(matches) if cli::help::help_asked(&matches).is_none() => matches,
        _ => return cli::help::with_texts(&args, lang),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => return cli::help::stop(&e),
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
        Command::Import(args) => import(&mut console, &args),
        Command::Lint(args) => cli::lint::run(&mut console, &args),
        Command::Comments { command } => cli::comments::run(&mut console, &command),
        Command::Serve(args) => cli::serve::serve(&mut console, args),
        Command::Watch(args) => cli::serve::watch(&mut console, args),
        Command::Schema(args) => cli::schema::run(&mut console, &args),
        Command::New(args) => cli::new::run(&mut console, &args),
    };
    cli::console::end(console.finish(outcome))
}

/// Prints what building or checking reports, as it happens.
fn report(console: &mut Console, event: Event) {
    match event {
        Event::Wrote(path, _) => console.line(tr!("run-wrote", path = shown(path).to_string())),
        Event::Checked(path) => console.line(tr!("run-ok", path = shown(path).to_string())),
        Event::Warning(d) | Event::RedlineFailed(d) => console.diagnostic(d),
        Event::NotWritten(e) => console.err(tr!("run-error", error = e.to_string())),
        Event::Note(text) => console.line(tr!("run-note", note = text)),
        Event::Failed(path, diags) => {
            for d in diags {
                console.diagnostic(d);
            }
            let problems = tr!("summary-problems", count = diags.len());
            console.line(tr!(
                "run-failed",
                path = shown(path).to_string(),
                problems = problems
            ));
        }
    }
}

fn check(console: &mut Console, paths: &[PathBuf], fonts: FontArgs) -> Outcome {
    let settings = fonts.settings();
    if let Err(d) = settings.check() {
        console.diagnostic(&d);
        return Outcome::Trouble;
    }
    let entries = match cli::drafts(console, paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    match project::check(&entries, &settings, &mut |e| report(console, e)) {
        0 => Outcome::Ok,
        _ => Outcome::Problems,
    }
}

fn build(
    console: &mut Console,
    paths: &[PathBuf],
    out: &Path,
    formats: &[Format],
    render: RenderArgs,
) -> Outcome {
    let mut formats = formats.to_vec();
    formats.dedup();
    let renderer = match render.renderer() {
        Ok(r) => r,
        Err((d, code)) => {
            console.diagnostic(&d);
            return if code == 2 {
                Outcome::Trouble
            } else {
                Outcome::Problems
            };
        }
    };
    let entries = match cli::drafts(console, paths) {
        Ok(e) => e,
        Err(o) => return o,
    };
    match project::build(&entries, &renderer, out, &formats, &mut |e| {
        report(console, e)
    }) {
        Ok(s) if s.failed_writes > 0 => Outcome::Trouble,
        Ok(s) if s.failed_drafts + s.failed_redlines + s.lint_errors > 0 => Outcome::Problems,
        Ok(_) => Outcome::Ok,
        Err(d) => {
            console.diagnostic(&d);
            Outcome::Trouble
        }
    }
}

fn diff(console: &mut Console, args: DiffArgs) -> Outcome {
    if let Some(message) = args.usage_error() {
        console.err(message);
        return Outcome::Trouble;
    }
    let (old, new) = match project::draft::load_both(&args.old, &args.new) {
        Ok(both) => both,
        Err(diags) => {
            diags.0.iter().for_each(|d| console.diagnostic(d));
            return Outcome::Trouble;
        }
    };
    let mut renderer = match args.render.renderer() {
        Ok(r) => r,
        Err((d, _)) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    renderer.color = match args.color {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            args.out.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let old = Side::new(&args.old, &old);
    // The comments on the older draft, by the changes that answer them.
    let comments = Comments::of(&old);
    comments.problems.iter().for_each(|d| console.diagnostic(d));
    let redline = Redline::new(old, Side::new(&args.new, &new), comments.resolved());
    let options = Options {
        show_whitespace: args.show_whitespace,
        no_punctuation: args.no_punctuation,
        side_by_side: args.side_by_side.then_some(args.unchanged),
        author: args.author.clone(),
    };
    let rendered = match redline.render(&renderer, args.format, &options) {
        Ok(r) => r,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    rendered.warnings.iter().for_each(|w| console.diagnostic(w));
    match &args.out {
        Some(path) => {
            if let Err(e) = write::write_named(path, &rendered.bytes) {
                console.err(tr!("run-error", error = e.to_string()));
                return Outcome::Trouble;
            }
        }
        None => console.bytes(&rendered.bytes),
    }
    if redline.is_empty() && comments.problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    }
}

fn import(console: &mut Console, args: &ImportArgs) -> Outcome {
    let (input, force) = (args.input.as_path(), args.force);
    let out = args.out.clone().unwrap_or_else(|| {
        let stem = input.file_stem().unwrap_or_default().to_string_lossy();
        Path::new("drafts").join(stem.as_ref()).join("v1.yaml")
    });
    if !force && out.symlink_metadata().is_ok() {
        console.err(tr!("run-error", error = SaveError::Exists(out).to_string()));
        return Outcome::Trouble;
    }
    let imported = match gongwen::import::import_file(input, args.options()) {
        Ok(i) => i,
        Err(d) => {
            console.diagnostic(&d);
            return Outcome::Trouble;
        }
    };
    imported.warnings.iter().for_each(|w| console.diagnostic(w));
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Err(e) = save::save_checked_in(
        &imported.draft,
        &out,
        force,
        &[input, &cwd],
        args.keys.into(),
    ) {
        console.err(tr!("run-error", error = e.to_string()));
        return Outcome::Trouble;
    }
    console.line(tr!(
        "run-imported",
        input = shown(input).to_string(),
        out = shown(&out).to_string(),
        report = imported.report_line()
    ));
    Outcome::Ok
}
