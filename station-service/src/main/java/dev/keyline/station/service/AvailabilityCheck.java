package dev.keyline.station.service;

import dev.keyline.station.domain.DeviceProvisionedReport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Checks a provisioning against the key's last published available count. */
@ApplicationScoped
public class AvailabilityCheck {

    /** Returns the warnings to send with an accepted provisioning. */
    public Uni<List<String>> check(DeviceProvisionedReport report) {
        return Uni.createFrom().item(List.of());
    }
}
