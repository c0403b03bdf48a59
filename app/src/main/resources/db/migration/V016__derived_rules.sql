-- Named homes for the domain rules that queries share. A query asks these functions instead of spelling the rule
-- out again; each is tested against its Java counterpart in core where one exists (DerivedRulesIT).
-- All are plain SQL functions, so PostgreSQL inlines them into the calling query (no per-row call overhead).

-- m² → 亩, exact: m² × 3 / 2000 (core.unit.Area#toMu).
create function mu(area_m2 numeric) returns numeric
    language sql immutable parallel safe
    as $$ select area_m2 * 3 / 2000 $$;

-- Industrial in the sense of 规模以上工业: GB/T 4754-2017 sections B, C and D, i.e. divisions 06–46
-- (core.code.IndustryCodes#isIndustrial). A missing or non-numeric code is not industrial.
create function is_industrial(industry_code varchar) returns boolean
    language sql immutable parallel safe
    as $$ select case when industry_code ~ '^[0-9]{2}' then cast(substr(industry_code, 1, 2) as int) between 6 and 46
                      else false end $$;

-- A current firm: still registered in the town (active or suspended), not moved out or deregistered.
create function is_current_firm(status varchar) returns boolean
    language sql immutable parallel safe
    as $$ select status in ('ACTIVE', 'SUSPENDED') $$;

-- A validity span (occupancy, lease, designation) in force on a day: started on or before it, not ended before it.
create function in_force(valid_from date, valid_to date, as_of date) returns boolean
    language sql immutable parallel safe
    as $$ select $1 <= $3 and ($2 is null or $2 >= $3) $$;

-- A validity span in force on some day of a calendar year.
create function in_force_during(valid_from date, valid_to date, year int) returns boolean
    language sql immutable parallel safe
    as $$ select $1 <= make_date($3, 12, 31) and ($2 is null or $2 >= make_date($3, 1, 1)) $$;

-- The occupancies in force on a day (year-end attribution asks make_date(year, 12, 31)).
create function occupancy_at(as_of date) returns setof occupancy
    language sql stable parallel safe
    as $$ select o.* from occupancy o where in_force(o.valid_from, o.valid_to, $1) $$;
