package dev.keyline.alert.domain;

import dev.keyline.schemas.events.KeyExposed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code key-exposure}: a station report contained a full product key. The station service masked it before storing
 * or publishing anything, but the key was in clear text on the station, so it counts as leaked. The alert never
 * resolves by itself.
 *
 * <p>Exposures are critical, except in an answer file: there a key that is not one of ours (its fingerprint matches
 * no key the ledger announced) is information, because answer files usually carry Microsoft's published generic
 * setup keys to select the edition. The event does not say whether such a key is generic; the station service's
 * answer-file check tells them apart and keeps a device with an unknown key from shipping.
 *
 * <p>One alert covers a key that one station sent in one kind of report, for any device and wherever in it, because
 * the cause is the station's tool: a station log that repeats the key on 60,000 lines is one alert with 60,000
 * occurrences, whose summary names the latest device and place. While the alert is acknowledged, further leaks of the
 * same kind add occurrences without a new notification. Another key with the same partial key is another alert,
 * because its labels name the key: its key id, or for a key that is not registered the first 16 hex characters of its
 * fingerprint.
 */
public final class KeyExposureRule {

    /** The {@code report} of an exposure that a station found in an unattend.xml answer file. */
    static final String ANSWER_FILE = "answer-file";

    /** The {@code report} of an exposure in a request's URL or {@code Idempotency-Key} header, not in its content. */
    static final String REQUEST = "request";

    private KeyExposureRule() {}

    /**
     * Number of hex characters of the fingerprint that name a key that is not registered. Two of 10,000 keys share
     * these 64 bits with a probability of about 3 in 10^12.
     */
    static final int FINGERPRINT_LABEL_LENGTH = 16;

    /** Evaluates an exposure. {@code ourKeyId} is the id of the registered key with the same fingerprint, if any. */
    public static Evaluation evaluate(KeyExposed exposure, Optional<String> ourKeyId) {
        AlertIdentity identity = AlertIdentity.of(AlertRule.KEY_EXPOSURE, labels(exposure, ourKeyId));

        if (ANSWER_FILE.equals(exposure.report())) {
            Severity severity = ourKeyId.isPresent() ? Severity.CRITICAL : Severity.INFO;
            return new Evaluation.Fire(
                    identity, severity, answerFileSummary(exposure, ourKeyId), answerFileAction(exposure, ourKeyId));
        }
        if (REQUEST.equals(exposure.report())) {
            return new Evaluation.Fire(
                    identity, Severity.CRITICAL, requestSummary(exposure, ourKeyId), requestAction(exposure));
        }
        return new Evaluation.Fire(identity, Severity.CRITICAL, summary(exposure, ourKeyId), action(exposure));
    }

    /**
     * Returns the alert's labels. Two keys can share their partial key, so the key itself is named too: by its key id
     * when it is registered, else by the start of its HMAC fingerprint, which does not reveal the key.
     */
    private static Map<String, String> labels(KeyExposed exposure, Optional<String> ourKeyId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("partialKey", exposure.partialKey());
        labels.put("lineId", exposure.lineId());
        labels.put("stationId", exposure.stationId());
        labels.put("report", exposure.report());
        if (ourKeyId.isPresent()) {
            labels.put("keyId", ourKeyId.get());
        } else {
            labels.put("fingerprint", exposure.fingerprint().substring(0, FINGERPRINT_LABEL_LENGTH));
        }
        return labels;
    }

    private static String requestSummary(KeyExposed exposure, Optional<String> ourKeyId) {
        return String.format(
                "station %s on line %s sent the full product key %s%s in the %s of a request to the station service",
                exposure.stationId(),
                exposure.lineId(),
                exposure.maskedKey(),
                ourKeyId.map(keyId -> " (key " + keyId + ")").orElse(""),
                exposure.location());
    }

    private static String requestAction(KeyExposed exposure) {
        return String.format(
                "fix the tool of station %s so that it sends the device serial in the URL and a new UUID as"
                        + " Idempotency-Key, never a product key; the key was in clear text in the "
                        + "station's request and"
                        + " in any proxy or access log on its way, so treat key %s as leaked and watch its"
                        + " Microsoft-reported remaining count",
                exposure.stationId(), exposure.maskedKey());
    }

    private static String summary(KeyExposed exposure, Optional<String> ourKeyId) {
        String device = exposure.serial() == null ? "" : " for device " + exposure.serial();
        return String.format(
                "station %s on line %s sent the full product key %s%s in its %s report%s, at %s",
                exposure.stationId(),
                exposure.lineId(),
                exposure.maskedKey(),
                ourKeyId.map(keyId -> " (key " + keyId + ")").orElse(""),
                exposure.report(),
                device,
                exposure.location());
    }

    private static String action(KeyExposed exposure) {
        return String.format(
                "remove the key from where it was found (%s in the %s report of station %s) and from the device"
                        + " registry with 'slmgr /cpky'; treat key %s as leaked and watch its Microsoft-reported"
                        + " remaining count",
                exposure.location(), exposure.report(), exposure.stationId(), exposure.maskedKey());
    }

    private static String answerFileSummary(KeyExposed exposure, Optional<String> ourKeyId) {
        String whose = ourKeyId.map(keyId -> "our key " + keyId)
                .orElse("a key that is not registered in Keyline, such as a generic setup key");
        String device = exposure.serial() == null ? "" : " of device " + exposure.serial();
        return String.format(
                "an answer file%s on station %s, line %s, holds the full product key %s (%s) at %s",
                device, exposure.stationId(), exposure.lineId(), exposure.maskedKey(), whose, exposure.location());
    }

    private static String answerFileAction(KeyExposed exposure, Optional<String> ourKeyId) {
        String removal = String.format(
                "remove the key from the answer file at %s, and from the copies setup caches under %%WINDIR%%\\Panther"
                        + " and %%WINDIR%%\\System32\\Sysprep, before the image ships",
                exposure.location());
        if (ourKeyId.isEmpty()) {
            return removal + "; if the key is not a published generic setup key, find out whose key it is";
        }
        return removal + "; treat key " + ourKeyId.get() + " as leaked if an image with it has shipped";
    }
}
