package dev.keyline.station.rest;

import dev.keyline.platform.problem.ProblemException;
import dev.keyline.station.domain.ReportProblems;
import dev.keyline.station.domain.StationBinding;
import io.quarkus.security.identity.SecurityIdentity;

/** Reads the line and station a request's station token is bound to. */
final class StationPrincipal {

    private StationPrincipal() {}

    static StationBinding binding(SecurityIdentity identity) {
        String principal = identity.getPrincipal().getName();
        return StationBinding.parse(principal)
                .orElseThrow(() -> new ProblemException(ReportProblems.unboundToken(principal)));
    }
}
