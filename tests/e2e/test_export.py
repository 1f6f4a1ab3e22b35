"""Exporting the open article from the Export dialog into a folder (the folder chooser answered
as the user would): a standalone page with the headline, the photo as a figure and no script."""

import re

from conftest import make_png, wait_for

HEADLINE = "Lighthouse keeper retires after 40 years"


def test_export_writes_a_standalone_page_with_figure_and_no_script(launch, cli, tmp_path):
    photo = tmp_path / "lighthouse.png"
    photo.write_bytes(make_png(48, 32, seed=3))
    article = cli.new(HEADLINE, "She climbed **117 steps** every night.\n\nThe light is automatic now.", section="Local")
    cli("attach", str(article), str(photo), "--caption", "The lamp room at dusk", "--credit", "Tom Lee", "--featured")
    out = tmp_path / "export"
    out.mkdir()

    app = launch()
    app.open_article(HEADLINE)
    app.click("Export")
    dialog = app.visible('dialog[data-testid="export-dialog"]', "the export dialog")
    assert "lighthouse-keeper-retires-after-40-years.html" in dialog.text
    app.answer_dialog(str(out))
    app.click("Choose folder and export…")
    wait_for(
        lambda: "Exported the page" in app.text_of('dialog[data-testid="export-dialog"] .export-status'),
        message=lambda: f"the export report; the dialog says {app.text_of('dialog[data-testid=export-dialog]')!r}",
    )
    shown = app.text_of('dialog[data-testid="export-dialog"] .export-files code')
    page = out / "lighthouse-keeper-retires-after-40-years.html"
    assert shown == str(page), f"the dialog names {shown!r}"
    app.screenshot("10-export-result")
    app.button(f"Open {page} in the browser")  # offered (not clicked: no browser here)
    app.click("Close")
    wait_for(lambda: not app.all_css("dialog[open]"), message="the dialog to close")
    app.assert_no_error_toasts()

    html = page.read_text()
    assert HEADLINE in html
    assert "<strong>117 steps</strong>" in html
    figure = re.search(r"<figure\b.*?</figure>", html, re.S)
    assert figure, "the exported page has no <figure>"
    assert "The lamp room at dusk" in figure.group(0) and "Tom Lee" in figure.group(0)
    assert re.search(r'<img\b[^>]*src="data:image/png;base64,', figure.group(0)), "the single-file page should inline the photo"
    # Structured data (JSON-LD) is the one <script> allowed: browsers never run it.
    scripts = re.findall(r"<script\b[^>]*>", html, re.I)
    assert scripts == ['<script type="application/ld+json">'], f"the exported page has executable scripts: {scripts}"
    assert not re.search(r"\son[a-z]+\s*=", html, re.I), "the exported page contains an event handler attribute"


def test_an_embargoed_story_is_refused_with_the_reason_and_exported_only_when_the_editor_says_so(launch, cli, tmp_path):
    headline = "Central bank raises rates"
    article = cli.new(headline, "The bank raised its rate by half a point.")
    cli("edit", str(article), "--embargo", "2099-01-01T06:00:00Z")
    out = tmp_path / "export"
    out.mkdir()

    app = launch()
    app.open_article(headline)
    app.click("Export")
    app.visible('dialog[data-testid="export-dialog"]', "the export dialog")
    app.answer_dialog(str(out))
    app.click("Choose folder and export…")
    said = wait_for(
        lambda: app.text_of('dialog[data-testid="export-dialog"] .export-status .field-error'),
        message=lambda: f"the refusal; the dialog says {app.text_of('dialog[data-testid=export-dialog]')!r}",
    )
    assert "is under embargo until 1 January 2099, 06:00 UTC and must not go out before then" in said, said
    assert list(out.iterdir()) == [], "nothing is written"

    # The editor overrides it: the page goes to the folder already chosen.
    app.click("Export anyway")
    # The file lands before the dialog hears back, so wait for the dialog's word, then look at the file.
    wait_for(
        lambda: "Exported the page" in app.text_of('dialog[data-testid="export-dialog"] .export-status'),
        message=lambda: f"the page; the dialog says {app.text_of('dialog[data-testid=export-dialog]')!r}",
    )
    assert (out / "central-bank-raises-rates.html").is_file()
