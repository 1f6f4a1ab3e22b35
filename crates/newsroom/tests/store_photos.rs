//! Photos: the library of images, files that arrive later, and their uses in articles.

#[allow(dead_code)]
mod common;

use common::{assert_error, create, photo_file, state_of, store};
use newsroom::model::PhotoRole;
use newsroom::store::{PhotoPatch, PhotoText, Store};

fn text(caption: &str) -> PhotoText {
    PhotoText {
        caption: caption.into(),
        credit: "Staff".into(),
        alt: String::new(),
    }
}

fn roles(s: &Store, article: i64) -> Vec<(i64, PhotoRole, u32)> {
    s.photo_uses(article)
        .unwrap()
        .into_iter()
        .map(|u| (u.photo.id, u.role, u.position))
        .collect()
}

#[test]
fn a_photo_is_added_with_its_file_or_awaiting_it() {
    let mut s = store();
    let file = photo_file("harbour");
    let (with_file, new) = s
        .add_photo(Some(&file), &text(" Harbour\nat dawn "))
        .unwrap();
    assert!(new);
    assert_eq!(with_file.caption, "Harbour at dawn");
    assert_eq!(with_file.file.as_ref(), Some(&file));
    assert_eq!(s.photo(with_file.id).unwrap(), with_file);

    let (awaiting, new) = s.add_photo(None, &text("Named in an import")).unwrap();
    assert!(new);
    assert_eq!(awaiting.file, None);
    let (second_awaiting, _) = s.add_photo(None, &text("Another")).unwrap();
    assert_ne!(
        second_awaiting.id, awaiting.id,
        "awaiting photos never merge"
    );

    assert_error(
        &s.photo(99).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["photo", "99"],
    );
}

#[test]
fn the_same_image_twice_is_one_photo_whose_empty_words_are_filled_in() {
    let mut s = store();
    let empty = PhotoText::default();
    let (first, _) = s.add_photo(Some(&photo_file("same")), &empty).unwrap();
    let again = PhotoText {
        caption: "Now captioned".into(),
        credit: "AP".into(),
        alt: "alt".into(),
    };
    let (second, new) = s.add_photo(Some(&photo_file("same")), &again).unwrap();
    assert!(!new);
    assert_eq!(second.id, first.id);
    assert_eq!(
        (second.caption.as_str(), second.credit.as_str()),
        ("Now captioned", "AP")
    );
    let (third, _) = s
        .add_photo(Some(&photo_file("same")), &text("Ignored"))
        .unwrap();
    assert_eq!(
        third.caption, "Now captioned",
        "a caption already there is kept"
    );
    assert_eq!(s.photos(None, false).unwrap().len(), 1);
}

#[test]
fn a_second_featured_photo_demotes_the_first_to_inline() {
    let mut s = store();
    let a = create(&mut s, "Story", "");
    let (p1, _) = s.add_photo(Some(&photo_file("1")), &text("one")).unwrap();
    let (p2, _) = s.add_photo(Some(&photo_file("2")), &text("two")).unwrap();
    let (p3, _) = s.add_photo(None, &text("three")).unwrap();

    s.attach_photo(a.id, p1.id, PhotoRole::Featured, None)
        .unwrap();
    assert_eq!(s.article(a.id).unwrap().featured_photo, Some(p1.id));
    s.attach_photo(a.id, p3.id, PhotoRole::Inline, None)
        .unwrap();
    let use2 = s
        .attach_photo(a.id, p2.id, PhotoRole::Featured, None)
        .unwrap();
    assert_eq!((use2.role, use2.position), (PhotoRole::Featured, 3));
    assert_eq!(s.article(a.id).unwrap().featured_photo, Some(p2.id));
    assert_eq!(
        roles(&s, a.id),
        vec![
            (p2.id, PhotoRole::Featured, 3),
            (p1.id, PhotoRole::Inline, 1),
            (p3.id, PhotoRole::Inline, 2),
        ],
        "featured first, then in the order attached"
    );
    let summary = &s.list(&Default::default()).unwrap()[0];
    assert_eq!(summary.featured_photo, Some(p2.id));

    // Attaching again changes the role, not the position.
    s.attach_photo(a.id, p1.id, PhotoRole::Featured, None)
        .unwrap();
    assert_eq!(
        roles(&s, a.id),
        vec![
            (p1.id, PhotoRole::Featured, 1),
            (p3.id, PhotoRole::Inline, 2),
            (p2.id, PhotoRole::Inline, 3),
        ]
    );
}

#[test]
fn a_caption_override_applies_to_one_article_only() {
    let mut s = store();
    let a = create(&mut s, "A", "");
    let b = create(&mut s, "B", "");
    let (p, _) = s
        .add_photo(Some(&photo_file("p")), &text("Library caption"))
        .unwrap();
    let use_a = s
        .attach_photo(a.id, p.id, PhotoRole::Inline, Some("Caption for A"))
        .unwrap();
    let use_b = s.attach_photo(b.id, p.id, PhotoRole::Inline, None).unwrap();
    assert_eq!(use_a.caption(), "Caption for A");
    assert_eq!(use_b.caption(), "Library caption");
    assert_eq!(
        s.attach_photo(b.id, p.id, PhotoRole::Inline, Some("Library caption"))
            .unwrap()
            .caption_override,
        None,
        "an override equal to the caption is no override"
    );

    let cleared = s.set_caption_override(a.id, p.id, None).unwrap();
    assert_eq!(cleared.caption(), "Library caption");
    let set = s.set_caption_override(a.id, p.id, Some(" Again ")).unwrap();
    assert_eq!(set.caption_override.as_deref(), Some("Again"));

    let patch = PhotoPatch {
        caption: Some("Changed everywhere".into()),
        ..PhotoPatch::default()
    };
    s.update_photo(p.id, &patch).unwrap();
    assert_eq!(
        s.photo_uses(b.id).unwrap()[0].caption(),
        "Changed everywhere"
    );
    assert_eq!(s.photo_uses(a.id).unwrap()[0].caption(), "Again");

    let other = create(&mut s, "C", "");
    let err = s
        .set_caption_override(other.id, p.id, Some("x"))
        .unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::NotFound,
        &[&format!(
            "photo {} is not attached to article {}",
            p.id, other.id
        )],
    );
}

#[test]
fn photo_usage_lists_the_articles_and_blocks_trashing() {
    let mut s = store();
    let a = create(&mut s, "Uses it", "");
    let b = create(&mut s, "Also uses it", "");
    let (p, _) = s.add_photo(Some(&photo_file("p")), &text("cap")).unwrap();
    s.attach_photo(a.id, p.id, PhotoRole::Featured, None)
        .unwrap();
    s.attach_photo(b.id, p.id, PhotoRole::Inline, None).unwrap();
    let mut users: Vec<_> = s
        .photo_usage(p.id)
        .unwrap()
        .into_iter()
        .map(|a| a.id)
        .collect();
    users.sort();
    assert_eq!(users, vec![a.id, b.id]);

    let err = s.trash_photo(p.id).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::PhotoInUse,
        &[
            &format!("photo {}", p.id),
            "“Uses it”",
            "“Also uses it”",
            "detach",
        ],
    );
    assert_eq!(s.photo(p.id).unwrap().trashed_at, None);
    assert_eq!(state_of(&s, a.id).0.featured_photo, Some(p.id));

    s.detach_photo(a.id, p.id).unwrap();
    s.detach_photo(b.id, p.id).unwrap();
    assert_eq!(s.article(a.id).unwrap().featured_photo, None);
    assert!(s.photo_usage(p.id).unwrap().is_empty());
    s.trash_photo(p.id).unwrap();
    assert!(s.photo(p.id).unwrap().trashed_at.is_some());
    assert_eq!(s.photos(None, true).unwrap().len(), 1);
    assert!(s.photos(None, false).unwrap().is_empty());
    s.untrash_photo(p.id).unwrap();
    assert_eq!(s.photos(None, false).unwrap().len(), 1);

    let err = s.detach_photo(a.id, p.id).unwrap_err();
    assert_error(&err, newsroom::ErrorKind::NotFound, &["not attached"]);
    assert_error(
        &s.trash_photo(42).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
    assert_error(
        &s.photo_usage(42).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
}

#[test]
fn photos_cannot_be_attached_to_missing_or_trashed_articles() {
    let mut s = store();
    let a = create(&mut s, "Story", "");
    let (p, _) = s.add_photo(None, &text("cap")).unwrap();
    assert_error(
        &s.attach_photo(a.id, 42, PhotoRole::Inline, None)
            .unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["photo", "42"],
    );
    assert_error(
        &s.attach_photo(42, p.id, PhotoRole::Inline, None)
            .unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["article", "42"],
    );
    s.trash(a.id).unwrap();
    let err = s
        .attach_photo(a.id, p.id, PhotoRole::Inline, None)
        .unwrap_err();
    assert_error(&err, newsroom::ErrorKind::Trashed, &["trash"]);
    assert!(s.photo_uses(a.id).unwrap().is_empty());
}

#[test]
fn an_awaiting_photo_gets_its_file_unless_another_photo_has_it() {
    let mut s = store();
    let (awaiting, _) = s.add_photo(None, &text("From the import")).unwrap();
    let file = photo_file("arrived");
    let done = s.set_photo_file(awaiting.id, &file).unwrap();
    assert_eq!(done.file.as_ref(), Some(&file));
    assert_eq!(done.caption, "From the import");
    // Setting the same file again is harmless.
    assert_eq!(s.set_photo_file(awaiting.id, &file).unwrap(), done);

    let (other, _) = s.add_photo(None, &text("Other")).unwrap();
    let err = s.set_photo_file(other.id, &file).unwrap_err();
    assert_error(
        &err,
        newsroom::ErrorKind::Conflict,
        &[&format!("photo {}", awaiting.id)],
    );
    assert_eq!(s.photo(other.id).unwrap().file, None);
    assert_error(
        &s.set_photo_file(42, &file).unwrap_err(),
        newsroom::ErrorKind::NotFound,
        &["42"],
    );
}

#[test]
fn the_photo_list_filters_by_words() {
    let mut s = store();
    s.add_photo(Some(&photo_file("a")), &text("Harbour at dawn"))
        .unwrap();
    let credited = PhotoText {
        caption: "Crowd".into(),
        credit: "POOL (Reuters)".into(),
        alt: String::new(),
    };
    s.add_photo(None, &credited).unwrap();
    let captions = |q: &str| -> Vec<String> {
        s.photos(Some(q), false)
            .unwrap()
            .into_iter()
            .map(|p| p.caption)
            .collect()
    };
    assert_eq!(captions("harbour"), vec!["Harbour at dawn"]);
    assert_eq!(captions("reuters"), vec!["Crowd"]);
    assert_eq!(captions("a.jpg"), vec!["Harbour at dawn"], "by file name");
    assert_eq!(captions("%").len(), 2, "wildcards are ordinary characters");
    assert!(captions("nothing").is_empty());
}

#[test]
fn a_duplicated_article_uses_the_same_photos() {
    let mut s = store();
    let a = create(&mut s, "Original", "");
    let (p, _) = s.add_photo(Some(&photo_file("p")), &text("Ibis")).unwrap();
    s.attach_photo(a.id, p.id, PhotoRole::Featured, Some("Override"))
        .unwrap();
    let copy = s.duplicate(a.id).unwrap();
    assert_eq!(copy.featured_photo, Some(p.id));
    assert_eq!(s.photo_uses(copy.id).unwrap()[0].caption(), "Override");
    assert_eq!(s.photo_usage(p.id).unwrap().len(), 2);
    let hits = s.search("override", 10).unwrap();
    assert_eq!(hits.len(), 2, "the copy is searchable by its captions too");
}
