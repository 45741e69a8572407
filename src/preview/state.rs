//! What the preview knows of the project between two changes on disk: the
//! drafts found, each loaded and numbered (or its problems), and for each a
//! version that moves only when what the draft shows has changed, so an edit
//! rebuilds the pages it touches and no others.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::numbering::{self, Document};
use crate::project::{DraftEntry, consecutive_pairs, find_all};
use crate::render::RenderContext;

/// One draft as last loaded.
pub struct Loaded {
    /// The numbered draft, or why it could not be loaded.
    pub result: Result<Arc<Document>, Arc<[Diagnostic]>>,
    /// What the draft shows (its view, its comments file), hashed.
    fingerprint: u64,
    /// The round of [`Drafts::refresh`] in which the fingerprint last changed.
    pub version: u64,
}

/// The drafts under the folders watched, as of the last refresh.
pub struct Drafts {
    paths: Vec<PathBuf>,
    cwd: PathBuf,
    /// The drafts found, in the order `build` takes them.
    pub entries: Vec<DraftEntry>,
    /// Why the drafts could not be listed (a folder removed), if so.
    pub listing: Option<Diagnostic>,
    loaded: HashMap<PathBuf, Loaded>,
    round: u64,
}

/// What a refresh found changed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The keys ([`key`]) of drafts whose view changed, were added or removed.
    pub drafts: Vec<String>,
    /// Whether the list of drafts itself changed.
    pub listing: bool,
    /// Whether the template overrides or the font folders changed (every view may have).
    pub templates: bool,
}

impl Changes {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty() && !self.listing && !self.templates
    }
}

/// A draft's key in the preview's addresses: its output stem with `/`
/// between folders (`chengdong-urbanization-2021/v1`).
pub fn key(entry: &DraftEntry) -> String {
    entry
        .stem
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

impl Drafts {
    /// The drafts under `paths` (relative to `cwd`), not yet loaded.
    pub fn new(paths: &[PathBuf], cwd: &Path) -> Drafts {
        Drafts {
            paths: paths.to_vec(),
            cwd: cwd.to_path_buf(),
            entries: Vec::new(),
            listing: None,
            loaded: HashMap::new(),
            round: 0,
        }
    }

    /// Lists and loads the drafts again, and says which changed since the
    /// last refresh.
    pub fn refresh(&mut self) -> Changes {
        self.round += 1;
        let mut changes = Changes::default();
        let (entries, listing) = match find_all(&self.paths, &self.cwd) {
            Ok(entries) => (entries, None),
            Err(d) => (Vec::new(), Some(d)),
        };
        if entries != self.entries || listing != self.listing {
            changes.listing = true;
        }
        let mut loaded = HashMap::new();
        for entry in &entries {
            let result = crate::load::load_draft(&entry.path)
                .map(|draft| Arc::new(numbering::number(&draft)))
                .map_err(|d| Arc::from(d.0));
            let fingerprint = fingerprint(&entry.path, &result);
            let version = match self.loaded.remove(&entry.path) {
                Some(old) if old.fingerprint == fingerprint => old.version,
                _ => {
                    changes.drafts.push(key(entry));
                    self.round
                }
            };
            let draft = Loaded {
                result,
                fingerprint,
                version,
            };
            loaded.insert(entry.path.clone(), draft);
        }
        // Drafts gone since the last refresh.
        changes.drafts.extend(
            self.entries
                .iter()
                .filter(|e| !loaded.contains_key(&e.path))
                .map(key),
        );
        self.entries = entries;
        self.listing = listing;
        self.loaded = loaded;
        changes
    }

    /// The draft with this key.
    pub fn find(&self, wanted: &str) -> Option<(&DraftEntry, &Loaded)> {
        let entry = self.entries.iter().find(|e| key(e) == wanted)?;
        Some((entry, self.loaded.get(&entry.path)?))
    }

    /// The draft before this one in its document, the one its redline is against.
    pub fn previous(&self, entry: &DraftEntry) -> Option<(&DraftEntry, &Loaded)> {
        let (before, _) = consecutive_pairs(&self.entries)
            .into_iter()
            .find(|(_, b)| b.path == entry.path)?;
        Some((before, self.loaded.get(&before.path)?))
    }

    /// The draft after this one in its document.
    pub fn next(&self, entry: &DraftEntry) -> Option<&DraftEntry> {
        consecutive_pairs(&self.entries)
            .into_iter()
            .find(|(a, _)| a.path == entry.path)
            .map(|(_, b)| b)
    }

    /// The loaded draft of an entry.
    pub fn loaded(&self, entry: &DraftEntry) -> Option<&Loaded> {
        self.loaded.get(&entry.path)
    }
}

/// What a draft shows, hashed: its view as the templates get it, or its
/// problems, and its comments file (which the redline after it lists).
fn fingerprint(path: &Path, result: &Result<Arc<Document>, Arc<[Diagnostic]>>) -> u64 {
    let mut hasher = DefaultHasher::new();
    match result {
        Ok(doc) => {
            let view = serde_json::to_vec(&RenderContext::new(doc)).unwrap_or_default();
            view.hash(&mut hasher);
        }
        Err(diags) => {
            for d in diags.iter() {
                d.render().hash(&mut hasher);
            }
        }
    }
    std::fs::read(crate::load::comments_path(path))
        .ok()
        .hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refresh_reports_only_what_changed() {
        let dir = tempfile::tempdir().unwrap();
        let doc = dir.path().join("doc");
        std::fs::create_dir(&doc).unwrap();
        let write = |name: &str, body: &str| {
            std::fs::write(
                doc.join(name),
                format!("title: 关于测试的通知\nparts:\n  - text: {body}\n"),
            )
            .unwrap();
        };
        write("v1.yaml", "第一稿的内容。");
        write("v2.yaml", "第二稿的内容。");
        let mut drafts = Drafts::new(&[dir.path().to_path_buf()], dir.path());
        let first = drafts.refresh();
        assert!(first.listing);
        assert_eq!(first.drafts, ["doc/v1", "doc/v2"]);
        assert!(drafts.refresh().is_empty(), "nothing changed on disk");

        write("v2.yaml", "第二稿改过的内容。");
        let edited = drafts.refresh();
        assert_eq!(edited.drafts, ["doc/v2"]);
        assert!(!edited.listing);
        let (v2, loaded) = drafts.find("doc/v2").unwrap();
        assert_eq!(loaded.version, 3);
        assert_eq!(drafts.previous(v2).unwrap().0.stem, Path::new("doc/v1"));

        std::fs::write(doc.join("v1.yaml"), "title: [unclosed\n").unwrap();
        let broken = drafts.refresh();
        assert_eq!(broken.drafts, ["doc/v1"]);
        assert!(drafts.find("doc/v1").unwrap().1.result.is_err());

        std::fs::remove_file(doc.join("v2.yaml")).unwrap();
        let removed = drafts.refresh();
        assert!(removed.listing);
        assert_eq!(removed.drafts, ["doc/v2"]);
        assert!(drafts.find("doc/v2").is_none());
    }
}
