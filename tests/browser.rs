//! The HTML page as a reader first sees it in a real browser (headless
//! Chromium): the title and the table of contents are on the first screen, on
//! a desktop and on a phone. Needs the Debian package `chromium` (`.ci/run`
//! installs it); without it this test fails, unless GONGWEN_SKIP_TOOLS=1 is set.

use crate::common;

use std::path::Path;

/// Runs Chromium headless on a page and returns the DOM after its scripts ran.
fn dump_dom(browser: &Path, page: &Path, size: &str) -> String {
    let profile_dir = tempfile::tempdir().unwrap();
    let profile = format!("--user-data-dir={}", profile_dir.path().display());
    let size = format!("--window-size={size}");
    let url = format!("file://{}", page.display());
    common::run(
        browser,
        &[
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            // /dev/shm is small in containers; a full one crashes the renderer.
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            &profile,
            &size,
            "--dump-dom",
            &url,
        ],
    )
}

/// Where the title and the table of contents sit on the first screen, measured
/// by the browser itself.
const PROBE: &str = r#"<script>
addEventListener('load', () => {
  const h = innerHeight, w = innerWidth;
  const t = document.querySelector('h1').getBoundingClientRect();
  const n = document.querySelector('nav.toc').getBoundingClientRect();
  const p = document.querySelector('main p').getBoundingClientRect();
  const o = document.createElement('output');
  o.id = 'probe';
  o.textContent = JSON.stringify({
    title_visible: t.top >= 0 && t.bottom <= h && t.right <= w,
    toc_starts_on_screen: n.top < h && n.left >= 0 && n.right <= w,
    no_horizontal_scroll: document.documentElement.scrollWidth <= w,
    paragraph_indent: getComputedStyle(document.querySelector('main p')).textIndent,
    paragraph_width: Math.round(p.width)
  });
  document.body.appendChild(o);
});
</script></body>"#;

#[test]
fn the_first_screen_shows_the_title_and_the_toc_on_desktop_and_phone() {
    let Some(browser) = common::tool("chromium") else {
        return;
    };
    let renderer = common::renderer();
    let built = gongwen::build_draft(
        Path::new("drafts/chengdong-urbanization-2021/v1"),
        &renderer,
        &[gongwen::render::Format::Html],
    )
    .unwrap();
    let html = String::from_utf8(built.outputs[0].1.clone()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(&page, html.replace("</body>", PROBE)).unwrap();
    for size in ["1280,900", "412,915"] {
        let dom = dump_dom(&browser, &page, size);
        let start = dom
            .find("<output id=\"probe\">")
            .unwrap_or_else(|| panic!("no probe in DOM at {size}:\n{dom}"));
        let json = &dom[start + 19..dom[start..].find("</output>").unwrap() + start];
        let probe: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(probe["title_visible"], true, "{size}: {probe}");
        assert_eq!(probe["toc_starts_on_screen"], true, "{size}: {probe}");
        assert_eq!(probe["no_horizontal_scroll"], true, "{size}: {probe}");
        // Two characters of first-line indent at the page's font size.
        assert!(
            probe["paragraph_indent"].as_str().unwrap().ends_with("px"),
            "{probe}"
        );
    }
}
