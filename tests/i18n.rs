//! Every string of the product exists in Japanese and English, and every key the
//! code asks for is in the catalogue.

use shuno::profiles::pension::views::exposure::ExposureStep;
use shuno::profiles::pension::views::whatif::Change;
use std::collections::BTreeMap;

fn catalogue() -> BTreeMap<String, BTreeMap<String, String>> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/app.yml")).unwrap();
    let mut all: BTreeMap<String, serde_yaml::Value> = serde_yaml::from_str(&text).unwrap();
    all.remove("_version");
    all.into_iter()
        .map(|(k, v)| (k, serde_yaml::from_value(v).expect("each key maps languages to text")))
        .collect()
}

#[test]
fn every_key_has_japanese_and_english() {
    let catalogue = catalogue();
    assert!(catalogue.len() > 100);
    for (key, texts) in &catalogue {
        for lang in ["ja", "en"] {
            let t = texts.get(lang).unwrap_or_else(|| panic!("{key} has no {lang} text"));
            assert!(!t.trim().is_empty(), "{key}: empty {lang} text");
        }
        assert_eq!(texts.len(), 2, "{key}: only ja and en are expected");
        // Placeholders agree between the languages.
        let names = |s: &str| {
            let mut v: Vec<String> =
                s.split("%{").skip(1).filter_map(|p| p.split_once('}').map(|(n, _)| n.to_string())).collect();
            v.sort();
            v
        };
        assert_eq!(names(&texts["ja"]), names(&texts["en"]), "{key}: placeholders differ");
    }
}

/// Walks the source for literal keys (`t("…")`, `text("…"`, `t!("…"`, `msg("…"`) and the
/// key families built with `format!`, and checks each resolves.
#[test]
fn every_key_the_code_uses_exists() {
    let catalogue = catalogue();
    let mut used = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for opener in ["t(\"", "text(\"", "t!(\"", "msg(\""] {
                for (at, _) in source.match_indices(opener) {
                    // `t(` must be the whole name: `assert!(` is not `t!(`.
                    let before = source[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let rest = &source[at + opener.len()..];
                    if let Some((key, _)) = rest.split_once('"') {
                        used.push((path.display().to_string(), key.to_string()));
                    }
                }
            }
        }
    }
    assert!(used.len() > 50, "the walk found the keys ({})", used.len());
    for (file, key) in used {
        assert!(catalogue.contains_key(&key), "{file} uses '{key}', which is not in locales/app.yml");
    }
    let changes: Vec<&str> = Change::ALL.iter().map(|c| c.into()).collect();
    let exposure: Vec<&str> = ExposureStep::ALL
        .iter()
        .map(|s| s.key())
        .chain(["exposure.fee_at_100", "exposure.fee"])
        .filter_map(|k| k.strip_prefix("exposure."))
        .collect();
    let families: [(&str, Vec<&str>); 20] = [
        ("whatif.change", changes),
        ("exposure", exposure),
        (
            "effort.col",
            vec![
                "office_code",
                "kind",
                "yen_for_one_month",
                "months_to_next_step",
                "yen_at_next_step",
                "effort_to_next_step",
            ],
        ),
        ("kind", vec!["current", "past1", "past2"]),
        ("band", vec!["tiered", "flat"]),
        ("adjustment_base", vec!["exact", "rounded_yen"]),
        ("pace", vec!["average", "latest"]),
        ("rounding", vec!["truncate", "half-up", "up"]),
        (
            "flag",
            vec![
                "all_kinds_below_80",
                "steep_decrease",
                "missing_target",
                "no_denominator",
                "plan_shortfall",
                "missing_account_transfer",
                "bases_exceed_fee",
                "share_over_offices_loaded",
            ],
        ),
        ("problem.csv", vec!["file", "table", "line", "column", "value", "reason"]),
        (
            "table.col",
            vec![
                "code",
                "office",
                "kind",
                "rate",
                "target",
                "ratio",
                "adj",
                "base",
                "achievement",
                "transfer",
                "incident",
                "total",
            ],
        ),
        ("nav", vec!["overview", "office", "inspection", "whatif", "calendar", "rule", "import", "records"]),
        ("holidays.error", vec!["header", "not_a_date", "no_name", "duplicate"]),
        ("plan.sheet", vec!["inspections", "months", "recovery_plan", "rate_recovery", "activity_check"]),
        ("plan.scope", vec!["per_office", "total"]),
        ("plan.shape", vec!["even", "like_plan"]),
        (
            "plan.col",
            vec![
                "office_code",
                "month",
                "method",
                "planned",
                "done",
                "shortfall",
                "deadline",
                "status",
                "short_rows",
                "owed",
                "extra",
                "goal",
                "kind",
                "level_percent",
                "promoted_months_needed",
                "reachable",
                "remaining_months",
                "per_remaining_month",
                "yield_basis",
                "yield_promoted_months",
                "yield_per",
                "effort_needed",
                "from_records",
                "returned_letters",
                "agrees",
            ],
        ),
        ("report.col", vec!["due", "report", "covers_from", "covers_to", "clause", "note"]),
        (
            "report",
            vec![
                "weekly_records",
                "form1_2",
                "form2",
                "form5",
                "form7",
                "form4",
                "form6",
                "form15",
                "self_inspection",
                "self_inspection_report",
            ],
        ),
        ("inspection.status", vec!["not_needed", "due", "overdue", "filed", "filed_late"]),
    ];
    for (family, members) in families {
        for m in members {
            let key = format!("{family}.{m}");
            assert!(catalogue.contains_key(&key), "missing {key}");
        }
    }
}

/// Every table has a name, a source and what it adds, in both languages (the
/// guide shows them; an English code is never shown as a label).
#[test]
fn every_table_is_named_and_described() {
    use shuno::core::import::schema::TableSpec;
    use shuno::profiles::pension::tables::PensionTable;
    let catalogue = catalogue();
    for table in PensionTable::ALL {
        for key in [format!("tables.{}", table.code()), format!("tables.{}.from", table.code())] {
            assert!(catalogue.contains_key(&key), "missing {key}");
        }
        assert!(catalogue.contains_key(&format!("tables.{}.adds", table.code())));
        let ja = table.name(shuno::core::i18n::Lang::Ja);
        assert!(!ja.is_ascii(), "{ja}: a Japanese name, not the code");
    }
}

/// The bidder's and the tender's keys, from the data that asks for them.
#[test]
fn the_bid_and_tender_pages_keys_exist() {
    use shuno::profiles::dunning::tender::calculator::Calculator;
    use shuno::profiles::dunning::tender::form::{rows, Cost};
    use shuno::profiles::pension::bidding::input::TransferDraw;
    let catalogue = catalogue();
    let mut keys = vec!["nav.bid".to_string(), "nav.tender".to_string()];
    for c in Calculator::ALL {
        keys.extend(["title", "clause", "formula"].map(|p| format!("tender.{}.{p}", c.code())));
        keys.extend(c.inputs().iter().map(|i| format!("tender.input.{}", i.key)));
        let figures = c.compute(&c.defaults()).unwrap();
        keys.extend(figures.iter().map(|(name, _)| format!("tender.output.{name}")));
    }
    keys.extend(rows().iter().map(|r| format!("tender.row.{}", r.code)));
    keys.extend(Cost::ALL.iter().map(|c| format!("tender.cost.{}", c.code())));
    keys.extend(
        ["deliberate", "gross_negligence", "negligence", "days365", "actual"]
            .map(|c| format!("tender.choice.{c}")),
    );
    let totals = ["project", "admin", "subtotal", "tax", "contract_amount", "bid_form_amount", "award_price"];
    keys.extend(totals.map(|t| format!("tender.total.{t}")));
    keys.extend(TransferDraw::ALL.iter().map(|d| format!("bid.draw.{}", d.code())));
    let columns =
        ["district", "fee", "mean", "p5", "p50", "p95", "prob_below", "decrease", "increase", "share"];
    keys.extend(columns.map(|c| format!("bid.col.{c}")));
    let missing: Vec<String> = keys.into_iter().filter(|k| !catalogue.contains_key(k)).collect();
    assert!(missing.is_empty(), "not in locales/app.yml: {missing:?}");
}
