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
