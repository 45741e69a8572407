//! `gongwen serve` as a drafting officer uses it: a browser open on a draft
//! while the draft is edited, broken and fixed; and as someone probing it
//! uses it: addresses out of the drafts, malformed and huge requests. The
//! browser is headless Chromium, driven through its DevTools protocol (the
//! Debian package `chromium`; `.ci/run` installs it, and without it the
//! browser test fails unless GONGWEN_SKIP_TOOLS=1 is set).

use crate::common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const DOC: &str = "chengdong-urbanization-2021";

/// A running `gongwen serve` on a copy of the sample drafts; killed when dropped.
struct Served {
    _child: common::Killed,
    port: u16,
    dir: tempfile::TempDir,
}

impl Served {
    fn start() -> Served {
        Served::start_with(&[])
    }

    /// Started with `args` after `serve --port 0`.
    fn start_with(args: &[&str]) -> Served {
        Served::start_in(&[], args)
    }

    /// Started with `args` after `serve --port 0`, with the locale `env`
    /// (none of the test's own locale variables is passed on then).
    fn start_in(env: &[(&str, &str)], args: &[&str]) -> Served {
        let dir = common::sample_copy(DOC);
        let mut command = Command::new(env!("CARGO_BIN_EXE_gongwen"));
        command
            .args(["serve", "--port", "0"])
            .args(args)
            .current_dir(dir.path())
            .stderr(Stdio::inherit());
        if !env.is_empty() {
            command.env_remove("LC_ALL").env_remove("LC_MESSAGES");
            command.envs(env.iter().copied());
        }
        let (child, port) = common::serve(command)
            .unwrap_or_else(|(_, first)| panic!("serve printed no URL on 127.0.0.1: {first:?}"));
        Served {
            _child: child,
            port,
            dir,
        }
    }

    fn draft(&self) -> PathBuf {
        self.dir.path().join("drafts").join(DOC).join("v2.yaml")
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// Every file of the drafts, with its bytes.
    fn drafts_on_disk(&self) -> Vec<(PathBuf, Vec<u8>)> {
        fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, out);
                } else {
                    out.push((path.clone(), std::fs::read(&path).unwrap()));
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.dir.path().join("drafts"), &mut out);
        out.sort();
        out
    }
}

/// Sends raw bytes as a request and returns the status and the body.
fn raw(port: u16, request: &[u8]) -> (u16, String) {
    let (status, _, body) = raw_parts(port, request);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// A raw request's answer: its status, its head (lower-cased) and its body's bytes.
fn raw_parts(port: u16, request: &[u8]) -> (u16, String, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    // The server may answer (and close) before a huge request is all sent.
    let _ = stream.write_all(request);
    // To the end, or to the length the answer gives (Chromium's DevTools
    // server keeps the connection open after answering).
    let mut bytes = Vec::new();
    let mut chunk = [0u8; 65536];
    while let Ok(n @ 1..) = stream.read(&mut chunk) {
        bytes.extend_from_slice(&chunk[..n]);
        if complete(&bytes) {
            break;
        }
    }
    let split = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(bytes.len(), |at| at + 4);
    let (head, body) = bytes.split_at(split);
    let head = String::from_utf8_lossy(head);
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no HTTP status in {head:?}"));
    let head = head.to_ascii_lowercase();
    let body = if head.contains("transfer-encoding: chunked") {
        unchunk(body)
    } else {
        body.to_vec()
    };
    (status, head, body)
}

/// Whether an answer with a Content-Length has all of its body.
fn complete(bytes: &[u8]) -> bool {
    let Some(at) = bytes.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&bytes[..at]).to_ascii_lowercase();
    head.lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|n| n.trim().parse::<usize>().ok())
        .is_some_and(|n| bytes.len() >= at + 4 + n)
}

/// The body of a chunked answer (sizes in hex, each chunk on its own line).
fn unchunk(mut rest: &[u8]) -> Vec<u8> {
    let mut body = Vec::new();
    while let Some(at) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = std::str::from_utf8(&rest[..at])
            .ok()
            .and_then(|s| usize::from_str_radix(s.trim(), 16).ok());
        let after = &rest[at + 2..];
        match size {
            Some(size) if size > 0 && after.len() >= size => {
                body.extend_from_slice(&after[..size]);
                rest = after[size..]
                    .strip_prefix(b"\r\n")
                    .unwrap_or(&after[size..]);
            }
            _ => break,
        }
    }
    body
}

fn get(port: u16, path: &str) -> (u16, String) {
    raw(
        port,
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
}

/// Headless Chromium with one page, driven over the DevTools WebSocket.
struct Browser {
    _child: common::Killed,
    socket: tungstenite::WebSocket<tungstenite::stream::MaybeTlsStream<TcpStream>>,
    next_id: u64,
    _profile: tempfile::TempDir,
}

impl Browser {
    fn open(chromium: &Path, url: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1280,900",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("run chromium");
        // Chromium writes the port it took into the profile folder.
        let port_file = profile.path().join("DevToolsActivePort");
        let port: u16 = poll(Duration::from_secs(30), || {
            std::fs::read_to_string(&port_file)
                .ok()?
                .lines()
                .next()?
                .parse()
                .ok()
        })
        .expect("chromium opened no DevTools port");
        let target = poll(Duration::from_secs(30), || {
            let (_, body) = get(port, "/json/list");
            let list: Value = serde_json::from_str(&body).ok()?;
            list.as_array()?
                .iter()
                .find(|t| t["type"] == "page")
                .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(str::to_string))
        })
        .expect("chromium lists no page");
        let (socket, _) = tungstenite::connect(target).expect("DevTools WebSocket");
        Browser {
            _child: common::Killed(child),
            socket,
            next_id: 0,
            _profile: profile,
        }
    }

    /// Calls a DevTools method and returns its result.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({"id": id, "method": method, "params": params}).to_string();
        self.socket
            .send(tungstenite::Message::text(message))
            .unwrap();
        loop {
            let reply = self.socket.read().expect("DevTools reply");
            if let Ok(text) = reply.to_text()
                && let Ok(value) = serde_json::from_str::<Value>(text)
                && value["id"] == id
            {
                return value["result"].clone();
            }
        }
    }

    /// Evaluates a script in the page and returns its value.
    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        result["result"]["value"].clone()
    }

    fn text(&mut self) -> String {
        self.eval("document.body ? document.body.innerText : ''")
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the page listens for changes.
    fn listening(&mut self) {
        poll(Duration::from_secs(30), || {
            (self.eval("!!window.gongwenLive && window.gongwenLive.readyState === 1")
                == json!(true))
            .then_some(())
        })
        .expect("the page never started listening for changes");
    }

    /// Waits (at most `limit`) until `expression` evaluates to a string
    /// that `holds`.
    fn until_value(
        &mut self,
        expression: &str,
        limit: Duration,
        holds: impl Fn(&str) -> bool,
    ) -> Option<()> {
        poll(limit, || {
            self.eval(expression)
                .as_str()
                .filter(|t| holds(t))
                .map(|_| ())
        })
    }

    /// How long until the page's text holds `wanted` (at most `limit`).
    fn until_text(&mut self, wanted: &str, limit: Duration) -> Option<Duration> {
        let started = Instant::now();
        poll(limit, || self.text().contains(wanted).then_some(())).map(|()| started.elapsed())
    }
}

/// Calls `f` every 25 ms until it gives something or `limit` passes.
fn poll<T>(limit: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let started = Instant::now();
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if started.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

/// Writes a file as an editor saves it: a new file renamed over the old.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("yaml.swp");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

#[test]
fn an_open_page_follows_the_draft_through_an_edit_a_break_and_a_fix() {
    let Some(chromium) = common::tool("chromium") else {
        return;
    };
    let served = Served::start();
    let original = std::fs::read_to_string(served.draft()).unwrap();
    let mut browser = Browser::open(&chromium, &served.url(&format!("/d/{DOC}/v2")));
    let title = "工作措施";
    assert!(
        browser.until_text(title, Duration::from_secs(30)).is_some(),
        "the draft page never showed"
    );
    browser.listening();

    // An edit: one sentence added to the preamble.
    let added = "本措施自印发之日起施行（实时预览测试）。";
    let anchor = "提出如下年度工作要点。";
    assert!(original.contains(anchor));
    let edited = original.replacen(anchor, &format!("{anchor}{added}"), 1);
    save(&served.draft(), &edited);
    let took = browser.until_text(added, Duration::from_secs(10));
    eprintln!("edit shown after {took:?}");
    let took = took.expect("the edit never reached the page");
    assert!(
        took < Duration::from_secs(2),
        "the edit took {took:?} to reach the page"
    );

    // A break: an unclosed quote on the line of 稿别.
    let line = edited.lines().position(|l| l.starts_with("稿别:")).unwrap() + 1;
    let broken: String = edited
        .lines()
        .map(|l| {
            if l.starts_with("稿别:") {
                "稿别: \"征求意见稿"
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    save(&served.draft(), &broken);
    let place = format!("v2.yaml:{line}:5");
    let took = browser.until_text(&place, Duration::from_secs(10));
    eprintln!("error shown after {took:?}");
    assert!(
        took.is_some(),
        "the page never showed the error at {place}: {}",
        browser.text()
    );
    let page = browser.text();
    assert!(page.contains("unclosed quote"), "{page}");
    assert!(
        page.contains("稿别: \"征求意见稿"),
        "the page shows the line: {page}"
    );
    assert!(
        page.contains("help:"),
        "the page says how to fix it: {page}"
    );

    // The fix: the page is the draft again.
    save(&served.draft(), &edited);
    assert!(
        browser.until_text(added, Duration::from_secs(10)).is_some(),
        "the page never recovered"
    );
    assert!(!browser.text().contains(&place));

    // The paged view follows too: its pages are laid out again, and each is an SVG page.
    browser.call(
        "Page.navigate",
        json!({"url": served.url(&format!("/p/{DOC}/v2"))}),
    );
    let first_src = poll(Duration::from_secs(30), || {
        browser
            .eval("document.images.length ? document.images[0].src : null")
            .as_str()
            .map(str::to_string)
    })
    .expect("the paged view shows pages");
    browser.listening();
    let pages = browser.eval("document.images.length").as_u64().unwrap();
    assert!(pages >= 4, "the reference draft has {pages} pages");
    save(&served.draft(), &original);
    let new_src = poll(Duration::from_secs(10), || {
        let src = browser.eval("document.images.length ? document.images[0].src : null");
        src.as_str().filter(|s| *s != first_src).map(str::to_string)
    })
    .expect("the paged view never took the new pages");
    let path = new_src
        .split_once(&format!(":{}", served.port))
        .unwrap()
        .1
        .to_string();
    let (status, svg) = get(served.port, &path);
    assert_eq!(status, 200);
    assert!(
        svg.starts_with("<svg") && svg.contains("</svg>"),
        "{}",
        &svg[..svg.len().min(100)]
    );

    // Side by side, the page holds the one connection and tells its panes.
    browser.call(
        "Page.navigate",
        json!({"url": served.url(&format!("/s/{DOC}/v2"))}),
    );
    let pane = "(function () { var f = document.querySelector('iframe'); \
                return f && f.contentDocument && f.contentDocument.body ? f.contentDocument.body.innerText : ''; })()";
    browser
        .until_value(pane, Duration::from_secs(30), |t| t.contains(title))
        .expect("the HTML pane shows the draft");
    browser.listening();
    let once_more = "（对照视图测试）";
    save(
        &served.draft(),
        &original.replacen(anchor, &format!("{anchor}{once_more}"), 1),
    );
    let shown = browser.until_value(pane, Duration::from_secs(10), |t| t.contains(once_more));
    assert!(shown.is_some(), "the pane never took the edit");
    // A break shows in the pane; the fix brings the pane back.
    save(&served.draft(), &broken);
    let place_shown = browser.until_value(pane, Duration::from_secs(10), |t| t.contains(&place));
    assert!(place_shown.is_some(), "the pane never showed the problem");
    save(&served.draft(), &original);
    let back = browser.until_value(pane, Duration::from_secs(10), |t| {
        t.contains(title) && !t.contains(&place)
    });
    assert!(back.is_some(), "the pane never recovered");
    // A new title reaches the page's own bar; the panes stay where they are.
    browser.eval("document.querySelector('iframe').dataset.kept = 'yes'");
    save(
        &served.draft(),
        &original.replacen("工作措施\n", "工作措施（对照标题）\n", 1),
    );
    let bar = "(function () { var i = document.querySelector('iframe'); \
               return document.querySelector('#gw-bar .title').innerText + '|' + (i && i.dataset.kept); })()";
    let renamed = browser.until_value(bar, Duration::from_secs(10), |t| {
        t.contains("（对照标题）") && t.ends_with("|yes")
    });
    assert!(
        renamed.is_some(),
        "the bar never took the title: {}",
        browser.eval(bar)
    );

    // The connection lost while the draft changes: once it is back, the
    // panes are brought up to date, not the bar alone.
    browser.eval("window.gongwenLive.close()");
    let missed = "（断线期间的修改）";
    save(
        &served.draft(),
        &original.replacen(anchor, &format!("{anchor}{missed}"), 1),
    );
    poll(Duration::from_secs(10), || {
        get(served.port, &format!("/d/{DOC}/v2"))
            .1
            .contains(missed)
            .then_some(())
    })
    .expect("the server never took the edit");
    std::thread::sleep(Duration::from_millis(300));
    assert!(!browser.eval(pane).as_str().unwrap().contains(missed));
    browser.eval(
        "window.gongwenLive.dispatchEvent(new Event('error')); \
         window.gongwenLive.dispatchEvent(new Event('open'))",
    );
    let caught_up = browser.until_value(pane, Duration::from_secs(10), |t| t.contains(missed));
    assert!(
        caught_up.is_some(),
        "the pane missed the edit made while the page was not listening"
    );
}

#[test]
fn a_page_listening_late_still_hears_of_a_change_made_after_it_was_made() {
    let served = Served::start();
    let (_, page) = get(served.port, &format!("/d/{DOC}/v2"));
    let round: u64 = page
        .split("data-round=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|r| r.parse().ok())
        .expect("the page names its round");
    // The draft changes before the page's script connects.
    let text = std::fs::read_to_string(served.draft()).unwrap();
    save(
        &served.draft(),
        &text.replacen("提出如下年度工作要点。", "提出如下工作要点。", 1),
    );
    std::thread::sleep(Duration::from_millis(800));
    let mut stream = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let port = served.port;
    write!(
        stream,
        "GET /events?since={round} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
    )
    .unwrap();
    let mut heard = String::new();
    let mut chunk = [0u8; 4096];
    while !heard.contains("\n\n{") && !heard.contains("changed") {
        let n = stream.read(&mut chunk).expect("the change is sent at once");
        assert!(n > 0, "the stream ended: {heard}");
        heard.push_str(&String::from_utf8_lossy(&chunk[..n]));
    }
    assert!(heard.contains("text/event-stream"), "{heard}");
    assert!(
        heard.contains(&format!("\"changed\":[\"{DOC}/v2\"]")),
        "{heard}"
    );
}

#[test]
fn addresses_outside_the_drafts_and_malformed_requests_are_refused() {
    let served = Served::start();
    let before = served.drafts_on_disk();
    let port = served.port;
    let (status, index) = get(port, "/");
    assert_eq!(status, 200);
    assert!(index.contains(&format!("/d/{DOC}/v1")), "{index}");

    // What the views answer.
    for path in [
        format!("/d/{DOC}/v1"),
        format!("/p/{DOC}/v1"),
        format!("/svg/1/{DOC}/v1"),
        format!("/s/{DOC}/v1"),
        format!("/r/{DOC}/v2"),
        format!("/pdf/{DOC}/v1.pdf"),
    ] {
        assert_eq!(get(port, &path).0, 200, "{path}");
    }

    let secrets = ["root:x:0:0", "[package]", "CARGO_MANIFEST_DIR"];
    let refused: &[(&str, u16)] = &[
        ("/d/../../../../etc/passwd", 400),
        ("/d/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400),
        ("/d/chengdong-urbanization-2021/v1/../../../Cargo.toml", 400),
        ("/d/..%2f..%2fCargo.toml", 400),
        ("/d/chengdong-urbanization-2021%5c..%5cv1", 400),
        ("/d//etc/passwd", 400),
        ("/d/%00", 400),
        ("/d/%ff%fe", 400),
        ("/etc/passwd", 404),
        ("/Cargo.toml", 404),
        ("/d/chengdong-urbanization-2021/v9", 404),
        ("/d/drafts/chengdong-urbanization-2021/v1.yaml", 404),
        ("/svg/999/chengdong-urbanization-2021/v1", 404),
        ("/svg/0/chengdong-urbanization-2021/v1", 404),
        ("/svg/one/chengdong-urbanization-2021/v1", 404),
        ("/svg/1/chengdong-urbanization-2021/v9", 404),
        ("/p/chengdong-urbanization-2021/v1/1.svg", 404),
        ("/r/chengdong-urbanization-2021/v1", 404),
        ("/pdf/chengdong-urbanization-2021/v1", 404),
        ("/d", 404),
        ("no-slash", 400),
    ];
    for (path, want) in refused {
        let (status, body) = get(port, path);
        assert_eq!(status, *want, "{path}: {body}");
        assert!(
            secrets.iter().all(|s| !body.contains(s)),
            "{path} leaked a file"
        );
    }

    let request = |head: &str| raw(port, head.as_bytes()).0;
    let host = format!("Host: 127.0.0.1:{port}");
    assert_eq!(
        request(&format!(
            "POST / HTTP/1.1\r\n{host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )),
        405
    );
    assert_eq!(
        request(&format!(
            "DELETE /d/{DOC}/v1 HTTP/1.1\r\n{host}\r\nConnection: close\r\n\r\n"
        )),
        405
    );
    assert_eq!(
        request(&format!(
            "PUT /d/{DOC}/v1 HTTP/1.1\r\n{host}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
        )),
        405
    );
    assert_eq!(
        request(&format!(
            "GET / HTTP/1.1\r\n{host}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"
        )),
        413
    );
    let long = format!("/d/{}", "a".repeat(100_000));
    assert_eq!(
        request(&format!(
            "GET {long} HTTP/1.1\r\n{host}\r\nConnection: close\r\n\r\n"
        )),
        414
    );
    let header = format!("X-Filler: {}\r\n", "b".repeat(1000)).repeat(40);
    assert_eq!(
        request(&format!(
            "GET / HTTP/1.1\r\n{host}\r\n{header}Connection: close\r\n\r\n"
        )),
        431
    );
    // A name that is not this machine's (DNS rebinding) gets nothing.
    assert_eq!(
        request("GET / HTTP/1.1\r\nHost: drafts.example.com\r\nConnection: close\r\n\r\n"),
        403
    );
    assert_eq!(request("GET / HTTP/1.1\r\nConnection: close\r\n\r\n"), 400);
    assert_eq!(
        request(&format!(
            "GET / HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"
        )),
        200
    );
    assert_eq!(request("NONSENSE\r\n\r\n"), 400);
    for name in ["LOCALHOST", "[::1]", "127.0.0.1"] {
        let head = format!("GET / HTTP/1.1\r\nHost: {name}:{port}\r\nConnection: close\r\n\r\n");
        assert_eq!(request(&head), 200, "{name}");
    }
    // A name of the office's own is answered once allowed, and only it.
    let named = Served::start_with(&["--allow-host", "Drafts.Example.com"]);
    let asked = |name: &str| {
        let head = format!("GET / HTTP/1.1\r\nHost: {name}\r\nConnection: close\r\n\r\n");
        raw(named.port, head.as_bytes())
    };
    assert_eq!(asked(&format!("drafts.example.com:{}", named.port)).0, 200);
    let (status, body) = asked("other.example.com");
    assert_eq!(status, 403);
    assert!(body.contains("--allow-host"), "{body}");

    // The server still answers, and wrote nothing into the drafts.
    assert_eq!(get(port, "/").0, 200);
    assert_eq!(
        served.drafts_on_disk(),
        before,
        "the drafts changed on disk"
    );
}

#[test]
fn pages_go_gzipped_to_a_browser_that_takes_it_and_plain_to_one_that_does_not() {
    use std::io::Read as _;
    let served = Served::start();
    let ask = |path: &str, encoding: &str| {
        let head = format!(
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{encoding}Connection: close\r\n\r\n"
        );
        raw_parts(served.port, head.as_bytes())
    };
    for path in [format!("/svg/1/{DOC}/v2"), format!("/d/{DOC}/v2")] {
        let (status, head, plain) = ask(&path, "");
        assert_eq!(status, 200, "{path}");
        assert!(!head.contains("content-encoding"), "{path}: {head}");
        let (status, head, zipped) = ask(&path, "Accept-Encoding: br, gzip;q=0.8\r\n");
        assert_eq!(status, 200, "{path}");
        assert!(head.contains("content-encoding: gzip"), "{path}: {head}");
        assert!(head.contains("vary: accept-encoding"), "{path}: {head}");
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&zipped[..])
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, plain, "{path}");
        // A page of glyph outlines shrinks to under a third (27% at level 4).
        if path.starts_with("/svg/") {
            assert!(
                zipped.len() * 3 < plain.len(),
                "{path}: {} of {}",
                zipped.len(),
                plain.len()
            );
        }
        // gzip refused outright: plain.
        let (_, head, body) = ask(&path, "Accept-Encoding: gzip;q=0\r\n");
        assert!(!head.contains("content-encoding"), "{path}: {head}");
        assert_eq!(body, plain, "{path}");
    }
    // The PDF is compressed already: sent as it is.
    let (status, head, pdf) = ask(&format!("/pdf/{DOC}/v2.pdf"), "Accept-Encoding: gzip\r\n");
    assert_eq!(status, 200);
    assert!(
        !head.contains("content-encoding") && pdf.starts_with(b"%PDF"),
        "{head}"
    );
}

/// The preview's redline, like `diff`'s and `build`'s, is still shown when
/// the older draft's comments file has a problem, with the problem above it
/// (it used to drop the comments without a word).
#[test]
fn a_broken_comments_file_is_shown_above_the_redline() {
    let served = Served::start();
    let (status, before) = get(served.port, &format!("/r/{DOC}/v2"));
    assert_eq!(status, 200);
    let notice = "The comments file of the draft before has problems";
    assert!(before.contains("答复意见") && !before.contains(notice));
    let file = served
        .dir
        .path()
        .join("drafts")
        .join(DOC)
        .join("v1.comments.yaml");
    let text = std::fs::read_to_string(&file).unwrap();
    save(
        &file,
        &text.replacen("disposition: 采纳", "disposition: 大概采纳", 1),
    );
    let (status, page) = get(served.port, &format!("/r/{DOC}/v2"));
    assert_eq!(status, 200);
    assert!(page.contains(notice), "{page}");
    assert!(
        page.contains("v1.comments.yaml") && page.contains("大概采纳"),
        "{page}"
    );
    assert!(
        page.contains("修改对照") && !page.contains("答复意见"),
        "{page}"
    );
}

/// The Latin words of a page as a person reads it (its title and text, not
/// its markup, style or script), but those of `kept` (keys, paths, the
/// author's text) and the names kept in Latin letters in Chinese; with
/// `problems`, the problems' own boxes are read too.
fn english_words(html: &str, kept: &[&str], problems: bool) -> Vec<String> {
    let mut text = regex::Regex::new(r"(?s)<style>.*?</style>|<script>.*?</script>")
        .unwrap()
        .replace_all(html, " ")
        .into_owned();
    if !problems {
        text = regex::Regex::new(r#"(?s)<section class="gw-problem">.*?</section>"#)
            .unwrap()
            .replace_all(&text, " ")
            .into_owned();
    }
    let text = regex::Regex::new(r"<[^>]*>")
        .unwrap()
        .replace_all(&text, " ")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    // A key, a path or an address (`drafts/a/v2.yaml:8:5`, `/svg/<页>/<文稿>`),
    // and what a message quotes in backticks (the YAML parser's own words),
    // is as written.
    let text = regex::Regex::new(r"`[^`]*`")
        .unwrap()
        .replace_all(&text, " ");
    let mut text = regex::Regex::new(r"\S*[/.:]\S*[A-Za-z0-9]\S*")
        .unwrap()
        .replace_all(&text, " ")
        .into_owned();
    for k in kept {
        text = text.replace(k, " ");
    }
    regex::Regex::new(r"[A-Za-z][A-Za-z0-9-]*")
        .unwrap()
        .find_iter(&text)
        .map(|m| m.as_str().to_string())
        .filter(|w| !["gongwen", "PDF", "YAML", "GET", "HEAD"].contains(&w.as_str()))
        .collect()
}

#[test]
fn english_words_are_found_in_a_pages_text_and_keys_and_paths_are_not() {
    let page = "<html lang=\"zh-CN\"><head><title>Drafts</title><style>a { color: red }</style></head>\
                <body><a href=\"/d/x\">全部文稿</a> chengdong/v2 drafts/a/v2.yaml:8:5 v2 gongwen PDF\
                <section class=\"gw-problem\">unclosed quote</section><script>var x;</script></body></html>";
    assert_eq!(english_words(page, &["v2"], false), ["Drafts"]);
    assert_eq!(
        english_words(page, &["v2"], true),
        ["Drafts", "unclosed", "quote"]
    );
}

/// Breaks the draft's line of 稿别 (an unclosed quote) and waits until the
/// server answers its page with the problem: that page.
fn broken_page(served: &Served) -> String {
    let original = std::fs::read_to_string(served.draft()).unwrap();
    let broken = original.replacen("稿别: 征求意见稿", "稿别: \"征求意见稿", 1);
    assert_ne!(broken, original);
    save(&served.draft(), &broken);
    poll(Duration::from_secs(30), || {
        let (status, page) = get(served.port, &format!("/d/{DOC}/v2"));
        (status == 200 && page.contains("<section class=\"gw-problem\">")).then_some(page)
    })
    .expect("the page never showed the problem")
}

/// What a drafting officer with a Chinese desktop sees: the index, the bar
/// and views, the page of a draft's problems in place of its view, and the
/// pages a browser is refused with, all in Chinese, marked `zh-CN`.
#[test]
fn the_preview_speaks_chinese_under_a_chinese_locale() {
    let served = Served::start_in(&[("LANG", "zh_CN.UTF-8")], &[]);
    let kept = [DOC, "v1", "v2"];
    let chinese = |page: &str, what: &str| {
        assert!(page.contains("<html lang=\"zh-CN\">"), "{what}: {page}");
        let english = english_words(page, &kept, true);
        assert!(english.is_empty(), "{what}: English {english:?} in {page}");
    };

    let (status, index) = get(served.port, "/");
    assert_eq!(status, 200);
    chinese(&index, "the index");
    for text in [
        "gongwen 预览 · 全部文稿",
        "<th>文稿</th><th>标题</th><th>查看</th>",
        ">版面</a>",
    ] {
        assert!(index.contains(text), "{text}: {index}");
    }

    let (_, split) = get(served.port, &format!("/s/{DOC}/v1"));
    chinese(&split, "the side-by-side view");
    assert!(split.contains("全部文稿</a>") && split.contains("title=\"版面\""));
    let (_, paged) = get(served.port, &format!("/p/{DOC}/v1"));
    chinese(&paged, "the paged view");
    assert!(paged.contains("第 1 页（页码 1）· 共 "), "{paged}");

    let page = broken_page(&served);
    chinese(&page, "the page of problems");
    assert!(
        page.contains("v2.yaml 有 1 处问题</h1>") && page.contains("请改正草稿后保存"),
        "{page}"
    );
    assert!(page.contains("v2.yaml:8:5"), "the problem's place: {page}");

    for (request, status, says) in [
        (format!("GET /d/{DOC}/v9 HTTP/1.1\r\n"), 404, "没有名为"),
        ("POST / HTTP/1.1\r\n".to_string(), 405, "预览只读"),
        ("GET /svg/x/y HTTP/1.1\r\n".to_string(), 404, "页的地址是"),
    ] {
        let request = format!(
            "{request}Host: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
            served.port
        );
        let (got, page) = raw(served.port, request.as_bytes());
        assert_eq!(got, status, "{request}");
        assert!(page.contains(says), "{request}: {page}");
        chinese(&page, &request);
    }
}

/// `--lang en` is English, whatever the locale: the same pages, none of them
/// in Chinese but for the drafts' own text.
#[test]
fn the_preview_speaks_english_when_asked() {
    let served = Served::start_in(&[("LANG", "zh_CN.UTF-8")], &["--lang", "en"]);
    let (status, index) = get(served.port, "/");
    assert_eq!(status, 200);
    assert!(index.contains("<html lang=\"en\">"), "{index}");
    for text in [
        "gongwen preview · all drafts",
        "<th>Draft</th><th>Title</th><th>Views</th>",
        ">Pages</a>",
        ">Side by side</a>",
    ] {
        assert!(index.contains(text), "{text}: {index}");
    }
    let page = broken_page(&served);
    assert!(page.contains("<html lang=\"en\">"), "{page}");
    assert!(
        page.contains("v2.yaml has 1 problem</h1>")
            && page.contains("Correct the draft and save it: this page updates itself."),
        "{page}"
    );
    let (status, missing) = get(served.port, &format!("/d/{DOC}/v9"));
    assert_eq!(status, 404);
    assert!(
        missing.contains(&format!("There is no draft named {DOC}/v9")),
        "{missing}"
    );
    for page in [&index, &page, &missing] {
        for chrome in ["全部文稿", "处问题", "版面", "请改正"] {
            assert!(!page.contains(chrome), "{chrome} in {page}");
        }
    }
}
