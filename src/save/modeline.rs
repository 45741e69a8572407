//! The first line of a draft file gongwen writes into a project, pointing an
//! editor's YAML language server at the schema `build` writes for its kind
//! of file (the json_schema module makes the schemas).

use std::path::Path;

/// The kinds of YAML file gongwen reads, each with a schema of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A draft: `v1.yaml`, or `draft.yaml` of a draft folder.
    Draft,
    /// A part file of a draft folder (`- include: 01.yaml` in `parts:`):
    /// one part, or a list of parts.
    Part,
    /// An attachment file of a draft folder (`- include: tasks.yaml` in
    /// `attachments:`).
    Attachment,
    /// The comments received on a draft: `v1.comments.yaml`.
    Comments,
    /// A project's settings: `.gongwen.yaml`.
    Settings,
}

impl SchemaKind {
    /// Every kind, in the order `build` writes their files.
    pub const ALL: [SchemaKind; 5] = [
        SchemaKind::Draft,
        SchemaKind::Part,
        SchemaKind::Attachment,
        SchemaKind::Comments,
        SchemaKind::Settings,
    ];

    /// The kind's name on the command line: `gongwen schema comments`.
    pub fn name(self) -> &'static str {
        match self {
            SchemaKind::Draft => "draft",
            SchemaKind::Part => "part",
            SchemaKind::Attachment => "attachment",
            SchemaKind::Comments => "comments",
            SchemaKind::Settings => "settings",
        }
    }

    /// The kind a name on the command line means.
    pub fn parse(name: &str) -> Option<SchemaKind> {
        SchemaKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The name of its schema file: `draft.schema.json`.
    pub fn file_name(self) -> String {
        format!("{}.schema.json", self.name())
    }
}

/// The folder below `build`'s output folder that the schema files are
/// written to: `output/schema/draft.schema.json`.
pub const FOLDER: &str = "schema";

/// The first line that points an editor's YAML language server at the
/// schema `build` writes, for a file at `file` inside a `drafts` folder:
/// `# yaml-language-server: $schema=../../output/schema/draft.schema.json`.
/// The path is relative to the file and assumes the output folder is
/// `output/` beside `drafts/`, where `gongwen build` run from the project
/// writes. `None` for a file outside a `drafts` folder: there is no telling
/// where its outputs go.
pub fn modeline(file: &Path, kind: SchemaKind) -> Option<String> {
    let file = crate::paths::absolute(file);
    let folder = file.parent()?;
    let up = folder
        .ancestors()
        .position(|a| a.file_name().is_some_and(|n| n == "drafts"))?;
    let mut target = "../".repeat(up + 1);
    target.push_str(&format!("output/{FOLDER}/{}", kind.file_name()));
    Some(format!("# yaml-language-server: $schema={target}\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_modeline_climbs_out_of_drafts_to_the_output_folder() {
        let line = |p: &str, kind| modeline(Path::new(p), kind);
        assert_eq!(
            line("/p/drafts/doc/v2.yaml", SchemaKind::Draft).as_deref(),
            Some("# yaml-language-server: $schema=../../output/schema/draft.schema.json\n")
        );
        assert_eq!(
            line("/p/drafts/doc/v1/01.yaml", SchemaKind::Part).as_deref(),
            Some("# yaml-language-server: $schema=../../../output/schema/part.schema.json\n")
        );
        assert_eq!(
            line("/p/drafts/v1.comments.yaml", SchemaKind::Comments).as_deref(),
            Some("# yaml-language-server: $schema=../output/schema/comments.schema.json\n")
        );
        assert_eq!(line("/p/elsewhere/v1.yaml", SchemaKind::Draft), None);
    }
}
