package dev.keyline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeTest {

    @Test
    void implausibleTimesNamed() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");

        assertThat(EventTime.implausibility(Instant.parse("2000-01-01T00:00:00Z"), now))
                .isEmpty();
        assertThat(EventTime.implausibility(Instant.parse("2026-12-06T12:00:00Z"), now))
                .isEmpty();
        assertThat(EventTime.implausibility(Instant.parse("1999-12-31T23:59:59Z"), now))
                .contains("time 1999-12-31T23:59:59Z is before 2000-01-01T00:00:00Z, so the producer's clock was not"
                        + " set; correct the time and produce the event again");
        assertThat(EventTime.implausibility(Instant.parse("2026-12-06T12:00:01Z"), now))
                .contains("time 2026-12-06T12:00:01Z is more than a day after the consumer's clock"
                        + " (2026-12-05T12:00:00Z); correct the producer's clock and produce the event again");
    }

    @Test
    void envelopeTakesFourDigitYears() {
        assertThat(EventTime.fitsEnvelope(Instant.parse("0000-01-01T00:00:00Z")))
                .isTrue();
        assertThat(EventTime.fitsEnvelope(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isTrue();
        assertThat(EventTime.fitsEnvelope(Instant.parse("-0001-12-31T23:59:59Z")))
                .isFalse();
        assertThat(EventTime.fitsEnvelope(Instant.parse("+10000-01-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void producerFormsRead() {
        assertThat(EventTime.parse("2026-11-02T06:00:00Z")).contains(Instant.parse("2026-11-02T06:00:00Z"));
        assertThat(EventTime.parse("2026-11-02T06:00:00.5Z")).contains(Instant.parse("2026-11-02T06:00:00.500Z"));
        assertThat(EventTime.parse("2026-11-02T06:00:00.123456789Z"))
                .contains(Instant.parse("2026-11-02T06:00:00.123456789Z"));
        assertThat(EventTime.parse("2026-11-02T08:00:00+02:00")).contains(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @Test
    void invalidTimesRejected() {
        assertThat(EventTime.parse(null)).isEmpty();
        assertThat(EventTime.parse("2026-02-29T06:00:00Z")).isEmpty();
        assertThat(EventTime.parse("2026-11-02T24:00:00Z")).isEmpty();
        assertThat(EventTime.parse("2026-11-02T06:00:60Z")).isEmpty();
        assertThat(EventTime.parse("2026-11-02T06:00:00")).isEmpty();
        assertThat(EventTime.parse("2026-11-02T06:00:00.1234567890Z")).isEmpty();
        assertThat(EventTime.parse("yesterday")).isEmpty();
    }

    @Test
    void sameResultAsOffsetDateTime() {
        List<String> texts = new ArrayList<>(List.of(
                "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z",
                "2024-02-29T12:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-10T00:00:00Z",
                "2026-04-31T00:00:00Z",
                "2026-11-02t06:00:00z",
                "2026-11-02T06:00:00.Z",
                "2026-11-02T06:00Z",
                "2026-11-02 06:00:00Z",
                "+2026-11-02T06:00:00Z",
                "2026-11-02T06:00:00-00:00",
                "2026-1l-02T06:00:00Z"));
        Random random = new Random(20261204);
        String alphabet = "0123456789-T:.Z+z ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(canonical(random));
            for (int change = random.nextInt(3); change > 0; change--) {
                int at = random.nextInt(text.length());
                text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }

        for (String text : texts) {
            assertThat(EventTime.parse(text)).as(text).isEqualTo(reference(text));
        }
    }

    @Test
    void formatsAsInstantToString() {
        List<Instant> times = new ArrayList<>(List.of(
                Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"),
                Instant.parse("1969-12-31T23:59:59.000000001Z"),
                Instant.EPOCH,
                Instant.parse("2024-02-29T12:00:00.100Z"),
                Instant.parse("2026-11-02T06:00:00.000120Z"),
                Instant.parse("-0001-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"),
                Instant.MIN,
                Instant.MAX));
        Random random = new Random(20261206);
        long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        int[] nanoSteps = {1, 1_000, 1_000_000, 1_000_000_000};
        for (int i = 0; i < 20_000; i++) {
            long seconds = first + (long) (random.nextDouble() * (last - first + 1));
            // Whole seconds, milliseconds, microseconds and nanoseconds, so every fraction length comes up.
            int step = nanoSteps[random.nextInt(nanoSteps.length)];
            times.add(Instant.ofEpochSecond(seconds, (long) random.nextInt(1_000_000_000 / step) * step));
        }

        for (Instant time : times) {
            assertThat(EventTime.format(time)).as("%s", time).isEqualTo(time.toString());
        }
    }

    private static String canonical(Random random) {
        String fraction = random.nextBoolean() ? "" : "." + "123456789".substring(0, 1 + random.nextInt(9));
        return String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                random.nextInt(10_000),
                random.nextInt(14),
                random.nextInt(33),
                random.nextInt(26),
                random.nextInt(61),
                random.nextInt(62),
                fraction);
    }

    private static Optional<Instant> reference(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
