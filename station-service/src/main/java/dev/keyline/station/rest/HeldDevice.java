package dev.keyline.station.rest;

import java.time.Instant;

/** One device in {@code GET /api/v1/devices?heldAt=step}: it waits for that step. */
public record HeldDevice(
        String serial,
        int cycle,
        String lastStep,
        String nextStep,
        String lineId,
        String stationId,
        Instant updatedAt) {}
