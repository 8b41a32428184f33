package dev.keyline.station.service;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.domain.DeviceFinding;
import dev.keyline.station.domain.ManufacturingStep;
import dev.keyline.station.domain.ShipBlocker;
import dev.keyline.station.domain.StepProblem;
import dev.keyline.station.domain.WorkflowRules;
import dev.keyline.station.domain.WorkflowState;
import dev.keyline.station.repository.DeviceEntity;
import dev.keyline.station.repository.DeviceRepository;
import dev.keyline.station.repository.DeviceStepEntity;
import dev.keyline.station.repository.DeviceStepRepository;
import dev.keyline.station.rest.DeviceView;
import dev.keyline.station.rest.HeldDevice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads devices' manufacturing state for the GET endpoints. */
@ApplicationScoped
public class DeviceQueries {

    private final DeviceRepository devices;
    private final DeviceStepRepository steps;
    private final ShipBlockerLookup blockers;

    public DeviceQueries(DeviceRepository devices, DeviceStepRepository steps, ShipBlockerLookup blockers) {
        this.devices = devices;
        this.steps = steps;
        this.blockers = blockers;
    }

    /** Returns the device's state and history, or fails with a 404 problem for an unknown serial. */
    public Uni<DeviceView> view(String serial) {
        return Panache.withSession(() -> devices.findById(serial).chain(device -> {
            if (device == null) {
                return Uni.createFrom()
                        .failure(ProblemException.notFound(
                                "device",
                                serial,
                                "check the serial; a device is known once a station reported a step, a provisioning"
                                        + " or an artifact for it"));
            }
            return blockers.openFor(serial)
                    .chain(open -> steps.history(serial).map(history -> toView(device, open, history)));
        }));
    }

    public Uni<List<HeldDevice>> heldAt(ManufacturingStep step, int limit) {
        return Panache.withSession(() -> devices.heldAt(step.wireName(), limit))
                .map(list -> list.stream().map(DeviceQueries::held).toList());
    }

    private static DeviceView toView(DeviceEntity device, List<ShipBlocker> open, List<DeviceStepEntity> history) {
        WorkflowState state = device.state();
        List<StepProblem> shipBlockers = state.hasCompleted(ManufacturingStep.SHIPPED)
                ? List.of()
                : WorkflowRules.problems(state, ManufacturingStep.SHIPPED, open);
        DeviceView.KeyView key = state.key() == null
                ? null
                : new DeviceView.KeyView(
                        state.key().keyId(),
                        state.key().partialKey(),
                        state.key().defaultKey());
        DeviceView.LicenseView license = device.licenseStatus == null
                ? null
                : new DeviceView.LicenseView(
                        device.licenseStatus,
                        device.productKeyChannel,
                        device.licensePartialKey,
                        device.notificationReason,
                        device.licenseReportedAt);
        return new DeviceView(
                device.serial,
                device.cycle,
                device.lastStep,
                device.nextStep,
                key,
                license,
                shipBlockers,
                DeviceFinding.of(state, open),
                history.stream().map(DeviceQueries::step).toList(),
                device.updatedAt);
    }

    private static DeviceView.StepView step(DeviceStepEntity row) {
        return new DeviceView.StepView(
                row.cycle,
                row.step,
                row.implied,
                row.repeat,
                row.eventId == null ? null : row.eventId.toString(),
                row.lineId,
                row.stationId,
                row.occurredAt,
                row.receivedAt);
    }

    private static HeldDevice held(DeviceEntity device) {
        return new HeldDevice(
                device.serial,
                device.cycle,
                device.lastStep,
                device.nextStep,
                device.lineId,
                device.stationId,
                device.updatedAt);
    }
}
