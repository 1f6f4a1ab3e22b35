-- Newsroom library, schema version 1.
-- Column order matters: `body` is the last column of `articles`, so list queries that read only
-- the metadata never touch the overflow pages of long bodies.

CREATE TABLE photos (
    id            INTEGER PRIMARY KEY,
    hash          TEXT UNIQUE,             -- SHA-256 of the file; NULL while awaiting its file
    format        TEXT,
    width         INTEGER,
    height        INTEGER,
    bytes         INTEGER,
    original_name TEXT NOT NULL DEFAULT '',
    caption       TEXT NOT NULL DEFAULT '',
    credit        TEXT NOT NULL DEFAULT '',
    alt           TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    trashed_at    INTEGER,
    CHECK ((hash IS NULL) = (format IS NULL))
);

CREATE TABLE authors (
    id       INTEGER PRIMARY KEY,
    name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role     TEXT NOT NULL DEFAULT '',
    bio      TEXT NOT NULL DEFAULT '',
    photo_id INTEGER REFERENCES photos(id) ON DELETE SET NULL
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    headline     TEXT NOT NULL,
    dek          TEXT NOT NULL DEFAULT '',
    byline       TEXT NOT NULL DEFAULT '',
    section      TEXT NOT NULL DEFAULT '',
    tags         TEXT NOT NULL DEFAULT '',  -- one tag per line
    status       TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'editing', 'ready', 'published', 'archived')),
    dateline     TEXT NOT NULL DEFAULT '',
    author_id    INTEGER REFERENCES authors(id) ON DELETE SET NULL,
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL,
    published_at INTEGER,
    trashed_at   INTEGER,
    word_count   INTEGER NOT NULL DEFAULT 0,
    body         TEXT NOT NULL DEFAULT ''
);

-- The library list: newest first, per status and per section, trash kept apart.
CREATE INDEX articles_recent ON articles(updated_at DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_by_status ON articles(status, updated_at DESC, id DESC) WHERE trashed_at IS NULL;
-- Sections are filtered without regard to case ("World" = "world"): the index must collate so.
CREATE INDEX articles_by_section ON articles(section COLLATE NOCASE, updated_at DESC, id DESC) WHERE trashed_at IS NULL;
CREATE INDEX articles_trash ON articles(trashed_at DESC) WHERE trashed_at IS NOT NULL;

-- Slugs an article had before: `[[old-slug]]` links keep working after a rename.
CREATE TABLE slug_aliases (
    slug       TEXT PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);

CREATE TABLE article_photos (
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    photo_id         INTEGER NOT NULL REFERENCES photos(id) ON DELETE RESTRICT,
    role             TEXT NOT NULL CHECK (role IN ('featured', 'inline')),
    position         INTEGER NOT NULL,
    caption_override TEXT,
    PRIMARY KEY (article_id, photo_id)
);
CREATE UNIQUE INDEX article_photos_one_featured ON article_photos(article_id) WHERE role = 'featured';
CREATE INDEX article_photos_by_photo ON article_photos(photo_id);

CREATE TABLE related_links (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    target_id  INTEGER REFERENCES articles(id) ON DELETE CASCADE,
    url        TEXT,
    title      TEXT NOT NULL DEFAULT '',
    CHECK ((target_id IS NULL) <> (url IS NULL)),
    CHECK (target_id IS NOT article_id)
);
CREATE INDEX related_links_order ON related_links(article_id, position);
CREATE UNIQUE INDEX related_links_internal ON related_links(article_id, target_id) WHERE target_id IS NOT NULL;
CREATE UNIQUE INDEX related_links_external ON related_links(article_id, url) WHERE url IS NOT NULL;
CREATE INDEX related_links_backlinks ON related_links(target_id) WHERE target_id IS NOT NULL;

CREATE TABLE revisions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    number     INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    cause      TEXT NOT NULL
               CHECK (cause IN ('typing', 'manual', 'external', 'import', 'restore', 'conflict')),
    headline   TEXT NOT NULL,
    dek        TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    body       TEXT NOT NULL,
    UNIQUE (article_id, number)
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text index over headline, dek, body, tags and photo captions. Contentless with
-- contentless_delete: a re-index is one delete by rowid and one insert, without re-reading the old
-- text. Snippets are cut from the article row by the store.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, dek, body, tags, captions,
    content = '', contentless_delete = 1, prefix = '3',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- (Triggers test for presence rather than INSERT OR IGNORE: an outer upsert's conflict handling
-- would override the trigger's.)
-- Articles whose index entry is stale. Triggers record every change here; the store re-indexes
-- them (store/search.rs) before any search runs and when asked, so a search never sees stale
-- entries, while an autosave of a long body costs a one-row insert instead of re-tokenizing
-- the whole body on every keystroke.
CREATE TABLE fts_pending (
    article_id INTEGER PRIMARY KEY
);

-- The captions column: every caption and credit of the photos an article uses.
CREATE VIEW article_captions AS
    SELECT ap.article_id AS article_id,
           group_concat(coalesce(ap.caption_override, p.caption) || ' ' || p.credit, ' ') AS captions
    FROM article_photos ap JOIN photos p ON p.id = ap.photo_id
    GROUP BY ap.article_id;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.id);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, dek, body, tags ON articles BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.id);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    DELETE FROM articles_fts WHERE rowid = old.id;
    DELETE FROM fts_pending WHERE article_id = old.id;
END;

-- Photo captions change what an article is found by: re-index the articles concerned.
CREATE TRIGGER article_photos_fts_insert AFTER INSERT ON article_photos BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.article_id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.article_id);
END;
CREATE TRIGGER article_photos_fts_update AFTER UPDATE OF caption_override ON article_photos BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.article_id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.article_id);
END;
CREATE TRIGGER article_photos_fts_delete AFTER DELETE ON article_photos BEGIN
    INSERT INTO fts_pending (article_id) SELECT old.article_id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.article_id);
END;
CREATE TRIGGER photos_fts_update AFTER UPDATE OF caption, credit ON photos BEGIN
    INSERT INTO fts_pending (article_id)
    SELECT DISTINCT article_id FROM article_photos
    WHERE photo_id = new.id AND article_id NOT IN (SELECT article_id FROM fts_pending);
END;
