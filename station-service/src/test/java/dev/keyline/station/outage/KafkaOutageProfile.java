package dev.keyline.station.outage;

import dev.keyline.embedded.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Runs the service against a standalone broker that tests can stop, and a database of its own. */
public class KafkaOutageProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(StandaloneKafkaResource.class),
                new TestResourceEntry(PostgresTestResource.class, Map.of("database", "keyline_station")));
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }
}
