-- Newsroom library, schema version 4: every article gets a uid, the name its workspace file
-- gives it. Local ids differ between the libraries of a desk that shares one workspace
-- folder (through git or a sync service); the uid is the same on every desk, so a file that
-- another desk moved or edited is matched to the right article. 32 hexadecimal digits.
ALTER TABLE articles ADD COLUMN uid TEXT NOT NULL DEFAULT '';
UPDATE articles SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX articles_uid ON articles(uid);
