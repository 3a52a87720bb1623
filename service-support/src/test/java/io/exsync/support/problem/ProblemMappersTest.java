package io.exsync.support.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProblemMappersTest {

    record Team(String name) {
    }

    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void namesAnUnknownFieldThatLooksLikeAFieldName() {
        Problem problem = problemFor("{\"name\":\"x\",\"colour\":\"red\"}");

        assertEquals(400, problem.status());
        assertEquals("colour", problem.violations().get(0).field());
    }

    @Test
    void neverEchoesAnUnknownFieldNamedByAScriptOrSql() {
        for (String key : new String[]{"<script>alert(1)</script>", "x'; DROP TABLE team; --", "a\u0000b",
                "k".repeat(100)}) {
            Problem problem = problemFor("{" + quoted(key) + ":1}");

            assertEquals("(unnamed field)", problem.violations().get(0).field());
            assertFalse(problem.toString().contains(key), key);
        }
    }

    @Test
    void theInstanceNeverEchoesAHostilePathSegment() {
        assertEquals("/api/v1/environments/0c5e7d1e-2f5a-4a53-9a0e-4a3e1f9b1c2d/profiles",
                ProblemMappers.instance("/api/v1/environments/0c5e7d1e-2f5a-4a53-9a0e-4a3e1f9b1c2d/profiles"));
        assertEquals("/api/v1/jobs/(invalid)/cancel",
                ProblemMappers.instance("/api/v1/jobs/<script>alert(1)/cancel"));
        assertEquals("/api/v1/jobs/(invalid)/cancel", ProblemMappers.instance("/api/v1/jobs/x'; DROP TABLE job; --/cancel"));
    }

    private Problem problemFor(String body) {
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> json.readValue(body, Team.class));
        Response response = new ProblemMappers().unreadableJson(e, null);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        return (Problem) response.getEntity();
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
