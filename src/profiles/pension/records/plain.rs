//! Record rows in the plain forms a system export writes (`1234567890`,
//! `90408`, `2026-06-15`, `2026-05`, `電話`), read straight from their bytes
//! into the columns: the way millions of rows read in a fraction of a second.
//! A row with any other form is left to the text way ([`super::reading::add_row`]),
//! which reads every form people type and lists every problem; a property test
//! holds the two ways to the same result.

use super::reading::MAX_MONTHS_PER_PAYMENT;
use super::tables::{digits, Channel, Choice, Method, OfficeId, Outcome, PersonId, RecordTables};
use crate::core::import::profile::FastRows;
use crate::core::import::rows::RawRow;
use crate::core::import::schema::HeaderMatch;
use crate::profiles::pension::tables::{contacts, payments, PensionTable};
use crate::profiles::pension::Pension;
use chrono::NaiveDate;

/// `YYYY-MM-DD` in ASCII digits; `None` for any other form, or no such day.
pub(super) fn plain_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&b[..4])? as i32, digits(&b[5..7])? as u32, digits(&b[8..])? as u32)
}

/// `YYYY-MM` in ASCII digits, as the month's first day.
pub(super) fn plain_month(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 7 || b[4] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&b[..4])? as i32, digits(&b[5..])? as u32, 1)
}

/// Up to four ASCII digits in `1..=max`, or blank as `blank`.
fn plain_small(b: &[u8], blank: Option<u32>, max: u32) -> Option<u32> {
    match b.len() {
        0 => blank,
        1..=4 => digits(b).filter(|n| (1..=u64::from(max)).contains(n)).map(|n| n as u32),
        _ => None,
    }
}

/// A code of printable ASCII, nothing to trim.
fn plain_office(b: &[u8]) -> Option<&str> {
    let code = std::str::from_utf8(b).ok()?;
    (!b.is_empty() && code.bytes().all(|c| c.is_ascii_graphic())).then_some(code)
}

/// Up to eight bytes as one number (with the length apart): a cache key.
fn packed(b: &[u8]) -> Option<(u64, usize)> {
    let mut key = [0u8; 8];
    key.get_mut(..b.len())?.copy_from_slice(b);
    Some((u64::from_le_bytes(key), b.len()))
}

/// Days seen, by their ten bytes: a row's day is mostly one seen before, and a
/// look-up is cheaper than reading the digits and checking the calendar.
struct DayCache {
    slots: Vec<Option<(u64, u16, NaiveDate)>>,
}

impl DayCache {
    /// A power of two: a slot is the top bits of a multiplicative hash.
    const BITS: u32 = 12;

    fn new() -> DayCache {
        DayCache { slots: vec![None; 1 << DayCache::BITS] }
    }

    fn day(&mut self, b: &[u8]) -> Option<NaiveDate> {
        let (head, tail) = match b {
            [h @ .., t0, t1] if h.len() == 8 => {
                (u64::from_le_bytes(h.try_into().ok()?), u16::from_le_bytes([*t0, *t1]))
            }
            _ => return None,
        };
        let hash =
            head.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ u64::from(tail).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        let slot = (hash >> (64 - DayCache::BITS)) as usize;
        match self.slots[slot] {
            Some((h, t, day)) if h == head && t == tail => Some(day),
            _ => {
                let day = plain_day(b)?;
                self.slots[slot] = Some((head, tail, day));
                Some(day)
            }
        }
    }
}

/// Reads a file's plain record rows into columns: where the columns are,
/// worked out once from the header, and what the last rows had.
pub struct PlainReader {
    table: PensionTable,
    /// The file column of each of `table.columns()`.
    positions: Vec<Option<usize>>,
    /// Columns of the header that no expected column reads.
    unread: Vec<usize>,
    width: usize,
    /// The last office code (up to eight bytes) and its id: rows come in runs.
    last_office: Option<((u64, usize), OfficeId)>,
    days: DayCache,
}

impl PlainReader {
    fn cell<'a>(&self, row: &RawRow<'a>, index: usize) -> &'a [u8] {
        self.positions[index].map_or(&[], |p| row.cell(p))
    }

    /// Whether the cells no column reads are text.
    fn unread_are_text(&self, row: &RawRow) -> bool {
        let text = |i: &usize| std::str::from_utf8(row.cell(*i)).is_ok();
        self.unread.iter().all(text) && (self.width..row.width()).all(|i| text(&i))
    }

    /// The office of a plain code: the last one when the bytes are the same
    /// (so valid as they were then), else checked and interned.
    fn office(&mut self, tables: &mut RecordTables, b: &[u8]) -> Option<OfficeId> {
        let key = packed(b);
        if let Some((last, id)) = self.last_office {
            if key == Some(last) {
                return Some(id);
            }
        }
        let id = tables.office(plain_office(b)?);
        self.last_office = key.map(|k| (k, id));
        Some(id)
    }

    /// The office of a row whose other cells are plain: `None` when a column
    /// not read is not text or the code is not plain.
    fn row_office(&mut self, tables: &mut RecordTables, row: &RawRow, column: usize) -> Option<OfficeId> {
        if !self.unread_are_text(row) {
            return None;
        }
        self.office(tables, self.cell(row, column))
    }
}

impl FastRows<Pension> for PlainReader {
    /// `None` for a table read only as text.
    fn new(header: &HeaderMatch<PensionTable>, width: usize) -> Option<PlainReader> {
        matches!(header.table, PensionTable::Contacts | PensionTable::Payments).then(|| PlainReader {
            table: header.table,
            positions: header.positions.clone(),
            unread: (0..width).filter(|i| !header.positions.contains(&Some(*i))).collect(),
            width,
            last_office: None,
            days: DayCache::new(),
        })
    }

    /// Adds a row whose every cell is in its plain form; `false` (nothing
    /// added) when any cell is not, and the row is to be read as text. Each
    /// cell this accepts is valid UTF-8 by its form; cells of columns not read
    /// are checked here.
    fn add(&mut self, tables: &mut RecordTables, row: &RawRow) -> bool {
        match self.table {
            PensionTable::Contacts => {
                let (Some(person), Some(date), Some(method), Some(outcome)) = (
                    PersonId::parse_plain(self.cell(row, contacts::PERSON)),
                    self.days.day(self.cell(row, contacts::DATE)),
                    Method::parse(self.cell(row, contacts::METHOD)),
                    Outcome::parse(self.cell(row, contacts::OUTCOME)),
                ) else {
                    return false;
                };
                let Some(office) = self.row_office(tables, row, contacts::OFFICE) else {
                    return false;
                };
                tables.push_contact(person, office, date, method, outcome);
            }
            PensionTable::Payments => {
                let (Some(person), Some(paid), Some(premium), Some(months), Some(channel)) = (
                    PersonId::parse_plain(self.cell(row, payments::PERSON)),
                    self.days.day(self.cell(row, payments::PAID)),
                    plain_month(self.cell(row, payments::PREMIUM_MONTH)),
                    plain_small(self.cell(row, payments::MONTHS), Some(1), MAX_MONTHS_PER_PAYMENT),
                    Channel::parse(self.cell(row, payments::CHANNEL)),
                ) else {
                    return false;
                };
                let Some(office) = self.row_office(tables, row, payments::OFFICE) else {
                    return false;
                };
                tables.push_payment(person, office, paid, premium, months, channel);
            }
            _ => return false,
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::super::reading::add_row;
    use super::*;
    use crate::core::import::rows::RowReader;
    use crate::core::import::schema::recognize;
    use crate::core::import::table::{Record, Records};
    use proptest::prelude::*;

    /// Reads `lines` under `header` with one reader (so its caches carry over
    /// from row to row), each line the plain way when the reader takes it.
    /// The lines taken are also read as text. Returns (the plain tables, the
    /// text tables of the lines taken, the text way's problems on them, how
    /// many were taken).
    fn both_ways(header: &[&str], lines: &[String]) -> (RecordTables, RecordTables, usize, usize) {
        let header_cells: Vec<String> = header.iter().map(|c| c.to_string()).collect();
        let matched = recognize(&header_cells).unwrap();
        let mut reader = PlainReader::new(&matched, header.len()).unwrap();
        let text = format!("{}\n{}\n", header.join(","), lines.join("\n"));
        let mut records = Records::new(text.as_bytes(), b',');
        assert!(matches!(records.next_record(), Some(Ok(Record::Header(_)))));
        let (mut plain, mut as_text, mut problems, mut taken) =
            (RecordTables::default(), RecordTables::default(), 0, 0);
        while let Some(Ok(Record::Row(row))) = records.next_record() {
            let before = plain.clone();
            if reader.add(&mut plain, &row) {
                taken += 1;
                let mut text_reader = RowReader::new("f.csv", &matched, row.text().unwrap());
                add_row(&mut as_text, &mut text_reader);
                problems += text_reader.problems.len();
            } else {
                assert_eq!(plain, before, "a row not taken adds nothing");
            }
        }
        (plain, as_text, problems, taken)
    }

    /// Mostly plain forms (so most rows are plain but for one cell), else any
    /// other form, valid or not.
    fn cell(plain: &'static [&'static str], other: &'static [&'static str]) -> BoxedStrategy<&'static str> {
        prop_oneof![6 => proptest::sample::select(plain), 1 => proptest::sample::select(other)].boxed()
    }

    /// A row's line in one table's layout, from its generated cells.
    type Line = Box<dyn Fn(&[&str; 9]) -> String>;

    fn row() -> impl Strategy<Value = [&'static str; 9]> {
        (
            cell(
                &["9000000001", "1234-567890"],
                &["１２３４５６７８９０", " 9000000001", "900000000", "90000000010", ""],
            ),
            cell(&["90408", "A-1", "90101"], &[" 90408", "９０４０８", "事務所", "", "\0\0\0\0\0"]),
            cell(
                &["2026-06-15", "2028-02-29", "2026-07-15"],
                &[
                    "2026-02-30",
                    "令和8年6月15日",
                    "2026/6/15",
                    "2026-6-15",
                    "2026-06-1５",
                    "",
                    "\0\0\0\0\0\0\0\0\0\0",
                ],
            ),
            cell(&["電話", "phone", "PHONE", "SMS"], &["ＳＭＳ", "FAX", "電話 ", ""]),
            cell(&["本人接触", "sent", "不通"], &["送付 ", "x", ""]),
            cell(&["2026-05", "2024-12"], &["2026-13", "R8.5", "2026-5", "2026-00", ""]),
            cell(&["", "1", "24", "01"], &["25", "0", "00", "３", "12345", "-1"]),
            cell(&["通常", "forced", "Normal"], &["強制", "通常　", ""]),
            cell(&["", "山田 花子"], &["x,y"]),
        )
            .prop_map(|(a, b, c, d, e, f, g, h, i)| [a, b, c, d, e, f, g, h, i])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// The plain way takes only rows the text way accepts, and gives the
        /// same columns; every other row is left to the text way.
        #[test]
        fn plain_rows_read_as_the_text_way_reads_them(rows in prop::collection::vec(row(), 1..12)) {
            let cases: [(&[&str], Line); 4] = [
                (&["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果"], Box::new(|r| r[..5].join(","))),
                (&["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果", "氏名"],
                    Box::new(|r| format!("{},{}", r[..5].join(","), r[8]))),
                (&["基礎年金番号", "事務所コード", "納付日", "対象年月", "月数", "収納区分"],
                    Box::new(|r| [r[0], r[1], r[2], r[5], r[6], r[7]].join(","))),
                (&["事務所コード", "基礎年金番号", "納付日", "対象年月", "収納区分"],
                    Box::new(|r| [r[1], r[0], r[2], r[5], r[7]].join(","))),
            ];
            for (header, line) in &cases {
                let lines: Vec<String> = rows.iter().map(line).collect();
                let (plain, text, problems, _) = both_ways(header, &lines);
                prop_assert_eq!(problems, 0, "{:?}", lines);
                prop_assert_eq!(plain, text, "{:?}", lines);
            }
        }
    }

    #[test]
    fn the_plain_way_takes_plain_rows_only() {
        let header = ["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果"];
        let taken = |line: &str| both_ways(&header, &[line.to_string()]).3 == 1;
        assert!(taken("9000000001,90408,2026-06-15,電話,本人接触"));
        assert!(taken("1234-567890,A-1,2028-02-29,PHONE,sent"));
        assert!(!taken("9000000001,90408,2026-06-15,電話, 本人接触"));
        assert!(!taken("9000000001,90408,2026-02-30,電話,本人接触"));
        assert!(!taken("9000000001,90408,\0\0\0\0\0\0\0\0\0\0,電話,本人接触"));
    }

    #[test]
    fn the_caches_give_each_row_its_own_day_and_office() {
        let header = ["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果"];
        let lines: Vec<String> = (0..3000)
            .map(|i| {
                format!(
                    "9000000001,{},{},電話,本人接触",
                    90000 + i % 7,
                    NaiveDate::MIN
                        .max(NaiveDate::from_ymd_opt(2026, 5, 1).unwrap() + chrono::Days::new(i % 1100))
                )
            })
            .collect();
        let (plain, text, problems, taken) = both_ways(&header, &lines);
        assert_eq!((problems, taken), (0, 3000));
        assert_eq!(plain, text);
    }
}
