//! The monthly and quarterly report figures per bureau, in the seed's layout
//! (【様式(三(納))-7-1】/【-7-2】「納入督促業務【結果報告用】」: for each month,
//! then 合計, one column per 労働局):
//!
//! - (1) 督促状作成・発送業務: リスト受領件数, 発送件数, 返送件数;
//! - (2) 電話等による未納通知業務: 実施件数 (calls made);
//! - (3) 行方不明債務者の所在地確認業務: 実施件数 (「債務者数ではなく、実際に
//!   訪問した回数」: visits made).
//!
//! Due: 「月1回、毎月10日までに」 for the month before, and the quarter's report
//! by the 10th of the month after it (the reading of 「四半期毎」; quarters
//! of the fiscal year, April to June first).

use super::blocks::Block;
use super::dataset::DunningDataset;
use crate::core::calendar::YearMonth;
use crate::core::export::{Cell, Sheet};
use crate::core::i18n::{msg, text, Lang};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum ReportPeriod {
    Monthly,
    Quarterly,
}

/// The figures of one line of the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray)]
pub enum Measure {
    ListReceived,
    LettersSent,
    LettersReturned,
    CallsMade,
    VisitsMade,
}

impl Measure {
    pub fn key(self) -> &'static str {
        match self {
            Measure::ListReceived => "dn.report.list_received",
            Measure::LettersSent => "dn.report.letters_sent",
            Measure::LettersReturned => "dn.report.letters_returned",
            Measure::CallsMade => "dn.report.calls_made",
            Measure::VisitsMade => "dn.report.visits_made",
        }
    }
}

/// The months a report covers: the month, or the fiscal quarter holding it.
pub fn months(period: ReportPeriod, month: YearMonth) -> Vec<YearMonth> {
    match period {
        ReportPeriod::Monthly => vec![month],
        ReportPeriod::Quarterly => {
            let first = month.plus(-((i64::from(month.month) + 8) % 12 % 3));
            (0..3).map(|i| first.plus(i)).collect()
        }
    }
}

/// The 10th of the month after the report's last month (「月1回、毎月10日ま
/// でに」; 「毎四半期翌月10日まで」), but the fourth quarter's on 03-10 of its
/// own March: 「ただし第4四半期については平成29年3月10日まで」, the seed's
/// contract ending on 2017-03-10 (read as the fiscal year's 03-10; a contract
/// ending on another day would move it, which the files do not say).
pub fn due(period: ReportPeriod, month: YearMonth) -> NaiveDate {
    let last = *months(period, month).last().unwrap_or(&month);
    let tenth = |m: YearMonth| m.first_day() + chrono::Days::new(9);
    match period {
        ReportPeriod::Quarterly if last.month == 3 => tenth(last),
        _ => tenth(last.plus(1)),
    }
}

/// The bureaus of a block that have a debt, in the list's order of first appearance.
pub fn bureaus(data: &DunningDataset, block: Block) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in data.debts.iter().filter(|d| d.block == block) {
        if !out.contains(&d.bureau) {
            out.push(d.bureau.clone());
        }
    }
    out
}

/// Each debt's bureau, by 債権番号.
type BureauOf<'a> = std::collections::HashMap<&'a str, &'a str>;

/// The count of `measure` for `bureau` in `month`.
fn count(
    data: &DunningDataset,
    bureau_of: &BureauOf,
    bureau: &str,
    month: YearMonth,
    measure: Measure,
) -> i64 {
    let in_month = |day: NaiveDate| YearMonth::of(day) == month;
    let mine = |id: &str| bureau_of.get(id) == Some(&bureau);
    let n = match measure {
        Measure::ListReceived => {
            data.debts.iter().filter(|d| d.bureau == bureau && in_month(d.handover)).count()
        }
        Measure::LettersSent => {
            data.letters.iter().filter(|l| mine(&l.debt_id) && l.letter.sent.is_some_and(in_month)).count()
        }
        Measure::LettersReturned => data
            .letters
            .iter()
            .filter(|l| mine(&l.debt_id) && l.letter.returned.is_some_and(in_month))
            .count(),
        Measure::CallsMade => {
            data.calls.iter().filter(|c| mine(&c.debt_id) && in_month(c.contact.at.date())).count()
        }
        Measure::VisitsMade => {
            data.visits.iter().filter(|v| mine(&v.debt_id) && in_month(v.contact.at.date())).count()
        }
    };
    n as i64
}

/// A block's report: one row per month and measure, then 合計 per measure;
/// one column per bureau.
pub fn report_sheet(
    data: &DunningDataset,
    block: Block,
    period: ReportPeriod,
    month: YearMonth,
    lang: Lang,
) -> Sheet {
    use strum::VariantArray;
    let t = |key: &str| text(key, lang);
    let bureaus = bureaus(data, block);
    let covered = months(period, month);
    let mut headers = vec![t("dn.report.month"), t("dn.report.item")];
    headers.extend(bureaus.iter().map(|b| msg("dn.report.bureau").arg("name", b).render(lang)));
    let bureau_of: BureauOf = data.debts.iter().map(|d| (d.debt_id.as_str(), d.bureau.as_str())).collect();
    // counts[month][measure][bureau], each counted once; 合計 adds them up.
    let counts: Vec<Vec<Vec<i64>>> = covered
        .iter()
        .map(|&m| {
            let per_bureau =
                |measure| bureaus.iter().map(|b| count(data, &bureau_of, b, m, measure)).collect();
            Measure::VARIANTS.iter().map(|&measure| per_bureau(measure)).collect()
        })
        .collect();
    let row = |first: Cell, measure: Measure, values: Vec<i64>| {
        let mut row = vec![first, Cell::string(t(measure.key()))];
        row.extend(values.into_iter().map(Cell::Int));
        row
    };
    let mut rows = Vec::new();
    for (&m, month_counts) in covered.iter().zip(&counts) {
        for (&measure, values) in Measure::VARIANTS.iter().zip(month_counts) {
            rows.push(row(Cell::Month(m), measure, values.clone()));
        }
    }
    for (i, &measure) in Measure::VARIANTS.iter().enumerate() {
        let total = (0..bureaus.len()).map(|b| counts.iter().map(|c| c[i][b]).sum()).collect();
        rows.push(row(Cell::string(t("cli.total")), measure, total));
    }
    let name = format!("{}_{}_{}", t("dn.report.sheet"), block.japanese(), month);
    Sheet { name, headers, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quarter_is_three_months_of_the_fiscal_year_and_due_on_the_tenth_after() {
        let m = |y, n| YearMonth::new(y, n).unwrap();
        assert_eq!(months(ReportPeriod::Quarterly, m(2016, 8)), vec![m(2016, 7), m(2016, 8), m(2016, 9)]);
        assert_eq!(months(ReportPeriod::Quarterly, m(2017, 3)), vec![m(2017, 1), m(2017, 2), m(2017, 3)]);
        assert_eq!(months(ReportPeriod::Quarterly, m(2016, 4)), vec![m(2016, 4), m(2016, 5), m(2016, 6)]);
        assert_eq!(months(ReportPeriod::Quarterly, m(2016, 12)), vec![m(2016, 10), m(2016, 11), m(2016, 12)]);
        assert_eq!(due(ReportPeriod::Quarterly, m(2016, 8)), NaiveDate::from_ymd_opt(2016, 10, 10).unwrap());
        assert_eq!(due(ReportPeriod::Monthly, m(2016, 12)), NaiveDate::from_ymd_opt(2017, 1, 10).unwrap());
        // 「ただし第4四半期については平成29年3月10日まで」.
        assert_eq!(due(ReportPeriod::Quarterly, m(2017, 2)), NaiveDate::from_ymd_opt(2017, 3, 10).unwrap());
        assert_eq!(due(ReportPeriod::Monthly, m(2017, 2)), NaiveDate::from_ymd_opt(2017, 3, 10).unwrap());
    }
}
