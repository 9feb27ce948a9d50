package io.trendline.web.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * Puts {@link StompAuthenticationInterceptor} first on the inbound channel of any STOMP endpoint this application
 * enables with {@code @EnableWebSocketMessageBroker}; without one, this configurer is never called.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE + 99)
class WebSocketSecurityConfiguration implements WebSocketMessageBrokerConfigurer {

    private final StompAuthenticationInterceptor interceptor;

    WebSocketSecurityConfiguration(StompAuthenticationInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(interceptor);
    }
}
