//! Arbitrary bytes through the decoder: it must return text or an error, never panic.
#![no_main]

use lacuna::Side;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let _ = lacuna::decode(bytes, Side::Text);
});
