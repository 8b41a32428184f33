package dev.keyline.schemas.keys;

import java.util.List;

/** Text with every full product key replaced by its masked form, and what was replaced. */
public record RedactedText(String text, List<KeyFinding> findings) {

    public boolean hadKeys() {
        return !findings.isEmpty();
    }
}
