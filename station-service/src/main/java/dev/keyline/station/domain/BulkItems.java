package dev.keyline.station.domain;

import dev.keyline.platform.problem.FieldError;
import dev.keyline.platform.problem.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Helpers for the items of a bulk request: JSON pointers under an item, and problems that name the item. */
public final class BulkItems {

    private BulkItems() {}

    /** Returns {@code error} with its field moved under item {@code index}, such as {@code /3/serial}. */
    public static FieldError underItem(int index, FieldError error) {
        String field = error.field();
        String pointer = field.startsWith("/") ? "/" + index + field : "/" + index;
        return new FieldError(pointer, error.message(), error.fix());
    }

    /** Returns the item index a JSON pointer such as {@code /3/notes} starts with, or -1 for another pointer. */
    public static int indexOf(String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            return -1;
        }
        int end = pointer.indexOf('/', 1);
        String segment = end < 0 ? pointer.substring(1) : pointer.substring(1, end);
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Groups exposures by the item whose text contained them; exposures outside any item get index -1. */
    public static Map<Integer, List<KeyExposure>> byItem(List<KeyExposure> exposures) {
        Map<Integer, List<KeyExposure>> grouped = new TreeMap<>();
        for (KeyExposure exposure : exposures) {
            grouped.computeIfAbsent(indexOf(exposure.location()), index -> new ArrayList<>())
                    .add(exposure);
        }
        return grouped;
    }

    /** Returns a rule rejection of item {@code index}, with its detail and fields naming the item. */
    public static Problem rejectedItem(int index, Problem problem) {
        List<FieldError> errors =
                problem.errors().stream().map(error -> underItem(index, error)).toList();
        return new Problem(
                problem.type(),
                problem.title(),
                problem.status(),
                "item " + index + " of the bulk request was rejected, so no item was stored: " + problem.detail(),
                errors);
    }

    public static Problem invalid(List<FieldError> errors, String exposureNotice) {
        String items = errors.stream()
                .map(error -> error.field())
                .distinct()
                .reduce((first, second) -> first + ", " + second)
                .orElse("");
        return Problem.of(
                400,
                "invalid-request",
                "Invalid request",
                "the bulk request has invalid values in " + items + ", so no item was stored." + exposureNotice,
                errors);
    }
}
