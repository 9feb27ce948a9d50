package io.trendline.api.common;

/**
 * Metadata keys every command carries and every event inherits, so an auditor can trace an event to its cause:
 * who issued the command, when, the message that caused it and the conversation it belongs to.
 */
public final class AuditMetaData {

    /** The user who issued the originating command ({@code system} for scheduled and automatic commands). */
    public static final String USER_ID = "userId";
    /** When the originating command was issued, ISO-8601 UTC. */
    public static final String ISSUED_AT = "issuedAt";
    /** The identifier of the message whose handling produced this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The identifier of the first message of the conversation; unchanged along the chain. */
    public static final String CORRELATION_ID = "correlationId";

    public static final String SYSTEM_USER = "system";

    private AuditMetaData() {
    }
}
