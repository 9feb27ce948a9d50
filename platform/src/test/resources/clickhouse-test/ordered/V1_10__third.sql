INSERT INTO notes SELECT 10, concat('third after ', toString(count())) FROM notes;
