-- Full-text and trigram (GIN) indexes are kept current on every write instead of through a pending list.
-- With PostgreSQL's default (fastupdate on), new notes, cases changed and people added go to an unsorted pending
-- list of up to gin_pending_list_limit (4 MB) that every search through the index reads in full until a vacuum, or
-- the write that fills it, merges it. Measured after a benchmark run: 6,400 new timeline entries and 2,000 changed
-- cases pending, and a search for a surname at 10,000 cases took 24 ms of database time instead of ~2 (BENCHMARKS.md).
-- A write now updates the index itself (a few lexemes a row), and the lists already pending are merged here.
alter index briefing_search_idx set (fastupdate = off);
alter index case_event_search_idx set (fastupdate = off);
alter index case_subject_trgm_idx set (fastupdate = off);
alter index casework_case_search_idx set (fastupdate = off);
alter index correspondence_item_search_idx set (fastupdate = off);
alter index correspondence_item_subject_trgm_idx set (fastupdate = off);
alter index person_name_trgm_idx set (fastupdate = off);

select gin_clean_pending_list(c.oid)
  from pg_class c join pg_am am on am.oid = c.relam join pg_namespace n on n.oid = c.relnamespace
 where am.amname = 'gin' and n.nspname = current_schema();
