-- One-off changes to the England and Wales bank holidays that the standard rules
-- (BankHolidayRules) cannot know about. Together they give the official GOV.UK list
-- from 2020 onwards. Admins add future proclamations through WorkingDayCalendar.
--
--   EXTRA_HOLIDAY  a day off that the rules do not produce
--   NOT_A_HOLIDAY  a day the rules produce but that was moved (so it is a normal working day)

create table bank_holiday_exception (
    id          bigint generated always as identity primary key,
    day         date   not null unique,
    kind        text   not null check (kind in ('EXTRA_HOLIDAY', 'NOT_A_HOLIDAY')),
    description text   not null check (length(description) between 1 and 200),
    created_at  timestamptz not null default now(),
    created_by  text   not null default 'system',
    version     bigint not null default 0
);

-- Reference data every deployment needs (not demo data).
insert into bank_holiday_exception (day, kind, description) values
    ('2020-05-04', 'NOT_A_HOLIDAY', 'Early May bank holiday moved to Friday 8 May (VE Day)'),
    ('2020-05-08', 'EXTRA_HOLIDAY', 'Early May bank holiday (VE Day)'),
    ('2022-05-30', 'NOT_A_HOLIDAY', 'Spring bank holiday moved to Thursday 2 June (Platinum Jubilee)'),
    ('2022-06-02', 'EXTRA_HOLIDAY', 'Spring bank holiday (moved for the Platinum Jubilee)'),
    ('2022-06-03', 'EXTRA_HOLIDAY', 'Platinum Jubilee bank holiday'),
    ('2022-09-19', 'EXTRA_HOLIDAY', 'Bank Holiday for the State Funeral of Queen Elizabeth II'),
    ('2023-05-08', 'EXTRA_HOLIDAY', 'Bank holiday for the coronation of King Charles III');
