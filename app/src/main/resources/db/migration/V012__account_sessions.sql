-- Every signed-in session carries the account's security stamp; disabling an account, changing its role or its
-- password bumps the stamp, and a session holding an older one ends at its next request.
alter table app_user add column security_stamp bigint not null default 0;

-- Sign-in failures are throttled in memory per source address and per account (SignInThrottle) instead of locking the
-- account, which let anyone lock a real user out.
alter table app_user drop column failed_attempts;
alter table app_user drop column locked_until;
