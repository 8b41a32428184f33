package dev.keyline.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorableTextTest {

    @Test
    void storableTextPasses() {
        assertThat(StorableText.problem("line 7 \uD83D\uDE00 done")).isNull();
        assertThat(StorableText.problem("")).isNull();
        assertThat(StorableText.problem(null)).isNull();
    }

    @Test
    void nulRejected() {
        assertThat(StorableText.problem("a\u0000b")).isEqualTo(StorableText.NUL_MESSAGE);
    }

    @Test
    void unpairedSurrogatesRejected() {
        assertThat(StorableText.problem("R\uD83D")).isEqualTo(StorableText.SURROGATE_MESSAGE);
        assertThat(StorableText.problem("R\uD800x")).isEqualTo(StorableText.SURROGATE_MESSAGE);
        assertThat(StorableText.problem("\uDE00R")).isEqualTo(StorableText.SURROGATE_MESSAGE);
    }

    @Test
    void mapperRejectsEscapedHalfPair() {
        ObjectMapper mapper = new ObjectMapper();
        new StorableText().customize(mapper);

        assertThatThrownBy(() -> mapper.readValue("{\"reference\": \"R\\ud83d\"}", Map.class))
                .isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("contains half of a UTF-16 surrogate pair");
    }
}
