"""Publishing from the app to a real WordPress (scripts/wordpress.sh; NEWSROOM_WP_ENV names the file
with its address and Application Password; scripts/test.sh starts it and sets that).

The Sites dialog adds the site: this machine has no keychain, so the core says so and the secret
goes to a file chosen in the shell's save dialog (answered as the user would). Ctrl+Shift+U opens
the Publish dialog; a draft is published with a line per step and the post's link, and WordPress's
REST API shows exactly one post, as blocks. Publishing again updates that post. A title edited on
the web stops the next publish with both versions side by side until "Overwrite the web version".
A wrong Application Password is refused in the dialog and no site is added.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
import struct
import time
import urllib.parse
import urllib.request
import zlib
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys

from conftest import make_png, wait_for

SITES = '[data-testid="sites-dialog"]'
PANEL = '[data-testid="publish-dialog"]'
SITE_NAME = "The Daily Test"


class WordPress:
    """The test site's REST API, signed in as the publishing account (Basic auth with the
    Application Password), for checking what the app sent."""

    def __init__(self, url: str, user: str, password: str):
        self.url = url.rstrip("/")
        self.user = user
        self.password = password
        token = base64.b64encode(f"{user}:{password}".encode()).decode()
        self.auth = f"Basic {token}"

    def call(self, method: str, route: str, params: dict | None = None, body: dict | None = None):
        query = urllib.parse.urlencode({"rest_route": route, **(params or {})})
        request = urllib.request.Request(
            f"{self.url}/?{query}",
            method=method,
            data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": self.auth, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def posts_titled(self, title: str) -> list[dict]:
        found = self.call(
            "GET",
            "/wp/v2/posts",
            {"search": title, "status": "publish,future,draft,pending,private", "context": "edit", "per_page": "100"},
        )
        return [post for post in found if post["title"]["raw"] == title]


@pytest.fixture
def wordpress() -> WordPress:
    env_file = os.environ.get("NEWSROOM_WP_ENV")
    if not env_file:
        message = "NEWSROOM_WP_ENV is not set: start a WordPress with `bash scripts/wordpress.sh start DIR` and point it to DIR/env"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    values = dict(line.split("=", 1) for line in Path(env_file).read_text().splitlines() if "=" in line)
    return WordPress(values["NEWSROOM_WP_URL"], values["NEWSROOM_WP_USER"], values["NEWSROOM_WP_APP_PASSWORD"])


def unique_png() -> bytes:
    """A photo no earlier run sent: the test site outlives runs, and a file is uploaded once."""
    png = make_png(1600, 1000, seed=5)
    text = b"Comment\x00" + secrets.token_hex(8).encode()
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + struct.pack(">I", zlib.crc32(b"tEXt" + text) & 0xFFFFFFFF)
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def open_sites(app) -> None:
    app.click("More article actions")
    app.driver.find_element("xpath", "//*[@role='menuitem'][normalize-space(.)='Sites…']").click()
    app.visible(SITES, "the Sites dialog")


def fill_site(app, wp: WordPress, password: str) -> None:
    for testid, value in [("site-name", SITE_NAME), ("site-url", wp.url), ("site-user", wp.user), ("site-secret", password)]:
        field = app.visible(f'{SITES} [data-testid="{testid}"]')
        field.clear()
        field.send_keys(value)


def site_problem(app) -> str:
    return app.text_of(f'{SITES} [data-testid="site-problem"]')


def steps(app) -> list[str]:
    return app.js(f"return [...document.querySelectorAll('{PANEL} [data-testid=publish-steps] li:not(.publish-waiting)')].map((li) => li.textContent)")


def publish_with_shortcut(app) -> None:
    """Ctrl+Shift+U on the keyboard in the editor, then Publish with the dialog's current choices."""
    open_publish_dialog(app)
    app.click("Publish")


def open_publish_dialog(app) -> None:
    app.editor().click()
    app.press_on_keyboard("Control_L", "Shift_L", "u")
    app.visible(PANEL, "the Publish dialog")


def wait_published(app) -> str:
    """The post's link once the dialog shows it."""
    return wait_for(
        lambda: app.text_of(f'{PANEL} [data-testid="publish-link"]'),
        timeout=60,
        message=lambda: f"the post's link; the dialog shows {app.text_of(PANEL)!r}",
    )


def test_publishes_a_draft_updates_it_and_asks_before_overwriting_a_web_edit(launch, cli, tmp_path, wordpress):
    headline = f"Harbour ferry returns after the storm {secrets.token_hex(4)}"
    article = cli.new(headline, "The first crossing left at six.", section="Local", tag="Transport")
    photo = tmp_path / "ferry.png"
    photo.write_bytes(unique_png())
    cli("attach", str(article), str(photo), "--featured", "--caption", "The ferry at the quay", "--credit", "Tom Lee", "--alt", "A white ferry at a stone quay")

    app = launch()
    app.open_article(headline)
    app.type_body("", "", "Passengers cheered as it docked.")
    app.wait_saved()

    # The site: signing in works, but there is no keychain here; the secret goes to a file instead.
    open_sites(app)
    assert "No sites yet" in app.text_of(f'{SITES} [data-testid="site-list"]')
    fill_site(app, wordpress, wordpress.password)
    app.click("Add site")
    wait_for(lambda: "No keychain" in site_problem(app), timeout=30, message=lambda: f"the no-keychain sentence; the dialog says {site_problem(app)!r}")
    assert "--secret-file" not in site_problem(app), "the app's sentence must not send the editor to the command line"
    app.screenshot("publish-no-keychain")
    secret_file = tmp_path / "daily.secret"
    app.answer_dialog(str(secret_file))
    app.click("Keep the secret in a file…")
    wait_for(
        lambda: f"Added {SITE_NAME}" in app.text_of(f'{SITES} [data-testid="site-added"]'),
        timeout=30,
        message=lambda: f"the site to be added; the dialog says {app.text_of(SITES)!r}",
    )
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert secret_file.read_text().strip() == wordpress.password
    rows = app.text_of(f'{SITES} [data-testid="site-list"]')
    assert SITE_NAME in rows and wordpress.url in rows and f"user {wordpress.user}" in rows, rows
    assert app.field_value(f'{SITES} [data-testid="site-secret"]') == "", "the password field is emptied once used"
    app.screenshot("publish-sites")
    app.click("Close")
    wait_for(lambda: not app.all_css(SITES), message="the Sites dialog to close")

    # Publish as a draft: a line per step, then the post's link.
    body = app.editor_text()
    open_publish_dialog(app)
    assert app.editor_text() == body, "the shortcut must not type into the story (GTK's Unicode entry)"
    assert app.field_value(f'{PANEL} [data-testid="publish-site"]') == SITE_NAME
    # Scheduled offers a time (a suggestion an hour or more ahead); this test sends a draft.
    app.css("#publish-status-scheduled").click()
    assert app.visible(f'{PANEL} [data-testid="publish-when"]').get_attribute("value")
    app.screenshot("publish-dialog")
    app.css("#publish-status-draft").click()
    app.click("Publish")
    wait_for(lambda: steps(app), timeout=30, message="the first progress line")
    app.screenshot("publish-progress")
    link = wait_published(app)
    shown = steps(app)
    assert shown[0] == f"Signing in to {SITE_NAME}…", shown
    assert any(line.startswith("Photo 1 of 1 uploaded (ferry.png)") for line in shown), shown
    assert shown[-1] == "Creating the post…", shown
    assert "Saved as a draft on" in app.text_of(f'{PANEL} [data-testid="publish-result"]')
    app.screenshot("publish-done")

    posts = wordpress.posts_titled(headline)
    assert len(posts) == 1, f"expected one post titled {headline!r}, found {len(posts)}"
    post = posts[0]
    assert post["status"] == "draft"
    assert post["link"] == link
    content = post["content"]["raw"]
    assert "<!-- wp:paragraph" in content and "Passengers cheered as it docked." in content, content
    assert post["featured_media"] > 0

    # The article's publications, in its details.
    app.tab("Details")
    wait_for(
        lambda: f"Published to {SITE_NAME} · draft ·" in app.text_of('[data-testid="publications"]'),
        message=lambda: f"the publication in the inspector; it shows {app.text_of('[data-testid=publications]')!r}",
    )

    # Again: the same post is updated, the photo is not uploaded twice.
    app.click("Close")
    publish_with_shortcut(app)
    wait_published(app)
    assert "Updating the post…" in steps(app), steps(app)
    assert any("already on the site" in line for line in steps(app)), steps(app)
    posts = wordpress.posts_titled(headline)
    assert [p["id"] for p in posts] == [post["id"]], "publishing again must update the one post"

    # Someone edits the title on the web (a second later, so the site's modified time moves on).
    time.sleep(1.1)
    wordpress.call("POST", f"/wp/v2/posts/{post['id']}", body={"title": "Ferry back, edited on the web"})
    app.click("Close")
    publish_with_shortcut(app)
    view = app.visible('[data-testid="web-edit-view"]', "the web edit, side by side")
    sides = app.js("return [...document.querySelectorAll('[data-testid=web-edit-view] .diff-side')].map((th) => th.textContent)")
    assert sides[0].startswith(f"On {SITE_NAME} (edited ") and sides[1] == "In Newsroom", sides
    assert "Ferry back, edited on the web" in view.text and headline in view.text
    app.screenshot("publish-web-edit")
    assert wordpress.posts_titled("Ferry back, edited on the web"), "nothing is sent before the editor chooses"

    app.click("Overwrite the web version")
    wait_for(lambda: not app.css('[data-testid="web-edit-view"]').is_displayed(), message="the editor back in its place")
    wait_published(app)
    wait_for(lambda: [p["id"] for p in wordpress.posts_titled(headline)] == [post["id"]], message="the post's title to be the article's again")
    assert not wordpress.posts_titled("Ferry back, edited on the web")
    app.assert_no_error_toasts()


def test_a_wrong_application_password_is_refused_and_no_site_is_added(app, cli, wordpress):
    open_sites(app)
    fill_site(app, wordpress, "abcd efgh ijkl mnop qrst uvwx")
    app.click("Add site")
    wait_for(lambda: site_problem(app), timeout=30, message="the refusal in the dialog")
    problem = site_problem(app)
    assert "refused to sign in" in problem, problem
    assert app.field_value(f'{SITES} [data-testid="site-secret"]') == "", "a refused password is not kept in the field"
    assert "No sites yet" in app.text_of(f'{SITES} [data-testid="site-list"]')
    assert json.loads(cli("site", "list", "--json")) == []
