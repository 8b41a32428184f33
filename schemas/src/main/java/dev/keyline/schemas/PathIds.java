package dev.keyline.schemas;

/**
 * The form of the ids that Keyline puts into URL paths: device serials, key ids, line and station ids. The event
 * schemas allow 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}. The services also reject ids of dots
 * alone, because a path normalises {@code .} and {@code ..} away, so no URL could name such a device or key.
 */
public final class PathIds {

    /** The regular expression of an id, for Bean Validation's {@code @Pattern} and {@link java.util.regex.Pattern}. */
    public static final String PATTERN = "(?!\\.+$)[A-Za-z0-9._-]{1,64}";

    private PathIds() {}

    /** Tells whether {@code id} is made of dots alone. A plain loop, because decoding runs it for every event. */
    public static boolean isDotsAlone(String id) {
        if (id.isEmpty()) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) != '.') {
                return false;
            }
        }
        return true;
    }
}
