//! NFKC, the Unicode normalisation that makes ligatures, full-width forms
//! and other compatibility characters read as the letters they stand for.
//! Natively it is `unicode-normalization`'s. In WebAssembly it is the
//! host's (the browser's `String.prototype.normalize`), which the binding
//! layer installs: the crate's tables were a sixth of the module, and every
//! browser carries its own.

use std::borrow::Cow;

/// `text` in NFKC; borrowed when it is already.
#[cfg(not(target_arch = "wasm32"))]
pub fn nfkc(text: &str) -> Cow<'_, str> {
    use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};
    if is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfkc().collect())
    }
}

/// The host's NFKC, once installed.
#[cfg(target_arch = "wasm32")]
static HOST: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Installs the host's NFKC; the first one installed stays.
#[cfg(target_arch = "wasm32")]
pub fn install_nfkc(host: fn(&str) -> String) {
    let _ = HOST.set(host);
}

/// `text` in NFKC, by the host's normalisation (unchanged before one is
/// installed); borrowed when it is already.
#[cfg(target_arch = "wasm32")]
pub fn nfkc(text: &str) -> Cow<'_, str> {
    match HOST.get().map(|host| host(text)) {
        Some(normal) if normal != text => Cow::Owned(normal),
        _ => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_wide_forms_become_letters() {
        assert_eq!(nfkc("oﬃce ﬁled Ｆｕｌｌ ½"), "office filed Full 1⁄2");
        assert_eq!(nfkc("plain café"), "plain café");
    }
}
