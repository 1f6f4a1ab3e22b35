//! The real WordPress the test script started (`scripts/wordpress.sh`, named by
//! `NEWSROOM_WP_ENV`), shared by the core's publishing tests (`tests/wordpress.rs`) and the
//! CLI's (`tests/cli/publish.rs`) through `#[path]`.

use std::collections::HashMap;

/// The server's address and an Application Password of its editor account.
pub struct Server {
    pub url: String,
    pub user: String,
    pub password: String,
}

impl Server {
    /// The server named by `NEWSROOM_WP_ENV`, or `None` after saying why the test skips. Under
    /// CI a missing server is a failure: the proof must not vanish quietly.
    pub fn get() -> Option<Server> {
        let Some(path) = std::env::var_os("NEWSROOM_WP_ENV") else {
            let under_ci = std::env::var("CI").is_ok_and(|v| v == "true");
            assert!(
                !under_ci,
                "NEWSROOM_WP_ENV is not set and CI=true: scripts/test.sh starts WordPress for these tests"
            );
            eprintln!(
                "skipped: no WordPress (start one with scripts/wordpress.sh, see tests/wordpress.rs)"
            );
            return None;
        };
        let text = std::fs::read_to_string(&path).expect("the server's env file");
        let values: HashMap<&str, &str> = text
            .lines()
            .filter_map(|line| line.split_once('='))
            .map(|(name, value)| (name.trim(), value.trim()))
            .collect();
        let value = |name: &str| {
            values
                .get(name)
                .map(|v| v.to_string())
                .unwrap_or_else(|| panic!("{name} in {path:?}"))
        };
        Some(Server {
            url: value("NEWSROOM_WP_URL"),
            user: value("NEWSROOM_WP_USER"),
            password: value("NEWSROOM_WP_APP_PASSWORD"),
        })
    }
}
