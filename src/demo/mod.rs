//! The demo dataset: a deterministic, synthetic profile-A district (about 80
//! offices in 12 prefectures, all three periods) in the import's table formats.
//! Synthetic only: office codes and names are invented, and so are the
//! [`DEMO_PERSONS`] persons of its record files (`*.synthetic.csv`).
//! Integer arithmetic throughout (per-mille factors), so the same seed gives the
//! same bytes on every machine.

use crate::core::business_days::{BusinessCalendar, HolidayTable};
use crate::core::import::decode::encode_cp932;
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::calendar as national_pension;
use crate::profiles::pension::dataset::Kind;
use crate::profiles::pension::tables::PensionTable;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

pub mod call_centre;
pub mod dunning;
pub mod records;

/// Persons in the demo's record files (contacts, payments, delinquents).
pub const DEMO_PERSONS: u64 = 400;

/// The district of the demo.
pub const DISTRICT: &str = "デモ地区（関東・甲信越）";

/// Prefectures and how many offices each has.
const PREFECTURES: [(&str, usize); 12] = [
    ("東京都", 18),
    ("神奈川県", 10),
    ("埼玉県", 9),
    ("千葉県", 8),
    ("茨城県", 6),
    ("栃木県", 5),
    ("群馬県", 5),
    ("新潟県", 5),
    ("長野県", 5),
    ("山梨県", 3),
    ("静岡県", 4),
    ("富山県", 3),
];

const AREAS: [&str; 18] = [
    "中央",
    "東",
    "西",
    "南",
    "北",
    "港南",
    "川﨑",
    "髙田",
    "北部第①",
    "湖東",
    "山手",
    "城北",
    "城南",
    "臨海",
    "駅前",
    "本町",
    "新町",
    "緑ヶ丘",
];

/// Activity methods (督励手法) of the demo.
pub const METHODS: [&str; 4] = ["電話", "文書", "SMS", "訪問"];

/// One generated file.
pub struct DemoFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

struct DemoOffice {
    code: String,
    /// Yearly due months of the current kind (size of the office).
    size: i64,
}

/// `lo..=hi` per mille, as an integer factor.
fn permille(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> i64 {
    rng.random_range(lo..=hi)
}

pub(crate) fn csv_utf8_bom(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    // Writing to a Vec cannot fail.
    let _ = w.write_record(header);
    for r in rows {
        let _ = w.write_record(r);
    }
    w.into_inner().unwrap_or_default()
}

/// The demo's office codes, in order (9PPII: prefecture, office).
pub fn office_codes() -> Vec<String> {
    PREFECTURES
        .iter()
        .enumerate()
        .flat_map(|(p, (_, count))| (0..*count).map(move |i| format!("9{:02}{:02}", p + 1, i + 1)))
        .collect()
}

/// Generates the demo dataset for `seed`.
pub fn generate(seed: u64) -> Vec<DemoFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut offices = Vec::new();
    let mut office_rows = Vec::new();
    for (p, (prefecture, count)) in PREFECTURES.iter().enumerate() {
        let stem = prefecture.trim_end_matches(['都', '県']);
        for i in 0..*count {
            let code = format!("9{:02}{:02}", p + 1, i + 1);
            let name = format!("{stem}{}年金事務所", AREAS[i % AREAS.len()]);
            office_rows.push(vec![code.clone(), name, prefecture.to_string(), DISTRICT.to_string()]);
            offices.push(DemoOffice { code, size: rng.random_range(18_000..=90_000) });
        }
    }

    let fees: Vec<Vec<String>> = national_pension::periods()
        .map(|p| {
            vec![
                DISTRICT.to_string(),
                p.number.to_string(),
                (1_234_567_890 + 7_000_000 * p.number as i64).to_string(),
            ]
        })
        .collect();

    let mut progress = Vec::new();
    // The district's 納付対象月数 per (kind, month), as the 機構's progress totals give them.
    let mut district_due: std::collections::BTreeMap<(usize, String), i64> = Default::default();
    let mut targets = Vec::new();
    let mut transfers = Vec::new();
    let mut activity = Vec::new();
    for office in &offices {
        for period in national_pension::periods() {
            for kind in Kind::ALL {
                // Target in tenths of a percent.
                let target = match kind {
                    Kind::Current => rng.random_range(180..=320),
                    Kind::Past1 => rng.random_range(90..=180),
                    Kind::Past2 => rng.random_range(50..=110),
                };
                targets.push(vec![
                    office.code.clone(),
                    period.number.to_string(),
                    kind.japanese().to_string(),
                    format!("{}.{}", target / 10, target % 10),
                ]);
                // Where the office ends the period against its target (per mille of target).
                let finish = permille(&mut rng, 720, 1_260);
                let yearly_due = match kind {
                    Kind::Current => office.size,
                    Kind::Past1 => office.size * permille(&mut rng, 600, 800) / 1000,
                    Kind::Past2 => office.size * permille(&mut rng, 400, 600) / 1000,
                };
                let mut promoted_so_far = 0;
                for (i, month) in period.months().enumerate() {
                    let elapsed = i as i64 + 1;
                    let due = match kind {
                        Kind::Current => yearly_due * elapsed / 12,
                        _ => yearly_due,
                    };
                    let excluded =
                        due * match kind {
                            Kind::Current => 640,
                            Kind::Past1 => 300,
                            Kind::Past2 => 220,
                        } / 1000;
                    let forced = due * permille(&mut rng, 3, 12) / 1000;
                    let denominator = due - excluded - forced;
                    // The rate climbs from about 60 % of its final level to it.
                    let shape = 600 + 400 * elapsed / 12 + permille(&mut rng, 0, 40) - 20;
                    let rate_pm = target * finish / 1000 * shape / 1000; // tenths of % × 1
                    let promoted = (denominator * rate_pm / 1000).clamp(promoted_so_far, denominator.max(0));
                    promoted_so_far = promoted;
                    *district_due.entry((kind.index(), month.to_string())).or_default() += due;
                    progress.push(vec![
                        office.code.clone(),
                        kind.japanese().to_string(),
                        month.to_string(),
                        due.to_string(),
                        excluded.to_string(),
                        forced.to_string(),
                        promoted.to_string(),
                    ]);
                }
            }
            let transfer_target = office.size / 200;
            let acquired = transfer_target * permille(&mut rng, 850, 1_150) / 1000;
            transfers.push(vec![
                office.code.clone(),
                period.number.to_string(),
                transfer_target.to_string(),
                acquired.to_string(),
            ]);
            for month in period.months() {
                for method in METHODS {
                    let planned = office.size
                        * match method {
                            "電話" => 40,
                            "文書" => 60,
                            "SMS" => 20,
                            _ => 4,
                        }
                        / 1000;
                    let done = planned * permille(&mut rng, 860, 1_080) / 1000;
                    let contacts =
                        done * if method == "文書" { 1000 } else { permille(&mut rng, 250, 420) } / 1000;
                    activity.push(vec![
                        office.code.clone(),
                        month.to_string(),
                        method.to_string(),
                        planned.to_string(),
                        done.to_string(),
                        contacts.to_string(),
                    ]);
                }
            }
        }
    }

    let incident_texts = [
        "納付書の誤送付",
        "架電記録の入力誤り",
        "個人情報を含む書類の誤廃棄",
        "督励対象外者への架電",
        "文書の宛名誤り",
        "報告期限の遅延",
    ];
    let incidents: Vec<Vec<String>> = incident_texts
        .iter()
        .map(|text| {
            let office = &offices[rng.random_range(0..offices.len())];
            let month = national_pension::CONTRACT_START.plus(rng.random_range(0..36));
            let day = rng.random_range(1..=28);
            vec![
                office.code.clone(),
                format!("{month}-{day:02}"),
                rng.random_range(1..=12).to_string(),
                text.to_string(),
            ]
        })
        .collect();
    let scale: Vec<Vec<String>> = [("1", "0.5"), ("5", "1"), ("10", "2"), ("20", "3.5"), ("30", "5")]
        .iter()
        .map(|(p, r)| {
            vec![
                p.to_string(),
                r.to_string(),
                "例示（契約に定めなし）/ example only, not in the contract".to_string(),
            ]
        })
        .collect();

    let header = |t: PensionTable| t.header();
    let offices_text =
        String::from_utf8(csv_utf8_bom(&header(PensionTable::Offices), &office_rows)).unwrap_or_default();
    let offices_cp932 = encode_cp932(offices_text.trim_start_matches('\u{FEFF}')).unwrap_or_default();
    let mut scale_header = header(PensionTable::IncidentScale);
    scale_header.push("注記");
    let record_files =
        records::generate(DEMO_PERSONS, records::DEMO_FIRST_PERSON, seed).into_iter().map(|f| {
            let name = f.name.replace(".csv", ".synthetic.csv");
            DemoFile { name, bytes: f.bytes }
        });
    let mut files = vec![
        DemoFile { name: "offices.csv".into(), bytes: offices_cp932 },
        DemoFile { name: "fees.csv".into(), bytes: csv_utf8_bom(&header(PensionTable::Fees), &fees) },
        DemoFile {
            name: "progress.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::Progress), &progress),
        },
        DemoFile {
            name: "targets.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::Targets), &targets),
        },
        DemoFile {
            name: "account_transfer.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::AccountTransfer), &transfers),
        },
        DemoFile {
            name: "incidents.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::Incidents), &incidents),
        },
        DemoFile { name: "incident_scale.example.csv".into(), bytes: csv_utf8_bom(&scale_header, &scale) },
        DemoFile {
            name: "activity.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::Activity), &activity),
        },
        DemoFile {
            name: "district_due_months.csv".into(),
            bytes: csv_utf8_bom(
                &header(PensionTable::DistrictDueMonths),
                &district_due
                    .into_iter()
                    .map(|((kind, month), due)| {
                        vec![
                            DISTRICT.to_string(),
                            Kind::ALL[kind].japanese().to_string(),
                            month,
                            due.to_string(),
                        ]
                    })
                    .collect::<Vec<_>>(),
            ),
        },
        DemoFile {
            name: "reason_filings.csv".into(),
            bytes: csv_utf8_bom(&header(PensionTable::ReasonFilings), &reason_filings()),
        },
    ];
    files.extend(record_files);
    files
}

/// 理由書 filed for 2026-05 to 2026-10: on the business day before each
/// deadline, except 2026-08's, filed the day after it (a late filing fails the month).
fn reason_filings() -> Vec<Vec<String>> {
    let calendar = BusinessCalendar::government(HolidayTable::shipped());
    (0..6)
        .filter_map(|i| {
            let month = national_pension::CONTRACT_START.plus(i);
            let deadline = national_pension::reason_deadline(month, &calendar)?;
            let filed = if i == 3 {
                deadline.succ_opt()?
            } else {
                let mut day = deadline.pred_opt()?;
                while !calendar.is_business_day(day) {
                    day = day.pred_opt()?;
                }
                day
            };
            Some(vec![month.to_string(), filed.to_string()])
        })
        .collect()
}

/// The file names of a demo dataset as a JSON array: the app's `manifest.json`.
pub fn manifest(files: &[DemoFile]) -> String {
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    serde_json::to_string_pretty(&names).unwrap_or_default()
}
