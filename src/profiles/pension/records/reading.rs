//! Record-level tables (contacts, payments, delinquents) read as text: typed
//! columns for the record engine, by the same rules as every table (values as
//! typed, every problem listed). Rows in the plain forms a system export
//! writes go straight from their bytes instead ([`super::plain`]).

use super::plain::{plain_day, plain_month};
use super::tables::{digits, Channel, Choice, Method, Outcome, PersonId, RecordTables};
use crate::core::import::rows::RowReader;
use crate::core::import::values::{normalize, parse_count, parse_date, parse_month, ValueError};
use crate::profiles::pension::tables::{contacts, delinquents, payments, PensionTable};
use crate::profiles::pension::{PensionReason, Reason};
use chrono::NaiveDate;

/// 基礎年金番号: ten digits, with or without the hyphen after the fourth
/// (`1234567890`, `1234-567890`, full-width digits).
pub fn parse_person_id(text: &str) -> Result<PersonId, Reason> {
    if let Some(id) = PersonId::parse_plain(text.as_bytes()) {
        return Ok(id);
    }
    let n = normalize(text);
    if n.is_empty() {
        return Err(Reason::Value { error: ValueError::Empty });
    }
    PersonId::parse_plain(n.as_bytes()).ok_or(PensionReason::NotAPensionNumber.into())
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

/// Adds one row of a record table, or records its problems.
pub fn add_row(tables: &mut RecordTables, r: &mut RowReader<PensionTable, PensionReason>) {
    match r.table() {
        PensionTable::Contacts => {
            let person = r.take_with(contacts::PERSON, parse_person_id);
            let office = r.take(contacts::OFFICE, parse_office_code);
            let date = r.take(contacts::DATE, parse_day);
            let method = r.take_with(contacts::METHOD, parse_choice::<Method>);
            let outcome = r.take_with(contacts::OUTCOME, parse_choice::<Outcome>);
            if let (Some(person), Some(office), Some(date), Some(method), Some(outcome)) =
                (person, office, date, method, outcome)
            {
                let office = tables.office(office);
                tables.push_contact(person, office, date, method, outcome);
            }
        }
        PensionTable::Payments => {
            let person = r.take_with(payments::PERSON, parse_person_id);
            let office = r.take(payments::OFFICE, parse_office_code);
            let paid = r.take(payments::PAID, parse_day);
            let premium = r.take(payments::PREMIUM_MONTH, parse_premium_month);
            let months = r.take(payments::MONTHS, |t| parse_small(t, Some(1), MAX_MONTHS_PER_PAYMENT));
            let channel = r.take_with(payments::CHANNEL, parse_choice::<Channel>);
            if let (Some(person), Some(office), Some(paid), Some(premium), Some(months), Some(channel)) =
                (person, office, paid, premium, months, channel)
            {
                let office = tables.office(office);
                tables.push_payment(person, office, paid, premium, months, channel);
            }
        }
        PensionTable::Delinquents => {
            let person = r.take_with(delinquents::PERSON, parse_person_id);
            let office = r.take(delinquents::OFFICE, parse_office_code);
            let provided = r.take(delinquents::PROVIDED, parse_day);
            let unpaid = r.take(delinquents::UNPAID_MONTHS, |t| parse_small(t, None, MAX_UNPAID_MONTHS));
            let flag = r.take_with(delinquents::EXEMPTION_FLAG, parse_exemption_flag);
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
    #[test]
    fn pension_numbers_as_typed() {
        assert_eq!(parse_person_id("1234567890"), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id("1234-567890"), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id(" １２３４－５６７８９０ "), Ok(PersonId(1_234_567_890)));
        assert_eq!(parse_person_id("0000000001"), Ok(PersonId(1)));
        let not_a_number = Err(PensionReason::NotAPensionNumber.into());
        assert_eq!(parse_person_id("123456789"), not_a_number);
        assert_eq!(parse_person_id("12345678901"), not_a_number);
        assert_eq!(parse_person_id("12345-67890"), not_a_number);
        assert_eq!(parse_person_id(""), Err(Reason::Value { error: ValueError::Empty }));
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
