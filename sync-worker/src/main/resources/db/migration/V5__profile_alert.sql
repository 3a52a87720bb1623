-- SPEC §6 profile-level alert: the switch travels with ProfileCreated / ProfileUpdated.
alter table profile_info add column send_alert_email_to_owner boolean not null default false;

-- The profile of each tested mailbox (from its request), so the failure rate of a profile is an indexed query.
alter table job_mailbox add column profile_id uuid;
update job_mailbox set profile_id = cast(cast(request as json) ->> 'profileId' as uuid) where profile_id is null;
create index job_mailbox_profile_completed on job_mailbox (profile_id, completed_on) where profile_id is not null;
create index job_mailbox_profile_waiting on job_mailbox (profile_id)
    where state in ('QUEUED', 'RUNNING', 'RETRYING');
-- Unfinished jobs: a profile-wide run in progress (failure rate) and the job progress metrics.
create index job_unfinished on job (profile_id) where finished_on is null;

-- When the last profile-level alert was raised: at most one per profile per hour. The row is locked (FOR UPDATE)
-- while a worker decides, so two instances never both raise it.
create table profile_alert (
    profile_id uuid primary key,
    raised_on  timestamptz
);
