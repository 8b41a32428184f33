package dev.keyline.platform.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes request bodies reject anything after their JSON value, such as a second report in {@code {...}{...}} or a
 * pasted line after the object. Jackson's default reads the first value and drops the rest without a word, so a
 * station got 202 for a report that was never stored, and a key in the dropped text raised no exposure.
 */
@Singleton
public class WholeBody implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }
}
