"""Photos: a pasted image and one chosen in the file dialog end up in the Photos panel with their
thumbnails; caption, credit and alt are edited there; inserted in the text they show as figures."""

from conftest import make_png, wait_for

HEADLINE = "Storm closes the coast road"


def cards(app):
    """Each photo card: its id, whether its thumbnail image loaded, and its info line."""
    return app.js(
        """return [...document.querySelectorAll('[data-testid=photos] .photo-card')].map((c) => ({
             id: Number(c.dataset.photoId),
             thumb: (() => { const i = c.querySelector('img.photo-thumb'); return !!i && i.complete && i.naturalWidth > 0; })(),
             info: c.querySelector('.photo-info .small')?.textContent,
             featured: c.classList.contains('featured'),
           }))"""
    )


def figures(app):
    return app.in_preview(
        """return [...doc.querySelectorAll('#content figure')].map((f) => ({
             loaded: !!f.querySelector('img') && f.querySelector('img').complete && f.querySelector('img').naturalWidth > 0,
             alt: f.querySelector('img')?.getAttribute('alt'),
             caption: f.querySelector('figcaption')?.textContent ?? null,
           }))"""
    )


def test_pasted_and_chosen_photos_are_captioned_and_shown_in_the_preview(launch, cli, tmp_path):
    cli.new(HEADLINE, "Waves broke over the sea wall.")
    app = launch()
    app.open_article(HEADLINE)
    app.tab("Photos")
    assert "No photos yet" in app.text_of('[data-testid="photos"]')

    # 1. Paste an image into the text (Ctrl+V of a copied picture): attached and placed at the cursor.
    app.type_body("")  # cursor at the end of the body
    pasted = app.paste_image(".cm-content", make_png(64, 48, seed=1), "image.png")
    assert pasted == {"files": 1, "handled": True}, f"the app did not take the pasted image: {pasted}"
    wait_for(lambda: len(cards(app)) == 1 and cards(app)[0]["thumb"], message=lambda: f"a card with a thumbnail; got {cards(app)}")
    [first] = cards(app)
    assert "64×48" in first["info"] and first["info"].startswith("pasted-"), first["info"]
    wait_for(lambda: f"](photo:{first['id']})" in app.editor_text(), message=lambda: f"the photo in the text; it reads {app.editor_text()!r}")
    wait_for(lambda: len(figures(app)) == 1 and figures(app)[0]["loaded"], message=lambda: f"a figure with its image in the preview; got {figures(app)}")
    wait_for(lambda: cards(app)[0]["featured"], message="the first photo attached to an article without a featured photo becomes featured, pasted too")

    # 2. "Attach photo" with the file dialog answering a PNG's path.
    chosen = tmp_path / "coast-road.png"
    chosen.write_bytes(make_png(80, 60, seed=2))
    app.answer_dialog([str(chosen)])
    app.click("Attach photo")
    wait_for(lambda: len(cards(app)) == 2 and all(c["thumb"] for c in cards(app)), message=lambda: f"two cards with thumbnails; got {cards(app)}")
    second = next(c for c in cards(app) if c["id"] != first["id"])
    assert second["info"].startswith("coast-road.png · 80×60"), second["info"]
    assert not second["featured"], "the article already had a featured photo (the pasted one)"
    app.click("Make featured")
    wait_for(lambda: any(c["featured"] and c["id"] == second["id"] for c in cards(app)), message="the chosen photo made featured")
    wait_for(
        lambda: app.in_preview("const i = doc.querySelector('#featured figure img'); return !!i && i.naturalWidth === 80"),
        message="the featured photo at the top of the preview",
    )

    # 3. Caption, credit and alt text, typed into the card's fields.
    card = f'[data-photo-id="{second["id"]}"]'
    app.set_field(f"{card} textarea[id$='-caption']", "Waves over the coast road at Brighton")
    app.set_field(f"{card} input[id$='-credit']", "Ana Ruiz / Newsroom")
    app.set_field(f"{card} input[id$='-alt']", "Grey waves breaking over a road")
    wait_for(
        lambda: app.in_preview("return doc.querySelector('#featured figcaption')?.textContent")
        == "Waves over the coast road at Brighton Ana Ruiz / Newsroom",
        message="the featured figure's caption and credit in the preview",
    )
    app.screenshot("07-photos-panel")

    # 4. Insert it in the text: a second figure, with its caption and alt.
    insert = app.visible(f"{card} button.insert-photo", "the card's Insert in text button")
    assert insert.text == "Insert in text"
    insert.click()
    wait_for(lambda: len(figures(app)) == 2, message=lambda: f"two figures in the body; got {figures(app)}")
    wait_for(lambda: all(f["loaded"] for f in figures(app)), message=lambda: f"both figures' images to load; got {figures(app)}")
    assert f"](photo:{second['id']}" in app.editor_text()
    assert figures(app)[1]["caption"] == "Waves over the coast road at Brighton Ana Ruiz / Newsroom"
    assert figures(app)[1]["alt"] == "Grey waves breaking over a road"
    app.wait_saved()
    app.screenshot("08-photo-in-preview")

    # The photo library lists both, with where they are used.
    app.click("Photo library")
    wait_for(lambda: len(app.all_css('[data-testid="photo-library"] .grid-card')) == 2, message="two photos in the photo library")
    wait_for(
        lambda: app.js("return [...document.querySelectorAll('.grid-card img')].every((i) => i.complete && i.naturalWidth > 0)"),
        message="the photo library's thumbnails to load",
    )
    assert HEADLINE in app.text_of('[data-testid="photo-library"]')
    app.screenshot("09-photo-library")
    app.assert_no_error_toasts()

    stored = cli.find(HEADLINE)
    assert len(stored["photos"]) == 2
    assert stored["body"].count("](photo:") == 2, stored["body"]
