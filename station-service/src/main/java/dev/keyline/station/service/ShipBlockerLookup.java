package dev.keyline.station.service;

import dev.keyline.station.domain.ShipBlocker;
import dev.keyline.station.repository.DeviceFindingEntity;
import dev.keyline.station.repository.DeviceFindingRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the open findings that keep a device from shipping, in the caller's Hibernate session. */
@ApplicationScoped
public class ShipBlockerLookup {

    private final DeviceFindingRepository findings;

    public ShipBlockerLookup(DeviceFindingRepository findings) {
        this.findings = findings;
    }

    public Uni<List<ShipBlocker>> openFor(String serial) {
        return findings.forDevice(serial)
                .map(rows -> rows.stream().map(ShipBlockerLookup::blocker).toList());
    }

    static ShipBlocker blocker(DeviceFindingEntity row) {
        return new ShipBlocker(row.source, row.location, row.severity, row.maskedKey, fix(row.source));
    }

    /** Returns what a station does to clear a finding in the answer file at {@code source}. */
    public static String fix(String source) {
        return "remove the key from " + source + " on the image (delete the cached answer file), then post the"
                + " answer-file check of " + source + " again";
    }
}
