package dev.keyline.station.artifact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns exported events into activation evidence. Security-SPP 8198 is a failed activation with {@code hr=0x...} in
 * its data. Security-SPP 1003 is a licensing status check. Client-Licensing 118 is an attempt without an outcome, so it
 * never counts as a success by itself. Other events are counted as ignored.
 */
public final class EventLogInterpreter {

    /** The {@code hr=} value of event 8198, up to the next blank, comma, semicolon or closing parenthesis. */
    private static final Pattern HRESULT = Pattern.compile("hr\\s*=\\s*([^\\s;,)]*)");

    /** An HRESULT as Windows writes it: 0x and 8 hexadecimal digits. */
    private static final Pattern EIGHT_HEX_DIGITS = Pattern.compile("0x[0-9A-Fa-f]{8}");
    // NOTE: the "index: SKU id, status, ..." layout of the 1003 status text is taken from public event exports; a text
    // that does not match is reported as a problem, never read as licensed.
    private static final Pattern SKU_STATUS =
            Pattern.compile("(?m)^\\s*\\d+\\s*:\\s*[0-9A-Fa-f]{8}-[0-9A-Fa-f-]{27}\\s*,\\s*(\\d+)\\s*,");

    private EventLogInterpreter() {}

    /** Evidence in time order, events without evidence counted, and problems with events that could not be read. */
    public record Interpretation(List<ActivationEvidence> evidence, int ignored, List<String> problems) {}

    public static Interpretation interpret(List<LogEvent> events) {
        List<ActivationEvidence> evidence = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int ignored = 0;
        for (LogEvent event : events) {
            Optional<ActivationEvidence> read = read(event, problems);
            if (read.isPresent()) {
                evidence.add(read.get());
            } else {
                ignored++;
            }
        }
        evidence.sort(Comparator.comparing(ActivationEvidence::time, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Interpretation(List.copyOf(evidence), ignored, List.copyOf(problems));
    }

    private static Optional<ActivationEvidence> read(LogEvent event, List<String> problems) {
        String provider = event.provider() == null ? "" : event.provider().toLowerCase(Locale.ROOT);
        String data = String.join("\n", event.data());
        if (provider.contains("security-spp") && event.eventId() == 8198) {
            Matcher hresult = HRESULT.matcher(data);
            if (!hresult.find()) {
                problems.add("event 8198 at " + event.time() + " has no hr=0x... in its data");
                return Optional.empty();
            }
            if (!EIGHT_HEX_DIGITS.matcher(hresult.group(1)).matches()) {
                // A longer or shorter value is garbled, and reading its first 8 digits could mark a key exhausted.
                problems.add("event 8198 at " + event.time() + " has an hr= value that is not 0x and 8 hexadecimal"
                        + " digits, so nothing was booked for it; export the event log again");
                return Optional.empty();
            }
            String result = "0x" + hresult.group(1).substring(2).toUpperCase(Locale.ROOT);
            return Optional.of(evidence(event, ActivationEvidence.Kind.FAILED, result, null, "activation failed"));
        }
        if (provider.contains("security-spp") && event.eventId() == 1003) {
            return licenseCheck(event, data, problems);
        }
        if (provider.contains("client-licensing") && event.eventId() == 118) {
            return Optional.of(evidence(
                    event,
                    ActivationEvidence.Kind.ATTEMPTED,
                    null,
                    null,
                    "the device left deferred activation and attempted to activate; event 118 does not say whether"
                            + " it succeeded"));
        }
        return Optional.empty();
    }

    /** Reads a 1003 check: licensed when any SKU has status 1, otherwise the lowest status found. */
    private static Optional<ActivationEvidence> licenseCheck(LogEvent event, String data, List<String> problems) {
        Matcher matcher = SKU_STATUS.matcher(data);
        List<Integer> statuses = new ArrayList<>();
        while (matcher.find()) {
            statuses.add(Integer.parseInt(matcher.group(1)));
        }
        if (statuses.isEmpty()) {
            problems.add("event 1003 at " + event.time() + " has no licensing status the parser can read");
            return Optional.empty();
        }
        LicenseStatus status = statuses.contains(1)
                ? LicenseStatus.LICENSED
                : LicenseStatus.fromWmi(statuses.stream().min(Integer::compare).orElseThrow())
                        .orElse(LicenseStatus.UNKNOWN);
        return Optional.of(evidence(
                event,
                ActivationEvidence.Kind.LICENSE_CHECKED,
                null,
                status,
                "licensing status check found " + status.wireName()));
    }

    private static ActivationEvidence evidence(
            LogEvent event, ActivationEvidence.Kind kind, String result, LicenseStatus status, String detail) {
        return new ActivationEvidence(kind, event.time(), event.provider(), event.eventId(), result, status, detail);
    }
}
