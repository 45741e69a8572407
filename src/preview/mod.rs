//! Live preview while drafting: `gongwen serve` shows each draft as its HTML
//! page, as the PDF's own pages (laid out by the same typst template, shown
//! as SVG) and as the redline against the draft before it, and updates open
//! browsers when a draft changes on disk; `gongwen watch` ([`watch`]) writes
//! the outputs again instead.
//!
//! A [`Preview`] holds the drafts as last loaded ([`state`]) and lays pages
//! out on demand, once per version of a draft, through a [`Renderer`] that
//! keeps its typst worlds: an edit of one paragraph lays out again only what
//! it touched. The server ([`http`]) answers only for drafts it found: an
//! address is looked up among them, never joined to a path on disk, and
//! nothing it does writes to a draft.
//!
//! What it holds is bounded, so serving a draft of 20,000 parts costs about
//! what building its PDF does: the pages of the drafts last viewed, up to
//! [`PAGE_BUDGET`] pages (the last one's always), and typst's memory of the
//! last layout only. A draft laid out for the first time shows its first
//! pages at once while the rest are laid out ([`views`]).

mod hosts;
pub mod http;
pub mod pages;
pub mod state;
mod views;
pub mod watch;
pub mod watcher;
mod wire;

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use typst_layout::PagedDocument;

use crate::diagnostic::Diagnostic;
use crate::render::Renderer;
use state::{Changes, Drafts};

/// Makes the renderer again (when a template override changes).
pub type MakeRenderer = Box<dyn Fn() -> Result<Renderer, Diagnostic> + Send + Sync>;

/// Whether any of `changed` is inside one of `folders`, both taken as
/// absolute paths (the watcher reports absolute ones; folders are as given).
pub fn touches(changed: &[PathBuf], folders: &[PathBuf]) -> bool {
    let absolute = |p: &PathBuf| std::path::absolute(p).unwrap_or_else(|_| p.clone());
    let folders: Vec<PathBuf> = folders.iter().map(absolute).collect();
    changed
        .iter()
        .any(|p| folders.iter().any(|f| absolute(p).starts_with(f)))
}

/// How many pages are kept laid out, of the drafts viewed last: a few
/// drafts the size of the Civil Code (234 pages). The draft viewed last is
/// kept whatever its size.
pub const PAGE_BUDGET: usize = 500;

/// How many rounds of news are kept for a browser that missed some.
const KEPT_NEWS: usize = 32;

/// The drafts, their pages as last laid out, and the news of changes.
pub struct Preview {
    live: Mutex<Live>,
    /// Told when a layout ends (for the requests waiting for it).
    laid: Condvar,
    make_renderer: MakeRenderer,
    /// The folders whose changes make the renderer again: the template
    /// overrides, the font folders.
    settings: Vec<PathBuf>,
    news: Mutex<News>,
    news_came: Condvar,
}

struct Live {
    drafts: Drafts,
    renderer: Result<Arc<Renderer>, Diagnostic>,
    /// Moves each time the renderer is made again.
    renderer_round: u64,
    /// The drafts' pages as last laid out, by key, as of a version of the
    /// draft and renderer: those used last, within [`PAGE_BUDGET`].
    paged: HashMap<String, Paged>,
    /// The layouts under way, by key and the version they are of.
    laying: HashMap<(String, Of), Laying>,
    /// Moves with each layout; pages' addresses carry it, so a browser's
    /// copy of a page is never mistaken for the new one.
    stamp: u64,
    /// Moves with each use of laid-out pages: which were used last.
    used: u64,
    /// The draft laid out last: typst remembers what its layout used.
    last_laid: Option<String>,
}

/// A version of a draft and of the renderer: what pages are laid out from.
type Of = (u64, u64);

/// Whether pages laid out from `a` are as new as `b` asks for, or newer.
fn as_new(a: Of, b: Of) -> bool {
    a.0 >= b.0 && a.1 >= b.1
}

/// A draft's pages, laid out.
struct Paged {
    of: Of,
    stamp: u64,
    used: u64,
    result: Result<Arc<PagedDocument>, Vec<Diagnostic>>,
}

/// A layout under way.
#[derive(Default)]
struct Laying {
    /// The first pages, when they are shown before the rest: the stamp, the
    /// pages, and how many of them are as the whole will have them.
    beginning: Option<(u64, Arc<PagedDocument>, usize)>,
}

/// The drafts whose pages go so that no more than `budget` pages are kept,
/// those used last kept first (the last always): from (key, last used,
/// pages) for each draft.
fn beyond_budget(kept: &[(String, u64, usize)], budget: usize) -> Vec<String> {
    let mut by_use: Vec<&(String, u64, usize)> = kept.iter().collect();
    by_use.sort_by_key(|d| std::cmp::Reverse(d.1));
    let mut pages = 0;
    let mut gone = Vec::new();
    for (i, (key, _, n)) in by_use.into_iter().enumerate() {
        pages += n;
        if i > 0 && pages > budget {
            gone.push(key.clone());
        }
    }
    gone
}

/// Each draft's pages kept, when last used, and how many.
fn kept_pages(paged: &HashMap<String, Paged>) -> Vec<(String, u64, usize)> {
    paged
        .iter()
        .map(|(key, p)| {
            let pages = p.result.as_ref().map_or(0, |d| d.pages().len());
            (key.clone(), p.used, pages)
        })
        .collect()
}

/// Drops the pages of the drafts used longest ago while more than
/// [`PAGE_BUDGET`] pages are kept; those used last are kept in any case.
fn keep_within_budget(paged: &mut HashMap<String, Paged>) {
    for key in beyond_budget(&kept_pages(paged), PAGE_BUDGET) {
        paged.remove(&key);
    }
}

/// Before another draft than `next` is laid out: the pages of the others
/// are cut to half the budget, so that a long one and the draft about to be
/// laid out are not held at once. Whether any went.
fn make_room(paged: &mut HashMap<String, Paged>, next: &str) -> bool {
    let others: Vec<(String, u64, usize)> = kept_pages(paged)
        .into_iter()
        .filter(|(key, _, _)| key != next)
        .collect();
    // The budget's other half is for `next`: none of the others is kept for sure.
    let mut gone = beyond_budget(&others, PAGE_BUDGET / 2);
    if let Some((first, _, n)) = others.iter().max_by_key(|(_, used, _)| *used)
        && *n > PAGE_BUDGET / 2
    {
        gone.push(first.clone());
    }
    for key in &gone {
        paged.remove(key);
    }
    !gone.is_empty()
}

/// What changed, round by round, for the browsers listening.
#[derive(Default)]
pub struct News {
    pub round: u64,
    log: VecDeque<(u64, Vec<String>)>,
    /// Set when the server stops: listeners end.
    pub closed: bool,
}

impl News {
    /// The keys changed after round `seen` (`*` for all, when the log no longer reaches back).
    pub fn since(&self, seen: u64) -> Vec<String> {
        if self.log.front().is_none_or(|(first, _)| *first > seen + 1) {
            return vec!["*".to_string()];
        }
        let mut keys: Vec<String> = self
            .log
            .iter()
            .filter(|(round, _)| *round > seen)
            .flat_map(|(_, keys)| keys.iter().cloned())
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }
}

impl Preview {
    /// A preview of the drafts under `paths`, loaded once now.
    pub fn new(
        paths: &[PathBuf],
        cwd: &Path,
        settings: Vec<PathBuf>,
        make_renderer: MakeRenderer,
    ) -> Preview {
        let mut drafts = Drafts::new(paths, cwd);
        drafts.refresh();
        let renderer = make_renderer().map(Arc::new);
        Preview {
            live: Mutex::new(Live {
                drafts,
                renderer,
                renderer_round: 0,
                paged: HashMap::new(),
                laying: HashMap::new(),
                stamp: 0,
                used: 0,
                last_laid: None,
            }),
            laid: Condvar::new(),
            make_renderer,
            settings,
            news: Mutex::new(News::default()),
            news_came: Condvar::new(),
        }
    }

    fn live(&self) -> MutexGuard<'_, Live> {
        // A panic in one request leaves the drafts as they were loaded: still whole.
        self.live.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The news, for a listener.
    pub fn news(&self) -> MutexGuard<'_, News> {
        self.news.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits up to `timeout` for news after round `seen`.
    pub fn wait_news(&self, seen: u64, timeout: Duration) -> MutexGuard<'_, News> {
        let news = self.news();
        self.news_came
            .wait_timeout_while(news, timeout, |n| n.round <= seen && !n.closed)
            .map(|(n, _)| n)
            .unwrap_or_else(|p| p.into_inner().0)
    }

    /// Tells every listener to end.
    pub fn close(&self) {
        self.news().closed = true;
        self.news_came.notify_all();
    }

    /// Loads the drafts again after `changed` paths changed on disk, and
    /// tells the browsers which drafts now show something else.
    pub fn refresh(&self, changed: &[PathBuf]) -> Changes {
        let mut live = self.live();
        let mut changes = live.drafts.refresh();
        // The pages of drafts gone are not kept.
        let Live { drafts, paged, .. } = &mut *live;
        paged.retain(|k, _| drafts.find(k).is_some());
        if touches(changed, &self.settings) {
            live.renderer = (self.make_renderer)().map(Arc::new);
            live.renderer_round += 1;
            changes.templates = true;
        }
        drop(live);
        if !changes.is_empty() {
            let mut keys = changes.drafts.clone();
            if changes.listing || changes.templates {
                keys.push("*".to_string());
            }
            self.publish(keys);
        }
        changes
    }

    /// Tells the browsers listening that what these keys name changed.
    fn publish(&self, keys: Vec<String>) {
        let mut news = self.news();
        news.round += 1;
        let round = news.round;
        news.log.push_back((round, keys));
        if news.log.len() > KEPT_NEWS {
            news.log.pop_front();
        }
        drop(news);
        self.news_came.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_kept_are_those_used_last_within_the_budget_and_the_last_always() {
        let kept = |drafts: &[(&str, u64, usize)], budget| {
            let drafts: Vec<(String, u64, usize)> = drafts
                .iter()
                .map(|(k, used, n)| (k.to_string(), *used, *n))
                .collect();
            let mut gone = beyond_budget(&drafts, budget);
            gone.sort();
            gone
        };
        assert!(kept(&[("a", 1, 7), ("b", 2, 234), ("c", 3, 234)], 500).is_empty());
        assert_eq!(
            kept(
                &[("a", 1, 7), ("b", 2, 234), ("c", 3, 234), ("d", 4, 100)],
                500
            ),
            ["a", "b"]
        );
        // The one used last stays whatever its size; the rest go.
        assert_eq!(kept(&[("big", 9, 1100), ("a", 1, 7)], 500), ["a"]);
        assert_eq!(kept(&[("a", 9, 7), ("big", 1, 1100)], 500), ["big"]);
    }
}
