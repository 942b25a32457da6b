//! The call centre's pages: the controls are drawn here, the figures come as
//! blocks from the core (`profiles::call_centre::blocks`).

pub mod progress;
pub mod quality;
pub mod reports;
