//! Contract rules, one module per profile (digest sections A, B, C).

pub mod pension;
