package dev.keyline.ledger.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The readings parsed from one import file, the number of full keys dropped, and the rows that could not be read. */
public record ReadingFile(List<MicrosoftReading> readings, int fullKeysDropped, List<String> problems) {

    /**
     * Moves the readings dated before {@code earliest} or after {@code latest} to the problems, naming each by its line
     * in a CSV or its entry number in a {@code .cilx} file. Microsoft cannot have reported a count in the future, and
     * a reading dated there would stay the key's newest and hide every real reading after it. A date before {@code
     * earliest} is a placeholder or a typing error, such as {@code 0001-01-01}.
     */
    public ReadingFile withoutReadingsOutside(Instant earliest, Instant latest) {
        List<MicrosoftReading> accepted = new ArrayList<>();
        List<String> allProblems = new ArrayList<>(problems);
        for (MicrosoftReading reading : readings) {
            if (reading.readAt().isAfter(latest)) {
                allProblems.add("reading " + reading.line() + ": dated " + reading.readAt() + ", later than now ("
                        + latest + " with clock tolerance); check lastUpdate or readAt");
            } else if (reading.readAt().isBefore(earliest)) {
                allProblems.add("reading " + reading.line() + ": dated " + reading.readAt() + ", before " + earliest
                        + ", so the date is a placeholder or a typing error; check lastUpdate or readAt");
            } else {
                accepted.add(reading);
            }
        }
        return new ReadingFile(accepted, fullKeysDropped, allProblems);
    }
}
