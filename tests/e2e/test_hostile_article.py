"""An article full of script payloads (imported from anywhere) opens as text: nothing runs in the
app window or the preview, and markup in the metadata shows literally."""

from conftest import wait_for

PWN = "window.__pwned=1"
HEADLINE = f'<img src=x onerror="{PWN}"> Budget <b>leak</b>'
DEK = f"<script>{PWN}</script> the dek"
SECTION = f'<svg onload="{PWN}">News'
BODY = f"""# Heading <script>{PWN}</script>

<script>{PWN}</script>

Click [here](javascript:{PWN}) or [there](JaVaScRiPt:{PWN}) or <a href="javascript:{PWN}">raw</a>.

<img src="x" onerror="{PWN}">

<svg xmlns="http://www.w3.org/2000/svg" onload="{PWN}"><circle r="4"/></svg>

<iframe src="javascript:{PWN}"></iframe>

<div onclick="{PWN}" style="background:url(javascript:{PWN})">styled</div>

![x](x "t\\" onerror=\\"{PWN}")

Plain paragraph that must survive.
"""

HOSTILE_DOM = """
const all = [...root.querySelectorAll('*')];
return {
  scripts: root.querySelectorAll('script').length,
  svgs: root.querySelectorAll('svg').length,
  iframes: root.querySelectorAll('iframe').length,
  handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + ' ' + a.name)),
  jsUrls: all.flatMap((el) => [...el.attributes].filter((a) => /^\\s*javascript:/i.test(a.value)).map((a) => el.tagName + ' ' + a.name)),
};
"""


def test_hostile_markup_is_shown_as_text_and_never_runs(launch, cli):
    cli.new(HEADLINE, BODY, dek=DEK, section=SECTION, byline=f"<i onmouseover=\"{PWN}\">Mallory</i>", tag=f"<b>{PWN}</b>")
    app = launch()
    wait_for(lambda: app.field_value("#meta-headline") == HEADLINE, message="the hostile article to open on start")
    wait_for(
        lambda: "Plain paragraph that must survive." in app.in_preview("return doc.getElementById('content').textContent"),
        message="the body to render in the preview",
    )
    app.tab("Related")
    app.tab("Photos")
    app.tab("Details")
    app.screenshot("12-hostile-article")

    assert app.alert_text() is None, "a dialog opened"
    assert app.js("return typeof window.__pwned") == "undefined", "a payload ran in the app window"
    assert app.in_preview("return typeof win.__pwned") == "undefined", "a payload ran in the preview"

    # The preview body holds none of the dangerous constructs.
    found = app.in_preview("const root = doc.getElementById('content');" + HOSTILE_DOM)
    assert found == {"scripts": 0, "svgs": 0, "iframes": 0, "handlers": [], "jsUrls": []}, found
    # Nor does the rest of the preview (header, related) or the app's own page.
    assert app.in_preview("const root = doc;" + HOSTILE_DOM)["handlers"] == []
    page = app.js("const root = document.body;" + HOSTILE_DOM)
    assert page["handlers"] == [] and page["jsUrls"] == [] and page["svgs"] == 0, page

    # Markup in the metadata shows literally, where the user sees it.
    assert app.in_preview("return doc.querySelector('#header h1').textContent") == HEADLINE
    assert app.in_preview("return doc.querySelector('#header .dek').textContent") == DEK
    assert app.in_preview("return doc.querySelector('#header .section').textContent") == SECTION
    assert app.row_parts(HEADLINE) is not None, "the library row should show the headline literally"
    assert app.field_value("#meta-dek") == DEK
    assert app.js("return document.title").startswith(HEADLINE)

    # Links that would have run code lost their target; their text stays.
    links = app.in_preview("return [...doc.querySelectorAll('#content a')].map((a) => [a.textContent, a.getAttribute('href')])")
    assert not any(href and "javascript" in href.lower() for _, href in links), links
    body_text = app.in_preview("return doc.getElementById('content').textContent")
    assert "here" in body_text and "there" in body_text, body_text
    assert app.js("return [...document.querySelectorAll('.chips .chip span')].map((s) => s.textContent)") == [f"<b>{PWN}</b>"]
    assert app.in_preview("return doc.querySelector('#header .byline').textContent") == f'By <i onmouseover="{PWN}">Mallory</i>'

    # Hovering and clicking what is there runs nothing either.
    app.css('[data-testid="preview"]').click()
    assert app.alert_text() is None
    assert app.js("return typeof window.__pwned") == "undefined"
    app.assert_no_error_toasts()
