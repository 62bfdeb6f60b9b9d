-- In-app notifications (the bell) and the transactional outbox for every email the office sends.

create table notification (
    id         bigint generated always as identity primary key,
    user_id    bigint      not null references app_user (id),
    message    text        not null check (length(message) between 1 and 500),
    link       text        check (link is null or (length(link) <= 500 and link ~ '^/')),
    created_at timestamptz not null default now(),
    read_at    timestamptz
);
create index notification_user_idx on notification (user_id, created_at desc, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

-- An email is written here in the same transaction as the change that causes it; a worker sends it
-- and retries with back-off, so a mail-server outage loses nothing. The Message-ID is fixed when the
-- row is written, so a resend after a crash is recognisable as the same message.
create table outbox_email (
    id              bigint generated always as identity primary key,
    message_id      text        not null unique check (length(message_id) between 3 and 300),
    to_address      text        not null check (length(to_address) between 3 and 320),
    cc_address      text        check (cc_address is null or length(cc_address) <= 320),
    subject         text        not null check (length(subject) between 1 and 300),
    body            text        not null check (length(body) between 1 and 100000),
    source          text        check (source is null or length(source) <= 100),
    status          text        not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz,
    check ((status = 'SENT') = (sent_at is not null))
);
create index outbox_due_idx on outbox_email (next_attempt_at, id) where status = 'PENDING';
create index outbox_recent_idx on outbox_email (created_at desc, id desc);
create index outbox_source_idx on outbox_email (source);

create table outbox_attachment (
    id           bigint generated always as identity primary key,
    email_id     bigint not null references outbox_email (id) on delete cascade,
    filename     text   not null check (length(filename) between 1 and 255),
    content_type text   not null check (length(content_type) between 3 and 200),
    content      bytea  not null
);
create index outbox_attachment_email_idx on outbox_attachment (email_id);

-- The timeline records correspondence, members' enquiries, drafts, approvals and dispatch too.
alter table case_event drop constraint case_event_kind_check;
alter table case_event add constraint case_event_kind_check check (kind in ('CREATED', 'NOTE', 'STATUS', 'ALLOCATION',
    'DEADLINE', 'ACTION', 'ATTACHMENT', 'LINK', 'CORRESPONDENCE', 'ENQUIRY', 'DRAFT', 'APPROVAL', 'DISPATCH'));

-- Finding a case to attach correspondence to, by words in its subject.
create index case_subject_trgm_idx on casework_case using gin (lower(subject) gin_trgm_ops);
