package dev.keyline.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** One line of a scenario file. */
public sealed interface ScenarioStep {

    /** The 1-based line number in the scenario file, for messages. */
    int lineNumber();

    /**
     * Registers a key with the ledger. The product key is sent once, to the ledger, and never printed.
     *
     * @param allotment activations Microsoft granted the key
     */
    /** Registers a key; {@code grantedAt} is null when the scenario leaves the grant time to the ledger (now). */
    record RegisterKey(int lineNumber, String keyId, String productKey, long allotment, Instant grantedAt)
            implements ScenarioStep {

        /** Describes the step without the product key. */
        @Override
        public String toString() {
            return "RegisterKey[line " + lineNumber + ", keyId=" + keyId + ", allotment=" + allotment + ", grantedAt="
                    + grantedAt + "]";
        }
    }

    /**
     * Posts one station report; the body goes to the station-service unchanged.
     *
     * @param principal {@code lineId/stationId} from the body, whose token sends the report
     * @param path endpoint path, which for a step names the device
     */
    record StationReport(int lineNumber, ReportKind kind, String principal, String path, ObjectNode body)
            implements ScenarioStep {

        /** Describes the step without its body, whose notes may contain a full product key. */
        @Override
        public String toString() {
            return "StationReport[line " + lineNumber + ", " + kind.wireName() + " from " + principal + "]";
        }
    }

    /**
     * Posts one station artifact, such as slmgr output or an answer file, as text. The station-service takes the line
     * and station from the token, so {@code principal} only picks the token.
     *
     * @param principal {@code lineId/stationId} from the scenario line, whose token sends the artifact
     * @param serial the device, or null for an answer-file check that names none
     * @param target endpoint path with its query
     * @param content the artifact as the station tool wrote it, sent unchanged
     */
    record StationArtifact(
            int lineNumber, ArtifactKind kind, String principal, String serial, String target, String content)
            implements ScenarioStep {

        /** Describes the step without its content, which may contain a full product key. */
        @Override
        public String toString() {
            return "StationArtifact[line " + lineNumber + ", " + kind.wireName() + " for " + serial + " from "
                    + principal + "]";
        }
    }

    /**
     * Waits until the ledger and the alert-service have processed every line event that the steps before it
     * produced. A scenario puts it where time passes on the line, such as the week between provisioning and the
     * customers' activations, so that the ledger books the two phases in separate batches, as it does in a factory.
     */
    record CatchUp(int lineNumber) implements ScenarioStep {}
}
