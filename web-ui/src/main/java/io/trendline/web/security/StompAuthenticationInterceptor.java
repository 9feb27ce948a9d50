package io.trendline.web.security;

import io.trendline.web.security.token.InvalidTokenException;
import io.trendline.web.security.token.TokenService;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Authenticates STOMP over WebSocket with the same access tokens as REST. Browsers cannot set headers on the
 * WebSocket handshake, so {@code /ws} itself is open and the token travels in the CONNECT frame's
 * {@code Authorization: Bearer …} header; a CONNECT without a valid token is refused (the client gets an ERROR
 * frame and the connection closes), and every later frame of the session must come from an authenticated CONNECT.
 * The user becomes the session's principal, so {@code @MessageMapping} methods and user destinations see it.
 */
@Component
public class StompAuthenticationInterceptor implements ChannelInterceptor {

    private static final String BEARER = "Bearer ";
    private final TokenService tokens;

    public StompAuthenticationInterceptor(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null) {
            return message;
        }
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.CONNECT || command == StompCommand.STOMP) {
            String header = accessor.getFirstNativeHeader("Authorization");
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                throw new MessageDeliveryException(message, "CONNECT needs an Authorization: Bearer <token> header");
            }
            try {
                accessor.setUser(new JwtAuthentication(tokens.verify(header.substring(BEARER.length()).strip())));
            } catch (InvalidTokenException e) {
                throw new MessageDeliveryException(message, e.getMessage());
            }
            return message;
        }
        if (command != StompCommand.DISCONNECT && !(accessor.getUser() instanceof JwtAuthentication)) {
            throw new MessageDeliveryException(message, command + " before an authenticated CONNECT");
        }
        return message;
    }
}
