-- A merge rewrites an opportunity's score, value, evidence count and timestamps, none of them indexed. With room
-- left on its page PostgreSQL writes the new version beside the old one and touches no index (a HOT update);
-- on a full page (the default fill of 100 %) every merge adds an entry to each of the table's seven indexes.
alter table opportunity set (fillfactor = 80);
