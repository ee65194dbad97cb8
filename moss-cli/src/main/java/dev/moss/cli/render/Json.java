package dev.moss.cli.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The {@code --json} output of every command: Jackson trees, so field order is fixed by the code
 * that builds them, printed indented by jackson-core's generator.
 *
 * <p>No {@code ObjectMapper}: building one loads hundreds of serializer classes, and the JDK AOT
 * cache the launcher starts queries from preloads every class its training run loaded, JSON or
 * not, so a mapper there cost every {@code moss li} about 30 ms. The tree nodes and the generator
 * are a few dozen classes; the walk below writes what the mapper wrote, byte for byte.
 */
public final class Json {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory GENERATORS = new JsonFactory();

    private Json() {}

    public static ObjectNode newObject() {
        return NODES.objectNode();
    }

    public static ArrayNode newArray() {
        return NODES.arrayNode();
    }

    /** The nodes as one indented JSON array. */
    public static String writeArray(List<? extends JsonNode> nodes) {
        ArrayNode array = newArray();
        array.addAll(nodes);
        return write(array);
    }

    /** The tree, indented as Jackson's default pretty printer does. */
    public static String write(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = GENERATORS.createGenerator(text)) {
            out.useDefaultPrettyPrinter();
            write(out, node);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON to a string", e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    out.writeFieldName(field.getKey());
                    write(out, field.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode element : node) {
                    write(out, element);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            case NUMBER -> {
                if (node.isInt()) {
                    out.writeNumber(node.intValue());
                } else if (node.isLong()) {
                    out.writeNumber(node.longValue());
                } else if (node.isBigInteger()) {
                    out.writeNumber(node.bigIntegerValue());
                } else if (node.isBigDecimal()) {
                    out.writeNumber(node.decimalValue());
                } else if (node.isFloat()) {
                    out.writeNumber(node.floatValue());
                } else {
                    out.writeNumber(node.doubleValue());
                }
            }
            default -> throw new IllegalArgumentException("no JSON text for a " + node.getNodeType() + " node");
        }
    }
}
