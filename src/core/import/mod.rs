//! Import: bytes of a user's file → decoded text → a recognised table → typed,
//! validated rows, with every rejected row reported (file, line, column, value,
//! reason) and counted: read = accepted + rejected.
//!
//! Text files are read as a stream (see [`stream`]): the encoding is detected on
//! the first [`PREFIX`] bytes, then the file is decoded chunk by chunk, strictly.
//! Workbooks (.xlsx) are read sheet by sheet, each sheet a table.
//!
//! The pipeline knows no contract: a contract's tables, row reading and checks
//! come in through [`profile::Profile`].

pub mod decode;
pub mod problem;
pub mod profile;
mod report;
pub mod rows;
pub mod schema;
pub mod stream;
pub mod table;
#[cfg(test)]
mod test_support;
pub mod unique;
pub mod values;
#[cfg(feature = "workbooks")]
pub mod xlsx;

use decode::Encoding;
use problem::{Problem, Reason};
use profile::{FastRows, ProblemOf, Profile};
pub use report::{FileSummary, ImportReport, ShownReport};
use rows::{NotUtf8, RawRow, RowReader, TextRow};
use schema::{ColumnMapping, HeaderMatch};
use std::collections::BTreeSet;
use std::io::{Cursor, Read};
use std::sync::Arc;
use table::{Record, Records};

/// Bytes looked at to detect a text file's encoding.
pub const PREFIX: usize = 64 * 1024;

/// How often (in rows) a stream reports progress.
pub const PROGRESS_EVERY: u64 = 20_000;

/// One file as the user gave it, whole in memory.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// The user's choice; `None` = detect.
    pub encoding: Option<Encoding>,
}

/// Progress of one stream: source bytes consumed and rows read. The callback
/// returns `false` to cancel the file.
pub type OnProgress<'a> = &'a mut dyn FnMut(u64, u64) -> bool;

/// Collects files into one report; [`Importer::finish`] runs the checks across
/// tables and counts.
pub struct Importer<P: Profile> {
    report: ImportReport<P>,
    mappings: Arc<[ColumnMapping<P::Table>]>,
}

fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// OLE compound files: legacy .xls, and .xlsx protected by a password.
fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0])
}

impl<P: Profile> Default for Importer<P> {
    fn default() -> Self {
        Importer { report: ImportReport::default(), mappings: Arc::new([]) }
    }
}

impl<P: Profile> Importer<P> {
    pub fn new() -> Importer<P> {
        Importer::default()
    }

    /// An importer that reads headers it does not recognise by the user's mappings.
    pub fn with_mappings(mappings: Vec<ColumnMapping<P::Table>>) -> Importer<P> {
        Importer { mappings: mappings.into(), report: ImportReport::default() }
    }

    /// A whole file in memory: a workbook, or text read as a stream.
    pub fn add_bytes(&mut self, file: &SourceFile, progress: OnProgress) {
        if is_zip(file.bytes) {
            self.add_workbook(file.name, file.bytes);
        } else if is_ole(file.bytes) {
            self.fatal(file.name, file.bytes.len() as u64, Reason::ProtectedOrLegacyWorkbook);
        } else {
            self.add_text(file.name, Cursor::new(file.bytes), file.encoding, progress);
        }
    }

    /// A text file (CSV/TSV) read as a stream, whatever its size.
    pub fn add_text<R: Read>(
        &mut self,
        name: &str,
        mut source: R,
        encoding: Option<Encoding>,
        progress: OnProgress,
    ) {
        let mut prefix = Vec::with_capacity(PREFIX);
        if let Err(e) = (&mut source).take(PREFIX as u64).read_to_end(&mut prefix) {
            self.fatal(name, 0, Reason::Io { message: e.to_string() });
            return;
        }
        if is_zip(&prefix) || is_ole(&prefix) {
            let reason =
                if is_ole(&prefix) { Reason::ProtectedOrLegacyWorkbook } else { Reason::UnsupportedFormat };
            self.fatal(name, prefix.len() as u64, reason);
            return;
        }
        let complete = prefix.len() < PREFIX;
        let detected = encoding.is_none();
        let encoding = match encoding.map_or_else(|| decode::detect_prefix(&prefix, complete), Ok) {
            Ok(e) => e,
            Err(error) => {
                self.fatal(name, prefix.len() as u64, Reason::Unreadable { error });
                return;
            }
        };
        let sniff = encoding.decode_lossy(&prefix);
        let delimiter = table::sniff_delimiter(sniff.trim_start_matches('\u{FEFF}'));
        let summary = summary(name, Some(encoding), detected);
        let text = Cursor::new(prefix).chain(source);
        match encoding {
            // UTF-8 is read as it is; its cells are checked where they are read.
            Encoding::Utf8 | Encoding::Utf8Bom => {
                let records = Records::new(stream::Counted::new(text), delimiter);
                self.read_text(summary, encoding, records, progress)
            }
            _ => {
                let records = Records::new(stream::StrictDecoder::new(text, encoding), delimiter);
                self.read_text(summary, encoding, records, progress)
            }
        }
    }

    /// Reads the records of a text file into its table.
    fn read_text<S: Read + stream::Progress>(
        &mut self,
        mut summary: FileSummary<P::Table>,
        encoding: Encoding,
        mut records: Records<S>,
        progress: OnProgress,
    ) {
        let unreadable = |bad: NotUtf8| Reason::<P::Reason>::Unreadable {
            error: decode::DecodeError { encoding, offset: bad.offset as usize, line: bad.line },
        };
        let mut file = FileIngest::new(&summary.file, self.mappings.clone());
        let outcome = loop {
            let taken = match records.next_record() {
                None => break Ok(()),
                Some(Ok(Record::Blank)) => {
                    file.blank += 1;
                    Ok(())
                }
                Some(Ok(Record::Header(row))) => {
                    row.text().map(|t| file.header(t.cells().map(str::to_string).collect()))
                }
                Some(Ok(Record::Row(row))) => file.raw_row(row),
                Some(Err(io)) => {
                    break Err(match stream::decode_error(&io) {
                        Some(error) => Reason::Unreadable { error },
                        None => Reason::Io { message: io.to_string() },
                    })
                }
            };
            if let Err(bad) = taken {
                break Err(unreadable(bad));
            }
            if file.read.is_multiple_of(PROGRESS_EVERY)
                && file.read > 0
                && !progress(records.source().bytes_read(), file.read)
            {
                break Err(Reason::Cancelled);
            }
        };
        summary.bytes = records.source().bytes_read();
        progress(summary.bytes, file.read);
        match outcome {
            Ok(()) => self.merge(summary, file),
            Err(reason) => {
                summary.table = file.header.map(|h| h.table);
                self.fatal_with(summary, reason);
            }
        }
    }

    /// A workbook, in a build without the workbook reader (the browser's
    /// first-visit worker: the app sends a job with a workbook to the worker
    /// that has it).
    #[cfg(not(feature = "workbooks"))]
    pub fn add_workbook(&mut self, name: &str, bytes: &[u8]) {
        let message = "this import worker reads no workbooks".to_string();
        self.fatal(name, bytes.len() as u64, Reason::BrokenWorkbook { message });
    }

    /// A workbook: each sheet is a table of its own.
    #[cfg(feature = "workbooks")]
    pub fn add_workbook(&mut self, name: &str, bytes: &[u8]) {
        let sheets = match xlsx::read_workbook(bytes) {
            Ok(s) => s,
            Err(message) => {
                self.fatal(name, bytes.len() as u64, Reason::BrokenWorkbook { message });
                return;
            }
        };
        for sheet in sheets {
            let label = format!("{name}#{}", sheet.name);
            let mut summary = summary(&label, None, false);
            summary.sheet = true;
            summary.bytes = 0;
            let mut file = FileIngest::new(&label, self.mappings.clone());
            if !sheet.header.is_empty() {
                file.header(sheet.header);
            }
            file.blank = sheet.blank_rows;
            for row in &sheet.rows {
                file.text_row(row.view());
            }
            if file.header.is_none() && file.problems.is_empty() && file.read == 0 {
                // An empty sheet: listed, nothing to read.
                self.report.files.push(summary);
                continue;
            }
            self.merge(summary, file);
        }
    }

    /// A file that could not even be opened.
    pub fn add_unreadable(&mut self, name: &str, error: &std::io::Error) {
        self.fatal(name, 0, Reason::Io { message: error.to_string() });
    }

    fn fatal(&mut self, name: &str, bytes: u64, reason: Reason<P::Reason>) {
        let mut s = summary(name, None, false);
        s.bytes = bytes;
        self.fatal_with(s, reason);
    }

    fn fatal_with(&mut self, mut summary: FileSummary<P::Table>, reason: Reason<P::Reason>) {
        self.report.problems.push(Problem::file(&summary.file, summary.table, reason));
        summary.read = 0;
        self.report.files.push(summary);
    }

    fn merge(&mut self, mut summary: FileSummary<P::Table>, file: FileIngest<P>) {
        summary.table = file.header.as_ref().map(|h| h.table).or(file.near);
        summary.unrecognised_header = file.unrecognised_header;
        summary.read = file.read;
        summary.blank = file.blank;
        self.report.problems.extend(file.problems);
        P::append(&mut self.report.dataset, &mut self.report.private, (file.dataset, file.private));
        self.report.files.push(summary);
    }

    /// Runs the checks across tables, sorts the problems and counts per file.
    pub fn finish(mut self) -> ImportReport<P> {
        let report = &mut self.report;
        let cross = P::cross_check(&mut report.dataset);
        report.problems.extend(cross);
        report.problems.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        for summary in &mut report.files {
            let rejected: BTreeSet<u64> =
                report.problems.iter().filter(|p| p.file == summary.file).filter_map(|p| p.line).collect();
            summary.rejected = rejected.len() as u64;
            summary.accepted = summary.read - summary.rejected;
        }
        self.report
    }
}

fn summary<T>(file: &str, encoding: Option<Encoding>, detected: bool) -> FileSummary<T> {
    FileSummary {
        file: file.to_string(),
        bytes: 0,
        encoding,
        encoding_detected: detected,
        sheet: false,
        table: None,
        read: 0,
        accepted: 0,
        rejected: 0,
        blank: 0,
        unrecognised_header: Vec::new(),
    }
}

/// One file's rows on their way in: kept apart until the file has been read to
/// the end, so a file that fails half-way adds nothing.
struct FileIngest<P: Profile> {
    name: String,
    mappings: Arc<[ColumnMapping<P::Table>]>,
    header: Option<HeaderMatch<P::Table>>,
    /// Reads plain rows straight from their bytes.
    fast: Option<P::FastRows>,
    /// The table a header that failed to match comes closest to.
    near: Option<P::Table>,
    unrecognised_header: Vec<String>,
    dataset: P::Dataset,
    private: P::Private,
    problems: Vec<ProblemOf<P>>,
    read: u64,
    blank: u64,
}

impl<P: Profile> FileIngest<P> {
    fn new(name: &str, mappings: Arc<[ColumnMapping<P::Table>]>) -> FileIngest<P> {
        FileIngest {
            name: name.to_string(),
            mappings,
            header: None,
            fast: None,
            near: None,
            unrecognised_header: Vec::new(),
            dataset: P::Dataset::default(),
            private: P::Private::default(),
            problems: Vec::new(),
            read: 0,
            blank: 0,
        }
    }

    fn header(&mut self, cells: Vec<String>) {
        let width = cells.len();
        match schema::recognize(&cells) {
            Ok(h) => self.header = Some(h),
            Err(_) if self.mappings.iter().any(|m| m.apply(&cells).is_some()) => {
                self.header = self.mappings.iter().find_map(|m| m.apply(&cells));
            }
            Err(near) => {
                self.unrecognised_header = cells;
                match near {
                    Some(near) => {
                        self.near = Some(near.table);
                        for column in near.missing_required() {
                            let column = format!("{} / {}", column.japanese, column.english);
                            let reason = Reason::MissingColumn { column };
                            self.problems.push(Problem::file(&self.name, Some(near.table), reason));
                        }
                    }
                    None => self.problems.push(Problem::file(&self.name, None, Reason::UnknownHeader)),
                }
            }
        }
        self.fast = self.header.as_ref().and_then(|h| P::FastRows::new(h, width));
    }

    /// A row of a text file: a plain row straight into its columns, any other
    /// row checked as text and read cell by cell.
    fn raw_row(&mut self, row: RawRow) -> Result<(), NotUtf8> {
        if let Some(reader) = &mut self.fast {
            if reader.add(&mut self.private, &row) {
                self.read += 1;
                return Ok(());
            }
        }
        if row.is_blank() {
            self.blank += 1;
        } else {
            self.text_row(row.text()?);
        }
        Ok(())
    }

    fn text_row(&mut self, row: TextRow) {
        let Some(header) = &self.header else {
            // Rows under a header that was not recognised are not read: the file's
            // one problem says why.
            return;
        };
        self.read += 1;
        let mut reader = RowReader::new(&self.name, header, row);
        P::add_row(&mut self.dataset, &mut self.private, &mut reader);
        self.problems.append(&mut reader.problems);
    }
}

/// Imports a set of whole files into one dataset of profile `P`.
pub fn import<P: Profile>(files: &[SourceFile]) -> ImportReport<P> {
    import_with(files, Vec::new())
}

/// [`import`], reading unrecognised headers by the user's column mappings.
pub fn import_with<P: Profile>(
    files: &[SourceFile],
    mappings: Vec<ColumnMapping<P::Table>>,
) -> ImportReport<P> {
    let mut importer = Importer::with_mappings(mappings);
    for file in files {
        importer.add_bytes(file, &mut |_, _| true);
    }
    importer.finish()
}
