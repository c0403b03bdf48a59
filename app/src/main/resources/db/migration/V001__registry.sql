-- Parkscope registry: regions, parks, land, buildings, enterprises, occupancy, qualifications, figures, batches, audit.
-- Conventions: areas in square metres (numeric, exact); 亩 = m² × 3 / 2000 is computed, never stored.
-- Money in 万元 unless a row's unit says otherwise. Geometry is GeoJSON (jsonb) in WGS-84 lon/lat: the embedded
-- server has no PostGIS, and every PostgreSQL-dialect database the buyers run can store jsonb.
-- Every table that holds enterprise or park data carries park_id or enterprise_id so a query can be scoped.

create table region (
    id              bigserial primary key,
    code            varchar(12) not null unique,      -- GB/T 2260 (6) or statistical division code (12)
    name            text not null,
    level           varchar(16) not null check (level in ('PROVINCE','CITY','COUNTY','TOWN','VILLAGE')),
    parent_id       bigint references region(id),
    as_of_date      date,                              -- the date the region's figures are reported as of
    outline         jsonb                              -- GeoJSON geometry
);

create table park_operator (
    id              bigserial primary key,
    name            text not null unique,
    uscc            varchar(18),
    contact         text
);

create table park (
    id              bigserial primary key,
    region_id       bigint not null references region(id),
    code            varchar(32) not null unique,
    name            text not null unique,
    operator_id     bigint references park_operator(id),
    kind            varchar(16) not null default 'PLATFORM' check (kind in ('PLATFORM','FUNCTIONAL','OTHER')),
    positioning     text,
    cluster_tags    text[] not null default '{}',
    address         text,
    opened_on       date,
    boundary        jsonb
);

create table parcel (
    id                  bigserial primary key,
    park_id             bigint not null references park(id),
    certificate_no      varchar(64) not null unique,   -- 不动产权证号 / 土地证号
    area_m2             numeric(14,2) not null check (area_m2 > 0),
    land_use            varchar(32) not null,           -- 工业用地, 仓储用地, 商业用地, 科研用地 ...
    rights_holder_id    bigint,                         -- enterprise holding the land right (FK added below)
    rights_holder_name  text not null,
    granted_on          date,
    term_ends_on        date,
    address             text,
    geometry            jsonb
);
create index parcel_park_idx on parcel(park_id);

create table building (
    id              bigserial primary key,
    parcel_id       bigint not null references parcel(id),
    park_id         bigint not null references park(id),
    name            text not null,
    floors          int not null check (floors > 0),
    footprint_m2    numeric(14,2),
    floor_area_m2   numeric(14,2) not null check (floor_area_m2 >= 0),
    completed_year  int,
    geometry        jsonb,
    unique (parcel_id, name)
);
create index building_park_idx on building(park_id);

create table floor_space (
    id              bigserial primary key,
    building_id     bigint not null references building(id),
    park_id         bigint not null references park(id),
    label           text not null,                  -- e.g. 3F-301
    floor_no        int not null,
    area_m2         numeric(14,2) not null check (area_m2 > 0),
    use             varchar(32) not null default '厂房',
    unique (building_id, label)
);
create index floor_space_park_idx on floor_space(park_id);

create table enterprise (
    id                      bigserial primary key,
    uscc                    char(18) not null unique,   -- canonical upper-case 统一社会信用代码
    name                    text not null,
    industry_code           varchar(4) not null,        -- GB/T 4754-2017 小类
    sei_codes               text[] not null default '{}', -- 战略性新兴产业分类(2018) codes
    size_class              varchar(8) check (size_class in ('LARGE','MEDIUM','SMALL','MICRO')),
    above_scale             boolean not null default false, -- 规上
    hq                      boolean not null default false,
    hq_kind                 text,                        -- e.g. 全球总部, 亚太区总部, 上海市创新型企业总部
    status                  varchar(16) not null default 'ACTIVE' check (status in ('ACTIVE','SUSPENDED','MOVED_OUT','DEREGISTERED')),
    registered_on           date,
    registered_region_code  varchar(12),                -- where it is registered
    tax_region_code         varchar(12),                -- where it pays tax (园中园 tenants sometimes pay elsewhere)
    park_id                 bigint references park(id)  -- principal park (derived from occupancy; used for scoping)
);
create index enterprise_park_idx on enterprise(park_id);
create index enterprise_industry_idx on enterprise(industry_code);

alter table parcel add constraint parcel_rights_holder_fk foreign key (rights_holder_id) references enterprise(id);

create table occupancy (
    id              bigserial primary key,
    enterprise_id   bigint not null references enterprise(id),
    parcel_id       bigint not null references parcel(id),
    park_id         bigint not null references park(id),
    building_id     bigint references building(id),
    floor_space_id  bigint references floor_space(id),
    role            varchar(16) not null check (role in ('LANDLORD','OWNER_OCCUPIER','TENANT')),
    landlord_id     bigint references enterprise(id),   -- for a tenant: whom it rents from (园中园/厂中厂)
    leased_area_m2  numeric(14,2) check (leased_area_m2 is null or leased_area_m2 >= 0),
    valid_from      date not null,
    valid_to        date,
    check (valid_to is null or valid_to >= valid_from),
    check (role <> 'TENANT' or leased_area_m2 is not null)
);
create index occupancy_enterprise_idx on occupancy(enterprise_id);
create index occupancy_parcel_idx on occupancy(parcel_id);
create index occupancy_park_idx on occupancy(park_id);

create table cluster (
    id              bigserial primary key,
    code            varchar(32) not null unique,
    name            text not null,
    tier            varchar(4) not null check (tier in ('1','4','X','SUB')),  -- the town's "1+4+X"; SUB = a cluster inside one
    parent_id       bigint references cluster(id),
    description     text
);

create table cluster_member (
    cluster_id      bigint not null references cluster(id),
    enterprise_id   bigint not null references enterprise(id),
    primary key (cluster_id, enterprise_id)
);
create index cluster_member_enterprise_idx on cluster_member(enterprise_id);

create table qualification (
    id              bigserial primary key,
    enterprise_id   bigint not null references enterprise(id),
    type            varchar(32) not null,   -- HNTE, SRDI, LITTLE_GIANT, CHAMPION, SH_TECH_GIANT, LISTED, TECH_CENTER, ACADEMICIAN_STATION, HARDCORE_TOP100
    level           varchar(16),            -- NATIONAL, MUNICIPAL, DISTRICT
    certificate_no  varchar(64),
    issued_on       date not null,
    expires_on      date,
    note            text,
    check (expires_on is null or expires_on >= issued_on)
);
create index qualification_enterprise_idx on qualification(enterprise_id);
create index qualification_type_idx on qualification(type);

create table import_batch (
    id                  bigserial primary key,
    kind                varchar(32) not null,
    file_name           text,
    sha256              char(64),
    source_department   varchar(32),
    status              varchar(16) not null default 'COMMITTED' check (status in ('PENDING','COMMITTED','REJECTED','ROLLED_BACK')),
    row_count           int not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text not null
);

create table indicator_value (
    id                  bigserial primary key,
    enterprise_id       bigint not null references enterprise(id),
    period              varchar(7) not null,     -- 'YYYY' (yearly) or 'YYYY-MM' (monthly)
    metric              varchar(32) not null,    -- TAX, REVENUE, OUTPUT, VALUE_ADDED, ENERGY, ELECTRICITY, EMISSIONS, RD, STAFF, GOODS_SALES ...
    value               numeric(20,4) not null,
    unit                varchar(16) not null,
    source_department   varchar(32) not null,    -- TAX, STATS, POWER, LAND, ENV, PARK, ENTERPRISE
    import_batch_id     bigint references import_batch(id),
    unique (enterprise_id, period, metric),
    check (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$')
);
create index indicator_value_metric_period_idx on indicator_value(metric, period);

create table audit_log (
    id              bigserial primary key,
    at              timestamptz not null default now(),
    actor           text not null,
    remote_addr     text,
    action          varchar(32) not null,     -- CREATE, UPDATE, DELETE, IMPORT, ROLLBACK, EVALUATE ...
    entity          varchar(32) not null,
    entity_id       text,
    park_id         bigint,
    enterprise_id   bigint,
    before          jsonb,
    after           jsonb
);
create index audit_log_entity_idx on audit_log(entity, entity_id);

-- The audit trail is append-only: the database itself refuses updates and deletes.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only / 审计日志不可修改或删除';
end $$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
