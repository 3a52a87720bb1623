package io.exsync.approval.rest;

import io.exsync.support.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record TeamRequest(@NotBlank @Size(max = 100) @PlainText String name) {
}
