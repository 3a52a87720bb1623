package io.exsync.approval.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "exsync.approval")
public interface ApprovalConfig {

    /** The first environment version where the Delegated Mailbox Approver role can be assigned and counts (SPEC §5). */
    @WithDefault("9.2.22104.00170")
    String delegatedApproverSinceVersion();
}
