//! What gongwen says, in Chinese or English: each text a person reads is a
//! message of the catalogues `i18n/zh.ftl` and `i18n/en.ftl` (Fluent),
//! compiled into the binary. The language is chosen once, at the start of a
//! command (`--lang`, else the locale, else English: [`from_env`]), and every
//! message made after that is in it. Keys, paths and the author's text are
//! placed into messages as written.

use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language gongwen speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// `en` or `zh`, as `--lang` takes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The language of a `--lang` value or a locale name (`zh_CN.UTF-8`,
    /// `zh-Hans`, `en_US`, `C`): Chinese for one starting with `zh`.
    pub fn parse(name: &str) -> Option<Lang> {
        let name = name.trim().to_ascii_lowercase();
        if name.starts_with("zh") {
            Some(Lang::Zh)
        } else if name.starts_with("en") || name == "c" || name == "posix" {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The catalogue's text, as written in the repository.
    pub fn catalogue(self) -> &'static str {
        match self {
            Lang::En => include_str!("../i18n/en.ftl"),
            Lang::Zh => include_str!("../i18n/zh.ftl"),
        }
    }
}

/// The language of the locale, as the C library picks it: the first of
/// `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty; Chinese when
/// it starts with `zh`, else English.
pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(var)
        .find(|value| !value.is_empty())
        .and_then(|value| Lang::parse(&value))
        .unwrap_or(Lang::En)
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Chooses the language of every message from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are made in.
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Zh,
        _ => Lang::En,
    }
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = match lang {
        Lang::En => "en".parse(),
        Lang::Zh => "zh".parse(),
    }
    .expect("a language id");
    let resource = FluentResource::try_new(lang.catalogue().to_string())
        .unwrap_or_else(|(_, errors)| panic!("i18n/{}.ftl: {errors:?}", lang.code()));
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Keys and paths are placed as written, with no invisible marks around them.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .unwrap_or_else(|errors| panic!("i18n/{}.ftl: {errors:?}", lang.code()));
    bundle
}

/// Each language's catalogue, parsed the first time a message of it is
/// made: a command in one language never parses the other's.
static BUNDLES: [LazyLock<FluentBundle<FluentResource>>; 2] = [
    LazyLock::new(|| bundle(Lang::En)),
    LazyLock::new(|| bundle(Lang::Zh)),
];

/// Message `id` in `lang`, its `{ $name }` placeholders filled from `args`.
/// A message missing from the catalogue (which `tests/i18n.rs` rules out)
/// is shown as its id.
pub fn text_in(lang: Lang, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    let bundle = &BUNDLES[lang as usize];
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}

/// Message `id` in the current language.
pub fn text(id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
    text_in(current(), id, args)
}

/// A message in the current language: `tr!("summary-problems", count = n)`.
/// The id is a literal, so `tests/i18n.rs` finds every id the code uses.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value).0)),+],
        )
    };
}

/// A value placed into a message: text as written, numbers as numbers (for
/// English plurals).
pub struct Arg<'a>(pub FluentValue<'a>);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg(FluentValue::from(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg(FluentValue::from(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg(FluentValue::from(s))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg(FluentValue::from(n))
            }
        }
    )*};
}
number_args!(usize, u32, u64, i32, i64);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_picks_chinese_for_zh_and_english_otherwise() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(from_env(env(&[])), Lang::En);
        // LC_ALL before LC_MESSAGES before LANG; an empty one is not set.
        assert_eq!(
            from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            from_env(env(&[
                ("LC_ALL", ""),
                ("LC_MESSAGES", "zh_TW"),
                ("LANG", "C")
            ])),
            Lang::Zh
        );
        assert_eq!(Lang::parse("zh-Hans"), Some(Lang::Zh));
        assert_eq!(Lang::parse("fr_FR"), None);
    }

    #[test]
    fn a_message_is_filled_in_either_language() {
        let args = [("count", FluentValue::from(2))];
        assert_eq!(text_in(Lang::En, "summary-problems", &args), "2 problems");
        assert_eq!(text_in(Lang::Zh, "summary-problems", &args), "2 处问题");
        let args = [("count", FluentValue::from(1))];
        assert_eq!(text_in(Lang::En, "summary-problems", &args), "1 problem");
    }
}
