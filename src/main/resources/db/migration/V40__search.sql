-- Full-text search over cases, their timeline and correspondence. The tsvector columns are generated
-- (stored) by PostgreSQL itself, so every insert and update keeps them current without triggers or
-- application code. 'english' stems words ("repairs" finds "repaired"). Weights: A subject,
-- B description/body, C sender; ts_rank_cd uses them so a subject match outranks a note match
-- (timeline entries carry the default weight D).

alter table casework_case add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')) stored;
create index casework_case_search_idx on casework_case using gin (search_vector);

alter table case_event add column search_vector tsvector generated always as (
    to_tsvector('english'::regconfig, body)) stored;
create index case_event_search_idx on case_event using gin (search_vector);

alter table correspondence_item add column search_vector tsvector generated always as (
    setweight(to_tsvector('english'::regconfig, coalesce(subject, '')), 'A')
    || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(sender_name, '') || ' ' || coalesce(sender_email, '')), 'C')) stored;
create index correspondence_item_search_idx on correspondence_item using gin (search_vector);

-- Date-range filter on correspondence without a full scan (cases already have case_received_idx).
-- People: names use person_name_trgm_idx, postcodes person_postcode_idx, emails person_email_idx (V3).
