//! The publishes running now, each with the flag that stops it.
//!
//! A publish talks to a site for seconds or minutes, on a thread of its own with its own
//! connection to the library, so the window, typing and autosave never wait for it. At most one
//! runs per article: a second press of Publish while the first is still sending would race it
//! for the same post.

use crate::error::{CommandResult, UiError};
use crate::locks::lock;
use newsroom::model::ArticleId;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// The article ids being published, each with its cancel flag.
type Running = HashMap<ArticleId, Arc<AtomicBool>>;

/// Which articles are being published (shared by the commands).
#[derive(Default)]
pub struct Publishing {
    running: Arc<Mutex<Running>>,
}

impl Publishing {
    /// Records that `article` starts publishing; refused while it already is. The publish counts
    /// as running until the returned guard is dropped.
    pub fn start(&self, article: ArticleId) -> CommandResult<PublishGuard> {
        let mut running = lock(&self.running);
        if running.contains_key(&article) {
            return Err(UiError::invalid(
                "This article is already being published; wait for that to finish, or cancel it, before publishing it again.",
            ));
        }
        let cancel = Arc::new(AtomicBool::new(false));
        running.insert(article, Arc::clone(&cancel));
        Ok(PublishGuard {
            running: Arc::clone(&self.running),
            article,
            cancel,
        })
    }

    /// Asks the publish of `article` to stop before its next step (the core checks between
    /// steps). Whether one was running.
    pub fn cancel(&self, article: ArticleId) -> bool {
        match lock(&self.running).get(&article) {
            Some(flag) => {
                flag.store(true, Ordering::Relaxed);
                true
            }
            None => false,
        }
    }
}

/// A publish in progress; dropping it (however the publish ended) frees the article.
pub struct PublishGuard {
    running: Arc<Mutex<Running>>,
    article: ArticleId,
    cancel: Arc<AtomicBool>,
}

impl PublishGuard {
    /// The flag [`Publishing::cancel`] sets, for the core to check.
    pub fn cancel_flag(&self) -> &AtomicBool {
        &self.cancel
    }
}

impl Drop for PublishGuard {
    fn drop(&mut self) {
        lock(&self.running).remove(&self.article);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_publish_per_article_until_it_ends() {
        let publishing = Publishing::default();
        let first = publishing.start(7).unwrap();
        let refused = publishing.start(7).err().unwrap();
        assert_eq!(refused.kind, newsroom::ErrorKind::Invalid);
        assert!(refused.message.contains("already being published"));
        let other = publishing.start(8);
        assert!(other.is_ok(), "another article publishes meanwhile");
        drop(first);
        assert!(publishing.start(7).is_ok());
    }

    #[test]
    fn cancelling_sets_the_running_publish_flag_only() {
        let publishing = Publishing::default();
        assert!(!publishing.cancel(3), "nothing runs");
        let guard = publishing.start(3).unwrap();
        assert!(!guard.cancel_flag().load(Ordering::Relaxed));
        assert!(publishing.cancel(3));
        assert!(guard.cancel_flag().load(Ordering::Relaxed));
        drop(guard);
        assert!(!publishing.cancel(3));
    }
}
