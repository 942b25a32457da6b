//! Components every page and every profile uses.

pub mod enum_select;
