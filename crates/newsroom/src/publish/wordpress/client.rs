//! WordPress's REST API (v2), as far as publishing needs it: the account, media, categories and
//! tags, posts. Every route is addressed as `?rest_route=/wp/v2/…`, which works whether or not
//! the site has pretty permalinks. Signing in uses an Application Password (WordPress 5.6+).

use base64::Engine;
use serde_json::{Value, json};

use crate::publish::cms::{Account, RemoteMedia, RemotePost};
use crate::publish::error::PublishError;
use crate::publish::http::{Http, Reply};
use crate::publish::site::{Site, SiteKind};

/// A taxonomy whose terms a post names by id.
#[derive(Debug, Clone, Copy)]
pub enum Taxonomy {
    Categories,
    Tags,
}

impl Taxonomy {
    fn route(self) -> &'static str {
        match self {
            Taxonomy::Categories => "/wp/v2/categories",
            Taxonomy::Tags => "/wp/v2/tags",
        }
    }
}

/// A signed-in connection to one WordPress site.
pub struct WordPress<'s> {
    site: &'s Site,
    http: Http,
    auth: String,
}

impl<'s> WordPress<'s> {
    pub fn new(site: &'s Site, secret: &str) -> WordPress<'s> {
        let user = site.user.as_deref().unwrap_or_default();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{secret}"));
        WordPress {
            site,
            http: Http::new(&site.url),
            auth: format!("Basic {token}"),
        }
    }

    /// The address of a REST route with its query parameters.
    fn api(&self, route: &str, params: &[(&str, &str)]) -> String {
        let mut query = url::form_urlencoded::Serializer::new(String::new());
        query.append_pair("rest_route", route);
        for (name, value) in params {
            query.append_pair(name, value);
        }
        self.site.address(&format!("/?{}", query.finish()))
    }

    /// Checks that the site is WordPress with Application Passwords on, and that the
    /// credentials sign in; returns the account.
    pub fn check(&self) -> Result<Account, PublishError> {
        let index = self.http.get(&self.api("/", &[]), "")?;
        let speaks_v2 = index.json["namespaces"]
            .as_array()
            .is_some_and(|names| names.iter().any(|n| n == "wp/v2"));
        if !index.ok() || !speaks_v2 {
            return Err(self.not_wordpress(&index));
        }
        if index.json["authentication"]
            .get("application-passwords")
            .is_none()
        {
            return Err(self.sign_in_refused(
                "Application Passwords are turned off on this site (by a plugin, the host, or a \
                 site that is not served over HTTPS); turn them on, or ask the site's \
                 administrator to."
                    .into(),
            ));
        }
        let me = self.http.get(
            &self.api("/wp/v2/users/me", &[("context", "edit")]),
            &self.auth,
        )?;
        if !me.ok() {
            return Err(self.refused(&me, "sign in"));
        }
        Ok(Account {
            id: me.json["id"].as_u64().unwrap_or_default().to_string(),
        })
    }

    pub fn post(&self, id: u64) -> Result<Option<RemotePost>, PublishError> {
        let reply = self.http.get(
            &self.api(&format!("/wp/v2/posts/{id}"), &[("context", "edit")]),
            &self.auth,
        )?;
        match reply.status {
            404 | 410 => Ok(None),
            _ if reply.ok() => Ok(Some(remote_post(&reply.json))),
            _ => Err(self.refused(&reply, "read the post")),
        }
    }

    /// The account's posts with `slug`, in any state but the trash: how a publish interrupted
    /// after the site created the post finds it again.
    pub fn posts_with_slug(
        &self,
        slug: &str,
        author: &str,
    ) -> Result<Vec<RemotePost>, PublishError> {
        let reply = self.http.get(
            &self.api(
                "/wp/v2/posts",
                &[
                    ("slug", slug),
                    ("author", author),
                    ("status", "publish,future,draft,pending,private"),
                    ("context", "edit"),
                ],
            ),
            &self.auth,
        )?;
        if !reply.ok() {
            return Err(self.refused(&reply, "look for the post"));
        }
        Ok(reply
            .json
            .as_array()
            .map(|posts| posts.iter().map(remote_post).collect())
            .unwrap_or_default())
    }

    pub fn create_post(&self, fields: &Value) -> Result<RemotePost, PublishError> {
        let reply = self
            .http
            .post_json(&self.api("/wp/v2/posts", &[]), &self.auth, fields)?;
        self.written_post(reply, "create the post")
    }

    pub fn update_post(&self, id: u64, fields: &Value) -> Result<RemotePost, PublishError> {
        let reply = self.http.post_json(
            &self.api(&format!("/wp/v2/posts/{id}"), &[]),
            &self.auth,
            fields,
        )?;
        self.written_post(reply, "update the post")
    }

    fn written_post(&self, reply: Reply, doing: &str) -> Result<RemotePost, PublishError> {
        if !reply.ok() {
            return Err(self.refused(&reply, doing));
        }
        // The answer to a write is in the `view` context; read the post back for its raw fields.
        let id = reply.json["id"].as_u64().unwrap_or_default();
        match self.post(id)? {
            Some(post) => Ok(post),
            None => Ok(remote_post(&reply.json)),
        }
    }

    /// The media item `id`, if it is still on the site.
    pub fn media(&self, id: u64) -> Result<Option<RemoteMedia>, PublishError> {
        let reply = self.http.get(
            &self.api(&format!("/wp/v2/media/{id}"), &[("context", "edit")]),
            &self.auth,
        )?;
        match reply.status {
            404 | 410 => Ok(None),
            _ if reply.ok() => Ok(remote_media(&reply.json)),
            _ => Err(self.refused(&reply, "look for a photo")),
        }
    }

    /// A media item uploaded by this account whose file name holds `stem`: how an upload whose
    /// answer was lost (the network dropped, the program was stopped) is found again.
    pub fn media_named(
        &self,
        stem: &str,
        author: &str,
    ) -> Result<Option<RemoteMedia>, PublishError> {
        let reply = self.http.get(
            &self.api(
                "/wp/v2/media",
                &[
                    ("search", stem),
                    ("author", author),
                    ("per_page", "20"),
                    ("context", "edit"),
                ],
            ),
            &self.auth,
        )?;
        if !reply.ok() {
            return Err(self.refused(&reply, "look for a photo"));
        }
        Ok(reply.json.as_array().and_then(|items| {
            items
                .iter()
                .filter_map(remote_media)
                .find(|media| media.url.contains(stem))
        }))
    }

    /// Uploads a photo file, then sets its alt text and caption.
    pub fn upload(
        &self,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        let disposition = format!("attachment; filename=\"{file_name}\"");
        let reply = self.http.post_bytes(
            &self.api("/wp/v2/media", &[]),
            &self.auth,
            &[
                ("Content-Type", content_type),
                ("Content-Disposition", &disposition),
            ],
            bytes,
        )?;
        // The web server in front of WordPress enforces the size limit (nginx's
        // client_max_body_size, Apache's LimitRequestBody): PHP reads a raw body whatever its size.
        if reply.status == 413 {
            return Err(PublishError::photo_too_large(&self.site.name, file_name));
        }
        if !reply.ok() {
            return Err(self.refused(&reply, "upload a photo"));
        }
        let media = remote_media(&reply.json).ok_or_else(|| self.not_wordpress(&reply))?;
        self.describe(media, alt, caption)
    }

    /// Gives a media item the alt text and caption the library has for its photo, where they
    /// differ (the editor may have corrected them since it was uploaded).
    pub fn describe(
        &self,
        media: RemoteMedia,
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        if media.alt == alt && media.caption == caption {
            return Ok(media);
        }
        let described = self.http.post_json(
            &self.api(&format!("/wp/v2/media/{}", media.id), &[]),
            &self.auth,
            &json!({ "alt_text": alt, "caption": caption }),
        )?;
        if !described.ok() {
            return Err(self.refused(&described, "set a photo's alt text and caption"));
        }
        Ok(RemoteMedia {
            alt: alt.to_owned(),
            caption: caption.to_owned(),
            ..media
        })
    }

    /// The id of the term called `name`, created when the site has none.
    pub fn term(&self, taxonomy: Taxonomy, name: &str) -> Result<u64, PublishError> {
        let reply = self.http.get(
            &self.api(
                taxonomy.route(),
                &[("search", name), ("per_page", "100"), ("context", "edit")],
            ),
            &self.auth,
        )?;
        if !reply.ok() {
            return Err(self.refused(&reply, "look for a category or tag"));
        }
        let same = |term: &&Value| {
            term["name"]
                .as_str()
                .is_some_and(|n| decode_entities(n).eq_ignore_ascii_case(name))
        };
        if let Some(id) = reply
            .json
            .as_array()
            .and_then(|terms| terms.iter().find(same))
            .and_then(|term| term["id"].as_u64())
        {
            return Ok(id);
        }
        let created = self.http.post_json(
            &self.api(taxonomy.route(), &[]),
            &self.auth,
            &json!({ "name": name }),
        )?;
        // Created meanwhile by someone else: WordPress names the existing term.
        if let Some(id) = created.json["data"]["term_id"].as_u64() {
            return Ok(id);
        }
        if !created.ok() {
            return Err(self.refused(&created, "create a category or tag"));
        }
        Ok(created.json["id"].as_u64().unwrap_or_default())
    }

    fn not_wordpress(&self, reply: &Reply) -> PublishError {
        PublishError::NotTheCms {
            url: self.site.url.clone(),
            kind: SiteKind::WordPress,
            detail: match reply.moved_to() {
                Some(location) => format!("it sends visitors on to {location}"),
                None if reply.json.is_null() => format!(
                    "it has no WordPress REST API (it answered {} with something else)",
                    reply.status
                ),
                None => "its REST API does not offer WordPress's posts and media".into(),
            },
        }
    }

    fn sign_in_refused(&self, reason: String) -> PublishError {
        PublishError::SignIn {
            site: self.site.name.clone(),
            reason,
        }
    }

    /// What a refusal means for the editor, from WordPress's own error code and message.
    fn refused(&self, reply: &Reply, doing: &str) -> PublishError {
        if let Some(location) = reply.moved_to() {
            return PublishError::Server {
                site: self.site.name.clone(),
                status: reply.status,
                message: format!(
                    "it sends requests on to {location}; add the site again with that address."
                ),
            };
        }
        let code = reply.str("code").unwrap_or_default();
        let message = strip_tags(reply.str("message").unwrap_or_default());
        let user = self.site.user.as_deref().unwrap_or_default();
        match (reply.status, code) {
            // WordPress up to 6.1 answers a wrong password, an unknown user and credentials the
            // server never passed on alike.
            (401, "rest_not_logged_in") => self.sign_in_refused(format!(
                "the user name {user} or its Application Password is wrong, or the server \
                 removed the credentials before WordPress saw them (some hosts do; on Apache, \
                 CGIPassAuth On passes them through)."
            )),
            (401, "incorrect_password") => self.sign_in_refused(format!(
                "the Application Password for {user} is wrong; create a new one under Users → \
                 Profile → Application Passwords."
            )),
            (401, "invalid_username" | "invalid_email") => {
                self.sign_in_refused(format!("the site has no user called {user}."))
            }
            (401, code) if code.starts_with("application_passwords") => self.sign_in_refused(
                "Application Passwords are turned off for this account or site.".into(),
            ),
            (401 | 403, _) => self.sign_in_refused(format!(
                "the account {user} may not {doing}{}",
                if message.is_empty() {
                    ".".to_owned()
                } else {
                    format!(" ({message}).")
                }
            )),
            (404, "rest_no_route") | (404, "") => self.not_wordpress(reply),
            (status, _) => PublishError::Server {
                site: self.site.name.clone(),
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

fn remote_post(json: &Value) -> RemotePost {
    let text = |value: &Value| {
        value["raw"]
            .as_str()
            .or_else(|| value["rendered"].as_str())
            .or_else(|| value.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    RemotePost {
        id: json["id"].as_u64().unwrap_or_default().to_string(),
        link: json["link"].as_str().unwrap_or_default().to_owned(),
        status: json["status"].as_str().unwrap_or_default().to_owned(),
        modified: json["modified_gmt"].as_str().unwrap_or_default().to_owned(),
        title: text(&json["title"]),
        body: text(&json["content"]),
    }
}

fn remote_media(json: &Value) -> Option<RemoteMedia> {
    Some(RemoteMedia {
        id: json["id"].as_u64()?.to_string(),
        url: json["source_url"].as_str()?.to_owned(),
        alt: json["alt_text"].as_str().unwrap_or_default().to_owned(),
        caption: json["caption"]["raw"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    })
}

/// WordPress's messages may hold links and emphasis; the editor reads them as text.
fn strip_tags(message: &str) -> String {
    let mut text = String::with_capacity(message.len());
    let mut in_tag = false;
    for c in message.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    decode_entities(text.trim())
}

/// Term names come back HTML-escaped (`Arts &amp; Culture`).
fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#039;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_read_as_text() {
        assert_eq!(
            strip_tags("<strong>Error</strong>: the password &amp; user"),
            "Error: the password & user"
        );
    }
}
