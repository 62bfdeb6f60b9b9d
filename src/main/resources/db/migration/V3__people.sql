-- The people directory: residents, organisations, MPs, councillors and other bodies who write to
-- the office. A record merged into another keeps its row (merged_into_id set) so history and
-- audit still resolve; lists and search hide it.

-- Trigram matching for partial-name search. pg_trgm ships with PostgreSQL's contrib package
-- (Debian's postgresql-contrib, the official Docker images) and is a trusted extension, so the
-- database owner may create it.
create extension if not exists pg_trgm;

create table person (
    id                  bigint generated always as identity primary key,
    kind                text    not null check (kind in ('RESIDENT', 'ORGANISATION', 'MP', 'COUNCILLOR', 'OTHER_BODY')),
    title               text    check (title is null or length(title) between 1 and 20),
    first_name          text    check (first_name is null or length(first_name) between 1 and 100),
    last_name           text    check (last_name is null or length(last_name) between 1 and 100),
    organisation_name   text    check (organisation_name is null or length(organisation_name) between 1 and 200),
    email               text    check (email is null or (length(email) <= 320 and position('@' in email) > 1)),
    phone               text    check (phone is null or length(phone) between 1 and 30),
    mobile              text    check (mobile is null or length(mobile) between 1 and 30),
    address_line1       text    check (address_line1 is null or length(address_line1) between 1 and 200),
    address_line2       text    check (address_line2 is null or length(address_line2) between 1 and 200),
    town                text    check (town is null or length(town) between 1 and 100),
    -- Normalised: upper case, one space before the inward code, e.g. 'E1 6AN'.
    postcode            text    check (postcode is null or postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
    ward_id             bigint  references ward (id),
    preferred_contact   text    not null default 'NO_PREFERENCE'
                                check (preferred_contact in ('EMAIL', 'PHONE', 'LETTER', 'NO_PREFERENCE')),
    preferred_language  text    check (preferred_language is null or length(preferred_language) between 1 and 100),
    -- Sensitive: accessibility needs and vulnerability. Shown only on the person's own page.
    accessibility_notes text    check (accessibility_notes is null or length(accessibility_notes) between 1 and 2000),
    consent_to_share    boolean not null default false,
    consent_date        date,
    consent_method      text    check (consent_method in ('IN_WRITING', 'VERBAL', 'EMAIL', 'ONLINE_FORM')),
    merged_into_id      bigint  references person (id),
    created_at          timestamptz not null default now(),
    created_by          text    not null check (length(created_by) between 1 and 200),
    version             bigint  not null default 0,
    check (last_name is not null or organisation_name is not null),
    check (not consent_to_share or (consent_date is not null and consent_method is not null)),
    check (merged_into_id is null or merged_into_id <> id)
);

-- Duplicate checks: same email (any case), or same last name and postcode.
create index person_email_idx on person (lower(email) text_pattern_ops);
create index person_last_name_postcode_idx on person (lower(last_name), postcode);
-- Postcode search: whole postcodes and districts ('E1 %').
create index person_postcode_idx on person (postcode text_pattern_ops);
-- The directory list: by surname (an organisation's name when there is no surname), then first name.
create index person_sort_idx on person (lower(coalesce(last_name, organisation_name)), lower(coalesce(first_name, '')), id)
    where merged_into_id is null;
create index person_ward_idx on person (ward_id);
create index person_merged_into_idx on person (merged_into_id);
-- Phone search compares digits only, whatever spacing was typed.
create index person_phone_digits_idx on person (regexp_replace(phone, '[^0-9]', '', 'g'));
create index person_mobile_digits_idx on person (regexp_replace(mobile, '[^0-9]', '', 'g'));
-- Partial-name search (LIKE '%...%') over first, last and organisation names.
create index person_name_trgm_idx on person using gin
    ((lower(coalesce(first_name, '') || ' ' || coalesce(last_name, '') || ' ' || coalesce(organisation_name, ''))) gin_trgm_ops);
