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

-- Erasure (UK GDPR Article 17) must not leave the erased person's name in the audit trail, which stays
-- append-only otherwise: the one update allowed is a redaction made by the erasure itself, which sets
-- casework.audit_redaction for its own transaction and may change only the old/new values and the detail.
-- Deletes and truncation stay forbidden.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and coalesce(current_setting('casework.audit_redaction', true), '') = 'on'
            and new.id = old.id and new.occurred_at = old.occurred_at and new.actor = old.actor
            and new.action = old.action and new.subject_type = old.subject_type
            and new.subject_id is not distinct from old.subject_id and new.field is not distinct from old.field then
        return new;
    end if;
    raise exception 'audit_event is append-only';
end;
$$;
