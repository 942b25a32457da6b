//! A labelled `<select>` over a closed set (an enum with strum codes): the value
//! of each option is the variant's code, its text the i18n key
//! `{text_prefix}.{code}`.

use crate::app::state::{tr_key, AppState};
use leptos::prelude::*;
use std::str::FromStr;

/// What a choice needs: every variant, a code each, and reading a code back.
pub trait Choice:
    Copy + PartialEq + Send + Sync + 'static + strum::VariantArray + Into<&'static str> + FromStr
{
}

impl<T> Choice for T where
    T: Copy + PartialEq + Send + Sync + 'static + strum::VariantArray + Into<&'static str> + FromStr
{
}

#[component]
pub fn EnumSelect<T: Choice>(
    /// i18n key of the label.
    label: &'static str,
    /// i18n key prefix of the options' text (`band` → `band.tiered`).
    text_prefix: &'static str,
    #[prop(into)] value: Signal<T>,
    on_change: impl Fn(T) + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label>
            {move || state.t(label)}
            <select on:change=move |ev| {
                if let Ok(v) = event_target_value(&ev).parse::<T>() {
                    on_change(v);
                }
            }>
                {options(text_prefix, move |v| value.get() == v)}
            </select>
        </label>
    }
}

/// [`EnumSelect`] with a first choice of none (`none_key`'s text): a
/// setting that may be left to what is in force.
#[component]
pub fn OptionSelect<T: Choice>(
    label: &'static str,
    text_prefix: &'static str,
    none_key: &'static str,
    #[prop(into)] value: Signal<Option<T>>,
    on_change: impl Fn(Option<T>) + 'static,
    test_id: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label>
            {move || state.t(label)}
            <select data-testid=test_id on:change=move |ev| on_change(event_target_value(&ev).parse::<T>().ok())>
                <option value="" selected=move || value.get().is_none()>{move || state.t(none_key)}</option>
                {options(text_prefix, move |v| value.get() == Some(v))}
            </select>
        </label>
    }
}

/// One `<option>` per variant: its code as the value, `{text_prefix}.{code}`
/// as the text, selected while `selected` says so.
fn options<T: Choice>(
    text_prefix: &'static str,
    selected: impl Fn(T) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    T::VARIANTS
        .iter()
        .copied()
        .map(|v| {
            let code: &'static str = v.into();
            view! {
                <option value=code selected=move || selected(v)>
                    {tr_key(format!("{text_prefix}.{code}"))}
                </option>
            }
        })
        .collect_view()
}
