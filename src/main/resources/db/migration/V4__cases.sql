-- Casework: case types and topics (admin-editable reference data), cases with their lifecycle,
-- people they concern, access lists for restricted cases, the timeline and follow-up actions.

create table case_type (
    id                   bigint generated always as identity primary key,
    code                 text    not null unique check (code ~ '^[A-Z_]{2,40}$'),
    name                 text    not null check (length(name) between 1 and 200),
    internal_target_days integer not null check (internal_target_days between 1 and 200),
    external_target_days integer not null check (external_target_days between 1 and 200),
    active               boolean not null default true,
    version              bigint  not null default 0,
    check (internal_target_days <= external_target_days)
);

insert into case_type (code, name, internal_target_days, external_target_days) values
    ('MAYORS_CASEWORK', 'Mayor''s casework', 7, 10),
    ('CABINET_CASEWORK', 'Cabinet member casework', 7, 10),
    ('MEMBERS_ENQUIRY', 'Members'' enquiry', 7, 10),
    ('COMPLAINT', 'Complaint', 10, 15),
    ('GENERAL_CORRESPONDENCE', 'General correspondence', 7, 10),
    ('QUESTION', 'Member or public question', 5, 8);

create table topic (
    id      bigint generated always as identity primary key,
    name    text    not null check (length(name) between 1 and 200),
    active  boolean not null default true,
    version bigint  not null default 0
);
create unique index topic_name_uq on topic (lower(name));

insert into topic (name) values
    ('Housing repairs'), ('Housing allocations and transfers'), ('Homelessness'), ('Overcrowding'),
    ('Anti-social behaviour'), ('Noise nuisance'), ('Parking'), ('Roads and pavements'),
    ('Waste and recycling'), ('Street cleaning and fly-tipping'), ('Planning applications'),
    ('School places and admissions'), ('Special educational needs'), ('Adult social care'),
    ('Council tax'), ('Benefits and cost of living'), ('Environmental health'), ('Licensing'),
    ('Parks and leisure'), ('Community safety'), ('Other');

create table case_reference_counter (
    year       integer primary key check (year between 2000 and 2999),
    last_value integer not null check (last_value >= 0)
);

create table casework_case (
    id                     bigint generated always as identity primary key,
    reference              text    not null unique check (reference ~ '^MO-[0-9]{4}-[0-9]{5,}$'),
    case_type_id           bigint  not null references case_type (id),
    channel                text    not null check (channel in ('EMAIL', 'LETTER', 'PHONE', 'SURGERY', 'WALK_IN',
                                                               'SOCIAL_MEDIA', 'REFERRAL')),
    subject                text    not null check (length(subject) between 1 and 200),
    description            text    check (description is null or length(description) <= 20000),
    topic_id               bigint  references topic (id),
    portfolio_id           bigint  references portfolio (id),
    ward_id                bigint  references ward (id),
    member_id              bigint  references member (id),
    priority               text    not null check (priority in ('NORMAL', 'HIGH', 'URGENT')),
    status                 text    not null check (status in ('NEW', 'ALLOCATED', 'IN_PROGRESS', 'AWAITING_DIRECTORATE',
                                                              'AWAITING_RESIDENT', 'DRAFT_RESPONSE', 'AWAITING_APPROVAL',
                                                              'RESPONSE_SENT', 'CLOSED', 'REOPENED')),
    outcome                text    check (outcome in ('RESOLVED', 'NOT_UPHELD', 'REFERRED', 'WITHDRAWN', 'NO_FURTHER_ACTION')),
    confidentiality        text    not null check (confidentiality in ('STANDARD', 'SENSITIVE', 'RESTRICTED')),
    lawful_basis           text    not null check (lawful_basis in ('CONSENT', 'CONTRACT', 'LEGAL_OBLIGATION',
                                                                    'VITAL_INTERESTS', 'PUBLIC_TASK', 'LEGITIMATE_INTERESTS')),
    special_category       boolean not null default false,
    received_on            date    not null,
    internal_due_on        date    not null,
    external_due_on        date    not null,
    paused_since           date,
    allocated_to_id        bigint  references app_user (id),
    allocated_at           timestamptz,
    closed_at              timestamptz,
    created_at             timestamptz not null default now(),
    created_by             text    not null,
    version                bigint  not null default 0,
    check ((status = 'CLOSED') = (outcome is not null)),
    check ((status = 'AWAITING_RESIDENT') = (paused_since is not null))
);

-- Work queues read open cases only: partial indexes keep them small however many cases are closed.
create index case_open_allocated_idx on casework_case (allocated_to_id, external_due_on, id) where status <> 'CLOSED';
create index case_triage_idx on casework_case (received_on, id) where status = 'NEW' and allocated_to_id is null;
create index case_open_due_idx on casework_case (external_due_on, id) where status <> 'CLOSED';
create index case_received_idx on casework_case (received_on desc, id desc);
create index case_member_idx on casework_case (member_id, external_due_on) where status <> 'CLOSED';
create index case_type_idx on casework_case (case_type_id);
create index case_topic_idx on casework_case (topic_id);
create index case_portfolio_idx on casework_case (portfolio_id);
create index case_ward_idx on casework_case (ward_id);
create index case_allocated_at_idx on casework_case (allocated_to_id, allocated_at);
create index case_restricted_idx on casework_case (id) where confidentiality = 'RESTRICTED';

create table case_person (
    case_id   bigint not null references casework_case (id) on delete cascade,
    person_id bigint not null references person (id),
    primary key (case_id, person_id)
);
create index case_person_person_idx on case_person (person_id);

-- Who else may see a restricted case (besides its caseworker and the head of office).
create table case_access (
    case_id    bigint not null references casework_case (id) on delete cascade,
    user_id    bigint not null references app_user (id),
    granted_by text   not null,
    granted_at timestamptz not null default now(),
    primary key (case_id, user_id)
);
create index case_access_user_idx on case_access (user_id);

-- One chronological history per case.
create table case_event (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references casework_case (id) on delete cascade,
    occurred_at timestamptz not null default now(),
    actor       text   not null,
    kind        text   not null check (kind in ('CREATED', 'NOTE', 'STATUS', 'ALLOCATION', 'DEADLINE', 'ACTION',
                                                 'ATTACHMENT', 'LINK', 'CORRESPONDENCE')),
    internal    boolean not null default false,
    body        text   not null check (length(body) between 1 and 20000)
);
create index case_event_case_idx on case_event (case_id, occurred_at desc, id desc);

-- Follow-up actions (bring-forward reminders).
create table case_action (
    id          bigint generated always as identity primary key,
    case_id     bigint not null references casework_case (id) on delete cascade,
    assignee_id bigint not null references app_user (id),
    due_on      date   not null,
    description text   not null check (length(description) between 1 and 500),
    done_at     timestamptz,
    created_at  timestamptz not null default now(),
    created_by  text   not null,
    version     bigint not null default 0
);
create index case_action_open_idx on case_action (assignee_id, due_on, id) where done_at is null;
create index case_action_case_idx on case_action (case_id);
