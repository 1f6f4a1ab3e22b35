-- Newsroom library, schema version 2: the workspace folder kept in sync with the library.

-- Where each article's file is and the point at which file and app last agreed: the SHA-256 of
-- the bytes on disk then (`file_hash`) and of the app's rendering of the article then
-- (`db_hash`). Either side differing from its hash means that side changed since.
-- The file's size and modification time (ns) then, and when they were taken (Unix seconds), let
-- the start-up scan skip reading a file whose stamp is unchanged (git's index does the same); a
-- file modified in the second its stamp was taken (or the one before) may hide a change behind
-- an equal stamp ("racy"), so it is read anyway. NULL: no stamp, always read.
CREATE TABLE workspace_files (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    path       TEXT NOT NULL UNIQUE,   -- relative to the workspace, '/' separated
    file_hash  TEXT NOT NULL,
    db_hash    TEXT NOT NULL,
    size       INTEGER,
    mtime_ns   INTEGER,
    stamped_at INTEGER
);

-- Articles whose file and app version both changed: neither is overwritten until an editor
-- chooses. Both versions are kept as revisions; the file's full text is kept here too (its
-- front matter is more than a revision holds).
CREATE TABLE workspace_conflicts (
    article_id    INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    file_revision INTEGER NOT NULL,
    app_revision  INTEGER NOT NULL,
    detected_at   INTEGER NOT NULL,
    file_hash     TEXT NOT NULL,
    file_text     TEXT NOT NULL
);

-- Articles changed in the database since file and app last agreed, so a mirror pass (and the
-- start-up scan) touches only those instead of rendering the whole library. `generation` grows
-- with every change: the mirror removes an article only if no change came while it wrote the
-- file, and only after recording the agreement, so a crash in between leaves it here.
CREATE TABLE workspace_dirty (
    article_id INTEGER PRIMARY KEY,
    generation INTEGER NOT NULL DEFAULT 0
);

-- A library from before the workspace: every article is still to be written.
INSERT INTO workspace_dirty (article_id) SELECT id FROM articles;
CREATE TRIGGER workspace_dirty_article_insert AFTER INSERT ON articles BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_article_update AFTER UPDATE ON articles BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_photo_insert AFTER INSERT ON article_photos BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_photo_update AFTER UPDATE ON article_photos BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_photo_delete AFTER DELETE ON article_photos BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (old.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_related_insert AFTER INSERT ON related_links BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_related_update AFTER UPDATE ON related_links BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_related_delete AFTER DELETE ON related_links BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (old.article_id)
    ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
