package io.exsync.mailbox.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "exsync.mailbox")
public interface MailboxConfig {

    /** Base URL of the sync-worker as clients reach it: the Location of a Test &amp; Enable job. */
    @WithDefault("http://127.0.0.1:8084")
    String syncWorkerUrl();

    /** Ids one bulk request may name. */
    @WithDefault("10000")
    int maxBulkIds();
}
