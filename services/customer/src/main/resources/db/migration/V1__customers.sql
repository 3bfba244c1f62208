-- Enterprise customers (政企客户) and what belongs to them. Ids are text: CRM numbers or cust-… ids.
create table customer (
    id                 text collate "C" primary key,
    name               text          not null,
    credit_code        text          not null,
    industry           text          not null,
    region             text          not null,
    value_tier         text          not null,
    status             text          not null,
    account_manager_id text,
    team_id            text,
    credit_limit       numeric(18, 2) not null default 0,
    arrears            numeric(18, 2) not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null,
    version            bigint        not null,
    constraint customer_credit_code_unique unique (credit_code)
);

-- Keyset pagination is by id; each filter the list offers has an index ending in id.
create index customer_region_id on customer (region, id);
create index customer_team_id on customer (team_id, id);
create index customer_manager_id on customer (account_manager_id, id);
create index customer_industry_id on customer (industry, id);
create index customer_tier_id on customer (value_tier, id);

create table contact (
    id          uuid        primary key,
    customer_id text        not null references customer (id) on delete cascade,
    name        text        not null,
    role        text,
    phone       text,
    email       text,
    birthday    date,
    position    int         not null default 0
);
create index contact_customer on contact (customer_id, position);

-- Group members (集团成员): the customer's employees' lines under the group account.
create table group_member (
    customer_id text        not null references customer (id) on delete cascade,
    msisdn      text        not null,
    added_at    timestamptz not null,
    primary key (customer_id, msisdn)
);

create table holding (
    id              uuid           primary key,
    customer_id     text           not null references customer (id) on delete cascade,
    product_line    text           not null,
    since           date           not null,
    monthly_revenue numeric(18, 2) not null default 0
);
create index holding_customer on holding (customer_id, product_line);
