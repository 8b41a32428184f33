package dev.keyline.station.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A request body as a JSON tree with every full product key masked, and where each key was found. */
public record RedactedTree(JsonNode tree, List<KeyExposure> exposures) {}
