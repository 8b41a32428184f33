package dev.keyline.station.artifact;

/** An artifact the parsers will not read: not well-formed XML, or XML with a DTD. The message names no full key. */
public class ArtifactRejected extends RuntimeException {

    private final boolean doctype;

    public ArtifactRejected(String message, boolean doctype) {
        super(message, null, false, false);
        this.doctype = doctype;
    }

    /** Returns whether the artifact was rejected for a DTD, which may carry an external entity (XXE) attack. */
    public boolean doctype() {
        return doctype;
    }
}
