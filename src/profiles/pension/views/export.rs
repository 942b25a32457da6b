//! The settlement as CSV for Excel (UTF-8 with BOM): one row per office × kind with
//! the base and achievement adjustment, then one `office` row per office with the
//! account-transfer and incident adjustments and the total, so that summing any
//! yen column gives the right figure.

use crate::core::i18n::{text, Lang};
use crate::profiles::pension::rules::flags;
use crate::profiles::pension::rules::settlement::Settlement;

const COLUMNS: [&str; 20] = [
    "period",
    "as_of",
    "band_mode",
    "rounding",
    "office_code",
    "office_name",
    "prefecture",
    "district",
    "kind",
    "rate",
    "target",
    "ratio",
    "adjustment_percent",
    "base_yen",
    "achievement_adjustment_yen",
    "account_transfer_adjustment_yen",
    "incident_points",
    "incident_deduction_yen",
    "total_yen",
    "flags",
];

pub fn settlement_csv(s: &Settlement, lang: Lang) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> = COLUMNS.iter().map(|c| text(&format!("csv.{c}"), lang)).collect();
    // Writing to a Vec cannot fail.
    let _ = w.write_record(&header);
    let opt = |d: &Option<rust_decimal::Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
    for o in &s.offices {
        let lead = [
            s.period.to_string(),
            s.as_of.to_string(),
            s.rules.band_mode.code().to_string(),
            s.rules.rounding.code().to_string(),
            o.office_code.clone(),
            o.office_name.clone(),
            o.prefecture.clone(),
            o.district.clone(),
        ];
        for k in &o.kinds {
            let mut row = lead.to_vec();
            row.extend([
                k.kind.code().to_string(),
                opt(&k.rate),
                opt(&k.target),
                opt(&k.ratio),
                k.adjustment_percent.to_string(),
                k.base_yen.to_string(),
                k.achievement_adjustment_yen.to_string(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                flags::kind_codes(&k.flags),
            ]);
            let _ = w.write_record(&row);
        }
        let mut row = lead.to_vec();
        row.extend([
            "office".to_string(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            o.account_transfer_adjustment_yen.to_string(),
            o.incident_points.to_string(),
            o.incident_deduction_yen.to_string(),
            o.total_yen.to_string(),
            flags::codes(&o.flags),
        ]);
        let _ = w.write_record(&row);
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{FEFF}{}", String::from_utf8_lossy(&body))
}
