//! The facts beside the charts: promoted months from the user's records,
//! account transfer, incidents.

use crate::app::state::{tr, tr_key, AppState};
use crate::core::calendar::{format_date, YearMonth};
use crate::core::money::{format_yen, group_thousands, signed_count};
use crate::profiles::pension::dataset::Incident;
use crate::profiles::pension::records::comparison::compare;
use crate::profiles::pension::rules::settlement::OfficeSettlement;
use leptos::prelude::*;

#[component]
pub fn AccountTransfer(office: OfficeSettlement) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (transfer, yen) = (office.account_transfer, office.account_transfer_adjustment_yen);
    let text = move || match &transfer {
        Some(t) => format!(
            "{} {} / {} {} → {}",
            state.t("office.acquired"),
            t.acquired_count,
            state.t("table.col.target"),
            t.target_count,
            format_yen(yen)
        ),
        None => state.t("office.no_transfer_row"),
    };
    view! {
        <div>
            <h3>{tr("table.col.transfer")}</h3>
            <p data-testid="account-transfer">{text}</p>
        </div>
    }
}

#[component]
pub fn Incidents(office: OfficeSettlement, incidents: Vec<Incident>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let summary = move || {
        format!(
            "{} {} → {}% → {}",
            state.t("office.points"),
            office.incident_points,
            office.incident_deduction_percent,
            format_yen(office.incident_deduction_yen)
        )
    };
    view! {
        <div>
            <h3>{tr("table.col.incident")}</h3>
            <p>{summary}</p>
            <table class="compact" data-testid="incidents">
                <thead>
                    <tr>
                        <th scope="col">{tr("office.incident_date")}</th>
                        <th scope="col" class="num">{tr("office.points")}</th>
                        <th scope="col">{tr("office.incident_description")}</th>
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
    }
}

/// The office's promoted months at the as-of month computed from the user's
/// records beside the progress table's, when records are loaded.
#[component]
pub fn PromotedFromRecords(office: String, as_of: YearMonth) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let analysis = state.records.get()?;
        let here = analysis.promoted.rows.iter().filter(|r| r.office_code == office && r.month == as_of);
        let rows = state.report.with(|r| compare(here, &r.dataset.progress));
        (!rows.is_empty()).then(|| {
            view! {
                <div>
                    <h3>{tr("records.office_heading")}</h3>
                    <table class="compact" data-testid="office-records">
                        <thead><tr>
                            <th scope="col">{tr("table.col.kind")}</th>
                            <th scope="col" class="num">{tr("records.computed")}</th>
                            <th scope="col" class="num">{tr("records.reported")}</th>
                            <th scope="col" class="num">{tr("records.difference")}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row">{tr_key(format!("kind.{}", c.kind.code()))}</th>
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
