package dev.keyline.alert.rest;

import dev.keyline.platform.problem.ProblemException;
import java.util.UUID;

/** Reads ids from request paths, rejecting a malformed one with a 400 problem rather than a bare 404. */
final class Identifiers {

    private Identifiers() {}

    static UUID uuid(String parameter, String value) {
        try {
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
