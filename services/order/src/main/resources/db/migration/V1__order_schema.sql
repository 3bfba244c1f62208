-- Read models of the customer service's compacted topics: the latest version per key wins.
create table customer_ref (
    customer_id        text primary key,
    name               text not null,
    industry           text not null,
    region             text not null,
    value_tier         text not null,
    status             text not null,
    account_manager_id text,
    team_id            text,
    version            bigint not null,
    updated_at         timestamptz not null
);

create table staff_ref (
    staff_id     text primary key,
    display_name text not null,
    role         text not null,
    region       text not null,
    team_id      text not null,
    director_id  text,
    active       boolean not null,
    version      bigint not null,
    updated_at   timestamptz not null
);
create index staff_ref_team on staff_ref (team_id, role);

-- Product templates: one row per version; editing inserts the next version, applications keep theirs.
create table product_template (
    id                bigserial primary key,
    code              text not null,
    version           int not null,
    name              text not null,
    product_line      text not null,
    needs_reservation boolean not null,
    description       text,
    attributes        text not null,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    unique (code, version)
);

-- One number traces everything: APP-<suffix> → AGR-<suffix> → ORD-<suffix>.
create sequence trace_no_seq;

create table application (
    application_no            text primary key,
    customer_id               text not null,
    customer_name             text not null,
    owner_id                  text not null,
    account_manager_id        text,
    team_id                   text,
    value_tier                text not null,
    product_line              text not null,
    status                    text not null,
    opportunity_id            text unique,
    partner_id                text,
    owner_share_percent       int not null,
    partner_share_percent     int not null,
    items                     text not null,
    list_total                numeric(16, 2) not null,
    monthly_value             numeric(16, 2) not null,
    max_discount_percent      numeric(5, 2) not null,
    requested_completion_date date,
    rejection_reason          text,
    approval_round            int not null default 0,
    event_sequence            bigint not null default 0,
    created_by                text not null,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    lock_version              bigint not null default 0
);
create index application_owner on application (owner_id, application_no);
create index application_team on application (team_id, application_no);
create index application_customer on application (customer_id, application_no);

create table approval (
    id               bigserial primary key,
    application_no   text not null references application (application_no),
    round            int not null,
    step             int not null,
    kind             text not null,
    approver_role    text not null,
    approver_id      text,
    team_id          text,
    status           text not null,
    discount_percent numeric(5, 2),
    decided_by       text,
    comment          text,
    requested_at     timestamptz not null,
    decided_at       timestamptz
);
create index approval_pending on approval (status, approver_role, id);
create index approval_application on approval (application_no, id);

create table agreement (
    agreement_no       text primary key,
    application_no     text not null unique references application (application_no),
    customer_id        text not null,
    owner_id           text not null,
    account_manager_id text,
    team_id            text,
    status             text not null,
    issued_at          timestamptz not null,
    signed_by          text,
    signed_at          timestamptz,
    order_id           text,
    lock_version       bigint not null default 0
);
create index agreement_customer on agreement (customer_id, agreement_no);

create table customer_order (
    order_id                text primary key,
    application_no          text not null unique references application (application_no),
    agreement_no            text not null,
    opportunity_id          text,
    customer_id             text not null,
    owner_id                text not null,
    account_manager_id      text,
    team_id                 text,
    product_line            text not null,
    value_tier              text not null,
    monthly_value           numeric(16, 2) not null,
    state                   text not null,
    state_reason            text,
    event_sequence          bigint not null default 0,
    last_applied_sequence   bigint not null default 0,
    submitted_by            text not null,
    requested_completion_date date,
    billing_start_date      date,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    completed_at            timestamptz,
    lock_version            bigint not null default 0
);
create index customer_order_customer on customer_order (customer_id, order_id);
create index customer_order_owner on customer_order (owner_id, order_id);
create index customer_order_team on customer_order (team_id, order_id);

-- The fulfilment timeline: one row per reported sequence, whatever order the reports came in.
create table order_progress (
    order_id    text not null references customer_order (order_id),
    sequence    bigint not null,
    event_id    text not null,
    milestone   text,
    kind        text not null,
    system      text not null,
    detail      text,
    occurred_at timestamptz not null,
    received_at timestamptz not null default now(),
    primary key (order_id, sequence)
);
