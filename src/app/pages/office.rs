//! Office detail: the rate trajectory per kind against its target, activity by
//! method against plan with the cumulative shortfall, account transfer, incidents,
//! and the fee build-up as a waterfall. Every chart has its numbers in a table.

use crate::app::charts::frame::{ChartFrame, Painter};
use crate::app::charts::{activity, trajectory, waterfall};
use crate::app::state::AppState;
use crate::core::calendar::{format_date, format_month};
use crate::core::i18n::period_label;
use crate::core::money::{format_percent, format_yen, from_decimal, group_thousands, signed_count};
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::records::comparison::compare;
use crate::profiles::pension::rules::activity::activity_by_method;
use crate::profiles::pension::rules::settlement::{incidents_in_period, OfficeSettlement};
use crate::profiles::pension::views::trajectory::trajectories;
use crate::profiles::pension::views::waterfall::waterfall as build_up;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn Office() -> impl IntoView {
    let state = expect_context::<AppState>();
    let t = move |key: &'static str| move || state.t(key);
    let chosen = Memo::new(move |_| {
        let s = state.settled()?;
        let code = state.office.get().or_else(|| s.offices.first().map(|o| o.office_code.clone()))?;
        s.offices.iter().find(|o| o.office_code == code).cloned().map(|o| (s.period, s.as_of, o))
    });
    let picker = move || {
        let offices = state.settled().map(|s| s.offices).unwrap_or_default();
        view! {
            <label class="controls">
                {t("office.choose")}
                <select on:change=move |ev| state.office.set(Some(event_target_value(&ev)))>
                    {offices
                        .into_iter()
                        .map(|o| {
                            let code = o.office_code.clone();
                            let selected = move || chosen.get().is_some_and(|(_, _, c)| c.office_code == code);
                            view! {
                                <option value=o.office_code.clone() selected=selected>
                                    {format!("{} {}", o.office_code, o.office_name)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <section class="page office">
            <h1>{t("nav.office")}</h1>
            {picker}
            {move || match chosen.get() {
                None => view! { <p class="muted">{t("overview.no_data")}</p> }.into_any(),
                Some((period, as_of, office)) => detail(period, as_of, office).into_any(),
            }}
        </section>
    }
}

fn detail(period_number: u8, as_of: crate::core::calendar::YearMonth, o: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let Some(period) = national_pension::period(period_number) else { return ().into_any() };
    let (trajectories, activities, incidents) = state.report.with_untracked(|r| {
        (
            trajectories(&r.dataset, &o.office_code, period, as_of),
            activity_by_method(&r.dataset, &o.office_code, period, as_of),
            incidents_in_period(&r.dataset, &o.office_code, period, as_of),
        )
    });
    let month_labels = move || period.months().map(|m| format!("{}", m.month)).collect::<Vec<_>>();
    let (code, name) = (o.office_code.clone(), o.office_name.clone());
    let heading = move || {
        format!(
            "{} {} · {} · {} {}",
            code,
            name,
            period_label(period_number, state.lang.get()),
            state.t("overview.as_of"),
            format_month(as_of, state.date_style.get())
        )
    };

    let trajectory_charts = trajectories
        .into_iter()
        .map(|tr| {
            let kind = tr.kind;
            let table_tr = tr.clone();
            let shared = Arc::new(tr);
            let paint = Signal::derive(move || {
                let labels = trajectory::Labels {
                    title: state.t(&format!("kind.{}", kind.code())),
                    rate: state.t("table.col.rate"),
                    target: state.t("table.col.target"),
                    to_come: state.t("office.to_come"),
                    months: month_labels(),
                };
                let tr = shared.clone();
                Arc::new(move |c: web_sys::HtmlCanvasElement| {
                    trajectory::draw(c, &tr, &labels);
                }) as Painter
            });
            let label = Signal::derive(move || format!("{} — {}", state.t("office.trajectory"), state.t(&format!("kind.{}", kind.code()))));
            view! {
                <div class="chart-cell">
                    <ChartFrame label=label file_name=format!("trajectory-{}.png", kind.code()) aspect=560 test_id="trajectory-canvas" paint=paint />
                    <table class="compact">
                        <caption>{move || state.t("office.trajectory_table")}</caption>
                        <thead><tr><th scope="col">{move || state.t("overview.as_of")}</th><th scope="col" class="num">{move || state.t("table.col.rate")}</th></tr></thead>
                        <tbody>
                            {table_tr.points.iter().map(|p| {
                                let m = p.month;
                                let value = match (p.to_come, p.rate) {
                                    (true, _) => "…".to_string(),
                                    (false, Some(r)) => format_percent(&from_decimal(r)),
                                    (false, None) => "—".to_string(),
                                };
                                view! { <tr><th scope="row">{move || format_month(m, state.date_style.get())}</th><td class="num">{value}</td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
        .collect_view();

    let activity_charts = activities
        .into_iter()
        .map(|a| {
            let method = a.method.clone();
            let rows = a.months.clone();
            let shared = Arc::new(a);
            let paint = Signal::derive(move || {
                let labels = activity::Labels {
                    title: shared.method.clone(),
                    planned: state.t("office.planned"),
                    done: state.t("office.done"),
                    contacts: state.t("office.contacts"),
                    shortfall: state.t("office.cumulative_shortfall"),
                    months: month_labels(),
                };
                let a = shared.clone();
                Arc::new(move |c: web_sys::HtmlCanvasElement| {
                    activity::draw(c, &a, &labels);
                }) as Painter
            });
            let m2 = method.clone();
            let label = Signal::derive(move || format!("{} — {}", state.t("office.activity"), m2));
            view! {
                <div class="chart-cell">
                    <ChartFrame label=label file_name=format!("activity-{method}.png") aspect=500 test_id="activity-canvas" paint=paint />
                    <table class="compact">
                        <thead>
                            <tr>
                                <th scope="col">{move || state.t("overview.as_of")}</th>
                                <th scope="col" class="num">{move || state.t("office.planned")}</th>
                                <th scope="col" class="num">{move || state.t("office.done")}</th>
                                <th scope="col" class="num">{move || state.t("office.contacts")}</th>
                                <th scope="col" class="num">{move || state.t("office.cumulative_shortfall")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {rows.into_iter().filter(|m| !m.to_come).map(|m| {
                                let month = m.month;
                                view! {
                                    <tr class:below-plan={ m.done < m.planned }>
                                        <th scope="row">{move || format_month(month, state.date_style.get())}</th>
                                        <td class="num">{m.planned}</td>
                                        <td class="num">{m.done}</td>
                                        <td class="num">{m.contacts}</td>
                                        <td class="num">{m.cumulative_shortfall}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
        .collect_view();

    let steps = build_up(&o);
    let steps_for_table = steps.clone();
    let waterfall_paint = Signal::derive(move || {
        let names: Vec<String> = steps.iter().map(|s| state.t(s.key)).collect();
        let title = state.t("office.build_up");
        let steps = steps.clone();
        Arc::new(move |c: web_sys::HtmlCanvasElement| {
            waterfall::draw(c, &steps, &names, &title);
        }) as Painter
    });
    let transfer = o.account_transfer.clone();
    view! {
        <h2 data-testid="office-heading">{heading}</h2>
        <h3>{move || state.t("office.build_up")}</h3>
        <div class="chart-cell wide">
            <ChartFrame label=Signal::derive(move || state.t("office.build_up")) file_name="build-up.png" aspect=420 test_id="waterfall-canvas" paint=waterfall_paint />
            <table class="compact" data-testid="build-up-table">
                <tbody>
                    {steps_for_table.into_iter().map(|s| view! {
                        <tr><th scope="row">{move || state.t(s.key)}</th><td class="num">{format_yen(s.amount)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h3>{move || state.t("office.trajectory")}</h3>
        <div class="chart-grid">{trajectory_charts}</div>
        <h3>{move || state.t("office.activity")}</h3>
        <div class="chart-grid">{activity_charts}</div>
        <div class="facts">
            {promoted_from_records(o.office_code.clone(), as_of)}
            <div>
                <h3>{move || state.t("table.col.transfer")}</h3>
                <p data-testid="account-transfer">{move || match &transfer {
                    Some(t) => format!("{} {} / {} {} → {}", state.t("office.acquired"), t.acquired_count, state.t("table.col.target"), t.target_count, format_yen(o.account_transfer_adjustment_yen)),
                    None => state.t("office.no_transfer_row"),
                }}</p>
            </div>
            <div>
                <h3>{move || state.t("table.col.incident")}</h3>
                <p>{move || format!("{} {} → {}% → {}", state.t("office.points"), o.incident_points, o.incident_deduction_percent, format_yen(o.incident_deduction_yen))}</p>
                <table class="compact" data-testid="incidents">
                    <thead>
                        <tr>
                            <th scope="col">{move || state.t("office.incident_date")}</th>
                            <th scope="col" class="num">{move || state.t("office.points")}</th>
                            <th scope="col">{move || state.t("office.incident_description")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {incidents.into_iter().map(|i| {
                            let date = i.date;
                            view! {
                                <tr>
                                    <td>{move || format_date(date, state.date_style.get())}</td>
                                    <td class="num">{i.points}</td>
                                    <td>{i.description}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

/// The office's promoted months at the as-of month computed from the user's
/// records beside the progress table's, when records are loaded.
fn promoted_from_records(office: String, as_of: crate::core::calendar::YearMonth) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let analysis = state.records.get()?;
        let here = analysis.promoted.rows.iter().filter(|r| r.office_code == office && r.month == as_of);
        let rows = state.report.with(|r| compare(here, &r.dataset.progress));
        (!rows.is_empty()).then(|| {
            view! {
                <div>
                    <h3>{move || state.t("records.office_heading")}</h3>
                    <table class="compact" data-testid="office-records">
                        <thead><tr>
                            <th scope="col">{move || state.t("table.col.kind")}</th>
                            <th scope="col" class="num">{move || state.t("records.computed")}</th>
                            <th scope="col" class="num">{move || state.t("records.reported")}</th>
                            <th scope="col" class="num">{move || state.t("records.difference")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{move || state.t(&format!("kind.{}", c.kind.code()))}</th>
                                    <td class="num">{group_thousands(c.computed)}</td>
                                    <td class="num">{c.reported.map_or("—".to_string(), |r| group_thousands(r.max(0) as u64))}</td>
                                    <td class="num">{c.difference().map_or("—".to_string(), signed_count)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        })
    }
}
