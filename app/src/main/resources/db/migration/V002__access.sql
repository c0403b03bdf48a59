-- Accounts, roles and API tokens. A park operator's scope is its operator's parks; an enterprise user's is its enterprise.
create table app_user (
    id                      bigserial primary key,
    username                varchar(64) not null unique,
    display_name            text not null,
    password_hash           text not null,
    role                    varchar(24) not null check (role in
                              ('TOWN_ADMIN','TOWN_ANALYST','PARK_OPERATOR','ENTERPRISE_USER','AUDITOR')),
    operator_id             bigint references park_operator(id),
    enterprise_id           bigint references enterprise(id),
    enabled                 boolean not null default true,
    must_change_password    boolean not null default false,
    failed_attempts         int not null default 0,
    locked_until            timestamptz,
    created_at              timestamptz not null default now(),
    check (role <> 'PARK_OPERATOR' or operator_id is not null),
    check (role <> 'ENTERPRISE_USER' or enterprise_id is not null)
);

create table api_token (
    id              bigserial primary key,
    user_id         bigint not null references app_user(id),
    name            text not null,
    token_hash      char(64) not null unique,     -- sha-256 of the token; the token itself is shown once
    created_at      timestamptz not null default now(),
    last_used_at    timestamptz,
    revoked         boolean not null default false
);
create index api_token_user_idx on api_token(user_id);

create index audit_log_at_idx on audit_log(at);
create index audit_log_actor_idx on audit_log(actor);
