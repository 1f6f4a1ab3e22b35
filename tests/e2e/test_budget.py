"""The story budget, issue 11: Ctrl+Shift+B shows today's stories over the whole window, each with its
section, status, planned and written length, time (the embargo, else the publication, else the last
change), byline, whether its photos are ready and its last desk note. A story embargoed for yesterday
is on yesterday's list, not today's. The section filter and a header click (again to reverse) are
the core's; Enter on a row opens that story in the editor; Escape goes back. The CSV export (the save
dialog answered as the user would) holds every story the budget matches, in its order."""

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import make_png, wait_for

BUDGET = '[data-testid="budget"]'
HEADLINES = "return [...document.querySelectorAll('.budget-rows .budget-row .budget-col-headline')].map((c) => c.textContent)"
# Every cell of the row whose headline is arguments[0].
ROW_CELLS = """
const row = [...document.querySelectorAll('.budget-rows .budget-row')]
  .find((r) => r.querySelector('.budget-col-headline')?.textContent === arguments[0]);
return row ? [...row.querySelectorAll('[role=gridcell]')].map((c) => c.textContent) : null;
"""
SORTED = "return [...document.querySelectorAll('[role=columnheader]')].filter((h) => h.getAttribute('aria-sort') !== 'none').map((h) => [h.textContent, h.getAttribute('aria-sort')])"

COUNCIL = "Council approves the ferry timetable"
HARBOUR = "Harbour dredging to start in spring"
LIGHTHOUSE = "Lighthouse keeper retires after 40 years"
RATES = "Central bank raises rates by half a point"
MATCH = "City beat United in the derby"
STORM = "Storm warning for the coast tonight"
YESTERDAY = "Yesterday's ferry strike ends"


def at_today(hour: int, minute: int = 0, days: int = 0) -> datetime:
    """A time of this computer's day (the budget's days are its wall clock's)."""
    now = datetime.now().astimezone()
    return (now + timedelta(days=days)).replace(hour=hour, minute=minute, second=0, microsecond=0)


def seed(cli, tmp_path: Path) -> None:
    """A day's desk: stories in four sections at every stage, notes, embargoes, one ready photo."""
    words = "The council voted on Tuesday to run ferries every 20 minutes from March. " * 8
    council = cli.new(COUNCIL, words, section="Politics", byline="Ana Ruiz")
    for status in ("editing", "ready"):
        cli("edit", str(council), "--status", status)
    cli("edit", str(council), "--embargo", at_today(18).isoformat(), "--words-planned", "600")
    cli("edit", str(council), "--note", "Legal to check para 4")
    cli("edit", str(council), "--note", "Cleared by legal, run at 18:00")

    harbour = cli.new(HARBOUR, "Work starts in April, the port says.", section="Local", byline="Tom Lee")
    cli("edit", str(harbour), "--words-planned", "400", "--note", "Call the port authority")

    lighthouse = cli.new(LIGHTHOUSE, "She climbed 117 steps every night for forty years. " * 12, section="Local", byline="Mia Berg")
    cli("edit", str(lighthouse), "--status", "editing", "--words-planned", "450")
    photo = tmp_path / "lighthouse.png"
    photo.write_bytes(make_png(48, 32, seed=3))
    cli("attach", str(lighthouse), str(photo), "--caption", "The lamp room at dusk", "--credit", "Tom Lee", "--alt", "A lighthouse lamp", "--featured")

    rates = cli.new(RATES, "The bank raised its main rate to 3.5 per cent. " * 20, section="Business", byline="Omar Haddad")
    for status in ("editing", "ready", "published"):
        cli("edit", str(rates), "--status", status)

    match = cli.new(MATCH, "A late goal settled it. " * 30, section="Sport", byline="Jo Park")
    cli("edit", str(match), "--embargo", at_today(21, 30).isoformat(), "--words-planned", "700")
    storm = cli.new(STORM, "Winds of up to 90 km/h are expected.", section="Local", byline="Tom Lee")
    cli("edit", str(storm), "--note", "Update with the 16:00 forecast")

    yesterday = cli.new(YESTERDAY, "The strike is over.", section="Local")
    cli("edit", str(yesterday), "--embargo", at_today(9, days=-1).isoformat())


def open_budget(app) -> None:
    app.editor().send_keys(Keys.CONTROL, Keys.SHIFT, "b")
    app.visible(BUDGET, "the story budget")
    wait_for(lambda: not app.css('[data-testid="library"]').is_displayed(), message="the budget to take the whole window")
    wait_for(lambda: app.js("return document.activeElement?.classList.contains('budget-row')"), message="the focus on the budget's first story")


def test_the_budget_lists_filters_sorts_opens_and_exports_the_days_stories(launch, cli, tmp_path):
    seed(cli, tmp_path)
    app = launch()
    open_budget(app)

    # By time: each story's embargo, else its publication, else its last change (the seeding's order,
    # and the embargoes' hours, as the clock stood).
    stories = [cli.find(h) for h in (COUNCIL, HARBOUR, LIGHTHOUSE, RATES, MATCH, STORM)]
    today = [a["headline"] for a in sorted(stories, key=lambda a: (a["embargo"] or a["published_at"] or a["updated_at"], a["id"]))]
    wait_for(lambda: app.js(HEADLINES) == today, message=lambda: f"today's stories by time; the budget lists {app.js(HEADLINES)}")
    assert app.text_of('[data-testid="budget-summary"]') == "6 stories"
    assert YESTERDAY not in app.js(HEADLINES)
    assert app.js(SORTED) == [["Time", "ascending"]]
    council = app.js(ROW_CELLS, COUNCIL)
    assert council[1:9] == [COUNCIL, "Politics", "Ready", "600", "104", "Embargo 18:00", "Ana Ruiz", "No"], council
    assert council[9] == "Cleared by legal, run at 18:00", council
    lighthouse = app.js(ROW_CELLS, LIGHTHOUSE)
    assert lighthouse[2:6] == ["Local", "In edit", "450", "108"] and lighthouse[8] == "Yes", lighthouse
    assert app.js(ROW_CELLS, RATES)[6].startswith("Published "), app.js(ROW_CELLS, RATES)
    assert app.js(ROW_CELLS, STORM)[6].startswith("Changed "), app.js(ROW_CELLS, STORM)
    rule = app.css("#budget-day").get_attribute("title")
    assert rule.startswith("A story belongs to the day of its embargo; without one, the day it was published"), rule
    app.screenshot("budget")
    app.assert_no_error_toasts()

    # Yesterday's list holds the story embargoed for yesterday.
    app.click("Previous day")
    wait_for(lambda: app.js(HEADLINES) == [YESTERDAY], message=lambda: f"yesterday's story alone; the budget lists {app.js(HEADLINES)}")
    app.click("Today")
    wait_for(lambda: app.js(HEADLINES) == today, message="today's stories again")

    # One section, sorted by headline, then the other way.
    Select(app.css("#budget-section")).select_by_visible_text("Local")
    local = [h for h in today if h in (HARBOUR, LIGHTHOUSE, STORM)]
    wait_for(lambda: app.js(HEADLINES) == local, message=lambda: f"the Local stories; the budget lists {app.js(HEADLINES)}")
    app.click("Headline")
    wait_for(lambda: app.js(SORTED) == [["Headline", "ascending"]], message=lambda: f"sorted by headline; the headers say {app.js(SORTED)}")
    wait_for(lambda: app.js(HEADLINES) == sorted(local), message=lambda: f"A to Z; the budget lists {app.js(HEADLINES)}")
    app.click("Headline")
    wait_for(lambda: app.js(HEADLINES) == sorted(local, reverse=True), message=lambda: f"Z to A; the budget lists {app.js(HEADLINES)}")
    assert app.js(SORTED) == [["Headline", "descending"]]

    # The CSV holds what the budget shows: its filters and its order.
    out = tmp_path / "local.csv"
    app.answer_dialog(str(out))
    app.click("Export CSV…")
    wait_for(lambda: any(f"Exported 3 stories to {out}" in t for t in app.toasts("info")), message=lambda: f"the export's notice; the toasts say {app.toasts()}")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows[0] == ["Slug", "Headline", "Section", "Status", "Planned words", "Words", "Time (UTC)", "Time is", "Byline", "Photos ready", "Last desk note"]
    assert [r[1] for r in rows[1:]] == sorted(local, reverse=True)
    storm, lighthouse, harbour = rows[1:]
    assert storm[2:4] == ["Local", "draft"] and storm[7:] == ["updated", "Tom Lee", "no", "Update with the 16:00 forecast"], storm
    assert lighthouse[3:6] == ["editing", "450", "108"] and lighthouse[9] == "yes", lighthouse
    assert harbour[0] == "harbour-dredging-to-start-in-spring" and harbour[10] == "Call the port authority", harbour

    # Enter on a row opens the story in the editor, in place of the budget.
    row = app.css('.budget-rows .budget-row[aria-rowindex="3"]')
    assert app.text_of('.budget-rows .budget-row[aria-rowindex="3"] .budget-col-headline') == LIGHTHOUSE
    row.click()
    wait_for(lambda: app.js("return document.activeElement?.getAttribute('aria-rowindex')") == "3", message="the clicked row to take the focus")
    row.send_keys(Keys.ARROW_DOWN)
    wait_for(lambda: app.js("return document.activeElement?.getAttribute('aria-rowindex')") == "4", message="the arrow key to move the focus down a row")
    app.js("return document.activeElement").send_keys(Keys.ENTER)
    wait_for(lambda: app.field_value("#meta-headline") == HARBOUR, message=lambda: f"{HARBOUR!r} to open; the editor has {app.field_value('#meta-headline')!r}")
    wait_for(lambda: not app.css(BUDGET).is_displayed(), message="the budget to give way to the editor")
    assert app.css('[data-testid="library"]').is_displayed()
    assert "Work starts in April" in app.editor_text()

    # Back to the budget, as it was left; Escape returns to the editor.
    open_budget(app)
    wait_for(lambda: app.js(HEADLINES) == sorted(local, reverse=True), message="the budget as it was left")
    app.js("return document.activeElement").send_keys(Keys.ESCAPE)
    wait_for(lambda: not app.css(BUDGET).is_displayed(), message="Escape to close the budget")
    assert app.field_value("#meta-headline") == HARBOUR
    app.assert_no_error_toasts()
