//! The store through its public API: articles, slugs, the workflow, the trash, duplicates,
//! the library list, authors and settings.
//!
//! Every refusal is checked for its kind, its sentence, and that nothing was changed.

#[allow(dead_code)]
mod common;

use common::{START, advance, assert_error, create, draft, listed, now, state_of, store};
use newsroom::model::{ArticleFilter, ArticlePatch, NewArticle, RevisionCause, Status};

#[test]
fn a_new_article_keeps_its_fields_cleaned_and_gets_a_first_revision() {
    let mut s = store();
    let new = NewArticle {
        headline: "  Budget vote\n delayed ".into(),
        dek: "  The house waits.\n".into(),
        byline: "Ana  Ruiz".into(),
        section: "Politics".into(),
        tags: vec![
            "budget".into(),
            " Budget ".into(),
            "".into(),
            "congress".into(),
        ],
        dateline: "MADRID".into(),
        body: "One two three, don't stop.".into(),
        ..NewArticle::default()
    };
    let a = s.create_article(&new, RevisionCause::Import).unwrap();
    assert_eq!(a.headline, "Budget vote delayed");
    assert_eq!(a.slug, "budget-vote-delayed");
    assert_eq!(a.dek, "The house waits.");
    assert_eq!(a.byline, "Ana Ruiz");
    assert_eq!(a.tags, vec!["budget", "congress"]);
    assert_eq!(a.status, Status::Draft);
    assert_eq!(a.word_count, 5);
    assert_eq!((a.created_at, a.updated_at), (START, START));
    assert_eq!(
        (a.published_at, a.trashed_at, a.featured_photo),
        (None, None, None)
    );
    assert_eq!(s.article(a.id).unwrap(), a);
    assert_eq!(s.article_by_slug("budget-vote-delayed").unwrap(), a);

    let history = s.revisions(a.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].number, 1);
    assert_eq!(history[0].cause, RevisionCause::Import);
    assert_eq!(s.revision(a.id, 1).unwrap().body, a.body);
}

#[test]
fn an_article_created_as_published_gets_a_publication_date() {
    let mut s = store();
    let imported = NewArticle {
        status: Some(Status::Published),
        published_at: Some(START - 86_400),
        ..draft("Imported", "")
    };
    let fresh = NewArticle {
        status: Some(Status::Published),
        ..draft("Fresh", "")
    };
    let imported = s.create_article(&imported, RevisionCause::Import).unwrap();
    let fresh = s.create_article(&fresh, RevisionCause::Import).unwrap();
    assert_eq!(imported.published_at, Some(START - 86_400));
    assert_eq!(fresh.published_at, Some(START));
}

#[test]
fn unknown_ids_and_slugs_are_reported_by_name() {
    let mut s = store();
    create(&mut s, "Here", "");
    assert_error(
        &s.article(42).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
    assert_error(
        &s.article_by_slug("nowhere").unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["“nowhere”"],
    );
    let patch = ArticlePatch {
        headline: Some("x".into()),
        ..ArticlePatch::default()
    };
    assert_error(
        &s.update_article(42, &patch).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
    assert_error(
        &s.trash(42).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
    assert_error(
        &s.duplicate(42).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
    assert_eq!(s.article_count().unwrap(), 1);
}

#[test]
fn an_empty_headline_is_refused_and_nothing_is_created_or_changed() {
    let mut s = store();
    let err = s
        .create_article(&draft(" \n\t ", "body"), RevisionCause::Manual)
        .unwrap_err();
    assert_error(&err, newsroom::ErrorKind::Invalid, &["headline"]);
    assert_eq!(s.article_count().unwrap(), 0);

    let a = create(&mut s, "Kept", "body");
    let before = state_of(&s, a.id);
    let patch = ArticlePatch {
        headline: Some("   ".into()),
        body: Some("lost?".into()),
        ..ArticlePatch::default()
    };
    assert_error(
        &s.update_article(a.id, &patch).unwrap_err(),
        newsroom::ErrorKind::Invalid,
        &["headline"],
    );
    assert_eq!(state_of(&s, a.id), before);
}

#[test]
fn updating_changes_only_the_patched_fields_and_records_a_revision() {
    let mut s = store();
    let a = create(&mut s, "First headline", "Old body.");
    advance(60);
    let patch = ArticlePatch {
        headline: Some("Second headline".into()),
        tags: Some(vec!["a".into(), "b".into()]),
        body: Some("New body with five words.".into()),
        ..ArticlePatch::default()
    };
    let b = s.update_article(a.id, &patch).unwrap();
    assert_eq!(b.headline, "Second headline");
    assert_eq!(b.tags, vec!["a", "b"]);
    assert_eq!(b.word_count, 5);
    assert_eq!(
        b.slug, "second-headline",
        "an unpublished, derived slug follows the headline"
    );
    assert_eq!(b.dek, a.dek);
    assert_eq!(b.updated_at, START + 60);
    assert_eq!(b.created_at, START);
    assert_eq!(s.article(a.id).unwrap(), b);
    let history = s.revisions(a.id).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].cause, RevisionCause::Manual);
    assert_eq!(history[0].headline, "Second headline");
}

#[test]
fn a_patch_that_changes_nothing_writes_nothing() {
    let mut s = store();
    let a = create(&mut s, "Same", "Same body.");
    advance(60);
    let patch = ArticlePatch {
        headline: Some(" Same ".into()),
        body: Some("Same body.".into()),
        status: Some(Status::Draft),
        ..ArticlePatch::default()
    };
    assert_eq!(s.update_article(a.id, &patch).unwrap(), a);
    assert_eq!(state_of(&s, a.id), (a, 1));
}

#[test]
fn slugs_from_the_same_headline_are_numbered() {
    let mut s = store();
    let slugs: Vec<String> = (0..3)
        .map(|_| create(&mut s, "Budget vote: País!", "").slug)
        .collect();
    assert_eq!(
        slugs,
        [
            "budget-vote-pais",
            "budget-vote-pais-2",
            "budget-vote-pais-3"
        ]
    );
    assert_eq!(create(&mut s, "¿?", "").slug, "untitled");
}

#[test]
fn an_explicit_slug_that_is_taken_is_refused_naming_its_owner() {
    let mut s = store();
    let owner = create(&mut s, "Budget vote", "");
    let wanted = NewArticle {
        slug: Some("budget-vote".into()),
        ..draft("Another", "")
    };
    let err = s
        .create_article(&wanted, RevisionCause::Manual)
        .unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::DuplicateSlug,
        &["“budget-vote”", &format!("article {}", owner.id)],
    );
    assert_eq!(s.article_count().unwrap(), 1);

    let other = create(&mut s, "Other", "text");
    let before = state_of(&s, other.id);
    let patch = ArticlePatch {
        slug: Some("budget-vote".into()),
        headline: Some("Renamed".into()),
        ..ArticlePatch::default()
    };
    let err = s.update_article(other.id, &patch).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::DuplicateSlug,
        &["“budget-vote”", &owner.id.to_string()],
    );
    assert_eq!(state_of(&s, other.id), before);
}

#[test]
fn slugs_that_could_name_another_folder_are_refused() {
    let mut s = store();
    let a = create(&mut s, "Safe", "");
    let before = state_of(&s, a.id);
    for bad in ["../x", "/abs", "a/b", "a\\b", "A b", "a.b", "..", "-x"] {
        let wanted = NewArticle {
            slug: Some(bad.into()),
            ..draft("Unsafe", "")
        };
        let err = s
            .create_article(&wanted, RevisionCause::Manual)
            .unwrap_err();
        assert_error(
            &err,
            newsroom::ErrorKind::Invalid,
            &[&format!("“{bad}”"), "lowercase letters"],
        );

        let patch = ArticlePatch {
            slug: Some(bad.into()),
            ..ArticlePatch::default()
        };
        let err = s.update_article(a.id, &patch).unwrap_err();
        assert_error(&err, newsroom::ErrorKind::Invalid, &[bad]);
    }
    let empty = ArticlePatch {
        slug: Some(String::new()),
        ..ArticlePatch::default()
    };
    assert_error(
        &s.update_article(a.id, &empty).unwrap_err(),
        newsroom::ErrorKind::Invalid,
        &["empty"],
    );
    assert_eq!(s.article_count().unwrap(), 1);
    assert_eq!(state_of(&s, a.id), before);
}

#[test]
fn a_renamed_article_is_still_found_by_its_old_slug() {
    let mut s = store();
    let a = create(&mut s, "Budget vote", "");
    let patch = ArticlePatch {
        slug: Some("budget-vote-final".into()),
        ..ArticlePatch::default()
    };
    let renamed = s.update_article(a.id, &patch).unwrap();
    assert_eq!(renamed.slug, "budget-vote-final");
    assert_eq!(s.article_by_slug("budget-vote").unwrap().id, a.id);
    assert_eq!(s.article_by_slug("budget-vote-final").unwrap().id, a.id);

    // A new story with the same headline must not take the old slug over: `[[budget-vote]]`
    // links written before the rename still mean the renamed story.
    let newer = create(&mut s, "Budget vote", "");
    assert_ne!(newer.slug, "budget-vote");
    assert_eq!(s.article_by_slug("budget-vote").unwrap().id, a.id);

    // Renaming back makes the slug current again, and the other one an alias.
    let back = ArticlePatch {
        slug: Some("budget-vote".into()),
        ..ArticlePatch::default()
    };
    assert_eq!(s.update_article(a.id, &back).unwrap().slug, "budget-vote");
    assert_eq!(s.article_by_slug("budget-vote-final").unwrap().id, a.id);
}

#[test]
fn the_workflow_path_to_publication_sets_the_publication_date_once() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    for (step, status) in [Status::Editing, Status::Ready, Status::Published]
        .into_iter()
        .enumerate()
    {
        advance(10);
        let patch = ArticlePatch {
            status: Some(status),
            ..ArticlePatch::default()
        };
        let b = s.update_article(a.id, &patch).unwrap();
        assert_eq!(b.status, status);
        assert_eq!(b.updated_at, now());
        let expected = (status == Status::Published).then(now);
        assert_eq!(b.published_at, expected, "after step {step}");
    }
    let first_publication = s.article(a.id).unwrap().published_at;
    // Each status change is in the history.
    assert_eq!(s.revisions(a.id).unwrap().len(), 4);

    // Sent back and published again: the first publication date stays.
    for status in [Status::Editing, Status::Ready, Status::Published] {
        advance(10);
        let patch = ArticlePatch {
            status: Some(status),
            ..ArticlePatch::default()
        };
        s.update_article(a.id, &patch).unwrap();
    }
    assert_eq!(s.article(a.id).unwrap().published_at, first_publication);
}

#[test]
fn a_skipped_workflow_step_is_refused_listing_the_allowed_ones() {
    let mut s = store();
    let a = create(&mut s, "Story", "text");
    let before = state_of(&s, a.id);
    advance(10);
    let patch = ArticlePatch {
        status: Some(Status::Published),
        headline: Some("Changed in the same patch".into()),
        ..ArticlePatch::default()
    };
    let err = s.update_article(a.id, &patch).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::InvalidTransition,
        &[
            &format!("article {}", a.id),
            "from draft to published",
            "editing or archived",
        ],
    );
    assert_eq!(
        state_of(&s, a.id),
        before,
        "no part of the patch was applied"
    );

    let archived = ArticlePatch {
        status: Some(Status::Archived),
        ..ArticlePatch::default()
    };
    s.update_article(a.id, &archived).unwrap();
    let publish = ArticlePatch {
        status: Some(Status::Published),
        ..ArticlePatch::default()
    };
    let err = s.update_article(a.id, &publish).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::InvalidTransition,
        &["from archived to published", "draft"],
    );
    assert_eq!(s.article(a.id).unwrap().status, Status::Archived);
}

#[test]
fn trashed_articles_leave_the_list_and_cannot_be_edited_until_restored() {
    let mut s = store();
    let kept = create(&mut s, "Kept", "");
    let binned = create(&mut s, "Binned", "text");
    advance(10);
    s.trash(binned.id).unwrap();
    assert_eq!(listed(&s, false), vec![kept.id]);
    assert_eq!(listed(&s, true), vec![binned.id]);
    assert_eq!(s.article_count().unwrap(), 1);
    assert_eq!(s.article(binned.id).unwrap().trashed_at, Some(now()));
    assert_eq!(s.article_by_slug("binned").unwrap().id, binned.id);

    let before = state_of(&s, binned.id);
    let patch = ArticlePatch {
        headline: Some("Edited in the bin".into()),
        ..ArticlePatch::default()
    };
    let err = s.update_article(binned.id, &patch).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Trashed,
        &[&binned.id.to_string(), "trash", "untrash"],
    );
    assert_error(
        &s.save_body(binned.id, "typed").unwrap_err(),
        newsroom::ErrorKind::Trashed,
        &["trash"],
    );
    assert_error(
        &s.trash(binned.id).unwrap_err(),
        newsroom::ErrorKind::Trashed,
        &["trash"],
    );
    assert_eq!(state_of(&s, binned.id), before);

    advance(10);
    s.untrash(binned.id).unwrap();
    assert_eq!(listed(&s, true), Vec::<i64>::new());
    assert_eq!(
        listed(&s, false),
        vec![binned.id, kept.id],
        "restored comes first"
    );
    let err = s.untrash(binned.id).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Conflict,
        &[&binned.id.to_string(), "not in the trash"],
    );
    assert_eq!(
        s.update_article(binned.id, &patch).unwrap().headline,
        "Edited in the bin"
    );
}

#[test]
fn a_duplicate_is_a_new_draft_with_the_same_text_under_a_fresh_slug() {
    let mut s = store();
    let new = NewArticle {
        dek: "Dek".into(),
        section: "World".into(),
        tags: vec!["t".into()],
        status: Some(Status::Published),
        ..draft("Original", "The body.")
    };
    let original = s.create_article(&new, RevisionCause::Import).unwrap();
    advance(5);
    let copy = s.duplicate(original.id).unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.headline, "Original (copy)");
    assert_eq!(copy.slug, "original-copy");
    assert_eq!(copy.status, Status::Draft);
    assert_eq!(copy.published_at, None);
    assert_eq!(
        (
            &copy.dek,
            &copy.section,
            &copy.tags,
            &copy.body,
            copy.word_count
        ),
        (
            &original.dek,
            &original.section,
            &original.tags,
            &original.body,
            2
        )
    );
    assert_eq!(copy.created_at, START + 5);
    assert_eq!(s.revisions(copy.id).unwrap().len(), 1);
    assert_eq!(
        s.article(original.id).unwrap(),
        original,
        "the original is untouched"
    );
    assert_eq!(s.duplicate(original.id).unwrap().slug, "original-copy-2");
}

#[test]
fn the_list_filters_by_status_and_section_and_pages_newest_first() {
    let mut s = store();
    let mut ids = Vec::new();
    for (i, (section, status)) in [
        ("World", Status::Draft),
        ("Sport", Status::Published),
        ("world", Status::Published),
        ("Sport", Status::Draft),
        ("Culture", Status::Published),
    ]
    .into_iter()
    .enumerate()
    {
        advance(10);
        let new = NewArticle {
            section: section.into(),
            status: Some(status),
            ..draft(&format!("Story {i}"), "")
        };
        ids.push(s.create_article(&new, RevisionCause::Manual).unwrap().id);
    }
    let page = |filter: ArticleFilter| -> Vec<i64> {
        s.list(&filter).unwrap().into_iter().map(|a| a.id).collect()
    };
    assert_eq!(
        page(ArticleFilter::default()),
        vec![ids[4], ids[3], ids[2], ids[1], ids[0]]
    );
    let published = ArticleFilter {
        status: Some(Status::Published),
        ..ArticleFilter::default()
    };
    assert_eq!(page(published), vec![ids[4], ids[2], ids[1]]);
    let world = ArticleFilter {
        section: Some("WORLD".into()),
        ..ArticleFilter::default()
    };
    assert_eq!(
        page(world),
        vec![ids[2], ids[0]],
        "sections match without regard to case"
    );
    let both = ArticleFilter {
        status: Some(Status::Draft),
        section: Some("Sport".into()),
        ..ArticleFilter::default()
    };
    assert_eq!(page(both), vec![ids[3]]);
    let second_page = ArticleFilter {
        limit: Some(2),
        offset: 2,
        ..ArticleFilter::default()
    };
    assert_eq!(page(second_page), vec![ids[2], ids[1]]);
    let past_the_end = ArticleFilter {
        limit: Some(2),
        offset: 10,
        ..ArticleFilter::default()
    };
    assert_eq!(page(past_the_end), Vec::<i64>::new());

    // Editing the oldest story brings it to the top.
    advance(10);
    s.save_body(ids[0], "edited").unwrap();
    assert_eq!(listed(&s, false)[0], ids[0]);
    let summary = &s.list(&ArticleFilter::default()).unwrap()[0];
    assert_eq!((summary.updated_at, summary.word_count), (now(), 1));

    assert_eq!(
        s.sections().unwrap(),
        vec!["Culture", "Sport", "World", "world"]
    );
}

#[test]
fn authors_are_created_once_and_updated_by_name() {
    let mut s = store();
    let ana = s
        .upsert_author("Ana  Ruiz", "Staff writer", "Covers Congress.")
        .unwrap();
    assert_eq!(
        (ana.name.as_str(), ana.role.as_str(), ana.bio.as_str()),
        ("Ana Ruiz", "Staff writer", "Covers Congress.")
    );
    let again = s.upsert_author("ana ruiz", "Chief editor", "").unwrap();
    assert_eq!(again.id, ana.id, "names match without regard to case");
    assert_eq!(again.role, "Chief editor");
    assert_eq!(
        again.bio, "Covers Congress.",
        "an empty bio keeps the stored one"
    );
    assert_eq!(s.author(ana.id).unwrap(), again);

    assert_error(
        &s.upsert_author("  ", "x", "y").unwrap_err(),
        newsroom::ErrorKind::Invalid,
        &["name"],
    );
    assert_error(
        &s.author(99).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["99"],
    );

    let a = create(&mut s, "Signed", "");
    let sign = ArticlePatch {
        author_id: Some(Some(ana.id)),
        ..ArticlePatch::default()
    };
    assert_eq!(
        s.update_article(a.id, &sign).unwrap().author_id,
        Some(ana.id)
    );
    let before = state_of(&s, a.id);
    let unknown = ArticlePatch {
        author_id: Some(Some(99)),
        ..ArticlePatch::default()
    };
    assert_error(
        &s.update_article(a.id, &unknown).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["99"],
    );
    assert_eq!(state_of(&s, a.id), before);
    let unsign = ArticlePatch {
        author_id: Some(None),
        ..ArticlePatch::default()
    };
    assert_eq!(s.update_article(a.id, &unsign).unwrap().author_id, None);
}

#[test]
fn settings_are_stored_and_replaced_by_key() {
    let mut s = store();
    assert_eq!(s.setting("publication").unwrap(), None);
    s.set_setting("publication", "The Daily").unwrap();
    s.set_setting("language", "es").unwrap();
    s.set_setting("publication", "The Evening").unwrap();
    assert_eq!(
        s.setting("publication").unwrap().as_deref(),
        Some("The Evening")
    );
    assert_eq!(s.setting("language").unwrap().as_deref(), Some("es"));
}

fn retitle(s: &mut newsroom::store::Store, id: i64, headline: &str) -> newsroom::model::Article {
    let patch = ArticlePatch {
        headline: Some(headline.into()),
        ..ArticlePatch::default()
    };
    s.update_article(id, &patch).unwrap()
}

#[test]
fn the_slug_follows_the_headline_until_chosen_or_published() {
    let mut s = store();
    let a = create(&mut s, "Untitled article", "");
    assert_eq!(a.slug, "untitled-article");
    let a = retitle(&mut s, a.id, "Floods hit the valley");
    assert_eq!(a.slug, "floods-hit-the-valley");
    assert_eq!(s.article_by_slug("untitled-article").unwrap().id, a.id);

    // A numbered slug still counts as derived; the new one is numbered only if taken.
    create(&mut s, "Harvest starts early", "");
    let twin = create(&mut s, "Floods hit the valley", "");
    assert_eq!(twin.slug, "floods-hit-the-valley-2");
    let twin = retitle(&mut s, twin.id, "Harvest starts early");
    assert_eq!(twin.slug, "harvest-starts-early-2");

    // Chosen by hand: kept.
    let chosen = s
        .update_article(
            a.id,
            &ArticlePatch {
                slug: Some("valley-floods".into()),
                ..ArticlePatch::default()
            },
        )
        .unwrap();
    assert_eq!(
        retitle(&mut s, chosen.id, "Floods recede").slug,
        "valley-floods"
    );

    // Published: its address is public, so it stays.
    let mut p = create(&mut s, "Storm warning", "");
    for status in [Status::Editing, Status::Ready, Status::Published] {
        p = s
            .update_article(
                p.id,
                &ArticlePatch {
                    status: Some(status),
                    ..ArticlePatch::default()
                },
            )
            .unwrap();
    }
    assert_eq!(retitle(&mut s, p.id, "Storm passes").slug, "storm-warning");
}
