//! What the call centre's pages and slides show, as the core's
//! [`Block`]s (`core::pages`): the running month and its warning, the months,
//! the year, quality, the reports and the deadlines.

use super::progress::{range_status, CallStatus, MonthRecord, RangeStatus};
use super::quality::{KeptBasis, Rate, Rates};
use super::terms::TargetSource;
use super::view::Overview;
use crate::core::calendar::{format_date, format_month};
use crate::core::export::Sheet;
use crate::core::money::{format_count, format_percent, to_decimal, Exact};
use crate::core::pages::sheet_table;
use crate::core::pages::{Block, Figure, Style, Table};

/// An exact figure with one decimal, or a dash.
pub fn one_decimal(x: Option<Exact>) -> String {
    x.map_or("–".to_string(), |x| format!("{:.1}", to_decimal(&x, 1)))
}

fn percent(x: Option<Exact>) -> String {
    x.map_or("–".to_string(), |x| format_percent(&x))
}

pub fn status_class(status: CallStatus) -> &'static str {
    match status {
        CallStatus::Met => "met",
        CallStatus::OnPace => "on-pace",
        CallStatus::ReportNow => "report-now",
        CallStatus::Missed => "missed",
    }
}

fn source_key(source: TargetSource) -> &'static str {
    match source {
        TargetSource::Seed => "cc.source.seed",
        TargetSource::Ward => "cc.source.ward",
    }
}

/// The running month: its heading, the status line, and each figure the warning rests on.
pub fn current_month(o: &Overview, s: Style) -> Vec<Block> {
    let Some(r) = o.current() else { return Vec::new() };
    let p = &r.progress;
    let hours = |minutes: u32| one_decimal(Some(Exact::new(i128::from(minutes), 60)));
    let figure = |key: &str, test_id: &str, value| Figure { label: s.t(key), value, test_id: test_id.into() };
    let mut status = s.t(r.status.key());
    if let Some(day) = r.warned_on {
        status = format!("{status} · {} {}", s.t("cc.warned_on"), format_date(day, s.dates));
    }
    vec![
        Block::Heading(format!("{} {}", format_month(p.month, s.dates), s.t(source_key(p.source)))),
        Block::Status { text: status, class: status_class(r.status).into() },
        Block::Figures(vec![
            figure("cc.pace.calls_target", "cc-calls-target", format_count(p.targets.calls)),
            figure("cc.pace.calls_done", "cc-calls-done", format_count(p.done.calls)),
            figure("cc.pace.open_days_total", "cc-open-days-total", p.open_days_total.to_string()),
            figure("cc.pace.open_days_left", "cc-open-days-left", p.open_days_left.to_string()),
            figure("cc.hours_left", "cc-hours-left", hours(p.minutes_left)),
            figure(
                "cc.pace.calls_needed_per_open_day",
                "cc-needed-per-day",
                p.calls_needed_per_open_day().map_or("–".into(), format_count),
            ),
            figure("cc.needed_per_hour", "cc-needed-per-hour", one_decimal(p.calls_needed_per_hour())),
            figure("cc.pace_per_day", "cc-pace-per-day", one_decimal(p.pace_per_open_day())),
            figure("cc.pace_per_hour", "cc-pace-per-hour", one_decimal(p.pace_per_hour())),
            figure(
                "cc.capacity_left",
                "cc-capacity-left",
                one_decimal(Some(p.capacity_left(o.options.capacity))),
            ),
        ]),
    ]
}

fn month_row(r: &MonthRecord, s: Style) -> (String, Vec<String>) {
    let p = &r.progress;
    let share = Exact::new(i128::from(p.done.calls), i128::from(p.targets.calls.max(1)));
    let cells = vec![
        format_month(p.month, s.dates),
        format_count(p.targets.calls),
        format_count(p.done.calls),
        percent(Some(share)),
        one_decimal(p.pace_per_open_day()),
        one_decimal(p.pace_per_hour()),
        s.t(r.status.key()),
        format_count(r.shortfall),
        r.warned_on.map(|d| format_date(d, s.dates)).unwrap_or_default(),
    ];
    (status_class(r.status).into(), cells)
}

/// Every month begun: target, calls, share, pace, status and the shortfall record.
pub fn months(o: &Overview, s: Style) -> Vec<Block> {
    let headers = [
        "cc.col.month",
        "cc.pace.calls_target",
        "cc.pace.calls_done",
        "cc.share",
        "cc.pace_per_day",
        "cc.pace_per_hour",
        "cc.pace.status",
        "cc.shortfall",
        "cc.warned_on",
    ];
    let table = Table {
        test_id: "cc-months".into(),
        headers: headers.iter().map(|k| s.t(k)).collect(),
        rows: o.months.iter().map(|r| month_row(r, s)).collect(),
    };
    vec![Block::Heading(s.t("cc.months")), Block::Table(table)]
}

/// The year to date: calls against the months' targets, the ranges, the SMS
/// ceiling left and the property-check persons toward about 6,000.
pub fn year(o: &Overview, s: Style) -> Vec<Block> {
    let y = &o.year;
    let range = |done: i64, min: i64, max: i64| {
        let key = match range_status(done, min, max) {
            RangeStatus::Below => "cc.range.below",
            RangeStatus::Within => "cc.range.within",
            RangeStatus::Above => "cc.range.above",
        };
        format!("{} / {}–{} ({})", format_count(done), format_count(min), format_count(max), s.t(key))
    };
    let figure = |key: &str, test_id: &str, value| Figure { label: s.t(key), value, test_id: test_id.into() };
    let persons = format!(
        "{} / ≈{}",
        format_count(y.done.property_check_persons),
        format_count(y.property_check_persons_toward)
    );
    vec![
        Block::Heading(s.t("cc.year")),
        Block::Figures(vec![
            figure(
                "cc.year.calls",
                "cc-year-calls",
                format!("{} / {}", format_count(y.done.calls), format_count(y.calls_target)),
            ),
            figure("cc.year.sms", "cc-year-sms", range(y.done.sms, y.sms_min, y.sms_max)),
            figure("cc.year.sms_ceiling_left", "cc-sms-ceiling-left", format_count(y.sms_ceiling_left)),
            figure(
                "cc.year.phone_entries",
                "cc-year-entries",
                range(y.done.phone_entries, y.phone_entries_min, y.phone_entries_max),
            ),
            figure("cc.year.persons", "cc-year-persons", persons),
        ]),
    ]
}

fn rate(r: Rate) -> String {
    format!("{} ({} / {})", percent(r.value()), format_count(r.numerator), format_count(r.denominator))
}

fn rate_cells(label: String, r: &Rates) -> Vec<String> {
    vec![label, rate(r.answer), rate(r.promise), rate(r.kept_count), rate(r.kept_yen)]
}

/// The rates by month and for the year, the kept basis in force, and the
/// weeks without a language.
pub fn quality(o: &Overview, s: Style) -> Vec<Block> {
    let basis = match o.options.kept_basis {
        KeptBasis::PromiseMonth => "cc.kept_basis.promise_month",
        KeptBasis::KeptMonth => "cc.kept_basis.kept_month",
    };
    let mut rows: Vec<(String, Vec<String>)> = o
        .monthly_rates
        .iter()
        .map(|(m, r)| (String::new(), rate_cells(format_month(*m, s.dates), r)))
        .collect();
    rows.push(("total".into(), rate_cells(s.t("cc.report.year_label"), &o.year_rates)));
    let headers =
        ["cc.col.month", "cc.rate.answer", "cc.rate.promise", "cc.rate.kept_count", "cc.rate.kept_yen"];
    let gaps = o.language_gaps.iter().map(|g| {
        let missing: Vec<String> = g.missing.iter().map(|l| s.t(l.key())).collect();
        format!(
            "{} – {}: {}",
            format_date(g.monday, s.dates),
            format_date(g.sunday, s.dates),
            missing.join("・")
        )
    });
    vec![
        Block::Note(s.t("cc.quality.definitions")),
        Block::Note(format!("{}: {}", s.t("cc.kept_basis"), s.t(basis))),
        Block::Table(Table {
            test_id: "cc-rates".into(),
            headers: headers.iter().map(|k| s.t(k)).collect(),
            rows,
        }),
        Block::Heading(s.t("cc.language_gaps")),
        Block::Note(s.t("cc.language_gaps.rule")),
        Block::List { test_id: "cc-language-gaps".into(), items: gaps.collect() },
    ]
}

/// A report as the page prints it.
pub fn report(sheet: &Sheet, s: Style) -> Vec<Block> {
    vec![sheet_table(sheet, s, "cc-report-table")]
}

/// The duties from the as-of day on (the next twelve).
pub fn deadlines(o: &Overview, s: Style) -> Vec<Block> {
    let rows = o.deadlines.iter().filter(|d| d.due >= o.as_of).take(12).map(|d| {
        let hand_in = d.hand_in_by.map(|h| format!("{} {}", s.t("cc.hand_in_by"), format_date(h, s.dates)));
        (
            String::new(),
            vec![
                format_date(d.due, s.dates),
                s.t(d.duty.key()),
                format_month(d.month, s.dates),
                hand_in.unwrap_or_default(),
            ],
        )
    });
    vec![
        Block::Heading(s.t("cc.deadlines")),
        Block::Table(Table { test_id: "cc-deadlines".into(), headers: Vec::new(), rows: rows.collect() }),
    ]
}

/// The meeting's slides: the month and its warning, the months, the year, quality.
pub fn slides(o: &Overview, s: Style) -> Vec<Vec<Block>> {
    let titled =
        |key: &str, blocks: Vec<Block>| std::iter::once(Block::Heading(s.t(key))).chain(blocks).collect();
    vec![
        titled("cc.progress.title", current_month(o, s)),
        months(o, s),
        year(o, s),
        titled("cc.quality.title", quality(o, s)),
    ]
}
