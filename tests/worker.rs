//! The import worker's path, in a real dedicated Web Worker in headless Chromium:
//! Blobs read a slice at a time with FileReaderSync, decoded and parsed by the core.
#![cfg(target_arch = "wasm32")]

use shuno::app::import_worker::{run, BlobReader, Bytes, JobFile};
use shuno::core::import::decode::encode_cp932;
use shuno::profiles::pension::records::analysis::{analyse_import, RecordsOptions};
use std::io::Read;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_dedicated_worker);

fn blob(bytes: &[u8]) -> web_sys::Blob {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts).unwrap()
}

#[wasm_bindgen_test]
fn a_blob_is_read_in_slices() {
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
    let mut reader = BlobReader::new(blob(&bytes)).unwrap();
    let mut out = Vec::new();
    let mut buf = [0u8; 7_919];
    loop {
        let n = reader.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    assert_eq!(out, bytes);
}

#[wasm_bindgen_test]
fn the_worker_import_reads_cp932_reports_progress_and_the_broken_row() {
    let mut text = String::from("事務所コード,事務所名,都道府県,地区\r\n");
    for i in 0..50_000 {
        text.push_str(&format!("{i},①㈱髙﨑{i},東京都,A\r\n"));
    }
    text.push_str(",名なし,東京都,A\r\n");
    let files = [JobFile {
        name: "offices.csv".into(),
        bytes: Bytes::Blob(blob(&encode_cp932(&text).unwrap())),
        encoding: None,
    }];
    let mut calls = Vec::new();
    let report = run(&files, Vec::new(), &mut |i, bytes, rows| calls.push((i, bytes, rows)));
    assert_eq!(report.dataset.offices[7].name, "①㈱髙﨑7");
    assert_eq!(
        (report.files[0].read, report.files[0].accepted, report.files[0].rejected),
        (50_001, 50_000, 1)
    );
    assert_eq!(report.problems[0].line, Some(50_002));
    assert!(calls.iter().any(|(_, _, rows)| *rows == 40_000), "progress every 20,000 rows: {calls:?}");
}

#[wasm_bindgen_test]
fn transferred_record_bytes_are_analysed_in_the_worker() {
    let contacts =
        "基礎年金番号,事務所コード,督励日,督励手法,結果\n1234567890,0101,2026-06-10,電話,本人接触\n";
    let payments = "基礎年金番号,事務所コード,納付日,対象年月,月数,収納区分\n1234567890,0101,2026-07-01,2025-10,3,通常\n";
    let array = |text: &str| Bytes::Array(js_sys::Uint8Array::from(text.as_bytes()));
    let files = [
        JobFile { name: "contacts.csv".into(), bytes: array(contacts), encoding: None },
        JobFile { name: "payments.csv".into(), bytes: array(payments), encoding: None },
    ];
    let report = run(&files, Vec::new(), &mut |_, _, _| {});
    assert_eq!(report.totals(), (2, 2, 0));
    let analysis = analyse_import(&report, RecordsOptions::default()).expect("records were read");
    let july =
        analysis.promoted.rows.iter().find(|r| r.month.to_string() == "2026-07" && r.kind.code() == "past1");
    assert_eq!(july.map(|r| r.promoted_months), Some(3));
}
