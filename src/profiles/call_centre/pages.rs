//! Everything the call centre's pages and slides show, written out: made in
//! the profile's worker from its import and the page's [`PageRequest`], and
//! drawn by the app as [`Block`]s. The app links none of the profile's
//! arithmetic, so the pension contract's first visit does not carry it
//! (docs/bench.md: the size budget).

use super::blocks::{current_month, deadlines, months, quality, report, slides, year, Block, Style};
use super::dataset::CallCentreDataset;
use super::reports::{report_sheet, ReportKind};
use super::tables::CallCentreTable;
use super::view::{latest_day, overview, Options};
use super::CallCentre;
use crate::core::business_days::HolidayTable;
use crate::core::calendar::{format_date, DateStyle};
use crate::core::export::Sheet;
use crate::core::i18n::Lang;
use crate::core::import::problem::ShownProblem;
use crate::core::import::ShownReport;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the page asks to see: the options in force, the day judged (`None`:
/// the last day the log reaches), and how to write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub options: Options,
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    pub dates: DateStyle,
}

/// One report (日報・月報・年報): its table on the page and its sheet for CSV and Excel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShownReportSheet {
    pub kind: ReportKind,
    pub blocks: Vec<Block>,
    pub sheet: Sheet,
}

/// Every page and slide of the profile, as of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pages {
    pub as_of: NaiveDate,
    /// The as-of day in the date style asked for.
    pub as_of_text: String,
    pub progress: Vec<Block>,
    pub quality: Vec<Block>,
    /// Daily, monthly and yearly, in [`ReportKind::ALL`]'s order.
    pub reports: Vec<ShownReportSheet>,
    pub deadlines: Vec<Block>,
    pub slides: Vec<Vec<Block>>,
}

/// What a load gave: how many rows were read, accepted and refused, every
/// refused row, and whether the pages can be shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Loaded {
    /// Rows read, accepted and rejected (read = accepted + rejected).
    pub totals: (u64, u64, u64),
    pub problems: Vec<ShownProblem<CallCentreTable>>,
    /// The header rows, when no file was one of the profile's tables (what
    /// can tell another contract's folder).
    pub other_headers: Option<Vec<Vec<String>>>,
    /// Everything shown; `None` while a file or a row is lost (nothing is
    /// computed from an incomplete log).
    pub pages: Option<Pages>,
}

/// Every page, as of the request's day (clamped into the contract).
pub fn pages(data: &CallCentreDataset, holidays: HolidayTable, request: &PageRequest) -> Pages {
    let style = Style { lang: request.lang, dates: request.dates };
    let day = request.as_of.unwrap_or_else(|| latest_day(data));
    let o = overview(data, holidays, request.options, day);
    let reports = ReportKind::ALL
        .iter()
        .map(|&kind| {
            let sheet = report_sheet(data, kind, o.as_of, request.lang);
            ShownReportSheet { kind, blocks: report(&sheet, style), sheet }
        })
        .collect();
    Pages {
        as_of: o.as_of,
        as_of_text: format_date(o.as_of, request.dates),
        progress: [current_month(&o, style), months(&o, style), year(&o, style)].concat(),
        quality: quality(&o, style),
        reports,
        deadlines: deadlines(&o, style),
        slides: slides(&o, style),
    }
}

/// A load as the page is sent it: the import's counts and problems, and the
/// pages when nothing was lost.
pub fn loaded(report: &ShownReport<CallCentre>, holidays: HolidayTable, request: &PageRequest) -> Loaded {
    let complete = !report.lost_rows_of(|_| true) && !report.files.is_empty();
    Loaded {
        totals: report.totals(),
        problems: report.problems.clone(),
        other_headers: report.headers_if_none_matched(),
        pages: complete.then(|| pages(&report.dataset, holidays, request)),
    }
}
