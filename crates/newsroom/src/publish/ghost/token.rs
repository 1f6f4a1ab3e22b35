//! The token Ghost's Admin API signs in with: a JSON Web Token (HS256) made from an Admin API key
//! (`id:secret`, the id naming the key and the secret, in hex, signing), valid for five minutes
//! and only for the Admin API. It is three base64url parts joined by dots; the signature is
//! HMAC-SHA256 from the `hmac` crate. A JWT crate would bring RSA and elliptic curves for one
//! algorithm that needs none of them.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::publish::error::PublishError;

/// How long a token is valid: the most Ghost accepts.
const LIFETIME_SECS: i64 = 5 * 60;

/// An Admin API key, checked.
#[derive(Clone)]
pub struct AdminKey {
    id: String,
    secret: Vec<u8>,
}

impl std::fmt::Debug for AdminKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The secret never reaches a log.
        f.debug_struct("AdminKey").field("id", &self.id).finish()
    }
}

impl AdminKey {
    /// Reads a key as Ghost shows it (Settings → Integrations): 24 hexadecimal digits, a colon,
    /// 64 hexadecimal digits.
    pub fn parse(key: &str) -> Result<AdminKey, PublishError> {
        let bad = PublishError::BadAdminKey;
        let (id, secret) = key.trim().split_once(':').ok_or(bad)?;
        let hex = |text: &str| text.chars().all(|c| c.is_ascii_hexdigit());
        if id.len() != 24 || !hex(id) || secret.len() != 64 || !hex(secret) {
            return Err(PublishError::BadAdminKey);
        }
        let secret = (0..secret.len())
            .step_by(2)
            .map(|at| u8::from_str_radix(&secret[at..at + 2], 16))
            .collect::<Result<Vec<u8>, _>>()
            .map_err(|_| PublishError::BadAdminKey)?;
        Ok(AdminKey {
            id: id.to_ascii_lowercase(),
            secret,
        })
    }

    /// A token issued at `now` (Unix seconds).
    pub fn token(&self, now: i64) -> Result<String, PublishError> {
        let header = serde_json::json!({ "alg": "HS256", "typ": "JWT", "kid": self.id });
        let claims =
            serde_json::json!({ "iat": now, "exp": now + LIFETIME_SECS, "aud": "/admin/" });
        let signed = format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(claims.to_string())
        );
        // HMAC takes a key of any length; the error cannot happen.
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret)
            .map_err(|_| PublishError::BadAdminKey)?;
        mac.update(signed.as_bytes());
        let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
        Ok(format!("{signed}.{signature}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str =
        "6489f3a2c1d4e5f60718293a:00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

    #[test]
    fn a_token_names_its_key_lasts_five_minutes_and_is_for_the_admin_api() {
        let token = AdminKey::parse(KEY).unwrap().token(1_796_374_800).unwrap();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3);
        let decode = |part: &str| -> serde_json::Value {
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
        };
        assert_eq!(
            decode(parts[0]),
            serde_json::json!({"alg": "HS256", "typ": "JWT", "kid": "6489f3a2c1d4e5f60718293a"})
        );
        assert_eq!(
            decode(parts[1]),
            serde_json::json!({"iat": 1_796_374_800, "exp": 1_796_375_100, "aud": "/admin/"})
        );
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&[
            0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd,
            0xee, 0xff, 0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb,
            0xcc, 0xdd, 0xee, 0xff,
        ])
        .unwrap();
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        mac.verify_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap())
            .expect("signed with the secret's bytes");
    }

    #[test]
    fn keys_that_are_not_id_colon_secret_in_hex_are_refused() {
        for key in [
            "",
            "abc",
            "6489f3a2c1d4e5f60718293a",
            "6489f3a2c1d4e5f60718293a:zz",
            &KEY.replace(':', ""),
        ] {
            assert!(AdminKey::parse(key).is_err(), "{key}");
        }
    }
}
