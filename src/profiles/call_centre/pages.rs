//! Everything the call centre's pages and slides show, written out: made in
//! the profile's worker from its import and the page's request, and drawn by
//! the app as blocks (`core::pages`). The app links none of the profile's
//! arithmetic, so the pension contract's first visit does not carry it
//! (docs/bench.md: the size budget).

use super::blocks::{current_month, deadlines, months, quality, report, slides, year};
use super::dataset::CallCentreDataset;
use super::reports::{report_sheet, ReportKind};
use super::view::{latest_day, overview, Options};
use super::CallCentre;
use crate::core::business_days::HolidayTable;
use crate::core::calendar::format_date;
use crate::core::export::Sheet;
use crate::core::pages::{Block, PageRequest, PagedProfile};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// Every page, as of the request's day (clamped into the contract).
pub fn pages(data: &CallCentreDataset, holidays: HolidayTable, request: &PageRequest<Options>) -> Pages {
    let style = request.style();
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

impl PagedProfile for CallCentre {
    type Options = Options;
    type Pages = Pages;

    fn pages(data: &CallCentreDataset, holidays: HolidayTable, request: &PageRequest<Options>) -> Pages {
        pages(data, holidays, request)
    }
}

crate::core::pages::shown_pages!(Pages);
