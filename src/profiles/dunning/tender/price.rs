//! The price a bidder writes (seed 004 L49, digest C "Bidding"):
//!
//! > 入札書に記載された金額に当該金額の8パーセントに相当する額を加算した金額
//! > （当該金額に1円未満の端数があるときは、その端数金額を切り捨てるものとする。）
//! > をもって落札価格とする … 見積もった契約金額の108分の100に相当する金額を
//! > 入札書に記載すること。
//!
//! The award price of a written bid X is X + ⌊X × rate⌋. The bid to write for
//! a contract amount A is the largest whole X whose award price is at most A,
//! found in integers: ⌊A × 100/108⌋ is ¥1 short for most amounts (for
//! ¥1,000,000 the rule gives 925,926, whose award price is exactly
//! 1,000,000; the shortcut gives 925,925). The seed's rate is 8 %; the rate
//! is a setting (10 % today).

use crate::core::money::Yen;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A tax rate in percent (8, 10, 8.5), as an exact fraction num/den.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaxRate {
    num: i128,
    den: i128,
}

impl TaxRate {
    /// The rate of `percent` (0 to 100).
    pub fn percent(percent: Decimal) -> Option<TaxRate> {
        if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return None;
        }
        let scale = 10i128.checked_pow(percent.scale())?;
        Some(TaxRate { num: percent.mantissa(), den: 100 * scale })
    }

    pub fn numer(self) -> i128 {
        self.num
    }

    pub fn denom(self) -> i128 {
        self.den
    }

    /// ⌊amount × rate⌋ for amount ≥ 0: the tax the award adds (fractions dropped).
    pub fn floor_of(self, amount: Yen) -> Option<Yen> {
        let product = i128::from(amount).checked_mul(self.num)?;
        Yen::try_from(product.div_euclid(self.den)).ok()
    }
}

/// The award price (落札価格) of a written bid: X + ⌊X × rate⌋.
pub fn award_price(bid_form_amount: Yen, rate: TaxRate) -> Option<Yen> {
    bid_form_amount.checked_add(rate.floor_of(bid_form_amount)?)
}

/// The bid to write for a contract amount: the largest whole X ≥ 0 with
/// award_price(X) ≤ amount; `None` for a negative amount.
pub fn bid_form_amount(contract_amount: Yen, rate: TaxRate) -> Option<Yen> {
    if contract_amount < 0 {
        return None;
    }
    // X0 = ⌊A × den / (den + num)⌋ satisfies X0 × (1 + rate) ≤ A, so its award
    // price is at most A; the award price rises by at least 1 per yen of X,
    // so the answer is a few yen above X0 at most.
    let a = i128::from(contract_amount);
    let mut x = Yen::try_from(a.checked_mul(rate.den)? / (rate.den + rate.num)).ok()?;
    while award_price(x + 1, rate)? <= contract_amount {
        x += 1;
    }
    Some(x)
}

/// What `shuno bid-price --contract-amount` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BidPrice {
    pub contract_amount: Yen,
    pub bid_form_amount: Yen,
    pub award_price: Yen,
    pub tax_rate: Decimal,
    /// ⌊amount × 100/(100 + rate)⌋, the shortcut, for comparison.
    pub shortcut: Yen,
}

/// The bid to write for `contract_amount` at `tax_rate` percent.
pub fn bid_price(contract_amount: Yen, tax_rate: Decimal) -> Option<BidPrice> {
    let rate = TaxRate::percent(tax_rate)?;
    let bid = bid_form_amount(contract_amount, rate)?;
    let shortcut = i128::from(contract_amount) * rate.den / (rate.den + rate.num);
    Some(BidPrice {
        contract_amount,
        bid_form_amount: bid,
        award_price: award_price(bid, rate)?,
        tax_rate: tax_rate.normalize(),
        shortcut: Yen::try_from(shortcut).ok()?,
    })
}
