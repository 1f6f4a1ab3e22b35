//! Which address the app opens for "open" beside a publication: the one the site answered when
//! the article was last published there, read from the library, never one the page sends. And
//! only a web address: a `file:` or other link a compromised site might answer with must not
//! reach the system's opener (the page itself has no opener permission at all).

use crate::error::{CommandResult, UiError};
use newsroom::store::Publication;
use tauri::Url;

/// The address of the newest publication to `site` among `publications` (newest first, as the
/// store lists them), if it is an `http(s)` one.
pub fn post_address(publications: &[Publication], site: &str) -> CommandResult<Url> {
    let publication = publications
        .iter()
        .find(|p| p.site == site)
        .ok_or_else(|| {
            UiError::invalid(format!(
                "This article was never published to “{site}”, so there is no post to open."
            ))
        })?;
    match Url::parse(&publication.url) {
        Ok(url) if matches!(url.scheme(), "https" | "http") => Ok(url),
        _ => Err(UiError::invalid(format!(
            "{site} gave the post the address “{}”, which is not a web address, so it was not opened.",
            publication.url
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publication(site: &str, url: &str, at: i64) -> Publication {
        Publication {
            site: site.into(),
            site_url: "https://daily.example".into(),
            post_id: "12".into(),
            url: url.into(),
            status: "draft".into(),
            published_at: at,
        }
    }

    #[test]
    fn the_newest_post_on_that_site_is_opened() {
        let list = [
            publication("The Daily", "https://daily.example/council-budget/", 20),
            publication("Weekly", "https://weekly.example/?p=3", 15),
            publication("The Daily", "https://daily.example/?p=12", 10),
        ];
        assert_eq!(
            post_address(&list, "The Daily").unwrap().as_str(),
            "https://daily.example/council-budget/"
        );
        assert_eq!(
            post_address(&list, "Weekly").unwrap().as_str(),
            "https://weekly.example/?p=3"
        );
        assert_eq!(
            post_address(&list, "Other").unwrap_err().kind,
            newsroom::ErrorKind::Invalid
        );
    }

    #[test]
    fn only_web_addresses_are_opened() {
        for url in ["file:///etc/passwd", "javascript:alert(1)", "not a url", ""] {
            let error = post_address(&[publication("The Daily", url, 1)], "The Daily").unwrap_err();
            assert_eq!(error.kind, newsroom::ErrorKind::Invalid, "{url}");
        }
        assert!(post_address(&[publication("L", "http://127.0.0.1:8080/?p=1", 1)], "L").is_ok());
    }
}
