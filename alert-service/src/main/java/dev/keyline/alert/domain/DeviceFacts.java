package dev.keyline.alert.domain;

/**
 * The facts about a device from its line events: the key it was last provisioned with, where, and whether the key was
 * removed from its registry ({@code slmgr /cpky}) since.
 */
public record DeviceFacts(
        String serial, String keyId, String partialKey, String lineId, String stationId, boolean keyCleared) {}
