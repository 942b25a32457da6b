//! Synthetic record tables for benchmarks and tests (`shuno bench-data`) and
//! for the demo: persons of the demo offices, each provided once as a
//! delinquent, with about 8 promotion actions and 4 payments in period 1
//! (2026-05 to 2027-04). Pension numbers are invented (10-digit counters from
//! 9000000000 for benchmarks, 9900000000 for the demo), never real.
//! UTF-8 without BOM, one plain form per value, so every reader reads the same
//! bytes. Deterministic for a seed.

use super::{office_codes, DemoFile};
use crate::core::calendar::YearMonth;
use crate::core::import::schema::TableSpec;
use crate::profiles::pension::records::model::collection_year;
use crate::profiles::pension::tables::PensionTable;
use chrono::{Days, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::io::Write;

const FIRST_DAY: (i32, u32, u32) = (2026, 5, 1);
const DAYS: u64 = 365;

fn header(table: PensionTable) -> String {
    let names: Vec<&str> = table.columns().iter().map(|c| c.japanese).collect();
    format!("{}\n", names.join(","))
}

fn pick<'a, T>(rng: &mut ChaCha8Rng, weighted: &'a [(u32, T)]) -> &'a T {
    let total: u32 = weighted.iter().map(|(w, _)| w).sum();
    let mut r = rng.random_range(0..total);
    for (w, v) in weighted {
        if r < *w {
            return v;
        }
        r -= w;
    }
    &weighted[weighted.len() - 1].1
}

/// (weight, value) pairs for [`pick`].
type Weighted<T> = &'static [(u32, T)];

/// Methods by weight, each with its outcomes by weight.
const ACTIONS: [(u32, (&str, Weighted<&str>)); 5] = [
    (
        50,
        (
            "電話",
            &[(30, "本人接触"), (5, "連帯納付義務者接触"), (20, "不在"), (25, "留守番電話"), (20, "不通")],
        ),
    ),
    (25, ("文書", &[(95, "送付"), (5, "その他")])),
    (15, ("SMS", &[(90, "送付"), (10, "不通")])),
    (5, ("訪問", &[(40, "本人接触"), (60, "不在")])),
    (5, ("その他", &[(1, "その他")])),
];

/// The first pension number of the benchmark records.
pub const BENCH_FIRST_PERSON: u64 = 9_000_000_000;
/// The first pension number of the demo's records (apart from the benchmark's,
/// so both can be loaded together).
pub const DEMO_FIRST_PERSON: u64 = 9_900_000_000;

/// The three record files for `persons` persons numbered from `first_person`.
pub fn generate(persons: u64, first_person: u64, seed: u64) -> Vec<DemoFile> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let offices = office_codes();
    let start = NaiveDate::from_ymd_opt(FIRST_DAY.0, FIRST_DAY.1, FIRST_DAY.2).expect("a valid day");
    let day = |n: u64| start + Days::new(n);
    let mut contacts = header(PensionTable::Contacts).into_bytes();
    let mut payments = header(PensionTable::Payments).into_bytes();
    let mut delinquents = header(PensionTable::Delinquents).into_bytes();
    contacts.reserve(persons as usize * 8 * 48);
    payments.reserve(persons as usize * 4 * 46);
    for i in 0..persons {
        let person = first_person + i;
        let office = &offices[rng.random_range(0..offices.len())];
        let provided = day(rng.random_range(0..180));
        let unpaid = rng.random_range(1..=40);
        let flag = if rng.random_ratio(1, 10) { "1" } else { "" };
        // Writing to a Vec cannot fail.
        let _ = writeln!(delinquents, "{person},{office},{provided},{unpaid},{flag}");
        for _ in 0..rng.random_range(4..=12) {
            let (method, outcomes) = pick(&mut rng, &ACTIONS);
            let outcome = pick(&mut rng, outcomes);
            let _ =
                writeln!(contacts, "{person},{office},{},{method},{outcome}", day(rng.random_range(0..DAYS)));
        }
        for _ in 0..rng.random_range(2..=6) {
            let paid = day(rng.random_range(0..DAYS));
            // Fiscal years back from the collection year: 0 current, 1–2 past, 3 out of scope.
            let back = *pick(&mut rng, &[(50, 0), (30, 1), (15, 2), (5, 3)]);
            let april = YearMonth { year: collection_year(paid) - back, month: 4 };
            // A current premium is of a month up to the payment's; a past one, any month.
            let span = if back == 0 { (YearMonth::of(paid).index() - april.index() + 1) as i32 } else { 12 };
            let premium = april.plus(i64::from(rng.random_range(0..span.clamp(1, 12))));
            let months = *pick(&mut rng, &[(85, 1), (10, 2), (5, 3)]);
            let channel = if rng.random_ratio(3, 100) { "強制徴収" } else { "通常" };
            let _ = writeln!(payments, "{person},{office},{paid},{premium},{months},{channel}");
        }
    }
    vec![
        DemoFile { name: "contacts.csv".into(), bytes: contacts },
        DemoFile { name: "payments.csv".into(), bytes: payments },
        DemoFile { name: "delinquents.csv".into(), bytes: delinquents },
    ]
}
