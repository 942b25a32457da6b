//! The pages every contract shares: import and its column-mapping step.

pub mod column_mapping;
pub mod import;
