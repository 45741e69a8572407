//! Issue 23, "Safe with what others send" — scale and serve: linear where it was quadratic, serve's HTTP as its README says (findings 13, 14, 20).
//! One test per finding, named for it: `finding_NN_…`.
//!
//! Time and memory are the bounded runs' (500 MB of address space, 10 s of
//! wall clock, in a debug build): what took minutes or gigabytes once must
//! end inside them. The figures (how the time grows with the size) are the
//! benches' (`cargo bench --bench lint`, `--bench big`, `--bench preview`).

use crate::common::{self, bounded};

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A one-paragraph draft holding `text` as a plain one-line scalar.
fn one_paragraph(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!("title: 关于大段文字的通知\nparts:\n  - text: \"{text}\"\n"),
    )
    .unwrap();
    path
}

// ---------------------------------------------------------------------------
// Finding 14c: lint was quadratic in the findings of one text.

#[test]
fn finding_14c_lint_of_100000_half_width_commas_in_one_paragraph_ends_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    one_paragraph(dir.path(), "d.yaml", &"中,".repeat(100_000));
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(
        run.stdout.contains("100000 lint findings"),
        "{}",
        run.stdout.lines().last().unwrap_or("")
    );
    // Each finding is placed at its own column, counted in characters.
    assert!(
        run.stderr.contains("d.yaml:3:200011:"),
        "{}",
        &run.stderr[run.stderr.len().saturating_sub(600)..]
    );
}

/// `lint --fix` wrote each fix into the file by moving all that follows it:
/// 200,000 fixes before a million characters moved them 200,000 times.
#[test]
fn finding_14c_lint_fix_of_200000_commas_in_a_long_paragraph_ends_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("{}{}", "中,".repeat(200_000), "文".repeat(1_000_000));
    let path = one_paragraph(dir.path(), "d.yaml", &text);
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml", "--fix"]);
    run.refused_with(0);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains(&format!(
            "{}{}",
            "中，".repeat(200_000),
            "文".repeat(1_000_000)
        )) && !fixed.contains(','),
        "not fixed"
    );
}

/// Texts where each finding (or each mark read) once looked again at the
/// whole text around it, and where each line and column was counted from the
/// start of the line: every shape of one text that made lint quadratic.
#[test]
fn finding_14c_lint_is_linear_in_every_shape_of_one_long_text() {
    const N: usize = 40_000;
    let shapes: Vec<(&str, String)> = vec![
        // Nested parentheses: each pair looked for Chinese inside it.
        (
            "nested parentheses",
            format!("{}中{}", "中(".repeat(N), ")".repeat(N)),
        ),
        // Openers closed by another mark: each closer searched every opener.
        (
            "crossed marks",
            format!("{}{}", "《".repeat(N), "）".repeat(N)),
        ),
        // An unclosed [[ or <a: each looked to the end of the text.
        ("unclosed references", format!("中{}", "[[".repeat(N))),
        ("unclosed tags", format!("中{}", "<a".repeat(N))),
        // Emphasis and spaces skipped to find the character after a mark.
        ("emphasis marks", format!("中{}", "* ".repeat(N))),
        // Dates, each counted from the start of the text.
        (
            "numeric dates",
            format!("2021年9月1日{}", "于2021-9-1，".repeat(N / 4)),
        ),
        // Ellipses and dashes typed wrong, one after another.
        ("ellipses", "中...".repeat(N / 2)),
        ("half-width quotes", "中\\\"文\\\"".repeat(N / 2)),
    ];
    let mut failed = Vec::new();
    for (what, text) in &shapes {
        let dir = tempfile::tempdir().unwrap();
        one_paragraph(dir.path(), "d.yaml", text);
        let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
        if run.timed_out || !matches!(run.code, Some(0 | 1)) || run.peak > bounded::MEMORY {
            failed.push(format!(
                "{what}: {:?} after {:?} of processor time, {:?} on the clock, {} MB{}",
                run.code,
                run.cpu,
                run.elapsed,
                run.peak >> 20,
                if run.timed_out { " (killed)" } else { "" }
            ));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

/// A typed number before a part's text (一、一、一、…) was stripped one at a
/// time, each time copying the rest of the text.
#[test]
fn finding_14c_a_long_run_of_typed_numbers_is_linted_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    one_paragraph(
        dir.path(),
        "d.yaml",
        &format!("{}内容", "一、".repeat(100_000)),
    );
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(run.stderr.contains("typed-number"), "{}", run.stderr);
}

/// References to articles, each counted from the start of the text.
#[test]
fn finding_14c_many_references_in_one_article_are_linted_in_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    std::fs::write(
        &path,
        format!(
            "title: 关于引用的办法\nstyle: articles\nparts:\n  - text: 第一条内容。\n  - text: \"依照{}执行。\"\n",
            "第九十九条、".repeat(30_000)
        ),
    )
    .unwrap();
    let run = bounded::gongwen(dir.path(), &["lint", "d.yaml"]);
    run.refused_with(1);
    assert!(run.stderr.contains("missing-reference"), "{}", run.stdout);
}

// ---------------------------------------------------------------------------
// Finding 14d: the PDF redline of a long paragraph.

/// A paragraph of `chars` characters of law, one sentence after another.
fn long_paragraph(chars: usize) -> String {
    let sentences: Vec<char> = big_law(8).chars().filter(|c| !c.is_ascii()).collect();
    sentences.iter().cycle().take(chars).collect()
}

/// A paragraph with an edit every ten characters was laid out in time
/// proportional to its characters times its marks (typst's, per paragraph),
/// and a long one with a few edits took 19 s: both with breaking every line
/// against the others and underlines going round each glyph. Both now end
/// in the bounds.
#[test]
fn finding_14d_the_pdf_redline_of_a_long_paragraph_ends_in_bounds() {
    let dense = long_paragraph(50_000);
    let edited: String = dense
        .chars()
        .enumerate()
        .map(|(i, c)| if i % 10 == 5 { '改' } else { c })
        .collect();
    let long = long_paragraph(80_000);
    let mut few: Vec<char> = long.chars().collect();
    for k in (1..=10).rev() {
        let at = k * few.len() / 11;
        few.splice(at..at, "（修改）".chars());
    }
    let few: String = few.into_iter().collect();
    for (what, old, new) in [
        ("an edit every ten characters", dense, edited),
        ("ten edits", long, few),
    ] {
        let dir = tempfile::tempdir().unwrap();
        one_paragraph(dir.path(), "v1.yaml", &old);
        one_paragraph(dir.path(), "v2.yaml", &new);
        let run = bounded::gongwen(
            dir.path(),
            &[
                "diff", "v1.yaml", "v2.yaml", "--format", "pdf", "--out", "r.pdf",
            ],
        );
        run.refused_with(1);
        let pdf = std::fs::read(dir.path().join("r.pdf")).unwrap_or_default();
        assert!(pdf.starts_with(b"%PDF"), "{what}: no PDF");
    }
}

// ---------------------------------------------------------------------------
// Finding 20: serve's HTTP as its README says.

/// A running `gongwen serve`; killed when dropped.
struct Served {
    _child: common::Killed,
    port: u16,
}

impl Served {
    /// `gongwen serve --port 0 ARGS` in `dir`, under `prlimit --as` when `memory` is given.
    fn start(dir: &Path, args: &[&str], memory: Option<u64>) -> Served {
        let bin = assert_cmd::cargo::cargo_bin("gongwen");
        let mut command = match memory {
            Some(bytes) => {
                let mut c = Command::new("prlimit");
                c.arg(format!("--as={bytes}")).arg("--").arg(bin);
                c
            }
            None => Command::new(bin),
        };
        command
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(dir)
            .env("NO_COLOR", "1")
            .stderr(Stdio::inherit());
        let (child, port) = common::serve(command)
            .unwrap_or_else(|(_, first)| panic!("serve printed no URL on 127.0.0.1: {first:?}"));
        Served {
            _child: child,
            port,
        }
    }

    fn host(&self) -> String {
        format!("Host: 127.0.0.1:{}", self.port)
    }

    /// Sends `request` as it is and reads until the server closes the
    /// connection or `limit` passes.
    fn send(&self, request: &[u8], limit: Duration) -> Answer {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream.set_read_timeout(Some(limit)).unwrap();
        let started = Instant::now();
        // The server may answer (and close) before all of it is sent.
        let _ = stream.write_all(request);
        let mut bytes = Vec::new();
        let mut chunk = [0u8; 65536];
        let closed = loop {
            match stream.read(&mut chunk) {
                Ok(0) => break true,
                Ok(n) => bytes.extend_from_slice(&chunk[..n]),
                // A reset after the answer is a close too.
                Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => break true,
                Err(_) => break false,
            }
            if started.elapsed() > limit {
                break false;
            }
        };
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let status = text
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Answer {
            status,
            text,
            closed,
            elapsed: started.elapsed(),
        }
    }

    /// The status of a `GET path` with `headers`, on a connection the server closes.
    fn status(&self, path: &str, headers: &str) -> u16 {
        let request = format!(
            "GET {path} HTTP/1.1\r\n{}\r\n{headers}Connection: close\r\n\r\n",
            self.host()
        );
        self.send(request.as_bytes(), Duration::from_secs(30))
            .status
    }
}

/// What came back on one connection.
#[derive(Debug)]
struct Answer {
    status: u16,
    /// Everything the server sent, heads and bodies.
    text: String,
    /// Whether the server closed the connection (else the limit passed).
    closed: bool,
    elapsed: Duration,
}

#[test]
fn finding_20_requests_with_a_body_or_a_malformed_head_are_refused_as_the_readme_says() {
    let dir = common::sample_copy("chengdong-urbanization-2021");
    let served = Served::start(dir.path(), &[], None);
    assert_eq!(served.status("/", ""), 200);
    let cases: &[(&str, &str, u16)] = &[
        // A body, however it is sent, is refused: the preview takes none.
        ("chunked body", "Transfer-Encoding: chunked\r\n", 413),
        ("body by length", "Content-Length: 5\r\n", 413),
        (
            "a body larger than memory",
            "Content-Length: 99999999999999\r\n",
            413,
        ),
        ("no body", "Content-Length: 0\r\n", 200),
        (
            "no body, said twice",
            "Content-Length: 0\r\nContent-Length: 0\r\n",
            200,
        ),
        // A length that is not one.
        ("negative length", "Content-Length: -1\r\n", 400),
        ("length not a number", "Content-Length: abc\r\n", 400),
        ("length with a sign", "Content-Length: +0\r\n", 400),
        ("length as a float", "Content-Length: 1e3\r\n", 400),
        ("empty length", "Content-Length: \r\n", 400),
        (
            "lengths that differ",
            "Content-Length: 0\r\nContent-Length: 6\r\n",
            400,
        ),
        (
            "lengths in one header that differ",
            "Content-Length: 0, 6\r\n",
            400,
        ),
        (
            "length and chunks",
            "Content-Length: 0\r\nTransfer-Encoding: chunked\r\n",
            400,
        ),
        // Control characters in a header.
        ("NUL in a value", "X-Note: a\0b\r\n", 400),
        ("escape in a value", "X-Note: a\x1b[31mb\r\n", 400),
        ("DEL in a value", "X-Note: a\x7fb\r\n", 400),
        ("a bare CR in a value", "X-Note: a\rb\r\n", 400),
        ("NUL in a name", "X-No\0te: a\r\n", 400),
        ("a space in a name", "X Note: a\r\n", 400),
        ("a line that is no header", "just words\r\n", 400),
        ("a tab in a value is allowed", "X-Note: a\tb\r\n", 200),
        // Two Hosts: which one is meant cannot be told.
        ("two Hosts", "Host: drafts.example.com\r\n", 400),
    ];
    let mut wrong = Vec::new();
    for (what, headers, want) in cases {
        let got = served.status("/", headers);
        if got != *want {
            wrong.push(format!("{what}: {got}, not {want}"));
        }
    }
    // The same Host twice is still two.
    let twice = format!(
        "GET / HTTP/1.1\r\n{0}\r\n{0}\r\nConnection: close\r\n\r\n",
        served.host()
    );
    let got = served
        .send(twice.as_bytes(), Duration::from_secs(30))
        .status;
    if got != 400 {
        wrong.push(format!("the same Host twice: {got}, not 400"));
    }
    // A control character in the address, before any decoding.
    let got = served
        .send(
            format!(
                "GET /d/a\x01b HTTP/1.1\r\n{}\r\nConnection: close\r\n\r\n",
                served.host()
            )
            .as_bytes(),
            Duration::from_secs(30),
        )
        .status;
    if got != 400 {
        wrong.push(format!(
            "a control character in the address: {got}, not 400"
        ));
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    // Still answering after all that.
    assert_eq!(served.status("/", ""), 200);
}

/// A refused body is not read: what follows it on the connection is never
/// taken for a request of its own, and the connection is closed.
#[test]
fn finding_20_a_refused_body_is_not_read_as_the_next_request() {
    let dir = common::sample_copy("chengdong-urbanization-2021");
    let served = Served::start(dir.path(), &[], None);
    let inner = format!(
        "GET /d/chengdong-urbanization-2021/v1 HTTP/1.1\r\n{}\r\n\r\n",
        served.host()
    );
    let request = format!(
        "GET / HTTP/1.1\r\n{}\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n{inner}\r\n0\r\n\r\n",
        served.host(),
        inner.len()
    );
    let answer = served.send(request.as_bytes(), Duration::from_secs(10));
    assert_eq!(answer.status, 413, "{}", answer.text);
    assert!(
        answer.closed,
        "the connection was kept open after a refused body"
    );
    assert_eq!(
        answer.text.matches("HTTP/1.1 ").count(),
        1,
        "the body was read as a request: {}",
        answer.text
    );
}

#[test]
fn finding_20_head_of_the_events_answers_at_once_with_no_body() {
    let dir = common::sample_copy("chengdong-urbanization-2021");
    let served = Served::start(dir.path(), &[], None);
    let request = format!(
        "HEAD /events HTTP/1.1\r\n{}\r\nConnection: close\r\n\r\n",
        served.host()
    );
    let answer = served.send(request.as_bytes(), Duration::from_secs(5));
    assert!(
        answer.closed,
        "HEAD /events still open after {:?}: {:?}",
        answer.elapsed, answer.text
    );
    assert_eq!(answer.status, 200, "{}", answer.text);
    let (head, body) = answer.text.split_once("\r\n\r\n").unwrap();
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/event-stream"),
        "{head}"
    );
    assert_eq!(body, "", "a HEAD answer has no body");
    // A HEAD of a page is its GET's head: the same length, no body.
    let get = served.send(
        format!(
            "GET / HTTP/1.1\r\n{}\r\nConnection: close\r\n\r\n",
            served.host()
        )
        .as_bytes(),
        Duration::from_secs(30),
    );
    let head_only = served.send(
        format!(
            "HEAD / HTTP/1.1\r\n{}\r\nConnection: close\r\n\r\n",
            served.host()
        )
        .as_bytes(),
        Duration::from_secs(30),
    );
    let (_, get_body) = get.text.split_once("\r\n\r\n").unwrap();
    let (head, body) = head_only.text.split_once("\r\n\r\n").unwrap();
    assert_eq!(body, "");
    assert!(
        head.to_ascii_lowercase()
            .contains(&format!("content-length: {}", get_body.len())),
        "{head}"
    );
}

#[test]
fn finding_20_allow_host_refuses_an_ip_address_saying_why() {
    let dir = common::sample_copy("chengdong-urbanization-2021");
    // What browsers read as an IPv4 address (the URL standard's parser),
    // and IPv6 in or out of brackets.
    for given in [
        "1.2.3.4",
        "127.1",
        "0x7f.0.0.1",
        "192.168.1.020",
        "10.0.0.7.",
        "[::1]",
        "::1",
        "fe80::1",
    ] {
        let run = bounded::gongwen(dir.path(), &["serve", "--port", "0", "--allow-host", given]);
        let err = run.refused_with(2);
        assert!(
            err.contains("IP address") && err.contains("needs no --allow-host"),
            "{given}: {err}"
        );
    }
    // Names that only look numeric in part are names.
    for name in ["1.2.3.4.example", "v1.lan", "2021.drafts.lan", "0x7f.lan"] {
        assert!(
            gongwen::preview::http::host_name(name).is_ok(),
            "{name} is a host name"
        );
    }
}

// ---------------------------------------------------------------------------
// Finding 13: serve of a 20,000-part draft.

/// A law of `parts` parts as one YAML file: chapters of 40 articles, every
/// fourth article with three items, each text its own.
fn big_law(parts: usize) -> String {
    const TEXTS: [&str; 4] = [
        "县级以上人民政府应当加强对本行政区域内相关工作的领导，建立健全协调机制，所需经费列入本级预算",
        "有关部门应当按照各自职责，做好监督管理和服务保障工作，并向社会公开办理的程序、期限和结果",
        "违反本法规定，造成他人损害的，依法承担民事责任；构成犯罪的，依法追究刑事责任",
        "单位和个人有权对违反本法规定的行为进行举报，接到举报的部门应当及时依法处理并为举报人保密",
    ];
    let mut yaml =
        String::from("title: 二万条的汇编\nstage: 征求意见稿\nstyle: articles\nparts:\n");
    let mut made = 0;
    let mut chapter = 0;
    while made < parts {
        chapter += 1;
        yaml.push_str(&format!("  - heading: 第{chapter}组规定\n    parts:\n"));
        made += 1;
        for a in 0..40 {
            if made >= parts {
                break;
            }
            yaml.push_str(&format!("      - text: {}（{made}）。\n", TEXTS[made % 4]));
            made += 1;
            if a % 4 == 0 && made < parts {
                yaml.push_str("        parts:\n");
                for _ in 0..3.min(parts - made) {
                    yaml.push_str(&format!("          - {}（{made}）；\n", TEXTS[made % 4]));
                    made += 1;
                }
            }
        }
    }
    yaml
}

/// A `GET` on a server already listening; the status and the body.
fn get(served: &Served, path: &str, limit: Duration) -> (u16, String, Duration) {
    let request = format!(
        "GET {path} HTTP/1.1\r\n{}\r\nConnection: close\r\n\r\n",
        served.host()
    );
    let answer = served.send(request.as_bytes(), limit);
    let body = answer
        .text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string());
    (answer.status, body, answer.elapsed)
}

/// The first view of a draft's pages once waited for all of its pages to
/// be laid out: 6.4 s for 20,000 parts (over a minute in a debug build).
/// Its first pages now come at once, and the rest after: the page answered
/// shows only the beginning. (How fast is the preview bench's to say; here
/// the clock only tells a hang.)
#[test]
fn finding_13_the_first_view_of_a_20000_part_drafts_pages_comes_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/big");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(doc.join("v1.yaml"), big_law(20_000)).unwrap();
    let served = Served::start(dir.path(), &[], None);
    let (status, page, _) = get(&served, "/p/big/v1", bounded::HANG);
    assert_eq!(status, 200, "{page}");
    let shown = page.matches("<figure").count();
    assert!(
        (10..100).contains(&shown) && page.contains("The other pages are being laid out"),
        "{shown} pages shown of 1,000 and more"
    );
    // Those pages are there to be seen.
    let (status, svg, _) = get(&served, "/svg/1/big/v1", bounded::HANG);
    assert_eq!(status, 200, "{svg}");
    assert!(svg.starts_with("<svg"), "{}", &svg[..svg.len().min(200)]);
}

/// Once all the pages are laid out, a page showing the beginning is told
/// (as of a change) and then shows them all.
#[test]
fn finding_13_the_rest_of_the_pages_follow_the_beginning_and_the_page_is_told() {
    let dir = tempfile::tempdir().unwrap();
    let doc = dir.path().join("drafts/mid");
    std::fs::create_dir_all(&doc).unwrap();
    std::fs::write(doc.join("v1.yaml"), big_law(2_500)).unwrap();
    let served = Served::start(dir.path(), &[], None);
    let (status, page, _) = get(&served, "/p/mid/v1", Duration::from_secs(60));
    assert_eq!(status, 200, "{page}");
    let round = page
        .split("data-round=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    assert!(
        page.contains("The other pages are being laid out"),
        "laid out whole at once"
    );
    let beginning = page.matches("<figure").count();
    // The page listens from the round it was made at, and hears of the rest.
    let mut events = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    write!(
        events,
        "GET /events?since={round} HTTP/1.1\r\n{}\r\n\r\n",
        served.host()
    )
    .unwrap();
    let mut heard = String::new();
    let mut chunk = [0u8; 4096];
    while !heard.contains("event: change") {
        let n = events
            .read(&mut chunk)
            .expect("no news of the rest in 120 s");
        assert!(n > 0, "the events ended: {heard}");
        heard.push_str(&String::from_utf8_lossy(&chunk[..n]));
    }
    assert!(heard.contains("\"/mid/v1\""), "{heard}");
    let (status, whole, took) = get(&served, "/p/mid/v1", Duration::from_secs(60));
    assert_eq!(status, 200);
    assert!(took < Duration::from_secs(5), "laid out again: {took:?}");
    let all = whole.matches("<figure").count();
    assert!(
        all > beginning && !whole.contains("The other pages are being laid out"),
        "{all} pages after {beginning}"
    );
    assert!(whole.contains(&format!(" of {all} (numbered ")));
    let (status, _, _) = get(
        &served,
        &format!("/svg/{all}/mid/v1"),
        Duration::from_secs(60),
    );
    assert_eq!(status, 200);
}
