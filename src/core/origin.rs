//! Where a row came from: every accepted row keeps it, so a figure can be traced
//! back to its file and line.

use serde::{Deserialize, Serialize};

/// File name (or `book.xlsx#Sheet`) and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Origin {
    pub file: String,
    pub line: u64,
}
