//! The faces the PDF is set in. gongwen bundles free faces for the four
//! GB/T 9704 roles (Fandol, in `fonts/fandol/`) and loads them by file, never by
//! scanning the system; a draft may name other faces (an office's 仿宋_GB2312),
//! which are looked for in the folders given and, only then, on the system.
//! Every family asked for must exist, and every character must have a glyph in
//! some face: typst itself would only warn, or print an empty box.

use std::collections::BTreeMap;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex};

use serde::Serialize;
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;
use typst_kit::fonts::FontStore;

use super::PdfSettings;
use crate::model::Fonts;

/// The bundled faces: file name, and the role they fill.
pub const BUNDLED: [(&str, &str); 5] = [
    ("FandolFang-Regular.otf", "仿宋 body"),
    ("FandolKai-Regular.otf", "楷体 level-2 headings"),
    ("FandolHei-Regular.otf", "黑体 level-1 headings"),
    ("FandolSong-Bold.otf", "小标宋 title"),
    ("FandolSong-Regular.otf", "宋体 page numbers"),
];

/// Default family for each role, as typst names the bundled faces.
const DEFAULTS: Roles<&str> = Roles {
    body: "FandolFang R",
    kai: "FandolKai",
    hei: "FandolHei",
    title: "FandolSong",
    song: "FandolSong",
};

/// One value per GB/T 9704 role.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Roles<T> {
    /// 仿宋: body text.
    pub body: T,
    /// 楷体: level-2 headings, 节.
    pub kai: T,
    /// 黑体: level-1 headings, 章, 第一条.
    pub hei: T,
    /// 小标宋: the title.
    pub title: T,
    /// 宋体: page numbers.
    pub song: T,
}

/// Where an installed gongwen keeps the bundled faces, below its prefix
/// (`/usr` for the .deb's `/usr/bin/gongwen`).
pub const INSTALLED_FONTS: &str = "share/gongwen/fonts/fandol";

/// Where the bundled faces of an executable at `exe`, built from the source
/// tree at `source`, are looked for, in order: `from_env` (`$GONGWEN_FONTS`);
/// `fonts/fandol` in the working folder; the installed place beside the
/// executable's `bin/` ([`installed_fonts`]); `fonts/fandol` in the
/// executable's folder and the three above it (a build's
/// `target/release/gongwen` finds its project's); the source tree (what
/// `cargo install --path .` leaves, while the clone stays where it was).
pub fn bundled_candidates(
    from_env: Option<PathBuf>,
    exe: Option<&Path>,
    source: &Path,
) -> Vec<PathBuf> {
    let mut places: Vec<PathBuf> = Vec::new();
    places.extend(from_env);
    places.push(PathBuf::from("fonts/fandol"));
    if let Some(exe) = exe {
        places.extend(installed_fonts(exe));
        let beside = exe.ancestors().skip(1).take(4);
        places.extend(beside.map(|dir| dir.join("fonts/fandol")));
    }
    places.push(source.join("fonts/fandol"));
    let mut seen = HashSet::new();
    places.retain(|p| seen.insert(p.clone()));
    places
}

/// The installed place of the bundled faces for an executable at `exe`:
/// `<prefix>/share/gongwen/fonts/fandol` for `<prefix>/bin/gongwen`, so
/// `/usr/bin` (the .deb), `/usr/local/bin` and `~/.cargo/bin` (`cargo
/// install`) each have theirs.
pub fn installed_fonts(exe: &Path) -> Option<PathBuf> {
    Some(exe.parent()?.parent()?.join(INSTALLED_FONTS))
}

/// The first of `candidates` that holds the bundled faces. The caller says
/// where to look ([`bundled_candidates`]); the library looks nowhere by
/// itself.
pub fn find_bundled(candidates: impl IntoIterator<Item = PathBuf>) -> Option<PathBuf> {
    candidates
        .into_iter()
        .find(|d| d.join(BUNDLED[0].0).is_file())
}

/// Where the bundled faces were looked for, kept to say so when no folder
/// held them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BundledSearch {
    /// Every folder looked in, in order.
    pub looked_in: Vec<PathBuf>,
    /// Where to put them for this executable ([`installed_fonts`]).
    pub install_to: Option<PathBuf>,
}

/// The bundled faces in `dir`, read once per process and folder.
fn bundled(dir: Option<&Path>, search: &BundledSearch) -> Result<Arc<Vec<Font>>, FontError> {
    static FONTS: LazyLock<Mutex<HashMap<PathBuf, Arc<Vec<Font>>>>> =
        LazyLock::new(Default::default);
    let Some(dir) = dir else {
        return Err(FontError::BundledNotFound(search.clone()));
    };
    if let Some(fonts) = FONTS.lock().ok().and_then(|f| f.get(dir).cloned()) {
        return Ok(fonts);
    }
    let mut fonts = Vec::new();
    for (name, _) in BUNDLED {
        let path = dir.join(name);
        let unreadable = |reason: String| FontError::BundledUnreadable {
            path: path.clone(),
            reason,
        };
        let data = std::fs::read(&path).map_err(|e| unreadable(crate::paths::io_error(&e)))?;
        let font = Font::new(Bytes::new(data), 0)
            .ok_or_else(|| unreadable(crate::tr!("fonts-not-a-font")))?;
        fonts.push(font);
    }
    let fonts = Arc::new(fonts);
    if let Ok(mut cache) = FONTS.lock() {
        cache.insert(dir.to_path_buf(), Arc::clone(&fonts));
    }
    Ok(fonts)
}

/// The bundled faces' files, in the order of [`BUNDLED`], as read for the
/// PDF (once per process): what a Word file embeds with `--embed-fonts`.
pub fn bundled_files(settings: &PdfSettings) -> Result<Vec<Bytes>, FontError> {
    let fonts = bundled(settings.bundled.as_deref(), &settings.bundled_search)?;
    Ok(fonts.iter().map(|f| f.data().clone()).collect())
}

/// Why the fonts could not be set up.
#[derive(Debug, Clone, PartialEq)]
pub enum FontError {
    /// No folder looked in holds the bundled faces.
    BundledNotFound(BundledSearch),
    /// A bundled face is there but cannot be read.
    BundledUnreadable { path: PathBuf, reason: String },
    /// A family named in the draft exists nowhere.
    UnknownFamily {
        /// `body`, `kai` … or `fallback.N` (the Nth fallback face).
        role: String,
        family: String,
        known: Vec<String>,
    },
}

/// The faces in use for one draft, with the family lists each role uses.
pub struct FontSet {
    pub store: FontStore,
    /// For each role, the families in order: the role's face, then the fallbacks.
    pub roles: Roles<Vec<String>>,
}

impl FontSet {
    /// The bundled faces plus what the draft names, found in the settings'
    /// folders or (if the settings allow) on the system.
    pub fn new(choice: &Fonts, settings: &PdfSettings) -> Result<FontSet, FontError> {
        let mut store = FontStore::new();
        for font in bundled(settings.bundled.as_deref(), &settings.bundled_search)?.iter() {
            store.push((font.clone(), font.info().clone()));
        }
        let requested: Vec<(String, &str)> = [
            ("body", choice.body.as_deref()),
            ("kai", choice.kai.as_deref()),
            ("hei", choice.hei.as_deref()),
            ("title", choice.title.as_deref()),
            ("song", choice.song.as_deref()),
        ]
        .into_iter()
        .filter_map(|(role, f)| f.map(|f| (role.to_string(), f)))
        .chain(
            choice
                .fallback
                .iter()
                .enumerate()
                .map(|(i, f)| (format!("fallback.{i}"), f.as_str())),
        )
        .collect();
        let missing = |store: &FontStore| -> Vec<String> {
            requested
                .iter()
                .filter(|(_, f)| !store.book().contains_family(&f.to_lowercase()))
                .map(|(_, f)| f.to_lowercase())
                .collect()
        };
        let mut wanted = missing(&store);
        // Only faces of the families asked for join the book, so fallback
        // stays predictable; and only faces inside the folder: one reached
        // through a link that leads out of it is not read (see crate::paths).
        for dir in &settings.font_dirs {
            if wanted.is_empty() {
                break;
            }
            let confined = crate::paths::Confined::to(dir);
            store.extend(typst_kit::fonts::scan(dir).filter(|(face, info)| {
                wanted.contains(&info.family.to_lowercase()) && confined.check(&face.path).is_ok()
            }));
            wanted = missing(&store);
        }
        if !wanted.is_empty() && settings.system_fonts {
            // Scanning the system is slow (0.3–2 s); done only when a face is still missing.
            store.extend(
                typst_kit::fonts::system()
                    .filter(|(_, info)| wanted.contains(&info.family.to_lowercase())),
            );
        }
        if let Some((role, family)) = requested
            .iter()
            .find(|(_, f)| !store.book().contains_family(&f.to_lowercase()))
        {
            let known = store
                .book()
                .families()
                .map(|(name, _)| name.to_string())
                .collect();
            return Err(FontError::UnknownFamily {
                role: role.clone(),
                family: family.to_string(),
                known,
            });
        }
        let list = |role: Option<&String>, default: &str| -> Vec<String> {
            let mut families = vec![role.cloned().unwrap_or_else(|| default.to_string())];
            families.extend(choice.fallback.iter().cloned());
            if role.is_some() {
                // The bundled face stays behind a named one, for what it lacks.
                families.push(default.to_string());
            }
            families
        };
        let roles = Roles {
            body: list(choice.body.as_ref(), DEFAULTS.body),
            kai: list(choice.kai.as_ref(), DEFAULTS.kai),
            hei: list(choice.hei.as_ref(), DEFAULTS.hei),
            title: list(choice.title.as_ref(), DEFAULTS.title),
            song: list(choice.song.as_ref(), DEFAULTS.song),
        };
        Ok(FontSet { store, roles })
    }

    /// The book of every face in the set.
    pub fn book(&self) -> &LazyHash<FontBook> {
        self.store.book()
    }

    /// Characters no face in the set has a glyph for, from `text`. Each
    /// character is looked up once: a face's coverage is read run by run,
    /// and a long text repeats the few thousand characters it uses.
    pub fn missing_glyphs(&self, text: &str) -> Vec<char> {
        let infos: Vec<&FontInfo> = (0..).map_while(|i| self.store.book().info(i)).collect();
        let mut seen: HashSet<char> = HashSet::new();
        let mut missing: BTreeMap<char, ()> = BTreeMap::new();
        for c in text.chars() {
            if c.is_whitespace() || c.is_control() || !seen.insert(c) {
                continue;
            }
            if !infos.iter().any(|info| info.coverage.contains(c as u32)) {
                missing.insert(c, ());
            }
        }
        missing.into_keys().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_installed_binary_looks_in_its_prefix_share_folder() {
        let at = |exe: &str| installed_fonts(Path::new(exe));
        let installed = |prefix: &str| Some(Path::new(prefix).join(INSTALLED_FONTS));
        assert_eq!(at("/usr/bin/gongwen"), installed("/usr"));
        assert_eq!(at("/usr/local/bin/gongwen"), installed("/usr/local"));
        assert_eq!(
            at("/home/li/.cargo/bin/gongwen"),
            installed("/home/li/.cargo")
        );
        assert_eq!(at("/gongwen"), None);
    }

    #[test]
    fn candidates_run_from_the_environment_to_the_source_tree() {
        let places = bundled_candidates(
            Some(PathBuf::from("/opt/faces")),
            Some(Path::new("/usr/bin/gongwen")),
            Path::new("/src/gongwen"),
        );
        let expected: Vec<PathBuf> = [
            "/opt/faces",
            "fonts/fandol",
            "/usr/share/gongwen/fonts/fandol",
            "/usr/bin/fonts/fandol",
            "/usr/fonts/fandol",
            "/fonts/fandol",
            "/src/gongwen/fonts/fandol",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        assert_eq!(places, expected);
        // A build in its project: the project's folder is listed once.
        let places = bundled_candidates(
            None,
            Some(Path::new("/src/gongwen/target/release/gongwen")),
            Path::new("/src/gongwen"),
        );
        let project = PathBuf::from("/src/gongwen/fonts/fandol");
        assert_eq!(places.iter().filter(|p| **p == project).count(), 1);
        assert_eq!(places[0], PathBuf::from("fonts/fandol"));
    }

    #[test]
    fn the_faces_of_an_installed_tree_are_found_with_its_source_gone() {
        let root = tempfile::tempdir().unwrap();
        let prefix = root.path().join("usr");
        let share = prefix.join(INSTALLED_FONTS);
        std::fs::create_dir_all(&share).unwrap();
        std::fs::create_dir_all(prefix.join("bin")).unwrap();
        std::fs::write(share.join(BUNDLED[0].0), b"").unwrap();
        let exe = prefix.join("bin/gongwen");
        let gone = root.path().join("deleted-clone");
        // The working folder's fonts/fandol aside: the tests run in the project.
        let places = bundled_candidates(None, Some(&exe), &gone);
        let found = find_bundled(places.into_iter().filter(|p| p.is_absolute()));
        assert_eq!(found, Some(share));
    }

    #[test]
    fn without_a_folder_the_error_names_where_it_looked() {
        let search = BundledSearch {
            looked_in: vec![PathBuf::from("/nowhere/fonts/fandol")],
            install_to: Some(PathBuf::from("/usr/share/gongwen/fonts/fandol")),
        };
        let settings = PdfSettings {
            bundled: None,
            bundled_search: search.clone(),
            ..Default::default()
        };
        let result = FontSet::new(&Fonts::default(), &settings);
        assert_eq!(result.err(), Some(FontError::BundledNotFound(search)));
    }

    #[test]
    fn a_damaged_face_is_named() {
        let dir = tempfile::tempdir().unwrap();
        for (name, _) in BUNDLED {
            std::fs::write(dir.path().join(name), b"not a font").unwrap();
        }
        let settings = PdfSettings {
            bundled: Some(dir.path().to_path_buf()),
            ..Default::default()
        };
        match FontSet::new(&Fonts::default(), &settings) {
            Err(FontError::BundledUnreadable { path, .. }) => {
                assert_eq!(path, dir.path().join(BUNDLED[0].0));
            }
            other => panic!("{:?}", other.err()),
        }
    }
}
