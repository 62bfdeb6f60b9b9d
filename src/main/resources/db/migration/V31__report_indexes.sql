-- Reports: when each case was first sent a response (the "responded" moment; see docs/reports.md), and each
-- caseworker's recently closed cases.
create index case_event_response_sent_idx on case_event (case_id, occurred_at)
    where kind = 'STATUS' and body like '% to Response sent%';
create index case_closed_by_allocated_idx on casework_case (allocated_to_id, closed_at) where status = 'CLOSED';
-- Intake per week by channel and the received-date filter.
create index case_received_channel_idx on casework_case (received_on, channel);
