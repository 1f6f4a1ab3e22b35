"""Publishing from the app to a real WordPress (scripts/wordpress.sh; NEWSROOM_WP_ENV names the file
with its address and Application Password; scripts/test.sh starts it and sets that).

The Sites dialog adds the site: this machine has no keychain, so the core says so and the secret
goes to a file chosen in the shell's save dialog (answered as the user would). Ctrl+Shift+U opens
the Publish dialog; a draft is published with a line per step and the post's link, and WordPress's
REST API shows exactly one post, as blocks; the article's details and history list the publication.
Publishing again updates that post. A title edited on
the web stops the next publish with both versions side by side until "Overwrite the web version".
A wrong Application Password is refused in the dialog and no site is added. A Ghost site (the Admin API
stand-in of scripts/ghost.sh) is added with its Admin API key and a story published live to it. A
publish over a slow link is cancelled while its photo goes up (the story can be typed in meanwhile):
no post; the retry makes one and reuses the photo.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import socket
import stat
import struct
import sys
import threading
import time
import urllib.parse
import urllib.request
import zlib
from pathlib import Path

import pytest
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

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


def server_env(variable: str, script: str) -> dict[str, str]:
    """The KEY=VALUE lines of the file a test server's script wrote (named by `variable`). Without
    it the test skips, except under CI, where the proof must not vanish quietly."""
    env_file = os.environ.get(variable)
    if not env_file:
        message = f"{variable} is not set: start the server with `bash {script} start DIR` and point it to DIR/env"
        if os.environ.get("CI") == "true":
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return dict(line.split("=", 1) for line in Path(env_file).read_text().splitlines() if "=" in line)


@pytest.fixture
def wordpress() -> WordPress:
    values = server_env("NEWSROOM_WP_ENV", "scripts/wordpress.sh")
    return WordPress(values["NEWSROOM_WP_URL"], values["NEWSROOM_WP_USER"], values["NEWSROOM_WP_APP_PASSWORD"])


def unique_png() -> bytes:
    """A photo no earlier run sent: the test site outlives runs, and a file is uploaded once."""
    png = make_png(1600, 1000, seed=5)
    text = b"Comment\x00" + secrets.token_hex(8).encode()
    chunk = struct.pack(">I", len(text)) + b"tEXt" + text + struct.pack(">I", zlib.crc32(b"tEXt" + text) & 0xFFFFFFFF)
    end = png.rindex(b"IEND") - 4
    return png[:end] + chunk + png[end:]


def story_with_a_featured_photo(cli, photo: Path, headline: str, body: str, *, caption: str, credit: str, alt: str, **meta: str) -> Path:
    """A new story with a photo no earlier run sent as its featured photo (at `photo`)."""
    article = cli.new(headline, body, **meta)
    photo.write_bytes(unique_png())
    cli("attach", str(article), str(photo), "--featured", "--caption", caption, "--credit", credit, "--alt", alt)
    return photo


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
    story_with_a_featured_photo(
        cli, tmp_path / "ferry.png", headline, "The first crossing left at six.", section="Local", tag="Transport", caption="The ferry at the quay", credit="Tom Lee", alt="A white ferry at a stone quay"
    )

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
    # And in its history, with the revision it sent.
    app.click("Close")
    app.tab("History")
    wait_for(
        lambda: f"Published to {SITE_NAME} · draft ·" in app.text_of('[data-testid="revision-publication"]'),
        message=lambda: f"the publication in the History tab; it shows {app.text_of('[data-testid=revision-list]')!r}",
    )
    newest = app.text_of('[data-testid="revision"]')
    assert "11 words" in newest and "Published to" in newest, f"the text as sent is the newest revision: {newest!r}"
    app.screenshot("publish-history")
    app.tab("Details")

    # Again: the same post is updated, the photo is not uploaded twice.
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


class SlowLink:
    """A TCP relay on loopback in front of the site that carries what the app sends at `rate` bytes
    a second (answers at full speed): a photo upload over it takes seconds, long enough to cancel.
    `rate = None` carries everything at full speed."""

    def __init__(self, site_url: str, rate: int | None):
        target = urllib.parse.urlsplit(site_url)
        self.target = (target.hostname, target.port or 80)
        self.rate = rate
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            site = socket.create_connection(self.target)
            threading.Thread(target=self.relay, args=(client, site, True), daemon=True).start()
            threading.Thread(target=self.relay, args=(site, client, False), daemon=True).start()

    def relay(self, source: socket.socket, sink: socket.socket, throttled: bool) -> None:
        try:
            while data := source.recv(4096):
                sink.sendall(data)
                if throttled and self.rate:
                    time.sleep(len(data) / self.rate)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self) -> None:
        self.listener.close()


def test_a_publish_cancelled_during_an_upload_sends_no_post_and_the_retry_makes_one(launch, cli, tmp_path, wordpress):
    headline = f"Council delays the budget vote {secrets.token_hex(4)}"
    photo = story_with_a_featured_photo(
        cli, tmp_path / "chamber.png", headline, "The vote moves to Thursday.", section="Politics", caption="The council chamber", credit="Ola Berg", alt="Empty seats in a council chamber"
    )
    # The upload takes about ten seconds over the link, whatever the photo's size.
    link = SlowLink(wordpress.url, rate=max(1024, photo.stat().st_size // 10))
    cli("site", "add", "Slow Daily", "--wordpress", link.url, "--user", wordpress.user, "--secret-file", str(tmp_path / "slow.secret"), stdin=wordpress.password + "\n")

    app = launch()
    app.open_article(headline)
    open_publish_dialog(app)
    app.click("Publish")
    wait_for(lambda: steps(app) == ["Signing in to Slow Daily…"], timeout=30, message=lambda: f"the sign-in step; the dialog shows {steps(app)}")
    # The window is not held while the photo goes up: the story takes more typing and saves it.
    app.type_body("", "", "The mayor did not comment.")
    app.wait_saved()
    assert steps(app) == ["Signing in to Slow Daily…"], f"the upload should still be under way: {steps(app)}"
    app.click("Cancel")
    result = wait_for(
        lambda: app.text_of(f'{PANEL} [data-testid="publish-result"]'),
        timeout=60,
        message=lambda: f"the publish to stop; the dialog shows {app.text_of(PANEL)!r}",
    )
    assert "Publishing was cancelled; nothing more was sent to Slow Daily." in result, result
    app.screenshot("publish-cancelled")
    assert wordpress.posts_titled(headline) == [], "a cancelled publish must not make a post"

    # Again, at full speed: one post, and the photo that went up before the cancel is reused.
    link.rate = None
    app.click("Try again")
    wait_published(app)
    assert any("already on the site" in line for line in steps(app)), steps(app)
    assert len(wordpress.posts_titled(headline)) == 1
    link.close()
    app.assert_no_error_toasts()


class Ghost:
    """The Ghost Admin API stand-in (scripts/ghost.sh): its posts, read with the site's own key."""

    def __init__(self, url: str, key: str):
        self.url = url.rstrip("/")
        self.key = key

    def posts_titled(self, title: str) -> list[dict]:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
        from ghost_stand_in import make_token

        now = int(time.time())
        request = urllib.request.Request(
            f"{self.url}/ghost/api/admin/posts/?limit=all&formats=html",
            headers={"Authorization": f"Ghost {make_token(self.key, now, now + 300)}"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return [post for post in json.loads(answer.read())["posts"] if post["title"] == title]


@pytest.fixture
def ghost() -> Ghost:
    values = server_env("NEWSROOM_GHOST_ENV", "scripts/ghost.sh")
    return Ghost(values["NEWSROOM_GHOST_URL"], values["NEWSROOM_GHOST_ADMIN_KEY"])


def test_publishes_live_to_a_ghost_site_with_its_featured_photo(launch, cli, tmp_path, ghost):
    headline = f"Night buses join the winter timetable {secrets.token_hex(4)}"
    story_with_a_featured_photo(
        cli, tmp_path / "bus.png", headline, "Three routes run until two in the morning.", section="Local", tag="Transport", caption="The 42 at the depot", credit="Ana Ruiz", alt="A red bus in a depot"
    )

    app = launch()
    app.open_article(headline)
    open_sites(app)
    Select(app.visible(f'{SITES} [data-testid="site-kind"]')).select_by_visible_text("Ghost")
    assert not app.css(f'{SITES} [data-testid="site-user"]').is_displayed(), "a Ghost site has no user name"
    for testid, value in [("site-name", "The Ghost Daily"), ("site-url", ghost.url), ("site-secret", ghost.key)]:
        field = app.visible(f'{SITES} [data-testid="{testid}"]')
        field.clear()
        field.send_keys(value)
    app.click("Add site")
    wait_for(lambda: "No keychain" in site_problem(app), timeout=30, message=lambda: f"the no-keychain sentence; the dialog says {site_problem(app)!r}")
    app.answer_dialog(str(tmp_path / "ghost.secret"))
    app.click("Keep the secret in a file…")
    wait_for(
        lambda: "Added The Ghost Daily; its Admin API key was accepted." in app.text_of(f'{SITES} [data-testid="site-added"]'),
        timeout=30,
        message=lambda: f"the site to be added; the dialog says {app.text_of(SITES)!r}",
    )
    assert "Ghost" in app.text_of(f'{SITES} [data-testid="site-list"]')
    app.screenshot("sites")
    app.click("Close")
    wait_for(lambda: not app.all_css(SITES), message="the Sites dialog to close")

    open_publish_dialog(app)
    assert app.field_value(f'{PANEL} [data-testid="publish-site"]') == "The Ghost Daily"
    app.css("#publish-status-publish").click()
    app.click("Publish")
    link = wait_published(app)
    shown = steps(app)
    assert any(line.startswith("Photo 1 of 1 uploaded (bus.png)") for line in shown), shown
    assert shown[-1] == "Creating the post…", shown

    posts = ghost.posts_titled(headline)
    assert len(posts) == 1, f"expected one post titled {headline!r}, found {len(posts)}"
    post = posts[0]
    assert post["status"] == "published" and post["url"] == link, post
    assert "Three routes run until two in the morning." in post["html"], post["html"]
    assert post["feature_image"] and post["feature_image_alt"] == "A red bus in a depot", post
    assert "The 42 at the depot" in post["feature_image_caption"] and "Ana Ruiz" in post["feature_image_caption"], post
    assert post["primary_tag"]["name"] == "Local", post["primary_tag"]
    app.assert_no_error_toasts()
