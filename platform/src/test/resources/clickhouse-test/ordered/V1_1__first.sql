CREATE TABLE IF NOT EXISTS first_marker (at UInt8) ENGINE = MergeTree ORDER BY at;
