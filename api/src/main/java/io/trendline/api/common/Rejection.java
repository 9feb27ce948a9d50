package io.trendline.api.common;

import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;

/**
 * Why a command was refused. Travels as the details of a {@link CommandRejectedException}, so the reason survives
 * the trip through Axon Server in the distributed mode, where exceptions themselves are not serialized.
 *
 * @param kind    what sort of refusal this is; the edge maps it to an HTTP status
 * @param code    a stable, machine-readable reason such as {@code strategy.archived}
 * @param message a sentence for people
 */
public record Rejection(Kind kind, String code, String message) {

    public enum Kind {
        /** The command's content breaks a rule on its own (bad parameter, bad amount). */
        INVALID,
        /** The command conflicts with the aggregate's current state (already archived, purchase pending). */
        CONFLICT,
        /** The command names something that does not exist. */
        NOT_FOUND
    }

    /** The rejection carried by {@code failure} or one of its causes; empty for any other failure. */
    public static Optional<Rejection> of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandExecutionException e) {
                Optional<Rejection> details = e.getDetails().filter(Rejection.class::isInstance)
                        .map(Rejection.class::cast);
                if (details.isPresent()) {
                    return details;
                }
            }
        }
        return Optional.empty();
    }
}
