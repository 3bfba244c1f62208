-- SLA policies: one row per version. A change is a new version; clocks keep the version they started with
-- (they copy it into their Streams state), so old versions are history, never edited.
create table sla_policy_version (
    id                        bigserial   primary key,
    policy_id                 text        not null,
    version                   int         not null check (version >= 1),
    value_tier                text        not null,
    product_line              text        not null,
    clock_type                text        not null,
    milestone                 text,
    approval_kind             text,
    target_seconds            bigint      not null check (target_seconds > 0),
    warning_threshold_percent int         not null check (warning_threshold_percent between 1 and 99),
    escalations_json          text        not null,
    calendar_json             text        not null,
    effective_from            timestamptz not null,
    created_at                timestamptz not null default now(),
    created_by                text        not null,
    retired                   boolean     not null default false,
    -- false only for seeded rows, until the start-up publisher has put them in the outbox
    published                 boolean     not null default false,
    unique (policy_id, version)
);

create index sla_policy_version_current on sla_policy_version (policy_id, version desc);

-- Default matrix: value tier x product line x clock type. Targets for KEY customers, scaled by tier
-- (STRATEGIC x0.5, STANDARD x2, SME x4); order clocks of line-building products (dedicated line, IDC) x1.5.
-- First contact, approvals and milestones count business hours (Asia/Shanghai, Mon-Fri 09:00-18:00);
-- the total order time counts calendar days. Escalation: +25 % of the target to the sales director,
-- +100 % to an admin. Holidays are left to the admins (they change every year).
insert into sla_policy_version (policy_id, version, value_tier, product_line, clock_type, target_seconds,
                                warning_threshold_percent, escalations_json, calendar_json, effective_from,
                                created_by)
select t.tier || '.' || l.line || '.' || c.clock_type,
       1,
       t.tier,
       l.line,
       c.clock_type,
       round(c.hours * 3600 * t.factor * (case when c.order_clock then l.factor else 1 end))::bigint,
       80,
       json_build_array(
               json_build_object('level', 1, 'notifyRole', 'SALES_DIRECTOR', 'after',
                                 'PT' || round(c.hours * 900 * t.factor * (case when c.order_clock then l.factor else 1 end))::bigint || 'S'),
               json_build_object('level', 2, 'notifyRole', 'ADMIN', 'after',
                                 'PT' || round(c.hours * 3600 * t.factor * (case when c.order_clock then l.factor else 1 end))::bigint || 'S'))::text,
       case
           when c.business_hours then '{"kind":"BUSINESS_HOURS","zone":"Asia/Shanghai","workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opensAt":"09:00","closesAt":"18:00","holidays":[],"extraWorkingDays":[]}'
           else '{"kind":"ALWAYS","zone":"Asia/Shanghai","workingDays":[],"holidays":[],"extraWorkingDays":[]}'
           end,
       timestamptz '2026-01-01 00:00:00+08',
       'seed'
from (values ('STRATEGIC', 0.5), ('KEY', 1.0), ('STANDARD', 2.0), ('SME', 4.0)) as t(tier, factor)
         cross join (values ('DEDICATED_LINE', 1.5), ('IDC', 1.5), ('CLOUD', 1.0), ('IOT', 1.0), ('VOICE', 1.0),
                            ('SMS', 1.0), ('SDWAN', 1.0)) as l(line, factor)
         cross join (values ('OPPORTUNITY_FIRST_CONTACT', 4, true, false),
                            ('APPROVAL_DECISION', 8, true, false),
                            ('ORDER_MILESTONE', 27, true, true),
                            ('ORDER_TOTAL', 360, false, true)) as c(clock_type, hours, business_hours, order_clock);
