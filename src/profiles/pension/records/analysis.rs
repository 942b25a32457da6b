//! Everything the app and the command line show of the records, computed in one
//! call: the promoted-months table up to a day and the duty report as of a day.

use super::duty::{duty_report, DutyReport};
use super::promoted::{promoted_table, PromotedTable};
use super::tables::RecordTables;
use crate::profiles::pension::PensionReport;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The user's choices; `None` = the latest day in the records.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsOptions {
    /// Ignore records after this day.
    pub through: Option<NaiveDate>,
    /// The day the contact duty is judged on.
    pub duty_as_of: Option<NaiveDate>,
}

/// Rows held per table (for the page's summary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordCounts {
    pub contacts: u64,
    pub payments: u64,
    pub delinquents: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsAnalysis {
    pub counts: RecordCounts,
    /// The latest day of any record.
    pub latest_day: Option<NaiveDate>,
    pub promoted: PromotedTable,
    pub duty: DutyReport,
}

/// The latest day of any contact, payment or provision.
pub fn latest_day(tables: &RecordTables) -> Option<NaiveDate> {
    let c = tables.contacts.date.iter();
    let p = tables.payments.paid.iter();
    let d = tables.delinquents.provided.iter();
    c.chain(p).chain(d).max().copied()
}

/// The analysis of an import's records; `None` when it has none, or when a
/// record table lost rows (nothing is computed from partial records).
pub fn analyse_import(report: &PensionReport, options: RecordsOptions) -> Option<RecordsAnalysis> {
    if report.blocks_records() {
        None
    } else {
        analyse(&report.private, options)
    }
}

/// `None` when there are no records.
pub fn analyse(tables: &RecordTables, options: RecordsOptions) -> Option<RecordsAnalysis> {
    let latest = latest_day(tables)?;
    let as_of = options.duty_as_of.or(options.through).unwrap_or(latest);
    Some(RecordsAnalysis {
        counts: RecordCounts {
            contacts: tables.contacts.person.len() as u64,
            payments: tables.payments.person.len() as u64,
            delinquents: tables.delinquents.person.len() as u64,
        },
        latest_day: Some(latest),
        promoted: promoted_table(tables, options.through),
        duty: duty_report(tables, as_of),
    })
}
