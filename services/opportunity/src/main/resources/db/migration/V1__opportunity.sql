-- Read models of the customer service's compacted topics (highest version wins).
create table customer_view (
    customer_id        text primary key,
    name               text not null,
    credit_code        text not null,
    industry           text not null,
    region             text not null,
    value_tier         text not null,
    status             text not null,
    account_manager_id text,
    team_id            text,
    version            bigint not null,
    updated_at         timestamptz not null
);
create index customer_view_credit_code on customer_view (credit_code);

create table staff_view (
    staff_id     text primary key,
    display_name text not null,
    role         text not null,
    region       text not null,
    industries   text not null,   -- comma-separated Industry names
    skills       text not null,   -- comma-separated ProductLine names
    team_id      text not null,
    director_id  text,
    capacity     int not null,
    active       boolean not null,
    version      bigint not null,
    updated_at   timestamptz not null
);

create table opportunity (
    id                      text primary key,
    -- customer id, else prospect credit code, else prospect phone: what "the same customer" means for merging
    merge_key               text not null,
    -- true while new signals with the same key, product line and intent may merge into it
    mergeable               boolean not null,
    customer_id             text,
    prospect_name           text,
    prospect_credit_code    text,
    prospect_contact_name   text,
    prospect_contact_phone  text,
    region                  text not null,
    industry                text,
    product_line            text not null,
    intent                  text not null,
    value_tier              text not null,
    source                  text not null,
    score                   int not null,
    score_breakdown         text not null,
    estimated_monthly_value numeric(14, 2) not null,
    stage                   text not null,
    owner_id                text,
    team_id                 text,
    director_id             text,
    assignment_reason       text,
    bidding_closes_at       timestamptz,
    eligible_manager_ids    text,
    award_reason            text,
    awarded_by              text,
    partner_id              text,
    owner_share_percent     int not null default 100,
    partner_share_percent   int not null default 0,
    collaboration_status    text not null default 'NONE',
    lost_reason             text,
    converted_at            timestamptz,
    application_no          text,
    signal_count            int not null,
    last_signal_at          timestamptz not null,
    sequence                bigint not null,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
-- The truth of deduplication: at most one mergeable opportunity per (customer, product line, intent).
create unique index opportunity_one_mergeable
    on opportunity (merge_key, product_line, intent) where mergeable;
create index opportunity_owner on opportunity (owner_id, created_at desc, id desc);
create index opportunity_partner on opportunity (partner_id) where partner_id is not null;
create index opportunity_team on opportunity (team_id, created_at desc, id desc);
create index opportunity_list on opportunity (created_at desc, id desc);
create index opportunity_bidding on opportunity (bidding_closes_at) where stage = 'BIDDING';

-- Every signal ever accepted, once: the primary key makes a repeated signal id a no-op.
create table signal (
    signal_id               text primary key,
    opportunity_id          text references opportunity (id),
    outcome                 text not null,   -- CREATED | MERGED
    source                  text not null,
    strength                double precision not null,
    estimated_monthly_value numeric(14, 2) not null,
    observed_at             timestamptz not null,
    detail                  text,
    captured_by             text,
    received_at             timestamptz not null
);
create index signal_opportunity on signal (opportunity_id, observed_at);

create table opportunity_timeline (
    id             bigserial primary key,
    opportunity_id text not null references opportunity (id),
    sequence       bigint,           -- the event's sequence; null for entries without an event (a bid, an invitation)
    event_type     text not null,
    occurred_at    timestamptz not null,
    actor          text,
    summary        text not null
);
create index opportunity_timeline_opportunity on opportunity_timeline (opportunity_id, id);

create table bid (
    id                     text primary key,
    opportunity_id         text not null references opportunity (id),
    bidder_id              text not null,
    plan                   text not null,
    proposed_first_contact date not null,
    ability                double precision not null,
    submitted_at           timestamptz not null,
    unique (opportunity_id, bidder_id)
);
