package io.exsync.profile.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {host, port 1–65535, useSsl}} of an IMAP/POP3 or SMTP server. */
public record MailServerDto(
        @NotBlank @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9.\\-\\[\\]:]+", message = "must be a host name or IP address")
        String host,
        @Min(value = 1, message = "must be between 1 and 65535") @Max(value = 65535, message = "must be between 1 and 65535")
        Integer port,
        Boolean useSsl) {
}
