package dev.keyline.alert.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points {@code keyline.webhook.url} at the test {@link WebhookReceiver}. */
public class WebhookTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("keyline.webhook.url", WebhookReceiver.start() + "/webhook");
    }

    @Override
    public void stop() {
        WebhookReceiver.stop();
    }
}
