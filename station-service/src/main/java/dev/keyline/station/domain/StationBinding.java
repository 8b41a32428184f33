package dev.keyline.station.domain;

import dev.keyline.schemas.CloudEvent;
import java.util.Optional;

/** The line and station a station token is bound to, read from its principal {@code lineId/stationId}. */
public record StationBinding(String lineId, String stationId) {

    /** Returns the binding of a principal, or nothing when the principal is not {@code lineId/stationId}. */
    public static Optional<StationBinding> parse(String principal) {
        if (principal == null) {
            return Optional.empty();
        }
        String[] parts = principal.split("/", -1);
        if (parts.length != 2 || !ReportConstraints.isId(parts[0]) || !ReportConstraints.isId(parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new StationBinding(parts[0], parts[1]));
    }

    public boolean matches(String lineId, String stationId) {
        return this.lineId.equals(lineId) && this.stationId.equals(stationId);
    }

    /** Returns the CloudEvents {@code source} of events from this station. */
    public String source() {
        return CloudEvent.lineSource(lineId, stationId);
    }

    @Override
    public String toString() {
        return lineId + "/" + stationId;
    }
}
