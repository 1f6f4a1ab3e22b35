"""Writing an article: create it, name it, type the body, see the preview and the save state."""

from selenium.webdriver.common.keys import Keys

from conftest import wait_for


def test_new_article_typed_body_shows_in_preview_and_is_saved(app, cli):
    wait_for(
        lambda: "No articles yet" in app.in_preview("return doc.body.textContent"),
        message="the preview of an empty library to say there are no articles yet",
    )

    app.click("New article")
    headline = app.by_label("Headline")
    wait_for(lambda: app.field_value("#meta-headline") == "Untitled article", message="the new article to open")
    assert app.js("return document.activeElement") == headline, "the Headline field should have the focus"
    # The new headline replaces the selected placeholder; Enter commits it.
    headline.send_keys("Harbour bridge reopens after repairs", Keys.ENTER)
    app.library_row("Harbour bridge reopens after repairs")

    app.type_body("## Traffic returns", "", "Cars crossed the bridge at dawn on **Monday**.")
    wait_for(
        lambda: app.in_preview("const h = doc.querySelector('#content h2'); return h && h.textContent") == "Traffic returns",
        message="the preview to show the heading",
    )
    paragraph = "const p = doc.querySelector('#content p'); return p && [p.textContent, p.querySelector('strong')?.textContent]"
    wait_for(
        lambda: app.in_preview(paragraph) == ["Cars crossed the bridge at dawn on Monday.", "Monday"],
        message=lambda: f"the preview to show the paragraph with bold text; it shows {app.preview_content_html()!r}",
    )
    assert app.in_preview("return doc.querySelector('#header h1').textContent") == "Harbour bridge reopens after repairs"
    app.wait_saved()
    assert app.text_of('[data-testid="word-stats"]').startswith("10 words"), app.text_of('[data-testid="word-stats"]')
    app.screenshot("01-library-editor-preview")
    app.assert_no_error_toasts()
    assert_window_and_preview_fonts_settled(app)

    # What the user saw as saved is in the library.
    body = cli.find("Harbour bridge reopens after repairs")["body"]
    assert body == "## Traffic returns\n\nCars crossed the bridge at dawn on **Monday**.", repr(body)


# Measures text drawn with each stack of `doc` (arguments[0]: the properties), in three styles,
# settled and in full; scripts and symbols included, so a family dropped from a stack that
# still drew some glyph would change a width.
MEASURE_STACKS = """
const properties = arguments[0];
const sample = 'Harbour bridge 0123 & Ωμέγα Привет 漢字 ½ →';
const root = doc.documentElement;
const width = (family, style) => {
  const span = doc.createElement('span');
  span.style.fontFamily = family;
  span.style.fontSize = '40px';
  span.style.fontWeight = style === 'bold' ? '700' : '400';
  span.style.fontStyle = style === 'italic' ? 'italic' : 'normal';
  span.textContent = sample;
  doc.body.append(span);
  const w = span.getBoundingClientRect().width;
  span.remove();
  return w;
};
const styles = ['regular', 'bold', 'italic'];
const out = {};
for (const property of properties) {
  const settled = root.style.getPropertyValue(property).trim();
  root.style.removeProperty(property);
  const full = doc.defaultView.getComputedStyle(root).getPropertyValue(property).trim();
  const fullWidths = styles.map((s) => width(full, s));
  root.style.setProperty(property, settled);
  out[property] = { settled, full, fullWidths, settledWidths: styles.map((s) => width(settled, s)) };
}
return out;
"""


def assert_fonts_settled(where: str, measured: dict, dropped: list[str]) -> None:
    for prop, m in measured.items():
        full = [f.strip() for f in m["full"].split(",")]
        settled = [f.strip() for f in m["settled"].split(",")]
        assert settled and settled[-1] == full[-1], f"{where} {prop}: {m['settled']!r} should end with {full[-1]}"
        rest = iter(full)
        assert all(f in rest for f in settled), f"{where} {prop}: {settled} should keep {full}'s order"
        for family in dropped:
            assert family not in settled, f"{where} {prop}: {family} is on no Linux machine, yet kept in {settled}"
        assert m["settledWidths"] == m["fullWidths"], f"{where} {prop}: {settled} draws other text than {full}: {m}"


def assert_window_and_preview_fonts_settled(app) -> None:
    """The window and its preview name only the font families this machine has (each absent one
    cost WebKitGTK a fontconfig lookup per style drawn), and draw exactly what the full stacks draw."""
    window = app.js("const doc = document;" + MEASURE_STACKS, ["--font-ui", "--font-source"])
    assert_fonts_settled("the window's", window, ["Consolas"])
    preview = app.in_preview(MEASURE_STACKS, ["--font-text", "--font-ui", "--font-code"])
    assert_fonts_settled("the preview's", preview, ['"Sitka Text"', '"SF Mono"', '"Segoe UI"'])
