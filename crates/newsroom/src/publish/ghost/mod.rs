//! Ghost's Admin API (5.x) as a [`Cms`]: posts written from the export's HTML (`?source=html`,
//! which Ghost turns into its own cards, a figure with its caption becoming an image card),
//! photos uploaded as images, the section as the primary tag, the dek as the custom excerpt.
//!
//! Ghost keeps no alt text or caption with an uploaded file, only in the post (the body's
//! figures, the featured image's fields), and lists no uploaded files: a file whose upload answer
//! was lost is uploaded again (an unused copy on the site's disk, never a second photo in a post).
//! A recorded file is trusted to be there. Ghost refuses an update whose `updated_at` is not the
//! post's own (409), which backs up the check that the post was not edited on the web.

mod token;

use serde_json::{Value, json};

use super::cms::{Account, Cms, OutgoingPost, PostStatus, RemoteMedia, RemotePost};
use super::error::{PublishError, WebEdit};
use super::http::{Http, Reply};
use super::site::{Site, SiteKind};
pub use token::AdminKey;

/// The API version the requests are written for.
const ACCEPT_VERSION: &str = "v5.0";
/// Ghost's limit on a custom excerpt.
const MAX_EXCERPT_CHARS: usize = 300;

/// A connection to one Ghost site with its Admin API key.
pub struct Ghost<'s> {
    site: &'s Site,
    http: Http,
    key: AdminKey,
}

impl<'s> Ghost<'s> {
    pub fn new(site: &'s Site, key: &str) -> Result<Ghost<'s>, PublishError> {
        Ok(Ghost {
            site,
            http: Http::new(&site.url).with_header("Accept-Version", ACCEPT_VERSION),
            key: AdminKey::parse(key)?,
        })
    }

    fn api(&self, path: &str) -> String {
        self.site.address(&format!("/ghost/api/admin/{path}"))
    }

    /// A fresh token for each request: they live five minutes, and an upload of many photos
    /// takes longer.
    fn auth(&self) -> Result<String, PublishError> {
        let now = time::OffsetDateTime::now_utc().unix_timestamp();
        Ok(format!("Ghost {}", self.key.token(now)?))
    }

    fn get(&self, path: &str) -> Result<Reply, PublishError> {
        self.http.get(&self.api(path), &self.auth()?)
    }

    fn read_post(&self, reply: Reply, doing: &str) -> Result<Option<RemotePost>, PublishError> {
        match reply.status {
            404 => Ok(None),
            _ if reply.ok() => Ok(reply.json["posts"].get(0).map(remote_post)),
            _ => Err(self.refused(&reply, doing)),
        }
    }

    /// The post as Ghost's Admin API takes it.
    fn fields(&self, post: &OutgoingPost<'_>, existing: Option<&RemotePost>) -> Value {
        let article = post.article;
        let mut html = opening(&article.byline, &article.dateline);
        html.push_str(&post.html());
        let (status, published_at) = match post.status {
            PostStatus::Draft => ("draft", None),
            PostStatus::Publish => ("published", None),
            PostStatus::Scheduled(at) => ("scheduled", Some(iso_time(at))),
        };
        let tags: Vec<Value> = std::iter::once(article.section.trim())
            .chain(article.tags.iter().map(|t| t.trim()))
            .filter(|name| !name.is_empty())
            .map(|name| json!({ "name": name }))
            .collect();
        let mut fields = json!({
            "title": article.headline,
            "html": html,
            "custom_excerpt": excerpt(&article.dek),
            "slug": article.slug,
            "status": status,
            "tags": tags,
            "feature_image": post.featured.map(|f| f.media.url.clone()),
            "feature_image_alt": post.featured.map(|f| f.alt.to_owned()),
            "feature_image_caption": post.featured.map(|f| f.caption.to_owned()),
            // Ghost's own fields for search engines and link previews; null: the title.
            "meta_title": non_empty(&article.seo_headline),
            "og_title": non_empty(&article.social_headline),
            "twitter_title": non_empty(&article.social_headline),
        });
        if let Some(at) = published_at {
            fields["published_at"] = json!(at);
        }
        if let Some(existing) = existing {
            fields["updated_at"] = json!(existing.modified);
        }
        json!({ "posts": [fields] })
    }

    fn not_ghost(&self, reply: &Reply) -> PublishError {
        PublishError::NotTheCms {
            url: self.site.url.clone(),
            kind: SiteKind::Ghost,
            detail: match reply.moved_to() {
                Some(location) => format!("it sends visitors on to {location}"),
                None => format!(
                    "it has no Ghost Admin API (it answered {} with something else)",
                    reply.status
                ),
            },
        }
    }

    /// What a refusal means for the editor, from Ghost's error type and message.
    fn refused(&self, reply: &Reply, doing: &str) -> PublishError {
        let error = &reply.json["errors"][0];
        let kind = error["type"].as_str().unwrap_or_default();
        let message = error["message"]
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_owned();
        let site = self.site.name.clone();
        match (reply.status, kind) {
            (_, "UnauthorizedError") | (401, _) => PublishError::SignIn {
                site,
                reason: "the Admin API key is not accepted; copy it again, whole, from Settings → \
                         Integrations (and check this computer's clock, which the sign-in \
                         depends on)."
                    .into(),
            },
            (_, "NoPermissionError") | (403, _) => PublishError::SignIn {
                site,
                reason: format!("the key's integration may not {doing}."),
            },
            (404, _) if reply.json.get("errors").is_none() => self.not_ghost(reply),
            (status, _) => PublishError::Server {
                site,
                status,
                message: if message.is_empty() {
                    format!("it could not {doing}.")
                } else {
                    format!("it could not {doing}: {message}")
                },
            },
        }
    }
}

impl Cms for Ghost<'_> {
    fn sign_in(&self) -> Result<Account, PublishError> {
        let site = self.http.get(&self.api("site/"), "")?;
        if !site.ok() || site.json["site"]["version"].as_str().is_none() {
            return Err(self.not_ghost(&site));
        }
        let posts = self.get("posts/?limit=1&fields=id")?;
        if !posts.ok() {
            return Err(self.refused(&posts, "read posts"));
        }
        Ok(Account { id: String::new() })
    }

    fn post(&self, id: &str) -> Result<Option<RemotePost>, PublishError> {
        let id: String = id.chars().filter(char::is_ascii_alphanumeric).collect();
        let reply = self.get(&format!("posts/{id}/?formats=html"))?;
        self.read_post(reply, "read the post")
    }

    fn lost_post(
        &self,
        _account: &Account,
        slug: &str,
        headline: &str,
    ) -> Result<Option<RemotePost>, PublishError> {
        let reply = self.get(&format!("posts/slug/{slug}/?formats=html"))?;
        Ok(self
            .read_post(reply, "look for the post")?
            .filter(|post| post.title == headline))
    }

    fn uploaded(&self, _id: &str, url: &str) -> Result<Option<RemoteMedia>, PublishError> {
        Ok(Some(RemoteMedia {
            id: String::new(),
            url: url.to_owned(),
            alt: String::new(),
            caption: String::new(),
        }))
    }

    fn lost_upload(&self, _: &Account, _: &str) -> Result<Option<RemoteMedia>, PublishError> {
        Ok(None)
    }

    fn upload(
        &self,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        _alt: &str,
        _caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        let reply = self.http.post_file(
            &self.api("images/upload/"),
            &self.auth()?,
            ("file", file_name, content_type, bytes),
            &[("purpose", "image"), ("ref", file_name)],
        )?;
        if reply.status == 413 {
            return Err(PublishError::photo_too_large(&self.site.name, file_name));
        }
        if !reply.ok() {
            return Err(self.refused(&reply, "upload a photo"));
        }
        let url = reply.json["images"][0]["url"]
            .as_str()
            .ok_or_else(|| self.not_ghost(&reply))?;
        Ok(RemoteMedia {
            id: String::new(),
            url: url.to_owned(),
            alt: String::new(),
            caption: String::new(),
        })
    }

    fn describe(
        &self,
        media: RemoteMedia,
        _alt: &str,
        _caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        Ok(media)
    }

    fn write(
        &self,
        existing: Option<&RemotePost>,
        post: &OutgoingPost<'_>,
    ) -> Result<RemotePost, PublishError> {
        let fields = self.fields(post, existing);
        let reply = match existing {
            Some(existing) => self.http.put_json(
                &self.api(&format!("posts/{}/?source=html&formats=html", existing.id)),
                &self.auth()?,
                &fields,
            )?,
            None => self.http.post_json(
                &self.api("posts/?source=html&formats=html"),
                &self.auth()?,
                &fields,
            )?,
        };
        if let (409, Some(existing)) = (reply.status, existing) {
            // Edited on the web between the check and this update.
            let web = self.post(&existing.id)?.unwrap_or_else(|| existing.clone());
            return Err(PublishError::EditedOnTheWeb(Box::new(WebEdit {
                site: self.site.name.clone(),
                post_id: existing.id.clone(),
                url: web.link,
                web_modified: web.modified,
                recorded_modified: existing.modified.clone(),
                web_title: web.title,
                web_body: web.body,
            })));
        }
        if !reply.ok() {
            let doing = if existing.is_some() {
                "update the post"
            } else {
                "create the post"
            };
            return Err(self.refused(&reply, doing));
        }
        reply.json["posts"]
            .get(0)
            .map(remote_post)
            .ok_or_else(|| self.not_ghost(&reply))
    }
}

fn remote_post(json: &Value) -> RemotePost {
    let text = |field: &str| json[field].as_str().unwrap_or_default().to_owned();
    RemotePost {
        id: text("id"),
        link: text("url"),
        status: text("status"),
        modified: text("updated_at"),
        title: text("title"),
        body: text("html"),
    }
}

/// The byline and dateline as the first paragraphs, as on the exported page.
fn opening(byline: &str, dateline: &str) -> String {
    let mut html = String::new();
    let byline = byline.trim();
    for (class, text) in [
        (
            "byline",
            (!byline.is_empty()).then(|| format!("By {byline}")),
        ),
        (
            "dateline",
            Some(dateline.trim().to_owned()).filter(|d| !d.is_empty()),
        ),
    ] {
        let Some(text) = text else { continue };
        html.push_str(&format!("<p class=\"{class}\">"));
        // Writing into a String cannot fail.
        let _ = comrak::html::escape(&mut html, &text);
        html.push_str("</p>\n");
    }
    html
}

/// The dek as Ghost's custom excerpt, which Ghost limits to 300 characters: a longer dek is cut
/// at the last word that fits, with an ellipsis.
fn excerpt(dek: &str) -> String {
    let dek = dek.trim();
    if dek.chars().count() <= MAX_EXCERPT_CHARS {
        return dek.to_owned();
    }
    let fits: String = dek.chars().take(MAX_EXCERPT_CHARS - 1).collect();
    let cut = fits.rfind(char::is_whitespace).unwrap_or(fits.len());
    format!("{}…", fits[..cut].trim_end())
}

/// A time as Ghost takes it: ISO 8601 in UTC.
fn iso_time(at: crate::model::Timestamp) -> String {
    let format =
        time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].000Z");
    super::cms::utc_time(at, format)
}

/// A text field Ghost falls back from when it is null.
fn non_empty(text: &str) -> Option<&str> {
    Some(text).filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_dek_is_cut_at_a_word_to_ghosts_limit() {
        let dek = "word ".repeat(100);
        let cut = excerpt(&dek);
        assert!(cut.chars().count() <= MAX_EXCERPT_CHARS, "{}", cut.len());
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(excerpt(" Short dek "), "Short dek");
    }

    #[test]
    fn the_opening_is_escaped_paragraphs() {
        assert_eq!(
            opening("Ana <b>Ruiz</b>", "STOCKHOLM"),
            "<p class=\"byline\">By Ana &lt;b&gt;Ruiz&lt;/b&gt;</p>\n<p class=\"dateline\">STOCKHOLM</p>\n"
        );
        assert_eq!(opening(" ", ""), "");
    }

    #[test]
    fn scheduled_times_are_iso_utc() {
        assert_eq!(iso_time(1_796_374_800), "2026-12-04T09:00:00.000Z");
    }
}
