-- Staff directory: ids are Keycloak usernames. Lists are comma-separated enum names.
create table staff (
    id           text collate "C" primary key,
    display_name text        not null,
    role         text        not null,
    region       text        not null,
    industries   text        not null default '',
    skills       text        not null default '',
    team_id      text        not null,
    director_id  text,
    capacity     int         not null default 0,
    active       boolean     not null default true,
    updated_at   timestamptz not null,
    version      bigint      not null
);
create index staff_team on staff (team_id, id);
