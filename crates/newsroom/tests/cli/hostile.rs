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

/// No live markup from the payloads: inside every tag (text between `<` and `>`, which escaped
/// text cannot contain) there is no script but JSON-LD, no event handler, no javascript: URL,
/// no svg, iframe or object.
fn assert_inert(html: &str) {
    let lower = html.to_ascii_lowercase();
    for tag in lower.split('<').skip(1).filter_map(|rest| rest.split('>').next()) {
        let name = tag.split_whitespace().next().unwrap_or("");
        assert!(
            name != "script" || tag == "script type=\"application/ld+json\"",
            "live script tag <{tag}> in {html}"
        );
        for bad in ["svg", "iframe", "object", "embed"] {
            assert_ne!(name, bad, "<{tag}> survived in {html}");
        }
        for bad in ["onerror", "onload", "onclick", "javascript:", "style="] {
            assert!(!tag.contains(bad), "{bad} survived in <{tag}>");
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
    let png = cli.file("p.png", crate::harness::image_bytes(image::ImageFormat::Png, 8, 8));
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
    cli.run(&["relate", &ids[0], "--url", "https://example.org/", "--title", PAYLOADS[1]])
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
            let html = std::fs::read_to_string(out.join(&file)).unwrap();
            assert_inert(&html);
            // The words themselves are still there, escaped, for the editor to fix.
            assert!(html.contains("&lt;script&gt;") || file.ends_with("index.html") || html.contains("\\u003cscript"), "{}", file.display());
        }
    }
}

#[test]
fn export_never_writes_outside_its_folder() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "../../../../tmp/escape"]);
    let evil_name = cli.file("..%2f..%2fescape.png", crate::harness::image_bytes(image::ImageFormat::Png, 4, 4));
    cli.run(&["attach", &id, evil_name.to_str().unwrap(), "--featured"]).ok();
    let outer = cli.path("outer");
    let out = outer.join("site");
    cli.run(&["export", &id, "--out", out.to_str().unwrap()]).ok();
    let everything = files_below(&outer);
    assert!(!everything.is_empty());
    for f in &everything {
        assert!(f.starts_with("site"), "{} was written outside the export folder", f.display());
    }
    assert_eq!(cli.show(&id)["slug"], "tmp-escape");
}

#[test]
fn exporting_into_a_file_is_refused() {
    let cli = Cli::new();
    let id = cli.new_article(&["--headline", "Story"]);
    let file = cli.file("not-a-folder", "x");
    cli.run(&["export", &id, "--out", file.to_str().unwrap()]).fails_with("not-a-folder");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
}
