//! The functional core: what every contract uses. Exact money, the calendar,
//! i18n, where a row came from, and the import pipeline. Nothing here touches the
//! DOM, the network, the clock or a global, and nothing here knows a contract:
//! contracts live in [`crate::profiles`] and plug into the import through
//! [`import::profile::Profile`].

pub mod business_days;
pub mod calendar;
pub mod export;
pub mod i18n;
pub mod import;
pub mod money;
pub mod origin;
pub mod pages;
