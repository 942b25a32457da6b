//! The projector's what-if slides (#14), after the deck's offices: the
//! exposure of the deck's offices as steps, where effort pays among them, and
//! the open scenarios beside the baseline. Each has at most 12 rows.

use crate::app::state::{tr, tr_key, AppState};
use crate::core::money::{format_count, format_yen, signed_count};
use crate::profiles::pension::rules::effort::EffortPays;
use crate::profiles::pension::views::comparison::{Compared, Comparison};
use crate::profiles::pension::views::exposure::Exposure;
use crate::profiles::pension::views::presentation::SLIDE_ROWS;
use leptos::prelude::*;

pub fn exposure_slide(e: Exposure, title: &str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let title = title.to_string();
    let flagged = e.instruction_offices.join("、");
    let at_stake = e.at_stake_yen();
    view! {
        <h1 class="slide-title" data-testid="exposure-slide">{move || format!("{} — {title}", state.t("exposure.title"))}</h1>
        <ol class="build-up exposure-steps">
            {e.waterfall().into_iter().map(|s| view! {
                <li class:total=s.is_total class:down={s.amount < 0 && !s.is_total}>
                    <span>{move || state.t(s.key)}</span>
                    <strong>{format_yen(s.amount)}</strong>
                </li>
            }).collect_view()}
        </ol>
        <p class="slide-flags">{move || format!("{}: {}", state.t("exposure.at_stake"), format_yen(at_stake))}</p>
        <p class="slide-flags">{move || format!("⚠ {}: {}", state.t("exposure.instruction"), if flagged.is_empty() { state.t("exposure.none") } else { flagged.clone() })}</p>
    }
}

pub fn effort_slide(list: &[EffortPays], codes: &[&str]) -> impl IntoView {
    let best: Vec<EffortPays> =
        list.iter().filter(|e| codes.contains(&e.office_code.as_str())).take(SLIDE_ROWS).cloned().collect();
    view! {
        <h1 class="slide-title" data-testid="effort-slide">{tr("effort.title")}</h1>
        <table class="slide-table">
            <thead><tr>
                {["office_code", "kind", "yen_for_one_month", "months_to_next_step", "yen_at_next_step"]
                    .map(|c| view! { <th scope="col">{tr_key(format!("effort.col.{c}"))}</th> })}
            </tr></thead>
            <tbody>
                {best.into_iter().map(|e| {
                    let kind = e.kind;
                    view! {
                        <tr>
                            <th scope="row">{e.office_code}</th>
                            <td>{tr_key(format!("kind.{}", kind.code()))}</td>
                            <td class="num">{format_yen(e.yen_for_one_month)}</td>
                            <td class="num">{format_count(e.months_to_next_step)}</td>
                            <td class="num">{format_yen(e.yen_at_next_step)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The total, the districts and the offices with the largest differences,
/// 12 rows at most.
pub fn comparison_slide(c: Comparison, names: Vec<String>, codes: &[&str]) -> impl IntoView {
    let state = expect_context::<AppState>();
    let biggest = |o: &Compared| (0..o.scenarios.len()).filter_map(|i| o.difference(i)).map(i64::abs).max();
    let mut offices: Vec<Compared> = c
        .offices
        .into_iter()
        .filter(|o| codes.contains(&o.key.as_str()) && biggest(o).is_some_and(|d| d != 0))
        .collect();
    offices.sort_by_key(|o| std::cmp::Reverse(biggest(o)));
    let rows: Vec<(String, Compared)> = std::iter::once((state.t("whatif.total"), c.total))
        .chain(c.districts.into_iter().map(|d| (d.label.clone(), d)))
        .chain(offices.into_iter().map(|o| (format!("{} {}", o.key, o.label), o)))
        .take(SLIDE_ROWS)
        .collect();
    view! {
        <h1 class="slide-title" data-testid="comparison-slide">{tr("whatif.compare")}</h1>
        <table class="slide-table">
            <thead><tr>
                <th scope="col"></th>
                <th scope="col" class="num">{tr("whatif.baseline")}</th>
                {names.into_iter().map(|n| view! { <th scope="col" class="num">{n}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(label, r)| view! {
                    <tr>
                        <th scope="row">{label}</th>
                        <td class="num">{format_yen(r.baseline.yen)}</td>
                        {(0..r.scenarios.len()).map(|i| view! {
                            <td class="num">{r.difference(i).map_or("—".into(), signed_count)}</td>
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
