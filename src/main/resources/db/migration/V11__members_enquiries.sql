-- Members' enquiries: a question raised with a directorate (or one of its service areas) from a case,
-- sent by email, due in working days, chased automatically and closed by the directorate's response.

create table enquiry_reference_counter (
    year       integer primary key check (year between 2000 and 2999),
    last_value integer not null check (last_value >= 0)
);

create table members_enquiry (
    id                   bigint generated always as identity primary key,
    reference            text    not null unique check (reference ~ '^ME-[0-9]{4}-[0-9]{5,}$'),
    case_id              bigint  not null references casework_case (id),
    directorate_id       bigint  not null references directorate (id),
    service_area_id      bigint  references service_area (id),
    recipient            text    not null check (length(recipient) between 1 and 500),
    to_address           text    not null check (length(to_address) between 3 and 320),
    question             text    not null check (length(question) between 1 and 10000),
    target_days          integer not null check (target_days between 1 and 200),
    raised_on            date    not null,
    due_on               date    not null check (due_on >= raised_on),
    status               text    not null default 'OPEN' check (status in ('OPEN', 'ANSWERED', 'WITHDRAWN')),
    response             text    check (response is null or length(response) between 1 and 20000),
    responded_on         date,
    answered_late        boolean,
    withdrawn_reason     text    check (withdrawn_reason is null or length(withdrawn_reason) between 1 and 2000),
    last_chased_on       date,
    chase_count          integer not null default 0 check (chase_count >= 0),
    overdue_notified_at  timestamptz,
    raised_by            text    not null check (length(raised_by) between 1 and 200),
    raised_by_id         bigint  references app_user (id),
    created_at           timestamptz not null default now(),
    closed_at            timestamptz,
    closed_by            text,
    version              bigint  not null default 0,
    check ((status = 'OPEN') = (closed_at is null)),
    check ((status = 'ANSWERED') = (response is not null and responded_on is not null and answered_late is not null)),
    check ((status = 'WITHDRAWN') = (withdrawn_reason is not null))
);
-- The open-enquiries list (all directorates, or one), soonest due first, and the daily chaser.
create index members_enquiry_open_due_idx on members_enquiry (due_on, id) where status = 'OPEN';
create index members_enquiry_open_directorate_idx on members_enquiry (directorate_id, due_on, id) where status = 'OPEN';
-- A case's enquiries, newest first; foreign keys.
create index members_enquiry_case_idx on members_enquiry (case_id, created_at desc, id desc);
create index members_enquiry_service_area_idx on members_enquiry (service_area_id);
create index members_enquiry_raised_by_idx on members_enquiry (raised_by_id);

-- Every reminder and chase sent; at most one per enquiry per day, so running the job twice never sends twice.
create table enquiry_chase (
    id          bigint generated always as identity primary key,
    enquiry_id  bigint not null references members_enquiry (id) on delete cascade,
    chase_date  date   not null,
    kind        text   not null check (kind in ('REMINDER', 'DUE', 'OVERDUE', 'ESCALATION')),
    to_address  text   not null check (length(to_address) between 3 and 320),
    cc_address  text   check (cc_address is null or length(cc_address) between 3 and 320),
    sent_at     timestamptz not null default now(),
    unique (enquiry_id, chase_date)
);
