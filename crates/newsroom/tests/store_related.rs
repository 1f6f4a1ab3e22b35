//! Related posts: ordered links to other articles (by id) or outside pages, and backlinks.

#[allow(dead_code)]
mod common;

use common::{assert_error, create, store};
use newsroom::model::{ArticleId, ArticlePatch, RelatedLink, RelatedTarget};
use newsroom::store::Store;

fn internal(id: ArticleId) -> RelatedTarget {
    RelatedTarget::Article { id }
}

fn external(url: &str) -> RelatedTarget {
    RelatedTarget::External { url: url.into() }
}

fn titles(s: &Store, id: ArticleId) -> Vec<(u32, String)> {
    s.related(id)
        .unwrap()
        .into_iter()
        .map(|l| (l.position, l.title))
        .collect()
}

#[test]
fn internal_and_external_links_are_kept_in_order() {
    let mut s = store();
    let a = create(&mut s, "Main story", "");
    let b = create(&mut s, "Background", "");
    let first = s.add_related(a.id, &internal(b.id), "ignored").unwrap();
    assert_eq!(
        first,
        RelatedLink {
            target: internal(b.id),
            title: "Background".into(),
            position: 1,
        }
    );
    let second = s
        .add_related(
            a.id,
            &external(" https://example.org/report "),
            "  The  report ",
        )
        .unwrap();
    assert_eq!(second.target, external("https://example.org/report"));
    assert_eq!((second.title.as_str(), second.position), ("The report", 2));
    let untitled = s
        .add_related(a.id, &external("http://news.example.com"), "")
        .unwrap();
    assert_eq!(
        untitled.title, "news.example.com",
        "the host stands in for a title"
    );
    assert_eq!(untitled.target, external("http://news.example.com/"));
    assert_eq!(s.related(a.id).unwrap(), vec![first, second, untitled]);
    assert!(s.related(b.id).unwrap().is_empty());
}

#[test]
fn self_duplicate_and_dangling_relations_are_refused() {
    let mut s = store();
    let a = create(&mut s, "Main", "");
    let b = create(&mut s, "Other", "");
    s.add_related(a.id, &internal(b.id), "").unwrap();
    s.add_related(a.id, &external("https://example.org/x"), "X")
        .unwrap();
    let before = s.related(a.id).unwrap();

    assert_error(
        &s.add_related(a.id, &internal(a.id), "").unwrap_err(),
        newsroom::ErrorKind::Invalid,
        &["itself"],
    );
    let err = s.add_related(a.id, &internal(b.id), "").unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Conflict,
        &[&format!(
            "article {} is already related to article {}",
            a.id, b.id
        )],
    );
    let err = s
        .add_related(a.id, &external("HTTPS://EXAMPLE.org/x"), "Again")
        .unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Conflict,
        &["https://example.org/x"],
    );
    assert_error(
        &s.add_related(a.id, &internal(99), "").unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["99"],
    );
    assert_error(
        &s.add_related(99, &internal(a.id), "").unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["99"],
    );
    assert_eq!(s.related(a.id).unwrap(), before);
}

#[test]
fn only_web_addresses_are_accepted() {
    let mut s = store();
    let a = create(&mut s, "Main", "");
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/file",
        "not a url",
        "example.org/no-scheme",
        "mailto:desk@example.org",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "http://",
        "",
    ] {
        let err = s.add_related(a.id, &external(bad), "Title").unwrap_err();
        assert_error(
            &err,
            newsroom::ErrorKind::Invalid,
            &[&format!("“{bad}”"), "http://"],
        );
    }
    assert!(s.related(a.id).unwrap().is_empty());
}

#[test]
fn internal_titles_follow_headlines_and_links_survive_slug_changes() {
    let mut s = store();
    let a = create(&mut s, "Main", "");
    let b = create(&mut s, "Old headline", "");
    s.add_related(a.id, &internal(b.id), "").unwrap();
    let patch = ArticlePatch {
        headline: Some("New headline".into()),
        slug: Some("entirely-new-slug".into()),
        ..ArticlePatch::default()
    };
    s.update_article(b.id, &patch).unwrap();
    assert_eq!(titles(&s, a.id), vec![(1, "New headline".to_string())]);
    assert_eq!(s.related(a.id).unwrap()[0].target, internal(b.id));
}

#[test]
fn moving_and_removing_renumber_the_list() {
    let mut s = store();
    let a = create(&mut s, "Main", "");
    for name in ["One", "Two", "Three", "Four"] {
        let url = format!("https://example.org/{name}");
        s.add_related(a.id, &external(&url), name).unwrap();
    }
    let list = |s: &Store| -> Vec<String> { titles(s, a.id).into_iter().map(|(_, t)| t).collect() };

    s.move_related(a.id, 4, 1).unwrap();
    assert_eq!(list(&s), ["Four", "One", "Two", "Three"]);
    s.move_related(a.id, 1, 3).unwrap();
    assert_eq!(list(&s), ["One", "Two", "Four", "Three"]);
    s.remove_related(a.id, 2).unwrap();
    assert_eq!(
        titles(&s, a.id),
        vec![(1, "One".into()), (2, "Four".into()), (3, "Three".into())]
    );

    let before = s.related(a.id).unwrap();
    for (from, to) in [(0, 1), (1, 4), (9, 1)] {
        let err = s.move_related(a.id, from, to).unwrap_err();
        assert_error(
            &err,
            newsroom::ErrorKind::NotFound,
            &[&format!("article {} has no related link at position", a.id)],
        );
    }
    for position in [0, 4] {
        let err = s.remove_related(a.id, position).unwrap_err();
        assert_error(
            &err,
            newsroom::ErrorKind::NotFound,
            &[&format!("position {position}")],
        );
    }
    assert_eq!(s.related(a.id).unwrap(), before);

    // A new link goes after the renumbered ones.
    let link = s
        .add_related(a.id, &external("https://example.org/five"), "Five")
        .unwrap();
    assert_eq!(link.position, 4);
}

#[test]
fn backlinks_list_the_live_articles_that_link_here() {
    let mut s = store();
    let target = create(&mut s, "Target", "");
    let a = create(&mut s, "Links A", "");
    let b = create(&mut s, "Links B", "");
    create(&mut s, "Unrelated", "");
    s.add_related(a.id, &internal(target.id), "").unwrap();
    s.add_related(b.id, &internal(target.id), "").unwrap();
    let ids = |s: &Store| -> Vec<ArticleId> {
        let mut ids: Vec<_> = s
            .backlinks(target.id)
            .unwrap()
            .into_iter()
            .map(|x| x.id)
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&s), vec![a.id, b.id]);
    s.trash(b.id).unwrap();
    assert_eq!(ids(&s), vec![a.id]);
    s.remove_related(a.id, 1).unwrap();
    assert!(ids(&s).is_empty());
    assert_error(
        &s.backlinks(99).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["99"],
    );
}

#[test]
fn a_duplicate_keeps_the_related_list() {
    let mut s = store();
    let a = create(&mut s, "Main", "");
    let b = create(&mut s, "Other", "");
    s.add_related(a.id, &internal(b.id), "").unwrap();
    s.add_related(a.id, &external("https://example.org/"), "Ex")
        .unwrap();
    let copy = s.duplicate(a.id).unwrap();
    assert_eq!(s.related(copy.id).unwrap(), s.related(a.id).unwrap());
    assert_eq!(s.backlinks(b.id).unwrap().len(), 2);
}
