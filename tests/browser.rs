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

/// The face of each line of the redline's marked-up draft, as the browser
/// computes it: headings against the paragraphs under them.
const FACES: &str = r#"<script>
addEventListener('load', () => {
  const face = e => getComputedStyle(e).fontFamily;
  const o = document.createElement('output');
  o.id = 'probe';
  o.textContent = JSON.stringify({
    body: face(document.body),
    l1_headings: [...document.querySelectorAll('.draft h3.l1')].map(face),
    paragraphs: [...document.querySelectorAll('.draft p')].map(e => [e.className, face(e)])
  });
  document.body.appendChild(o);
});
</script></body>"#;

#[test]
fn the_redline_sets_a_heading_in_hei_and_the_text_under_it_in_fangsong() {
    let Some(browser) = common::tool("chromium") else {
        return;
    };
    let out = assert_cmd::Command::cargo_bin("gongwen")
        .unwrap()
        .args([
            "diff",
            "drafts/chengdong-urbanization-2021/v1",
            "drafts/chengdong-urbanization-2021/v2.yaml",
            "--format",
            "html",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let html = String::from_utf8(out.stdout).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("redline.html");
    std::fs::write(&page, html.replace("</body>", FACES)).unwrap();
    let dom = dump_dom(&browser, &page, "1280,900");
    let start = dom.find("<output id=\"probe\">").expect("no probe in DOM");
    let json = &dom[start + 19..dom[start..].find("</output>").unwrap() + start];
    let probe: serde_json::Value = serde_json::from_str(json).unwrap();
    let body = probe["body"].as_str().unwrap();
    let headings = probe["l1_headings"].as_array().unwrap();
    // 一、总体要求 … 六、: every level-one heading, in the heading face.
    assert_eq!(headings.len(), 6, "{probe}");
    assert!(headings.iter().all(|h| h != body), "{probe}");
    // Every paragraph, the one under the changed 一、总体要求 among them, in
    // the body face.
    let paragraphs = probe["paragraphs"].as_array().unwrap();
    assert!(
        paragraphs.iter().any(|p| p[0] == "l1 s-modified"),
        "{probe}"
    );
    for p in paragraphs {
        assert_eq!(p[1], body, "{p}");
    }
}
