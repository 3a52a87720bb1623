package io.exsync.profile.rest;

import io.exsync.support.validation.PlainText;
import jakarta.validation.constraints.Size;

/** Write-only secrets: accepted here, never returned, never logged (hence the toString). */
public record CredentialsRequest(
        @Size(max = 320) @PlainText String username,
        @Size(min = 1, max = 1024) String password,
        @Size(min = 1, max = 4096) String clientSecret) {

    @Override
    public String toString() {
        return "CredentialsRequest[username=" + username + ", password=" + (password == null ? "unset" : "***")
                + ", clientSecret=" + (clientSecret == null ? "unset" : "***") + "]";
    }
}
