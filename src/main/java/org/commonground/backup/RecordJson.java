package org.commonground.backup;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;

import org.jooq.Field;
import org.jooq.JSON;
import org.jooq.JSONB;
import org.jooq.Record;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Database rows as JSON objects, one property per column under the column's name: numbers and booleans as such,
 * times as ISO 8601 in UTC with every digit PostgreSQL keeps, {@code jsonb} as the JSON it holds, bytes in base64.
 */
final class RecordJson {

    /** Numbers keep every digit they were written with, so {@code jsonb} comes back exactly as it went out. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private RecordJson() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static ArrayNode array() {
        return JSON.createArrayNode();
    }

    static ObjectNode row(Record record, Field<?>... fields) {
        ObjectNode row = object();
        for (Field<?> field : fields) {
            put(row, field.getName(), record.get(field));
        }
        return row;
    }

    static String time(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
    }

    static void put(ObjectNode row, String name, Object value) {
        row.set(name, node(value));
    }

    private static JsonNode node(Object value) {
        return switch (value) {
            case null -> JSON.getNodeFactory().nullNode();
            case Long l -> JSON.getNodeFactory().numberNode(l);
            case Integer i -> JSON.getNodeFactory().numberNode(i);
            case Short s -> JSON.getNodeFactory().numberNode(s);
            case BigDecimal d -> JSON.getNodeFactory().numberNode(d);
            case BigInteger i -> JSON.getNodeFactory().numberNode(i);
            case Boolean b -> JSON.getNodeFactory().booleanNode(b);
            case String s -> JSON.getNodeFactory().stringNode(s);
            case OffsetDateTime t -> JSON.getNodeFactory().stringNode(time(t));
            case JSONB j -> JSON.readTree(j.data());
            case JSON j -> JSON.readTree(j.data());
            case byte[] bytes -> JSON.getNodeFactory().stringNode(Base64.getEncoder().encodeToString(bytes));
            case Object[] items -> {
                ArrayNode array = array();
                for (Object item : items) {
                    array.add(node(item));
                }
                yield array;
            }
            // A column of a type added later must be given a faithful JSON form here, not a guessed one.
            default -> throw new IllegalStateException("No JSON form for a column of type " + value.getClass().getName());
        };
    }
}
