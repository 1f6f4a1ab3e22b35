-- Newsroom library, schema version 5: publishing to the newsroom's CMS (issue 10).
--
-- Sites are named by the editor; their secrets are never here (the keychain, or a private file
-- named in secret_file). What was sent to a site is remembered by the site's address, not its
-- name, so removing a site and adding it again (or renaming it) never loses which post an
-- article became: publishing again updates that post rather than making a second one.
CREATE TABLE sites (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    kind        TEXT NOT NULL CHECK (kind IN ('wordpress', 'ghost')),
    url         TEXT NOT NULL,
    user        TEXT,
    secret_file TEXT,
    added_at    INTEGER NOT NULL
);

-- The post an article became on a site, and the site's last-modified time when Newsroom last
-- wrote it (a later one means someone edited the post on the web).
CREATE TABLE remote_posts (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    site_url   TEXT NOT NULL,
    post_id    TEXT NOT NULL,
    url        TEXT NOT NULL,
    modified   TEXT NOT NULL,
    PRIMARY KEY (article_id, site_url)
);

-- A photo file uploaded to a site, by the file's SHA-256: uploaded once, reused after.
CREATE TABLE remote_media (
    hash     TEXT NOT NULL,
    site_url TEXT NOT NULL,
    media_id TEXT NOT NULL,
    url      TEXT NOT NULL,
    PRIMARY KEY (hash, site_url)
);

-- Every publication of an article, for its history.
CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    site         TEXT NOT NULL,
    site_url     TEXT NOT NULL,
    post_id      TEXT NOT NULL,
    url          TEXT NOT NULL,
    status       TEXT NOT NULL,
    published_at INTEGER NOT NULL
);
CREATE INDEX publications_by_article ON publications(article_id, published_at);
