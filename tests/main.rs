//! Every integration test, in one binary. Each file here was its own test
//! crate once, and each linked all of typst: thirty links of some 140 MB apiece
//! filled the disk of a CI machine. One crate links once. Run one file's tests
//! with its module name as the filter: `cargo test --test integration views::`.

mod common;

mod bad_input;
mod browser;
mod chinese_keys;
mod cli;
mod comments;
mod comments_word;
mod compare;
mod compare_tables;
mod decisions;
mod docs_links;
mod docx;
mod docx_fonts;
mod docx_import;
mod docx_layout;
mod full_metadata;
mod fuzz_smoke;
mod guide;
mod help_zh;
mod hostile_feedback;
mod hostile_import;
mod hostile_paths;
mod hostile_scale;
mod hostile_yaml;
mod i18n;
mod import_corpus;
mod import_tables;
mod layout;
mod lint;
mod messages_zh;
mod new_draft;
mod numbering_oracle;
mod pdf;
mod redline_marks;
mod redline_seam;
mod reference;
mod references;
mod render_properties;
mod safety;
mod save_roundtrip;
mod schema;
mod serve;
mod table_pdf;
mod tables;
mod test_script;
mod views;
mod watch;
mod words;
mod yaml_events;
