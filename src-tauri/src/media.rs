//! The `media` URI scheme: photo files for the webview, from the library's media folder only.
//!
//! `<base>/<hash>.<ext>` is the original, `<base>/thumb/<hash>.<ext>` a thumbnail of at most
//! 256 px, where the base is `media://localhost` on macOS and Linux and `http://media.localhost`
//! on Windows ([`base`]). The page builds its URLs with Tauri's `convertFileSrc(name, "media")`,
//! which encodes the name as one URI component (`thumb%2F<hash>.<ext>`): the path is
//! percent-decoded before it is read. Names are checked by the core ([`MediaName`]): 64 hex
//! digits and a known extension, so no other file on disk can be named. Files are read on one
//! worker thread, one at a time, so a page full of large photos never decodes them all at once.

use newsroom::library::{MediaBytes, MediaFiles, MediaName};
use std::sync::mpsc;
use tauri::http::{Method, Request, Response, StatusCode, header};
use tauri::{Runtime, UriSchemeContext, UriSchemeResponder};

/// The scheme's name, as registered and as written in the CSP (`img-src media:`).
pub const SCHEME: &str = "media";

/// The prefix under which the webview reaches the scheme, for the photo URLs the core writes
/// into preview HTML. It is the form Tauri's `convertFileSrc` gives (tauri's `scripts/core.js`):
/// WebView2 (Windows) and Android's WebView cannot register a custom scheme, so wry serves it as
/// `http://<scheme>.localhost/` there (`useHttpsScheme` is off, so `http`); WKWebView and
/// WebKitGTK take `<scheme>://localhost/`. tauri.conf.json's CSP allows both in `img-src`.
pub fn base() -> &'static str {
    if cfg!(any(windows, target_os = "android")) {
        "http://media.localhost/"
    } else {
        "media://localhost/"
    }
}

/// What a request names.
#[derive(Debug, PartialEq, Eq)]
enum Wanted {
    Original(MediaName),
    Thumbnail(MediaName),
}

fn wanted(path: &str) -> Option<Wanted> {
    let path = percent_decoded(path)?;
    let path = path.strip_prefix('/')?;
    match path.strip_prefix("thumb/") {
        Some(name) => MediaName::parse(name).map(Wanted::Thumbnail),
        None => MediaName::parse(path).map(Wanted::Original),
    }
}

/// `path` with its `%XX` escapes decoded; `None` for a malformed escape or bytes that are not
/// UTF-8. (A hand-written loop: the shell has no URL-decoding crate of its own for this.)
fn percent_decoded(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        if byte == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(byte);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The answer to one request; `files` is `None` when the library could not be opened.
fn respond(files: Option<&MediaFiles>, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return status(StatusCode::METHOD_NOT_ALLOWED);
    }
    let (Some(files), Some(wanted)) = (files, wanted(request.uri().path())) else {
        return status(StatusCode::NOT_FOUND);
    };
    let served = match &wanted {
        Wanted::Original(name) => files.original(name),
        Wanted::Thumbnail(name) => files.thumbnail(name),
    };
    match served {
        Ok(MediaBytes { bytes, mime }) => Response::builder()
            .status(StatusCode::OK)
            .header(header::CONTENT_TYPE, mime)
            // Named by their content, so they never change under the same URL.
            .header(header::CACHE_CONTROL, "max-age=31536000, immutable")
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .body(bytes)
            .unwrap_or_else(|_| status(StatusCode::INTERNAL_SERVER_ERROR)),
        Err(error) if error.kind() == newsroom::ErrorKind::NotFound => {
            status(StatusCode::NOT_FOUND)
        }
        Err(error) => {
            eprintln!("newsroom: could not serve {}: {error}", request.uri());
            status(StatusCode::INTERNAL_SERVER_ERROR)
        }
    }
}

fn status(code: StatusCode) -> Response<Vec<u8>> {
    let mut response = Response::new(Vec::new());
    *response.status_mut() = code;
    response
}

/// The scheme's handler, with its worker thread started. Requests queue for the worker; if it
/// cannot run, they are answered "unavailable" rather than left hanging.
pub fn handler<R: Runtime>(
    files: Option<MediaFiles>,
) -> impl Fn(UriSchemeContext<'_, R>, Request<Vec<u8>>, UriSchemeResponder) + Send + Sync + 'static
{
    let (queue, requests) = mpsc::channel::<(Request<Vec<u8>>, UriSchemeResponder)>();
    let worker = std::thread::Builder::new()
        .name("media".into())
        .spawn(move || {
            for (request, responder) in requests {
                responder.respond(respond(files.as_ref(), &request));
            }
        });
    if let Err(error) = worker {
        eprintln!("newsroom: photos cannot be shown: {error}");
    }
    move |_, request, responder| {
        if let Err(mpsc::SendError((_, responder))) = queue.send((request, responder)) {
            responder.respond(status(StatusCode::SERVICE_UNAVAILABLE));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom::Library;

    fn get(files: Option<&MediaFiles>, uri: &str) -> Response<Vec<u8>> {
        let request = Request::builder().uri(uri).body(Vec::new()).unwrap();
        respond(files, &request)
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let image = image_of(width, height);
        let mut out = std::io::Cursor::new(Vec::new());
        image.write_to(&mut out, image::ImageFormat::Png).unwrap();
        out.into_inner()
    }

    fn image_of(width: u32, height: u32) -> image::DynamicImage {
        image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 80])
        }))
    }

    #[test]
    fn paths_name_an_original_or_a_thumbnail_and_nothing_else() {
        let hash = "c0".repeat(32);
        assert!(matches!(
            wanted(&format!("/{hash}.png")),
            Some(Wanted::Original(_))
        ));
        assert!(matches!(
            wanted(&format!("/thumb/{hash}.jpg")),
            Some(Wanted::Thumbnail(_))
        ));
        // As `convertFileSrc` writes them: the name is one encoded URI component.
        assert!(matches!(
            wanted(&format!("/thumb%2F{hash}.jpg")),
            Some(Wanted::Thumbnail(_))
        ));
        assert!(matches!(
            wanted(&format!("/thumb%2f{hash}.jpg")),
            Some(Wanted::Thumbnail(_))
        ));
        for bad in [
            format!("/thumb%2F..%2F{hash}.png"),
            format!("/%2E%2E%2F{hash}.png"),
            format!("/thumb%2{hash}.png"),
            format!("/thumb%+F{hash}.png"),
            format!("/thumb%FF{hash}.png"),
            format!("/c0/{hash}.png"),
            format!("/thumb/../{hash}.png"),
            format!("/{hash}.txt"),
            "/library.db".to_string(),
            "/".to_string(),
        ] {
            assert_eq!(wanted(&bad), None, "{bad}");
        }
    }

    #[test]
    fn serves_originals_and_thumbnails_with_their_type_and_404_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let library = Library::open(&dir.path().join("lib.db")).unwrap();
        let bytes = png(400, 100);
        let info = newsroom::media::inspect(&bytes).unwrap();
        let file = library.media().store(&bytes, &info, "a.png").unwrap();
        let files = library.media_files();

        let original = get(
            Some(&files),
            &format!("media://localhost/{}.png", file.hash),
        );
        assert_eq!(original.status(), StatusCode::OK);
        assert_eq!(original.headers()[header::CONTENT_TYPE], "image/png");
        assert_eq!(original.body(), &bytes);

        let thumb = get(
            Some(&files),
            &format!("media://localhost/thumb/{}.png", file.hash),
        );
        assert_eq!(thumb.status(), StatusCode::OK);
        assert_eq!(thumb.headers()[header::CONTENT_TYPE], "image/jpeg");
        let small = image::load_from_memory(thumb.body()).unwrap();
        assert_eq!((small.width(), small.height()), (256, 64));

        // Windows' form of the same URL, and a thumbnail named as `convertFileSrc` encodes it.
        let windows = get(
            Some(&files),
            &format!("http://media.localhost/{}.png", file.hash),
        );
        assert_eq!(windows.status(), StatusCode::OK);
        assert_eq!(windows.body(), &bytes);
        let encoded = get(
            Some(&files),
            &format!("http://media.localhost/thumb%2F{}.png", file.hash),
        );
        assert_eq!(encoded.status(), StatusCode::OK);
        assert_eq!(encoded.body(), thumb.body());

        let absent = format!("media://localhost/{}.png", "1".repeat(64));
        assert_eq!(get(Some(&files), &absent).status(), StatusCode::NOT_FOUND);
        let outside = "media://localhost/../lib.db";
        assert_eq!(get(Some(&files), outside).status(), StatusCode::NOT_FOUND);
        let original_uri = format!("media://localhost/{}.png", file.hash);
        assert_eq!(get(None, &original_uri).status(), StatusCode::NOT_FOUND);
        let post = Request::builder()
            .method(Method::POST)
            .uri(original_uri)
            .body(Vec::new())
            .unwrap();
        assert_eq!(
            respond(Some(&files), &post).status(),
            StatusCode::METHOD_NOT_ALLOWED
        );
    }
}
