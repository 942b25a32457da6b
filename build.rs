//! The translations (`locales/app.yml`) are compiled into the crate by
//! rust-i18n's macro, which cargo does not know reads them: a changed catalogue
//! must rebuild the crate, or a stale text ships.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
