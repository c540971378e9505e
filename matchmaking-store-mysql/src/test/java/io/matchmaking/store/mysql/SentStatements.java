package io.matchmaking.store.mysql;

import com.mysql.cj.MysqlConnection;
import com.mysql.cj.Query;
import com.mysql.cj.interceptors.QueryInterceptor;
import com.mysql.cj.log.Log;
import com.mysql.cj.protocol.Resultset;
import com.mysql.cj.protocol.ServerSession;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Records every statement the driver sends, {@code COMMIT} and {@code SET autocommit} included:
 * named in a URL's {@code queryInterceptors}, the driver makes one per connection.
 */
public final class SentStatements implements QueryInterceptor {

    private static final List<String> SENT = new CopyOnWriteArrayList<>();

    /** Forgets what was sent so far. */
    static void clear() {
        SENT.clear();
    }

    /** What was sent since the last {@link #clear()}, each in lower case with its whitespace collapsed. */
    static List<String> sent() {
        return List.copyOf(SENT);
    }

    @Override
    public QueryInterceptor init(MysqlConnection connection, Properties properties, Log log) {
        return this;
    }

    @Override
    public <T extends Resultset> T preProcess(Supplier<String> sql, Query query) {
        SENT.add(sql.get().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        return null;
    }

    @Override
    public boolean executeTopLevelOnly() {
        return true;
    }

    @Override
    public void destroy() {
    }

    @Override
    public <T extends Resultset> T postProcess(Supplier<String> sql, Query query, T result, ServerSession session) {
        return null;
    }
}
