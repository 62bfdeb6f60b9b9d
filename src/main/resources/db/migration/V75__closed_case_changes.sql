-- The reports dashboard keeps what it counted of the cases closed before the day began (the day of an hour ago, in
-- London: nearly all of a large office's history) and recounts only the others each minute (ReportQueries).
-- Anything that could change a kept count adds one to this counter, and the dashboard counts those cases afresh
-- whenever it has moved: a closed case inserted, changed (reopened, reassigned, restricted, disposed of, erased) or
-- deleted, or any change to a restricted case's access list. The counter is bumped when the transaction commits
-- (deferred), so it is locked only for that moment and two transactions cannot deadlock over it.
create table closed_case_changes (
    id      boolean primary key default true check (id),
    changes bigint  not null
);
insert into closed_case_changes (changes) values (0);

create function count_closed_case_change() returns trigger language plpgsql as $$
begin
    update closed_case_changes set changes = changes + 1;
    return null;
end $$;

create constraint trigger casework_case_closed_inserted after insert on casework_case
    deferrable initially deferred for each row when (new.closed_at is not null)
    execute function count_closed_case_change();

-- Closing a case now is not a change to them (they were closed before a day that began at least an hour ago); closing
-- one as of more than an hour ago is.
create constraint trigger casework_case_closed_changed after update on casework_case
    deferrable initially deferred for each row
    when (old.closed_at is not null or new.closed_at < now() - interval '1 hour')
    execute function count_closed_case_change();

create constraint trigger casework_case_closed_deleted after delete on casework_case
    deferrable initially deferred for each row when (old.closed_at is not null)
    execute function count_closed_case_change();

create constraint trigger case_access_changed after insert or update or delete on case_access
    deferrable initially deferred for each row
    execute function count_closed_case_change();
