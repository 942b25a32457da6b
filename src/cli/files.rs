//! Reading a dataset folder: every `.csv`, `.tsv`, `.txt`, `.xlsx` and `.xls`
//! file in it (not recursive), in name order. Other files are named and skipped.

use std::path::{Path, PathBuf};

pub struct LoadedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

const DATA_EXTENSIONS: [&str; 5] = ["csv", "tsv", "txt", "xlsx", "xls"];

pub fn read_dir(dir: &Path) -> Result<(Vec<LoadedFile>, Vec<PathBuf>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read folder {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_file()).collect();
    paths.sort();
    let (data, skipped): (Vec<PathBuf>, Vec<PathBuf>) = paths.into_iter().partition(|p| {
        p.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| DATA_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
    });
    let mut files = Vec::with_capacity(data.len());
    for path in data {
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        files.push(LoadedFile { name, bytes });
    }
    Ok((files, skipped))
}
