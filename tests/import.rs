//! The import pipeline on real bytes: every encoding, xlsx workbooks, protected
//! workbooks, a bad byte deep in a stream, cancellation, and the reconciliation
//! read = accepted + rejected on random files.

use proptest::prelude::*;
use shuno::core::import::decode::{encode_cp932, Encoding};
use shuno::core::import::problem::Reason;
use shuno::core::import::{import, Importer, SourceFile};
use shuno::profiles::pension::tables::PensionTable;
use shuno::profiles::pension::Pension;
use std::process::Command;

const OFFICES: &str = "事務所コード,事務所名,都道府県,地区\n1,①㈱髙﨑,東京都,A\n2,川﨑\\~,神奈川県,A\n";

fn one(name: &str, bytes: &[u8]) -> shuno::profiles::pension::PensionReport {
    import::<Pension>(&[SourceFile { name, bytes, encoding: None }])
}

#[test]
fn every_encoding_keeps_the_extension_characters() {
    let utf16 = |be: bool| {
        let mut b = if be { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        b.extend(OFFICES.encode_utf16().flat_map(|u| if be { u.to_be_bytes() } else { u.to_le_bytes() }));
        b
    };
    let cases = [
        (OFFICES.as_bytes().to_vec(), Encoding::Utf8),
        ([&[0xEF, 0xBB, 0xBF][..], OFFICES.as_bytes()].concat(), Encoding::Utf8Bom),
        (encode_cp932(OFFICES).unwrap(), Encoding::Cp932),
        (utf16(false), Encoding::Utf16Le),
        (utf16(true), Encoding::Utf16Be),
        (OFFICES.replace(',', "\t").into_bytes(), Encoding::Utf8),
    ];
    for (bytes, encoding) in cases {
        let r = one("offices.csv", &bytes);
        assert!(r.problems.is_empty(), "{encoding:?}: {:?}", r.problems);
        assert_eq!(r.files[0].encoding, Some(encoding));
        let names: Vec<&str> = r.dataset.offices.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["①㈱髙﨑", "川﨑\\~"], "{encoding:?}");
    }
}

#[test]
fn a_chosen_encoding_overrides_detection_and_a_wrong_one_is_a_clear_error() {
    let cp932 = encode_cp932(OFFICES).unwrap();
    let r = import::<Pension>(&[SourceFile { name: "o.csv", bytes: &cp932, encoding: Some(Encoding::Utf8) }]);
    assert!(matches!(r.problems[0].reason, Reason::Unreadable { .. }));
    assert!(r.dataset.offices.is_empty(), "a file that fails to decode adds nothing");
    assert!(!r.files[0].encoding_detected);
    let text = r.problems[0].render(shuno::core::i18n::Lang::En);
    assert!(text.contains("not valid UTF-8 text (line 1, byte 0)"), "{text}");
}

#[test]
fn a_bad_byte_deep_in_a_large_file_drops_the_file_and_names_the_line() {
    let mut text = String::from("事務所コード,事務所名,都道府県,地区\n");
    for i in 0..20_000 {
        text.push_str(&format!("{i},事務所{i},東京都,A\n"));
    }
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"99999,\xFF,x,A\n");
    let r = one("big.csv", &bytes);
    match &r.problems[0].reason {
        Reason::Unreadable { error } => assert_eq!(error.line, 20_002),
        other => panic!("{other:?}"),
    }
    assert!(r.dataset.offices.is_empty());
}

#[test]
fn a_bad_byte_in_a_plain_record_row_drops_the_file_even_in_a_column_not_read() {
    let mut text = String::from("基礎年金番号,事務所コード,督励日,督励手法,結果,氏名\n");
    for i in 0..20_000 {
        text.push_str(&format!("{:010},90408,2026-06-15,電話,本人接触,山田\n", 9_000_000_000u64 + i));
    }
    for bad in [
        &b"9000000001,90408,2026-06-15,\xE9\x9B,x,y\n"[..],
        b"9000000001,90408,2026-06-15,SMS,sent,\x8E\x52\n",
    ] {
        let mut bytes = text.clone().into_bytes();
        let at = bytes.len() + bad.iter().position(|b| *b >= 0x80).unwrap();
        bytes.extend_from_slice(bad);
        bytes.extend_from_slice("9000000002,90408,2026-06-16,電話,本人接触,\n".as_bytes());
        let r = one("contacts.csv", &bytes);
        match &r.problems[..] {
            [p] => match &p.reason {
                Reason::Unreadable { error } => assert_eq!((error.line, error.offset), (20_002, at)),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
        assert_eq!(r.private, Default::default(), "a file that fails to decode adds nothing");
        assert_eq!(r.files[0].read, 0);
    }
}

#[test]
fn cancelling_stops_the_file_and_loads_none_of_it() {
    let mut text = String::from("事務所コード,事務所名,都道府県,地区\n");
    for i in 0..100_000 {
        text.push_str(&format!("{i},事務所{i},東京都,A\n"));
    }
    let mut importer = Importer::<Pension>::new();
    let mut calls = 0;
    importer.add_text("big.csv", text.as_bytes(), None, &mut |_, rows| {
        calls += 1;
        rows < 40_000
    });
    let r = importer.finish();
    assert!(calls >= 2);
    assert!(matches!(r.problems[0].reason, Reason::Cancelled));
    assert!(r.dataset.offices.is_empty());
}

#[test]
fn password_protected_and_legacy_workbooks_say_so() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.resize(4096, 0);
    let r = one("secret.xlsx", &ole);
    assert!(matches!(r.problems[0].reason, Reason::ProtectedOrLegacyWorkbook));
    let text = r.problems[0].render(shuno::core::i18n::Lang::Ja);
    assert!(text.contains("パスワード付きのブック"), "{text}");
    let r = one("broken.xlsx", b"PK\x03\x04 not really a zip");
    assert!(matches!(r.problems[0].reason, Reason::BrokenWorkbook { .. }));
}

fn workbook(path: &std::path::Path) {
    use rust_xlsxwriter::Workbook;
    let mut wb = Workbook::new();
    let sheets: [(&str, &[&[&str]]); 4] = [
        (
            "offices",
            &[
                &["事務所コード", "事務所名", "都道府県", "地区"],
                &["1001", "①㈱髙﨑年金事務所", "東京都", "試験地区"],
                &["1002", "神奈川\\~事務所", "神奈川県", "試験地区"],
            ],
        ),
        ("fees", &[&["地区", "期", "各期別委託費"], &["試験地区", "1", "300000000"]]),
        (
            "progress",
            &[
                &[
                    "事務所コード",
                    "保険料種別",
                    "年月",
                    "納付対象月数",
                    "控除納付月数",
                    "強制徴収収納月数",
                    "事業者督励月数",
                ],
                &["1001", "現年度", "2027-04", "1000", "600", "10", "120"],
                &["1001", "過年度1年目", "2027-04", "800", "300", "10", "80"],
                &["1001", "過年度2年目", "2027-04", "500", "200", "0", "30"],
                &["1002", "現年度", "2027-04", "1000", "600", "10", "9O"],
                &["1002", "現年度", "2027-04", "1000", "600", "10", "90"],
                &["1002", "過年度1年目", "2027-04", "800", "300", "10", "40"],
                &["1002", "過年度2年目", "2027-04", "500", "200", "0", "15"],
            ],
        ),
        (
            "targets",
            &[
                &["事務所コード", "期", "保険料種別", "目標督励納付率"],
                &["1001", "1", "現年度", "30"],
                &["1001", "1", "過年度1年目", "15.5"],
                &["1001", "1", "過年度2年目", "10"],
                &["1002", "1", "現年度", "25"],
                &["1002", "1", "過年度1年目", "8"],
                &["1002", "1", "過年度2年目", "5"],
            ],
        ),
    ];
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                // Numbers as numbers, as Excel stores them; the rest as text.
                match cell.parse::<f64>() {
                    Ok(n) if r > 0 && !cell.starts_with('0') || *cell == "0" => {
                        ws.write_number(r as u32, c as u16, n).unwrap()
                    }
                    _ => ws.write_string(r as u32, c as u16, *cell).unwrap(),
                };
            }
        }
    }
    wb.save(path).unwrap();
}

#[test]
fn xlsx_sheets_are_tables_and_report_the_same_problem_as_the_cp932_csv() {
    let dir = tempfile::tempdir().unwrap();
    workbook(&dir.path().join("book.xlsx"));
    let bytes = std::fs::read(dir.path().join("book.xlsx")).unwrap();
    let r = one("book.xlsx", &bytes);
    let tables: Vec<Option<PensionTable>> = r.files.iter().map(|f| f.table).collect();
    assert_eq!(
        tables,
        [
            Some(PensionTable::Offices),
            Some(PensionTable::Fees),
            Some(PensionTable::Progress),
            Some(PensionTable::Targets)
        ]
    );
    assert_eq!(r.dataset.offices[0].name, "①㈱髙﨑年金事務所");
    assert_eq!(r.problems.len(), 1);
    assert_eq!((r.problems[0].file.as_str(), r.problems[0].line), ("book.xlsx#progress", Some(5)));

    let out = Command::new(env!("CARGO_BIN_EXE_shuno"))
        .args(["check", dir.path().to_str().unwrap(), "--lang", "en"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("book.xlsx#progress:5: [progress] column '事業者督励月数', value '9O': not a number."),
        "{err}"
    );
    let csv = Command::new(env!("CARGO_BIN_EXE_shuno"))
        .args(["check", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cp932-broken"), "--lang", "en"])
        .output()
        .unwrap();
    assert!(String::from_utf8(csv.stderr)
        .unwrap()
        .contains("progress.csv:5: [progress] column '事業者督励月数', value '9O': not a number."));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random progress files with random broken cells: every row is accepted or
    /// rejected, never both, never neither.
    #[test]
    fn read_equals_accepted_plus_rejected(rows in prop::collection::vec((0u8..4, 0i64..500, 0u8..6, any::<bool>()), 1..60)) {
        let mut text = String::from("事務所コード,保険料種別,年月,納付対象月数,控除納付月数,強制徴収収納月数,事業者督励月数\r\n");
        for (office, due, breakage, quoted) in &rows {
            let promoted = match breakage { 0 => "x".to_string(), 1 => "-1".to_string(), _ => (due / 4).to_string() };
            let month = if *breakage == 2 { "2030-01" } else { "2027-04" };
            let kind = if *breakage == 3 { "来年度" } else { "現年度" };
            let due_cell = if *quoted { format!("\"{}\"", values_with_commas(*due)) } else { due.to_string() };
            text.push_str(&format!("{office},{kind},{month},{due_cell},0,0,{promoted}\r\n"));
        }
        let offices = "事務所コード,事務所名,都道府県,地区\n0,a,p,d\n1,b,p,d\n2,c,p,d\n";
        let r = import::<Pension>(&[
            SourceFile { name: "offices.csv", bytes: offices.as_bytes(), encoding: None },
            SourceFile { name: "progress.csv", bytes: text.as_bytes(), encoding: None },
        ]);
        let f = r.files.iter().find(|f| f.file == "progress.csv").unwrap();
        prop_assert_eq!(f.read, rows.len() as u64);
        prop_assert_eq!(f.read, f.accepted + f.rejected);
        prop_assert_eq!(r.dataset.progress.len() as u64, f.accepted);
        let rejected_lines: std::collections::BTreeSet<u64> = r.problems.iter().filter(|p| p.file == "progress.csv").filter_map(|p| p.line).collect();
        let kept_lines: std::collections::BTreeSet<u64> = r.dataset.progress.iter().map(|p| p.origin.line).collect();
        prop_assert!(rejected_lines.is_disjoint(&kept_lines));
        prop_assert_eq!(rejected_lines.len() + kept_lines.len(), rows.len());
    }
}

fn values_with_commas(n: i64) -> String {
    shuno::core::money::group_thousands(n as u64)
}

#[test]
fn an_unrecognised_header_is_offered_for_mapping_and_read_once_mapped() {
    use shuno::core::import::import_with;
    use shuno::core::import::schema::{header_signature, ColumnMapping};
    let text = "コード,なまえ,県,ちく\n1,髙﨑,東京都,A\n2,川﨑,神奈川県,A\n";
    let r = one("mine.csv", text.as_bytes());
    assert_eq!(r.files[0].unrecognised_header, ["コード", "なまえ", "県", "ちく"]);
    assert!(matches!(r.problems[0].reason, Reason::UnknownHeader));
    let mapping = ColumnMapping {
        signature: header_signature(&r.files[0].unrecognised_header),
        table: PensionTable::Offices,
        positions: vec![Some(0), Some(1), Some(2), Some(3)],
    };
    let r = import_with::<Pension>(
        &[SourceFile { name: "mine.csv", bytes: text.as_bytes(), encoding: None }],
        vec![mapping],
    );
    assert!(r.problems.is_empty());
    assert_eq!((r.files[0].table, r.files[0].accepted), (Some(PensionTable::Offices), 2));
    assert!(r.files[0].unrecognised_header.is_empty());
}

/// The guide's templates with example rows are files the import reads whole
/// (beside the example offices they refer to): each table recognised, two rows
/// accepted, none rejected.
#[test]
fn every_example_template_imports_cleanly() {
    use shuno::core::import::schema::TableSpec;
    let offices = PensionTable::Offices.example_file();
    for &table in PensionTable::ALL {
        let file = table.example_file();
        let name = format!("{}.csv", table.code());
        let mut files = vec![SourceFile { name: &name, bytes: file.as_bytes(), encoding: None }];
        if table != PensionTable::Offices {
            files.push(SourceFile { name: "offices.csv", bytes: offices.as_bytes(), encoding: None });
        }
        let report = import::<Pension>(&files);
        let f = report.files.iter().find(|f| f.file == name).unwrap();
        assert_eq!(f.table, Some(table), "{file}");
        assert_eq!((f.read, f.accepted, f.rejected), (2, 2, 0), "{:?}: {:?}", table, report.problems);
        // The blank template is recognised too, with no rows.
        let blank = one(&format!("{}.csv", table.code()), table.template().as_bytes());
        assert_eq!((blank.files[0].table, blank.files[0].read), (Some(table), 0));
    }
}

/// #13 fix h: a target rate is a percentage in (0, 100]; anything else is
/// refused with its cell named, and the rest of the file is read.
#[test]
fn a_target_outside_zero_to_a_hundred_percent_is_refused_with_its_cell() {
    use shuno::core::import::schema::TableSpec;
    use shuno::profiles::pension::PensionReason;
    let offices = PensionTable::Offices.example_file();
    let targets = "事務所コード,期,保険料種別,目標督励納付率\n\
                   90101,1,現年度,21.5\n90101,1,過年度1年目,100\n90101,1,過年度2年目,0\n\
                   90102,1,現年度,100.5\n90102,1,過年度1年目,21.7%\n90102,1,過年度2年目,-3\n";
    let report = import::<Pension>(&[
        SourceFile { name: "offices.csv", bytes: offices.as_bytes(), encoding: None },
        SourceFile { name: "targets.csv", bytes: targets.as_bytes(), encoding: None },
    ]);
    let f = report.files.iter().find(|f| f.file == "targets.csv").unwrap();
    assert_eq!((f.read, f.accepted, f.rejected), (6, 3, 3));
    let lines: Vec<(u64, &str)> =
        report.problems.iter().map(|p| (p.line.unwrap(), p.value.as_deref().unwrap())).collect();
    assert_eq!(lines, [(4, "0"), (5, "100.5"), (7, "-3")]);
    assert_eq!(report.problems[0].reason, Reason::Profile(PensionReason::TargetOutOfRange));
    assert_eq!(report.problems[0].column.as_deref(), Some("目標督励納付率"));
    assert!(report.problems[0].render(shuno::core::i18n::Lang::Ja).contains("0% より大きく 100% 以下"));
}

/// #13 fix f: an activity row rejected stops the inspection (it would count
/// plans and actuals on partial data), as a settlement table's does the
/// settlement; a filing read twice for a month is refused, pointing at the first.
#[test]
fn a_rejected_activity_row_blocks_the_inspection_but_not_the_settlement() {
    use shuno::core::import::schema::TableSpec;
    let offices = PensionTable::Offices.example_file();
    let activity = "事務所コード,年月,督励手法,計画件数,実施件数,接触件数\n\
                    90101,2026-05,電話,100,90,40\n90101,2026-05,文書,50,五十,50\n";
    let report = import::<Pension>(&[
        SourceFile { name: "offices.csv", bytes: offices.as_bytes(), encoding: None },
        SourceFile { name: "activity.csv", bytes: activity.as_bytes(), encoding: None },
    ]);
    assert_eq!(report.problems.len(), 1);
    assert!(report.blocks_inspection());
    assert!(!report.blocks_settlement());
    let filings = "対象年月,提出日\n2026-05,2026-06-19\n2026-05,2026-06-22\n";
    let report =
        import::<Pension>(&[SourceFile { name: "filings.csv", bytes: filings.as_bytes(), encoding: None }]);
    assert_eq!(report.dataset.reason_filings.len(), 1);
    assert_eq!(
        report.problems[0].reason,
        Reason::Duplicate { first_file: "filings.csv".into(), first_line: 2 }
    );
    assert!(report.blocks_inspection());
}

/// #13 fix g: a workbook written by another library (openpyxl, see
/// `tests/fixtures/formats/make.py`) with targets typed as percentages, fees in
/// a yen format, months as dates and codes formatted `00000` reads as Excel
/// shows it, and settles exactly as the same values in CSV files.
#[test]
fn a_workbook_with_percent_date_currency_and_padded_formats_settles_as_its_csv() {
    use shuno::profiles::pension::rules::{settle, SettleOptions};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats");
    let book = std::fs::read(format!("{dir}/formats.xlsx")).unwrap();
    let from_book = one("formats.xlsx", &book);
    assert!(from_book.problems.is_empty(), "{:?}", from_book.problems);
    let csvs: Vec<(String, Vec<u8>)> = ["offices", "fees", "progress", "targets"]
        .iter()
        .map(|t| (format!("{t}.csv"), std::fs::read(format!("{dir}/{t}.csv")).unwrap()))
        .collect();
    let files: Vec<SourceFile> =
        csvs.iter().map(|(name, bytes)| SourceFile { name, bytes, encoding: None }).collect();
    let from_csv = import::<Pension>(&files);
    assert!(from_csv.problems.is_empty(), "{:?}", from_csv.problems);
    let target = &from_book.dataset.targets[0];
    assert_eq!((target.office_code.as_str(), target.rate_percent.to_string()), ("01001", "21.7".into()));
    assert_eq!(from_book.dataset.targets[4].rate_percent.to_string(), "13");
    let options = SettleOptions { period: Some(1), ..SettleOptions::default() };
    let (a, b) =
        (settle(&from_book.dataset, &options).unwrap(), settle(&from_csv.dataset, &options).unwrap());
    assert_eq!(a, b);
    assert_eq!(a.offices[0].office_code, "01001");
}
