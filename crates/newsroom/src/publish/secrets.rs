//! Site secrets (a WordPress Application Password, a Ghost Admin API key): kept in the
//! operating system's keychain, or, where there is none (a server), in a file only its owner can
//! read, which the editor names. Never in the library, the workspace or a log.

use std::io::Write;
use std::path::Path;

use keyring::{Entry, Error as KeyringError};

use super::error::PublishError;
use super::site::{SecretPlace, Site};

/// The service name entries are filed under in the keychain.
const SERVICE: &str = "Newsroom publishing";

/// Keeps `secret` for `site` where the site says it lives.
pub fn keep(site: &Site, secret: &str) -> Result<(), PublishError> {
    match &site.secret {
        SecretPlace::Keychain => keychain_entry(site)?
            .set_password(secret)
            .map_err(|e| keychain_error("keep", e)),
        SecretPlace::File(path) => write_private_file(path, secret),
    }
}

/// The secret kept for `site`.
pub fn read(site: &Site) -> Result<String, PublishError> {
    match &site.secret {
        SecretPlace::Keychain => match keychain_entry(site)?.get_password() {
            Ok(secret) => Ok(secret),
            Err(KeyringError::NoEntry) => Err(PublishError::SecretMissing {
                site: site.name.clone(),
            }),
            Err(other) => Err(keychain_error("read", other)),
        },
        SecretPlace::File(path) => read_private_file(path),
    }
}

/// Removes the secret kept for `site`; one already gone is not an error.
pub fn forget(site: &Site) -> Result<(), PublishError> {
    match &site.secret {
        SecretPlace::Keychain => match keychain_entry(site)?.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(other) => Err(keychain_error("remove", other)),
        },
        SecretPlace::File(path) => match std::fs::remove_file(path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(PublishError::SecretFile {
                path: path.clone(),
                doing: "removed",
                source: e,
            }),
            _ => Ok(()),
        },
    }
}

/// The keychain entry of a site: one per account and address, readable in the system's own
/// keychain tool as "Newsroom publishing: editor at https://example.com".
fn keychain_entry(site: &Site) -> Result<Entry, PublishError> {
    let account = match &site.user {
        Some(user) => format!("{user} at {}", site.url),
        None => site.url.clone(),
    };
    Entry::new(SERVICE, &account).map_err(|error| match error {
        KeyringError::NoDefaultStore => PublishError::NoKeychain {
            detail: match Entry::store_status() {
                Err(cause) => cause.to_string(),
                Ok(()) => error.to_string(),
            },
        },
        other => keychain_error("open", other),
    })
}

fn keychain_error(doing: &'static str, error: KeyringError) -> PublishError {
    match error {
        // No keychain service answers (a Linux machine without a Secret Service).
        KeyringError::PlatformFailure(_) | KeyringError::NoDefaultStore => {
            PublishError::NoKeychain {
                detail: error.to_string(),
            }
        }
        other => PublishError::Keychain {
            doing,
            detail: other.to_string(),
        },
    }
}

/// Writes the secret to `path` whole or not at all, readable by its owner alone: the temporary
/// file it is written to is created that way, then takes the name.
fn write_private_file(path: &Path, secret: &str) -> Result<(), PublishError> {
    let failed = |source| PublishError::SecretFile {
        path: path.to_path_buf(),
        doing: "written",
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    file.write_all(secret.as_bytes()).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|e| failed(e.error))?;
    Ok(())
}

fn read_private_file(path: &Path) -> Result<String, PublishError> {
    let failed = |source| PublishError::SecretFile {
        path: path.to_path_buf(),
        doing: "read",
        source,
    };
    let metadata = std::fs::metadata(path).map_err(failed)?;
    if readable_by_others(&metadata) {
        return Err(PublishError::SecretFileShared {
            path: path.to_path_buf(),
        });
    }
    let secret = std::fs::read_to_string(path).map_err(failed)?;
    Ok(secret.trim().to_owned())
}

/// Whether a file's permissions let anyone but its owner read it. On Windows a file in the
/// user's profile is private by the folder's access list, which this does not judge.
#[cfg(unix)]
fn readable_by_others(metadata: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::PermissionsExt;
    metadata.permissions().mode() & 0o077 != 0
}

#[cfg(not(unix))]
fn readable_by_others(_: &std::fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::publish::site::SiteKind;

    fn site_with_file(path: &Path) -> Site {
        Site {
            name: "Test".into(),
            kind: SiteKind::WordPress,
            url: "https://example.com".into(),
            user: Some("editor".into()),
            secret: SecretPlace::File(path.to_path_buf()),
        }
    }

    #[test]
    fn a_secret_file_is_private_and_read_back_trimmed() {
        let dir = tempfile::tempdir().unwrap();
        let site = site_with_file(&dir.path().join("wp.secret"));
        keep(&site, "abcd efgh ijkl\n").unwrap();
        assert_eq!(read(&site).unwrap(), "abcd efgh ijkl");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("wp.secret"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        forget(&site).unwrap();
        assert!(!dir.path().join("wp.secret").exists());
        forget(&site).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_secret_file_others_can_read_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wp.secret");
        std::fs::write(&path, "secret").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let error = read(&site_with_file(&path)).unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Secret);
        assert!(error.to_string().contains("chmod 600"), "{error}");
    }

    #[test]
    fn a_missing_secret_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("none.secret");
        let error = read(&site_with_file(&path)).unwrap_err();
        assert!(error.to_string().contains("none.secret"), "{error}");
    }
}
