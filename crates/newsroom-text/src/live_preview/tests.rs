use super::*;
use crate::render::{self, Standalone, Target};

/// A story with every kind of block whose render reaches past its own lines: a list whose items
/// share a blank line, a fence that swallows what follows while open, footnotes written at the end.
const STORY: &str = "# Bridge reopens\n\nThe **bridge** reopened on Monday.[^1]\n\n> Cars crossed\n> at dawn.\n\n- one\n\n- two\n  still two\n\n```\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n---\n\nLast line é😀.\n\n[^1]: Said the city.\n";

fn render_preview(text: &str) -> String {
    render::render(text, Target::Preview, &Standalone).html
}

fn edit(from: u32, to: u32, insert: &str) -> TextEdit {
    TextEdit {
        from,
        to,
        insert: insert.to_owned(),
    }
}

/// What a page shows after `patch`, done as the UI does it.
fn patched(page: &[String], patch: &PreviewPatch) -> Vec<String> {
    if patch.whole {
        return patch.blocks.clone();
    }
    let (start, removed) = (patch.start as usize, patch.removed as usize);
    let mut page = page.to_vec();
    page.splice(start..start + removed, patch.blocks.iter().cloned());
    for block in &mut page[start + patch.blocks.len()..] {
        *block = markup::shift_lines(block, patch.line_shift.into()).unwrap();
    }
    assert_eq!(page.len(), patch.total as usize);
    page
}

fn blocks_of(text: &str) -> Vec<String> {
    markup::split_blocks(&render_preview(text)).unwrap()
}

fn utf16_len(text: &str) -> u32 {
    text.encode_utf16().count() as u32
}

#[test]
fn every_patch_brings_the_page_to_the_render_of_the_new_text() {
    let mut live = LivePreview::default();
    let mut text = STORY.to_owned();
    let mut page = blocks_of(&text);
    let first = live
        .apply(
            &PreviewChange {
                base: PreviewBase::Text(text.clone()),
                edit: edit(0, 0, ""),
            },
            render_preview,
        )
        .unwrap();
    assert!(
        !first.whole && first.blocks.is_empty() && first.removed == 0,
        "{first:?}"
    );
    // A fixed pseudo-random walk of typing, deleting, new lines and pasted blocks.
    let inserts = [
        "x",
        " ",
        "\n",
        "\n\n",
        "é",
        "😀",
        "```\n",
        "> ",
        "- ",
        "# ",
        "[^1]",
        "\n\nNew paragraph.\n\n",
        "|",
    ];
    let mut seed: u64 = 0x5eed;
    let mut next = |below: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % below.max(1)
    };
    // The walk must exercise the cases that matter, not only whole redraws.
    let (mut moved_tails, mut small) = (0, 0);
    for round in 0..600 {
        let units: Vec<u16> = text.encode_utf16().collect();
        let on_char = |mut at: usize| {
            while at > 0 && at < units.len() && (0xDC00..0xE000).contains(&units[at]) {
                at -= 1;
            }
            at as u32
        };
        let from = on_char(next(units.len() as u64 + 1) as usize);
        let to = if next(3) == 0 {
            on_char((from as usize + next(12) as usize).min(units.len()))
        } else {
            from
        };
        let insert = if next(4) == 0 && to > from {
            ""
        } else {
            inserts[next(inserts.len() as u64) as usize]
        };
        let change = PreviewChange {
            base: PreviewBase::Version(live.version),
            edit: edit(from, to.max(from), insert),
        };
        let patch = live.apply(&change, render_preview).unwrap();
        text = change.edit.apply(&text).unwrap().0;
        page = patched(&page, &patch);
        assert_eq!(page, blocks_of(&text), "round {round}: {change:?}");
        moved_tails += usize::from(
            patch.line_shift != 0 && (patch.start as usize + patch.blocks.len()) < page.len(),
        );
        small += usize::from(!patch.whole && patch.blocks.len() <= 2);
    }
    assert!(
        moved_tails > 50 && small > 300,
        "moved tails {moved_tails}, small patches {small}"
    );
}

/// A preview of `text`, as the page has it when an article opens.
fn opened(text: &str) -> LivePreview {
    let mut live = LivePreview::default();
    live.start(text, render_preview(text));
    live
}

#[test]
fn an_opened_article_is_drawn_whole_and_its_version_takes_the_first_edit() {
    let mut live = LivePreview::default();
    live.start("Another story", render_preview("Another story"));
    let drawn = live.start(STORY, render_preview(STORY));
    assert_eq!(
        (drawn.whole, drawn.start, drawn.removed, drawn.line_shift),
        (true, 0, 0, 0)
    );
    assert_eq!(drawn.blocks, blocks_of(STORY));
    assert_eq!(drawn.total as usize, drawn.blocks.len());
    assert_eq!(drawn.version, 2);

    let at = utf16_len("# Bridge reopens");
    let change = PreviewChange {
        base: PreviewBase::Version(drawn.version),
        edit: edit(at, at, "!"),
    };
    let rendered = std::cell::Cell::new(0);
    let patch = live
        .apply(&change, |text| {
            rendered.set(rendered.get() + 1);
            render_preview(text)
        })
        .unwrap();
    assert_eq!(rendered.get(), 1, "only the edited text is rendered");
    assert_eq!(
        patched(&drawn.blocks, &patch),
        blocks_of(&STORY.replacen("reopens", "reopens!", 1))
    );

    let loose = live.start("a", "loose <b>text</b>".to_owned());
    assert_eq!(
        (loose.whole, loose.blocks, loose.total),
        (true, vec!["loose <b>text</b>".to_owned()], 1)
    );
}

/// `edit` made to the version the preview is at.
fn typed(live: &mut LivePreview, edit: TextEdit) -> Result<PreviewPatch, PreviewError> {
    let base = PreviewBase::Version(live.version);
    live.apply(&PreviewChange { base, edit }, render_preview)
}

#[test]
fn a_keystroke_in_a_paragraph_sends_that_paragraph_only() {
    let mut live = opened(STORY);
    let at = utf16_len("# Bridge reopens\n\nThe **bridge** reopened");
    let patch = typed(&mut live, edit(at, at, " fully")).unwrap();
    assert_eq!(
        (patch.start, patch.removed, patch.line_shift, patch.whole),
        (1, 1, 0, false)
    );
    assert_eq!(patch.blocks.len(), 1);
    assert!(
        patch.blocks[0].contains("reopened fully on Monday"),
        "{}",
        patch.blocks[0]
    );
}

#[test]
fn a_new_line_above_moves_the_blocks_below_without_sending_them() {
    let mut live = opened(STORY);
    let at = utf16_len("# Bridge reopens\n");
    let patch = typed(&mut live, edit(at, at, "\nA new paragraph.\n")).unwrap();
    assert_eq!((patch.start, patch.removed, patch.line_shift), (1, 0, 2));
    assert_eq!(
        patch.blocks,
        ["<p data-sourcepos=\"3:1-3:16\">A new paragraph.</p>"]
    );
    assert_eq!(patch.total as usize, blocks_of(STORY).len() + 1);
}

#[test]
fn a_stale_version_or_an_edit_that_does_not_fit_changes_nothing() {
    let mut live = opened("Hello");
    let version = live.version;
    for change in [
        PreviewChange {
            base: PreviewBase::Version(version + 1),
            edit: edit(0, 0, "x"),
        },
        PreviewChange {
            base: PreviewBase::Version(version - 1),
            edit: edit(0, 0, "x"),
        },
        PreviewChange {
            base: PreviewBase::Version(version),
            edit: edit(9, 9, "x"),
        },
    ] {
        assert_eq!(
            live.apply(&change, render_preview),
            Err(PreviewError::OutOfStep),
            "{change:?}"
        );
    }
    let patch = typed(&mut live, edit(0, 0, "Oh. ")).unwrap();
    assert_eq!(
        patch.blocks,
        ["<p data-sourcepos=\"1:1-1:9\">Oh. Hello</p>"]
    );
    assert_eq!(patch.version, version + 1);
}

#[test]
fn html_that_does_not_split_into_blocks_is_sent_whole_until_it_does() {
    let render = |text: &str| {
        if text.contains('!') {
            "loose <b>text</b>".to_owned()
        } else {
            format!("<p>{text}</p>")
        }
    };
    let mut live = LivePreview::default();
    let mut typed = |base: PreviewBase, edit: TextEdit| {
        live.apply(&PreviewChange { base, edit }, render).unwrap()
    };
    let loose = typed(PreviewBase::Text("a".to_owned()), edit(1, 1, "!"));
    assert_eq!(
        (loose.whole, loose.blocks, loose.total),
        (true, vec!["loose <b>text</b>".to_owned()], 1)
    );
    let back = typed(PreviewBase::Version(loose.version), edit(1, 2, "b"));
    assert_eq!(
        (back.whole, back.blocks),
        (true, vec!["<p>ab</p>".to_owned()])
    );
    let patch = typed(PreviewBase::Version(back.version), edit(2, 2, "c"));
    assert_eq!(
        (patch.whole, patch.start, patch.removed, patch.blocks),
        (false, 0, 1, vec!["<p>abc</p>".to_owned()])
    );
}
