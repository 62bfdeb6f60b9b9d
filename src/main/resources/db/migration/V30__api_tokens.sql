-- Reporting feed (Power BI "From Web"): API tokens created and revoked by administrators. Only the SHA-256
-- hash of a token is stored; the token itself is shown once, when it is created.
create table api_token (
    id           bigint generated always as identity primary key,
    name         text   not null check (length(name) between 1 and 100),
    token_hash   text   not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_by   text   not null check (length(created_by) between 1 and 200),
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz,
    revoked_by   text   check (revoked_by is null or length(revoked_by) between 1 and 200),
    last_used_at timestamptz,
    check ((revoked_at is null) = (revoked_by is null))
);
-- The admin list, newest first.
create index api_token_created_idx on api_token (created_at desc, id desc);
