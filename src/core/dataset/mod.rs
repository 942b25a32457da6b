//! Typed, validated datasets: what the import hands to the rule engines.

pub mod pension;
