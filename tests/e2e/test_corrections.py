"""Corrections, updates and the desk's notes in the inspector. On a published story the Details tab
adds a correction only after a confirm step inside the section (the line as printed, dated today,
never to be changed); the entry then shows in the section's list and at the end of the preview,
with the export's markup, and the library holds it (`newsroom show --json`). An update is added the
same way, and a note for the desk with Ctrl+Enter (Enter starts a new line of it). The exported page
prints the correction and the update and never the note. A story not yet published offers no way
to add a correction, only a sentence saying when it will."""

import re
from datetime import datetime, timezone

from selenium.webdriver.common.keys import Keys

from conftest import wait_for

HEADLINE = "Council approves the new ferry timetable"
DRAFT = "Harbour dredging to start in spring"
# Plain text: the page escapes quotes and slashes, the preview does not, and the test compares both.
CORRECTION = "The vote was 7-2, not 6-3 as first reported."
UPDATE = "The first boats on the new timetable left at 06:10 on Monday."
NOTE_LINES = ("Legal to check para 4.", "Call Ana before 16:00")
NOTE = "\n".join(NOTE_LINES)
MONTHS = "January February March April May June July August September October November December".split()

ENTRIES = "return [...document.querySelectorAll('[data-testid=corrections] li')].map((li) => li.textContent)"
NOTES = "return [...document.querySelectorAll('[data-testid=desk-notes] li')].map((li) => [li.querySelector('time')?.textContent, li.querySelector('.desk-note-text')?.textContent])"

# The corrections the preview prints: each entry's markup, and whether they come after the body.
PREVIEW_CORRECTIONS = """
const aside = doc.querySelector('aside.corrections');
if (!aside) return null;
const body = doc.querySelector('article .body');
return {
  heading: aside.querySelector('h2#corrections-heading')?.textContent,
  labelled: aside.getAttribute('aria-labelledby'),
  entries: [...aside.querySelectorAll('p')].map((p) => p.outerHTML),
  afterBody: !!(body.compareDocumentPosition(aside) & Node.DOCUMENT_POSITION_FOLLOWING),
};
"""


def page_day(at: int) -> str:
    """A date as the exported page prints it: the day in UTC, "3 December 2026"."""
    d = datetime.fromtimestamp(at, timezone.utc)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def entry_html(kind: str, at: int, text: str) -> str:
    """An entry in the export's markup (templates/page.html)."""
    iso = datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return f'<p><strong>{kind}, <time datetime="{iso}">{page_day(at)}</time>:</strong> {text}</p>'


def add_entry(app, button: str, text: str) -> None:
    """Types `text` into the corrections box, asks to add it, and checks the confirm step says
    plainly what happens before it is confirmed."""
    box = app.visible("#correction-text", "the box for a new correction or update")
    box.click()
    box.send_keys(text)
    app.click(button)
    kind = button.removeprefix("Add ")
    confirm = app.visible('[data-testid="correction-confirm"]', "the confirm step")
    assert (
        f"This {kind} will be printed at the end of the story with today’s date, and cannot be changed or removed afterwards:"
        in confirm.text
    ), confirm.text
    today = page_day(int(datetime.now(timezone.utc).timestamp()))
    line = app.text_of('[data-testid="correction-confirm"] .desk-confirm-line')
    assert line == f"{kind.capitalize()}, {today}: {text}", line


def test_corrections_updates_and_notes(launch, cli, tmp_path):
    article = cli.new(HEADLINE, "The council voted on Tuesday to run ferries every 20 minutes.")
    for status in ("editing", "ready", "published"):
        cli("edit", str(article), "--status", status)
    draft = cli.new(DRAFT, "Work starts in April.")
    app = launch()

    # A story not yet published: a sentence, and nothing to type a correction into.
    app.open_article(DRAFT)
    app.tab("Details")
    wait_for(
        lambda: app.visible('[data-testid="corrections-unpublished"]').text
        == "Corrections and updates are added once the story is published.",
        message="the unpublished story's sentence",
    )
    assert not app.css("#correction-text").is_displayed()
    assert not [b for b in app.all_css('[data-testid="corrections-section"] button') if b.is_displayed()]
    assert cli.show(draft)["corrections"] == []

    app.open_article(HEADLINE)
    app.js("document.querySelector('[data-testid=corrections-section]').scrollIntoView({block: 'start'})")
    assert app.js(ENTRIES) == ["No corrections or updates yet."]

    # A correction: nothing is sent until the confirm step is answered.
    add_entry(app, "Add correction", CORRECTION)
    app.screenshot("corrections-confirm")
    assert cli.show(article)["corrections"] == []
    app.click("Yes, add the correction")
    wait_for(lambda: len(cli.show(article)["corrections"]) == 1, message="the library to hold the correction", interval=0.25)
    [stored] = cli.show(article)["corrections"]
    assert (stored["kind"], stored["text"]) == ("correction", CORRECTION)
    line = f"Correction, {page_day(stored['at'])}: {CORRECTION}"
    wait_for(lambda: app.js(ENTRIES) == [line], message=lambda: f"the section to list {line!r}; it lists {app.js(ENTRIES)}")
    assert app.field_value("#correction-text") == ""
    assert not app.css('[data-testid="correction-confirm"]').is_displayed()

    # The preview closes the story with it, as the page will.
    correction_html = entry_html("Correction", stored["at"], CORRECTION)
    wanted = {"heading": "Corrections and updates", "labelled": "corrections-heading", "entries": [correction_html], "afterBody": True}
    wait_for(
        lambda: app.in_preview(PREVIEW_CORRECTIONS) == wanted,
        message=lambda: f"the preview to end with the correction; it shows {app.in_preview(PREVIEW_CORRECTIONS)}",
    )

    # An update, the same way.
    add_entry(app, "Add update", UPDATE)
    app.click("Yes, add the update")
    wait_for(lambda: len(cli.show(article)["corrections"]) == 2, message="the library to hold the update", interval=0.25)
    update = cli.show(article)["corrections"][1]
    assert (update["kind"], update["text"]) == ("update", UPDATE)
    update_html = entry_html("Update", update["at"], UPDATE)
    wait_for(
        lambda: app.js(ENTRIES) == [line, f"Update, {page_day(update['at'])}: {UPDATE}"],
        message=lambda: f"the section to list both entries; it lists {app.js(ENTRIES)}",
    )
    wait_for(
        lambda: (app.in_preview(PREVIEW_CORRECTIONS) or {}).get("entries") == [correction_html, update_html],
        message=lambda: f"the preview to print both entries; it shows {app.in_preview(PREVIEW_CORRECTIONS)}",
    )

    # A note for the desk: Enter starts a new line, Ctrl+Enter adds it.
    assert app.text_of('[data-testid="notes-section"] .desk-private') == "Only for the desk: never exported or published."
    box = app.visible("#note-text", "the box for a note")
    box.click()
    box.send_keys(NOTE_LINES[0], Keys.ENTER, NOTE_LINES[1])
    assert app.field_value("#note-text") == NOTE
    assert cli.show(article)["notes"] == []
    box.send_keys(Keys.CONTROL, Keys.ENTER)
    wait_for(lambda: [n["text"] for n in cli.show(article)["notes"]] == [NOTE], message="the library to hold the note", interval=0.25)
    at = cli.show(article)["notes"][0]["at"]
    local = datetime.fromtimestamp(at)
    stamp = f"{local.day} {MONTHS[local.month - 1][:3]} {local:%H:%M}"
    wait_for(lambda: app.js(NOTES) == [[stamp, NOTE]], message=lambda: f"the note listed as {[stamp, NOTE]}; the section lists {app.js(NOTES)}")
    assert app.field_value("#note-text") == ""
    # Never in the preview, which shows what readers get.
    assert NOTE_LINES[0] not in app.in_preview("return doc.body.textContent")

    app.js("document.querySelector('[data-testid=corrections-section]').scrollIntoView({block: 'start'})")
    app.js("document.querySelector('[data-testid=preview]').scrollTop = 1e6")
    app.screenshot("corrections")
    app.assert_no_error_toasts()

    # The exported page prints the correction and the update as the preview did, and not the note.
    site = tmp_path / "site"
    cli("export", str(article), "--out", str(site))
    html = (site / f"{cli.show(article)['slug']}.html").read_text()
    aside = re.search(r'<aside class="corrections" aria-labelledby="corrections-heading">.*?</aside>', html, re.S)
    assert aside, "the exported page has no corrections"
    assert correction_html in aside.group(0) and update_html in aside.group(0), aside.group(0)
    assert aside.start() > html.index('<div class="body">'), "the corrections come after the body"
    for note_line in NOTE_LINES:
        assert note_line not in html, f"the exported page contains the desk's note {note_line!r}"
