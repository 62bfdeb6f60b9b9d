-- Files attached to a case (letters, photos, emails). The content is kept in PostgreSQL, not on a
-- file system, so a database backup restores the attachments with the cases they belong to.
-- file_name is the safe display name; content_type is the type detected from the content.

create table case_attachment (
    id           bigint generated always as identity primary key,
    case_id      bigint not null references casework_case (id) on delete cascade,
    file_name    text   not null check (length(file_name) between 1 and 255),
    content_type text   not null check (length(content_type) between 1 and 200),
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       text   not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content      bytea  not null,
    description  text   check (description is null or length(description) <= 500),
    uploaded_by  text   not null,
    uploaded_at  timestamptz not null default now(),
    check (octet_length(content) = size_bytes)
);

-- The case page lists a case's attachments newest first.
create index case_attachment_case_idx on case_attachment (case_id, uploaded_at desc);
