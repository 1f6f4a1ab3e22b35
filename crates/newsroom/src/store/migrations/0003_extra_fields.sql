-- Newsroom library, schema version 3: front-matter fields other tools or a desk added to an
-- article's workspace file (`kicker:`, `aliases:`…), which Newsroom does not use but keeps and
-- writes back unchanged. `fields` is their YAML, in the file's order.
CREATE TABLE article_extra_fields (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    fields     TEXT NOT NULL
);
