//! The only thing the app ever stores: the user's column mappings, which are
//! settings (column names and positions), never data. Records are never stored.

use crate::core::import::schema::ColumnMapping;
use crate::profiles::pension::tables::PensionTable;

const KEY: &str = "shuno.column-mappings";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

pub fn load_mappings() -> Vec<ColumnMapping<PensionTable>> {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

pub fn save_mappings(mappings: &[ColumnMapping<PensionTable>]) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(mappings)) {
        let _ = s.set_item(KEY, &text);
    }
}
