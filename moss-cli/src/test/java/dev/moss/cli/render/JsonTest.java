package dev.moss.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Json writes trees without an ObjectMapper; the text must be what the mapper printed before. */
class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void everyKindOfNodeIsWrittenAsTheMapperWritesIt() throws Exception {
        ObjectNode o = Json.newObject();
        o.put("text", "quote \" backslash \\ tab \t newline \n unicode \u00e9\u4e2d control \u0001");
        o.put("int", -7);
        o.put("long", 1L << 40);
        o.put("double", 0.25);
        o.put("float", 1.5f);
        o.put("big", new BigInteger("123456789012345678901234567890"));
        o.put("decimal", new BigDecimal("3.14159"));
        o.put("yes", true);
        o.putNull("nothing");
        o.put("absent", (String) null);
        o.putArray("empty");
        o.putObject("none");
        ArrayNode nested = o.putArray("nested");
        nested.add(1).add("two").addObject().put("three", 3).putArray("four").add(false);
        nested.addArray();
        assertThat(Json.write(o)).isEqualTo(MAPPER.writeValueAsString(o));

        assertThat(Json.writeArray(List.of(o, Json.newObject()))).isEqualTo(MAPPER.writeValueAsString(
                Json.newArray().add(o).add(Json.newObject())));
        assertThat(Json.writeArray(List.of())).isEqualTo("[ ]");
    }
}
