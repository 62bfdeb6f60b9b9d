-- Members' diaries: engagements with attendees and requirements, invitations, calendar feed tokens,
-- briefings with files, meeting notes and actions, surgeries with bookable slots.

create table engagement (
    id                 bigint generated always as identity primary key,
    member_id          bigint  not null references member (id),
    title              text    not null check (length(title) between 1 and 200),
    kind               text    not null check (kind in ('INTERNAL_MEETING', 'EXTERNAL_MEETING', 'VISIT', 'EVENT', 'SURGERY',
                                                        'COUNCIL_MEETING', 'MEDIA')),
    starts_at          timestamptz not null,
    ends_at            timestamptz not null,
    location           text    check (location is null or length(location) between 1 and 300),
    external_attendees text    check (external_attendees is null or length(external_attendees) <= 2000),
    agenda             text    check (agenda is null or length(agenda) <= 10000),
    status             text    not null check (status in ('REQUESTED', 'TENTATIVE', 'CONFIRMED', 'DECLINED', 'CANCELLED')),
    private            boolean not null default false,
    ward_id            bigint  references ward (id),
    topic_id           bigint  references topic (id),
    created_at         timestamptz not null default now(),
    created_by         text    not null,
    version            bigint  not null default 0,
    check (ends_at > starts_at),
    check (ends_at - starts_at <= interval '14 days')
);
-- Diary views read a member's engagements (or everyone's) in a time window.
create index engagement_member_time_idx on engagement (member_id, starts_at, id);
create index engagement_time_idx on engagement (starts_at, id);
create index engagement_ward_idx on engagement (ward_id);
create index engagement_topic_idx on engagement (topic_id);

-- Office staff who attend with the member.
create table engagement_office_attendee (
    engagement_id bigint not null references engagement (id) on delete cascade,
    user_id       bigint not null references app_user (id),
    primary key (engagement_id, user_id)
);
create index engagement_office_attendee_user_idx on engagement_office_attendee (user_id);

-- People and organisations from the people directory the engagement is with.
create table engagement_person (
    engagement_id bigint not null references engagement (id) on delete cascade,
    person_id     bigint not null references person (id),
    primary key (engagement_id, person_id)
);
create index engagement_person_person_idx on engagement_person (person_id, engagement_id);

create table engagement_requirement (
    id            bigint generated always as identity primary key,
    engagement_id bigint  not null references engagement (id) on delete cascade,
    kind          text    not null check (kind in ('ROOM_BOOKING', 'EQUIPMENT', 'REFRESHMENTS', 'TRANSPORT')),
    details       text    not null check (length(details) between 1 and 500),
    arranged      boolean not null default false,
    created_at    timestamptz not null default now(),
    created_by    text    not null
);
create index engagement_requirement_engagement_idx on engagement_requirement (engagement_id, id);

create table invitation (
    id              bigint generated always as identity primary key,
    member_id       bigint  not null references member (id),
    inviter         text    not null check (length(inviter) between 1 and 200),
    title           text    not null check (length(title) between 1 and 200),
    details         text    check (details is null or length(details) <= 5000),
    kind            text    not null check (kind in ('INTERNAL_MEETING', 'EXTERNAL_MEETING', 'VISIT', 'EVENT', 'SURGERY',
                                                     'COUNCIL_MEETING', 'MEDIA')),
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    location        text    check (location is null or length(location) between 1 and 300),
    reply_by        date,
    received_on     date    not null,
    status          text    not null check (status in ('AWAITING_DECISION', 'ACCEPTED', 'DECLINED')),
    reply_note      text    check (reply_note is null or length(reply_note) <= 2000),
    decided_at      timestamptz,
    decided_by      text,
    engagement_id   bigint  references engagement (id),
    created_at      timestamptz not null default now(),
    created_by      text    not null,
    version         bigint  not null default 0,
    check (ends_at > starts_at),
    check ((status = 'ACCEPTED') = (engagement_id is not null))
);
create index invitation_awaiting_idx on invitation (reply_by nulls last, id) where status = 'AWAITING_DECISION';
create index invitation_member_idx on invitation (member_id, id desc);
create index invitation_engagement_idx on invitation (engagement_id);

-- Private calendar subscription tokens: only a SHA-256 hash is kept.
create table diary_feed_token (
    id          bigint generated always as identity primary key,
    member_id   bigint not null references member (id),
    token_hash  text   not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz not null default now(),
    created_by  text   not null,
    revoked_at  timestamptz
);
create unique index diary_feed_token_active_uq on diary_feed_token (member_id) where revoked_at is null;

create table briefing (
    id            bigint generated always as identity primary key,
    engagement_id bigint  references engagement (id) on delete cascade,
    member_id     bigint  not null references member (id),
    kind          text    not null check (kind in ('BRIEFING_NOTE', 'SPEECH', 'SPEAKING_NOTES', 'QA_LINES', 'BACKGROUND_PAPER')),
    title         text    not null check (length(title) between 1 and 200),
    topic         text    check (topic is null or length(topic) between 1 and 200),
    author_id     bigint  references app_user (id),
    author_name   text    check (author_name is null or length(author_name) between 1 and 200),
    due_on        date    not null,
    status        text    not null check (status in ('COMMISSIONED', 'DRAFTED', 'CLEARED', 'READY')),
    content       text    check (content is null or length(content) <= 50000),
    position      integer not null default 0,
    created_at    timestamptz not null default now(),
    created_by    text    not null,
    version       bigint  not null default 0,
    check (author_id is not null or author_name is not null)
);
create index briefing_open_due_idx on briefing (due_on, id) where status <> 'READY';
create index briefing_engagement_idx on briefing (engagement_id, position, id);
create index briefing_member_idx on briefing (member_id, due_on);
create index briefing_author_idx on briefing (author_id);

create table briefing_file (
    id           bigint generated always as identity primary key,
    briefing_id  bigint not null references briefing (id) on delete cascade,
    file_name    text   not null check (length(file_name) between 1 and 255),
    content_type text   not null check (length(content_type) between 1 and 200),
    size_bytes   bigint not null check (size_bytes > 0),
    content      bytea  not null,
    uploaded_at  timestamptz not null default now(),
    uploaded_by  text   not null
);
create index briefing_file_briefing_idx on briefing_file (briefing_id, id);

-- Notes of a meeting: one record per engagement; decisions and actions.
create table meeting_note (
    engagement_id bigint primary key references engagement (id) on delete cascade,
    notes         text   check (notes is null or length(notes) <= 20000),
    decisions     text   check (decisions is null or length(decisions) <= 10000),
    updated_at    timestamptz not null default now(),
    updated_by    text   not null,
    version       bigint not null default 0
);

create table diary_action (
    id            bigint generated always as identity primary key,
    engagement_id bigint not null references engagement (id) on delete cascade,
    owner_id      bigint not null references app_user (id),
    due_on        date   not null,
    description   text   not null check (length(description) between 1 and 500),
    done_at       timestamptz,
    created_at    timestamptz not null default now(),
    created_by    text   not null
);
create index diary_action_open_idx on diary_action (owner_id, due_on, id) where done_at is null;
create index diary_action_engagement_idx on diary_action (engagement_id, id);

create table surgery (
    id            bigint generated always as identity primary key,
    member_id     bigint  not null references member (id),
    engagement_id bigint  references engagement (id) on delete set null,
    venue         text    not null check (length(venue) between 1 and 300),
    held_on       date    not null,
    starts_at     time    not null,
    ends_at       time    not null,
    slot_minutes  integer not null check (slot_minutes between 5 and 120),
    created_at    timestamptz not null default now(),
    created_by    text    not null,
    version       bigint  not null default 0,
    check (ends_at > starts_at)
);
create index surgery_held_on_idx on surgery (held_on desc, id desc);
create index surgery_member_idx on surgery (member_id, held_on);
create index surgery_engagement_idx on surgery (engagement_id);

create table surgery_slot (
    id         bigint generated always as identity primary key,
    surgery_id bigint not null references surgery (id) on delete cascade,
    starts_at  time   not null,
    unique (surgery_id, starts_at)
);

-- A resident seen at a surgery: booked into a slot or a walk-in. One booking per slot.
create table surgery_attendance (
    id          bigint generated always as identity primary key,
    surgery_id  bigint  not null references surgery (id) on delete cascade,
    slot_id     bigint  references surgery_slot (id),
    person_id   bigint  not null references person (id),
    walk_in     boolean not null default false,
    notes       text    check (notes is null or length(notes) <= 2000),
    case_id     bigint  references casework_case (id),
    created_at  timestamptz not null default now(),
    created_by  text    not null,
    check (walk_in = (slot_id is null))
);
create unique index surgery_attendance_slot_uq on surgery_attendance (slot_id) where slot_id is not null;
create index surgery_attendance_surgery_idx on surgery_attendance (surgery_id, id);
create index surgery_attendance_person_idx on surgery_attendance (person_id);
create index surgery_attendance_case_idx on surgery_attendance (case_id);
