package io.trendline.web.security.premium;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;

/** Puts {@link RequiresPremium} into Spring Security's method interceptors, right after {@code @PreAuthorize}. */
@Configuration(proxyBeanMethods = false)
class PremiumMethodSecurity {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor requiresPremiumAdvisor(ObjectProvider<Entitlements> entitlements) {
        ComposablePointcut pointcut = new ComposablePointcut(
                new AnnotationMatchingPointcut(RequiresPremium.class, true))
                .union(new AnnotationMatchingPointcut(null, RequiresPremium.class, true));
        AuthorizationManagerBeforeMethodInterceptor interceptor = new AuthorizationManagerBeforeMethodInterceptor(
                pointcut, new PremiumAuthorizationManager(entitlements::getObject));
        interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder() + 1);
        return interceptor;
    }
}
