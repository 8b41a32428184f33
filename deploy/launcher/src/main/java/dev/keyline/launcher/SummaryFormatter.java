package dev.keyline.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a {@link Summary} as a text table for the console, or as JSON. */
public final class SummaryFormatter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryFormatter() {}

    public static String text(Summary summary) {
        StringBuilder out = new StringBuilder();
        out.append("Summary, read from the ledger-service and alert-service APIs\n\n");

        out.append("Keys:\n");
        out.append(String.format(
                "  %-12s %10s %10s %10s %10s%n", "key", "allotment", "committed", "consumed", "available"));
        for (KeyBalance key : summary.keys()) {
            out.append(String.format(
                    "  %-12s %10d %10d %10d %10d%n",
                    key.keyId(), key.allotment(), key.committed(), key.consumed(), key.available()));
        }
        out.append(String.format("%nDevices: %d%n%n", summary.devices()));

        out.append("Firing alerts by rule:\n");
        if (summary.firingAlertsByRule().isEmpty()) {
            out.append("  none\n");
        }
        summary.firingAlertsByRule().forEach((rule, count) -> out.append(String.format("  %-28s %d%n", rule, count)));

        appendStack(out, summary.stack());
        return out.toString();
    }

    private static void appendStack(StringBuilder out, StackInfo stack) {
        out.append("\nLocal stack:\n");
        for (Map.Entry<String, String> service : stack.serviceUrlsInStartOrder().entrySet()) {
            out.append(String.format("  %-17s %s%n", service.getKey(), service.getValue()));
        }
        String alertService = stack.serviceUrls().get(KeylineService.ALERT.moduleName());
        if (alertService != null) {
            out.append(String.format("  %-17s %s%n", "alert dashboard", alertService + "/dashboard/"));
        }
        out.append(String.format("  %-17s %s%n", "Kafka bootstrap", stack.kafkaBootstrapServers()));
        out.append(String.format("  %-17s %s:%d%n", "PostgreSQL", stack.postgresHost(), stack.postgresPort()));
        out.append(String.format("  %-17s %s%n", "service logs", stack.logDirectory()));
        out.append(String.format("  %-17s %s%n", "operator token", stack.operatorToken()));
        out.append(String.format("  %-17s %s%n", "auditor token", stack.auditorToken()));
        out.append("  The tokens are bearer tokens for this local stack only, not product keys. Every token, each\n");
        out.append("  station's included, is in the file 'tokens' of the work directory.\n");
    }

    public static String json(Summary summary) {
        try {
            return MAPPER.writeValueAsString(summary) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize the summary", e);
        }
    }

    public static void writeJson(Summary summary, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, json(summary));
    }
}
