-- Media requests (a journalist's question with a deadline, often hours away) and press releases or quotes.
-- The statement itself is drafted and approved as a draft_response with subject_kind MEDIA_REQUEST or
-- PRESS_RELEASE; the approved text is copied here as the record.
create table media_request (
    id               bigint generated always as identity primary key,
    kind             text    not null check (kind in ('REQUEST', 'PRESS_RELEASE')),
    title            text    not null check (length(title) between 1 and 300),
    question         text    check (question is null or length(question) <= 5000),
    -- The journalist in the people directory, and their outlet as they gave it.
    journalist_id    bigint  references person (id),
    journalist_name  text    check (journalist_name is null or length(journalist_name) <= 200),
    outlet           text    check (outlet is null or length(outlet) <= 200),
    deadline         timestamptz,
    member_id        bigint  references member (id),
    topic_id         bigint  references topic (id),
    status           text    not null default 'NEW'
                             check (status in ('NEW', 'DRAFTING', 'AWAITING_APPROVAL', 'APPROVED', 'SENT', 'DECLINED')),
    final_text       text    check (final_text is null or length(final_text) <= 20000),
    approved_by      text    check (approved_by is null or length(approved_by) <= 200),
    approved_at      timestamptz,
    contributors     text    check (contributors is null or length(contributors) <= 2000),
    sent_at          timestamptz,
    sent_by          text    check (sent_by is null or length(sent_by) <= 200),
    declined_reason  text    check (declined_reason is null or length(declined_reason) <= 2000),
    created_by_id    bigint  not null references app_user (id),
    created_by       text    not null check (length(created_by) between 1 and 200),
    created_at       timestamptz not null default now(),
    version          bigint  not null default 0,
    check (kind = 'PRESS_RELEASE' or deadline is not null),
    check ((status = 'SENT') = (sent_at is not null))
);
-- The Media view: open items, nearest deadline first.
create index media_request_open_idx on media_request (deadline, id) where status not in ('SENT', 'DECLINED');
create index media_request_recent_idx on media_request (created_at desc, id desc);
create index media_request_journalist_idx on media_request (journalist_id);
create index media_request_member_idx on media_request (member_id);
create index media_request_topic_idx on media_request (topic_id);
create index media_request_creator_idx on media_request (created_by_id);

create table media_request_case (
    media_request_id bigint not null references media_request (id),
    case_id          bigint not null references casework_case (id),
    primary key (media_request_id, case_id)
);
create index media_request_case_case_idx on media_request_case (case_id);
