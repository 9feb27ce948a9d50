package io.trendline.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trendline.web.security.token.JwtKeyRing;
import io.trendline.web.security.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

class StompAuthenticationInterceptorTest {

    private final TokenService tokens = new TokenService(
            JwtKeyRing.parse("k:" + Base64.getEncoder().encodeToString(new byte[32])), "trendline", "trendline-api",
            Duration.ofMinutes(5), Clock.systemUTC());
    private final StompAuthenticationInterceptor interceptor = new StompAuthenticationInterceptor(tokens);

    private static Message<byte[]> frame(StompCommand command, String authorization, JwtAuthentication user) {
        StompHeaderAccessor accessor = StompHeaderAccessor.create(command);
        if (authorization != null) {
            accessor.addNativeHeader("Authorization", authorization);
        }
        accessor.setUser(user);
        accessor.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
    }

    @Test
    void aConnectWithAValidTokenMakesItsUserTheSessionPrincipal() {
        String token = tokens.issue("u-1", "u@example.test", Set.of(Role.TRADER)).token();

        Message<?> connected = interceptor.preSend(frame(StompCommand.CONNECT, "Bearer " + token, null), null);

        assertThat(StompHeaderAccessor.wrap(connected).getUser()).isInstanceOfSatisfying(JwtAuthentication.class,
                auth -> assertThat(auth.getPrincipal().id()).isEqualTo("u-1"));
    }

    @Test
    void aConnectWithoutOrWithABadTokenIsRefused() {
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.CONNECT, null, null), null))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("Authorization");
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.CONNECT, "Bearer x.y.z", null), null))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("invalid");
    }

    @Test
    void framesOfASessionThatNeverAuthenticatedAreRefused() {
        assertThatThrownBy(() -> interceptor.preSend(frame(StompCommand.SUBSCRIBE, null, null), null))
                .isInstanceOf(MessageDeliveryException.class);
        JwtAuthentication user = new JwtAuthentication(new AuthenticatedUser("u-1", "e", Set.of(Role.TRADER)));
        assertThat(interceptor.preSend(frame(StompCommand.SUBSCRIBE, null, user), null)).isNotNull();
    }
}
