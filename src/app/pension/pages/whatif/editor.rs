//! The shown scenario: its name and readings, its changes as a table (one
//! line each: what, which offices, which kind, the value), and its buttons:
//! reset, close, download as JSON.

use crate::app::components::enum_select::OptionSelect;
use crate::app::download::save_text;
use crate::app::pension::scenarios::Scenarios;
use crate::app::state::{tr, tr_key, AppState};
use crate::core::import::problem::Reason;
use crate::core::money::Rounding;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::rules::achievement::BandMode;
use crate::profiles::pension::rules::projection::Pace;
use crate::profiles::pension::rules::scenario::Scenario;
use crate::profiles::pension::views::whatif::{selectable, Change, Drafts, Line};
use crate::profiles::pension::PensionReason;
use leptos::prelude::*;

#[component]
pub fn Editor() -> impl IntoView {
    let scenarios = expect_context::<Scenarios>();
    let shown = scenarios.shown;
    let exists = move || scenarios.drafts.with(|d| shown.get() < d.drafts.len());
    view! {
        <Show when=exists fallback=|| view! { <p class="muted" data-testid="whatif-none">{tr("whatif.none_open")}</p> }>
            // Keyed on the draft shown: another tab draws its own table.
            {move || { shown.get(); view! { <DraftEditor draft=shown.get_untracked() /> } }}
        </Show>
    }
}

#[component]
fn DraftEditor(draft: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let drafts = scenarios.drafts;
    let settings =
        move || drafts.with(|d| d.drafts.get(draft).map(|d| d.settings.clone()).unwrap_or_default());
    let set = move |f: Box<dyn FnOnce(&mut Scenario)>| {
        drafts.update(|d| {
            if let Some(d) = d.drafts.get_mut(draft) {
                f(&mut d.settings)
            }
        })
    };
    let download = move |_| {
        let Some((scenario, _)) = scenarios.read[draft].get_untracked() else { return };
        let name = scenario.name.clone().unwrap_or_else(|| format!("scenario-{}", draft + 1));
        if let Ok(json) = serde_json::to_string_pretty(&scenario) {
            save_text(&format!("{name}.json"), &json, "application/json");
        }
    };
    let lines = move || drafts.with(|d| d.drafts.get(draft).map(|d| d.lines.clone()).unwrap_or_default());
    view! {
        <div class="scenario-editor" data-testid="scenario-editor">
            <div class="controls">
                <label>{tr("whatif.name")}
                    <input type="text" data-testid="scenario-name" prop:value=move || settings().name.unwrap_or_default()
                        on:input=move |ev| { let v = event_target_value(&ev); set(Box::new(move |s| s.name = (!v.is_empty()).then_some(v))) } />
                </label>
                <OptionSelect label="whatif.projection" text_prefix="pace" none_key="whatif.no_projection" test_id="scenario-projection"
                    value=Signal::derive(move || settings().projection) on_change={move |v: Option<Pace>| set(Box::new(move |s| s.projection = v))} />
                <OptionSelect label="overview.band_mode" text_prefix="band" none_key="whatif.in_force" test_id="scenario-band"
                    value=Signal::derive(move || settings().band_mode) on_change={move |v: Option<BandMode>| set(Box::new(move |s| s.band_mode = v))} />
                <OptionSelect label="csv.rounding" text_prefix="rounding" none_key="whatif.in_force" test_id="scenario-rounding"
                    value=Signal::derive(move || settings().rounding) on_change={move |v: Option<Rounding>| set(Box::new(move |s| s.rounding = v))} />
            </div>
            <p class="muted">{tr("whatif.months_rule")}</p>
            <table class="compact scenario-lines">
                <thead><tr>
                    <th scope="col">{tr("whatif.col.change")}</th>
                    <th scope="col">{tr("whatif.col.offices")}</th>
                    <th scope="col">{tr("plan.col.kind")}</th>
                    <th scope="col">{tr("whatif.col.value")}</th>
                    <th scope="col"></th>
                </tr></thead>
                <tbody>
                    <For each=lines key=|l| l.id let:line>
                        <LineRow draft line />
                    </For>
                </tbody>
            </table>
            <div class="buttons">
                {Change::ALL.iter().map(|&c| {
                    let code: &'static str = c.into();
                    view! { <button type="button" data-testid=format!("add-{code}") on:click=move |_| drafts.update(|d| d.add_line(draft, c))>
                        {move || format!("＋ {}", state.t(&format!("whatif.change.{code}")))}</button> }
                }).collect_view()}
                <button type="button" data-testid="scenario-reset" on:click=move |_| drafts.update(|d| d.reset(draft))>{tr("whatif.reset")}</button>
                <button type="button" data-testid="scenario-download" on:click=download>{tr("whatif.download")}</button>
                <button type="button" data-testid="scenario-close" on:click=move |_| { drafts.update(|d| d.close(draft)); scenarios.shown.set(0); }>{tr("whatif.close")}</button>
            </div>
            <Unread draft />
        </div>
    }
}

/// The scenario's errors: lines not read, and why it does not settle.
#[component]
fn Unread(draft: usize) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    move || {
        let lang = state.lang.get();
        // Each line not read, by its place in the table.
        let place = |id| {
            scenarios
                .drafts
                .with(|d| d.drafts.get(draft).and_then(|d| d.lines.iter().position(|l| l.id == id)))
        };
        let mut messages: Vec<String> = scenarios.read[draft].with(|r| {
            r.iter()
                .flat_map(|(_, e)| e)
                .map(|e| {
                    let reason = Reason::<PensionReason>::Value { error: e.error }.message().render(lang);
                    format!("{} {}: {reason}", state.t("whatif.line"), place(e.id).map_or(0, |i| i + 1))
                })
                .collect()
        });
        if let Some(Err(errors)) = scenarios.settled[draft].get() {
            messages.extend(errors.iter().map(|e| e.message(lang)));
        }
        (!messages.is_empty()).then(|| view! {
            <div class="errors" role="alert" data-testid="scenario-errors">{messages.into_iter().map(|m| view! { <p>{m}</p> }).collect_view()}</div>
        })
    }
}

#[component]
fn LineRow(draft: usize, line: Line) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scenarios = expect_context::<Scenarios>();
    let id = line.id;
    let edit = move |f: Box<dyn FnOnce(&mut Line)>| scenarios.drafts.update(|d| d.edit_line(draft, id, f));
    let choices = state.model.with_untracked(|m| match m {
        Some(Ok(m)) => selectable(m, state.lang.get_untracked()),
        _ => Vec::new(),
    });
    let chosen = choices.iter().position(|(o, _)| *o == line.offices).unwrap_or(0);
    let has_kind = RwSignal::new(line.change.has_kind());
    let offices = StoredValue::new(choices.iter().map(|(o, _)| o.clone()).collect::<Vec<_>>());
    // Follows the draft: a marker dragged on the curve changes the line too.
    let value = move || {
        let line =
            |d: &Drafts| d.drafts.get(draft)?.lines.iter().find(|l| l.id == id).map(|l| l.value.clone());
        scenarios.drafts.with(line).unwrap_or_default()
    };
    let bad =
        move || scenarios.read[draft].with(|r| r.as_ref().is_some_and(|(_, e)| e.iter().any(|e| e.id == id)));
    view! {
        <tr data-testid=format!("line-{id}")>
            <td><select data-testid="line-change" on:change=move |ev| {
                if let Ok(c) = event_target_value(&ev).parse::<Change>() { has_kind.set(c.has_kind()); edit(Box::new(move |l| l.change = c)); }
            }>
                {Change::ALL.iter().map(|&c| { let code: &'static str = c.into(); view! {
                    <option value=code selected=c == line.change>{tr_key(format!("whatif.change.{code}"))}</option>
                }}).collect_view()}
            </select></td>
            <td><select data-testid="line-offices" on:change=move |ev| {
                let i: usize = event_target_value(&ev).parse().unwrap_or(0);
                if let Some(o) = offices.with_value(|all| all.get(i).cloned()) { edit(Box::new(move |l| l.offices = o)); }
            }>
                {choices.into_iter().enumerate().map(|(i, (_, label))| view! { <option value=i.to_string() selected=i == chosen>{label}</option> }).collect_view()}
            </select></td>
            <td><select data-testid="line-kind" disabled=move || !has_kind.get() on:change=move |ev| {
                let k = Kind::parse(&event_target_value(&ev)); edit(Box::new(move |l| l.kind = k));
            }>
                <option value="*" selected=line.kind.is_none()>{tr("whatif.all_kinds")}</option>
                {Kind::ALL.map(|k| view! { <option value=k.code() selected=line.kind == Some(k)>{tr_key(format!("kind.{}", k.code()))}</option> })}
            </select></td>
            <td><input type="text" inputmode="decimal" class="num" data-testid="line-value" prop:value=value class:invalid=bad
                aria-invalid=move || bad().to_string()
                on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |l| l.value = v)); } /></td>
            <td><button type="button" class="link" aria-label=tr("whatif.remove_line")
                on:click=move |_| scenarios.drafts.update(|d| d.remove_line(draft, id))>"×"</button></td>
        </tr>
    }
}
