package dev.keyline.ledger.rest;

import java.util.List;

/** A device's current record and every line event booked for it, oldest first. */
public record DeviceHistoryResponse(DeviceResponse device, List<DeviceEventResponse> events) {}
