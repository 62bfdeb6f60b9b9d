-- "Briefings due" counts the confirmed and tentative engagements of the next ten working days that lack a ready
-- briefing (up to 500). Through engagement_time_idx that read every engagement of the window from the table (about
-- 750 pages at 1,000,000 cases, 2 ms); this partial index holds what the count needs, so it reads the index alone.
create index engagement_scheduled_idx on engagement (starts_at, id) where status in ('CONFIRMED', 'TENTATIVE');
