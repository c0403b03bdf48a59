package org.parkscope.shared;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to a record by component name, the column found once per result set from its labels (the component name
 * or its snake_case form, case-insensitive, as {@code JdbcClient.query(Record.class)} matches them).
 *
 * <p>Why not {@code query(Record.class)}: Spring's {@code SimplePropertyRowMapper} looks each camelCase component up
 * with {@code ResultSet.findColumn} on every row and, the label being snake_case or lower case in PostgreSQL, PgJDBC
 * answers with a {@code PSQLException} whose message it formats first — an exception per camelCase column per row,
 * the largest cost of a list page. An instance keeps the column positions of the result set it maps, so each query
 * takes a new one: {@code jdbc.sql(...).query(RecordRows.of(Row.class)).list()}.
 */
public final class RecordRows<T extends Record> implements RowMapper<T> {

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private final Class<T> type;
    private final Shape shape;
    private ResultSet mapped;
    private int[] columns;

    private RecordRows(Class<T> type) {
        this.type = type;
        this.shape = SHAPES.get(type);
    }

    /** A mapper for one query. */
    public static <T extends Record> RecordRows<T> of(Class<T> type) {
        return new RecordRows<>(type);
    }

    @Override
    public T mapRow(ResultSet rs, int rowNum) throws SQLException {
        if (rs != mapped) {
            columns = shape.columnsOf(type, rs.getMetaData());
            mapped = rs;
        }
        Object[] args = new Object[columns.length];
        for (int i = 0; i < args.length; i++) {
            TypeDescriptor td = shape.types[i];
            args[i] = CONVERSION.convert(JdbcUtils.getResultSetValue(rs, columns[i], td.getType()), td);
        }
        return type.cast(BeanUtils.instantiateClass(shape.constructor, args));
    }

    /** A record's canonical constructor, its component names and types. */
    private record Shape(Constructor<?> constructor, String[] names, TypeDescriptor[] types) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<?> constructor;
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type + " has no canonical constructor", e);
            }
            String[] names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
            TypeDescriptor[] types = new TypeDescriptor[components.length];
            for (int i = 0; i < types.length; i++) {
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
            return new Shape(constructor, names, types);
        }

        int[] columnsOf(Class<?> type, ResultSetMetaData meta) throws SQLException {
            int count = meta.getColumnCount();
            String[] labels = new String[count + 1];
            for (int c = 1; c <= count; c++) {
                labels[c] = JdbcUtils.lookupColumnName(meta, c).toLowerCase(Locale.ROOT);
            }
            int[] columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = find(labels, names[i].toLowerCase(Locale.ROOT));
                if (columns[i] == 0) {
                    columns[i] = find(labels, JdbcUtils.convertPropertyNameToUnderscoreName(names[i]));
                }
                if (columns[i] == 0) {
                    throw new InvalidDataAccessApiUsageException("no column " + names[i] + " (or "
                            + JdbcUtils.convertPropertyNameToUnderscoreName(names[i]) + ") for " + type.getName()
                            + " in " + Arrays.toString(Arrays.copyOfRange(labels, 1, labels.length)));
                }
            }
            return columns;
        }

        private static int find(String[] labels, String name) {
            for (int c = 1; c < labels.length; c++) {
                if (name.equals(labels[c])) {
                    return c;
                }
            }
            return 0;
        }
    }
}
