//! One calculator: its title, the seed's sentence, the formula, the inputs
//! its core description lists, and the figures the core computes.

use crate::app::state::AppState;
use crate::core::money::format_yen;
use crate::profiles::dunning::tender::calculator::{Calculator, Figure, InputKind};
use leptos::prelude::*;

#[component]
pub fn Card(calculator: Calculator) -> impl IntoView {
    let state = expect_context::<AppState>();
    let code = calculator.code();
    let fields = RwSignal::new(calculator.defaults());
    let key = move |part: &str| state.t(&format!("tender.{code}.{part}"));
    let inputs = calculator.inputs().iter().enumerate().map(move |(i, input)| {
        let label = move || state.t(&format!("tender.input.{}", input.key));
        let value = move || fields.with(|f| f[i].clone());
        let set = move |v: String| fields.update(|f| f[i] = v);
        let test_id = format!("{code}-{}", input.key);
        let control = match input.kind {
            InputKind::Flag => view! {
                <input type="checkbox" data-testid=test_id prop:checked=move || value() == "true"
                    on:change=move |ev| set(event_target_checked(&ev).to_string()) />
            }.into_any(),
            InputKind::YearBasis | InputKind::Fault => {
                let options: &[&str] = if input.kind == InputKind::Fault {
                    &["deliberate", "gross_negligence", "negligence"]
                } else {
                    &["days365", "actual"]
                };
                view! {
                    <select data-testid=test_id on:change=move |ev| set(event_target_value(&ev))>
                        {options.iter().map(|o| view! {
                            <option value=*o selected=move || value() == *o>{move || state.t(&format!("tender.choice.{o}"))}</option>
                        }).collect_view()}
                    </select>
                }.into_any()
            }
            _ => view! {
                <input type="text" data-testid=test_id prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
            }.into_any(),
        };
        view! { <label>{label}{control}</label> }
    });
    let figures = move || fields.with(|f| calculator.compute(f));
    view! {
        <article class="calculator" data-testid=format!("calc-{code}")>
            <h3>{move || key("title")}</h3>
            <blockquote>{move || key("clause")}</blockquote>
            <p class="formula">{move || key("formula")}</p>
            <div class="controls">{inputs.collect_view()}</div>
            {move || match figures() {
                Ok(figures) => view! {
                    <dl data-testid=format!("calc-{code}-result")>
                        {figures.into_iter().map(|(name, figure)| view! {
                            <dt>{move || state.t(&format!("tender.output.{name}"))}</dt>
                            <dd data-testid=format!("{code}-{name}")>{shown(&figure, &state)}</dd>
                        }).collect_view()}
                    </dl>
                }.into_any(),
                Err(bad) => view! {
                    <p class="error" role="alert">
                        {bad.into_iter().map(|i| state.t(&format!("tender.input.{}", calculator.inputs()[i].key))).collect::<Vec<_>>().join("・")}
                        {move || state.t("tender.unread")}
                    </p>
                }.into_any(),
            }}
        </article>
    }
}

fn shown(figure: &Figure, state: &AppState) -> String {
    match figure {
        Figure::Yen(y) => format_yen(*y),
        Figure::Days(d) => format!("{d} {}", state.t("tender.days")),
        Figure::Date(d) => d.to_string(),
        Figure::Flag(f) => state.t(if *f { "tender.yes" } else { "tender.no" }),
    }
}
