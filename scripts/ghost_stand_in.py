#!/usr/bin/env python3
"""A stand-in for Ghost 5's Admin API, for the publishing tests (a real Ghost needs Node.js 22).

It implements the part of the Admin API a publishing client depends on, as Ghost documents it
and, where the documentation is silent, as Ghost's own source code does it. Everything is kept in
memory except uploaded images, which are written under --content-dir and served back at the URL
the upload answers with. Python 3.11, standard library only.

    python3 scripts/ghost_stand_in.py [--port 0] [--port-file F] [--content-dir DIR]
                                      [--upload-limit BYTES] [--title TITLE]
    python3 scripts/ghost_stand_in.py --self-test

The Admin API key (`<24 hex id>:<64 hex secret>`) is read from $NEWSROOM_GHOST_ADMIN_KEY, so that
it never appears on a command line. The upload limit is --upload-limit, else
$NEWSROOM_GHOST_UPLOAD_LIMIT, else 5 MiB. scripts/ghost.sh starts and stops it.

Sources (URLs only): D = Ghost's documentation (and one issue showing an answer as sent), S = the
source code that does it (Ghost's, or a library it calls), "assumption" = neither says; the
stand-in's own choice.
  D1 https://docs.ghost.org/admin-api                      (base URL, Accept-Version, token auth, errors)
  D2 https://docs.ghost.org/admin-api/posts/overview        (post object, endpoints, ?formats)
  D3 https://docs.ghost.org/admin-api/posts/creating-a-post (required title, ?source=html, tags)
  D4 https://docs.ghost.org/admin-api/posts/updating-a-post (required updated_at, relations replaced)
  D5 https://docs.ghost.org/admin-api/images/overview       (image object: url, ref)
  D6 https://docs.ghost.org/admin-api/images/uploading-an-image (multipart file, purpose, ref)
  D7 https://docs.ghost.org/admin-api/site/overview         (unauthenticated site object)
  D8 https://github.com/TryGhost/Ghost/issues/11461         (a schema ValidationError as sent)
  S1 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/services/auth/api-key/admin.js
  S2 https://github.com/auth0/node-jsonwebtoken/blob/master/verify.js (the checks S1 delegates)
  S3 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/services/auth/authorize.js
  S4 https://github.com/TryGhost/framework/blob/main/packages/errors/src/errors.ts
  S5 https://github.com/TryGhost/Ghost/blob/main/ghost/mw-error-handler/lib/mw-error-handler.js
  S6 https://github.com/TryGhost/framework/blob/main/packages/bookshelf-collision/lib/bookshelf-collision.js
  S7 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/models/post.js
  S8 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/api/endpoints/utils/serializers/input/posts.js
  S9 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/api/endpoints/posts.js
  S10 https://github.com/TryGhost/Ghost/blob/main/ghost/api-framework/lib/validators/input/all.js
  S11 https://github.com/TryGhost/SDK/blob/main/packages/admin-api-schema/lib/canary/posts.json
  S12 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/web/api/middleware/upload.js
  S13 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/shared/config/overrides.json
  S14 https://github.com/TryGhost/Ghost-Storage-Base/blob/main/lib/StorageBase.js (file names)
  S15 https://github.com/TryGhost/SDK/blob/main/packages/string/lib/slugify.js
  S16 https://github.com/TryGhost/Ghost/blob/main/ghost/core/core/server/api/endpoints/images.js

Behaviour and source:
  Auth   `Authorization: Ghost <jwt>`, HS256 signed with the hex-decoded secret, `kid` = key id (D1, S1)
         no header -> 403 NoPermissionError "Authorization failed" (S3; NOT 401)
         other scheme, or no token after it -> 401 INVALID_AUTH_HEADER (S1)
         not a JWS / unreadable header -> 400 BadRequestError INVALID_JWT "Invalid token" (S1)
         no kid -> 400 MISSING_ADMIN_API_KID; unknown kid -> 401 UNKNOWN_ADMIN_API_KEY (S1)
         alg not HS256, bad signature, exp passed, aud not "admin" (slashes around it optional),
         no numeric iat, or iat 5 minutes old ("maxAge exceeded") -> 401 INVALID_JWT
         "Invalid token: <jsonwebtoken's message>" (S1, S2); nbf in the future -> 500 (S1 only
         maps TokenExpiredError and JsonWebTokenError, S2)
         exp more than 5 minutes after iat -> 401 INVALID_JWT: docs only (D1); Ghost's code does
         not check it (it only refuses a token whose iat is 5 minutes old)
  Errors {"errors":[{message, context, type, details, property, help, code, id,
         ghostErrorCode}]}, status from the type (S4, S5); inside an endpoint the message becomes
         the user message ("Saving failed! ...", "Validation error, cannot edit post.") and the
         original message moves to context (S5)
  Site   GET /site/ without auth -> {"site": {title, description, logo, icon, accent_color,
         locale, url, version}} (D7; icon/accent_color/locale: assumption)
  Posts  browse, read by id and by slug, add (201), edit, delete (204) (D2, S9)
         ?formats: default mobiledoc,lexical; html and plaintext only when asked; other -> 422 (D2, S8, S9)
         ?fields=a,b keeps only those fields (D2)
         ?filter: an NQL subset (key:value, 'quoted', [list], -not, >, >=, <, <=, ~ contains,
         + and, , or; no parentheses); tag/tags/primary_tag match tag slugs (assumption: subset)
         ?limit (15, or all), ?page, ?order "field asc|desc"; default order: scheduled, drafts,
         then newest published_at, then updated_at (S7); meta.pagination (D2)
         add needs title; edit needs updated_at; unknown fields -> 422 ValidationError, fields a
         post returns are accepted and ignored if read-only (S11, D8; message wording from D8)
         ?source=html converts the html (D3, S8); here the HTML is kept as given as `html`, and
         `lexical` is one HTML card holding it (assumption: Ghost's conversion is lossy, D3)
         html without ?source=html is ignored: html is generated (S7, S8)
         lexical sent without ?source=html is stored; html is rendered from its HTML cards and
         text paragraphs/headings only (assumption: a minimal renderer)
         tags: strings (names) or {name|slug|id} (S8, S11); the tags sent replace the post's
         (D4); duplicate names in one request dropped (S7); a tag is found by slug, else by name
         ignoring case, else created; "#name" is internal with slug "hash-name" (assumption:
         Ghost's relation plugin and tag model, not read)
         primary_tag: the first tag if public, else null (S7)
         slug: Ghost's slugify, "-2", "-3" for duplicates, "-post" after ghost/rss/amp, "post" if
         empty; only a new, empty or changed slug is regenerated (S7, S15)
         title blank -> "(Untitled)" (S7)
         status published without published_at -> now; scheduled needs published_at at least
         2 minutes ahead (Ghost 5's config; newer Ghost allows 2 minutes in the past, S13);
         published -> scheduled refused (S7)
         updated_at: stale (other instant than the post's) -> 409 UpdateCollisionError
         UPDATE_COLLISION, details {clientUpdatedAt, serverUpdatedAt} (S6); Ghost skips the check
         when no column changed, but an Admin API edit always sets the posts_meta relation, so
         any stale edit is refused here (assumption); updated_at null is taken as current (S6)
         updated_at has whole seconds, like Ghost's DATETIME columns; each change moves it by at
         least one second so that a stale value is always told apart (assumption)
         id in the path must be 24 hex digits -> else 422 "Validation (matches) failed for id" (S10)
         unknown id or slug -> 404 NotFoundError "Post not found." (S7)
         url: /{slug}/ when published, /p/{uuid}/ otherwise; excerpt: custom_excerpt, else the
         text's first 500 characters; reading_time from 275 words a minute (assumption: approx.)
         authors: always the site's one staff user (assumption)
  Tags   GET /tags/ (browse, filter, limit), /tags/{id}/, /tags/slug/{slug}/ (assumption: read-only)
  Images POST /images/upload/, multipart `file` (+ `purpose`, `ref`) -> 201
         {"images":[{"url","ref"}]}, ref null when not sent (D5, D6, S16)
         no file -> 422 "Please select an image."; type/extension not an image Ghost takes
         (jpg jpeg gif png svg svgz ico webp, by both the part's Content-Type and the file name)
         -> 415 UnsupportedMediaTypeError (S12, S13); a file field not named `file` -> 500
         "Unexpected field" (multer's error, S5); purpose not image/profile_image/icon -> 422
         (D6; the square checks of profile_image and icon are not implemented)
         larger than the upload limit -> 413 RequestEntityTooLargeError (assumption: on a real
         site the proxy or Ghost(Pro) sets the limit, and a proxy's 413 may not be JSON)
         stored as /content/images/YYYY/MM/<name>, the name sanitised to [A-Za-z0-9_@.-] and
         made unique with -1, -2 (S14); bytes kept as sent (Ghost may resize or re-encode)
  Other  every API answer carries Content-Version: v<major.minor> (assumption from Ghost's
         api-version-compatibility service); an unknown API path -> 404 "Resource not found",
         or 406 RequestNotAcceptableError when Accept-Version names another version (S5)
         a JSON body that does not parse -> 400 "An unexpected error occurred, please try again."
         with the parser's message as context (S5's handling of a foreign error); an exception
         in the stand-in itself -> 500 with the same message (S5)
"""

import argparse
import base64
import binascii
import collections
import datetime as dt
import hashlib
import hmac
import html
import html.parser
import http.server
import json
import mimetypes
import os
import re
import secrets
import sys
import tempfile
import threading
import time
import traceback
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
import uuid

GHOST_VERSION = "5.115"
DEFAULT_UPLOAD_LIMIT = 5 * 1024 * 1024
TOKEN_MAX_AGE = 5 * 60
SCHEDULE_MIN_AHEAD = dt.timedelta(minutes=2)
API_PREFIX = "/ghost/api/admin"
IMAGES_PREFIX = "/content/images/"
# A body this much larger than the upload limit is drained, never kept in memory.
UPLOAD_SLACK = 1024 * 1024

# ---------------------------------------------------------------------------------------------
# Errors (S4, S5)

STATUS_BY_TYPE = {
    "BadRequestError": 400,
    "UnauthorizedError": 401,
    "NoPermissionError": 403,
    "NotFoundError": 404,
    "RequestNotAcceptableError": 406,
    "UpdateCollisionError": 409,
    "RequestEntityTooLargeError": 413,
    "UnsupportedMediaTypeError": 415,
    "ValidationError": 422,
    "InternalServerError": 500,
}

# The messages of the errors this raises without one of its own (S4).
DEFAULT_MESSAGES = {
    "BadRequestError": "The request could not be understood.",
    "RequestEntityTooLargeError": "Request was too big for the server to handle.",
    "InternalServerError": "The server has encountered an error.",
}

# What the editor is shown when an endpoint fails, with the action it was doing (S5); these are
# the types the endpoints here raise.
USER_MESSAGES = {
    "BadRequestError": "Request not understood error, cannot {action}.",
    "NotFoundError": "Resource not found error, cannot {action}.",
    "ValidationError": "Validation error, cannot {action}.",
    "UpdateCollisionError": "Saving failed! Someone else is editing this post.",
}


class GhostError(Exception):
    """An error as Ghost's @tryghost/errors builds it."""

    def __init__(self, error_type, message=None, *, context=None, code=None, details=None,
                 prop=None, help_text=None, status=None, in_endpoint=True):
        super().__init__(message or DEFAULT_MESSAGES[error_type])
        self.type = error_type
        self.status = status or STATUS_BY_TYPE[error_type]
        self.message = message or DEFAULT_MESSAGES[error_type]
        self.context = context
        self.code = code
        self.details = details
        self.prop = prop
        self.help = help_text
        # Only an error raised inside an endpoint gets the endpoint's user message (S5); one from
        # a middleware before it (authentication, body parsing, upload checks) keeps its own.
        self.in_endpoint = in_endpoint
        self.action = None  # what the endpoint was doing, set when one raised it

    def envelope(self):
        message, context, action = self.message, self.context, self.action
        if action and self.in_endpoint:
            context = f"{self.message} {self.context}" if self.context else self.message
            message = USER_MESSAGES[self.type].format(action=action)
        return {"errors": [{
            "message": message,
            "context": context,
            "type": self.type,
            "details": self.details,
            "property": self.prop,
            "help": self.help,
            "code": self.code,
            "id": str(uuid.uuid4()),
            "ghostErrorCode": None,
        }]}


def validation_error(message, **kwargs):
    return GhostError("ValidationError", message, **kwargs)


def post_not_found():
    return GhostError("NotFoundError", "Post not found.")


# ---------------------------------------------------------------------------------------------
# Admin API key tokens (D1, S1, S2)

AUDIENCE = re.compile(r"/?admin/?$")
JWS_SHAPE = re.compile(r"^[a-zA-Z0-9\-_]+?\.[a-zA-Z0-9\-_]+?\.([a-zA-Z0-9\-_]+)?$")


def b64url_encode(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def make_token(key, iat, exp, aud="/admin/", kid=None):
    """A token as a client signs it (the self-test's, and a Python test's, way in)."""
    key_id, secret = key.split(":")
    header = {"alg": "HS256", "typ": "JWT", "kid": key_id if kid is None else kid}
    payload = {"iat": iat, "exp": exp, "aud": aud}
    signing_input = ".".join(b64url_encode(json.dumps(part, separators=(",", ":")).encode())
                             for part in (header, payload))
    signature = hmac.new(bytes.fromhex(secret), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64url_encode(signature)}"


def invalid_token(reason):
    return GhostError("UnauthorizedError", f"Invalid token: {reason}", code="INVALID_JWT")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def decode_token(token):
    """Header and payload of a JWS, or None where jsonwebtoken's decode gives nothing."""
    if not JWS_SHAPE.match(token):
        return None
    header_part, payload_part, _ = token.split(".")
    try:
        header = json.loads(b64url_decode(header_part))
        payload = json.loads(b64url_decode(payload_part))
    except (ValueError, binascii.Error):
        return None
    if not isinstance(header, dict) or not isinstance(payload, dict):
        return None
    return header, payload


def check_signature(token, header, secret):
    signing_input, _, signature = token.rpartition(".")
    if not signature.strip():
        raise invalid_token("jwt signature is required")
    if header.get("alg") != "HS256":
        raise invalid_token("invalid algorithm")
    expected = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    if not hmac.compare_digest(b64url_encode(expected), signature):
        raise invalid_token("invalid signature")


def check_claims(payload, now):
    """jsonwebtoken's checks in its order, with Ghost's options: audience and a 5 minute maxAge."""
    if "nbf" in payload:
        if not is_number(payload["nbf"]):
            raise invalid_token("invalid nbf value")
        if payload["nbf"] > now:
            # NotBeforeError is neither of the two error names Ghost turns into a 401.
            raise GhostError("InternalServerError")
    if "exp" in payload:
        if not is_number(payload["exp"]):
            raise invalid_token("invalid exp value")
        if now >= payload["exp"]:
            raise invalid_token("jwt expired")
    audiences = payload.get("aud")
    audiences = audiences if isinstance(audiences, list) else [audiences]
    if not any(AUDIENCE.search(js_string(aud)) for aud in audiences):
        raise invalid_token("jwt audience invalid. expected: /\\/?admin\\/?$/")
    if not is_number(payload.get("iat")):
        raise invalid_token("iat required when maxAge is specified")
    if now >= payload["iat"] + TOKEN_MAX_AGE:
        raise invalid_token("maxAge exceeded")
    # The documented limit (D1), which Ghost's code leaves to maxAge.
    if "exp" in payload and payload["exp"] - payload["iat"] > TOKEN_MAX_AGE:
        raise invalid_token("exp is more than 5 minutes after iat")


def js_string(value):
    """What RegExp.test sees of a JSON value."""
    if value is None:
        return "undefined"
    return value if isinstance(value, str) else json.dumps(value)


def authenticate(authorization, key_id, secret):
    """Raises the GhostError Ghost answers a request with this Authorization header with."""
    if not authorization:
        raise GhostError(
            "NoPermissionError", "Authorization failed",
            context="Unable to determine the authenticated user or integration. Check that "
                    "cookies are being passed through if using session authentication.")
    scheme, _, rest = authorization.partition(" ")
    token = rest.split(" ")[0]
    if scheme.lower() != "ghost" or not token:
        raise GhostError("UnauthorizedError",
                         'Authorization header format is "Authorization: Ghost [token]"',
                         code="INVALID_AUTH_HEADER")
    decoded = decode_token(token)
    if decoded is None:
        raise GhostError("BadRequestError", "Invalid token", code="INVALID_JWT")
    header, payload = decoded
    if not header.get("kid"):
        raise GhostError("BadRequestError", "Admin API kid missing.", code="MISSING_ADMIN_API_KID")
    if header["kid"] != key_id:
        raise GhostError("UnauthorizedError", "Unknown Admin API Key", code="UNKNOWN_ADMIN_API_KEY")
    check_signature(token, header, secret)
    check_claims(payload, int(time.time()))


# ---------------------------------------------------------------------------------------------
# Times, ids, slugs

DATE_TIME = re.compile(
    r"^\d\d\d\d-[0-1]\d-[0-3]\d[tT ](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?"
    r"(?:[zZ]|[+-]\d\d(?::?\d\d)?)$")


def now_utc():
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def parse_time(text):
    """An ISO 8601 date-time with a zone, as the schema's date-time format takes it."""
    if not isinstance(text, str) or not DATE_TIME.match(text):
        return None
    normal = text.upper().replace("Z", "+00:00")
    normal = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", normal)
    normal = re.sub(r"([+-]\d\d)$", r"\1:00", normal)
    try:
        return dt.datetime.fromisoformat(normal).astimezone(dt.timezone.utc)
    except ValueError:
        return None


def format_time(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z") if moment else None


def object_id():
    """24 hex digits, as Ghost's ObjectId-like ids."""
    return f"{int(time.time()):08x}{secrets.token_hex(8)}"


# The URL-reserved and other characters slugify turns into dashes (S15).
SLUG_SEPARATORS = re.compile(r"[\s.@:/?#\[\]!$&()*+,;=\\%<>|^~\"{}`–—]")


def slugify(text):
    """@tryghost/string's slugify; unidecode approximated by dropping accents (S15)."""
    text = "".join(ch for ch in text if ch.isprintable())
    text = text.replace("£", "-")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = SLUG_SEPARATORS.sub("-", text).replace("'", "").lower()
    text = re.sub(r"-+", "-", text).removesuffix("-").removeprefix("-")
    return text.strip()


PROTECTED_SLUGS = {"ghost", "rss", "amp"}


def unique_slug(base, kind, taken):
    """Ghost's generateSlug: cleaned, kept off protected words, numbered when taken (S7, S13)."""
    slug = slugify(base)[:185]
    if kind == "tag" and base.startswith("#"):
        slug = f"hash-{slug}"
    if slug in PROTECTED_SLUGS:
        slug = f"{slug}-{kind}"
    slug = slug or kind
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


# ---------------------------------------------------------------------------------------------
# Post bodies: the schema check (S11) and the fields Ghost stores

# Writable post fields: (JSON types, maxLength or None).
STRING_OR_NULL = ("string", "null")
POST_FIELDS = {
    "title": (("string",), 2000),
    "slug": (("string",), 191),
    "mobiledoc": (STRING_OR_NULL, None),
    "lexical": (STRING_OR_NULL, None),
    "html": (STRING_OR_NULL, None),
    "feature_image": (STRING_OR_NULL, 2000),
    "feature_image_alt": (STRING_OR_NULL, 300),
    "feature_image_caption": (STRING_OR_NULL, 65535),
    "featured": (("boolean",), None),
    "status": (("string",), None),
    "locale": (STRING_OR_NULL, 6),
    "visibility": (STRING_OR_NULL, None),
    "meta_title": (STRING_OR_NULL, 300),
    "meta_description": (STRING_OR_NULL, 500),
    "updated_at": (STRING_OR_NULL, None),
    "published_at": (STRING_OR_NULL, None),
    "custom_excerpt": (STRING_OR_NULL, 300),
    "codeinjection_head": (STRING_OR_NULL, 65535),
    "codeinjection_foot": (STRING_OR_NULL, 65535),
    "og_image": (STRING_OR_NULL, 2000),
    "og_title": (STRING_OR_NULL, 300),
    "og_description": (STRING_OR_NULL, 500),
    "twitter_image": (STRING_OR_NULL, 2000),
    "twitter_title": (STRING_OR_NULL, 300),
    "twitter_description": (STRING_OR_NULL, 500),
    "email_subject": (STRING_OR_NULL, 300),
    "frontmatter": (STRING_OR_NULL, 65535),
    "custom_template": (STRING_OR_NULL, 100),
    "canonical_url": (STRING_OR_NULL, 2000),
    "email_only": (("boolean",), None),
    "show_title_and_feature_image": (("boolean",), None),
    "tags": (("array",), None),
    "authors": (("array",), None),
}
ENUMS = {
    "status": ("published", "draft", "scheduled"),
    "visibility": ("public", "members", "paid", "tiers", None),
}
# Fields a post is returned with that a client may send back; Ghost strips them (S11, S8).
READ_ONLY_FIELDS = {
    "id", "uuid", "comment_id", "url", "excerpt", "reading_time", "primary_tag",
    "primary_author", "created_at", "created_by", "updated_by", "published_by", "plaintext",
    "email", "newsletter", "email_segment", "email_recipient_filter", "send_email_when_published",
    "tiers", "count", "author", "author_id", "page", "type", "post_revisions",
}
COLUMN_FIELDS = [
    "title", "slug", "mobiledoc", "lexical", "feature_image", "featured", "status", "locale",
    "visibility", "custom_excerpt", "codeinjection_head", "codeinjection_foot", "custom_template",
    "canonical_url", "og_image", "og_title", "og_description", "twitter_image", "twitter_title",
    "twitter_description", "meta_title", "meta_description", "email_subject", "frontmatter",
    "feature_image_alt", "feature_image_caption", "email_only", "show_title_and_feature_image",
]
JSON_TYPES = {"string": str, "boolean": bool, "array": list, "null": type(None)}


def schema_error(keyword, path, message, **params):
    """One error as ajv (v6) reports it."""
    return {"keyword": keyword, "dataPath": path, "schemaPath": f"#/{keyword}",
            "params": params, "message": message}


def field_errors(name, value):
    types, max_length = POST_FIELDS[name]
    path = f".posts[0].{name}"
    if not any(isinstance(value, JSON_TYPES[t]) for t in types):
        return [schema_error("type", path, f"should be {','.join(types)}", type=",".join(types))]
    errors = []
    if isinstance(value, str) and max_length is not None and len(value) > max_length:
        errors.append(schema_error("maxLength", path,
                                   f"should NOT be longer than {max_length} characters",
                                   limit=max_length))
    if name in ENUMS and value not in ENUMS[name]:
        errors.append(schema_error("enum", path, "should be equal to one of the allowed values",
                                   allowedValues=list(ENUMS[name])))
    if name in ("updated_at", "published_at") and value is not None and parse_time(value) is None:
        errors.append(schema_error("format", path, 'should match format "date-time"',
                                   format="date-time"))
    if name in ("lexical", "mobiledoc") and value is not None and not is_json(value):
        errors.append(schema_error("format", path, 'should match format "json-string"',
                                   format="json-string"))
    if name in ("tags", "authors") and isinstance(value, list):
        errors += relation_errors(name, value)
    return errors


def relation_errors(name, items):
    keys = ("id", "name", "slug") if name == "tags" else ("id", "slug", "email")
    errors = []
    for index, item in enumerate(items):
        if isinstance(item, str) or (isinstance(item, dict) and any(k in item for k in keys)):
            continue
        errors.append(schema_error("anyOf", f".posts[0].{name}[{index}]",
                                   "should match some schema in anyOf"))
    return errors


def is_json(text):
    try:
        json.loads(text)
        return True
    except ValueError:
        return False


def validate_post_body(body, required):
    """The post in a {"posts": [post]} body, with read-only fields stripped, or a 422."""
    posts = body.get("posts") if isinstance(body, dict) else None
    if not isinstance(posts, list) or len(posts) != 1 or not isinstance(posts[0], dict):
        raise validation_error("Validation failed for 'posts'", prop="posts", details=[
            schema_error("required", "", "should have required property 'posts'",
                         missingProperty="posts")])
    post = {k: v for k, v in posts[0].items() if k not in READ_ONLY_FIELDS}
    errors = []
    if required not in post:
        errors.append(schema_error("required", ".posts[0]",
                                   f"should have required property '{required}'",
                                   missingProperty=required))
    for name, value in post.items():
        if name not in POST_FIELDS:
            errors.append(schema_error("additionalProperties", ".posts[0]",
                                       "should NOT have additional properties",
                                       additionalProperty=name))
        else:
            errors += field_errors(name, value)
    if errors:
        key = errors[0]["dataPath"].split(".")[-1]
        raise validation_error(f"Validation failed for '{key}'", prop=key, details=errors)
    if post.get("lexical") and post.get("mobiledoc"):
        raise validation_error(
            "Posts can have either a mobiledoc or a lexical property, never both.",
            context="Both the mobiledoc and lexical properties are set, one must be null",
            help_text="https://ghost.org/docs/admin-api/#the-post-object", prop="lexical")
    return post


# ---------------------------------------------------------------------------------------------
# Content: html, lexical, plaintext

BLANK_LEXICAL = {"root": {"children": [], "direction": None, "format": "", "indent": 0,
                          "type": "root", "version": 1}}


def lexical_holding(html_text):
    document = json.loads(json.dumps(BLANK_LEXICAL))
    document["root"]["children"].append({"type": "html", "version": 1, "html": html_text})
    return json.dumps(document, separators=(",", ":"))


def render_lexical(text):
    """HTML cards as they are, text paragraphs and headings as elements; other nodes dropped."""
    try:
        nodes = json.loads(text)["root"]["children"]
    except (ValueError, KeyError, TypeError):
        raise validation_error("Invalid lexical structure.", prop="lexical",
                               help_text="https://ghost.org/docs/publishing/")
    parts = []
    for node in nodes if isinstance(nodes, list) else []:
        if not isinstance(node, dict):
            continue
        if node.get("type") == "html":
            parts.append(str(node.get("html", "")))
        elif node.get("type") in ("paragraph", "heading"):
            tag = node.get("tag", "h2") if node["type"] == "heading" else "p"
            words = "".join(str(child.get("text", "")) for child in node.get("children", [])
                            if isinstance(child, dict))
            parts.append(f"<{tag}>{html.escape(words, quote=False)}</{tag}>")
    return "\n".join(parts)


class TextOf(html.parser.HTMLParser):
    """The text of some HTML, a line per block element."""

    BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "figure",
              "figcaption", "blockquote", "pre", "tr", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def plaintext_of(html_text):
    parser = TextOf()
    parser.feed(html_text or "")
    parser.close()
    lines = (re.sub(r"[ \t]+", " ", line).strip() for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------------------------------------
# The site's data

class Site:
    """Posts, tags and the one staff user, behind one lock."""

    def __init__(self, url, title):
        self.url = url
        self.title = title
        self.lock = threading.Lock()
        self.posts = {}
        self.tags = {}
        created = format_time(now_utc())
        self.owner = {
            "id": object_id(), "name": "Stand-in Owner", "slug": "stand-in-owner",
            "email": "owner@example.com", "profile_image": None, "cover_image": None,
            "bio": None, "website": None, "location": None, "facebook": None, "twitter": None,
            "status": "active", "meta_title": None, "meta_description": None,
            "created_at": created, "updated_at": created,
            "roles": [{"id": object_id(), "name": "Owner", "description": "Site Owner",
                       "created_at": created, "updated_at": created}],
            "url": f"{url}author/stand-in-owner/",
        }

    # --- tags

    def tag_for(self, wanted):
        """The existing tag a post's tag entry names, or a new one."""
        if isinstance(wanted, str):
            wanted = {"name": wanted}
        if wanted.get("id"):
            if wanted["id"] not in self.tags:
                raise validation_error(f"Tag {wanted['id']} not found.", prop="tags")
            return self.tags[wanted["id"]]
        slug = slugify(wanted["slug"]) if wanted.get("slug") else None
        name = wanted.get("name")
        for tag in self.tags.values():
            if slug and tag["slug"] == slug:
                return tag
            if not slug and name and tag["name"].lower() == name.lower():
                return tag
        return self.new_tag(name or wanted["slug"], wanted.get("slug"))

    def new_tag(self, name, slug):
        taken = {tag["slug"] for tag in self.tags.values()}
        created = format_time(now_utc())
        tag = {
            "id": object_id(), "name": name.strip(),
            "slug": unique_slug(slug or name, "tag", taken),
            "description": None, "feature_image": None,
            "visibility": "internal" if name.startswith("#") else "public",
            "og_image": None, "og_title": None, "og_description": None, "twitter_image": None,
            "twitter_title": None, "twitter_description": None, "meta_title": None,
            "meta_description": None, "codeinjection_head": None, "codeinjection_foot": None,
            "canonical_url": None, "accent_color": None,
            "created_at": created, "updated_at": created,
        }
        self.tags[tag["id"]] = tag
        return tag

    def tag_ids(self, entries):
        """The tags a post's tags entry names, duplicates by name dropped (S7)."""
        ids, names = [], set()
        for entry in entries:
            name = entry if isinstance(entry, str) else entry.get("name")
            if name and name.lower() in names:
                continue
            tag = self.tag_for(entry)
            if tag["id"] not in ids:
                ids.append(tag["id"])
                names.add(tag["name"].lower())
        return ids

    def tag_json(self, tag):
        return {**tag, "url": f"{self.url}tag/{tag['slug']}/"}

    # --- posts

    def post_slugs(self, except_id=None):
        return {post["slug"] for post in self.posts.values() if post["id"] != except_id}

    def find_post(self, post_id=None, slug=None):
        for post in self.posts.values():
            if (post_id and post["id"] == post_id) or (slug and post["slug"] == slug):
                return post
        raise post_not_found()

    def add_post(self, fields, source_html):
        now = now_utc()
        post = {name: None for name in COLUMN_FIELDS}
        post.update({
            "id": object_id(), "uuid": str(uuid.uuid4()), "featured": False, "status": "draft",
            "visibility": "public", "email_only": False, "show_title_and_feature_image": True,
            "html": "", "tag_ids": [], "created_at": now, "updated_at": now, "published_at": None,
        })
        self.apply(post, fields, source_html, previous=None)
        self.posts[post["id"]] = post
        return post

    def edit_post(self, post_id, fields, source_html):
        post = self.find_post(post_id=post_id)
        # A null updated_at passes the schema and stands for the server's own value (S6).
        client = parse_time(fields["updated_at"]) if fields["updated_at"] else post["updated_at"]
        if client != post["updated_at"]:
            raise GhostError(
                "UpdateCollisionError", "Saving failed! Someone else is editing this post.",
                code="UPDATE_COLLISION",
                details={"clientUpdatedAt": fields.get("updated_at"),
                         "serverUpdatedAt": format_time(post["updated_at"])})
        edited = dict(post)
        self.apply(edited, fields, source_html, previous=post)
        edited["updated_at"] = max(now_utc(), post["updated_at"] + dt.timedelta(seconds=1))
        self.posts[post_id] = edited
        return edited

    def apply(self, post, fields, source_html, previous):
        """The fields sent, then Ghost's model rules (S7, S8). The checks that can refuse come
        before the tags are created, as Ghost's transaction would undo them."""
        for name in COLUMN_FIELDS:
            if name in fields:
                post[name] = fields[name]
        if "published_at" in fields:
            sent = parse_time(fields["published_at"]) if fields["published_at"] else None
            post["published_at"] = sent.replace(microsecond=0) if sent else None
        self.apply_status(post, previous, "published_at" in fields)
        self.apply_content(post, fields, source_html)
        post["title"] = (post["title"] or "").strip() or "(Untitled)"
        if "tags" in fields:
            post["tag_ids"] = self.tag_ids(fields["tags"])
        self.apply_slug(post, previous)

    @staticmethod
    def apply_content(post, fields, source_html):
        if source_html and fields.get("html"):
            post["html"] = fields["html"]
            post["lexical"] = lexical_holding(fields["html"])
            post["mobiledoc"] = None
        elif fields.get("lexical"):
            post["html"] = render_lexical(fields["lexical"])
            post["mobiledoc"] = None
        if not post["lexical"] and not post["mobiledoc"]:
            post["lexical"] = json.dumps(BLANK_LEXICAL, separators=(",", ":"))

    @staticmethod
    def apply_status(post, previous, published_at_sent):
        status = post["status"]
        if previous and previous["status"] == "published" and status == "scheduled":
            raise validation_error("Your post is already published, please reload your page.")
        if status == "scheduled":
            if not post["published_at"]:
                raise validation_error("Value in published_at cannot be blank.")
            changed = not previous or post["published_at"] != previous["published_at"]
            too_soon = post["published_at"] < now_utc() + SCHEDULE_MIN_AHEAD
            if published_at_sent and changed and too_soon:
                raise validation_error("Date must be at least 2 minutes in the future.")
        if status == "published" and not post["published_at"]:
            post["published_at"] = now_utc()

    def apply_slug(self, post, previous):
        """A new, empty or changed slug goes through generateSlug (S7)."""
        if previous is None or not post["slug"] or post["slug"] != previous["slug"]:
            taken = self.post_slugs(except_id=post["id"])
            post["slug"] = unique_slug(post["slug"] or post["title"], "post", taken)

    def delete_post(self, post_id):
        self.posts.pop(self.find_post(post_id=post_id)["id"])

    def post_json(self, post, formats):
        tags = [self.tag_json(self.tags[tag_id]) for tag_id in post["tag_ids"]]
        public = post["status"] in ("published", "sent")
        text = plaintext_of(post["html"])
        content = {"mobiledoc": post["mobiledoc"], "lexical": post["lexical"],
                   "html": post["html"], "plaintext": text}
        data = {"id": post["id"], "uuid": post["uuid"], "title": post["title"],
                "slug": post["slug"]}
        data.update({name: value for name, value in content.items() if name in formats})
        data["comment_id"] = post["id"]
        data.update({name: post[name] for name in COLUMN_FIELDS
                     if name not in data and name not in content})
        data.update({
            "created_at": format_time(post["created_at"]),
            "updated_at": format_time(post["updated_at"]),
            "published_at": format_time(post["published_at"]),
            "tags": tags,
            "tiers": [],
            "authors": [self.owner],
            "primary_author": self.owner,
            "primary_tag": tags[0] if tags and tags[0]["visibility"] == "public" else None,
            "email_segment": "all",
            "newsletter": None,
            "email": None,
            "url": f"{self.url}{post['slug']}/" if public else f"{self.url}p/{post['uuid']}/",
            "excerpt": post["custom_excerpt"] or text[:500],
            "reading_time": round(len(text.split()) / 275),
        })
        return data


# ---------------------------------------------------------------------------------------------
# Browse: NQL filters (a subset), order, pagination

FILTER_TERM = re.compile(
    r"\s*([\w.]+)\s*:\s*(-?)(>=|<=|>|<|~\^|~\$|~)?\s*"
    r"(\[[^\]]*\]|'(?:[^'\\]|\\.)*'|[^,+()\[\]'\s]+)\s*")


def filter_value(raw):
    if raw.startswith("'"):
        return re.sub(r"\\(.)", r"\1", raw[1:-1])
    return {"null": None, "true": True, "false": False}.get(raw, raw)


def compare(op, actual, expected):
    """NQL's comparison; text compares ignoring case, as in MySQL's default collation."""
    if op is None:
        if isinstance(actual, str) and isinstance(expected, str):
            return actual.lower() == expected.lower()
        return actual == expected
    if actual is None:
        return False
    if op.startswith("~"):
        actual, expected = str(actual).lower(), str(expected).lower()
        return {"~": expected in actual, "~^": actual.startswith(expected),
                "~$": actual.endswith(expected)}[op]
    actual, expected = str(actual), str(expected)
    return {">": actual > expected, ">=": actual >= expected,
            "<": actual < expected, "<=": actual <= expected}[op]


def term_matches(values, negate, op, raw):
    """True when any of the record's values matches (NQL on a relation matches any of them)."""
    if raw.startswith("["):
        wanted = [filter_value(v.strip()) for v in split_outside(raw[1:-1], ",") if v.strip()]
        hit = any(compare(None, value, w) for value in values for w in wanted)
    else:
        hit = any(compare(op, value, filter_value(raw)) for value in values)
    return hit != bool(negate)


def split_outside(text, separator):
    """Splits text on separator where it is not inside quotes or brackets."""
    parts, depth, quoted, start = [], 0, False, 0
    for index, ch in enumerate(text):
        if ch == "'" and (index == 0 or text[index - 1] != "\\"):
            quoted = not quoted
        elif not quoted and ch == "[":
            depth += 1
        elif not quoted and ch == "]":
            depth -= 1
        elif not quoted and depth == 0 and ch == separator:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def parse_filter(text):
    """[[term, ...], ...]: alternatives (,) of conjunctions (+) of (key, negate, op, value);
    None for no filter."""
    if not text:
        return None
    alternatives = []
    for alternative in split_outside(text, ","):
        terms = []
        for term in split_outside(alternative, "+"):
            match = FILTER_TERM.fullmatch(term)
            if not match:
                raise GhostError("BadRequestError", "Error parsing filter", context=text)
            terms.append(match.groups())
        alternatives.append(terms)
    return alternatives


def matches_filter(record, alternatives, values_of):
    if alternatives is None:
        return True
    return any(all(term_matches(values_of(record, key), negate, op, raw)
                   for key, negate, op, raw in terms) for terms in alternatives)


def default_post_order(post):
    """Scheduled first, then drafts, then the rest; newest first within (S7)."""
    rank = {"scheduled": 0, "draft": 1}.get(post["status"], 2)
    published = post["published_at"].timestamp() if post["published_at"] and rank != 1 else 0
    return (rank, -published, -post["updated_at"].timestamp(), post["id"])


def paginate(records, query, name):
    limit_text = query.get("limit", "15")
    page_text = query.get("page", "1")
    if not re.fullmatch(r"\d+|all", limit_text):
        raise validation_error("Validation (matches) failed for limit", prop="limit")
    if not re.fullmatch(r"\d+", page_text):
        raise validation_error("Validation (matches) failed for page", prop="page")
    total, page = len(records), max(int(page_text), 1)
    limit = (total or 1) if limit_text == "all" else max(int(limit_text), 1)
    pages = max((total + limit - 1) // limit, 1)
    chunk = records[(page - 1) * limit: page * limit]
    return {name: chunk, "meta": {"pagination": {
        "page": page, "limit": "all" if limit_text == "all" else limit, "pages": pages,
        "total": total, "next": page + 1 if page < pages else None,
        "prev": page - 1 if page > 1 else None}}}


def order_by(records, order_text):
    """Records sorted by an ?order like "published_at desc, title asc"."""
    for clause in reversed(order_text.split(",")):
        field, _, direction = clause.strip().partition(" ")
        records = sorted(records, key=lambda r, f=field: (r.get(f) is None, str(r.get(f) or "")),
                         reverse=direction.strip().lower() == "desc")
    return records


# ---------------------------------------------------------------------------------------------
# Multipart (RFC 7578) and request bodies

# One part of a multipart body; filename is None for a plain field.
Part = collections.namedtuple("Part", "name filename content_type data")


def header_params(value):
    """The main value and the parameters of a header like Content-Disposition."""
    main, _, rest = value.partition(";")
    params = {}
    for match in re.finditer(r';?\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)', ";" + rest):
        key, raw = match.group(1).lower(), match.group(2).strip()
        params[key] = re.sub(r'\\(.)', r"\1", raw[1:-1]) if raw.startswith('"') else raw
    return main.strip().lower(), params


def parse_multipart(body, content_type):
    """The parts of a multipart/form-data body, or a 400 when it is not one."""
    _, params = header_params(content_type)
    boundary = params.get("boundary")
    if not boundary:
        raise upload_refusal("BadRequestError", context="Multipart: Boundary not found")
    # A delimiter is CRLF "--" boundary; the first one may open the body without the CRLF.
    sections = (b"\r\n" + body).split(b"\r\n--" + boundary.encode("latin-1"))
    if len(sections) < 3 or not sections[-1].startswith(b"--"):
        raise upload_refusal("BadRequestError", context="Unexpected end of form")
    parts = []
    for section in sections[1:-1]:
        _, _, section = section.partition(b"\r\n")  # after any transport padding
        head, separator, data = section.partition(b"\r\n\r\n")
        if not separator:
            raise upload_refusal("BadRequestError", context="Malformed part header")
        headers = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            key, _, value = line.partition(":")
            headers[key.strip().lower()] = value.strip()
        _, disposition = header_params(headers.get("content-disposition", ""))
        filename = disposition.get("filename")
        if "filename*" in disposition:
            filename = urllib.parse.unquote(disposition["filename*"].split("''", 1)[-1])
        parts.append(Part(disposition.get("name"), filename,
                          headers.get("content-type", "text/plain").lower(), data))
    return parts


def read_chunked(stream):
    body = bytearray()
    while True:
        size_line = stream.readline(1024)
        size = int(size_line.split(b";")[0].strip() or b"0", 16)
        if size == 0:
            while stream.readline(1024) not in (b"\r\n", b"\n", b""):
                pass
            return bytes(body)
        body += stream.read(size)
        stream.readline(1024)


# ---------------------------------------------------------------------------------------------
# Images (D5, D6, S12, S13, S14, S16)

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".gif", ".png", ".svg", ".svgz", ".ico", ".webp"}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/svg+xml", "image/x-icon",
               "image/vnd.microsoft.icon", "image/webp"}
PURPOSES = {"image", "profile_image", "icon"}


def upload_refusal(error_type, message=None, **kwargs):
    """An error of the upload middleware, which runs before the endpoint (S12)."""
    return GhostError(error_type, message, in_endpoint=False, **kwargs)


def received_image(parts, upload_limit):
    """The one file of an upload, as multer and Ghost's upload validation let it through."""
    files = [part for part in parts if part.filename is not None]
    if any(part.name != "file" for part in files):
        raise upload_refusal("InternalServerError",
                             "An unexpected error occurred, please try again.",
                             context="Unexpected field", code="UNEXPECTED_ERROR")
    if any(len(part.data) > upload_limit for part in files):
        raise upload_refusal("RequestEntityTooLargeError")
    if not files:
        raise upload_refusal("ValidationError", "Please select an image.")
    upload = files[0]
    extension = os.path.splitext(upload.filename)[1].lower()
    if upload.content_type not in IMAGE_TYPES or extension not in IMAGE_EXTENSIONS:
        raise upload_refusal("UnsupportedMediaTypeError", "Please select a valid image.")
    return upload


def image_upload(parts, upload, content_dir, site_url):
    """Where the uploaded file went, as the {"images": [...]} answer."""
    fields = {part.name: part for part in parts if part.filename is None}
    purpose = fields["purpose"].data.decode() if "purpose" in fields else "image"
    ref = fields["ref"].data.decode() if "ref" in fields else None
    if purpose not in PURPOSES:
        raise validation_error("Validation failed for 'purpose'", prop="purpose")
    if ref is not None and len(ref) > 2000:
        raise validation_error("Validation failed for 'ref'", prop="ref")
    relative = store_image(upload, content_dir)
    return {"images": [{"url": f"{site_url}content/images/{relative}", "ref": ref or None}]}


def store_image(upload, content_dir):
    """Writes the file under YYYY/MM with a free sanitised name; its path from content_dir (S14)."""
    month = now_utc().strftime("%Y/%m")
    folder = os.path.join(content_dir, "images", *month.split("/"))
    os.makedirs(folder, exist_ok=True)
    stem, extension = os.path.splitext(os.path.basename(upload.filename))
    if re.fullmatch(r"\.\d+", extension):
        stem, extension = stem + extension, ""
    stem = re.sub(r"[^\w@.]", "-", stem, flags=re.ASCII)
    number = 0
    while True:
        name = f"{stem}{f'-{number}' if number else ''}{extension}"
        try:
            with open(os.path.join(folder, name), "xb") as out:
                out.write(upload.data)
            return f"{month}/{name}"
        except FileExistsError:
            number += 1


# ---------------------------------------------------------------------------------------------
# HTTP

class Request:
    """What a route needs of a request."""

    def __init__(self, match, query, body, content_type, too_large):
        self.match, self.query, self.body = match, query, body
        self.content_type, self.too_large = content_type, too_large

    def json(self):
        if not self.content_type.lower().startswith("application/json"):
            return {}
        try:
            return json.loads(self.body or b"{}")
        except ValueError as err:
            raise GhostError("InternalServerError",
                             "An unexpected error occurred, please try again.",
                             context=str(err), code="UNEXPECTED_ERROR", status=400,
                             in_endpoint=False)


def requested_formats(query):
    text = query.get("formats", "mobiledoc,lexical")
    formats = [f.strip().lower() for f in text.split(",") if f.strip()]
    if any(f not in ("mobiledoc", "lexical", "html", "plaintext") for f in formats):
        raise validation_error("Validation (AllowedValues) failed for formats")
    return formats


def source_is_html(query):
    source = query.get("source")
    if source not in (None, "", "html"):
        raise validation_error("Validation (AllowedValues) failed for source")
    return source == "html"


def only_fields(record, query):
    fields = [f.strip() for f in query.get("fields", "").split(",") if f.strip()]
    return {k: v for k, v in record.items() if k in fields} if fields else record


def checked_id(request):
    post_id = request.match["id"]
    if not re.fullmatch(r"[a-f\d]{24}|1|me", post_id, flags=re.IGNORECASE):
        raise validation_error("Validation (matches) failed for id", prop="id")
    return post_id


class StandIn:
    """The Admin API: its routes, each (method, path pattern, what the endpoint does as its error
    messages name it, handler, whether it needs a key), and their handlers."""

    def __init__(self, site, key, content_dir, upload_limit):
        self.site = site
        self.key_id, secret = key.split(":")
        self.secret = bytes.fromhex(secret)
        self.content_dir = content_dir
        self.upload_limit = upload_limit
        self.routes = [
            ("GET", r"/site/?", None, self.read_site, False),
            ("GET", r"/posts/?", "list posts", self.browse_posts, True),
            ("POST", r"/posts/?", "save post", self.add_post, True),
            ("GET", r"/posts/slug/(?P<slug>[^/]+)/?", "read post", self.read_post_by_slug, True),
            ("GET", r"/posts/(?P<id>[^/]+)/?", "read post", self.read_post, True),
            ("PUT", r"/posts/(?P<id>[^/]+)/?", "edit post", self.edit_post, True),
            ("DELETE", r"/posts/(?P<id>[^/]+)/?", "delete post", self.delete_post, True),
            ("GET", r"/tags/?", "list tags", self.browse_tags, True),
            ("GET", r"/tags/slug/(?P<slug>[^/]+)/?", "read tag", self.read_tag, True),
            ("GET", r"/tags/(?P<id>[^/]+)/?", "read tag", self.read_tag, True),
            ("POST", r"/images/upload/?", "upload image", self.upload_image, True),
        ]

    def route(self, method, path):
        for route_method, pattern, action, handler, needs_auth in self.routes:
            match = re.fullmatch(pattern, path)
            if match and route_method == method:
                return match.groupdict(), action, handler, needs_auth
        return None

    # --- handlers: (status, JSON body)

    def read_site(self, request):
        return 200, {"site": {
            "title": self.site.title, "description": "Thoughts, stories and ideas.",
            "logo": None, "icon": None, "accent_color": "#FF1A75", "locale": "en",
            "url": self.site.url, "version": GHOST_VERSION}}

    def browse_posts(self, request):
        formats = requested_formats(request.query)
        alternatives = parse_filter(request.query.get("filter"))
        with self.site.lock:
            posts = [p for p in self.site.posts.values()
                     if matches_filter(p, alternatives, self.post_values)]
            if request.query.get("order"):
                records = order_by([self.site.post_json(p, formats) for p in posts],
                                   request.query["order"])
            else:
                records = [self.site.post_json(p, formats)
                           for p in sorted(posts, key=default_post_order)]
        page = paginate(records, request.query, "posts")
        page["posts"] = [only_fields(post, request.query) for post in page["posts"]]
        return 200, page

    def post_values(self, post, key):
        tags = [self.site.tags[tag_id] for tag_id in post["tag_ids"]]
        if key in ("tag", "tags", "tags.slug"):
            return [tag["slug"] for tag in tags] or [None]
        if key == "primary_tag":
            return [tags[0]["slug"] if tags and tags[0]["visibility"] == "public" else None]
        if key in ("author", "authors", "primary_author", "authors.slug"):
            return [self.site.owner["slug"]]
        value = post.get(key)
        return [format_time(value) if isinstance(value, dt.datetime) else value]

    def read_post(self, request):
        post_id = checked_id(request)
        with self.site.lock:
            post = self.site.find_post(post_id=post_id)
            record = self.site.post_json(post, requested_formats(request.query))
        return 200, {"posts": [only_fields(record, request.query)]}

    def read_post_by_slug(self, request):
        with self.site.lock:
            post = self.site.find_post(slug=request.match["slug"])
            record = self.site.post_json(post, requested_formats(request.query))
        return 200, {"posts": [only_fields(record, request.query)]}

    def add_post(self, request):
        formats, source_html = requested_formats(request.query), source_is_html(request.query)
        fields = validate_post_body(request.json(), required="title")
        with self.site.lock:
            post = self.site.add_post(fields, source_html)
            return 201, {"posts": [self.site.post_json(post, formats)]}

    def edit_post(self, request):
        post_id = checked_id(request)
        formats, source_html = requested_formats(request.query), source_is_html(request.query)
        fields = validate_post_body(request.json(), required="updated_at")
        with self.site.lock:
            post = self.site.edit_post(post_id, fields, source_html)
            return 200, {"posts": [self.site.post_json(post, formats)]}

    def delete_post(self, request):
        post_id = checked_id(request)
        with self.site.lock:
            self.site.delete_post(post_id)
        return 204, None

    def browse_tags(self, request):
        alternatives = parse_filter(request.query.get("filter"))
        with self.site.lock:
            tags = [self.site.tag_json(t) for t in self.site.tags.values()
                    if matches_filter(t, alternatives, lambda tag, key: [tag.get(key)])]
        tags = order_by(tags, request.query.get("order", "name asc"))
        return 200, paginate(tags, request.query, "tags")

    def read_tag(self, request):
        with self.site.lock:
            for tag in self.site.tags.values():
                if tag["id"] == request.match.get("id") or tag["slug"] == request.match.get("slug"):
                    return 200, {"tags": [self.site.tag_json(tag)]}
        raise GhostError("NotFoundError", "Tag not found.")

    def upload_image(self, request):
        if request.too_large:
            raise upload_refusal("RequestEntityTooLargeError")
        parts = []
        if request.content_type.lower().startswith("multipart/form-data"):
            parts = parse_multipart(request.body, request.content_type)
        upload = received_image(parts, self.upload_limit)
        return 201, image_upload(parts, upload, self.content_dir, self.site.url)


class Handler(http.server.BaseHTTPRequestHandler):
    """Reads the whole body first (so that a keep-alive connection stays in step), then answers."""

    protocol_version = "HTTP/1.1"
    server_version = "GhostStandIn/1"
    stand_in = None  # set by serve()

    def do_GET(self):
        self.handle_any("GET")

    def do_HEAD(self):
        self.handle_any("HEAD")

    def do_POST(self):
        self.handle_any("POST")

    def do_PUT(self):
        self.handle_any("PUT")

    def do_DELETE(self):
        self.handle_any("DELETE")

    def handle_any(self, method):
        body, too_large = self.read_body()
        url = urllib.parse.urlsplit(self.path)
        path = urllib.parse.unquote(url.path)
        head = method == "HEAD"
        if path.startswith(IMAGES_PREFIX) and method in ("GET", "HEAD"):
            return self.send_image(path[len(IMAGES_PREFIX):], head)
        if not path.startswith(API_PREFIX + "/"):
            not_found = GhostError("NotFoundError", "Page not found")
            return self.send_json(404, not_found.envelope(), head)
        query = dict(urllib.parse.parse_qsl(url.query, keep_blank_values=True))
        self.answer_api(method, path[len(API_PREFIX):], query, body, too_large)

    def read_body(self):
        """The body, and whether it was too large to keep (then it was read and dropped)."""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            body = read_chunked(self.rfile)
            return body, len(body) > self.stand_in.upload_limit + UPLOAD_SLACK
        length = int(self.headers.get("Content-Length") or 0)
        if length <= self.stand_in.upload_limit + UPLOAD_SLACK:
            return self.rfile.read(length), False
        while length > 0:
            chunk = self.rfile.read(min(length, 1 << 16))
            if not chunk:
                break
            length -= len(chunk)
        return b"", True

    def answer_api(self, method, path, query, body, too_large):
        stand_in = self.stand_in
        found = stand_in.route("GET" if method == "HEAD" else method, path)
        try:
            if found is None:
                raise self.unknown_route()
            match, action, handler, needs_auth = found
            if needs_auth:
                authenticate(self.headers.get("Authorization"), stand_in.key_id, stand_in.secret)
            # As sent: a multipart boundary is case-sensitive.
            request = Request(match, query, body, self.headers.get("Content-Type", ""), too_large)
            try:
                status, payload = handler(request)
            except GhostError as err:
                err.action = action
                raise
        except GhostError as err:
            status, payload = err.status, err.envelope()
        except Exception as err:  # a bug here; Ghost answers any foreign error this way (S5)
            traceback.print_exc()
            status, payload = 500, GhostError(
                "InternalServerError", "An unexpected error occurred, please try again.",
                context=str(err), code="UNEXPECTED_ERROR").envelope()
        self.send_json(status, payload, head=method == "HEAD")

    def unknown_route(self):
        """404, or 406 when the client asked for another version than this one (S5)."""
        wanted = self.headers.get("Accept-Version", "")
        if wanted and version_numbers(wanted) != version_numbers(GHOST_VERSION):
            ahead = version_numbers(wanted) > version_numbers(GHOST_VERSION)
            return GhostError(
                "RequestNotAcceptableError",
                "Request could not be served, the endpoint was not found.",
                context=f"Provided client accept-version {wanted} is "
                        f"{'ahead of' if ahead else 'behind'} current Ghost version "
                        f"v{GHOST_VERSION}.",
                help_text="Try upgrading your Ghost install." if ahead
                else "Try upgrading your Ghost API client.",
                code="UPDATE_GHOST" if ahead else "UPDATE_CLIENT")
        return GhostError("NotFoundError", "Resource not found")

    def send_json(self, status, payload, head=False):
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if payload is not None:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Content-Version", f"v{GHOST_VERSION}")
        self.send_header("Cache-Control", "no-cache, private, no-store, must-revalidate, "
                                          "max-stale=0, post-check=0, pre-check=0")
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def send_image(self, relative, head):
        root = os.path.realpath(os.path.join(self.stand_in.content_dir, "images"))
        path = os.path.realpath(os.path.join(root, relative))
        if not path.startswith(root + os.sep) or not os.path.isfile(path):
            not_found = GhostError("NotFoundError", "Image not found")
            return self.send_json(404, not_found.envelope(), head)
        with open(path, "rb") as source:
            data = source.read()
        self.send_response(200)
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if not head:
            self.wfile.write(data)


def version_numbers(text):
    """(major, minor) of "v5.0" or "5.115"."""
    return tuple(int(number) for number in re.findall(r"\d+", text)[:2])


def serve(host, port, key, content_dir, upload_limit, title):
    """A bound server (not yet serving) for the given Admin API key; its URL names its port."""
    server = http.server.ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    site = Site(f"http://{host}:{server.server_address[1]}/", title)
    stand_in = StandIn(site, key, content_dir, upload_limit)
    server.RequestHandlerClass = type("BoundHandler", (Handler,), {"stand_in": stand_in})
    return server


# ---------------------------------------------------------------------------------------------
# Self-test

PNG_1X1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
    "AAAABJRU5ErkJggg==")


class SelfTest:
    """Runs the checks against a server on a free port, printing one line per check."""

    def __init__(self):
        self.key = f"{secrets.token_hex(12)}:{secrets.token_hex(32)}"
        self.folder = tempfile.TemporaryDirectory(prefix="ghost-stand-in-")
        self.limit = 64 * 1024
        self.server = serve("127.0.0.1", 0, self.key, self.folder.name, self.limit, "Self-test")
        # One line per check on stdout is the report; the request log would only repeat it.
        self.server.RequestHandlerClass.log_message = lambda *args: None
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.failures = 0

    def token(self, **overrides):
        now = int(time.time())
        claims = {"iat": now, "exp": now + 300, "aud": "/admin/", "kid": None, "key": self.key}
        claims.update(overrides)
        return make_token(claims["key"], claims["iat"], claims["exp"], claims["aud"], claims["kid"])

    def call(self, method, path, body=None, auth=True, headers=None, raw=None):
        """(status, JSON or bytes) of a request. auth: True signs with the key, a str is sent
        as the Authorization header, False sends none."""
        url = path if path.startswith("http") else f"{self.base}{API_PREFIX}/{path}"
        request = urllib.request.Request(url, method=method, data=raw)
        request.add_header("Accept-Version", "v5.0")
        if body is not None:
            request.data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        if auth:
            signed = auth if isinstance(auth, str) else f"Ghost {self.token()}"
            request.add_header("Authorization", signed)
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as reply:
                status, headers, data = reply.status, reply.headers, reply.read()
        except urllib.error.HTTPError as err:
            status, headers, data = err.code, err.headers, err.read()
        return status, json.loads(data) if "json" in headers.get("Content-Type", "") else data

    def check(self, what, condition, detail=""):
        print(f"{'ok  ' if condition else 'FAIL'} {what}{'' if condition else f'  -- {detail}'}")
        self.failures += 0 if condition else 1

    def check_error(self, what, reply, status, error_type, code=None):
        got_status, payload = reply
        error = payload.get("errors", [{}])[0] if isinstance(payload, dict) else {}
        self.check(what, got_status == status and error.get("type") == error_type
                   and (code is None or error.get("code") == code)
                   and {"message", "context", "type", "code", "id"} <= error.keys(),
                   f"{got_status} {payload}")

    def multipart(self, filename, content_type, data, fields=()):
        boundary = f"----stand-in-{secrets.token_hex(8)}"
        chunks = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                  f'{value}\r\n'.encode() for name, value in fields]
        chunks.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                      f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
                      + data + b"\r\n")
        chunks.append(f"--{boundary}--\r\n".encode())
        return b"".join(chunks), {"Content-Type": f"multipart/form-data; boundary={boundary}"}

    def run(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        try:
            self.site_and_auth()
            post = self.posts()
            self.collisions(post)
            self.images()
        finally:
            self.server.shutdown()
            self.folder.cleanup()
        print(f"{'all checks passed' if not self.failures else f'{self.failures} check(s) failed'}")
        return 0 if not self.failures else 1

    def site_and_auth(self):
        status, site = self.call("GET", "site/", auth=False)
        self.check("site/ answers without auth with title, url, version",
                   status == 200 and site["site"]["url"] == f"{self.base}/"
                   and site["site"]["version"] == GHOST_VERSION and site["site"]["title"], site)
        now = int(time.time())
        other_secret = f"{self.key.split(':')[0]}:{secrets.token_hex(32)}"
        self.check_error("no Authorization -> 403 NoPermissionError (as Ghost, not 401)",
                         self.call("GET", "posts/", auth=False), 403, "NoPermissionError")
        self.check_error("Bearer scheme -> 401 INVALID_AUTH_HEADER",
                         self.call("GET", "posts/", auth=f"Bearer {self.token()}"),
                         401, "UnauthorizedError", "INVALID_AUTH_HEADER")
        self.check_error("not a JWT -> 400 INVALID_JWT",
                         self.call("GET", "posts/", auth="Ghost not-a-token"),
                         400, "BadRequestError", "INVALID_JWT")
        cases = [
            ("wrong signature", {"key": other_secret}, "INVALID_JWT"),
            ("wrong kid", {"kid": secrets.token_hex(12)}, "UNKNOWN_ADMIN_API_KEY"),
            ("expired", {"iat": now - 200, "exp": now - 1}, "INVALID_JWT"),
            ("iat 5 minutes old", {"iat": now - 300, "exp": now + 60}, "INVALID_JWT"),
            # iat given: token() would read the clock again, and a second ticking over in
            # between would make exp - iat exactly 300 (allowed).
            ("exp - iat over 5 minutes", {"iat": now, "exp": now + 301}, "INVALID_JWT"),
            ("wrong aud", {"aud": "/content/"}, "INVALID_JWT"),
        ]
        for what, claims, code in cases:
            self.check_error(f"{what} -> 401 {code}",
                             self.call("GET", "posts/", auth=f"Ghost {self.token(**claims)}"),
                             401, "UnauthorizedError", code)
        status, _ = self.call("GET", "posts/", auth=f"Ghost {self.token(aud='/v5/admin/')}")
        self.check("aud '/v5/admin/' is accepted (Ghost's /\\/?admin\\/?$/)", status == 200, status)

    def posts(self):
        body = {"posts": [{
            "title": "Storm hits the coast", "html": '<p class="byline">By Ana</p><p>Rain.</p>',
            "status": "published", "tags": ["Weather", {"name": "Coast"}],
            "custom_excerpt": "The dek", "feature_image": "https://example.com/a.png",
            "feature_image_alt": "Waves", "feature_image_caption": "Photo: Ana"}]}
        status, reply = self.call("POST", "posts/?source=html&formats=html", body)
        post = reply["posts"][0] if status == 201 else {}
        self.check("add with ?source=html -> 201, html kept as given",
                   status == 201 and post["html"] == body["posts"][0]["html"], reply)
        self.check("tags by name are created, the first is the primary tag",
                   [t["name"] for t in post.get("tags", [])] == ["Weather", "Coast"]
                   and post.get("primary_tag", {}).get("slug") == "weather", post.get("tags"))
        self.check("published post has a slug, published_at and its url",
                   post.get("slug") == "storm-hits-the-coast" and post.get("published_at")
                   and post.get("url") == f"{self.base}/storm-hits-the-coast/", post)
        status, by_slug = self.call("GET", f"posts/slug/{post.get('slug')}/?formats=html")
        self.check("read by slug", status == 200 and by_slug["posts"][0]["id"] == post.get("id"),
                   by_slug)
        status, found = self.call("GET", f"posts/?filter=slug:{post.get('slug')}&fields=id,slug")
        self.check("browse with filter=slug:... and fields",
                   status == 200 and [p["id"] for p in found["posts"]] == [post.get("id")]
                   and set(found["posts"][0]) == {"id", "slug"}
                   and found["meta"]["pagination"]["total"] == 1, found)
        status, no_html = self.call("GET", f"posts/{post.get('id')}/")
        self.check("read by id without ?formats has lexical, no html",
                   status == 200 and "html" not in no_html["posts"][0]
                   and "lexical" in no_html["posts"][0], no_html)
        status, second = self.call("POST", "posts/", {"posts": [{"title": "Storm hits the coast",
                                                                  "tags": ["weather"]}]})
        self.check("a second post with the same title gets slug -2 and the existing tag",
                   status == 201 and second["posts"][0]["slug"] == "storm-hits-the-coast-2"
                   and second["posts"][0]["tags"][0]["id"] == post["tags"][0]["id"], second)
        self.check_error("add without title -> 422 ValidationError",
                         self.call("POST", "posts/", {"posts": [{"html": "<p>x</p>"}]}),
                         422, "ValidationError")
        self.check_error("unknown id -> 404 NotFoundError",
                         self.call("GET", f"posts/{object_id()}/"), 404, "NotFoundError")
        self.check_error("malformed id -> 422 ValidationError",
                         self.call("GET", "posts/not-an-id/"), 422, "ValidationError")
        return post

    def collisions(self, post):
        path = f"posts/{post['id']}/?source=html&formats=html"
        stale = post["updated_at"]
        # An editor changes the title in Ghost's web editor: the Admin API with the current value.
        status, web = self.call("PUT", f"posts/{post['id']}/",
                                {"posts": [{"title": "Storm hits the coast (updated)",
                                            "updated_at": stale}]})
        current = web["posts"][0]["updated_at"] if status == 200 else stale
        self.check("an edit with the current updated_at -> 200 and updated_at moves",
                   status == 200 and current != stale, web)
        reply = self.call("PUT", path, {"posts": [{"title": "Mine", "updated_at": stale}]})
        self.check_error("an edit with a stale updated_at -> 409 UpdateCollisionError",
                         reply, 409, "UpdateCollisionError", "UPDATE_COLLISION")
        if reply[0] == 409:
            error = reply[1]["errors"][0]
            self.check("the 409's message and details are Ghost's",
                       error["message"] == "Saving failed! Someone else is editing this post."
                       and error["details"]["serverUpdatedAt"] == current, error)
        self.check_error("an edit without updated_at -> 422 ValidationError",
                         self.call("PUT", path, {"posts": [{"title": "Mine"}]}),
                         422, "ValidationError")
        status, mine = self.call("PUT", path, {"posts": [{
            "title": "Mine", "html": "<p>New body</p>", "tags": ["Coast"], "updated_at": current}]})
        edited = mine["posts"][0] if status == 200 else {}
        self.check("an edit with ?source=html replaces html and tags",
                   status == 200 and edited["html"] == "<p>New body</p>"
                   and [t["name"] for t in edited["tags"]] == ["Coast"], mine)

    def images(self):
        data, headers = self.multipart("photo one.png", "image/png", PNG_1X1,
                                       [("purpose", "image"), ("ref", "photo one.png")])
        status, reply = self.call("POST", "images/upload/", raw=data, headers=headers)
        image = reply["images"][0] if status == 201 else {}
        self.check("upload a PNG -> 201 with url under /content/images/YYYY/MM/ and ref",
                   status == 201 and re.fullmatch(
                       re.escape(self.base) + r"/content/images/\d{4}/\d\d/photo-one\.png",
                       image["url"]) and image["ref"] == "photo one.png", reply)
        if image:
            status, served = self.call("GET", image["url"], auth=False)
            self.check("the url serves the same bytes", status == 200 and served == PNG_1X1, status)
        data, headers = self.multipart("big.png", "image/png", b"\0" * (self.limit + 1))
        self.check_error("an upload over the limit -> 413 RequestEntityTooLargeError",
                         self.call("POST", "images/upload/", raw=data, headers=headers),
                         413, "RequestEntityTooLargeError")
        data, headers = self.multipart("notes.txt", "text/plain", b"hello")
        self.check_error("a text file -> 415 UnsupportedMediaTypeError",
                         self.call("POST", "images/upload/", raw=data, headers=headers),
                         415, "UnsupportedMediaTypeError")


# ---------------------------------------------------------------------------------------------

def upload_limit_from(arguments):
    if arguments.upload_limit is not None:
        return arguments.upload_limit
    text = os.environ.get("NEWSROOM_GHOST_UPLOAD_LIMIT") or str(DEFAULT_UPLOAD_LIMIT)
    if not text.isdigit():
        sys.exit(f"ghost_stand_in: NEWSROOM_GHOST_UPLOAD_LIMIT is {text!r}, not a number of bytes")
    return int(text)


def admin_key_from_env():
    key = os.environ.get("NEWSROOM_GHOST_ADMIN_KEY", "")
    if not re.fullmatch(r"[0-9a-f]{24}:[0-9a-f]{64}", key):
        sys.exit("ghost_stand_in: set NEWSROOM_GHOST_ADMIN_KEY to <24 hex id>:<64 hex secret>")
    return key


def main():
    parser = argparse.ArgumentParser(description="A stand-in for Ghost 5's Admin API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--port-file", help="where to write the port once listening")
    parser.add_argument("--content-dir", help="where uploaded images go (default: a temp dir)")
    parser.add_argument("--upload-limit", type=int, help="bytes (default 5 MiB)")
    parser.add_argument("--title", default="Newsroom test")
    parser.add_argument("--self-test", action="store_true", help="run the checks and exit")
    arguments = parser.parse_args()
    if arguments.self_test:
        return SelfTest().run()
    content_dir = arguments.content_dir or tempfile.mkdtemp(prefix="ghost-stand-in-")
    server = serve(arguments.host, arguments.port, admin_key_from_env(), content_dir,
                   upload_limit_from(arguments), arguments.title)
    if arguments.port_file:
        # Written whole, then renamed: a reader never sees half a port.
        with open(arguments.port_file + ".new", "w", encoding="ascii") as out:
            out.write(f"{server.server_address[1]}\n")
        os.replace(arguments.port_file + ".new", arguments.port_file)
    print(f"ghost stand-in listening on http://{arguments.host}:{server.server_address[1]}/",
          file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
