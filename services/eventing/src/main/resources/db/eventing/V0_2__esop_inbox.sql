-- Idempotent inbox (io.esop.eventing.inbox): one row per (consumer, event id) processed. The primary
-- key, not a check-then-insert, turns a redelivery into "no second effect".
create table esop_inbox (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
