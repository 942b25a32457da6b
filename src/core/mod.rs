//! The functional core: contract rules, exact money, the contract calendar, import
//! and the datasets. Nothing here touches the DOM, the network, the clock or a
//! global; every function is a plain transformation of its arguments.

pub mod calendar;
pub mod dataset;
pub mod i18n;
pub mod import;
pub mod money;
pub mod profile;
pub mod records;
pub mod rules;
