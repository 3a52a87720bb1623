package io.exsync.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "exsync.profile")
public interface ProfileConfig {

    /** Plain http to loopback hosts for endpoints (the simulator in dev and test); https only otherwise. */
    @WithDefault("false")
    boolean allowLoopbackHttp();

    /** Base URL of the sync-worker as clients reach it: the Location of a Test &amp; Enable job. */
    @WithDefault("http://127.0.0.1:8084")
    String syncWorkerUrl();
}
