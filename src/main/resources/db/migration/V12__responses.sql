-- Draft responses: letter templates and standard lines, drafts with every saved version kept,
-- approval by the member (or a delegate, or the head of office for office-level cases) and dispatch.

create table letter_template (
    id         bigint generated always as identity primary key,
    name       text    not null check (length(name) between 1 and 120),
    kind       text    not null check (kind in ('TEMPLATE', 'STANDARD_LINE')),
    body       text    not null check (length(body) between 1 and 20000),
    active     boolean not null default true,
    created_at timestamptz not null default now(),
    version    bigint  not null default 0
);
create unique index letter_template_name_uq on letter_template (lower(name));
create index letter_template_kind_idx on letter_template (kind, active, lower(name));

create table draft_response (
    id                bigint generated always as identity primary key,
    case_id           bigint  not null references casework_case (id),
    person_id         bigint  not null references person (id),
    -- What the approvals queue shows, as it was when the draft was started.
    case_reference    text    not null check (length(case_reference) between 1 and 40),
    case_subject      text    not null check (length(case_subject) between 1 and 300),
    recipient_name    text    not null check (length(recipient_name) between 1 and 300),
    template_id       bigint  references letter_template (id),
    -- The member it is approved by (null: an office-level case, approved by the head of office).
    member_id         bigint  references member (id),
    status            text    not null default 'DRAFT'
                              check (status in ('DRAFT', 'AWAITING_APPROVAL', 'RETURNED', 'APPROVED', 'DISPATCHED')),
    current_version   integer not null default 1 check (current_version >= 1),
    created_by_id     bigint  not null references app_user (id),
    created_by        text    not null check (length(created_by) between 1 and 200),
    submitted_at      timestamptz,
    return_comments   text    check (return_comments is null or length(return_comments) <= 5000),
    returned_by       text    check (returned_by is null or length(returned_by) <= 200),
    approved_version  integer,
    approved_by       text    check (approved_by is null or length(approved_by) <= 200),
    approved_at       timestamptz,
    dispatched_at     timestamptz,
    dispatched_by     text    check (dispatched_by is null or length(dispatched_by) <= 200),
    dispatch_channels text    check (dispatch_channels is null or dispatch_channels in ('LETTER', 'EMAIL', 'LETTER,EMAIL')),
    dispatched_email  text    check (dispatched_email is null or length(dispatched_email) <= 320),
    -- The letter exactly as it was sent.
    letter_pdf        bytea,
    created_at        timestamptz not null default now(),
    version           bigint  not null default 0,
    check ((status = 'APPROVED' or status = 'DISPATCHED') = (approved_version is not null)),
    check ((status = 'DISPATCHED') = (dispatched_at is not null))
);
create index draft_response_case_idx on draft_response (case_id, id desc);
create index draft_response_person_idx on draft_response (person_id);
create index draft_response_template_idx on draft_response (template_id);
create index draft_response_creator_idx on draft_response (created_by_id);
create index draft_response_awaiting_idx on draft_response (member_id, submitted_at, id) where status = 'AWAITING_APPROVAL';

create table draft_version (
    id         bigint generated always as identity primary key,
    draft_id   bigint  not null references draft_response (id),
    number     integer not null check (number >= 1),
    text       text    not null check (length(text) <= 20000),
    author_id  bigint  not null,
    author     text    not null check (length(author) between 1 and 200),
    note       text    check (note is null or length(note) <= 200),
    created_at timestamptz not null default now(),
    unique (draft_id, number)
);

-- A member lets a deputy (another member's user) or the head of office approve for them, for a date range.
create table approval_delegation (
    id               bigint generated always as identity primary key,
    member_id        bigint  not null references member (id),
    delegate_user_id bigint  not null references app_user (id),
    starts_on        date    not null,
    ends_on          date    not null,
    created_by       text    not null check (length(created_by) between 1 and 200),
    created_at       timestamptz not null default now(),
    ended_early_at   timestamptz,
    check (ends_on >= starts_on)
);
create index approval_delegation_member_idx on approval_delegation (member_id, ends_on desc, id desc);
create index approval_delegation_delegate_idx on approval_delegation (delegate_user_id, starts_on, ends_on);
