-- Test-only schema (quarkus.flyway.locations=db/eventing,db/test in the tests).

-- A consumer's effect, applied only on the first delivery of an event.
create table test_applied_effect (
    id         bigserial primary key,
    consumer   text not null,
    event_id   text not null,
    applied_at timestamptz not null default now()
);

-- While this table has a row, marking outbox rows sent fails: a relay crash after Kafka acknowledged
-- the batch and before the database recorded it.
create table test_fail_mark (reason text not null);

create function test_fail_mark() returns trigger
    language plpgsql as
$$
begin
    if exists (select 1 from test_fail_mark) then
        raise exception 'injected failure: marking outbox rows sent';
    end if;
    return new;
end;
$$;

create trigger test_fail_mark
    before update on esop_outbox
    for each row
execute function test_fail_mark();
