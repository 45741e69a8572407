//! The preview's HTTP side: one listening socket, a thread per request, the
//! addresses it answers and the ones it refuses. Only `GET` and `HEAD` are
//! answered; an address is a view and a draft's key, looked up among the
//! drafts found, never a path joined to the disk. Anything else is a 4xx
//! with a page saying why.
//!
//! | address | what |
//! |---|---|
//! | `/` | the index of documents and drafts |
//! | `/d/<key>` | the draft's HTML page |
//! | `/p/<key>` | its pages as the PDF prints them; `/svg/<n>/<key>` page n |
//! | `/s/<key>` | the HTML page beside the pages |
//! | `/r/<key>` | the redline against the draft before it |
//! | `/pdf/<key>.pdf` | the PDF |
//! | `/events` | server-sent events: `change`, with the keys of the drafts that changed |

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response};

use super::Preview;
use super::pages::{self, Tab};
use crate::diagnostic::Diagnostic;

/// The longest address answered.
pub const MAX_URL: usize = 2048;
/// The most header bytes a request may have.
pub const MAX_HEADERS: usize = 16 * 1024;
/// How many browsers may listen for changes at once.
const MAX_LISTENERS: usize = 64;
/// How often a listener is sent a comment, to notice a browser gone.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// An answer.
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn html(status: u16, body: String) -> Reply {
        Reply {
            status,
            content_type: "text/html; charset=utf-8",
            body: body.into_bytes(),
        }
    }

    pub fn svg(body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type: "image/svg+xml",
            body,
        }
    }

    pub fn pdf(body: Vec<u8>) -> Reply {
        Reply {
            status: 200,
            content_type: "application/pdf",
            body,
        }
    }

    /// A refusal or failure, with a page saying why.
    pub fn refused(status: u16, message: &str) -> Reply {
        Reply::html(status, pages::refusal(status, message))
    }
}

/// The preview's server, bound and ready.
pub struct Server {
    http: tiny_http::Server,
    preview: Arc<Preview>,
    /// The names besides `localhost` and IP addresses that the Host
    /// header may carry, lower-cased.
    allowed: Arc<[String]>,
    listeners: Arc<AtomicUsize>,
}

impl Server {
    /// Binds to `host:port` (port 0: any free one). Requests are answered
    /// when their Host header is `localhost`, an IP address or one of
    /// `allowed`.
    pub fn bind(
        preview: Arc<Preview>,
        host: IpAddr,
        port: u16,
        allowed: &[String],
    ) -> Result<Server, Diagnostic> {
        let http = tiny_http::Server::http(SocketAddr::new(host, port)).map_err(|e| {
            Diagnostic::error(
                std::path::Path::new("serve"),
                0,
                0,
                format!("cannot listen on {host}:{port}: {e}"),
            )
            .help("give another port with --port, or --port 0 for any free one")
        })?;
        Ok(Server {
            http,
            preview,
            allowed: allowed.iter().map(|n| n.to_ascii_lowercase()).collect(),
            listeners: Arc::new(AtomicUsize::new(0)),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.http.server_addr().to_ip()
    }

    /// Answers requests until the server is unblocked, each on its own thread.
    pub fn run(&self) {
        for request in self.http.incoming_requests() {
            let preview = Arc::clone(&self.preview);
            let listeners = Arc::clone(&self.listeners);
            let allowed = Arc::clone(&self.allowed);
            std::thread::spawn(move || answer(&preview, request, &allowed, &listeners));
        }
    }

    /// Stops [`Server::run`] and ends the listeners.
    pub fn stop(&self) {
        self.preview.close();
        self.http.unblock();
    }
}

/// Answers one request.
fn answer(preview: &Preview, request: Request, allowed: &[String], listeners: &AtomicUsize) {
    let reply = match refusal(&request, allowed) {
        Some(reply) => reply,
        None => {
            let (path, query) = request.url().split_once('?').unwrap_or((request.url(), ""));
            match segments(path) {
                Err(reply) => reply,
                Ok(segments) if segments == ["events"] => {
                    let since = query
                        .split('&')
                        .find_map(|q| q.strip_prefix("since="))
                        .and_then(|n| n.parse().ok());
                    return listen(preview, request, listeners, since);
                }
                Ok(segments) => route(preview, &segments, query.split('&').any(|q| q == "bare")),
            }
        }
    };
    send(request, reply);
}

/// Whether a request's `Accept-Encoding` takes gzip (and not with `q=0`).
fn accepts_gzip(request: &Request) -> bool {
    takes_gzip(
        request
            .headers()
            .iter()
            .filter(|h| h.field.equiv("Accept-Encoding"))
            .map(|h| h.value.as_str()),
    )
}

/// Whether Accept-Encoding headers with these values take gzip: named with
/// a weight above 0, or not named and `*` so taken; gzip named refused
/// (`gzip;q=0`) is refused whatever `*` says.
fn takes_gzip<'a>(values: impl Iterator<Item = &'a str>) -> bool {
    let (mut gzip, mut any) = (None, None);
    for coding in values.flat_map(|v| v.split(',')) {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let weight = parts
            .filter_map(|p| p.split_once('='))
            .find(|(k, _)| k.trim().eq_ignore_ascii_case("q"))
            .map_or(1.0, |(_, q)| q.trim().parse::<f32>().unwrap_or(0.0));
        if name.eq_ignore_ascii_case("gzip") || name.eq_ignore_ascii_case("x-gzip") {
            gzip = Some(gzip.unwrap_or(0.0f32).max(weight));
        } else if name == "*" {
            any = Some(weight);
        }
    }
    gzip.or(any).is_some_and(|q| q > 0.0)
}

/// `body` gzipped, if that is worth it.
fn gzipped(body: &[u8]) -> Option<Vec<u8>> {
    use std::io::Write;
    // Below this, the headers cost more than is saved.
    const WORTH_IT: usize = 1024;
    if body.len() < WORTH_IT {
        return None;
    }
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(body.len() / 4),
        // Level 4: a page of outlines to 30% in about 10 ms; level 1 leaves
        // 46%, and higher levels save little more for several times the time.
        flate2::Compression::new(4),
    );
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

/// Why a request is refused before its address is read, if it is.
pub fn refusal(request: &Request, allowed: &[String]) -> Option<Reply> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return Some(Reply::refused(405, "预览只读：只接受 GET 和 HEAD 请求"));
    }
    if request.url().len() > MAX_URL {
        return Some(Reply::refused(414, "地址太长"));
    }
    let header_bytes: usize = request
        .headers()
        .iter()
        .map(|h| h.field.as_str().as_str().len() + h.value.as_str().len() + 4)
        .sum();
    if header_bytes > MAX_HEADERS {
        return Some(Reply::refused(431, "请求头太大"));
    }
    if request.body_length().is_some_and(|n| n > 0) {
        return Some(Reply::refused(413, "预览的请求不带内容"));
    }
    // A page elsewhere that makes the browser ask a name of its own that
    // points here (DNS rebinding) is not answered: such a name is never an
    // IP address, nor `localhost`.
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_ascii_lowercase());
    let Some(host) = host else {
        return Some(Reply::refused(400, "请求缺少 Host 头"));
    };
    if !host_allowed(&host, allowed) {
        return Some(Reply::refused(
            403,
            "只回答发往 localhost、IP 地址或 --allow-host 所列名称的请求；\
             要用这个名称访问，请以 gongwen serve --allow-host 名称 启动",
        ));
    }
    None
}

/// Whether a Host header (lower-cased, with or without a port) names
/// `localhost`, an IP address or one of `allowed`.
fn host_allowed(host: &str, allowed: &[String]) -> bool {
    let name = host
        .rsplit_once(':')
        .filter(|(name, port)| {
            port.bytes().all(|b| b.is_ascii_digit()) && (!name.contains(':') || name.ends_with(']'))
        })
        .map_or(host, |(name, _)| name);
    let ipv6 = name
        .strip_prefix('[')
        .and_then(|n| n.strip_suffix(']'))
        .is_some_and(|n| n.parse::<std::net::Ipv6Addr>().is_ok());
    // A name may end in the root's dot: `drafts.lan.` is `drafts.lan`.
    let name = name.strip_suffix('.').unwrap_or(name);
    name == "localhost"
        || ipv6
        || name.parse::<std::net::Ipv4Addr>().is_ok()
        || allowed.iter().any(|a| a == name)
}

/// A name given to `--allow-host`, as a Host header names it: lower case,
/// without the root's dot; a port, a scheme or anything but a host name is
/// refused, saying why.
pub fn host_name(given: &str) -> Result<String, String> {
    let name = given.trim().to_ascii_lowercase();
    let name = name.strip_suffix('.').unwrap_or(&name);
    if name.contains("://") || name.contains('/') {
        return Err(format!(
            "{given:?} is an address; give the name alone (drafts.lan)"
        ));
    }
    if name.contains(':') {
        return Err(format!(
            "{given:?} has a port; give the name alone (the port is --port)"
        ));
    }
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if name.is_empty() || name.len() > 253 || !name.split('.').all(label_ok) {
        return Err(format!(
            "{given:?} is not a host name: letters, digits and hyphens, in labels joined by dots"
        ));
    }
    Ok(name.to_string())
}

/// The segments of an address's path, decoded; `..`, `.`, empty segments,
/// backslashes and control characters are refused.
pub fn segments(path: &str) -> Result<Vec<String>, Reply> {
    let Some(rest) = path.strip_prefix('/') else {
        return Err(Reply::refused(400, "地址须以 / 开头"));
    };
    if rest.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for raw in rest.split('/') {
        let segment = percent_decode_str(raw)
            .decode_utf8()
            .map_err(|_| Reply::refused(400, "地址不是 UTF-8"))?;
        if segment.is_empty()
            || segment == "."
            || segment == ".."
            || segment.contains(['/', '\\'])
            || segment.chars().any(char::is_control)
        {
            return Err(Reply::refused(
                400,
                "地址里不能有 ..、空段、反斜杠或控制字符",
            ));
        }
        out.push(segment.into_owned());
    }
    Ok(out)
}

/// The reply for a path.
fn route(preview: &Preview, segments: &[String], bare: bool) -> Reply {
    let Some((first, rest)) = segments.split_first() else {
        return preview.index();
    };
    let key = rest.join("/");
    match first.as_str() {
        "d" | "s" | "r" if !rest.is_empty() => {
            let tab = match first.as_str() {
                "d" => Tab::Html,
                "s" => Tab::Split,
                _ => Tab::Redline,
            };
            preview.page(tab, &key, bare)
        }
        "p" if !rest.is_empty() => preview.page(Tab::Paged, &key, bare),
        // `/svg/<n>/<key>`: the page number first, so no key can be read as one.
        "svg" if rest.len() > 1 => match rest[0].parse::<usize>() {
            Ok(n) => preview.page_svg(&rest[1..].join("/"), n),
            Err(_) => Reply::refused(404, "页的地址是 /svg/<页>/<文稿>"),
        },
        "pdf" if !rest.is_empty() => match key.strip_suffix(".pdf") {
            Some(key) => preview.pdf(key),
            None => Reply::refused(404, "PDF 的地址以 .pdf 结尾"),
        },
        _ => Reply::refused(404, "没有这个地址"),
    }
}

/// Sends a reply, gzipped for a browser that takes it (but a PDF, which is
/// compressed already); a browser gone meanwhile is no one's problem.
fn send(request: Request, reply: Reply) {
    // Nothing is cached: every answer is of the drafts as they are now.
    let mut headers = vec![
        ("Content-Type", reply.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Vary", "Accept-Encoding"),
    ];
    let mut body = reply.body;
    if reply.content_type != "application/pdf"
        && accepts_gzip(&request)
        && let Some(zipped) = gzipped(&body)
    {
        body = zipped;
        headers.push(("Content-Encoding", "gzip"));
    }
    let mut response = Response::from_data(body).with_status_code(reply.status);
    for (name, value) in headers {
        if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    if reply.status == 405
        && let Ok(h) = Header::from_bytes(&b"Allow"[..], &b"GET, HEAD"[..])
    {
        response.add_header(h);
    }
    let _ = request.respond(response);
}

/// Keeps a browser told of changes until it goes away or the server stops.
/// `since`: the round of news the page was made at; what came after it is
/// sent at once, so a change between the page and its listening is not missed.
fn listen(preview: &Preview, request: Request, listeners: &AtomicUsize, since: Option<u64>) {
    if listeners.fetch_add(1, Ordering::SeqCst) >= MAX_LISTENERS {
        listeners.fetch_sub(1, Ordering::SeqCst);
        return send(request, Reply::refused(503, "同时打开的预览页太多"));
    }
    let now = preview.news().round;
    let mut seen = since.map_or(now, |s| s.min(now));
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
                Connection: close\r\nX-Content-Type-Options: nosniff\r\n\r\nretry: 1000\n\n";
    let mut ok = out
        .write_all(head.as_bytes())
        .and_then(|()| out.flush())
        .is_ok();
    while ok {
        let news = preview.wait_news(seen, KEEP_ALIVE);
        if news.closed {
            break;
        }
        let message = if news.round > seen {
            let changed =
                serde_json::to_string(&news.since(seen)).unwrap_or_else(|_| "[\"*\"]".into());
            seen = news.round;
            format!("event: change\ndata: {{\"round\":{seen},\"changed\":{changed}}}\n\n")
        } else {
            ": still here\n\n".to_string()
        };
        drop(news);
        ok = out
            .write_all(message.as_bytes())
            .and_then(|()| out.flush())
            .is_ok();
    }
    listeners.fetch_sub(1, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_host_is_answered_by_an_address_localhost_or_an_allowed_name() {
        let allowed = ["drafts.lan".to_string()];
        for host in [
            "localhost",
            "localhost:8040",
            "127.0.0.1:8040",
            "192.168.1.20:8040",
            "10.0.0.7",
            "[::1]:8040",
            "[::1]",
            "[fe80::1]:80",
            "drafts.lan:8040",
        ] {
            assert!(host_allowed(host, &allowed), "{host}");
        }
        for host in [
            "drafts.example.com",
            "drafts.example.com:8040",
            "localhost.example.com",
            "127.0.0.1.nip.io:8040",
            "::1",
            "[drafts.lan]",
            "",
            "drafts.lan.evil",
        ] {
            assert!(!host_allowed(host, &allowed), "{host}");
        }
    }

    #[test]
    fn gzip_is_sent_when_taken_and_never_when_refused() {
        for taken in [
            "gzip",
            "gzip, deflate, br",
            "br;q=1.0, GZIP;q=0.5",
            "*",
            "identity, *;q=0.1",
            "x-gzip",
        ] {
            assert!(takes_gzip(std::iter::once(taken)), "{taken}");
        }
        for refused in [
            "",
            "br, deflate",
            "gzip;q=0",
            "gzip; Q=0",
            "gzip;q=0.000",
            "gzip;q=0, *",
            "*, gzip;q=0",
            "*;q=0",
            "identity",
        ] {
            assert!(!takes_gzip(std::iter::once(refused)), "{refused}");
        }
        // Two headers are one list.
        assert!(!takes_gzip(["*", "gzip;q=0"].into_iter()));
        assert!(takes_gzip(["br", "gzip"].into_iter()));
    }

    #[test]
    fn a_name_to_allow_is_a_host_name_alone() {
        assert_eq!(host_name("Drafts.LAN").unwrap(), "drafts.lan");
        assert_eq!(host_name("drafts.lan.").unwrap(), "drafts.lan");
        assert_eq!(host_name("gongwen-1").unwrap(), "gongwen-1");
        for bad in [
            "drafts.lan:8040",
            "http://drafts.lan",
            "drafts..lan",
            "",
            "-drafts",
            "草稿.lan",
            "drafts lan",
            "*.lan",
        ] {
            assert!(host_name(bad).is_err(), "{bad}");
        }
        assert!(host_name("drafts.lan:8040").unwrap_err().contains("--port"));
        let allowed = [host_name("Drafts.LAN.").unwrap()];
        assert!(host_allowed("drafts.lan.:8040", &allowed));
        assert!(host_allowed("localhost.", &allowed));
    }

    #[test]
    fn addresses_out_of_the_drafts_are_refused() {
        for bad in [
            "/d/../secret",
            "/d/%2e%2e/x",
            "/d/a//b",
            "/d/a%2fb",
            "/d/a%5cb",
            "/d/%00",
            "d/x",
            "/d/%ff",
        ] {
            assert_eq!(segments(bad).err().map(|r| r.status), Some(400), "{bad}");
        }
        assert_eq!(
            segments("/d/doc/%E7%AC%AC1%E7%A8%BF").ok().unwrap(),
            ["d", "doc", "第1稿"]
        );
        assert_eq!(segments("/").ok().unwrap(), Vec::<String>::new());
    }
}
