//! Record-level tables (contacts, payments, delinquents): typed columns for the
//! record engine. Same rules as every table (values as typed, every problem
//! listed), with a fast path for the plain forms a system export writes
//! (`1234567890`, `2026-06-15`, `電話`), so millions of rows read quickly; any
//! other form goes through the general parsers of [`super::values`].

use super::problem::Reason;
use super::rows::RowReader;
use super::schema::{HeaderMatch, TableKind};
use super::table::RawRow;
use super::values::{normalize, parse_count, parse_date, parse_month, ValueError};
use crate::core::records::tables::{Channel, Choice, Method, Outcome, PersonId, RecordTables};
use chrono::NaiveDate;

use crate::core::records::tables::digits;

/// `YYYY-MM-DD` in ASCII digits; `None` for any other form, or no such day.
fn plain_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&b[..4])? as i32, digits(&b[5..7])? as u32, digits(&b[8..])? as u32)
}

/// `YYYY-MM` in ASCII digits, as the month's first day.
fn plain_month(b: &[u8]) -> Option<NaiveDate> {
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

/// Where a record table's columns are in a file's rows, worked out once per
/// file for [`add_plain_row`].
pub struct PlainLayout {
    table: TableKind,
    /// The file column of each of `table.columns()`.
    positions: Vec<Option<usize>>,
    /// Columns of the header that no expected column reads.
    unread: Vec<usize>,
    width: usize,
}

impl PlainLayout {
    /// `None` for a table read only as text.
    pub fn new(header: &HeaderMatch, width: usize) -> Option<PlainLayout> {
        matches!(header.table, TableKind::Contacts | TableKind::Payments).then(|| PlainLayout {
            table: header.table,
            positions: header.positions.clone(),
            unread: (0..width).filter(|i| !header.positions.contains(&Some(*i))).collect(),
            width,
        })
    }

    fn cell<'a>(&self, row: &RawRow<'a>, index: usize) -> &'a [u8] {
        self.positions[index].map_or(&[], |p| row.cell(p))
    }

    /// Whether the cells no column reads are text.
    fn unread_are_text(&self, row: &RawRow) -> bool {
        let text = |i: &usize| std::str::from_utf8(row.cell(*i)).is_ok();
        self.unread.iter().all(text) && (self.width..row.width()).all(|i| text(&i))
    }
}

/// 基礎年金番号: ten digits, with or without the hyphen after the fourth
/// (`1234567890`, `1234-567890`, full-width digits).
pub fn parse_person_id(text: &str) -> Result<PersonId, ValueError> {
    if let Some(id) = PersonId::parse_plain(text.as_bytes()) {
        return Ok(id);
    }
    let n = normalize(text);
    if n.is_empty() {
        return Err(ValueError::Empty);
    }
    PersonId::parse_plain(n.as_bytes()).ok_or(ValueError::NotAPensionNumber)
}

/// A day; `YYYY-MM-DD` directly, every other form through [`parse_date`].
pub fn parse_day(text: &str) -> Result<NaiveDate, ValueError> {
    plain_day(text.as_bytes()).map_or_else(|| parse_date(text), Ok)
}

/// A month as its first day; `YYYY-MM` directly, else [`parse_month`].
pub fn parse_premium_month(text: &str) -> Result<NaiveDate, ValueError> {
    plain_month(text.as_bytes()).map_or_else(|| parse_month(text).map(|m| m.first_day()), Ok)
}

fn parse_choice<T: Choice>(text: &str) -> Result<T, Reason> {
    if let Some(v) = T::parse(text.as_bytes()) {
        return Ok(v);
    }
    let n = normalize(text);
    if n.is_empty() {
        return Err(Reason::Value { error: ValueError::Empty });
    }
    T::parse(n.as_bytes()).ok_or_else(|| Reason::NotOneOf { allowed: T::listing() })
}

/// A small whole number in `1..=max`; blank gives `blank`, when one is allowed.
fn parse_small(text: &str, blank: Option<u32>, max: u32) -> Result<u32, ValueError> {
    let plain = digits(text.as_bytes()).filter(|_| !text.is_empty() && text.len() <= 4);
    let n = match (plain, blank) {
        (Some(n), _) => n as i64,
        (None, Some(v)) if normalize(text).is_empty() => return Ok(v),
        (None, _) => parse_count(text)?,
    };
    match n {
        0 => Err(ValueError::NotPositive),
        n if n > i64::from(max) => Err(ValueError::TooLarge),
        n => Ok(n as u32),
    }
}

/// 免除等勧奨: blank, 1, 2 or 3.
fn parse_exemption_flag(text: &str) -> Result<u8, Reason> {
    match normalize(text).as_str() {
        "" => Ok(0),
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        _ => Err(Reason::NotOneOf { allowed: "(空欄/blank), 1, 2, 3".to_string() }),
    }
}

/// The most premium months one payment row may carry (a two-year prepayment).
pub const MAX_MONTHS_PER_PAYMENT: u32 = 24;

/// The most unpaid months a person can be provided with (the 2-year limitation
/// plus the current year's, with margin for data entry); more is a typo.
pub const MAX_UNPAID_MONTHS: u32 = 999;

/// An office code as written, trimmed (interned once the whole row is accepted).
fn parse_office_code(text: &str) -> Result<&str, ValueError> {
    let code = text.trim_matches(char::is_whitespace);
    if code.is_empty() {
        Err(ValueError::Empty)
    } else {
        Ok(code)
    }
}

/// Adds a row whose every cell is in its plain form, straight from its bytes;
/// `false` (nothing added) when any cell is not, and the row is to be read as
/// text by [`add_row`]. Each cell this accepts is valid UTF-8 by its form;
/// cells of columns not read are checked here.
pub fn add_plain_row(tables: &mut RecordTables, layout: &PlainLayout, row: &RawRow) -> bool {
    let cell = |index| layout.cell(row, index);
    match layout.table {
        TableKind::Contacts => {
            let (Some(person), Some(office), Some(date), Some(method), Some(outcome)) = (
                PersonId::parse_plain(cell(0)),
                plain_office(cell(1)),
                plain_day(cell(2)),
                Method::parse(cell(3)),
                Outcome::parse(cell(4)),
            ) else {
                return false;
            };
            if !layout.unread_are_text(row) {
                return false;
            }
            let office = tables.office(office);
            tables.push_contact(person, office, date, method, outcome);
        }
        TableKind::Payments => {
            let (Some(person), Some(office), Some(paid), Some(premium), Some(months), Some(channel)) = (
                PersonId::parse_plain(cell(0)),
                plain_office(cell(1)),
                plain_day(cell(2)),
                plain_month(cell(3)),
                plain_small(cell(4), Some(1), MAX_MONTHS_PER_PAYMENT),
                Channel::parse(cell(5)),
            ) else {
                return false;
            };
            if !layout.unread_are_text(row) {
                return false;
            }
            let office = tables.office(office);
            tables.push_payment(person, office, paid, premium, months, channel);
        }
        _ => return false,
    }
    true
}

/// Adds one row of a record table, or records its problems.
pub fn add_row(tables: &mut RecordTables, r: &mut RowReader) {
    match r.table() {
        TableKind::Contacts => {
            let person = r.take(0, parse_person_id);
            let office = r.take(1, parse_office_code);
            let date = r.take(2, parse_day);
            let method = r.take_with(3, parse_choice::<Method>);
            let outcome = r.take_with(4, parse_choice::<Outcome>);
            if let (Some(person), Some(office), Some(date), Some(method), Some(outcome)) =
                (person, office, date, method, outcome)
            {
                let office = tables.office(office);
                tables.push_contact(person, office, date, method, outcome);
            }
        }
        TableKind::Payments => {
            let person = r.take(0, parse_person_id);
            let office = r.take(1, parse_office_code);
            let paid = r.take(2, parse_day);
            let premium = r.take(3, parse_premium_month);
            let months = r.take(4, |t| parse_small(t, Some(1), MAX_MONTHS_PER_PAYMENT));
            let channel = r.take_with(5, parse_choice::<Channel>);
            if let (Some(person), Some(office), Some(paid), Some(premium), Some(months), Some(channel)) =
                (person, office, paid, premium, months, channel)
            {
                let office = tables.office(office);
                tables.push_payment(person, office, paid, premium, months, channel);
            }
        }
        TableKind::Delinquents => {
            let person = r.take(0, parse_person_id);
            let office = r.take(1, parse_office_code);
            let provided = r.take(2, parse_day);
            let unpaid = r.take(3, |t| parse_small(t, None, MAX_UNPAID_MONTHS));
            let flag = r.take_with(4, parse_exemption_flag);
            if let (Some(person), Some(office), Some(provided), Some(unpaid), Some(flag)) =
                (person, office, provided, unpaid, flag)
            {
                let office = tables.office(office);
                tables.push_delinquent(person, office, provided, unpaid, flag);
            }
        }
        _ => debug_assert!(false, "only record tables are read here"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::schema::recognize;
    use crate::core::import::table::{Record, Records};
    use proptest::prelude::*;

    /// Reads `header` and one data line the way a file is read: the plain way
    /// when [`add_plain_row`] takes the row, and as text by [`add_row`].
    /// Returns (the plain tables if taken, the text tables, text problems).
    fn both_ways(header: &[&str], line: &str) -> (Option<RecordTables>, RecordTables, usize) {
        let header_cells: Vec<String> = header.iter().map(|c| c.to_string()).collect();
        let matched = recognize(&header_cells).unwrap();
        let layout = PlainLayout::new(&matched, header.len()).unwrap();
        let text = format!("{}\n{line}\n", header.join(","));
        let mut records = Records::new(text.as_bytes(), b',');
        assert!(matches!(records.next_record(), Some(Ok(Record::Header(_)))));
        let Some(Ok(Record::Row(row))) = records.next_record() else { panic!("no row in {line:?}") };
        let mut plain = RecordTables::default();
        let taken = add_plain_row(&mut plain, &layout, &row);
        if !taken {
            assert_eq!(plain, RecordTables::default(), "a row not taken adds nothing");
        }
        let mut tables = RecordTables::default();
        let mut reader = RowReader::new("f.csv", &matched, row.text().unwrap());
        add_row(&mut tables, &mut reader);
        (taken.then_some(plain), tables, reader.problems.len())
    }

    /// Mostly plain forms (so most rows are plain but for one cell), else any
    /// other form, valid or not.
    fn cell(plain: &'static [&'static str], other: &'static [&'static str]) -> BoxedStrategy<&'static str> {
        prop_oneof![6 => proptest::sample::select(plain), 1 => proptest::sample::select(other)].boxed()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(800))]
        /// The plain way takes only rows the text way accepts, and gives the
        /// same columns; every other row is left to the text way.
        #[test]
        fn plain_rows_read_as_the_text_way_reads_them(
            person in cell(&["9000000001", "1234-567890"], &["１２３４５６７８９０", " 9000000001", "900000000", "90000000010", ""]),
            office in cell(&["90408", "A-1"], &[" 90408", "９０４０８", "事務所", ""]),
            day in cell(&["2026-06-15", "2028-02-29"], &["2026-02-30", "令和8年6月15日", "2026/6/15", "2026-6-15", "2026-06-1５", ""]),
            method in cell(&["電話", "phone", "PHONE", "SMS"], &["ＳＭＳ", "FAX", "電話 ", ""]),
            outcome in cell(&["本人接触", "sent", "不通"], &["送付 ", "x", ""]),
            premium in cell(&["2026-05", "2024-12"], &["2026-13", "R8.5", "2026-5", "2026-00", ""]),
            months in cell(&["", "1", "24", "01"], &["25", "0", "00", "３", "12345", "-1"]),
            channel in cell(&["通常", "forced", "Normal"], &["強制", "通常　", ""]),
            extra in cell(&["", "山田 花子"], &["x,y"]),
        ) {
            let contact = [person, office, day, method, outcome].join(",");
            let payment = [person, office, day, premium, months, channel].join(",");
            let cases = [
                (vec!["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果"], contact.clone()),
                (vec!["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果", "氏名"], format!("{contact},{extra}")),
                (vec!["基礎年金番号", "事務所コード", "納付日", "対象年月", "月数", "収納区分"], payment),
                (vec!["事務所コード", "基礎年金番号", "納付日", "対象年月", "収納区分"],
                    [office, person, day, premium, channel].join(",")),
            ];
            for (header, line) in cases {
                let (plain, text, problems) = both_ways(&header, &line);
                if let Some(plain) = plain {
                    prop_assert_eq!(problems, 0, "{}", line);
                    prop_assert_eq!(plain, text, "{}", line);
                }
            }
        }
    }

    #[test]
    fn the_plain_way_takes_plain_rows_only() {
        let header = ["基礎年金番号", "事務所コード", "督励日", "督励手法", "結果"];
        assert!(both_ways(&header, "9000000001,90408,2026-06-15,電話,本人接触").0.is_some());
        assert!(both_ways(&header, "1234-567890,A-1,2028-02-29,PHONE,sent").0.is_some());
        assert!(both_ways(&header, "9000000001,90408,2026-06-15,電話, 本人接触").0.is_none());
        assert!(both_ways(&header, "9000000001,90408,2026-02-30,電話,本人接触").0.is_none());
    }

    #[test]
    fn pension_numbers_as_typed() {
        assert_eq!(parse_person_id("1234567890"), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id("1234-567890"), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id(" １２３４－５６７８９０ "), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id("0000000001"), Ok(PersonId(1)));
        assert_eq!(parse_person_id("123456789"), Err(ValueError::NotAPensionNumber));
        assert_eq!(parse_person_id("12345678901"), Err(ValueError::NotAPensionNumber));
        assert_eq!(parse_person_id("12345-67890"), Err(ValueError::NotAPensionNumber));
        assert_eq!(parse_person_id(""), Err(ValueError::Empty));
    }

    #[test]
    fn days_and_months_fast_and_general() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 15).unwrap();
        assert_eq!(parse_day("2026-06-15"), Ok(d));
        assert_eq!(parse_day("令和8年6月15日"), Ok(d));
        assert_eq!(parse_day("2026-02-30"), Err(ValueError::NotADate));
        assert_eq!(parse_premium_month("2026-06"), Ok(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()));
        assert_eq!(parse_premium_month("R8.6"), Ok(NaiveDate::from_ymd_opt(2026, 6, 1).unwrap()));
        assert_eq!(parse_premium_month("2026-13"), Err(ValueError::NotAMonth));
    }

    #[test]
    fn choices_months_and_flags() {
        assert_eq!(parse_choice::<Method>("ＳＭＳ"), Ok(Method::Sms));
        assert!(matches!(parse_choice::<Method>("FAX"), Err(Reason::NotOneOf { .. })));
        assert_eq!(parse_choice::<Method>(" "), Err(Reason::Value { error: ValueError::Empty }));
        assert_eq!(parse_small("", Some(1), 24), Ok(1));
        assert_eq!(parse_small("３", Some(1), 24), Ok(3));
        assert_eq!(parse_small("0", Some(1), 24), Err(ValueError::NotPositive));
        assert_eq!(parse_small("25", Some(1), 24), Err(ValueError::TooLarge));
        assert_eq!(parse_small("", None, 999), Err(ValueError::Empty));
        assert_eq!(parse_exemption_flag("２"), Ok(2));
        assert!(parse_exemption_flag("4").is_err());
    }
}
