//! The baseline beside the open scenarios: the total, each district and each
//! office (those a scenario changes, or all), the fee and the difference in
//! yen; a fee that meets the 指示 trigger is marked.

use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, AppState};
use crate::core::money::{format_yen, signed_count};
use crate::profiles::pension::views::comparison::{compare, Compared, Comparison, Fee};
use leptos::prelude::*;

#[component]
pub fn Compare() -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let every_office = RwSignal::new(false);
    let comparison = Memo::new(move |_| {
        let baseline = state.settled()?;
        let count = scenarios.drafts.with(|d| d.drafts.len());
        let settled: Vec<_> =
            scenarios.settled[..count].iter().map(|m| m.get().and_then(Result::ok)).collect();
        Some(compare(&baseline, &settled.iter().map(Option::as_ref).collect::<Vec<_>>()))
    });
    // A projected scenario says so in its column's head, beside every figure.
    let names = move || {
        scenarios.drafts.with(|d| {
            (0..d.drafts.len())
                .map(|i| {
                    let s = &d.drafts[i].settings;
                    let name =
                        s.name.clone().unwrap_or_else(|| format!("{} {}", state.t("whatif.scenario"), i + 1));
                    match s.projection {
                        Some(pace) => {
                            format!("{name}（{}: {}）", state.t("whatif.projected"), state.t(pace.key()))
                        }
                        None => name,
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let head = move || {
        names()
            .into_iter()
            .map(|n| {
                view! {
                    <th scope="col" class="num">{n}</th>
                    <th scope="col" class="num">{tr("whatif.difference")}</th>
                }
            })
            .collect_view()
    };
    let body = move || {
        comparison.get().map(|c: Comparison| {
            let all = every_office.get();
            let offices = c.offices.into_iter().filter(move |o| {
                all || (0..o.scenarios.len()).any(|i| o.difference(i).is_some_and(|d| d != 0))
            });
            let total = view! { <CompareRow row=c.total class="total" label=state.t("whatif.total") /> };
            let districts = c
                .districts
                .into_iter()
                .map(|d| {
                    let label = d.label.clone();
                    view! { <CompareRow row=d class="district" label /> }
                })
                .collect_view();
            let offices = offices
                .map(|o| {
                    let label = format!("{} {}", o.key, o.label);
                    view! { <CompareRow row=o class="" label /> }
                })
                .collect_view();
            view! { {total}{districts}{offices} }
        })
    };
    view! {
        <section class="whatif-compare" data-testid="whatif-compare">
            <h2>{tr("whatif.compare")}</h2>
            <label class="check"><input type="checkbox" data-testid="compare-all" on:change=move |ev| every_office.set(event_target_checked(&ev)) />{tr("whatif.every_office")}</label>
            <table class="compact">
                <thead><tr>
                    <th scope="col"></th>
                    <th scope="col" class="num">{tr("whatif.baseline")}</th>
                    {head}
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
            <p class="muted">{tr("whatif.instruction_mark")}</p>
        </section>
    }
}

#[component]
fn CompareRow(row: Compared, class: &'static str, label: String) -> impl IntoView {
    let fee = |f: Fee| {
        let text = format!("{}{}", format_yen(f.yen), if f.instruction { " ⚠" } else { "" });
        view! { <td class="num" class:instruction=f.instruction>{text}</td> }
    };
    let cells = (0..row.scenarios.len())
        .map(|i| match (row.scenarios[i], row.difference(i)) {
            (Some(f), Some(d)) => view! {
                {fee(f)}
                <td class="num" class:up={d > 0} class:down={d < 0} data-testid="difference">{signed_count(d)}</td>
            }.into_any(),
            _ => view! { <td class="num">"—"</td><td class="num">"—"</td> }.into_any(),
        })
        .collect_view();
    view! {
        <tr class=class data-key=row.key.clone()>
            <th scope="row">{label}</th>
            {fee(row.baseline)}
            {cells}
        </tr>
    }
}
