//! The tender's eight blocks and three debt kinds, and the seed's yearly
//! tables (seed 004 別添, digest C) as data: the caps per block × debt kind ×
//! work (「委託債権上限件数/年」), the visits 【参考値】, the recovery lower
//! bounds per amount band (「債権額別委託下限件数/年」) and the coordinators
//! (「コーディネーター配置数」). Shipped as the default; a bidder edits them.

use serde::{Deserialize, Serialize};

/// ブロック区分 (seed 004, 一 (ア)–(ク)).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Block {
    Hokkaido,
    Tohoku,
    Tokyo,
    Kanto,
    TokaiHokuriku,
    Kinki,
    ChugokuShikoku,
    KyushuOkinawa,
}

impl Block {
    pub const ALL: &'static [Block] = <Block as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The seed's name (「北海道ブロック」 without ブロック).
    pub fn japanese(self) -> &'static str {
        ["北海道", "東北", "東京", "関東", "東海・北陸", "近畿", "中国・四国", "九州・沖縄"][self.index()]
    }
}

/// The three debt kinds; each duty appears in the seed once per kind.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum DebtKind {
    /// 第三者行為災害求償債権 (三納)
    ThirdParty,
    /// 費用徴収債権 (費)
    CostRecovery,
    /// 返納金債権 (返)
    Refund,
}

impl DebtKind {
    pub const ALL: &'static [DebtKind] = <DebtKind as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// The seed's short name.
    pub fn japanese(self) -> &'static str {
        ["三納", "費", "返"][self.index()]
    }
}

/// A yearly cap's work: 督促状作成・発送業務, 電話未納通知業務, 所在地確認業務.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, strum::VariantArray, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Work {
    Letters,
    PhoneNotices,
    LocationChecks,
}

impl Work {
    pub const ALL: &'static [Work] = <Work as strum::VariantArray>::VARIANTS;

    pub fn code(self) -> &'static str {
        self.into()
    }
}

/// `[block][work]` caps and the visits 【参考値】 of one debt kind.
pub struct KindTable {
    pub caps: [[i64; 3]; 8],
    /// 所在地確認業務 実施予定回数/年 (a reference estimate, not a cap).
    pub visits: [i64; 8],
}

/// 別添 ア 第三者行為災害求償債権 (total 11,440 / 6,886 / 4,075; visits 6,273).
const THIRD_PARTY: KindTable = KindTable {
    caps: [
        [305, 184, 109],
        [396, 238, 141],
        [2426, 1460, 864],
        [1628, 980, 580],
        [1329, 800, 473],
        [2926, 1761, 1042],
        [965, 581, 344],
        [1465, 882, 522],
    ],
    visits: [168, 217, 1330, 893, 729, 1604, 529, 803],
};

/// 別添 イ 費用徴収債権 (total 3,485 / 2,097 / 1,241; visits 1,910).
const COST_RECOVERY: KindTable = KindTable {
    caps: [
        [139, 84, 50],
        [170, 102, 60],
        [115, 69, 41],
        [710, 427, 253],
        [341, 205, 121],
        [687, 414, 245],
        [881, 530, 314],
        [442, 266, 157],
    ],
    visits: [76, 93, 63, 389, 187, 377, 483, 242],
};

/// 別添 ウ 返納金債権 (total 1,830 / 1,104 / 652; visits 1,006).
const REFUND: KindTable = KindTable {
    caps: [
        [122, 73, 43],
        [79, 48, 28],
        [73, 45, 26],
        [466, 281, 166],
        [192, 116, 69],
        [361, 217, 129],
        [208, 126, 74],
        [329, 198, 117],
    ],
    visits: [67, 43, 41, 256, 105, 198, 115, 181],
};

/// The table of a debt kind.
pub fn table(kind: DebtKind) -> &'static KindTable {
    match kind {
        DebtKind::ThirdParty => &THIRD_PARTY,
        DebtKind::CostRecovery => &COST_RECOVERY,
        DebtKind::Refund => &REFUND,
    }
}

/// 債権額別委託下限件数/年 (債権回収業務, 第三者行為災害求償債権 of ¥1,000,000
/// or more): per block, the bands 100～300万円, 300～500万円, 500～1000万円,
/// 1000～3000万円 (300 in all).
pub const RECOVERY_LOWER_BOUNDS: [[i64; 4]; 8] = [
    [4, 1, 0, 0],
    [10, 2, 2, 1],
    [25, 12, 7, 1],
    [23, 11, 12, 5],
    [33, 9, 9, 2],
    [26, 10, 7, 1],
    [26, 5, 8, 3],
    [31, 7, 5, 2],
];

/// The bands' lower ends in yen (each includes its lower bound); over
/// ¥30,000,000 a debt fits no band.
pub const RECOVERY_BANDS_YEN: [(i64, i64); 4] =
    [(1_000_000, 3_000_000), (3_000_000, 5_000_000), (5_000_000, 10_000_000), (10_000_000, 30_000_000)];

/// コーディネーター配置数 per block (15 in all).
pub const COORDINATORS: [i64; 8] = [1, 1, 2, 3, 2, 2, 2, 2];

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed's 合計 rows, summed from the block rows.
    #[test]
    fn the_tables_add_up_to_the_seeds_totals() {
        let total = |kind: DebtKind, work: usize| table(kind).caps.iter().map(|b| b[work]).sum::<i64>();
        assert_eq!([0, 1, 2].map(|w| total(DebtKind::ThirdParty, w)), [11_440, 6_886, 4_075]);
        assert_eq!([0, 1, 2].map(|w| total(DebtKind::CostRecovery, w)), [3_485, 2_097, 1_241]);
        assert_eq!([0, 1, 2].map(|w| total(DebtKind::Refund, w)), [1_830, 1_104, 652]);
        let visits = |kind: DebtKind| table(kind).visits.iter().sum::<i64>();
        assert_eq!(DebtKind::ALL.iter().map(|k| visits(*k)).collect::<Vec<_>>(), [6_273, 1_910, 1_006]);
        let per_block: Vec<i64> = RECOVERY_LOWER_BOUNDS.iter().map(|b| b.iter().sum()).collect();
        assert_eq!(per_block, [5, 15, 45, 51, 53, 44, 42, 45]);
        assert_eq!(per_block.iter().sum::<i64>(), 300);
        assert_eq!(COORDINATORS.iter().sum::<i64>(), 15);
    }
}
