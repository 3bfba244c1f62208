-- Alert history, from esop.sla-alerts.v1 (inbox-deduplicated; alert_id is unique per clock, kind and level).
create table sla_alert (
    alert_id            text        primary key,
    clock_id            text        not null,
    clock_type          text        not null,
    kind                text        not null,
    level               int         not null,
    subject_type        text        not null,
    subject_id          text        not null,
    milestone           text,
    customer_id         text,
    responsible_user_id text        not null,
    -- the responsible user's team when the alert arrived (staff directory), for "my team's alerts"
    team_id             text,
    notify_role         text,
    due_at              timestamptz not null,
    fired_at            timestamptz not null,
    occurred_at         timestamptz not null,
    policy_id           text        not null,
    policy_version      int         not null,
    -- from the policy version, for compliance by tier and product line
    value_tier          text,
    product_line        text,
    acknowledged_at     timestamptz,
    acknowledged_by     text
);

create index sla_alert_responsible on sla_alert (responsible_user_id, alert_id);
create index sla_alert_team on sla_alert (team_id, alert_id);
create index sla_alert_clock on sla_alert (clock_id);

-- Staff directory read model (esop.staff.v1): who is in which team, and who their director is.
create table sla_staff (
    staff_id    text   primary key,
    team_id     text   not null,
    director_id text,
    role        text   not null,
    version     bigint not null
);
