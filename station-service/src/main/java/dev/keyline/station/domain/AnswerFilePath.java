package dev.keyline.station.domain;

import java.util.Locale;

/**
 * Tells whether two paths that stations sent for answer files name the same file on a device's image. Windows
 * compares paths without regard to case and reads {@code /} as {@code \}, so {@code C:\Windows\Panther\Unattend.xml}
 * and {@code c:/windows/panther/unattend.xml} are one file, and a clean copy sent under either clears the other's
 * findings.
 */
public final class AnswerFilePath {

    private AnswerFilePath() {}

    public static boolean sameFile(String first, String second) {
        return comparable(first).equals(comparable(second));
    }

    private static String comparable(String path) {
        return path.replace('/', '\\').toLowerCase(Locale.ROOT);
    }
}
