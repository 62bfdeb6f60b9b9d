-- "Briefings due" asks, for each engagement in the next ten working days, whether it has a ready briefing: a small
-- partial index of ready briefings answers that without reading the briefings themselves.
create index briefing_ready_idx on briefing (engagement_id) where status = 'READY';
