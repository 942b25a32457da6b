//! Text → header row and data rows, with the line each row starts on, read as a
//! stream. Comma- or tab-separated; quoted fields with embedded delimiters,
//! doubled quotes and line breaks follow RFC 4180.
//!
//! A line with no quote is split here, in one pass over its bytes and without a
//! copy: that is every line a system export writes, and the reason a 200 MB
//! file reads in a fraction of a second. A record that has a quote (or a bare
//! CR, which csv readers take as a line end) goes to `csv-core`, whose state
//! machine does the quoting; both ways give the same cells.
//!
//! Cells are bytes: UTF-8 text is checked where a cell is read (see
//! [`RawRow::text`]), so valid text is never checked twice and a bad byte is
//! still reported with its offset and line.

use super::rows::RawRow;
use std::io::{self, Read};

/// Bytes read from the source at a time.
const CHUNK: usize = 256 * 1024;

const BOM: &[u8] = b"\xEF\xBB\xBF";

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
    /// A row whose every cell is empty, before the header: skipped, counted.
    Blank,
    Header(RawRow<'a>),
    /// A row after the header, which may be blank (see [`RawRow::is_blank`]:
    /// whoever reads the row asks only when its cells are not all plain).
    Row(RawRow<'a>),
}

/// How the next record stands in the buffer.
enum Next {
    /// A line without quotes, `buf[start..end]`, followed by `skip` line-end bytes.
    Plain { end: usize, skip: usize },
    /// A record for csv-core.
    Quoted,
    /// The line goes past the bytes read so far.
    More,
    /// An empty line (skipped, as csv readers do).
    Empty { skip: usize },
}

/// Reads records from text. The first non-blank record is the header.
pub struct Records<R> {
    source: R,
    delimiter: u8,
    /// The bytes a line scan stops at: the delimiter, LF, CR and the quote.
    stops: [bool; 256],
    /// Bytes read and not yet consumed: `buf[start..filled]` (the buffer is
    /// reused, never cleared, so no chunk is zeroed before it is read into).
    buf: Vec<u8>,
    start: usize,
    filled: usize,
    /// Offset in the text of `buf[0]`.
    base: u64,
    /// Line of `buf[start]`.
    line: u64,
    eof: bool,
    /// Whether the text's first bytes were looked at for a byte-order mark.
    bom_checked: bool,
    /// Whether the last record had quotes: files that quote, quote every row
    /// (Excel's "1,234"), so the next record goes to csv-core without a scan.
    quoting: bool,
    quoted: csv_core::Reader,
    /// The cells of the last quoted record: `out[..out_len]`.
    out: Vec<u8>,
    out_len: usize,
    ends: Vec<usize>,
    bounds: Vec<(usize, usize)>,
    seen_header: bool,
}

impl<R: Read> Records<R> {
    pub fn new(source: R, delimiter: u8) -> Records<R> {
        let mut stops = [false; 256];
        for b in [delimiter, b'\n', b'\r', b'"'] {
            stops[usize::from(b)] = true;
        }
        Records {
            source,
            delimiter,
            stops,
            buf: Vec::new(),
            start: 0,
            filled: 0,
            base: 0,
            line: 1,
            eof: false,
            bom_checked: false,
            quoting: false,
            quoted: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            out: vec![0; 1024],
            out_len: 0,
            ends: vec![0; 64],
            bounds: Vec::new(),
            seen_header: false,
        }
    }

    /// The text source (to ask it how far it has read).
    pub fn source(&self) -> &R {
        &self.source
    }

    /// Reads more of the source, keeping `buf[keep..filled]`: at least a chunk,
    /// and at least as much as is kept, so a line or record longer than a chunk
    /// is scanned a number of times that grows with the log of its length.
    fn refill(&mut self, keep: usize) -> io::Result<()> {
        self.buf.copy_within(keep..self.filled, 0);
        self.filled -= keep;
        self.base += keep as u64;
        self.start -= keep;
        let target = self.filled + CHUNK.max(self.filled);
        if self.buf.len() < target {
            self.buf.resize(target, 0);
        }
        let mut read = 0;
        while self.filled < target {
            match self.source.read(&mut self.buf[self.filled..target]) {
                Ok(0) => break,
                Ok(n) => {
                    self.filled += n;
                    read += n;
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        self.eof = read == 0;
        if !self.bom_checked && (self.filled >= BOM.len() || self.eof) {
            self.bom_checked = true;
            if self.base == 0 && self.start == 0 && self.buf[..self.filled].starts_with(BOM) {
                self.start = BOM.len();
            }
        }
        Ok(())
    }

    /// Splits the line at `buf[start..]` into `bounds`, relative to `start`.
    fn scan(&mut self) -> Next {
        let line = &self.buf[self.start..self.filled];
        if self.quoting {
            // Only empty lines are skipped here (so a record's line is its own).
            return match (line.first(), line.get(1)) {
                (None, _) if !self.eof => Next::More,
                (None, _) => Next::Empty { skip: 0 },
                (Some(b'\n'), _) => Next::Empty { skip: 1 },
                (Some(b'\r'), Some(b'\n')) => Next::Empty { skip: 2 },
                (Some(b'\r'), None) if !self.eof => Next::More,
                _ => Next::Quoted,
            };
        }
        self.bounds.clear();
        let mut cell = 0;
        let mut at = 0;
        while let Some(found) = line[at..].iter().position(|b| self.stops[usize::from(*b)]) {
            let i = at + found;
            at = i + 1;
            if line[i] == self.delimiter {
                self.bounds.push((cell, i));
                cell = at;
                continue;
            }
            let end = match (line[i], line.get(at)) {
                (b'\n', _) => Some((i, 1)),
                (b'\r', Some(b'\n')) => Some((i, 2)),
                (b'\r', None) if !self.eof => return Next::More,
                _ => None,
            };
            return match end {
                Some((0, skip)) => Next::Empty { skip },
                Some((end, skip)) => {
                    self.bounds.push((cell, end));
                    Next::Plain { end: self.start + end, skip }
                }
                None => Next::Quoted,
            };
        }
        match (self.eof, line.len()) {
            (false, _) => Next::More,
            (true, 0) => Next::Empty { skip: 0 },
            (true, n) => {
                self.bounds.push((cell, n));
                Next::Plain { end: self.start + n, skip: 0 }
            }
        }
    }

    /// Reads one record with csv-core from `buf[start..]`; returns the end of
    /// its bytes in `buf`, or `None` at the end of the text.
    fn read_quoted(&mut self) -> io::Result<Option<usize>> {
        let (mut at, mut nout, mut nends) = (self.start, 0, 0);
        loop {
            let (result, nin, out, ends) = self.quoted.read_record(
                &self.buf[at..self.filled],
                &mut self.out[nout..],
                &mut self.ends[nends..],
            );
            at += nin;
            nout += out;
            nends += ends;
            match result {
                csv_core::ReadRecordResult::InputEmpty if !self.eof => {
                    let keep = self.start;
                    self.refill(keep)?;
                    at -= keep;
                }
                csv_core::ReadRecordResult::InputEmpty => {}
                csv_core::ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                csv_core::ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                csv_core::ReadRecordResult::Record => {
                    // Longer than its cells, delimiters and line end: it had quotes.
                    self.quoting = at - self.start > nout + nends;
                    // One way of writing a line break inside a cell, as the
                    // decoder gives other encodings: CRLF → LF, in place.
                    let crlf = self.out[..nout].contains(&b'\r');
                    self.bounds.clear();
                    let (mut from, mut write) = (0, 0);
                    for &end in &self.ends[..nends] {
                        let start = write;
                        if crlf {
                            for i in from..end {
                                if !(self.out[i] == b'\r' && i + 1 < end && self.out[i + 1] == b'\n') {
                                    self.out[write] = self.out[i];
                                    write += 1;
                                }
                            }
                        } else {
                            write = end;
                        }
                        self.bounds.push((start, write));
                        from = end;
                    }
                    self.out_len = write;
                    return Ok(Some(at));
                }
                csv_core::ReadRecordResult::End => return Ok(None),
            }
        }
    }

    /// The next record: `None` at the end of the text.
    ///
    /// Never inlined: in the browser, V8 moves a Wasm function to optimised code
    /// when it is next called, so a loop that never re-enters a function runs a
    /// whole first file in baseline code (measured: 0.94 s instead of 0.51 s
    /// for 215 MB; see ARCHITECTURE.md).
    #[inline(never)]
    pub fn next_record(&mut self) -> Option<io::Result<Record<'_>>> {
        let (end, next, quoted) = loop {
            match self.scan() {
                Next::More => {
                    if let Err(e) = self.refill(self.start) {
                        return Some(Err(e));
                    }
                }
                Next::Empty { skip: 0 } => return None,
                Next::Empty { skip } => {
                    self.start += skip;
                    self.line += 1;
                }
                Next::Plain { end, skip } => break (end, end + skip, false),
                Next::Quoted => match self.read_quoted() {
                    Err(e) => return Some(Err(e)),
                    Ok(None) => return None,
                    Ok(Some(end)) => break (end, end, true),
                },
            }
        };
        let start = self.start;
        let raw = &self.buf[start..end];
        let row = RawRow {
            line: self.line,
            offset: self.base + start as u64,
            raw,
            bytes: if quoted { &self.out[..self.out_len] } else { raw },
            bounds: &self.bounds,
        };
        self.line += if quoted {
            self.buf[start..next].iter().filter(|b| **b == b'\n').count() as u64
        } else {
            u64::from(next > end)
        };
        self.start = next;
        if self.seen_header {
            return Some(Ok(Record::Row(row)));
        }
        if row.is_blank() {
            return Some(Ok(Record::Blank));
        }
        self.seen_header = true;
        Some(Ok(Record::Header(row)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::rows::NotUtf8;
    use crate::core::import::test_support::Trickle;

    /// Owned copies of what the reader meets.
    #[derive(Debug, PartialEq)]
    enum Owned {
        Header(Vec<String>),
        Row(u64, Vec<String>),
        Blank,
    }

    fn cells(row: &RawRow) -> Vec<String> {
        row.text().unwrap().cells().map(str::to_string).collect()
    }

    fn read_in(text: &[u8], trickle: usize) -> Vec<Owned> {
        let delimiter = sniff_delimiter(&String::from_utf8_lossy(text));
        let mut records = Records::new(Trickle(text, trickle), delimiter);
        let mut out = Vec::new();
        while let Some(r) = records.next_record() {
            out.push(match r.unwrap() {
                Record::Header(h) => Owned::Header(cells(&h)),
                Record::Row(row) if row.is_blank() => Owned::Blank,
                Record::Row(row) => Owned::Row(row.line, cells(&row)),
                Record::Blank => Owned::Blank,
            });
        }
        out
    }

    fn read(text: &str) -> Vec<Owned> {
        read_in(text.as_bytes(), usize::MAX)
    }

    fn row(line: u64, cells: &[&str]) -> Owned {
        Owned::Row(line, cells.iter().map(|c| c.to_string()).collect())
    }

    fn header(cells: &[&str]) -> Owned {
        Owned::Header(cells.iter().map(|c| c.to_string()).collect())
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines() {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n,,\n3,q,r\n";
        let expected = vec![
            header(&["a", "b", "c"]),
            row(2, &["1", "x, y", "say \"hi\""]),
            row(3, &["2", "two\nlines", "z"]),
            Owned::Blank,
            row(6, &["3", "q", "r"]),
        ];
        for trickle in [1, 2, 3, 5, 7, usize::MAX] {
            assert_eq!(read_in(text.as_bytes(), trickle), expected, "{trickle} bytes at a time");
        }
    }

    #[test]
    fn line_ends_empty_lines_and_a_last_line_without_one() {
        let text = "a,b\r\n\r\n1,2\r\n\n\"q\r\nr\",3\r\n4,5";
        let expected =
            vec![header(&["a", "b"]), row(3, &["1", "2"]), row(5, &["q\nr", "3"]), row(7, &["4", "5"])];
        for trickle in [1, 2, 4, usize::MAX] {
            assert_eq!(read_in(text.as_bytes(), trickle), expected, "{trickle} bytes at a time");
        }
        // After a quoted record the next goes to csv-core, past empty lines first.
        let text = "a,b\n\"1\",2\n\n\r\n\"3\",\"x\ny\"\n\n5,6\n\"7\",8";
        let expected = vec![
            header(&["a", "b"]),
            row(2, &["1", "2"]),
            row(5, &["3", "x\ny"]),
            row(8, &["5", "6"]),
            row(9, &["7", "8"]),
        ];
        for trickle in [1, 2, 3, usize::MAX] {
            assert_eq!(read_in(text.as_bytes(), trickle), expected, "{trickle} bytes at a time");
        }
        // A bare CR ends a record, as in every csv reader.
        assert_eq!(
            read("a,b\n1,2\r3,4\n"),
            vec![header(&["a", "b"]), row(2, &["1", "2"]), row(2, &["3", "4"])]
        );
    }

    #[test]
    fn lines_and_quoted_cells_longer_than_a_chunk() {
        let long = "髙".repeat(CHUNK);
        let text = format!("a,b\n1,{long}\n\"{long}\n{long}\",2\n3,4\n");
        let expected = vec![
            header(&["a", "b"]),
            row(2, &["1", &long]),
            row(3, &[&format!("{long}\n{long}"), "2"]),
            row(5, &["3", "4"]),
        ];
        assert_eq!(read_in(text.as_bytes(), 1000), expected);
    }

    #[test]
    fn plain_and_quoted_lines_give_the_same_cells() {
        // A quote inside a cell is text; as a cell's first byte it opens quoting.
        assert_eq!(read("a,b,c\n1,ab\"c,2\n")[1], row(2, &["1", "ab\"c", "2"]));
        assert_eq!(read("a,b\n1,\"x,y\"\n")[1], row(2, &["1", "x,y"]));
        // A shorter quoted record after a longer one: only its own bytes are text.
        let rows = read("a,b\n\"髙髙髙髙\",\"﨑﨑\"\n\"x\",\"髙\"\n");
        assert_eq!(rows[2], row(3, &["x", "髙"]));
        let plain = read("x,y\n1,髙﨑\n,\n");
        let quoted = read("\"x\",\"y\"\n\"1\",\"髙﨑\"\n\"\",\"\"\n");
        assert_eq!(plain, quoted);
        assert_eq!(plain[2], Owned::Blank);
    }

    #[test]
    fn tabs_bom_and_blank_rows() {
        assert_eq!(read("a\tb\n1,5\t2\n")[1], row(2, &["1,5", "2"]));
        assert!(read("").is_empty());
        assert!(read("\n\n").is_empty());
        assert_eq!(read("\u{FEFF}a,b\n")[0], header(&["a", "b"]));
        assert_eq!(read("\u{3000}, \n,\t\na,b\n"), vec![Owned::Blank, Owned::Blank, header(&["a", "b"])]);
    }

    #[test]
    fn a_bad_byte_is_found_where_the_row_is_read() {
        let text = b"a,b\n1,2\n3,\"x\ny\xFF\"\n";
        let mut records = Records::new(&text[..], b',');
        let mut bad = Vec::new();
        while let Some(r) = records.next_record() {
            if let Record::Row(row) = r.unwrap() {
                bad.push(row.text().err());
            }
        }
        assert_eq!(bad, vec![None, Some(NotUtf8 { offset: 14, line: 4 })]);
    }
}
