package dev.keyline.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One line of a scenario file. */
public sealed interface ScenarioStep {

    /** The 1-based line number in the scenario file, for messages. */
    int lineNumber();

    /**
     * Registers a key with the ledger. The product key is sent once, to the ledger, and never printed.
     *
     * @param allotment activations Microsoft granted the key
     */
    record RegisterKey(int lineNumber, String keyId, String productKey, long allotment) implements ScenarioStep {

        /** Describes the step without the product key. */
        @Override
        public String toString() {
            return "RegisterKey[line " + lineNumber + ", keyId=" + keyId + ", allotment=" + allotment + "]";
        }
    }

    /**
     * Posts one station report; the body goes to the station-service unchanged.
     *
     * @param principal {@code lineId/stationId} from the body, whose token sends the report
     */
    record StationReport(int lineNumber, ReportKind kind, String principal, ObjectNode body) implements ScenarioStep {

        /** Describes the step without its body, whose notes may contain a full product key. */
        @Override
        public String toString() {
            return "StationReport[line " + lineNumber + ", " + kind.wireName() + " from " + principal + "]";
        }
    }
}
