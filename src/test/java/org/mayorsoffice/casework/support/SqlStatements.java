package org.mayorsoffice.casework.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares or creates, so a test can assert that a
 * page issues the same number of statements whatever the size of the data (no N+1 queries). MockMvc
 * runs a request on the test's own thread, so only that request's statements are counted.
 */
public final class SqlStatements {

    private static final ThreadLocal<long[]> COUNT = ThreadLocal.withInitial(() -> new long[1]);
    private static final ThreadLocal<List<String>> SQL = ThreadLocal.withInitial(ArrayList::new);
    /** The SQL of the statements prepared on a connection inside a transaction (auto-commit off). */
    private static final ThreadLocal<List<String>> IN_TRANSACTION = ThreadLocal.withInitial(ArrayList::new);
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");

    private SqlStatements() {}

    public static void reset() {
        COUNT.get()[0] = 0;
        SQL.get().clear();
        IN_TRANSACTION.get().clear();
    }

    /** The SQL of the statements prepared inside a transaction since the last {@link #reset()}. */
    public static List<String> sqlInTransactions() {
        return List.copyOf(IN_TRANSACTION.get());
    }

    /** The SQL of the statements prepared since the last {@link #reset()} (created statements have none). */
    public static List<String> sql() {
        return List.copyOf(SQL.get());
    }

    public static long count() {
        return COUNT.get()[0];
    }

    /** Wraps the application's data source so every connection it hands out counts statements. */
    static DataSource counting(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return wrap(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return wrap(super.getConnection(username, password));
            }
        };
    }

    private static Connection wrap(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (STATEMENT_METHODS.contains(method.getName())) {
                COUNT.get()[0]++;
                if (args != null && args.length > 0 && args[0] instanceof String sql) {
                    SQL.get().add(sql);
                    if (!connection.getAutoCommit()) {
                        IN_TRANSACTION.get().add(sql);
                    }
                }
            }
            if (method.getName().equals("unwrap") && args != null && ((Class<?>) args[0]).isInstance(connection)) {
                return connection;
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
    }
}
