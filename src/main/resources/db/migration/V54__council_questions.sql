-- Members' and public questions for council and cabinet meetings. The answer is drafted and approved as a
-- draft_response with subject_kind QUESTION; the approved text is published here as the written answer.
create table council_question (
    id                  bigint generated always as identity primary key,
    meeting             text    not null check (meeting in ('COUNCIL', 'CABINET')),
    meeting_date        date    not null,
    asker_kind          text    not null check (asker_kind in ('MEMBER', 'PUBLIC')),
    asked_by            text    not null check (length(asked_by) between 1 and 200),
    answering_member_id bigint  not null references member (id),
    question            text    not null check (length(question) between 1 and 5000),
    answer_due          date    not null,
    status              text    not null default 'NEW'
                                check (status in ('NEW', 'DRAFTING', 'AWAITING_APPROVAL', 'ANSWERED')),
    answer              text    check (answer is null or length(answer) <= 20000),
    approved_by         text    check (approved_by is null or length(approved_by) <= 200),
    answered_at         timestamptz,
    created_by_id       bigint  not null references app_user (id),
    created_by          text    not null check (length(created_by) between 1 and 200),
    created_at          timestamptz not null default now(),
    version             bigint  not null default 0,
    check ((status = 'ANSWERED') = (answer is not null))
);
-- The per-meeting list, and the upcoming meetings.
create index council_question_meeting_idx on council_question (meeting_date, meeting, id);
create index council_question_member_idx on council_question (answering_member_id);
create index council_question_creator_idx on council_question (created_by_id);

-- Supplementary questions and follow-ups, as actions to be done.
create table council_question_action (
    id            bigint generated always as identity primary key,
    question_id   bigint  not null references council_question (id),
    description   text    not null check (length(description) between 1 and 1000),
    due_on        date,
    done          boolean not null default false,
    created_by    text    not null check (length(created_by) between 1 and 200),
    created_at    timestamptz not null default now()
);
create index council_question_action_question_idx on council_question_action (question_id, id);
