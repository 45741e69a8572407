//! The templates in use: the built-in ones (compiled into the binary, so the
//! tool works from any folder), each replaced by a file of the same name in
//! the override folder when there is one. Errors name the template file, line
//! and column.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::fields::Fields;
use crate::diagnostic::Diagnostic;

/// The built-in templates, compiled into the binary so the tool works from any folder.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        "document.md.tera",
        include_str!("../../templates/document.md.tera"),
    ),
    (
        "document.html.tera",
        include_str!("../../templates/document.html.tera"),
    ),
    ("document.typ", include_str!("../../templates/document.typ")),
    (
        "redline.md.tera",
        include_str!("../../templates/redline.md.tera"),
    ),
    (
        "redline.html.tera",
        include_str!("../../templates/redline.html.tera"),
    ),
    ("redline.typ", include_str!("../../templates/redline.typ")),
    (
        "comments.md.tera",
        include_str!("../../templates/comments.md.tera"),
    ),
    (
        "comments.html.tera",
        include_str!("../../templates/comments.html.tera"),
    ),
    ("comments.typ", include_str!("../../templates/comments.typ")),
    (
        "explanation.md.tera",
        include_str!("../../templates/explanation.md.tera"),
    ),
];

/// Whether a template is a tera template (the others are read by typst).
fn is_tera(name: &str) -> bool {
    name.ends_with(".tera")
}

/// Where a template came from, for error messages, and it parsed (a tera
/// template), once it is.
#[derive(Debug)]
struct TemplateSource {
    path: PathBuf,
    text: Arc<str>,
    parsed: OnceLock<Result<tera::Tera, Diagnostic>>,
    /// The fields of a block it names, read from its text when first asked.
    fields: OnceLock<Fields>,
}

/// The set of templates in use: the built-in ones, each replaced by a file of
/// the same name in the override folder when there is one. An override is
/// parsed as it is loaded, so a mistake in it is told before anything is
/// made; a built-in template only when first used (parsing all ten was a
/// fifth of a short build's time).
pub struct Templates {
    sources: BTreeMap<String, TemplateSource>,
}

impl Templates {
    /// Loads the built-in templates and the overrides found in `dir`, if given.
    /// An override is not read through a link that leads out of `dir` (a
    /// received project's `templates/` is taken up by itself; see
    /// [`crate::paths`]).
    pub fn load(dir: Option<&Path>) -> Result<Templates, Diagnostic> {
        let mut sources = BTreeMap::new();
        let confined = dir.map(crate::paths::Confined::to);
        for (name, text) in BUILTIN_TEMPLATES {
            let mut source = TemplateSource {
                path: PathBuf::from(format!("templates/{name} (built in)")),
                text: Arc::from(*text),
                parsed: OnceLock::new(),
                fields: OnceLock::new(),
            };
            if let (Some(dir), Some(confined)) = (dir, &confined) {
                let path = dir.join(name);
                if let Err(out) = confined.check(&path) {
                    return Err(Diagnostic::error(&path, 0, 0, out.message())
                        .help(crate::tr!("template-leads-out-help", help = out.help())));
                }
                if path.is_file() {
                    let text = std::fs::read_to_string(&path).map_err(|e| {
                        Diagnostic::error(
                            &path,
                            0,
                            0,
                            crate::tr!("template-unreadable", error = crate::paths::io_error(&e)),
                        )
                        .help(crate::tr!("template-unreadable-help"))
                    })?;
                    source = TemplateSource {
                        path,
                        text: Arc::from(text),
                        parsed: OnceLock::new(),
                        fields: OnceLock::new(),
                    };
                    if is_tera(name) {
                        let parsed = parse(name, &source)?;
                        source.parsed = OnceLock::from(Ok(parsed));
                    }
                }
            }
            sources.insert(name.to_string(), source);
        }
        Ok(Templates { sources })
    }

    /// Renders a template with the context.
    pub fn render<T: serde::Serialize>(&self, name: &str, ctx: &T) -> Result<String, Diagnostic> {
        self.render_context(name, tera::Context::from_serialize(ctx))
    }

    /// Renders a template with a context already made for tera (a long
    /// draft's is made on two cores: [`super::context::RenderContext::tera_context`]).
    pub fn render_context(
        &self,
        name: &str,
        context: Result<tera::Context, tera::Error>,
    ) -> Result<String, Diagnostic> {
        let source = self.sources.get(name).filter(|_| is_tera(name));
        let Some(source) = source else {
            return Err(Diagnostic::error(
                Path::new(name),
                0,
                0,
                crate::tr!("template-missing", name = name),
            ));
        };
        let tera = source
            .parsed
            .get_or_init(|| parse(name, source))
            .as_ref()
            .map_err(Clone::clone)?;
        let context = context.map_err(|e| template_error(&self.sources, name, &e))?;
        let rendered = tera
            .render(name, &context)
            .map_err(|e| template_error(&self.sources, name, &e));
        crate::threads::free_meanwhile(context);
        rendered
    }

    /// The fields of a block the template `name` may read (every field for
    /// a name it does not know).
    pub fn fields(&self, name: &str) -> &Fields {
        static ALL: Fields = Fields::All;
        self.sources.get(name).map_or(&ALL, |source| {
            source.fields.get_or_init(|| Fields::named_in(&source.text))
        })
    }

    /// The text of a template in use (built in or overridden), and where it is.
    pub fn source(&self, name: &str) -> Option<(&Path, &str)> {
        self.sources.get(name).map(|s| (s.path.as_path(), &*s.text))
    }
}

/// A tera template parsed on its own (no template of ours includes another).
fn parse(name: &str, source: &TemplateSource) -> Result<tera::Tera, Diagnostic> {
    let mut tera = tera::Tera::default();
    tera.autoescape_on([".html.tera", ".html"]);
    tera.add_raw_template(name, &source.text).map_err(|e| {
        let sources = BTreeMap::from([(name.to_string(), source)]);
        template_error(&sources, name, &e)
    })?;
    Ok(tera)
}

/// A tera error as a diagnostic naming the template file, line and column.
fn template_error<S: std::borrow::Borrow<TemplateSource>>(
    sources: &BTreeMap<String, S>,
    name: &str,
    error: &tera::Error,
) -> Diagnostic {
    use tera::ErrorKind;
    let report = match error.kind() {
        ErrorKind::SyntaxError(r) | ErrorKind::RenderingError(r) => Some(r),
        _ => None,
    };
    let template = report
        .map(|r| r.filename())
        .filter(|f| !f.is_empty())
        .unwrap_or(name);
    let source = sources.get(template).map(std::borrow::Borrow::borrow);
    let path = source.map_or_else(|| PathBuf::from(template), |s| s.path.clone());
    let (line, column, message) = match report {
        Some(r) => (
            r.span().start_line as u32,
            r.span().start_col as u32 + 1,
            r.message().to_string(),
        ),
        None => (0, 0, error.to_string()),
    };
    let mut d = Diagnostic::error(
        &path,
        line,
        column,
        crate::tr!("template-error", message = message),
    )
    .help(crate::tr!("template-error-help"));
    if let Some(s) = source {
        d = d.with_source(&s.text);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::RenderContext;

    /// Built-in templates are parsed only when used: each must parse.
    #[test]
    fn every_built_in_template_parses() {
        let templates = Templates::load(None).unwrap();
        for (name, source) in &templates.sources {
            if is_tera(name) {
                assert!(parse(name, source).is_ok(), "{name}");
            }
        }
        assert_eq!(templates.sources.len(), BUILTIN_TEMPLATES.len());
    }

    #[test]
    fn an_override_with_a_syntax_error_names_file_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("document.md.tera");
        std::fs::write(&path, "第一行\n{{ meta.title.md }\n").unwrap();
        let err = Templates::load(Some(dir.path())).err().expect("must fail");
        assert_eq!(err.file, path);
        assert_eq!(err.line, 2);
        assert!(err.column >= 1, "{err}");
        assert!(err.message.starts_with("template error"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn an_override_linked_out_of_the_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        std::fs::create_dir(&templates).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "root:x:0:0").unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            templates.join("document.md.tera"),
        )
        .unwrap();
        let err = Templates::load(Some(&templates)).err().expect("must fail");
        assert!(err.message.contains("is a link to"), "{err}");
        assert!(!err.to_string().contains("root:x"), "{err}");
        // A link that stays inside the folder is followed.
        std::fs::write(templates.join("mine.tera"), "本地 {{ meta.title.md }}").unwrap();
        std::fs::remove_file(templates.join("document.md.tera")).unwrap();
        std::os::unix::fs::symlink("mine.tera", templates.join("document.md.tera")).unwrap();
        let loaded = Templates::load(Some(&templates)).unwrap();
        assert!(
            loaded
                .source("document.md.tera")
                .unwrap()
                .1
                .starts_with("本地")
        );
    }

    #[test]
    fn an_override_using_an_unknown_field_fails_at_render_with_its_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("document.md.tera");
        std::fs::write(&path, "# {{ meta.title.md }}\n\n{{ meta.nonsense }}\n").unwrap();
        let templates = Templates::load(Some(dir.path())).unwrap();
        let draft =
            crate::load::load_draft_bytes(Path::new("t.yaml"), "title: 标题\n".as_bytes()).unwrap();
        let ctx = RenderContext::new(&crate::numbering::number(&draft));
        let err = templates.render("document.md.tera", &ctx).unwrap_err();
        assert_eq!(err.file, path);
        assert_eq!(err.line, 3);
        assert!(err.message.contains("nonsense"), "{err}");
    }
}
