//! `Store::count`: the length of a filtered library list, whatever its paging.

#[allow(dead_code)]
mod common;

use common::{create, store};
use newsroom::model::{ArticleFilter, ArticlePatch, Status};

#[test]
fn count_follows_the_filter_and_ignores_paging() {
    let mut store = store();
    let a = create(&mut store, "Budget vote", "");
    let b = create(&mut store, "Harbour fire", "");
    create(&mut store, "Ferry strike", "");
    let patch = |section: &str| ArticlePatch {
        section: Some(section.into()),
        status: Some(Status::Editing),
        ..ArticlePatch::default()
    };
    store.update_article(a.id, &patch("City")).unwrap();
    store.update_article(b.id, &patch("city")).unwrap();
    store.trash(b.id).unwrap();

    let count = |filter: ArticleFilter| {
        let listed = store.list(&ArticleFilter {
            limit: None,
            offset: 0,
            ..filter.clone()
        });
        let counted = store.count(&filter).unwrap();
        assert_eq!(counted, listed.unwrap().len() as u64, "{filter:?}");
        counted
    };
    assert_eq!(count(ArticleFilter::default()), 2);
    assert_eq!(
        count(ArticleFilter {
            limit: Some(1),
            offset: 1,
            ..ArticleFilter::default()
        }),
        2
    );
    assert_eq!(
        count(ArticleFilter {
            trashed: true,
            ..ArticleFilter::default()
        }),
        1
    );
    let editing = ArticleFilter {
        status: Some(Status::Editing),
        ..ArticleFilter::default()
    };
    assert_eq!(count(editing), 1);
    let city = ArticleFilter {
        section: Some("CITY".into()),
        ..ArticleFilter::default()
    };
    assert_eq!(count(city.clone()), 1);
    assert_eq!(
        count(ArticleFilter {
            trashed: true,
            ..city
        }),
        1
    );
}

#[test]
fn an_empty_filter_deserializes_to_the_working_list() {
    let filter: ArticleFilter = serde_json::from_str("{}").unwrap();
    assert_eq!(filter, ArticleFilter::default());
    let filter: ArticleFilter = serde_json::from_str(r#"{"status":"ready","limit":20}"#).unwrap();
    assert_eq!(filter.status, Some(Status::Ready));
    assert_eq!(filter.limit, Some(20));
}
