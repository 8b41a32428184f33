package dev.keyline.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictDuplicatesTest {

    @Test
    void duplicateMemberRejected() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictDuplicates().customize(mapper);

        assertThatThrownBy(() -> mapper.readValue("{\"activations\": 5, \"activations\": 7}", Map.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'activations'");
        assertThat(mapper.readValue("{\"activations\": 5}", Map.class)).containsEntry("activations", 5);
    }
}
