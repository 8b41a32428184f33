package dev.keyline.ledger.domain;

import java.util.List;

/** The readings parsed from one import file, the number of full keys dropped, and the rows that could not be read. */
public record ReadingFile(List<MicrosoftReading> readings, int fullKeysDropped, List<String> problems) {}
