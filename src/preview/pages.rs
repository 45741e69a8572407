//! The preview's own pages around the views the templates render: the index
//! of drafts, the bar above each view, the paged view, the side-by-side view
//! and the page of a draft's problems. Every page names the drafts it shows
//! in a `<meta name="gongwen-watch">`; its script swaps in the page afresh
//! when the server says one of them changed, keeping the place scrolled to.
//! Without script a page is complete, and a reload shows the latest. Their
//! texts are the catalogues' `preview-…` messages, in the language the
//! server was started in, which the page's `lang` names.

use std::fmt::Write as _;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::text::escape_html as esc;
use crate::tr;

/// What is kept as it is in a key put into an address: letters, digits, `-._~` and `/`.
const KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// A draft's key as it goes in an address.
pub fn href(key: &str) -> String {
    utf8_percent_encode(key, KEPT).to_string()
}

/// The script every page carries: listens for changes (one connection per
/// tab: the side-by-side page passes the news to its panes, and a hidden tab
/// lets go of its connection, as browsers allow six per server), and swaps
/// the page in afresh when a draft it shows changed.
const LIVE: &str = r#"<script>
(function () {
  if (!window.EventSource || !window.fetch || !window.DOMParser) return;
  var asked = 0, EVERYTHING = { changed: ['*'] };
  function meta() { return document.querySelector('meta[name="gongwen-watch"]'); }
  function watched() {
    var m = meta();
    try { return m ? JSON.parse(m.content) : []; } catch (e) { return []; }
  }
  function refresh() {
    var mine = ++asked;
    fetch(location.href, { cache: 'no-store' })
      .then(function (r) {
        if (!r.ok && r.status !== 404) throw new Error(String(r.status));
        return r.text();
      })
      .then(function (text) {
        if (mine !== asked) return;
        var fresh = new DOMParser().parseFromString(text, 'text/html');
        document.title = fresh.title;
        var bar = document.getElementById('gw-bar'), fresh_bar = fresh.getElementById('gw-bar');
        if (document.body.classList.contains('gw-split') && bar && fresh_bar) {
          // The side-by-side page keeps its panes (they update themselves)
          // and takes the new bar and the round it is as of.
          bar.replaceWith(document.adoptNode(fresh_bar));
          var m = meta(), fresh_meta = fresh.querySelector('meta[name="gongwen-watch"]');
          if (m && fresh_meta) m.replaceWith(document.adoptNode(fresh_meta));
          return;
        }
        var x = window.scrollX, y = window.scrollY;
        document.head.innerHTML = fresh.head.innerHTML;
        document.body.replaceWith(document.adoptNode(fresh.body));
        window.scrollTo(x, y);
      })
      .catch(function () {});
  }
  function heard(news) {
    for (var i = 0; i < window.frames.length; i++) {
      window.frames[i].postMessage({ gongwen: news }, location.origin);
    }
    var mine = watched();
    if (mine.indexOf('*') >= 0 || news.changed.indexOf('*') >= 0 ||
        news.changed.some(function (k) { return mine.indexOf(k) >= 0; })) refresh();
  }
  if (window.parent !== window) {
    window.addEventListener('message', function (e) {
      if (e.origin === location.origin && e.data && e.data.gongwen) heard(e.data.gongwen);
    });
    return;
  }
  var source = null, lost = false;
  function listen() {
    var m = meta();
    source = new EventSource('/events?since=' + encodeURIComponent(m ? m.getAttribute('data-round') : ''));
    window.gongwenLive = source;
    source.addEventListener('change', function (event) { heard(JSON.parse(event.data)); });
    source.addEventListener('error', function () { lost = true; });
    // Whatever changed while the page was not listening: the page and its
    // panes, if any, are fetched again.
    source.addEventListener('open', function () { if (lost) { lost = false; heard(EVERYTHING); } });
  }
  document.addEventListener('visibilitychange', function () {
    if (document.hidden && source) { source.close(); source = null; }
    else if (!document.hidden && !source) { listen(); heard(EVERYTHING); }
  });
  if (!document.hidden) listen();
})();
</script>"#;

/// The `<meta>` naming the drafts a page shows (as JSON: keys may hold
/// spaces) and the round of news it is as of.
pub fn watch_meta(keys: &[&str], round: u64) -> String {
    let keys = serde_json::to_string(keys).unwrap_or_else(|_| "[]".to_string());
    format!(
        "<meta name=\"gongwen-watch\" content=\"{}\" data-round=\"{round}\">",
        esc(&keys)
    )
}

/// The preview's own style: the bar, the index, the paged view, the problems.
const STYLE: &str = r#"<style>
#gw-bar { position: sticky; top: 0; z-index: 10; display: flex; gap: 1em; align-items: baseline;
  flex-wrap: wrap; padding: .45em 1em; background: #27374d; color: #fff;
  font: 14px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; }
#gw-bar a { color: #dde6ed; text-decoration: none; padding: .1em .5em; border-radius: 3px; }
#gw-bar a.here { background: #526d82; color: #fff; }
#gw-bar .title { font-weight: 600; margin-right: auto; }
body.gw-own { margin: 0; }
.gw-page h1 { font-size: 1.4em; word-break: break-all; }
.gw-page { font: 15px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; max-width: 60em; margin: 1.5em auto; padding: 0 1em; }
.gw-page table { border-collapse: collapse; }
.gw-page td:last-child { white-space: nowrap; }
.gw-page td, .gw-page th { padding: .3em .8em; border-bottom: 1px solid #ccc; text-align: left; }
.gw-problem { border-left: 4px solid #b42318; background: #fef3f2; padding: .6em 1em; margin: 1em 0; }
.gw-problem .place { font-family: ui-monospace, monospace; color: #b42318; }
.gw-problem pre { white-space: pre-wrap; font: 13px/1.5 ui-monospace, "Noto Sans Mono CJK SC", monospace; }
body.gw-paged { background: #d9dde2; margin: 0; }
.gw-sheets { display: flex; flex-direction: column; align-items: center; gap: 1.2em; padding: 1.5em 0 3em; }
.gw-sheet { margin: 0; text-align: center; }
.gw-sheet img { display: block; width: min(210mm, 96vw); height: auto; background: #fff;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.gw-sheet figcaption { font: 12px system-ui, sans-serif; color: #555; margin-top: .3em; }
body.gw-split { margin: 0; display: flex; flex-direction: column; height: 100vh; }
.gw-panes { flex: 1; display: flex; min-height: 0; }
.gw-panes iframe { flex: 1; border: 0; border-left: 1px solid #999; }
</style>"#;

/// Which view of a draft a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Html,
    Paged,
    Split,
    Redline,
}

/// The bar above a view: the draft, and links to its other views.
pub fn bar(key: &str, title: &str, here: Tab, has_redline: bool) -> String {
    let k = href(key);
    let link = |tab: Tab, path: &str, label: &str| {
        let class = if tab == here { " class=\"here\"" } else { "" };
        format!("<a{class} href=\"/{path}/{k}\">{label}</a>")
    };
    let mut out = format!(
        "<nav id=\"gw-bar\"><a href=\"/\">{}</a><span class=\"title\">{} · {}</span>",
        esc(&tr!("preview-all-drafts")),
        esc(title),
        esc(key)
    );
    out.push_str(&link(Tab::Html, "d", &tr!("preview-tab-html")));
    out.push_str(&link(Tab::Paged, "p", &tr!("preview-tab-paged")));
    out.push_str(&link(Tab::Split, "s", &tr!("preview-tab-split")));
    if has_redline {
        out.push_str(&link(Tab::Redline, "r", &tr!("preview-tab-redline")));
    }
    let _ = write!(out, "<a href=\"/pdf/{k}.pdf\">PDF</a></nav>");
    out
}

/// The `lang` of the preview's own pages: the language the server speaks.
fn html_lang() -> &'static str {
    match crate::i18n::current() {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// The head of the preview's own pages.
fn head(title: &str, meta: &str, body_class: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         {meta}<title>{}</title>{STYLE}</head><body class=\"gw-own {body_class}\">",
        html_lang(),
        esc(title)
    )
}

fn tail() -> String {
    format!(
        "<noscript><p class=\"gw-page\">{}</p></noscript>{LIVE}</body></html>\n",
        esc(&tr!("preview-noscript"))
    )
}

/// A view the templates rendered (a draft's or a redline's HTML page) with
/// the bar put at the top of its body, the watch named and the script at
/// its end. `bare` leaves out the bar (inside the side-by-side view).
pub fn around(html: &str, bar: &str, meta: &str, bare: bool) -> String {
    let meta = format!("{meta}{STYLE}");
    let mut out = String::with_capacity(html.len() + 4096);
    let (before_head_end, rest) = html.split_at(html.find("</head>").unwrap_or(0));
    out.push_str(before_head_end);
    out.push_str(&meta);
    match rest
        .find("<body")
        .and_then(|at| rest[at..].find('>').map(|end| at + end + 1))
    {
        Some(body) => {
            out.push_str(&rest[..body]);
            if !bare {
                out.push_str(bar);
            }
            out.push_str(&rest[body..]);
        }
        None => out.push_str(rest),
    }
    let end = out.rfind("</body>").unwrap_or(out.len());
    out.insert_str(end, LIVE);
    out
}

/// The index: every document and its drafts, each with its views.
pub fn index(
    meta: &str,
    drafts: &[(String, String, bool, Option<usize>)],
    listing: Option<&Diagnostic>,
) -> String {
    let mut out = head(&tr!("preview-index-title"), meta, "");
    let _ = write!(
        out,
        "<nav id=\"gw-bar\"><span class=\"title\">{}</span></nav><main class=\"gw-page\">",
        esc(&tr!("preview-index-bar"))
    );
    if let Some(d) = listing {
        out.push_str(&problem(d));
    }
    if drafts.is_empty() && listing.is_none() {
        let _ = write!(out, "<p>{}</p>", esc(&tr!("preview-index-none")));
    }
    let _ = write!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!("preview-index-draft")),
        esc(&tr!("preview-index-heading-title")),
        esc(&tr!("preview-index-views"))
    );
    let (html, paged, split, redline_tab) = (
        esc(&tr!("preview-tab-html")),
        esc(&tr!("preview-tab-paged")),
        esc(&tr!("preview-tab-split")),
        esc(&tr!("preview-tab-redline")),
    );
    for (key, title, redline, problems) in drafts {
        let k = href(key);
        let _ = write!(
            out,
            "<tr><td><a href=\"/d/{k}\">{}</a></td><td>{}</td><td><a href=\"/d/{k}\">{html}</a> · \
             <a href=\"/p/{k}\">{paged}</a> · <a href=\"/s/{k}\">{split}</a>",
            esc(key),
            match problems {
                Some(n) => format!(
                    "<span class=\"place\" style=\"color:#b42318\">{}</span>",
                    esc(&tr!("preview-index-problems", count = *n))
                ),
                None => esc(title),
            }
        );
        if *redline {
            let _ = write!(out, " · <a href=\"/r/{k}\">{redline_tab}</a>");
        }
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></main>");
    out.push_str(&tail());
    out
}

/// A page size and the number printed on it.
pub struct Sheet {
    pub width_pt: f64,
    pub height_pt: f64,
    pub printed: u64,
}

/// The pages a paged view shows.
pub struct Sheets {
    pub sheets: Vec<Sheet>,
    /// The layout they are of (their addresses carry it).
    pub stamp: u64,
    /// Whether more pages are still being laid out.
    pub more: bool,
}

/// The paged view: each page as the PDF prints it.
pub fn paged(bar: &str, meta: &str, key: &str, title: &str, laid: &Sheets, bare: bool) -> String {
    let mut out = head(&tr!("preview-paged-title", title = title), meta, "gw-paged");
    if !bare {
        out.push_str(bar);
    }
    out.push_str("<main class=\"gw-sheets\">");
    let k = href(key);
    let stamp = laid.stamp;
    let count = laid.sheets.len();
    for (i, sheet) in laid.sheets.iter().enumerate() {
        let n = i + 1;
        // Pixel sizes at 96 dpi, so the page holds its place before it loads.
        let (w, h) = (sheet.width_pt * 4.0 / 3.0, sheet.height_pt * 4.0 / 3.0);
        let printed = sheet.printed;
        // Until the whole is laid out, the count is of the pages so far: not said.
        let caption = if laid.more {
            tr!("preview-sheet", page = n, printed = printed)
        } else {
            tr!(
                "preview-sheet-of",
                page = n,
                printed = printed,
                count = count
            )
        };
        let _ = write!(
            out,
            "<figure class=\"gw-sheet\" id=\"page-{n}\"><img src=\"/svg/{n}/{k}?v={stamp}\" \
             width=\"{w:.0}\" height=\"{h:.0}\" loading=\"lazy\" alt=\"{}\">\
             <figcaption>{}</figcaption></figure>",
            esc(&tr!("preview-sheet-alt", page = n)),
            esc(&caption),
        );
    }
    if laid.more {
        let _ = write!(
            out,
            "<p class=\"gw-page gw-more\">{}</p>",
            esc(&tr!("preview-paged-more"))
        );
    }
    out.push_str("</main>");
    out.push_str(&tail());
    out
}

/// The side-by-side view: the HTML view beside the pages.
pub fn split(bar: &str, meta: &str, key: &str, title: &str) -> String {
    let k = href(key);
    let mut out = head(&tr!("preview-split-title", title = title), meta, "gw-split");
    out.push_str(bar);
    let _ = write!(
        out,
        "<div class=\"gw-panes\"><iframe src=\"/d/{k}?bare\" title=\"{}\"></iframe>\
         <iframe src=\"/p/{k}?bare\" title=\"{}\"></iframe></div>",
        esc(&tr!("preview-tab-html")),
        esc(&tr!("preview-tab-paged"))
    );
    // The script here listens and passes the news to the panes.
    out.push_str(&tail());
    out
}

/// A draft's problems, in place of its view.
pub fn problems(bar: &str, meta: &str, heading: &str, problems: &[Diagnostic]) -> String {
    let mut out = head(heading, meta, "");
    out.push_str(bar);
    let _ = write!(
        out,
        "<main class=\"gw-page\"><h1>{}</h1><p>{}</p>",
        esc(heading),
        esc(&tr!("preview-problems-fix"))
    );
    for d in problems {
        out.push_str(&problem(d));
    }
    out.push_str("</main>");
    out.push_str(&tail());
    out
}

/// Problems worth showing above a view that could still be made (the
/// comments file of a redline's older draft): empty when there are none.
pub fn notice(heading: &str, problems: &[Diagnostic]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut out = format!("<aside class=\"gw-page\"><h2>{}</h2>", esc(heading));
    for d in problems {
        out.push_str(&problem(d));
    }
    out.push_str("</aside>");
    out
}

/// One problem: where, what, the line and how to fix it.
fn problem(d: &Diagnostic) -> String {
    format!(
        "<section class=\"gw-problem\"><div class=\"place\">{}</div><div>{}</div><pre>{}</pre></section>",
        esc(&d.place()),
        esc(&d.message),
        esc(&d.render())
    )
}

/// A page for a request that cannot be answered (unknown draft, bad address).
pub fn refusal(status: u16, message: &str) -> String {
    let mut out = head(&format!("{status}"), "", "");
    let _ = writeln!(
        out,
        "<main class=\"gw-page\"><h1>{status}</h1><p>{}</p><p><a href=\"/\">{}</a></p></main></body></html>",
        esc(message),
        esc(&tr!("preview-all-drafts"))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_named_as_json_and_escaped() {
        let meta = watch_meta(&["关于 \"测试\" <b>/v1"], 7);
        assert_eq!(
            meta,
            "<meta name=\"gongwen-watch\" content=\"[&quot;关于 \\&quot;测试\\&quot; &lt;b&gt;/v1&quot;]\" data-round=\"7\">"
        );
        assert_eq!(
            href("关于 测试/v1"),
            "%E5%85%B3%E4%BA%8E%20%E6%B5%8B%E8%AF%95/v1"
        );
        let page = bar("a<b>/v1", "标题<script>", Tab::Html, true);
        assert!(
            !page.contains("<script>") && !page.contains("a<b>"),
            "{page}"
        );
    }
}
