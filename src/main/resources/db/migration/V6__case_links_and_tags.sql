-- Linked cases (related, or a duplicate of another case) and free tags for grouping cases.

create table case_link (
    case_id        bigint not null references casework_case (id) on delete cascade,
    linked_case_id bigint not null references casework_case (id) on delete cascade,
    kind           text   not null check (kind in ('RELATED', 'DUPLICATE_OF')),
    created_by     text   not null,
    created_at     timestamptz not null default now(),
    primary key (case_id, linked_case_id),
    check (case_id <> linked_case_id)
);
create index case_link_linked_idx on case_link (linked_case_id);

create table case_tag (
    case_id    bigint not null references casework_case (id) on delete cascade,
    tag        text   not null check (tag ~ '^[a-z0-9][a-z0-9 &''-]{0,39}$'),
    created_by text   not null,
    created_at timestamptz not null default now(),
    primary key (case_id, tag)
);
create index case_tag_tag_idx on case_tag (tag, case_id);
