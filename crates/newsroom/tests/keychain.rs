//! The operating system's keychain, for real: on Linux the Secret Service, which
//! `scripts/keychain-test.sh` starts (gnome-keyring, in a private D-Bus session, unlocked with a
//! throwaway password) before it runs this test with `NEWSROOM_KEYCHAIN_TEST=1`. Elsewhere the
//! test skips with a note: the machine's own keychain is not the tests' to write in, and CI
//! machines have none until the script gives them one (`scripts/test.sh` runs it).

use newsroom::publish::{self, SecretPlace, Site, SiteKind};

#[test]
fn a_site_secret_is_kept_in_read_from_and_removed_from_the_keychain() {
    if std::env::var_os("NEWSROOM_KEYCHAIN_TEST").is_none() {
        eprintln!("skipped: run scripts/keychain-test.sh to test with a Secret Service of its own");
        return;
    }
    let site = Site {
        name: "The Daily".into(),
        kind: SiteKind::WordPress,
        url: "https://keychain-test.example".into(),
        user: Some(format!("editor-{}", std::process::id())),
        secret: SecretPlace::Keychain,
    };
    publish::keep_secret(&site, "abcd efgh ijkl mnop").expect("kept in the keychain");
    assert_eq!(
        publish::read_secret(&site).expect("read back"),
        "abcd efgh ijkl mnop"
    );
    publish::keep_secret(&site, "qrst uvwx").expect("replaced");
    assert_eq!(publish::read_secret(&site).expect("read back"), "qrst uvwx");
    publish::forget_secret(&site).expect("removed");
    let gone = publish::read_secret(&site).expect_err("no longer there");
    assert_eq!(gone.kind(), newsroom::ErrorKind::Secret, "{gone}");
    assert!(
        gone.to_string().contains("no longer in the keychain"),
        "{gone}"
    );
    publish::forget_secret(&site).expect("removing twice is fine");
}
