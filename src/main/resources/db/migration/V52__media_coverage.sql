-- Media monitoring: what is being said, about which portfolio and topic, and how.
create table media_coverage (
    id            bigint generated always as identity primary key,
    outlet        text    not null check (length(outlet) between 1 and 200),
    published_on  date    not null,
    headline      text    not null check (length(headline) between 1 and 300),
    link_text     text    check (link_text is null or length(link_text) <= 1000),
    tone          text    not null check (tone in ('POSITIVE', 'NEUTRAL', 'NEGATIVE')),
    portfolio_id  bigint  references portfolio (id),
    topic_id      bigint  references topic (id),
    created_by_id bigint  not null references app_user (id),
    created_by    text    not null check (length(created_by) between 1 and 200),
    created_at    timestamptz not null default now()
);
create index media_coverage_published_idx on media_coverage (published_on desc, id desc);
create index media_coverage_portfolio_idx on media_coverage (portfolio_id, published_on desc, id desc);
create index media_coverage_topic_idx on media_coverage (topic_id);
create index media_coverage_creator_idx on media_coverage (created_by_id);

create table media_coverage_case (
    media_coverage_id bigint not null references media_coverage (id),
    case_id           bigint not null references casework_case (id),
    primary key (media_coverage_id, case_id)
);
create index media_coverage_case_case_idx on media_coverage_case (case_id);
