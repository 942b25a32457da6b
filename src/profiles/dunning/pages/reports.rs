//! 報告: each block's monthly or quarterly report of the as-of month in the
//! seed's layout (three months and a total, per bureau), and the reports'
//! due dates: the monthly by the 10th of the next month, the quarterly by the
//! 10th of the month after the quarter (seed 004 (6)).

use super::super::dataset::DunningDataset;
use super::super::deadlines::{Deadline, Subject};
use super::super::reports::{due, report_sheet, ReportPeriod};
use super::{Region, ReportSheet};
use crate::core::calendar::{format_date, format_month, YearMonth};
use crate::core::money::format_count;
use crate::core::pages::{sheet_table, Block, Style, Table};
use chrono::NaiveDate;

pub fn sheets(
    data: &DunningDataset,
    regions: &[Region],
    period: ReportPeriod,
    as_of: NaiveDate,
    s: Style,
) -> Vec<ReportSheet> {
    let month = YearMonth::of(as_of);
    regions
        .iter()
        .map(|&block| {
            let sheet = report_sheet(data, block, period, month, s.lang);
            let title = format!(
                "{} {} · {} {}",
                block.japanese(),
                s.t("dn.block"),
                s.t("dn.due"),
                format_date(due(period, month), s.dates)
            );
            let blocks =
                vec![Block::Heading(title), sheet_table(&sheet, s, &format!("dn-report-{}", block.code()))];
            ReportSheet { block, blocks, sheet }
        })
        .collect()
}

/// The reports due from the as-of month on: the next six months' monthly
/// reports and the quarterly reports among them.
pub fn dues(as_of: NaiveDate, s: Style) -> Vec<Block> {
    let first = YearMonth::of(as_of).plus(-1);
    let mut rows = Vec::new();
    for i in 0..6 {
        let month = first.plus(i);
        rows.push((month, ReportPeriod::Monthly, due(ReportPeriod::Monthly, month)));
        if matches!(month.month, 3 | 6 | 9 | 12) {
            rows.push((month, ReportPeriod::Quarterly, due(ReportPeriod::Quarterly, month)));
        }
    }
    let rows = rows.into_iter().map(|(month, period, day)| {
        let class = if day < as_of { "past" } else { "" };
        let kind = match period {
            ReportPeriod::Monthly => "dn.period.monthly",
            ReportPeriod::Quarterly => "dn.period.quarterly",
        };
        (class.to_string(), vec![format_date(day, s.dates), s.t(kind), format_month(month, s.dates)])
    });
    vec![
        Block::Heading(s.t("dn.report_dues")),
        Block::Table(Table {
            test_id: "dn-report-dues".into(),
            headers: s.headers(&["dn.due", "dn.col.report", "dn.report.month"]),
            rows: rows.collect(),
        }),
    ]
}

/// The reports owed after the work (the e-mail on the day of sending, the
/// phone report by the next open day, the visit report within a week), due
/// from the as-of day on: the next twenty.
pub fn dated(deadlines: &[Deadline], as_of: NaiveDate, s: Style) -> Vec<Block> {
    let rows = deadlines.iter().filter(|d| d.due >= as_of).take(20).map(|d| {
        let subject = match &d.subject {
            Subject::Debt(id) => id.clone(),
            Subject::Letters(n) => format!("{} {}", format_count(*n as i64), s.t("dn.dated.letters")),
        };
        let cells = vec![
            format_date(d.due, s.dates),
            s.t(&d.duty.key()),
            d.bureau.clone(),
            subject,
            format_date(d.worked, s.dates),
        ];
        (String::new(), cells)
    });
    vec![
        Block::Heading(s.t("dn.dated")),
        Block::Note(s.t("dn.dated.rule")),
        Block::Table(Table {
            test_id: "dn-dated".into(),
            headers: s.headers(&[
                "dn.due",
                "dn.col.report",
                "dn.col.bureau",
                "dn.col.subject",
                "dn.col.worked_on",
            ]),
            rows: rows.collect(),
        }),
    ]
}
