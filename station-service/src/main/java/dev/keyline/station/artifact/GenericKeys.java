package dev.keyline.station.artifact;

import dev.keyline.schemas.keys.ProductKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Microsoft's published generic volume license keys (KMS client setup keys), read from
 * {@code artifact/generic-setup-keys.tsv}. The file keeps each key as the SHA-256 of its upper-case text, so the
 * repository contains no product key, and a key found in an artifact is recognised by hashing it the same way.
 */
public final class GenericKeys {

    private static final String RESOURCE = "/artifact/generic-setup-keys.tsv";
    private static final GenericKeys PUBLISHED = load();

    private final Map<String, String> editionsBySha256;

    GenericKeys(Map<String, String> editionsBySha256) {
        this.editionsBySha256 = Map.copyOf(editionsBySha256);
    }

    public static GenericKeys published() {
        return PUBLISHED;
    }

    /** Returns the edition whose published generic key {@code key} is, or nothing for any other key. */
    public Optional<String> edition(String key) {
        return Optional.ofNullable(editionsBySha256.get(sha256(ProductKeys.normalize(key))));
    }

    public int size() {
        return editionsBySha256.size();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static GenericKeys load() {
        Map<String, String> editions = new HashMap<>();
        try (InputStream in = GenericKeys.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the classpath: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                editions.put(columns[0], columns[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new GenericKeys(editions);
    }
}
