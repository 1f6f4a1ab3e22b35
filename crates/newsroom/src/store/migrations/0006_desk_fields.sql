-- Newsroom library, schema version 6: the desk's fields of an article (issue 11). A kicker, the
-- headlines for search engines and social cards (empty: the headline), an embargo (Unix
-- seconds; before it the story must not go out) and the planned length in words. A `kicker:`
-- or other such field that a workspace file carried before is moved here from
-- article_extra_fields when the library is opened (store/desk_fields.rs).
ALTER TABLE articles ADD COLUMN kicker TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_headline TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN social_headline TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN embargo INTEGER;
ALTER TABLE articles ADD COLUMN words_planned INTEGER CHECK (words_planned IS NULL OR words_planned > 0);

-- The corrections and updates appended to a published story (printed at its end, in order),
-- and the desk's private notes about it. Both only grow from the app; a workspace file may
-- carry another desk's, which the file's version brings in whole.
CREATE TABLE article_corrections (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
    text       TEXT NOT NULL CHECK (trim(text) <> ''),
    at         INTEGER NOT NULL
);
CREATE INDEX article_corrections_by_article ON article_corrections(article_id, at, id);
CREATE TABLE article_notes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL CHECK (trim(text) <> ''),
    at         INTEGER NOT NULL
);
CREATE INDEX article_notes_by_article ON article_notes(article_id, at, id);
-- Both are in the article's file: a change makes it due for writing, as for photos and links.
CREATE TRIGGER workspace_dirty_correction_insert AFTER INSERT ON article_corrections BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
        ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_correction_delete AFTER DELETE ON article_corrections BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (old.article_id)
        ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_note_insert AFTER INSERT ON article_notes BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (new.article_id)
        ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;
CREATE TRIGGER workspace_dirty_note_delete AFTER DELETE ON article_notes BEGIN
    INSERT INTO workspace_dirty (article_id) VALUES (old.article_id)
        ON CONFLICT (article_id) DO UPDATE SET generation = generation + 1;
END;

-- Search finds a story by its kicker and the desk's notes too; they are indexed in the captions
-- column (the text around the story rather than the story itself), see store/search.rs.
CREATE VIEW article_note_text AS
    SELECT article_id, group_concat(text, ' ') AS notes FROM article_notes GROUP BY article_id;
CREATE TRIGGER articles_fts_kicker AFTER UPDATE OF kicker ON articles BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.id);
END;
CREATE TRIGGER article_notes_fts_insert AFTER INSERT ON article_notes BEGIN
    INSERT INTO fts_pending (article_id) SELECT new.article_id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = new.article_id);
END;
CREATE TRIGGER article_notes_fts_delete AFTER DELETE ON article_notes BEGIN
    INSERT INTO fts_pending (article_id) SELECT old.article_id
    WHERE NOT EXISTS (SELECT 1 FROM fts_pending WHERE article_id = old.article_id);
END;
