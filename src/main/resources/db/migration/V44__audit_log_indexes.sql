-- The audit log viewer pages newest first (by id) filtered by who, what action, or which record.
create index audit_event_actor_idx on audit_event (actor, id desc);
create index audit_event_action_idx on audit_event (action, id desc);
create index audit_event_subject_id_idx on audit_event (subject_type, subject_id, id desc);
