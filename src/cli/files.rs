//! Reading a dataset folder: every `.csv`, `.tsv`, `.txt`, `.xlsx` and `.xls`
//! file in it (not recursive), in name order, text files as streams. Other files
//! are named and skipped.

use crate::core::import::decode::Encoding;
use crate::core::import::{Importer, SourceFile};
use crate::profiles::pension::PensionReport;
use std::path::{Path, PathBuf};

const DATA_EXTENSIONS: [&str; 5] = ["csv", "tsv", "txt", "xlsx", "xls"];
const WORKBOOK_EXTENSIONS: [&str; 2] = ["xlsx", "xls"];

fn extension(path: &Path) -> String {
    path.extension().and_then(|e| e.to_str()).unwrap_or_default().to_ascii_lowercase()
}

/// The data files of `dir` and the other files skipped.
pub fn data_files(dir: &Path) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    paths.sort();
    Ok(paths.into_iter().partition(|p| DATA_EXTENSIONS.contains(&extension(p).as_str())))
}

/// Imports the files: workbooks whole, text files streamed from disk.
pub fn import_paths(paths: &[PathBuf], encoding: Option<Encoding>) -> PensionReport {
    let mut importer = Importer::new();
    for path in paths {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if WORKBOOK_EXTENSIONS.contains(&extension(path).as_str()) {
            match std::fs::read(path) {
                Ok(bytes) => {
                    importer.add_bytes(&SourceFile { name: &name, bytes: &bytes, encoding }, &mut |_, _| true)
                }
                Err(e) => importer.add_unreadable(&name, &e),
            }
        } else {
            match std::fs::File::open(path) {
                Ok(file) => {
                    importer.add_text(&name, std::io::BufReader::new(file), encoding, &mut |_, _| true)
                }
                Err(e) => importer.add_unreadable(&name, &e),
            }
        }
    }
    importer.finish()
}
