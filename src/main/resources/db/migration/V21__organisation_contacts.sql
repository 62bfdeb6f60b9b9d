-- The stakeholder directory lists everyone at the same organisation: find them by organisation name.
create index person_organisation_idx on person (lower(organisation_name)) where organisation_name is not null and merged_into_id is null;
