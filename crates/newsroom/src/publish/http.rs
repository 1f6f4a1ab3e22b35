//! The HTTP side of publishing: one client with timeouts, the system's certificate store, and no
//! redirects, whose failures are sentences that name the site.
//!
//! Redirects are not followed because a `POST` that is redirected arrives as a `GET` without its
//! body: a site that moved is reported with its new address instead (see [`Reply::moved_to`]).

use std::time::Duration;

use ureq::Agent;
use ureq::http::Response;
use ureq::tls::{RootCerts, TlsConfig};
use ureq::unversioned::multipart::{Form, Part};

use super::error::PublishError;

/// Longest a site may take to accept a connection.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);
/// Longest one request may take in all, uploads of large photos included.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(180);
/// Largest answer read from a site: a post with its whole body, or a page of terms.
const MAX_REPLY_BYTES: u64 = 32 * 1024 * 1024;

/// A site's answer: its status and its body, parsed as JSON where it is JSON.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub json: serde_json::Value,
    location: Option<String>,
}

impl Reply {
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Where a redirect points, if the site answered with one.
    pub fn moved_to(&self) -> Option<&str> {
        (300..400)
            .contains(&self.status)
            .then_some(self.location.as_deref())
            .flatten()
    }

    /// A string field of the JSON body.
    pub fn str(&self, field: &str) -> Option<&str> {
        self.json.get(field).and_then(|v| v.as_str())
    }
}

/// The HTTP client of one publishing run.
pub struct Http {
    agent: Agent,
    /// The host name, for sentences about the network.
    host: String,
    /// Headers every request carries (an API version).
    always: Vec<(&'static str, &'static str)>,
}

impl Http {
    /// A client for the site at `url` (a canonical site address).
    pub fn new(url: &str) -> Http {
        Http::with_timeout(url, REQUEST_TIMEOUT)
    }

    /// A client whose requests give up after `timeout` in all.
    fn with_timeout(url: &str, timeout: Duration) -> Http {
        let tls = TlsConfig::builder()
            .root_certs(RootCerts::PlatformVerifier)
            .build();
        let agent = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_connect(Some(CONNECT_TIMEOUT))
            .timeout_global(Some(timeout))
            .user_agent(concat!("Newsroom/", env!("CARGO_PKG_VERSION")))
            .tls_config(tls)
            .build()
            .new_agent();
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_else(|| url.to_owned());
        Http {
            agent,
            host,
            always: Vec::new(),
        }
    }

    /// The same client, sending `name: value` with every request.
    pub fn with_header(mut self, name: &'static str, value: &'static str) -> Http {
        self.always.push((name, value));
        self
    }

    fn headers<B>(
        &self,
        mut request: ureq::RequestBuilder<B>,
        auth: &str,
        extra: &[(&str, &str)],
    ) -> ureq::RequestBuilder<B> {
        if !auth.is_empty() {
            request = request.header("Authorization", auth);
        }
        for (name, value) in self.always.iter().copied().chain(extra.iter().copied()) {
            request = request.header(name, value);
        }
        request
    }

    pub fn get(&self, url: &str, auth: &str) -> Result<Reply, PublishError> {
        self.finish(self.headers(self.agent.get(url), auth, &[]).call())
    }

    pub fn post_json(
        &self,
        url: &str,
        auth: &str,
        body: &serde_json::Value,
    ) -> Result<Reply, PublishError> {
        self.finish(
            self.headers(self.agent.post(url), auth, &[])
                .send_json(body),
        )
    }

    pub fn put_json(
        &self,
        url: &str,
        auth: &str,
        body: &serde_json::Value,
    ) -> Result<Reply, PublishError> {
        self.finish(self.headers(self.agent.put(url), auth, &[]).send_json(body))
    }

    /// Sends `bytes` as the body, with the headers given (content type, disposition).
    pub fn post_bytes(
        &self,
        url: &str,
        auth: &str,
        headers: &[(&str, &str)],
        bytes: &[u8],
    ) -> Result<Reply, PublishError> {
        self.finish(
            self.headers(self.agent.post(url), auth, headers)
                .send(bytes),
        )
    }

    /// Sends a `multipart/form-data` form: one file and text fields.
    pub fn post_file(
        &self,
        url: &str,
        auth: &str,
        file: (&str, &str, &str, &[u8]),
        fields: &[(&str, &str)],
    ) -> Result<Reply, PublishError> {
        let (field, file_name, content_type, bytes) = file;
        let part = Part::bytes(bytes)
            .file_name(file_name)
            .mime_str(content_type)
            .map_err(|e| self.transport_error(e))?;
        let mut form = Form::new().part(field, part);
        for (name, value) in fields {
            form = form.text(name, value);
        }
        self.finish(self.headers(self.agent.post(url), auth, &[]).send(form))
    }

    fn finish(
        &self,
        sent: Result<Response<ureq::Body>, ureq::Error>,
    ) -> Result<Reply, PublishError> {
        let mut response = sent.map_err(|e| self.transport_error(e))?;
        let status = response.status().as_u16();
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_REPLY_BYTES)
            .read_to_vec()
            .map_err(|e| self.transport_error(e))?;
        // Some hosts put a byte-order mark or PHP notices before the JSON.
        let json = serde_json::from_slice(&body)
            .or_else(|_| {
                let start = body.iter().position(|&b| b == b'{' || b == b'[');
                serde_json::from_slice(&body[start.unwrap_or(body.len())..])
            })
            .unwrap_or(serde_json::Value::Null);
        Ok(Reply {
            status,
            json,
            location,
        })
    }

    /// What a failure below HTTP means for the editor.
    fn transport_error(&self, error: ureq::Error) -> PublishError {
        let host = self.host.clone();
        match error {
            ureq::Error::HostNotFound => PublishError::HostNotFound { host },
            ureq::Error::Timeout(_) | ureq::Error::BodyStalled => PublishError::TimedOut { host },
            ureq::Error::Tls(detail) => PublishError::Tls {
                host,
                detail: detail.to_owned(),
            },
            ureq::Error::Rustls(detail) => PublishError::Tls {
                host,
                detail: tls_detail(&detail),
            },
            ureq::Error::ConnectionFailed => PublishError::Unreachable {
                host,
                detail: "the connection was refused".into(),
            },
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                PublishError::TimedOut { host }
            }
            ureq::Error::Io(io) if names_no_host(&io) => PublishError::HostNotFound { host },
            ureq::Error::Io(io) if io.get_ref().is_some_and(|e| e.is::<rustls::Error>()) => {
                let detail = io
                    .get_ref()
                    .and_then(|e| e.downcast_ref::<rustls::Error>())
                    .map(tls_detail)
                    .unwrap_or_default();
                PublishError::Tls { host, detail }
            }
            ureq::Error::BodyExceedsLimit(_) => PublishError::Unreachable {
                host,
                detail: "its answer was larger than any post".into(),
            },
            other => PublishError::Unreachable {
                host,
                detail: other.to_string(),
            },
        }
    }
}

/// Whether an I/O error is a failed name lookup. Windows says so with an error code
/// (WSAHOST_NOT_FOUND, WSANO_DATA); elsewhere the system resolver reports it as a message, not a
/// kind: glibc's "failed to lookup address information", macOS's "nodename nor servname provided".
fn names_no_host(error: &std::io::Error) -> bool {
    if cfg!(windows) && matches!(error.raw_os_error(), Some(11001 | 11004)) {
        return true;
    }
    let message = error.to_string();
    ["lookup address", "No such host", "nodename nor servname"]
        .iter()
        .any(|words| message.contains(words))
}

/// What a TLS failure means, in words for the editor where it is a common one.
fn tls_detail(error: &rustls::Error) -> String {
    use rustls::CertificateError as Certificate;
    match error {
        rustls::Error::InvalidCertificate(
            Certificate::Expired | Certificate::ExpiredContext { .. },
        ) => "the site's certificate has expired".into(),
        rustls::Error::InvalidCertificate(
            Certificate::NotValidForName | Certificate::NotValidForNameContext { .. },
        ) => "the site's certificate is for another address".into(),
        rustls::Error::InvalidCertificate(Certificate::UnknownIssuer) => {
            "the site's certificate is not signed by an authority this computer trusts".into()
        }
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            "the server does not speak HTTPS at this address".into()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_that_never_answers_is_a_timeout_in_words() {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        // Takes the connection and says nothing.
        let silent = std::thread::spawn(move || listener.accept().map(|(stream, _)| stream));
        let http = Http::with_timeout(&url, Duration::from_millis(300));
        let error = http.get(&url, "").unwrap_err();
        assert_eq!(error.kind(), crate::ErrorKind::Network);
        assert_eq!(
            error.to_string(),
            "The server 127.0.0.1 took too long to answer; try again, or check the network."
        );
        drop(silent.join());
    }
}
