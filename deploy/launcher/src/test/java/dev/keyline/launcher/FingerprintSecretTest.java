package dev.keyline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintSecretTest {

    @Test
    void createsOwnerOnlyFileOnce(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("work/fingerprint-secret");

        String first = FingerprintSecret.loadOrCreate(file);
        String second = FingerprintSecret.loadOrCreate(file);

        assertThat(first).hasSizeGreaterThanOrEqualTo(FingerprintSecret.MIN_LENGTH);
        assertThat(second).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void shortSecretIsRejected(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("fingerprint-secret"), "too-short\n");

        assertThatThrownBy(() -> FingerprintSecret.loadOrCreate(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shorter than 32 characters")
                .hasMessageContaining("--fresh");
    }
}
