package dev.keyline.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Addresses of the running local stack and the tokens for calling it. The tokens are bearer tokens of this local stack,
 * not product keys, and are printed on purpose.
 *
 * @param serviceUrls base URL of each service by module name
 * @param logDirectory directory of the services' log files
 */
public record StackInfo(
        SortedMap<String, String> serviceUrls,
        String kafkaBootstrapServers,
        String postgresHost,
        int postgresPort,
        String logDirectory,
        String operatorToken,
        String auditorToken) {

    public StackInfo {
        serviceUrls = new TreeMap<>(serviceUrls);
    }

    public static StackInfo of(LocalStack stack) {
        SortedMap<String, String> urls = new TreeMap<>();
        for (KeylineService service : KeylineService.values()) {
            urls.put(service.moduleName(), stack.serviceUrl(service).toString());
        }
        return new StackInfo(
                urls,
                stack.kafkaBootstrapServers(),
                stack.postgres().address().host(),
                stack.postgres().address().port(),
                stack.logDirectory().toString(),
                stack.tokens().operatorToken(),
                stack.tokens().auditorToken());
    }

    /** Returns the service URLs in start order (station, ledger, alert). */
    public Map<String, String> serviceUrlsInStartOrder() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (KeylineService service : KeylineService.values()) {
            if (serviceUrls.containsKey(service.moduleName())) {
                ordered.put(service.moduleName(), serviceUrls.get(service.moduleName()));
            }
        }
        return ordered;
    }
}
