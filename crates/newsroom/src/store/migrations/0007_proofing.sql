-- Newsroom library, schema version 7: spell and grammar checking, and the desk's side of each
-- revision (issue 11). The language an article is checked in, as a Hunspell name such as en_GB
-- ('' = the library's default, the setting proofing.language), and the library's own word list
-- ("Add to dictionary": names and places the desk writes often).
ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
CREATE TABLE dictionary_words (
    word TEXT PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 64)
) WITHOUT ROWID;
-- What a revision kept of the desk's fields, corrections and notes, as lines of text for the
-- history's diffs ('' for revisions recorded before this version, and when none is set).
ALTER TABLE revisions ADD COLUMN desk TEXT NOT NULL DEFAULT '';
-- The story budget (store/budget.rs): a story's time, written exactly as the query writes it, so
-- a day's first page is read from the index instead of every article.
CREATE INDEX articles_budget_time ON articles(coalesce(embargo, published_at, updated_at), id)
    WHERE trashed_at IS NULL;
