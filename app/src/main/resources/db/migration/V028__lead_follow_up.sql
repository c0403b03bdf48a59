-- 招商线索 are worked by people: who owns a lead, whom to call, when to call next, and what happened so far.
alter table investment_lead
    add column owner_id       bigint references app_user(id),
    add column contact_name   text,
    add column contact_phone  varchar(40),
    add column next_follow_up date;

create index investment_lead_owner_idx on investment_lead(owner_id);
create index investment_lead_follow_up_idx on investment_lead(next_follow_up) where status not in ('SIGNED', 'DROPPED');

-- The lead's history: each follow-up, status change and change of owner or contact, dated, with who did it.
create table investment_lead_event (
    id            bigserial primary key,
    lead_id       bigint not null references investment_lead(id) on delete cascade,
    happened_on   date not null,
    kind          varchar(16) not null check (kind in ('CREATED', 'FOLLOW_UP', 'STATUS', 'ASSIGNED', 'CONTACT')),
    status        varchar(16) check (status in ('NEW','CONTACTED','VISITING','NEGOTIATING','SIGNED','DROPPED')),
    note          text,
    actor         text not null,
    created_at    timestamptz not null default now()
);
create index investment_lead_event_lead_idx on investment_lead_event(lead_id, happened_on, id);

-- Leads made before the history existed start it with their creation.
insert into investment_lead_event(lead_id, happened_on, kind, status, note, actor, created_at)
select id, (created_at at time zone 'Asia/Shanghai')::date, 'CREATED', status, note, created_by, created_at
from investment_lead;
