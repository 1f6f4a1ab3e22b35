//! Publishing an article to the newsroom's CMS (WordPress, Ghost).

mod error;
mod http;
mod secrets;
mod site;
pub mod wordpress;

pub use error::{PublishError, WebEdit};
pub use secrets::{forget as forget_secret, keep as keep_secret, read as read_secret};
pub use site::{SecretPlace, Site, SiteKind, site_name, site_url};
