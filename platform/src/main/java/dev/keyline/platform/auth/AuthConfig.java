package dev.keyline.platform.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Bearer tokens the service accepts. */
@ConfigMapping(prefix = "keyline.auth")
public interface AuthConfig {

    /**
     * Accepted tokens, each as {@code sha256hex:principal:role[+role...]}, where {@code sha256hex} is the SHA-256 of
     * the token in lower-case hex, so the configuration never contains a usable token. A station's principal is
     * {@code lineId/stationId}, which binds its token to that line and station.
     */
    @WithDefault("none")
    List<String> tokens();
}
