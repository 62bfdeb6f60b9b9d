-- The directorate directory for members' enquiries: each directorate and each service area has an
-- enquiry contact email, a senior contact (name and email) to escalate to, and a response target in
-- working days. A service area's blank contact, senior contact or target falls back to its directorate's.

alter table directorate
    add column senior_contact_name  text check (senior_contact_name is null or length(senior_contact_name) between 1 and 200),
    add column senior_contact_email text check (senior_contact_email is null or length(senior_contact_email) between 3 and 320),
    add column response_target_days integer not null default 10 check (response_target_days between 1 and 200);

alter table service_area
    add column enquiry_email        text check (enquiry_email is null or length(enquiry_email) between 3 and 320),
    add column senior_contact_name  text check (senior_contact_name is null or length(senior_contact_name) between 1 and 200),
    add column senior_contact_email text check (senior_contact_email is null or length(senior_contact_email) between 3 and 320),
    add column response_target_days integer check (response_target_days is null or response_target_days between 1 and 200);

-- Service areas are listed by directorate (foreign key index).
create index service_area_directorate_idx on service_area (directorate_id);
