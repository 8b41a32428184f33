package dev.keyline.station.domain;

/** One reason a step cannot be completed yet, and what the station must run to remove it. */
public record StepProblem(String problem, String fix) {}
