//! Everything the dunning blocks' pages and slides show, written out (#17):
//! made in the profile's worker from its import and the page's request, and
//! drawn by the app as blocks (`core::pages`), as the call centre's are.
//! Progress against the yearly tables, the duty checks, the result codes,
//! the reports with their due dates, and a slide per block.

mod codes;
mod duties;
mod progress;
mod reports;

use super::blocks::Block as Region;
use super::dataset::DebtRow;
use super::dataset::DunningDataset;
use super::deadlines::deadlines;
use super::duties::{check, slow_start, Debt, Finding, Switches};
use super::reports::ReportPeriod;
use super::Dunning;
use crate::core::business_days::{BusinessCalendar, HolidayTable};
use crate::core::calendar::format_date;
use crate::core::export::Sheet;
use crate::core::pages::{Block, PageRequest, PagedProfile};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What the user sets on the pages: the switches the seed leaves open, and
/// which report is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Options {
    pub switches: Switches,
    pub period: ReportPeriod,
    /// The user's threshold for a slow first call, in days after sending
    /// (`None`: not used; the seed sets no latest day).
    pub slow_start_days: Option<u32>,
}

impl Default for Options {
    fn default() -> Options {
        Options { switches: Switches::default(), period: ReportPeriod::Monthly, slow_start_days: None }
    }
}

/// One block's report of the as-of month: its table and its sheet (CSV, Excel).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportSheet {
    pub block: Region,
    pub blocks: Vec<Block>,
    pub sheet: Sheet,
}

/// Every page and slide of the profile, as of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pages {
    pub as_of: NaiveDate,
    pub as_of_text: String,
    pub progress: Vec<Block>,
    pub duties: Vec<Block>,
    /// The duty list as a sheet (CSV, Excel).
    pub duty_sheet: Sheet,
    pub codes: Vec<Block>,
    /// One per block with debts, in the seed's order of blocks.
    pub reports: Vec<ReportSheet>,
    /// The reports' due dates from the as-of day on, and the reports owed
    /// after the work.
    pub report_dues: Vec<Block>,
    pub slides: Vec<Vec<Block>>,
}

/// The last day the files reach: the latest handover, letter, call, visit,
/// acknowledgement, recovery or stop.
pub fn latest_day(data: &DunningDataset) -> Option<NaiveDate> {
    let days = data.debts.iter().map(|d| d.handover);
    let letters = data.letters.iter().flat_map(|l| [l.letter.sent, l.letter.returned]).flatten();
    let calls = data.calls.iter().map(|c| c.contact.at.date());
    let visits = data.visits.iter().map(|v| v.contact.at.date());
    let ended = data.acknowledgements.iter().chain(&data.bureau_stops).map(|e| e.date);
    let recovered = data.recoveries.iter().map(|r| r.date);
    days.chain(letters).chain(calls).chain(visits).chain(ended).chain(recovered).max()
}

/// The blocks with a debt, in the seed's order.
pub fn regions(data: &DunningDataset) -> Vec<Region> {
    Region::ALL.iter().copied().filter(|r| data.debts.iter().any(|d| d.block == *r)).collect()
}

/// Every finding as of `as_of`, debt by debt in the list's order (what
/// `shuno duties` prints).
pub fn findings(
    data: &DunningDataset,
    s: &Switches,
    holidays: &HolidayTable,
    as_of: NaiveDate,
) -> Vec<Finding> {
    check_all(&data.debts_with_work(), s, holidays, as_of)
}

/// [`findings`] of debts already joined with their work.
fn check_all(
    debts: &[(&DebtRow, Debt)],
    s: &Switches,
    holidays: &HolidayTable,
    as_of: NaiveDate,
) -> Vec<Finding> {
    debts.iter().flat_map(|(_, debt)| check(debt, s, holidays, as_of)).collect()
}

pub fn pages(data: &DunningDataset, holidays: HolidayTable, request: &PageRequest<Options>) -> Pages {
    let s = request.style();
    let as_of = request.as_of.or_else(|| latest_day(data)).unwrap_or_default();
    let switches = request.options.switches;
    // Each debt joined with its work once, for every page.
    let debts = data.debts_with_work();
    let found = check_all(&debts, &switches, &holidays, as_of);
    let slow = request.options.slow_start_days.map(|days| {
        let late: Vec<_> = debts.iter().filter_map(|(_, debt)| slow_start(debt, days, as_of)).collect();
        duties::slow_starts(&late, days, s)
    });
    let slow = slow.into_iter().flatten();
    let caps = super::caps::caps(data);
    let dated = deadlines(data, &BusinessCalendar::government(holidays.clone()));
    let regions = regions(data);
    let rates: Vec<_> = regions.iter().map(|&r| super::codes::debt_rates(data, Some(r))).collect();
    let with_total: Vec<_> = rates.iter().cloned().chain([super::codes::debt_rates(data, None)]).collect();
    let slides = regions
        .iter()
        .zip(&rates)
        .map(|(&r, rates)| {
            let mut slide = vec![Block::Heading(format!("{} {}", r.japanese(), s.t("dn.block")))];
            slide.extend(progress::slide_caps(caps.iter().find(|c| c.block == r), s));
            slide.extend(duties::counts(&found, &[r], s));
            slide.extend(codes::rates(std::slice::from_ref(rates), s));
            slide
        })
        .collect();
    Pages {
        as_of,
        as_of_text: format_date(as_of, request.dates),
        progress: progress::page(data, &debts, &caps, s),
        duties: duties::page(&found, &regions, &switches, s).into_iter().chain(slow).collect(),
        duty_sheet: duties::sheet(&found, request.lang),
        codes: [codes::rates(&with_total, s), codes::counts(data, s)].concat(),
        reports: reports::sheets(data, &regions, request.options.period, as_of, s),
        report_dues: [reports::dues(as_of, s), reports::dated(&dated, as_of, s)].concat(),
        slides,
    }
}

impl PagedProfile for Dunning {
    type Options = Options;
    type Pages = Pages;

    fn pages(data: &DunningDataset, holidays: HolidayTable, request: &PageRequest<Options>) -> Pages {
        pages(data, holidays, request)
    }
}

crate::core::pages::shown_pages!(Pages);
