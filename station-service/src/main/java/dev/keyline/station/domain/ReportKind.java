package dev.keyline.station.domain;

import dev.keyline.schemas.EventType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of report a station posts, each with its request record and the event type it becomes. */
public enum ReportKind {
    DEVICE_PROVISIONED("device-provisioned", DeviceProvisionedReport.class, EventType.DEVICE_PROVISIONED),
    ACTIVATION_ATTEMPTED("activation-attempted", ActivationAttemptedReport.class, EventType.ACTIVATION_ATTEMPTED),
    DEVICE_STEP("device-step", StepReport.class, EventType.DEVICE_STEP_COMPLETED);

    private final String wireName;
    private final Class<? extends StationReport> requestClass;
    private final EventType eventType;

    ReportKind(String wireName, Class<? extends StationReport> requestClass, EventType eventType) {
        this.wireName = wireName;
        this.requestClass = requestClass;
        this.eventType = eventType;
    }

    /**
     * Returns the {@code kind} of a report in a bulk request and the {@code report} member of a {@code KeyExposed}
     * event. For the two reports under {@code /api/v1/reports} it is also the last path segment of the endpoint.
     */
    public String wireName() {
        return wireName;
    }

    public Class<? extends StationReport> requestClass() {
        return requestClass;
    }

    public EventType eventType() {
        return eventType;
    }

    public static Optional<ReportKind> find(String wireName) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(wireName))
                .findFirst();
    }

    /** Returns the JSON members a report of this kind may contain, in the order of the request record. */
    public List<String> fieldNames() {
        return Arrays.stream(requestClass.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }
}
