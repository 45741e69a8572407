//! The preview's HTTP side: one listening socket, a thread per connection,
//! the addresses it answers and the ones it refuses. Only `GET` and `HEAD`
//! are answered; an address is a view and a draft's key, looked up among the
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
//!
//! A request is read only as far as its head ([`super::wire`]). The preview
//! takes no request body: a request that announces one, by `Content-Length`
//! or `Transfer-Encoding`, is answered 413 and its connection closed without
//! the body being read, so no byte of it is ever taken for a request. A
//! length that is not one (negative, not a number, two that differ) is a
//! 400, and so are two `Host` headers and a control character in the head.

use std::io::Write;
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use percent_encoding::percent_decode_str;

use super::Preview;
use super::hosts::host_allowed;
pub use super::hosts::host_name;
use super::pages::{self, Tab};
use super::wire::{self, Head};
use crate::diagnostic::Diagnostic;
use crate::tr;

/// The longest address answered.
pub const MAX_URL: usize = 2048;
/// The most header bytes a request may have.
pub const MAX_HEADERS: usize = 16 * 1024;
/// How many browsers may listen for changes at once.
const MAX_LISTENERS: usize = 64;
/// How many connections may be open at once (a browser opens six per tab).
const MAX_CONNECTIONS: usize = 256;
/// How often a listener is sent a comment, to notice a browser gone.
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long a browser may take to take an answer.
const WRITE_TIME: Duration = Duration::from_secs(30);
/// An answer.
#[derive(Debug)]
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

/// What the connections share.
struct Shared {
    preview: Arc<Preview>,
    /// The names besides `localhost` and IP addresses that the Host
    /// header may carry, lower-cased.
    allowed: Vec<String>,
    listeners: AtomicUsize,
    connections: AtomicUsize,
    stopped: AtomicBool,
}

/// The preview's server, bound and ready.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
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
        let listener = TcpListener::bind(SocketAddr::new(host, port)).map_err(|e| {
            Diagnostic::error(
                std::path::Path::new("serve"),
                0,
                0,
                tr!(
                    "preview-cannot-listen",
                    address = format!("{host}:{port}"),
                    error = e.to_string()
                ),
            )
            .help(tr!("preview-cannot-listen-help"))
        })?;
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                preview,
                allowed: allowed.iter().map(|n| n.to_ascii_lowercase()).collect(),
                listeners: AtomicUsize::new(0),
                connections: AtomicUsize::new(0),
                stopped: AtomicBool::new(false),
            }),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> Option<SocketAddr> {
        self.listener.local_addr().ok()
    }

    /// Answers connections until [`Server::stop`], each on its own thread.
    pub fn run(&self) {
        for stream in self.listener.incoming() {
            if self.shared.stopped.load(Ordering::SeqCst) {
                break;
            }
            let Ok(mut stream) = stream else { continue };
            if self.shared.connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                self.shared.connections.fetch_sub(1, Ordering::SeqCst);
                // A few hundred bytes fit any socket's buffer: this never waits.
                let _ = write_reply(
                    &mut stream,
                    None,
                    Reply::refused(503, &tr!("preview-too-many-connections")),
                    false,
                );
                continue;
            }
            let shared = Arc::clone(&self.shared);
            std::thread::spawn(move || {
                connection(stream, &shared);
                shared.connections.fetch_sub(1, Ordering::SeqCst);
            });
        }
    }

    /// Stops [`Server::run`] and ends the listeners.
    pub fn stop(&self) {
        self.shared.stopped.store(true, Ordering::SeqCst);
        self.shared.preview.close();
        // The loop waits in `accept`: a connection of its own wakes it.
        if let Some(mut addr) = self.addr() {
            if addr.ip().is_unspecified() {
                addr.set_ip(match addr.ip() {
                    IpAddr::V4(_) => IpAddr::from([127, 0, 0, 1]),
                    IpAddr::V6(_) => IpAddr::from(std::net::Ipv6Addr::LOCALHOST),
                });
            }
            let _ = TcpStream::connect_timeout(&addr, Duration::from_secs(1));
        }
    }
}

/// Answers the requests of one connection, one after another, until the
/// client closes it or asks to, or a request cannot be followed by another.
fn connection(mut stream: TcpStream, shared: &Shared) {
    let _ = stream.set_nodelay(true);
    let _ = stream.set_write_timeout(Some(WRITE_TIME));
    let mut buffer = Vec::new();
    loop {
        let head = match wire::read_head(&mut stream, &mut buffer) {
            Ok(Some(head)) => head,
            Ok(None) => return,
            Err(bad) => {
                let _ = write_reply(
                    &mut stream,
                    None,
                    Reply::refused(bad.status, &bad.message),
                    false,
                );
                return wire::linger(stream);
            }
        };
        // After a body (refused, never read), the next request's start is
        // not known: the connection ends with this answer.
        let keep = head.keeps();
        match answer(&shared.preview, &head, &shared.allowed) {
            Answer::Events(since) => return listen(shared, stream, &head, since),
            Answer::Reply(reply) => {
                if write_reply(&mut stream, Some(&head), reply, keep).is_err() {
                    return;
                }
            }
        }
        if !keep {
            return wire::linger(stream);
        }
    }
}

/// What a request is answered with.
enum Answer {
    Reply(Reply),
    /// The events, from this round on.
    Events(Option<u64>),
}

/// Answers one request.
fn answer(preview: &Arc<Preview>, head: &Head, allowed: &[String]) -> Answer {
    if let Some(reply) = refusal(head, allowed) {
        return Answer::Reply(reply);
    }
    let (path, query) = head.target.split_once('?').unwrap_or((&head.target, ""));
    match segments(path) {
        Err(reply) => Answer::Reply(reply),
        Ok(segments) if segments == ["events"] => Answer::Events(
            query
                .split('&')
                .find_map(|q| q.strip_prefix("since="))
                .and_then(|n| n.parse().ok()),
        ),
        Ok(segments) => Answer::Reply(route(
            preview,
            &segments,
            query.split('&').any(|q| q == "bare"),
        )),
    }
}

/// Why a request is refused before its address is read, if it is.
fn refusal(head: &Head, allowed: &[String]) -> Option<Reply> {
    // How long the body is must be known for certain, even to refuse it.
    if let Some(reply) = framing(head) {
        return Some(reply);
    }
    if !matches!(head.method.as_str(), "GET" | "HEAD") {
        return Some(Reply::refused(405, &tr!("preview-read-only")));
    }
    if head.target.len() > MAX_URL {
        return Some(Reply::refused(414, &tr!("preview-url-too-long")));
    }
    let header_bytes: usize = head
        .headers
        .iter()
        .map(|(n, v)| n.len() + v.len() + 4)
        .sum();
    if header_bytes > MAX_HEADERS {
        return Some(Reply::refused(431, &tr!("preview-headers-too-large")));
    }
    if head.announces_body() {
        return Some(Reply::refused(413, &tr!("preview-no-body")));
    }
    // A page elsewhere that makes the browser ask a name of its own that
    // points here (DNS rebinding) is not answered: such a name is never an
    // IP address, nor `localhost`.
    let mut hosts = head.values("Host");
    let host = match (hosts.next(), hosts.next()) {
        (Some(host), None) => String::from_utf8_lossy(host).to_ascii_lowercase(),
        (None, _) => return Some(Reply::refused(400, &tr!("preview-no-host"))),
        (Some(_), Some(_)) => {
            return Some(Reply::refused(400, &tr!("preview-two-hosts")));
        }
    };
    if !host_allowed(&host, allowed) {
        return Some(Reply::refused(403, &tr!("preview-host-refused")));
    }
    None
}

/// A 400 for a body whose length cannot be known: a `Content-Length` that
/// is not digits, two that differ, or one beside a `Transfer-Encoding`.
fn framing(head: &Head) -> Option<Reply> {
    let lengths: Vec<String> = head.elements("Content-Length").collect();
    if lengths.is_empty() {
        return None;
    }
    if head.values("Transfer-Encoding").next().is_some() {
        return Some(Reply::refused(400, &tr!("preview-length-and-chunked")));
    }
    if lengths
        .iter()
        .any(|n| n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(Reply::refused(400, &tr!("preview-length-not-number")));
    }
    // 0 and 00 are one length: compared without their leading zeros.
    let first = lengths[0].trim_start_matches('0');
    if lengths.iter().any(|n| n.trim_start_matches('0') != first) {
        return Some(Reply::refused(400, &tr!("preview-lengths-differ")));
    }
    None
}

/// The segments of an address's path, decoded; `..`, `.`, empty segments,
/// backslashes and control characters are refused.
pub fn segments(path: &str) -> Result<Vec<String>, Reply> {
    let Some(rest) = path.strip_prefix('/') else {
        return Err(Reply::refused(400, &tr!("preview-address-no-slash")));
    };
    if rest.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for raw in rest.split('/') {
        let segment = percent_decode_str(raw)
            .decode_utf8()
            .map_err(|_| Reply::refused(400, &tr!("preview-address-not-utf8")))?;
        if segment.is_empty()
            || segment == "."
            || segment == ".."
            || segment.contains(['/', '\\'])
            || segment.chars().any(char::is_control)
        {
            return Err(Reply::refused(400, &tr!("preview-address-bad-segment")));
        }
        out.push(segment.into_owned());
    }
    Ok(out)
}

/// The reply for a path.
fn route(preview: &Arc<Preview>, segments: &[String], bare: bool) -> Reply {
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
            Err(_) => Reply::refused(404, &tr!("preview-svg-address")),
        },
        "pdf" if !rest.is_empty() => match key.strip_suffix(".pdf") {
            Some(key) => preview.pdf(key),
            None => Reply::refused(404, &tr!("preview-pdf-address")),
        },
        _ => Reply::refused(404, &tr!("preview-no-such-address")),
    }
}

/// Writes a reply, gzipped for a browser that takes it (but a PDF, which is
/// compressed already); to a `HEAD`, the head alone, as the `GET` would have it.
fn write_reply(
    stream: &mut TcpStream,
    head: Option<&Head>,
    reply: Reply,
    keep: bool,
) -> std::io::Result<()> {
    let mut body = reply.body;
    let mut fields = vec![
        ("Content-Type", reply.content_type),
        // Nothing is cached: every answer is of the drafts as they are now.
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Vary", "Accept-Encoding"),
    ];
    if reply.content_type != "application/pdf"
        && head.is_some_and(Head::takes_gzip)
        && let Some(zipped) = wire::gzipped(&body)
    {
        body = zipped;
        fields.push(("Content-Encoding", "gzip"));
    }
    if reply.status == 405 {
        fields.push(("Allow", "GET, HEAD"));
    }
    fields.push(("Connection", if keep { "keep-alive" } else { "close" }));
    let head_only = head.is_some_and(|h| h.method == "HEAD");
    wire::write_answer(stream, reply.status, &fields, &body, head_only)
}

/// Keeps a browser told of changes until it goes away or the server stops.
/// `since`: the round of news the page was made at; what came after it is
/// sent at once, so a change between the page and its listening is not
/// missed. A `HEAD` is the head alone, at once.
fn listen(shared: &Shared, mut out: TcpStream, head: &Head, since: Option<u64>) {
    let listeners = &shared.listeners;
    let preview = &shared.preview;
    if head.method == "HEAD" {
        let _ = out.write_all(events_head().as_bytes());
        return wire::linger(out);
    }
    if listeners.fetch_add(1, Ordering::SeqCst) >= MAX_LISTENERS {
        listeners.fetch_sub(1, Ordering::SeqCst);
        let reply = Reply::refused(503, &tr!("preview-too-many-listeners"));
        let _ = write_reply(&mut out, Some(head), reply, false);
        return wire::linger(out);
    }
    let now = preview.news().round;
    let mut seen = since.map_or(now, |s| s.min(now));
    let first = format!("{}retry: 1000\n\n", events_head());
    let mut ok = out
        .write_all(first.as_bytes())
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
    let _ = out.shutdown(Shutdown::Both);
}

/// The head of the events' answer: a stream, until the connection closes.
fn events_head() -> String {
    format!(
        "{}Content-Type: text/event-stream\r\nCache-Control: no-store\r\n\
         X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        wire::status_line(200)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The status a head is refused with, or 0 if it is not.
    fn refused(head: &str) -> u16 {
        let bytes = format!("GET / HTTP/1.1\r\nHost: localhost\r\n{head}\r\n");
        match Head::parse(bytes.as_bytes()) {
            Ok(head) => refusal(&head, &[]).map_or(0, |r| r.status),
            Err(bad) => bad.status,
        }
    }

    #[test]
    fn a_body_or_a_length_that_is_not_one_or_two_hosts_are_refused() {
        for (head, want) in [
            ("", 0),
            ("Content-Length: 0\r\n", 0),
            ("Content-Length: 00, 0\r\nContent-Length: 0\r\n", 0),
            ("Content-Length: 5\r\n", 413),
            ("Content-Length: 99999999999999999999999\r\n", 413),
            ("Transfer-Encoding: chunked\r\n", 413),
            ("Transfer-Encoding: gzip, chunked\r\n", 413),
            ("Content-Length: -1\r\n", 400),
            ("Content-Length: 1.0\r\n", 400),
            ("Content-Length: \r\n", 400),
            ("Content-Length: 5, 6\r\n", 400),
            ("Content-Length: 5\r\nContent-Length: 6\r\n", 400),
            ("Content-Length: 0\r\nTransfer-Encoding: chunked\r\n", 400),
            ("Host: localhost\r\n", 400),
            ("Host: elsewhere.example\r\n", 400),
        ] {
            assert_eq!(refused(head), want, "{head:?}");
        }
        let missing = Head::parse(b"GET / HTTP/1.1\r\n\r\n").unwrap();
        assert_eq!(refusal(&missing, &[]).map(|r| r.status), Some(400));
        let post = Head::parse(b"POST / HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
        assert_eq!(refusal(&post, &[]).map(|r| r.status), Some(405));
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
