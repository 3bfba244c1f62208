-- Exactly-once publication (io.esop.eventing.outbox.OutboxRelay): every batch is one Kafka
-- transaction that also commits a marker — the batch number and the seqs it published — as the
-- offset of the consumer group "esop-outbox.<transactional id>". After a crash between the Kafka
-- commit and the database's "sent" mark, the next relay reads the marker and marks those rows sent
-- instead of publishing them again.

-- Batch numbers: the marker with the highest number is the last batch Kafka committed.
create sequence esop_outbox_batch;

-- Which database a marker belongs to: a recreated database never trusts the markers of an old one.
create table esop_outbox_identity (
    singleton   boolean primary key default true check (singleton),
    database_id uuid    not null default gen_random_uuid()
);
insert into esop_outbox_identity default values;
