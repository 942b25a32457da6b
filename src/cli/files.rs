//! Reading a dataset folder: every `.csv`, `.tsv`, `.txt`, `.xlsx` and `.xls`
//! file in it (not recursive), in name order, text files as streams. Other files
//! are named and skipped.

use crate::core::i18n::{text, Lang};
use crate::core::import::decode::Encoding;
use crate::core::import::profile::Profile;
use crate::core::import::schema::TableSpec;
use crate::core::import::{ImportReport, Importer, SourceFile};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
pub fn import_paths<P: Profile>(paths: &[PathBuf], encoding: Option<Encoding>) -> ImportReport<P> {
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

/// Imports every data file of `dir` as profile `P`, printing each problem (of
/// the tables `blocking` names as an error, else as a warning) and per file
/// read = accepted + rejected on stderr.
pub fn load_dir<P: Profile>(
    dir: &Path,
    encoding: Option<Encoding>,
    lang: Lang,
    blocking: impl Fn(P::Table) -> bool,
) -> Result<ImportReport<P>, ExitCode> {
    let (files, skipped) = data_files(dir).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(2)
    })?;
    for path in skipped {
        eprintln!("{}: {}", text("cli.skipped", lang), path.display());
    }
    let report = import_paths(&files, encoding);
    print_import_report(&report, lang, blocking);
    Ok(report)
}

/// Every problem, then one line per file: encoding, table, read = accepted + rejected.
pub fn print_import_report<P: Profile>(
    report: &ImportReport<P>,
    lang: Lang,
    blocking: impl Fn(P::Table) -> bool,
) {
    for p in &report.problems {
        let level = if p.table.is_none_or(&blocking) { "error" } else { "warning" };
        eprintln!("{level}: {}", p.render(lang));
    }
    for f in &report.files {
        let table = f.table.map_or("-", |t| t.code());
        let encoding = f.encoding.map_or("-", |e| e.label());
        let how = if f.encoding_detected { text("cli.detected", lang) } else { text("cli.chosen", lang) };
        eprintln!(
            "{}: {} [{table}] {encoding} ({how}) {} {} = {} {} + {} {}{}",
            text("cli.file", lang),
            f.file,
            text("cli.read", lang),
            f.read,
            text("cli.accepted", lang),
            f.accepted,
            text("cli.rejected", lang),
            f.rejected,
            if f.blank > 0 { format!(" ({} {})", text("cli.blank", lang), f.blank) } else { String::new() },
        );
    }
    let (read, accepted, rejected) = report.totals();
    eprintln!(
        "{}: {} {read} = {} {accepted} + {} {rejected}",
        text("cli.total", lang),
        text("cli.read", lang),
        text("cli.accepted", lang),
        text("cli.rejected", lang)
    );
}
