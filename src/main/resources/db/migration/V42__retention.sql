-- Records management: how long closed casework is kept, per case type, and the review batches the
-- head of office approves before anything is removed.
create table retention_rule (
    id            bigint generated always as identity primary key,
    case_type_id  bigint not null unique references case_type (id),
    years_after_closure integer not null check (years_after_closure between 1 and 100),
    action        text not null check (action in ('ANONYMISE', 'DELETE')),
    updated_by    text not null,
    updated_at    timestamptz not null default now(),
    version       bigint not null default 0
);

create table retention_batch (
    id           bigint generated always as identity primary key,
    status       text not null check (status in ('PENDING', 'EXECUTED', 'CANCELLED')),
    created_at   timestamptz not null default now(),
    created_by   text not null,
    decided_by   text,
    decided_at   timestamptz,
    summary      text,
    version      bigint not null default 0,
    check ((status = 'PENDING') = (decided_at is null))
);
-- At most one batch waiting for review at a time.
create unique index retention_batch_one_pending on retention_batch ((true)) where status = 'PENDING';

create table retention_batch_item (
    batch_id     bigint not null references retention_batch (id) on delete cascade,
    case_id      bigint not null,
    case_reference text not null,
    rule_id      bigint not null references retention_rule (id),
    action       text not null check (action in ('ANONYMISE', 'DELETE')),
    excluded     boolean not null default false,
    outcome      text check (outcome in ('ANONYMISED', 'DELETED', 'HELD', 'EXCLUDED', 'GONE')),
    primary key (batch_id, case_id)
);
create index retention_batch_item_case_idx on retention_batch_item (case_id);

-- The retention job looks for closed cases by closure date.
create index if not exists casework_case_closed_at_idx on casework_case (closed_at) where closed_at is not null;
