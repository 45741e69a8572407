//! The zip around the parts: always the same order, one fixed timestamp
//! (1980-01-01, the zip format's first day) and fixed permissions, so the
//! same document gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Packs `(path, content)` parts, `[Content_Types].xml` first as Word expects.
pub fn pack(parts: &[(&str, &[u8])]) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    for (path, content) in parts {
        zip.start_file(*path, options)
            .map_err(std::io::Error::other)?;
        zip.write_all(content)?;
    }
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}
