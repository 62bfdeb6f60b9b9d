-- Drafts that belong to something other than a case (a media statement, a press release, the answer to a
-- council question) go through the same versions and approvals queue. Such a draft has no case and no
-- recipient in the people directory; its subject is (subject_kind, subject_id) in the owning module.
alter table draft_response alter column case_id drop not null;
alter table draft_response alter column person_id drop not null;
alter table draft_response add column subject_kind text
    check (subject_kind is null or subject_kind in ('MEDIA_REQUEST', 'PRESS_RELEASE', 'QUESTION'));
alter table draft_response add column subject_id bigint;
-- Where the subject's own page is, and what the approver is shown about it (one "label: value" per line).
alter table draft_response add column subject_href text check (subject_href is null or length(subject_href) <= 200);
alter table draft_response add column subject_details text check (subject_details is null or length(subject_details) <= 5000);
alter table draft_response add constraint draft_response_owner_check check (
    (subject_kind is null and subject_id is null and case_id is not null and person_id is not null)
    or (subject_kind is not null and subject_id is not null and case_id is null and person_id is null));
create unique index draft_response_subject_idx on draft_response (subject_kind, subject_id) where subject_kind is not null;

-- Acknowledgements and holding replies sent to residents, by email (through the outbox) or by letter.
create table resident_update (
    id          bigint generated always as identity primary key,
    case_id     bigint  not null references casework_case (id),
    person_id   bigint  not null references person (id),
    kind        text    not null check (kind in ('ACKNOWLEDGEMENT', 'HOLDING_REPLY')),
    channel     text    not null check (channel in ('EMAIL', 'LETTER')),
    email       text    check (email is null or length(email) <= 320),
    text        text    not null check (length(text) between 1 and 20000),
    reply_by    date,
    letter_pdf  bytea,
    sent_by_id  bigint  not null references app_user (id),
    sent_by     text    not null check (length(sent_by) between 1 and 200),
    sent_at     timestamptz not null default now(),
    check ((channel = 'EMAIL') = (email is not null))
);
create index resident_update_case_idx on resident_update (case_id, sent_at desc);
create index resident_update_person_idx on resident_update (person_id);
create index resident_update_sender_idx on resident_update (sent_by_id);
