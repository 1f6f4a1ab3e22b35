//! Publishing an article to the newsroom's CMS (WordPress, Ghost).

mod cms;
mod error;
pub mod ghost;
mod http;
mod secrets;
mod site;
pub mod wordpress;

pub use cms::{
    Account, Cms, Featured, OutgoingPost, PostStatus, RemoteMedia, RemotePost, caption_with_credit,
};
pub use error::{PublishError, WebEdit};
pub use secrets::{forget as forget_secret, keep as keep_secret, read as read_secret};
pub use site::{SecretPlace, Site, SiteKind, site_name, site_url};

/// A signed-out connection to the site, for its kind of CMS (signing in is [`Cms::sign_in`]).
pub fn connect<'s>(site: &'s Site, secret: &str) -> Result<Box<dyn Cms + 's>, PublishError> {
    Ok(match site.kind {
        SiteKind::WordPress => Box::new(wordpress::WordPress::new(site, secret)),
        SiteKind::Ghost => Box::new(ghost::Ghost::new(site, secret)?),
    })
}
