use std::fs;
use std::time::{Duration, SystemTime};

use super::fixtures::*;
use crate::media::{MediaFolder, inspect};
use crate::model::{ImageFormat, PhotoFile};

fn stored(folder: &MediaFolder, bytes: &[u8], name: &str) -> PhotoFile {
    let info = inspect(bytes).unwrap();
    folder.store(bytes, &info, name).unwrap()
}

#[test]
fn photos_are_stored_under_their_hash_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("media");
    let folder = MediaFolder::open(&root).unwrap();
    assert!(root.is_dir(), "the folder is created");
    let png = sample(ImageFormat::Png, 12, 9);
    let file = stored(&folder, &png, "/Users/ana/Desktop/Ferry.PNG");
    assert_eq!(file.hash.len(), 64);
    assert_eq!(
        (file.width, file.height, file.bytes),
        (12, 9, png.len() as u64)
    );
    assert_eq!(file.original_name, "Ferry.PNG");
    let path = folder.path(&file);
    assert_eq!(
        path,
        root.join(&file.hash[..2])
            .join(format!("{}.png", file.hash))
    );
    assert_eq!(fs::read(&path).unwrap(), png);
    assert_eq!(folder.read(&file).unwrap(), png);
    // Nothing but the photo is left in its folder: no temporary files.
    assert_eq!(fs::read_dir(path.parent().unwrap()).unwrap().count(), 1);
}

#[test]
fn the_same_bytes_are_written_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = MediaFolder::open(dir.path()).unwrap();
    let jpeg = sample(ImageFormat::Jpeg, 8, 8);
    let first = stored(&folder, &jpeg, "a.jpg");
    let path = folder.path(&first);
    let long_ago = SystemTime::now() - Duration::from_secs(86_400);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    let second = stored(&folder, &jpeg, "b.jpg");
    assert_eq!(second.hash, first.hash);
    assert_eq!(second.original_name, "b.jpg");
    assert_eq!(
        fs::metadata(&path).unwrap().modified().unwrap(),
        long_ago,
        "not rewritten"
    );
}

#[test]
fn a_damaged_copy_is_replaced_when_the_photo_is_stored_again() {
    let dir = tempfile::tempdir().unwrap();
    let folder = MediaFolder::open(dir.path()).unwrap();
    let gif = sample(ImageFormat::Gif, 8, 8);
    let file = stored(&folder, &gif, "anim.gif");
    fs::write(folder.path(&file), b"damaged").unwrap();
    let error = folder.read(&file).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::Corrupt);
    assert!(error.to_string().contains("“anim.gif”"), "{error}");
    stored(&folder, &gif, "anim.gif");
    assert_eq!(folder.read(&file).unwrap(), gif);
}

#[test]
fn a_missing_file_is_reported_with_the_photo_name() {
    let dir = tempfile::tempdir().unwrap();
    let folder = MediaFolder::open(dir.path()).unwrap();
    let file = stored(&folder, &sample(ImageFormat::Webp, 4, 4), "harbour.webp");
    fs::remove_file(folder.path(&file)).unwrap();
    let error = folder.read(&file).unwrap_err();
    assert_eq!(error.kind(), crate::ErrorKind::NotFound);
    assert!(
        error
            .to_string()
            .starts_with("the file of photo “harbour.webp” is missing from the media folder"),
        "{error}"
    );
}

#[test]
fn damaged_references_never_lead_outside_the_media_folder() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("media");
    let folder = MediaFolder::open(&root).unwrap();
    fs::write(dir.path().join("secret.jpg"), b"outside").unwrap();
    let good = stored(&folder, &sample(ImageFormat::Jpeg, 4, 4), "ok.jpg");
    for hash in [
        "../secret",
        "../../etc/passwd",
        "/etc/passwd",
        "",
        "ab",
        &"A".repeat(64),
    ] {
        let file = PhotoFile {
            hash: hash.to_string(),
            ..good.clone()
        };
        assert!(folder.path(&file).starts_with(&root), "{hash}");
        let error = folder.read(&file).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Corrupt, "{hash}");
    }
}

#[test]
fn a_media_folder_that_is_a_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("media");
    fs::write(&root, b"a file").unwrap();
    assert_eq!(
        MediaFolder::open(&root).unwrap_err().kind(),
        crate::ErrorKind::Io
    );
}
