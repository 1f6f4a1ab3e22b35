//! Running the real binary against a library in a temporary folder.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary library and a way to run `newsroom` on it.
pub struct Cli {
    pub dir: tempfile::TempDir,
}

/// What one run printed.
pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Asserts success and returns stdout.
    #[track_caller]
    pub fn ok(self) -> String {
        assert_eq!(
            self.status, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self.stdout
    }

    /// Asserts failure with one clear sentence on stderr containing `needle`; returns stderr.
    #[track_caller]
    pub fn fails_with(self, needle: &str) -> String {
        assert_ne!(
            self.status, 0,
            "expected failure, got stdout {}",
            self.stdout
        );
        let message = self.stderr.trim();
        assert!(
            message.contains(needle),
            "stderr should mention {needle:?}: {message}"
        );
        assert!(
            message.starts_with("newsroom: ") && message.ends_with('.'),
            "errors are one sentence: {message}"
        );
        assert!(!message.contains("panicked"), "{message}");
        self.stderr
    }
}

impl Cli {
    pub fn new() -> Cli {
        Cli {
            dir: tempfile::tempdir().expect("temporary folder"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("library.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file in the test folder and returns its path.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folder");
        }
        std::fs::write(&path, contents).expect("write fixture");
        path
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_stdin(args, None)
    }

    pub fn run_with_stdin(&self, args: &[&str], stdin: Option<&[u8]>) -> Run {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsroom"))
            .args(args)
            .env("NEWSROOM_DB", self.db())
            .stdin(if stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run newsroom");
        if let Some(input) = stdin {
            let mut pipe = child.stdin.take().expect("stdin");
            pipe.write_all(input).expect("write stdin");
        }
        let Output {
            status,
            stdout,
            stderr,
        } = child.wait_with_output().expect("wait for newsroom");
        Run {
            status: status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    /// `newsroom new` with these arguments; returns the id.
    pub fn new_article(&self, args: &[&str]) -> String {
        let mut all = vec!["new"];
        all.extend_from_slice(args);
        self.run(&all).ok().trim().to_string()
    }

    /// `show --json`, parsed.
    pub fn show(&self, id: &str) -> serde_json::Value {
        let out = self.run(&["show", id, "--json"]).ok();
        serde_json::from_str(&out).expect("show --json prints JSON")
    }

    /// The whole library as `list --json` sees it, to compare before and after a failure.
    pub fn snapshot(&self) -> String {
        let list = self.run(&["list", "--json"]).ok();
        let ids: Vec<serde_json::Value> = serde_json::from_str(&list).expect("list JSON");
        let mut all = String::new();
        for entry in ids {
            let id = entry["id"].to_string();
            let mut shown = self.show(&id);
            // updated_at is compared too: a failed command must not even touch the row.
            shown["_"] = serde_json::Value::Null;
            all.push_str(&shown.to_string());
        }
        all
    }
}

/// A small real image encoded in `format` (width × height, a gradient so it is not empty).
pub fn image_bytes(format: image::ImageFormat, width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8, (y * 5) as u8, ((x + y) * 3) as u8])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut out, format)
        .expect("encode test image");
    out.into_inner()
}

/// Every file below `dir`, relative, sorted.
pub fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(rel) = p.strip_prefix(dir) {
                out.push(rel.to_path_buf());
            }
        }
    }
    out.sort();
    out
}
