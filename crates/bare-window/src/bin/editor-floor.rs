//! The editor floor: the bare window showing what any editor of this article must show, and
//! nothing of Newsroom's own: its CodeMirror editor holding the article, beside the article's
//! HTML in a preview frame (the page is `ui/bench/floor/`).
//!
//! `scripts/bench-app.sh` measures it in turn with the bare window and Newsroom (issue 12), so
//! that Newsroom's memory splits into what the engine costs (the bare window), what showing the
//! article in an editor and a preview costs (this window over the bare one), and Newsroom's own
//! share (Newsroom over this window). It is the bare window's binary in every other way: same
//! crate, same configuration, same Tauri; only the page differs, served from the folder named
//! on the command line (the bench writes the article into it), so changing the page or the
//! article needs no rebuild.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use tauri::http::{Response, StatusCode, header};
use tauri::{WebviewUrl, WebviewWindowBuilder};

/// The scheme the page is served under.
const SCHEME: &str = "floor";

fn main() -> ExitCode {
    let Some(page) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!(
            "usage: editor-floor PAGE_FOLDER (the built ui/bench/floor page with article.md and article.html)"
        );
        return ExitCode::from(2);
    };
    let mut context = tauri::generate_context!();
    // The window is made below, on the page's own scheme, instead of the bare page's.
    context.config_mut().app.windows.clear();
    tauri::Builder::default()
        .register_uri_scheme_protocol(SCHEME, move |_, request| serve(&page, request.uri().path()))
        .setup(|app| {
            WebviewWindowBuilder::new(app, "main", WebviewUrl::CustomProtocol(page_url()?))
                .title("editor floor")
                .inner_size(1280.0, 800.0)
                .center()
                .build()?;
            Ok(())
        })
        .run(context)
        .expect("the editor floor could not run");
    ExitCode::SUCCESS
}

/// Where the page starts: WebKitGTK and WKWebView take custom schemes as they are, WebView2
/// only as a host under `http://`.
fn page_url() -> Result<tauri::Url, Box<dyn std::error::Error>> {
    let url = if cfg!(windows) {
        format!("http://{SCHEME}.localhost/index.html")
    } else {
        format!("{SCHEME}://localhost/index.html")
    };
    Ok(url.parse()?)
}

/// The file at `path` under `root`, or 404: nothing outside the folder is served.
fn serve(root: &Path, path: &str) -> Response<Vec<u8>> {
    let relative = Path::new(path.trim_start_matches('/'));
    let inside = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    // A path that leaves the folder is refused before anything is read.
    let body = if inside {
        std::fs::read(root.join(relative)).ok()
    } else {
        None
    };
    match body {
        Some(body) => Response::builder()
            .header(header::CONTENT_TYPE, content_type(relative))
            .body(body),
        None => Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Vec::new()),
    }
    .unwrap_or_else(|_| Response::new(Vec::new()))
}

/// The MIME type of the page's files, by extension.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    }
}
