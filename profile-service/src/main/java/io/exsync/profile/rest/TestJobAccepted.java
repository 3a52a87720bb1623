package io.exsync.profile.rest;

import java.util.UUID;

/** Body of the 202 that starts a Test &amp; Enable job; {@code location} repeats the Location header. */
public record TestJobAccepted(UUID jobId, String kind, String state, String location) {
}
