package dev.keyline.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceMethodsTest {

    @Path("/api/v1/keys")
    public static class Keys {

        @GET
        public String list() {
            return "";
        }

        @POST
        public String register() {
            return "";
        }

        @GET
        @Path("/{keyId}")
        public String key() {
            return "";
        }

        @POST
        @Path("{keyId}/top-up/")
        public String topUp() {
            return "";
        }
    }

    @Path("/api/v1/keys/{keyId}/journal")
    public static class Journal {

        @GET
        public String entries() {
            return "";
        }

        @DELETE
        @Path("/{seq: [0-9]+}")
        public String remove() {
            return "";
        }
    }

    /** Not a resource: a class without {@code @Path} adds nothing. */
    public static class Helper {

        @GET
        public String ignored() {
            return "";
        }
    }

    private final ResourceMethods methods = new ResourceMethods(List.of(Keys.class, Journal.class, Helper.class));

    @Test
    void methodsOfPathListed() {
        assertThat(methods.allowedOn("/api/v1/keys")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A")).isEqualTo("GET, HEAD, OPTIONS");
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A/top-up")).isEqualTo("OPTIONS, POST");
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A/journal")).isEqualTo("GET, HEAD, OPTIONS");
    }

    @Test
    void parameterExpressionsApplied() {
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A/journal/42")).isEqualTo("DELETE, OPTIONS");
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A/journal/latest")).isEmpty();
    }

    @Test
    void unknownPathsGetNothing() {
        assertThat(methods.allowedOn("/api/v1/keyz")).isEmpty();
        assertThat(methods.allowedOn("/api/v1/keys/KEY-A/B/top-up")).isEmpty();
        assertThat(methods.allowedOn("api/v1/keys")).isEqualTo("GET, HEAD, OPTIONS, POST");
        assertThat(methods.allowedOn("/api/v1/keys/")).isEqualTo("GET, HEAD, OPTIONS, POST");
    }

    @Test
    void templateQuotesLiteralText() {
        assertThat(ResourceMethods.pattern("/a.b/{id}").matcher("/a.b/7").matches())
                .isTrue();
        assertThat(ResourceMethods.pattern("/a.b/{id}").matcher("/aXb/7").matches())
                .isFalse();
        assertThat(ResourceMethods.pattern("/a/{id: \\d{2}}").matcher("/a/12").matches())
                .isTrue();
        assertThat(ResourceMethods.pattern("/a/{id: \\d{2}}").matcher("/a/123").matches())
                .isFalse();
    }
}
