package io.trendline.web.security.premium;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The annotated method (or every method of the annotated class) runs only for a user whose subscription, as the
 * subscription projection shows it now, is premium; others get 403 {@code premium-required}. Checked by Spring
 * Security's method security, so it guards any bean, not only controllers; the method must be public.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresPremium {
}
