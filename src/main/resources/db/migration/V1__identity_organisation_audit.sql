-- Foundation schema: members and portfolios, staff users and roles, the council's
-- organisation (wards, directorates, service areas) and the append-only audit trail.

create table member (
    id          bigint generated always as identity primary key,
    full_name   text    not null check (length(full_name) between 1 and 200),
    office      text    not null check (office in ('MAYOR', 'DEPUTY_MAYOR', 'CABINET_MEMBER')),
    email       text    check (email is null or length(email) <= 320),
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    version     bigint  not null default 0
);
create unique index member_full_name_uq on member (lower(full_name));

create table portfolio (
    id          bigint generated always as identity primary key,
    name        text    not null check (length(name) between 1 and 200),
    description text    check (description is null or length(description) <= 2000),
    member_id   bigint  references member (id),
    active      boolean not null default true,
    created_at  timestamptz not null default now(),
    version     bigint  not null default 0
);
create unique index portfolio_name_uq on portfolio (lower(name));
create index portfolio_member_idx on portfolio (member_id);

create table app_user (
    id                   bigint generated always as identity primary key,
    username             text    not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
    display_name         text    not null check (length(display_name) between 1 and 200),
    email                text    check (email is null or length(email) <= 320),
    password_hash        text    not null,
    enabled              boolean not null default true,
    must_change_password boolean not null default false,
    failed_attempts      integer not null default 0 check (failed_attempts >= 0),
    locked_until         timestamptz,
    last_sign_in_at      timestamptz,
    member_id            bigint  references member (id),
    created_at           timestamptz not null default now(),
    version              bigint  not null default 0
);
create unique index app_user_username_uq on app_user (username);
create index app_user_member_idx on app_user (member_id);
create index app_user_display_name_idx on app_user (lower(display_name), id);

create table user_role (
    user_id bigint not null references app_user (id) on delete cascade,
    role    text   not null check (role in ('CASEWORKER', 'COORDINATOR', 'CABINET_SUPPORT_OFFICER',
                                            'MEMBER', 'HEAD_OF_OFFICE', 'ADMIN')),
    primary key (user_id, role)
);

create table ward (
    id      bigint generated always as identity primary key,
    name    text    not null check (length(name) between 1 and 200),
    active  boolean not null default true,
    version bigint  not null default 0
);
create unique index ward_name_uq on ward (lower(name));

create table directorate (
    id            bigint generated always as identity primary key,
    name          text    not null check (length(name) between 1 and 200),
    enquiry_email text    check (enquiry_email is null or length(enquiry_email) <= 320),
    active        boolean not null default true,
    version       bigint  not null default 0
);
create unique index directorate_name_uq on directorate (lower(name));

create table service_area (
    id             bigint generated always as identity primary key,
    directorate_id bigint  not null references directorate (id),
    name           text    not null check (length(name) between 1 and 200),
    active         boolean not null default true,
    version        bigint  not null default 0
);
create unique index service_area_name_uq on service_area (directorate_id, lower(name));

-- Append-only: who did what, when, to which record; field-level old and new values.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default now(),
    actor        text not null check (length(actor) between 1 and 200),
    action       text not null check (length(action) between 1 and 100),
    subject_type text not null check (length(subject_type) between 1 and 100),
    subject_id   text,
    field        text,
    old_value    text,
    new_value    text,
    detail       text
);
create index audit_event_subject_idx on audit_event (subject_type, subject_id, occurred_at desc);
create index audit_event_occurred_idx on audit_event (occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
