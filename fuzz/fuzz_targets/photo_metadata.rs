//! Photo files: format detection, the full check and measurement of a photo taken in
//! (`inspect`), the caption and credit read from its EXIF, IPTC and XMP (`embedded_text`), and the
//! metadata stripped before it leaves in an export (`strip_metadata`).
//!
//! Proves that no bytes panic or hang these, and what export relies on: a photo `inspect` takes
//! can be stripped, the stripped copy is still the same photo (format, shown width and height),
//! and no caption, credit or alt text is left in it to read.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsroom::media::{EmbeddedText, detect_format, embedded_text, inspect, strip_metadata};

fuzz_target!(|data: &[u8]| {
    let taken = inspect(data);
    let Some(format) = detect_format(data) else {
        assert!(taken.is_err(), "inspect took bytes of no known format");
        return;
    };
    let _ = embedded_text(data, format);
    let stripped = strip_metadata(data, format);
    if let Ok(clean) = &stripped {
        assert_eq!(
            embedded_text(clean, format),
            EmbeddedText::default(),
            "text left in a stripped photo"
        );
    }
    if let Ok(info) = taken {
        assert_eq!(info.format, format);
        let clean = stripped.expect("a photo inspect takes can be stripped for export");
        let after = inspect(&clean).expect("the stripped copy is still a photo");
        assert_eq!(after, info, "stripping changed the photo");
    }
});
