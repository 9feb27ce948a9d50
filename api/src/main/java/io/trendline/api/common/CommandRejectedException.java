package io.trendline.api.common;

import org.axonframework.commandhandling.CommandExecutionException;

/** Thrown by command handlers when an invariant refuses the command; carries a {@link Rejection} as its details. */
public class CommandRejectedException extends CommandExecutionException {

    public CommandRejectedException(Rejection.Kind kind, String code, String message) {
        super(message, null, new Rejection(kind, code, message));
    }

    public static CommandRejectedException invalid(String code, String message) {
        return new CommandRejectedException(Rejection.Kind.INVALID, code, message);
    }

    public static CommandRejectedException conflict(String code, String message) {
        return new CommandRejectedException(Rejection.Kind.CONFLICT, code, message);
    }

    public static CommandRejectedException notFound(String code, String message) {
        return new CommandRejectedException(Rejection.Kind.NOT_FOUND, code, message);
    }
}
