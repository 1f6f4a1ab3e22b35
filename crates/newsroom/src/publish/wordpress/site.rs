//! WordPress as a [`Cms`]: the post's fields (headline, body as blocks, excerpt, slug, status and
//! time, category and tags, featured image) and how a lost answer is found again.

use std::collections::HashMap;

use serde_json::{Value, json};

use super::blocks::{self, RemotePhoto};
use super::client::{Taxonomy, WordPress};
use crate::publish::cms::{Account, Cms, OutgoingPost, PostStatus, RemoteMedia, RemotePost};
use crate::publish::error::PublishError;

impl Cms for WordPress<'_> {
    fn sign_in(&self) -> Result<Account, PublishError> {
        self.check()
    }

    fn post(&self, id: &str) -> Result<Option<RemotePost>, PublishError> {
        match id.parse() {
            Ok(id) => WordPress::post(self, id),
            Err(_) => Ok(None),
        }
    }

    fn lost_post(
        &self,
        account: &Account,
        slug: &str,
        headline: &str,
    ) -> Result<Option<RemotePost>, PublishError> {
        Ok(self
            .posts_with_slug(slug, &account.id)?
            .into_iter()
            .find(|post| post.title == headline))
    }

    fn uploaded(&self, id: &str, _url: &str) -> Result<Option<RemoteMedia>, PublishError> {
        match id.parse() {
            Ok(id) => self.media(id),
            Err(_) => Ok(None),
        }
    }

    fn lost_upload(
        &self,
        account: &Account,
        stem: &str,
    ) -> Result<Option<RemoteMedia>, PublishError> {
        self.media_named(stem, &account.id)
    }

    fn upload(
        &self,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        WordPress::upload(self, file_name, content_type, bytes, alt, caption)
    }

    fn describe(
        &self,
        media: RemoteMedia,
        alt: &str,
        caption: &str,
    ) -> Result<RemoteMedia, PublishError> {
        WordPress::describe(self, media, alt, caption)
    }

    fn write(
        &self,
        existing: Option<&RemotePost>,
        post: &OutgoingPost<'_>,
    ) -> Result<RemotePost, PublishError> {
        let fields = self.fields(post)?;
        match existing.map(|p| p.id.parse()) {
            Some(Ok(id)) => self.update_post(id, &fields),
            _ => self.create_post(&fields),
        }
    }
}

impl WordPress<'_> {
    /// The post as WordPress's REST API takes it. The byline and dateline open the body, as
    /// they do the exported page; the section is the category, created when missing.
    fn fields(&self, post: &OutgoingPost<'_>) -> Result<Value, PublishError> {
        let article = post.article;
        let remote: HashMap<_, _> = post
            .photos
            .iter()
            .filter_map(|(&id, media)| {
                Some((
                    id,
                    RemotePhoto {
                        media_id: media.id.parse().ok()?,
                        url: media.url.clone(),
                    },
                ))
            })
            .collect();
        let mut content = blocks::opening(&article.byline, &article.dateline);
        let body = blocks::block_markup(&post.body.blocks, &remote)
            .map_err(|missing| PublishError::PhotoAwaitingFile { id: missing.0 })?;
        content.push_str(&body);
        let status = match post.status {
            PostStatus::Draft => "draft",
            PostStatus::Publish => "publish",
            PostStatus::Scheduled(_) => "future",
        };
        let mut fields = json!({
            "title": article.headline,
            "content": content,
            "excerpt": article.dek,
            "slug": article.slug,
            "status": status,
        });
        if let PostStatus::Scheduled(at) = post.status {
            fields["date_gmt"] = json!(utc_time(at));
        }
        let section = article.section.trim();
        if !section.is_empty() {
            fields["categories"] = json!([self.term(Taxonomy::Categories, section)?]);
        }
        let tags = article
            .tags
            .iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .map(|t| self.term(Taxonomy::Tags, t))
            .collect::<Result<Vec<_>, _>>()?;
        fields["tags"] = json!(tags);
        let featured = post.featured.and_then(|f| f.media.id.parse::<u64>().ok());
        fields["featured_media"] = json!(featured.unwrap_or(0));
        Ok(fields)
    }
}

/// A time as WordPress's `date_gmt` takes it: UTC, without an offset.
fn utc_time(at: crate::model::Timestamp) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");
    crate::publish::cms::utc_time(at, format)
}

#[cfg(test)]
mod tests {
    #[test]
    fn scheduled_times_are_utc_without_offset() {
        assert_eq!(super::utc_time(1_796_374_800), "2026-12-04T09:00:00");
    }
}
