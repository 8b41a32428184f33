package dev.keyline.station.artifact;

/**
 * One license as slmgr, WMI or JSON describe it. {@code status} is {@link LicenseStatus#UNKNOWN} when the output gave
 * none or an unknown one. {@code productKeyChannel} comes from the {@code Product Key Channel} line, else from the
 * description's channel suffix ({@code channelSource} says which). {@code inUse} is false for a license that slmgr
 * prints as not in use or that has no partial key.
 */
public record LicenseBlock(
        String name,
        String description,
        String partialKey,
        LicenseStatus status,
        String statusText,
        String productKeyChannel,
        String channelSource,
        String notificationReason,
        boolean inUse) {}
