//! Markup and scripts in every field: escaped or sanitized wherever they come out.

use crate::harness::{Cli, files_below};

const PAYLOADS: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "</script><script>alert(2)</script>",
];

const BODY: &str = "Intro <script>alert('body')</script>\n\n\
<img src=x onerror=alert(1)>\n\n\
[click](javascript:alert(1)) [also](jav&#x61;script:alert(1))\n\n\
<svg onload=alert(1)><circle/></svg>\n\n\
<iframe src=\"https://evil.example\"></iframe>\n\n\
![x](javascript:alert(1) \"<b>title</b>\")\n";

/// No live markup from the payloads, as a browser would parse the page: no script element but
/// JSON-LD, no svg, iframe, object or embed, no stylesheet but the page's own in <head>, no
/// event handler or style attribute, no
/// javascript: URL.
fn assert_inert(html: &str) {
    let document = scraper::Html::parse_document(html);
    for node in document.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name();
        assert!(
            name != "script" || element.attr("type") == Some("application/ld+json"),
            "a live script element in {html}"
        );
        assert!(
            !["svg", "iframe", "object", "embed"].contains(&name),
            "<{name}> survived in {html}"
        );
        let in_head = node
            .parent()
            .and_then(|p| p.value().as_element().map(|e| e.name() == "head"))
            .unwrap_or(false);
        assert!(
            name != "style" || in_head,
            "a <style> in the body of {html}"
        );
        for (attribute, value) in element.attrs() {
            assert!(
                !attribute.starts_with("on") && attribute != "style",
                "{attribute}= on <{name}> survived in {html}"
            );
            let value = value.trim().to_ascii_lowercase();
            assert!(
                !value.starts_with("javascript:") && !value.starts_with("data:text"),
                "{attribute}=\"{value}\" on <{name}>"
            );
        }
    }
}

#[test]
fn hostile_metadata_and_body_are_inert_in_render_and_export() {
    let cli = Cli::new();
    let body = cli.file("evil.md", BODY);
    let mut ids = Vec::new();
    for (i, p) in PAYLOADS.iter().enumerate() {
        let id = cli.new_article(&[
            "--headline",
            &format!("Headline {i} {p}"),
            "--dek",
            p,
            "--section",
            p,
            "--byline",
            p,
            "--dateline",
            p,
            "--tag",
            p,
            "--body-file",
            body.to_str().unwrap(),
        ]);
        ids.push(id);
    }
    let png = cli.file(
        "p.png",
        crate::harness::image_bytes(image::ImageFormat::Png, 8, 8),
    );
    cli.run(&[
        "attach",
        &ids[0],
        png.to_str().unwrap(),
        "--caption",
        PAYLOADS[0],
        "--credit",
        PAYLOADS[1],
        "--alt",
        PAYLOADS[2],
        "--featured",
    ])
    .ok();
    cli.run(&[
        "relate",
        &ids[0],
        "--url",
        "https://example.org/",
        "--title",
        PAYLOADS[1],
    ])
    .ok();
    cli.run(&["relate", &ids[0], &ids[1]]).ok();

    assert_inert(&cli.run(&["render", body.to_str().unwrap()]).ok());

    let out = cli.path("site");
    let mut args = vec!["export"];
    args.extend(ids.iter().map(String::as_str));
    args.extend(["--out", out.to_str().unwrap()]);
    cli.run(&args).ok();
    for file in files_below(&out) {
        if file.extension().is_some_and(|e| e == "html") {
            assert_inert(&std::fs::read_to_string(out.join(&file)).unwrap());
        }
    }
    // The words themselves are still there, as text, for the editor to fix.
    for (id, payload) in ids.iter().zip(PAYLOADS) {
        let slug = cli.show(id)["slug"].as_str().unwrap().to_string();
        let page = std::fs::read_to_string(out.join(format!("{slug}.html"))).unwrap();
        let document = scraper::Html::parse_document(&page);
        let headline = scraper::Selector::parse("h1").unwrap();
        let text: String = document.select(&headline).flat_map(|h| h.text()).collect();
        assert!(text.contains(payload), "{text:?} should show {payload:?}");
    }
}

#[test]
fn export_never_writes_outside_its_folder() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "../../../../tmp/escape"]);
    let evil_name = cli.file(
        "..%2f..%2fescape.png",
        crate::harness::image_bytes(image::ImageFormat::Png, 4, 4),
    );
    cli.run(&["attach", &id, evil_name.to_str().unwrap(), "--featured"])
        .ok();
    let outer = cli.path("outer");
    let out = outer.join("site");
    cli.run(&["export", &id, "--out", out.to_str().unwrap()])
        .ok();
    let everything = files_below(&outer);
    assert!(!everything.is_empty());
    for f in &everything {
        assert!(
            f.starts_with("site"),
            "{} was written outside the export folder",
            f.display()
        );
    }
    assert_eq!(cli.show(&id)["slug"], "tmp-escape");
}

#[test]
fn exporting_into_a_file_is_refused() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Story"]);
    let file = cli.file("not-a-folder", "x");
    cli.run(&["export", &id, "--out", file.to_str().unwrap()])
        .fails_with("not-a-folder");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}
