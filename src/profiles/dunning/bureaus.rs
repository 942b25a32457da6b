//! The 47 都道府県労働局 and the block each belongs to (seed 004 「債権回収業務の
//! ブロック区分及び委託件数一覧」, 対象都道府県), and the words the tables accept
//! for a block, a debt kind, a work and an amount band.

use super::blocks::{Block, DebtKind, Work, RECOVERY_BANDS_YEN};
use crate::core::import::values::normalize;

/// Each block's prefectures, in the seed's order.
const PREFECTURES: [(Block, &[&str]); 8] = [
    (Block::Hokkaido, &["北海道"]),
    (Block::Tohoku, &["青森", "岩手", "宮城", "秋田", "山形", "福島"]),
    (Block::Tokyo, &["東京"]),
    (Block::Kanto, &["茨城", "栃木", "群馬", "埼玉", "千葉", "神奈川", "新潟", "山梨"]),
    (Block::TokaiHokuriku, &["富山", "石川", "福井", "長野", "岐阜", "静岡", "愛知", "三重"]),
    (Block::Kinki, &["滋賀", "京都", "大阪", "兵庫", "奈良", "和歌山"]),
    (Block::ChugokuShikoku, &["鳥取", "島根", "岡山", "広島", "山口", "徳島", "香川", "愛媛", "高知"]),
    (Block::KyushuOkinawa, &["福岡", "佐賀", "長崎", "熊本", "大分", "宮崎", "鹿児島", "沖縄"]),
];

/// A bureau by its prefecture ("東京", "東京都", "東京労働局"): its canonical
/// name ("東京") and block.
pub fn bureau(text: &str) -> Option<(&'static str, Block)> {
    let name = normalize(text);
    let name = name.strip_suffix("労働局").unwrap_or(&name);
    let bare = match name {
        "北海道" => name,
        _ => name.strip_suffix(['都', '府', '県']).unwrap_or(name),
    };
    PREFECTURES.iter().find_map(|(block, names)| names.iter().find(|n| **n == bare).map(|n| (*n, *block)))
}

/// A block by the seed's name ("東京", "東京ブロック") or its code ("tokyo").
pub fn block(text: &str) -> Option<Block> {
    let name = normalize(text);
    let name = name.strip_suffix("ブロック").unwrap_or(&name);
    Block::ALL.iter().copied().find(|b| b.japanese() == name || b.code().eq_ignore_ascii_case(name))
}

/// A debt kind by its short name (三納, 費, 返), its full name or its code.
pub fn debt_kind(text: &str) -> Option<DebtKind> {
    let name = normalize(text);
    let full = ["第三者行為災害求償債権", "費用徴収債権", "返納金債権"];
    DebtKind::ALL
        .iter()
        .copied()
        .find(|k| k.japanese() == name || full[k.index()] == name || k.code().eq_ignore_ascii_case(&name))
}

/// A cap's work: 督促状 (督促状作成・発送), 電話 (電話未納通知), 所在地確認, or the codes.
pub fn work(text: &str) -> Option<Work> {
    let name = normalize(text);
    let words: [&[&str]; 3] =
        [&["督促状", "督促状作成・発送"], &["電話", "電話未納通知"], &["所在地確認", "現地調査"]];
    Work::ALL.iter().copied().zip(words).find_map(|(w, names)| {
        (names.contains(&name.as_str()) || w.code().eq_ignore_ascii_case(&name)).then_some(w)
    })
}

/// The bands' names in the seed.
pub const BAND_NAMES: [&str; 4] = ["100～300万円", "300～500万円", "500～1000万円", "1000～3000万円"];

/// An amount band by the seed's name ("100～300万円", "~" or "-" also) or its
/// number 1–4.
pub fn band(text: &str) -> Option<usize> {
    let name = normalize(text).replace(['~', '〜', '-', '－'], "～");
    BAND_NAMES.iter().position(|b| *b == name).or_else(|| match name.as_str() {
        "1" | "2" | "3" | "4" => name.parse::<usize>().ok().map(|n| n - 1),
        _ => None,
    })
}

/// The band of an amount (each includes its lower end); `None` under ¥1,000,000
/// or over ¥30,000,000, which fit no band.
pub fn band_of(amount_yen: i64) -> Option<usize> {
    let last = RECOVERY_BANDS_YEN.len() - 1;
    RECOVERY_BANDS_YEN
        .iter()
        .position(|(low, high)| amount_yen >= *low && amount_yen < *high)
        .or((amount_yen == RECOVERY_BANDS_YEN[last].1).then_some(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_47_bureaus_fall_into_the_8_blocks() {
        assert_eq!(PREFECTURES.iter().map(|(_, p)| p.len()).sum::<usize>(), 47);
        assert_eq!(bureau("東京労働局"), Some(("東京", Block::Tokyo)));
        assert_eq!(bureau("神奈川県"), Some(("神奈川", Block::Kanto)));
        assert_eq!(bureau("北海道労働局"), Some(("北海道", Block::Hokkaido)));
        assert_eq!(bureau("京都府"), Some(("京都", Block::Kinki)));
        assert_eq!(bureau("大阪府労働局"), Some(("大阪", Block::Kinki)));
        assert_eq!(bureau("新潟"), Some(("新潟", Block::Kanto)), "the seed puts 新潟 in 関東");
        assert_eq!(bureau("東京都庁"), None);
    }

    #[test]
    fn blocks_kinds_works_and_bands_read_as_the_seed_writes_them() {
        assert_eq!(block("東海・北陸ブロック"), Some(Block::TokaiHokuriku));
        assert_eq!(block("kyushu_okinawa"), Some(Block::KyushuOkinawa));
        assert_eq!(debt_kind("返納金債権"), Some(DebtKind::Refund));
        assert_eq!(debt_kind("費"), Some(DebtKind::CostRecovery));
        assert_eq!(work("電話未納通知"), Some(Work::PhoneNotices));
        assert_eq!(band("1000~3000万円"), Some(3));
        assert_eq!(band("2"), Some(1));
    }

    #[test]
    fn a_band_includes_its_lower_end_and_30_million_fits_the_last() {
        assert_eq!(band_of(999_999), None);
        assert_eq!(band_of(1_000_000), Some(0));
        assert_eq!(band_of(2_999_999), Some(0));
        assert_eq!(band_of(3_000_000), Some(1));
        assert_eq!(band_of(10_000_000), Some(3));
        assert_eq!(band_of(30_000_000), Some(3));
        assert_eq!(band_of(30_000_001), None, "over ¥30M fits no band");
    }
}
