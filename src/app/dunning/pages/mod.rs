//! The dunning blocks' pages: the controls are drawn here, the figures come
//! as blocks from the core (`profiles::dunning::pages`).

pub mod codes;
pub mod duties;
pub mod money;
pub mod progress;
pub mod reports;
pub mod tender;

use crate::app::components::paged_loader::loader;
use crate::profiles::dunning::Dunning;
use leptos::prelude::*;

/// The loader every page of the profile starts with.
fn files() -> impl IntoView {
    loader::<Dunning>("dn", "dn.tables_hint")
}
