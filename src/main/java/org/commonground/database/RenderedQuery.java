package org.commonground.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;

/**
 * A hot query whose SQL is rendered once, not at every execution. Under bench/run-load jOOQ spent a sixth of the
 * instance's time rendering the same few queries (every open page re-reads what it shows at each change); its manual
 * suggests caching the SQL it generates. The query is built once with named parameters ({@code DSL.param("id",
 * Long.class)}) and any constants inlined; each execution binds the parameters' values and reads the rows with the
 * query's own fields, so {@code record.get(TABLE.COLUMN)} and {@code record.into(TABLE)} work as usual.
 */
public final class RenderedQuery {

    /** ":name", but not the second colon of a "::type" cast. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([A-Za-z_]\\w*|\\d+)");

    private final String sql;
    private final List<String> parameters = new ArrayList<>();
    private final Field<?>[] fields;

    public RenderedQuery(DSLContext db, ResultQuery<?> query) {
        String named = db.renderNamedParams(query);
        Matcher m = PARAMETER.matcher(named);
        StringBuilder positional = new StringBuilder();
        while (m.find()) {
            if (Character.isDigit(m.group(1).charAt(0))) {
                throw new IllegalArgumentException("Name every value of a rendered query, or inline it: " + named);
            }
            parameters.add(m.group(1));
            m.appendReplacement(positional, "?");
        }
        m.appendTail(positional);
        this.sql = positional.toString();
        this.fields = query.fields();
    }

    public Result<Record> fetch(DSLContext db, Map<String, ?> values) {
        Object[] binds = new Object[parameters.size()];
        for (int i = 0; i < binds.length; i++) {
            String name = parameters.get(i);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value for :" + name + " in " + sql);
            }
            binds[i] = values.get(name);
        }
        // Straight to JDBC: handed the SQL as text, jOOQ would still parse it for its placeholders and render it
        // again at every execution, most of what this class saves (bench/run-load).
        return db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < binds.length; i++) {
                    statement.setObject(i + 1, binds[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetch(rows, fields);
                }
            }
        });
    }

    String sql() {
        return sql;
    }
}
