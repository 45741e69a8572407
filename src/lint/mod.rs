//! Drafting lint: the typing slips reviewers circle in red, found in the
//! YAML with file, line and column, and fixed there when the fix cannot
//! change the meaning.
//!
//! [`text`] holds the rules that read one text on its own (punctuation,
//! marks, spaces, dates), passing over what [`prose`] says is not prose;
//! [`draft`] those that need the whole draft (typed
//! numbers, sibling endings, date forms, references); [`fix`] writes fixes
//! back into the files, character by character.
//!
//! ```no_run
//! let report = gongwen::lint::lint_draft(std::path::Path::new("drafts/doc/v1"), &[]).unwrap();
//! for d in report.diagnostics() { eprintln!("{}", d.render()); }
//! ```

pub mod draft;
pub mod fix;
mod prose;
pub mod text;

use std::path::Path;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Lang;
use crate::load::TextSite;
use crate::load::scalar;
use crate::model::{Draft, LintLevel, LintSetting};
use crate::numbering::Document;
use crate::tr;

/// A lint rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    HalfWidthPunctuation,
    HalfWidthQuotes,
    UnpairedMarks,
    Ellipsis,
    Dash,
    RangeMark,
    SpaceInChinese,
    DoubledPunctuation,
    EndPunctuation,
    TypedNumber,
    DateLeadingZero,
    MixedDates,
    DocumentNumber,
    MissingReference,
    HandTypedReference,
}

impl Rule {
    pub const ALL: [Rule; 15] = [
        Rule::HalfWidthPunctuation,
        Rule::HalfWidthQuotes,
        Rule::UnpairedMarks,
        Rule::Ellipsis,
        Rule::Dash,
        Rule::RangeMark,
        Rule::SpaceInChinese,
        Rule::DoubledPunctuation,
        Rule::EndPunctuation,
        Rule::TypedNumber,
        Rule::DateLeadingZero,
        Rule::MixedDates,
        Rule::DocumentNumber,
        Rule::MissingReference,
        Rule::HandTypedReference,
    ];

    /// The rule's id, as `--rule` and a draft's `lint:` name it.
    pub fn id(self) -> &'static str {
        match self {
            Rule::HalfWidthPunctuation => "half-width-punctuation",
            Rule::HalfWidthQuotes => "half-width-quotes",
            Rule::UnpairedMarks => "unpaired-marks",
            Rule::Ellipsis => "ellipsis",
            Rule::Dash => "dash",
            Rule::RangeMark => "range-mark",
            Rule::SpaceInChinese => "space-in-chinese",
            Rule::DoubledPunctuation => "doubled-punctuation",
            Rule::EndPunctuation => "end-punctuation",
            Rule::TypedNumber => "typed-number",
            Rule::DateLeadingZero => "date-leading-zero",
            Rule::MixedDates => "mixed-dates",
            Rule::DocumentNumber => "document-number",
            Rule::MissingReference => "missing-reference",
            Rule::HandTypedReference => "hand-typed-reference",
        }
    }

    /// What the rule asks for, in one line, in the current language.
    pub fn explanation(self) -> String {
        match self {
            Rule::HalfWidthPunctuation => tr!("lint-rule-half-width-punctuation"),
            Rule::HalfWidthQuotes => tr!("lint-rule-half-width-quotes"),
            Rule::UnpairedMarks => tr!("lint-rule-unpaired-marks"),
            Rule::Ellipsis => tr!("lint-rule-ellipsis"),
            Rule::Dash => tr!("lint-rule-dash"),
            Rule::RangeMark => tr!("lint-rule-range-mark"),
            Rule::SpaceInChinese => tr!("lint-rule-space-in-chinese"),
            Rule::DoubledPunctuation => tr!("lint-rule-doubled-punctuation"),
            Rule::EndPunctuation => tr!("lint-rule-end-punctuation"),
            Rule::TypedNumber => tr!("lint-rule-typed-number"),
            Rule::DateLeadingZero => tr!("lint-rule-date-leading-zero"),
            Rule::MixedDates => tr!("lint-rule-mixed-dates"),
            Rule::DocumentNumber => tr!("lint-rule-document-number"),
            Rule::MissingReference => tr!("lint-rule-missing-reference"),
            Rule::HandTypedReference => tr!("lint-rule-hand-typed-reference"),
        }
    }

    /// What the rule asks for, in `lang` whatever the current language: for
    /// the schemas, which carry both. The ids are those of [`Rule::explanation`]
    /// (a test holds the two to the same text).
    pub fn explanation_in(self, lang: Lang) -> String {
        let id = match self {
            Rule::HalfWidthPunctuation => "lint-rule-half-width-punctuation",
            Rule::HalfWidthQuotes => "lint-rule-half-width-quotes",
            Rule::UnpairedMarks => "lint-rule-unpaired-marks",
            Rule::Ellipsis => "lint-rule-ellipsis",
            Rule::Dash => "lint-rule-dash",
            Rule::RangeMark => "lint-rule-range-mark",
            Rule::SpaceInChinese => "lint-rule-space-in-chinese",
            Rule::DoubledPunctuation => "lint-rule-doubled-punctuation",
            Rule::EndPunctuation => "lint-rule-end-punctuation",
            Rule::TypedNumber => "lint-rule-typed-number",
            Rule::DateLeadingZero => "lint-rule-date-leading-zero",
            Rule::MixedDates => "lint-rule-mixed-dates",
            Rule::DocumentNumber => "lint-rule-document-number",
            Rule::MissingReference => "lint-rule-missing-reference",
            Rule::HandTypedReference => "lint-rule-hand-typed-reference",
        };
        crate::i18n::text_in(lang, id, &[])
    }

    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// How serious the rule is unless a draft says otherwise.
    fn default_level(self) -> LintLevel {
        match self {
            Rule::MissingReference => LintLevel::Error,
            _ => LintLevel::Warning,
        }
    }
}

/// One thing a rule found in a text value: characters `start..end` of the
/// value, and what to write there instead when that is safe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub rule: Rule,
    pub start: usize,
    pub end: usize,
    pub message: String,
    pub fix: Option<String>,
}

/// A hit in a draft: in which text value, and how serious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub site: usize,
    pub level: LintLevel,
    pub hit: Hit,
}

/// What lint found in one draft.
pub struct Report {
    pub sites: Vec<TextSite>,
    pub findings: Vec<Finding>,
    /// Rule levels after the draft's `lint:` and the rules asked for.
    levels: Vec<(Rule, LintLevel)>,
}

/// A rule's level in a list of levels.
fn level_in(levels: &[(Rule, LintLevel)], rule: Rule) -> LintLevel {
    levels
        .iter()
        .find(|(r, _)| *r == rule)
        .map_or(LintLevel::Off, |(_, l)| *l)
}

/// Lints one draft. `only`, when not empty, limits lint to those rules.
pub fn lint_draft(path: &Path, only: &[Rule]) -> Result<Report, Diagnostics> {
    let (draft, sites) = crate::load::load_draft_with_texts(path)?;
    let doc = crate::numbering::number(&draft);
    lint_loaded(path, &draft, sites, &doc, only)
}

/// Lints a draft a command has already loaded from `path`: as written, its
/// texts with their places, and numbered.
pub fn lint_loaded(
    path: &Path,
    draft: &Draft,
    sites: Vec<TextSite>,
    doc: &Document,
    only: &[Rule],
) -> Result<Report, Diagnostics> {
    // The project's settings first, then the draft's own.
    let mut settings = crate::load::project_lint_settings(path)?;
    settings.extend(draft.meta.lint.iter().cloned());
    let levels = levels(&settings, only)?;
    let mut structural: Vec<Vec<Hit>> = vec![Vec::new(); sites.len()];
    for (site, hit) in draft::check(draft, doc, &sites) {
        structural[site].push(hit);
    }
    let mut findings = Vec::new();
    for (i, site) in sites.iter().enumerate() {
        let mut hits = structural[i].clone();
        if !site.key.is_date() {
            text::check(&site.value, &folds(site), &mut hits);
        }
        hits.sort_by_key(|h| (h.start, h.end));
        for hit in hits {
            let level = level_in(&levels, hit.rule);
            if level != LintLevel::Off {
                findings.push(Finding {
                    site: i,
                    level,
                    hit,
                });
            }
        }
    }
    Ok(Report {
        sites,
        findings,
        levels,
    })
}

/// The level of every rule: default, then the draft's `lint:`, then `only`.
fn levels(settings: &[LintSetting], only: &[Rule]) -> Result<Vec<(Rule, LintLevel)>, Diagnostics> {
    let mut levels: Vec<(Rule, LintLevel)> =
        Rule::ALL.iter().map(|r| (*r, r.default_level())).collect();
    let mut problems = Vec::new();
    for setting in settings {
        match Rule::parse(&setting.rule) {
            Some(rule) => {
                for entry in levels.iter_mut().filter(|(r, _)| *r == rule) {
                    entry.1 = setting.level;
                }
            }
            None => {
                let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
                let near = crate::load::schema::suggest_key(&setting.rule, &ids);
                let o = &setting.origin;
                let mut d = Diagnostic::error(
                    &o.file,
                    o.line,
                    o.column,
                    tr!("lint-not-a-rule", rule = &setting.rule),
                );
                d = d.help(match near {
                    Some(n) => tr!("lint-not-a-rule-near", near = n),
                    None => tr!("lint-not-a-rule-list"),
                });
                problems.push(d);
            }
        }
    }
    if !problems.is_empty() {
        return Err(Diagnostics(problems));
    }
    if !only.is_empty() {
        for (rule, level) in levels.iter_mut() {
            if !only.contains(rule) {
                *level = LintLevel::Off;
            } else if *level == LintLevel::Off {
                *level = LintLevel::Warning;
            }
        }
    }
    Ok(levels)
}

impl Report {
    /// The findings as messages pointing at the characters in the YAML, one
    /// at a time: a value with a million findings is not a million messages
    /// held at once.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        // The site of the findings at hand, mapped onto its file, and where
        // the last of its findings is: a site's findings come together and
        // in order, and each is counted on from the one before it, not from
        // the start of its line (a whole law may be one line).
        let mut current: Option<(usize, Option<scalar::Mapped>, Option<Place>)> = None;
        // Each rule explained once, and a help line made again only when it
        // changes: a text of a million commas has one help line.
        let mut explained: Vec<Option<String>> = vec![None; Rule::ALL.len()];
        let mut last_help: Option<(Rule, Option<String>, String)> = None;
        self.findings.iter().map(move |f| {
            let site = &self.sites[f.site];
            if current.as_ref().is_some_and(|(at, _, _)| *at != f.site) {
                current = None;
            }
            let (_, map, last) = current.get_or_insert_with(|| (f.site, site.map(), None));
            // The byte the finding starts at (an insertion: the value's last character).
            let byte = map.as_ref().map(|m| match m.spans.get(f.hit.start) {
                Some(span) => span.range().start,
                None => m.spans.last().map_or(m.end, |s| s.range().start),
            });
            let (line, column) = match byte {
                Some(at) => {
                    let place = Place::of(site, at, *last);
                    *last = Some(place);
                    (place.line, place.column)
                }
                None => (site.pos.line, site.pos.column),
            };
            let message = format!("{} [{}]", f.hit.message, f.hit.rule.id());
            let mut d = match f.level {
                LintLevel::Error => Diagnostic::error(&site.file, line, column, message),
                _ => Diagnostic::warning(&site.file, line, column, message),
            };
            let (rule, fix) = (f.hit.rule, &f.hit.fix);
            let help = match &last_help {
                Some((r, x, help)) if *r == rule && x == fix => help.clone(),
                _ => {
                    let explanation = explained[rule as usize]
                        .get_or_insert_with(|| rule.explanation())
                        .clone();
                    let help = match fix {
                        Some(to) if to.is_empty() => {
                            tr!("lint-help-fix-deletes", explanation = explanation)
                        }
                        Some(to) => {
                            tr!("lint-help-fix-writes", explanation = explanation, fix = to)
                        }
                        None => explanation,
                    };
                    last_help = Some((rule, fix.clone(), help.clone()));
                    help
                }
            };
            d = d.help(help).with_source(&site.source);
            if let Some(at) = byte {
                d = d.at(at);
            }
            d.width((f.hit.end - f.hit.start).max(1))
        })
    }

    /// One line: `drafts/doc/v1: 312 findings (300 fixable with --fix): half-width-punctuation 290, …`
    pub fn summary(&self, path: &Path) -> String {
        let n = self.findings.len();
        let shown = crate::paths::shown(path).to_string();
        if n == 0 {
            return tr!("lint-summary-none", path = shown);
        }
        let counts: Vec<String> = self
            .counts()
            .iter()
            .map(|(rule, count)| format!("{} {count}", rule.id()))
            .collect();
        tr!(
            "lint-summary",
            path = shown,
            count = n,
            fixable = self.fixable(),
            counts = counts.join(", ")
        )
    }

    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.level == LintLevel::Error)
            .count()
    }

    /// How many findings have a fix.
    pub fn fixable(&self) -> usize {
        self.findings.iter().filter(|f| f.hit.fix.is_some()).count()
    }

    /// Counts by rule, most first: for a summary line.
    pub fn counts(&self) -> Vec<(Rule, usize)> {
        let mut counts: Vec<(Rule, usize)> = Vec::new();
        for f in &self.findings {
            match counts.iter_mut().find(|(r, _)| *r == f.hit.rule) {
                Some(entry) => entry.1 += 1,
                None => counts.push((f.hit.rule, 1)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        counts
    }

    /// Each site's value with every safe fix applied, until no rule has one
    /// left to make; `None` where nothing changes.
    pub fn fixed_values(&self) -> Vec<Option<String>> {
        // The first round's fixes are the findings' own (they saw the YAML's
        // folds and the whole draft); a round moves the characters, so later
        // rounds read the text alone.
        let mut first: Vec<Vec<&Hit>> = vec![Vec::new(); self.sites.len()];
        for f in self.findings.iter().filter(|f| f.hit.fix.is_some()) {
            first[f.site].push(&f.hit);
        }
        self.sites
            .iter()
            .zip(first)
            .map(|(site, hits)| {
                let text_rules = !site.key.is_date();
                let mut value = apply(&site.value, hits);
                for _ in 0..8 {
                    if !text_rules {
                        break;
                    }
                    let mut hits = Vec::new();
                    text::check(&value, &[], &mut hits);
                    hits.retain(|h| {
                        h.fix.is_some() && level_in(&self.levels, h.rule) != LintLevel::Off
                    });
                    if hits.is_empty() {
                        break;
                    }
                    value = apply(&value, &hits);
                }
                (value != site.value).then_some(value)
            })
            .collect()
    }
}

/// A byte of a site's file and its line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    byte: usize,
    line: u32,
    column: u32,
}

impl Place {
    /// The place of byte `at` of the site's file: counted on from `last`
    /// when `at` is after it on the same line, else from the line's start.
    fn of(site: &TextSite, at: usize, last: Option<Place>) -> Place {
        if let Some(last) = last
            && at >= last.byte
            && let Some(between) = site.source.get(last.byte..at)
            && !between.contains(['\n', '\r'])
        {
            let column = last.column as usize + between.chars().count();
            return Place {
                byte: at,
                line: last.line,
                column: u32::try_from(column).unwrap_or(u32::MAX),
            };
        }
        let (line, column) = site.line_column(at);
        Place {
            byte: at,
            line,
            column,
        }
    }
}

/// Which characters of a site's value are line breaks of the YAML read as
/// spaces (mapped only when the value holds a space).
fn folds(site: &TextSite) -> Vec<bool> {
    if !site.value.contains(' ') {
        return Vec::new();
    }
    site.map().map_or_else(Vec::new, |m| {
        m.spans
            .iter()
            .map(|s| matches!(s, scalar::Span::Fold(_)))
            .collect()
    })
}

/// A value with the fixes of `hits` made, those that overlap an earlier one left out.
pub fn apply<'h>(value: &str, hits: impl IntoIterator<Item = &'h Hit>) -> String {
    let chars: Vec<char> = value.chars().collect();
    let mut hits: Vec<&Hit> = hits.into_iter().filter(|h| h.fix.is_some()).collect();
    // At one place the longer fix wins (a typed 第一条 removed whole, not linked).
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out = String::with_capacity(value.len());
    let mut at = 0;
    for h in hits {
        if h.start < at || h.end > chars.len() {
            continue;
        }
        out.extend(&chars[at..h.start]);
        out.push_str(h.fix.as_deref().unwrap_or_default());
        at = h.end;
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn each_rule_is_explained_in_both_languages_by_one_message() {
        for rule in Rule::ALL {
            let (en, zh) = (rule.explanation_in(Lang::En), rule.explanation_in(Lang::Zh));
            // The tests run in English: explanation() and explanation_in() name one message.
            assert_eq!(rule.explanation(), en, "{}", rule.id());
            assert!(!en.starts_with("lint-rule-"), "{en}");
            assert_ne!(en, zh, "{}", rule.id());
        }
    }

    #[test]
    fn a_place_counted_on_from_the_last_is_the_place_counted_from_its_line() {
        let source = "title: 标题\nparts:\n  - text: \"中,中,中\r\n    文,字\"\r  - 末,尾\n";
        let site = TextSite {
            file: "d.yaml".into(),
            source: Arc::from(source),
            pos: crate::load::node::Pos { line: 1, column: 1 },
            key: crate::load::schema::TextKey::Text,
            value: String::new(),
            part: None,
            lines: Arc::new(scalar::LineStarts::new(source)),
        };
        let bytes: Vec<usize> = source.char_indices().map(|(i, _)| i).collect();
        let mut last = None;
        for &at in &bytes {
            let place = Place::of(&site, at, last);
            assert_eq!((place.line, place.column), site.line_column(at), "{at}");
            last = Some(place);
        }
        // Backwards too.
        let mut last = None;
        for &at in bytes.iter().rev() {
            let place = Place::of(&site, at, last);
            assert_eq!((place.line, place.column), site.line_column(at), "{at}");
            last = Some(place);
        }
    }
}
