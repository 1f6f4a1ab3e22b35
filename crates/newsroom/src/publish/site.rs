//! A site articles are published to: its name, its CMS, its address and who signs in.

use std::fmt;
use std::path::PathBuf;

use url::{Host, Url};

use super::error::PublishError;

/// The CMS behind a site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum SiteKind {
    WordPress,
    Ghost,
}

impl SiteKind {
    /// The name stored in the library and printed by `site list`.
    pub fn as_str(self) -> &'static str {
        match self {
            SiteKind::WordPress => "wordpress",
            SiteKind::Ghost => "ghost",
        }
    }

    pub fn from_stored(name: &str) -> Option<SiteKind> {
        match name {
            "wordpress" => Some(SiteKind::WordPress),
            "ghost" => Some(SiteKind::Ghost),
            _ => None,
        }
    }
}

impl fmt::Display for SiteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SiteKind::WordPress => "WordPress",
            SiteKind::Ghost => "Ghost",
        })
    }
}

/// Where a site's secret is kept. Never in the library, the workspace or a log.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(tag = "kind", content = "path", rename_all = "lowercase")]
pub enum SecretPlace {
    /// The operating system's keychain (Secret Service, Keychain, Credential Manager).
    Keychain,
    /// A file only its owner can read, for machines without a keychain (a server).
    File(PathBuf),
}

/// A site as the library records it. Its secret is never sent anywhere: only where it is kept.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Site {
    pub name: String,
    pub kind: SiteKind,
    /// The site's address, `https://…` without a trailing slash (see [`site_url`]).
    pub url: String,
    /// The account that publishes (WordPress); Ghost's Admin API key names its own.
    pub user: Option<String>,
    pub secret: SecretPlace,
}

impl Site {
    /// The address of `path` on the site (`path` starts with `/`).
    pub fn address(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

/// Longest site name: it is typed on the command line and shown in a menu.
const MAX_NAME_CHARS: usize = 60;

/// Checks a site name as the editor typed it and returns it trimmed.
pub fn site_name(name: &str) -> Result<String, PublishError> {
    let trimmed = name.trim();
    let why = if trimmed.is_empty() {
        Some("it is empty")
    } else if trimmed.chars().count() > MAX_NAME_CHARS {
        Some("it is longer than 60 characters")
    } else if trimmed.chars().any(char::is_control) {
        Some("it holds a control character")
    } else {
        None
    };
    match why {
        Some(why) => Err(PublishError::BadName {
            name: name.to_owned(),
            why,
        }),
        None => Ok(trimmed.to_owned()),
    }
}

/// The address of a site as the editor typed it, made canonical: `https://host[:port][/path]`
/// without a trailing slash, query or fragment. Plain `http://` is refused except on this computer
/// (loopback), because the secret would cross the network readable by anyone on the way, and
/// WordPress itself refuses Application Passwords over it.
pub fn site_url(typed: &str) -> Result<String, PublishError> {
    let bad = |why: &'static str| PublishError::BadUrl {
        url: typed.trim().to_owned(),
        why,
    };
    let typed = typed.trim();
    let with_scheme = if typed.contains("://") {
        typed.to_owned()
    } else {
        format!("https://{typed}")
    };
    let url = Url::parse(&with_scheme).map_err(|_| bad("it is not a web address"))?;
    let loopback = match url.host() {
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        Some(Host::Domain(name)) => name == "localhost",
        None => return Err(bad("it names no server")),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(bad(
                "it is not HTTPS, and the secret would cross the network unencrypted",
            ));
        }
        _ => return Err(bad("it is not a web address (https://…)")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad(
            "it holds a user name or password; give those separately",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad(
            "it has a query or fragment; give the site's home address",
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_made_canonical() {
        assert_eq!(site_url("example.com").unwrap(), "https://example.com");
        assert_eq!(
            site_url(" https://Example.com/news/ ").unwrap(),
            "https://example.com/news"
        );
        assert_eq!(
            site_url("http://127.0.0.1:8080/").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            site_url("http://localhost:2368").unwrap(),
            "http://localhost:2368"
        );
    }

    #[test]
    fn unsafe_or_odd_addresses_are_refused_with_the_reason() {
        for (typed, why) in [
            ("http://example.com", "not HTTPS"),
            ("ftp://example.com", "not a web address"),
            ("https://user:pw@example.com", "user name or password"),
            ("https://example.com/?p=1", "query or fragment"),
            ("https://", "not a web address"),
        ] {
            let error = site_url(typed).unwrap_err().to_string();
            assert!(error.contains(why), "{typed}: {error}");
        }
    }

    #[test]
    fn names_are_trimmed_and_checked() {
        assert_eq!(site_name("  The Daily ").unwrap(), "The Daily");
        assert!(site_name(" ").is_err());
        assert!(site_name("a\u{7}b").is_err());
        assert!(site_name(&"x".repeat(61)).is_err());
    }
}
