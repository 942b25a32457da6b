//! Decoded text → header row and data rows, with the line each row starts on.
//! Comma- or tab-separated, quoted fields with embedded commas, quotes and
//! newlines (the csv crate does the parsing).

/// A data row and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawRow {
    pub line: u64,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawTable {
    pub header: Vec<String>,
    pub rows: Vec<RawRow>,
    /// Rows whose every cell is empty (Excel's trailing ",,,"): skipped, counted.
    pub blank_rows: u64,
    pub delimiter: u8,
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

/// Splits text into a header and rows. `None` when there is no header row.
/// CRLF line ends (what Excel writes) are read as LF first: the csv crate's line
/// count is one short after a CRLF header, and a line number is what the user
/// needs to find a row.
pub fn read_table(text: &str) -> Option<RawTable> {
    let unified;
    let text = if text.contains('\r') {
        unified = text.replace("\r\n", "\n");
        unified.as_str()
    } else {
        text
    };
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header: Vec<String> = loop {
        match records.next()? {
            Ok(r) if r.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(r) => break r.iter().map(str::to_string).collect(),
            Err(_) => return None,
        }
    };
    let mut table = RawTable { header, delimiter, ..RawTable::default() };
    for record in records {
        // The input is a &str, so the only error left is a malformed record,
        // which `flexible` turns into a short row; keep whatever was read.
        let Ok(record) = record else { continue };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            table.blank_rows += 1;
            continue;
        }
        table.rows.push(RawRow { line, cells: record.iter().map(str::to_string).collect() });
    }
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines() {
        let text = "a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n,,\n3,q,r\n";
        let t = read_table(text).unwrap();
        assert_eq!(t.header, ["a", "b", "c"]);
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].cells, ["1", "x, y", "say \"hi\""]);
        assert_eq!(t.rows[1].cells[1], "two\nlines");
        assert_eq!(t.rows[1].line, 3);
        assert_eq!(t.rows[2].line, 6);
        assert_eq!(t.blank_rows, 1);
        assert_eq!(t.delimiter, b',');
    }

    #[test]
    fn crlf_lines_are_counted_like_lf() {
        let t = read_table("a,b\r\n1,2\r\n3,\"x\r\ny\"\r\n5,z\r\n").unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 3, 5]);
        assert_eq!(t.rows[1].cells[1], "x\ny");
    }

    #[test]
    fn tabs_are_sniffed() {
        let t = read_table("a\tb\n1,5\t2\n").unwrap();
        assert_eq!(t.delimiter, b'\t');
        assert_eq!(t.rows[0].cells, ["1,5", "2"]);
        assert_eq!(read_table(""), None);
        assert_eq!(read_table("\n\n"), None);
    }
}
