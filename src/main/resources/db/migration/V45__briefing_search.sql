-- Diary briefings in the search box: title (weight A), topic (B), text (C).
alter table briefing add column search_vector tsvector generated always as (
    setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(topic, '')), 'B')
    || setweight(to_tsvector('english', coalesce(content, '')), 'C')) stored;
create index briefing_search_idx on briefing using gin (search_vector);
