//! Import: bytes of a user's file → decoded text → a recognised table → typed,
//! validated rows, with every rejected row reported (file, line, column, value,
//! reason) and counted: read = accepted + rejected.

pub mod decode;
pub mod pension;
pub mod problem;
pub mod rows;
pub mod schema;
pub mod table;
pub mod values;

use crate::core::dataset::pension::PensionDataset;
use decode::Encoding;
use problem::{Problem, Reason};
use rows::RowReader;
use schema::TableKind;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One file as the user gave it.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The user's choice; `None` = detect.
    pub encoding: Option<Encoding>,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileSummary {
    pub file: String,
    pub bytes: u64,
    pub encoding: Option<Encoding>,
    pub encoding_detected: bool,
    pub table: Option<TableKind>,
    /// Data rows read (blank rows excluded).
    pub read: u64,
    pub accepted: u64,
    pub rejected: u64,
    /// All-empty rows skipped (Excel's trailing ",,,").
    pub blank: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub dataset: PensionDataset,
    pub files: Vec<FileSummary>,
    /// Every problem, sorted by file and line.
    pub problems: Vec<Problem>,
}

impl ImportReport {
    /// Whether a table the settlement reads lost a row or a file could not be read.
    pub fn blocks_settlement(&self) -> bool {
        self.problems.iter().any(|p| p.table.is_none_or(TableKind::feeds_settlement))
    }

    pub fn totals(&self) -> (u64, u64, u64) {
        self.files.iter().fold((0, 0, 0), |(r, a, j), f| (r + f.read, a + f.accepted, j + f.rejected))
    }
}

/// Workbooks and other binary containers this build does not read as text.
fn is_binary_container(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

/// Imports a set of files into one profile-A dataset.
pub fn import(files: &[SourceFile]) -> ImportReport {
    let mut report = ImportReport::default();
    for file in files {
        let summary = import_one(file, &mut report);
        report.files.push(summary);
    }
    let cross = pension::cross_check(&mut report.dataset);
    report.problems.extend(cross);
    report.problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));

    for summary in &mut report.files {
        let rejected: BTreeSet<u64> =
            report.problems.iter().filter(|p| p.file == summary.file).filter_map(|p| p.line).collect();
        summary.rejected = rejected.len() as u64;
        summary.accepted = summary.read - summary.rejected;
    }
    report
}

fn import_one(file: &SourceFile, report: &mut ImportReport) -> FileSummary {
    let mut summary = FileSummary {
        file: file.name.to_string(),
        bytes: file.bytes.len() as u64,
        encoding: file.encoding,
        encoding_detected: file.encoding.is_none(),
        table: None,
        read: 0,
        accepted: 0,
        rejected: 0,
        blank: 0,
    };
    let fatal = |reason, table| Problem::file(file.name, table, reason);
    if is_binary_container(file.bytes) {
        report.problems.push(fatal(Reason::UnsupportedFormat, None));
        return summary;
    }
    let decoded = file
        .encoding
        .map_or_else(|| decode::detect(file.bytes), Ok)
        .and_then(|enc| decode::decode(file.bytes, enc).map(|text| (enc, text)));
    let text = match decoded {
        Ok((enc, text)) => {
            summary.encoding = Some(enc);
            text
        }
        Err(error) => {
            report.problems.push(fatal(Reason::Unreadable { error }, None));
            return summary;
        }
    };
    let Some(raw) = table::read_table(&text) else {
        report.problems.push(fatal(Reason::EmptyFile, None));
        return summary;
    };
    summary.blank = raw.blank_rows;
    let header = match schema::recognize(&raw.header) {
        Ok(h) => h,
        Err(Some(near)) => {
            for column in near.missing_required() {
                let reason =
                    Reason::MissingColumn { column: format!("{} / {}", column.japanese, column.english) };
                report.problems.push(fatal(reason, Some(near.table)));
            }
            summary.table = Some(near.table);
            return summary;
        }
        Err(None) => {
            report.problems.push(fatal(Reason::UnknownHeader, None));
            return summary;
        }
    };
    summary.table = Some(header.table);
    summary.read = raw.rows.len() as u64;
    for row in &raw.rows {
        let mut reader = RowReader::new(file.name, &header, row);
        pension::add_row(&mut report.dataset, &mut reader);
        report.problems.append(&mut reader.problems);
    }
    summary
}
