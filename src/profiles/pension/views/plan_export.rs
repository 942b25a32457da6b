//! The plan as sheets: the rows short of plan with their deadlines, the months
//! and their 理由書, the recovery plan (one row per line × remaining month), and
//! rate recovery. CSV one sheet at a time, or a workbook after what it rests on.

use super::plan::Plan;
use crate::core::export::{about_sheet, Cell, Sheet, Workbook};
use crate::core::i18n::{msg, period_label, text, Lang, Message};
use crate::profiles::pension::rules::inspection::FilingStatus;
use crate::profiles::pension::rules::rate_recovery::YieldBasis;

/// The sheets of a plan, for `shuno plan --sheet` and the page's exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::VariantArray, strum::IntoStaticStr)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
#[strum(serialize_all = "snake_case")]
pub enum PlanSheet {
    Inspections,
    Months,
    RecoveryPlan,
    RateRecovery,
    /// Check ① against the records (empty without them).
    ActivityCheck,
}

/// A month's 理由書 in words: 不要, 提出期限まであと3日, 期限超過（支払保留）…
pub fn status_message(status: FilingStatus) -> Message {
    match status {
        FilingStatus::NotNeeded => msg("inspection.status.not_needed"),
        FilingStatus::Due { days_left } => msg("inspection.status.due").arg("days", days_left),
        FilingStatus::Overdue { days_over } => msg("inspection.status.overdue").arg("days", days_over),
        FilingStatus::Filed { on, late: false } => msg("inspection.status.filed").arg("on", on),
        FilingStatus::Filed { on, late: true } => msg("inspection.status.filed_late").arg("on", on),
    }
}

fn headers(columns: &[&str], lang: Lang) -> Vec<String> {
    columns.iter().map(|c| text(&format!("plan.col.{c}"), lang)).collect()
}

fn office(code: &Option<String>, lang: Lang) -> Cell {
    Cell::string(code.clone().unwrap_or_else(|| text("plan.all_offices", lang)))
}

pub fn sheet(plan: &Plan, which: PlanSheet, lang: Lang) -> Sheet {
    let name = text(&format!("plan.sheet.{}", <&str>::from(which)), lang);
    let status = |month| {
        let m = plan.months.iter().find(|m| m.month == month);
        m.map_or(Cell::Empty, |m| Cell::string(status_message(m.status).render(lang)))
    };
    match which {
        PlanSheet::Inspections => Sheet {
            name,
            headers: headers(
                &["office_code", "month", "method", "planned", "done", "shortfall", "deadline", "status"],
                lang,
            ),
            rows: plan
                .inspections
                .iter()
                .map(|r| {
                    vec![
                        office(&r.office_code, lang),
                        Cell::Month(r.month),
                        Cell::string(&r.method),
                        Cell::Int(r.planned),
                        Cell::Int(r.done),
                        Cell::Int(r.shortfall),
                        Cell::opt_date(r.deadline),
                        status(r.month),
                    ]
                })
                .collect(),
        },
        PlanSheet::Months => Sheet {
            name,
            headers: headers(&["month", "short_rows", "deadline", "status"], lang),
            rows: plan
                .months
                .iter()
                .map(|m| {
                    vec![
                        Cell::Month(m.month),
                        Cell::count(m.short_rows as u64),
                        Cell::Date(m.deadline),
                        status(m.month),
                    ]
                })
                .collect(),
        },
        PlanSheet::RecoveryPlan => Sheet {
            name,
            headers: headers(
                &["office_code", "method", "owed", "deadline", "month", "planned", "extra", "goal"],
                lang,
            ),
            rows: plan
                .recovery_plan
                .iter()
                .flat_map(|l| {
                    l.months.iter().map(move |m| {
                        vec![
                            office(&l.office_code, lang),
                            Cell::string(&l.method),
                            Cell::Int(l.owed),
                            Cell::opt_date(l.deadline),
                            Cell::Month(m.month),
                            Cell::Int(m.planned),
                            Cell::Int(m.extra),
                            Cell::Int(m.goal()),
                        ]
                    })
                })
                .collect(),
        },
        PlanSheet::RateRecovery => rate_sheet(plan, name, lang),
        PlanSheet::ActivityCheck => Sheet {
            name,
            headers: headers(
                &["office_code", "month", "method", "done", "from_records", "returned_letters", "agrees"],
                lang,
            ),
            rows: plan
                .activity_check
                .iter()
                .map(|c| {
                    vec![
                        Cell::string(&c.office_code),
                        Cell::Month(c.month),
                        Cell::string(&c.method),
                        Cell::Int(c.reported_done),
                        c.from_records.map_or(Cell::Empty, Cell::Int),
                        Cell::Int(c.returned_letters),
                        Cell::string(text(
                            if c.agrees() { "rules_sheet.yes" } else { "rules_sheet.no" },
                            lang,
                        )),
                    ]
                })
                .collect(),
        },
    }
}

fn rate_sheet(plan: &Plan, name: String, lang: Lang) -> Sheet {
    let opt = |n: Option<i64>| n.map_or(Cell::Empty, Cell::Int);
    let basis = |b: YieldBasis| match b {
        YieldBasis::QualifyingContacts => text("plan.yield.contacts", lang),
        YieldBasis::Actions => text("plan.yield.actions", lang),
    };
    Sheet {
        name,
        headers: headers(
            &[
                "office_code",
                "kind",
                "level_percent",
                "promoted_months_needed",
                "reachable",
                "remaining_months",
                "per_remaining_month",
                "yield_basis",
                "yield_promoted_months",
                "yield_per",
                "effort_needed",
            ],
            lang,
        ),
        rows: plan
            .rate_recovery
            .iter()
            .map(|r| {
                vec![
                    Cell::string(&r.office_code),
                    Cell::string(r.kind.japanese()),
                    Cell::Int(r.level_percent),
                    opt(r.promoted_months_needed),
                    Cell::string(text(if r.reachable { "rules_sheet.yes" } else { "rules_sheet.no" }, lang)),
                    Cell::Int(r.remaining_months),
                    opt(r.per_remaining_month),
                    r.office_yield.map_or(Cell::Empty, |y| Cell::string(basis(y.basis))),
                    opt(r.office_yield.map(|y| y.promoted_months)),
                    opt(r.office_yield.map(|y| y.per)),
                    opt(r.effort_needed),
                ]
            })
            .collect(),
    }
}

/// What the plan rests on: the clause, period, as-of month, readings, the day
/// judged on and the source files.
fn about(plan: &Plan, sources: &[String], lang: Lang) -> Sheet {
    let t = |key: &str| text(key, lang);
    let facts = vec![
        (t("rules_sheet.contract"), Cell::string(t("plan.clause"))),
        (t("csv.period"), Cell::Int(plan.period.into())),
        (t("csv.as_of"), Cell::Month(plan.as_of)),
        (t("plan.scope"), Cell::string(t(&format!("plan.scope.{}", plan.scope.code())))),
        (t("plan.shape"), Cell::string(t(&format!("plan.shape.{}", plan.shape.code())))),
        (t("plan.today"), Cell::Date(plan.today)),
    ];
    about_sheet(facts, sources, lang)
}

/// What the plan rests on, then its four sheets.
pub fn plan_workbook(plan: &Plan, sources: &[String], lang: Lang) -> Workbook {
    let mut sheets = vec![about(plan, sources, lang)];
    sheets.extend(<PlanSheet as strum::VariantArray>::VARIANTS.iter().map(|w| sheet(plan, *w, lang)));
    Workbook { sheets }
}

/// What the plan rests on, then one of its sheets (a page's export).
pub fn sheet_workbook(plan: &Plan, which: PlanSheet, lang: Lang) -> Workbook {
    Workbook { sheets: vec![about(plan, &[], lang), sheet(plan, which, lang)] }
}

/// The filed days as a 理由書提出日 file, with the table's own header, so
/// that loading it back with the data restores them.
pub fn filings_sheet(plan: &Plan, lang: Lang) -> Sheet {
    use crate::core::import::schema::TableSpec;
    use crate::profiles::pension::tables::PensionTable;
    Sheet {
        name: PensionTable::ReasonFilings.name(lang),
        headers: PensionTable::ReasonFilings.header().into_iter().map(str::to_string).collect(),
        rows: plan.filed.iter().map(|(month, day)| vec![Cell::Month(*month), Cell::Date(*day)]).collect(),
    }
}

/// `点検_第1期_2026-09`.
pub fn plan_file_stem(plan: &Plan, lang: Lang) -> String {
    let period = period_label(plan.period, lang).replace(' ', "-");
    format!("{}_{period}_{}", text("plan.file", lang), plan.as_of)
}
