package dev.keyline.ledger.rest;

import java.util.List;

/** One page of devices and the total that match the filter. */
public record DevicePage(long total, int page, int size, List<DeviceResponse> items) {}
