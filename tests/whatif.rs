//! What-if (#14) on the demo: the exposure waterfall adds up to the
//! difference it explains, to the yen, and puts each kind in the band a second
//! reading (the stepped percentage shown) puts it in; a scenario's selections
//! equal the same change written office by office; a ratio asked for is
//! reached with the least P; the table's lines read back to the scenario.

use proptest::prelude::*;
use rust_decimal::Decimal;
use shuno::core::import::{import, SourceFile};
use shuno::profiles::pension::dataset::{Kind, PensionDataset};
use shuno::profiles::pension::rules::model::OfficeInputs;
use shuno::profiles::pension::rules::scenario::Scenario;
use shuno::profiles::pension::rules::{
    evaluate, prepare, BandMode, Model, Overrides, RuleOptions, Settlement,
};
use shuno::profiles::pension::views::comparison::{compare, settle_scenario};
use shuno::profiles::pension::views::exposure::{exposure, ExposureStep, Selection};
use shuno::profiles::pension::views::whatif::{lines_of, scenario_of};
use shuno::profiles::pension::Pension;
use std::sync::OnceLock;

fn demo() -> &'static (PensionDataset, Model) {
    static DEMO: OnceLock<(PensionDataset, Model)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let files = shuno::demo::generate(1);
        let sources: Vec<SourceFile> =
            files.iter().map(|f| SourceFile { name: &f.name, bytes: &f.bytes, encoding: None }).collect();
        let data = import::<Pension>(&sources).dataset;
        let model = prepare(&data, Some(1), None).unwrap();
        (data, model)
    })
}

fn settle_under(json: &str) -> Result<Settlement, String> {
    let model = &demo().1;
    let scenario: Scenario = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let overrides = scenario.overrides(model).map_err(|e| format!("{e:?}"))?;
    evaluate(model, &scenario.rules(RuleOptions::default()), &overrides).map_err(|e| format!("{e:?}"))
}

/// The band of a kind read from the stepped percentage the settlement shows.
fn band_shown(stepped: Option<Decimal>, yen: i64) -> Option<ExposureStep> {
    let p = stepped?;
    match yen {
        0 => None,
        1.. => Some(ExposureStep::Increase),
        _ if p < Decimal::from(80) => Some(ExposureStep::DecreaseBelow80),
        _ if p < Decimal::from(95) => Some(ExposureStep::Decrease80To95),
        _ => Some(ExposureStep::Decrease95To100),
    }
}

fn selections(s: &Settlement) -> Vec<Selection> {
    let mut out = vec![Selection::All];
    out.extend(s.districts.iter().map(|d| Selection::District(d.district.clone())));
    out.extend(s.offices.iter().map(|o| Selection::Prefecture(o.prefecture.clone())).take(3));
    out.extend(s.offices.iter().step_by(7).map(|o| Selection::Office(o.office_code.clone())));
    out
}

fn check_exposure(s: &Settlement) {
    for selection in selections(s) {
        let e = exposure(s, &selection);
        let offices: Vec<_> = s.offices.iter().filter(|o| selection.contains(o)).collect();
        let steps: i64 = e.steps.iter().map(|(_, y)| y).sum();
        assert_eq!(e.fee_at_100_yen + steps, e.fee_yen, "{selection:?}: the steps add up");
        assert_eq!(e.fee_yen, offices.iter().map(|o| o.total_yen).sum::<i64>());
        assert_eq!(e.fee_at_100_yen, offices.iter().flat_map(|o| &o.kinds).map(|k| k.base_yen).sum::<i64>());
        let mut by_band = std::collections::HashMap::new();
        for k in offices.iter().flat_map(|o| &o.kinds) {
            if let Some(band) = band_shown(k.ratio_stepped_percent, k.achievement_adjustment_yen) {
                *by_band.entry(band).or_insert(0) += k.achievement_adjustment_yen;
            }
        }
        for (step, yen) in &e.steps {
            let expected = match step {
                ExposureStep::AccountTransfer => {
                    offices.iter().map(|o| o.account_transfer_adjustment_yen).sum()
                }
                ExposureStep::Incidents => offices.iter().map(|o| o.incident_deduction_yen).sum(),
                band => by_band.get(band).copied().unwrap_or(0),
            };
            assert_eq!(*yen, expected, "{selection:?} {step:?}");
        }
        let waterfall = e.waterfall();
        assert_eq!(waterfall.last().unwrap().to, e.fee_yen);
        assert!(waterfall.windows(2).skip(1).all(|w| w[0].to == w[1].from || w[1].is_total));
    }
}

#[test]
fn the_waterfall_explains_todays_fee() {
    let s = settle_under("{}").unwrap();
    let e = exposure(&s, &Selection::All);
    assert!(e.steps.iter().filter(|(_, y)| *y < 0).count() >= 3, "the demo has decreases: {e:?}");
    check_exposure(&s);
}

fn office_and_kind() -> impl Strategy<Value = (usize, usize)> {
    (0..demo().1.offices.len(), 0..3usize)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Random ratios, transfers and incidents: every selection's waterfall
    /// adds up and bands each kind as the shown percentage does.
    #[test]
    fn the_waterfall_adds_up_under_any_scenario(
        ratios in prop::collection::vec((office_and_kind(), 600..1400i64), 0..30),
        transfers in prop::collection::vec((0..81usize, 0..2000i64), 0..10),
        points in prop::collection::vec((0..81usize, 0..40i64), 0..10),
        flat in any::<bool>(),
    ) {
        let model = &demo().1;
        let code = |i: usize| model.offices[i % model.offices.len()].code.clone();
        let ratio: Vec<_> = ratios.iter().map(|((o, k), permille)| serde_json::json!({
            "office_code": code(*o), "kind": Kind::ALL[*k].code(),
            "ratio_percent": (Decimal::new(*permille, 1)).to_string()})).collect();
        let transfer: Vec<_> = transfers.iter().map(|(o, n)| serde_json::json!({
            "office_code": code(*o), "target_count": 1000, "acquired_count": n})).collect();
        let incident: Vec<_> = points.iter().map(|(o, p)| serde_json::json!({
            "office_code": code(*o), "points": p})).collect();
        let json = serde_json::json!({"band_mode": if flat { "flat" } else { "tiered" },
            "ratio": ratio, "account_transfer": transfer, "incident_points": incident});
        match settle_under(&json.to_string()) {
            Ok(s) => {
                check_exposure(&s);
                // The page's path: the offices left alone come from today's settlement.
                let model = &demo().1;
                let scenario: Scenario = serde_json::from_str(&json.to_string()).unwrap();
                let rules = RuleOptions::default();
                let today = evaluate(model, &scenario.rules(rules), &Overrides::none()).unwrap();
                let reused = settle_scenario(model, &scenario, rules, Some(&today)).unwrap();
                prop_assert_eq!(&reused, &s);
                // A baseline of other rules is not reused, and gives the same.
                let other = evaluate(model, &RuleOptions { band_mode: BandMode::Flat, ..rules }, &Overrides::none()).unwrap();
                prop_assert_eq!(&settle_scenario(model, &scenario, rules, Some(&other)).unwrap(), &s);
            }
            // A ratio past the denominator is refused by name; nothing else is.
            Err(e) => prop_assert!(e.contains("OverrideOutOfRange"), "{e}"),
        }
    }
}

/// A ratio asked for lands at or above it with the least P: one month fewer
/// lands below.
#[test]
fn a_ratio_asked_for_is_reached_with_the_least_months() {
    let model = &demo().1;
    let mut checked = 0;
    for office in model.offices.iter().step_by(5) {
        for (percent, stepped) in [("100", 1000), ("110", 1100), ("87.5", 875)] {
            let json = format!(
                r#"{{"ratio": [{{"office_code": "{}", "kind": "current", "ratio_percent": "{percent}"}}]}}"#,
                office.code
            );
            let Ok(s) = settle_under(&json) else { continue };
            let kind = &s.offices.iter().find(|o| o.office_code == office.code).unwrap().kinds[0];
            let at = kind.ratio_stepped_percent.unwrap() * Decimal::TEN;
            assert!(at >= Decimal::from(stepped), "{} reaches {percent}: {at}", office.code);
            let one_less = format!(
                r#"{{"adjust": [{{"office_code": "{}", "kind": "current", "promoted_months_added": {}}}]}}"#,
                office.code,
                kind.promoted_months - office.kinds[0].promoted_months - 1
            );
            if let Ok(below) = settle_under(&one_less) {
                let k = &below.offices.iter().find(|o| o.office_code == office.code).unwrap().kinds[0];
                assert!(k.ratio_stepped_percent.unwrap() * Decimal::TEN < Decimal::from(stepped));
                checked += 1;
            }
        }
    }
    assert!(checked > 20, "checked {checked}");
}

/// A district, a prefecture and `"*"` are the same changes written office by
/// office.
#[test]
fn selections_equal_the_offices_they_name() {
    let model = &demo().1;
    let district = &model.districts[0].name;
    let prefecture = &model.offices[3].prefecture;
    let codes = |keep: &dyn Fn(&OfficeInputs) -> bool| -> Vec<String> {
        model.offices.iter().filter(|o| keep(o)).map(|o| o.code.clone()).collect()
    };
    for (wide, named) in [
        (format!(r#""district": "{district}""#), codes(&|o| model.districts[o.district].name == *district)),
        (format!(r#""prefecture": "{prefecture}""#), codes(&|o| o.prefecture == *prefecture)),
        (r#""office_code": "*""#.to_string(), codes(&|_| true)),
    ] {
        let by_selection = settle_under(&format!(
            r#"{{"adjust": [{{{wide}, "kind": "past1", "promoted_months_added": 3}}],
                "incident_points": [{{{wide}, "points": 0}}]}}"#
        ))
        .unwrap();
        assert!(!named.is_empty());
        let each = |f: &dyn Fn(&String) -> String| named.iter().map(f).collect::<Vec<_>>().join(",");
        let by_office = settle_under(&format!(
            r#"{{"adjust": [{}], "incident_points": [{}]}}"#,
            each(&|c| format!(r#"{{"office_code": "{c}", "kind": "past1", "promoted_months_added": 3}}"#)),
            each(&|c| format!(r#"{{"office_code": "{c}", "points": 0}}"#)),
        ))
        .unwrap();
        assert_eq!(by_selection, by_office, "{wide}");
        assert_ne!(by_selection, settle_under("{}").unwrap());
    }
    for (json, name) in [
        (r#"{"adjust": [{"district": "どこにもない", "promoted_months_added": 1}]}"#, "UnknownDistrict"),
        (r#"{"ratio": [{"prefecture": "どこにもない", "ratio_percent": "100"}]}"#, "UnknownPrefecture"),
    ] {
        assert!(settle_under(json).unwrap_err().contains(name), "{json}");
    }
}

/// The table's lines read back to the scenario they came from, and the
/// comparison's differences are the scenario's less the baseline's.
#[test]
fn lines_and_comparison() {
    let json = r#"{"name": "案1", "band_mode": "flat", "projection": "latest",
        "adjust": [{"district": "沖縄", "kind": "current", "promoted_months_added": -4}],
        "ratio": [{"office_code": "*", "ratio_percent": "95.5"}],
        "account_transfer": [{"prefecture": "沖縄県", "acquired_count": 12}],
        "incident_points": [{"points": 3}]}"#;
    let scenario: Scenario = serde_json::from_str(json).unwrap();
    let lines = lines_of(&scenario, 7);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0].id, 7);
    let (back, errors) = scenario_of(&scenario, &lines);
    assert!(errors.is_empty());
    assert_eq!(back, scenario);
    let mut typo = lines.clone();
    typo[1].value = "九十".into();
    let (partial, errors) = scenario_of(&scenario, &typo);
    assert_eq!((errors.len(), errors[0].id, partial.ratio.len()), (1, 8, 0));

    let baseline = settle_under("{}").unwrap();
    let more = settle_under(r#"{"ratio": [{"ratio_percent": "100"}]}"#).unwrap();
    let c = compare(&baseline, &[Some(&more), None]);
    assert_eq!(c.offices.len(), baseline.offices.len());
    let sum_of_offices: i64 = c.offices.iter().filter_map(|o| o.difference(0)).sum();
    assert_eq!(c.total.difference(0), Some(sum_of_offices));
    let sum_of_districts: i64 = c.districts.iter().filter_map(|d| d.difference(0)).sum();
    assert_eq!(sum_of_districts, sum_of_offices);
    assert!(sum_of_offices > 0, "every kind at 100 % or more earns more than the demo does");
    assert_eq!(c.total.difference(1), None);
}

/// Dragging a marker sets one line per office × kind, changed in place, and
/// the ratio reached is the one dragged to.
#[test]
fn a_dragged_ratio_is_one_line_changed_in_place() {
    use rust_decimal::Decimal;
    use shuno::profiles::pension::views::whatif::Drafts;
    let model = &demo().1;
    let code = model.offices[0].code.clone();
    let mut drafts = Drafts::default();
    drafts.open(Scenario::default());
    drafts.set_ratio(0, &code, Kind::Current, Decimal::new(1053, 1));
    drafts.set_ratio(0, &code, Kind::Current, Decimal::new(1120, 1));
    drafts.set_ratio(0, &code, Kind::Past1, Decimal::new(900, 1));
    let lines = &drafts.drafts[0].lines;
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0].value.as_str(), lines[1].value.as_str()), ("112", "90"));
    let (scenario, errors) = drafts.drafts[0].scenario();
    assert!(errors.is_empty());
    let settled = settle_scenario(model, &scenario, RuleOptions::default(), None).unwrap();
    let k = &settled.offices[0].kinds[0];
    assert!(k.ratio_stepped_percent.unwrap() >= Decimal::from(112));
}

/// A transfer change that gives both counts reads back as two lines and
/// means the same: each count from the last entry that gives it.
#[test]
fn transfer_counts_are_kept_through_the_table() {
    let model = &demo().1;
    let code = &model.offices[2].code;
    let json = format!(
        r#"{{"account_transfer": [{{"office_code": "{code}", "target_count": 50, "acquired_count": 60}}]}}"#
    );
    let scenario: Scenario = serde_json::from_str(&json).unwrap();
    let lines = lines_of(&scenario, 0);
    assert_eq!(lines.len(), 2);
    let (back, errors) = scenario_of(&scenario, &lines);
    assert!(errors.is_empty());
    assert_eq!(back.overrides(model).unwrap(), scenario.overrides(model).unwrap());
    let settled = settle_under(&json).unwrap();
    let transfer = settled.offices[2].account_transfer.clone().unwrap();
    assert_eq!((transfer.target_count, transfer.acquired_count), (50, 60));
}
