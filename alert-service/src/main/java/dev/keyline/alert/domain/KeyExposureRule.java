package dev.keyline.alert.domain;

import dev.keyline.schemas.events.KeyExposed;
import java.util.Map;

/**
 * {@code key-exposure}: a station report contained a full product key. The station service masked it before storing
 * or publishing anything, but the key was in clear text on the station, so it counts as leaked. The alert never
 * resolves by itself.
 */
public final class KeyExposureRule {

    private KeyExposureRule() {}

    public static Evaluation evaluate(KeyExposed exposure) {
        AlertIdentity identity = AlertIdentity.of(
                AlertRule.KEY_EXPOSURE,
                Map.of(
                        "partialKey", exposure.partialKey(),
                        "lineId", exposure.lineId(),
                        "stationId", exposure.stationId(),
                        "location", exposure.location()));

        return new Evaluation.Fire(identity, Severity.CRITICAL, summary(exposure), action(exposure));
    }

    private static String summary(KeyExposed exposure) {
        String device = exposure.serial() == null ? "" : " for device " + exposure.serial();
        return String.format(
                "station %s on line %s sent the full product key %s in its %s report%s, at %s",
                exposure.stationId(),
                exposure.lineId(),
                exposure.maskedKey(),
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
}
