use std::fs;

use exif::Tag;

use super::fixtures::*;
use crate::media::{ImageInfo, import_file};
use crate::model::ImageFormat;

#[test]
fn a_photo_is_read_checked_and_its_text_prefilled() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.jpg");
    let tiff = exif_block(&[ascii(Tag::ImageDescription, "The morning ferry")]);
    let jpeg = with_jpeg_segments(
        &sample(ImageFormat::Jpeg, 6, 4),
        &[(0xE1, exif_app1(&tiff))],
    );
    fs::write(&path, &jpeg).unwrap();
    let (bytes, info, text) = import_file(&path).unwrap();
    assert_eq!(bytes, jpeg);
    assert_eq!(
        info,
        ImageInfo {
            format: ImageFormat::Jpeg,
            width: 6,
            height: 4
        }
    );
    assert_eq!(text.caption.as_deref(), Some("The morning ferry"));
}

#[test]
fn the_extension_does_not_decide_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("really-a-png.jpg");
    fs::write(&path, sample(ImageFormat::Png, 3, 3)).unwrap();
    assert_eq!(import_file(&path).unwrap().1.format, ImageFormat::Png);

    let fake = dir.path().join("report.jpg");
    fs::write(&fake, b"%PDF-1.7\n").unwrap();
    let error = import_file(&fake).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Unsupported);
    assert!(
        error
            .to_string()
            .starts_with("“report.jpg” is a PDF document"),
        "{error}"
    );
}

#[test]
fn unreadable_paths_are_explained() {
    let dir = tempfile::tempdir().unwrap();
    let missing = import_file(&dir.path().join("gone.jpg")).unwrap_err();
    assert_eq!(missing.kind(), crate::ErrorKind::NotFound);
    assert!(missing.to_string().contains("gone.jpg"), "{missing}");

    let folder = import_file(dir.path()).unwrap_err();
    assert_eq!(folder.kind(), crate::ErrorKind::Invalid);
    assert!(
        folder.to_string().contains("is a folder, not a photo"),
        "{folder}"
    );

    let empty = dir.path().join("empty.png");
    fs::write(&empty, b"").unwrap();
    assert_eq!(
        import_file(&empty).unwrap_err().to_string(),
        "“empty.png” is empty (0 bytes); choose the photo again"
    );
}

/// A link, even to a real photo, is not followed (a shared inbox could point at a private
/// image); a FIFO does not make the import wait.
#[cfg(unix)]
#[test]
fn links_and_fifos_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("passport.jpg");
    fs::write(&photo, sample(ImageFormat::Jpeg, 32, 32)).unwrap();
    let link = dir.path().join("holiday.jpg");
    std::os::unix::fs::symlink(&photo, &link).unwrap();
    let error = import_file(&link).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Invalid);
    assert!(error.to_string().contains("is a symbolic link"), "{error}");

    let fifo = dir.path().join("pipe.jpg");
    crate::regular_file::tests::make_fifo(&fifo);
    let error = import_file(&fifo).unwrap_err();
    assert!(error.to_string().contains("named pipe"), "{error}");
}

#[test]
fn a_damaged_photo_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("half.jpg");
    let jpeg = sample(ImageFormat::Jpeg, 32, 32);
    fs::write(&path, &jpeg[..jpeg.len() / 2]).unwrap();
    let error = import_file(&path).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Corrupt);
    assert_eq!(
        error.to_string(),
        "“half.jpg” is a damaged or incomplete JPEG image; copy it again from its source"
    );
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scan.png");
    // A sparse file: 60 MB long, nothing written.
    fs::File::create(&path)
        .unwrap()
        .set_len(60_000_000)
        .unwrap();
    let error = import_file(&path).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::TooLarge);
    assert_eq!(
        error.to_string(),
        "“scan.png” is 60.0 MB, more than the 50 MB limit; export a smaller version of the photo"
    );
}
