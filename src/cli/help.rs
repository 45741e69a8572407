//! clap's help and parse errors in the language chosen. The help texts are
//! in the catalogues only, under ids made from the command line's shape
//! (`cli-build-about`, `cli-build-arg-out`, `cli-arg-paths` for a text
//! several commands share, `cli-value-out` for a value's name): the command
//! clap derives is walked and each text set from them. In Chinese, clap's
//! own words (`Usage:`, `Options:`, `[default: …]`, its errors) are said in
//! Chinese too; in English they stay clap's.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, ArgMatches, Command, CommandFactory};
use gongwen::i18n::{self, Lang};
use gongwen::tr;

use super::args::Cli;

/// The command line's shape as parsed: the derived one, with gongwen's own
/// `-h/--help`, `-V/--version` and `help` command, so that their help comes
/// from the catalogues like the rest.
pub fn shape() -> Command {
    with_own_help(Cli::command(), true)
}

fn with_own_help(cmd: Command, root: bool) -> Command {
    let has_subcommands = cmd.has_subcommands();
    let mut cmd = own_help_flag(cmd.mut_subcommands(|sub| with_own_help(sub, false)));
    if root {
        cmd = cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version),
        );
    }
    if has_subcommands {
        cmd = cmd.disable_help_subcommand(true).subcommand(
            own_help_flag(Command::new("help"))
                .arg(Arg::new("command").num_args(0..).value_name("COMMAND")),
        );
    }
    cmd
}

fn own_help_flag(cmd: Command) -> Command {
    cmd.disable_help_flag(true).arg(
        Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help),
    )
}

/// The command line in `lang`, ready to parse `args` (whose first is the
/// program's name, shown in the usage lines).
pub fn command(args: &[std::ffi::OsString], lang: Lang) -> Command {
    let bin = args
        .first()
        .and_then(|a| std::path::Path::new(a).file_name())
        .and_then(|n| n.to_str())
        .unwrap_or("gongwen")
        .to_string();
    let mut cmd = localize(shape(), &mut Vec::new(), lang).bin_name(bin);
    cmd.build();
    if lang == Lang::Zh {
        usage_in_chinese(&mut cmd);
    }
    cmd
}

/// Help, the version, or why the command line is refused, said by the
/// command line with its texts in `lang`.
pub fn with_texts(args: &[std::ffi::OsString], lang: Lang) -> std::process::ExitCode {
    let mut command = command(args, lang);
    let matches = match command.try_get_matches_from_mut(args) {
        Ok(matches) => matches,
        Err(e) => return stop(&e),
    };
    let Some(names) = help_asked(&matches) else {
        // The bare shape refused what this one takes: they parse alike, so
        // this is not reached; were it, the line was not run.
        return std::process::ExitCode::from(2);
    };
    // `gongwen help build` is `gongwen build --help`.
    let program = args.first().cloned().unwrap_or_else(|| "gongwen".into());
    let again = std::iter::once(program)
        .chain(names.into_iter().map(Into::into))
        .chain(std::iter::once("--help".into()));
    match command.try_get_matches_from_mut(again) {
        Ok(_) => std::process::ExitCode::SUCCESS,
        Err(e) => stop(&e),
    }
}

/// The catalogue ids a command's about may be under: its own, or the one
/// every command of its name shares (`help`).
fn about_ids(path: &[String]) -> Vec<String> {
    match path.last() {
        None => vec!["cli-about".to_string()],
        Some(name) => vec![
            format!("cli-{}-about", id_part(&path.join("-"))),
            format!("cli-{}-about", id_part(name)),
        ],
    }
}

/// The ids an arg's help may be under, most particular first: the command's
/// own, that of every command of its name, that of every command.
fn arg_ids(path: &[String], arg: &str) -> Vec<String> {
    let arg = id_part(arg);
    let mut ids = Vec::new();
    if let Some(name) = path.last() {
        ids.push(format!("cli-{}-arg-{arg}", id_part(&path.join("-"))));
        ids.push(format!("cli-{}-arg-{arg}", id_part(name)));
    }
    ids.push(format!("cli-arg-{arg}"));
    ids.dedup();
    ids
}

/// The id of a value's name (`OUT` → `cli-value-out`); a name that is not a
/// word (`zh|en`) is shown as written.
fn value_id(name: &str) -> Option<String> {
    name.chars()
        .all(|c| c.is_ascii_uppercase() || c == '_')
        .then(|| format!("cli-value-{}", id_part(&name.to_ascii_lowercase())))
}

fn id_part(name: &str) -> String {
    name.replace(['_', ' '], "-")
}

/// The first of `ids` the catalogue of `lang` holds, with its text.
fn found(lang: Lang, ids: &[String]) -> Option<(String, String)> {
    ids.iter().find_map(|id| {
        let text = i18n::text_in(lang, id, &[]);
        (text != *id).then(|| (id.clone(), text))
    })
}

/// Every text of the command line's help, as the lists of ids it may be
/// under (the first in the catalogues is used): what `tests/help_zh.rs`
/// checks the catalogues against.
#[allow(dead_code)] // the binary has no use for it
pub fn texts(cmd: &Command) -> Vec<Vec<String>> {
    fn walk(cmd: &Command, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(about_ids(path));
        for arg in cmd.get_arguments() {
            out.push(arg_ids(path, arg.get_id().as_str()));
            // A flag has a value name clap never shows.
            if arg.get_action().takes_values() {
                for name in arg.get_value_names().unwrap_or_default() {
                    out.extend(value_id(name).map(|id| vec![id]));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(cmd, &mut Vec::new(), &mut out);
    out
}

fn localize(cmd: Command, path: &mut Vec<String>, lang: Lang) -> Command {
    let mut cmd = cmd;
    if let Some((_, about)) = found(lang, &about_ids(path)) {
        cmd = cmd.about(about);
    }
    let here = path.clone();
    cmd = cmd.mut_args(|arg| localize_arg(arg, &here, lang));
    if lang == Lang::Zh {
        let template = chinese_template(&cmd);
        cmd = cmd
            .help_template(template)
            .subcommand_value_name(tr!("args-command-value"));
    }
    cmd.mut_subcommands(|sub| {
        path.push(sub.get_name().to_string());
        let sub = localize(sub, path, lang);
        path.pop();
        sub
    })
}

fn localize_arg(arg: Arg, path: &[String], lang: Lang) -> Arg {
    let mut arg = arg;
    let mut help = found(lang, &arg_ids(path, arg.get_id().as_str())).map(|(_, text)| text);
    if let Some(names) = arg
        .get_value_names()
        .filter(|_| arg.get_action().takes_values())
    {
        let names: Vec<String> = names
            .iter()
            .map(|name| {
                value_id(name)
                    .and_then(|id| found(lang, &[id]))
                    .map_or_else(|| name.to_string(), |(_, text)| text)
            })
            .collect();
        arg = arg.value_names(names);
    }
    if lang == Lang::Zh {
        // clap's `[default: …]` and `[possible values: …]`, said in Chinese.
        let mut notes = Vec::new();
        let defaults = arg.get_default_values();
        if arg.get_action().takes_values()
            && !arg.is_hide_default_value_set()
            && !defaults.is_empty()
        {
            let value = defaults
                .iter()
                .map(|v| v.to_string_lossy())
                .collect::<Vec<_>>()
                .join(" ");
            notes.push(tr!("args-default", value = value));
        }
        let takes_values = arg.get_action().takes_values();
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .filter(|v| !v.is_hide_set())
            .map(|v| v.get_name().to_string())
            .collect();
        if takes_values && !arg.is_hide_possible_values_set() && !values.is_empty() {
            notes.push(tr!("args-possible-values", values = values.join(", ")));
        }
        if !notes.is_empty() {
            let notes = notes.concat();
            help = Some(match help {
                Some(help) => format!("{help}{notes}"),
                None => notes,
            });
            arg = arg.hide_default_value(true).hide_possible_values(true);
        }
    }
    match help {
        Some(help) => arg.help(help),
        None => arg,
    }
}

/// clap's help layout with its headings said in Chinese (clap would end
/// each with a half-width colon): the commands, the arguments, the options.
fn chinese_template(cmd: &Command) -> String {
    let mut sections = Vec::new();
    if cmd.has_subcommands() {
        sections.push(format!("{}\n{{subcommands}}", tr!("args-commands-heading")));
    }
    if cmd.get_positionals().next().is_some() {
        sections.push(format!(
            "{}\n{{positionals}}",
            tr!("args-arguments-heading")
        ));
    }
    sections.push(format!("{}\n{{options}}", tr!("args-options-heading")));
    format!(
        "{{before-help}}{{about-with-newline}}\n{}{{usage}}\n\n{}{{after-help}}",
        tr!("args-usage-heading"),
        sections.join("\n\n")
    )
}

/// clap writes `[OPTIONS]` in a usage line whatever the language: each
/// command's usage is made once by clap and said again in Chinese.
fn usage_in_chinese(cmd: &mut Command) {
    let usage = cmd.render_usage().to_string();
    let usage = usage
        .trim()
        .strip_prefix("Usage:")
        .unwrap_or(&usage)
        .trim()
        .replace("[OPTIONS]", &tr!("args-options-placeholder"));
    *cmd = std::mem::take(cmd).override_usage(usage);
    for sub in cmd.get_subcommands_mut() {
        usage_in_chinese(sub);
    }
}

/// `gongwen help build`: the commands before `help` and the names after it,
/// whose help is asked for.
pub fn help_asked(matches: &ArgMatches) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut matches = matches;
    while let Some((name, sub)) = matches.subcommand() {
        if name == "help" {
            names.extend(
                sub.get_many::<String>("command")
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            return Some(names);
        }
        names.push(name.to_string());
        matches = sub;
    }
    None
}

/// Prints what clap stopped on (help, the version, or a mistake in the
/// arguments) and gives the exit code: 0 for help and the version, else 2.
pub fn stop(e: &clap::Error) -> std::process::ExitCode {
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return std::process::ExitCode::SUCCESS;
    }
    match (i18n::current(), said_again(e)) {
        (Lang::Zh, Some(text)) => eprint!("{text}"),
        _ => {
            let _ = e.print();
        }
    }
    std::process::ExitCode::from(2)
}

/// A parse error said in the current language, from what clap found (the
/// argument, the value, its suggestion, the usage); None for one clap says
/// best itself (help shown for a command given nothing).
pub fn said_again(e: &clap::Error) -> Option<String> {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => v.first().cloned(),
        _ => None,
    };
    let all = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    };
    let arg = one(ContextKind::InvalidArg).unwrap_or_default();
    let value = one(ContextKind::InvalidValue).unwrap_or_default();
    let first = match e.kind() {
        ErrorKind::InvalidSubcommand => {
            tr!(
                "args-unknown-command",
                name = one(ContextKind::InvalidSubcommand)?
            )
        }
        ErrorKind::UnknownArgument => tr!("args-unknown-option", arg = arg),
        ErrorKind::InvalidValue if value.is_empty() => tr!("args-value-missing", arg = arg),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            tr!("args-value-invalid", arg = arg, value = value)
        }
        ErrorKind::TooManyValues => tr!("args-value-extra", arg = arg, value = value),
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            tr!("args-value-count", arg = arg)
        }
        ErrorKind::NoEquals => tr!("args-no-equals", arg = arg),
        ErrorKind::MissingRequiredArgument => tr!(
            "args-missing",
            args = all(ContextKind::InvalidArg).join("、")
        ),
        ErrorKind::MissingSubcommand => tr!(
            "args-missing-command",
            name = one(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::ArgumentConflict => match one(ContextKind::PriorArg) {
            Some(prior) if prior == arg => tr!("args-repeated", arg = arg),
            Some(prior) => tr!("args-conflict", arg = arg, other = prior),
            None => tr!("args-conflict-others", arg = arg),
        },
        ErrorKind::InvalidUtf8 => tr!("args-not-utf8"),
        _ => return None,
    };
    let mut text = format!("{first}\n");
    let suggestion = one(ContextKind::SuggestedSubcommand)
        .or_else(|| one(ContextKind::SuggestedArg))
        .or_else(|| one(ContextKind::SuggestedValue));
    if let Some(suggestion) = suggestion {
        text.push_str(&format!(
            "  {}\n",
            tr!("args-did-you-mean", name = suggestion)
        ));
    }
    let valid = all(ContextKind::ValidValue);
    if !valid.is_empty() {
        text.push_str(&format!(
            "  {}\n",
            tr!("args-possible-values-line", values = valid.join(", "))
        ));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim();
        let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
        text.push_str(&format!("\n{}\n", tr!("args-usage-line", usage = usage)));
    }
    text.push_str(&format!("\n{}\n", tr!("args-more-help")));
    Some(text)
}
