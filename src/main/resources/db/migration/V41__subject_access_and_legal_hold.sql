-- Subject access requests (UK GDPR Article 15): logged when made, answered within one calendar month.
create table subject_access_request (
    id            bigint generated always as identity primary key,
    person_id     bigint      not null references person (id),
    requested_on  date        not null,
    due_on        date        not null,
    requested_by  text        not null check (length(requested_by) between 1 and 200),
    completed_at  timestamptz,
    created_at    timestamptz not null default now(),
    check (due_on > requested_on)
);
create index subject_access_request_person_idx on subject_access_request (person_id, requested_on desc, id desc);
create index subject_access_request_open_idx on subject_access_request (due_on, id) where completed_at is null;

-- A legal hold stops erasure (litigation, a complaint to the ombudsman, a police request). Set by the head of office.
alter table person add column legal_hold boolean not null default false;
alter table casework_case add column legal_hold boolean not null default false;
