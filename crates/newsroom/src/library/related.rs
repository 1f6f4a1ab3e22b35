//! An article's "related" list: links to other articles of the library or to outside pages,
//! in the order the editor gives them.

use super::Library;
use crate::error::Result;
use crate::model::{ArticleId, RelatedLink, RelatedTarget};

impl Library {
    /// Appends a link to the article's related list. A link to another article takes that
    /// article's headline as its title; a link to an outside page (http or https) needs a title
    /// (its host is used when `title` is empty).
    pub fn add_related(
        &mut self,
        article_id: ArticleId,
        target: &RelatedTarget,
        title: &str,
    ) -> Result<RelatedLink> {
        Ok(self.store.add_related(article_id, target, title)?)
    }

    /// Removes the link at `position` (1-based); the ones after it move up.
    pub fn remove_related(&mut self, article_id: ArticleId, position: u32) -> Result<()> {
        Ok(self.store.remove_related(article_id, position)?)
    }

    /// Moves the link at position `from` to position `to` (both 1-based).
    pub fn move_related(&mut self, article_id: ArticleId, from: u32, to: u32) -> Result<()> {
        Ok(self.store.move_related(article_id, from, to)?)
    }
}

#[cfg(test)]
mod tests {
    use crate::library::MediaUrls;
    use crate::library::test_support::library;
    use crate::model::{NewArticle, RelatedTarget};

    #[test]
    fn related_links_are_added_moved_and_removed_in_order() {
        let (mut lib, _dir) = library();
        let new = |headline: &str| NewArticle {
            headline: headline.into(),
            ..NewArticle::default()
        };
        let story = lib.create_article(&new("Harbour strike")).unwrap().id;
        let earlier = lib.create_article(&new("Dockers vote")).unwrap().id;
        let internal = lib
            .add_related(story, &RelatedTarget::Article { id: earlier }, "")
            .unwrap();
        assert_eq!(
            (internal.position, internal.title.as_str()),
            (1, "Dockers vote")
        );
        let outside = RelatedTarget::External {
            url: "https://example.org/strike".into(),
        };
        lib.add_related(story, &outside, "The union's statement")
            .unwrap();
        lib.move_related(story, 2, 1).unwrap();
        lib.remove_related(story, 2).unwrap();
        let view = lib
            .article_view(story, &MediaUrls::RelativeToLibrary)
            .unwrap();
        let titles: Vec<&str> = view.related.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, vec!["The union's statement"]);
        assert_eq!(
            lib.remove_related(story, 5).unwrap_err().kind(),
            crate::ErrorKind::NotFound
        );
    }
}
