//! Decoded text → header row and data rows, with the line each row starts on.
//! Comma- or tab-separated, quoted fields with embedded commas, quotes and
//! newlines (the csv crate does the parsing), read as a stream.

use std::io::Read;

/// A data row and the 1-based line it starts on. The cells live in one buffer
/// (a `csv::StringRecord`), so a row costs no allocation per cell.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawRow {
    pub line: u64,
    pub cells: csv::StringRecord,
}

impl RawRow {
    pub fn new(line: u64, cells: Vec<String>) -> RawRow {
        RawRow { line, cells: csv::StringRecord::from(cells) }
    }
}

/// Tab when the header line has more tabs than commas, else comma.
pub fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    }
}

/// What the reader met next; a row is lent from the reader's buffer.
#[derive(Debug)]
pub enum Record<'a> {
    Header(Vec<String>),
    Row(&'a RawRow),
    /// A row whose every cell is empty (Excel's trailing ",,,"): skipped, counted.
    Blank,
}

/// Reads records from LF-terminated UTF-8 text (see [`super::stream`]). The first
/// non-blank record is the header.
pub struct Records<R> {
    reader: csv::Reader<R>,
    row: RawRow,
    seen_header: bool,
}

impl<R: Read> Records<R> {
    pub fn new(text: R, delimiter: u8) -> Records<R> {
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text);
        Records { reader, row: RawRow::default(), seen_header: false }
    }

    /// The text source (to ask it how far it has read).
    pub fn source(&self) -> &R {
        self.reader.get_ref()
    }
}

impl<R: Read> Records<R> {
    /// The next record: `None` at the end of the text.
    pub fn next_record(&mut self) -> Option<Result<Record<'_>, csv::Error>> {
        match self.reader.read_record(&mut self.row.cells) {
            Err(e) => Some(Err(e)),
            Ok(false) => None,
            Ok(true) => {
                let cells = &self.row.cells;
                if cells.iter().all(|c| c.trim().is_empty()) {
                    return Some(Ok(Record::Blank));
                }
                if !self.seen_header {
                    self.seen_header = true;
                    return Some(Ok(Record::Header(cells.iter().map(str::to_string).collect())));
                }
                self.row.line = cells.position().map_or(0, |p| p.line());
                Some(Ok(Record::Row(&self.row)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Owned copies of what the reader meets.
    #[derive(Debug)]
    enum Owned {
        Header(Vec<String>),
        Row(RawRow),
        Blank,
    }

    fn read(text: &str) -> Vec<Owned> {
        let mut records = Records::new(text.as_bytes(), sniff_delimiter(text));
        let mut out = Vec::new();
        while let Some(r) = records.next_record() {
            out.push(match r.unwrap() {
                Record::Header(h) => Owned::Header(h),
                Record::Row(row) => Owned::Row(row.clone()),
                Record::Blank => Owned::Blank,
            });
        }
        out
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines() {
        let records = read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n,,\n3,q,r\n");
        let rows: Vec<&RawRow> =
            records.iter().filter_map(|r| if let Owned::Row(r) = r { Some(r) } else { None }).collect();
        assert!(matches!(&records[0], Owned::Header(h) if h == &["a", "b", "c"]));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].cells, vec!["1", "x, y", "say \"hi\""]);
        assert_eq!(&rows[1].cells[1], "two\nlines");
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[2].line, 6);
        assert_eq!(records.iter().filter(|r| matches!(r, Owned::Blank)).count(), 1);
    }

    #[test]
    fn tabs_are_sniffed() {
        let records = read("a\tb\n1,5\t2\n");
        assert!(matches!(&records[1], Owned::Row(r) if r.cells == vec!["1,5", "2"]));
        assert!(read("").is_empty());
        assert!(read("\n\n").is_empty());
    }
}
