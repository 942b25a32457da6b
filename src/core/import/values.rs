//! Values as people type them in Excel on a Japanese PC: full-width digits and
//! signs, thousands separators, percent and yen signs, surrounding spaces, Excel
//! serial dates, 西暦 and 和暦 dates. Every parser says why it refused a value.

use crate::core::calendar::{Era, YearMonth};
use crate::core::money::{MAX_COUNT, MAX_YEN};
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;

/// Why a value was refused; the message is chosen by [`super::problem`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueError {
    Empty,
    NotANumber,
    NotWhole,
    Negative,
    TooLarge,
    NotAMonth,
    NotADate,
    /// Zero where at least one is needed.
    NotPositive,
}

/// Folds full-width ASCII (０-９, Ａ-Ｚ, －, ．, ，, ％ …) and the ideographic space to
/// their ASCII forms, maps the minus sign (U+2212) to '-', and trims spaces.
pub fn normalize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{2212}' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{FF70}' => '-',
            '\u{FFE5}' => '¥',
            _ => c,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Removes thousands separators when they group digits correctly ("1,234,567");
/// `None` when commas are present but misplaced ("12,34").
fn strip_grouping(digits: &str) -> Option<String> {
    if !digits.contains(',') {
        return Some(digits.to_string());
    }
    let (int_part, frac_part) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let groups: Vec<&str> = int_part.split(',').collect();
    let well_grouped = !groups[0].is_empty()
        && groups[0].len() <= 3
        && groups[1..].iter().all(|g| g.len() == 3)
        && frac_part.is_none_or(|f| !f.contains(','));
    well_grouped.then(|| {
        let mut out = groups.concat();
        if let Some(f) = frac_part {
            out.push('.');
            out.push_str(f);
        }
        out
    })
}

/// A decimal number as typed: sign, grouping, optional decoration already removed.
fn parse_decimal_text(text: &str) -> Result<Decimal, ValueError> {
    if text.is_empty() {
        return Err(ValueError::Empty);
    }
    let plain = strip_grouping(text).ok_or(ValueError::NotANumber)?;
    let body = plain.strip_prefix(['-', '+']).unwrap_or(&plain);
    if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Err(ValueError::NotANumber);
    }
    plain.parse::<Decimal>().map_err(|_| ValueError::NotANumber)
}

fn whole(d: Decimal, max: i64) -> Result<i64, ValueError> {
    if d.fract() != Decimal::ZERO {
        return Err(ValueError::NotWhole);
    }
    if d.is_sign_negative() && d != Decimal::ZERO {
        return Err(ValueError::Negative);
    }
    i64::try_from(d).ok().filter(|n| *n <= max).ok_or(ValueError::TooLarge)
}

/// A count of months, cases or points: a whole number ≥ 0 ("1,234", "１２３").
pub fn parse_count(text: &str) -> Result<i64, ValueError> {
    whole(parse_decimal_text(&normalize(text))?, MAX_COUNT)
}

/// A whole number that may be negative ("-120", "－１２０", "+5"): a change
/// of a count.
pub fn parse_signed_count(text: &str) -> Result<i64, ValueError> {
    let n = normalize(text);
    match n.strip_prefix('-') {
        Some(rest) => parse_count(rest).map(|n| -n),
        None => parse_count(n.strip_prefix('+').unwrap_or(&n)),
    }
}

/// A yen amount ≥ 0: "¥1,234", "1,234円", "￥１２３４", and "\\1,234": in CP932 the
/// yen sign Excel writes is byte 0x5C, which decodes (correctly) as a backslash.
pub fn parse_yen(text: &str) -> Result<i64, ValueError> {
    let n = normalize(text);
    let n = n.strip_prefix(['¥', '\\']).unwrap_or(&n);
    let n = n.strip_suffix('円').unwrap_or(n).trim();
    whole(parse_decimal_text(n)?, MAX_YEN)
}

/// A percentage, with or without the sign: "23.4", "23.4%", "２３．４％" all mean 23.4 %.
pub fn parse_percent(text: &str) -> Result<Decimal, ValueError> {
    let n = normalize(text);
    let n = n.strip_suffix('%').unwrap_or(&n).trim();
    let d = parse_decimal_text(n)?;
    if d.is_sign_negative() && d != Decimal::ZERO {
        return Err(ValueError::Negative);
    }
    if d > Decimal::new(1_000_000, 0) {
        return Err(ValueError::TooLarge);
    }
    Ok(d)
}

/// An Excel serial day number (1900 date system, with Excel's phantom 1900-02-29).
pub fn excel_serial_date(serial: i64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    match serial {
        61..=2_958_465 => epoch.checked_add_days(Days::new(serial as u64)),
        1..=59 => epoch.checked_add_days(Days::new(serial as u64 + 1)),
        _ => None,
    }
}

/// Splits "2026年5月1日", "2026/5/1", "R8.5.1", "令和元年5月" into (era, numbers).
fn split_date(text: &str) -> Option<(Option<Era>, Vec<u32>)> {
    let era_end = text.char_indices().find(|(_, c)| c.is_ascii_digit() || *c == '元').map(|(i, _)| i)?;
    let (era_text, rest) = text.split_at(era_end);
    let era = if era_text.is_empty() { None } else { Some(Era::by_name_or_letter(era_text.trim())?) };
    let rest = rest.replacen('元', "1", 1);
    let rest = rest.strip_suffix(['日', '月']).unwrap_or(&rest);
    let numbers: Option<Vec<u32>> = rest
        .split(['-', '/', '.', '年', '月'])
        .map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.chars().all(|c| c.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    let numbers = numbers?;
    if era.is_none() && numbers.first().is_none_or(|y| *y < 1000) {
        return None;
    }
    Some((era, numbers))
}

fn gregorian(era: Option<Era>, year: u32) -> Option<i32> {
    let year = i32::try_from(year).ok()?;
    Some(era.map_or(year, |e| e.gregorian_year(year)))
}

/// A day: "2026-05-01", "2026/5/1", "2026年5月1日", "令和8年5月1日", "R8.5.1",
/// "R8/5/1", or an Excel serial number such as "46143".
pub fn parse_date(text: &str) -> Result<NaiveDate, ValueError> {
    let n = normalize(text);
    if n.is_empty() {
        return Err(ValueError::Empty);
    }
    if n.chars().all(|c| c.is_ascii_digit()) && n.len() <= 7 {
        return n.parse().ok().and_then(excel_serial_date).ok_or(ValueError::NotADate);
    }
    match split_date(&n) {
        Some((era, parts)) if parts.len() == 3 => gregorian(era, parts[0])
            .and_then(|y| NaiveDate::from_ymd_opt(y, parts[1], parts[2]))
            .ok_or(ValueError::NotADate),
        _ => Err(ValueError::NotADate),
    }
}

/// A month: "2026-05", "2026/5", "2026年5月", "令和8年5月", "R8.5", "R8/5", or a
/// first-of-month date (as Excel stores a typed month) including an Excel serial.
/// A date on another day is refused rather than silently truncated.
pub fn parse_month(text: &str) -> Result<YearMonth, ValueError> {
    let n = normalize(text);
    if n.is_empty() {
        return Err(ValueError::Empty);
    }
    if let Ok(date) = parse_date(&n) {
        return if chrono::Datelike::day(&date) == 1 {
            Ok(YearMonth::of(date))
        } else {
            Err(ValueError::NotAMonth)
        };
    }
    match split_date(&n) {
        Some((era, parts)) if parts.len() == 2 => {
            gregorian(era, parts[0]).and_then(|y| YearMonth::new(y, parts[1])).ok_or(ValueError::NotAMonth)
        }
        _ => Err(ValueError::NotAMonth),
    }
}

/// Text fields: normalised width and trimmed; empty is refused.
pub fn parse_text(text: &str) -> Result<String, ValueError> {
    let n = normalize_keep_width(text);
    if n.is_empty() {
        Err(ValueError::Empty)
    } else {
        Ok(n)
    }
}

/// Names keep their characters (①, ㈱, 髙 stay as written); only surrounding
/// spaces, including the ideographic space, are removed.
pub fn normalize_keep_width(text: &str) -> String {
    text.trim_matches(|c: char| c.is_whitespace()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn counts_as_typed() {
        assert_eq!(parse_count("1,234"), Ok(1234));
        assert_eq!(parse_count(" １，２３４ "), Ok(1234));
        assert_eq!(parse_count("\u{3000}42\u{3000}"), Ok(42));
        assert_eq!(parse_count("0"), Ok(0));
        assert_eq!(parse_count("12,34"), Err(ValueError::NotANumber));
        assert_eq!(parse_count("－５"), Err(ValueError::Negative));
        assert_eq!(parse_count("1.5"), Err(ValueError::NotWhole));
        assert_eq!(parse_count("abc"), Err(ValueError::NotANumber));
        assert_eq!(parse_count(""), Err(ValueError::Empty));
        assert_eq!(parse_count("1e5"), Err(ValueError::NotANumber));
        assert_eq!(parse_count("99999999999999999"), Err(ValueError::TooLarge));
    }

    #[test]
    fn yen_and_percent() {
        assert_eq!(parse_yen("¥300,000,000"), Ok(300_000_000));
        assert_eq!(parse_yen("￥１２３"), Ok(123));
        assert_eq!(parse_yen("1,000円"), Ok(1000));
        assert_eq!(parse_yen("\\300,000,000"), Ok(300_000_000));
        assert_eq!(parse_percent("23.4%"), Ok(Decimal::new(234, 1)));
        assert_eq!(parse_percent("２３．４％"), Ok(Decimal::new(234, 1)));
        assert_eq!(parse_percent("23.4"), Ok(Decimal::new(234, 1)));
        assert_eq!(parse_percent("-1"), Err(ValueError::Negative));
    }

    #[test]
    fn months_in_every_form() {
        for text in [
            "2026-05",
            "2026/5",
            "2026年5月",
            "令和8年5月",
            "R8.5",
            "R8/5",
            "r8.5",
            "２０２６－０５",
            "2026/5/1",
            "46143",
        ] {
            assert_eq!(parse_month(text), Ok(ym(2026, 5)), "{text}");
        }
        assert_eq!(parse_month("令和元年5月"), Ok(ym(2019, 5)));
        assert_eq!(parse_month("H31.4"), Ok(ym(2019, 4)));
        assert_eq!(parse_month("2026/5/15"), Err(ValueError::NotAMonth));
        assert_eq!(parse_month("2026-13"), Err(ValueError::NotAMonth));
        assert_eq!(parse_month("May 2026"), Err(ValueError::NotAMonth));
        assert_eq!(parse_month("X8.5"), Err(ValueError::NotAMonth));
    }

    #[test]
    fn dates_in_every_form() {
        let d = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
        for text in ["2026-05-01", "2026/5/1", "2026年5月1日", "令和8年5月1日", "R8.5.1", "R8/5/1", "46143"]
        {
            assert_eq!(parse_date(text), Ok(d), "{text}");
        }
        assert_eq!(parse_date("2027-02-29"), Err(ValueError::NotADate));
        assert_eq!(parse_date("2028-02-29"), Ok(NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()));
        assert_eq!(excel_serial_date(1), NaiveDate::from_ymd_opt(1900, 1, 1));
        assert_eq!(excel_serial_date(61), NaiveDate::from_ymd_opt(1900, 3, 1));
        assert_eq!(excel_serial_date(60), None);
    }

    #[test]
    fn names_keep_their_characters() {
        assert_eq!(parse_text("\u{3000}髙崎①㈱ "), Ok("髙崎①㈱".to_string()));
        assert_eq!(parse_text("  "), Err(ValueError::Empty));
    }
}
