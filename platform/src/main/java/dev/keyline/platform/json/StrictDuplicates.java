package dev.keyline.platform.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Makes request bodies reject a member given twice in one object, such as {@code {"activations": 5, "activations":
 * 7}}. Jackson's default keeps the last one, so the service would book a value the operator may not have meant.
 */
@Singleton
public class StrictDuplicates implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
    }
}
