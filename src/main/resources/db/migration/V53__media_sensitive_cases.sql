-- A case the press may pick up: the communications contact is told, and the case carries a tag wherever listed.
alter table casework_case add column media_sensitive boolean not null default false;
create index case_media_sensitive_idx on casework_case (id) where media_sensitive;
