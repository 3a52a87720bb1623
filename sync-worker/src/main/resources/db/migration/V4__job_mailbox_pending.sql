-- The job completer asks "is any mailbox of this job still pending?" after every result: answer it from an index.
create index job_mailbox_pending on job_mailbox (job_id) where state <> 'DONE';
