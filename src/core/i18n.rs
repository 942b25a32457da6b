//! The two languages of the product. Strings live in `locales/app.yml` (one key,
//! both languages side by side) and are looked up with `rust_i18n::t!` and an
//! explicit locale: the core never reads a global language setting.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// 日本語, the default.
    #[default]
    Ja,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Ja, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// The text of `key` in `lang`.
pub fn text(key: &str, lang: Lang) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// "第1期" / "Period 1".
pub fn period_label(period: u8, lang: Lang) -> String {
    rust_i18n::t!("overview.period_n", locale = lang.code(), n = period).into_owned()
}
