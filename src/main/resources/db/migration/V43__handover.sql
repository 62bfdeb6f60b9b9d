-- Change of office-holder: casework held for a member personally (their own constituency or party
-- matters, not the office's) is disposed of when they leave rather than passed to the successor.
alter table casework_case add column personal_to_member boolean not null default false;
create index casework_case_member_open_idx on casework_case (member_id) where status <> 'CLOSED';

alter table casework_case add column legal_hold_reason text
    check (legal_hold_reason is null or length(legal_hold_reason) between 1 and 500);

create table handover (
    id               bigint generated always as identity primary key,
    outgoing_member_id bigint not null references member (id),
    outgoing_member  text not null,
    successor_member_id bigint references member (id),
    successor        text not null,
    executed_by      text not null,
    executed_at      timestamptz not null default now(),
    report_csv       text not null
);
create index handover_executed_idx on handover (executed_at desc);
