package dev.keyline.station.rest;

import dev.keyline.station.domain.ReportOutcome;
import java.util.List;
import java.util.stream.IntStream;

/** The 202 body of a bulk request: one result per item, in request order, each as a single report's 202 body. */
public record BulkAccepted(int count, List<ItemAccepted> results) {

    /** The result of one item: its index in the request and its report's 202 body members. */
    public record ItemAccepted(int index, ReportAccepted report) {}

    static BulkAccepted of(List<ReportOutcome> outcomes) {
        List<ItemAccepted> results = IntStream.range(0, outcomes.size())
                .mapToObj(index -> new ItemAccepted(index, ReportAccepted.of(outcomes.get(index))))
                .toList();
        return new BulkAccepted(results.size(), results);
    }
}
