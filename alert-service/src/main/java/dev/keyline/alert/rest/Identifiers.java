package dev.keyline.alert.rest;

import dev.keyline.platform.problem.ProblemException;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads ids from request paths, rejecting a malformed one with a 400 problem rather than a bare 404. */
final class Identifiers {

    private Identifiers() {}

    /** The canonical form of a UUID: 36 characters. {@link UUID#fromString} also takes shorter groups. */
    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static UUID uuid(String parameter, String value) {
        try {
            if (!CANONICAL.matcher(value).matches()) {
                throw new IllegalArgumentException(parameter);
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            String shown = value.length() <= 64 ? value : value.substring(0, 64) + "...";
            throw ProblemException.invalidField(
                    parameter,
                    "'" + shown + "' is not a valid " + parameter,
                    "send the id as a UUID, such as the id field of a listed item");
        }
    }
}
