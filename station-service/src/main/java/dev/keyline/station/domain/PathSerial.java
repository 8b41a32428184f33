package dev.keyline.station.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyline.platform.problem.FieldError;
import java.util.Optional;

/** Puts the device serial of a request path into a report body that leaves it out, and checks one that repeats it. */
public final class PathSerial {

    private PathSerial() {}

    /** Returns a copy of {@code tree} with {@code serial} set from the path when the body has none. */
    public static JsonNode merge(JsonNode tree, String pathSerial) {
        if (pathSerial == null || !tree.isObject() || tree.has("serial")) {
            return tree;
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        copy.put("serial", pathSerial);
        return copy;
    }

    /** Returns the error for a body whose serial differs from the path's. */
    public static Optional<FieldError> mismatch(StationReport report, String pathSerial) {
        if (pathSerial == null || pathSerial.equals(report.serial())) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(
                "/serial",
                "is '" + report.serial() + "', but the path names device '" + Quoting.masked(pathSerial) + "'",
                "leave serial out of the body, or post to the path of the device the body names"));
    }
}
