//! HTTP/1.1 on one connection, as the preview speaks it: a request's head
//! read to its blank line (never further, never past [`MAX_URL`] and
//! [`MAX_HEADERS`], never slower than [`HEAD_TIME`]) and parsed by
//! `httparse` as HTTP says — a control character in it, a header line that
//! is none, is malformed; an answer written with its length (gzipped for
//! a browser that takes it); and a connection closed without the answer
//! being lost. What is answered is [`super::http`]'s to say.

use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::{Duration, Instant};

use super::http::{MAX_HEADERS, MAX_URL};
use crate::tr;

/// The most header lines a request may have.
const MAX_HEADER_LINES: usize = 128;
/// How long a request's head may take to come, and a connection kept open
/// may wait for the next one.
const HEAD_TIME: Duration = Duration::from_secs(30);
/// What is read and thrown away of a request being refused, at most, so
/// that closing the connection does not reset it before the answer arrives.
const LINGER: (usize, Duration) = (256 * 1024, Duration::from_secs(2));

/// A request that is not one: the status to answer with, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub status: u16,
    pub message: String,
}

impl Malformed {
    fn new(status: u16, message: String) -> Malformed {
        Malformed { status, message }
    }
}

/// A request's head as read: its request line and its header lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Head {
    pub method: String,
    /// The request target as sent (path and query, not decoded).
    pub target: String,
    /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    pub minor: u8,
    /// Each header line's name and value, in order.
    pub headers: Vec<(String, Vec<u8>)>,
}

impl Head {
    /// Parses a whole head (up to and with its blank line).
    pub fn parse(bytes: &[u8]) -> Result<Head, Malformed> {
        let mut lines = [httparse::EMPTY_HEADER; MAX_HEADER_LINES];
        let mut request = httparse::Request::new(&mut lines);
        match request.parse(bytes) {
            Ok(httparse::Status::Complete(_)) => Ok(Head {
                method: request.method.unwrap_or_default().to_string(),
                target: request.path.unwrap_or_default().to_string(),
                minor: request.version.unwrap_or(1),
                headers: request
                    .headers
                    .iter()
                    .map(|h| (h.name.to_string(), h.value.to_vec()))
                    .collect(),
            }),
            Ok(httparse::Status::Partial) => {
                Err(Malformed::new(400, tr!("preview-head-incomplete")))
            }
            Err(httparse::Error::TooManyHeaders) => {
                Err(Malformed::new(431, tr!("preview-too-many-headers")))
            }
            Err(httparse::Error::Version) => Err(Malformed::new(400, tr!("preview-http-version"))),
            Err(_) => Err(Malformed::new(400, tr!("preview-head-malformed"))),
        }
    }

    /// The values of the header lines with this name.
    pub fn values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a [u8]> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
    }

    /// The comma-separated elements of the header lines with this name.
    pub fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = String> + 'a {
        self.values(name).flat_map(|v| {
            String::from_utf8_lossy(v)
                .split(',')
                .map(|e| e.trim().to_string())
                .collect::<Vec<_>>()
        })
    }

    /// Whether a body follows the head, or might: a `Transfer-Encoding`, or
    /// a `Content-Length` other than 0.
    pub fn announces_body(&self) -> bool {
        self.values("Transfer-Encoding").next().is_some()
            || self
                .elements("Content-Length")
                .any(|n| n.is_empty() || n.bytes().any(|b| b != b'0'))
    }

    /// Whether the client asked to close the connection after the answer
    /// (HTTP/1.0 closes unless asked to keep it).
    pub fn closes(&self) -> bool {
        let said = |token: &str| {
            self.elements("Connection")
                .any(|e| e.eq_ignore_ascii_case(token))
        };
        said("close") || (self.minor == 0 && !said("keep-alive"))
    }

    /// Whether the request's `Accept-Encoding` takes gzip (and not with `q=0`).
    pub fn takes_gzip(&self) -> bool {
        let values: Vec<String> = self
            .values("Accept-Encoding")
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .collect();
        takes_gzip(values.iter().map(String::as_str))
    }

    /// Whether the connection can carry another request after this one:
    /// none was asked to close it, and no body (unread) stands before the next.
    pub fn keeps(&self) -> bool {
        !self.closes() && !self.announces_body()
    }
}

/// Reads the next request's head from the connection, with what `buffer`
/// holds of it already, and takes it out of the buffer. `None`: the client
/// closed the connection, or sent nothing for [`HEAD_TIME`].
pub fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Result<Option<Head>, Malformed> {
    // The request line, the header lines, and their line breaks.
    const MOST: usize = MAX_URL + MAX_HEADERS + 1024;
    let deadline = Instant::now() + HEAD_TIME;
    let mut looked: usize = 0;
    loop {
        // Blank lines before a request line are skipped, as HTTP allows.
        let blank = buffer
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        if blank > 0 {
            buffer.drain(..blank);
            looked = looked.saturating_sub(blank);
        }
        // The head ends at the first blank line; only what came since the
        // last look is searched, so a head sent a byte at a time is read once.
        if let Some(end) = head_end(buffer, looked) {
            let head = Head::parse(&buffer[..end]);
            buffer.drain(..end);
            return head.map(Some);
        }
        looked = buffer.len();
        if buffer.len() > MOST {
            let first_line = buffer.iter().position(|b| *b == b'\n');
            return Err(if first_line.is_none_or(|n| n > MAX_URL + 32) {
                Malformed::new(414, tr!("preview-url-too-long"))
            } else {
                Malformed::new(431, tr!("preview-headers-too-large"))
            });
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return if buffer.is_empty() {
                Ok(None)
            } else {
                Err(Malformed::new(408, tr!("preview-head-too-slow")))
            };
        }
        let _ = stream.set_read_timeout(Some(left));
        let mut chunk = [0u8; 8192];
        match stream.read(&mut chunk) {
            Ok(0) => return Ok(None),
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::Interrupted | ErrorKind::WouldBlock | ErrorKind::TimedOut
                ) => {}
            Err(_) => return Ok(None),
        }
    }
}

/// Where a head that starts at the start of `bytes` ends: after its blank
/// line (CRLF CRLF, or LF LF as `httparse` also reads), looked for from
/// about `from` on (what was looked at before holds no end).
fn head_end(bytes: &[u8], from: usize) -> Option<usize> {
    let from = from.saturating_sub(2);
    (from..bytes.len()).find_map(|i| {
        if bytes[i] != b'\n' {
            return None;
        }
        match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(b'\n'), _) => Some(i + 2),
            (Some(b'\r'), Some(b'\n')) => Some(i + 3),
            _ => None,
        }
    })
}

/// Writes an answer: the status, the fields, the length, and the body
/// unless `head_only` (a `HEAD`'s answer is the `GET`'s without its body).
pub fn write_answer(
    stream: &mut TcpStream,
    status: u16,
    fields: &[(&str, &str)],
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let mut out = status_line(status);
    for (name, value) in fields {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    stream.write_all(out.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

/// The status line and the date.
pub fn status_line(status: u16) -> String {
    format!(
        "HTTP/1.1 {status} {}\r\nDate: {}\r\n",
        reason(status),
        httpdate::fmt_http_date(std::time::SystemTime::now())
    )
}

/// The reason phrase of a status the preview answers with.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        414 => "URI Too Long",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    }
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
pub fn gzipped(body: &[u8]) -> Option<Vec<u8>> {
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

/// Closes a connection whose client may still be sending (a body refused):
/// what it sends is read and thrown away for a moment, so the answer is not
/// lost to a reset.
pub fn linger(mut stream: TcpStream) {
    let _ = stream.flush();
    let _ = stream.shutdown(Shutdown::Write);
    let until = Instant::now() + LINGER.1;
    let mut thrown = 0;
    let mut sink = [0u8; 8192];
    while thrown < LINGER.0 {
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() || stream.set_read_timeout(Some(left)).is_err() {
            break;
        }
        match stream.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => thrown += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_connection_is_kept_only_when_no_body_can_follow_and_none_is_asked_to_close() {
        let head = |text: &str| Head::parse(text.as_bytes()).unwrap();
        assert!(head("GET / HTTP/1.1\r\nHost: a\r\n\r\n").keeps());
        assert!(!head("GET / HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n").keeps());
        assert!(!head("GET / HTTP/1.0\r\nHost: a\r\n\r\n").keeps());
        assert!(head("GET / HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\n\r\n").keeps());
        assert!(!head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\n").keeps());
        assert!(!head("GET / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n").keeps());
        assert!(!head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n").keeps());
        assert!(head("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 00\r\n\r\n").keeps());
    }

    #[test]
    fn a_head_with_a_control_character_or_a_line_that_is_no_header_is_malformed() {
        let status = |text: &[u8]| Head::parse(text).err().map(|m| m.status);
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nX-Note: a\tb \xc3\xa9\r\n\r\n"),
            None
        );
        for bad in [
            &b"GET / HTTP/1.1\r\nX-Note: a\0b\r\n\r\n"[..],
            b"GET / HTTP/1.1\r\nX-Note: a\x1bb\r\n\r\n",
            b"GET / HTTP/1.1\r\nX-Note: a\x7fb\r\n\r\n",
            b"GET / HTTP/1.1\r\nX-Note: a\rb\r\n\r\n",
            b"GET / HTTP/1.1\r\nX-No te: a\r\n\r\n",
            b"GET / HTTP/1.1\r\nX-Note\r\n\r\n",
            b"GET / HTTP/1.1\r\n folded: a\r\n\r\n",
            b"GET /\x01 HTTP/1.1\r\n\r\n",
            b"GET / HTTP/2.0\r\n\r\n",
        ] {
            assert_eq!(status(bad), Some(400), "{:?}", String::from_utf8_lossy(bad));
        }
        let many = format!("GET / HTTP/1.1\r\n{}\r\n", "X: a\r\n".repeat(200));
        assert_eq!(status(many.as_bytes()), Some(431));
    }

    #[test]
    fn a_head_ends_at_its_first_blank_line() {
        let head = b"GET / HTTP/1.1\r\nHost: a\r\n\r\nrest";
        assert_eq!(head_end(head, 0), Some(27));
        // However the bytes came, the end is found looking only at the new ones.
        for looked in 0..27 {
            assert_eq!(head_end(&head[..looked], 0), None, "{looked}");
            assert_eq!(head_end(head, looked), Some(27), "{looked}");
        }
        assert_eq!(head_end(b"GET / HTTP/1.1\nHost: a\n\nrest", 0), Some(24));
        assert_eq!(head_end(b"GET / HTTP/1.1\r\nHost: a\r\n", 0), None);
    }
}
