//! Files that appear: new articles, our own interrupted writes, photos in the inbox.

use super::{fixture, messages};
use crate::model::{ArticlePatch, PhotoRole, RelatedTarget, Status};

#[test]
fn a_new_markdown_file_becomes_an_article_and_its_file_is_left_as_written() {
    let mut fx = fixture();
    let path = fx.ws.root().join("sports").join("match.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "---\nheadline: Late winner\nsection: Sports\ntags: [football]\nstatus: editing\n---\nIn the 90th minute.\n";
    std::fs::write(&path, text).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    let id = report.created[0];
    let article = fx.lib.store().article(id).unwrap();
    assert_eq!(article.headline, "Late winner");
    assert_eq!(article.status, Status::Editing);
    assert_eq!(article.tags, vec!["football".to_string()]);
    assert_eq!(fx.read(&path), text);
    assert_eq!(fx.file_of(id), path);
    assert!(fx.mirror().is_empty());
    // The next change in the app writes the file in full, at the article's own path.
    fx.lib.store_mut().save_body(id, "Extra time.\n").unwrap();
    let report = fx.mirror();
    assert_eq!(report.removed_files, vec![path]);
    assert!(fx.file_of(id).ends_with("sports/late-winner.md"));
}

#[test]
fn plain_markdown_without_front_matter_is_read_like_an_import() {
    let mut fx = fixture();
    let path = fx.ws.root().join("note.md");
    std::fs::write(&path, "# A quick note\n\nSome text.\n").unwrap();
    let report = fx.ingest(&[path]);
    assert_eq!(report.created.len(), 1, "{report:?}");
    let article = fx.lib.store().article(report.created[0]).unwrap();
    assert_eq!(article.headline, "A quick note");
}

#[test]
fn files_made_while_the_app_was_closed_are_found_by_reconcile() {
    let mut fx = fixture();
    let article = fx.article("Existing", "", "Old\n");
    let path = fx.file_of(article.id);
    std::fs::write(&path, fx.read(&path).replace("Old", "Edited offline")).unwrap();
    std::fs::write(fx.ws.root().join("fresh.md"), "---\nheadline: Fresh\n---\n").unwrap();
    std::fs::write(
        fx.ws.root().join(".hidden.md"),
        "---\nheadline: Hidden\n---\n",
    )
    .unwrap();
    let report = fx.reconcile();
    assert_eq!(report.changed, vec![article.id]);
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(fx.body(article.id), "Edited offline\n");
    assert!(fx.reconcile().is_empty());
}

#[test]
fn reconcile_repairs_a_crash_between_writing_a_file_and_recording_it() {
    let mut fx = fixture();
    let article = fx.article("Crash", "World", "Before\n");
    let path = fx.file_of(article.id);
    fx.lib.store_mut().save_body(article.id, "After\n").unwrap();
    // The write reached the disk; the state update did not.
    std::fs::write(&path, fx.rendered(article.id)).unwrap();
    let report = fx.reconcile();
    assert!(
        report.conflicts.is_empty() && report.changed.is_empty(),
        "{report:?}"
    );
    let state = fx.lib.store().workspace_file(article.id).unwrap().unwrap();
    assert_eq!(state.file_hash, state.db_hash);
    assert!(fx.mirror().is_empty());
}

#[test]
fn reconcile_finishes_a_move_interrupted_by_a_crash() {
    let mut fx = fixture();
    let article = fx.article("Crash move", "World", "Text\n");
    let old = fx.file_of(article.id);
    let patch = ArticlePatch {
        section: Some("Sports".into()),
        ..ArticlePatch::default()
    };
    fx.lib
        .store_mut()
        .update_article(article.id, &patch)
        .unwrap();
    let new = fx.ws.root().join("sports").join("crash-move.md");
    std::fs::create_dir_all(new.parent().unwrap()).unwrap();
    std::fs::write(&new, fx.rendered(article.id)).unwrap();
    let report = fx.reconcile();
    assert!(
        report.created.is_empty() && report.conflicts.is_empty(),
        "{report:?}"
    );
    assert_eq!(report.removed_files, vec![old.clone()]);
    assert!(!old.exists());
    assert_eq!(fx.file_of(article.id), new);
}

#[test]
fn images_in_the_inbox_join_the_library_and_other_files_stay() {
    let mut fx = fixture();
    let image = fx.ws.inbox().join("harbour.png");
    std::fs::write(&image, tiny_png()).unwrap();
    let note = fx.ws.inbox().join("readme.txt");
    std::fs::write(&note, "not a photo").unwrap();
    let report = fx.ingest(&[image.clone(), note.clone()]);
    assert_eq!(report.photos_added.len(), 1, "{report:?}");
    assert!(!image.exists());
    assert!(fx.ws.inbox().join("imported").join("harbour.png").exists());
    assert!(note.exists());
    assert!(
        messages(&report).contains("did not join the photo library"),
        "{report:?}"
    );
    // The same image again is the same photo, and moves aside under a free name.
    std::fs::write(&image, tiny_png()).unwrap();
    let report = fx.ingest(std::slice::from_ref(&image));
    assert!(
        report.photos_added.is_empty() && report.problems.is_empty(),
        "{report:?}"
    );
    assert!(
        fx.ws
            .inbox()
            .join("imported")
            .join("harbour-2.png")
            .exists()
    );
}

#[test]
fn only_our_paths_are_ours() {
    let fx = fixture();
    let root = fx.ws.root();
    assert!(fx.ws.is_ours(&root.join("world/a.md")));
    assert!(fx.ws.is_ours(&root.join("inbox/a.jpg")));
    assert!(!fx.ws.is_ours(&root.join("inbox/imported/a.jpg")));
    assert!(!fx.ws.is_ours(&root.join("world/.#a.md")));
    assert!(!fx.ws.is_ours(&root.join("world/a.md~")));
    assert!(!fx.ws.is_ours(&root.join("world/.newsroom-abc.tmp")));
    assert!(!fx.ws.is_ours(std::path::Path::new("/elsewhere/a.md")));
}

pub(super) fn tiny_png() -> Vec<u8> {
    use image::{DynamicImage, ImageFormat, Rgba, RgbaImage};
    let image = RgbaImage::from_fn(4, 3, |x, y| Rgba([x as u8 * 40, y as u8 * 60, 90, 255]));
    let mut out = std::io::Cursor::new(Vec::new());
    DynamicImage::ImageRgba8(image)
        .write_to(&mut out, ImageFormat::Png)
        .unwrap();
    out.into_inner()
}

/// Other tools' Markdown dropped into the workspace becomes articles with their fields: a Hugo
/// page (YAML and TOML), a Jekyll post and an Obsidian note, the section from the folder when
/// the file names none.
#[test]
fn hugo_jekyll_and_obsidian_files_become_articles_with_their_fields() {
    let mut fx = fixture();
    let drop = |fx: &mut super::Fixture, rel: &str, text: &str| {
        let path = fx.ws.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
        let report = fx.ingest(std::slice::from_ref(&path));
        assert_eq!(report.created.len(), 1, "{rel}: {report:?}");
        fx.lib.store().article(report.created[0]).unwrap()
    };
    let hugo = drop(
        &mut fx,
        "politics/council-budget.md",
        "---\ntitle: \"Council approves budget\"\ndescription: \"The vote was seven to two.\"\ndate: 2026-11-30T09:00:00+01:00\nlastmod: 2026-12-01\ndraft: false\ncategories: [\"Politics\"]\ntags: [\"council\", \"budget\"]\nauthor: \"Ana Ruiz\"\nslug: council-budget\naliases: [\"/old/council\"]\n---\nThe council met on Monday.\n",
    );
    assert_eq!(hugo.headline, "Council approves budget");
    assert_eq!(hugo.dek, "The vote was seven to two.");
    assert_eq!(hugo.section, "Politics");
    assert_eq!(hugo.tags, vec!["council", "budget"]);
    assert_eq!(hugo.byline, "Ana Ruiz");
    assert_eq!(hugo.slug, "council-budget");
    assert_eq!(hugo.body, "The council met on Monday.\n");
    // Hugo's own fields no article field takes are kept for the file, in its order.
    assert_eq!(
        fx.lib.store().extra_fields(hugo.id).unwrap(),
        "lastmod: 2026-12-01\naliases:\n- /old/council\n"
    );

    let toml = drop(
        &mut fx,
        "politics/toml-page.md",
        "+++\ntitle = \"Mayor resigns\"\nsummary = \"After ten years.\"\ntags = [\"mayor\"]\nweight = 2\n+++\nShe said goodbye.\n",
    );
    assert_eq!(toml.headline, "Mayor resigns");
    assert_eq!(
        fx.lib.store().extra_fields(toml.id).unwrap(),
        "weight: 2\n",
        "a TOML page's own fields are kept too, as YAML"
    );
    assert_eq!(toml.dek, "After ten years.");
    assert_eq!(
        toml.section, "Politics",
        "the section the library already has"
    );

    let jekyll = drop(
        &mut fx,
        "world/2026-11-30-harbour-reopens.md",
        "---\nlayout: post\ntitle: Harbour reopens\nauthor: Tom Berg\ncategories: world\n---\nShips are back.\n",
    );
    assert_eq!(jekyll.headline, "Harbour reopens");
    assert_eq!(jekyll.byline, "Tom Berg");
    assert_eq!(jekyll.section.to_lowercase(), "world");

    let obsidian = drop(
        &mut fx,
        "economy/ferry-prices.md",
        "---\ntags: [ferry, prices]\naliases: [Ferries]\n---\n# Ferry prices rise\n\nTickets cost more from [[January]].\n",
    );
    assert_eq!(obsidian.headline, "Ferry prices rise");
    assert_eq!(obsidian.tags, vec!["ferry", "prices"]);
    assert_eq!(obsidian.section, "Economy", "from the folder");

    // When the app writes the Hugo page again, those fields are still there.
    fx.lib
        .store_mut()
        .save_body(hugo.id, "The council met on Monday night.\n")
        .unwrap();
    assert!(fx.mirror().written.contains(&hugo.id));
    let rewritten = fx.read(&fx.file_of(hugo.id));
    assert!(
        rewritten.contains("\nlastmod: 2026-12-01\naliases:\n- /old/council\n---\n"),
        "{rewritten}"
    );
}

/// A file another desk's library wrote (through git or a sync service) names its article by
/// uid: this library's new article takes the same uid and creation time, so both desks write
/// the same front matter and a later move or edit finds the same article on each.
#[test]
fn another_desks_file_keeps_its_uid_and_creation_time() {
    let mut fx = fixture();
    let path = fx.ws.root().join("world").join("flood.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let text = "---\nuid: 0f1e2d3c4b5a69788796a5b4c3d2e1f0\nslug: flood\nheadline: Flood\ndek: ''\nbyline: ''\nsection: World\ntags: []\nstatus: draft\ndateline: ''\ncreated: 2026-03-01T09:30:00Z\n---\nWater rose.\n";
    std::fs::write(&path, text).unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert!(report.problems.is_empty(), "{}", messages(&report));
    let article = fx.lib.store().article(report.created[0]).unwrap();
    assert_eq!(article.uid, "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    assert_eq!(article.created_at, 1_772_357_400);
    assert_eq!(
        fx.rendered(article.id),
        text,
        "this desk writes what it read"
    );
    assert!(fx.mirror().is_empty());
}

/// A copy of an article's file (the original still in place) is a new article, with a uid of
/// its own, so the two never claim each other's file.
#[test]
fn a_copy_of_an_articles_file_becomes_a_new_article_with_its_own_uid() {
    let mut fx = fixture();
    let original = fx.article("Harbour", "", "Boats.\n");
    let its_file = fx.file_of(original.id);
    let copy = fx.ws.root().join("unfiled").join("harbour-copy.md");
    std::fs::copy(&its_file, &copy).unwrap();
    let report = fx.ingest(std::slice::from_ref(&copy));
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert!(
        messages(&report).contains("a copy"),
        "{}",
        messages(&report)
    );
    let made = fx.lib.store().article(report.created[0]).unwrap();
    assert_ne!(made.uid, original.uid);
    assert_eq!(made.uid.len(), 32);
    assert_eq!(fx.file_of(original.id), its_file);
    assert_eq!(fx.file_of(made.id), copy);
    assert_eq!(fx.body(original.id), "Boats.\n");
}

/// Related articles are named by uid in files, so another desk's file links to the article
/// this library knows by that uid, whatever its id here; a uid it does not know is left out
/// with a sentence.
#[test]
fn related_articles_are_named_by_uid() {
    let mut fx = fixture();
    let budget = fx.article("Budget", "", "Numbers.\n");
    let vote = fx.article("Vote", "", "Ayes.\n");
    let written = fx.read(&fx.file_of(vote.id));
    fx.lib
        .store_mut()
        .add_related(vote.id, &RelatedTarget::Article { id: budget.id }, "")
        .unwrap();
    fx.mirror();
    let text = fx.read(&fx.file_of(vote.id));
    assert!(
        text.contains(&format!("related:\n- article: {}\n", budget.uid)),
        "{text}"
    );
    assert_ne!(text, written);

    let path = fx.ws.root().join("unfiled").join("from-desk-b.md");
    std::fs::write(
        &path,
        format!(
            "---\nuid: b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nheadline: From desk B\nrelated:\n- article: {}\n- article: ffffffffffffffffffffffffffffffff\n---\nText.\n",
            budget.uid
        ),
    )
    .unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    let links = fx.lib.store().related(report.created[0]).unwrap();
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].target, RelatedTarget::Article { id: budget.id });
    assert!(
        messages(&report).contains(
            "there is no article with uid ffffffffffffffffffffffffffffffff in the library"
        ),
        "{}",
        messages(&report)
    );
}

/// Photo ids are each library's own: a file names its photos by their file's hash too, and
/// this library attaches the photo with that hash, never its own photo that happens to have
/// the id; a hash it does not have is left out with a sentence.
#[test]
fn photos_in_another_desks_file_are_found_by_hash_not_by_id() {
    let mut fx = fixture();
    let mut import = |name: &str, bytes: Vec<u8>| {
        let path = fx.ws.root().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (photo, _) = fx.lib.import_photo(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        photo
    };
    let mut other = tiny_png();
    other.extend_from_slice(b"trailing bytes make another file");
    let first = import("first.png", tiny_png());
    let second = import("second.png", other);
    let second_hash = second.file.as_ref().unwrap().hash.clone();
    let path = fx.ws.root().join("unfiled").join("harbour.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let unknown = "0".repeat(64);
    std::fs::write(
        &path,
        format!(
            "---\nheadline: Harbour\nfeatured_photo: {}\nphotos:\n- id: {}\n  hash: {second_hash}\n  role: featured\n- id: {}\n  hash: {unknown}\n---\nText.\n",
            first.id, first.id, second.id
        ),
    )
    .unwrap();
    let report = fx.ingest(std::slice::from_ref(&path));
    assert_eq!(report.created.len(), 1, "{report:?}");
    let uses = fx.lib.store().photo_uses(report.created[0]).unwrap();
    let attached: Vec<_> = uses.iter().map(|u| (u.photo.id, u.role)).collect();
    assert_eq!(attached, vec![(second.id, PhotoRole::Featured)]);
    assert!(
        messages(&report).contains(&format!(
            "there is no photo with the file {unknown} in the library"
        )),
        "{}",
        messages(&report)
    );
}

/// The author is named by name in files (unique in a library, the same on every desk; ids
/// are not): this library signs the article with its author of that name, ignoring case, and
/// writes the name back; a name it does not know leaves the author unset, with a sentence.
#[test]
fn the_author_is_named_by_name() {
    let mut fx = fixture();
    fx.lib
        .store_mut()
        .upsert_author("Somebody Else", "", "")
        .unwrap();
    let ana = fx
        .lib
        .store_mut()
        .upsert_author("Ana Ruiz", "", "")
        .unwrap();
    let path = fx.ws.root().join("unfiled").join("signed.md");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "---\nheadline: Signed\nauthor: ana ruiz\n---\nText.\n",
    )
    .unwrap();
    let unknown = fx.ws.root().join("unfiled").join("unsigned.md");
    std::fs::write(
        &unknown,
        "---\nheadline: Unsigned\nauthor: Nobody Here\n---\nText.\n",
    )
    .unwrap();
    let report = fx.ingest(&[path, unknown]);
    assert_eq!(report.created.len(), 2, "{report:?}");
    let signed = fx.lib.store().article(report.created[0]).unwrap();
    let unsigned = fx.lib.store().article(report.created[1]).unwrap();
    assert_eq!(signed.author_id, Some(ana.id));
    assert_eq!(unsigned.author_id, None);
    assert!(
        messages(&report).contains("there is no author named “Nobody Here” in the library"),
        "{}",
        messages(&report)
    );
    assert!(fx.rendered(signed.id).contains("\nauthor: Ana Ruiz\n"));
}
