package dev.keyline.station.artifact;

/**
 * Normalizes Windows event ids. Some tools write an {@code InstanceId}, {@code (Qualifiers << 16) | EventID}, where
 * others write the event id with a separate {@code Qualifiers} attribute, so only the low 16 bits name the event.
 */
public final class EventIds {

    private EventIds() {}

    /** Returns the event id of {@code value}, an event id or an instance id, or -1 when it is not a number. */
    public static long normalize(String value) {
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
        if (number < 0 || number > 0xFFFFFFFFL) {
            return -1;
        }
        return number & 0xFFFF;
    }
}
