-- Background jobs (email outbox, mailbox intake, enquiry chasers) run on one instance at a time: a job
-- takes its row here with a lease (locked_until) before it runs. A crashed instance's lease simply runs
-- out. "runs" counts the times the job was started, for the administrator and the tests.
create table job_lock (
    name         text        primary key check (length(name) between 1 and 100),
    locked_until timestamptz not null,
    locked_at    timestamptz not null,
    locked_by    text        not null check (length(locked_by) between 1 and 200),
    runs         bigint      not null default 0
);
