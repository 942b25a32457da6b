//! The only things the app ever stores: the user's column mappings (column
//! names and positions) and the contract chosen on the start page, which are
//! settings, never data. Records are never stored.

use crate::core::import::schema::ColumnMapping;
use crate::profiles::pension::tables::PensionTable;
use crate::profiles::Contract;

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

const CONTRACT_KEY: &str = "shuno.contract";

/// Remembers the contract shown: `contract.js` opens its app at the next visit.
pub fn save_contract(contract: Contract) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(&contract)) {
        let _ = s.set_item(CONTRACT_KEY, &text);
    }
}

pub fn save_mappings(mappings: &[ColumnMapping<PensionTable>]) {
    if let (Some(s), Ok(text)) = (storage(), serde_json::to_string(mappings)) {
        let _ = s.set_item(KEY, &text);
    }
}
