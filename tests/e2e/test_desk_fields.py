"""The desk's fields in the inspector: a kicker, SEO and social headlines, the planned length and an
embargo, typed in the Details tab. The preview prints the kicker above the headline, the status bar
counts toward the plan, the library row carries the embargo's badge, the library file holds what
was typed (`newsroom show --json`, the embargo as Unix seconds), and "Lift embargo" clears it. The
spelling language is chosen there too, and the History tab shows the desk's side of each revision."""

from datetime import datetime, timedelta

from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select

from conftest import wait_for

HEADLINE = "Council approves the new ferry timetable"
KICKER = "Analysis"
SEO = "Ferry timetable approved: boats every 20 minutes"
SOCIAL = "Boats every 20 minutes from March"

# The embargo field is a datetime-local control, whose parts (day, month, year, hour, minute) a
# webview orders by its locale and WebDriver cannot type into reliably. Its value is set the way
# the control's own picker sets it, while the field has the focus, and the field is then left: the
# inspector saves on leaving, as it does for a date typed part by part.
SET_DATETIME = """
const [selector, value] = arguments;
const field = document.querySelector(selector);
field.focus();
field.value = value;
field.dispatchEvent(new Event('input', {bubbles: true}));
field.dispatchEvent(new Event('change', {bubbles: true}));
field.blur();
return field.value;
"""

ROW_EMBARGO = """
const row = [...document.querySelectorAll('[data-testid=library-list] .row')]
  .find((r) => r.querySelector('.row-headline')?.textContent === arguments[0]);
const badge = row && row.querySelector('[data-testid=row-embargo]');
return row ? (badge ? [badge.textContent, badge.title] : []) : null;
"""

KICKER_IN_PREVIEW = """
const kicker = doc.querySelector('#header .kicker');
if (!kicker) return null;
const style = win.getComputedStyle(kicker);
return [kicker.outerHTML, kicker.nextElementSibling && kicker.nextElementSibling.tagName, style.textTransform, Number(style.fontWeight) >= 700];
"""


def test_desk_fields_reach_preview_status_bar_library_and_file(launch, cli):
    article_id = cli.new(HEADLINE, "The vote was 31 to 18.")
    # Tomorrow at 18:00 on this computer's clock, the zone the app writes times in.
    until = (datetime.now() + timedelta(days=1)).replace(hour=18, minute=0, second=0, microsecond=0)
    embargo = int(until.timestamp())
    year = "" if until.year == datetime.now().year else f" {until.year}"
    app = launch()
    app.open_article(HEADLINE)
    app.tab("Details")

    app.set_field("#meta-kicker", KICKER)
    app.set_field("#meta-seo_headline", SEO)
    app.set_field("#meta-social_headline", SOCIAL)
    app.set_field("#meta-words_planned", "900")
    zone = app.text_of("#meta-embargo-zone")
    assert zone.strip(), "the embargo's time zone is named beside the field"
    app.js("document.querySelector('#meta-embargo').scrollIntoView({block: 'center'})")
    app.js(SET_DATETIME, "#meta-embargo", until.strftime("%Y-%m-%dT%H:%M"))

    # What was typed is what the library holds.
    def stored() -> dict:
        return cli.show(article_id)

    wanted = {"kicker": KICKER, "seo_headline": SEO, "social_headline": SOCIAL, "words_planned": 900, "embargo": embargo}
    wait_for(
        lambda: {key: stored()[key] for key in wanted} == wanted,
        message=lambda: f"the library to hold {wanted}; it holds { {key: stored()[key] for key in wanted} }",
        interval=0.25,
    )

    # The inspector says what the embargo means; the SEO headline's counter counts it.
    line = f"Embargoed until {until:%a} {until.day} {until:%b}{year}, 18:00 — must not go out before then."
    wait_for(lambda: app.text_of('[data-testid="embargo-line"]') == line, message=lambda: f"the line {line!r}; it reads {app.text_of('[data-testid=embargo-line]')!r}")
    assert app.text_of("#meta-seo_headline-hint") == f"{len(SEO)}/60"
    assert app.css("#meta-seo_headline").get_attribute("placeholder") == HEADLINE

    # The preview prints the kicker as the export does: above the headline, bold, as typed (not in capitals).
    wait_for(
        lambda: app.in_preview(KICKER_IN_PREVIEW) == [f'<p class="kicker">{KICKER}</p>', "H1", "none", True],
        message=lambda: f"the preview to show the kicker above the headline; it shows {app.in_preview(KICKER_IN_PREVIEW)}",
    )

    # The status bar counts toward the plan; six words of 900 is far under it, so amber.
    saved = stored()
    words = f"{saved['word_count']} / 900 words · {saved['reading_minutes']} min read"
    wait_for(lambda: app.text_of('[data-testid="word-stats"]') == words, message=lambda: f"the status bar to read {words!r}; it reads {app.text_of('[data-testid=word-stats]')!r}")
    bar = app.css('[data-testid="word-target"]')
    assert bar.get_attribute("aria-label") == f"{saved['word_count']} of 900 planned words"
    assert app.css(".statusbar .word-stats").get_attribute("data-state") == "under"

    # The library row carries the badge, with the full time and zone in its tooltip.
    badge = f"Embargo {until.day} {until:%b}{year} 18:00"
    wait_for(
        lambda: (app.js(ROW_EMBARGO, HEADLINE) or [None])[0] == badge,
        message=lambda: f"the library row to show {badge!r}; it shows {app.js(ROW_EMBARGO, HEADLINE)}",
    )
    title = app.js(ROW_EMBARGO, HEADLINE)[1]
    assert title == f"Embargoed until {until:%A} {until.day} {until:%B} {until.year}, 18:00 ({zone} time)", title
    app.screenshot("desk-fields")
    app.assert_no_error_toasts()

    # Lifting the embargo clears it everywhere.
    app.click("Lift embargo")
    wait_for(lambda: stored()["embargo"] is None, message="the library to drop the embargo", interval=0.25)
    wait_for(lambda: app.field_value("#meta-embargo") == "", message="the Embargo field to empty")
    assert app.text_of('[data-testid="embargo-line"]') == ""
    wait_for(lambda: app.js(ROW_EMBARGO, HEADLINE) == [], message=lambda: f"the row's badge to go; the row shows {app.js(ROW_EMBARGO, HEADLINE)}")
    # The other fields stay as they were.
    assert {key: stored()[key] for key in ("kicker", "seo_headline", "social_headline", "words_planned")} == {
        "kicker": KICKER,
        "seo_headline": SEO,
        "social_headline": SOCIAL,
        "words_planned": 900,
    }
    app.screenshot("desk-fields-lifted")
    app.assert_no_error_toasts()

    # The spelling language becomes the article's own once chosen.
    app.js("document.querySelector('#meta-language').scrollIntoView({block: 'center'})")
    wait_for(
        lambda: "Library default: English (United States)" in app.text_of("#meta-language"),
        message=lambda: f"the languages to be listed; the field offers {app.text_of('#meta-language')!r}",
    )
    Select(app.css("#meta-language")).select_by_value("en_US")
    wait_for(lambda: stored()["language"] == "en_US", message="the library to hold the language", interval=0.25)

    # The history shows the desk's side of each revision: the first one had none of it.
    app.tab("History")
    wait_for(
        lambda: app.js("return document.querySelectorAll('[data-testid=revision]').length") >= 2,
        message="the revisions the desk's fields made",
    )
    app.js("document.querySelector('[data-testid=revision]').focus()")
    app.driver.switch_to.active_element.send_keys(Keys.END)
    wait_for(lambda: app.text_of("#revision-title").startswith("Revision 1 "), message="the first revision to be shown")
    view = lambda: app.text_of("#history-view")  # noqa: E731
    wait_for(
        lambda: all(line in view() for line in ("Desk fields", f"Kicker: {KICKER}", "Words planned: 900", "Language: en_US")),
        message=lambda: f"the desk fields' changes; the view shows {view()!r}",
    )
    assert "the desk fields changed" in app.text_of("[data-testid=diff-summary]"), app.text_of("[data-testid=diff-summary]")
    app.screenshot("history-desk-fields")
    app.assert_no_error_toasts()
