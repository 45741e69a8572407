#![no_main]

#[allow(dead_code)] // each target uses one of the shared functions
mod targets {
    include!("../targets.rs");
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    targets::docx(data);
});
