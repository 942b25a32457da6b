//! The core, compiled to Wasm, in headless Chromium: the same import and
//! settlement the app runs, on the demo files the app ships and on CP932 bytes.
#![cfg(target_arch = "wasm32")]

use shuno::core::import::decode::{encode_cp932, Encoding};
use shuno::core::import::{import, SourceFile};
use shuno::profiles::pension::rules::{settle, SettleOptions};
use shuno::profiles::pension::Pension;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const DEMO: [(&str, &[u8]); 8] = [
    ("offices.csv", include_bytes!("../public/demo/offices.csv")),
    ("fees.csv", include_bytes!("../public/demo/fees.csv")),
    ("progress.csv", include_bytes!("../public/demo/progress.csv")),
    ("targets.csv", include_bytes!("../public/demo/targets.csv")),
    ("account_transfer.csv", include_bytes!("../public/demo/account_transfer.csv")),
    ("incidents.csv", include_bytes!("../public/demo/incidents.csv")),
    ("incident_scale.example.csv", include_bytes!("../public/demo/incident_scale.example.csv")),
    ("activity.csv", include_bytes!("../public/demo/activity.csv")),
];

#[wasm_bindgen_test]
fn the_shipped_demo_imports_and_settles_in_the_browser() {
    let sources: Vec<SourceFile> =
        DEMO.iter().map(|(name, bytes)| SourceFile { name, bytes, encoding: None }).collect();
    let report = import::<Pension>(&sources);
    assert!(report.problems.is_empty(), "{:?}", report.problems.first());
    let offices = report.files.iter().find(|f| f.file == "offices.csv").unwrap();
    assert_eq!(offices.encoding, Some(Encoding::Cp932));
    let (read, accepted, rejected) = report.totals();
    assert_eq!((read, rejected), (accepted, 0));
    let s = settle(&report.dataset, &SettleOptions { period: Some(1), ..SettleOptions::default() }).unwrap();
    assert_eq!(s.as_of.to_string(), "2027-04");
    for o in &s.offices {
        let kinds: i64 = o.kinds.iter().map(|k| k.base_yen + k.achievement_adjustment_yen).sum();
        assert_eq!(o.total_yen, kinds + o.account_transfer_adjustment_yen + o.incident_deduction_yen);
    }
}

#[wasm_bindgen_test]
fn cp932_extension_characters_survive_and_a_broken_row_is_reported() {
    let text = "事務所コード,事務所名,都道府県,地区\n1,①㈱髙﨑,東京都,A\n,欠番,東京都,A\n";
    let bytes = encode_cp932(text).unwrap();
    let report = import::<Pension>(&[SourceFile { name: "offices.csv", bytes: &bytes, encoding: None }]);
    assert_eq!(report.dataset.offices[0].name, "①㈱髙﨑");
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].line, Some(3));
    assert_eq!((report.files[0].read, report.files[0].accepted, report.files[0].rejected), (2, 1, 1));
}

/// The worker protocol: what one side encodes the other decodes, and a message
/// that is not one of ours is refused with its reason.
#[wasm_bindgen_test]
fn worker_messages_round_trip() {
    use shuno::app::import_worker::{Bytes, JobFile};
    use shuno::app::worker_protocol::{FromWorker, ToWorker};
    use shuno::profiles::pension::records::analysis::RecordsOptions;

    let through = chrono::NaiveDate::from_ymd_opt(2026, 9, 30);
    let records = RecordsOptions { through, duty_as_of: None };
    let bytes = Bytes::Array(js_sys::Uint8Array::from(&b"a,b\n"[..]));
    let file = JobFile { name: "x.csv".into(), bytes, encoding: Some(Encoding::Cp932) };
    let (msg, transfer) = ToWorker::Job { files: vec![file], mappings: Vec::new(), records }.encode();
    assert_eq!(transfer.length(), 1, "bytes are transferred, not copied");
    match ToWorker::decode(&msg) {
        Ok(ToWorker::Job { files, mappings, records: r }) => {
            assert_eq!((files[0].name.as_str(), files[0].encoding), ("x.csv", Some(Encoding::Cp932)));
            assert!(mappings.is_empty());
            assert_eq!(r, records);
        }
        _ => panic!("a job decodes as a job"),
    }

    let report =
        import::<Pension>(&[SourceFile { name: "o.csv", bytes: b"foo,bar\n1,2\n", encoding: None }]).shown();
    // The page gets the problem with its reason as a message it writes in either language.
    assert!(
        report.problems[0].reason_text(shuno::core::i18n::Lang::Ja).contains("ヘッダー"),
        "{:?}",
        report.problems[0]
    );
    let done = FromWorker::Done {
        report: Box::new(report.clone()),
        records: None,
        timings: Default::default(),
        wasm_memory_bytes: 1.0,
    };
    match FromWorker::decode(&done.encode().0) {
        Ok(FromWorker::Done { report: back, records: None, .. }) => assert_eq!(*back, report),
        _ => panic!("done decodes as done"),
    }

    let odd = js_sys::Object::new();
    js_sys::Reflect::set(&odd, &"kind".into(), &"jobb".into()).unwrap();
    assert!(matches!(ToWorker::decode(&odd), Err(e) if e.contains("jobb")));
    let file = js_sys::Object::new();
    js_sys::Reflect::set(&file, &"name".into(), &"y.csv".into()).unwrap();
    js_sys::Reflect::set(&odd, &"kind".into(), &"job".into()).unwrap();
    js_sys::Reflect::set(&odd, &"files".into(), &js_sys::Array::of1(&file)).unwrap();
    assert!(
        matches!(ToWorker::decode(&odd), Err(e) if e.contains("y.csv")),
        "a file without bytes is refused"
    );
}

/// Links into the app: a page, an office, a slide; anything else is not ours.
#[wasm_bindgen_test]
fn routes_read_and_write_the_fragment() {
    use shuno::app::route::{Page, Route};

    assert_eq!(Route::parse("#/records"), Some(Route::Page(Page::Records)));
    assert_eq!(Route::parse("#/office/90101"), Some(Route::Office("90101".into())));
    assert_eq!(Route::parse("#/slides/3"), Some(Route::Slide(2)));
    for bad in ["", "#", "#/", "#/slides/0", "#/slides/x", "#/nope", "#/office/", "#/rule/extra", "records"] {
        assert_eq!(Route::parse(bad), None, "{bad}");
    }
    for route in [Route::Page(Page::Import), Route::Office("東京 01/2".into()), Route::Slide(0)] {
        assert_eq!(Route::parse(&route.to_hash()), Some(route.clone()), "{}", route.to_hash());
    }
    assert_eq!(Route::Slide(4).to_hash(), "#/slides/5");
}

/// `evaluate` in the browser: the same settlement as `settle`, on the demo and
/// on a 309-office set made from it; the time per call is printed for
/// `docs/bench.md` (a measurement, not an assertion).
#[wasm_bindgen_test]
fn evaluate_in_the_browser_gives_the_settlement() {
    use shuno::profiles::pension::dataset::PensionDataset;
    use shuno::profiles::pension::rules::scenario::Scenario;
    use shuno::profiles::pension::rules::{evaluate, prepare, Overrides};
    use shuno::profiles::pension::views::comparison::{compare, settle_scenario};
    use shuno::profiles::pension::views::whatif::{Change, Drafts};

    let sources: Vec<SourceFile> =
        DEMO.iter().map(|(name, bytes)| SourceFile { name, bytes, encoding: None }).collect();
    let demo = import::<Pension>(&sources).dataset;
    // Four copies of the demo's offices under new codes and districts, 309 kept.
    let mut national = PensionDataset::default();
    for copy in 0..4 {
        let code = |c: &str| format!("{copy}{c}");
        let mut part = demo.clone();
        part.offices.iter_mut().for_each(|o| (o.code, o.district) = (code(&o.code), code(&o.district)));
        part.fees.iter_mut().for_each(|f| f.district = code(&f.district));
        part.progress.iter_mut().for_each(|p| p.office_code = code(&p.office_code));
        part.targets.iter_mut().for_each(|t| t.office_code = code(&t.office_code));
        part.account_transfers.iter_mut().for_each(|t| t.office_code = code(&t.office_code));
        part.incidents.iter_mut().for_each(|i| i.office_code = code(&i.office_code));
        part.activity.iter_mut().for_each(|a| a.office_code = code(&a.office_code));
        if copy > 0 {
            part.incident_scale.clear();
        }
        national.append(part);
    }
    let keep: std::collections::HashSet<String> =
        national.offices.iter().take(309).map(|o| o.code.clone()).collect();
    national.offices.retain(|o| keep.contains(&o.code));
    national.progress.retain(|p| keep.contains(&p.office_code));

    let options = SettleOptions { period: Some(1), ..SettleOptions::default() };
    let now = || web_sys::window().unwrap().performance().unwrap().now();
    for (name, data) in [("demo", &demo), ("national (309 offices)", &national)] {
        let model = prepare(data, Some(1), None).unwrap();
        let once = evaluate(&model, &options.rules(), &Overrides::none()).unwrap();
        assert_eq!(once, settle(data, &options).unwrap());
        // Measured in a release build (docs/bench.md); a debug build only checks.
        let runs = if cfg!(debug_assertions) { 3 } else { 200 };
        let started = now();
        for _ in 0..runs {
            evaluate(&model, &options.rules(), &Overrides::none()).unwrap();
        }
        let per_call_us = (now() - started) * 1000.0 / f64::from(runs);
        let started = now();
        prepare(data, Some(1), None).unwrap();
        let prepare_us = (now() - started) * 1000.0;
        // One keystroke on the what-if page: the draft read into a scenario,
        // the scenario settled, and the comparison with the baseline built.
        let mut drafts = Drafts::default();
        drafts.open(Scenario::default());
        drafts.add_line(0, Change::PromotedMonthsAdded);
        let code = model.offices[model.offices.len() / 2].code.clone();
        let started = now();
        for n in 0..runs {
            drafts.edit_line(0, 0, |l| {
                l.offices.office_code = code.clone();
                l.value = n.to_string();
            });
            let (scenario, errors) = drafts.drafts[0].scenario();
            assert!(errors.is_empty());
            let settled = settle_scenario(&model, &scenario, options.rules(), Some(&once)).unwrap();
            compare(&once, &[Some(&settled)]);
        }
        let change_us = (now() - started) * 1000.0 / f64::from(runs);
        web_sys::console::log_1(
            &format!(
                "bench evaluate {name}: {} offices, evaluate {per_call_us:.0} µs, prepare {prepare_us:.0} µs, \
                 one what-if change {change_us:.0} µs",
                model.offices.len()
            )
            .into(),
        );
    }
}
