-- Inquiries sent from the enterprise portal; each one's PORTAL_INQUIRY signal goes out through esop_outbox
-- in the same transaction.
create table portal_inquiry (
    id                      text primary key,
    signal_id               text not null unique,
    customer_id             text not null,
    submitted_by            text not null,
    product_line            text not null,
    intent                  text not null,
    detail                  text not null,
    estimated_monthly_value numeric(16, 2) not null check (estimated_monthly_value >= 0),
    created_at              timestamptz not null
);

create index portal_inquiry_customer on portal_inquiry (customer_id, created_at desc);
