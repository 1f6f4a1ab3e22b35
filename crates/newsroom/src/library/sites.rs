//! The sites an editor publishes to: added once their credentials sign in, listed, removed.

use std::path::PathBuf;

use super::Library;
use crate::error::Result;
use crate::publish::{self, PublishError, SecretPlace, Site, SiteKind};

/// A site as the editor describes it when adding it.
#[derive(Debug, Clone)]
pub struct NewSite {
    pub name: String,
    pub kind: SiteKind,
    pub url: String,
    pub user: Option<String>,
    /// Where to keep the secret: the keychain unless a private file is named.
    pub secret_file: Option<PathBuf>,
}

impl Library {
    /// Adds a site after checking at once that its secret signs in, and keeps the secret in the
    /// keychain (or the private file named). Nothing is recorded when any step fails.
    pub fn add_site(&mut self, new: NewSite, secret: &str) -> Result<Site> {
        let name = publish::site_name(&new.name)?;
        if self.store.site(&name)?.is_some() {
            return Err(PublishError::SiteExists(name).into());
        }
        let secret = secret.trim();
        let user = new
            .user
            .map(|u| u.trim().to_owned())
            .filter(|u| !u.is_empty());
        let site = Site {
            name,
            kind: new.kind,
            url: publish::site_url(&new.url)?,
            user,
            secret: new
                .secret_file
                .map_or(SecretPlace::Keychain, SecretPlace::File),
        };
        match site.kind {
            SiteKind::WordPress if site.user.is_none() => return Err(PublishError::NoUser.into()),
            SiteKind::WordPress | SiteKind::Ghost => {}
        }
        if secret.is_empty() {
            return Err(PublishError::EmptySecret {
                what: match site.kind {
                    SiteKind::WordPress => "Application Password",
                    SiteKind::Ghost => "Admin API key",
                },
            }
            .into());
        }
        publish::connect(&site, secret)?.sign_in()?;
        publish::keep_secret(&site, secret)?;
        match self.store.add_site(&site) {
            Ok(true) => Ok(site),
            Ok(false) => {
                publish::forget_secret(&site)?;
                Err(PublishError::SiteExists(site.name).into())
            }
            Err(e) => {
                publish::forget_secret(&site)?;
                Err(e.into())
            }
        }
    }

    /// The sites, by name.
    pub fn sites(&self) -> Result<Vec<Site>> {
        Ok(self.store.sites()?)
    }

    /// The site called `name`.
    pub fn site(&self, name: &str) -> Result<Site> {
        Ok(self
            .store
            .site(name)?
            .ok_or_else(|| PublishError::NoSuchSite(name.trim().to_owned()))?)
    }

    /// Removes a site and its secret. What was published to it is remembered, so adding it again
    /// updates the same posts.
    pub fn remove_site(&mut self, name: &str) -> Result<Site> {
        let site = self.site(name)?;
        publish::forget_secret(&site)?;
        self.store.remove_site(&site.name)?;
        Ok(site)
    }
}
