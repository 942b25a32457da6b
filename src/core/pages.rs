//! A contract's pages written out as data, for the contracts whose files are
//! read, and whose pages are made, in a worker of their own (the call centre,
//! the dunning blocks): headings, status lines, figures, tables and lists with
//! every number and date already written in the language and date style asked
//! for. The app draws any list of [`Block`]s with one component, so a page
//! costs data, not view code (docs/bench.md: the size budget).

use super::business_days::HolidayTable;
use super::calendar::{format_date, format_month, DateStyle};
use super::export::{Cell, Sheet};
use super::i18n::{text, Lang};
use super::import::problem::ShownProblem;
use super::import::profile::Profile;
use super::import::ShownReport;
use super::money::{format_count, format_yen};
use chrono::NaiveDate;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::fmt::Debug;

/// One figure: its label, its value, and the name a test finds it by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    pub label: String,
    pub value: String,
    pub test_id: String,
}

/// A table: headers, rows of cells (the first is the row's heading), and a
/// CSS class per row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub test_id: String,
    pub headers: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Block {
    Heading(String),
    /// The status line: its text and its class (`report-now` is an alert).
    Status {
        text: String,
        class: String,
    },
    Note(String),
    Figures(Vec<Figure>),
    Table(Table),
    List {
        test_id: String,
        items: Vec<String>,
    },
}

/// How figures are written: the language and the date style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Style {
    pub lang: Lang,
    pub dates: DateStyle,
}

impl Style {
    pub fn t(self, key: &str) -> String {
        text(key, self.lang)
    }

    /// Table headers from their keys.
    pub fn headers(self, keys: &[&str]) -> Vec<String> {
        keys.iter().map(|k| self.t(k)).collect()
    }

    /// A figure whose label is the text of `key`.
    pub fn figure(self, key: &str, test_id: &str, value: String) -> Figure {
        Figure { label: self.t(key), value, test_id: test_id.into() }
    }
}

/// A sheet's cell as the page prints it.
pub fn cell_text(cell: &Cell, s: Style) -> String {
    match cell {
        Cell::Int(n) => format_count(*n),
        Cell::Yen(n) => format_yen(*n),
        Cell::Date(d) => format_date(*d, s.dates),
        Cell::Month(m) => format_month(*m, s.dates),
        other => other.plain(),
    }
}

/// A sheet (a report) as a table of the page.
pub fn sheet_table(sheet: &Sheet, s: Style, test_id: &str) -> Block {
    let rows =
        sheet.rows.iter().map(|r| (String::new(), r.iter().map(|c| cell_text(c, s)).collect())).collect();
    Block::Table(Table { test_id: test_id.into(), headers: sheet.headers.clone(), rows })
}

/// What the page asks to see: the contract's options in force, the day
/// judged (`None`: the last day the files reach), and how to write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest<O> {
    pub options: O,
    pub as_of: Option<NaiveDate>,
    pub lang: Lang,
    pub dates: DateStyle,
}

impl<O> PageRequest<O> {
    pub fn style(&self) -> Style {
        Style { lang: self.lang, dates: self.dates }
    }
}

/// What every contract's written-out pages have: the day judged and the
/// meeting's slides.
pub trait ShownPages {
    fn as_of(&self) -> NaiveDate;
    /// The day judged, in the date style asked for.
    fn as_of_text(&self) -> &str;
    fn slides(&self) -> &[Vec<Block>];
}

/// Implements [`ShownPages`] for a contract's pages struct with the fields
/// `as_of`, `as_of_text` and `slides`.
macro_rules! shown_pages {
    ($pages:ty) => {
        impl $crate::core::pages::ShownPages for $pages {
            fn as_of(&self) -> chrono::NaiveDate {
                self.as_of
            }

            fn as_of_text(&self) -> &str {
                &self.as_of_text
            }

            fn slides(&self) -> &[Vec<$crate::core::pages::Block>] {
                &self.slides
            }
        }
    };
}
pub(crate) use shown_pages;

/// A contract whose pages its worker writes out.
pub trait PagedProfile: Profile {
    /// What the user can set on the pages (switches, thresholds).
    type Options: Debug
        + Clone
        + Copy
        + PartialEq
        + Default
        + Serialize
        + DeserializeOwned
        + Send
        + Sync
        + 'static;
    /// Every page and slide, written out.
    type Pages: ShownPages + Debug + Clone + PartialEq + Serialize + DeserializeOwned + Send + Sync + 'static;

    /// Every page, as of the request's day.
    fn pages(
        data: &Self::Dataset,
        holidays: HolidayTable,
        request: &PageRequest<Self::Options>,
    ) -> Self::Pages;
}

/// What a load gave: how many rows were read, accepted and refused, every
/// refused row, and whether the pages can be shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Loaded<T, Pg> {
    /// Rows read, accepted and rejected (read = accepted + rejected).
    pub totals: (u64, u64, u64),
    pub problems: Vec<ShownProblem<T>>,
    /// The header rows, when no file was one of the profile's tables (what
    /// can tell another contract's folder).
    pub other_headers: Option<Vec<Vec<String>>>,
    /// Everything shown; `None` while a file or a row is lost (nothing is
    /// computed from incomplete files).
    pub pages: Option<Pg>,
}

/// A contract's load, as its pages are sent it.
pub type LoadedOf<P> = Loaded<<P as Profile>::Table, <P as PagedProfile>::Pages>;

/// A load as the page is sent it: the import's counts and problems, and the
/// pages when nothing was lost.
pub fn loaded<P: PagedProfile>(
    report: &ShownReport<P>,
    holidays: HolidayTable,
    request: &PageRequest<P::Options>,
) -> LoadedOf<P> {
    let complete = !report.lost_rows_of(|_| true) && !report.files.is_empty();
    Loaded {
        totals: report.totals(),
        problems: report.problems.clone(),
        other_headers: report.headers_if_none_matched(),
        pages: complete.then(|| P::pages(&report.dataset, holidays, request)),
    }
}
