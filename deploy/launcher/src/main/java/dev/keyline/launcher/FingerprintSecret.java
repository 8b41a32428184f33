package dev.keyline.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The HMAC secret that the station and ledger services share to fingerprint product keys. It is generated once per
 * work directory and kept in a file readable only by its owner, because fingerprints stored with one secret cannot be
 * matched with another.
 */
public final class FingerprintSecret {

    public static final int MIN_LENGTH = 32;
    private static final int SECRET_BYTES = 48;

    private FingerprintSecret() {}

    /** Reads the secret from {@code file}, or generates one and writes it there with mode 600. */
    public static String loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            return read(file);
        }
        Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
        return secret;
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException("fingerprint secret in " + file + " is shorter than " + MIN_LENGTH
                    + " characters; delete the file (or start with --fresh) to generate a new one");
        }
        return secret;
    }
}
