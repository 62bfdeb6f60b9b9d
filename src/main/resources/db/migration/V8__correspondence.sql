-- The correspondence register: every email, letter, call, surgery note and social media message in
-- and out; the triage inbox (incoming items not yet distributed) and campaigns (many near-identical
-- messages answered with one approved standard response).

create table correspondence_campaign (
    id               bigint generated always as identity primary key,
    title            text        not null check (length(title) between 1 and 200),
    response_subject text        check (response_subject is null or length(response_subject) <= 300),
    response_text    text        check (response_text is null or length(response_text) <= 20000),
    status           text        not null default 'DRAFTING' check (status in ('DRAFTING', 'APPROVED', 'SENT')),
    approved_by      text        check (approved_by is null or length(approved_by) <= 200),
    approved_at      timestamptz,
    sent_by          text        check (sent_by is null or length(sent_by) <= 200),
    sent_at          timestamptz,
    created_by       text        not null check (length(created_by) between 1 and 200),
    created_at       timestamptz not null default now(),
    version          bigint      not null default 0,
    check ((status = 'DRAFTING') = (approved_at is null)),
    check ((status = 'SENT') = (sent_at is not null))
);
create index correspondence_campaign_recent_idx on correspondence_campaign (created_at desc, id desc);

create table correspondence_item (
    id               bigint generated always as identity primary key,
    direction        text        not null check (direction in ('IN', 'OUT')),
    channel          text        not null check (channel in ('EMAIL', 'LETTER', 'PHONE', 'SURGERY', 'SOCIAL_MEDIA')),
    status           text        not null check (status in ('IN_TRIAGE', 'ATTACHED', 'NEW_CASE', 'NO_ACTION', 'THREADED',
                                                            'CAMPAIGN', 'SENT')),
    -- The day it was received (incoming) or sent (outgoing).
    occurred_on      date        not null,
    sender_name      text        check (sender_name is null or length(sender_name) <= 200),
    sender_email     text        check (sender_email is null or length(sender_email) <= 320),
    sender_address   text        check (sender_address is null or length(sender_address) <= 500),
    person_id        bigint      references person (id),
    -- Outgoing: who it went to, as written on it.
    recipient        text        check (recipient is null or length(recipient) <= 400),
    member_id        bigint      references member (id),
    subject          text        not null check (length(subject) between 1 and 300),
    body             text        check (body is null or length(body) <= 100000),
    case_id          bigint      references casework_case (id),
    campaign_id      bigint      references correspondence_campaign (id),
    -- An outgoing reply: the incoming item it answers.
    reply_to_item_id bigint      references correspondence_item (id),
    no_action_reason text        check (no_action_reason is null or length(no_action_reason) between 1 and 1000),
    distributed_by   text        check (distributed_by is null or length(distributed_by) <= 200),
    distributed_at   timestamptz,
    approved_by      text        check (approved_by is null or length(approved_by) <= 200),
    dispatched_by    text        check (dispatched_by is null or length(dispatched_by) <= 200),
    -- Email intake: the Message-ID header (or a SHA-256 of from, date, subject and body when it has none).
    message_id       text        check (message_id is null or length(message_id) between 3 and 1000),
    source           text        not null check (source in ('MANUAL', 'MAILBOX', 'RESPONSE', 'CAMPAIGN', 'DEMO')),
    logged_by        text        not null check (length(logged_by) between 1 and 200),
    logged_at        timestamptz not null default now(),
    check (status <> 'NO_ACTION' or no_action_reason is not null),
    check (status not in ('ATTACHED', 'NEW_CASE', 'THREADED') or case_id is not null),
    check (status <> 'CAMPAIGN' or campaign_id is not null),
    check ((direction = 'OUT') = (status = 'SENT'))
);

-- One item per email, however often the mailbox is polled.
create unique index correspondence_item_message_id_idx on correspondence_item (message_id) where message_id is not null;
-- The register, newest first, with or without filters.
create index correspondence_item_register_idx on correspondence_item (occurred_on desc, id desc);
create index correspondence_item_status_idx on correspondence_item (status, occurred_on desc, id desc);
create index correspondence_item_channel_idx on correspondence_item (channel, occurred_on desc, id desc);
create index correspondence_item_direction_idx on correspondence_item (direction, occurred_on desc, id desc);
-- The triage inbox, oldest first.
create index correspondence_item_triage_idx on correspondence_item (occurred_on, id) where status = 'IN_TRIAGE';
-- Near-duplicate suggestions for campaigns (pg_trgm similarity on the subject) among items in triage.
create index correspondence_item_subject_trgm_idx on correspondence_item using gin (lower(subject) gin_trgm_ops)
    where status = 'IN_TRIAGE';
-- Foreign keys.
create index correspondence_item_case_idx on correspondence_item (case_id) where case_id is not null;
create index correspondence_item_campaign_idx on correspondence_item (campaign_id, id) where campaign_id is not null;
create index correspondence_item_person_idx on correspondence_item (person_id) where person_id is not null;
create index correspondence_item_member_idx on correspondence_item (member_id) where member_id is not null;
create index correspondence_item_reply_idx on correspondence_item (reply_to_item_id) where reply_to_item_id is not null;

create table correspondence_attachment (
    id           bigint generated always as identity primary key,
    item_id      bigint not null references correspondence_item (id) on delete cascade,
    file_name    text   not null check (length(file_name) between 1 and 255),
    content_type text   not null check (length(content_type) between 1 and 200),
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea  not null,
    uploaded_at  timestamptz not null default now(),
    check (octet_length(content) = size_bytes)
);
create index correspondence_attachment_item_idx on correspondence_attachment (item_id, id);
