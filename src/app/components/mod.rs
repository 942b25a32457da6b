//! Components every page and every profile uses.

pub mod blocks;
pub mod chart_frame;
pub mod chart_style;
pub mod enum_select;
pub mod export_buttons;
pub mod other_contract;
pub mod paged_loader;
pub mod paged_projector;
pub mod projector_frame;
