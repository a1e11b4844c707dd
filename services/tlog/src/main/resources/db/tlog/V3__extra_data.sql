-- Data stored beside an entry but not hashed into the tree (a CT log's extra_data: the
-- certificate chain of a logged precertificate). Written in the same transaction as the entry.
ALTER TABLE tlog_entry ADD COLUMN extra bytea;
ALTER TABLE tlog_pending ADD COLUMN extra bytea;
