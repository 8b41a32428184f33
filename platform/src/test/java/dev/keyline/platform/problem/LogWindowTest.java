package dev.keyline.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogWindowTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void firstLinePasses() {
        LogWindow window = new LogWindow(Duration.ofSeconds(10));

        assertThat(window.admit(-5 * SECOND)).isZero();
    }

    @Test
    void linesInWindowHeldBack() {
        LogWindow window = new LogWindow(Duration.ofSeconds(10));
        window.admit(0);

        assertThat(window.admit(SECOND)).isEqualTo(-1);
        assertThat(window.admit(9 * SECOND)).isEqualTo(-1);
    }

    @Test
    void nextWindowCountsHeldBack() {
        LogWindow window = new LogWindow(Duration.ofSeconds(10));
        window.admit(0);
        window.admit(SECOND);
        window.admit(2 * SECOND);

        assertThat(window.admit(10 * SECOND)).isEqualTo(2);
        assertThat(window.admit(11 * SECOND)).isEqualTo(-1);
        assertThat(window.admit(25 * SECOND)).isEqualTo(1);
    }
}
