-- Two statements in one file; the second depends on the first.
CREATE TABLE IF NOT EXISTS notes (id UInt32, text String) ENGINE = MergeTree ORDER BY id;
INSERT INTO notes VALUES (2, 'second; with a semicolon in a string');
