package io.trendline.api.common;

import org.axonframework.queryhandling.QueryExecutionException;

/**
 * Thrown by query handlers that refuse a query (bad parameters, unknown subject); carries a {@link Rejection} as its
 * details so the reason survives Axon Server, as {@link CommandRejectedException} does for commands.
 */
public class QueryRejectedException extends QueryExecutionException {

    public QueryRejectedException(Rejection.Kind kind, String code, String message) {
        super(message, null, new Rejection(kind, code, message));
    }

    public static QueryRejectedException invalid(String code, String message) {
        return new QueryRejectedException(Rejection.Kind.INVALID, code, message);
    }
}
