//! Issue 24: every relative link and anchor in README.md and docs/ resolves.
//!
//! The README is the entry point and `docs/` the reference behind it; a reader
//! follows their links on GitHub, in an editor or in the installed package's
//! copy. So every link is found as a Markdown reader finds it (pulldown-cmark:
//! not in code, not in a comment) and checked: a relative link leads to a file
//! or folder of the repository (never out of it), an `#anchor` to a heading of
//! the page it names, computed as GitHub computes heading anchors, and an
//! external link is well formed (nothing is fetched). The README stays short.

use std::collections::{BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};

use percent_encoding::percent_decode_str;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// The README is read on a few screens; the rest belongs in `docs/`.
const README_MAX_LINES: usize = 250;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A page's links and the anchors it offers, as a Markdown reader sees them.
#[derive(Default)]
struct Page {
    /// Each link's destination as written, with the line it is on.
    links: Vec<(usize, String)>,
    /// The heading anchors and HTML `id`/`name` attributes of the page.
    anchors: BTreeSet<String>,
    /// Reference links whose label no definition gives (`[text][label]`).
    undefined: Vec<(usize, String)>,
}

/// GitHub's heading anchor (github-slugger): lowercase; every character that
/// is not a letter, a digit, a mark, `-`, `_` or a space removed; each space a
/// `-`. Chinese is kept, `（）《》：` and the like go. Rust's `is_alphanumeric`
/// stands in for Unicode's letter and number classes.
fn slug(heading: &str) -> String {
    heading
        .to_lowercase()
        .chars()
        .filter(|&c| c.is_alphanumeric() || c == '-' || c == '_' || c == ' ' || is_mark(c))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The combining marks a heading might hold (accents written apart).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// Heading anchors as GitHub numbers repeats: `x`, `x-1`, `x-2` … (a slug
/// already given, made or written, is never given twice).
#[derive(Default)]
struct Slugger(HashMap<String, usize>);

impl Slugger {
    fn next(&mut self, heading: &str) -> String {
        let original = slug(heading);
        let mut result = original.clone();
        while self.0.contains_key(&result) {
            let n = self
                .0
                .get_mut(&original)
                .expect("the original slug is taken");
            *n += 1;
            result = format!("{original}-{n}");
        }
        self.0.insert(result.clone(), 0);
        result
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// Links (`href`, `src`) and anchors (`id`, `name`) of a piece of HTML.
fn html_links(html: &str, line: usize, page: &mut Page) {
    let fragment = scraper::Html::parse_fragment(html);
    for element in fragment
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        let attr = |name| element.value().attr(name);
        for dest in [attr("href"), attr("src")].into_iter().flatten() {
            page.links.push((line, dest.to_string()));
        }
        for anchor in [attr("id"), attr("name")].into_iter().flatten() {
            page.anchors.insert(anchor.to_string());
        }
    }
}

fn parse(text: &str) -> Page {
    let mut undefined = Vec::new();
    let callback = |link: BrokenLink| {
        // `[text]` alone is prose that happens to hold brackets; `[text][label]`
        // and `[text][]` are links whose definition is missing.
        if link.link_type != LinkType::Shortcut {
            undefined.push((line_of(text, link.span.start), link.reference.to_string()));
        }
        None::<(CowStr, CowStr)>
    };
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_GFM;
    let events: Vec<_> = Parser::new_with_broken_link_callback(text, options, Some(callback))
        .into_offset_iter()
        .collect();

    let mut page = Page::default();
    let mut slugger = Slugger::default();
    let mut heading: Option<String> = None;
    let mut in_image = 0;
    let mut html_block: Option<(usize, String)> = None;
    for (event, range) in events {
        let line = line_of(text, range.start);
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                let anchor = slugger.next(&heading.take().unwrap_or_default());
                page.anchors.insert(anchor);
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) => {
                let dest = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.to_string(),
                };
                page.links.push((line, dest));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                in_image += 1;
                page.links.push((line, dest_url.to_string()));
            }
            Event::End(TagEnd::Image) => in_image -= 1,
            // An image's alt text is an attribute on GitHub, not heading text.
            Event::Text(t) | Event::Code(t) if in_image == 0 => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some((line, String::new())),
            Event::Html(h) => match html_block.as_mut() {
                Some((_, block)) => block.push_str(&h),
                None => html_links(&h, line, &mut page),
            },
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((start, block)) = html_block.take() {
                    html_links(&block, start, &mut page);
                }
            }
            Event::InlineHtml(h) => html_links(&h, line, &mut page),
            _ => {}
        }
    }
    page.undefined = undefined;
    page
}

/// README.md and every Markdown file under docs/, as paths from the root.
fn pages(root: &Path) -> Vec<PathBuf> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            return;
        };
        for entry in entries {
            let path = dir.join(entry.unwrap().file_name());
            if root.join(&path).is_dir() {
                walk(root, &path, out);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    let mut out = vec![PathBuf::from("README.md")];
    walk(root, Path::new("docs"), &mut out);
    out.sort();
    out
}

/// `base/rel` with `.` and `..` worked out on the names alone; `None` when it
/// climbs out of the root.
fn join_inside(base: &Path, rel: &str) -> Option<PathBuf> {
    let mut parts: Vec<_> = base.components().collect();
    for component in Path::new(rel).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::Normal(_) => parts.push(component),
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

/// What is wrong with an external link's form, if anything.
fn external_problem(dest: &str) -> Option<String> {
    let (scheme, rest) = dest.split_once(':')?;
    let well_formed = match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" => rest.strip_prefix("//").is_some_and(|r| {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !host.starts_with('.') && !r.contains(char::is_whitespace)
        }),
        "mailto" => rest
            .split_once('@')
            .is_some_and(|(a, b)| !a.is_empty() && b.contains('.')),
        other => {
            return Some(format!(
                "`{other}:` is not a web or mail link (http, https, mailto)"
            ));
        }
    };
    (!well_formed).then(|| "is not a well-formed web or mail address".to_string())
}

/// A scheme as URLs write one: a letter, then letters, digits, `+`, `-`, `.`.
fn has_scheme(dest: &str) -> bool {
    dest.split_once(':').is_some_and(|(s, _)| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    })
}

/// Every broken link of the pages under `root`, one line each, naming the
/// page, the line and what is wrong.
fn broken_links(root: &Path) -> Vec<String> {
    let files = pages(root);
    let parsed: HashMap<PathBuf, Page> = files
        .iter()
        .map(|f| {
            (
                f.clone(),
                parse(&std::fs::read_to_string(root.join(f)).unwrap()),
            )
        })
        .collect();
    let anchors_of = |target: &Path| -> Option<BTreeSet<String>> {
        parsed.get(target).map(|p| p.anchors.clone()).or_else(|| {
            let text = std::fs::read_to_string(root.join(target)).ok()?;
            Some(parse(&text).anchors)
        })
    };

    let mut problems = Vec::new();
    for file in &files {
        let page = &parsed[file];
        let at = |line: usize| format!("{}:{line}", file.display());
        for (line, label) in &page.undefined {
            problems.push(format!(
                "{}: reference link [{label}] has no definition",
                at(*line)
            ));
        }
        for (line, dest) in &page.links {
            let mut problem =
                |why: String| problems.push(format!("{}: link `{dest}` {why}", at(*line)));
            if dest.starts_with("//") {
                problem("has no scheme: write https://…".into());
                continue;
            }
            if has_scheme(dest) {
                if let Some(why) = external_problem(dest) {
                    problem(why);
                }
                continue;
            }
            let (path_part, anchor) = match dest.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (dest.as_str(), None),
            };
            let path_part = path_part.split('?').next().unwrap_or("");
            let path_text = percent_decode_str(path_part).decode_utf8_lossy();
            let target = if path_text.is_empty() {
                file.clone()
            } else if path_text.starts_with('/') {
                problem("is absolute: write it relative to this page".into());
                continue;
            } else {
                match join_inside(file.parent().unwrap_or(Path::new("")), &path_text) {
                    Some(t) => t,
                    None => {
                        problem("leads out of the repository".into());
                        continue;
                    }
                }
            };
            if !root.join(&target).exists() {
                problem(format!(
                    "leads to {}, which does not exist",
                    target.display()
                ));
                continue;
            }
            let Some(anchor) = anchor else { continue };
            let anchor = percent_decode_str(anchor).decode_utf8_lossy();
            if target.extension().is_some_and(|e| e == "md") {
                let anchors = anchors_of(&target).unwrap_or_default();
                if !anchors.contains(anchor.as_ref()) {
                    problem(format!(
                        "names #{anchor}, which no heading of {} has",
                        target.display()
                    ));
                }
            } else if root.join(&target).is_dir() || !is_line_anchor(&anchor) {
                problem(format!(
                    "names #{anchor} in {}, which has no headings",
                    target.display()
                ));
            }
        }
    }
    problems
}

/// `L12` or `L12-L20`: lines of a source file, as GitHub shows them.
fn is_line_anchor(anchor: &str) -> bool {
    let line = |s: &str| {
        s.strip_prefix('L')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    match anchor.split_once('-') {
        Some((a, b)) => line(a) && line(b),
        None => line(anchor),
    }
}

#[test]
fn every_link_and_anchor_in_the_readme_and_docs_resolves() {
    let problems = broken_links(&repo());
    assert!(
        problems.is_empty(),
        "broken links:\n{}",
        problems.join("\n")
    );
}

#[test]
fn readme_fits_on_a_few_screens() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(
        lines <= README_MAX_LINES,
        "README.md has {lines} lines, more than {README_MAX_LINES}: move the detail to a page in docs/ and link to it"
    );
}

#[test]
fn every_docs_page_is_on_the_contents_page() {
    let root = repo();
    let contents = parse(&std::fs::read_to_string(root.join("docs/README.md")).unwrap());
    let listed: BTreeSet<PathBuf> = contents
        .links
        .iter()
        .filter(|(_, d)| !has_scheme(d))
        .filter_map(|(_, d)| join_inside(Path::new("docs"), d.split('#').next().unwrap()))
        .collect();
    let missing: Vec<_> = pages(&root)
        .into_iter()
        .filter(|p| p.starts_with("docs") && p != Path::new("docs/README.md"))
        .filter(|p| !listed.contains(p))
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "pages docs/README.md does not list: {missing:?}"
    );
}

// The checker itself, on pages made for the purpose: a test that cannot fail
// guards nothing.

#[test]
fn anchors_are_computed_as_github_computes_them() {
    let mut s = Slugger::default();
    assert_eq!(
        s.next("Live preview: `serve` and `watch`"),
        "live-preview-serve-and-watch"
    );
    assert_eq!(s.next("The PDF (GB/T 9704-2012)"), "the-pdf-gbt-9704-2012");
    assert_eq!(s.next("Chinese keys (中文键名)"), "chinese-keys-中文键名");
    assert_eq!(s.next("The 新旧对照表"), "the-新旧对照表");
    assert_eq!(
        s.next("Comments on a draft （征求意见）"),
        "comments-on-a-draft-征求意见"
    );
    assert_eq!(s.next("A — B, C++ & snake_case"), "a--b-c--snake_case");
    assert_eq!(s.next("Foo"), "foo");
    assert_eq!(s.next("Foo"), "foo-1");
    assert_eq!(s.next("Foo 1"), "foo-1-1");
    assert_eq!(s.next("Foo"), "foo-2");
}

fn checked(pages: &[(&str, &str)], extra_files: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let files = pages
        .iter()
        .copied()
        .chain(extra_files.iter().map(|f| (*f, "")));
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    broken_links(dir.path())
}

#[test]
fn the_checker_passes_good_links() {
    let readme = "# Top\n\n[a](docs/a.md#two-words) [b](docs/) ![p](docs/p.png) [top](#top)\n\
                  [c](src/lib.rs#L3-L9) [w](https://example.org/x?y#z) <mail@example.org>\n\
                  [r][ref] [prose in brackets]\n\n[ref]: docs/a.md#第二节\n";
    let page = "# Two words\n\n## 第二节\n\n[back](../README.md#top) [self](#two-words) \
                <a href=\"a.md#第二节\">html</a> [enc](a.md#%E7%AC%AC%E4%BA%8C%E8%8A%82)\n";
    let problems = checked(
        &[("README.md", readme), ("docs/a.md", page)],
        &["docs/p.png", "src/lib.rs"],
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_checker_names_each_broken_link() {
    let readme = "# Top\n\n\
        [missing](docs/b.md)\n\
        [anchor](docs/a.md#nowhere)\n\
        [out](../outside.md)\n\
        [abs](/docs/a.md)\n\
        ![pic](docs/nope.png)\n\
        [scheme](htps://example.org) [host](https://) [mail](mailto:nobody)\n\
        [undefined][nolabel]\n\
        <img src=\"docs/gone.png\">\n\
        [line](src/lib.rs#fn-main)\n\
        ```\n[in code](not/checked.md)\n```\n\
        `[in a span](not/checked.md)`\n";
    let page = "# A\n\n## A\n\n[dup](#a-2)\n";
    let problems = checked(
        &[("README.md", readme), ("docs/a.md", page)],
        &["src/lib.rs"],
    );
    let expect = [
        "README.md:3: link `docs/b.md` leads to docs/b.md, which does not exist",
        "README.md:4: link `docs/a.md#nowhere` names #nowhere",
        "README.md:5: link `../outside.md` leads out of the repository",
        "README.md:6: link `/docs/a.md` is absolute",
        "README.md:7: link `docs/nope.png` leads to",
        "README.md:8: link `htps://example.org` `htps:` is not a web or mail link",
        "README.md:8: link `https://` is not a well-formed",
        "README.md:8: link `mailto:nobody` is not a well-formed",
        "README.md:9: reference link [nolabel] has no definition",
        "README.md:10: link `docs/gone.png` leads to",
        "README.md:11: link `src/lib.rs#fn-main` names #fn-main",
        "docs/a.md:5: link `#a-2` names #a-2",
    ];
    for e in expect {
        assert!(
            problems.iter().any(|p| p.starts_with(e)),
            "missing {e:?} in {problems:#?}"
        );
    }
    assert_eq!(problems.len(), expect.len(), "{problems:#?}");
}
