//! The typst `World` gongwen compiles in: the template as the main source, the
//! document as two in-memory JSON files, and a fixed set of fonts. Nothing else
//! exists in it — no disk, no packages, no clock — so a template or a draft can
//! reach neither the file system nor the network, and output is reproducible.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult, PackageError};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::FontSet;

/// A sandboxed world around one template and its data files.
pub struct DocumentWorld {
    library: LazyHash<Library>,
    fonts: FontSet,
    main: Source,
    files: HashMap<FileId, Bytes>,
    today: Option<Datetime>,
}

/// The id of a file at an absolute virtual path in the project.
pub fn file_id(path: &str) -> FileId {
    // The paths used are fixed literals that are valid virtual paths.
    let vpath = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("a plain path is valid"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl DocumentWorld {
    /// A world compiling `template` (served as /main.typ) with `files` at their paths.
    pub fn new(
        template: &str,
        files: Vec<(&str, Vec<u8>)>,
        fonts: FontSet,
        today: Option<Datetime>,
    ) -> DocumentWorld {
        let main = Source::new(file_id("/main.typ"), template.to_string());
        DocumentWorld {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            main,
            files: files
                .into_iter()
                .map(|(path, data)| (file_id(path), Bytes::new(data)))
                .collect(),
            today,
        }
    }

    /// Points the world at a new template, data and date, keeping what is the
    /// same: the library, the faces and, through typst's caches, the layout
    /// of whatever the change did not touch. An edited template is reparsed
    /// only where it changed.
    pub fn update(&mut self, template: &str, files: Vec<(&str, Vec<u8>)>, today: Option<Datetime>) {
        if self.main.text() != template {
            self.main.replace(template);
        }
        self.files = files
            .into_iter()
            .map(|(path, data)| (file_id(path), Bytes::new(data)))
            .collect();
        self.today = today;
    }

    /// The faces of this world.
    pub fn fonts(&self) -> &FontSet {
        &self.fonts
    }

    /// The text of a file of this world, for placing diagnostics.
    pub fn text(&self, id: FileId) -> Option<String> {
        if id == self.main.id() {
            return Some(self.main.text().to_string());
        }
        self.files
            .get(&id)
            .and_then(|b| std::str::from_utf8(b.as_slice()).ok())
            .map(str::to_string)
    }
}

impl World for DocumentWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.to_string()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Package(PackageError::NotFound(spec.clone())));
        }
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.store.font(index)
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}
