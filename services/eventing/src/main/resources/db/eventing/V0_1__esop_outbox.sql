-- Transactional outbox (io.esop.eventing.outbox). A service writes its events here in the same
-- transaction as the state change; OutboxRelay publishes them to Kafka in seq order and marks them sent.
create table esop_outbox (
    seq         bigserial   primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    message_key text,
    event_type  text        not null,
    subject     text,
    payload     jsonb,                              -- null = tombstone
    headers     jsonb,                              -- extra Kafka headers (e.g. dead-letter headers)
    created_at  timestamptz not null default now(),
    sent_at     timestamptz
);

-- The relay only ever reads unsent rows in seq order.
create index esop_outbox_unsent on esop_outbox (seq) where sent_at is null;

-- Wake the relay (LISTEN esop_outbox) when, and only when, a transaction that wrote events commits:
-- NOTIFY is transactional, and identical notifications of one transaction are folded into one.
create function esop_outbox_notify() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('esop_outbox', '');
    return null;
end;
$$;

create trigger esop_outbox_notify
    after insert on esop_outbox
    for each statement
execute function esop_outbox_notify();
