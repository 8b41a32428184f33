package dev.keyline.schemas.events;

/**
 * A station reported a device's Windows license state, read from {@code slmgr /dli} or {@code /dlv} output, WMI
 * {@code SoftwareLicensingProduct} or an event log. {@code licenseStatus} is one of {@code licensed},
 * {@code unlicensed}, {@code initial-grace}, {@code additional-grace}, {@code non-genuine-grace},
 * {@code notification}, {@code extended-grace} or {@code unknown}. {@code productKeyChannel} is written as slmgr's
 * {@code Product Key Channel} line writes it, such as {@code OEM:DM} or {@code Volume:MAK}.
 * {@code notificationReason} is the HRESULT slmgr gives for the notification state, in upper-case hex.
 */
public record DeviceLicenseReported(
        String serial,
        String lineId,
        String stationId,
        String partialKey,
        String productKeyChannel,
        String licenseStatus,
        String notificationReason,
        String source)
        implements LineEvent {}
