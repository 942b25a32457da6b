//! Projector mode: full screen, large type, high contrast. Slides are the
//! prefecture's overview (12 offices a slide), then one per office in the
//! chosen order, then this month's shortfalls and 理由書 deadlines, then
//! exposure, where effort pays and the open scenarios; ←/→ and
//! PageUp/PageDown (what presentation clickers send) move, Esc leaves. Every
//! slide carries the period, the as-of month and a counter. All slides are in the
//! page, so printing gives one slide per A4 landscape page (the meeting pack).

use crate::app::components::projector_frame::{listen_for_keys, request_fullscreen, Toolbar};
use crate::app::pension::projector_whatif::{comparison_slide, effort_slide, exposure_slide};
use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::calendar::format_month;
use crate::core::money::{format_yen, group_thousands};
use crate::profiles::pension::rules::activity::{methods_below_plan, BelowPlan};
use crate::profiles::pension::rules::settlement::OfficeSettlement;
use crate::profiles::pension::rules::Settlement;
use crate::profiles::pension::views::comparison::compare;
use crate::profiles::pension::views::exposure::{exposure, Selection};
use crate::profiles::pension::views::overview::{select, totals, Scope};
use crate::profiles::pension::views::plan::{tracker_cells, Plan};
use crate::profiles::pension::views::plan_export::status_message;
use crate::profiles::pension::views::presentation::{
    percent_or_dash, period_and_as_of, ratio_with_mark, rules_in_force, RatioBand, SLIDE_ROWS,
};
use crate::profiles::pension::views::waterfall::waterfall;
use leptos::prelude::*;

/// Enters projector mode on the first slide, going full screen when allowed.
pub fn enter(state: AppState) {
    if matches!(state.scope.get_untracked(), Scope::All | Scope::District(_)) {
        if let Some(first) = state.settled().and_then(|s| s.offices.first().map(|o| o.prefecture.clone())) {
            state.scope.set(Scope::Prefecture(first));
        }
    }
    state.slide.set(Some(0));
    if let Some(root) = gloo::utils::document().document_element() {
        request_fullscreen(&root);
    }
}

#[component]
pub fn Projector() -> impl IntoView {
    let state = expect_context::<AppState>();
    let deck = Memo::new(move |_| {
        let s = state.settled()?;
        let scope = state.scope.get();
        let offices: Vec<OfficeSettlement> =
            select(&s, &scope, state.sort.get()).into_iter().cloned().collect();
        Some((s, scope, offices))
    });
    // The overview, one slide per office, and this month's shortfalls when
    // there is an inspection.
    let scenarios = expect_context::<Scenarios>();
    let has_plan = move || state.plan.with(|p| matches!(p, Some(Ok(_))));
    let has_scenarios = move || scenarios.drafts.with(|d| !d.drafts.is_empty());
    // The overview's pages, the offices, the shortfalls, exposure, effort, and
    // the scenarios when any are open.
    let count = move || {
        deck.with(|d| {
            d.as_ref().map_or(0, |(_, _, o)| {
                o.len().div_ceil(SLIDE_ROWS).max(1)
                    + o.len()
                    + 2
                    + usize::from(has_plan())
                    + usize::from(has_scenarios())
            })
        })
    };
    listen_for_keys(state, count);

    move || {
        let Some((s, scope, offices)) = deck.get() else { return ().into_any() };
        let plan = state.plan.get().and_then(Result::ok);
        let title = match &scope {
            Scope::Prefecture(p) | Scope::District(p) => p.clone(),
            Scope::All => state.t("overview.all"),
        };
        let pages = offices.len().div_ceil(SLIDE_ROWS).max(1);
        let mut bodies: Vec<AnyView> = (0..pages)
            .map(|i| {
                let rows =
                    &offices[(i * SLIDE_ROWS).min(offices.len())..((i + 1) * SLIDE_ROWS).min(offices.len())];
                let heading = if pages > 1 { format!("{title} ({}/{pages})", i + 1) } else { title.clone() };
                overview_slide(&heading, rows, (i + 1 == pages).then_some(&offices[..])).into_any()
            })
            .collect();
        bodies.extend(offices.iter().map(|o| {
            let below =
                state.report.with_untracked(|r| methods_below_plan(&r.dataset, &o.office_code, s.as_of));
            office_slide(o, below).into_any()
        }));
        let codes: Vec<&str> = offices.iter().map(|o| o.office_code.as_str()).collect();
        bodies.extend(plan.map(|p| shortfall_slide(&p, &title, &codes).into_any()));
        bodies.extend(whatif_slides(&s, &scope, &title, &codes));
        let total = bodies.len();
        // A linked slide past the end (`#/slides/99`) shows the last one.
        let current = state.slide.get().unwrap_or(0).min(total - 1);
        let slides = bodies
            .into_iter()
            .enumerate()
            .map(|(index, body)| view! { <Slide index current total settlement=s.clone()>{body}</Slide> })
            .collect_view();
        view! {
            <div class="projector" role="dialog" aria-modal="true" aria-label=tr("projector.label") data-testid="projector">
                <Toolbar total />
                {slides}
            </div>
        }
        .into_any()
    }
}

/// One slide: its body, and a footer with the period, the as-of month, the
/// rules in force and the counter.
#[component]
fn Slide(
    index: usize,
    current: usize,
    total: usize,
    settlement: Settlement,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let s = settlement;
    let rules = s.rules.clone();
    let when = move || period_and_as_of(&s, state.lang.get(), state.date_style.get());
    view! {
        <section
            class="slide"
            class:current=index == current
            aria-hidden=(index != current).to_string()
            data-testid=if index == current { "current-slide" } else { "slide" }
        >
            <div class="slide-body">{children()}</div>
            <footer class="slide-footer">
                <span>{when}</span>
                <span>{move || rules_in_force(&rules, state.lang.get())}</span>
                <span class="counter" data-testid="slide-counter">{format!("{} / {}", index + 1, total)}</span>
            </footer>
        </section>
    }
}

/// One page of the overview (at most [`SLIDE_ROWS`] offices); the last page
/// carries the totals of `all`.
fn overview_slide(
    title: &str,
    offices: &[OfficeSettlement],
    all: Option<&[OfficeSettlement]>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let sum = all.map(|all| totals(&all.iter().collect::<Vec<_>>()));
    view! {
        <h1 class="slide-title">{title.to_string()}</h1>
        <table class="slide-table">
            <thead>
                <tr>
                    <th scope="col">{tr("table.col.office")}</th>
                    {crate::profiles::pension::dataset::Kind::ALL.into_iter().map(|k| view! { <th scope="col" class="num">{tr_key(format!("kind.{}", k.code()))}</th> }).collect_view()}
                    <th scope="col" class="num">{tr("projector.adjustment")}</th>
                </tr>
            </thead>
            <tbody>
                {offices.iter().map(|o| {
                    let adjustment = o.total_yen - o.base_yen;
                    view! {
                        <tr>
                            <th scope="row">{o.office_name.clone()}</th>
                            {o.kinds.iter().map(|k| view! { <td class="num">{ratio_with_mark(k)}</td> }).collect_view()}
                            <td class="num">{signed_yen(adjustment)}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
            {sum.map(|sum| view! {
                <tfoot>
                    <tr>
                        <th scope="row">{move || format!("{} ({})", state.t("overview.totals"), sum.offices)}</th>
                        <td></td><td></td><td></td>
                        <td class="num">{signed_yen(sum.total_yen - sum.base_yen)}</td>
                    </tr>
                </tfoot>
            })}
        </table>
    }
}

/// This month's shortfalls by method among the deck's offices, and the 理由書
/// deadlines still open, for the meeting (seed 000 ⅩⅢ1).
fn shortfall_slide(plan: &Plan, title: &str, codes: &[&str]) -> impl IntoView {
    let state = expect_context::<AppState>();
    let (methods, cells) = tracker_cells(plan, |code| codes.contains(&code));
    let title = title.to_string();
    let month = plan.as_of;
    let this = plan.months.iter().find(|m| m.month == month).cloned();
    let open: Vec<_> =
        plan.months.iter().filter(|m| m.month != month && m.status.withholds_payment()).cloned().collect();
    view! {
        <h1 class="slide-title" data-testid="shortfall-slide">{move || format!("{} {} — {title}", state.t("projector.shortfalls"), format_month(month, state.date_style.get()))}</h1>
        <table class="slide-table">
            <thead>
                <tr>
                    <th scope="col">{tr("projector.method")}</th>
                    <th scope="col" class="num">{tr("projector.offices_short")}</th>
                    <th scope="col" class="num">{tr("projector.gap")}</th>
                </tr>
            </thead>
            <tbody>
                {methods.into_iter().map(|m| {
                    let cell = cells.get(&(month, m.clone())).cloned().unwrap_or_default();
                    view! {
                        <tr>
                            <th scope="row">{m}</th>
                            <td class="num">{cell.offices.len()}</td>
                            <td class="num">{format!("▼ {}", group_thousands(cell.shortfall.unsigned_abs()))}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <ul class="slide-deadlines">
            {this.map(|m| view! {
                <li>{move || format!("{} {} — {}", state.t("plan.col.deadline"), m.deadline, status_message(m.status).render(state.lang.get()))}</li>
            })}
            {open.into_iter().map(|m| view! {
                <li class="withheld">{move || format!("{}: {}", format_month(m.month, state.date_style.get()), status_message(m.status).render(state.lang.get()))}</li>
            }).collect_view()}
        </ul>
    }
}

/// Exposure and where effort pays for the deck's offices, and the open
/// scenarios beside the baseline.
fn whatif_slides(s: &Settlement, scope: &Scope, title: &str, codes: &[&str]) -> Vec<AnyView> {
    let scenarios = expect_context::<Scenarios>();
    let selection = match scope {
        Scope::Prefecture(p) => Selection::Prefecture(p.clone()),
        Scope::District(d) => Selection::District(d.clone()),
        Scope::All => Selection::All,
    };
    let mut out = vec![
        exposure_slide(exposure(s, &selection), title).into_any(),
        effort_slide(&scenarios.effort.get().unwrap_or_default(), codes).into_any(),
    ];
    let names: Vec<String> = scenarios.drafts.with(|d| {
        d.drafts
            .iter()
            .enumerate()
            .map(|(i, d)| d.settings.name.clone().unwrap_or_else(|| format!("#{}", i + 1)))
            .collect()
    });
    if !names.is_empty() {
        let settled: Vec<Option<Settlement>> =
            scenarios.settled[..names.len()].iter().map(|m| m.get().and_then(Result::ok)).collect();
        let c = compare(s, &settled.iter().map(Option::as_ref).collect::<Vec<_>>());
        out.push(comparison_slide(c, names, codes).into_any());
    }
    out
}

fn signed_yen(y: i64) -> String {
    if y > 0 {
        format!("+{}", format_yen(y))
    } else {
        format_yen(y)
    }
}

fn office_slide(o: &OfficeSettlement, below_plan: Vec<BelowPlan>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let steps = waterfall(o);
    let flags = o.flags.clone();
    view! {
        <h1 class="slide-title">{format!("{} {}", o.office_code, o.office_name)}</h1>
        <div class="kind-tiles">
            {o.kinds.iter().map(|k| {
                let kind = k.kind;
                let low = RatioBand::of(k).is_some_and(RatioBand::is_low);
                view! {
                    <div class="kind-tile" class:low=low>
                        <div class="tile-kind">{tr_key(format!("kind.{}", kind.code()))}</div>
                        <div class="tile-ratio">{ratio_with_mark(k)}</div>
                        <div class="tile-detail">{
                            let (rate, target) = (percent_or_dash(k.rate), percent_or_dash(k.target));
                            move || format!("{} {rate} / {} {target}", state.t("table.col.rate"), state.t("table.col.target"))
                        }</div>
                        <div class="tile-yen">{signed_yen(k.achievement_adjustment_yen)}</div>
                    </div>
                }
            }).collect_view()}
        </div>
        <ol class="build-up">
            {steps.into_iter().map(|s| view! {
                <li class:total=s.is_total>
                    <span>{move || state.t(s.key)}</span>
                    <strong>{if s.is_total { format_yen(s.amount) } else { signed_yen(s.amount) }}</strong>
                </li>
            }).collect_view()}
        </ol>
        <p class="slide-flags">
            {move || flags.iter().map(|f| format!("⚠ {}", f.label(state.lang.get()))).collect::<Vec<_>>().join("　")}
        </p>
        <Show when={
            let empty = below_plan.is_empty();
            move || !empty
        }>
            <table class="slide-table below-plan-table">
                <caption>{tr("projector.below_plan")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr("projector.method")}</th>
                        <th scope="col" class="num">{tr("office.planned")}</th>
                        <th scope="col" class="num">{tr("office.done")}</th>
                        <th scope="col" class="num">{tr("projector.gap")}</th>
                    </tr>
                </thead>
                <tbody>
                    {below_plan.iter().map(|b| view! {
                        <tr>
                            <th scope="row">{b.method.clone()}</th>
                            <td class="num">{group_thousands(b.planned.unsigned_abs())}</td>
                            <td class="num">{group_thousands(b.done.unsigned_abs())}</td>
                            <td class="num">{format!("▼ {}", group_thousands((b.planned - b.done).unsigned_abs()))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </Show>
    }
}
