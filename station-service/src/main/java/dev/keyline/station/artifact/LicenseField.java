package dev.keyline.station.artifact;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The license fields the parsers read, with the labels slmgr prints for them in English and German and the matching
 * WMI {@code SoftwareLicensingProduct} property. Labels that slmgr prints but that carry nothing the station service
 * uses are {@link #OTHER}, so they are neither read nor reported as unknown.
 */
public enum LicenseField {
    NAME,
    DESCRIPTION,
    PARTIAL_PRODUCT_KEY,
    PRODUCT_KEY_CHANNEL,
    LICENSE_STATUS,
    NOTIFICATION_REASON,
    OTHER;

    // NOTE: Lizenzstatus, Benachrichtigungsgrund, Product Key-Kanal and the rearm and expiration labels match published
    // German slmgr output. The other German labels are the usual translations and have not been checked.
    private static final Map<String, LicenseField> SLMGR_LABELS = Map.ofEntries(
            Map.entry("name", NAME),
            Map.entry("description", DESCRIPTION),
            Map.entry("partial product key", PARTIAL_PRODUCT_KEY),
            Map.entry("product key channel", PRODUCT_KEY_CHANNEL),
            Map.entry("license status", LICENSE_STATUS),
            Map.entry("notification reason", NOTIFICATION_REASON),
            Map.entry("activation id", OTHER),
            Map.entry("application id", OTHER),
            Map.entry("extended pid", OTHER),
            Map.entry("installation id", OTHER),
            Map.entry("use license url", OTHER),
            Map.entry("validation url", OTHER),
            Map.entry("processor certificate url", OTHER),
            Map.entry("machine certificate url", OTHER),
            Map.entry("product key certificate url", OTHER),
            Map.entry("remaining windows rearm count", OTHER),
            Map.entry("remaining sku rearm count", OTHER),
            Map.entry("remaining app rearm count", OTHER),
            Map.entry("trusted time", OTHER),
            Map.entry("software licensing service version", OTHER),
            Map.entry("timebased activation expiration", OTHER),
            Map.entry("volume activation expiration", OTHER),
            Map.entry("time remaining", OTHER),
            Map.entry("configured activation type", OTHER),
            Map.entry("beschreibung", DESCRIPTION),
            Map.entry("teilweiser product key", PARTIAL_PRODUCT_KEY),
            Map.entry("product key-kanal", PRODUCT_KEY_CHANNEL),
            Map.entry("lizenzstatus", LICENSE_STATUS),
            Map.entry("benachrichtigungsgrund", NOTIFICATION_REASON),
            Map.entry("aktivierungs-id", OTHER),
            Map.entry("anwendungs-id", OTHER),
            Map.entry("erweiterte pid", OTHER),
            Map.entry("installations-id", OTHER),
            Map.entry("verbleibende windows rearm-anzahl", OTHER),
            Map.entry("vertrauenswürdige zeit", OTHER),
            Map.entry("version des softwarelizenzierungsdiensts", OTHER),
            Map.entry("ablauf der zeitbegrenzten aktivierung", OTHER));

    private static final Map<String, LicenseField> WMI_PROPERTIES = Map.ofEntries(
            Map.entry("name", NAME),
            Map.entry("description", DESCRIPTION),
            Map.entry("partialproductkey", PARTIAL_PRODUCT_KEY),
            Map.entry("productkeychannel", PRODUCT_KEY_CHANNEL),
            Map.entry("licensestatus", LICENSE_STATUS),
            Map.entry("licensestatusreason", NOTIFICATION_REASON),
            Map.entry("applicationid", OTHER),
            Map.entry("id", OTHER),
            Map.entry("licensefamily", OTHER),
            Map.entry("licenseisaddon", OTHER),
            Map.entry("productkeyid", OTHER),
            Map.entry("productkeyid2", OTHER),
            Map.entry("offlineinstallationid", OTHER),
            Map.entry("graceperiodremaining", OTHER),
            Map.entry("evaluationenddate", OTHER),
            Map.entry("genuinestatus", OTHER),
            Map.entry("licensedependson", OTHER),
            Map.entry("remainingapprearmcount", OTHER),
            Map.entry("remainingskurearmcount", OTHER),
            Map.entry("trustedtime", OTHER),
            Map.entry("uselicenseurl", OTHER),
            Map.entry("validationurl", OTHER),
            Map.entry("productkeyurl", OTHER),
            Map.entry("processorurl", OTHER),
            Map.entry("machineurl", OTHER),
            Map.entry("extendedgrace", OTHER),
            Map.entry("vlactivationinterval", OTHER),
            Map.entry("vlrenewalinterval", OTHER),
            Map.entry("automaticvmactivationlastactivationtime", OTHER),
            Map.entry("isksmskeyinstalled", OTHER),
            Map.entry("pscomputername", OTHER));

    /** Returns the field of a slmgr label such as {@code Partial Product Key}, in English or German. */
    public static Optional<LicenseField> fromSlmgrLabel(String label) {
        return Optional.ofNullable(SLMGR_LABELS.get(label.trim().toLowerCase(Locale.ROOT)));
    }

    /** Returns the field of a WMI property name such as {@code PartialProductKey}. */
    public static Optional<LicenseField> fromWmiProperty(String property) {
        return Optional.ofNullable(WMI_PROPERTIES.get(property.trim().toLowerCase(Locale.ROOT)));
    }
}
