//! Generators shared by the property tests: drafts of both styles with
//! awkward text.
#![allow(dead_code)]

pub mod bounded;
pub mod edits;
pub mod tables;
pub mod tools;

pub use tools::{missing, on_path, tool};

use gongwen::model::{Block, Date, Draft, Fonts, Level, Meta, Numbering, Part, PartId, Style};
use proptest::prelude::*;

/// Text that YAML might misread if written carelessly, plus random text.
pub fn text() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        "yes",
        "no",
        "true",
        "False",
        "null",
        "~",
        "1.50",
        "0x10",
        "1e3",
        "- a",
        "a: b",
        "#c",
        "[x]",
        "{y}",
        "'q'",
        "\"d\"",
        "&anchor",
        "*alias",
        "!tag",
        "%x",
        "@x",
        "`x`",
        "a\nb",
        " lead",
        "trail ",
        "第一条 甲",
        "（一）乙",
        "1. 丙",
        "> 引",
        "| 竖",
        "2021-09-01",
        "? q",
        "---",
        "...",
        "a #b",
        "：冒号",
        "include",
    ]);
    prop_oneof![
        tricky.prop_map(str::to_string),
        "[\\PC&&[^\t\r]]{1,16}",
        "[甲乙丙丁，。、；：“”（）《》0-9a-z ]{1,24}",
    ]
    .prop_filter("text must not be blank", |s| !s.trim().is_empty())
}

/// A strategy for author texts.
pub type Texts = BoxedStrategy<String>;

/// Author text as a careless or hostile hand writes it: Markdown and HTML
/// syntax, entities, typst and template syntax, control and bidi
/// characters, line breaks of every kind, and Chinese.
pub fn hostile_text() -> Texts {
    let pieces = prop::sample::select(vec![
        "<script>alert(1)</script>",
        "<!--",
        "-->",
        "</div>",
        "<b>",
        "&lt;",
        "&amp;",
        "&#x41;",
        "**",
        "*",
        "__",
        "_",
        "~~",
        "`",
        "```",
        "[",
        "]",
        "](",
        "javascript:alert(1)",
        ")",
        "[ref]: http://x",
        "[ref]",
        "![img](x.png)",
        "<http://x>",
        "# ",
        "## ",
        "> ",
        "- ",
        "+ ",
        "1. ",
        "2) ",
        "---",
        "___",
        "***",
        "===",
        "|",
        "| a | b |",
        "|---|",
        "\\",
        "\\*",
        "{++",
        "++}",
        "{--",
        "~>",
        "{>>",
        "$",
        "$$",
        "#",
        "{{",
        "}}",
        "{%",
        "%}",
        "\n",
        "\r",
        "\r\n",
        "\n\n",
        "\t",
        "    ",
        "\u{202E}",
        "\u{2066}",
        "\u{200F}",
        "\u{0}",
        "\u{7}",
        "\u{1B}[31m",
        "\u{1E}",
        "\u{3000}",
        "（一）",
        "第一条",
        "一、",
        "。",
        "，",
        "推进",
        "工作",
        "重点",
        "2025",
        "90%",
        "a",
        " ",
    ]);
    texts_of(pieces, 8)
}

/// Texts made of up to `most` pieces, not blank.
pub fn texts_of(pieces: impl Strategy<Value = &'static str> + 'static, most: usize) -> Texts {
    prop::collection::vec(pieces, 1..most)
        .prop_map(|v| v.concat())
        .prop_filter("text must not be blank", |s| !s.trim().is_empty())
        .boxed()
}

pub fn body(paras: Vec<String>, children: Vec<Part>, interleave: bool) -> Vec<Block> {
    let mut body: Vec<Block> = Vec::new();
    let mut paras = paras.into_iter();
    if let Some(first) = paras.next() {
        body.push(Block::Para(first));
    }
    body.extend(children.into_iter().map(Block::Part));
    // Paragraphs after the sub-parts exercise the mixed `text:` list.
    let rest = paras.map(Block::Para);
    if interleave {
        body.extend(rest);
    } else {
        let at = usize::from(!body.is_empty() && matches!(body[0], Block::Para(_)));
        let tail = body.split_off(at);
        body.extend(rest);
        body.extend(tail);
    }
    body
}

#[allow(clippy::too_many_arguments)]
pub fn part(
    level: Level,
    heading: Option<String>,
    paras: Vec<String>,
    children: Vec<Part>,
    run_in: bool,
    numbered: bool,
    sub: bool,
    interleave: bool,
) -> Part {
    let mut p = Part::new(level);
    p.heading = heading;
    p.run_in = run_in;
    p.numbered = numbered;
    p.sub = sub;
    p.body = body(paras, children, interleave);
    p
}

pub fn outline_part(level: u8) -> BoxedStrategy<Part> {
    outline_part_of(level, text().boxed())
}

/// An outline part whose texts come from `t`.
pub fn outline_part_of(level: u8, t: Texts) -> BoxedStrategy<Part> {
    let text = || t.clone();
    let children = if level < 4 {
        prop::collection::vec(outline_part_of(level + 1, t.clone()), 0..3).boxed()
    } else {
        Just(Vec::new()).boxed()
    };
    (
        prop::option::of(text()),
        prop::collection::vec(text(), 0..3),
        children,
        any::<[bool; 4]>(),
    )
        .prop_filter("a part needs a heading or content", |(h, p, c, _)| {
            h.is_some() || !p.is_empty() || !c.is_empty()
        })
        .prop_map(move |(h, p, c, [run_in, numbered, sub, inter])| {
            part(Level::Outline(level), h, p, c, run_in, numbered, sub, inter)
        })
        .boxed()
}

/// Articles style: an article with items and sub-items.
pub fn article() -> BoxedStrategy<Part> {
    article_of(text().boxed())
}

/// An article whose texts come from `t`.
pub fn article_of(t: Texts) -> BoxedStrategy<Part> {
    let text = || t.clone();
    let sub_item = (text(), any::<[bool; 2]>()).prop_map(|(t, [numbered, sub])| {
        part(
            Level::SubItem,
            None,
            vec![t],
            vec![],
            false,
            numbered,
            sub,
            false,
        )
    });
    let item = (
        prop::collection::vec(text(), 1..3),
        prop::collection::vec(sub_item, 0..3),
        any::<bool>(),
    )
        .prop_map(|(p, c, inter)| part(Level::Item, None, p, c, false, true, false, inter));
    (
        prop::collection::vec(text(), 1..3),
        prop::collection::vec(item, 0..3),
        any::<[bool; 3]>(),
    )
        .prop_map(|(p, c, [sub, inter, run_in])| {
            part(Level::Article, None, p, c, run_in, true, sub, inter)
        })
        .boxed()
}

/// A division of the given rank or deeper, holding at least one part.
pub fn division(min_rank: usize) -> BoxedStrategy<Part> {
    division_of(min_rank, text().boxed())
}

/// A division whose texts come from `t`.
pub fn division_of(min_rank: usize, t: Texts) -> BoxedStrategy<Part> {
    let levels: Vec<Level> = Level::DIVISIONS[min_rank..].to_vec();
    prop::sample::select(levels)
        .prop_flat_map(move |level| {
            let text = || t.clone();
            let deeper = level.rank() as usize + 1;
            let child = if deeper < 4 {
                prop_oneof![3 => article_of(t.clone()), 1 => division_of(deeper, t.clone())].boxed()
            } else {
                article_of(t.clone())
            };
            (
                Just(level),
                text(),
                prop::collection::vec(child, 1..3),
                prop::collection::vec(text(), 0..2),
                any::<bool>(),
            )
        })
        .prop_map(|(level, heading, children, paras, numbered)| {
            part(
                level,
                Some(heading),
                paras,
                children,
                false,
                numbered,
                false,
                false,
            )
        })
        .boxed()
}

pub fn date() -> impl Strategy<Value = Date> {
    (1900u16..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

pub fn meta(style: Style) -> impl Strategy<Value = Meta> {
    meta_of(style, text().boxed())
}

/// Metadata whose texts come from `t`.
pub fn meta_of(style: Style, t: Texts) -> impl Strategy<Value = Meta> {
    let text = || t.clone();
    let levels: Vec<Level> = match style {
        Style::Outline => (1..=4).map(Level::Outline).collect(),
        Style::Articles => vec![
            Level::Book,
            Level::SubBook,
            Level::Chapter,
            Level::Section,
            Level::Item,
            Level::SubItem,
        ],
    };
    (
        (
            text(),
            prop::option::of(text().prop_filter("no brackets", |s| {
                !s.trim().starts_with(['（', '(']) && s.trim() == s
            })),
            prop::option::of(text()),
            prop::option::of(date()),
        ),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..2),
        ),
        (
            prop::collection::vec(text(), 0..2),
            prop::collection::vec(text(), 0..3),
            prop::option::of(text()),
            prop::option::of(date()),
        ),
        prop::sample::subsequence(levels.clone(), 0..=levels.len()),
        (
            prop::option::of(text()),
            prop::option::of(text()),
            prop::collection::vec(text(), 0..2),
        ),
    )
        .prop_filter("a title has no trailing line break", |((t, ..), ..)| {
            !t.ends_with('\n')
        })
        .prop_map(
            move |(
                (title, stage, organ, date),
                (number, to, preamble, closing),
                (attachments, cc, printer, printed),
                continuous,
                (body, title_face, fallback),
            )| Meta {
                title,
                stage,
                organ,
                date,
                number,
                to,
                preamble,
                closing,
                attachments,
                cc,
                printer,
                printed,
                numbering: Numbering { style, continuous },
                fonts: Fonts {
                    body,
                    title: title_face,
                    fallback,
                    ..Fonts::default()
                },
                lint: Vec::new(),
            },
        )
}

pub fn draft() -> impl Strategy<Value = Draft> {
    draft_of(text().boxed())
}

/// A draft of either style whose texts come from `t`.
pub fn draft_of(t: Texts) -> impl Strategy<Value = Draft> {
    let outline = (
        meta_of(Style::Outline, t.clone()),
        prop::collection::vec(outline_part_of(1, t.clone()), 0..4),
    );
    let articles = (
        meta_of(Style::Articles, t.clone()),
        prop::collection::vec(prop_oneof![article_of(t.clone()), division_of(0, t)], 0..4),
    );
    (prop_oneof![outline, articles], any::<u64>()).prop_map(|((meta, parts), id_bits)| {
        let mut draft = Draft {
            meta,
            parts,
            attachments: Vec::new(),
        };
        // Unique ids on some parts, chosen by the bits.
        let mut n = 0;
        fn assign(part: &mut Part, n: &mut u32, bits: u64) {
            if bits >> (*n % 64) & 1 == 1 {
                part.id = Some(PartId(format!("p{n}")));
            }
            *n += 1;
            for block in &mut part.body {
                if let Block::Part(p) = block {
                    assign(p, n, bits);
                }
            }
        }
        for p in &mut draft.parts {
            assign(p, &mut n, id_bits);
        }
        draft
    })
}

/// Runs an outside program and returns its standard output; fails the test if
/// it fails or takes longer than a minute.
pub fn run(program: &std::path::Path, args: &[&str]) -> String {
    use std::io::Read;
    let mut child = std::process::Command::new(program)
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    // Read both pipes while waiting, so a chatty program cannot fill one and stall.
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            let _ = pipe.read_to_end(&mut bytes);
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().unwrap()));
    let stderr = drain(Box::new(child.stderr.take().unwrap()));
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("{} {args:?} took more than a minute", program.display());
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let out = stdout.join().unwrap();
    let err = stderr.join().unwrap();
    assert!(
        status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&err)
    );
    String::from_utf8_lossy(&out).into_owned()
}

/// PDF settings for tests: the repository's bundled faces, nothing from the
/// system, no date from the environment.
pub fn pdf_settings() -> gongwen::render::pdf::PdfSettings {
    gongwen::render::pdf::PdfSettings {
        bundled: Some(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/fandol")),
        ..Default::default()
    }
}

/// The project's folder (the tests read its drafts, fonts and corpus).
/// Every `.rs` file under `dir`, into `out`.
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    files_with_extension(dir, "rs", out);
}

/// Every YAML file below a folder (drafts, parts, comments files).
pub fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    files_with_extension(dir, "yaml", out);
}

/// Every file below a folder whose name ends `.{extension}`.
fn files_with_extension(dir: &std::path::Path, extension: &str, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_with_extension(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}

pub fn root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A version of the reference draft (`v1`, `v2.yaml`), loaded and numbered.
pub fn reference(version: &str) -> gongwen::numbering::Document {
    let path = root()
        .join("drafts/chengdong-urbanization-2021")
        .join(version);
    gongwen::numbering::number(&gongwen::load::load_draft(&path).unwrap())
}

/// A renderer with the built-in templates and [`pdf_settings`].
pub fn renderer() -> gongwen::render::Renderer {
    gongwen::render::Renderer::new(
        gongwen::render::Templates::load(None).unwrap(),
        pdf_settings(),
    )
}

/// LibreOffice converting `file` to `to` (`pdf`, `docx:MS Word 2007 XML`)
/// into the folder `out`, with a HOME and a profile of its own under `home`
/// and the environment given. Fails the test without soffice (see [`tool`])
/// or if the conversion fails.
pub fn soffice_convert(
    file: &std::path::Path,
    to: &str,
    out: &std::path::Path,
    home: &std::path::Path,
    env: &[(&str, &std::path::Path)],
) {
    let soffice = tool("soffice").unwrap_or_else(|| panic!("soffice is not installed"));
    let profile = format!("-env:UserInstallation=file://{}", home.join("lo").display());
    let status = std::process::Command::new(soffice)
        .env("HOME", home)
        .envs(env.iter().copied())
        .arg(profile)
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(out)
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(
        status.success(),
        "soffice --convert-to {to} {}",
        file.display()
    );
}

/// Millimetres in a PDF point.
pub const MM: f64 = 25.4 / 72.0;

/// A line of text on a page, in millimetres from the top left corner.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: usize,
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    pub text: String,
}

/// The pages (width, height in mm) and lines of a PDF.
pub struct Layout {
    pub pages: Vec<(f64, f64)>,
    pub lines: Vec<Line>,
}

/// Lines as `pdftotext -bbox-layout` sees them, segments on one baseline
/// merged. Fails the test without pdftotext (see [`tool`]).
pub fn pdf_layout(pdf: &std::path::Path) -> Layout {
    let program = tool("pdftotext").unwrap_or_else(|| panic!("pdftotext is not installed"));
    let html = run(&program, &["-bbox-layout", pdf.to_str().unwrap(), "-"]);
    let attr = |tag: &str, name: &str| -> f64 {
        let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
        tag[start..start + tag[start..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut pages = Vec::new();
    let mut lines: Vec<Line> = Vec::new();
    for (index, page) in html.split("<page ").skip(1).enumerate() {
        pages.push((attr(page, "width") * MM, attr(page, "height") * MM));
        for chunk in page.split("<line ").skip(1) {
            let text: String = chunk
                .split("<word ")
                .skip(1)
                .map(|w| &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()])
                .collect();
            let text = text
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"");
            let line = Line {
                page: index + 1,
                x0: attr(chunk, "xMin") * MM,
                x1: attr(chunk, "xMax") * MM,
                y0: attr(chunk, "yMin") * MM,
                y1: attr(chunk, "yMax") * MM,
                text,
            };
            match lines.last_mut() {
                Some(last) if last.page == line.page && (last.y0 - line.y0).abs() < 0.5 => {
                    last.x0 = last.x0.min(line.x0);
                    last.x1 = last.x1.max(line.x1);
                    last.text.push_str(&line.text);
                }
                _ => lines.push(line),
            }
        }
    }
    Layout { pages, lines }
}

/// A property test's settings: `cases` cases, failures kept in `regressions/`
/// beside the test so the next run tries them first.
pub fn proptest_config(cases: u32) -> ProptestConfig {
    // `PROPTEST_CASES=100000 cargo test …` for a long search; the default
    // keeps the suite under a minute.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(cases);
    // A fixed seed unless PROPTEST_RNG_SEED names one: the suite gates every
    // landing and must give the same verdict twice; the long random searches
    // (`PROPTEST_RNG_SEED=$RANDOM PROPTEST_CASES=…`, and the fuzzers) hunt.
    let rng_seed = match std::env::var("PROPTEST_RNG_SEED") {
        Ok(_) => ProptestConfig::default().rng_seed,
        Err(_) => proptest::test_runner::RngSeed::Fixed(9704),
    };
    ProptestConfig {
        cases,
        rng_seed,
        // The generators filter (blank texts, empty parts): about one case
        // in two is drawn again, more on a long search.
        max_local_rejects: cases.saturating_mul(4).max(65_536),
        max_global_rejects: cases.max(1024),
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
        )),
        ..ProptestConfig::default()
    }
}

/// The names in a folder, sorted.
pub fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Copies a folder tree (the sample drafts) somewhere else.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A child process (a server, a browser, a watcher) killed when dropped, so
/// a failing test leaves no process behind.
pub struct Killed(pub std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A temporary folder holding a copy of one sample document under `drafts/`.
pub fn sample_copy(doc: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_tree(
        &root.join("drafts").join(doc),
        &dir.path().join("drafts").join(doc),
    );
    dir
}

/// `gongwen serve` as `command` starts it (arguments, folder and limits set
/// by the caller), its standard output piped: the running server, killed
/// when dropped, and the port of the address it printed first; the rest of
/// what it prints is shown on standard error. `Err` holds the process and
/// what it printed first when that was no address (a server that refused
/// to start).
pub fn serve(
    mut command: std::process::Command,
) -> Result<(Killed, u16), (std::process::Child, String)> {
    use std::io::{BufRead, BufReader};
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run gongwen serve");
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    let _ = out.read_line(&mut first);
    let port = first
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok());
    let Some(port) = port else {
        return Err((child, first));
    };
    std::thread::spawn(move || {
        for line in out.lines().map_while(Result::ok) {
            eprintln!("serve: {line}");
        }
    });
    Ok((Killed(child), port))
}

/// A run of gongwen in a locale: `LANG` set, and the variables that would
/// override it (`LC_ALL`, `LC_MESSAGES`) unset, as on a desktop whose
/// language is `lang`.
pub fn in_locale<'c>(
    command: &'c mut std::process::Command,
    lang: &str,
) -> &'c mut std::process::Command {
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
}

/// The corpus's real revisions, older text first: the Legislation Law, the
/// Company Law, the Administrative Reconsideration Law and the Criminal Law
/// around its twelfth amendment.
pub const CORPUS_REVISIONS: [(&str, &str); 4] = [
    ("legislation-law-2015.md", "legislation-law-2023.md"),
    ("company-law-2018.md", "company-law-2023.md"),
    (
        "administrative-reconsideration-law-2017.md",
        "administrative-reconsideration-law-2023.md",
    ),
    (
        "criminal-law-pre-amendment12.md",
        "criminal-law-post-amendment12.md",
    ),
];
