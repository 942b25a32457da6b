//! The record engine: contact, payment and delinquent records (personal data,
//! kept in memory only) → contractor-promoted months per office × kind × month
//! (digest A2) and contact-duty compliance (digest A3). Pure: no I/O.

pub mod analysis;
pub mod comparison;
pub mod duty;
pub mod export;
pub mod model;
pub mod plain;
pub mod promoted;
pub mod reading;
pub mod tables;
