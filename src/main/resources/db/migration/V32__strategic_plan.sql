-- The Mayor's strategic plan: priorities -> commitments -> milestones, each with an owner (directorate and
-- officer), a target date, a RAG status and dated progress updates.
create table plan_item (
    id             bigint generated always as identity primary key,
    level          text    not null check (level in ('PRIORITY', 'COMMITMENT', 'MILESTONE')),
    parent_id      bigint  references plan_item (id),
    title          text    not null check (length(title) between 1 and 200),
    description    text    check (description is null or length(description) <= 5000),
    directorate_id bigint  references directorate (id),
    owner_name     text    check (owner_name is null or length(owner_name) between 1 and 200),
    portfolio_id   bigint  references portfolio (id),
    target_date    date,
    rag            text    not null default 'GREEN' check (rag in ('GREEN', 'AMBER', 'RED')),
    completed_on   date,
    created_at     timestamptz not null default now(),
    created_by     text    not null,
    updated_at     timestamptz,
    version        bigint  not null default 0,
    -- A priority is the top level; commitments and milestones always sit under something.
    check ((level = 'PRIORITY') = (parent_id is null))
);
-- The plan page reads the tree level by level; the delivery plan reads milestones by target date.
create index plan_item_parent_idx on plan_item (parent_id, target_date, id);
create index plan_item_milestone_due_idx on plan_item (target_date, id) where level = 'MILESTONE';
create index plan_item_directorate_idx on plan_item (directorate_id);
create index plan_item_portfolio_idx on plan_item (portfolio_id);

create table plan_update (
    id         bigint generated always as identity primary key,
    item_id    bigint  not null references plan_item (id) on delete cascade,
    update_on  date    not null,
    rag        text    not null check (rag in ('GREEN', 'AMBER', 'RED')),
    progress   text    not null check (length(progress) between 1 and 5000),
    created_at timestamptz not null default now(),
    created_by text    not null
);
-- The latest update of an item, and an item's history newest first.
create index plan_update_item_idx on plan_update (item_id, update_on desc, id desc);
