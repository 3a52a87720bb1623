package io.exsync.e2e;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The leak check's own failure paths: it finds what it looks for, escaped or not, and only that. */
class ResponseCaptureTest {

    @Test
    void secretsAreTheClientSecretAndPasswordFieldsAtAnyDepth() {
        assertThat(ResponseCapture.secretsIn("""
                {"name":"p","credentials":{"username":"u","password":"pw-1"},
                 "apps":[{"clientId":"a","ClientSecret":"cs-2"}],"password":"","other":{"secret":"not-a-field-we-know"}}
                """)).containsExactlyInAnyOrder("pw-1", "cs-2");
        assertThat(ResponseCapture.secretsIn("not json")).isEmpty();
        assertThat(ResponseCapture.secretsIn(null)).isEmpty();
    }

    @Test
    void aSecretIsFoundAsWrittenAndJsonEscaped() {
        String plain = "e2e-app-secret-0001";
        String quoted = "e2e-\"quoted\"\\secret";
        Set<String> secrets = Set.of(plain, quoted);

        assertThat(ResponseCapture.hits("{\"clientSecret\":\"e2e-app-secret-0001\"} again e2e-app-secret-0001", secrets))
                .isEqualTo(Map.of(plain, 2));
        assertThat(ResponseCapture.hits("{\"password\":\"e2e-\\\"quoted\\\"\\\\secret\"}", secrets))
                .isEqualTo(Map.of(quoted, 1));
        assertThat(ResponseCapture.hits("{\"credentials\":{\"clientSecretSet\":true}} e2e-app-secret-000", secrets))
                .isEmpty();
    }
}
